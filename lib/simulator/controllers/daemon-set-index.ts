/**
 * The DaemonSet controller's memory of one DaemonSet: its daemon pods grouped by target node
 * (`getNodesToDaemonPods`), each node's `NodeShouldRunDaemonPod` result and its last
 * {@link NodeEvaluation}, with running totals and candidate sets for the rolling update.
 *
 * Why: the real controller lists every node and every pod of the DaemonSet on each sync, so a
 * rolling update with `maxUnavailable: 1` over N nodes costs O(N²). The simulator must stay linear
 * (simulator-architecture.md "indexes, not scans"), so this index is fed with the store changes the
 * controller sees in `keysFor` and re-evaluates, at the next sync, only the nodes that changed
 * ("dirty"): a node added, relabelled, tainted or removed; a daemon pod added, updated or deleted;
 * a pod crossing `minReadySeconds` (a timer). A spec change marks every node dirty once. The
 * decisions themselves are {@link evaluateNode} and `planDaemonSet` in daemon-set-reconcile.ts,
 * identical to a full recomputation (the tests compare the two).
 *
 * Node order — the order manage creates pods in and rolling-update candidates are taken in — is
 * node creation order (`SimNode.index`: the scenario's `cluster.nodes`, then `addNode` steps).
 * Kubernetes iterates a Go map there, so its order is random; only counts are comparable.
 */
import type { ClusterReader } from '../cluster/store-types';
import type { PodSpec } from '../cluster/api-shapes';
import type { SimNode } from '../cluster/core-objects';
import type { SimPod } from '../cluster/pod-object';
import type { SimDaemonSet } from '../cluster/workload-objects';
import {
  countsAsSurge, evaluateNode, EvaluationContext, hasManageWork, NodeEvaluation, unavailableWithoutSurge,
} from './daemon-set-node-evaluation';
import { DaemonSetTotals, DaemonSetView, NodeWork } from './daemon-set-reconcile';
import {
  allowsSurge, daemonPodSpec, NodeEligibility, nodeShouldRunDaemonPod, targetNodeName, templateGenerationOf,
} from './daemon-set-utils';
import { canonicalJson, templateHash } from './revision';

const NOT_ELIGIBLE: NodeEligibility = { shouldRun: false, shouldContinueRunning: false };

/** One node (existing, or gone but still targeted by a pod). */
interface NodeEntry {
  readonly name: string;
  /** The live Node, or null once removed (or never seen). */
  node: SimNode | null;
  /** Position in the index's node order, -1 when the node does not exist. */
  pos: number;
  /** The DaemonSet's live pods targeting this node. */
  pods: SimPod[];
  /** `NodeShouldRunDaemonPod` for the current template; null = recompute. */
  eligibility: NodeEligibility | null;
  /** The last evaluation, or null before the first. */
  evaluation: NodeEvaluation | null;
}

interface MutableTotals {
  desired: number; current: number; misscheduled: number; ready: number; available: number; updated: number;
  unavailableWithoutSurge: number; surging: number;
}

