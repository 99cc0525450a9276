/**
 * Reading the run for the checks: owner chains (a CronJob owns its Jobs' pods), pod Ready
 * intervals and a CronJob's scheduled times.
 */
import { formatDurationMs } from '../engine/duration';
import { formatInstant } from '../engine/clock';
import type { SimObject } from '../cluster/objects';
import type { SimPod } from '../cluster/pod-object';
import type { SimulationOutcome } from './outcome';

/** The most evidence lines listed under a failure. */
export const MAX_DETAILS = 10;

/** `2024-01-01T00:05:00Z (start+5m)`. */
export function when(o: SimulationOutcome, ms: number): string {
  return `${formatInstant(o.scenario.startEpochMs + ms)} (start+${formatDurationMs(ms)})`;
}

/** Simulated ms of an RFC 3339 report time. */
export function msOf(o: SimulationOutcome, iso: string): number {
  return Date.parse(iso) - o.scenario.startEpochMs;
}

/** Keeps the first {@link MAX_DETAILS} lines and says how many more there were. */
export function capped(lines: readonly string[]): string[] {
  return lines.length <= MAX_DETAILS ? [...lines] : [...lines.slice(0, MAX_DETAILS), `… and ${lines.length - MAX_DETAILS} more`];
}

/**
 * Indexes of `history('Pod')` (which lines up with `report.pods`) whose owner chain reaches
 * `kind`/`name` — the same walk as `SimulationResult.podsOf`, following owner uids as the garbage
 * collector does (a StatefulSet's pods, a Job's pods, a CronJob's Jobs' pods).
 */
export function podsOwnedBy(o: SimulationOutcome, kind: string, name: string, namespace?: string): number[] {
  const state = o.simulation.state;
  const byUid = new Map<string, SimObject>();
  for (const k of ['Job', 'CronJob', 'StatefulSet', 'DaemonSet'] as const) for (const x of state.history(k)) byUid.set(x.uid, x);
  const owned = (x: SimObject, depth: number): boolean => x.ownerReferences.some((r) => (r.kind === kind && r.name === name && (namespace === undefined || x.namespace === namespace))
    || (depth < 5 && byUid.has(r.uid) && owned(byUid.get(r.uid)!, depth + 1)));
  return state.history('Pod').flatMap((p, i) => (owned(p, 0) ? [i] : []));
}

/**
 * The intervals `[from, to)` during which a pod was Ready and not terminating, from its
 * timeline. "Ready" is counted as the EndpointSlice controller publishes an endpoint ready —
 * `ready := serving && !terminating` with `serving` the pod's Ready condition and `terminating :=
 * pod.DeletionTimestamp != nil` (`podToEndpoint`, staging/src/k8s.io/endpointslice/utils.go) —
 * so a pod being deleted no longer counts, as it no longer receives traffic. A pod kept as a
 * summary (history 'summary') has no timeline, so its first Ready time up to its deletion
 * request, end or removal is used. `to` is Infinity while still Ready at the end.
 */
export function readyIntervals(p: SimPod): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const end = p.deletedMs ?? Infinity;
  if (!p.timeline || p.timeline.length === 0) {
    if (p.readyMs === null) return out;
    const stop = Math.min(p.deletionMs ?? Infinity, p.finishedMs ?? Infinity, end);
    return stop > p.readyMs ? [[p.readyMs, stop]] : out;
  }
  let since: number | null = null;
  for (const t of p.timeline) {
    const ready = t.ready && !t.terminating;
    if (ready && since === null) since = t.atMs;
    if (!ready && since !== null) {
      if (t.atMs > since) out.push([since, t.atMs]);
      since = null;
    }
  }
  if (since !== null && end > since) out.push([since, end]);
  return out;
}

/**
 * The most intervals open at once at or before `byMs`, and the first instant `count` were open at
 * once (or null). At equal times a closing interval counts before an opening one.
 */
export function concurrency(intervals: ReadonlyArray<[number, number]>, count: number, byMs: number): { max: number; reachedAtMs: number | null } {
  const edges: Array<[number, number]> = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as Array<[number, number]>);
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let n = 0;
  let max = 0;
  let reachedAtMs: number | null = null;
  for (const [t, d] of edges) {
    n += d;
    if (t <= byMs) max = Math.max(max, n);
    if (reachedAtMs === null && n >= count) reachedAtMs = t;
  }
  return { max, reachedAtMs };
}

/**
 * The scheduled time of a Job a CronJob created, simulated ms: the controller names it
 * `<cronjob>-<scheduled Unix time in minutes>` (`getJobName` / `getTimeHashInMinutes` in
 * pkg/controller/cronjob/utils.go), so the name carries it. Undefined for other names.
 */
export function scheduledMsOf(o: SimulationOutcome, cronJob: string, jobName: string): number | undefined {
  const prefix = `${cronJob}-`;
  if (!jobName.startsWith(prefix) || !/^\d+$/.test(jobName.slice(prefix.length))) return undefined;
  return Number(jobName.slice(prefix.length)) * 60_000 - o.scenario.startEpochMs;
}
