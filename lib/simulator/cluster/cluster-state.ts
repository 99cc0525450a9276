/**
 * The in-memory API server + etcd of the simulation.
 *
 * Objects are keyed kind / namespace / name. Every write bumps a global resourceVersion and
 * notifies the watchers **synchronously** with a {@link StoreChange}. Watchers (controllers' work
 * queues, the scheduler, the kubelet, the garbage collector) only record work — they must not write
 * inside a notification; the store enforces this. Every instance ever created is kept for the
 * report (`history`), including deleted ones — whole by default; with the options `history:
 * 'summary'` (summary.ts) and `keepDeleted` a long run holds a bounded amount instead.
 *
 * Indexes keep the cost per event independent of cluster size: live objects by uid, dependents by
 * owner uid, pods by node, pods by claim.
 */
import { SimulationError, SimulationErrorCode } from '../engine/errors';
import { alreadyExists, notFound } from '../../apiserver/api-errors';
import type { Draft } from './factories';
import { admit, AdmissionOrdinals } from './store-admission';
import { InstanceHistory, keepDeletedBound } from './instance-history';
import { materialize } from './materialize';
import { generateName } from './name-generation';
import { summarize } from './summary';
import { CLUSTER_SCOPED_KINDS, EMPTY_STRING_LIST, SimKind } from './object-meta';
import { ObjectOfKind, SimObject } from './objects';
import { isPodTerminal, SimPod } from './pod-object';
import { addTo, claimNames, moveToEnd, removeFrom } from './store-indexes';
import type { ClusterReader, ClusterStateOptions, DeleteOptions, StoreChange, StoreCounters, Watcher } from './store-types';

// The store's types are importable from here as well as from store-types.ts.
export * from './store-types';

/** The store. See the file comment. */
export class ClusterState implements ClusterReader {
  /** Live objects by kind, namespace and name (nested maps: no key string to build per lookup). */
  private readonly live = new Map<SimKind, Map<string, Map<string, SimObject>>>();
  /** Live objects by kind in creation order (`list`, `count`). */
  private readonly ordered = new Map<SimKind, Set<SimObject>>();
  /** Every instance ever created, and what `keepDeleted` dropped of them (instance-history.ts). */
  private readonly instances = new InstanceHistory();
  /** Instances removed from the store so far, per kind. */
  private readonly deletedTotal = new Map<SimKind, number>();
  private readonly uidIndex = new Map<string, SimObject>();
  private readonly ownerIndex = new Map<string, Set<SimObject>>();
  private readonly nodeIndex = new Map<string, Set<SimPod>>();
  private readonly claimIndex = new Map<string, Set<SimPod>>();
  private readonly watchers: Watcher[] = [];
  private notifying = false;
  private uidCounter = 0;
  private rv = 0;
  private nodeCounter = 0;
  private serviceIpCounter = 0;
  /** What admission numbers in creation order: nodes, and Services' cluster IPs. */
  private readonly ordinals: AdmissionOrdinals = {
    nextNode: () => ++this.nodeCounter,
    nextServiceIp: () => this.serviceIpCounter++,
  };

  /** @param options clock and name generator */
  public constructor(private readonly options: ClusterStateOptions) {}

  /** Simulated ms now. */
  public nowMs(): number {
    return this.options.now();
  }

  /** Registers a watcher; returns a function that unregisters it. */
  public watch(watcher: Watcher): () => void {
    this.watchers.push(watcher);
    return () => {
      const i = this.watchers.indexOf(watcher);
      if (i >= 0) this.watchers.splice(i, 1);
    };
  }

  // ------------------------------------------------------------------------------------------
  // reads
  // ------------------------------------------------------------------------------------------

  /** @inheritdoc */
  public get<K extends SimKind>(kind: K, namespace: string, name: string): ObjectOfKind<K> | undefined {
    const ns = CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace;
    return this.live.get(kind)?.get(ns)?.get(name) as ObjectOfKind<K> | undefined;
  }

  /** @inheritdoc */
  public byUid(uid: string): SimObject | undefined {
    return this.uidIndex.get(uid);
  }

  /** @inheritdoc */
  public list<K extends SimKind>(kind: K, namespace?: string): ObjectOfKind<K>[] {
    const m = this.ordered.get(kind);
    if (!m) return [];
    const all = [...m] as ObjectOfKind<K>[];
    return namespace === undefined ? all : all.filter((o) => o.namespace === namespace);
  }

