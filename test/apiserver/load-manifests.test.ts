import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { ManifestError, ManifestIssueCode } from '../../lib/apiserver/issues';
import { loadManifests, loadManifestsOrThrow } from '../../lib/apiserver/load-manifests';

const fixtures = path.join(__dirname, '..', 'simulator', 'fixtures');
const fixture = (name: string) => path.join(fixtures, name);

const sts = (spec: Record<string, unknown> = {}, name = 'web') => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name },
  spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }, ...spec },
});
const job = (podSpec: Record<string, unknown>, name = 'backup') => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { containers: [{ name: 'b', image: 'busybox' }], ...podSpec } } },
});
const cron = (spec: Record<string, unknown>, name = 'daily-backup') => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name },
  spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'b', image: 'busybox' }] } } } }, ...spec },
});

test('fails when seed 004 misspells `template` as `templates` (regression: seed 004)', () => {
  const r = loadManifests(fixture('seed-004-sample-statefulset.yaml'));
  expect(r.objects).toEqual([]);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.UNKNOWN_FIELD, documentIndex: 0, path: 'spec.templates', line: 15 }]);
  expect(r.issues[0].message).toBe(
    `${fixture('seed-004-sample-statefulset.yaml')} document 1 (StatefulSet sample-statefulset), line 15: unknown field \`spec.templates\`; did you mean \`template\`?`,
  );
});

test('loads the seed 001 manifests with the PV kept without behaviour', () => {
  const r = loadManifests(fixture('seed-001-web.yaml'));
  expect(r.issues).toEqual([]);
  expect(r.objects.map((o) => `${o.manifest.kind}/${o.manifest.metadata?.name}#${o.documentIndex}`)).toEqual([
    'PersistentVolume/nfs-pv#0', 'PersistentVolumeClaim/nfs-pvc#1', 'StatefulSet/web#2', 'Service/nginx#3',
  ]);
  expect(r.notices).toMatchObject([{ code: 'NO_BEHAVIOUR', documentIndex: 0 }]);
});

test('loads directories in name order, manifest files only', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-'));
  fs.copyFileSync(fixture('seed-001-web.yaml'), path.join(dir, 'b-web.yaml'));
  fs.copyFileSync(fixture('seed-000-mysql.yaml'), path.join(dir, 'a-mysql.yml'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
  const r = loadManifests(dir);
  expect(r.issues).toEqual([]);
  expect([...new Set(r.objects.map((o) => path.basename(o.file)))]).toEqual(['a-mysql.yml', 'b-web.yaml']);
  fs.rmSync(dir, { recursive: true });
});

test('loads a cdk8s Chart in-process', () => {
  const chart = new Chart(Testing.app(), 'c', { disableResourceNameHashes: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ApiObject } = require('cdk8s') as typeof import('cdk8s');
  new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'nginx' } } });
  const r = loadManifests(chart);
  expect(r.issues).toEqual([]);
  expect(r.objects).toMatchObject([{ file: '<chart c>', manifest: { kind: 'Service' } }]);
});

