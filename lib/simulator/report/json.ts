/**
 * The `--format json` report, exactly as DESIGN.md "JSON output" specifies: start, end, seed,
 * events, pods, persistentVolumeClaims, jobs, dns. Report v2 (`version: 2`, opt-in, so that v1
 * readers and exact-shape checks see no change) appends, after those and never changing them:
 * each claim's `statusHistory`, `workloads`, `notices` (workloads.ts), `eventsAggregated`. Times are RFC 3339 UTC (`null` when the thing
 * did not happen); lists hold every object instance that existed during the run, in creation
 * order.
 */
import { formatInstant } from '../engine/clock';
import { controllerOf } from '../cluster/object-meta';
import { podImage } from '../cluster/pod-object';
import type { ClusterReader } from '../cluster/store-types';
import type { ClusterDns } from '../cluster/dns';
import type { TraceEvent } from '../engine/trace';
import type { ReportRecorder } from './recorder';
import { aggregatedEventsJson, aggregateEvents, ReportAggregatedEvent } from './events-aggregated';
import { buildNotices, buildWorkloads, claimStatusHistory, OverTimeInput, ReportClaimStatus, ReportNotice, ReportWorkload } from './workloads';

/** `{kind, namespace, name}` of an event's object. */
export interface ReportObjectRef {
  /** Kind. */
  readonly kind: string;
  /** Namespace (`''` for nodes). */
  readonly namespace: string;
  /** Name. */
  readonly name: string;
}

/** `{kind, name}` of an owner or related object. */
export interface ReportOwnerRef {
  /** Kind. */
  readonly kind: string;
  /** Name. */
  readonly name: string;
}

/** One event (`kubectl get events`). */
export interface ReportEvent {
  /** When, RFC 3339 UTC. */
  readonly time: string;
  /** `Normal` or `Warning`. */
  readonly type: 'Normal' | 'Warning';
  /** The object the event is about. */
  readonly object: ReportObjectRef;
  /** CamelCase reason as the real component records it. */
  readonly reason: string;
  /** Message. */
  readonly message: string;
  /** A second object the event mentions (absent when none). */
  readonly related?: ReportOwnerRef;
}

/** One pod instance. */
export interface ReportPod {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Node, or null while unscheduled. */
  readonly node: string | null;
  /** Pod IP, or null. */
  readonly ip: string | null;
  /** First container's image. */
  readonly image: string;
  /** Phase at the end (or when deleted). */
  readonly phase: string;
  /** Ready at the end (or when deleted). */
  readonly ready: boolean;
  /** Container restarts. */
  readonly restarts: number;
  /** Controller owner, or null. */
  readonly owner: ReportOwnerRef | null;
  /** Created. */
  readonly created: string;
  /** Container start. */
  readonly started: string | null;
  /** First time Ready. */
  readonly readyAt: string | null;
  /** Container/pod end. */
  readonly finished: string | null;
  /** Deletion requested. */
  readonly deleting: string | null;
  /** Removed from the store. */
  readonly deleted: string | null;
}

/** One claim instance. */
export interface ReportClaim {
  /** Name. */
  readonly name: string;
  /** `Bound`, `Pending`, or `Terminating` while deletion waits for the pvc-protection finalizer. */
  readonly status: string;
  /** Created. */
  readonly created: string;
  /** Removed. */
  readonly deleted: string | null;
  /**
   * Report v2 (`reportVersion: 2`): every status change, oldest first: `Pending` → `Bound` → … →
   * `Terminating` → `Deleted`.
   * @default - not given
   */
  readonly statusHistory?: ReportClaimStatus[];
}

/** One Job instance. */
export interface ReportJob {
  /** Name. */
  readonly name: string;
  /** Controller owner (a CronJob), or null. */
  readonly owner: ReportOwnerRef | null;
  /** Created. */
  readonly created: string;
  /** completionTime, or when the Failed condition was set. */
  readonly finished: string | null;
  /** `Complete`, `Failed` or null. */
  readonly condition: 'Complete' | 'Failed' | null;
  /** The condition's reason (e.g. `BackoffLimitExceeded`), or null. */
  readonly reason: string | null;
  /** status.succeeded. */
  readonly succeeded: number;
  /** status.failed. */
  readonly failed: number;
  /** Removed. */
  readonly deleted: string | null;
}

