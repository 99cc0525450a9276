/**
 * Report v2 `eventsAggregated`: the run's events as the API server would hold them after each
 * component's event recorder correlated them (event-correlator.ts) — what `kubectl get events`
 * lists. The plain `events` list stays as it was (one entry per recorded event).
 *
 * Each component (a controller, the scheduler, each node's kubelet) has its own broadcaster and
 * so its own correlator. The involved object's UID — part of every key — is the instance of that
 * kind/namespace/name that existed when the event was recorded (a StatefulSet pod recreated under
 * the same name is a new object, as in a cluster). Only the kept events are correlated (`maxEvents`).
 */
import { formatInstant } from '../engine/clock';
import type { SimKind } from '../cluster/object-meta';
import type { SimObject } from '../cluster/objects';
import type { ClusterReader } from '../cluster/store-types';
import type { TraceEvent } from '../engine/trace';
import { EventCorrelator } from './event-correlator';

/** One Event object after correlation, in simulated ms. */
export interface AggregatedEvent {
  /** `count`. */
  readonly count: number;
  /** `firstTimestamp`, simulated ms. */
  readonly firstMs: number;
  /** `lastTimestamp`, simulated ms. */
  readonly lastMs: number;
  /** The last written message (`(combined from similar events): …` for an aggregate). */
  readonly message: string;
  /** Reason. */
  readonly reason: string;
  /** `Normal` or `Warning`. */
  readonly type: 'Normal' | 'Warning';
  /** The involved object. */
  readonly object: { readonly kind: string; readonly namespace: string; readonly name: string };
  /** `source.component`. */
  readonly source: string;
}

/** One `eventsAggregated` entry of the JSON report. */
export interface ReportAggregatedEvent {
  /** How many recorded events this Event stands for (as the API server's `count`). */
  readonly count: number;
  /** First occurrence, RFC 3339 UTC. */
  readonly firstTimestamp: string;
  /** Last occurrence, RFC 3339 UTC. */
  readonly lastTimestamp: string;
  /** The last message. */
  readonly message: string;
  /** Reason. */
  readonly reason: string;
  /** `Normal` or `Warning`. */
  readonly type: 'Normal' | 'Warning';
  /** The involved object. */
  readonly object: { readonly kind: string; readonly namespace: string; readonly name: string };
  /** The component that recorded it (`statefulset-controller`, `kubelet`, …). */
  readonly source: string;
}

/** Finds the instance an event was about (its uid and, for pods, the node whose kubelet reported). */
class InstanceIndex {
  private readonly kinds = new Set<string>();
  private readonly byName = new Map<string, SimObject[]>();
  public constructor(private readonly cluster: Pick<ClusterReader, 'history'>) {}
  /** The instance created at or before `atMs` and not yet removed then (else the last one created by then). */
  public at(kind: string, namespace: string, name: string, atMs: number): SimObject | undefined {
    if (!this.kinds.has(kind)) {
      this.kinds.add(kind);
      for (const o of this.cluster.history(kind as SimKind) as readonly SimObject[]) {
        const k = `${kind}\u0000${o.namespace}\u0000${o.name}`;
        const list = this.byName.get(k);
        if (list) list.push(o);
        else this.byName.set(k, [o]);
      }
    }
    let found: SimObject | undefined;
    for (const o of this.byName.get(`${kind}\u0000${namespace}\u0000${name}`) ?? []) {
      if (o.createdMs > atMs) break;
      if (o.deletedMs === null || o.deletedMs >= atMs || found === undefined || (found.deletedMs !== null && found.deletedMs < atMs)) found = o;
    }
    return found;
  }
}

/** Correlates the events (file comment); the Events in the order they were first written. */
export function aggregateEvents(events: readonly TraceEvent[], cluster: Pick<ClusterReader, 'history'>): AggregatedEvent[] {
  const correlators = new Map<string, EventCorrelator>();
  const index = new InstanceIndex(cluster);
  const written = new Map<string, { -readonly [K in keyof AggregatedEvent]: AggregatedEvent[K] }>();
  for (const e of events) {
    const obj = index.at(e.object.kind, e.object.namespace, e.object.name, e.atMs);
    const host = e.source !== 'kubelet' ? '' : e.object.kind === 'Node' ? e.object.name : ((obj as { nodeName?: string | null } | undefined)?.nodeName ?? '');
    const cKey = `${e.source}\u0000${host}`;
    let c = correlators.get(cKey);
    if (!c) correlators.set(cKey, (c = new EventCorrelator()));
    const r = c.correlate({
      atMs: e.atMs, source: e.source, host, kind: e.object.kind, namespace: e.object.namespace, name: e.object.name, uid: obj?.uid ?? '',
      type: e.type, reason: e.reason, message: e.message,
    });
    if (!r) continue;
    const name = `${cKey}\u0000${r.name}`;
    const prev = written.get(name);
    // count > 1: recordToSink patches the existing Event (or creates it when it was never written)
    if (prev) Object.assign(prev, { count: r.count, lastMs: r.lastMs, message: r.message });
    else written.set(name, { count: r.count, firstMs: r.firstMs, lastMs: r.lastMs, message: r.message, reason: e.reason, type: e.type, object: { kind: e.object.kind, namespace: e.object.namespace, name: e.object.name }, source: e.source });
  }
  return [...written.values()];
}

/** The JSON entries (times as RFC 3339 from `startEpochMs`). */
export function aggregatedEventsJson(list: readonly AggregatedEvent[], startEpochMs: number): ReportAggregatedEvent[] {
  return list.map((a) => ({
    count: a.count, firstTimestamp: formatInstant(startEpochMs + a.firstMs), lastTimestamp: formatInstant(startEpochMs + a.lastMs),
    message: a.message, reason: a.reason, type: a.type, object: a.object, source: a.source,
  }));
}
