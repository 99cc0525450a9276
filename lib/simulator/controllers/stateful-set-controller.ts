/**
 * The StatefulSet controller (Kubernetes 1.27 `pkg/controller/statefulset`): event plumbing and the
 * StatefulPodControl part. `keysFor` maps changes of a set and of the pods it controls to the set's
 * key and keeps the per-set pod index (stateful-set-index.ts) current; `sync` works out the
 * revisions, asks the pure reconcile (stateful-set-reconcile.ts) for the writes, and performs them
 * through the Controls with the real events:
 *
 * - `SuccessfulCreate` `create Pod web-0 in StatefulSet web successful` / `FailedCreate`
 *   `create Pod … failed error: …` (`stateful_pod_control.go#recordPodEvent`);
 * - `SuccessfulCreate` `create Claim www-web-0 Pod web-0 in StatefulSet web success`
 *   (`#recordClaimEvent`);
 * - `SuccessfulDelete` `delete Pod web-2 in StatefulSet web successful`;
 * - `SuccessfulUpdate` `update Pod web-0 in StatefulSet web successful` when claims are brought in
 *   line with the retention policy;
 * - Warning `RecreatingFailedPod` `StatefulSet default/web is recreating failed Pod web-1`
 *   (`stateful_set_control.go#processReplica`).
 *
 * Revisions: the update revision is `<set>-<hash of spec.template>` (revision.ts); the current
 * revision is `status.currentRevision` while its template is known, else the update revision
 * (`getStatefulSetRevisions`). ControllerRevision objects are not stored in the cluster: the
 * controller remembers each revision's template.
 */
import { ApiError } from '../../apiserver/api-errors';
import { podInvalidMessage, podSpecCreateErrors } from '../../apiserver/pod-create';
import type { Draft } from '../cluster/factories';
import type { StoreChange } from '../cluster/store-types';
import { PodTemplateSpec } from '../cluster/api-shapes';
import { controllerOf, objectKey, splitKey } from '../cluster/object-meta';
import { SimPod } from '../cluster/pod-object';
import { SimStatefulSet } from '../cluster/workload-objects';
import { STATEFUL_SET_POD_EVENTS } from './control';
import type { Controller, ControllerContext, ControllerRegistration, SyncResult } from './controller';
import { controllerRevisionName, templateHash } from './revision';
import { StatefulSetPods } from './stateful-set-index';
import { reconcileStatefulSet, StatefulSetAction, StatefulSetPlan, StatefulSetRevisions } from './stateful-set-reconcile';
import { claimName, desiredClaimOwners, isMemberOf, ordinalOf, REVISION_LABEL, sameOwners } from './stateful-set-utils';
import { effectiveSet, StatefulSetRules, statefulSetRules } from './stateful-set-versions';
import { adoptionKeys, claimPods, NO_KEYS } from './controller-ref-manager';

/** The StatefulSet controller. */
export class StatefulSetController implements Controller {
  /** The pauseController name. */
  public readonly name = 'statefulset';
  /** Its primary kind. */
  public readonly kind = 'StatefulSet' as const;
  private readonly indexes = new Map<string, StatefulSetPods>();
  private readonly templates = new Map<string, Map<string, PodTemplateSpec>>();
  /** ValidatePodSpec errors per `namespace/revision` (templateErrors). */
  private readonly podSpecErrors = new Map<string, string[]>();
  /** The last plan per set key (for tests and debugging). */
  public readonly lastPlan = new Map<string, StatefulSetPlan>();

  /** The version's rules (stateful-set-versions.ts). */
  private readonly rules: StatefulSetRules;

  /** @param ctx the controller context (its `pods` control should use {@link STATEFUL_SET_POD_EVENTS}) */
  public constructor(private readonly ctx: ControllerContext) {
    this.rules = statefulSetRules(ctx.gates);
  }