test.each([
  ['a wrong type', sts({ replicas: 'three' }), ManifestIssueCode.WRONG_TYPE, 'spec.replicas'],
  ['a required field is missing (the Go validation\'s, not OpenAPI\'s)', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { selector: {}, template: {} } }, ManifestIssueCode.MISSING_FIELD, 'spec.template.spec.containers'],
  ['a removed apiVersion is used', { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'x' }, spec: {} }, ManifestIssueCode.UNKNOWN_KIND, 'apiVersion'],
  ['a Job has no restartPolicy (defaults to Always)', job({}), ManifestIssueCode.INVALID_VALUE, 'spec.template.spec.restartPolicy'],
  ['a Job uses restartPolicy Always', job({ restartPolicy: 'Always' }), ManifestIssueCode.INVALID_VALUE, 'spec.template.spec.restartPolicy'],
  ['a StatefulSet uses restartPolicy Never', sts({ template: { metadata: { labels: { app: 'nginx' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'n', image: 'nginx' }] } } }), ManifestIssueCode.INVALID_VALUE, 'spec.template.spec.restartPolicy'],
  ['the selector does not match the template labels', sts({ selector: { matchLabels: { app: 'web' } } }), ManifestIssueCode.INVALID_VALUE, 'spec.template.metadata.labels'],
  ['a CronJob schedule does not parse', cron({ schedule: '99 * * * *' }), ManifestIssueCode.INVALID_SCHEDULE, 'spec.schedule'],
  ['a CronJob time zone is unknown', cron({ timeZone: 'Mars/Olympus' }), ManifestIssueCode.INVALID_TIME_ZONE, 'spec.timeZone'],
  ['a CronJob name is longer than 52 characters', cron({}, 'c'.repeat(53)), ManifestIssueCode.INVALID_NAME, 'metadata.name'],
  ['a headless Service is NodePort', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] } }, ManifestIssueCode.INVALID_VALUE, 'spec.clusterIP'],
  ['OnDelete comes with rollingUpdate', sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }), ManifestIssueCode.INVALID_VALUE, 'spec.updateStrategy.rollingUpdate'],
  ['replicas is negative', sts({ replicas: -1 }), ManifestIssueCode.INVALID_VALUE, 'spec.replicas'],
  ['a container has no image', job({ restartPolicy: 'Never', containers: [{ name: 'n' }] }), ManifestIssueCode.MISSING_FIELD, 'spec.template.spec.containers[0].image'],
  ['a name is not a DNS subdomain', sts({}, 'Web_1'), ManifestIssueCode.INVALID_NAME, 'metadata.name'],
])('fails when %s', (_what, doc, code, fieldPath) => {
  const r = loadManifests(doc);
  expect(r.objects).toEqual([]);
  expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code, path: fieldPath, file: '<object>', documentIndex: 0 })]));
});

test('accepts a schedule that never fires, with a warning (the controller reports InvalidSchedule)', () => {
  const r = loadManifests(cron({ schedule: '0 0 30 2 *' }));
  expect(r.issues).toEqual([]);
  expect(r.notices).toMatchObject([{ code: 'WARNING' }]);
  expect(r.notices[0].message).toMatch(/never fires/);
});

test('warns that a StatefulSet name over 52 characters cannot get pods', () => {
  const r = loadManifests(sts({}, 's'.repeat(53)));
  expect(r.issues).toEqual([]);
  expect(r.notices[0].message).toMatch(/controller-revision-hash/);
});

test('ignores kinds without simulated behaviour with a notice, and expands Lists', () => {
  const r = loadManifests({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }, sts()] });
  expect(r.issues).toEqual([]);
  expect(r.objects.map((o) => o.manifest.kind)).toEqual(['StatefulSet']);
  expect(r.notices).toMatchObject([{ code: 'IGNORED_KIND' }]);
});

test('fails when YAML does not parse, with the line', () => {
  const r = loadManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n');
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.SYNTAX, file: '<string>', documentIndex: 0 }]);
  expect(r.issues[0].line).toBeGreaterThan(0);
});

test('fails when a path does not exist, or an object is defined twice', () => {
  expect(loadManifests('missing/web.yaml').issues).toMatchObject([{ code: ManifestIssueCode.FILE_NOT_FOUND, file: 'missing/web.yaml' }]);
  expect(loadManifests([sts(), sts()]).issues).toMatchObject([{ code: ManifestIssueCode.DUPLICATE_OBJECT, documentIndex: 1 }]);
});

test('loadManifestsOrThrow lists every issue', () => {
  expect(() => loadManifestsOrThrow([job({}), cron({ schedule: 'nope' })])).toThrow(ManifestError);
  try {
    loadManifestsOrThrow([job({}), cron({ schedule: 'nope' })]);
  } catch (e) {
    expect((e as ManifestError).issues.map((i) => i.code)).toEqual([ManifestIssueCode.INVALID_VALUE, ManifestIssueCode.INVALID_SCHEDULE]);
    expect((e as Error).message).toMatch(/^2 problems in the manifests:/);
  }
});

test('YAML 1.1 scalars are read as kubectl reads them', () => {
  const r = loadManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  mode: "0644"\n');
  expect(r.issues).toEqual([]);
  const bad = loadManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  enabled: yes\n');
  expect(bad.issues).toMatchObject([{ code: ManifestIssueCode.WRONG_TYPE, path: 'data.enabled' }]);
});
