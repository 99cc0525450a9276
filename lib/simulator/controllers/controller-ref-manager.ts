/**
 * Adoption and release of pods (`pkg/controller/controller_ref_manager.go`, Kubernetes 1.27:
 * `PodControllerRefManager.ClaimPods` → `BaseControllerRefManager.ClaimObject`), shared by the
 * StatefulSet, DaemonSet and Job controllers: a pod in the manifests (or relabelled by a `patch`
 * step) whose labels match a workload's selector is adopted, an owned pod whose labels stop
 * matching is released.
 *
 * `ClaimObject`, per pod:
 * - controlled by another object → ignored;
 * - controlled by this one and matching → claimed ("we already own it");
 * - controlled by this one, not matching → released (the controller ownerReference, and the
 *   manager's finalizers, removed by patch), unless the controller is being deleted;
 * - an orphan → adopted (a `controller: true, blockOwnerDeletion: true` ownerReference and the
 *   manager's finalizers added by patch) when it matches, is not being deleted, is in the
 *   controller's namespace and the controller is not being deleted (`RecheckDeletionTimestamp`).
 * `match` is the selector and then the controller's filters (the StatefulSet's `isMemberOf`). A
 * NotFound from the patch is ignored; other errors are returned together after every pod was tried
 * (`utilerrors.NewAggregate`), and the controllers' sync fails with them (rate-limited retry).
 * The patches record no event (`RealPodControl.PatchPod`).
 *
 * Cost: the real managers look at every pod of the namespace on every sync. Only two kinds of pod
 * can change anything — orphans, and owned pods whose labels changed — so a per-store
 * {@link PodClaimIndex}, fed from the controllers' `keysFor` ({@link adoptionKeys}), keeps exactly
 * those; a sync looks at them only. A controller's own pods carry the template's labels, which the
 * API server checked against the (immutable) selector, and so keep matching until relabelled.
 */
import { ApiError } from '../../apiserver/api-errors';
import { matchesSelector } from '../../apiserver/labels';
import type { LabelSelector } from '../cluster/api-shapes';
import { controllerOf, newControllerRef, SimObjectBase } from '../cluster/object-meta';
import { SimPod } from '../cluster/pod-object';
import type { ClusterReader, StoreChange } from '../cluster/store-types';
import { deepEqual } from '../../util/deep-equal';
import type { PodControl } from './control';
import { NO_KEYS } from './keys';

export { NO_KEYS } from './keys';

/** The workloads that claim pods. */
export type ClaimingKind = 'StatefulSet' | 'DaemonSet' | 'Job';

/** What {@link claimPods} did. */
export interface ClaimResult {
  /** Orphans now controlled by the owner. */
  readonly adopted: readonly SimPod[];
  /** Pods that were the owner's and no longer are. */
  readonly released: readonly SimPod[];
}

/** Options of {@link claimPods}. */
export interface ClaimOptions {
  /** Further conditions after the selector (`ClaimPods(pods, filters...)`). @default - none */
  readonly filter?: (pod: SimPod) => boolean;
  /** Finalizers added on adoption and removed on release (the Job's tracking finalizer). @default - none */
  readonly finalizers?: readonly string[];
}

/** The adoption candidates of one store: live orphan pods, and owned pods whose labels changed. */
export class PodClaimIndex {
  /** Live pods without a controller ownerReference. */
  public readonly orphans = new Set<SimPod>();
  /** Live owned pods whose labels changed since their owner last looked, by owner uid. */
  public readonly relabelled = new Map<string, Set<SimPod>>();
  /**
   * The change observed last. Every claiming controller passes each change on, one after the
   * other within one notification, and observing is idempotent, so a repeat is skipped.
   */
  private last: StoreChange | undefined;

  /** @param reader the store, listed once to start */
  public constructor(reader: Pick<ClusterReader, 'list'>) {
    for (const p of reader.list('Pod')) if (!controllerOf(p)) this.orphans.add(p);
  }

  /** Follows one store change (idempotent: every claiming controller passes every change on). */
  public observe(change: StoreChange): void {
    const pod = change.object;
    if (pod.kind !== 'Pod' || change === this.last) return;
    this.last = change;
    const ref = controllerOf(pod);
    if (change.type === 'Deleted' || ref) this.orphans.delete(pod);
    else this.orphans.add(pod);
    if (change.type === 'Deleted') {
      for (const s of this.relabelled.values()) s.delete(pod);
      return;
    }
    if (ref && change.type === 'Modified' && change.old && change.old.labels !== pod.labels && !deepEqual(change.old.labels, pod.labels)) {
      let s = this.relabelled.get(ref.uid);
      if (!s) this.relabelled.set(ref.uid, (s = new Set()));
      s.add(pod);
    }
  }
}

/** A claim that adopted and released nothing, shared (callers only iterate it). */
const NOTHING_CLAIMED: ClaimResult = Object.freeze({ adopted: NO_KEYS as unknown as SimPod[], released: NO_KEYS as unknown as SimPod[] });

const INDEXES = new WeakMap<object, PodClaimIndex>();

