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
  /**
   * The involved object's identity, if the caller has one (the simulator passes the instance):
   * inputs with the same kind, namespace, name and uid must all have the same `object`, or all
   * none. Only speeds up the lookups.
   * @default - the object is known by its kind, namespace, name and uid
   * @internal
   */
  readonly object?: object;
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

/**
 * A node of an {@link Lru}'s recency list. The caches' records are nodes, and each is found from
 * the involved object's record: client-go's keys all start with the object (after the
 * correlator's own source and host), so no lookup hashes a long key string.
 */
interface LruNode {
  /** The next older node. */
  older: LruNode | undefined;
  /** The next newer node. */
  newer: LruNode | undefined;
  /** Where the node is found; `forget` on eviction. */
  readonly owner: { forget(node: LruNode): void };
}

/**
 * groupcache `lru.Cache`'s recency order and size: Get and Add make an entry the most recent
 * (`touch`); Add of a new entry beyond the size evicts the oldest. A doubly linked list, as
 * groupcache's `container/list`.
 */
class Lru {
  private count = 0;
  private oldest: LruNode | undefined;
  private newest: LruNode | undefined;
  public constructor(private readonly size: number) {}
  /** Adds a node not in the cache as the most recent. */
  public insert(node: LruNode): void {
    node.older = this.newest;
    node.newer = undefined;
    if (this.newest !== undefined) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
    if (++this.count > this.size) {
      const gone = this.oldest!;
      this.oldest = gone.newer;
      if (this.oldest !== undefined) this.oldest.older = undefined;
      else this.newest = undefined;
      this.count--;
      gone.owner.forget(gone);
    }
  }
  /** Makes `node` the most recent. */
  public touch(node: LruNode): void {
    if (node === this.newest) return;
    // node is not the newest, so it has a newer neighbour
    node.newer!.older = node.older;
    if (node.older !== undefined) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.older = this.newest;
    node.newer = undefined;
    this.newest!.newer = node;
    this.newest = node;
  }
}

/**
 * The involved object (kind, namespace, name, uid) with its spam cache entry (getSpamKey: source,
 * host, kind, namespace, name, uid) and the (type, reason) groups of its events.
 */
class ObjectRecord {
  public spam: Bucket | undefined;
  /** Few: an object's events have a handful of reasons. */
  public readonly groups: Group[] = [];
  public forget(): void {
    this.spam = undefined;
  }
}

/**
 * The events of one object with one type and reason: the aggregate cache's entry
 * (EventAggregatorByReasonFunc's key: source, host, kind, namespace, name, uid, type, reason), the
 * logs cache's entry under that key (an aggregate's), and the logs cache's getEventKey entries
 * (the same and the message) by message: a map once there are two (most groups only ever have one).
 */
class Group {
  public aggregate: AggregateRecord | undefined;
  public aggregateLog: EventLog | undefined;
  private only: EventLog | undefined;
  private more: Map<string, EventLog> | undefined;
  public constructor(public readonly type: string, public readonly reason: string) {}
  /** The getEventKey entry of `message`. */
  public log(message: string): EventLog | undefined {
    if (this.more !== undefined) return this.more.get(message);
    return this.only !== undefined && this.only.message === message ? this.only : undefined;
  }
  /** Adds the getEventKey entry of `log.message` (none yet). */
  public addLog(log: EventLog): void {
    if (this.more !== undefined) this.more.set(log.message, log);
    else if (this.only === undefined) this.only = log;
    else {
      this.more = new Map([[this.only.message, this.only], [log.message, log]]);
      this.only = undefined;
    }
  }
  public forget(node: LruNode): void {
    if (node === this.aggregate) this.aggregate = undefined;
    else if (node === this.aggregateLog) this.aggregateLog = undefined;
    else {
      const log = node as EventLog;
      if (this.more !== undefined) this.more.delete(log.message);
      else if (this.only === log) this.only = undefined;
    }
  }
}

/**
 * An aggregate record: the group's distinct messages (sets.String localKeys), oldest first —
 * `only` while there is at most one (most groups only ever have one), then the set `more` — and
 * when the group last had an event.
 */
interface AggregateRecord extends LruNode { only: string | undefined; more: Set<string> | undefined; lastMs: number }
/** A logs cache entry: the last Event observed under its key (`message` is the key's, for getEventKey entries). */
interface EventLog extends LruNode { event: CorrelatedEvent; readonly message: string }
interface Bucket extends LruNode { tokens: number; lastMs: number }

