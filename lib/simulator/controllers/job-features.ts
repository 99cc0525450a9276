/**
 * What the Job controller does differently per Kubernetes version: the feature gates it reads
 * (`ctx.gates`, lib/versions/feature-gates.ts) and the post-1.27 Job fields, read from the stored
 * spec and status. Everything here is decided once per sync; 1.27 (the default) turns every
 * switch off, so the 1.27 code paths run unchanged.
 *
 * The new fields are not in the 1.27 API types the simulator's objects are typed with; the API
 * server keeps them on the stored spec when the version's schema has them, so they are read
 * through {@link JobSpecV} / {@link JobStatusV}.
 */
import type { JobStatus, SimJob } from '../cluster/workload-objects';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../versions/feature-gates';
import { atLeast } from '../../versions/kubernetes-version';

/** `spec.successPolicy.rules[]` (KEP-3998). */
export interface SuccessPolicyRule {
  /** Indexes that must all succeed, as `0-2,4`. @default - any index counts */
  readonly succeededIndexes?: string;
  /** How many (of `succeededIndexes`, or of all indexes) must succeed. @default - all of `succeededIndexes` */
  readonly succeededCount?: number;
}

/** The Job spec fields added after 1.27. */
export interface JobSpecV {
  /** KEP-3939: `TerminatingOrFailed` or `Failed`. @default - TerminatingOrFailed (Failed with a podFailurePolicy) */
  readonly podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  /** KEP-3850: failures allowed per index. @default - none (the Job-wide backoffLimit applies) */
  readonly backoffLimitPerIndex?: number;
  /** KEP-3850: failed indexes allowed before the Job fails. @default - no limit */
  readonly maxFailedIndexes?: number;
  /** KEP-3998. @default - none (the Job succeeds when `completions` pods did) */
  readonly successPolicy?: { readonly rules: readonly SuccessPolicyRule[] };
  /** KEP-4368: the controller that reconciles the Job. @default - kubernetes.io/job-controller */
  readonly managedBy?: string;
}

/** The Job status fields added after 1.27. */
export interface JobStatusV extends JobStatus {
  /** KEP-3939: pods being deleted that are not terminal yet. @default - absent (JobPodReplacementPolicy off) */
  terminating?: number;
  /** KEP-3850: failed indexes as `1,3-5`. @default - absent (no backoffLimitPerIndex) */
  failedIndexes?: string;
}

/** `batch/v1` `JobControllerName`: the built-in controller's `spec.managedBy` value. */
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

/** The spec with the post-1.27 fields. */
export function specV(job: SimJob): JobSpecV {
  return job.spec as unknown as JobSpecV;
}

/** The status with the post-1.27 fields. */
export function statusV(job: SimJob): JobStatusV {
  return job.status as JobStatusV;
}

/** The version switches of one sync. */
export interface JobFeatures {
  /** The gates they come from. */
  readonly gates: FeatureGates;
  /** JobPodReplacementPolicy: `spec.podReplacementPolicy` is honoured and `status.terminating` written. */
  readonly podReplacementPolicy: boolean;
  /** JobBackoffLimitPerIndex: `backoffLimitPerIndex`, `maxFailedIndexes`, FailIndex, `status.failedIndexes`. */
  readonly backoffLimitPerIndex: boolean;
  /** JobSuccessPolicy: `spec.successPolicy`. */
  readonly successPolicy: boolean;
  /** JobManagedBy: Jobs managed by another controller are skipped. */
  readonly managedBy: boolean;
  /** PodIndexLabel: Indexed pods also get the completion-index label. */
  readonly podIndexLabel: boolean;
  /**
   * 1.28+ (KEP-3939 `onlyReplaceFailedPods`): a Job with a podFailurePolicy replaces only failed
   * pods and counts its terminating pods (`trackTerminatingPods`), whatever the gate. Read in the
   * release-1.31 source; 1.28 (KEP-3939 alpha, which added both functions) as the first release is
   * not verified against the release-1.28 source.
   */
  readonly podFailurePolicyWaitsForTerminating: boolean;
  /**
   * 1.31+ `delayTerminalCondition` (kubernetes#125510, JobManagedBy or JobPodReplacementPolicy):
   * FailureTarget before Failed and SuccessCriteriaMet before Complete, the terminal condition
   * once no pod is terminating.
   */
  readonly delayTerminalCondition: boolean;
  /** 1.32+: SuccessCriteriaMet/Complete carry reason CompletionsReached when completions are reached. */
  readonly completionsReachedReason: boolean;
  /**
   * 1.28+ `getFinishedTime` (backoff_utils.go): when not every container terminated, the Ready=False
   * transition, then deletionTimestamp − grace, then creation time (1.27.0: the sync time; later
   * 1.27 patches may carry the fix too, a 1.27 version here means 1.27.0).
   */
  readonly finishTimeFallbacks: boolean;
  /**
   * 1.28+: `exceedsBackoffLimit := jobCtx.failed > *job.Spec.BackoffLimit` on every sync (1.27:
   * only on a sync that sees a new failure while not all `parallelism` pods are active). Read in
   * the release-1.31 job_controller.go; 1.28 (the `syncJobCtx` rework) as the first release is not
   * verified against the release-1.28 source.
   */
  readonly backoffLimitOnEverySync: boolean;
  /**
   * The pod-failure back-off cap: `MaxJobBackOff = 360s` in 1.27; `MaxJobPodFailureBackOff =
   * 10 * time.Minute` once kubernetes#118615 (merged June 2023, 1.28) split the pod-failure
   * constants from the API ones (kubernetes#118759). The 10 min value is read in the release-1.31
   * source. (The API retry back-off, 1 s … 1 min from then on, is the work queue's: the
   * registration's `rateLimit` is not per version yet.)
   */
  readonly maxPodFailureBackoffMs: number;
  /**
   * Failures an Ignore rule matched grow the back-off record (release-1.31 `newBackoffRecord` gets
   * every failed pod, only the `failed` count drops Ignored ones; 1.27 drops them from both).
   * Modelled from 1.31, the release whose source was read; the first release is not pinned.
   */
  readonly ignoredFailuresGrowBackoff: boolean;
  /**
   * 1.31: the sync that deletes pods already counts them — `status.ready` drops the deleted ready
   * pods (kubernetes#125546, issue #125185) and the terminating count adds the deleted ones (issue
   * #125089); before, both caught up on the next sync.
   */
  readonly countsOwnDeletions: boolean;
}

