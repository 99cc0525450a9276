/**
 * The append-only record of Kubernetes-style events a run produced — what `kubectl get events`
 * would list. It becomes the `events` of the JSON report.
 */

/** `Normal` or `Warning`, as Kubernetes events. */
export type EventType = 'Normal' | 'Warning';

/** The object an event is about (`involvedObject`). */
export interface EventObjectRef {
  /** Kind, e.g. `StatefulSet`. */
  readonly kind: string;
  /** Namespace; `''` for cluster-scoped objects (nodes). */
  readonly namespace: string;
  /** Name. */
  readonly name: string;
}

/** A second object an event mentions, e.g. the Pod a StatefulSet created. */
export interface EventRelatedRef {
  /** Kind, e.g. `Pod`. */
  readonly kind: string;
  /** Name. */
  readonly name: string;
}

/** One recorded event. */
export interface TraceEvent {
  /** Simulated ms since the scenario start. */
  readonly atMs: number;
  /** Recording order (0, 1, 2, …); ties at one instant keep this order. */
  readonly seq: number;
  /** `Normal` or `Warning`. */
  readonly type: EventType;
  /** The object the event is about. */
  readonly object: EventObjectRef;
  /** CamelCase reason, exactly as the real component records it (`SuccessfulCreate`). */
  readonly reason: string;
  /** The message, exactly as the real component words it where known. */
  readonly message: string;
  /** A second object the event mentions, if any. */
  readonly related?: EventRelatedRef;
  /** The component that recorded it, e.g. `statefulset-controller`, `default-scheduler`, `kubelet`. */
  readonly source: string;
}

/** The fields a recorder passes in; `atMs` and `seq` are filled by the {@link Trace}. */
export type TraceEventInput = Omit<TraceEvent, 'atMs' | 'seq'>;

/**
 * Past this simulated time (7 days) the default bounds apply: {@link DEFAULT_MAX_EVENTS} here and
 * `DEFAULT_KEEP_DELETED` in the store. A run of a week or less keeps every event and every deleted
 * instance, as before; a run of simulated months would otherwise hold millions of events (about 7
 * per CronJob run) and every Job and pod it ever ran. What is dropped is counted and the text
 * report says so.
 */
export const AUTO_BOUND_AFTER_MS = 7 * 86_400_000;

/** How many events a trace keeps when not told, once the run is past {@link AUTO_BOUND_AFTER_MS}: the newest 1,000. */
export const DEFAULT_MAX_EVENTS = 1_000;

/**
 * The bound on kept events at simulated `atMs`: `maxEvents` when given, else none up to
 * {@link AUTO_BOUND_AFTER_MS} and {@link DEFAULT_MAX_EVENTS} after it (the trace's counterpart of
 * the store's `keepDeletedBound`).
 *
 * @param maxEvents the option, if given
 * @param atMs simulated ms
 */
export function maxEventsBound(maxEvents: number | undefined, atMs: number): number {
  if (maxEvents !== undefined) return maxEvents;
  return atMs > AUTO_BOUND_AFTER_MS ? DEFAULT_MAX_EVENTS : Infinity;
}

/** Append-only list of {@link TraceEvent}s; only the newest `maxEvents` are kept. */
export class Trace {
  private list: TraceEvent[] = [];
  /** Events before this index of `list` are dropped (compacted away in batches). */
  private head = 0;
  private recorded = 0;
  private readonly listeners: Array<(e: TraceEvent) => void> = [];

  /**
   * @param now returns the current simulated ms
   * @param maxEvents keep only the newest this many events (older ones are counted in
   * {@link dropped}); listeners still see every event. Default: every event up to
   * {@link AUTO_BOUND_AFTER_MS}, the newest {@link DEFAULT_MAX_EVENTS} after it.
   */
  public constructor(private readonly now: () => number, private readonly maxEvents?: number) {
    if (maxEvents !== undefined && !(maxEvents >= 0)) throw new RangeError(`maxEvents must be a number ≥ 0, got ${maxEvents}`);
  }

