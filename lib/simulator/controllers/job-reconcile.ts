/**
 * The Job controller's reconcile, pure: Kubernetes v1.27 `job_controller.go#syncJob`,
 * `#manageJob` and `#trackJobStatusAndRemoveFinalizers` as two functions around the writes, with
 * the later releases' changes switched on by {@link JobFeatures} (job-features.ts; release-1.31
 * source read for the 1.28–1.31 changes).
 *
 * 1. {@link planJobSync} (snapshot + now → decisions): counts new successes and failures, sets
 *    `startTime`, updates the backoff record, decides a finish condition (podFailurePolicy FailJob,
 *    BackoffLimitExceeded, DeadlineExceeded; later MaxFailedIndexesExceeded, FailedIndexes,
 *    SuccessPolicy) and otherwise plans `manageJob` (job-manage.ts) — delete (suspend or
 *    excess), wait out the backoff, or create — and the requeue delay.
 * 2. The controller performs the pod writes the plan asks for and reports how many succeeded
 *    (a rejected write is an `ApiError`, as in the real `podControl`).
 * 3. `finishJobSync` (job-track.ts; plan + outcome → status, finalizers to remove, events).
 *
 * Simplifications (a synchronous store makes them unobservable): creation/deletion expectations
 * are always satisfied and finalizer removals always observed, so `uncountedTerminatedPods` is
 * flushed within the sync and never carried between syncs; the status is written once, with the
 * final counts. In 1.27 a sync that saw a new failure also returns an error so the key is
 * re-queued rate-limited (10 s · 2^n); that only adds syncs that change nothing (the backoff
 * record decides when replacements start), so it is not reproduced.
 */
import type { JobCondition, JobStatus } from '../cluster/objects';
import { newBackoffRecord } from './job-backoff';
import { newJobCondition } from './job-conditions';
import { hasBackoffLimitPerIndex, JOB_FEATURES_1_27, JobFeatures, specV, trackTerminatingPods } from './job-features';
import { failJobMessage, matchPodFailurePolicy, pastActiveDeadline, pastBackoffLimitOnFailure } from './job-failure-rules';
import { calculateFailedIndexes, podsWithDelayedDeletionPerIndex } from './job-index-failures';
import { IndexInterval, intervalsTotal, parseCompletedIndexes, withOrderedIndexes } from './job-indexes';
import { manageJob } from './job-manage';
import { matchSuccessPolicy } from './job-success-policy';
import { JobSyncInput, JobSyncPlan, ManagePlan, SUCCESS_CRITERIA_MET, validIndex } from './job-sync-types';
import { completionsOf, isIndexedJob, isJobSuspended, isPodActive, isPodFailed, isPodTerminating, JobPodView } from './job-utils';

export type { JobEvent, JobSyncInput, JobSyncPlan, JobSyncResult, JobWriteOutcome, ManagePlan } from './job-sync-types';
export { finishJobSync } from './job-track';

/**
 * `newFailureCondition`: Failed, or with `delayTerminalCondition` (1.31+) the interim FailureTarget
 * carrying the reason, turned into Failed once no pod is terminating.
 */
function failureCondition(f: JobFeatures, reason: string, message: string, now: number): JobCondition {
  return newJobCondition(f.delayTerminalCondition ? 'FailureTarget' : 'Failed', 'True', reason, message, now);
}

/** The True condition of `type` in `status`, if any. */
function trueCondition(status: JobStatus, type: JobCondition['type']): JobCondition | undefined {
  return status.conditions.find((c) => c.type === type && c.status === 'True');
}

/** The empty pod list the filters of {@link planJobSync} share (never edited). */
const NO_PODS: JobPodView[] = Object.freeze([]) as unknown as JobPodView[];

/** The `delayedDeletion` of a Job without backoffLimitPerIndex: one shared empty map (read only). */
const NO_DELAYED_DELETION: ReadonlyMap<number, JobPodView> = new Map();

/**
 * Step 1 (`syncJob` up to the writes): see the file comment.
 */
