/**
 * The simulation's agenda: a binary heap of pending actions ordered by (atMs, priority, seq).
 *
 * The order is total, so ties always resolve the same way (sinonjs/fake-timers `compareTimers`;
 * p-queue's stable priority insertion): same instant → lower priority value first → earlier
 * scheduling first. `cancel` works like kwok's `DelayingQueue.Cancel`.
 */

/**
 * Priorities of queued actions at the same instant; lower runs first. Gaps leave room for
 * components added later.
 */
export const EventPriority = {
  /** Scenario steps (the user acting on the cluster). */
  USER: 0,
  /** The kubelet stand-in: container starts, readiness, exits, terminations. */
  KUBELET: 10,
  /** The scheduler stand-in binding pending pods. */
  SCHEDULER: 20,
  /** Garbage collector, pod GC, taint eviction, PVC protection. */
  GARBAGE_COLLECTOR: 30,
  /** Controller syncs (work queues). */
  CONTROLLER: 40,
  /** Observers that only read (snapshots for reports). */
  REPORTING: 50,
} as const;

/** A pending action as returned by {@link EventQueue.schedule}; pass it to `cancel`. */
export interface QueuedEvent {
  /** When it runs, in simulated ms. */
  readonly atMs: number;
  /** Tie-break at the same instant, see {@link EventPriority}. */
  readonly priority: number;
  /** Insertion order, the final tie-break. */
  readonly seq: number;
  /** A short description for errors and debugging, e.g. `controller statefulset sync default/web`. */
  readonly label: string;
  /** What to do when the event is due. */
  readonly run: () => void;
  /** Set by `cancel`; a cancelled event is skipped when popped. */
  cancelled: boolean;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

/** A binary min-heap of {@link QueuedEvent}s; O(log n) schedule and pop, O(1) cancel. */
export class EventQueue {
  private readonly heap: QueuedEvent[] = [];
  private nextSeq = 0;
  private live = 0;
  /**
   * Pending (not cancelled) events per priority value: an array indexed by priority (the values
   * are small integers), not a Map — it is updated on every schedule, pop and cancel.
   */
  private readonly livePerPriority: number[] = new Array<number>(64).fill(0);

  /** How many events are pending (cancelled ones excluded). */
  public get size(): number {
    return this.live;
  }

  /** How many pending events have this priority (cancelled ones excluded). */
  public pendingAt(priority: number): number {
    return this.livePerPriority[priority] ?? 0;
  }

  /** The sequence number the next scheduled event gets. */
  public get sequence(): number {
    return this.nextSeq;
  }

  /**
   * Adds an action.
   *
   * @param atMs when, in simulated ms (an integer)
   * @param priority tie-break at the same instant, see {@link EventPriority}
   * @param label a short description, shown when a loop limit is hit
   * @param run the action
   */
  public schedule(atMs: number, priority: number, label: string, run: () => void): QueuedEvent {
    const ev: QueuedEvent = { atMs, priority, seq: this.nextSeq++, label, run, cancelled: false };
    this.heap.push(ev);
    this.up(this.heap.length - 1);
    this.live++;
    this.livePerPriority[priority] = (this.livePerPriority[priority] ?? 0) + 1;
    return ev;
  }

  /** Cancels a pending event (no effect if it already ran or was cancelled). */
  public cancel(ev: QueuedEvent | undefined): void {
    if (!ev || ev.cancelled) return;
    ev.cancelled = true;
    this.live--;
    this.livePerPriority[ev.priority]--;
  }

  /** The earliest pending event with this priority (a scan: O(pending)). */
  public earliestAt(priority: number): QueuedEvent | undefined {
    let best: QueuedEvent | undefined;
    for (const ev of this.heap) if (!ev.cancelled && ev.priority === priority && (best === undefined || before(ev, best))) best = ev;
    return best;
  }

  /** The next event to run, without removing it. */
  public peek(): QueuedEvent | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Removes and returns the next event to run. */
  public pop(): QueuedEvent | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.live--;
    this.livePerPriority[top.priority]--;
    // A popped event counts as no longer pending; mark it so a later cancel is a no-op.
    top.cancelled = true;
    return top;
  }

  /**
   * Moves pending events `deltaMs` later, and the sequence counter on by `skippedSeq`, as if the
   * events scheduled in between had come and gone: the steady-state fast-forward (fast-forward.ts)
   * translates a quiet cluster by whole periods. Every moved event keeps its place relative to the
   * other moved ones; the heap is rebuilt, so unmoved ones (scenario steps) stay where they were.
   */
  public shift(events: readonly QueuedEvent[], deltaMs: number, skippedSeq: number): void {
    for (const ev of events) {
      if (ev.cancelled) throw new Error(`cannot shift a cancelled or finished event ("${ev.label}")`);
      (ev as { atMs: number }).atMs += deltaMs;
      (ev as { seq: number }).seq += skippedSeq;
    }
    this.nextSeq += skippedSeq;
    const h = this.heap;
    for (let i = (h.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private up(i: number): void {
    const h = this.heap;
    const item = h[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = item;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const item = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r], h[l]) ? r : l;
      if (!before(h[c], item)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = item;
  }
}
