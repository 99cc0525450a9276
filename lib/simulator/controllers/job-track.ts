/**
 * Step 3 of a Job sync (Kubernetes v1.27 `job_controller.go#syncJob` after `manageJob`, then
 * `#trackJobStatusAndRemoveFinalizers` and `#enactJobFinished`): `active` after the writes, the
 * Complete check, the Suspended condition, finalizer tracking (which pods are counted as
 * succeeded or failed) and the finish condition. Later releases (release-1.31 source), behind
 * {@link JobFeatures}: `status.terminating` (KEP-3939), `status.failedIndexes` and the failed pods
 * whose finalizer waits for their index's replacement (KEP-3850), and with
 * `delayTerminalCondition` the interim FailureTarget / SuccessCriteriaMet conditions, the terminal
 * Failed / Complete one added only once no pod is terminating (kubernetes#125510).
 */
import type { JobCondition, JobStatus } from '../cluster/objects';
import { ensureJobCondition, newJobCondition } from './job-conditions';
import { JOB_FEATURES_1_27, JobFeatures, JobStatusV, trackTerminatingPods } from './job-features';
import { matchPodFailurePolicy } from './job-failure-rules';
import { formatCompletedIndexes, intervalsHave, intervalsTotal, withOrderedIndexes } from './job-indexes';
import { JobEvent, JobSyncInput, JobSyncPlan, JobSyncResult, JobWriteOutcome, SUCCESS_CRITERIA_MET, validIndex } from './job-sync-types';
import { completionsOf, isIndexedJob, isJobSuspended, isPodFailed, JobPodView, MAX_UNCOUNTED_PODS } from './job-utils';

/**
 * `newSuccessCondition`: Complete (empty reason and message in 1.27), or with
 * `delayTerminalCondition` the interim SuccessCriteriaMet — reason CompletionsReached,
 * `Reached expected number of succeeded pods` from 1.32.
 */
function successCondition(f: JobFeatures, now: number): JobCondition {
  if (!f.delayTerminalCondition) return newJobCondition('Complete', 'True', '', '', now);
  return f.completionsReachedReason
    ? newJobCondition(SUCCESS_CRITERIA_MET, 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now)
    : newJobCondition(SUCCESS_CRITERIA_MET, 'True', '', '', now);
}

/** `canRemoveFinalizer`: finishing, succeeded, or failed unless kept for its index's replacement. */
function canRemoveFinalizer(plan: JobSyncPlan, finished: JobCondition | null, p: JobPodView, considerFailed: boolean): boolean {
  if (finished !== null || p.phase === 'Succeeded') return true;
  if (!considerFailed) return false;
  return plan.delayedDeletion.get(p.completionIndex)?.uid !== p.uid;
}

