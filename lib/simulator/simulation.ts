/**
 * The Simulation: owns the clock, the event queue, the seeded rng, the cluster store, the
 * scheduler, kubelet and garbage collector stand-ins, the trace, DNS and every registered
 * controller with its work queue. It is event-driven: each step pops the next queued event, moves
 * the clock to it and runs it; components only schedule events in reaction to store changes or
 * requeue delays. There is no per-tick loop, so cost follows the number of events, not simulated
 * time.
 *
 * Using it directly (tests, or the scenario runner):
 *
 * ```ts
 * const sim = new Simulation({ seed: 1, startEpochMs: Date.parse('2022-09-13T00:00:00Z') });
 * sim.applyManifests(manifests);                       // created at t=0, in order
 * sim.at(120_000, 'scale web', (a) => a.scale('StatefulSet', 'default', 'web', 5));
 * sim.runUntil(30 * 60_000);
 * sim.trace.filter({ reason: 'SuccessfulCreate' }); sim.state.history('Pod'); sim.dns.lookup('web-1.nginx');
 * ```
 *
 * Controllers plug in through controllers/index.ts (see controllers/controller.ts).
 */
import { SimulatedClock } from './engine/clock';
import { ClusterState } from './cluster/cluster-state';
import { ClusterDns } from './cluster/dns';
import { Draft, NodeInput, nodeDraft } from './cluster/factories';
import { draftFromManifest, Manifest } from './cluster/from-manifest';
import { GarbageCollector } from './cluster/garbage-collector';
import { Kubelet } from './cluster/kubelet';
import type { PodBehaviour } from './cluster/behaviours';
import { PodNetwork } from './cluster/network';
import type { SimObject } from './cluster/objects';
import { Scheduler } from './cluster/scheduler';
import type { HistoryMode } from './cluster/summary';
import {
  ClusterClaimControl, ClusterJobControl, ClusterPodControl, ClusterStatusControl, CONTROLLER_POD_EVENTS,
} from './controllers/control';
import type { Controller, ControllerRegistration } from './controllers/controller';
import { CONTROLLERS } from './controllers/index';
import { NodeLifecycleController } from './controllers/node-lifecycle-controller';
import { WorkQueue } from './controllers/work-queue';
import { SimulationError, SimulationErrorCode } from './engine/errors';
import { EventPriority, EventQueue, QueuedEvent } from './engine/event-queue';
import { fastForwardApplies } from './fast-forward/applies';
import { FastForward, FastForwardStats } from './fast-forward/fast-forward';
import { TraceRecorder } from './engine/recorder';
import { Rng } from './engine/rng';
import { Trace } from './engine/trace';
import type { UpdateValidator } from '../apiserver/update-validation';
import { UserActions } from './user-actions';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../versions/feature-gates';

/**
 * The seam through which the run loop calls the steady-state fast-forward (fast-forward/): the
 * loop owns it, so nothing below the loop needs to know the fast-forward exists.
 */
interface PeriodSkipper {
  /** Called before the loop runs `next` (a controller sync); true when it skipped ahead instead. */
  tryBefore(next: QueuedEvent, untilMs: number): boolean;
  /** Called at the end of each `runUntil`; throws when a moved object is still in the output. */
  checkFlushed(): void;
  /** What has been skipped so far. */
  readonly skipped: FastForwardStats;
}

/** The default scenario start: 2024-01-01T00:00:00Z. */
export const DEFAULT_START_EPOCH_MS = Date.UTC(2024, 0, 1);

/** The default cluster: three plain worker nodes. */
export const DEFAULT_NODES: readonly NodeInput[] = [{ name: 'worker1' }, { name: 'worker2' }, { name: 'worker3' }];

