import { semanticIssues } from '../../../lib/apiserver/validation';
import { compareQuantities, parseQuantity, quantityString } from '../../../lib/apiserver/validation/quantity';
import { check, job, messages, pod, Row } from './helpers';

const P = 'spec.containers[0]';

// Ported from validation_test.go#TestValidateVolumes.
describe('validation.go#ValidateVolumes', () => {
  const vols = (...v: Array<Record<string, unknown>>) => pod({ volumes: v });
  test.each<Row>([
    ['emptyDir', vols({ name: 'abc', emptyDir: {} }), undefined],
    ['no source is defaulted to emptyDir', vols({ name: 'abc' }), undefined],
    ['configMap and secret in two volumes', vols({ name: 'a', configMap: { name: 'c' } }, { name: 'b', secret: { secretName: 's' } }), undefined],
    ['zero-length name', vols({ name: '', emptyDir: {} }), 'spec.volumes[0].name'],
    ['name > 63 characters', vols({ name: 'a'.repeat(64), emptyDir: {} }), 'spec.volumes[0].name'],
    ['name not a DNS label', vols({ name: 'a.b.c', emptyDir: {} }), 'spec.volumes[0].name'],
    ['name not unique', vols({ name: 'abc', emptyDir: {} }, { name: 'abc', emptyDir: {} }), 'spec.volumes[1].name'],
    ['more than one source', vols({ name: 'abc', emptyDir: {}, configMap: { name: 'c' } }), 'spec.volumes[0].configMap'],
  ])('%s', (_what, m, path) => check(m, path));
});

// Ported from validation_test.go#TestValidateVolumeMounts.
describe('validation.go#ValidateVolumeMounts', () => {
  const mounts = (...vm: Array<Record<string, unknown>>) => pod({ volumes: [{ name: 'abc', emptyDir: {} }, { name: '123', emptyDir: {} }] }, { volumeMounts: vm });
  test.each<Row>([
    ['abc at /foo', mounts({ name: 'abc', mountPath: '/foo' }), undefined],
    ['123 at /bar', mounts({ name: '123', mountPath: '/bar' }), undefined],
    ['subPath', mounts({ name: 'abc', mountPath: '/baz', subPath: 'baz' }), undefined],
    ['subPath with dots inside a name', mounts({ name: 'abc', mountPath: '/baz', subPath: 'a..b' }), undefined],
    ['same volume at two paths', mounts({ name: 'abc', mountPath: '/a' }, { name: 'abc', mountPath: '/b' }), undefined],
    ['empty name', mounts({ name: '', mountPath: '/foo' }), `${P}.volumeMounts[0].name`],
    ['name not found', mounts({ name: 'not-found', mountPath: '/foo' }), `${P}.volumeMounts[0].name`],
    ['empty mountpath', mounts({ name: 'abc', mountPath: '' }), `${P}.volumeMounts[0].mountPath`],
    ['mountpath collision', mounts({ name: 'abc', mountPath: '/path' }, { name: '123', mountPath: '/path' }), `${P}.volumeMounts[1].mountPath`],
    // upstream reports subPath at fldPath.Child("subPath"): no index
    ['absolute subpath', mounts({ name: 'abc', mountPath: '/bar', subPath: '/baz' }), `${P}.volumeMounts.subPath`],
    ['subpath in ..', mounts({ name: 'abc', mountPath: '/bar', subPath: '../baz' }), `${P}.volumeMounts.subPath`],
    ['subpath contains ..', mounts({ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }), `${P}.volumeMounts.subPath`],
    ['subpath ends in ..', mounts({ name: 'abc', mountPath: '/bar', subPath: './..' }), `${P}.volumeMounts.subPath`],
  ])('%s', (_what, m, path) => check(m, path));

  test('Not found wording', () => {
    expect(messages(mounts({ name: 'data', mountPath: '/d' }))).toEqual([expect.stringMatching(/^spec\.containers\[0\]\.volumeMounts\[0\]\.name: Not found: "data"; /)]);
  });
});

// Ported from validation_test.go#TestValidateResourceRequirements and TestValidateContainers (resources).
describe('validation.go#ValidateResourceRequirements', () => {
  const res = (resources: Record<string, unknown>) => pod({}, { resources });
  test.each<Row>([
    ['requests below limits', res({ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } }), undefined],
    ['requests equal to limits in another unit', res({ requests: { cpu: '0.5', memory: '1Gi' }, limits: { cpu: '500m', memory: '1024Mi' } }), undefined],
    ['requests only', res({ requests: { cpu: '2', memory: '1G' } }), undefined],
    ['extended resource with request = limit', res({ requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } }), undefined],
    ['huge pages with request = limit (and memory)', res({ requests: { 'hugepages-2Mi': '2Mi', memory: '1Gi' }, limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' } }), undefined],
    ['huge pages without cpu or memory ("HugePages require cpu or memory")', res({ requests: { 'hugepages-2Mi': '2Mi' }, limits: { 'hugepages-2Mi': '2Mi' } }), `${P}.resources`],
    ['cpu request over limit', res({ requests: { cpu: '600m' }, limits: { cpu: '500m' } }), `${P}.resources.requests`],
    ['memory request over limit (exponent form)', res({ requests: { memory: '2e9' }, limits: { memory: '1Gi' } }), `${P}.resources.requests`],
    ['extended resource request without limit', res({ requests: { 'nvidia.com/gpu': '1' } }), `${P}.resources.limits`],
    ['extended resource request below limit', res({ requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '2' } }), `${P}.resources.requests`],
    ['fractional extended resource', res({ limits: { 'nvidia.com/gpu': '500m' } }), `${P}.resources.limits[nvidia.com/gpu]`],
    ['unknown standard resource', res({ limits: { disk: '1' } }), `${P}.resources.limits[disk]`],
    ['negative limit', res({ limits: { cpu: '-1' } }), `${P}.resources.limits[cpu]`],
  ])('%s', (_what, m, path) => check(m, path));

  test('worded as the API server words it, with the canonical quantity', () => {
    expect(messages(job({}, { resources: { requests: { cpu: '0.6' }, limits: { cpu: '0.5' } } }))).toEqual([
      expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.resources\.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m; /),
    ]);
  });
});

