/**
 * Admission per Kubernetes version, end to end through `loadManifests` / the update validator:
 *
 * - `SetDefaults_Job` (pkg/apis/batch/v1/defaults.go): `backoffLimit` defaults to MaxInt32 when
 *   `backoffLimitPerIndex` is set (KEP-3850) and to 6 otherwise; `podReplacementPolicy` defaults
 *   (Failed with a podFailurePolicy, else TerminatingOrFailed) only while JobPodReplacementPolicy
 *   is on (KEP-3939);
 * - the registries' `dropDisabledFields` on create: a field of a gate that is off is cleared after
 *   defaulting and before validation, with a DROPPED_FIELD notice naming the gate and the version;
 * - `ValidateJobSpecUpdate`: backoffLimitPerIndex, managedBy and successPolicy are immutable, and
 *   the update check uses the run's schema.
 */
import { defaultObject } from '../../../lib/apiserver/defaults';
import { loadManifests } from '../../../lib/apiserver/load-manifests';
import { droppedFieldMessage, prepareForCreate } from '../../../lib/apiserver/prepare';
import { updateValidatorFor, validateUpdate } from '../../../lib/apiserver/update-validation';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { resolveFeatureGates } from '../../../lib/versions/resolve';
import { gatesWith } from '../../helpers/gates-with';

type Obj = Record<string, any>;

const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } };
const job = (spec: Obj = {}): Obj & { kind: string } => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'work' }, spec: { template, ...spec } });
const indexed = (spec: Obj = {}) => job({ completionMode: 'Indexed', completions: 3, parallelism: 3, ...spec });
const PFP = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] };
const MAX_INT32 = 2147483647;

function load(manifest: Obj, kubernetesVersion: string, featureGates?: Record<string, boolean>) {
  const r = loadManifests(manifest, { featureGates: resolveFeatureGates({ kubernetesVersion, ...(featureGates ? { featureGates } : {}) }) });
  return { issues: r.issues.map((i) => i.message), notices: r.notices.map((n) => `${n.code} ${n.message}`), spec: r.objects[0]?.manifest.spec as Obj | undefined };
}

describe('SetDefaults_Job per version', () => {
  test.each<[string, Obj, string, Record<string, boolean> | undefined, number]>([
    // KEP-3850: MaxInt32 with backoffLimitPerIndex, 6 without, a given value kept.
    ['backoffLimitPerIndex set (1.29, gate on)', indexed({ backoffLimitPerIndex: 1 }), '1.29', undefined, MAX_INT32],
    ['no backoffLimitPerIndex (1.29)', indexed(), '1.29', undefined, 6],
    ['backoffLimit given with backoffLimitPerIndex', indexed({ backoffLimitPerIndex: 1, backoffLimit: 4 }), '1.33', undefined, 4],
    ['no backoffLimitPerIndex (1.27)', job(), '1.27', undefined, 6],
  ])('backoffLimit: %s', (_name, m, version, overrides, want) => {
    expect(load(m, version, overrides).spec?.backoffLimit).toBe(want);
  });

  test('backoffLimitPerIndex at 1.28 (gate alpha, off): the MaxInt32 default applies, then the field is dropped', () => {
    // Upstream defaults in the decoder (not gated), then PrepareForCreate drops the field.
    const r = load(indexed({ backoffLimitPerIndex: 1 }), '1.28');
    expect(r.issues).toEqual([]);
    expect(r.spec?.backoffLimit).toBe(MAX_INT32);
    expect(r.spec?.backoffLimitPerIndex).toBeUndefined();
  });

  test.each<[string, Obj, string, Record<string, boolean> | undefined, string | undefined]>([
    // KEP-3939: defaulted only with JobPodReplacementPolicy on.
    ['1.29 (beta, on), no podFailurePolicy', job(), '1.29', undefined, 'TerminatingOrFailed'],
    ['1.29 (beta, on), with a podFailurePolicy', job({ podFailurePolicy: PFP }), '1.29', undefined, 'Failed'],
    ['1.36 (GA), no podFailurePolicy', job(), '1.36', undefined, 'TerminatingOrFailed'],
    ['1.29, a given value kept', job({ podReplacementPolicy: 'Failed' }), '1.29', undefined, 'Failed'],
    ['1.28 (alpha, off)', job(), '1.28', undefined, undefined],
    ['1.28 with JobPodReplacementPolicy=true', job(), '1.28', { JobPodReplacementPolicy: true }, 'TerminatingOrFailed'],
    ['1.32 with JobPodReplacementPolicy=false', job({ podFailurePolicy: PFP }), '1.32', { JobPodReplacementPolicy: false }, undefined],
    ['1.27 (no such gate)', job(), '1.27', undefined, undefined],
  ])('podReplacementPolicy: %s', (_name, m, version, overrides, want) => {
    const r = load(m, version, overrides);
    expect(r.issues).toEqual([]);
    expect(r.spec?.podReplacementPolicy).toBe(want);
  });

  test('defaultObject without gates is 1.27 and defaulting twice gives the same object', () => {
    expect((defaultObject(job()) as Obj).spec.podReplacementPolicy).toBeUndefined();
    const gates = featureGatesFor({ minor: 32 });
    const once = defaultObject(job(), gates);
    expect(defaultObject(once, gates)).toEqual(once);
  });
});

