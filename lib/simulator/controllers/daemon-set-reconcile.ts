/**
 * The DaemonSet controller's decisions as pure functions (reference §3;
 * `pkg/controller/daemon/daemon_controller.go` and `update.go`, Kubernetes 1.27):
 *
 * - {@link evaluateNode}: everything the real `syncDaemonSet` derives from one node and its daemon
 *   pods — `podsShouldBeOnNode` (create, delete, failed pods), the node's share of
 *   `updateDaemonSetStatus`, and its class for `rollingUpdate`;
 * - {@link planDaemonSet}: one sync — `manage` over the nodes with work, then (only when manage
 *   did nothing, i.e. the expectations are satisfied) `rollingUpdate`, with `burstReplicas` caps,
 *   plus the status and the requeue delay.
 *
 * The real controller recomputes every node on every sync. Here the per-node results are cached by
 * {@link DaemonSetIndex} (daemon-set-index.ts) and recomputed only for nodes whose node object or
 * pods changed, or whose pod crosses `minReadySeconds`; {@link planDaemonSet} reads the cached
 * totals through {@link DaemonSetView}. The decisions are the same; the cost of a sync follows
 * the number of changed nodes, not the cluster size.
 */
import type { SimPod } from '../cluster/pod-object';
import type { DaemonSetStatus, SimDaemonSet } from '../cluster/workload-objects';
import {
  availableAfterMs, BURST_REPLICAS, compareDaemonPods, failedPodBackoffKey, isPodAvailable, isPodUpdated,
  NodeEligibility, rollingBudget,
} from './daemon-set-utils';

// ---------------------------------------------------------------------------------------------
// One node
// ---------------------------------------------------------------------------------------------

/** What {@link evaluateNode} looks at. */
export interface NodeSnapshot {
  /** Node name (the pods' target node). */
  readonly name: string;
  /** Whether the Node object exists (pending pods may target a node that is gone). */
  readonly exists: boolean;
  /** `NodeShouldRunDaemonPod` for the node (both false when it does not exist). */
  readonly eligibility: NodeEligibility;
  /**
   * The DaemonSet's pods targeting this node (`getNodesToDaemonPods`), in any order; pods both
   * terminal and terminating are excluded by {@link evaluateNode} itself.
   */
  readonly pods: readonly SimPod[];
}

/** The DaemonSet-wide inputs of {@link evaluateNode}. */
export interface EvaluationContext {
  /** The current `controller-revision-hash`. */
  readonly hash: string;
  /** The DaemonSet's `deprecated.daemonset.template.generation` annotation, if set (`GetTemplateGeneration`). */
  readonly templateGeneration: number | undefined;
  /** `AllowsSurge(ds)`. */
  readonly allowsSurge: boolean;
  /** `minReadySeconds` in ms. */
  readonly minReadyMs: number;
  /** Simulated now. */
  readonly now: number;
}

/** A node's share of the DaemonSet status (`updateDaemonSetStatus`, §3.5), each 0 or 1. */
export interface StatusShare {
  /** desiredNumberScheduled. */
  readonly desired: number;
  /** currentNumberScheduled. */
  readonly current: number;
  /** numberMisscheduled. */
  readonly misscheduled: number;
  /** numberReady. */
  readonly ready: number;
  /** numberAvailable. */
  readonly available: number;
  /** updatedNumberScheduled. */
  readonly updated: number;
}

/**
 * How `rollingUpdate` sees a node (§3.6, `findUpdatedPodsOnNode` over non-terminating pods):
 * - `absent`: not in its node map (no pods, and no pod wanted);
 * - `excess`: more than one old or more than one new pod;
 * - `empty`: no non-terminating pod;
 * - `new` / `old`: one pod, updated or not;
 * - `both`: one old and one new pod.
 */
export type UpdateClass =
  | { readonly kind: 'absent' }
  | { readonly kind: 'excess' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'new'; readonly available: boolean }
  | { readonly kind: 'old'; readonly pod: SimPod; readonly available: boolean }
  | { readonly kind: 'both'; readonly oldPod: SimPod; readonly newAvailable: boolean };

