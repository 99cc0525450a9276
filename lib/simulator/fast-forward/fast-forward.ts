/**
 * Steady-state fast-forward: a long run of CronJobs whose every period looks the same is skipped
 * period by period instead of replayed event by event, with the same outcome.
 *
 * When it applies: the history is bounded when the output is next looked at (`keepDeleted` and
 * `maxEvents`, or past a week the defaults DEFAULT_KEEP_DELETED and DEFAULT_MAX_EVENTS), so what a
 * skipped period would have recorded is dropped by then anyway, and no `trace.onRecord` listener
 * wants every event.
 *
 * How it works. Right before a CronJob's sync, when nothing else is pending but CronJob, Job and
 * TTL syncs of the family (CronJobs, their Jobs, those Jobs' pods — steady-family.ts) and scenario
 * steps, the cluster is at a *boundary*. Its state there is written down with every time made
 * relative to the boundary and every name left out: the family objects, the pending syncs, what
 * the kubelet, the scheduler and each controller remember. If that string equals the one at an
 * earlier boundary, and nothing outside the family was written in between, the simulation is
 * deterministic and translation-invariant over that period P — the same state makes the same
 * period happen again, names aside (job names carry the schedule time, pod names random suffixes).
 * Then K whole periods are skipped:
 * - every CronJob's schedule is enumerated over the window with our Schedule (the controller's) to
 *   check that its ticks repeat with period P there (DST, month lengths and weekdays end a window);
 * - counters move on by K times what one period added: events processed, queue sequence, random
 *   draws (O(1) for mulberry32), trace events (counted as dropped), uids, resourceVersions, removals
 *   per kind (counted as dropped from the history), pod IPs handed out, controller syncs;
 * - the live family objects, the pending syncs and the kubelet's memory move K·P later, and the
 *   clock with them.
 * Those moved objects keep their old names (and pods their old IPs); they are deleted a few periods
 * later, as their real counterparts would be. So K is chosen to leave, before the next scenario
 * step or the end of the run, a *tail* of real periods long enough for every moved object to go
 * and for `maxEvents` events and `keepDeleted` removals of each kind to follow it — after which
 * nothing recorded differs from a full run. Generated pod names are checked for collisions over the
 * skipped window (a collision would change what happens), and `checkFlushed` verifies at the end of
 * each `runUntil` that no moved object is left in the output.
 *
 * Cost of a skip: one enumeration of the CronJobs' ticks over the window plus one random draw per
 * skipped pod name — the least any simulation of those runs can do — instead of ~18 queue events,
 * ~15 store writes and ~7 trace events per run.
 */
import type { ClusterState } from '../cluster/cluster-state';
import { keepDeletedBound } from '../cluster/instance-history';
import type { Kubelet } from '../cluster/kubelet';
import type { PodNetwork } from '../cluster/network';
import type { Scheduler } from '../cluster/scheduler';
import type { SimulatedClock } from '../engine/clock';
import type { WorkQueue } from '../controllers/work-queue';
import { Counters, minus, scale } from './counters';
import { SkipRecord, whatIsLeft } from './flushed';
import { digits, firstAperiodic } from './periods';
import { controllerSchedule } from '../controllers/cron-job-utils';
import { EventPriority, EventQueue, QueuedEvent } from '../engine/event-queue';
import { SimulationError, SimulationErrorCode } from '../engine/errors';
import { NAME_SUFFIX_ALPHABET, Rng } from '../engine/rng';
import {
  cronJobState, FamilyTracker, FamilyView, jobState, podState, shiftObject,
} from './steady-family';
import type { Trace } from '../engine/trace';

/** What the fast-forward has skipped so far. */
export interface FastForwardStats {
  /** Skips made. */
  readonly skips: number;
  /** Periods skipped in all. */
  readonly periods: number;
  /** Simulated ms skipped in all. */
  readonly skippedMs: number;
}

