/** `validate()`: the loader's admission as an offline `kubectl apply --dry-run=server`. */
import { defaultObject } from '../../lib/apiserver/defaults';
import * as path from 'path';
import { ManifestIssueCode } from '../../lib/apiserver/issues';
import { resourceName, validate } from '../../lib/apiserver/validate';
import * as pkg from '../../lib';

const website = path.join(__dirname, '..', 'cli', 'fixtures', 'k8s-website');

const sts = (extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
  spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }, ...extra },
});

test('is exported from the package entry point', () => {
  expect(pkg.validate).toBe(validate);
});

test('admits a valid object, defaulted, and fills in the default namespace, leaving the input unchanged', () => {
  const input = sts();
  const r = validate(input);
  expect(r).toEqual({ valid: true, objects: [{ ...defaultObject(input), metadata: { name: 'web', namespace: 'default' } }], issues: [], notices: [] });
  expect(r.objects[0].spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', template: { spec: { restartPolicy: 'Always' } } });
  expect(input.metadata).toEqual({ name: 'web' });
});

test('uses options.namespace; keeps an explicit namespace; cluster-scoped kinds get none', () => {
  const r = validate([sts(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ops' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops' } }], { namespace: 'team-a' });
  expect(r.valid).toBe(true);
  expect(r.objects.map((o) => o.metadata)).toEqual([{ name: 'web', namespace: 'team-a' }, { name: 'c', namespace: 'ops' }, { name: 'ops' }]);
});

test('fails with the loader\'s coded issues (seed 004 `templates`) and admits nothing from the bad document', () => {
  const bad = sts();
  const { template, ...spec } = bad.spec;
  const r = validate([{ ...bad, spec: { ...spec, templates: template } }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'nginx' } } }]);
  expect(r.valid).toBe(false);
  expect(r.objects.map(resourceName)).toEqual(['service/nginx']);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.UNKNOWN_FIELD, file: '<object>', documentIndex: 0, path: 'spec.templates' }]);
  expect(r.issues[0].message).toMatch(/did you mean `template`/);
});

test('resolves relative paths against options.cwd', () => {
  const r = validate('job.yaml', { cwd: website });
  expect(r.valid).toBe(true);
  expect(r.objects.map(resourceName)).toEqual(['job.batch/pi']);
});

test('reports ignored kinds as notices, not objects', () => {
  const r = validate({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } });
  expect(r).toMatchObject({ valid: true, objects: [], issues: [], notices: [{ code: 'IGNORED_KIND' }] });
});

test('resourceName: lower-case kind and API group, like kubectl', () => {
  const name = (apiVersion: string, kind: string) => resourceName({ apiVersion, kind, metadata: { name: 'x' } });
  expect([name('v1', 'Pod'), name('v1', 'Service'), name('batch/v1', 'Job'), name('batch/v1', 'CronJob'), name('apps/v1', 'DaemonSet'), name('v1', 'ConfigMap'), name('networking.k8s.io/v1', 'NetworkPolicy')])
    .toEqual(['pod/x', 'service/x', 'job.batch/x', 'cronjob.batch/x', 'daemonset.apps/x', 'configmap/x', 'networkpolicy.networking.k8s.io/x']);
});
