/**
 * A per-controller work queue (client-go `workqueue.RateLimitingInterface` semantics on the
 * simulated clock): keys are de-duplicated, `add(key, atMs)` keeps the earliest pending time
 * (`AddAfter`), a failed sync is retried after the rate limiter's delay (`AddRateLimited`), a
 * success resets it (`Forget`). While the controller is paused (scenario `pauseController`) due
 * keys are held; when the pause ends every held key and every live object of the controller's kind
 * is synced, as a restarted controller would.
 */
import { ApiError } from '../../apiserver/api-errors';
import type { ClusterReader } from '../cluster/store-types';
import { objectKey } from '../cluster/object-meta';
import { EventPriority, EventQueue, QueuedEvent } from '../engine/event-queue';
import type { Controller, RateLimit } from './controller';
import { DEFAULT_RATE_LIMIT } from './controller';

/** The queue of one controller. */
export class WorkQueue {
  private readonly scheduled = new Map<string, QueuedEvent>();
  private readonly failures = new Map<string, number>();
  private readonly held = new Set<string>();
  private pausedUntilMs = -1;
  private resumeEvent: QueuedEvent | undefined;
  private syncs = 0;

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
  ) {}

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
    if (this.failures.size > 0 || this.held.size > 0 || this.resumeEvent !== undefined || this.paused) return undefined;
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

  /** Enqueues `key` at `atMs` (default now), unless it is already queued at or before that time. */
  public add(key: string, atMs: number = this.reader.nowMs()): void {
    if (this.paused) {
      this.held.add(key);
      return;
    }
    const existing = this.scheduled.get(key);
    if (existing && existing.atMs <= atMs) return;
    this.queue.cancel(existing);
    this.scheduled.set(key, this.queue.schedule(atMs, EventPriority.CONTROLLER, `controller ${this.controller.name} sync ${key}`, () => this.process(key)));
  }

  /** Pauses the controller for `forMs` from now (extending a running pause). */
  public pause(forMs: number): void {
    const until = this.reader.nowMs() + forMs;
    if (until <= this.pausedUntilMs) return;
    this.pausedUntilMs = until;
    // Keys already queued are held instead.
    for (const [key, ev] of this.scheduled) {
      this.queue.cancel(ev);
      this.held.add(key);
    }
    this.scheduled.clear();
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

  private process(key: string): void {
    this.scheduled.delete(key);
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
    this.failures.delete(key);
    if (requeueAfterMs !== undefined) this.add(key, now + Math.max(0, Math.ceil(requeueAfterMs)));
  }
}