  /** @inheritdoc */
  public keysFor(change: StoreChange): string[] {
    const o = change.object;
    if (o.kind === 'StatefulSet') {
      if (change.type === 'Deleted') {
        this.indexes.delete(o.uid);
        this.templates.delete(o.uid);
        return [];
      }
      return [objectKey(o)];
    }
    if (o.kind === 'Pod') {
      const adopters = adoptionKeys(this.ctx.cluster, change, 'StatefulSet'); // orphans: controller-ref-manager.ts
      const ref = controllerOf(o);
      if (!ref || ref.kind !== 'StatefulSet') return adopters;
      const index = this.indexes.get(ref.uid);
      if (index) {
        if (change.type === 'Deleted') index.forget(o);
        else index.observe(o);
      }
      return [`${o.namespace}/${ref.name}`];
    }
    return NO_KEYS;
  }

  /** The pod index of `set` (built from the store the first time). */
  public indexOf(set: SimStatefulSet): StatefulSetPods {
    let index = this.indexes.get(set.uid);
    if (!index) {
      index = new StatefulSetPods(set.name);
      for (const p of this.ctx.cluster.podsOwnedBy(set.uid)) if (controllerOf(p)?.uid === set.uid) index.observe(p);
      this.indexes.set(set.uid, index);
    }
    return index;
  }

