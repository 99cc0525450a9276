/**
 * The store's interfaces: the change notifications watchers get, the counters, the deletion and
 * store options, and the read-only {@link ClusterReader} view controllers and reports see.
 */
import type { SimKind } from './object-meta';
import type { ObjectOfKind, SimObject } from './objects';
import type { SimPod } from './pod-object';
import type { HistoryMode } from './summary';

/** What happened to an object. */
export type StoreChangeType = 'Added' | 'Modified' | 'Deleted';

/** One notification to watchers. */
export interface StoreChange {
  /** Added, Modified (including deletion requested, i.e. `deletionMs` newly set) or Deleted (gone from the store). */
  readonly type: StoreChangeType;
  /** The live object (for Deleted: the final state, `deletedMs` set). */
  readonly object: SimObject;
  /**
   * For Modified: a shallow copy taken before the write, so watchers can compare old and new
   * (labels, taints, phase, readiness…). Writers replace nested maps/arrays instead of editing
   * them in place, which keeps this copy accurate.
   */
  readonly old?: SimObject;
  /** Simulated ms of the write. */
  readonly atMs: number;
}

/** What {@link ClusterState.counters} returns. */
export interface StoreCounters {
  /** uids handed out so far. */
  readonly uids: number;
  /** The last resourceVersion. */
  readonly resourceVersion: number;
  /** Instances removed from the store so far, per kind. */
  readonly deleted: ReadonlyMap<SimKind, number>;
}

/** A function notified of every change. */
export type Watcher = (change: StoreChange) => void;

/** Options for {@link ClusterState.requestDeletion}. */
export interface DeleteOptions {
  /**
   * Grace period for a pod, ms. `0` removes the pod at once without waiting for the kubelet (force
   * deletion, as PodGC does). @default - the pod's behaviour profile `terminationGrace`
   */
  readonly graceMs?: number;
}

/**
 * Read-only view of the cluster: what controllers, reconcile functions and reports see.
 * Lists are in creation order (deterministic).
 */
export interface ClusterReader {
  /** Simulated ms now. */
  nowMs(): number;
  /** The live object of `kind` at namespace/name (namespace `''` for cluster-scoped kinds). */
  get<K extends SimKind>(kind: K, namespace: string, name: string): ObjectOfKind<K> | undefined;
  /** The live object with this uid. */
  byUid(uid: string): SimObject | undefined;
  /** Live objects of `kind`, optionally in one namespace, in creation order. */
  list<K extends SimKind>(kind: K, namespace?: string): ObjectOfKind<K>[];
  /**
   * Every instance of `kind` ever created, deleted ones included, in creation order. With the
   * store option `history: 'summary'` deleted instances are summaries (cluster/summary.ts); with
   * `keepDeleted` only the most recently deleted ones are left.
   */
  history<K extends SimKind>(kind: K): readonly ObjectOfKind<K>[];
  /** Number of live objects of `kind`. */
  count(kind: SimKind): number;
  /** Live pods with an ownerReference to `ownerUid` (controller or not). */
  podsOwnedBy(ownerUid: string): SimPod[];
  /** Live objects of any kind with an ownerReference to `ownerUid`. */
  dependentsOf(ownerUid: string): SimObject[];
  /** Live pods bound to `nodeName`. */
  podsOnNode(nodeName: string): SimPod[];
  /** Live pods whose volumes reference claim `claimName` in `namespace`. */
  podsUsingClaim(namespace: string, claimName: string): SimPod[];
}

/**
 * How many deleted instances of each kind the history keeps when not told, once the run is past
 * `AUTO_BOUND_AFTER_MS` (7 simulated days, engine/trace.ts): the 100 most recently deleted. Up to
 * then every instance is kept. What is dropped is counted (`ClusterState.droppedCount`) and the
 * text report says so.
 */
export const DEFAULT_KEEP_DELETED = 100;

/** Options of {@link ClusterState}. */
export interface ClusterStateOptions {
  /** Current simulated ms. */
  readonly now: () => number;
  /** A 5-character suffix for `generateName` (from the simulation's seeded rng). */
  readonly nameSuffix: () => string;
  /**
   * How much of a deleted object `history` keeps: `'full'` the whole object as it was when it
   * left; `'summary'` only what the JSON report reads (summary.ts lists the fields).
   *
   * @default 'full'
   */
  readonly history?: HistoryMode;
  /**
   * At most this many deleted instances of each kind stay in `history`, the most recently deleted;
   * older ones are dropped and counted ({@link ClusterState.droppedCount}). Live objects are
   * always kept.
   *
   * @default - every deleted instance up to 7 simulated days (`AUTO_BOUND_AFTER_MS`), then DEFAULT_KEEP_DELETED (100)
   */
  readonly keepDeleted?: number;
}
