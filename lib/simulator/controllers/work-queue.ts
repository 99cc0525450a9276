/**
 * A per-controller work queue (client-go `workqueue.RateLimitingInterface` semantics on the
 * simulated clock). Two slots per key, as client-go keeps them:
 * - the queue proper (`Type.Add`): a key is in it at most once (`dirty` set), so adds before its
 *   sync runs are de-duplicated;
 * - the delaying queue's waiting heap (`delayingType.AddAfter`, `waitingEntryByData`): at most one
 *   entry per key, which keeps the earlier ready time when added again, and which `Add`s the key
 *   when it is due — independently of the queue proper. An immediate add therefore does NOT cancel a
 *   pending rate-limited retry: both syncs happen (client-go delaying_queue.go `waitingLoop`,
 *   `insert`).
 * A failed sync is retried after the rate limiter's delay (`AddRateLimited` =
 * `AddAfter(key, ItemExponentialFailureRateLimiter.When(key))`), a success resets it (`Forget`).
 * While the controller is paused (scenario `pauseController`) due keys are held; when the pause
 * ends every held key and every live object of the controller's kind is synced, as a restarted
 * controller would.
 */
import { ApiError } from '../../apiserver/api-errors';
import type { ClusterReader } from '../cluster/store-types';
import { objectKey } from '../cluster/object-meta';
import { EventPriority, EventQueue, QueuedEvent } from '../engine/event-queue';
import type { Controller, RateLimit } from './controller';
import { DEFAULT_RATE_LIMIT } from './controller';

/** The queue of one controller. */
export class WorkQueue {
  /** The waiting heap: one delayed entry per key (AddAfter). */
  private readonly scheduled = new Map<string, QueuedEvent>();
  /** The queue proper: keys added for now, not yet synced (the `dirty` set). */
  private readonly ready = new Map<string, QueuedEvent>();
  private readonly failures = new Map<string, number>();
  private readonly held = new Set<string>();
  private pausedUntilMs = -1;
  private resumeEvent: QueuedEvent | undefined;
  private syncs = 0;
  /** `controller <name> sync `, the start of every sync event's label (one concatenation per add). */
  private readonly syncLabel: string;

  /**
   * @param controller the controller
   * @param queue the agenda
   * @param reader the store (time, and the objects to resync after a pause)
   * @param rateLimit retry delays
   */
  public constructor(
    public readonly controller: Controller,
    private readonly queue: EventQueue,
    private readonly reader: ClusterReader,
    private readonly rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
  ) {
    this.syncLabel = `controller ${controller.name} sync `;
  }

  /** Number of syncs run so far. */
  public get syncCount(): number {
    return this.syncs;
  }

  /**
   * Keys waiting for their sync, with the queued events, for the steady-state fast-forward
   * (fast-forward.ts); undefined when the queue holds retries, held keys or a pause, which it
   * does not carry over.
   */
  public pendingSyncs(): ReadonlyMap<string, QueuedEvent> | undefined {
    if (this.ready.size > 0 || this.failures.size > 0 || this.held.size > 0 || this.resumeEvent !== undefined || this.paused) return undefined;
    return this.scheduled;
  }

  /** Counts `n` syncs as run (the fast-forward skipping periods). */
  public skipSyncs(n: number): void {
    this.syncs += n;
  }

  /** Whether the controller is paused now. */
  public get paused(): boolean {
    return this.reader.nowMs() < this.pausedUntilMs;
  }

  /**
   * Enqueues `key` at `atMs` (default now): `Add` when due now (unless already queued), else
   * `AddAfter` (unless already waiting for an earlier or equal time).
   */
  public add(key: string, atMs: number = this.reader.nowMs()): void {
    if (this.paused) {
      this.held.add(key);
      return;
    }
    const now = this.reader.nowMs();
    if (atMs <= now) {
      if (this.ready.has(key)) return;
      this.ready.set(key, this.queue.schedule(now, EventPriority.CONTROLLER, this.syncLabel + key, () => this.processReady(key)));
      return;
    }
    const existing = this.scheduled.get(key);
    if (existing && existing.atMs <= atMs) return;
    this.queue.cancel(existing);
    this.scheduled.set(key, this.queue.schedule(atMs, EventPriority.CONTROLLER, this.syncLabel + key, () => this.processWaiting(key)));
  }

  /** Pauses the controller for `forMs` from now (extending a running pause). */
  public pause(forMs: number): void {
    const until = this.reader.nowMs() + forMs;
    if (until <= this.pausedUntilMs) return;
    this.pausedUntilMs = until;
    // Keys already queued are held instead.
    for (const slot of [this.ready, this.scheduled]) {
      for (const [key, ev] of slot) {
        this.queue.cancel(ev);
        this.held.add(key);
      }
      slot.clear();
    }
    this.queue.cancel(this.resumeEvent);
    this.resumeEvent = this.queue.schedule(until, EventPriority.CONTROLLER, `controller ${this.controller.name} resume`, () => this.resume());
  }

  private resume(): void {
    this.resumeEvent = undefined;
    const keys = [...this.held];
    this.held.clear();
    for (const obj of this.reader.list(this.controller.kind)) keys.push(objectKey(obj));
    for (const key of keys) this.add(key);
  }

  /** A waiting entry is due: the delaying queue `Add`s the key; one already queued for now absorbs it. */
  private processWaiting(key: string): void {
    this.scheduled.delete(key);
    if (this.ready.has(key)) return;
    this.process(key);
  }

  private processReady(key: string): void {
    this.ready.delete(key);
    this.process(key);
  }

  private process(key: string): void {
    if (this.paused) {
      this.held.add(key);
      return;
    }
    const now = this.reader.nowMs();
    this.syncs++;
    let requeueAfterMs: number | undefined;
    try {
      requeueAfterMs = this.controller.sync(key, now).requeueAfterMs;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      const delay = Math.min(this.rateLimit.baseMs * 2 ** n, this.rateLimit.maxMs);
      this.add(key, now + Math.max(1, Math.round(delay)));
      return;
    }
    // Nothing to forget while no key has failed (most runs): no lookup per sync.
    if (this.failures.size > 0) this.failures.delete(key);
    if (requeueAfterMs !== undefined) this.add(key, now + Math.max(0, Math.ceil(requeueAfterMs)));
  }
}
