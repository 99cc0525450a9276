/**
 * The controller plug-in interface. A controller is split as in `pkg/controller/<kind>/`:
 *
 * - **controller** (`<kind>-controller.ts`): implements {@link Controller} — `keysFor` maps a store
 *   change to the keys of the objects to sync (the informer event handlers), `sync` loads a snapshot
 *   and applies the reconcile result through the Controls;
 * - **reconcile** (`<kind>-reconcile.ts`): a pure function of a snapshot and `now` returning the
 *   actions, the new status and the requeue delay — table-driven tests target it and `sync`;
 * - **control** (control.ts): the only way to write; tests use the fakes in test/helpers/fakes.ts.
 *
 * How a new controller plugs in:
 *
 * 1. Write `lib/simulator/controllers/<kind>-controller.ts` with a class implementing
 *    {@link Controller}, and export a {@link ControllerRegistration}:
 *    `export const jobControllerRegistration: ControllerRegistration = { name: 'job', component:
 *    'job-controller', create: (ctx) => new JobController(ctx) }`.
 * 2. Add it to the list in `controllers/index.ts`. The Simulation creates every registered
 *    controller with a {@link ControllerContext}, feeds every store change to its `keysFor`, and
 *    runs `sync` through a per-controller {@link WorkQueue} (de-duplicated keys, requeue delays,
 *    error back-off, `pauseController`).
 * 3. In `keysFor`, return `namespace/name` keys (see `objectKey`) of the objects of your `kind` the
 *    change concerns — the object itself, the controller owner of a changed pod
 *    (`controllerOf(pod)`), every DaemonSet for a node change, … Never write there (the store
 *    throws if you try): keysFor runs inside the store notification.
 * 4. In `sync(key, now)`: read through `ctx.cluster` (a {@link ClusterReader} with indexes:
 *    `podsOwnedBy(uid)`, `podsOnNode`, `get`, `list`); a missing object means it was deleted — return
 *    `{}`. Compute, then write through `ctx.pods` / `ctx.claims` / `ctx.jobs` / `ctx.status`. Those
 *    record the standard events (SuccessfulCreate, FailedCreate, SuccessfulDelete…); record any
 *    other event (RecreatingFailedPod, JobAlreadyActive, …) with `ctx.recorder.event(obj, type,
 *    reason, message)` using the real controller's wording. Write status with
 *    `ctx.status.updateStatus(obj, status)` (skipped when equal, so syncs converge).
 * 5. Return `{ requeueAfterMs }` when something becomes due later (minReadySeconds, the next cron
 *    tick, a backoff, activeDeadlineSeconds) — never poll on a fixed tick unless the real
 *    controller does. A rejected write throws an `ApiError` from the Control: let it propagate; the
 *    work queue retries the key with the registration's rate limiter.
 * 6. Randomness (generated names) comes from the store (`generateName` in the draft) or
 *    `ctx.rng`; time only from `now` / `ctx.clock` (`ctx.clock.epochMs(now)` is the wall-clock
 *    instant, for schedules).
 */
import type { Clock } from '../engine/clock';
import type { ClusterReader, StoreChange } from '../cluster/store-types';
import type { SimKind, SimObjectBase } from '../cluster/object-meta';
import type { EventRecorder } from '../engine/recorder';
import type { Rng } from '../engine/rng';
import type { ClaimControl, JobControl, PodControl, PodEventWording, StatusControl } from './control';
import type { FeatureGates } from '../../versions/feature-gates';

/** What a sync asks for next. */
export interface SyncResult {
  /** Sync this key again after this many ms (`AddAfter`); keeps the earliest pending time. */
  readonly requeueAfterMs?: number;
}

