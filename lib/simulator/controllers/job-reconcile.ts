/**
 * The Job controller's reconcile, pure: Kubernetes v1.27 `job_controller.go#syncJob`,
 * `#manageJob` and `#trackJobStatusAndRemoveFinalizers` as two functions around the writes.
 *
 * 1. {@link planJobSync} (snapshot + now → decisions): counts new successes and failures, sets
 *    `startTime`, updates the backoff record, decides a finish condition (podFailurePolicy FailJob,
 *    BackoffLimitExceeded, DeadlineExceeded) and otherwise plans `manageJob` — delete (suspend or
 *    excess), wait out the backoff, or create — and the requeue delay.
 * 2. The controller performs the pod writes the plan asks for and reports how many succeeded
 *    (a rejected write is an `ApiError`, as in the real `podControl`).
 * 3. {@link finishJobSync} (plan + outcome → status, finalizers to remove, events): `active`
 *    after the writes, the Complete check, the Suspended condition, finalizer tracking (which
 *    pods are counted as succeeded or failed) and the finish condition.
 *
 * Simplifications (a synchronous store makes them unobservable): creation/deletion expectations
 * are always satisfied and finalizer removals always observed, so `uncountedTerminatedPods` is
 * flushed within the sync and never carried between syncs; the status is written once, with the
 * final counts. In 1.27 a sync that saw a new failure also returns an error so the key is
 * re-queued rate-limited (10 s · 2^n); that only adds syncs that change nothing (the backoff
 * record decides when replacements start), so it is not reproduced.
 */
import type { JobCondition, JobStatus, SimJob } from '../cluster/workload-objects';
import {
  activePodsForRemoval, BackoffRecord, backoffRemainingMs, completionsOf, ensureJobCondition, failJobMessage,
  firstPendingIndexes, formatCompletedIndexes, IndexInterval, intervalsHave, intervalsTotal, isIndexedJob, isJobSuspended,
  isPodActive, isPodFailed, JobPodView, matchPodFailurePolicy, MAX_POD_CREATE_DELETE_PER_SYNC, MAX_UNCOUNTED_PODS,
  newBackoffRecord, newJobCondition, parseCompletedIndexes, pastActiveDeadline, pastBackoffLimitOnFailure,
  UNKNOWN_COMPLETION_INDEX, withOrderedIndexes,
} from './job-utils';

/** What a sync starts from. */
export interface JobSyncInput {
  /** The Job (not finished). */
  readonly job: SimJob;
  /** The pods it controls, copied before any write. */
  readonly pods: readonly JobPodView[];
  /** Simulated ms. */
  readonly now: number;
  /** The Job's backoff record from earlier syncs. */
  readonly backoff: BackoffRecord;
}

/** What `manageJob` decided. */
export type ManagePlan =
  /** Suspended: delete every active pod, tracking finalizer removed first so none counts as failed (§4.6). */
  | { readonly action: 'suspend'; readonly podsToDelete: readonly JobPodView[] }
  /** More active pods than wanted: delete these (finalizer removed first); deletion wins over creation (§4.2). */
  | { readonly action: 'delete'; readonly podsToDelete: readonly JobPodView[] }
  /** Fewer than wanted but the backoff has not elapsed: create nothing, requeue (§4.4). */
  | { readonly action: 'backoff'; readonly remainingMs: number }
  /** Create pods: one per entry, the completion index or -1 (NonIndexed), in slow-start batches (§4.2). */
  | { readonly action: 'create'; readonly indexes: readonly number[] }
  /** Nothing to do. */
  | { readonly action: 'none' };

/** The decisions of {@link planJobSync}. */
export interface JobSyncPlan {
  /** status.startTime after this sync (set on the first sync of a non-suspended Job). */
  readonly startTime: number | null;
  /** Active pods (not terminal, not terminating). */
  readonly activePods: readonly JobPodView[];
  /** Ready active pods (`status.ready`, JobReadyPods). */
  readonly ready: number;
  /** Succeeded count including new successes (Indexed: completed indexes). */
  readonly succeeded: number;
  /** Failed count including new failures. */
  readonly failed: number;
  /** The backoff record to keep. */
  readonly backoff: BackoffRecord;
  /** A Failed (or podFailurePolicy FailureTarget) condition decided before the writes; active pods are then deleted. */
  readonly finishedCondition: JobCondition | null;
  /** Completed indexes before this sync (Indexed). */
  readonly prevSucceededIndexes: readonly IndexInterval[];
  /** `manageJob`'s decision; null when finishing. */
  readonly manage: ManagePlan | null;
  /** Sync again after this many ms (the backoff's remaining time, activeDeadlineSeconds). */
  readonly requeueAfterMs?: number;
}

