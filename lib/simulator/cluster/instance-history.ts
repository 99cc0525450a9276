/**
 * The store's history bookkeeping: every instance ever created, per kind in creation order, and
 * under the `keepDeleted` bound which deleted instances stay, which are dropped, and how many were.
 */
import { AUTO_BOUND_AFTER_MS } from '../engine/trace';
import type { SimKind } from './object-meta';
import type { SimObject } from './objects';
import { DEFAULT_KEEP_DELETED } from './store-types';

/**
 * How many deleted instances of each kind the history keeps at simulated `atMs`: `keepDeleted`
 * when given, else every one up to AUTO_BOUND_AFTER_MS (7 days) and DEFAULT_KEEP_DELETED after it.
 *
 * @param keepDeleted the store option, if given
 * @param atMs simulated ms
 */
export function keepDeletedBound(keepDeleted: number | undefined, atMs: number): number {
  if (keepDeleted !== undefined) return keepDeleted;
  return atMs > AUTO_BOUND_AFTER_MS ? DEFAULT_KEEP_DELETED : Infinity;
}

/**
 * Every instance of each kind, deleted ones included, and the dropped counts (`keepDeleted`).
 * @internal
 */
export class InstanceHistory {
  private readonly instances = new Map<SimKind, SimObject[]>();
  /** Deleted instances still in `instances`, per kind, in deletion order (with `keepDeleted`). */
  private readonly deletedOrder = new Map<SimKind, { list: SimObject[]; head: number }>();
  /** Dropped instances not yet filtered out of `instances`, per kind. */
  private readonly droppedPending = new Map<SimKind, Set<SimObject>>();
  /** Dropped instances per kind. */
  private readonly droppedTotal = new Map<SimKind, number>();

  /** Appends a newly created instance. */
  public add(obj: SimObject): void {
    let h = this.instances.get(obj.kind);
    if (!h) this.instances.set(obj.kind, (h = []));
    h.push(obj);
  }

  /** The kept instances of `kind`, in creation order. */
  public list(kind: SimKind): readonly SimObject[] {
    this.filterDropped(kind);
    return this.instances.get(kind) ?? [];
  }

  /** Deleted instances of `kind` dropped from `history` (option `keepDeleted`). */
  public droppedCount(kind: SimKind): number {
    return this.droppedTotal.get(kind) ?? 0;
  }

  /** Dropped deleted instances per kind, for the kinds that had any (option `keepDeleted`). */
  public droppedCounts(): Readonly<Partial<Record<SimKind, number>>> {
    // In kind order, so the answer does not depend on which kind was dropped first.
    return Object.fromEntries([...this.droppedTotal].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Counts `n` more instances of `kind` as dropped. */
  public countDropped(kind: SimKind, n: number): void {
    this.droppedTotal.set(kind, (this.droppedTotal.get(kind) ?? 0) + n);
  }

  /** Keeps the `keep` most recently deleted instances of the kind in `history`; drops the oldest beyond. */
  public retain(obj: SimObject, keep: number): void {
    let q = this.deletedOrder.get(obj.kind);
    if (!q) this.deletedOrder.set(obj.kind, (q = { list: [], head: 0 }));
    q.list.push(obj);
    let dropped = this.droppedPending.get(obj.kind);
    while (q.list.length - q.head > keep) {
      const old = q.list[q.head];
      q.list[q.head++] = undefined as unknown as SimObject;
      if (!dropped) this.droppedPending.set(obj.kind, (dropped = new Set()));
      dropped.add(old);
      this.droppedTotal.set(obj.kind, (this.droppedTotal.get(obj.kind) ?? 0) + 1);
    }
    // Amortised O(1): the queue and the history are compacted once half of them is dead.
    if (q.head > 1024 && q.head * 2 > q.list.length) {
      q.list = q.list.slice(q.head);
      q.head = 0;
    }
    if (dropped && dropped.size > 1024 && dropped.size * 2 > (this.instances.get(obj.kind)?.length ?? 0)) this.filterDropped(obj.kind);
  }

  /** Takes the dropped instances of `kind` out of `instances` (creation order kept). */
  private filterDropped(kind: SimKind): void {
    const dropped = this.droppedPending.get(kind);
    if (!dropped || dropped.size === 0) return;
    const list = this.instances.get(kind);
    if (list) this.instances.set(kind, list.filter((o) => !dropped.has(o)));
    dropped.clear();
  }
}
