/**
 * batch/v1 defaulting, ported from `pkg/apis/batch/v1/defaults.go` (1.27, and the per-version
 * rules of later releases, read in the upstream file's `SetDefaults_Job`), and the Job selector the
 * registry strategy generates (`pkg/registry/batch/job/strategy.go`).
 */
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../versions/feature-gates';
import { ensure } from './apps';
import { defaultPodTemplateSpec, Obj } from './pod';

/** `math.MaxInt32`, the backoffLimit of a Job with `backoffLimitPerIndex`. */
const MAX_INT32 = 2_147_483_647;

/**
 * `SetDefaults_Job`: when both completions and parallelism are unset both become 1; parallelism
 * alone unset becomes 1; backoffLimit 6 (MaxInt32 with backoffLimitPerIndex); the Job's labels
 * become the template's labels when the Job has none; completionMode NonIndexed; suspend false;
 * podReplacementPolicy when JobPodReplacementPolicy is on. Then the template's pod spec.
 *
 * @param obj the Job (changed in place)
 * @param gates the run's feature gates @default DEFAULT_FEATURE_GATES (1.27)
 */
export function defaultJob(obj: Obj, gates: FeatureGates = DEFAULT_FEATURE_GATES): void {
  const spec = ensure(obj, 'spec');
  defaultJobSpec(spec, gates);
  const labels = spec.template?.metadata?.labels;
  const md = ensure(obj, 'metadata');
  if (labels !== undefined && Object.keys(md.labels ?? {}).length === 0) md.labels = { ...labels };
}

function defaultJobSpec(spec: Obj, gates: FeatureGates): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism === undefined) spec.parallelism = 1;
  // KEP-3850 (alpha 1.28): with backoffLimitPerIndex the global limit defaults to
  // MaxInt32, so only the per-index limit counts. Not gated upstream: at 1.28 with the alpha gate
  // off the default still applies, then dropDisabledFields clears backoffLimitPerIndex. A 1.27
  // schema has no such field, so the rule never sees one there.
  if (spec.backoffLimit === undefined) spec.backoffLimit = spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  if (spec.completionMode === undefined) spec.completionMode = 'NonIndexed';
  if (spec.suspend === undefined) spec.suspend = false;
  // KEP-3939 (1.28): podReplacementPolicy defaults only while JobPodReplacementPolicy is on —
  // Failed with a podFailurePolicy (the only value it allows), TerminatingOrFailed otherwise.
  if (gates.enabled('JobPodReplacementPolicy') && spec.podReplacementPolicy === undefined) {
    spec.podReplacementPolicy = spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  }
  // SetDefaults_Job: an onPodConditions pattern without status matches status True
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule?.onPodConditions ?? []) if (pattern && pattern.status === undefined) pattern.status = 'True';
  }
  defaultPodTemplateSpec(spec.template);
}

/**
 * `SetDefaults_CronJob`: concurrencyPolicy Allow, suspend false, successfulJobsHistoryLimit 3,
 * failedJobsHistoryLimit 1. The generated `SetObjectDefaults_CronJob` defaults only the
 * jobTemplate's pod template (`SetDefaults_PodSpec` and below), not `SetDefaults_Job`: that runs
 * when the controller creates each Job.
 */
export function defaultCronJob(obj: Obj): void {
  const spec = ensure(obj, 'spec');
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.successfulJobsHistoryLimit === undefined) spec.successfulJobsHistoryLimit = 3;
  if (spec.failedJobsHistoryLimit === undefined) spec.failedJobsHistoryLimit = 1;
  defaultPodTemplateSpec(spec.jobTemplate?.spec?.template);
}

/** `batch.LegacyJobNameLabel`, `batch.JobNameLabel`, `batch.LegacyControllerUidLabel`, `batch.ControllerUidLabel`. */
export const JOB_LABELS = { legacyJobName: 'job-name', jobName: 'batch.kubernetes.io/job-name', legacyUid: 'controller-uid', uid: 'batch.kubernetes.io/controller-uid' } as const;

/**
 * `jobStrategy.Validate` → `generateSelector` (1.27, `pkg/registry/batch/job/strategy.go`): unless
 * `manualSelector` is true, the template gets `job-name` and `batch.kubernetes.io/job-name` = the
 * Job's name and `controller-uid` and `batch.kubernetes.io/controller-uid` = its uid (labels the
 * user set are kept; a conflict is then a validation error), and the selector's matchLabels get
 * `batch.kubernetes.io/controller-uid` (1.27 selects the new label; kubernetes#114930). The Job's
 * own labels are then the template's when it had none — as `kubectl get job -o yaml` shows them
 * (`SetDefaults_Job` copies the template labels when the object is read back).
 *
 * @param job a defaulted Job (a copy the caller owns; changed in place)
 * @param uid the uid the API server assigned
 */
export function generateJobSelector(job: Obj, uid: string): void {
  const spec = ensure(job, 'spec');
  if (spec.manualSelector === true) return;
  const template = ensure(spec, 'template');
  const labels = ensure(ensure(template, 'metadata'), 'labels');
  const name = job.metadata?.name ?? '';
  for (const key of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (labels[key] === undefined) labels[key] = name;
  for (const key of [JOB_LABELS.legacyUid, JOB_LABELS.uid]) if (labels[key] === undefined) labels[key] = uid;
  const matchLabels = ensure(ensure(spec, 'selector'), 'matchLabels');
  if (matchLabels[JOB_LABELS.uid] === undefined) matchLabels[JOB_LABELS.uid] = uid;
  const md = ensure(job, 'metadata');
  if (Object.keys(md.labels ?? {}).length === 0) md.labels = { ...labels };
}