/** The claim index of a store (created, from a listing, on first use). */
export function podClaimIndexOf(reader: Pick<ClusterReader, 'list'>): PodClaimIndex {
  let index = INDEXES.get(reader);
  if (!index) INDEXES.set(reader, (index = new PodClaimIndex(reader)));
  return index;
}

/**
 * For a controller's `keysFor`: feeds the claim index, and returns the keys of the workloads of
 * `kind` that may want to adopt the changed pod — the informers' `addPod` / `updatePod` for an
 * orphan ("get a list of all matching controllers and sync them to see if anyone wants to adopt
 * it"): a pod added without a controller, or an orphan whose labels or controller reference changed.
 */
export function adoptionKeys(reader: Pick<ClusterReader, 'list'>, change: StoreChange, kind: ClaimingKind): string[] {
  const pod = change.object;
  if (pod.kind !== 'Pod') return NO_KEYS;
  podClaimIndexOf(reader).observe(change);
  if (change.type === 'Deleted' || controllerOf(pod) || pod.deletionMs !== null) return NO_KEYS;
  const old = change.old;
  if (change.type === 'Modified' && old && (old.labels === pod.labels || deepEqual(old.labels, pod.labels)) && !controllerOf(old)) return NO_KEYS;
  const keys: string[] = [];
  for (const w of reader.list(kind, pod.namespace)) {
    if (!isEmptySelector(w.spec.selector) && matchesSelector(w.spec.selector, pod.labels)) keys.push(`${w.namespace}/${w.name}`);
  }
  return keys;
}

/**
 * `ClaimPods` for `owner` (see the file comment): adopts matching orphans and releases owned pods
 * that stopped matching, through `pods.patchPod` (no event).
 *
 * @param ctx the controller's store reader and pod control
 * @param owner the claiming workload
 * @param selector its `spec.selector`; an empty or missing one claims nothing (the DaemonSet stops
 *   at `SelectingAll` before claiming; validation rejects it for StatefulSets and Jobs)
 * @param options filters and finalizers
 * @throws ApiError the first failed patch, after every pod was tried
 */
export function claimPods(
  ctx: { readonly cluster: Pick<ClusterReader, 'list' | 'byUid'>; readonly pods: PodControl },
  owner: SimObjectBase,
  selector: LabelSelector | undefined,
  options: ClaimOptions = {},
): ClaimResult {
  const index = podClaimIndexOf(ctx.cluster);
  const relabelled = index.relabelled.get(owner.uid);
  if ((index.orphans.size === 0 && relabelled === undefined) || isEmptySelector(selector)) return NOTHING_CLAIMED;
  const adopted: SimPod[] = [];
  const released: SimPod[] = [];
  const match = (p: SimPod) => matchesSelector(selector, p.labels) && (options.filter?.(p) ?? true);
  const finalizers = options.finalizers ?? [];
  const errors: ApiError[] = [];
  const patch = (pod: SimPod, mutate: (p: SimPod) => void): boolean => {
    try {
      (ctx.pods.patchPod ?? ctx.pods.updatePod).call(ctx.pods, owner, pod, mutate);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason !== 'NotFound') errors.push(e);
      return false;
    }
  };
  const deleting = owner.deletionMs !== null;
  for (const pod of [...(relabelled ?? [])]) {
    relabelled!.delete(pod);
    if (pod.deletedMs !== null || controllerOf(pod)?.uid !== owner.uid || match(pod) || deleting) continue;
    const ok = patch(pod, (p) => {
      p.ownerReferences = p.ownerReferences.filter((r) => r.uid !== owner.uid);
      if (finalizers.length > 0) p.finalizers = p.finalizers.filter((f) => !finalizers.includes(f));
    });
    if (ok) released.push(pod);
  }
  if (relabelled?.size === 0) index.relabelled.delete(owner.uid);
  if (!deleting) {
    // Creation order, as the informer lists them.
    const orphans = [...index.orphans].filter((p) => p.namespace === owner.namespace && p.deletionMs === null && p.deletedMs === null && match(p))
      .sort((a, b) => a.createdMs - b.createdMs || (a.uid < b.uid ? -1 : 1));
    for (const pod of orphans) {
      // canAdopt: RecheckDeletionTimestamp reads the controller afresh.
      const fresh = ctx.cluster.byUid(owner.uid);
      if (!fresh || fresh.deletionMs !== null) {
        errors.push(new ApiError('Conflict', `can't adopt Pod ${pod.namespace}/${pod.name} (${pod.uid}): ${owner.namespace}/${owner.name} has just been deleted`));
        break;
      }
      const ok = patch(pod, (p) => {
        p.ownerReferences = [...p.ownerReferences, newControllerRef(owner)];
        const missing = finalizers.filter((f) => !p.finalizers.includes(f));
        if (missing.length > 0) p.finalizers = [...p.finalizers, ...missing];
      });
      if (ok) adopted.push(pod);
    }
  }
  if (errors.length > 0) throw errors[0];
  return { adopted, released };
}

/** `metav1.LabelSelector{}` or none: matches everything as a selector, so never used to claim. */
function isEmptySelector(s: LabelSelector | undefined): s is undefined {
  return !s || ((s.matchLabels === undefined || Object.keys(s.matchLabels).length === 0) && (s.matchExpressions === undefined || s.matchExpressions.length === 0));
}