  /** @inheritdoc */
  public history<K extends SimKind>(kind: K): readonly ObjectOfKind<K>[] {
    return this.instances.list(kind) as ObjectOfKind<K>[];
  }

  /** @inheritdoc */
  public count(kind: SimKind): number {
    return this.ordered.get(kind)?.size ?? 0;
  }

  /** @inheritdoc */
  public podsOwnedBy(ownerUid: string): SimPod[] {
    const out: SimPod[] = [];
    for (const o of this.ownerIndex.get(ownerUid) ?? []) if (o.kind === 'Pod') out.push(o);
    return out;
  }

  /** @inheritdoc */
  public dependentsOf(ownerUid: string): SimObject[] {
    return [...(this.ownerIndex.get(ownerUid) ?? [])];
  }

  /** Whether any live object has an ownerReference to `ownerUid` (`dependentsOf(…).length > 0` without the copy). */
  public hasDependents(ownerUid: string): boolean {
    const s = this.ownerIndex.get(ownerUid);
    return s !== undefined && s.size > 0;
  }

  /** @inheritdoc */
  public podsOnNode(nodeName: string): SimPod[] {
    return [...(this.nodeIndex.get(nodeName) ?? [])];
  }

  /** @inheritdoc */
  public podsUsingClaim(namespace: string, claimName: string): SimPod[] {
    return [...(this.claimIndex.get(`${namespace}/${claimName}`) ?? [])];
  }

  // ------------------------------------------------------------------------------------------
  // writes
  // ------------------------------------------------------------------------------------------

  /**
   * Creates an object (API `create`): assigns uid, name (from `generateName`), resourceVersion and
   * creation time, applies admission (pod defaults, the Job's generated selector, the PVC
   * protection finalizer, Service IPs, node indexes), validates names and labels, then notifies
   * `Added`.
   *
   * @throws ApiError AlreadyExists when the name is taken, Invalid when validation fails
   */
  public create<D extends Draft<SimObject>>(draft: D): ObjectOfKind<D['kind']> {
    this.assertNotNotifying('create');
    const kind = draft.kind as SimKind;
    const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? '' : draft.namespace;
    const name = draft.name
      ?? generateName(draft.generateName ?? '', () => this.options.nameSuffix(), (n: string): boolean => this.live.get(kind)?.get(namespace)?.has(n) === true);
    if (this.live.get(kind)?.get(namespace)?.has(name)) throw alreadyExists(kind, name);
    const now = this.nowMs();
    const uid = `uid-${String(++this.uidCounter).padStart(6, '0')}`;
    // One literal per kind (materialize.ts), not `{ ...draft, uid, … }`: see there why.
    const obj = materialize(draft, { namespace, name, uid, resourceVersion: ++this.rv, createdMs: now });
    admit(obj, now, this.ordinals);
    if (obj.kind === 'Pod') this.appendTransition(obj);
    this.insert(obj);
    this.notify({ type: 'Added', object: obj, atMs: now });
    return obj as ObjectOfKind<D['kind']>;
  }

  /**
   * Changes a live object (API `update`/`patch`): runs `mutate` on it, bumps resourceVersion,
   * re-indexes, appends a pod timeline entry when the pod's state changed, and notifies `Modified`
   * with a shallow copy of the object before the change. `mutate` must replace nested maps and
   * arrays rather than edit them in place.
   *
   * @throws ApiError NotFound when the object is no longer in the store
   */
  public update<T extends SimObject>(obj: T, mutate: (o: T) => void): T {
    this.assertNotNotifying('update');
    if (obj.deletedMs !== null || this.uidIndex.get(obj.uid) !== obj) throw notFound(obj.kind, obj.name);
    const old = { ...obj } as T;
    // What the indexes key by (a claim's name comes from the pod's spec.volumes, replaced, never
    // edited, by writers). When none changed — most writes — each index entry is refreshed in
    // place (`touch`) instead of being removed and added back, which would drop and recreate a
    // one-element set per write; the sets' iteration order comes out the same either way.
    const refs = obj.ownerReferences;
    const nodeName = obj.kind === 'Pod' ? obj.nodeName : null;
    const volumes = obj.kind === 'Pod' ? obj.spec.volumes : undefined;
    const claims = obj.kind === 'Pod' ? claimNames(obj) : undefined;
    mutate(obj);
    obj.resourceVersion = ++this.rv;
    if (obj.ownerReferences === refs && (obj.kind !== 'Pod' || (obj.nodeName === nodeName && obj.spec.volumes === volumes))) {
      this.touch(obj);
    } else {
      this.unindexWith(obj, refs, nodeName, claims);
      this.index(obj);
    }
    if (obj.kind === 'Pod') this.appendTransition(obj);
    this.notify({ type: 'Modified', object: obj, old, atMs: this.nowMs() });
    return obj;
  }

