/**
 * What the report needs to know about the run *over time*, which the store's history (final
 * states only) does not keep: each workload's `kubectl get` columns whenever they change, a Job's
 * last-written `completedIndexes`/`failedIndexes`, and each claim's status changes. It only
 * watches the store (`ClusterState.watch`) and never writes, so it changes nothing in the run.
 *
 * Memory follows the store's own bounds: with `keepDeleted`, the records of deleted instances
 * beyond the newest `keepDeleted` of a kind are dropped (as `InstanceHistory.retain` drops them
 * from the history); with `maxEvents`, each workload timeline keeps its newest `maxEvents` entries.
 */
import { maxEventsBound } from '../engine/trace';
import { keepDeletedBound } from '../cluster/instance-history';
import type { SimKind } from '../cluster/object-meta';
import type { SimObject } from '../cluster/objects';
import type { StoreChange, Watcher } from '../cluster/store-types';
import { WorkloadKind, WorkloadObject, workloadChangeKey, workloadColumns } from './kubectl-columns';

/** One timeline entry: the columns at `atMs`. */
export interface RecordedColumns {
  /** Simulated ms. */
  readonly atMs: number;
  /** The kubectl columns, in `WORKLOAD_COLUMNS` order, evaluated at `atMs`. */
  readonly columns: readonly string[];
}

/** What is recorded of one workload instance. */
export interface RecordedWorkload {
  /** Timeline entries, oldest first. */
  readonly timeline: RecordedColumns[];
  /** The change key of the last entry. */
  lastKey: string;
  /** Job `status.completedIndexes` as last written (undefined: never written). */
  completedIndexes?: string;
  /** Job `status.failedIndexes` as last written (undefined: never written). */
  failedIndexes?: string;
}

/** One claim status change. */
export interface RecordedClaimStatus {
  /** Simulated ms. */
  readonly atMs: number;
  /** `Pending`, `Bound`, `Lost`, `Terminating` or `Deleted`. */
  readonly status: string;
}

/** Options of {@link ReportRecorder}. */
export interface ReportRecorderOptions {
  /** The store's `keepDeleted`. @default - every deleted instance's record is kept */
  readonly keepDeleted?: number;
  /** The trace's `maxEvents`: at most this many entries per workload timeline. @default - no bound */
  readonly maxEvents?: number;
}

const WORKLOAD_KINDS: ReadonlySet<string> = new Set<WorkloadKind>(['StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** Watches a store and records workload columns and claim statuses over time (see the file comment). */
export class ReportRecorder {
  private readonly workloads = new Map<string, RecordedWorkload>();
  private readonly claims = new Map<string, RecordedClaimStatus[]>();
  private readonly deleted = new Map<SimKind, { list: string[]; head: number }>();
  private maxEntries: number;

  /**
   * @param store the store to watch (from before the first object is created)
   * @param options the store's and trace's bounds
   */
  public constructor(store: { watch(w: Watcher): () => void }, private readonly options: ReportRecorderOptions = {}) {
    this.maxEntries = options.maxEvents ?? Infinity;
    store.watch((change) => this.observe(change));
  }

  /** The record of the workload with this uid, if any. */
  public workload(uid: string): RecordedWorkload | undefined {
    return this.workloads.get(uid);
  }

  /** The timeline of the workload with this uid (its newest `maxEvents` entries), or `[]`. */
  public timeline(uid: string): readonly RecordedColumns[] {
    const t = this.workloads.get(uid)?.timeline ?? [];
    return t.length > this.maxEntries ? t.slice(t.length - this.maxEntries) : t;
  }

  /** The status changes of the claim with this uid, if any. */
  public claimStatuses(uid: string): readonly RecordedClaimStatus[] | undefined {
    return this.claims.get(uid);
  }

  private observe(change: StoreChange): void {
    const obj = change.object;
    // The trace's bound at this instant (and the store's in retain): the options' when given, else
    // the default bounds past a week.
    this.maxEntries = maxEventsBound(this.options.maxEvents, change.atMs);
    if (WORKLOAD_KINDS.has(obj.kind)) this.observeWorkload(change, obj as WorkloadObject);
    else if (obj.kind === 'PersistentVolumeClaim') this.observeClaim(change, obj);
    if (change.type === 'Deleted' && (WORKLOAD_KINDS.has(obj.kind) || obj.kind === 'PersistentVolumeClaim')) this.retain(obj, change.atMs);
  }

  private observeWorkload(change: StoreChange, obj: WorkloadObject): void {
    let rec = this.workloads.get(obj.uid);
    if (change.type === 'Deleted') return;
    if (!rec) this.workloads.set(obj.uid, (rec = { timeline: [], lastKey: '\u0000' }));
    if (obj.kind === 'Job') {
      const status = obj.status as { completedIndexes?: string; failedIndexes?: string };
      if (status.completedIndexes !== undefined) rec.completedIndexes = status.completedIndexes;
      if (status.failedIndexes !== undefined) rec.failedIndexes = status.failedIndexes;
    }
    const key = workloadChangeKey(obj);
    if (key === rec.lastKey) return;
    rec.lastKey = key;
    rec.timeline.push({ atMs: change.atMs, columns: workloadColumns(obj, change.atMs) });
    // Amortised O(1): trimmed in batches; `timeline()` reads only the newest maxEntries.
    if (rec.timeline.length > this.maxEntries + 1024) rec.timeline.splice(0, rec.timeline.length - this.maxEntries);
  }

  private observeClaim(change: StoreChange, obj: SimObject & { kind: 'PersistentVolumeClaim' }): void {
    let list = this.claims.get(obj.uid);
    if (!list) this.claims.set(obj.uid, (list = []));
    const status = change.type === 'Deleted' ? 'Deleted' : obj.deletionMs !== null ? 'Terminating' : obj.phase;
    if (list.length === 0 || list[list.length - 1].status !== status) list.push({ atMs: change.atMs, status });
  }

  /** Drops the records of deleted instances beyond the newest `keepDeleted` of the kind (the store's bound at `atMs`). */
  private retain(obj: SimObject, atMs: number): void {
    const keep = keepDeletedBound(this.options.keepDeleted, atMs);
    let q = this.deleted.get(obj.kind);
    if (!q) this.deleted.set(obj.kind, (q = { list: [], head: 0 }));
    q.list.push(obj.uid);
    while (q.list.length - q.head > keep) {
      const uid = q.list[q.head++];
      this.workloads.delete(uid);
      this.claims.delete(uid);
    }
    // Amortised O(1), as InstanceHistory.retain.
    if (q.head > 1024 && q.head * 2 > q.list.length) {
      q.list = q.list.slice(q.head);
      q.head = 0;
    }
  }
}
