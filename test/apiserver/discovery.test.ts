import { resolveKind } from '../../lib/apiserver/discovery';
import { ManifestIssueCode } from '../../lib/apiserver/issues';
import { loadManifests } from '../../lib/apiserver/load-manifests';

const doc = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: 'x' }, spec: {} });

test.each([
  ['apps/v1', 'Statefulset', 'StatefulSet'],
  ['batch/v1', 'Cronjob', 'CronJob'],
  ['v1', 'pod', 'Pod'],
])('fails when %s %s is wrong-cased, worded like the server', (apiVersion, kind, right) => {
  const r = loadManifests(doc(apiVersion, kind));
  expect(r.notices).toEqual([]);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.UNKNOWN_KIND, path: 'kind' }]);
  expect(r.issues[0].message).toContain(`no matches for kind "${kind}" in version "${apiVersion}"; did you mean ${right}?`);
});

test('fails when a known kind is under a removed built-in version (batch/v1beta1 CronJob, removed in 1.25)', () => {
  const r = loadManifests(doc('batch/v1beta1', 'CronJob'));
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.UNKNOWN_KIND, path: 'apiVersion' }]);
  expect(r.issues[0].message).toContain('no matches for kind "CronJob" in version "batch/v1beta1"; Kubernetes 1.27 serves CronJob as apiVersion: batch/v1');
});

test('fails when a built-in group/version does not serve the kind at all', () => {
  expect(resolveKind('policy/v1', 'Widget')).toMatchObject({ served: false });
  expect(resolveKind('apps/v2', 'Deployment')).toMatchObject({ served: false });
});

test.each([
  ['monitoring.coreos.com/v1', 'ServiceMonitor'],
  ['apps/v1', 'Deployment'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
])('accepts %s %s with an ignored-kind notice (a CRD, or a built-in kind the simulator does not model)', (apiVersion, kind) => {
  const r = loadManifests(doc(apiVersion, kind));
  expect(r.issues).toEqual([]);
  expect(r.notices).toMatchObject([{ code: 'IGNORED_KIND' }]);
});