/** Everything the controller derives from one node. */
export interface NodeEvaluation {
  /** `podsShouldBeOnNode`: a daemon pod should be created. */
  readonly create: boolean;
  /** Pods to delete: excess, no longer wanted, surge replacements, pending pods of a missing node. */
  readonly deletes: readonly SimPod[];
  /** Failed pods to delete after the failed-pod back-off allows it (Warning `FailedDaemonPod`). */
  readonly failed: readonly SimPod[];
  /** The node's status share; null for a node that does not exist. */
  readonly status: StatusShare | null;
  /** The rolling-update view of the node. */
  readonly update: UpdateClass;
  /** The earliest later instant at which a pod here becomes available (minReadySeconds), if any. */
  readonly nextChangeMs?: number;
}

const NO_PODS: readonly SimPod[] = [];
const ABSENT: UpdateClass = { kind: 'absent' };

/** Whether a node's evaluation asks manage for anything. */
export function hasManageWork(e: NodeEvaluation): boolean {
  return e.create || e.deletes.length > 0 || e.failed.length > 0;
}

/** Evaluates one node. See {@link NodeEvaluation}. */
export function evaluateNode(node: NodeSnapshot, c: EvaluationContext): NodeEvaluation {
  // getNodesToDaemonPods(includeDeletedTerminal=false): a pod that is terminal AND terminating has
  // nothing left for the controller to do (1.27, "already scheduled for deletion from the store").
  const pods = node.pods.filter((p) => !(p.deletionMs !== null && (p.phase === 'Succeeded' || p.phase === 'Failed')));
  const exists = pods.length > 0;
  const { shouldRun, shouldContinueRunning } = node.exists ? node.eligibility : { shouldRun: false, shouldContinueRunning: false };
  let nextChangeMs: number | undefined;
  const noteAvailability = (p: SimPod) => {
    const at = availableAfterMs(p, c.minReadyMs, c.now);
    if (at !== undefined && (nextChangeMs === undefined || at < nextChangeMs)) nextChangeMs = at;
  };
  for (const p of pods) noteAvailability(p);

  // --- manage: podsShouldBeOnNode (§3.4) ---
  let create = false;
  let deletes: SimPod[] | undefined;
  let failed: SimPod[] | undefined;
  if (!node.exists) {
    // getUnscheduledPodsWithoutNode: pending pods bound for a node that is gone; scheduled ones are
    // PodGC's (§3.4).
    for (const p of pods) if (p.nodeName === null) (deletes ??= []).push(p);
  } else if (shouldRun && !exists) {
    create = true;
  } else if (shouldContinueRunning) {
    const running: SimPod[] = [];
    for (const p of pods) {
      if (p.deletionMs !== null) continue;
      // 1.27: only Failed pods are replaced; a Succeeded daemon pod counts as running (the
      // SucceededDaemonPod branch came later, §3.4 version note).
      if (p.phase === 'Failed') (failed ??= []).push(p);
      else running.push(p);
    }
    if (!c.allowsSurge) {
      // Without surge, more than one running pod: keep the oldest (podByCreationTimestampAndPhase).
      if (running.length > 1) {
        running.sort(compareDaemonPods);
        deletes = running.slice(1);
      }
    } else if (running.length <= 1) {
      // Surging needs at least one non-deleted pod on the node.
      if (running.length === 0 && shouldRun) create = true;
    } else {
      // Two pods are allowed only while the oldest new pod is not ready and the oldest old pod is.
      running.sort(compareDaemonPods);
      let oldestNew: SimPod | undefined;
      let oldestOld: SimPod | undefined;
      for (const p of running) {
        if (isPodUpdated(p, c.hash, c.templateGeneration)) {
          if (!oldestNew) {
            oldestNew = p;
            continue;
          }
        } else if (!oldestOld) {
          oldestOld = p;
          continue;
        }
        (deletes ??= []).push(p);
      }
      if (oldestNew && oldestOld && (!oldestOld.ready || isPodAvailable(oldestNew, c.minReadyMs, c.now))) (deletes ??= []).push(oldestOld);
    }
  } else if (exists) {
    // !shouldContinueRunning: the node no longer matches (labels, affinity, NoExecute taint).
    for (const p of pods) if (p.deletionMs === null) (deletes ??= []).push(p);
  }

  // --- status share: updateDaemonSetStatus (§3.5) ---
  let status: StatusShare | null = null;
  if (node.exists) {
    if (shouldRun) {
      if (exists) {
        const oldest = pods.length === 1 ? pods[0] : [...pods].sort(compareDaemonPods)[0];
        const ready = oldest.ready ? 1 : 0;
        status = {
          desired: 1, current: 1, misscheduled: 0, ready,
          available: ready && isPodAvailable(oldest, c.minReadyMs, c.now) ? 1 : 0,
          updated: isPodUpdated(oldest, c.hash, c.templateGeneration) ? 1 : 0,
        };
      } else {
        status = { desired: 1, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
      }
    } else {
      status = { desired: 0, current: 0, misscheduled: exists ? 1 : 0, ready: 0, available: 0, updated: 0 };
    }
  }

  // --- rolling update: updatedDesiredNodeCounts adds every shouldRun node to the map (§3.6) ---
  const update = exists || shouldRun ? updateClass(pods, c) : ABSENT;

  return {
    create, deletes: deletes ?? NO_PODS, failed: failed ?? NO_PODS, status, update,
    ...(nextChangeMs !== undefined ? { nextChangeMs } : {}),
  };
}

/** `findUpdatedPodsOnNode` plus availability (§3.6). */
function updateClass(pods: readonly SimPod[], c: EvaluationContext): UpdateClass {
  let newPod: SimPod | undefined;
  let oldPod: SimPod | undefined;
  for (const p of pods) {
    if (p.deletionMs !== null) continue;
    if (isPodUpdated(p, c.hash, c.templateGeneration)) {
      if (newPod) return { kind: 'excess' };
      newPod = p;
    } else {
      if (oldPod) return { kind: 'excess' };
      oldPod = p;
    }
  }
  if (!newPod && !oldPod) return { kind: 'empty' };
  if (newPod && oldPod) return { kind: 'both', oldPod, newAvailable: isPodAvailable(newPod, c.minReadyMs, c.now) };
  if (newPod) return { kind: 'new', available: isPodAvailable(newPod, c.minReadyMs, c.now) };
  return { kind: 'old', pod: oldPod!, available: isPodAvailable(oldPod!, c.minReadyMs, c.now) };
}

/** Whether the maxSurge == 0 path counts the node as unavailable (§3.6). */
export function unavailableWithoutSurge(u: UpdateClass): boolean {
  return u.kind === 'excess' || u.kind === 'empty' || u.kind === 'both' || (u.kind === 'new' && !u.available);
}

/** Whether the maxSurge > 0 path counts the node against the surge budget (§3.6). */
export function countsAsSurge(u: UpdateClass): boolean {
  return u.kind === 'excess' || (u.kind === 'both' && !u.newAvailable);
}

// ---------------------------------------------------------------------------------------------
// One sync
// ---------------------------------------------------------------------------------------------

/** Sums over every node of {@link StatusShare} and the rolling-update counters. */
export interface DaemonSetTotals extends StatusShare {
  /** Nodes {@link unavailableWithoutSurge}. */
  readonly unavailableWithoutSurge: number;
  /** Nodes that {@link countsAsSurge}. */
  readonly surging: number;
}

/** A node with manage work, or a rolling-update candidate. */
export interface NodeWork {
  /** Node name. */
  readonly name: string;
  /** Its evaluation. */
  readonly evaluation: NodeEvaluation;
}

/** The DaemonSet-wide view {@link planDaemonSet} reads (implemented by DaemonSetIndex). */
export interface DaemonSetView {
  /** The DaemonSet. */
  readonly ds: SimDaemonSet;
  /** The evaluation context the nodes were evaluated with (hash, now, …). */
  readonly context: EvaluationContext;
  /** Totals over every node. */
  readonly totals: DaemonSetTotals;
  /** Nodes whose evaluation {@link hasManageWork}, in node order. */
  manageWork(): readonly NodeWork[];
  /** Nodes of class `old` whose pod is not available, in node order. */
  oldUnavailable(): readonly NodeWork[];
  /** Nodes of class `both` whose new pod is available, in node order. */
  bothNewAvailable(): readonly NodeWork[];
  /** The first `n` nodes of class `old` with an available pod, in node order. */
  firstOldAvailable(n: number): readonly NodeWork[];
  /** The earliest later instant at which a pod becomes available, if any. */
  nextChangeMs(): number | undefined;
}

/** The failed-pod back-off as the plan reads it (see `FailedPodBackoff`). */
export interface BackoffReader {
  /** `IsInBackOffSinceUpdate`. */
  inBackoffSinceUpdate(key: string, now: number): boolean;
  /** `Get`: the current delay. */
  delayMs(key: string): number;
  /** The delay `Next` would set now (without setting it). */
  delayAfterNext(key: string, now: number): number;
}

/** An event the controller records itself (not through the PodControl). */
export interface PlannedEvent {
  /** Normal / Warning. */
  readonly type: 'Normal' | 'Warning';
  /** Reason. */
  readonly reason: string;
  /** Message. */
  readonly message: string;
}

/** What one sync does, in order: events, back-off updates, creates (slow start), deletes, status. */
export interface DaemonSetPlan {
  /** Which part acted: nothing, `manage` (creates/deletes), or `rollingUpdate`. */
  readonly phase: 'none' | 'manage' | 'rollingUpdate' | 'selectingAll';
  /** Events to record first (SelectingAll, FailedDaemonPod). */
  readonly events: readonly PlannedEvent[];
  /** Failed-pod back-off keys to advance (`failedPodsBackoff.Next`) before deleting. */
  readonly backoffNext: readonly string[];
  /** Nodes to create a daemon pod on, at most {@link BURST_REPLICAS}, in node order. */
  readonly creates: readonly string[];
  /** Pods to delete, at most {@link BURST_REPLICAS}. */
  readonly deletes: readonly SimPod[];
  /** The status to write, or undefined to leave it (SelectingAll). */
  readonly status?: DaemonSetStatus;
  /** Sync again after this many ms. */
  readonly requeueAfterMs?: number;
}

/**
 * One sync of `syncDaemonSet` (§3.4–§3.6). A selector `{}` only records `SelectingAll`. Otherwise
 * `manage` first: every node with work, failed pods behind the back-off (the first failed pod of a
 * node per back-off step; the sync is requeued after the back-off delay for the rest). When manage
 * creates or deletes anything, the rolling update waits for the next sync (the real controller's
 * expectations are unsatisfied until it observes its own writes — here that next sync runs at the
 * same instant, triggered by those writes). Otherwise, for `RollingUpdate`:
 *
 * - maxSurge == 0: delete every old pod that is not available, plus old available pods up to
 *   `maxUnavailable − unavailable nodes`; manage creates the replacements on later syncs.
 * - maxSurge > 0: create a new pod beside every unavailable old pod, and beside available old pods
 *   up to `maxSurge − surging nodes`; delete old pods whose new pod is available.
 *
 * Which candidate nodes go first is not deterministic in Kubernetes (Go map order); here it is
 * node creation order, so runs repeat — only counts should be asserted.
 */
export function planDaemonSet(view: DaemonSetView, backoff: BackoffReader): DaemonSetPlan {
  const { ds, context: c, totals } = view;
  if (isEverythingSelector(ds.spec.selector)) {
    return {
      phase: 'selectingAll', events: [{ type: 'Warning', reason: 'SelectingAll', message: 'This daemon set is selecting all pods. A non-empty selector is required.' }],
      backoffNext: [], creates: [], deletes: [],
    };
  }
  const now = c.now;
  const events: PlannedEvent[] = [];
  const backoffNext: string[] = [];
  const advanced = new Set<string>();
  let requeue: number | undefined;
  const requeueAfter = (ms: number) => {
    requeue = requeue === undefined ? ms : Math.min(requeue, ms);
  };

  // --- manage ---
  const creates: string[] = [];
  const deletes: SimPod[] = [];
  for (const { name, evaluation: e } of view.manageWork()) {
    if (e.create) creates.push(name);
    for (const pod of e.failed) {
      // "This is a critical place where DS is often fighting with kubelet that rejects pods. We
      // need to avoid hot looping and backoff." — failedPodsBackoff per ds/observedGeneration/node.
      const key = failedPodBackoffKey(ds, name);
      if (advanced.has(key)) {
        // Next() just ran for this key in this sync: the delay it set is pending.
        requeueAfter(backoff.delayAfterNext(key, now));
        continue;
      }
      if (backoff.inBackoffSinceUpdate(key, now)) {
        requeueAfter(backoff.delayMs(key));
        continue;
      }
      advanced.add(key);
      backoffNext.push(key);
      events.push({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${pod.namespace}/${pod.name} on node ${name}, will try to kill it` });
      deletes.push(pod);
    }
    for (const pod of e.deletes) deletes.push(pod);
  }

  let phase: DaemonSetPlan['phase'] = 'none';
  let plannedCreates: string[] = creates;
  let plannedDeletes: SimPod[] = deletes;
  if (creates.length > 0 || deletes.length > 0) {
    phase = 'manage';
  } else if (ds.spec.updateStrategy.type === 'RollingUpdate') {
    // --- rollingUpdate (runs only with satisfied expectations) ---
    const budget = rollingBudget(ds, totals.desired);
    // An unparseable maxSurge/maxUnavailable fails the real sync ("couldn't get unavailable
    // numbers") on every retry; the loader rejects such manifests, so nothing rolls here.
    if (budget) {
      const u = rollingUpdatePlan(view, budget);
      plannedCreates = u.creates;
      plannedDeletes = u.deletes;
      if (u.creates.length > 0 || u.deletes.length > 0) phase = 'rollingUpdate';
    }
  }

  // --- status (§3.5), as observed at the start of this sync ---
  const status: DaemonSetStatus = {
    observedGeneration: ds.generation,
    desiredNumberScheduled: totals.desired,
    currentNumberScheduled: totals.current,
    numberMisscheduled: totals.misscheduled,
    numberReady: totals.ready,
    numberAvailable: totals.available,
    numberUnavailable: totals.desired - totals.available,
    updatedNumberScheduled: totals.updated,
    collisionCount: ds.status.collisionCount ?? 0,
  };
  // "Resync the DaemonSet after MinReadySeconds as a last line of defense to guard against clock-skew."
  if (c.minReadyMs > 0 && totals.ready !== totals.available) requeueAfter(c.minReadyMs);
  const next = view.nextChangeMs();
  if (next !== undefined) requeueAfter(Math.max(0, next - now));

  return {
    phase, events, backoffNext,
    // syncNodes: createDiff and deleteDiff are capped at burstReplicas; the rest waits for a later sync.
    creates: plannedCreates.slice(0, BURST_REPLICAS),
    deletes: plannedDeletes.slice(0, BURST_REPLICAS),
    status,
    ...(requeue !== undefined ? { requeueAfterMs: requeue } : {}),
  };
}

/** `update.go#rollingUpdate` over the cached classes (§3.6). */
function rollingUpdatePlan(view: DaemonSetView, budget: { maxSurge: number; maxUnavailable: number }): { creates: string[]; deletes: SimPod[] } {
  const { totals } = view;
  if (budget.maxSurge === 0) {
    // Every old pod that is not available may go at once ("allowedReplacementPods"); available
    // ones only within the unavailability budget ("candidatePodsToDelete").
    const deletes = view.oldUnavailable().map((w) => oldPodOf(w));
    const remaining = Math.max(0, budget.maxUnavailable - totals.unavailableWithoutSurge);
    for (const w of view.firstOldAvailable(remaining)) deletes.push(oldPodOf(w));
    return { creates: [], deletes };
  }
  // Surge: old pods whose new pod is available go; nodes with an unavailable old pod get a new pod
  // at once ("allowedNewNodes"); others within the surge budget ("candidateNewNodes").
  const deletes = view.bothNewAvailable().map((w) => (w.evaluation.update as { oldPod: SimPod }).oldPod);
  const creates = view.oldUnavailable().map((w) => w.name);
  const remaining = Math.max(0, budget.maxSurge - totals.surging);
  for (const w of view.firstOldAvailable(remaining)) creates.push(w.name);
  return { creates, deletes };
}

function oldPodOf(w: NodeWork): SimPod {
  return (w.evaluation.update as { pod: SimPod }).pod;
}

/** `reflect.DeepEqual(ds.Spec.Selector, &metav1.LabelSelector{})`: a selector with nothing in it. */
export function isEverythingSelector(selector: SimDaemonSet['spec']['selector'] | undefined): boolean {
  if (!selector) return false;
  return selector.matchLabels === undefined && selector.matchExpressions === undefined;
}
