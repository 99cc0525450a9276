/**
 * The CronJob controller's decisions as a pure function (Kubernetes 1.27
 * `pkg/controller/cronjob/cronjob_controllerv2.go#syncCronJob` + `#cleanupFinishedJobs`): a snapshot
 * of one CronJob, the Jobs it controls and `now` in, a {@link CronJobPlan} out — the events to
 * record, the bookkept status, the Jobs to delete (Replace), the Job to create, the finished Jobs to
 * clean up and when to sync again. cron-job-controller.ts applies the plan through the Controls, in
 * the real controller's order, and handles write failures as it does.
 *
 * Status times (`lastScheduleTime`, `lastSuccessfulTime`, Job `startTime`/`completionTime`) are
 * simulated ms; schedules are evaluated on wall time (`startEpochMs + simulated ms`).
 * Rules cited as §5.x are from shared/reference/k8s-controller-semantics.md.
 */
import type { Schedule } from '../../schedule/schedule';
import { sortSmall } from '../../util/small-sort';
import type { Draft } from '../cluster/factories';
import { jobDraft } from '../cluster/factories';
import { EMPTY_STRING_LIST, EMPTY_STRING_MAP, isEmptyMap, newControllerRef } from '../cluster/object-meta';
import { CronJobStatus, JobRef, SimCronJob, SimJob } from '../cluster/workload-objects';
import type { EventRelatedRef, EventType } from '../engine/trace';
import {
  byJobStartTime, controllerScheduleOf, finishedStatus, formatRfc1123z, jobNameFor, nextScheduleTime, nextScheduleTimeDuration,
  ScheduleHang, ScheduleState, timeZoneError, tooManyMissedMessage,
} from './cron-job-utils';
import { CRON_JOB_RULES_1_27, CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION, CronJobRules, scheduledTimestamp } from './cron-job-versions';

/** What the reconcile reads. */
export interface CronJobSnapshot {
  /** The CronJob. */
  readonly cronJob: SimCronJob;
  /** The Jobs it controls (`getJobsToBeReconciled`), in creation order. */
  readonly jobs: readonly SimJob[];
  /**
   * Whether a Job of that name exists (the API `GetJob` the controller makes for an active ref its
   * lister lacks, before declaring it missing).
   */
  readonly jobExists: (namespace: string, name: string) => boolean;
  /** Simulated ms now. */
  readonly nowMs: number;
  /** Wall-clock epoch ms of simulated time 0 (the scenario `start`). */
  readonly startEpochMs: number;
  /** The version's rules (cron-job-versions.ts). @default CRON_JOB_RULES_1_27 */
  readonly rules?: CronJobRules;
}

/** An event about the CronJob, recorded before any write. */
export interface PlannedEvent {
  /** Normal or Warning. */
  readonly type: EventType;
  /** e.g. `SawCompletedJob`. */
  readonly reason: string;
  /** Worded as the real controller. */
  readonly message: string;
  /** The Job the event is about, if any. */
  readonly related?: EventRelatedRef;
}

/** The Job to create for a tick. */
export interface PlannedJob {
  /** The Job (`getJobFromTemplate2`). */
  readonly draft: Draft<SimJob> & { readonly name: string };
  /** The tick, simulated ms (becomes `status.lastScheduleTime`). */
  readonly scheduledMs: number;
  /** Requeue after a successful create: computed with the new lastScheduleTime. */
  readonly requeueAfterMs: number;
}

/** What one sync does. */
export interface CronJobPlan {
  /** Events before any write, in order (UnexpectedJob, SawCompletedJob, MissingJob, …, JobAlreadyActive). */
  readonly events: readonly PlannedEvent[];
  /** `status` after bookkeeping the owned Jobs (completed and missing Jobs out of `active`, lastSuccessfulTime). */
  readonly status: CronJobStatus;
  /** Replace: the active Jobs to delete (background) before creating, in `status.active` order. */
  readonly replace: readonly JobRef[];
  /** The Job to create, if a tick is due and allowed. */
  readonly create?: PlannedJob;
  /** When to sync again if nothing is created (undefined: not before an update or Job event). */
  readonly requeueAfterMs?: number;
  /** Finished Jobs beyond the history limits, to delete after a successful sync, oldest first per class. */
  readonly cleanup: readonly SimJob[];
  /** robfig's `Next` does not return: the real worker blocks on this CronJob for good (no writes). */
  readonly hang: boolean;
}

