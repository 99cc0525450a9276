/**
 * The kube-scheduler stand-in. It binds pending pods (no node yet) to a node that passes the
 * default profile's filters, in their order (`pkg/scheduler/framework/plugins`):
 * NodeUnschedulable → TaintToleration → NodeAffinity (nodeSelector + required affinity, incl.
 * `matchFields metadata.name` as DaemonSet pods use) → NodeResourcesFit (pod count, cpu, memory
 * requests) → InterPodAffinity (required pod affinity / anti-affinity, both directions:
 * inter-pod-affinity.ts), after the VolumeBinding pre-filter (every referenced claim exists and is
 * not being deleted). Among fitting nodes it picks the least allocated one (NodeResourcesFit
 * LeastAllocated scoring over cpu and memory, counting a container without requests as 100m /
 * 200Mi: `pkg/scheduler/util/pod_resources.go` DefaultMilliCPURequest / DefaultMemoryRequest); ties
 * go to the node created first (the real scheduler picks randomly among equal scores).
 *
 * When nothing fits it records Warning `FailedScheduling` with the real message shape
 * (`0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: },
 * 3 Insufficient cpu.` — `framework.FitError.Error`, reasons counted and sorted) and parks the pod
 * until the cluster changes: a node is added or changed, a pod on a node stops or goes, a claim
 * appears, or a Namespace changes; a pod being bound to a node, or a bound pod's labels changing,
 * retries the parked pods with a required affinity term matching that pod (the scheduling queue's
 * `AssignedPodAdded` / `AssignedPodUpdated` → `getUnschedulablePodsWithMatchingAffinityTerm`,
 * `pkg/scheduler/internal/queue/scheduling_queue.go`). It is event-driven; nothing polls. A
 * message identical to the pod's previous one is not recorded again (the real event recorder
 * folds repeats into a count).
 *
 * A pod with `spec.schedulingGates` (PodSchedulingReadiness, beta and on in 1.27) is not
 * considered at all: the SchedulingGates plugin's PreEnqueue
 * (`pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go`) returns
 * UnschedulableAndUnresolvable "waiting for scheduling gates: [...]" and the pod waits, without a
 * FailedScheduling event, until an update removes its last gate (the pod update re-runs
 * PreEnqueue). Its PodScheduled=False condition with reason SchedulingGated is the one the pod
 * registry sets on create (`pkg/registry/core/pod/strategy.go#applySchedulingGatedCondition`).
 */
import { EventPriority, EventQueue } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { ClusterState } from './cluster-state';
import type { StoreChange } from './store-types';
import { claimNames } from './store-indexes';
import { pinnedNodes, SelectedNodes } from './scheduler-node-sets';
import { AffinityTerm, InterPodAffinity, InterPodAffinityState, requiredAffinityTerms } from './inter-pod-affinity';
import { matchesRequiredNodeAffinity } from '../../apiserver/labels';
import { SimNode } from './core-objects';
import { isPodTerminal, SimPod } from './pod-object';
import { PodRequests, podRequests } from './pod-requests';
import { firstUntoleratedTaint, formatTaint, tolerates, UNSCHEDULABLE_TAINT_KEY } from './taints';

interface Usage {
  cpuMilli: number;
  memoryBytes: number;
  pods: number;
  nonZeroCpuMilli: number;
  nonZeroMemoryBytes: number;
}

/** Why a pod does not fit one node (one or more reasons, as the filter plugins return them). */
export type NodeFitResult = { fits: true } | { fits: false; reasons: string[] };

/** The scheduler stand-in. */
export class Scheduler {
  private readonly pending = new Set<SimPod>();
  private readonly parked = new Map<SimPod, string>();
  /** Pods held back by their scheduling gates. */
  private readonly gated = new Set<SimPod>();
  /** The parked pods that have required pod affinity terms, with those terms. */
  private readonly parkedWithAffinity = new Map<SimPod, AffinityTerm[]>();
  private readonly usage = new Map<string, Usage>();
  private readonly counted = new Map<SimPod, { node: string; req: PodRequests; labels: Record<string, string> }>();
  private readonly interPodAffinity: InterPodAffinity;
  private readonly selectedNodes = new SelectedNodes();
  private cycleQueued = false;

  /**
   * @param state the store
   * @param queue the agenda
   * @param recorder event recorder (source `default-scheduler`)
   */
  public constructor(private readonly state: ClusterState, private readonly queue: EventQueue, private readonly recorder: EventRecorder) {
    this.interPodAffinity = new InterPodAffinity(state, (visit) => {
      for (const [pod, c] of this.counted) visit(pod, c.node, c.labels);
    });
    state.watch((c) => this.onChange(c));
  }

