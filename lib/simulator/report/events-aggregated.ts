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
  /** kind → namespace → name → the instances, in creation order (filled on a kind's first lookup). */
  private readonly byKind = new Map<string, Map<string, Map<string, SimObject[]>>>();
  public constructor(private readonly cluster: Pick<ClusterReader, 'history'>) {}
  /** The instance created at or before `atMs` and not yet removed then (else the last one created by then). */
  public at(kind: string, namespace: string, name: string, atMs: number): SimObject | undefined {
    let byNamespace = this.byKind.get(kind);
    if (byNamespace === undefined) {
      this.byKind.set(kind, (byNamespace = new Map()));
      for (const o of this.cluster.history(kind as SimKind) as readonly SimObject[]) {
        let byName = byNamespace.get(o.namespace);
        if (byName === undefined) byNamespace.set(o.namespace, (byName = new Map()));
        const list = byName.get(o.name);
        if (list) list.push(o);
        else byName.set(o.name, [o]);
      }
    }
    const list = byNamespace.get(namespace)?.get(name);
    if (list === undefined) return undefined;
    let found: SimObject | undefined;
    for (const o of list) {
      if (o.createdMs > atMs) break;
      if (o.deletedMs === null || o.deletedMs >= atMs || found === undefined || (found.deletedMs !== null && found.deletedMs < atMs)) found = o;
    }
    return found;
  }
}

type WrittenEvent = { -readonly [K in keyof AggregatedEvent]: AggregatedEvent[K] };

/** One recorder (a component on a host): its correlator and the Events it wrote, by Event name. */
interface Broadcaster {
  readonly correlator: EventCorrelator;
  readonly written: Map<string, WrittenEvent>;
}

/** Correlates the events (file comment); the Events in the order they were first written. */
export function aggregateEvents(events: readonly TraceEvent[], cluster: Pick<ClusterReader, 'history'>): AggregatedEvent[] {
  // source → host → broadcaster
  const broadcasters = new Map<string, Map<string, Broadcaster>>();
  const index = new InstanceIndex(cluster);
  const out: WrittenEvent[] = [];
  for (const e of events) {
    const obj = index.at(e.object.kind, e.object.namespace, e.object.name, e.atMs);
    const host = e.source !== 'kubelet' ? '' : e.object.kind === 'Node' ? e.object.name : ((obj as { nodeName?: string | null } | undefined)?.nodeName ?? '');
    let byHost = broadcasters.get(e.source);
    if (!byHost) broadcasters.set(e.source, (byHost = new Map()));
    let b = byHost.get(host);
    if (!b) byHost.set(host, (b = { correlator: new EventCorrelator(), written: new Map() }));
    const r = b.correlator.correlate({
      atMs: e.atMs, source: e.source, host, kind: e.object.kind, namespace: e.object.namespace, name: e.object.name, uid: obj?.uid ?? '',
      type: e.type, reason: e.reason, message: e.message, object: obj,
    });
    if (!r) continue;
    // count > 1: recordToSink patches the existing Event (or creates it when it was never written);
    // count 1 is a new name, never written
    const prev = r.count > 1 ? b.written.get(r.name) : undefined;
    if (prev) {
      prev.count = r.count;
      prev.lastMs = r.lastMs;
      prev.message = r.message;
    } else {
      const w: WrittenEvent = { count: r.count, firstMs: r.firstMs, lastMs: r.lastMs, message: r.message, reason: e.reason, type: e.type, object: { kind: e.object.kind, namespace: e.object.namespace, name: e.object.name }, source: e.source };
      b.written.set(r.name, w);
      out.push(w);
    }
  }
  return out;
}

/** The JSON entries (times as RFC 3339 from `startEpochMs`). */
export function aggregatedEventsJson(list: readonly AggregatedEvent[], startEpochMs: number): ReportAggregatedEvent[] {
  return list.map((a) => ({
    count: a.count, firstTimestamp: formatInstant(startEpochMs + a.firstMs), lastTimestamp: formatInstant(startEpochMs + a.lastMs),
    message: a.message, reason: a.reason, type: a.type, object: a.object, source: a.source,
  }));
}
