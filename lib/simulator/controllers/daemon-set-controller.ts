/**
 * The DaemonSet controller (`pkg/controller/daemon/daemon_controller.go`, Kubernetes 1.27;
 * reference §3): one daemon pod on every node that should run it.
 *
 * Plumbing only: {@link DaemonSetController.keysFor} is the informers' event handlers (`addNode`
 * enqueues DaemonSets that should run on the node, `updateNode` those whose `shouldRun` /
 * `shouldContinueRunning` changed, pod changes enqueue the pod's controlling DaemonSet) and feeds
 * each DaemonSet's {@link DaemonSetIndex}; {@link DaemonSetController.sync} refreshes the index,
 * asks `planDaemonSet` (daemon-set-reconcile.ts) what to do and carries the plan out through the
 * PodControl — creates in slow-start batches (1, 2, 4, …; the first failing batch stops the rest),
 * deletes, then the status — and returns the requeue delay (failed-pod back-off,
 * `minReadySeconds`).
 *
 * Pods are created from the template with the daemon tolerations (§3.2), the labels
 * `controller-revision-hash: <hash>` and `pod-template-generation: <n>`, generateName
 * `<daemonset>-` (so names are `<daemonset>-<5 random characters>` from the seeded generator), and
 * the required node affinity replaced by `matchFields metadata.name In [<node>]` (§3.3): the
 * scheduler binds them, and an unfit pod stays Pending with `FailedScheduling`.
 *
 * Events: Normal `SuccessfulCreate` "Created pod: <name>", Normal `SuccessfulDelete` "Deleted pod:
 * <name>" (Warning `FailedCreate` / `FailedDelete` on errors) from the PodControl; Warning
 * `FailedDaemonPod` "Found failed daemon pod <ns>/<pod> on node <node>, will try to kill it";
 * Warning `SelectingAll`. 1.27 defines `FailedPlacement` but no code path records it any more: the
 * controller does not check resources, the scheduler reports `FailedScheduling` instead (§3.1).
 *
 * Orphan pods that match the selector are adopted and owned pods whose labels stop matching are
 * released (controller-ref-manager.ts). Not simulated: ControllerRevision objects (and so
 * `revisionHistoryLimit` clean-up).
 */
import { ApiError } from '../../apiserver/api-errors';
import type { StoreChange } from '../cluster/store-types';
import { Draft, podDraft } from '../cluster/factories';
import { PodSpec } from '../cluster/api-shapes';
import { SimNode } from '../cluster/core-objects';
import { controllerOf, objectKey, splitKey } from '../cluster/object-meta';
import { SimPod } from '../cluster/pod-object';
import { SimDaemonSet } from '../cluster/workload-objects';
import type { Controller, ControllerContext, ControllerRegistration, SyncResult } from './controller';
import { DaemonSetIndex } from './daemon-set-index';
import { daemonSetRules, planDaemonSet } from './daemon-set-reconcile';
import { adoptionKeys, claimPods, NO_KEYS } from './controller-ref-manager';
import {
  FailedPodBackoff, replaceNodeNameAffinity, REVISION_HASH_LABEL, SLOW_START_INITIAL_BATCH_SIZE, TEMPLATE_GENERATION_LABEL,
} from './daemon-set-utils';

/** The DaemonSet controller. See the file comment. */
export class DaemonSetController implements Controller {
  /** The pauseController name. */
  public readonly name = 'daemonset';
  /** Keys are DaemonSets. */
  public readonly kind = 'DaemonSet' as const;
  private readonly indexes = new Map<string, DaemonSetIndex>();
  /** `failedPodsBackoff`, shared by every DaemonSet as in kube-controller-manager. */
  private readonly backoff = new FailedPodBackoff();

  /** @param ctx the simulation's controller context */
  public constructor(private readonly ctx: ControllerContext) {}

  /** @inheritdoc */
  public keysFor(change: StoreChange): string[] {
    const o = change.object;
    switch (o.kind) {
      case 'DaemonSet': {
        const key = objectKey(o);
        if (change.type === 'Deleted') {
          // deleteDaemonset: forget what we knew; the sync then finds nothing.
          this.indexes.delete(key);
        }
        return [key];
      }
      case 'Pod':
        return this.podKeys(o, change);
      case 'Node':
        return this.nodeKeys(o, change);
      default:
        return NO_KEYS;
    }
  }

  /** Steady-state fast-forward: this controller only remembers DaemonSets, their pods and nodes, never a CronJob's Jobs or pods. */
  public steadyState(): string {
    return '';
  }

  /** @inheritdoc */
  public fastForward(): void {
    // Nothing of the family to move.
  }

