/**
 * batch/v1 defaulting, ported from `pkg/apis/batch/v1/defaults.go` of Kubernetes 1.27, and the
 * Job selector the registry strategy generates (`pkg/registry/batch/job/strategy.go`).
 */
import { ensure } from './apps';
import { defaultPodTemplateSpec, Obj } from './pod';

/**
 * `SetDefaults_Job`: when both completions and parallelism are unset both become 1; parallelism
 * alone unset becomes 1; backoffLimit 6; the Job's labels become the template's labels when the
 * Job has none; completionMode NonIndexed; suspend false. Then the template's pod spec.
 */
export function defaultJob(obj: Obj): void {
  const spec = ensure(obj, 'spec');
  defaultJobSpec(spec);
  const labels = spec.template?.metadata?.labels;
  const md = ensure(obj, 'metadata');
  if (labels !== undefined && Object.keys(md.labels ?? {}).length === 0) md.labels = { ...labels };
}

function defaultJobSpec(spec: Obj): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) spec.backoffLimit = 6;
  if (spec.completionMode === undefined) spec.completionMode = 'NonIndexed';
  if (spec.suspend === undefined) spec.suspend = false;
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