/** How the writes of a plan went. */
export interface JobWriteOutcome {
  /** Pods deleted for the finish decision (`deleteActivePods`). */
  readonly deletedForFinish: number;
  /** Pods deleted by `manageJob` (suspend or excess). */
  readonly removedByManage: number;
  /** Pods of a `create` plan not created: failed, or skipped after a failing slow-start batch. */
  readonly notCreated: number;
}

/** An event to record on the Job. */
export interface JobEvent {
  /** `Normal` or `Warning`. */
  readonly type: 'Normal' | 'Warning';
  /** Reason. */
  readonly reason: string;
  /** Message. */
  readonly message: string;
}

/** The result of {@link finishJobSync}. */
export interface JobSyncResult {
  /** The new status (written when it differs). */
  readonly status: JobStatus;
  /** Pods whose tracking finalizer is removed now (they are counted in `status`). */
  readonly removeFinalizers: readonly JobPodView[];
  /** Events recorded before the status write (Suspended, Resumed). */
  readonly eventsBeforeStatus: readonly JobEvent[];
  /** Events recorded after it (Completed, or Warning `<Reason>` `<Message>` on failure). */
  readonly eventsAfterStatus: readonly JobEvent[];
  /** Whether the Job finished in this sync (a Complete or Failed condition, or the interim FailureTarget). */
  readonly finished: boolean;
}

function validIndex(job: SimJob, p: JobPodView): boolean {
  if (!isIndexedJob(job)) return true;
  return p.completionIndex !== UNKNOWN_COMPLETION_INDEX && p.completionIndex < (completionsOf(job) ?? 0);
}

/**
 * Step 1 (`syncJob` up to the writes): see the file comment.
 */
export function planJobSync(input: JobSyncInput): JobSyncPlan {
  const { job, pods, now } = input;
  const spec = job.spec;
  const status = job.status;
  const completions = completionsOf(job);
  const suspended = isJobSuspended(job);

  const activePods = pods.filter(isPodActive);
  const active = activePods.length;
  // getNewFinishedPods: terminated pods still holding the tracking finalizer are not counted yet.
  const newSucceeded = pods.filter((p) => p.hasFinalizer && validIndex(job, p) && p.phase === 'Succeeded');
  const newFailed = pods.filter((p) => p.hasFinalizer && validIndex(job, p) && isPodFailed(p, job)
    // §4.4/§4.5: failures an Ignore rule matches are not counted, and in 1.27 do not grow the backoff.
    && matchPodFailurePolicy(job, p).countFailed);
  let succeeded = status.succeeded + newSucceeded.length;
  const failed = status.failed + newFailed.length;
  const ready = activePods.filter((p) => p.ready).length;
  // §4.2: startTime is set on the first sync of a Job that is not suspended.
  const startTime = status.startTime ?? (suspended ? null : now);
  const backoff = newBackoffRecord(input.backoff, now, newSucceeded, newFailed);

  // §4.3: fails on the (backoffLimit+1)-th failed pod, only on a sync that sees a new failure and
  // while not all `parallelism` pods are active — job_controller.go#syncJob `exceedsBackoffLimit`.
  const jobHasNewFailure = failed > status.failed;
  const exceedsBackoffLimit = jobHasNewFailure && active !== spec.parallelism && failed > spec.backoffLimit;

  let finishedCondition: JobCondition | null = null;
  let requeueAfterMs: number | undefined;
  if (spec.podFailurePolicy) {
    // §4.5: FailJob → the interim FailureTarget first; the next sync turns it into Failed.
    const target = status.conditions.find((c) => c.type === 'FailureTarget');
    if (target) {
      finishedCondition = newJobCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
    } else {
      const message = failJobMessage(job, pods);
      if (message !== null) finishedCondition = newJobCondition('FailureTarget', 'True', 'PodFailurePolicy', message, now);
    }
  }
  if (finishedCondition === null) {
    // §4.3: if both hold in the same sync, BackoffLimitExceeded wins (the if/else order).
    if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      finishedCondition = newJobCondition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    } else if (pastActiveDeadline(job, startTime, now)) {
      finishedCondition = newJobCondition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    } else if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && !suspended && startTime !== null) {
      // §4.3: re-enqueued at startTime + activeDeadlineSeconds.
      requeueAfterMs = spec.activeDeadlineSeconds * 1000 - (now - startTime);
    }
  }

  let prevSucceededIndexes: IndexInterval[] = [];
  let succeededIndexes: IndexInterval[] = [];
  if (isIndexedJob(job)) {
    // calculateSucceededIndexes: completed indexes so far plus succeeded pods still tracked.
    const c = completions ?? 0;
    prevSucceededIndexes = parseCompletedIndexes(status.completedIndexes, c);
    const fresh = [...new Set(pods.filter((p) => p.phase === 'Succeeded' && p.hasFinalizer && validIndex(job, p)).map((p) => p.completionIndex))]
      .sort((a, b) => a - b);
    succeededIndexes = withOrderedIndexes(prevSucceededIndexes, fresh);
    succeeded = intervalsTotal(succeededIndexes);
  }

  let manage: ManagePlan | null = null;
  if (finishedCondition === null) {
    manage = manageJob(job, activePods, succeeded, succeededIndexes, backoff, now);
    if (manage.action === 'backoff') requeueAfterMs = requeueAfterMs === undefined ? manage.remainingMs : Math.min(requeueAfterMs, manage.remainingMs);
  }

  return {
    startTime, activePods, ready, succeeded, failed, backoff, finishedCondition, prevSucceededIndexes, manage,
    ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}),
  };
}

