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

/** Append-only list of {@link TraceEvent}s. */
export class Trace {
  private readonly list: TraceEvent[] = [];
  private readonly listeners: Array<(e: TraceEvent) => void> = [];

  /**
   * @param now returns the current simulated ms
   */
  public constructor(private readonly now: () => number) {}

  /** Records an event at the current simulated time and returns it. */
  public record(input: TraceEventInput): TraceEvent {
    // A literal rather than `{ atMs, seq, ...input }` (one object shape, no spread copy).
    const e: TraceEvent = input.related === undefined
      ? { atMs: this.now(), seq: this.list.length, type: input.type, object: input.object, reason: input.reason, message: input.message, source: input.source }
      : {
        atMs: this.now(), seq: this.list.length, type: input.type, object: input.object, reason: input.reason, message: input.message,
        related: input.related, source: input.source,
      };
    this.list.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  /** Every event so far, in recording order (a read-only view, not a copy). */
  public get events(): readonly TraceEvent[] {
    return this.list;
  }

  /** Events matching every given criterion. */
  public filter(q: { reason?: string; kind?: string; name?: string; namespace?: string; type?: EventType }): TraceEvent[] {
    return this.list.filter((e) => (q.reason === undefined || e.reason === q.reason)
      && (q.kind === undefined || e.object.kind === q.kind)
      && (q.name === undefined || e.object.name === q.name)
      && (q.namespace === undefined || e.object.namespace === q.namespace)
      && (q.type === undefined || e.type === q.type));
  }

  /** Calls `listener` for every event recorded from now on. */
  public onRecord(listener: (e: TraceEvent) => void): void {
    this.listeners.push(listener);
  }

  /** One JSON object per line (`{"atMs":…,"type":…,"object":…,"reason":…,"message":…}`), for golden files. */
  public toJsonLines(): string {
    return this.list.map((e) => JSON.stringify({
      atMs: e.atMs, type: e.type, object: e.object, reason: e.reason, message: e.message,
      ...(e.related ? { related: e.related } : {}), source: e.source,
    })).join('\n') + (this.list.length ? '\n' : '');
  }
}