  /**
   * Requests deletion (API `delete`, background propagation): sets `deletionMs` (a Modified
   * notification), then removes the object at once unless something must happen first:
   * - finalizers remain (e.g. `kubernetes.io/pvc-protection`, `batch.kubernetes.io/job-tracking`);
   * - it is a pod bound to a node and not terminal: the kubelet stops it after the grace period and
   *   then calls {@link tryFinalize}. An unscheduled or terminal pod, or `graceMs: 0`, is removed
   *   at once (`pkg/registry/core/pod/strategy.go#CheckGracefulDelete`: "if the pod is not
   *   scheduled, delete immediately"; "if the pod is already terminated, delete immediately").
   * Dependents are deleted afterwards by the garbage collector. A second request is a no-op.
   *
   * @throws ApiError NotFound when the object is no longer in the store
   */
  public requestDeletion(obj: SimObject, options: DeleteOptions = {}): void {
    this.assertNotNotifying('delete');
    if (obj.deletedMs !== null || this.uidIndex.get(obj.uid) !== obj) throw notFound(obj.kind, obj.name);
    if (obj.deletionMs !== null) return;
    this.update(obj, (o) => {
      o.deletionMs = this.nowMs();
      if (o.kind === 'Pod') o.graceMs = options.graceMs ?? null;
    });
    this.tryFinalize(obj);
  }

  /** Removes a finalizer, then removes the object if its deletion was requested and nothing else holds it. */
  public removeFinalizer(obj: SimObject, finalizer: string): void {
    if (!obj.finalizers.includes(finalizer)) return;
    this.update(obj, (o) => {
      const rest = o.finalizers.filter((f) => f !== finalizer);
      o.finalizers = rest.length === 0 ? EMPTY_STRING_LIST : rest;
    });
    this.tryFinalize(obj);
  }

  /**
   * Removes the object from the store (notifying `Deleted`) if deletion was requested, no
   * finalizer remains, and — for a pod — it is unscheduled, terminal or force-deleted (grace 0).
   * Returns whether it was removed.
   */
  public tryFinalize(obj: SimObject): boolean {
    if (obj.deletedMs !== null || obj.deletionMs === null || obj.finalizers.length > 0) return false;
    if (obj.kind === 'Pod' && obj.nodeName !== null && !isPodTerminal(obj) && obj.graceMs !== 0) return false;
    this.assertNotNotifying('delete');
    this.unindex(obj);
    const names = this.live.get(obj.kind)!.get(obj.namespace)!;
    names.delete(obj.name);
    if (names.size === 0) this.live.get(obj.kind)!.delete(obj.namespace);
    this.ordered.get(obj.kind)!.delete(obj);
    this.uidIndex.delete(obj.uid);
    obj.deletedMs = this.nowMs();
    obj.resourceVersion = ++this.rv;
    this.deletedTotal.set(obj.kind, (this.deletedTotal.get(obj.kind) ?? 0) + 1);
    this.notify({ type: 'Deleted', object: obj, atMs: obj.deletedMs });
    // Watchers have seen the whole object; what happens to it afterwards only concerns the history.
    if (this.options.history === 'summary') summarize(obj);
    this.instances.retain(obj, keepDeletedBound(this.options.keepDeleted, obj.deletedMs));
    return true;
  }

  /** Deleted instances of `kind` dropped from `history` (option `keepDeleted`). */
  public droppedCount(kind: SimKind): number {
    return this.instances.droppedCount(kind);
  }

  /** Dropped deleted instances per kind, for the kinds that had any (option `keepDeleted`). */
  public droppedCounts(): Readonly<Partial<Record<SimKind, number>>> {
    return this.instances.droppedCounts();
  }

  /** The store's counters: uids handed out, the resourceVersion, and removals per kind. */
  public counters(): StoreCounters {
    return { uids: this.uidCounter, resourceVersion: this.rv, deleted: new Map(this.deletedTotal) };
  }