/** `manageJob` (§4.2, §4.4, §4.6) without the writes. */
function manageJob(
  job: SimJob, activePods: readonly JobPodView[], succeeded: number, succeededIndexes: readonly IndexInterval[], backoff: BackoffRecord, now: number,
): ManagePlan {
  const active = activePods.length;
  const parallelism = job.spec.parallelism;
  if (isJobSuspended(job)) {
    const podsToDelete = activePodsForRemoval(job, activePods, active);
    return podsToDelete.length > 0 ? { action: 'suspend', podsToDelete } : { action: 'none' };
  }
  const completions = completionsOf(job);
  let wantActive: number;
  if (completions === null) {
    // §4.2 work queue: after the first success no new pods; running ones finish.
    wantActive = succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(completions - succeeded, parallelism));
  }
  const rmAtLeast = Math.max(0, active - wantActive);
  const podsToDelete = activePodsForRemoval(job, activePods, rmAtLeast).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  // §4.2: deletions and creations never in the same sync; deletion wins.
  if (podsToDelete.length > 0) return { action: 'delete', podsToDelete };
  if (active < wantActive) {
    const remainingMs = backoffRemainingMs(backoff, now);
    if (remainingMs > 0) return { action: 'backoff', remainingMs };
    let diff = Math.min(wantActive - active, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes: number[];
    if (isIndexedJob(job)) {
      // §4.2: the lowest indexes neither succeeded nor active.
      indexes = firstPendingIndexes(activePods, succeededIndexes, diff, completions ?? 0);
      diff = indexes.length;
    } else {
      indexes = new Array<number>(diff).fill(UNKNOWN_COMPLETION_INDEX);
    }
    return diff > 0 ? { action: 'create', indexes } : { action: 'none' };
  }
  return { action: 'none' };
}

/**
 * Step 3 (`syncJob` after `manageJob`, then `trackJobStatusAndRemoveFinalizers`): see the file comment.
 */
