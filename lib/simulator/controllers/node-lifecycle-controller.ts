/**
 * The node lifecycle controller (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`,
 * v1.27), driven by the node conditions a scenario sets (`nodeCondition`):
 *
 * - **NoSchedule taints by condition** (`doNoScheduleTaintingPass`, run from the node update
 *   handler, so at once): `nodeConditionToTaintKeyStatusMap` — Ready False →
 *   `node.kubernetes.io/not-ready`, Ready Unknown → `node.kubernetes.io/unreachable`,
 *   MemoryPressure/DiskPressure/PIDPressure/NetworkUnavailable True → `node.kubernetes.io/memory-pressure`
 *   … `network-unavailable`, each `:NoSchedule`; taints of conditions that no longer hold are removed.
 * - **NoExecute taints** (`monitorNodeHealth` every `--node-monitor-period` = 5 s →
 *   `processTaintBaseEviction` → `doNoExecuteTaintingPass`): Ready False → `not-ready:NoExecute`,
 *   Unknown → `unreachable:NoExecute` (swapping one for the other, `SwapNodeControllerTaint`),
 *   Ready True → both removed (`markNodeAsReachable`). `timeAdded` is set when added; the taint
 *   eviction (garbage-collector.ts, the NoExecuteTaintManager) then deletes the pods that do not
 *   tolerate it, and those that tolerate it for `tolerationSeconds` (300 s by default, from the
 *   DefaultTolerationSeconds admission plugin, taints.ts) when that time has passed. Daemon pods
 *   tolerate both without tolerationSeconds (`util.AddOrUpdateDaemonPodTolerations`) and stay.
 * - **MarkPodsNotReady** (`pkg/controller/util/node/controller_utils.go`, same pass): when Ready is
 *   not True, every pod on the node gets Ready False and a Warning `NodeNotReady` "Node is not
 *   ready" event. When Ready is True again the kubelet reports the pods' real readiness.
 * - **Events** (`RecordNodeStatusChange`): Normal `NodeNotReady` / `NodeReady` on the Node,
 *   `Node <name> status is now: <status>`.
 *
 * Not modelled: the node-monitor grace period (the scenario sets the condition the controller
 * would derive after 40 s without heartbeats), zone states and the eviction rate limiter (every
 * node is tainted at the next monitor tick).
 */
import { EventPriority, EventQueue } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { Taint } from '../cluster/api-shapes';
import type { ClusterState } from '../cluster/cluster-state';
import type { NodeConditionStatus, NodeConditionType, SimNode } from '../cluster/core-objects';
import type { Kubelet } from '../cluster/kubelet';
import { setConditions } from '../cluster/kubelet-status';
import type { StoreChange } from '../cluster/store-types';
import { NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY } from '../cluster/taints';

/** `--node-monitor-period` (kube-controller-manager default 5 s): how often monitorNodeHealth runs. */
export const NODE_MONITOR_PERIOD_MS = 5000;

/** `nodeConditionToTaintKeyStatusMap`: the NoSchedule taint of each condition status. */
export const CONDITION_TAINTS: Readonly<Record<NodeConditionType, Partial<Record<NodeConditionStatus, string>>>> = {
  Ready: { False: NOT_READY_TAINT_KEY, Unknown: UNREACHABLE_TAINT_KEY },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
};

const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** The node's Ready status (True unless the scenario set another). */
export function nodeReadyStatus(node: Pick<SimNode, 'conditions'>): NodeConditionStatus {
  return node.conditions?.Ready ?? 'True';
}

