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
   * inputs with the same `object` must have the same kind, namespace, name and uid. Only speeds
   * up the lookups.
   * @default - the object is known by its kind, namespace, name and uid
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
 * The involved object (kind, namespace, name, uid) — every cache key starts with it, after the
 * correlator's own source and host — with the (type, reason) groups of its events.
 */
interface ObjectRecord {
  /** Few: an object's events have a handful of reasons. */
  readonly groups: Group[];
}

/** Where an {@link Lru} finds its entries: a map, or {@link Group}'s message map. */
interface LruHome<K, V> {
  get(key: K): LruEntry<V> | undefined;
  set(key: K, entry: LruEntry<V>): unknown;
  delete(key: K): unknown;
}

/** An entry of an {@link Lru}: its value, its neighbours in recency order, and the map that finds it. */
interface LruEntry<V> {
  readonly home: LruHome<unknown, V>;
  readonly key: unknown;
  value: V;
  /** The next older entry. */
  older: LruEntry<V> | undefined;
  /** The next newer entry. */
  newer: LruEntry<V> | undefined;
}

/**
 * The events of one object with one type and reason (`EventAggregatorByReasonFunc`'s key), and the
 * logs cache's getEventKey entries of the group by message: a map once there are two (most groups
 * only ever have one message).
 */
class Group implements LruHome<string, EventLog> {
  private onlyKey: string | undefined;
  private only: LruEntry<EventLog> | undefined;
  private more: Map<string, LruEntry<EventLog>> | undefined;
  public constructor(public readonly type: string, public readonly reason: string) {}
  public get(key: string): LruEntry<EventLog> | undefined {
    if (this.more !== undefined) return this.more.get(key);
    return this.onlyKey === key ? this.only : undefined;
  }
  public set(key: string, entry: LruEntry<EventLog>): void {
    if (this.more !== undefined) this.more.set(key, entry);
    else if (this.only === undefined || this.onlyKey === key) {
      this.onlyKey = key;
      this.only = entry;
    } else {
      this.more = new Map([[this.onlyKey!, this.only], [key, entry]]);
      this.onlyKey = undefined;
      this.only = undefined;
    }
  }
  public delete(key: string): void {
    if (this.more !== undefined) this.more.delete(key);
    else if (this.onlyKey === key) {
      this.onlyKey = undefined;
      this.only = undefined;
    }
  }
}

/**
 * groupcache `lru.Cache`: Get and Add make an entry the most recent; Add beyond the size evicts
 * the oldest. The recency order is a doubly linked list (as groupcache's `container/list`). A key
 * is a map and a key in it: client-go's keys are strings that start with the involved object, so
 * the maps are keyed by the object's or group's record ({@link ObjectRecord}, {@link Group}) and
 * looking an entry up hashes no long string; the size counts the entries of every map.
 */
class Lru<V> {
  private count = 0;
  private oldest: LruEntry<V> | undefined;
  private newest: LruEntry<V> | undefined;
  public constructor(private readonly size: number) {}
  /** Get: the entry (made the most recent), if any. */
  public find<K>(home: LruHome<K, V>, key: K): LruEntry<V> | undefined {
    const e = home.get(key);
    if (e !== undefined) this.touch(e);
    return e;
  }
  public get<K>(home: LruHome<K, V>, key: K): V | undefined {
    return this.find(home, key)?.value;
  }
  public add<K>(home: LruHome<K, V>, key: K, value: V): void {
    const e = this.find(home, key);
    if (e !== undefined) e.value = value;
    else this.insert(home, key, value);
  }
  /** Add of a key not in the cache. */
  public insert<K>(home: LruHome<K, V>, key: K, value: V): void {
    const added: LruEntry<V> = { home: home as LruHome<unknown, V>, key, value, older: this.newest, newer: undefined };
    if (this.newest !== undefined) this.newest.newer = added;
    else this.oldest = added;
    this.newest = added;
    home.set(key, added);
    if (++this.count > this.size) {
      const gone = this.oldest!;
      this.oldest = gone.newer;
      this.oldest!.older = undefined;
      gone.home.delete(gone.key);
      this.count--;
    }
  }
  /** Moves `e` to the newest end. */
  private touch(e: LruEntry<V>): void {
    if (e === this.newest) return;
    // e is not the newest, so it has a newer neighbour
    e.newer!.older = e.older;
    if (e.older !== undefined) e.older.newer = e.newer;
    else this.oldest = e.newer;
    e.older = this.newest;
    e.newer = undefined;
    this.newest!.newer = e;
    this.newest = e;
  }
}

