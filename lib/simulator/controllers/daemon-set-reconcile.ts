/**
 * The DaemonSet controller's decisions as pure functions (reference §3;
 * `pkg/controller/daemon/daemon_controller.go` and `update.go`, Kubernetes 1.27):
 *
 * - `evaluateNode` (daemon-set-node-evaluation.ts): everything the real `syncDaemonSet` derives
 *   from one node and its daemon pods — `podsShouldBeOnNode` (create, delete, failed pods), the
 *   node's share of `updateDaemonSetStatus`, and its class for `rollingUpdate`;
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
import type { DaemonSetStatus, SimDaemonSet, SimPod } from '../cluster/objects';
import type { EvaluationContext, NodeEvaluation, StatusShare } from './daemon-set-node-evaluation';
import { BURST_REPLICAS, failedPodBackoffKey, rollingBudget } from './daemon-set-utils';

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
 *
 * @param rules the version's rules (daemonSetRules) @default DAEMON_SET_RULES_1_27
 */
export function planDaemonSet(view: DaemonSetView, backoff: BackoffReader, rules: DaemonSetRules = DAEMON_SET_RULES_1_27): DaemonSetPlan {
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
    for (const pod of e.succeeded) {
      events.push({ type: 'Normal', reason: 'SucceededDaemonPod', message: `Found succeeded daemon pod ${pod.namespace}/${pod.name} on node ${name}, will try to delete it` });
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
      const u = rollingUpdatePlan(view, budget, rules);
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

/** What the DaemonSet controller does differently between Kubernetes versions. */
export interface DaemonSetRules {
  /**
   * `rollingUpdate` (maxSurge 0) counts an old pod that is not available — replaced at once —
   * against maxUnavailable (`numUnavailable++` for allowedReplacementPods, kubernetes#123233,
   * 1.31; cherry-picked to release-1.30 by #127774, a patch the table does not pin).
   */
  readonly countOldUnavailable: boolean;
  /**
   * `podsShouldBeOnNode` deletes Succeeded daemon pods (Normal `SucceededDaemonPod`) so they are
   * recreated (kubernetes#117073, 1.28); 1.27 counts them as running.
   */
  readonly deleteSucceeded: boolean;
}

/** 1.27. */
export const DAEMON_SET_RULES_1_27: DaemonSetRules = { countOldUnavailable: false, deleteSucceeded: false };

/** The rules of a Kubernetes minor. */
export function daemonSetRules(minor: number): DaemonSetRules {
  return { countOldUnavailable: minor >= 31, deleteSucceeded: minor >= 28 };
}

/** `update.go#rollingUpdate` over the cached classes (§3.6). */
function rollingUpdatePlan(view: DaemonSetView, budget: { maxSurge: number; maxUnavailable: number }, rules: DaemonSetRules): { creates: string[]; deletes: SimPod[] } {
  const { totals } = view;
  if (budget.maxSurge === 0) {
    // Every old pod that is not available may go at once ("allowedReplacementPods"); available
    // ones only within the unavailability budget ("candidatePodsToDelete") — from 1.31 a budget
    // the replaced unavailable old pods count against too.
    const deletes = view.oldUnavailable().map((w) => oldPodOf(w));
    const unavailable = totals.unavailableWithoutSurge + (rules.countOldUnavailable ? deletes.length : 0);
    const remaining = Math.max(0, budget.maxUnavailable - unavailable);
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