/** See the file comment. */
export class DaemonSetIndex implements DaemonSetView {
  /** The DaemonSet's uid (a recreated DaemonSet gets a new index). */
  public readonly uid: string;
  /** The DaemonSet as of the last {@link refresh}. */
  public ds: SimDaemonSet;
  /** Context of the last {@link refresh}. */
  public context: EvaluationContext;
  private readonly entries = new Map<string, NodeEntry>();
  private readonly podEntry = new Map<string, NodeEntry>();
  private order: NodeEntry[] = [];
  private readonly dirty = new Set<NodeEntry>();
  private readonly timers = new TimerHeap();
  private readonly sums: MutableTotals = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0, unavailableWithoutSurge: 0, surging: 0 };
  private readonly manage = new Set<NodeEntry>();
  private readonly oldAvailableSet = new Set<NodeEntry>();
  private readonly oldUnavailableSet = new Set<NodeEntry>();
  private readonly bothNewAvailableSet = new Set<NodeEntry>();
  /** No existing node before this position of `order` is in `oldAvailableSet`. */
  private cursor = 0;
  private specRef: SimDaemonSet['spec'] | undefined;
  private templateJson = '';
  private countedTemplateGeneration = 0;
  private hash = '';
  private spec: PodSpec = { containers: [] };

  /**
   * Builds the index from the store (a controller's first look at the DaemonSet: every node and
   * every owned pod).
   *
   * @param ds the DaemonSet
   * @param cluster the store
   */
  public constructor(ds: SimDaemonSet, cluster: ClusterReader) {
    this.uid = ds.uid;
    this.ds = ds;
    this.applySpec(ds);
    this.context = { hash: this.hash, templateGeneration: undefined, allowsSurge: false, minReadyMs: 0, now: 0 };
    for (const node of cluster.list('Node')) this.nodeAdded(node);
    for (const pod of cluster.podsOwnedBy(ds.uid)) this.podChanged(pod);
  }

  // ------------------------------------------------------------------------------------------
  // change feed (called from the controller's keysFor; never writes to the store)
  // ------------------------------------------------------------------------------------------

  /** A daemon pod was added or changed; returns nothing (the pod's owner is synced anyway). */
  public podChanged(pod: SimPod): void {
    const target = targetNodeName(pod);
    const current = this.podEntry.get(pod.uid);
    if (target === undefined) {
      if (current) this.podRemoved(pod);
      return;
    }
    if (current && current.name === target) {
      this.markDirty(current);
      return;
    }
    if (current) this.podRemoved(pod);
    const entry = this.entryFor(target);
    entry.pods = [...entry.pods, pod];
    this.podEntry.set(pod.uid, entry);
    this.markDirty(entry);
  }

  /** A daemon pod left the store. */
  public podRemoved(pod: SimPod): void {
    const entry = this.podEntry.get(pod.uid);
    if (!entry) return;
    this.podEntry.delete(pod.uid);
    entry.pods = entry.pods.filter((p) => p.uid !== pod.uid);
    this.markDirty(entry);
  }

  /** A node was added; returns whether it should run a daemon pod (`addNode` enqueues only then). */
  public nodeAdded(node: SimNode): boolean {
    const entry = this.entryFor(node.name);
    if (entry.node === node) {
      this.nodeChanged(node);
      return entry.eligibility!.shouldRun;
    }
    entry.node = node;
    entry.pos = this.order.length;
    this.order.push(entry);
    entry.eligibility = nodeShouldRunDaemonPod(this.spec, node);
    this.markDirty(entry);
    return entry.eligibility.shouldRun;
  }

  /**
   * A node changed; returns whether `shouldRun` or `shouldContinueRunning` changed (`updateNode`
   * enqueues only then). Other node changes do not concern the DaemonSet.
   */
  public nodeChanged(node: SimNode): boolean {
    const entry = this.entries.get(node.name);
    if (!entry || entry.node !== node) return this.nodeAdded(node);
    const before = entry.eligibility;
    const after = nodeShouldRunDaemonPod(this.spec, node);
    entry.eligibility = after;
    const changed = !before || before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning;
    if (changed) this.markDirty(entry);
    return changed;
  }

  /**
   * A node was removed. The real controller has no node-delete handler (PodGC removes the pods,
   * whose deletion syncs the DaemonSet), so this only marks the node for the next sync.
   */
  public nodeRemoved(node: SimNode): void {
    const entry = this.entries.get(node.name);
    if (!entry || entry.node !== node) return;
    entry.node = null;
    entry.pos = -1;
    entry.eligibility = NOT_ELIGIBLE;
    this.markDirty(entry);
  }

  // ------------------------------------------------------------------------------------------
  // sync
  // ------------------------------------------------------------------------------------------

  /**
   * Brings the index up to `now` for `ds`: applies a spec change (every node re-evaluated), fires
   * due minReadySeconds timers, and re-evaluates every dirty node.
   * @param deleteSucceeded Succeeded pods are deleted (1.28+, DaemonSetRules) @default false
   */
  public refresh(ds: SimDaemonSet, now: number, deleteSucceeded = false): void {
    this.ds = ds;
    if (ds.spec !== this.specRef) this.applySpec(ds);
    this.context = {
      hash: this.hash,
      templateGeneration: templateGenerationOf(ds),
      allowsSurge: allowsSurge(ds),
      minReadyMs: Math.max(0, ds.spec.minReadySeconds ?? 0) * 1000,
      now, ...(deleteSucceeded ? { deleteSucceeded } : {}),
    };
    for (let t = this.timers.peek(); t && t.atMs <= now; t = this.timers.peek()) {
      this.timers.pop();
      if (this.entries.get(t.entry.name) === t.entry) this.dirty.add(t.entry);
    }
    for (const entry of this.dirty) this.evaluate(entry);
    this.dirty.clear();
  }

  /** The current `controller-revision-hash`. */
  public get revisionHash(): string {
    return this.hash;
  }

  /**
   * The `pod-template-generation` new pods are labelled with: the DaemonSet's
   * `deprecated.daemonset.template.generation` annotation if set, else the template versions this
   * index has seen (1 for the template at the first sync, +1 per template change — what the API
   * server's annotation would say, unless the template changed twice between two syncs). Labels
   * only: whether a pod is up to date is decided by its hash (§3.2).
   */
  public get podTemplateGeneration(): number {
    return this.context.templateGeneration ?? this.countedTemplateGeneration;
  }

  /** The pod spec daemon pods are created from (template spec plus daemon tolerations). */
  public get daemonSpec(): PodSpec {
    return this.spec;
  }

  /** @inheritdoc */
  public get totals(): DaemonSetTotals {
    return { ...this.sums };
  }

  /** @inheritdoc */
  public manageWork(): readonly NodeWork[] {
    return this.work(this.manage);
  }

  /** @inheritdoc */
  public oldUnavailable(): readonly NodeWork[] {
    return this.work(this.oldUnavailableSet);
  }

  /** @inheritdoc */
  public bothNewAvailable(): readonly NodeWork[] {
    return this.work(this.bothNewAvailableSet);
  }

  /** @inheritdoc */
  public firstOldAvailable(n: number): readonly NodeWork[] {
    const set = this.oldAvailableSet;
    if (n <= 0 || set.size === 0) return [];
    if (set.size <= n) return this.work(set);
    const out: NodeWork[] = [];
    let first = -1;
    for (let i = this.cursor; i < this.order.length && out.length < n; i++) {
      const e = this.order[i];
      if (e.pos !== i || !set.has(e)) continue;
      if (first < 0) first = i;
      out.push({ name: e.name, evaluation: e.evaluation! });
    }
    this.cursor = first >= 0 ? first : this.order.length;
    if (out.length < n) {
      // Candidates on nodes that are gone (a bound old pod PodGC has not removed yet) come last.
      const gone = [...set].filter((e) => e.pos < 0).sort((a, b) => compareNames(a.name, b.name));
      for (const e of gone) {
        if (out.length >= n) break;
        out.push({ name: e.name, evaluation: e.evaluation! });
      }
    }
    return out;
  }

  /** @inheritdoc */
  public nextChangeMs(): number | undefined {
    return this.timers.peek()?.atMs;
  }

  /** Number of nodes tracked (existing ones plus gone ones still targeted by a pod). */
  public get size(): number {
    return this.entries.size;
  }

  // ------------------------------------------------------------------------------------------
  // internals
  // ------------------------------------------------------------------------------------------

  private applySpec(ds: SimDaemonSet): void {
    this.specRef = ds.spec;
    const json = canonicalJson(ds.spec.template ?? {});
    const templateChanged = json !== this.templateJson;
    if (templateChanged) {
      this.templateJson = json;
      // The API server bumps the template generation when the template changes (SetDefaults /
      // PrepareForUpdate of apps DaemonSets); counted here for `pod-template-generation`.
      this.countedTemplateGeneration += 1;
      this.hash = templateHash(ds.spec.template ?? {});
      this.spec = daemonPodSpec(ds.spec.template);
    }
    for (const entry of this.entries.values()) {
      if (templateChanged) entry.eligibility = entry.node ? nodeShouldRunDaemonPod(this.spec, entry.node) : NOT_ELIGIBLE;
      this.dirty.add(entry);
    }
  }

  private entryFor(name: string): NodeEntry {
    let e = this.entries.get(name);
    if (!e) {
      e = { name, node: null, pos: -1, pods: [], eligibility: null, evaluation: null };
      this.entries.set(name, e);
    }
    return e;
  }

  private markDirty(entry: NodeEntry): void {
    this.dirty.add(entry);
  }

  private evaluate(entry: NodeEntry): void {
    if (entry.evaluation) this.account(entry, entry.evaluation, -1);
    if (entry.node === null && entry.pods.length === 0) {
      // Nothing left to track for a removed node.
      entry.evaluation = null;
      this.entries.delete(entry.name);
      return;
    }
    const eligibility = entry.node ? (entry.eligibility ??= nodeShouldRunDaemonPod(this.spec, entry.node)) : NOT_ELIGIBLE;
    const evaluation = evaluateNode({ name: entry.name, exists: entry.node !== null, eligibility, pods: entry.pods }, this.context);
    entry.evaluation = evaluation;
    this.account(entry, evaluation, 1);
    if (evaluation.nextChangeMs !== undefined) this.timers.push(evaluation.nextChangeMs, entry);
  }

  private account(entry: NodeEntry, e: NodeEvaluation, sign: 1 | -1): void {
    const s = this.sums;
    if (e.status) {
      s.desired += sign * e.status.desired;
      s.current += sign * e.status.current;
      s.misscheduled += sign * e.status.misscheduled;
      s.ready += sign * e.status.ready;
      s.available += sign * e.status.available;
      s.updated += sign * e.status.updated;
    }
    if (unavailableWithoutSurge(e.update)) s.unavailableWithoutSurge += sign;
    if (countsAsSurge(e.update)) s.surging += sign;
    const add = sign > 0;
    toggle(this.manage, entry, add && hasManageWork(e));
    toggle(this.oldUnavailableSet, entry, add && e.update.kind === 'old' && !e.update.available);
    toggle(this.bothNewAvailableSet, entry, add && e.update.kind === 'both' && e.update.newAvailable);
    const oldAvailable = add && e.update.kind === 'old' && e.update.available;
    toggle(this.oldAvailableSet, entry, oldAvailable);
    if (oldAvailable && entry.pos >= 0 && entry.pos < this.cursor) this.cursor = entry.pos;
  }

  /** Entries as {@link NodeWork}, existing nodes in node order, then gone nodes by name. */
  private work(set: ReadonlySet<NodeEntry>): NodeWork[] {
    const list = [...set];
    list.sort((a, b) => (a.pos >= 0 && b.pos >= 0 ? a.pos - b.pos : a.pos >= 0 ? -1 : b.pos >= 0 ? 1 : compareNames(a.name, b.name)));
    return list.map((e) => ({ name: e.name, evaluation: e.evaluation! }));
  }
}

function toggle<T>(set: Set<T>, v: T, on: boolean): void {
  if (on) set.add(v);
  else set.delete(v);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A binary min-heap of (atMs, entry) timers; stale timers are harmless (they only mark a node dirty). */
class TimerHeap {
  private readonly items: Array<{ atMs: number; entry: NodeEntry }> = [];

  public peek(): { atMs: number; entry: NodeEntry } | undefined {
    return this.items[0];
  }

  public push(atMs: number, entry: NodeEntry): void {
    const a = this.items;
    a.push({ atMs, entry });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].atMs <= a[i].atMs) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }

  public pop(): void {
    const a = this.items;
    const last = a.pop();
    if (a.length === 0 || !last) return;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l].atMs < a[m].atMs) m = l;
      if (r < a.length && a[r].atMs < a[m].atMs) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
}