/**
 * An aggregate record: the group's distinct messages (sets.String localKeys), oldest first, and
 * when the group last had an event. The messages are an array: at most `maxEvents` (10), and
 * most groups only ever have one.
 */
interface AggregateRecord { localKeys: string[]; lastMs: number }
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
  /** The object records by `kind NUL namespace NUL name NUL uid`, and by the inputs' `object`. */
  private readonly objectsByKey = new Map<string, ObjectRecord>();
  private readonly objects = new Map<object, ObjectRecord>();
  /** The spam cache (getSpamKey: source, host, kind, namespace, name, uid): per object. */
  private readonly spamHome = new Map<ObjectRecord, LruEntry<Bucket>>();
  /** The aggregate cache (EventAggregatorByReasonFunc: source, host, kind, namespace, name, uid, type, reason): per group. */
  private readonly aggregateHome = new Map<Group, LruEntry<AggregateRecord>>();
  /** The logs cache's entries under an aggregate's key (the group's); getEventKey entries are in the {@link Group}. */
  private readonly aggregateLogHome = new Map<Group, LruEntry<EventLog>>();
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
    const observed = aggregated ? this.observe(e, message, this.aggregateLogHome, group) : this.observe(e, message, group, message);
    if (this.filter(e, object)) return undefined;
    // recordToSink → UpdateState: the written Event is remembered under its own getEventKey too.
    // Unless aggregated that is the key observe has just added with these values (a no-op).
    if (aggregated) this.logs.add(group, observed.message, observed);
    return observed;
  }

  private objectRecord(e: CorrelatorInput): ObjectRecord {
    let record = e.object !== undefined ? this.objects.get(e.object) : undefined;
    if (record !== undefined) return record;
    const key = `${e.kind}\u0000${e.namespace}\u0000${e.name}\u0000${e.uid}`;
    record = this.objectsByKey.get(key);
    if (record === undefined) this.objectsByKey.set(key, (record = { groups: [] }));
    if (e.object !== undefined) this.objects.set(e.object, record);
    return record;
  }

  /** `EventAggregator.EventAggregate`: the message to write (another than the event's for the group's aggregate). */
  private aggregate(e: CorrelatorInput, group: Group): string {
    const entry = this.aggregates.find(this.aggregateHome, group);
    let record = entry?.value;
    // "Is the previous record too old? If so, make a fresh one." (interval > maxInterval). Adding
    // back the record Get returned would only make it the most recent, which Get did.
    if (record === undefined || e.atMs - record.lastMs > this.maxIntervalMs) {
      record = { localKeys: [], lastMs: e.atMs };
      if (entry !== undefined) entry.value = record;
      else this.aggregates.insert(this.aggregateHome, group, record);
    }
    if (!record.localKeys.includes(e.message)) record.localKeys.push(e.message);
    record.lastMs = e.atMs;
    if (record.localKeys.length < this.maxEvents) return e.message;
    // "do not grow our local key set any larger than max" — PopAny; the oldest here (file comment)
    record.localKeys.shift();
    return `(combined from similar events): ${e.message}`;
  }

  /**
   * `eventLogger.eventObserve`, the key being `key` in `home`. The cache keeps the returned event
   * itself as the log (count, firstMs and name; it is never changed).
   */
  private observe<K>(e: CorrelatorInput, message: string, home: LruHome<K, EventLog>, key: K): CorrelatedEvent {
    const entry = this.logs.find(home, key);
    const last = entry?.value;
    const event: CorrelatedEvent = last !== undefined && last.count > 0
      ? { name: last.name, count: last.count + 1, firstMs: last.firstMs, lastMs: e.atMs, message }
      : { name: `${e.name}.${(this.names++).toString(16)}`, count: 1, firstMs: e.atMs, lastMs: e.atMs, message };
    if (entry !== undefined) entry.value = event;
    else this.logs.insert(home, key, event);
    return event;
  }

  /**
   * `EventSourceObjectSpamFilter.Filter` with `flowcontrol.NewTokenBucketRateLimiter` (x/time/rate
   * `AllowN(now, 1)`): the bucket starts full; tokens refill at `qps` up to `burst`.
   */
  private filter(e: CorrelatorInput, object: ObjectRecord): boolean {
    // (The bucket is changed in place: Add of the bucket Get returned only makes it the most recent, which Get did.)
    let b = this.spam.get(this.spamHome, object);
    if (b === undefined) this.spam.insert(this.spamHome, object, (b = { tokens: this.burst, lastMs: e.atMs }));
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