/** Step 3: see the file comment. */
export function finishJobSync(input: JobSyncInput, plan: JobSyncPlan, outcome: JobWriteOutcome): JobSyncResult {
  const { job, pods, now } = input;
  const f = input.features ?? JOB_FEATURES_1_27;
  const completions = completionsOf(job);
  const indexed = isIndexedJob(job);
  const before: JobEvent[] = [];
  const after: JobEvent[] = [];
  let conditions = [...job.status.conditions];
  let startTime = plan.startTime;
  let finished = plan.finishedCondition;
  let active = plan.activePods.length;
  let terminating = plan.terminating;
  let ready = plan.ready;
  // 1.31 (JobFeatures.countsOwnDeletions): this sync's deletions are counted at once.
  const ownDeletions = (deleted: number) => {
    if (!f.countsOwnDeletions) return;
    if (terminating !== null && trackTerminatingPods(job, f)) terminating += deleted;
    ready -= outcome.deletedReady ?? 0;
  };

  if (finished !== null) {
    // §4.3: the finish condition is written only once every active pod was deleted.
    if (outcome.deletedForFinish !== active) finished = null;
    active -= outcome.deletedForFinish;
    ownDeletions(outcome.deletedForFinish);
  } else {
    const m = plan.manage!;
    switch (m.action) {
      case 'suspend':
      case 'delete':
        active -= outcome.removedByManage;
        ownDeletions(outcome.removedByManage);
        break;
      case 'backoff':
        // §4.4 quirk (1.27, still in 1.31): manageJob returns 0 active while waiting out the backoff.
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
      finished = successCondition(f, now);
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
  const ordered = indexed ? [...pods].sort((a, b) => a.completionIndex - b.completionIndex) : pods;
  const removeFinalizers: JobPodView[] = [];
  const newSucceededIndexes: number[] = [];
  let countedSucceeded = 0;
  let countedFailed = 0;
  let reachedMaxUncountedPods = false;
  // When the Job finishes (not by its success criteria) every pod not terminated counts as failed.
  const finishingAsFailure = finished !== null && finished.type !== SUCCESS_CRITERIA_MET;
  for (const p of ordered) {
    if (!p.hasFinalizer) continue; // counted in an earlier sync
    // Terminating pods count as failed (orphans too), and so do active pods deleted because the
    // Job finished. With a podFailurePolicy (1.26/1.27, kubernetes#113855), or `podReplacementPolicy:
    // Failed`, a terminating pod is only counted once it reached a terminal phase.
    const considerFailed = isPodFailed(p, job, f);
    if (!canRemoveFinalizer(plan, finished, p, considerFailed)) continue;
    removeFinalizers.push(p);
    if (p.phase === 'Succeeded') {
      if (indexed) {
        const ix = p.completionIndex;
        if (validIndex(job, p) && !intervalsHave(plan.prevSucceededIndexes, ix) && !newSucceededIndexes.includes(ix)) newSucceededIndexes.push(ix);
      } else {
        countedSucceeded++;
      }
    } else if (considerFailed || finishingAsFailure) {
      if (validIndex(job, p) && (!job.spec.podFailurePolicy || matchPodFailurePolicy(job, p, f).countFailed)) countedFailed++;
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

  let jobFinished: boolean;
  let completionTime = job.status.completionTime;
  if (f.delayTerminalCondition) {
    ({ conditions, completionTime, jobFinished, finished } = enactDelayed(conditions, finished, terminating, reachedMaxUncountedPods, completionTime, now));
  } else {
    // enactJobFinished (1.27): the finish condition — the interim FailureTarget too — in this sync.
    jobFinished = finished !== null && !reachedMaxUncountedPods;
    if (jobFinished) {
      const fc = finished!;
      if (fc.type === SUCCESS_CRITERIA_MET) {
        // 1.30 (successPolicy without delayTerminalCondition): SuccessCriteriaMet, then Complete at once.
        conditions = ensureJobCondition(conditions, fc.type, fc.status, fc.reason ?? '', fc.message ?? '', now).conditions;
        finished = newJobCondition('Complete', 'True', fc.reason ?? '', fc.message ?? '', now);
      }
      const f2 = finished!;
      conditions = ensureJobCondition(conditions, f2.type, f2.status, f2.reason ?? '', f2.message ?? '', now).conditions;
      if (f2.type === 'Complete') completionTime = f2.lastTransitionTime;
    }
  }
  if (jobFinished) {
    const fc = finished!;
    // recordJobFinished: without delayTerminalCondition also for the interim FailureTarget, so a
    // FailJob records the Warning when FailureTarget is written and again when Failed is.
    if (fc.type === 'Complete') {
      if (completions !== null && succeeded > completions) {
        after.push({ type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
      }
      after.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
    } else {
      after.push({ type: 'Warning', reason: fc.reason ?? '', message: fc.message ?? '' });
    }
  }

  const status: JobStatusV = {
    ...job.status,
    startTime,
    completionTime,
    active,
    ready,
    succeeded,
    failed,
    conditions,
  };
  // Assignments rather than conditional `...{}` spreads: the same keys, values and order (an
  // existing key keeps its place, a new one goes last, an undefined value is still a key).
  const optional = status as { completedIndexes?: string; failedIndexes?: string; terminating?: number };
  if (indexed) optional.completedIndexes = completedIndexes;
  if (plan.failedIndexes !== null) optional.failedIndexes = formatCompletedIndexes(plan.failedIndexes);
  if (f.podReplacementPolicy && terminating !== null) optional.terminating = terminating;
  return { status: status as JobStatus, removeFinalizers, eventsBeforeStatus: before, eventsAfterStatus: after, finished: jobFinished };
}

/**
 * `trackJobStatusAndRemoveFinalizers` + `enactJobFinished` with `delayTerminalCondition` (1.31+):
 * a new interim condition (FailureTarget, or SuccessCriteriaMet unless already there) is appended
 * and the terminal one (Failed / Complete, same reason and message) prepared; the terminal one is
 * added only when no pod is terminating.
 */
function enactDelayed(
  list: JobCondition[], finished: JobCondition | null, terminating: number | null, reachedMax: boolean, completionTime: number | null, now: number,
): { conditions: JobCondition[]; completionTime: number | null; jobFinished: boolean; finished: JobCondition | null } {
  let conditions = list;
  let terminal = finished;
  if (terminal !== null && terminal.type === 'FailureTarget') {
    conditions = [...conditions, terminal];
    terminal = newJobCondition('Failed', 'True', terminal.reason ?? '', terminal.message ?? '', now);
  } else if (terminal !== null && terminal.type === SUCCESS_CRITERIA_MET) {
    if (!conditions.some((c) => c.type === SUCCESS_CRITERIA_MET && c.status === 'True')) conditions = [...conditions, terminal];
    terminal = newJobCondition('Complete', 'True', terminal.reason ?? '', terminal.message ?? '', now);
  }
  if (terminal === null || reachedMax || (terminating ?? 0) > 0) return { conditions, completionTime, jobFinished: false, finished: terminal };
  conditions = ensureJobCondition(conditions, terminal.type, terminal.status, terminal.reason ?? '', terminal.message ?? '', now).conditions;
  return { conditions, completionTime: terminal.type === 'Complete' ? terminal.lastTransitionTime : completionTime, jobFinished: true, finished: terminal };
}
