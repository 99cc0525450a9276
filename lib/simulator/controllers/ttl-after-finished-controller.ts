/**
 * The TTL-after-finished controller (Kubernetes v1.27
 * `pkg/controller/ttlafterfinished/ttlafterfinished_controller.go`, reference §4.7): deletes a
 * finished Job with `ttlSecondsAfterFinished` once `now >= finishTime + ttl`, where finishTime is
 * the `lastTransitionTime` of its Complete or Failed condition. `ttl: 0` deletes it right after it
 * finishes; without the field the Job is kept.
 *
 * The deletion records no event (the real controller only logs) and cascades to the pods through
 * the garbage collector. The real controller asks for foreground propagation (the Job waits for
 * its pods); the store only has background propagation, so the Job leaves first and its pods —
 * terminal and already released by the Job controller — leave right after, at the same instant.
 */
import type { StoreChange } from '../cluster/store-types';
import { SimJob } from '../cluster/workload-objects';
import type { Controller, ControllerContext, ControllerRegistration, DelayedKey, SyncResult } from './controller';
import { keyOf, NO_KEYS, splitKeyOf } from './keys';
import { finishedConditionOf } from './job-conditions';

/**
 * `timeLeft`: ms until the Job expires (≤ 0: expired), or null when it does not need clean-up
 * (`needsCleanup`: ttlSecondsAfterFinished set and the Job finished).
 */
export function ttlTimeLeftMs(job: SimJob, now: number): number | null {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return null;
  const finished = finishedConditionOf(job);
  if (!finished) return null;
  return finished.lastTransitionTime + ttl * 1000 - now;
}

/** The TTL-after-finished controller. See the file comment. */
export class TtlAfterFinishedController implements Controller {
  /** The `pauseController` name. */
  public readonly name = 'ttl-after-finished';
  /** Keys are Jobs. */
  public readonly kind = 'Job' as const;

  /** @param ctx the controller context */
  public constructor(private readonly ctx: ControllerContext) {}

  /** @inheritdoc */
  public keysFor(change: StoreChange): ReadonlyArray<string | DelayedKey> {
    const o = change.object;
    // addJob / updateJob: only Jobs not being deleted that need clean-up.
    if (o.kind !== 'Job' || change.type === 'Deleted' || o.deletionMs !== null) return NO_KEYS;
    return ttlTimeLeftMs(o, change.atMs) === null ? NO_KEYS : [keyOf(o)];
  }

  /** Steady-state fast-forward: this controller remembers nothing between syncs: its timers are work-queue keys, which the fast-forward moves itself. */
  public steadyState(): string {
    return '';
  }

  /** @inheritdoc */
  public fastForward(): void {
    // Nothing of the family to move.
  }

  /** @inheritdoc */
  public sync(key: string, now: number): SyncResult {
    const { namespace, name } = splitKeyOf(key);
    const job = this.ctx.cluster.get('Job', namespace, name);
    if (!job || job.deletionMs !== null) return {};
    const left = ttlTimeLeftMs(job, now);
    if (left === null) return {};
    // processTTL: not expired yet → enqueueAfter(timeLeft).
    if (left > 0) return { requeueAfterMs: left };
    this.ctx.jobs.deleteJob(null, job);
    return {};
  }
}

/** Registration: `ttl-after-finished` (component `ttl-after-finished-controller`). */
export const ttlAfterFinishedControllerRegistration: ControllerRegistration = {
  name: 'ttl-after-finished',
  component: 'ttl-after-finished-controller',
  create: (ctx) => new TtlAfterFinishedController(ctx),
};
