/**
 * The cluster's clean-up controllers, which act on every object regardless of kind:
 *
 * - **Garbage collector** (`pkg/controller/garbagecollector`), background propagation: when an
 *   owner leaves the store, each dependent whose owners are now all gone is deleted; a dependent
 *   that still has a live owner only loses the dangling reference. Owners are matched by uid.
 * - **PVC protection** (`pkg/controller/volume/pvcprotection`): a claim being deleted keeps its
 *   `kubernetes.io/pvc-protection` finalizer while a scheduled pod that mounts it still exists.
 * - **Pod GC** (`pkg/controller/podgc/gc_controller.go#gcOrphaned`): pods bound to a node that no
 *   longer exists are marked Failed and force-deleted. (The real one first waits out a 40 s
 *   quarantine; here it acts when the node goes.)
 * - **NoExecute taint eviction** (`pkg/controller/nodelifecycle/scheduler/taint_manager.go`): pods
 *   that do not tolerate a NoExecute taint of their node are deleted; those tolerating it for
 *   `tolerationSeconds` are deleted when that time has passed since the taint was added; removing the
 *   taint cancels pending evictions. Event: Normal `TaintManagerEviction`, `Marking for deletion Pod
 *   <ns>/<name>`.
 *
 * Everything is triggered by store changes and runs as queue events at GARBAGE_COLLECTOR priority.
 */
import { EventPriority, EventQueue, QueuedEvent } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { ClusterState } from './cluster-state';
import type { StoreChange } from './store-types';
import { claimNames } from './store-indexes';
import { Taint } from './api-shapes';
import { SimNode, SimPvc } from './core-objects';
import { SimObject } from './objects';
import { isPodTerminal, SimPod } from './pod-object';
import { toleratesTaint } from './taints';

/** The garbage collector, PVC protection, pod GC and taint eviction. */
export class GarbageCollector {
  private readonly evictions = new Map<SimPod, QueuedEvent>();

  /**
   * @param state the store
   * @param queue the agenda
   * @param recorder event recorder (source `taint-eviction-controller`)
   */
  public constructor(private readonly state: ClusterState, private readonly queue: EventQueue, private readonly recorder: EventRecorder) {
    state.watch((c) => this.onChange(c));
  }

  private onChange(c: StoreChange): void {
    const o = c.object;
    if (c.type === 'Deleted') {
      if (this.state.hasDependents(o.uid)) this.later(`gc dependents of ${o.kind} ${o.name}`, () => this.collectDependents(o.uid));
      if (o.kind === 'Pod') {
        this.cancelEviction(o);
        for (const claim of claimNames(o)) this.later(`pvc-protection ${o.namespace}/${claim}`, () => this.releaseClaim(o.namespace, claim));
      }
      if (o.kind === 'Node') this.later(`podgc node ${o.name}`, () => this.collectOrphans(o.name));
      return;
    }
    if (o.kind === 'PersistentVolumeClaim' && o.deletionMs !== null && (c.old === undefined || c.old.deletionMs === null)) {
      this.later(`pvc-protection ${o.namespace}/${o.name}`, () => this.releaseClaim(o.namespace, o.name));
    }
    if (o.kind === 'Node') {
      const oldTaints = (c.old as SimNode | undefined)?.taints;
      if (c.type === 'Added' || oldTaints !== o.taints) this.later(`taint eviction node ${o.name}`, () => this.evaluateNode(o));
    }
    if (o.kind === 'Pod' && o.nodeName !== null && (c.old === undefined || (c.old as SimPod).nodeName === null)) {
      this.later(`taint eviction pod ${o.namespace}/${o.name}`, () => this.evaluatePod(o));
    }
  }

  private later(label: string, run: () => void): void {
    this.queue.schedule(this.state.nowMs(), EventPriority.GARBAGE_COLLECTOR, label, run);
  }

