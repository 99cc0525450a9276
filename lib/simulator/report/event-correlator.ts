/**
 * client-go's event correlator, ported from `k8s.io/client-go/tools/record/events_cache.go`
 * (`EventCorrelator.EventCorrelate`): what an `EventRecorder` does to each event before it
 * reaches the API server, so that the report can show events as `kubectl get events` lists them.
 *
 * 1. `EventAggregator.EventAggregate`: events alike but for the message (same source, object,
 *    type, reason — `EventAggregatorByReasonFunc`) are grouped; once 10 different messages
 *    (`defaultAggregateMaxEvents`) arrived with no gap over 600 s
 *    (`defaultAggregateIntervalInSeconds`), the event becomes the group's aggregate:
 *    `(combined from similar events): <message>` (`EventAggregatorByReasonMessageFunc`).
 * 2. `eventLogger.eventObserve`: an event identical to an earlier one (`getEventKey`, message
 *    included; for aggregates the group key) updates that Event — count + 1, firstTimestamp kept,
 *    lastTimestamp and message the new ones — instead of creating one.
 * 3. `EventSourceObjectSpamFilter.Filter`: per source + object (`getSpamKey`) a token bucket of
 *    burst 25 refilled at 1/300 per second (`defaultSpamBurst`, `defaultSpamQPS`, float32 as in
 *    Go); an event without a token is dropped — after step 2 counted it, so the next write jumps.
 * Every cache is an LRU of 4096 entries (`maxLruCacheEntries`, groupcache `lru.Cache`).
 *
 * One deliberate difference: Go's `sets.String.PopAny` (used once the group holds 10 messages)
 * removes an arbitrary message — map order is random; here it removes the oldest inserted one,
 * so the output is deterministic.
 */

/** The fields of an event the correlator reads (v1.Event: source, involvedObject, type, reason, message). */
export interface CorrelatorInput {
  /** Simulated ms (the recorder's clock at `Eventf`). */
  readonly atMs: number;
  /** `Source.Component`. */
  readonly source: string;
  /** `Source.Host` (the kubelet's node), `''` for controllers. */
  readonly host: string;
  /** `InvolvedObject.Kind`. */
  readonly kind: string;
  /** `InvolvedObject.Namespace`. */
  readonly namespace: string;
  /** `InvolvedObject.Name`. */
  readonly name: string;
  /** `InvolvedObject.UID`. */
  readonly uid: string;
  /** `Normal` or `Warning`. */
  readonly type: string;
  /** Reason. */
  readonly reason: string;
  /** Message. */
  readonly message: string;
}

/** The Event the correlator writes: a new one (`count` 1) or an update of `name`. */
export interface CorrelatedEvent {
  /** The Event object's name (a new name for each created Event, the earlier one's for updates). */
  readonly name: string;
  /** `count`. */
  readonly count: number;
  /** `firstTimestamp`, simulated ms. */
  readonly firstMs: number;
  /** `lastTimestamp`, simulated ms. */
  readonly lastMs: number;
  /** Message (prefixed for aggregates). */
  readonly message: string;
}

/** Tunables, with client-go's defaults (`NewEventCorrelator`). */
export interface CorrelatorOptions {
  /** `MaxEvents`. @default 10 */
  readonly maxEvents?: number;
  /** `MaxIntervalInSeconds`, as ms. @default 600000 */
  readonly maxIntervalMs?: number;
  /** `BurstSize`. @default 25 */
  readonly burst?: number;
  /** `QPS`, tokens per second. @default float32(1/300) */
  readonly qps?: number;
  /** `LRUCacheSize`. @default 4096 */
  readonly lruSize?: number;
}

/** groupcache `lru.Cache`: Get and Add make an entry the most recent; Add beyond the size evicts the oldest. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  public constructor(private readonly size: number) {}
  public get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  public add(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

/** getEventKey: source, host, kind, namespace, name, fieldPath (none here), uid, (apiVersion), type, reason, message. */
function eventKey(e: CorrelatorInput, message: string): string {
  return [e.source, e.host, e.kind, e.namespace, e.name, '', e.uid, e.type, e.reason, message].join('\u0000');
}

interface AggregateRecord { localKeys: Set<string>; lastMs: number }
interface EventLog { count: number; firstMs: number; name: string }
interface Bucket { tokens: number; lastMs: number }