  /**
   * Moves the counters on by `by`: uids handed out, the resourceVersion, and removals per kind.
   * The removals are counted as dropped from the history.
   */
  public advanceCounters(by: StoreCounters): void {
    this.uidCounter += by.uids;
    this.rv += by.resourceVersion;
    for (const [kind, n] of by.deleted) {
      if (n === 0) continue;
      this.deletedTotal.set(kind, (this.deletedTotal.get(kind) ?? 0) + n);
      this.instances.countDropped(kind, n);
    }
  }

  // ------------------------------------------------------------------------------------------
  // internals
  // ------------------------------------------------------------------------------------------

  private insert(obj: SimObject): void {
    let byNs = this.live.get(obj.kind);
    if (!byNs) this.live.set(obj.kind, (byNs = new Map()));
    let names = byNs.get(obj.namespace);
    if (!names) byNs.set(obj.namespace, (names = new Map()));
    names.set(obj.name, obj);
    let ordered = this.ordered.get(obj.kind);
    if (!ordered) this.ordered.set(obj.kind, (ordered = new Set()));
    ordered.add(obj);
    this.instances.add(obj);
    this.uidIndex.set(obj.uid, obj);
    this.index(obj);
  }

  private index(obj: SimObject): void {
    const refs = obj.ownerReferences;
    for (let i = 0; i < refs.length; i++) addTo(this.ownerIndex, refs[i].uid, obj);
    if (obj.kind === 'Pod') {
      if (obj.nodeName) addTo(this.nodeIndex, obj.nodeName, obj);
      const claims = claimNames(obj);
      for (let i = 0; i < claims.length; i++) addTo(this.claimIndex, `${obj.namespace}/${claims[i]}`, obj);
    }
  }

  private unindex(obj: SimObject): void {
    this.unindexWith(obj, obj.ownerReferences, obj.kind === 'Pod' ? obj.nodeName : null, obj.kind === 'Pod' ? claimNames(obj) : undefined);
  }

  /** Removes `obj` from the index entries of these owner references, node and claims (its values before a write). */
  private unindexWith(obj: SimObject, refs: readonly { readonly uid: string }[], nodeName: string | null, claims: readonly string[] | undefined): void {
    for (let i = 0; i < refs.length; i++) removeFrom(this.ownerIndex, refs[i].uid, obj);
    if (obj.kind === 'Pod') {
      if (nodeName) removeFrom(this.nodeIndex, nodeName, obj);
      if (claims) for (let i = 0; i < claims.length; i++) removeFrom(this.claimIndex, `${obj.namespace}/${claims[i]}`, obj);
    }
  }

  /**
   * `unindex` then `index` of an object whose indexed fields did not change: in each of its sets
   * the object moves to the end (removed and added again), as those two would leave it, without
   * emptying and recreating a set.
   */
  private touch(obj: SimObject): void {
    const refs = obj.ownerReferences;
    for (let i = 0; i < refs.length; i++) moveToEnd(this.ownerIndex, refs[i].uid, obj);
    if (obj.kind === 'Pod') {
      if (obj.nodeName) moveToEnd(this.nodeIndex, obj.nodeName, obj);
      const claims = claimNames(obj);
      for (let i = 0; i < claims.length; i++) moveToEnd(this.claimIndex, `${obj.namespace}/${claims[i]}`, obj);
    }
  }

  private appendTransition(pod: SimPod): void {
    const last = pod.timeline[pod.timeline.length - 1];
    const terminating = pod.deletionMs !== null;
    if (last && last.phase === pod.phase && last.ready === pod.ready && last.nodeName === pod.nodeName && last.ip === pod.ip
      && last.restarts === pod.restarts && last.terminating === terminating) return;
    pod.timeline = [...pod.timeline, {
      atMs: this.nowMs(), phase: pod.phase, ready: pod.ready, nodeName: pod.nodeName, ip: pod.ip, restarts: pod.restarts, terminating,
    }];
  }

  private notify(change: StoreChange): void {
    this.notifying = true;
    try {
      const watchers = this.watchers;
      for (let i = 0; i < watchers.length; i++) watchers[i](change);
    } finally {
      this.notifying = false;
    }
  }

  private assertNotNotifying(what: string): void {
    if (this.notifying) {
      throw new SimulationError(SimulationErrorCode.INVARIANT, `a watcher tried to ${what} an object inside a store notification; watchers may only enqueue work`, this.nowMs());
    }
  }
}