  /** Background propagation for the dependents of a removed owner. */
  private collectDependents(ownerUid: string): void {
    for (const dep of this.state.dependentsOf(ownerUid)) {
      if (dep.deletedMs !== null) continue;
      const alive = dep.ownerReferences.filter((r) => this.state.byUid(r.uid) !== undefined);
      if (alive.length === 0) {
        if (dep.deletionMs === null) this.state.requestDeletion(dep);
      } else if (alive.length !== dep.ownerReferences.length) {
        this.state.update(dep, (d: SimObject) => {
          d.ownerReferences = alive;
        });
      }
    }
  }

  private releaseClaim(namespace: string, name: string): void {
    const pvc: SimPvc | undefined = this.state.get('PersistentVolumeClaim', namespace, name);
    if (!pvc || pvc.deletionMs === null) return;
    // pvc_protection_controller.go#podUsesPVC: only scheduled pods block the claim.
    const inUse = this.state.podsUsingClaim(namespace, name).some((p) => p.nodeName !== null);
    if (!inUse) this.state.removeFinalizer(pvc, 'kubernetes.io/pvc-protection');
  }

  private collectOrphans(nodeName: string): void {
    if (this.state.get('Node', '', nodeName)) return;
    for (const pod of this.state.podsOnNode(nodeName)) {
      if (pod.deletedMs !== null) continue;
      if (!isPodTerminal(pod)) {
        const now = this.state.nowMs();
        this.state.update(pod, (p) => {
          p.phase = 'Failed';
          p.ready = false;
          p.readySinceMs = null;
          p.reason = 'NodeLost';
          p.message = `Node ${nodeName} which was running pod ${p.name} is unresponsive`;
          if (p.startedMs !== null) p.finishedMs = now;
          p.conditions = [...p.conditions.filter((x) => x.type !== 'DisruptionTarget' && x.type !== 'Ready'),
            { type: 'Ready', status: 'False', lastTransitionMs: now },
            { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionMs: now }];
        });
      }
      if (pod.deletionMs === null) this.state.requestDeletion(pod, { graceMs: 0 });
      else this.state.tryFinalize(pod);
    }
  }

  private evaluateNode(node: SimNode): void {
    if (node.deletedMs !== null) return;
    for (const pod of this.state.podsOnNode(node.name)) this.evaluatePod(pod, node);
  }

  private evaluatePod(pod: SimPod, nodeArg?: SimNode): void {
    if (pod.deletedMs !== null || pod.deletionMs !== null || pod.nodeName === null) return;
    const node = nodeArg ?? this.state.get('Node', '', pod.nodeName);
    if (!node) return;
    const noExecute = node.taints.filter((t) => t.effect === 'NoExecute');
    this.cancelEviction(pod);
    if (noExecute.length === 0) return;
    // taint_manager.go#processPodOnNode: any untolerated NoExecute taint evicts now; otherwise the
    // smallest tolerationSeconds (counted from when the taint was added) decides.
    let deadline = Infinity;
    for (const taint of noExecute) {
      const matching = (pod.spec.tolerations ?? []).filter((t) => toleratesTaint(t, taint));
      if (matching.length === 0) {
        this.evict(pod);
        return;
      }
      const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined && s !== null);
      if (seconds.length === matching.length) deadline = Math.min(deadline, addedAt(taint) + Math.max(0, Math.min(...seconds)) * 1000);
    }
    if (deadline === Infinity) return;
    const at = Math.max(deadline, this.state.nowMs());
    this.evictions.set(pod, this.queue.schedule(at, EventPriority.GARBAGE_COLLECTOR, `taint eviction ${pod.namespace}/${pod.name}`, () => {
      this.evictions.delete(pod);
      if (pod.deletedMs === null && pod.deletionMs === null) this.evict(pod);
    }));
  }

  private evict(pod: SimPod): void {
    this.recorder.event({ kind: 'Pod', namespace: pod.namespace, name: pod.name }, 'Normal', 'TaintManagerEviction',
      `Marking for deletion Pod ${pod.namespace}/${pod.name}`);
    this.state.requestDeletion(pod);
  }

  private cancelEviction(pod: SimPod): void {
    const ev = this.evictions.get(pod);
    if (ev) {
      this.queue.cancel(ev);
      this.evictions.delete(pod);
    }
  }
}

function addedAt(taint: Taint): number {
  return taint.addedMs ?? 0;
}