/** One recorder's correlator (each controller, the scheduler and each kubelet has its own broadcaster). */
export class EventCorrelator {
  private readonly maxEvents: number;
  private readonly maxIntervalMs: number;
  private readonly burst: number;
  private readonly qps: number;
  private readonly aggregates: Lru<AggregateRecord>;
  private readonly logs: Lru<EventLog>;
  private readonly spam: Lru<Bucket>;
  private names = 0;

  /** @param options see {@link CorrelatorOptions} */
  public constructor(options: CorrelatorOptions = {}) {
    this.maxEvents = options.maxEvents ?? 10;
    this.maxIntervalMs = options.maxIntervalMs ?? 600_000;
    this.burst = options.burst ?? 25;
    this.qps = options.qps ?? Math.fround(1 / 300);
    const size = options.lruSize ?? 4096;
    this.aggregates = new Lru(size);
    this.logs = new Lru(size);
    this.spam = new Lru(size);
  }

  /** `EventCorrelate`: the Event to write, or undefined when the spam filter drops it (`Skip`). */
  public correlate(e: CorrelatorInput): CorrelatedEvent | undefined {
    const { message, key } = this.aggregate(e);
    const observed = this.observe(e, message, key);
    if (this.filter(e)) return undefined;
    // recordToSink → UpdateState: the written Event is remembered under its own getEventKey too
    this.logs.add(eventKey(e, observed.message), { count: observed.count, firstMs: observed.firstMs, name: observed.name });
    return observed;
  }

  /** `EventAggregator.EventAggregate`. */
  private aggregate(e: CorrelatorInput): { message: string; key: string } {
    const fullKey = eventKey(e, e.message);
    // EventAggregatorByReasonFunc: the same without the message (local key: the message)
    const aggregateKey = [e.source, e.host, e.kind, e.namespace, e.name, e.uid, e.type, e.reason].join('\u0000');
    let record = this.aggregates.get(aggregateKey);
    // "Is the previous record too old? If so, make a fresh one." (interval > maxInterval)
    if (record === undefined || e.atMs - record.lastMs > this.maxIntervalMs) record = { localKeys: new Set(), lastMs: e.atMs };
    record.localKeys.add(e.message);
    record.lastMs = e.atMs;
    this.aggregates.add(aggregateKey, record);
    if (record.localKeys.size < this.maxEvents) return { message: e.message, key: fullKey };
    // "do not grow our local key set any larger than max" — PopAny; the oldest here (file comment)
    record.localKeys.delete(record.localKeys.values().next().value!);
    return { message: `(combined from similar events): ${e.message}`, key: aggregateKey };
  }

  /** `eventLogger.eventObserve`. */
  private observe(e: CorrelatorInput, message: string, key: string): CorrelatedEvent {
    const last = this.logs.get(key);
    const event: CorrelatedEvent = last !== undefined && last.count > 0
      ? { name: last.name, count: last.count + 1, firstMs: last.firstMs, lastMs: e.atMs, message }
      : { name: `${e.name}.${(this.names++).toString(16)}`, count: 1, firstMs: e.atMs, lastMs: e.atMs, message };
    this.logs.add(key, { count: event.count, firstMs: event.firstMs, name: event.name });
    return event;
  }

  /**
   * `EventSourceObjectSpamFilter.Filter` with `flowcontrol.NewTokenBucketRateLimiter` (x/time/rate
   * `AllowN(now, 1)`): the bucket starts full; tokens refill at `qps` up to `burst`.
   */
  private filter(e: CorrelatorInput): boolean {
    // getSpamKey: source, host, kind, namespace, name, uid, (apiVersion)
    const key = [e.source, e.host, e.kind, e.namespace, e.name, e.uid].join('\u0000');
    let b = this.spam.get(key);
    if (b === undefined) b = { tokens: this.burst, lastMs: e.atMs };
    const tokens = Math.min(this.burst, b.tokens + (Math.max(0, e.atMs - b.lastMs) / 1000) * this.qps);
    const allowed = tokens >= 1;
    // x/time/rate reserveN updates the limiter only when the reservation succeeds
    if (allowed) b = { tokens: tokens - 1, lastMs: e.atMs };
    this.spam.add(key, b);
    return !allowed;
  }
}
