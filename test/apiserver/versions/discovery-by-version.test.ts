/**
 * Discovery per minor (lib/apiserver/discovery.ts SERVED_CHANGES): group/versions removed after
 * 1.27 stop resolving, GA graduations start resolving; the messages name the chosen version.
 */
import { resolveKind, servedKinds } from '../../../lib/apiserver/discovery';
import { loadManifests } from '../../../lib/apiserver/load-manifests';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { SUPPORTED_MINORS } from '../../../lib/versions/kubernetes-version';

const doc = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: 'x' }, spec: {} });

test.each([
  // [apiVersion, kind, served through minor (inclusive) or from minor, source]
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', { until: 28 }, 'Deprecated API Migration Guide: removed in 1.29'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', { until: 31 }, 'Deprecated API Migration Guide: removed in 1.32'],
  ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', { from: 29 }, 'KEP-1040 GA in 1.29'],
  ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy', { from: 30 }, 'KEP-3488 GA in 1.30'],
  ['networking.k8s.io/v1', 'ServiceCIDR', { from: 33 }, 'KEP-1880 GA in 1.33'],
  ['resource.k8s.io/v1', 'ResourceClaim', { from: 34 }, 'KEP-4381 GA in 1.34'],
  ['storage.k8s.io/v1', 'VolumeAttributesClass', { from: 34 }, 'KEP-3751 GA in 1.34'],
  ['admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy', { from: 36 }, 'KEP-3962 GA in 1.36 (@pulumi/kubernetes 4.32.0 has it in v1, 4.29.0 not)'],
  ['certificates.k8s.io/v1', 'ClusterTrustBundle', { from: 37 }, 'KEP-3257 GA in 1.37 (@pulumi/kubernetes 4.34.2 has it in v1, 4.32.0 not)'],
  ['certificates.k8s.io/v1', 'PodCertificateRequest', { from: 37 }, 'KEP-4317 GA in 1.37 (@pulumi/kubernetes 4.34.2)'],
  ['resource.k8s.io/v1', 'DeviceTaintRule', { from: 37 }, 'KEP-5055 GA in 1.37 (@pulumi/kubernetes 4.34.2)'],
  ['storagemigration.k8s.io/v1', 'StorageVersionMigration', { from: 37 }, 'KEP-4192 GA in 1.37 (@pulumi/kubernetes 4.34.2)'],
] as const)('%s %s is served %j (%s)', (apiVersion, kind, when, _source) => {
  for (const minor of SUPPORTED_MINORS) {
    const expected = 'until' in when ? minor <= when.until : minor >= when.from;
    expect({ minor, served: resolveKind(apiVersion, kind, { minor }).served }).toEqual({ minor, served: expected });
  }
});

test('fails when a kind is not served yet, naming the chosen version', () => {
  const r = loadManifests(doc('resource.k8s.io/v1', 'ResourceClaim'), { featureGates: featureGatesFor({ minor: 33 }) });
  expect(r.issues).toMatchObject([{ code: 'UNKNOWN_KIND' }]);
  expect(r.issues[0].message).toContain('no matches for kind "ResourceClaim" in version "resource.k8s.io/v1"; Kubernetes 1.33 does not serve "resource.k8s.io/v1"');
  const later = loadManifests(doc('resource.k8s.io/v1', 'ResourceClaim'), { featureGates: featureGatesFor({ minor: 34 }) });
  expect(later.issues).toEqual([]);
  expect(later.notices).toMatchObject([{ code: 'IGNORED_KIND' }]);
});

test('fails when the apiVersion is removed at the chosen version, naming it (batch/v1beta1 CronJob at 1.36)', () => {
  const r = loadManifests(doc('batch/v1beta1', 'CronJob'), { featureGates: featureGatesFor({ minor: 36 }) });
  expect(r.issues[0].message).toContain('Kubernetes 1.36 serves CronJob as apiVersion: batch/v1');
});

test('1.27 discovery is the unchanged base table', () => {
  expect(servedKinds(27)['flowcontrol.apiserver.k8s.io/v1beta2']).toEqual(['FlowSchema', 'PriorityLevelConfiguration']);
  expect(servedKinds(27)['resource.k8s.io/v1']).toBeUndefined();
});