// quantity.go#ParseQuantity / String, cases from quantity_test.go#TestQuantityParse and TestQuantityString.
describe('quantity', () => {
  test.each([
    ['0', '0'], ['1', '1'], ['0.5', '500m'], ['100m', '100m'], ['1000m', '1'], ['2000', '2k'], ['1500', '1500'],
    ['1Ki', '1Ki'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['512', '512'], ['1e3', '1e3'], ['1.5e3', '1500'], ['1E', '1E'],
    ['0.0000000001', '1n'], ['1.5Gi', '1536Mi'], ['100Ki', '100Ki'], ['-1', '-1'], ['1k', '1k'],
  ])('%s prints as %s', (text, canonical) => {
    expect(quantityString(parseQuantity(text)!)).toBe(canonical);
  });
  test('compares exactly', () => {
    expect(compareQuantities(parseQuantity('1Gi')!, parseQuantity('1073741824')!)).toBe(0);
    expect(compareQuantities(parseQuantity('1G')!, parseQuantity('1Gi')!)).toBe(-1);
    expect(compareQuantities(parseQuantity('1.1')!, parseQuantity('1100m')!)).toBe(0);
    expect(parseQuantity('1.2.3')).toBeUndefined();
    expect(parseQuantity('Mi')).toBeUndefined();
  });
});

// Ported from validation_test.go#TestValidatePodSpec / TestValidatePodCreate / TestValidateTolerations.
describe('validation.go#ValidatePodSpec', () => {
  const tol = (t: Record<string, unknown>) => pod({ tolerations: [t] });
  test.each<Row>([
    ['dnsPolicy ClusterFirstWithHostNet', pod({ dnsPolicy: 'ClusterFirstWithHostNet' }), undefined],
    ['dnsPolicy None with nameservers', pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'] } }), undefined],
    ['restartPolicy OnFailure', pod({ restartPolicy: 'OnFailure' }), undefined],
    ['nodeSelector', pod({ nodeSelector: { 'kubernetes.io/os': 'linux' } }), undefined],
    ['toleration Exists without key', tol({ operator: 'Exists' }), undefined],
    ['toleration Equal', tol({ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }), undefined],
    ['toleration with tolerationSeconds and NoExecute', tol({ key: 'foo', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }), undefined],
    ['bad restartPolicy', pod({ restartPolicy: 'UnknowPolicy' }), 'spec.restartPolicy'],
    ['bad dnsPolicy', pod({ dnsPolicy: 'foo' }), 'spec.dnsPolicy'],
    ['dnsPolicy None without dnsConfig', pod({ dnsPolicy: 'None' }), 'spec.dnsConfig'],
    ['dnsPolicy None without nameservers', pod({ dnsPolicy: 'None', dnsConfig: {} }), 'spec.dnsConfig.nameservers'],
    ['bad nodeSelector key', pod({ nodeSelector: { 'a b': 'c' } }), 'spec.nodeSelector'],
    ['bad nodeSelector value', pod({ nodeSelector: { a: 'b c' } }), 'spec.nodeSelector'],
    ['toleration Exists with value', tol({ key: 'foo', operator: 'Exists', value: 'bar' }), 'spec.tolerations[0].operator'],
    ['toleration without key, operator Equal', tol({ operator: 'Equal', value: 'bar' }), 'spec.tolerations[0].operator'],
    ['toleration tolerationSeconds without NoExecute', tol({ key: 'foo', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }), 'spec.tolerations[0].effect'],
    ['toleration bad effect', tol({ key: 'foo', operator: 'Exists', effect: 'NoScheduleNoAdmit' }), 'spec.tolerations[0].effect'],
    ['toleration bad key', tol({ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar' }), 'spec.tolerations[0].key'],
    ['ephemeralContainers on a Pod', pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }), 'spec.ephemeralContainers'],
    ['ephemeralContainers in a Job template', job({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }), 'spec.template.spec.ephemeralContainers'],
  ])('%s', (_what, m, path) => check(m, path));

  test('ephemeralContainers wording', () => {
    expect(messages(pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }))).toEqual([expect.stringMatching(/^spec\.ephemeralContainers: Forbidden: cannot be set on create; /)]);
  });

  test('a negative terminationGracePeriodSeconds is accepted with the server warning (pkg/api/pod/warnings.go)', () => {
    const r = semanticIssues(pod({ terminationGracePeriodSeconds: -1 }) as never);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual(['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1']);
  });

  test('a StatefulSet template is not validated on create (apps validation.go#ValidatePodTemplateSpecForStatefulSet): warnings', () => {
    const sts = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
      spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/d' }], ports: [{ name: 'http-metrics-port', containerPort: 80 }] }] } } },
    };
    const r = semanticIssues(sts as never);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([
      expect.stringContaining('FailedCreate): spec.template.spec.containers[0].ports[0].name: Invalid value: "http-metrics-port": must be no more than 15 characters'),
      expect.stringContaining('spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"'),
    ]);
    const withClaim = { ...sts, spec: { ...sts.spec, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] } };
    expect(semanticIssues(withClaim as never).warnings).toHaveLength(1);
  });
});