  /**
   * The bound on kept events in force at simulated `atMs`: `maxEvents` when given, else none up to
   * {@link AUTO_BOUND_AFTER_MS} and {@link DEFAULT_MAX_EVENTS} after it.
   */
  public boundAt(atMs: number): number {
    return maxEventsBound(this.maxEvents, atMs);
  }

  /** Records an event at the current simulated time and returns it. */
  public record(input: TraceEventInput): TraceEvent {
    // A literal rather than `{ atMs, seq, ...input }` (one object shape, no spread copy).
    const seq = this.recorded++;
    const atMs = this.now();
    const e: TraceEvent = input.related === undefined
      ? { atMs, seq, type: input.type, object: input.object, reason: input.reason, message: input.message, source: input.source }
      : {
        atMs, seq, type: input.type, object: input.object, reason: input.reason, message: input.message,
        related: input.related, source: input.source,
      };
    const bound = maxEventsBound(this.maxEvents, atMs);
    if (bound > 0) {
      this.list.push(e);
      // A loop, not an if: the default bound starts past AUTO_BOUND_AFTER_MS with everything kept so far.
      while (this.list.length - this.head > bound) {
        this.list[this.head++] = undefined as unknown as TraceEvent;
        // Amortised O(1): compact once half of the array is dropped events.
        if (this.head > 1024 && this.head * 2 > this.list.length) this.compact();
      }
    } else {
      for (let i = this.head; i < this.list.length; i++) this.list[i] = undefined as unknown as TraceEvent;
      this.head = this.list.length;
      this.compact();
    }
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i](e);
    return e;
  }

  /**
   * The kept events, in recording order (a read-only view, not a copy): every event so far, or the
   * newest `maxEvents`.
   */
  public get events(): readonly TraceEvent[] {
    if (this.head > 0) this.compact();
    return this.list;
  }

  /** Events recorded so far, kept or not. */
  public get recordedCount(): number {
    return this.recorded;
  }

  /** Events recorded but no longer kept (the `maxEvents` option). */
  public get dropped(): number {
    return this.recorded - (this.list.length - this.head);
  }

  private compact(): void {
    this.list = this.list.slice(this.head);
    this.head = 0;
  }

  /** Events matching every given criterion. */
  public filter(q: { reason?: string; kind?: string; name?: string; namespace?: string; type?: EventType }): TraceEvent[] {
    return this.events.filter((e) => (q.reason === undefined || e.reason === q.reason)
      && (q.kind === undefined || e.object.kind === q.kind)
      && (q.name === undefined || e.object.name === q.name)
      && (q.namespace === undefined || e.object.namespace === q.namespace)
      && (q.type === undefined || e.type === q.type));
  }

  /** Calls `listener` for every event recorded from now on. */
  public onRecord(listener: (e: TraceEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Whether any `onRecord` listener is registered (they must see every event, so nothing may be skipped). */
  public get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /**
   * Counts `n` events as recorded and dropped without building them: the steady-state
   * fast-forward (fast-forward.ts) skips periods whose events the `maxEvents` bound would drop
   * anyway. Later events are numbered as if they had been recorded.
   */
  public skip(n: number): void {
    if (this.listeners.length > 0) throw new Error('cannot skip events while onRecord listeners are registered');
    this.recorded += n;
  }

  /** One JSON object per line (`{"atMs":…,"type":…,"object":…,"reason":…,"message":…}`), for golden files. */
  public toJsonLines(): string {
    const events = this.events;
    return events.map((e) => JSON.stringify({
      atMs: e.atMs, type: e.type, object: e.object, reason: e.reason, message: e.message,
      ...(e.related ? { related: e.related } : {}), source: e.source,
    })).join('\n') + (events.length ? '\n' : '');
  }
}
