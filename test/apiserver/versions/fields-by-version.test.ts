/**
 * A field is rejected at the supported minor before the one that added it, with a message naming
 * that version and the flag that accepts it, and accepted from that version on. Rows cite the KEP
 * that added the field (the generated schemas come from the npm packages, not from this table).
 */
import { loadManifests } from '../../../lib/apiserver/load-manifests';
import { SchemaIssueCode, validateStrict } from '../../../lib/apiserver/schema';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { SUPPORTED_MINORS } from '../../../lib/versions/kubernetes-version';

const container = { name: 'app', image: 'busybox' };
const podSpec = (extra: Record<string, unknown> = {}, c: Record<string, unknown> = {}) => ({ restartPolicy: 'Never', containers: [{ ...container, ...c }], ...extra });
const job = (spec: Record<string, unknown>, pod: Record<string, unknown> = podSpec()) => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { completionMode: 'Indexed', completions: 2, template: { spec: pod }, ...spec },
});
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const pvc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], ...spec } });
const service = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], ...spec } });

/** [what, manifest, field path, first minor with the field, text of "added in"]. */
const ROWS: ReadonlyArray<readonly [string, object, string, number, string]> = [
  ['Job podReplacementPolicy (KEP-3939, 1.28)', job({ podReplacementPolicy: 'Failed' }), 'spec.podReplacementPolicy', 28, '1.28'],
  ['Job backoffLimitPerIndex (KEP-3850, alpha 1.28, beta 1.29)', job({ backoffLimitPerIndex: 1 }), 'spec.backoffLimitPerIndex', 28, '1.28'],
  ['Job maxFailedIndexes (KEP-3850, 1.28)', job({ backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), 'spec.maxFailedIndexes', 28, '1.28'],
  ['Job successPolicy (KEP-3998, 1.30)', job({ successPolicy: { rules: [{ succeededCount: 1 }] } }), 'spec.successPolicy', 30, '1.30'],
  ['Job managedBy (KEP-4368, 1.30)', job({ managedBy: 'example.com/ctl' }), 'spec.managedBy', 30, '1.30'],
  ['init container restartPolicy, sidecars (KEP-753, 1.28)', pod({ ...podSpec(), initContainers: [{ ...container, name: 'side', restartPolicy: 'Always' }] }),
    'spec.initContainers[0].restartPolicy', 28, '1.28'],
  ['PVC volumeAttributesClassName (KEP-3751, 1.29)', pvc({ volumeAttributesClassName: 'fast', resources: { requests: { storage: '1Gi' } } }), 'spec.volumeAttributesClassName', 29, '1.29'],
  ['lifecycle sleep action (KEP-3960, 1.29)', pod(podSpec({}, { lifecycle: { preStop: { sleep: { seconds: 5 } } } })), 'spec.containers[0].lifecycle.preStop.sleep', 29, '1.29'],
  ['Service trafficDistribution (KEP-4444, 1.30)', service({ trafficDistribution: 'PreferClose' }), 'spec.trafficDistribution', 30, '1.30'],
  ['image volumes (KEP-4639, alpha 1.31)', pod(podSpec({ volumes: [{ name: 'v', image: { reference: 'quay.io/crio/artifact:v1', pullPolicy: 'IfNotPresent' } }] })),
    'spec.volumes[0].image', 31, '1.31'],
  ['pod supplementalGroupsPolicy (KEP-3619, alpha 1.31)', pod(podSpec({ securityContext: { supplementalGroupsPolicy: 'Strict' } })), 'spec.securityContext.supplementalGroupsPolicy', 31, '1.31'],
  ['PodResourceClaim resourceClaimName (KEP-4381 structured parameters, 1.31)', pod(podSpec({ resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpu-claim' }] })),
    'spec.resourceClaims[0].resourceClaimName', 31, '1.31'],
  ['pod-level resources (KEP-2837, alpha 1.32)', pod(podSpec({ resources: { limits: { cpu: '1' } } })), 'spec.resources', 32, '1.32'],
  ['pod seLinuxChangePolicy (KEP-1710, 1.32)', pod(podSpec({ securityContext: { seLinuxChangePolicy: 'Recursive' } })), 'spec.securityContext.seLinuxChangePolicy', 32, '1.32'],
  ['container stopSignal (KEP-4960, 1.33)', pod(podSpec({ os: { name: 'linux' } }, { lifecycle: { stopSignal: 'SIGTERM' } })), 'spec.containers[0].lifecycle.stopSignal', 33, '1.33'],
  ['container restartPolicyRules (KEP-5307, 1.34)', pod(podSpec({}, { restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }] })),
    'spec.containers[0].restartPolicyRules', 34, '1.34'],
  ['PodCertificateProjection userAnnotations (1.35: @pulumi/kubernetes 4.29.0 over 4.25.0 and client-node 1.34)',
    pod(podSpec({ volumes: [{ name: 'v', projected: { sources: [{ podCertificate: { signerName: 'example.com/s', keyType: 'ED25519', userAnnotations: { a: 'b' } } }] } }] })),
    'spec.volumes[0].projected.sources[0].podCertificate.userAnnotations', 35, '1.35'],
  ['PodSpec schedulingGroup (1.36: client-node 2.0.2; @pulumi/kubernetes 4.32.0 over 4.29.0)', pod(podSpec({ schedulingGroup: { podGroupName: 'g' } })), 'spec.schedulingGroup', 36, '1.36'],
  ['PodSpec evictionResponders (1.37: @pulumi/kubernetes 4.34.2 over 4.32.0)', pod(podSpec({ evictionResponders: [{ name: 'r', priority: 1 }] })), 'spec.evictionResponders', 37, '1.37'],
  ['VolumeMount bindMountOptions (1.37: @pulumi/kubernetes 4.34.2 over 4.32.0)', pod(podSpec({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/d', bindMountOptions: ['ro'] }] })),
    'spec.containers[0].volumeMounts[0].bindMountOptions', 37, '1.37'],
];

describe.each(ROWS)('%s', (_what, manifest, field, first, added) => {
  const previous = [...SUPPORTED_MINORS].reverse().find((m) => m < first) as number;

  test(`fails at 1.${previous}, naming the version that added it`, () => {
    const issues = validateStrict(manifest, { minor: previous }).filter((i) => i.path === field);
    expect(issues).toEqual([{
      code: SchemaIssueCode.UNKNOWN_FIELD,
      path: field,
      message: `unknown field \`${field}\`: field not declared in Kubernetes 1.${previous}'s schema; it was added in ${added} — use --kubernetes-version 1.${first} or later`,
    }]);
  });

  test.each(SUPPORTED_MINORS.filter((m) => m >= first).map((m) => [m]))('is in the schema of 1.%i', (minor) => {
    expect(validateStrict(manifest, { minor })).toEqual([]);
  });
});

test('the loader reports the field with the hint and no "remove it" advice (the version is the fix)', () => {
  const r = loadManifests(job({ podReplacementPolicy: 'Failed' }), { featureGates: featureGatesFor({ minor: 27 }) });
  expect(r.issues).toHaveLength(1);
  expect(r.issues[0].message).toMatch(/unknown field `spec.podReplacementPolicy`: field not declared in Kubernetes 1\.27's schema; it was added in 1\.28 — use --kubernetes-version 1\.28 or later$/);
});

test('fails when a field was removed, naming the last version that had it (NetworkPolicy status, dropped from the API in 1.28)', () => {
  const np = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {} }, status: { conditions: [] } };
  expect(validateStrict(np, { minor: 27 })).toEqual([]);
  expect(validateStrict(np, { minor: 28 })).toEqual([{
    code: SchemaIssueCode.UNKNOWN_FIELD, path: 'status',
    message: "unknown field `status`: field not declared in Kubernetes 1.28's schema; it was removed after 1.27 — use --kubernetes-version 1.27 or earlier",
  }]);
});

test('fails with a did-you-mean, not a version, when no supported minor has the field', () => {
  expect(validateStrict(job({ podReplacementPolicyy: 'Failed' }), { minor: 36 })).toEqual([{
    code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.podReplacementPolicyy', message: 'unknown field `spec.podReplacementPolicyy`; did you mean `podReplacementPolicy`?',
  }]);
});

test('enums follow the version: PodFailurePolicyRule action FailIndex (KEP-3850) is rejected at 1.27, accepted at 1.28', () => {
  const rule = { action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } };
  const j = job({ backoffLimitPerIndex: 1, podFailurePolicy: { rules: [rule] } });
  const { backoffLimitPerIndex: _drop, ...spec27 } = j.spec as Record<string, unknown>;
  expect(validateStrict({ ...j, spec: spec27 }, { minor: 27 })).toMatchObject([{ code: SchemaIssueCode.INVALID_VALUE, path: 'spec.podFailurePolicy.rules[0].action' }]);
  expect(validateStrict(j, { minor: 28 })).toEqual([]);
});

test('PVC resources keep quantity checking after they became VolumeResourceRequirements (1.29)', () => {
  expect(validateStrict(pvc({ resources: { requests: { storage: '1 Gi' } } }), { minor: 36 })).toMatchObject([
    { code: SchemaIssueCode.WRONG_TYPE, path: 'spec.resources.requests.storage', message: '`spec.resources.requests.storage` must be number or quantity, got "1 Gi"' },
  ]);
  expect(validateStrict(pvc({ resources: { requests: { storage: '1Gi' }, claims: [] } }), { minor: 36 })).toMatchObject([{ code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.resources.claims' }]);
});

test('accepts PriorityClass description at 1.27 (kubernetes-models@4.3.1 drops it; client-node 0.19.0, from 1.27, has it)', () => {
  expect(validateStrict({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, description: 'high' })).toEqual([]);
});

test('a field of one minor only: PodSpec workloadRef (KEP-4671 alpha in 1.35, replaced by schedulingGroup in 1.36)', () => {
  const p = pod(podSpec({ workloadRef: { name: 'w', podGroup: 'g' } }));
  expect(validateStrict(p, { minor: 34 })).toMatchObject([{ code: SchemaIssueCode.UNKNOWN_FIELD, message: expect.stringContaining('it was added in 1.35 — use --kubernetes-version 1.35 or later') }]);
  expect(validateStrict(p, { minor: 35 })).toEqual([]);
  for (const minor of [36, 37]) {
    expect(validateStrict(p, { minor })).toEqual([{
      code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.workloadRef',
      message: `unknown field \`spec.workloadRef\`: field not declared in Kubernetes 1.${minor}'s schema; it was removed after 1.35 — use --kubernetes-version 1.35 or earlier`,
    }]);
  }
});

test('fails when a removed field is used after its removal: PodResourceClaim source (KEP-4381, gone in 1.31; cdk8s-plus-31 lacks it)', () => {
  const p = pod(podSpec({ resourceClaims: [{ name: 'gpu', source: { resourceClaimName: 'gpu-claim' } }] }));
  expect(validateStrict(p, { minor: 30 })).toEqual([]);
  expect(validateStrict(p, { minor: 31 })).toEqual([{
    code: SchemaIssueCode.UNKNOWN_FIELD, path: 'spec.resourceClaims[0].source',
    message: "unknown field `spec.resourceClaims[0].source`: field not declared in Kubernetes 1.31's schema; it was removed after 1.30 — use --kubernetes-version 1.30 or earlier",
  }]);
});

test('1.37 fields typed from pulumi: an integer stays an integer (EvictionResponder priority)', () => {
  expect(validateStrict(pod(podSpec({ evictionResponders: [{ name: 'r', priority: 'high' }] })), { minor: 37 })).toMatchObject([
    { code: SchemaIssueCode.WRONG_TYPE, path: 'spec.evictionResponders[0].priority' },
  ]);
});