/** The parts of a Simulation the fast-forward reads and moves. */
export interface FastForwardHost {
  readonly clock: SimulatedClock;
  readonly queue: EventQueue;
  readonly rng: Rng;
  readonly state: ClusterState;
  readonly trace: Trace;
  readonly network: PodNetwork;
  readonly kubelet: Kubelet;
  readonly scheduler: Scheduler;
  readonly workQueues: readonly WorkQueue[];
  /** Events processed so far. */
  readonly processed: () => number;
  /** Scenario actions run so far. */
  readonly userActions: () => number;
  /** Counts `n` more events as processed. */
  readonly skipProcessed: (n: number) => void;
  readonly loopLimit: number;
  /**
   * `SimulationOptions.keepDeleted`, if given; the bound in force is `keepDeletedBound(keepDeleted, atMs)`.
   * @default - none given: the default past a week
   */
  readonly keepDeleted?: number;
  /** Unused: the bound on events is read from the trace (`trace.boundAt`). @default - the trace's bound */
  readonly maxEvents?: number;
}


interface Boundary {
  readonly originMs: number;
  readonly state: string;
  readonly counters: Counters;
}

/** Boundaries remembered to find a period (a period may span several CronJob syncs). */
const RING = 16;
const CRON_SYNC_LABEL = 'controller cronjob sync ';
/** Draws per generated name suffix (rng.ts `nameSuffix`). */
const DRAWS_PER_SUFFIX = 5;

/** See the file comment. */
export class FastForward {
  private readonly family: FamilyTracker;
  private readonly ring: Boundary[] = [];
  /** No boundary is examined before this simulated ms (what limited the last attempt). */
  private retryAfterMs = -Infinity;
  /** The skips of the current `runUntil`, for {@link checkFlushed}. */
  private readonly skips: SkipRecord[] = [];
  private stats: FastForwardStats = { skips: 0, periods: 0, skippedMs: 0 };

  /** @param host the simulation's parts */
  public constructor(private readonly host: FastForwardHost) {
    this.family = new FamilyTracker(host.state);
  }

  /** What has been skipped so far. */
  public get skipped(): FastForwardStats {
    return this.stats;
  }

  /**
   * Called before the simulation runs `next` (a CONTROLLER event) in `runUntil(untilMs)`; skips
   * whole periods when `next` is at a steady boundary. Returns whether it skipped (the caller then
   * looks at the queue again).
   */
  public tryBefore(next: QueuedEvent, untilMs: number): boolean {
    if (!next.label.startsWith(CRON_SYNC_LABEL) || next.atMs < this.retryAfterMs) return false;
    const h = this.host;
    if (h.trace.hasListeners) return false;
    const pending = this.pendingSyncs();
    if (pending === undefined) return false;
    const view = this.family.view();
    const state = this.describe(view, next.atMs, pending);
    if (state === undefined) return false;
    const here: Boundary = { originMs: next.atMs, state, counters: this.counters() };
    const earlier = this.ring.find((b) => b.state === state && b.originMs < here.originMs);
    this.ring.push(here);
    if (this.ring.length > RING) this.ring.shift();
    if (earlier === undefined) return false;
    const plan = this.plan(earlier, here, view, untilMs);
    if (plan === undefined) return false;
    this.skip(plan, view, pending);
    return true;
  }

  /**
   * At the end of `runUntil`: the output must hold nothing of the time before a skip, as a full
   * run's would not (flushed.ts `whatIsLeft`, for every skip made in this `runUntil`) — the check
   * that makes a wrong tail a loud error rather than a different report.
   *
   * @throws SimulationError (INVARIANT) when one does not hold
   */
  public checkFlushed(): void {
    for (const skip of this.skips) {
      const left = whatIsLeft(skip, this.host.state, this.host.trace);
      if (left !== undefined) this.fail(left);
    }
    this.skips.length = 0;
  }

  private fail(what: string): never {
    throw new SimulationError(SimulationErrorCode.INVARIANT,
      `steady-state fast-forward: ${what} after the skipped periods; this is a bug — run with fastForward: false to avoid it`, this.host.clock.nowMs());
  }