/** The switches of `gates` (and the version they belong to). */
export function jobFeaturesFor(gates: FeatureGates = DEFAULT_FEATURE_GATES): JobFeatures {
  const v = gates.version;
  const delay = atLeast(v, 31) && (gates.enabled('JobManagedBy') || gates.enabled('JobPodReplacementPolicy'));
  return {
    gates,
    podReplacementPolicy: gates.enabled('JobPodReplacementPolicy'),
    backoffLimitPerIndex: gates.enabled('JobBackoffLimitPerIndex'),
    successPolicy: gates.enabled('JobSuccessPolicy'),
    managedBy: gates.enabled('JobManagedBy'),
    podIndexLabel: gates.enabled('PodIndexLabel'),
    podFailurePolicyWaitsForTerminating: atLeast(v, 28),
    delayTerminalCondition: delay,
    completionsReachedReason: delay && atLeast(v, 32),
    finishTimeFallbacks: atLeast(v, 28),
    backoffLimitOnEverySync: atLeast(v, 28),
    maxPodFailureBackoffMs: atLeast(v, 28) ? 600_000 : 360_000,
    ignoredFailuresGrowBackoff: atLeast(v, 31),
    countsOwnDeletions: atLeast(v, 31),
  };
}

/** The 1.27 switches (all off). */
export const JOB_FEATURES_1_27: JobFeatures = jobFeaturesFor(DEFAULT_FEATURE_GATES);

/**
 * `onlyReplaceFailedPods`: `podReplacementPolicy: Failed` with the gate on, or any podFailurePolicy
 * (1.28+; in 1.27 a podFailurePolicy only changes which pods count as failed, `isPodFailed`).
 */
export function onlyReplaceFailedPods(job: SimJob, f: JobFeatures): boolean {
  const spec = specV(job);
  if (f.podReplacementPolicy && spec.podReplacementPolicy === 'Failed') return true;
  return hasPodFailurePolicy(job) && f.podFailurePolicyWaitsForTerminating;
}

/** `trackTerminatingPods`: JobPodReplacementPolicy or JobManagedBy on, or a podFailurePolicy (1.28+). */
export function trackTerminatingPods(job: SimJob, f: JobFeatures): boolean {
  if (f.podReplacementPolicy || f.managedBy) return true;
  return hasPodFailurePolicy(job) && f.podFailurePolicyWaitsForTerminating;
}

function hasPodFailurePolicy(job: SimJob): boolean {
  return job.spec.podFailurePolicy !== undefined && job.spec.podFailurePolicy !== null;
}

/** `hasBackoffLimitPerIndex`: the gate on and the field set. */
export function hasBackoffLimitPerIndex(job: SimJob, f: JobFeatures): boolean {
  const b = specV(job).backoffLimitPerIndex;
  return f.backoffLimitPerIndex && b !== undefined && b !== null;
}

/** `managedByExternalController`: the `spec.managedBy` of a Job the built-in controller must skip, else null. */
export function managedByExternalController(job: SimJob, f: JobFeatures): string | null {
  if (!f.managedBy) return null;
  const m = specV(job).managedBy;
  return m !== undefined && m !== null && m !== JOB_CONTROLLER_NAME ? m : null;
}
