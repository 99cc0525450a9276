/**
 * Pod/PodSpec defaulting, table-driven, each row citing the `pkg/apis/core/v1/defaults.go`
 * function it checks (TestSetDefaultPod*, TestSetDefaultContainer*, TestSetDefaultProbe in
 * defaults_test.go). Every row fails when the ported rule is dropped or changed.
 */
import { defaultObject, imageTag } from '../../../lib/apiserver/defaults';
import { validate } from '../../../lib/apiserver/validate';

type Obj = Record<string, any>;
type K = Obj & { kind: string };
const pod = (spec: Obj): K => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...spec } });
const container = (c: Obj): Obj => defaultObject(pod({ containers: [{ name: 'c', ...c }] })).spec.containers[0];

describe('SetDefaults_PodSpec', () => {
  test.each<[string, Obj, string, unknown]>([
    ['dnsPolicy ClusterFirst', {}, 'dnsPolicy', 'ClusterFirst'],
    ['dnsPolicy kept', { dnsPolicy: 'Default' }, 'dnsPolicy', 'Default'],
    ['restartPolicy Always', {}, 'restartPolicy', 'Always'],
    ['restartPolicy kept', { restartPolicy: 'Never' }, 'restartPolicy', 'Never'],
    ['securityContext {}', {}, 'securityContext', {}],
    ['securityContext kept', { securityContext: { runAsUser: 1 } }, 'securityContext', { runAsUser: 1 }],
    ['terminationGracePeriodSeconds 30 (DefaultTerminationGracePeriodSeconds)', {}, 'terminationGracePeriodSeconds', 30],
    ['terminationGracePeriodSeconds 0 kept (a pointer: 0 is set)', { terminationGracePeriodSeconds: 0 }, 'terminationGracePeriodSeconds', 0],
    ['schedulerName default-scheduler', {}, 'schedulerName', 'default-scheduler'],
    ['SetDefaults_Pod: enableServiceLinks true', {}, 'enableServiceLinks', true],
    ['SetDefaults_Pod: enableServiceLinks false kept', { enableServiceLinks: false }, 'enableServiceLinks', false],
  ])('%s', (_name, spec, field, want) => {
    expect(defaultObject(pod(spec)).spec[field]).toEqual(want);
  });

  test('a pod template gets SetDefaults_PodSpec but not SetDefaults_Pod (no enableServiceLinks, no requests from limits)', () => {
    const sts = defaultObject<K>({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'w' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' } } }] } } } });
    const spec = sts.spec.template.spec;
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.enableServiceLinks).toBeUndefined();
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
  });

  test('SetDefaults_Pod: requests default to limits, only where unset, containers and init containers', () => {
    const p = defaultObject(pod({
      containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }],
      initContainers: [{ name: 'i', image: 'x', resources: { limits: { memory: '64Mi' } } }],
    }));
    expect(p.spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(p.spec.initContainers[0].resources.requests).toEqual({ memory: '64Mi' });
  });

  test('1.27 defaultHostNetworkPorts: with hostNetwork, hostPort = containerPort where unset', () => {
    const p = defaultObject(pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }] }] }));
    expect(p.spec.containers[0].ports.map((x: Obj) => x.hostPort)).toEqual([80, 81]);
    expect(defaultObject(pod({ containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }] }] })).spec.containers[0].ports[0].hostPort).toBeUndefined();
  });
});

describe('SetDefaults_Container: imagePullPolicy from the tag (parsers.ParseImageName)', () => {
  test.each<[string, string]>([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['registry.k8s.io/pause@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'Always'],
  ])('%s → %s', (image, want) => {
    expect(container({ image }).imagePullPolicy).toBe(want);
  });

  test('an explicit imagePullPolicy is kept', () => {
    expect(container({ image: 'nginx', imagePullPolicy: 'Never' }).imagePullPolicy).toBe('Never');
  });

  test('imageTag: the tag after the last colon behind the last slash', () => {
    expect(imageTag('a/b:c')).toBe('c');
    expect(imageTag('host:1/b')).toBe('latest');
  });

  test('terminationMessagePath /dev/termination-log and terminationMessagePolicy File; port protocol TCP (types.go +default)', () => {
    const c = container({ image: 'x:1', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] });
    expect(c).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(c.ports.map((p: Obj) => p.protocol)).toEqual(['TCP', 'UDP']);
  });

  test('SetDefaults_Probe and SetDefaults_HTTPGetAction; SetDefaults_ObjectFieldSelector', () => {
    const c = container({
      image: 'x:1', readinessProbe: { httpGet: { port: 80 } }, livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
      env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    });
    expect(c.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.livenessProbe.periodSeconds).toBe(5);
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
  });

  test('init and ephemeral containers are defaulted too (SetDefaults_EphemeralContainer)', () => {
    const p = defaultObject(pod({ initContainers: [{ name: 'i', image: 'busybox' }] }));
    expect(p.spec.initContainers[0].imagePullPolicy).toBe('Always');
  });
});

describe('SetDefaults_Volume and the volume sources', () => {
  test.each<[string, Obj, Obj]>([
    ['no source → emptyDir', { name: 'v' }, { name: 'v', emptyDir: {} }],
    ['secret defaultMode 420', { name: 'v', secret: { secretName: 's' } }, { name: 'v', secret: { secretName: 's', defaultMode: 420 } }],
    ['configMap defaultMode 420', { name: 'v', configMap: { name: 'c' } }, { name: 'v', configMap: { name: 'c', defaultMode: 420 } }],
    ['configMap defaultMode kept', { name: 'v', configMap: { name: 'c', defaultMode: 256 } }, { name: 'v', configMap: { name: 'c', defaultMode: 256 } }],
    ['hostPath type ""', { name: 'v', hostPath: { path: '/x' } }, { name: 'v', hostPath: { path: '/x', type: '' } }],
    ['projected token expirationSeconds 3600', { name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } },
      { name: 'v', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }] } }],
  ])('%s', (_n, volume, want) => {
    expect(defaultObject(pod({ volumes: [volume] })).spec.volumes[0]).toEqual(want);
  });
});

describe('defaulting as a whole', () => {
  test('does not change its input and is idempotent (defaulting twice = once)', () => {
    const input = pod({ volumes: [{ name: 'v' }], containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' } }, readinessProbe: { httpGet: { port: 80 } } }] });
    const before = structuredClone(input);
    const once = defaultObject(input);
    expect(input).toEqual(before);
    expect(defaultObject(once)).toEqual(once);
  });

  test('a defaulted Pod still validates, and validate() returns it defaulted', () => {
    const once = defaultObject(pod({}));
    const r = validate(once);
    expect(r.issues).toEqual([]);
    expect(r.objects[0]).toEqual({ ...once, metadata: { name: 'p', namespace: 'default' } });
    expect(validate(pod({})).objects[0]).toEqual(r.objects[0]);
  });

  test('kinds without defaulting are returned as given', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(defaultObject(cm)).toBe(cm);
  });
});