/** Events not recorded by the Controls. */
export const CRON_JOB_EVENTS = {
  unexpectedJob: (job: string) => `Saw a job that the controller did not create or forgot: ${job}`,
  sawCompletedJob: (job: string, status: 'Complete' | 'Failed') => `Saw completed job: ${job}, status: ${status}`,
  missingJob: (job: string) => `Active job went missing: ${job}`,
  unknownTimeZone: (tz: string, err: string) => `invalid timeZone: ${JSON.stringify(tz)}: ${err}`,
  unsupportedSchedule: (s: string) => `CRON_TZ or TZ used in schedule ${JSON.stringify(s)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
  unparseableSchedule: (s: string, err: string) => `unparseable schedule: ${JSON.stringify(s)} : ${err}`,
  invalidSchedule: (s: string, err: string) => `invalid schedule: ${s} : ${err}`,
  tooManyMissedTimes: (n: number, rules?: CronJobRules) => tooManyMissedMessage(n, rules),
  missSchedule: (epochMs: number) => `Missed scheduled time to start a job: ${formatRfc1123z(epochMs)}`,
  jobAlreadyActive: () => 'Not starting job because prior execution is running and concurrency policy is Forbid',
} as const;

/** The wall-clock schedule inputs of a CronJob (with `status`, default its own). */
export function scheduleState(cronJob: SimCronJob, startEpochMs: number, status: CronJobStatus = cronJob.status): ScheduleState {
  const sds = cronJob.spec.startingDeadlineSeconds;
  return {
    // metav1.Time is serialised with second precision.
    creationMs: Math.floor((startEpochMs + cronJob.createdMs) / 1000) * 1000,
    lastScheduleMs: status.lastScheduleTime === null ? null : startEpochMs + status.lastScheduleTime,
    ...(sds !== undefined && sds !== null ? { startingDeadlineSeconds: sds } : {}),
  };
}

/**
 * Decides one sync of `snapshot.cronJob` (§5.4, steps in the real order):
 *
 * 1. owned Jobs: unfinished and not active → Warning `UnexpectedJob`; active and finished → out of
 *    active, `SawCompletedJob`; finished and not active → `lastSuccessfulTime` from its
 *    completionTime if later;
 * 2. active refs whose Job is gone → `MissingJob`, out of active;
 * 3. being deleted → stop; `spec.timeZone` that does not load → Warning `UnknownTimeZone`, stop;
 *    suspended → stop **without requeue** (resumed by the update event);
 * 4. `TZ` in the schedule → Warning `UnsupportedSchedule`; unparseable → Warning `UnparseableSchedule`, stop;
 * 5. the most recent unmet tick (§5.3): error → Warning `InvalidSchedule`, stop (no requeue);
 *    more than 100 missed → Warning `TooManyMissedTimes` (and carry on); none → requeue;
 * 6. past `startingDeadlineSeconds` → Warning `MissSchedule`, requeue (practically unreachable: the
 *    deadline already clamps the search; kept as the real code has it);
 * 7. a Job for that tick already active, or lastScheduleTime equal to it → requeue;
 * 8. Forbid with an active Job → Normal `JobAlreadyActive`, requeue, lastScheduleTime **not**
 *    advanced (the tick runs late when the active Job ends, unless the deadline excludes it);
 * 9. Replace → delete every active Job (background);
 * 10–11. create `<cronjob>-<minutes>`; add it to active; lastScheduleTime = tick; requeue;
 * 12. after every sync that does not fail (suspended too): delete finished Jobs beyond the history
 *    limits, oldest first by `status.startTime`.
 */
export function reconcileCronJob(snapshot: CronJobSnapshot): CronJobPlan {
  const { cronJob, jobs, nowMs, startEpochMs } = snapshot;
  const events: PlannedEvent[] = [];
  const status: CronJobStatus = {
    active: [...cronJob.status.active],
    lastScheduleTime: cronJob.status.lastScheduleTime,
    lastSuccessfulTime: cronJob.status.lastSuccessfulTime,
  };
  const cleanup = cleanupFinishedJobs(cronJob, jobs);
  const plan = (p: Partial<Pick<CronJobPlan, 'replace' | 'create' | 'requeueAfterMs' | 'hang'>> = {}): CronJobPlan => ({
    events, status, replace: p.replace ?? [], cleanup, hang: p.hang ?? false,
    ...(p.create ? { create: p.create } : {}), ...(p.requeueAfterMs !== undefined ? { requeueAfterMs: p.requeueAfterMs } : {}),
  });

  // Step 1 (§5.4): the owned Jobs against status.active.
  for (const job of jobs) {
    const inActive = hasUid(status.active, job.uid);
    const finished = finishedStatus(job);
    if (!inActive && finished === null) {
      events.push({ type: 'Warning', reason: 'UnexpectedJob', message: CRON_JOB_EVENTS.unexpectedJob(job.name), related: { kind: 'Job', name: job.name } });
    } else if (inActive && finished !== null) {
      status.active = status.active.filter((r) => r.uid !== job.uid);
      events.push({ type: 'Normal', reason: 'SawCompletedJob', message: CRON_JOB_EVENTS.sawCompletedJob(job.name, finished), related: { kind: 'Job', name: job.name } });
    } else if (finished !== null) {
      // 1.27 sets lastSuccessfulTime from any finished Job's completionTime (only successful Jobs have one).
      const completion = job.status.completionTime;
      if (status.lastSuccessfulTime === null) status.lastSuccessfulTime = completion;
      if (completion !== null && completion > (status.lastSuccessfulTime as number)) status.lastSuccessfulTime = completion;
    }
  }
  // Step 2: active refs whose Job is neither in the lister nor on the API server. (The loop reads
  // the list as it was: `status.active` is replaced, never edited in place.)
  const activeRefs = status.active;
  for (const ref of activeRefs) {
    if (hasUid(jobs, ref.uid) || snapshot.jobExists(ref.namespace, ref.name)) continue;
    events.push({ type: 'Normal', reason: 'MissingJob', message: CRON_JOB_EVENTS.missingJob(ref.name), related: { kind: 'Job', name: ref.name } });
    status.active = status.active.filter((r) => r.uid !== ref.uid);
  }

  // Step 3.
  if (cronJob.deletionMs !== null) return plan();
  const spec = cronJob.spec;
  if (spec.timeZone !== undefined && spec.timeZone !== null) {
    const err = timeZoneError(spec.timeZone);
    if (err !== undefined) {
      events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: CRON_JOB_EVENTS.unknownTimeZone(spec.timeZone, err) });
      return plan();
    }
  }
  if (spec.suspend) return plan();

  // Step 4.
  const parsed = controllerScheduleOf(spec.schedule, spec.timeZone ? spec.timeZone : undefined);
  if (parsed.unsupportedTz) events.push({ type: 'Warning', reason: 'UnsupportedSchedule', message: CRON_JOB_EVENTS.unsupportedSchedule(spec.schedule) });
  if (!parsed.ok) {
    events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: CRON_JOB_EVENTS.unparseableSchedule(spec.schedule, parsed.error) });
    return plan();
  }
  const schedule = parsed.schedule;
  const nowEpoch = startEpochMs + nowMs;
  try {
    return decide(snapshot, schedule, nowEpoch, status, events, plan);
  } catch (e) {
    if (e instanceof ScheduleHang) return plan({ hang: true });
    throw e;
  }
}

/** Whether an element of `list` has this uid (a loop: the lists are a CronJob's few Jobs). */
function hasUid(list: readonly { readonly uid: string }[], uid: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i].uid === uid) return true;
  return false;
}

function decide(
  snapshot: CronJobSnapshot, schedule: Schedule, nowEpoch: number, status: CronJobStatus, events: PlannedEvent[],
  plan: (p?: Partial<Pick<CronJobPlan, 'replace' | 'create' | 'requeueAfterMs' | 'hang'>>) => CronJobPlan,
): CronJobPlan {
  const { cronJob, startEpochMs } = snapshot;
  const rules = snapshot.rules ?? CRON_JOB_RULES_1_27;
  const spec = cronJob.spec;
  const state = (s: CronJobStatus) => scheduleState(cronJob, startEpochMs, s);
  const requeue = () => nextScheduleTimeDuration(state(status), nowEpoch, schedule, rules);

  // Step 5.
  const next = nextScheduleTime(state(status), nowEpoch, schedule, rules);
  if (next.error !== undefined) {
    events.push({ type: 'Warning', reason: 'InvalidSchedule', message: CRON_JOB_EVENTS.invalidSchedule(spec.schedule, next.error) });
    return plan();
  }
  if (next.scheduledMs === null) return plan({ requeueAfterMs: requeue() });
  if (next.tooManyMissed) events.push({ type: 'Warning', reason: 'TooManyMissedTimes', message: CRON_JOB_EVENTS.tooManyMissedTimes(next.missed, rules) });
  const scheduledEpoch = next.scheduledMs;

  // Step 6: unreachable in practice (the deadline already raised `earliest`), kept as in 1.27.
  const sds = spec.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null && scheduledEpoch + sds * 1000 < nowEpoch) {
    events.push({ type: 'Warning', reason: 'MissSchedule', message: CRON_JOB_EVENTS.missSchedule(scheduledEpoch) });
    return plan({ requeueAfterMs: requeue() });
  }

  // Step 7: this tick was already started.
  const name = jobNameFor(cronJob.name, scheduledEpoch);
  const scheduledMs = scheduledEpoch - startEpochMs;
  if (status.active.some((r) => r.name === name && r.namespace === cronJob.namespace) || status.lastScheduleTime === scheduledMs) {
    return plan({ requeueAfterMs: requeue() });
  }

  // Step 8: Forbid — lastScheduleTime stays, so the tick is retried when the active Job ends.
  if (spec.concurrencyPolicy === 'Forbid' && status.active.length > 0) {
    events.push({ type: 'Normal', reason: 'JobAlreadyActive', message: CRON_JOB_EVENTS.jobAlreadyActive() });
    return plan({ requeueAfterMs: requeue() });
  }

  // Step 9: Replace deletes every active Job first (the controller applies it).
  const replace = spec.concurrencyPolicy === 'Replace' ? [...status.active] : [];

  // Steps 10–11: the requeue is computed with the new lastScheduleTime.
  const after: CronJobStatus = { ...status, lastScheduleTime: scheduledMs };
  return plan({
    replace,
    create: {
      draft: jobFromTemplate(cronJob, name, rules.scheduledTimestampAnnotation ? scheduledEpoch : undefined),
      scheduledMs,
      requeueAfterMs: nextScheduleTimeDuration(state(after), nowEpoch, schedule, rules),
    },
  });
}

/**
 * `getJobFromTemplate2`: labels and annotations from `jobTemplate.metadata`, a controller
 * ownerReference to the CronJob, the spec from `jobTemplate.spec` (the API server defaults it).
 * With `scheduledEpochMs` (CronJobsScheduledAnnotation on, KEP-4026 / kubernetes#118137) the
 * `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation is set to the tick in RFC 3339 in
 * `spec.timeZone` (over a template annotation of that name).
 * Specs are never edited in place (writers replace them), so the template's nested objects are shared.
 *
 * @param scheduledEpochMs the tick, wall-clock epoch ms @default - no scheduled-timestamp annotation (1.27)
 */
export function jobFromTemplate(cronJob: SimCronJob, name: string, scheduledEpochMs?: number): Draft<SimJob> & { readonly name: string } {
  const template = cronJob.spec.jobTemplate ?? {};
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  if (scheduledEpochMs !== undefined) {
    annotations[CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION] = scheduledTimestamp(scheduledEpochMs, cronJob.spec.timeZone ?? undefined);
  }
  const draft = jobDraft({
    namespace: cronJob.namespace,
    name,
    labels: { ...(template.metadata?.labels ?? {}) },
    annotations,
    ownerReferences: [newControllerRef(cronJob)],
    spec: { ...(template.spec ?? {}) } as Record<string, unknown>,
  });
  // The store keeps a draft's maps and lists as they are: a Job without annotations or
  // finalizers (most) takes the shared empty ones instead of a new empty map and list per run.
  return {
    ...draft, name,
    annotations: isEmptyMap(draft.annotations) ? EMPTY_STRING_MAP : draft.annotations,
    finalizers: draft.finalizers.length === 0 ? EMPTY_STRING_LIST : draft.finalizers,
  };
}

/**
 * `cleanupFinishedJobs` + `removeOldestJobs` (§5.4 step 12): finished Jobs split into Complete and
 * Failed; in each class the oldest `len − limit` by {@link byJobStartTime} are deleted. The API
 * server defaults both limits (3 and 1), so the "both nil → nothing" branch cannot occur here.
 */
export function cleanupFinishedJobs(cronJob: SimCronJob, jobs: readonly SimJob[]): SimJob[] {
  const successful: SimJob[] = [];
  const failed: SimJob[] = [];
  for (const job of jobs) {
    const finished = finishedStatus(job);
    if (finished === 'Complete') successful.push(job);
    else if (finished === 'Failed') failed.push(job);
  }
  const s = oldest(successful, cronJob.spec.successfulJobsHistoryLimit);
  const f = oldest(failed, cronJob.spec.failedJobsHistoryLimit);
  // Both are fresh lists: one of them is the answer unless both have Jobs.
  return f.length === 0 ? s : s.length === 0 ? f : [...s, ...f];
}

/** The oldest `jobs.length − limit` of `jobs` (sorted in place: the caller's own scratch list). */
function oldest(jobs: SimJob[], limit: number): SimJob[] {
  const n = jobs.length - limit;
  if (n <= 0) return [];
  return sortSmall(jobs, byJobStartTime).slice(0, n);
}
