/**
 * The DaemonSet controller's per-node decisions as pure functions (reference §3;
 * `pkg/controller/daemon/daemon_controller.go` and `update.go`, Kubernetes 1.27):
 * {@link evaluateNode} derives everything the real `syncDaemonSet` reads from one node and its
 * daemon pods — placement (`podsShouldBeOnNode`: create, delete, failed pods), the node's share of
 * `updateDaemonSetStatus`, and its class for `rollingUpdate`. The sync over every node is
 * {@link planDaemonSet} in daemon-set-reconcile.ts; the per-node results are cached by
 * DaemonSetIndex (daemon-set-index.ts).
 */
import type { SimPod } from '../cluster/objects';
import { availableAfterMs, compareDaemonPods, isPodAvailable, isPodUpdated, NodeEligibility } from './daemon-set-utils';

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
  /** Succeeded pods are deleted and replaced (kubernetes#117073, 1.28). @default false (1.27) */
  readonly deleteSucceeded?: boolean;
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
  /** 1.28+: Succeeded pods to delete at once (Normal `SucceededDaemonPod`). */
  readonly succeeded: readonly SimPod[];
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
  return e.create || e.deletes.length > 0 || e.failed.length > 0 || e.succeeded.length > 0;
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
  let succeeded: SimPod[] | undefined;
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
      // kubernetes#117073 (1.28): "Recreate DaemonSet pods completed with Succeeded phase".
      else if (c.deleteSucceeded && p.phase === 'Succeeded') (succeeded ??= []).push(p);
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
    create, deletes: deletes ?? NO_PODS, failed: failed ?? NO_PODS, succeeded: succeeded ?? NO_PODS, status, update,
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
