/**
 * `simulate --at`: the cluster as a series of `kubectl get` commands would print it at one
 * instant — pods -o wide, statefulsets, daemonsets, jobs, cronjobs, pvc, events — with the 1.27
 * printers' columns (printers.go `printPod`, `printStatefulSet`, `printDaemonSet`, `printJob`,
 * `printCronJob`, `printPersistentVolumeClaim`, `printEvent`). The store it reads must be the one
 * of a run stopped at that instant (every age is relative to its clock).
 */
import { podReadyColumn } from './pod-ready';
import { formatInstant } from '../engine/clock';
import { formatDurationMs } from '../engine/duration';
import type { SimKind } from '../cluster/object-meta';
import type { SimPod } from '../cluster/pod-object';
import type { SimPvc } from '../cluster/core-objects';
import type { ClusterReader } from '../cluster/store-types';
import type { TraceEvent } from '../engine/trace';
import { aggregateEvents } from './events-aggregated';
import { humanDuration } from './human-duration';
import { WORKLOAD_COLUMNS, WorkloadKind, WorkloadObject, workloadColumns } from './kubectl-columns';
import { eventsTable, podStatus, table } from './text';

/** What {@link renderStateAt} reads. */
export interface StateAtInput {
  /** The store of a run stopped at the instant. */
  readonly cluster: Pick<ClusterReader, 'list' | 'history'>;
  /** The events recorded up to the instant. */
  readonly events: readonly TraceEvent[];
  /** Epoch ms of t=0. */
  readonly startEpochMs: number;
  /** The instant, simulated ms. */
  readonly atMs: number;
  /** The scenario's namespace (kubectl's current namespace). */
  readonly namespace: string;
  /** The seed. */
  readonly seed: number;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName<T extends { namespace: string; name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name));
}

/**
 * printPod RESTARTS: the count, then ` (<age> ago)` since the newest last termination when any
 * container has one (here: a container that was restarted and is not terminated now, whose
 * `finishedMs` is that last run's end).
 */
export function podRestarts(pod: SimPod, nowMs: number): string {
  let last: number | null = null;
  for (const c of pod.containerStatuses) {
    if (c.restartCount > 0 && c.state !== 'terminated' && c.finishedMs !== null && (last === null || c.finishedMs > last)) last = c.finishedMs;
  }
  return last === null ? String(pod.restarts) : `${pod.restarts} (${humanDuration(nowMs - last)} ago)`;
}

/** printPod -o wide: NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES. */
function podRow(p: SimPod, now: number): string[] {
  const gates = p.spec.readinessGates ?? [];
  const gatesTrue = gates.filter((g) => p.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length;
  return [p.name, podReadyColumn(p), podStatus(p), podRestarts(p, now), humanDuration(now - p.createdMs),
    p.ip ?? '<none>', p.nodeName ?? '<none>', '<none>', gates.length === 0 ? '<none>' : `${gatesTrue}/${gates.length}`];
}

/** printPersistentVolumeClaim (1.27): NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS AGE; capacity and modes only once a volume is named. */
function claimRow(c: SimPvc, now: number): string[] {
  const volume = c.spec.volumeName ?? '';
  const capacity = volume ? String(c.spec.resources?.requests?.storage ?? '') : '';
  const modes = volume ? (c.spec.accessModes ?? []).map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Record<string, string>)[m] ?? m).join(',') : '';
  const storageClass = c.spec.storageClassName ?? c.annotations['volume.beta.kubernetes.io/storage-class'] ?? '';
  return [c.name, c.deletionMs !== null ? 'Terminating' : c.phase, volume, capacity, modes, storageClass, humanDuration(now - c.createdMs)];
}

const SECTIONS: ReadonlyArray<[WorkloadKind, string]> = [['StatefulSet', 'statefulsets'], ['DaemonSet', 'daemonsets'], ['Job', 'jobs'], ['CronJob', 'cronjobs']];

/** Renders the tables (see the file comment). */
export function renderStateAt(input: StateAtInput): string {
  const now = input.atMs;
  const pods = byName(input.cluster.list('Pod'));
  const claims = byName(input.cluster.list('PersistentVolumeClaim'));
  const workloads = SECTIONS.map(([kind, resource]) => [kind, resource, byName(input.cluster.list(kind as SimKind) as WorkloadObject[])] as const);
  const namespaces = new Set([...pods, ...claims, ...workloads.flatMap(([, , l]) => l)].map((o) => o.namespace));
  const all = namespaces.size > 1;
  const out: string[] = [`State at +${formatDurationMs(now)} (${formatInstant(input.startEpochMs + now)}), seed ${input.seed}`];
  const section = (command: string, header: string[], rows: Array<{ namespace: string; cells: string[] }>) => {
    out.push('', `$ kubectl get ${command}${all ? ' -A' : ''}`);
    if (rows.length === 0) out.push(all ? 'No resources found' : `No resources found in ${input.namespace} namespace.`);
    else out.push(table([[...(all ? ['NAMESPACE'] : []), ...header], ...rows.map((r) => [...(all ? [r.namespace] : []), ...r.cells])]));
  };
  section('pods -o wide', ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    pods.map((p) => ({ namespace: p.namespace, cells: podRow(p, now) })));
  for (const [kind, resource, list] of workloads) {
    section(resource, ['NAME', ...WORKLOAD_COLUMNS[kind]], list.map((o) => ({ namespace: o.namespace, cells: [o.name, ...workloadColumns(o, now)] })));
  }
  section('pvc', ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'], claims.map((c) => ({ namespace: c.namespace, cells: claimRow(c, now) })));
  out.push('', `$ kubectl get events${all ? ' -A' : ''} --sort-by=.lastTimestamp`);
  const events = aggregateEvents(input.events, input.cluster);
  out.push(events.length === 0 ? (all ? 'No resources found' : `No resources found in ${input.namespace} namespace.`) : eventsTable(events, now));
  return `${out.join('\n')}\n`;
}
