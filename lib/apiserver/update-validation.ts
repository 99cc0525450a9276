/**
 * The API server's checks on an update made by a scenario step (`patch`, `scale`, `setImage`):
 * the patched object is defaulted again (patch → decode → SetDefaults_* → validate, as the server
 * does), then the strict schema of the run's Kubernetes minor and the semantic rules run on the
 * result, plus the update rules (`ValidateStatefulSetUpdate`, `ValidateDaemonSetUpdate`,
 * `ValidateJobSpecUpdate` with the post-1.27 immutable fields, `ValidateServiceUpdate`,
 * `ValidatePersistentVolumeClaimUpdate`, `ValidatePodUpdate`).
 */
import { validateStrict } from './schema';
import { deepEqual } from '../util/deep-equal';
import { defaultObject } from './defaults';
import { API_VERSION } from './discovery';
import { podSpecUpdateErrors } from './pod-update';
import { requiredIssues } from './required';
import { semanticIssues } from './validation';
import { validateClaimUpdate } from './validation/claim';
import { FieldErrors } from './validation/field';
import { jobTemplateUpdateErrors } from './validation/job-update';
import { versionedJobSpecUpdateErrors } from './validation/job-versioned';
import { validateServiceUpdate } from './validation/service';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../versions/feature-gates';

/**
 * Checks an update as the API server would (immutable fields, semantic rules); returns error
 * messages, empty when the update is allowed. Installed by `simulate()`.
 */
export type UpdateValidator = (kind: string, name: string, before: Record<string, unknown>, after: Record<string, unknown>) => string[];

/** The kinds whose scenario updates are validated here besides Pod (pod-update.ts). */
const UPDATE_VALIDATED: ReadonlySet<string> = new Set(['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'PersistentVolumeClaim']);
/** `pkg/apis/apps/validation/validation.go#ValidateStatefulSetUpdate`: only these spec fields may change. */
const STATEFUL_SET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

type Obj = Record<string, any>;

/** `before`/`after` as the manifest of `kind`, defaulted (SetDefaults_* of the decoder, idempotent). */
function defaulted(kind: string, name: string, o: Obj, gates: FeatureGates): Obj {
  const manifest = { apiVersion: API_VERSION[kind] ?? 'v1', kind, metadata: { name, labels: o.metadata?.labels, annotations: o.metadata?.annotations }, spec: o.spec };
  return defaultObject(manifest, gates);
}

/**
 * The update checks of a run, as a {@link UpdateValidator}: the schema and defaulting of the
 * gates' version (a 1.31 Job's `podReplacementPolicy` is a known field there).
 *
 * @param gates the run's feature gates
 */
export function updateValidatorFor(gates: FeatureGates): UpdateValidator {
  return (kind, name, before, after) => checkUpdate(gates, kind, name, before as Obj, after as Obj);
}

/** The update checks at 1.27 (the default version). */
export const validateUpdate: UpdateValidator = updateValidatorFor(DEFAULT_FEATURE_GATES);

function checkUpdate(gates: FeatureGates, kind: string, name: string, b: Obj, a: Obj): string[] {
  if (kind === 'Node') {
    const bad = ((a.spec?.taints ?? []) as Obj[]).filter((t) => !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect) || typeof t.key !== 'string');
    return bad.map((t) => `Node "${name}" is invalid: spec.taints: each taint needs a key and an effect NoSchedule, PreferNoSchedule or NoExecute, got ${JSON.stringify(t)}`);
  }
  if (kind === 'Pod') {
    const manifest = { apiVersion: 'v1', kind, metadata: { name, labels: a.metadata?.labels, annotations: a.metadata?.annotations }, spec: a.spec };
    const schema = validateStrict(manifest, gates.version).map((i) => `Pod "${name}" is invalid: ${i.message}`);
    return schema.length > 0 ? schema : podSpecUpdateErrors(name, b.spec ?? {}, a.spec ?? {});
  }
  if (!UPDATE_VALIDATED.has(kind)) return [];
  const raw = { apiVersion: API_VERSION[kind], kind, metadata: { name, labels: a.metadata?.labels, annotations: a.metadata?.annotations }, spec: a.spec };
  const errors = validateStrict(raw, gates.version).map((i) => `${kind} "${name}" is invalid: ${i.message}`);
  if (errors.length > 0) return errors;
  // The server decodes the patched object and defaults it before validating the update.
  const manifest = defaulted(kind, name, a, gates);
  const old = defaulted(kind, name, b, gates);
  const bs: Obj = old.spec ?? {};
  const as: Obj = manifest.spec ?? {};
  // The schema check no longer enforces OpenAPI `required`; an update must still keep what the Go
  // validation requires (ValidateStatefulSetUpdate etc. rerun the object validation first).
  errors.push(...requiredIssues(manifest as never).map((i) => `${kind} "${name}" is invalid: ${i.message}`));
  if (errors.length > 0) return errors;
  const changed = (field: string) => !deepEqual(bs[field], as[field]);
  // A stored Job without manualSelector carries the selector the server generated on create
  // (pkg/registry/batch/job/strategy.go#generateSelector); ValidateGeneratedSelector accepts that
  // one, so the create rule "selector will be auto-generated" does not apply to an update. Whether
  // the selector changed is checked below (ValidateJobSpecUpdate: immutable).
  const generated = kind === 'Job' && as.manualSelector !== true && !changed('selector');
  const created = generated ? { ...manifest, spec: { ...as, selector: undefined } } : manifest;
  errors.push(...semanticIssues(created as never).issues.map((i) => `${kind} "${name}" is invalid: ${i.message}`));
  const errs = new FieldErrors((_code, _path, message) => errors.push(`${kind} "${name}" is invalid: ${message}`));
  if (kind === 'StatefulSet') {
    const fields = new Set([...Object.keys(bs), ...Object.keys(as)]);
    if ([...fields].some((f) => !STATEFUL_SET_MUTABLE.includes(f) && changed(f))) {
      errors.push(`StatefulSet.apps "${name}" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden`);
    }
  }
  if (kind === 'DaemonSet' && changed('selector')) {
    errors.push(`DaemonSet.apps "${name}" is invalid: spec.selector: Invalid value: ${JSON.stringify(as.selector)}: field is immutable`);
  }
  if (kind === 'Job') {
    errors.push(...jobTemplateUpdateErrors(name, bs, as));
    // ValidateJobSpecUpdate, 1.28+: backoffLimitPerIndex (KEP-3850), managedBy (KEP-4368) and
    // successPolicy (KEP-3998) are immutable; only present where the version's schema has them.
    errors.push(...versionedJobSpecUpdateErrors(bs, as).map((m) => `Job.batch "${name}" is invalid: ${m}`));
  }
  if (kind === 'Service') validateServiceUpdate(bs, as, errs);
  if (kind === 'PersistentVolumeClaim') validateClaimUpdate(bs, as, errs);
  return errors;
}