  /** Every pending non-scenario event, when each is a work-queue sync (else undefined). */
  private pendingSyncs(): Array<{ readonly queue: number; readonly key: string; readonly event: QueuedEvent }> | undefined {
    const h = this.host;
    // Cheap and exact first: anything pending other than scenario steps and controller syncs (a
    // kubelet, scheduler or garbage-collector event) fails the count check below anyway.
    if (h.queue.size !== h.queue.pendingAt(EventPriority.USER) + h.queue.pendingAt(EventPriority.CONTROLLER)) return undefined;
    const out: Array<{ queue: number; key: string; event: QueuedEvent }> = [];
    for (let i = 0; i < h.workQueues.length; i++) {
      const scheduled = h.workQueues[i].pendingSyncs();
      if (scheduled === undefined) return undefined;
      for (const [key, event] of scheduled) out.push({ queue: i, key, event });
    }
    if (h.queue.size !== h.queue.pendingAt(EventPriority.USER) + out.length) return undefined;
    return out.sort((a, b) => a.event.seq - b.event.seq);
  }

  /** The boundary's state as a string (see the file comment), or undefined when it cannot be carried over. */
  private describe(view: FamilyView, originMs: number, pending: ReadonlyArray<{ queue: number; key: string; event: QueuedEvent }>): string | undefined {
    const h = this.host;
    if (!h.kubelet.quiet) return undefined;
    const scheduler = h.scheduler.quietState();
    if (scheduler === undefined) return undefined;
    const parts: string[] = [`now ${h.clock.nowMs() - originMs}`, `scheduler ${scheduler}`, `ips ${h.network.allocatedCount}`];
    for (const p of pending) {
      const wq = h.workQueues[p.queue];
      const kind = wq.controller.kind;
      let position: number;
      if (kind === 'CronJob') position = view.cronJobs.findIndex((c) => `${c.namespace}/${c.name}` === p.key);
      else if (kind === 'Job') position = view.jobs.findIndex((j) => `${j.namespace}/${j.name}` === p.key);
      else return undefined;
      if (position < 0) return undefined;
      parts.push(`sync ${p.queue} ${position} ${p.event.atMs - originMs}`);
    }
    for (const wq of h.workQueues) {
      const memory = wq.controller.steadyState?.(view, originMs);
      if (memory === undefined) return undefined;
      parts.push(`${wq.controller.name} ${memory}`);
    }
    for (const cj of view.cronJobs) parts.push(cronJobState(cj, view, originMs));
    for (const job of view.jobs) parts.push(jobState(job, view, originMs));
    for (const pod of view.pods) {
      // A held IP would make the next period's allocations walk differently (network.ts).
      if (pod.ip !== null && pod.spec.hostNetwork !== true && h.network.isAllocated(pod.ip)) return undefined;
      parts.push(podState(pod, view, originMs), h.kubelet.memoryOf(pod, originMs));
    }
    return parts.join('\n');
  }

  private counters(): Counters {
    const h = this.host;
    const store = h.state.counters();
    return {
      processed: h.processed(), seq: h.queue.sequence, draws: h.rng.draws, recorded: h.trace.recordedCount, uids: store.uids,
      rv: store.resourceVersion, deleted: store.deleted, allocations: new Map(h.network.allocationCounts()),
      syncs: h.workQueues.map((wq) => wq.syncCount), outside: this.family.writesOutside, userActions: h.userActions(),
      podsCreated: this.family.podsCreatedCount,
    };
  }