  /** Steady-state fast-forward: this controller only remembers StatefulSets, their pods and claims, never a CronJob's Jobs or pods. */
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
    const stored = this.ctx.cluster.get('StatefulSet', namespace, name);
    if (!stored) return {};
    const set = effectiveSet(stored, this.rules);
    // getPodsForStatefulSet: ClaimPods filtered by isMemberOf (controller-ref-manager.ts).
    const claimed = claimPods(this.ctx, set, set.spec.selector, { filter: (p) => isMemberOf(set, p) });
    const revisions = this.revisionsOf(set);
    const pods = this.indexOf(set);
    for (const p of claimed.released) pods.forget(p);
    pods.configure(set, revisions.updateRevision);
    pods.refreshAvailability(now);
    const plan = reconcileStatefulSet({
      set, pods, revisions, now, rules: this.rules, claim: (n) => this.ctx.cluster.get('PersistentVolumeClaim', set.namespace, n),
    });
    this.lastPlan.set(key, plan);
    for (const o of plan.claimsChecked) pods.needsClaimFix.delete(o);
    const error = this.execute(set, plan, pods);
    // performUpdate writes the status even when a write failed.
    this.ctx.status.updateStatus(stored, plan.status);
    if (error) throw error;
    return plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : {};
  }

  /** `getStatefulSetRevisions`, with templates remembered per revision name. */
  private revisionsOf(set: SimStatefulSet): StatefulSetRevisions {
    let known = this.templates.get(set.uid);
    if (!known) this.templates.set(set.uid, (known = new Map()));
    const updateTemplate = set.spec.template;
    const updateRevision = controllerRevisionName(set.name, templateHash(updateTemplate));
    if (!known.has(updateRevision)) known.set(updateRevision, structuredClone(updateTemplate));
    const current = set.status.currentRevision;
    if (current && known.has(current)) {
      return { currentRevision: current, currentTemplate: known.get(current)!, updateRevision, updateTemplate };
    }
    return { currentRevision: updateRevision, currentTemplate: updateTemplate, updateRevision, updateTemplate };
  }

  /**
   * Performs the plan in order. Monotonic: the first error stops the sync. Burst: an error skips
   * the rest of its unit and stops after its slow-start batch. Returns the first error.
   */
  private execute(set: SimStatefulSet, plan: StatefulSetPlan, pods: StatefulSetPods): ApiError | undefined {
    const monotonic = set.spec.podManagementPolicy !== 'Parallel';
    const failedUnits = new Set<number>();
    let error: ApiError | undefined;
    let errorBatch = -1;
    for (const a of plan.actions) {
      if (error && (monotonic || a.batch !== errorBatch)) break;
      if (failedUnits.has(a.unit)) continue;
      try {
        this.perform(set, a);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error = error ?? e;
        errorBatch = a.batch;
        failedUnits.add(a.unit);
        if (a.type === 'fixClaims') pods.needsClaimFix.add(ordinalOf(a.pod.name));
      }
    }
    return error;
  }

  private perform(set: SimStatefulSet, a: StatefulSetAction): void {
    const ctx = this.ctx;
    switch (a.type) {
      case 'recreateFailed':
        if (!a.silent) ctx.recorder.event(ref(set), 'Warning', 'RecreatingFailedPod', `StatefulSet ${set.namespace}/${set.name} is recreating failed Pod ${a.pod.name}`);
        // 1.30+ (kubernetes#123809): a pod already being deleted is not deleted again.
        if (!a.silent || a.pod.deletionMs === null) ctx.pods.deletePod(set, a.pod);
        return;
      case 'createPod': {
        const podName = a.pod.name!;
        const fail = (message: string): ApiError => {
          ctx.recorder.event(ref(set), 'Warning', 'FailedCreate', STATEFUL_SET_POD_EVENTS.failure('create', set, podName, message), { kind: 'Pod', name: podName });
          return new ApiError('Conflict', message);
        };
        if (a.blockedBy) throw fail(a.blockedBy);
        // CreateStatefulPod: "Create the Pod's PVCs prior to creating the Pod".
        for (const claim of a.claims) {
          try {
            ctx.claims.createClaim(set, claim, podName);
          } catch (e) {
            if (e instanceof ApiError) throw fail(`failed to create PVC ${claim.name}: ${e.message}`);
            throw e;
          }
        }
        // The 1.27 API server admits a StatefulSet without validating its pod template
        // (ValidatePodTemplateSpecForStatefulSet's TODO); the pod create then fails ValidatePodSpec.
        const invalid = this.templateErrors(set, a.pod);
        if (invalid.length > 0) throw fail(podInvalidMessage(podName, invalid));
        const pod = ctx.pods.createPod(set, a.pod);
        this.applyRetention(set, pod);
        return;
      }
      case 'createMissingClaims':
        for (const claim of a.claims) ctx.claims.createClaim(set, claim, a.pod.name);
        this.applyRetention(set, a.pod);
        return;
      case 'fixClaims':
        for (const c of a.changes) if (c.claim.deletedMs === null) ctx.claims.setOwnerReferences(c.claim, c.refs);
        if (a.updatePod && a.pod.deletedMs === null) ctx.pods.updatePod(set, a.pod, () => undefined);
        return;
      case 'deletePod':
        if (a.pod.deletedMs === null && a.pod.deletionMs === null) ctx.pods.deletePod(set, a.pod);
        return;
    }
  }

  /**
   * ValidatePodSpec errors of the pods of one revision (`spec` with the claim volumes the
   * controller adds), computed once per revision: the pod name only enters the message prefix.
   */
  private templateErrors(set: SimStatefulSet, pod: Draft<SimPod>): string[] {
    const key = `${set.namespace}/${pod.labels?.[REVISION_LABEL] ?? set.name}`;
    let errors = this.podSpecErrors.get(key);
    if (errors === undefined) {
      errors = podSpecCreateErrors({ ...pod.spec, hostname: undefined, subdomain: undefined });
      this.podSpecErrors.set(key, errors);
    }
    return errors;
  }

  /** `UpdatePodClaimForRetentionPolicy` after a pod is created. */
  private applyRetention(set: SimStatefulSet, pod: SimPod): void {
    if (!this.rules.autoDeletePvc) return; // StatefulSetAutoDeletePVC off
    const ordinal = ordinalOf(pod.name);
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const claim = this.ctx.cluster.get('PersistentVolumeClaim', set.namespace, claimName(t.metadata?.name ?? '', set.name, ordinal));
      if (!claim || claim.deletionMs !== null) continue;
      const refs = desiredClaimOwners(set, pod, claim);
      if (!sameOwners(claim.ownerReferences, refs)) this.ctx.claims.setOwnerReferences(claim, refs);
    }
  }
}

function ref(set: SimStatefulSet) {
  return { kind: 'StatefulSet', namespace: set.namespace, name: set.name };
}

/** Registers the StatefulSet controller (pod events worded as `stateful_pod_control.go`). */
export const statefulSetControllerRegistration: ControllerRegistration = {
  name: 'statefulset',
  component: 'statefulset-controller',
  podEvents: STATEFUL_SET_POD_EVENTS,
  create: (ctx) => new StatefulSetController(ctx),
};

