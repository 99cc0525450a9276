import { isKnownKind, SchemaIssueCode, toDottedPath, validateStrict } from '../../lib/apiserver/schema';

const podSpec = { containers: [{ name: 'app', image: 'nginx:1.25' }] };
const statefulSet = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: podSpec }, ...spec },
});

test('accepts a valid StatefulSet', () => {
  expect(validateStrict(statefulSet({ replicas: 3 }))).toEqual([]);
});

test('fails when a field is unknown, and suggests the closest known name (seed 004 `templates`)', () => {
  const obj = structuredClone(statefulSet({}));
  const spec = obj.spec as Record<string, unknown>;
  spec.templates = spec.template;
  delete spec.template;
  // OpenAPI `required` is not enforced here (required.ts checks the Go validation's required fields).
  expect(validateStrict(obj)).toEqual([
    { code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.templates', message: 'unknown field `spec.templates`; did you mean `template`?' },
  ]);
});

test('fails when a value has the wrong type', () => {
  expect(validateStrict(statefulSet({ replicas: '3' }))).toMatchObject([{ code: SchemaIssueCode.WRONG_TYPE, path: 'spec.replicas' }]);
});

test('fails when a value is outside the enum', () => {
  expect(validateStrict(statefulSet({ podManagementPolicy: 'Burst' }))).toMatchObject([
    { code: SchemaIssueCode.INVALID_VALUE, path: 'spec.podManagementPolicy', message: expect.stringContaining('"OrderedReady", "Parallel"') },
  ]);
});

test('fails when a quantity is malformed', () => {
  const obj = structuredClone(statefulSet({}));
  (obj.spec.template.spec as any).containers[0].resources = { requests: { memory: '10 GiB' } };
  expect(validateStrict(obj)).toMatchObject([{ code: SchemaIssueCode.WRONG_TYPE, path: 'spec.template.spec.containers[0].resources.requests.memory' }]);
});

test('fails when a field exists only after 1.27 (Job podReplacementPolicy, 1.28)', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { podReplacementPolicy: 'Failed', template: { spec: { ...podSpec, restartPolicy: 'Never' } } } };
  expect(validateStrict(job)).toMatchObject([{ code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.podReplacementPolicy' }]);
});

test('fails when the kind is not served by 1.27', () => {
  expect(validateStrict({ apiVersion: 'batch/v1beta1', kind: 'CronJob' })).toMatchObject([{ code: SchemaIssueCode.UNKNOWN_KIND }]);
  expect(isKnownKind('apps/v1', 'DaemonSet')).toBe(true);
  expect(isKnownKind('example.com/v1', 'Widget')).toBe(false);
});

test('fails when a document is not a mapping or lacks kind', () => {
  expect(validateStrict([1, 2])).toMatchObject([{ code: SchemaIssueCode.WRONG_TYPE }]);
  expect(validateStrict({ apiVersion: 'v1' })).toMatchObject([{ code: SchemaIssueCode.MISSING_FIELD, path: 'kind' }]);
});

test('accepts int-or-string and null values the API server treats as absent', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: null }, spec: { clusterIP: 'None', ports: [{ port: 80, targetPort: 'http' }] } };
  expect(validateStrict(svc)).toEqual([]);
});

test('converts JSON pointers to dotted paths', () => {
  expect(toDottedPath('/spec/template/spec/containers/0/image')).toBe('spec.template.spec.containers[0].image');
  expect(toDottedPath('')).toBe('');
});

test('accepts what OpenAPI marks required but the 1.27 Go validation does not (serviceName, onPodConditions, status fields)', () => {
  const obj = structuredClone(statefulSet({})) as any;
  delete obj.spec.serviceName;
  obj.status = { readyReplicas: 1 };
  expect(validateStrict(obj)).toEqual([]);
});