/** One recorder's correlator (each controller, the scheduler and each kubelet has its own broadcaster). */
export class EventCorrelator {
  private readonly maxEvents: number;
  private readonly maxIntervalMs: number;
  private readonly burst: number;
  private readonly qps: number;
  private readonly aggregates: Lru;
  private readonly logs: Lru;
  private readonly spam: Lru;
  /** The object records by the inputs' `object`, or `kind NUL namespace NUL name NUL uid` for inputs without. */
  private readonly objects = new Map<object | string, ObjectRecord>();
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
    const object = this.objectRecord(e);
    const group = groupOf(object, e.type, e.reason);
    const message = this.aggregate(e, group);
    const aggregated = message !== e.message;
    // eventObserve's key: getEventKey, or the aggregate's key (the group's) for an aggregate
    const observed = this.observe(e, message, group, aggregated);
    if (this.filter(e, object)) return undefined;
    // recordToSink → UpdateState: the written Event is remembered under its own getEventKey too.
    // Unless aggregated that is the key observe has just added with this event (a no-op).
    if (aggregated) {
      const log = group.log(observed.message);
      if (log !== undefined) {
        log.event = observed;
        this.logs.touch(log);
      } else this.insertLog(group, { event: observed, message: observed.message, older: undefined, newer: undefined, owner: group }, false);
    }
    return observed;
  }

  private objectRecord(e: CorrelatorInput): ObjectRecord {
    const key = e.object ?? `${e.kind}\u0000${e.namespace}\u0000${e.name}\u0000${e.uid}`;
    let record = this.objects.get(key);
    if (record === undefined) this.objects.set(key, (record = new ObjectRecord()));
    return record;
  }

  /** `EventAggregator.EventAggregate`: the message to write (another than the event's for the group's aggregate). */
  private aggregate(e: CorrelatorInput, group: Group): string {
    let record = group.aggregate;
    if (record !== undefined) this.aggregates.touch(record);
    // "Is the previous record too old? If so, make a fresh one." (interval > maxInterval). The
    // record is refreshed in place; adding back the record Get returned would only make it the
    // most recent, which Get did.
    if (record === undefined) {
      record = { only: undefined, more: undefined, lastMs: e.atMs, older: undefined, newer: undefined, owner: group };
      group.aggregate = record;
      this.aggregates.insert(record);
    } else if (e.atMs - record.lastMs > this.maxIntervalMs) {
      record.only = undefined;
      record.more = undefined;
    }
    // localKeys.Insert(localKey)
    if (record.more !== undefined) record.more.add(e.message);
    else if (record.only === undefined) record.only = e.message;
    else if (record.only !== e.message) {
      record.more = new Set([record.only, e.message]);
      record.only = undefined;
    }
    record.lastMs = e.atMs;
    const size = record.more !== undefined ? record.more.size : record.only !== undefined ? 1 : 0;
    if (size < this.maxEvents) return e.message;
    // "do not grow our local key set any larger than max" — PopAny; the oldest here (file comment)
    if (record.more !== undefined) record.more.delete(record.more.values().next().value!);
    else record.only = undefined;
    return `(combined from similar events): ${e.message}`;
  }

  /** `eventLogger.eventObserve` under the group's getEventKey for `message`, or its aggregate key. */
  private observe(e: CorrelatorInput, message: string, group: Group, aggregated: boolean): CorrelatedEvent {
    const log = aggregated ? group.aggregateLog : group.log(message);
    if (log !== undefined) this.logs.touch(log);
    const last = log?.event;
    const event: CorrelatedEvent = last !== undefined && last.count > 0
      ? { name: last.name, count: last.count + 1, firstMs: last.firstMs, lastMs: e.atMs, message }
      : { name: `${e.name}.${(this.names++).toString(16)}`, count: 1, firstMs: e.atMs, lastMs: e.atMs, message };
    if (log !== undefined) log.event = event;
    else this.insertLog(group, { event, message, older: undefined, newer: undefined, owner: group }, aggregated);
    return event;
  }

  private insertLog(group: Group, log: EventLog, aggregate: boolean): void {
    if (aggregate) group.aggregateLog = log;
    else group.addLog(log);
    this.logs.insert(log);
  }

  /**
   * `EventSourceObjectSpamFilter.Filter` with `flowcontrol.NewTokenBucketRateLimiter` (x/time/rate
   * `AllowN(now, 1)`): the bucket starts full; tokens refill at `qps` up to `burst`.
   */
  private filter(e: CorrelatorInput, object: ObjectRecord): boolean {
    // (The bucket is changed in place: Add of the bucket Get returned only makes it the most recent, which Get did.)
    let b = object.spam;
    if (b !== undefined) this.spam.touch(b);
    else {
      b = { tokens: this.burst, lastMs: e.atMs, older: undefined, newer: undefined, owner: object };
      object.spam = b;
      this.spam.insert(b);
    }
    const tokens = Math.min(this.burst, b.tokens + (Math.max(0, e.atMs - b.lastMs) / 1000) * this.qps);
    const allowed = tokens >= 1;
    // x/time/rate reserveN updates the limiter only when the reservation succeeds
    if (allowed) {
      b.tokens = tokens - 1;
      b.lastMs = e.atMs;
    }
    return !allowed;
  }
}

function groupOf(object: ObjectRecord, type: string, reason: string): Group {
  for (const g of object.groups) if (g.type === type && g.reason === reason) return g;
  const group = new Group(type, reason);
  object.groups.push(group);
  return group;
}
