import * as fs from 'fs';
import * as path from 'path';
import { ManifestIssueCode } from '../../lib/apiserver/issues';
import { loadManifests } from '../../lib/apiserver/load-manifests';

const podSpec = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  containers: [{ name: 'app', image: 'nginx:1.25', ...container }], ...extra,
});
const sts = (spec: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, ...top,
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec() }, ...spec },
});
/** A DaemonSet: its pod template is validated on create (a StatefulSet's is not in 1.27). */
const ds = (spec: Record<string, unknown> = {}) => ({ ...sts(spec), kind: 'DaemonSet' });
const job = (spec: Record<string, unknown>) => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' },
  spec: { template: { spec: podSpec({ restartPolicy: 'Never' }) }, ...spec },
});

test('accepts the Kubernetes docs podFailurePolicy example (a rule with only onExitCodes)', () => {
  const file = path.join(__dirname, 'fixtures', 'job-pod-failure-policy-example.yaml');
  const r = loadManifests(file);
  expect(r.issues).toEqual([]);
  expect(r.objects).toHaveLength(1);
});

test('accepts a StatefulSet without serviceName (optional in 1.27)', () => {
  expect(loadManifests(sts()).issues).toEqual([]);
});

test.each([
  ['status: {}', {}],
  ['a partial status', { replicas: 3, readyReplicas: 1 }],
])('accepts a workload with %s, dropping it as PrepareForCreate does, silently', (_what, status) => {
  const r = loadManifests(sts({}, { status }));
  expect(r.issues).toEqual([]);
  expect(r.notices).toEqual([]);
  expect(r.objects[0].manifest).not.toHaveProperty('status');
});

test('fails when status has an unknown field (strict decoding runs before PrepareForCreate)', () => {
  expect(loadManifests(sts({}, { status: { readyReplica: 1 } })).issues).toMatchObject([{ code: ManifestIssueCode.UNKNOWN_FIELD, path: 'status.readyReplica' }]);
});

const missing: Array<[string, unknown, string]> = [
  ['metadata.name is missing', { ...sts(), metadata: {} }, 'metadata.name'],
  ['a container has no image', ds({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app' }] } } }), 'spec.template.spec.containers[0].image'],
  ['a container has no name', ds({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx' }] } } }), 'spec.template.spec.containers[0].name'],
  ['an init container has no image', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({ initContainers: [{ name: 'init' }] }) } }), 'spec.template.spec.initContainers[0].image'],
  ['a StatefulSet has no selector', sts({ selector: undefined }), 'spec.selector'],
  ['a DaemonSet has no template', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } } } }, 'spec.template'],
  ['a DaemonSet template has no spec', ds({ template: { metadata: { labels: { app: 'web' } } } }), 'spec.template.spec.containers'],
  ['a CronJob has no schedule', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: job({}).spec && { spec: job({}).spec } } }, 'spec.schedule'],
  ['a CronJob has no jobTemplate', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *' } }, 'spec.jobTemplate'],
  ['a Service port has no port', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ targetPort: 80 }] } }, 'spec.ports[0].port'],
  ['a container port has no containerPort', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({}, { ports: [{ name: 'http' }] }) } }), 'spec.template.spec.containers[0].ports[0].containerPort'],
  ['an env var has no name', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({}, { env: [{ value: 'x' }] }) } }), 'spec.template.spec.containers[0].env[0].name'],
  ['a volume has no name', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({ volumes: [{ emptyDir: {} }] }) } }), 'spec.template.spec.volumes[0].name'],
  ['a volumeMount has no mountPath', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({}, { volumeMounts: [{ name: 'v' }] }) } }), 'spec.template.spec.containers[0].volumeMounts[0].mountPath'],
  ['a podFailurePolicy rule has no action', job({ podFailurePolicy: { rules: [{ onExitCodes: { operator: 'In', values: [1] } }] } }), 'spec.podFailurePolicy.rules[0].action'],
  ['onExitCodes has no operator', job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { values: [1] } }] } }), 'spec.podFailurePolicy.rules[0].onExitCodes.operator'],
  ['onExitCodes has no values', job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In' } }] } }), 'spec.podFailurePolicy.rules[0].onExitCodes.values'],
  ['a toleration has no key and operator Equal', ds({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({ tolerations: [{ value: 'x' }] }) } }), 'spec.template.spec.tolerations[0].operator'],
];

test.each(missing)('fails when %s, worded like the server', (_what, doc, fieldPath) => {
  const r = loadManifests(doc as Record<string, unknown>);
  expect(r.objects).toEqual([]);
  expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: ManifestIssueCode.MISSING_FIELD, path: fieldPath })]));
  expect(r.issues.find((i) => i.path === fieldPath)?.message).toContain(`${fieldPath}: Required value`);
});

test('accepts a toleration with only operator Exists (matches every taint)', () => {
  expect(loadManifests(sts({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec({ tolerations: [{ operator: 'Exists' }] }) } })).issues).toEqual([]);
});

test('the fixture is the docs example', () => {
  expect(fs.readFileSync(path.join(__dirname, 'fixtures', 'job-pod-failure-policy-example.yaml'), 'utf8')).toContain('onExitCodes');
});