export function planJobSync(input: JobSyncInput): JobSyncPlan {
  const { job, pods, now } = input;
  const f = input.features ?? JOB_FEATURES_1_27;
  const spec = job.spec;
  const status = job.status;
  const completions = completionsOf(job);
  const suspended = isJobSuspended(job);

  const activePods = pods.filter(isPodActive);
  const active = activePods.length;
  // trackTerminatingPods (KEP-3939): `controller.CountTerminatingPods`.
  const terminating = trackTerminatingPods(job, f) ? pods.filter(isPodTerminating).length : null;
  // getNewFinishedPods: terminated pods still holding the tracking finalizer are not counted yet.
  // One pass, the two filters' lists in pod order (the predicates are pure); most syncs find none,
  // and share one empty list then.
  let newSucceeded: JobPodView[] = NO_PODS;
  let newFailedAll: JobPodView[] = NO_PODS;
  for (const p of pods) {
    if (!p.hasFinalizer || !validIndex(job, p)) continue;
    if (p.phase === 'Succeeded') {
      if (newSucceeded === NO_PODS) newSucceeded = [];
      newSucceeded.push(p);
    }
    if (isPodFailed(p, job, f)) {
      if (newFailedAll === NO_PODS) newFailedAll = [];
      newFailedAll.push(p);
    }
  }
  // §4.4/§4.5: failures an Ignore rule matches are not counted (`nonIgnoredFailedPodsCount`).
  const newFailed = newFailedAll === NO_PODS ? NO_PODS : newFailedAll.filter((p) => matchPodFailurePolicy(job, p, f).countFailed);
  let succeeded = status.succeeded + newSucceeded.length;
  const failed = status.failed + newFailed.length;
  const ready = activePods.filter((p) => p.ready).length;
  // §4.2: startTime is set on the first sync of a Job that is not suspended.
  const startTime = status.startTime ?? (suspended ? null : now);
  // In 1.27 Ignored failures do not grow the backoff either (see JobFeatures.ignoredFailuresGrowBackoff).
  const backoff = newBackoffRecord(input.backoff, now, newSucceeded, f.ignoredFailuresGrowBackoff ? newFailedAll : newFailed, f);

  // §4.3 (1.27): fails on the (backoffLimit+1)-th failed pod, only on a sync that sees a new
  // failure and while not all `parallelism` pods are active; later on every sync.
  const exceedsBackoffLimit = f.backoffLimitOnEverySync
    ? failed > spec.backoffLimit
    : failed > status.failed && active !== spec.parallelism && failed > spec.backoffLimit;

  // syncJob (1.31): a Job that met its success criteria goes on to Complete; otherwise a
  // FailureTarget goes on to Failed, and a FailJob rule (§4.5) sets the interim FailureTarget.
  let finishedCondition: JobCondition | null = trueCondition(status, SUCCESS_CRITERIA_MET) ?? null;
  let requeueAfterMs: number | undefined;
  if (finishedCondition === null) {
    const target = trueCondition(status, 'FailureTarget');
    if (target) {
      finishedCondition = newJobCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
    } else {
      const message = failJobMessage(job, pods, f);
      if (message !== null) finishedCondition = newJobCondition('FailureTarget', 'True', 'PodFailurePolicy', message, now);
    }
  }
  if (finishedCondition === null) {
    // §4.3: if both hold in the same sync, BackoffLimitExceeded wins (the if/else order).
    if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      finishedCondition = failureCondition(f, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    } else if (pastActiveDeadline(job, startTime, now)) {
      finishedCondition = failureCondition(f, 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    } else if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && !suspended && startTime !== null) {
      // §4.3: re-enqueued at startTime + activeDeadlineSeconds.
      requeueAfterMs = spec.activeDeadlineSeconds * 1000 - (now - startTime);
    }
  }

  let prevSucceededIndexes: IndexInterval[] = [];
  let succeededIndexes: IndexInterval[] = [];
  let failedIndexes: IndexInterval[] | null = null;
  let delayedDeletion: ReadonlyMap<number, JobPodView> = NO_DELAYED_DELETION;
  if (isIndexedJob(job)) {
    // calculateSucceededIndexes: completed indexes so far plus succeeded pods still tracked.
    const c = completions ?? 0;
    prevSucceededIndexes = parseCompletedIndexes(status.completedIndexes, c);
    const fresh = [...new Set(pods.filter((p) => p.phase === 'Succeeded' && p.hasFinalizer && validIndex(job, p)).map((p) => p.completionIndex))]
      .sort((a, b) => a - b);
    succeededIndexes = withOrderedIndexes(prevSucceededIndexes, fresh);
    succeeded = intervalsTotal(succeededIndexes);
    if (hasBackoffLimitPerIndex(job, f)) {
      // KEP-3850: the Job fails past maxFailedIndexes, or once every index finished and some failed.
      failedIndexes = calculateFailedIndexes(job, pods, f);
      const failedTotal = intervalsTotal(failedIndexes);
      const maxFailed = specV(job).maxFailedIndexes;
      if (finishedCondition === null) {
        if (maxFailed !== undefined && maxFailed !== null && failedTotal > maxFailed) {
          finishedCondition = failureCondition(f, 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', now);
        } else if (failedTotal > 0 && failedTotal + succeeded >= c) {
          finishedCondition = failureCondition(f, 'FailedIndexes', 'Job has failed indexes', now);
        }
      }
      delayedDeletion = podsWithDelayedDeletionPerIndex(job, pods, activePods, succeededIndexes, failedIndexes, now, f);
    }
    if (finishedCondition === null) {
      // KEP-3998: SuccessCriteriaMet (reason SuccessPolicy) once a successPolicy rule matches.
      const message = matchSuccessPolicy(job, succeededIndexes, f);
      if (message !== null) finishedCondition = newJobCondition(SUCCESS_CRITERIA_MET, 'True', 'SuccessPolicy', message, now);
    }
  }

  let manage: ManagePlan | null = null;
  if (finishedCondition === null) {
    manage = manageJob({ job, pods, activePods, succeeded, succeededIndexes, failedIndexes, delayedDeletion, terminating, backoff, now, f });
    if (manage.action === 'backoff') requeueAfterMs = requeueAfterMs === undefined ? manage.remainingMs : Math.min(requeueAfterMs, manage.remainingMs);
  }

  return {
    startTime, activePods, ready, succeeded, failed, backoff, finishedCondition, prevSucceededIndexes, failedIndexes, delayedDeletion, terminating, manage,
    ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}),
  };
}
