/**
 * `manageJob` without the writes (Kubernetes v1.27 `job_controller.go`, §4.2, §4.4, §4.6), with the
 * release-1.31 additions behind {@link JobFeatures}: terminating pods are not replaced while only
 * failed pods are (`onlyReplaceFailedPods`, KEP-3939), and with backoffLimitPerIndex (KEP-3850)
 * failed indexes get no pod and each index waits out its own back-off instead of the Job's.
 */
import type { SimJob } from '../cluster/workload-objects';
import { BackoffRecord, backoffRemainingMs, indexBackoffRemainingMs } from './job-backoff';
import { hasBackoffLimitPerIndex, JobFeatures, onlyReplaceFailedPods } from './job-features';
import { newIndexFailureCounts } from './job-index-failures';
import { firstPendingIndexes, IndexInterval } from './job-indexes';
import type { ManagePlan } from './job-sync-types';
import {
  activePodsForRemoval, completionsOf, isIndexedJob, isJobSuspended, isPodTerminating, JobPodView, MAX_POD_CREATE_DELETE_PER_SYNC, UNKNOWN_COMPLETION_INDEX,
} from './job-utils';

/** What `manageJob` reads. */
export interface ManageInput {
  /** The Job. */
  readonly job: SimJob;
  /** All its pods. */
  readonly pods: readonly JobPodView[];
  /** Its active pods. */
  readonly activePods: readonly JobPodView[];
  /** Succeeded count (Indexed: completed indexes). */
  readonly succeeded: number;
  /** Succeeded indexes (Indexed). */
  readonly succeededIndexes: readonly IndexInterval[];
  /** Failed indexes (backoffLimitPerIndex), else null. */
  readonly failedIndexes: readonly IndexInterval[] | null;
  /** Per index, its last failed pod kept for the replacement (backoffLimitPerIndex). */
  readonly delayedDeletion: ReadonlyMap<number, JobPodView>;
  /** Terminating pods when tracked, else null. */
  readonly terminating: number | null;
  /** The Job's backoff record after this sync's pods. */
  readonly backoff: BackoffRecord;
  /** Simulated ms. */
  readonly now: number;
  /** The version's switches. */
  readonly f: JobFeatures;
}

/** `manageJob` (§4.2, §4.4, §4.6): see the file comment. */
export function manageJob(input: ManageInput): ManagePlan {
  const { job, activePods, succeeded, succeededIndexes, backoff, now, f } = input;
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
  // KEP-3939: while only failed pods are replaced, terminating pods still hold their place.
  const onlyFailed = onlyReplaceFailedPods(job, f);
  const terminating = onlyFailed ? input.terminating ?? 0 : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return { action: 'none' };
  const perIndex = hasBackoffLimitPerIndex(job, f);
  // KEP-3850: with backoffLimitPerIndex the Job-wide back-off is not used.
  const remainingMs = perIndex ? 0 : backoffRemainingMs(backoff, now, f);
  if (remainingMs > 0) return { action: 'backoff', remainingMs };
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (!isIndexedJob(job)) return { action: 'create', indexes: new Array<number>(diff).fill(UNKNOWN_COMPLETION_INDEX) };
  // §4.2: the lowest indexes neither succeeded nor active (nor terminating, nor failed).
  const terminatingPods = onlyFailed ? input.pods.filter(isPodTerminating) : [];
  let indexes = firstPendingIndexes(activePods, succeededIndexes, diff, completions ?? 0, terminatingPods, input.failedIndexes ?? []);
  if (!perIndex) return indexes.length > 0 ? { action: 'create', indexes } : { action: 'none' };
  // getPodCreationInfoForIndependentIndexes: indexes whose back-off has elapsed now, else wait the least.
  const due: number[] = [];
  let minWait: number | null = null;
  for (const ix of indexes) {
    const wait = indexBackoffRemainingMs(input.delayedDeletion.get(ix), now, f);
    if (wait === 0) due.push(ix);
    else if (minWait === null || wait < minWait) minWait = wait;
  }
  if (due.length === 0 && minWait !== null) return { action: 'backoff', remainingMs: minWait };
  indexes = due;
  if (indexes.length === 0) return { action: 'none' };
  const failureCounts = indexes.map((ix) => newIndexFailureCounts(job, input.delayedDeletion.get(ix), f));
  return { action: 'create', indexes, failureCounts };
}