/** A simulated controller. See the file comment for how one plugs in. */
export interface Controller {
  /** The name used by the scenario's `pauseController` step: `statefulset`, `daemonset`, `job`, `cronjob`. */
  readonly name: string;
  /**
   * The primary kind the keys refer to. After a `pauseController` ends, every live object of this
   * kind is synced (a restarted controller's informers list everything), besides held keys.
   */
  readonly kind: SimKind;
  /**
   * Maps a store change to the keys (`namespace/name` of objects of {@link kind}) to sync. Called
   * for every change, inside the store notification: read only, keep it cheap (use the change's
   * object and `old`, owner references and the reader's indexes). Return a {@link DelayedKey}
   * to enqueue after a delay instead of now.
   */
  keysFor(change: StoreChange): ReadonlyArray<string | DelayedKey>;
  /**
   * Reconciles one object at `now`; writes only through the Controls of its context; returns when
   * to run again. A Control's `ApiError` may propagate (rate-limited retry).
   */
  sync(key: string, now: number): SyncResult;
  /**
   * For the steady-state fast-forward (fast-forward.ts): what the controller remembers between
   * syncs that can change what it does to the `family` (CronJobs, their Jobs and those Jobs'
   * pods), as a string with times relative to `originMs` — equal strings at two period boundaries
   * mean equal behaviour; `undefined` when it remembers something the fast-forward cannot carry
   * over. A controller without this method turns the fast-forward off.
   */
  steadyState?(family: SteadyFamily, originMs: number): string | undefined;
  /** Moves what {@link steadyState} describes `deltaMs` later (the fast-forward skipping whole periods). */
  fastForward?(family: SteadyFamily, deltaMs: number): void;
}

/** The objects the steady-state fast-forward moves through time: CronJobs, their Jobs, those Jobs' pods. */
export interface SteadyFamily {
  /** Whether `obj` belongs to the family. */
  has(obj: SimObjectBase): boolean;
  /** The position of a live family object among the live family objects of its kind (creation order). */
  indexOf(obj: SimObjectBase): number;
}

/**
 * A key to sync later rather than now (client-go `queue.AddAfter(key, d)` from an informer event
 * handler, e.g. the CronJob controller's `updateCronJob` on a schedule change). The queue keeps the
 * earliest pending time of a key.
 */
export interface DelayedKey {
  /** `namespace/name` of the object to sync. */
  readonly key: string;
  /** Delay from now, ms (≤ 0 means now). */
  readonly afterMs: number;
}

/** Everything a controller gets from the simulation. */
export interface ControllerContext {
  /** Read access to the cluster (indexes, history). */
  readonly cluster: ClusterReader;
  /** Pod writes, events worded per the registration's `podEvents`. */
  readonly pods: PodControl;
  /** Claim writes (StatefulSet). */
  readonly claims: ClaimControl;
  /** Job writes (CronJob). */
  readonly jobs: JobControl;
  /** Status writes. */
  readonly status: StatusControl;
  /** Events the Controls do not record themselves (source: the registration's `component`). */
  readonly recorder: EventRecorder;
  /** The simulation's seeded generator. */
  readonly rng: Rng;
  /**
   * Simulated time: `nowMs()` (same as `sync`'s `now`) and `epochMs(ms)`, the wall-clock instant of a
   * simulated time (the scenario `start` + ms) — what a CronJob controller evaluates schedules in.
   */
  readonly clock: Clock;
  /**
   * The Kubernetes version's feature gates (lib/versions/feature-gates.ts): a controller reads
   * them where its behaviour changed between minors, citing the upstream PR at each branch.
   */
  readonly gates: FeatureGates;
}

/** Per-key retry delays after a failed sync: `base · 2^failures`, capped (client-go `ItemExponentialFailureRateLimiter`). */
export interface RateLimit {
  /** First retry delay, ms. */
  readonly baseMs: number;
  /** Maximum delay, ms. */
  readonly maxMs: number;
}

/** client-go `DefaultControllerRateLimiter`'s per-item part: 5 ms doubling up to 1000 s. */
export const DEFAULT_RATE_LIMIT: RateLimit = { baseMs: 5, maxMs: 1_000_000 };

/** How a controller is registered in controllers/index.ts. */
export interface ControllerRegistration {
  /** The pauseController name, e.g. `statefulset`. */
  readonly name: string;
  /** The event source, e.g. `statefulset-controller`. */
  readonly component: string;
  /** Pod event wording for `ctx.pods`. @default CONTROLLER_POD_EVENTS */
  readonly podEvents?: PodEventWording;
  /** Retry delays after a failed sync. @default DEFAULT_RATE_LIMIT */
  readonly rateLimit?: RateLimit;
  /**
   * Retry delays that depend on the Kubernetes version; wins over {@link rateLimit}.
   * @default - {@link rateLimit} at every version
   */
  readonly rateLimitFor?: (gates: FeatureGates) => RateLimit;
  /** Builds the controller. */
  create(ctx: ControllerContext): Controller;
}
