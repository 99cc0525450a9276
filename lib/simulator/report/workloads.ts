/**
 * The report's additions over DESIGN.md's first shape that describe state over time: `workloads`
 * (each StatefulSet, DaemonSet, Job and CronJob instance with its `kubectl get` columns whenever
 * they changed), each claim's `statusHistory`, and the loader's `notices`.
 */
import type { SimKind } from '../cluster/object-meta';
import type { ClusterReader } from '../cluster/store-types';
import type { SimPvc } from '../cluster/core-objects';
import { WORKLOAD_COLUMNS, WorkloadKind } from './kubectl-columns';
import type { RecordedColumns, ReportRecorder } from './recorder';

/** One timeline entry of a workload: its `kubectl get` columns from `time` on. */
export interface ReportWorkloadStatus {
  /** When the columns changed, RFC 3339 UTC. */
  readonly time: string;
  /** Column header → cell, as `kubectl get` (1.27) prints them at `time` (AGE, DURATION, LAST SCHEDULE relative to `time`). */
  readonly columns: Readonly<Record<string, string>>;
}

/** One workload instance (StatefulSet, DaemonSet, Job, CronJob). */
export interface ReportWorkload {
  /** Kind. */
  readonly kind: WorkloadKind;
  /** Namespace. */
  readonly namespace: string;
  /** Name. */
  readonly name: string;
  /** Created. */
  readonly created: string;
  /** Removed, or null. */
  readonly deleted: string | null;
  /**
   * The columns whenever a change other than the clock's altered them, oldest first. When older
   * events were dropped (`maxEvents`), entries before the oldest kept event are left out, and at
   * most `maxEvents` entries are kept.
   */
  readonly timeline: ReportWorkloadStatus[];
  /** Jobs only: `status.completedIndexes` exactly as the Job controller wrote it (`"0-2,4"`), or null when none. */
  readonly completedIndexes?: string | null;
  /** Jobs only: `status.failedIndexes` (backoffLimitPerIndex) as the controller wrote it, or null when the status has none. */
  readonly failedIndexes?: string | null;
}

/** One claim status change. */
export interface ReportClaimStatus {
  /** When, RFC 3339 UTC. */
  readonly time: string;
  /** `Pending`, `Bound`, `Lost`, `Terminating` (deletion waits for the pvc-protection finalizer) or `Deleted`. */
  readonly status: string;
}

/** A loader notice (an ignored kind, a kind kept without behaviour, a warning). */
export interface ReportNotice {
  /** `IGNORED_KIND`, `NO_BEHAVIOUR`, `WARNING` or `DROPPED_FIELD` (the loader's `ManifestNotice.code`). */
  readonly code: 'IGNORED_KIND' | 'NO_BEHAVIOUR' | 'WARNING' | 'DROPPED_FIELD';
  /** The file. */
  readonly file: string;
  /** 0-based document index. */
  readonly documentIndex: number;
  /** The message, as printed on stderr after `notice: `. */
  readonly message: string;
}

const KINDS: readonly WorkloadKind[] = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** What the builders read. */
export interface OverTimeInput {
  /** The store. */
  readonly cluster: Pick<ClusterReader, 'history'>;
  /** The recorder that watched the run, if any (without: timelines are empty). */
  readonly recorder?: ReportRecorder;
  /** Timeline entries before this simulated ms are left out (the oldest kept event when some were dropped). */
  readonly sinceMs: number;
  /** Simulated ms → RFC 3339. */
  readonly time: (ms: number) => string;
}

/** Every workload instance, kinds in the order StatefulSet, DaemonSet, Job, CronJob, each in creation order. */
export function buildWorkloads(input: OverTimeInput): ReportWorkload[] {
  const out: ReportWorkload[] = [];
  for (const kind of KINDS) {
    const headers = WORKLOAD_COLUMNS[kind];
    for (const o of input.cluster.history(kind as SimKind & WorkloadKind)) {
      const rec = input.recorder?.workload(o.uid);
      const timeline: ReportWorkloadStatus[] = [];
      for (const e of input.recorder?.timeline(o.uid) ?? []) if (e.atMs >= input.sinceMs) timeline.push(entry(headers, e, input.time));
      const base = { kind, namespace: o.namespace, name: o.name, created: input.time(o.createdMs), deleted: o.deletedMs === null ? null : input.time(o.deletedMs), timeline };
      out.push(kind === 'Job' ? { ...base, completedIndexes: rec?.completedIndexes || null, failedIndexes: rec?.failedIndexes || null } : base);
    }
  }
  return out;
}

function entry(headers: readonly string[], e: RecordedColumns, time: (ms: number) => string): ReportWorkloadStatus {
  const columns: Record<string, string> = {};
  for (let i = 0; i < headers.length; i++) columns[headers[i]] = e.columns[i];
  return { time: time(e.atMs), columns };
}

/** A claim's status changes: recorded ones, or (without a recorder) its creation and removal. */
export function claimStatusHistory(claim: SimPvc, input: OverTimeInput): ReportClaimStatus[] {
  const recorded = input.recorder?.claimStatuses(claim.uid);
  if (recorded) return recorded.map((s) => ({ time: input.time(s.atMs), status: s.status }));
  return [{ time: input.time(claim.createdMs), status: claim.phase }, ...(claim.deletedMs === null ? [] : [{ time: input.time(claim.deletedMs), status: 'Deleted' }])];
}

/** The loader notices as report entries. */
export function buildNotices(notices: readonly ReportNotice[]): ReportNotice[] {
  return notices.map((n) => ({ code: n.code, file: n.file, documentIndex: n.documentIndex, message: n.message }));
}