/** Options of a {@link Simulation}. */
export interface SimulationOptions {
  /** Wall-clock instant of simulated time 0, epoch ms. @default DEFAULT_START_EPOCH_MS (2024-01-01T00:00:00Z) */
  readonly startEpochMs?: number;
  /** Seed of the one random generator. @default 1 */
  readonly seed?: number;
  /** Nodes present at t=0. @default DEFAULT_NODES (worker1..worker3) */
  readonly nodes?: readonly NodeInput[];
  /** Pod behaviour profiles, first match wins. @default - every pod uses the defaults of behaviours.ts */
  readonly behaviours?: readonly PodBehaviour[];
  /** Controllers to run. @default CONTROLLERS (controllers/index.ts) */
  readonly controllers?: readonly ControllerRegistration[];
  /** Maximum events one `runUntil`/`step` sequence may process before failing. @default 20000000 */
  readonly loopLimit?: number;
  /** Maximum events at a single simulated instant (catches zero-delay loops). @default 2000000 */
  readonly instantLimit?: number;
  /** API-server checks for updates made by user actions. @default - none */
  readonly validateUpdate?: UpdateValidator;
  /**
   * How much of each deleted object the store keeps for the report (`state.history`): `'full'`
   * keeps the whole object as it was when it left the store (pod timelines included), as
   * DESIGN.md's JSON report and the HTML timeline expect; `'summary'` keeps only what the JSON
   * report reads — name, namespace, owner, times, a pod's image, phase, node and IP, a Job's
   * condition, reason and counts — and drops the rest (cluster/summary.ts lists it). The JSON
   * report is the same either way. With `'summary'`, DNS answers at a past instant no longer see
   * pods deleted by then, and the HTML timeline draws deleted pods from the report's first-time
   * fields, losing readiness lost and regained and in-place restarts for them.
   *
   * @default 'full'
   */
  readonly history?: HistoryMode;
  /**
   * Keep at most this many deleted instances of each kind in the history (the most recently
   * deleted); older ones are dropped and counted (`state.droppedCount(kind)`), and the report
   * then lists only the kept ones. Live objects are always kept. With `history: 'summary'` this
   * bounds the memory of a long run by the live objects plus `keepDeleted` records per kind.
   *
   * @default - every deleted instance for the first 7 simulated days (AUTO_BOUND_AFTER_MS), the newest DEFAULT_KEEP_DELETED (100) per kind after that
   */
  readonly keepDeleted?: number;
  /**
   * Keep only the newest this many events in the trace (and so in the report); older ones are
   * dropped and counted (`trace.dropped`). `trace.onRecord` listeners still see every event.
   *
   * @default - every event for the first 7 simulated days, the newest DEFAULT_MAX_EVENTS (1,000) after that
   */
  readonly maxEvents?: number;
  /**
   * Skip whole periods of a steady CronJob run instead of replaying them (fast-forward.ts), when
   * the history is bounded (`keepDeleted` and `maxEvents` set, or the default bounds past 7
   * simulated days) and no `trace.onRecord` listener is registered. The outcome is the same as without; a year of a `* * * * *` CronJob
   * takes well under a second instead of about a minute. `false` replays every event.
   *
   * @default true
   */
  readonly fastForward?: boolean;
  /**
   * The feature gates of the simulated Kubernetes version (`featureGatesFor(version, overrides)`):
   * controllers and the kubelet follow that version's behaviour.
   *
   * @default DEFAULT_FEATURE_GATES (Kubernetes 1.27)
   */
  readonly featureGates?: FeatureGates;
}

/** A deterministic simulation of a cluster. See the file comment. */
export class Simulation {
  /** Simulated time. */
  public readonly clock: SimulatedClock;
  /** The agenda. */
  public readonly queue = new EventQueue();
  /** The only random generator. */
  public readonly rng: Rng;
  /** The cluster store. */
  public readonly state: ClusterState;
  /** Recorded events. */
  public readonly trace: Trace;
  /** Pod IPs. */
  public readonly network = new PodNetwork();
  /** The kube-scheduler stand-in. */
  public readonly scheduler: Scheduler;
  /** The kubelet stand-in. */
  public readonly kubelet: Kubelet;
  /** Garbage collector, PVC protection, pod GC, taint eviction. */
  public readonly gc: GarbageCollector;
  /** The node lifecycle controller (condition taints, MarkPodsNotReady). */
  public readonly nodeLifecycle: NodeLifecycleController;
  /** Cluster DNS. */
  public readonly dns: ClusterDns;
  /** The user's actions (scenario steps). */
  public readonly actions: UserActions;
  /** The simulated version's feature gates. */
  public readonly gates: FeatureGates;
  private readonly queues = new Map<string, WorkQueue>();
  private readonly loopLimit: number;
  private readonly instantLimit: number;
  private processed = 0;
  /** Scenario actions run so far (a period with one is not a steady one). */
  private userActionsRun = 0;
  private readonly fastForwarder: PeriodSkipper | undefined;
  private instantMs = -1;
  private atInstant = 0;

