/**
 * Backoff limit per index (KEP-3850, JobBackoffLimitPerIndex: alpha 1.28, beta 1.29, GA 1.33),
 * ported from `pkg/controller/job/indexed_job_utils.go` (release-1.31): which indexes failed,
 * which failed pod of an index keeps its finalizer until the index's replacement exists, and the
 * failure counts a replacement pod carries.
 */
import type { SimJob } from '../cluster/workload-objects';
import { hasBackoffLimitPerIndex, JobFeatures, specV, statusV } from './job-features';
import { matchPodFailurePolicy } from './job-failure-rules';
import { finishedTimeOf } from './job-backoff';
import { IndexInterval, intervalsHave, parseCompletedIndexes, withOrderedIndexes } from './job-indexes';
import { completionsOf, isPodFailed, JobPodView, UNKNOWN_COMPLETION_INDEX } from './job-utils';

function validIndex(job: SimJob, p: JobPodView): boolean {
  return p.completionIndex !== UNKNOWN_COMPLETION_INDEX && p.completionIndex < (completionsOf(job) ?? 0);
}

/**
 * `isIndexFailed`: the pod failed and either a FailIndex rule matched it, or it counts (no Ignore
 * rule matched) and its index already failed `backoffLimitPerIndex` times before it.
 */
export function isIndexFailed(job: SimJob, p: JobPodView, f: JobFeatures): boolean {
  if (!isPodFailed(p, job, f)) return false;
  let counted = true;
  if (job.spec.podFailurePolicy) {
    const m = matchPodFailurePolicy(job, p, f);
    if (m.action === 'FailIndex') return true;
    counted = m.countFailed;
  }
  return counted && p.indexFailureCount >= (specV(job).backoffLimitPerIndex ?? 0);
}

/** `calculateFailedIndexes`: `status.failedIndexes` plus the indexes of pods that fail their index now. */
export function calculateFailedIndexes(job: SimJob, pods: readonly JobPodView[], f: JobFeatures): IndexInterval[] {
  const completions = completionsOf(job) ?? 0;
  const prev = parseCompletedIndexes(statusV(job).failedIndexes, completions);
  const fresh = [...new Set(pods.filter((p) => validIndex(job, p) && isIndexFailed(job, p, f)).map((p) => p.completionIndex))].sort((a, b) => a - b);
  return withOrderedIndexes(prev, fresh);
}

/**
 * `getPodsWithDelayedDeletionPerIndex`: per index that is not succeeded, failed or active, its
 * failed pod still holding the tracking finalizer with the highest failure count (the latest to
 * finish among equals). Its finalizer stays until the replacement carrying its counts exists.
 */
export function podsWithDelayedDeletionPerIndex(
  job: SimJob, pods: readonly JobPodView[], activePods: readonly JobPodView[], succeeded: readonly IndexInterval[],
  failed: readonly IndexInterval[], now: number, f: JobFeatures,
): Map<number, JobPodView> {
  const out = new Map<number, JobPodView>();
  if (!hasBackoffLimitPerIndex(job, f)) return out;
  const active = new Set(activePods.map((p) => p.completionIndex));
  const absolute = (p: JobPodView) => p.indexFailureCount + p.indexIgnoredFailureCount;
  for (const p of pods) {
    if (!p.hasFinalizer || !validIndex(job, p) || !isPodFailed(p, job, f)) continue;
    const ix = p.completionIndex;
    if (intervalsHave(succeeded, ix) || intervalsHave(failed, ix) || active.has(ix)) continue;
    const last = out.get(ix);
    if (!last || (absolute(last) <= absolute(p) && finishedTimeOf(p, now, f) >= finishedTimeOf(last, now, f))) out.set(ix, p);
  }
  return out;
}

/**
 * `getNewIndexFailureCounts`: a replacement's `(failures, ignored failures)` — the replaced pod's
 * counts with its own failure added to the ignored count when an Ignore rule matched it, else to
 * the failure count; `(0, 0)` for an index's first pod.
 */
export function newIndexFailureCounts(job: SimJob, replaced: JobPodView | undefined, f: JobFeatures): [number, number] {
  if (!replaced) return [0, 0];
  const counted = !job.spec.podFailurePolicy || matchPodFailurePolicy(job, replaced, f).countFailed;
  return counted ? [replaced.indexFailureCount + 1, replaced.indexIgnoredFailureCount] : [replaced.indexFailureCount, replaced.indexIgnoredFailureCount + 1];
}
