/**
 * The CronJob controller (Kubernetes 1.27, `pkg/controller/cronjob/cronjob_controllerv2.go`):
 * informer handlers → keys (`keysFor`), and `sync`, which takes a snapshot, asks the pure
 * {@link reconcileCronJob} for a plan and applies it through the Job and status Controls in the
 * real order — events, Replace deletions, the Job create, then `cleanupFinishedJobs` and one status
 * write — with the real error handling.
 *
 * Timing is event-driven as in v2 (§5.3): each sync returns `nextScheduleTimeDuration` (the next tick
 * + 100 ms); Job add/update/delete and CronJob updates sync at once; a schedule or timeZone change
 * requeues after `nextScheduleTimeDuration` instead. A suspended CronJob or an invalid schedule is
 * not requeued. Controller downtime (`pauseController`) is the work queue's: at resume every CronJob
 * is synced, and catch-up starts only the most recent missed tick.
 */
import { alreadyExists, ApiError, notFound } from '../../apiserver/api-errors';
import { sortSmall } from '../../util/small-sort';
import type { StoreChange } from '../cluster/store-types';
import { controllerOf, OwnerReference } from '../cluster/object-meta';
import { JobRef, SimCronJob, SimJob } from '../cluster/workload-objects';
import type { Controller, ControllerContext, ControllerRegistration, DelayedKey, SyncResult } from './controller';
import { keyOf, NO_KEYS, splitKeyOf } from './keys';
import { reconcileCronJob, scheduleState } from './cron-job-reconcile';
import { controllerSchedule, finishedStatus, nextScheduleTimeDuration, ScheduleHang } from './cron-job-utils';
import { CronJobRules, cronJobRules } from './cron-job-versions';

/** How often the simulated controller re-syncs while 1.27 would spin on a requeue of ≤ 0 (see `sync`). */
export const HOT_LOOP_RESYNC_MS = 1_000;

/** The CronJob controller. */
export class CronJobController implements Controller {
  /** The `pauseController` name. */
  public readonly name = 'cronjob';
  /** Keys are CronJobs. */
  public readonly kind = 'CronJob' as const;
  /**
   * CronJobs whose schedule makes robfig's `Next` never return: the real worker (or informer
   * handler) blocks on them for good, so they are never synced again.
   */
  private readonly hung = new Set<string>();
  /**
   * Per key, the last sync that changed nothing (no event, no write) and what it read — see
   * {@link IdleSync}. Every Job event re-syncs the CronJob; a second sync at the same instant that
   * reads the same inputs would compute the same nothing again, so it returns the recorded requeue.
   */
  private readonly idle = new Map<string, IdleSync>();

  /** The version's rules (cron-job-versions.ts). */
  private readonly rules: CronJobRules;

  /** @param ctx the simulation's context (or fakes) */
  public constructor(private readonly ctx: ControllerContext) {
    this.rules = cronJobRules(ctx.gates);
  }

  /** CronJobs the controller has stopped syncing because robfig's `Next` would never return. */
  public get hungKeys(): readonly string[] {
    return [...this.hung];
  }

  /**
   * The informer handlers of `NewControllerV2`: CronJob add → sync; CronJob update →
   * `updateCronJob`; Job add/update/delete → the controlling CronJob (`resolveControllerRef`: kind
   * CronJob, same name and uid), also the previous controller when a Job's controllerRef changed.
   */
  public keysFor(change: StoreChange): ReadonlyArray<string | DelayedKey> {
    const obj = change.object;
    if (obj.kind === 'CronJob') {
      if (change.type === 'Added') return [keyOf(obj)];
      if (change.type === 'Modified') return this.updateCronJob(change.old as SimCronJob, obj);
      return NO_KEYS;
    }
    if (obj.kind !== 'Job') return NO_KEYS;
    const cur = controllerOf(obj);
    let previous: string | undefined;
    if (change.type === 'Modified' && change.old) {
      const old = controllerOf(change.old);
      if (old && !sameRef(old, cur)) previous = this.resolve(obj.namespace, old);
    }
    const current = cur ? this.resolve(obj.namespace, cur) : undefined;
    if (previous === undefined) return current === undefined ? NO_KEYS : [current];
    return current === undefined ? [previous] : [previous, current];
  }