  /** @inheritdoc */
  public sync(key: string, now: number): SyncResult {
    const { namespace, name } = splitKey(key);
    const ds = this.ctx.cluster.get('DaemonSet', namespace, name);
    if (!ds) {
      this.indexes.delete(key);
      return {};
    }
    // "If the DaemonSet is being deleted … we cannot reliably calculate the status": do nothing.
    if (ds.deletionMs !== null) return {};
    // getDaemonPods: ClaimPods (controller-ref-manager.ts).
    const claimed = claimPods(this.ctx, ds, ds.spec.selector);
    let index = this.indexes.get(key);
    if (!index || index.uid !== ds.uid) {
      index = new DaemonSetIndex(ds, this.ctx.cluster);
      this.indexes.set(key, index);
    }
    for (const p of claimed.released) index.podRemoved(p);
    const rules = daemonSetRules(this.ctx.gates.version.minor);
    index.refresh(ds, now, rules.deleteSucceeded);
    const plan = planDaemonSet(index, this.backoff, rules);

    for (const e of plan.events) this.ctx.recorder.event(ref(ds), e.type, e.reason, e.message);
    for (const k of plan.backoffNext) this.backoff.next(k, now);
    const errors: ApiError[] = [];
    this.createPods(ds, index, plan.creates, errors);
    for (const pod of plan.deletes) {
      if (pod.deletedMs !== null) continue;
      try {
        this.ctx.pods.deletePod(ds, pod);
      } catch (e) {
        // syncNodes ignores NotFound on delete.
        if (!(e instanceof ApiError)) throw e;
        if (e.reason !== 'NotFound') errors.push(e);
      }
    }
    if (plan.status) {
      const live = this.ctx.cluster.get('DaemonSet', namespace, name);
      if (live && live.uid === ds.uid) this.ctx.status.updateStatus(live, plan.status);
    }
    // The sync fails (rate-limited retry) when any write failed, after the status was stored.
    if (errors.length > 0) throw errors[0];
    return plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : {};
  }

  /** The index of a DaemonSet (tests and benchmarks inspect it). */
  public indexOf(key: string): DaemonSetIndex | undefined {
    return this.indexes.get(key);
  }

  // ------------------------------------------------------------------------------------------

  /** syncNodes' slow start: batches of 1, 2, 4, …; after a batch with a failure the rest is skipped. */
  private createPods(ds: SimDaemonSet, index: DaemonSetIndex, nodes: readonly string[], errors: ApiError[]): void {
    const template = podTemplateParts(ds, index);
    let batch = Math.min(nodes.length, SLOW_START_INITIAL_BATCH_SIZE);
    for (let pos = 0; pos < nodes.length; pos += batch, batch = Math.min(2 * batch, nodes.length - pos)) {
      const before = errors.length;
      for (let i = pos; i < pos + batch; i++) {
        try {
          this.ctx.pods.createPod(ds, daemonPodDraft(ds, template, nodes[i]));
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          errors.push(e);
        }
      }
      if (errors.length > before) break;
    }
  }

  private podKeys(pod: SimPod, change: StoreChange): string[] {
    const adopters = adoptionKeys(this.ctx.cluster, change, 'DaemonSet'); // orphans: controller-ref-manager.ts
    const owner = controllerOf(pod);
    if (!owner || owner.kind !== 'DaemonSet') return adopters;
    const key = `${pod.namespace}/${owner.name}`;
    const index = this.indexes.get(key);
    if (index && index.uid === owner.uid) {
      if (change.type === 'Deleted') index.podRemoved(pod);
      else index.podChanged(pod);
    }
    // resolveControllerRef: only a live DaemonSet with that uid is synced.
    const ds = this.ctx.cluster.get('DaemonSet', pod.namespace, owner.name);
    return ds && ds.uid === owner.uid ? [key] : NO_KEYS;
  }

  private nodeKeys(node: SimNode, change: StoreChange): string[] {
    const keys: string[] = [];
    for (const [key, index] of this.indexes) {
      if (change.type === 'Added') {
        if (index.nodeAdded(node)) keys.push(key);
      } else if (change.type === 'Modified') {
        if (index.nodeChanged(node)) keys.push(key);
      } else {
        index.nodeRemoved(node);
      }
    }
    return keys;
  }
}

/** The parts of a daemon pod shared by every node (`util.CreatePodTemplate`). */
interface DaemonPodTemplate {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly spec: PodSpec;
}

/**
 * `CreatePodTemplate` (§3.2): the template with the daemon tolerations, plus the labels
 * `pod-template-generation` and `controller-revision-hash` (the hash only).
 */
function podTemplateParts(ds: SimDaemonSet, index: DaemonSetIndex): DaemonPodTemplate {
  const meta = ds.spec.template?.metadata ?? {};
  return {
    labels: {
      ...(meta.labels ?? {}),
      [TEMPLATE_GENERATION_LABEL]: String(index.podTemplateGeneration),
      [REVISION_HASH_LABEL]: index.revisionHash,
    },
    annotations: { ...(meta.annotations ?? {}) },
    spec: index.daemonSpec,
  };
}

/** The pod for one node: generateName `<ds>-` and the node-name affinity (§3.3). */
function daemonPodDraft(ds: SimDaemonSet, t: DaemonPodTemplate, nodeName: string): Draft<SimPod> {
  return podDraft({
    namespace: ds.namespace,
    generateName: `${ds.name}-`,
    labels: t.labels,
    annotations: t.annotations,
    spec: { ...t.spec, affinity: replaceNodeNameAffinity(t.spec.affinity, nodeName) },
  });
}

function ref(ds: SimDaemonSet) {
  return { kind: 'DaemonSet', namespace: ds.namespace, name: ds.name };
}

/** Registration in controllers/index.ts: events from `daemonset-controller`, client-go's default rate limiter. */
export const daemonSetControllerRegistration: ControllerRegistration = {
  name: 'daemonset',
  component: 'daemonset-controller',
  create: (ctx) => new DaemonSetController(ctx),
};
