/**
 * Pure helpers of the StatefulSet controller, after `pkg/controller/statefulset/stateful_set_utils.go`
 * (reference §1.1–§1.8). Names are deterministic and double as identity: pod `<set>-<ordinal>`,
 * claim `<claim>-<set>-<ordinal>`.
 */
import type { Draft } from '../cluster/factories';
import { podDraft, pvcDraft } from '../cluster/factories';
import { PodTemplateSpec } from '../cluster/api-shapes';
import { SimPvc } from '../cluster/core-objects';
import { newControllerRef, OwnerReference } from '../cluster/object-meta';
import { SimPod } from '../cluster/pod-object';
import { SimStatefulSet } from '../cluster/workload-objects';

/** `statefulset.kubernetes.io/pod-name`, set on every pod (`updateIdentity`). */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** `apps.kubernetes.io/pod-index` (`apps.PodIndexLabel`), set on created pods when PodIndexLabel is on. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** `controller-revision-hash`: the revision name `<set>-<hash>` (`setPodRevision`). */
export const REVISION_LABEL = 'controller-revision-hash';

/** `getPodName`: `<set>-<ordinal>`. */
export function podName(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** `getPersistentVolumeClaimName`: `<claim>-<set>-<ordinal>`. */
export function claimName(claim: string, setName: string, ordinal: number): string {
  return `${claim}-${setName}-${ordinal}`;
}

/**
 * `getParentNameAndOrdinal` with the regex `(.*)-([0-9]+)$`: the ordinal, or -1 when the name does
 * not parse ("If the ordinal could not be parsed (ord < 0), ignore the Pod").
 */
export function ordinalOf(name: string): number {
  const m = /^(.*)-([0-9]+)$/.exec(name);
  if (!m) return -1;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? n : -1;
}

/** The parent name by the same regex, or undefined. */
export function parentNameOf(name: string): string | undefined {
  return /^(.*)-([0-9]+)$/.exec(name)?.[1];
}

/** `isMemberOf`: the pod's name says it belongs to `set`. */
export function isMemberOf(set: Pick<SimStatefulSet, 'name'>, pod: Pick<SimPod, 'name'>): boolean {
  return parentNameOf(pod.name) === set.name;
}

/** `getStartOrdinal` (StatefulSetStartOrdinal, beta in 1.27). */
export function startOrdinal(set: SimStatefulSet): number {
  return set.spec.ordinals.start;
}

/** `getEndOrdinal`: start + replicas − 1. */
export function endOrdinal(set: SimStatefulSet): number {
  return set.spec.ordinals.start + set.spec.replicas - 1;
}

/** `podInOrdinalRange`. */
export function inOrdinalRange(set: SimStatefulSet, ordinal: number): boolean {
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

/** `isRunningAndReady`: phase Running and the Ready condition true. */
export function isRunningAndReady(pod: Pick<SimPod, 'phase' | 'ready'>): boolean {
  return pod.phase === 'Running' && pod.ready;
}

/**
 * `isRunningAndAvailable` (`podutil.IsPodAvailable`): Running, Ready, and Ready for at least
 * minReadySeconds. The real check is `lastTransitionTime + minReadySeconds` strictly before now
 * with a lastTransitionTime truncated to the second; with integer-ms simulated time we count the
 * boundary instant as available, which is what the real controller observes on the requeue it
 * schedules `minReadySeconds` after the Ready transition.
 */
export function isRunningAndAvailable(pod: Pick<SimPod, 'phase' | 'ready' | 'readySinceMs'>, minReadySeconds: number, now: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  return pod.readySinceMs !== null && pod.readySinceMs + minReadySeconds * 1000 <= now;
}

/** `isTerminating`: deletion requested. */
export function isTerminating(pod: Pick<SimPod, 'deletionMs'>): boolean {
  return pod.deletionMs !== null;
}

/** `isHealthy`: Running, Ready and not terminating. */
export function isHealthy(pod: Pick<SimPod, 'phase' | 'ready' | 'deletionMs'>): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** `isFailed`: phase Failed (1.27 recreates only Failed pods, not Succeeded ones). */
export function isFailed(pod: Pick<SimPod, 'phase'>): boolean {
  return pod.phase === 'Failed';
}

/** `getPodRevision`: the `controller-revision-hash` label. */
export function podRevision(pod: Pick<SimPod, 'labels'>): string {
  return pod.labels[REVISION_LABEL] ?? '';
}

/**
 * The claims a pod of `set` at `ordinal` uses (`getPersistentVolumeClaims`): one per
 * volumeClaimTemplate, named `<claim>-<set>-<ordinal>`, in the set's namespace, labelled with the
 * template's labels plus the selector's matchLabels.
 */
export function claimDrafts(set: SimStatefulSet, ordinal: number): Array<Draft<SimPvc>> {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => pvcDraft({
    namespace: set.namespace,
    name: claimName(t.metadata?.name ?? '', set.name, ordinal),
    labels: { ...(t.metadata?.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
    annotations: { ...(t.metadata?.annotations ?? {}) },
    spec: structuredClone(t.spec ?? {}),
  }));
}

/**
 * A new pod of `set` at `ordinal` from `template` (`newStatefulSetPod` + `setPodRevision`):
 * `GetPodFromTemplate` (labels, annotations, finalizers, spec, controller reference), then
 * `initIdentity` (hostname = pod name, subdomain = serviceName), `updateIdentity` (the pod-name
 * label) and `updateStorage` (one volume per claim template pointing at its claim, replacing a
 * template volume of the same name), and the revision label. With `podIndexLabel` (PodIndexLabel,
 * KEP-4017, 1.28+) `updateIdentity` also sets `apps.kubernetes.io/pod-index` to the ordinal.
 *
 * @param podIndexLabel whether PodIndexLabel is on @default false (1.27)
 */
export function newPodDraft(set: SimStatefulSet, template: PodTemplateSpec, ordinal: number, revision: string, podIndexLabel = false): Draft<SimPod> {
  const name = podName(set.name, ordinal);
  const spec = structuredClone(template.spec ?? { containers: [] });
  const claimVolumes = (set.spec.volumeClaimTemplates ?? []).map((t) => ({
    name: t.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? '', set.name, ordinal) },
  }));
  const claimVolumeNames = new Set(claimVolumes.map((v) => v.name));
  spec.volumes = [...(spec.volumes ?? []).filter((v) => !claimVolumeNames.has(v.name)), ...claimVolumes];
  if (spec.volumes.length === 0) delete spec.volumes;
  spec.hostname = name;
  spec.subdomain = set.spec.serviceName;
  return podDraft({
    namespace: set.namespace,
    name,
    labels: {
      ...(template.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, ...(podIndexLabel ? { [POD_INDEX_LABEL]: String(ordinal) } : {}), [REVISION_LABEL]: revision,
    },
    annotations: { ...(template.metadata?.annotations ?? {}) },
    finalizers: [...(template.metadata?.finalizers ?? [])],
    ownerReferences: [newControllerRef(set)],
    spec,
  });
}

/**
 * The owner references a claim should carry under the set's `persistentVolumeClaimRetentionPolicy`
 * (`updateClaimOwnerRefForSetAndPod`, reference §1.6): whenDeleted Delete → a reference to the
 * set; whenScaled Delete and the pod's ordinal out of range (being scaled down) → a reference to
 * the pod instead; Retain removes the set's and pod's references. Other owners are kept. The
 * references are plain (not controller) references.
 *
 * In 1.27 the scaled-down test is `ordinal >= replicas` (reference §1.6, "recall"); we use the
 * ordinal range `[start, start + replicas)`, which is the same when `ordinals.start` is 0.
 */
export function desiredClaimOwners(set: SimStatefulSet, pod: Pick<SimPod, 'name' | 'uid'>, claim: Pick<SimPvc, 'ownerReferences'>): OwnerReference[] {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy;
  const scaledDown = !inOrdinalRange(set, ordinalOf(pod.name));
  const setRef: OwnerReference = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.name, uid: set.uid };
  const podRef: OwnerReference = { apiVersion: 'v1', kind: 'Pod', name: pod.name, uid: pod.uid };
  const wantSet = policy.whenDeleted === 'Delete' && !(policy.whenScaled === 'Delete' && scaledDown);
  const wantPod = policy.whenScaled === 'Delete' && scaledDown;
  const others = claim.ownerReferences.filter((r) => !(r.kind === 'StatefulSet' && r.name === set.name) && !(r.kind === 'Pod' && r.name === pod.name));
  return [...others, ...(wantSet ? [setRef] : []), ...(wantPod ? [podRef] : [])];
}

/** Whether two owner reference lists name the same owners (by uid, order-insensitive). */
export function sameOwners(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  if (a.length !== b.length) return false;
  const ua = a.map((r) => r.uid).sort();
  const ub = b.map((r) => r.uid).sort();
  return ua.every((u, i) => u === ub[i]);
}

/**
 * `hasStaleOwnerRef` for a pod about to be created (no uid yet): a claim referencing a Pod of
 * that name is stale — it belongs to the previous pod and the garbage collector is about to delete it.
 */
export function claimIsStale(claim: Pick<SimPvc, 'ownerReferences'>, podName_: string, podUid?: string): boolean {
  return claim.ownerReferences.some((r) => r.kind === 'Pod' && r.name === podName_ && r.uid !== podUid);
}