  /** How many periods to skip from `here`, given the same state at `earlier`; undefined when none. */
  private plan(earlier: Boundary, here: Boundary, view: FamilyView, untilMs: number): Plan | undefined {
    const h = this.host;
    const d = minus(here.counters, earlier.counters);
    // A period with a write outside the family or a scenario action in it is not what repeats.
    if (d.outside !== 0 || d.userActions !== 0) return undefined;
    const periodMs = here.originMs - earlier.originMs;
    if (d.processed <= 0) return undefined;

    // The tail: every moved object goes (FIFO history clean-up: live / removed per period), then
    // maxEvents events and keepDeleted removals of every kind follow.
    let lifetime = 0;
    for (const [kind, live] of [['Job', view.jobs.length], ['Pod', view.pods.length]] as const) {
      if (live === 0) continue;
      const removed = d.deleted.get(kind) ?? 0;
      if (removed <= 0) return undefined;
      lifetime = Math.max(lifetime, Math.ceil(live / removed) + 1);
    }
    // The history is FIFO per CronJob, not per kind: the ratio above undercounts a CronJob that
    // keeps more history than the others (one keeping 10 Jobs beside one keeping none). The ages
    // bound it exactly: the live family has the same ages at every boundary of a periodic run, so
    // nothing alive now gets older than the oldest is now, i.e. an object of age a is gone within
    // ceil((oldest - a) / P) + 1 periods.
    let oldestMs = 0;
    for (const o of view.jobs) oldestMs = Math.max(oldestMs, here.originMs - o.createdMs);
    for (const o of view.pods) oldestMs = Math.max(oldestMs, here.originMs - o.createdMs);
    lifetime = Math.max(lifetime, Math.ceil(oldestMs / periodMs) + 1);
    const userStep = h.queue.earliestAt(EventPriority.USER);
    const horizonMs = Math.min(untilMs, userStep === undefined ? Infinity : userStep.atMs);
    // The bounds in force when the output is next looked at (the defaults start past a week).
    const maxEvents = h.trace.boundAt(horizonMs);
    const keepDeleted = keepDeletedBound(h.keepDeleted, horizonMs);
    if (maxEvents === Infinity || keepDeleted === Infinity) return this.giveUp(horizonMs);
    let flush = d.recorded > 0 ? Math.ceil(maxEvents / d.recorded) : 0;
    for (const removed of d.deleted.values()) if (removed > 0) flush = Math.max(flush, Math.ceil(keepDeleted / removed));
    const tail = lifetime + flush + 2;

    let limitMs = horizonMs;
    let k = Math.floor((horizonMs - here.originMs) / periodMs) - 1 - tail;
    k = Math.min(k, Math.floor((h.loopLimit - here.counters.processed) / d.processed) - tail - 1);
    if (k >= 1) {
      const periodic = this.periodicUntil(view, earlier.originMs, periodMs, here.originMs + (k + tail + 2) * periodMs);
      if (periodic < here.originMs + (k + tail + 2) * periodMs) {
        limitMs = periodic;
        k = Math.min(k, Math.floor((periodic - here.originMs) / periodMs) - tail - 2);
      }
    }
    if (k >= 1 && d.podsCreated > 0) {
      const collision = this.firstCollision(view, d, k, lifetime);
      if (collision === null) return this.giveUp(horizonMs);
      if (collision !== undefined) {
        limitMs = Math.min(limitMs, here.originMs + collision * periodMs);
        k = Math.min(k, collision - lifetime - 1);
      }
    }
    if (k < 1) return this.giveUp(limitMs);
    this.retryAfterMs = limitMs;
    return { periods: k, periodMs, delta: d };
  }

  private giveUp(untilMs: number): undefined {
    this.retryAfterMs = untilMs;
    return undefined;
  }

  /**
   * The first simulated ms up to `endMs` where some CronJob's ticks stop repeating with period
   * `periodMs` (counting from a period before `fromMs`), or `endMs` when they all repeat. Also
   * ends where a Job name (`<cronjob>-<minutes>`) would get longer.
   */
  private periodicUntil(view: FamilyView, fromMs: number, periodMs: number, endMs: number): number {
    const clock = this.host.clock;
    let end = endMs;
    const startMs = fromMs - 2 * periodMs;
    if (digits(clock.epochMs(startMs)) !== digits(clock.epochMs(endMs))) return startMs;
    for (const cj of view.cronJobs) {
      if (cj.spec.suspend) continue;
      const parsed = controllerSchedule({ schedule: cj.spec.schedule, ...(cj.spec.timeZone ? { timeZone: cj.spec.timeZone } : {}) });
      if (!parsed.ok) continue;
      const deadlineMs = (cj.spec.startingDeadlineSeconds ?? 0) * 1000;
      const last = cj.status.lastScheduleTime ?? fromMs;
      const from = clock.epochMs(Math.min(startMs, last - 2 * periodMs) - deadlineMs);
      const broken = firstAperiodic(parsed.schedule, from, clock.epochMs(end), periodMs);
      if (broken !== undefined) end = Math.min(end, broken - clock.epochMs(0));
    }
    return end;
  }