/** The report (`--format json`). */
export interface SimulationReport {
  /** Scenario start, RFC 3339 UTC. */
  readonly start: string;
  /** Scenario end (`until`), RFC 3339 UTC. */
  readonly end: string;
  /** The PRNG seed. */
  readonly seed: number;
  /** Events in recording order. */
  readonly events: ReportEvent[];
  /** Every pod instance, creation order. */
  readonly pods: ReportPod[];
  /** Every claim instance, creation order. */
  readonly persistentVolumeClaims: ReportClaim[];
  /** Every Job instance, creation order. */
  readonly jobs: ReportJob[];
  /** DNS A records at `end`. */
  readonly dns: Record<string, string[]>;
  /**
   * Report v2 (`reportVersion: 2`): every StatefulSet, DaemonSet, Job and CronJob instance with its
   * `kubectl get` columns over time (workloads.ts).
   * @default - not given
   */
  readonly workloads?: ReportWorkload[];
  /**
   * Report v2 (`reportVersion: 2`): the loader's notices (ignored kinds, kinds kept without
   * behaviour, warnings), also printed on stderr.
   * @default - not given
   */
  readonly notices?: ReportNotice[];
  /**
   * Report v2 (`reportVersion: 2`): the events as `kubectl get events` lists them, after client-go's
   * event correlation (aggregation, counting, spam filter — events-aggregated.ts). `events` is unchanged.
   * @default - not given
   */
  readonly eventsAggregated?: ReportAggregatedEvent[];
}

/** What the report is built from. */
export interface ReportInput {
  /** The store (history of every instance). */
  readonly cluster: Pick<ClusterReader, 'history'>;
  /** The trace's events. */
  readonly events: readonly TraceEvent[];
  /** DNS. */
  readonly dns: Pick<ClusterDns, 'records'>;
  /** Epoch ms of t=0. */
  readonly startEpochMs: number;
  /** End, simulated ms. */
  readonly untilMs: number;
  /** Seed. */
  readonly seed: number;
  /** What watched the run (workload timelines, claim statuses). @default - timelines are empty, claim histories only creation and removal */
  readonly recorder?: ReportRecorder;
  /** The loader's notices. @default - none */
  readonly notices?: readonly ReportNotice[];
  /** Events recorded but not in `events` (`maxEvents`). @default 0 */
  readonly eventsDropped?: number;
  /**
   * `1`: exactly DESIGN.md's first shape; `2`: the same fields, then report v2's additions
   * (claim `statusHistory`, `workloads`, `notices`, `eventsAggregated`).
   * @default 1
   */
  readonly version?: 1 | 2;
}

/** Builds the report. */
export function buildReport(input: ReportInput): SimulationReport {
  const t = (ms: number | null): string | null => (ms === null ? null : formatInstant(input.startEpochMs + ms));
  const tt = (ms: number): string => formatInstant(input.startEpochMs + ms);
  const owner = (o: Parameters<typeof controllerOf>[0]): ReportOwnerRef | null => {
    const c = controllerOf(o);
    return c ? { kind: c.kind, name: c.name } : null;
  };
  const v2 = input.version === 2;
  const dropped = (input.eventsDropped ?? 0) > 0 && input.events.length > 0;
  const overTime: OverTimeInput = { cluster: input.cluster, recorder: input.recorder, sinceMs: dropped ? input.events[0].atMs : -Infinity, time: tt };
  return {
    start: tt(0),
    end: tt(input.untilMs),
    seed: input.seed,
    events: input.events.map((e): ReportEvent => {
      const time = tt(e.atMs);
      const object = { kind: e.object.kind, namespace: e.object.namespace, name: e.object.name };
      return e.related
        ? { time, type: e.type, object, reason: e.reason, message: e.message, related: { kind: e.related.kind, name: e.related.name } }
        : { time, type: e.type, object, reason: e.reason, message: e.message };
    }),
    pods: input.cluster.history('Pod').map((p) => ({
      name: p.name, namespace: p.namespace, node: p.nodeName, ip: p.ip, image: podImage(p), phase: p.phase, ready: p.ready,
      restarts: p.restarts, owner: owner(p), created: tt(p.createdMs), started: t(p.startedMs), readyAt: t(p.readyMs),
      finished: t(p.finishedMs), deleting: t(p.deletionMs), deleted: t(p.deletedMs),
    })),
    persistentVolumeClaims: input.cluster.history('PersistentVolumeClaim').map((c) => ({
      name: c.name, status: c.deletionMs !== null && c.deletedMs === null ? 'Terminating' : c.phase, created: tt(c.createdMs), deleted: t(c.deletedMs),
      ...(v2 ? { statusHistory: claimStatusHistory(c, overTime) } : {}),
    })),
    jobs: input.cluster.history('Job').map((j) => {
      const done = j.status.conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
      const condition = done ? (done.type as 'Complete' | 'Failed') : null;
      const finished = condition === 'Complete' ? (j.status.completionTime ?? done!.lastTransitionTime) : condition === 'Failed' ? done!.lastTransitionTime : null;
      return {
        name: j.name, owner: owner(j), created: tt(j.createdMs), finished: t(finished), condition,
        reason: done?.reason ? done.reason : null, succeeded: j.status.succeeded, failed: j.status.failed, deleted: t(j.deletedMs),
      };
    }),
    dns: input.dns.records(input.untilMs),
    ...(v2 ? {
      workloads: buildWorkloads(overTime), notices: buildNotices(input.notices ?? []),
      eventsAggregated: aggregatedEventsJson(aggregateEvents(input.events, input.cluster), input.startEpochMs),
    } : {}),
  };
}

/** The report as pretty-printed JSON with a trailing newline (byte-identical for identical runs). */
export function reportToJson(report: SimulationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
