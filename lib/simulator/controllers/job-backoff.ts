/**
 * The Job backoff (Kubernetes v1.27 `pkg/controller/job/backoff_utils.go`): the backoff record
 * of failures since the last success and the delay before replacements. Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.4.
 */
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

/**
 * `getFinishedTime` (1.27.0): the latest container `finishedAt` when every container has
 * terminated, else the sync time `now`.
 */
export function finishedTimeOf(p: JobPodView, now: number): number {
  let finish: number | null = null;
  for (const cs of p.containerStatuses) {
    if (cs.state !== 'terminated' || cs.finishedMs === null) return now;
    finish = finish === null ? cs.finishedMs : Math.max(finish, cs.finishedMs);
  }
  return finish ?? now;
}

/**
 * `newBackoffRecord` (§4.4): new failures add to the count (the last one's finish time kept); a
 * new success resets it, keeping only failures that finished after the latest success.
 */
export function newBackoffRecord(old: BackoffRecord, now: number, newSucceeded: readonly JobPodView[], newFailed: readonly JobPodView[]): BackoffRecord {
  const byFinish = (pods: readonly JobPodView[]) => [...pods].map((p) => finishedTimeOf(p, now)).sort((a, b) => a - b);
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

/** The back-off after `failures` failures: 10 s · 2^(failures−1), capped at 360 s (§4.4); 0 without failures. */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  let d = DEFAULT_JOB_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_JOB_BACKOFF_MS) return MAX_JOB_BACKOFF_MS;
  }
  return d;
}

/** `getRemainingTime` (§4.4): how long replacements must still wait after the last failure; 0 when due. */
export function backoffRemainingMs(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === null) return 0;
  const delay = backoffDelayMs(record.failuresAfterLastSuccess);
  const elapsed = now - record.lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}