  /** @param options see {@link SimulationOptions} */
  public constructor(options: SimulationOptions = {}) {
    this.clock = new SimulatedClock(options.startEpochMs ?? DEFAULT_START_EPOCH_MS);
    this.rng = new Rng(options.seed ?? 1);
    this.gates = options.featureGates ?? DEFAULT_FEATURE_GATES;
    this.loopLimit = options.loopLimit ?? 20_000_000;
    this.instantLimit = options.instantLimit ?? 2_000_000;
    const now = () => this.clock.nowMs();
    if (options.keepDeleted !== undefined && !(Number.isInteger(options.keepDeleted) && options.keepDeleted >= 0)) {
      throw new RangeError(`keepDeleted must be an integer ≥ 0, got ${options.keepDeleted}`);
    }
    if (options.maxEvents !== undefined && !(Number.isInteger(options.maxEvents) && options.maxEvents >= 0)) {
      throw new RangeError(`maxEvents must be an integer ≥ 0, got ${options.maxEvents}`);
    }
    if (options.fastForward !== undefined && typeof options.fastForward !== 'boolean') {
      throw new RangeError(`fastForward must be true or false, got ${JSON.stringify(options.fastForward)}`);
    }
    if (options.history !== undefined && options.history !== 'full' && options.history !== 'summary') {
      throw new RangeError(`history must be 'full' or 'summary', got ${JSON.stringify(options.history)}`);
    }
    this.trace = new Trace(now, options.maxEvents);
    this.state = new ClusterState({
      now, nameSuffix: () => this.rng.nameSuffix(), history: options.history ?? 'full',
      ...(options.keepDeleted !== undefined ? { keepDeleted: options.keepDeleted } : {}),
    });
    this.scheduler = new Scheduler(this.state, this.queue, new TraceRecorder(this.trace, 'default-scheduler'));
    this.kubelet = new Kubelet(this.state, this.queue, new TraceRecorder(this.trace, 'kubelet'), this.network, options.behaviours ?? [], this.gates);
    this.gc = new GarbageCollector(this.state, this.queue, new TraceRecorder(this.trace, 'taint-eviction-controller'));
    this.nodeLifecycle = new NodeLifecycleController(this.state, this.queue, new TraceRecorder(this.trace, 'node-controller'), this.kubelet);
    this.dns = new ClusterDns(this.state);
    this.actions = new UserActions(this.state, this.kubelet, (name, forMs) => this.pauseController(name, forMs), options.validateUpdate);

    for (const reg of options.controllers ?? CONTROLLERS) {
      if (this.queues.has(reg.name)) throw new SimulationError(SimulationErrorCode.INVARIANT, `two controllers are registered as "${reg.name}"`, 0);
      const recorder = new TraceRecorder(this.trace, reg.component);
      const controller = reg.create({
        cluster: this.state,
        pods: new ClusterPodControl(this.state, recorder, reg.podEvents ?? CONTROLLER_POD_EVENTS),
        claims: new ClusterClaimControl(this.state, recorder),
        jobs: new ClusterJobControl(this.state, recorder),
        status: new ClusterStatusControl(this.state),
        recorder,
        rng: this.rng,
        clock: this.clock,
        gates: this.gates,
      });
      this.queues.set(reg.name, new WorkQueue(controller, this.queue, this.state, reg.rateLimitFor?.(this.gates) ?? reg.rateLimit));
    }
    const queues = [...this.queues.values()];
    this.state.watch((change) => {
      // Indexed loops: every store change reaches every controller, and most return no key.
      for (let q = 0; q < queues.length; q++) {
        const wq = queues[q];
        const keys = wq.controller.keysFor(change);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          if (typeof k === 'string') wq.add(k);
          else wq.add(k.key, this.clock.nowMs() + Math.max(0, Math.ceil(k.afterMs)));
        }
      }
    });
    this.fastForwarder = fastForwardApplies(options, queues.map((wq) => wq.controller)) ? new FastForward({
      clock: this.clock, queue: this.queue, rng: this.rng, state: this.state, trace: this.trace, network: this.network,
      kubelet: this.kubelet, scheduler: this.scheduler, workQueues: queues, processed: () => this.processed,
      userActions: () => this.userActionsRun,
      skipProcessed: (n) => {
        this.processed += n;
      },
      loopLimit: this.loopLimit, keepDeleted: options.keepDeleted!, maxEvents: options.maxEvents!,
    }) : undefined;
    for (const n of options.nodes ?? DEFAULT_NODES) this.state.create(nodeDraft(n, 0));
  }

  /** What the steady-state fast-forward has skipped (option `fastForward`); undefined when it does not apply to this simulation. */
  public get fastForwarded(): FastForwardStats | undefined {
    return this.fastForwarder?.skipped;
  }

  /** Simulated ms now. */
  public get nowMs(): number {
    return this.clock.nowMs();
  }

  /** Creates objects now, in order. @throws ApiError when the store rejects one */
  public apply(drafts: ReadonlyArray<Draft<SimObject>>): SimObject[] {
    return drafts.map((d) => this.state.create(d));
  }

  /**
   * Creates manifests now, in order, with the API server's defaults; kinds the simulator does not
   * store are skipped. (The manifest loader validates first; this does not.)
   *
   * @param manifests parsed documents
   * @param defaultNamespace namespace for objects without one
   */
  public applyManifests(manifests: readonly Manifest[], defaultNamespace = 'default'): SimObject[] {
    const out: SimObject[] = [];
    for (const m of manifests) {
      const d = draftFromManifest(m, defaultNamespace);
      if (d) out.push(this.state.create(d));
    }
    return out;
  }

  /** Schedules a user action at `atMs` (USER priority: before everything else at that instant). */
  public at(atMs: number, label: string, action: (actions: UserActions) => void): QueuedEvent {
    if (atMs < this.nowMs) {
      throw new SimulationError(SimulationErrorCode.CLOCK_BACKWARDS, `cannot schedule "${label}" at ${atMs} ms, before now`, this.nowMs);
    }
    return this.queue.schedule(atMs, EventPriority.USER, label, () => {
      this.userActionsRun++;
      action(this.actions);
    });
  }

  /** The registered controller named `name`. @throws SimulationError when none */
  public controller(name: string): Controller {
    return this.workQueue(name).controller;
  }

  /** The work queue of controller `name`. @throws SimulationError when none */
  public workQueue(name: string): WorkQueue {
    const wq = this.queues.get(name);
    if (!wq) {
      throw new SimulationError(SimulationErrorCode.UNKNOWN, `no controller named "${name}" (registered: ${[...this.queues.keys()].join(', ') || 'none'})`, this.nowMs);
    }
    return wq;
  }

  /** Names of the registered controllers. */
  public get controllerNames(): string[] {
    return [...this.queues.keys()];
  }

  /** Stops controller `name` for `forMs` (controller downtime). */
  public pauseController(name: string, forMs: number): void {
    this.workQueue(name).pause(forMs);
  }

  /** Runs exactly one event; returns false when the queue is empty. */
  public step(): boolean {
    const ev = this.queue.peek();
    if (!ev) return false;
    // Checked before popping, so the offending event stays pending and is named.
    const sameInstant = ev.atMs === this.instantMs ? this.atInstant + 1 : 1;
    if (sameInstant > this.instantLimit) {
      throw new SimulationError(SimulationErrorCode.LOOP_LIMIT, `more than ${this.instantLimit} events at one instant; pending: "${ev.label}"`, ev.atMs);
    }
    if (this.processed + 1 > this.loopLimit) {
      throw new SimulationError(SimulationErrorCode.LOOP_LIMIT, `loop limit of ${this.loopLimit} events reached; pending: "${ev.label}"`, ev.atMs);
    }
    this.queue.pop();
    this.clock.advanceTo(ev.atMs);
    this.instantMs = ev.atMs;
    this.atInstant = sameInstant;
    this.processed++;
    ev.run();
    return true;
  }

  /** Runs every event due at or before `untilMs`, then moves the clock to `untilMs`. */
  public runUntil(untilMs: number): void {
    const ff = this.fastForwarder;
    for (let next = this.queue.peek(); next && next.atMs <= untilMs; next = this.queue.peek()) {
      if (ff !== undefined && next.priority === EventPriority.CONTROLLER && ff.tryBefore(next, untilMs)) continue;
      this.step();
    }
    if (untilMs > this.nowMs) this.clock.advanceTo(untilMs);
    ff?.checkFlushed();
  }

  /** Runs for `ms` from now. */
  public runFor(ms: number): void {
    this.runUntil(this.nowMs + ms);
  }

  /** Number of events processed so far. */
  public get eventsProcessed(): number {
    return this.processed;
  }
}