  /**
   * `updateCronJob`: a schedule or timeZone change requeues after `nextScheduleTimeDuration` with
   * the new schedule (an unparseable one records Warning `UnParseableCronJobSchedule` and is not
   * queued); any other update (spec or status) syncs at once.
   */
  private updateCronJob(old: SimCronJob, cur: SimCronJob): ReadonlyArray<string | DelayedKey> {
    const key = keyOf(cur);
    if (old.spec.schedule === cur.spec.schedule && old.spec.timeZone === cur.spec.timeZone) return [key];
    // formatSchedule(newCJ, nil): no UnsupportedSchedule event from this handler.
    const parsed = controllerSchedule({ schedule: cur.spec.schedule, ...(cur.spec.timeZone ? { timeZone: cur.spec.timeZone } : {}) });
    if (!parsed.ok) {
      this.ctx.recorder.event(ref(cur), 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec.schedule}`);
      return [];
    }
    const start = this.ctx.clock.epochMs(0);
    const now = this.ctx.clock.nowMs();
    try {
      return [{ key, afterMs: nextScheduleTimeDuration(scheduleState(cur, start), start + now, parsed.schedule, this.rules) }];
    } catch (e) {
      if (!(e instanceof ScheduleHang)) throw e;
      this.hung.add(key);
      return [];
    }
  }

  /** The key of the CronJob `r` refers to, when it is live with that uid. */
  private resolve(namespace: string, r: OwnerReference): string | undefined {
    if (r.kind !== 'CronJob') return undefined;
    const cj = this.ctx.cluster.get('CronJob', namespace, r.name);
    return cj && cj.uid === r.uid ? keyOf(cj) : undefined;
  }

  /**
   * Steady-state fast-forward: CronJobs that hang are listed (they are never synced again, so
   * they stay as they are); the idle-sync memo is not — it only answers a second sync at the same
   * instant, and dropping it costs a recomputation, not a different outcome.
   */
  public steadyState(): string {
    return [...this.hung].join(',');
  }

  /** @inheritdoc */
  public fastForward(): void {
    this.idle.clear();
  }

  /** One `sync` of `namespace/name` at simulated ms `now`. */
  public sync(key: string, now: number): SyncResult {
    if (this.hung.has(key)) return {};
    const { namespace, name } = splitKeyOf(key);
    const cronJob = this.ctx.cluster.get('CronJob', namespace, name);
    if (!cronJob) {
      this.idle.delete(key);
      return {};
    }
    const jobs = this.ownedJobs(cronJob);
    const idle = this.idle.get(key);
    if (idle !== undefined) {
      if (idle.nowMs === now && this.readsSame(idle, cronJob, jobs)) return idle.requeueAfterMs === undefined ? {} : { requeueAfterMs: idle.requeueAfterMs };
      this.idle.delete(key);
    }
    const plan = reconcileCronJob({
      cronJob,
      jobs,
      jobExists: (ns, n) => this.ctx.cluster.get('Job', ns, n) !== undefined,
      nowMs: now,
      startEpochMs: this.ctx.clock.epochMs(0),
      rules: this.rules,
    });
    for (const e of plan.events) this.ctx.recorder.event(ref(cronJob), e.type, e.reason, e.message, e.related);
    if (plan.hang) {
      this.hung.add(key);
      return {};
    }

    // plan.status is this sync's own (reconcileCronJob copied the stored one) and `active` is only
    // ever replaced, never edited, so a shallow copy is enough.
    const status = { ...plan.status };
    try {
      // §5.4 step 9: Replace deletes every active Job (background propagation).
      for (const r of plan.replace) {
        const job = this.ctx.cluster.get('Job', r.namespace, r.name);
        if (!job) {
          const err = notFound('Job', r.name);
          this.ctx.recorder.event(ref(cronJob), 'Warning', 'FailedGet', `Get job: ${err.message}`);
          throw err;
        }
        this.ctx.jobs.deleteJob(cronJob, job); // SuccessfulDelete "Deleted job <name>", or FailedDelete and throws
        status.active = status.active.filter((a) => a.uid !== job.uid);
      }
      // §5.4 steps 10–11.
      if (plan.create) {
        const draft = plan.create.draft;
        const existing = this.ctx.cluster.get('Job', draft.namespace, draft.name);
        if (existing) {
          // AlreadyExists: 1.27 only logs "Job already exists" and returns the error (rate-limited retry), no event.
          if (!this.rules.adoptExistingJob) throw alreadyExists('Job', draft.name);
          // kubernetes#120649 (1.29): GetJob; not controlled by this CronJob, or already in active →
          // `return nil, updateStatus, nil` (no error, no requeue; cleanup and the status write
          // still run); else the Job is added to active as if just created (no SuccessfulCreate).
          if (controllerOf(existing)?.uid !== cronJob.uid || status.active.some((a) => a.uid === existing.uid)) {
            return this.finish(key, now, cronJob, jobs, plan, status, undefined);
          }
          status.active = [...status.active, { kind: 'Job', namespace: existing.namespace, name: existing.name, uid: existing.uid }];
          status.lastScheduleTime = plan.create.scheduledMs;
        } else {
          const job = this.ctx.jobs.createJob(cronJob, draft); // SuccessfulCreate "Created job <name>", or FailedCreate and throws
          status.active = [...status.active, { kind: 'Job', namespace: job.namespace, name: job.name, uid: job.uid }];
          status.lastScheduleTime = plan.create.scheduledMs;
        }
      }
    } catch (e) {
      // `sync`: on an error the status is still written when it changed, cleanup is skipped.
      if (e instanceof ApiError) this.ctx.status.updateStatus(cronJob, status);
      throw e;
    }

    return this.finish(key, now, cronJob, jobs, plan, status, plan.create ? plan.create.requeueAfterMs : plan.requeueAfterMs);
  }

  /** The end of a sync that did not fail: history cleanup, the status write, the requeue. */
  private finish(
    key: string, now: number, cronJob: SimCronJob, jobs: SimJob[], plan: ReturnType<typeof reconcileCronJob>, status: SimCronJob['status'],
    requeue: number | undefined,
  ): SyncResult {
    // §5.4 step 12: after every sync that did not fail, suspended or not.
    for (const job of plan.cleanup) {
      try {
        this.ctx.jobs.deleteJob(cronJob, job);
      } catch (e) {
        // removeOldestJobs: FailedDelete is recorded, the other Jobs are still deleted.
        if (!(e instanceof ApiError)) throw e;
      }
    }
    const wrote = this.ctx.status.updateStatus(cronJob, status);
    // 1.27's approximate mostRecentScheduleTime (§5.3) can give a tick whose Next is already past —
    // `*/7` just after the hour, with a run still active: nextScheduleTimeDuration ≤ 0, AddAfter
    // adds at once, and the real worker re-syncs as fast as it can until the approximation moves on
    // (at 01:03 for `*/7`, which is also when it starts the next Job; fixed in 1.28, #118724). A
    // simulated sync takes no time, so that would be an endless loop at one instant; the simulator
    // re-syncs once a second through such a window instead.
    const requeueAfterMs = requeue === undefined ? undefined : requeue <= 0 ? HOT_LOOP_RESYNC_MS : requeue;
    if (!wrote && plan.events.length === 0 && plan.replace.length === 0 && !plan.create && plan.cleanup.length === 0) {
      this.idle.set(key, {
        nowMs: now, requeueAfterMs, resourceVersion: cronJob.resourceVersion, jobs,
        finished: finishedViews(jobs),
        lostActive: cronJob.status.active.filter((r) => !jobs.some((j) => j.uid === r.uid)).map((r) => this.jobExists(r)),
      });
    }
    return requeueAfterMs === undefined ? {} : { requeueAfterMs };
  }

  /**
   * Whether a sync now would read what the idle sync read: the same CronJob resourceVersion (bumped
   * by every write to it: spec, status, deletion), the same owned Jobs in the same order with the
   * same finished condition — and, once finished, the same completionTime and startTime
   * (lastSuccessfulTime, the history clean-up order) —, and the same answers from `jobExists` for
   * the active Jobs the lister lacks. A Job's other status fields (active, ready counts) are not read.
   */
  private readsSame(idle: IdleSync, cronJob: SimCronJob, jobs: readonly SimJob[]): boolean {
    if (idle.resourceVersion !== cronJob.resourceVersion || idle.jobs.length !== jobs.length) return false;
    for (let i = 0; i < jobs.length; i++) {
      if (idle.jobs[i] !== jobs[i] || !sameFinishedView(idle.finished, i, jobs[i])) return false;
    }
    let lost = 0;
    for (const r of cronJob.status.active) {
      if (jobs.some((j) => j.uid === r.uid)) continue;
      if (idle.lostActive[lost++] !== this.jobExists(r)) return false;
    }
    return true;
  }

  private jobExists(r: JobRef): boolean {
    return this.ctx.cluster.get('Job', r.namespace, r.name) !== undefined;
  }

  /**
   * `getJobsToBeReconciled`: the Jobs controlled by this CronJob, oldest first. (1.27 lists the
   * namespace's Jobs whose controllerRef has the CronJob's name; the owner index by uid gives the
   * same Jobs unless an older CronJob of that name still controls some.)
   */
  private ownedJobs(cronJob: SimCronJob): SimJob[] {
    const jobs: SimJob[] = [];
    for (const o of this.ctx.cluster.dependentsOf(cronJob.uid)) {
      if (o.kind === 'Job' && controllerOf(o)?.uid === cronJob.uid) jobs.push(o);
    }
    return sortSmall(jobs, byCreation);
  }
}

/** What a sync that changed nothing read (see `CronJobController.readsSame`) and returned. */
interface IdleSync {
  /** Simulated ms of the sync. */
  readonly nowMs: number;
  /** The requeue it returned. */
  readonly requeueAfterMs: number | undefined;
  /** The CronJob's resourceVersion. */
  readonly resourceVersion: number;
  /** The owned Jobs, oldest first. */
  readonly jobs: readonly SimJob[];
  /** Per Job, three entries: {@link finishedViews}. */
  readonly finished: readonly (string | number | null)[];
  /** Per active ref without an owned Job, whether a Job of that name existed. */
  readonly lostActive: readonly boolean[];
}

/**
 * Per Job its finished condition, completionTime and startTime (what reconcile reads of it) —
 * three entries, `null`s while it runs —, compared field by field rather than as a joined string.
 */
function finishedViews(jobs: readonly SimJob[]): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (const job of jobs) {
    const finished = finishedStatus(job);
    if (finished === null) out.push(null, null, null);
    else out.push(finished, job.status.completionTime, job.status.startTime);
  }
  return out;
}

/** Whether `job` reads as entry `i` of {@link finishedViews} recorded. */
function sameFinishedView(views: readonly (string | number | null)[], i: number, job: SimJob): boolean {
  const finished = finishedStatus(job);
  if (finished === null) return views[3 * i] === null;
  return views[3 * i] === finished && views[3 * i + 1] === job.status.completionTime && views[3 * i + 2] === job.status.startTime;
}

/** Creation order: createdMs, then the uid (numerically: shorter first, then by its digits). */
function byCreation(a: SimJob, b: SimJob): number {
  return a.createdMs - b.createdMs || a.uid.length - b.uid.length || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  return a?.uid === b?.uid && a?.kind === b?.kind && a?.name === b?.name;
}

function ref(o: SimCronJob) {
  return { kind: o.kind, namespace: o.namespace, name: o.name };
}

/** Registration (controllers/index.ts): events from `cronjob-controller`, client-go's default rate limiter. */
export const cronJobControllerRegistration: ControllerRegistration = {
  name: 'cronjob',
  component: 'cronjob-controller',
  create: (ctx) => new CronJobController(ctx),
};