describe('dropDisabledFields on create, reported as a notice', () => {
  const where = '<object> document 1 (Job work)';

  test('spec.podReplacementPolicy at 1.28 (JobPodReplacementPolicy alpha, off): dropped, with a notice naming the gate and the version', () => {
    const r = load(job({ podReplacementPolicy: 'Failed' }), '1.28');
    expect(r.issues).toEqual([]);
    expect(r.spec?.podReplacementPolicy).toBeUndefined();
    expect(r.notices).toEqual([`DROPPED_FIELD ${where}: spec.podReplacementPolicy dropped: feature gate JobPodReplacementPolicy is off in Kubernetes 1.28, so the API server clears the field on create; turn the gate on (--feature-gates JobPodReplacementPolicy=true) or remove the field`]);
  });

  test('kept at 1.29 (beta, on): no notice', () => {
    const r = load(job({ podReplacementPolicy: 'Failed' }), '1.29');
    expect(r.spec?.podReplacementPolicy).toBe('Failed');
    expect(r.notices).toEqual([]);
  });

  test('dropped at 1.29 when --feature-gates turns the gate off; the notice names 1.29', () => {
    const r = load(job({ podReplacementPolicy: 'Failed' }), '1.29', { JobPodReplacementPolicy: false });
    expect(r.spec?.podReplacementPolicy).toBeUndefined();
    expect(r.notices).toEqual([expect.stringContaining('spec.podReplacementPolicy dropped: feature gate JobPodReplacementPolicy is off in Kubernetes 1.29')]);
  });

  test('fails when the version has no such field at all (1.27): an error naming the version that added it, not a drop', () => {
    const r = load(job({ podReplacementPolicy: 'Failed' }), '1.27');
    expect(r.notices).toEqual([]);
    expect(r.issues).toEqual([expect.stringContaining('added in 1.28')]);
  });

  test('a dropped field is not validated: a sidecar init container at 1.28 (SidecarContainers alpha, off) becomes a plain init container', () => {
    const m = job({ template: { spec: { ...template.spec, initContainers: [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }] } } });
    const r = load(m, '1.28');
    expect(r.issues).toEqual([]);
    expect(r.spec?.template.spec.initContainers[0].restartPolicy).toBeUndefined();
    expect(r.notices).toEqual([expect.stringContaining('spec.template.spec.initContainers[0].restartPolicy dropped: feature gate SidecarContainers is off in Kubernetes 1.28')]);
    expect(load(m, '1.29').spec?.template.spec.initContainers[0].restartPolicy).toBe('Always');
  });

  test('prepareForCreate: status dropped, then the disabled fields; the input is not changed', () => {
    const m: Obj = { ...job({ managedBy: 'example.com/q' }), status: { active: 1 } };
    const told: string[] = [];
    const out = prepareForCreate(m as never, gatesWith({}, { minor: 30 }), (msg) => told.push(msg)) as Obj;
    expect(out.status).toBeUndefined();
    expect(out.spec.managedBy).toBeUndefined();
    expect(m.spec.managedBy).toBe('example.com/q');
    expect(told).toEqual([droppedFieldMessage({ path: 'spec.managedBy', gate: 'JobManagedBy' }, gatesWith({}, { minor: 30 }))]);
    // With the gate on nothing is dropped and the same object comes back.
    const kept = job({ managedBy: 'example.com/q' });
    expect(prepareForCreate(kept as never, gatesWith({ JobManagedBy: true }, { minor: 30 }))).toBe(kept);
  });
});

describe('update validation per version (ValidateJobSpecUpdate)', () => {
  const at32 = updateValidatorFor(featureGatesFor({ minor: 32 }));
  const stored = indexed({ backoffLimitPerIndex: 1, podReplacementPolicy: 'Failed', managedBy: 'kubernetes.io/job-controller' });

  test('a 1.32 Job with post-1.27 fields may change parallelism', () => {
    expect(at32('Job', 'work', stored, { ...stored, spec: { ...stored.spec, parallelism: 1 } })).toEqual([]);
  });

  test.each([
    ['backoffLimitPerIndex', 2, 'spec.backoffLimitPerIndex: Invalid value: 2: field is immutable'],
    ['managedBy', 'example.com/other', 'spec.managedBy: Invalid value: "example.com/other": field is immutable'],
  ])('fails when a patch changes %s (immutable)', (field, value, message) => {
    expect(at32('Job', 'work', stored, { ...stored, spec: { ...stored.spec, [field]: value } })).toEqual([`Job.batch "work" is invalid: ${message}`]);
  });

  test('fails at 1.27 (the default validator): the post-1.27 field is unknown to the 1.27 schema', () => {
    const errors = validateUpdate('Job', 'work', stored, { ...stored, spec: { ...stored.spec, parallelism: 1 } });
    expect(errors.join('\n')).toMatch(/backoffLimitPerIndex[\s\S]*added in 1\.28/);
  });
});