export function finishJobSync(input: JobSyncInput, plan: JobSyncPlan, outcome: JobWriteOutcome): JobSyncResult {
  const { job, pods, now } = input;
  const completions = completionsOf(job);
  const indexed = isIndexedJob(job);
  const before: JobEvent[] = [];
  const after: JobEvent[] = [];
  let conditions = [...job.status.conditions];
  let startTime = plan.startTime;
  let finished = plan.finishedCondition;
  let active = plan.activePods.length;

  if (finished !== null) {
    // §4.3: the finish condition is written only once every active pod was deleted.
    if (outcome.deletedForFinish !== active) finished = null;
    active -= outcome.deletedForFinish;
  } else {
    const m = plan.manage!;
    switch (m.action) {
      case 'suspend':
      case 'delete':
        active -= outcome.removedByManage;
        break;
      case 'backoff':
        // §4.4 quirk (1.27): manageJob returns 0 active while waiting out the backoff.
        active = 0;
        break;
      case 'create':
        active += m.indexes.length - outcome.notCreated;
        break;
      case 'none':
        break;
    }
    // §4.3: Complete when enough pods succeeded (work queue: any) and none is active.
    const complete = completions === null ? plan.succeeded > 0 && active === 0 : plan.succeeded >= completions && active === 0;
    if (complete) {
      // 1.27: empty reason and message.
      finished = newJobCondition('Complete', 'True', '', '', now);
    } else if (isJobSuspended(job)) {
      // §4.6
      const r = ensureJobCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
      conditions = r.conditions;
      if (r.changed) before.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
    } else {
      const r = ensureJobCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      conditions = r.conditions;
      if (r.changed) {
        before.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
        // §4.6: resuming restarts the activeDeadlineSeconds clock.
        startTime = now;
      }
    }
  }

  // trackJobStatusAndRemoveFinalizers: count terminated pods that still hold the finalizer.
  const policy = job.spec.podFailurePolicy;
  const ordered = indexed ? [...pods].sort((a, b) => a.completionIndex - b.completionIndex) : pods;
  const removeFinalizers: JobPodView[] = [];
  const newSucceededIndexes: number[] = [];
  let countedSucceeded = 0;
  let countedFailed = 0;
  let reachedMaxUncountedPods = false;
  for (const p of ordered) {
    if (!p.hasFinalizer) continue; // counted in an earlier sync
    const podFinished = p.phase === 'Succeeded' || p.phase === 'Failed';
    // Terminating pods count as failed (orphans too), and so do active pods deleted because the
    // Job finished. With a podFailurePolicy (1.26/1.27, kubernetes#113855) a terminating pod is
    // only counted once it reached a terminal phase.
    const considerTerminated = policy
      ? podFinished || finished !== null || isPodFailed(p, job)
      : p.terminating || finished !== null;
    if (podFinished || considerTerminated) removeFinalizers.push(p);
    if (p.phase === 'Succeeded') {
      if (indexed) {
        const ix = p.completionIndex;
        if (validIndex(job, p) && !intervalsHave(plan.prevSucceededIndexes, ix) && !newSucceededIndexes.includes(ix)) newSucceededIndexes.push(ix);
      } else {
        countedSucceeded++;
      }
    } else if (p.phase === 'Failed' || considerTerminated) {
      if (validIndex(job, p) && (!policy || matchPodFailurePolicy(job, p).countFailed)) countedFailed++;
    }
    if (newSucceededIndexes.length + countedSucceeded + countedFailed >= MAX_UNCOUNTED_PODS) {
      // The rest are counted in the next sync.
      reachedMaxUncountedPods = true;
      break;
    }
  }

  let succeeded = job.status.succeeded + countedSucceeded;
  let completedIndexes: string | undefined;
  if (indexed) {
    const all = withOrderedIndexes(plan.prevSucceededIndexes, [...newSucceededIndexes].sort((a, b) => a - b));
    succeeded = intervalsTotal(all);
    completedIndexes = formatCompletedIndexes(all);
  }
  const failed = job.status.failed + countedFailed;

  // enactJobFinished
  let completionTime = job.status.completionTime;
  const jobFinished = finished !== null && !reachedMaxUncountedPods;
  if (jobFinished) {
    const f = finished!;
    conditions = ensureJobCondition(conditions, f.type, f.status, f.reason ?? '', f.message ?? '', now).conditions;
    if (f.type === 'Complete') completionTime = f.lastTransitionTime;
    // recordJobFinished: also for the interim FailureTarget, so a FailJob records the Warning
    // when FailureTarget is written and again when Failed is.
    if (f.type === 'Complete') {
      if (completions !== null && succeeded > completions) {
        after.push({ type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
      }
      after.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
    } else {
      after.push({ type: 'Warning', reason: f.reason ?? '', message: f.message ?? '' });
    }
  }

  const status: JobStatus = {
    ...job.status,
    startTime,
    completionTime,
    active,
    ready: plan.ready,
    succeeded,
    failed,
    conditions,
    ...(indexed ? { completedIndexes } : {}),
  };
  return { status, removeFinalizers, eventsBeforeStatus: before, eventsAfterStatus: after, finished: jobFinished };
}
