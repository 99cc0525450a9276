/**
 * The Job backoff (Kubernetes v1.27 `pkg/controller/job/backoff_utils.go`): the backoff record
 * of failures since the last success and the delay before replacements. Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.4.
 */
import { JOB_FEATURES_1_27, JobFeatures } from './job-features';
import { DEFAULT_JOB_BACKOFF_MS, JobPodView, MAX_JOB_BACKOFF_MS } from './job-utils';

/** `backoffRecord`: failures since the last success and the finish time of the latest one. */
export interface BackoffRecord {
  /** Failed pods finished after the last success. */
  readonly failuresAfterLastSuccess: number;
  /** Finish time of the last failure, simulated ms, or null. */
  readonly lastFailureTime: number | null;
}

/** No failures. */
export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTime: null };

/** `latestFinishTime`: the latest `finishedAt` when every container has terminated, else null. */
function containersFinishTime(p: JobPodView): number | null {
  let finish: number | null = null;
  for (const cs of p.containerStatuses) {
    if (cs.state !== 'terminated' || cs.finishedMs === null) return null;
    finish = finish === null ? cs.finishedMs : Math.max(finish, cs.finishedMs);
  }
  return finish;
}

/**
 * `getFinishedTime`. 1.27.0: the latest container `finishedAt` when every container has
 * terminated, else the sync time `now`. 1.28+ (backoff_utils.go): else the Ready=False
 * condition's lastTransitionTime, else `deletionTimestamp − deletionGracePeriodSeconds`, else the
 * creation time. (Restartable init containers, which 1.28+ also reads with SidecarContainers,
 * are not in the pod view.)
 */
export function finishedTimeOf(p: JobPodView, now: number, f: JobFeatures = JOB_FEATURES_1_27): number {
  const fromContainers = containersFinishTime(p);
  if (fromContainers !== null) return fromContainers;
  if (!f.finishTimeFallbacks) return now;
  const ready = p.conditions.find((c) => c.type === 'Ready');
  if (ready && ready.status === 'False') return ready.lastTransitionMs;
  if (p.deletionMs !== null) return p.deletionMs - (p.graceMs ?? 0);
  return p.createdMs;
}

/**
 * `newBackoffRecord` (§4.4): new failures add to the count (the last one's finish time kept); a
 * new success resets it, keeping only failures that finished after the latest success.
 */
export function newBackoffRecord(
  old: BackoffRecord, now: number, newSucceeded: readonly JobPodView[], newFailed: readonly JobPodView[], f: JobFeatures = JOB_FEATURES_1_27,
): BackoffRecord {
  // Most syncs see no newly finished pod: the record stays (no failure, no success), or a success
  // without failure resets it — what the general path below gives, without its arrays.
  if (newFailed.length === 0) return newSucceeded.length === 0 ? old : NO_BACKOFF;
  const byFinish = (pods: readonly JobPodView[]) => [...pods].map((p) => finishedTimeOf(p, now, f)).sort((a, b) => a - b);
  const failedTimes = byFinish(newFailed);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return old;
    return { failuresAfterLastSuccess: old.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes[failedTimes.length - 1] };
  }
  if (failedTimes.length === 0) return NO_BACKOFF;
  const succeededTimes = byFinish(newSucceeded);
  const lastSuccess = succeededTimes[succeededTimes.length - 1];
  let failures = 0;
  let lastFailure: number | null = null;
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    if (failedTimes[i] <= lastSuccess) break;
    if (lastFailure === null) lastFailure = failedTimes[i];
    failures++;
  }
  return { failuresAfterLastSuccess: failures, lastFailureTime: lastFailure };
}

/**
 * The 1.27 back-off after `failures` failures: 10 s · 2^(failures−1), capped at 360 s (§4.4); 0
 * without failures.
 */
export function backoffDelayMs(failures: number): number {
  return cappedBackoffDelayMs(failures, MAX_JOB_BACKOFF_MS);
}

/** {@link backoffDelayMs} with the cap `maxMs` (the version's `MaxJobPodFailureBackOff`). */
export function cappedBackoffDelayMs(failures: number, maxMs: number): number {
  if (failures <= 0) return 0;
  let d = DEFAULT_JOB_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= maxMs) return maxMs;
  }
  return d;
}

/** `getRemainingTimeForFailuresCount`: the wait left after `failures` failures, the last at `lastFailure`; 0 when due. */
function remainingForFailures(failures: number, lastFailure: number | null, now: number, maxMs: number): number {
  if (failures === 0 || lastFailure === null) return 0;
  const delay = cappedBackoffDelayMs(failures, maxMs);
  const elapsed = now - lastFailure;
  return delay < elapsed ? 0 : delay - elapsed;
}

/** `getRemainingTime` (§4.4): how long replacements must still wait after the last failure; 0 when due. */
export function backoffRemainingMs(record: BackoffRecord, now: number, f: JobFeatures = JOB_FEATURES_1_27): number {
  return remainingForFailures(record.failuresAfterLastSuccess, record.lastFailureTime, now, f.maxPodFailureBackoffMs);
}

/**
 * `getRemainingTimePerIndex` (KEP-3850): the wait before an index's replacement pod, from the
 * index's last failed pod — its absolute failure count (failures + ignored) plus one, and its
 * finish time; 0 without a failed pod.
 */
export function indexBackoffRemainingMs(lastFailed: JobPodView | undefined, now: number, f: JobFeatures): number {
  if (!lastFailed) return 0;
  const failures = lastFailed.indexFailureCount + lastFailed.indexIgnoredFailureCount + 1;
  return remainingForFailures(failures, finishedTimeOf(lastFailed, now, f), now, f.maxPodFailureBackoffMs);
}
