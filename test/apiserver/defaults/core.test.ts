/**
 * Service (`SetDefaults_Service` and the registry's `initIPFamilyFields` for a single-stack IPv4
 * cluster), PersistentVolumeClaim and Secret defaulting (`pkg/apis/core/v1/defaults.go`).
 */
import { defaultObject } from '../../../lib/apiserver/defaults';
import { validate } from '../../../lib/apiserver/validate';

type Obj = Record<string, any>;
type K = Obj & { kind: string };
const svc = (spec: Obj): K => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec });

describe('SetDefaults_Service', () => {
  test.each<[string, Obj, Obj]>([
    ['type ClusterIP, sessionAffinity None, protocol TCP, targetPort = port, internalTrafficPolicy Cluster', { selector: { a: 'b' }, ports: [{ port: 80 }] },
      { type: 'ClusterIP', sessionAffinity: 'None', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], internalTrafficPolicy: 'Cluster' }],
    ['targetPort name kept', { selector: { a: 'b' }, ports: [{ port: 80, targetPort: 'http' }] }, { ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] }],
    ['ClientIP: timeoutSeconds 10800', { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
    ['NodePort: externalTrafficPolicy Cluster', { type: 'NodePort', ports: [{ port: 80 }] }, { externalTrafficPolicy: 'Cluster' }],
    ['LoadBalancer: allocateLoadBalancerNodePorts true', { type: 'LoadBalancer', ports: [{ port: 80 }] }, { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' }],
  ])('%s', (_n, spec, want) => {
    expect(defaultObject(svc(spec)).spec).toMatchObject(want);
  });

  test('sessionAffinity None drops sessionAffinityConfig', () => {
    expect(defaultObject(svc({ ports: [{ port: 80 }], sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } })).spec.sessionAffinityConfig).toBeUndefined();
  });
});

describe('initIPFamilyFields on a single-stack IPv4 cluster', () => {
  test.each<[string, Obj, Obj | undefined]>([
    ['ClusterIP: SingleStack, [IPv4]', { selector: { a: 'b' }, ports: [{ port: 80 }] }, { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] }],
    ['headless with selector: SingleStack, [IPv4], clusterIPs [None]', { clusterIP: 'None', selector: { a: 'b' } }, { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], clusterIPs: ['None'] }],
    ['headless without selector: RequireDualStack, [IPv4, IPv6]', { clusterIP: 'None' }, { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] }],
    ['headless without selector, SingleStack given: [IPv4]', { clusterIP: 'None', ipFamilyPolicy: 'SingleStack' }, { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] }],
    ['a given IPv4 clusterIP: family inferred', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] }, { clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'] }],
  ])('%s', (_n, spec, want) => {
    expect(defaultObject(svc(spec)).spec).toMatchObject(want!);
  });

  test('ExternalName: no IP family fields, no internalTrafficPolicy', () => {
    const s = defaultObject(svc({ type: 'ExternalName', externalName: 'example.com' })).spec;
    expect(s.ipFamilies).toBeUndefined();
    expect(s.ipFamilyPolicy).toBeUndefined();
    expect(s.internalTrafficPolicy).toBeUndefined();
  });
});

test('PVC: volumeMode Filesystem (SetDefaults_PersistentVolumeClaimSpec); Block kept', () => {
  const pvc = (spec: Obj): K => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
  expect(defaultObject(pvc({})).spec.volumeMode).toBe('Filesystem');
  expect(defaultObject(pvc({ volumeMode: 'Block' })).spec.volumeMode).toBe('Block');
});

test('Secret: type Opaque (SetDefaults_Secret)', () => {
  expect(defaultObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toMatchObject({ type: 'Opaque' });
});

test('a defaulted Service is idempotent and still validates', () => {
  const once = defaultObject(svc({ clusterIP: 'None', selector: { a: 'b' } }));
  expect(defaultObject(once)).toEqual(once);
  expect(validate(once).issues).toEqual([]);
});