  /**
   * Draws the name suffixes the skipped periods' pods would get and looks for two alike among the
   * pods of `lifetime` consecutive periods (a Job's pods are all created within its lifetime, and
   * a generated name that is taken is drawn again, which would change the run). Returns the first
   * period with one, undefined when there is none, null when the periods draw for anything else.
   */
  private firstCollision(view: FamilyView, d: Counters, periods: number, lifetime: number): number | null | undefined {
    if (d.draws !== d.podsCreated * DRAWS_PER_SUFFIX) return null;
    // A pod outside the family named like a family Job's pod would be one more name to avoid.
    const prefixes = view.cronJobs.map((c) => `${c.name}-`);
    for (const p of this.host.state.list('Pod')) if (!this.family.has(p) && prefixes.some((x) => p.name.startsWith(x))) return null;
    if (lifetime * d.podsCreated < 2) return undefined;
    const rng = this.host.rng.clone();
    const window = lifetime * d.podsCreated;
    // The last `window` suffixes, as numbers in base 27, in a ring; a scan of it is cheaper than a
    // map for the few pods a window usually holds.
    const recent = new Float64Array(window).fill(-1);
    const n = NAME_SUFFIX_ALPHABET.length;
    const total = periods * d.podsCreated;
    // Past a few pods a set is cheaper; the window never holds a suffix twice (that is a collision).
    const inWindow = window > 64 ? new Set<number>() : undefined;
    for (let i = 0; i < total; i++) {
      let suffix = 0;
      for (let c = 0; c < DRAWS_PER_SUFFIX; c++) suffix = suffix * n + rng.int(n);
      const slot = i % window;
      if (inWindow === undefined) {
        for (let j = 0; j < window; j++) if (recent[j] === suffix) return Math.floor(i / d.podsCreated);
      } else {
        if (inWindow.has(suffix)) return Math.floor(i / d.podsCreated);
        inWindow.delete(recent[slot]);
        inWindow.add(suffix);
      }
      recent[slot] = suffix;
    }
    return undefined;
  }

  private skip(plan: Plan, view: FamilyView, pending: ReadonlyArray<{ readonly event: QueuedEvent }>): void {
    const h = this.host;
    const { periods: k, periodMs, delta: d } = plan;
    const deltaMs = k * periodMs;
    h.skipProcessed(k * d.processed);
    h.queue.shift(pending.map((p) => p.event), deltaMs, k * d.seq);
    h.rng.skip(k * d.draws);
    h.trace.skip(k * d.recorded);
    h.state.advanceCounters({ uids: k * d.uids, resourceVersion: k * d.rv, deleted: scale(d.deleted, k) });
    for (const [node, n] of d.allocations) h.network.skipAllocations(node, k * n);
    h.workQueues.forEach((wq, i) => wq.skipSyncs(k * d.syncs[i]));
    for (const o of view.all) shiftObject(o, deltaMs, k * d.rv);
    for (const p of view.pods) h.kubelet.shift(p, deltaMs);
    for (const wq of h.workQueues) wq.controller.fastForward?.(view, deltaMs);
    h.clock.advanceTo(h.clock.nowMs() + deltaMs);
    this.skips.push({ moved: new Set([...view.jobs, ...view.pods]), endMs: h.clock.nowMs(), recorded: d.recorded, deleted: d.deleted });
    this.ring.length = 0;
    this.stats = { skips: this.stats.skips + 1, periods: this.stats.periods + k, skippedMs: this.stats.skippedMs + deltaMs };
  }
}

interface Plan {
  readonly periods: number;
  readonly periodMs: number;
  readonly delta: Counters;
}