  /**
   * Whether a scheduling cycle is neither queued nor waiting to run, and how many pods count
   * toward node usage — what the steady-state fast-forward (fast-forward.ts) compares.
   */
  public quietState(): string | undefined {
    if (this.pending.size > 0 || this.cycleQueued) return undefined;
    return `${this.parked.size}|${this.parkedWithAffinity.size}|${this.counted.size}${this.gated.size > 0 ? `|${this.gated.size}` : ''}`;
  }

  /** Pods waiting for a node that fits (for reports and tests). */
  public get unschedulablePods(): SimPod[] {
    return [...this.parked.keys()];
  }

  /**
   * Why `pod` does or does not fit `node`, the filters in the default profile's order; the first
   * failing plugin decides (NodeResourcesFit may give several reasons).
   */
  public fit(pod: SimPod, node: SimNode): NodeFitResult {
    return this.fitWith(pod, node, this.interPodAffinity.preFilter(pod), podRequests(pod.spec));
  }

  // ------------------------------------------------------------------------------------------

  /**
   * {@link fit} with the InterPodAffinity PreFilter state (undefined = Skip) and the pod's requests
   * computed once per scheduling attempt.
   */
  private fitWith(pod: SimPod, node: SimNode, affinity: InterPodAffinityState | undefined, req: PodRequests): NodeFitResult {
    const tolerations = pod.spec.tolerations;
    // NodeUnschedulable: a cordoned node only takes pods tolerating its unschedulable taint.
    if (node.unschedulable && !tolerates(tolerations, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' })) {
      return { fits: false, reasons: ['node(s) were unschedulable'] };
    }
    const taint = firstUntoleratedTaint(node.taints, tolerations);
    if (taint) return { fits: false, reasons: [`node(s) had untolerated taint ${formatTaint(taint)}`] };
    if (!matchesRequiredNodeAffinity(pod.spec, node)) return { fits: false, reasons: ["node(s) didn't match Pod's node affinity/selector"] };
    const used = this.usageOf(node.name);
    const reasons: string[] = [];
    if (used.pods + 1 > node.capacity.pods) reasons.push('Too many pods');
    if (req.cpuMilli > 0 && used.cpuMilli + req.cpuMilli > node.capacity.cpuMilli) reasons.push('Insufficient cpu');
    if (req.memoryBytes > 0 && used.memoryBytes + req.memoryBytes > node.capacity.memoryBytes) reasons.push('Insufficient memory');
    if (reasons.length > 0) return { fits: false, reasons };
    const affinityReason = affinity && this.interPodAffinity.filter(affinity, node);
    return affinityReason ? { fits: false, reasons: [affinityReason] } : { fits: true };
  }

  private onChange(c: StoreChange): void {
    const o = c.object;
    switch (o.kind) {
      case 'Pod': {
        this.account(o);
        const wantsNode = o.deletedMs === null && o.nodeName === null && o.deletionMs === null && !isPodTerminal(o);
        if (this.gated.has(o) && (!wantsNode || !isGated(o))) this.gated.delete(o);
        if (wantsNode && !this.pending.has(o) && !this.parked.has(o) && !this.gated.has(o)) {
          this.pending.add(o);
          this.requestCycle();
        } else if (!wantsNode) {
          this.pending.delete(o);
          this.unpark(o);
        }
        // A pod stopping or leaving a node frees room.
        const old = c.old as SimPod | undefined;
        const freed = (c.type === 'Deleted' && o.nodeName !== null)
          || (c.type === 'Modified' && old !== undefined && o.nodeName !== null && !isPodTerminal(old) && isPodTerminal(o));
        if (freed) this.retryParked();
        // A pod newly bound, or a bound pod relabelled, may satisfy parked pods' required affinity
        // (AssignedPodAdded / AssignedPodUpdated retry only the pods with a term matching it).
        else if (this.parkedWithAffinity.size > 0 && this.counted.has(o)
          && (old === undefined || old.nodeName === null || old.labels !== o.labels)) this.retryMatchingAffinity(o);
        break;
      }
      case 'Node':
        this.selectedNodes.nodesChanged();
        if (c.type === 'Deleted') this.usage.delete(o.name);
        else this.retryParked();
        break;
      case 'PersistentVolumeClaim':
        if (c.type === 'Added') this.retryParked();
        break;
      case 'Namespace':
        // Namespace labels feed pod (anti-)affinity namespaceSelectors.
        this.interPodAffinity.namespacesChanged();
        this.retryParked();
        break;
      default:
    }
  }

  /**
   * Keeps per-node requested resources and the InterPodAffinity index in step with bound,
   * non-terminal pods (what the scheduler's cache holds).
   */
  private account(pod: SimPod): void {
    const should = pod.deletedMs === null && pod.nodeName !== null && !isPodTerminal(pod);
    const have = this.counted.get(pod);
    if (have && (!should || have.node !== pod.nodeName)) {
      const u = this.usageOf(have.node);
      u.cpuMilli -= have.req.cpuMilli; u.memoryBytes -= have.req.memoryBytes; u.pods -= 1;
      u.nonZeroCpuMilli -= have.req.nonZeroCpuMilli; u.nonZeroMemoryBytes -= have.req.nonZeroMemoryBytes;
      this.counted.delete(pod);
      this.interPodAffinity.removed(pod, have.node, have.labels);
    } else if (have && have.labels !== pod.labels) {
      // Writers replace the labels map, never edit it in place.
      this.interPodAffinity.relabeled(pod, have.node, have.labels, pod.labels);
      have.labels = pod.labels;
    }
    if (should && !this.counted.has(pod)) {
      const req = podRequests(pod.spec);
      const u = this.usageOf(pod.nodeName!);
      u.cpuMilli += req.cpuMilli; u.memoryBytes += req.memoryBytes; u.pods += 1;
      u.nonZeroCpuMilli += req.nonZeroCpuMilli; u.nonZeroMemoryBytes += req.nonZeroMemoryBytes;
      this.counted.set(pod, { node: pod.nodeName!, req, labels: pod.labels });
      this.interPodAffinity.added(pod, pod.nodeName!, pod.labels);
    }
  }

  private usageOf(node: string): Usage {
    let u = this.usage.get(node);
    if (!u) this.usage.set(node, (u = { cpuMilli: 0, memoryBytes: 0, pods: 0, nonZeroCpuMilli: 0, nonZeroMemoryBytes: 0 }));
    return u;
  }

  private retryParked(): void {
    if (this.parked.size === 0) return;
    for (const p of this.parked.keys()) this.pending.add(p);
    this.parked.clear();
    this.parkedWithAffinity.clear();
    this.requestCycle();
  }

  /** Retries the parked pods with a required affinity term that `bound` matches. */
  private retryMatchingAffinity(bound: SimPod): void {
    let any = false;
    for (const [p, terms] of this.parkedWithAffinity) {
      if (!this.interPodAffinity.anyTermMatches(terms, bound)) continue;
      this.unpark(p);
      this.pending.add(p);
      any = true;
    }
    if (any) this.requestCycle();
  }

  private park(pod: SimPod, message: string): void {
    this.parked.set(pod, message);
    const terms = requiredAffinityTerms(pod);
    if (terms.length > 0) this.parkedWithAffinity.set(pod, terms);
  }

  private unpark(pod: SimPod): void {
    this.parked.delete(pod);
    this.parkedWithAffinity.delete(pod);
  }

  private requestCycle(): void {
    if (this.cycleQueued) return;
    this.cycleQueued = true;
    this.queue.schedule(this.state.nowMs(), EventPriority.SCHEDULER, 'scheduler cycle', () => {
      this.cycleQueued = false;
      this.cycle();
    });
  }

  /** Tries every pending pod once, in arrival order. */
  private cycle(): void {
    const batch = [...this.pending];
    this.pending.clear();
    let nodes: SimNode[] | undefined;
    let generation = 0;
    const allNodes = () => {
      if (nodes === undefined) {
        nodes = this.state.list('Node');
        generation = this.selectedNodes.generation;
      }
      return nodes;
    };
    for (const pod of batch) {
      if (pod.deletedMs !== null || pod.nodeName !== null || pod.deletionMs !== null) continue;
      if (isGated(pod)) {
        this.gate(pod);
        continue;
      }
      // NodeAffinity PreFilter (1.27 `nodeaffinity.PreFilter` → PreFilterResult.NodeNames): a pod
      // pinned with `matchFields metadata.name In` (DaemonSet pods) is filtered only against those
      // nodes, which keeps a DaemonSet rollout linear. The binding is the same as with a full scan
      // (no other node can pass NodeAffinity); when none fits, the full scan below words the message.
      const named = pinnedNodes(pod, this.state);
      if (named && this.scheduleOne(pod, named, false)) continue;
      // Likewise a pod with a nodeSelector is first tried against the nodes it selects: no other
      // node passes NodeAffinity, and the order (so the tie-breaking) is the full list's. When none
      // fits, the full scan below words the message from every node's reasons.
      const selected = named ? undefined : this.selectedNodes.of(pod, allNodes(), generation);
      if (selected && this.scheduleOne(pod, selected, false)) continue;
      this.scheduleOne(pod, allNodes(), true);
    }
  }

  /** Binds `pod` to the best of `nodes`; returns whether it did. Records FailedScheduling only when `report`. */
  private scheduleOne(pod: SimPod, nodes: SimNode[], report: boolean): boolean {
    const preFilter = this.volumePreFilter(pod);
    let best: SimNode | undefined;
    let bestScore = -Infinity;
    const histogram = new Map<string, number>();
    if (preFilter === undefined) {
      const req = podRequests(pod.spec);
      const affinity = this.interPodAffinity.preFilter(pod);
      for (const node of nodes) {
        const r = this.fitWith(pod, node, affinity, req);
        if (!r.fits) {
          for (const reason of r.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
          continue;
        }
        const u = this.usageOf(node.name);
        // LeastAllocated: mean over cpu and memory of the free fraction after placing the pod.
        const cpuFree = (node.capacity.cpuMilli - u.nonZeroCpuMilli - req.nonZeroCpuMilli) / Math.max(node.capacity.cpuMilli, 1);
        const memFree = (node.capacity.memoryBytes - u.nonZeroMemoryBytes - req.nonZeroMemoryBytes) / Math.max(node.capacity.memoryBytes, 1);
        const score = Math.floor(((cpuFree + memFree) / 2) * 100);
        if (score > bestScore) {
          best = node;
          bestScore = score;
        }
      }
    }
    const now = this.state.nowMs();
    if (best) {
      const nodeName = best.name;
      this.unpark(pod);
      this.state.update(pod, (p) => {
        p.nodeName = nodeName;
        p.scheduledMs = now;
        p.conditions = [...p.conditions.filter((x) => x.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastTransitionMs: now }];
      });
      this.recorder.event(ref(pod), 'Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${nodeName}`);
      return true;
    }
    if (!report) return false;
    const message = preFilter !== undefined
      ? `0/${nodes.length} nodes are available: ${preFilter}.`
      : failureMessage(nodes.length, histogram);
    const previous = pod.conditions.find((x) => x.type === 'PodScheduled');
    this.park(pod, message);
    if (previous?.status === 'False' && previous.message === message) return false;
    this.state.update(pod, (p) => {
      p.conditions = [...p.conditions.filter((x) => x.type !== 'PodScheduled'), {
        type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionMs: now,
      }];
    });
    this.recorder.event(ref(pod), 'Warning', 'FailedScheduling', message);
    return false;
  }

  /** Holds a gated pod back, with the SchedulingGated condition the pod registry gives it on create. */
  private gate(pod: SimPod): void {
    this.gated.add(pod);
    const previous = pod.conditions.find((x) => x.type === 'PodScheduled');
    if (previous?.reason === 'SchedulingGated') return;
    const now = this.state.nowMs();
    this.state.update(pod, (p) => {
      p.conditions = [...p.conditions.filter((x) => x.type !== 'PodScheduled'), {
        type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastTransitionMs: now,
      }];
    });
  }

  /** VolumeBinding PreFilter: every claim the pod mounts must exist and not be terminating. */
  private volumePreFilter(pod: SimPod): string | undefined {
    for (const claim of claimNames(pod)) {
      const pvc = this.state.get('PersistentVolumeClaim', pod.namespace, claim);
      if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
      if (pvc.deletionMs !== null) return `persistentvolumeclaim "${claim}" is being deleted`;
    }
    return undefined;
  }
}

/** Whether the pod still has scheduling gates (schedulinggates PreEnqueue: `len(p.Spec.SchedulingGates) != 0`). */
function isGated(pod: SimPod): boolean {
  return (pod.spec.schedulingGates ?? []).length > 0;
}

/** `0/N nodes are available: <count> <reason>, ….` with the reasons sorted as strings (`FitError.Error`). */
function failureMessage(nodeCount: number, histogram: Map<string, number>): string {
  if (nodeCount === 0) return 'no nodes available to schedule pods';
  const parts = [...histogram].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

function ref(pod: SimPod) {
  return { kind: 'Pod', namespace: pod.namespace, name: pod.name };
}