/** The taints the controller wants on `node` for its conditions: NoSchedule ones, and `noExecute` ones when asked. @internal */
export function conditionTaints(node: Pick<SimNode, 'conditions'>, noExecute: boolean): Array<Pick<Taint, 'key' | 'effect'>> {
  const out: Array<Pick<Taint, 'key' | 'effect'>> = [];
  for (const [type, byStatus] of Object.entries(CONDITION_TAINTS) as Array<[NodeConditionType, Partial<Record<NodeConditionStatus, string>>]>) {
    const status = node.conditions?.[type] ?? (type === 'Ready' ? 'True' : 'False');
    const key = byStatus[status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  const ready = nodeReadyStatus(node);
  if (noExecute && ready !== 'True') out.push({ key: ready === 'False' ? NOT_READY_TAINT_KEY : UNREACHABLE_TAINT_KEY, effect: 'NoExecute' });
  return out;
}

/** The node lifecycle controller. See the file comment. */
export class NodeLifecycleController {
  /**
   * @param state the store
   * @param queue the agenda
   * @param recorder event recorder (source `node-controller`)
   * @param kubelet the kubelet (reports the pods' readiness again when a node is Ready again)
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly queue: EventQueue,
    private readonly recorder: EventRecorder,
    private readonly kubelet: Kubelet,
  ) {
    state.watch((c) => this.onChange(c));
  }

  private onChange(c: StoreChange): void {
    if (c.object.kind !== 'Node' || c.type === 'Deleted') return;
    const node = c.object;
    const old = c.old as SimNode | undefined;
    if ((old?.conditions ?? undefined) === node.conditions) return;
    const label = `node-lifecycle ${node.name}`;
    this.queue.schedule(c.atMs, EventPriority.GARBAGE_COLLECTOR, `${label} NoSchedule`, () => this.taint(node, false));
    const tick = Math.ceil(c.atMs / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    const before = old ? nodeReadyStatus(old) : 'True';
    this.queue.schedule(tick, EventPriority.GARBAGE_COLLECTOR, `${label} monitor`, () => this.monitor(node, before));
  }

  /** Sets the condition taints (NoSchedule only, or NoSchedule and NoExecute), keeping every other taint. */
  private taint(node: SimNode, noExecute: boolean): void {
    if (node.deletedMs !== null) return;
    const wanted = conditionTaints(node, noExecute);
    const keep = (t: Taint) => !CONDITION_TAINT_KEYS.has(t.key) || (!noExecute && t.effect === 'NoExecute');
    const has = (w: Pick<Taint, 'key' | 'effect'>) => node.taints.some((t) => t.key === w.key && t.effect === w.effect);
    const kept = node.taints.filter((t) => keep(t) || wanted.some((w) => w.key === t.key && w.effect === t.effect));
    const added = wanted.filter((w) => !has(w));
    if (added.length === 0 && kept.length === node.taints.length) return;
    const now = this.state.nowMs();
    this.state.update(node, (n) => {
      n.taints = [...kept, ...added.map((w) => ({ ...w, addedMs: now }))];
    });
  }

  /** monitorNodeHealth for one node: status-change event, NoExecute taints, MarkPodsNotReady. */
  private monitor(node: SimNode, before: NodeConditionStatus): void {
    if (node.deletedMs !== null) return;
    const ready = nodeReadyStatus(node);
    if ((ready === 'True') !== (before === 'True')) {
      const status = ready === 'True' ? 'NodeReady' : 'NodeNotReady';
      this.recorder.event({ kind: 'Node', namespace: '', name: node.name }, 'Normal', status, `Node ${node.name} status is now: ${status}`);
    }
    this.taint(node, true);
    const now = this.state.nowMs();
    for (const pod of this.state.podsOnNode(node.name)) {
      if (pod.deletedMs !== null) continue;
      if (ready !== 'True') {
        if (!pod.ready) continue;
        this.state.update(pod, (p) => {
          p.ready = false;
          p.readySinceMs = null;
          p.conditions = setConditions(p.conditions, now, { Ready: 'False' });
        });
        this.recorder.event({ kind: 'Pod', namespace: pod.namespace, name: pod.name }, 'Warning', 'NodeNotReady', 'Node is not ready');
      } else {
        this.kubelet.nodeReady(pod);
      }
    }
  }
}
