/**
 * The shapes the Job reconcile passes between its steps (job-reconcile.ts plans, the controller
 * writes, job-track.ts finishes), and the two helpers every step reads.
 */
import type { JobCondition, JobStatus, SimJob } from '../cluster/objects';
import type { BackoffRecord } from './job-backoff';
import type { JobFeatures } from './job-features';
import type { IndexInterval } from './job-indexes';
import { completionsOf, isIndexedJob, JobPodView, UNKNOWN_COMPLETION_INDEX } from './job-utils';

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
  /** The version's switches. @default - 1.27 (all off) */
  readonly features?: JobFeatures;
}

/** What `manageJob` decided. */
export type ManagePlan =
  /** Suspended: delete every active pod, tracking finalizer removed first so none counts as failed (§4.6). */
  | { readonly action: 'suspend'; readonly podsToDelete: readonly JobPodView[] }
  /** More active pods than wanted: delete these (finalizer removed first); deletion wins over creation (§4.2). */
  | { readonly action: 'delete'; readonly podsToDelete: readonly JobPodView[] }
  /** Fewer than wanted but the backoff has not elapsed: create nothing, requeue (§4.4). */
  | { readonly action: 'backoff'; readonly remainingMs: number }
  /**
   * Create pods: one per entry, the completion index or -1 (NonIndexed), in slow-start batches
   * (§4.2); with backoffLimitPerIndex each with the failure counts it carries (`failureCounts`,
   * default: none — no index failure-count annotations).
   */
  | { readonly action: 'create'; readonly indexes: readonly number[]; readonly failureCounts?: ReadonlyArray<readonly [number, number]> }
  /** Nothing to do. */
  | { readonly action: 'none' };

/** The decisions of `planJobSync`. */
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
  /**
   * A finish condition decided before the writes — Failed, FailureTarget or SuccessCriteriaMet;
   * active pods are then deleted.
   */
  readonly finishedCondition: JobCondition | null;
  /** Completed indexes before this sync (Indexed). */
  readonly prevSucceededIndexes: readonly IndexInterval[];
  /** Failed indexes (backoffLimitPerIndex), else null. */
  readonly failedIndexes: readonly IndexInterval[] | null;
  /** Per index, the failed pod whose finalizer stays until its replacement exists (backoffLimitPerIndex). */
  readonly delayedDeletion: ReadonlyMap<number, JobPodView>;
  /** Terminating pods (`trackTerminatingPods`), else null. */
  readonly terminating: number | null;
  /** `manageJob`'s decision; null when finishing. */
  readonly manage: ManagePlan | null;
  /** Sync again after this many ms (the backoff's remaining time, activeDeadlineSeconds). */
  readonly requeueAfterMs?: number;
}

/** Whether the pod has a completion index the Job counts (always true for NonIndexed Jobs). */
export function validIndex(job: SimJob, p: JobPodView): boolean {
  if (!isIndexedJob(job)) return true;
  return p.completionIndex !== UNKNOWN_COMPLETION_INDEX && p.completionIndex < (completionsOf(job) ?? 0);
}

/** The condition type SuccessCriteriaMet (1.30+), which the 1.27 condition type does not list. */
export const SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet' as JobCondition['type'];

/** How the writes of a plan went. */
export interface JobWriteOutcome {
  /** Pods deleted for the finish decision (`deleteActivePods`). */
  readonly deletedForFinish: number;
  /** Pods deleted by `manageJob` (suspend or excess). */
  readonly removedByManage: number;
  /** Pods of a `create` plan not created: failed, or skipped after a failing slow-start batch. */
  readonly notCreated: number;
  /** Ready pods among those deleted (`deletedReady` / `removedReady`). @default 0 */
  readonly deletedReady?: number;
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

/** The result of `finishJobSync`. */
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

