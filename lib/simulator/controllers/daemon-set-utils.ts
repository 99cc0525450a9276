/**
 * Pure helpers of the DaemonSet controller, each a port of a function of
 * `pkg/controller/daemon/` (Kubernetes 1.27; reference §3 of
 * shared/reference/k8s-controller-semantics.md): which nodes should run a daemon pod, the
 * tolerations and node affinity the controller puts on its pods, the revision hash, availability,
 * the pod order, rolling-update budgets and the failed-pod back-off.
 */
import { matchesRequiredNodeAffinity } from '../../apiserver/labels';
import type { PodSpec, PodTemplateSpec, Taint, Toleration } from '../cluster/api-shapes';
import type { SimNode } from '../cluster/core-objects';
import type { SimPod } from '../cluster/pod-object';
import type { SimDaemonSet } from '../cluster/workload-objects';

/**
 * The label carrying the template hash (`apps.DefaultDaemonSetUniqueLabelKey`). For a DaemonSet its
 * value is the hash only (`CreatePodTemplate`, §3.2) — revision.ts `templateHash`, shared with the
 * StatefulSet controller — so there is no name-length limit as for StatefulSets.
 */
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** The legacy label carrying the template generation (`extensions.DaemonSetTemplateGenerationKey`). */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** The DaemonSet annotation the API server keeps the template generation in (`apps.DeprecatedTemplateGeneration`). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** At most this many creates and this many deletes per sync (`daemon_controller.go#BurstReplicas`, §3.4). */
export const BURST_REPLICAS = 250;

/** First batch of the slow-start creates (`controller.SlowStartInitialBatchSize`, §3.4). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * The failed-pod back-off of kube-controller-manager: `flowcontrol.NewBackOff(1*time.Second,
 * 15*time.Minute)` (`cmd/kube-controller-manager/app/apps.go#startDaemonSetController`, §3.4).
 */
export const FAILED_POD_BACKOFF = { initialMs: 1_000, maxMs: 15 * 60_000 } as const;

/**
 * The tolerations the controller adds to every daemon pod
 * (`daemonset_util.go#AddOrUpdateDaemonPodTolerations`, §3.2): `operator: Exists`, no
 * `tolerationSeconds`; the network-unavailable one only with `hostNetwork: true`.
 */
export const DAEMON_POD_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** Added only when the pod uses the host network (§3.2). */
export const NETWORK_UNAVAILABLE_TOLERATION: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

/**
 * `v1helper.AddOrUpdateTolerationInPodSpec`: a toleration with the same key, operator, value and
 * effect (`Toleration.MatchToleration`) is replaced unless identical; otherwise the toleration is
 * appended. Returns a new list.
 */
export function addOrUpdateToleration(tolerations: readonly Toleration[], t: Toleration): Toleration[] {
  const same = (a: Toleration) => (a.key ?? '') === (t.key ?? '') && (a.operator ?? '') === (t.operator ?? '')
    && (a.value ?? '') === (t.value ?? '') && (a.effect ?? '') === (t.effect ?? '');
  let updated = false;
  const out: Toleration[] = [];
  for (const existing of tolerations) {
    if (same(existing)) {
      out.push({ ...t });
      updated = true;
    } else {
      out.push(existing);
    }
  }
  if (!updated) out.push({ ...t });
  return out;
}

/** The pod spec's tolerations plus the daemon tolerations (§3.2), as `AddOrUpdateDaemonPodTolerations` leaves them. */
export function daemonPodTolerations(spec: Pick<PodSpec, 'tolerations' | 'hostNetwork'>): Toleration[] {
  let out: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of DAEMON_POD_TOLERATIONS) out = addOrUpdateToleration(out, t);
  if (spec.hostNetwork === true) out = addOrUpdateToleration(out, NETWORK_UNAVAILABLE_TOLERATION);
  return out;
}

/**
 * `daemon_controller.go#NewPod` minus the node name: the template's spec with the daemon
 * tolerations. What {@link nodeShouldRunDaemonPod} evaluates.
 */
export function daemonPodSpec(template: PodTemplateSpec | undefined): PodSpec {
  const spec = (template?.spec ?? { containers: [] }) as PodSpec;
  return { ...spec, tolerations: daemonPodTolerations(spec) };
}

/** Whether a node should run a daemon pod, and whether an existing one may keep running. */
export interface NodeEligibility {
  /** A pod should be created when none runs (`shouldRun`). */
  readonly shouldRun: boolean;
  /** An existing pod may stay (`shouldContinueRunning`). */
  readonly shouldContinueRunning: boolean;
}

const NOT_ELIGIBLE: NodeEligibility = { shouldRun: false, shouldContinueRunning: false };
const ELIGIBLE: NodeEligibility = { shouldRun: true, shouldContinueRunning: true };
const KEEP_ONLY: NodeEligibility = { shouldRun: false, shouldContinueRunning: true };

/**
 * `daemon_controller.go#NodeShouldRunDaemonPod` (§3.1) for the daemon pod spec of
 * {@link daemonPodSpec}:
 * - `spec.nodeName` set to another node, or nodeSelector / required node affinity not matching →
 *   (false, false);
 * - an untolerated NoSchedule or NoExecute taint → shouldRun false, and shouldContinueRunning false
 *   only when an untolerated taint is NoExecute (PreferNoSchedule never counts);
 * - otherwise (true, true). Resources are not checked (the scheduler does that).
 *
 * The node's `unschedulable` flag is not consulted: a cordon shows as the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint, which daemon pods tolerate.
 */
export function nodeShouldRunDaemonPod(spec: PodSpec, node: Pick<SimNode, 'name' | 'labels' | 'taints'>): NodeEligibility {
  if (spec.nodeName && spec.nodeName !== node.name) return NOT_ELIGIBLE;
  if (!matchesRequiredNodeAffinity(spec, node)) return NOT_ELIGIBLE;
  let untolerated = false;
  for (const taint of node.taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (toleratedBy(spec.tolerations, taint)) continue;
    // v1helper.FindMatchingUntoleratedTaint with the NoExecute filter decides shouldContinueRunning.
    if (taint.effect === 'NoExecute') return NOT_ELIGIBLE;
    untolerated = true;
  }
  return untolerated ? KEEP_ONLY : ELIGIBLE;
}

/** `Toleration.ToleratesTaint` over a list (inlined for the per-node hot path). */
function toleratedBy(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) {
    if (t.effect && t.effect !== taint.effect) continue;
    if (t.key && t.key !== taint.key) continue;
    const op = t.operator ?? 'Equal';
    if (op === 'Exists') return true;
    if (op === 'Equal' && (t.value ?? '') === (taint.value ?? '')) return true;
  }
  return false;
}

/**
 * `daemonset_util.go#ReplaceDaemonSetPodNodeNameNodeAffinity` (§3.3): the required node affinity
 * becomes the single term `matchFields metadata.name In [node]`; the template's own required terms
 * are replaced, preferred terms and pod (anti-)affinity are kept. Returns a new affinity.
 */
export function replaceNodeNameAffinity(affinity: PodSpec['affinity'], nodeName: string): NonNullable<PodSpec['affinity']> {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [nodeName] }] }] };
  return { ...(affinity ?? {}), nodeAffinity: { ...(affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
}

/**
 * `daemonset_util.go#GetTargetNodeName` (§3.3): the bound node, else `spec.nodeName`, else the
 * value of the first `matchFields metadata.name In [one value]` requirement; undefined when none
 * (such a pod is ignored by the controller, as the real one only logs it).
 */
export function targetNodeName(pod: Pick<SimPod, 'nodeName' | 'spec'>): string | undefined {
  if (pod.nodeName) return pod.nodeName;
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/**
 * `util.GetTemplateGeneration`: the DaemonSet's `deprecated.daemonset.template.generation`
 * annotation, or undefined when it is absent or not a number.
 */
export function templateGenerationOf(ds: Pick<SimDaemonSet, 'annotations'>): number | undefined {
  const a = ds.annotations[TEMPLATE_GENERATION_ANNOTATION];
  return a !== undefined && /^-?\d+$/.test(a) ? Number(a) : undefined;
}

/**
 * `daemonset_util.go#IsPodUpdated`: the pod carries the current hash, or the current template
 * generation in `pod-template-generation`.
 */
export function isPodUpdated(pod: Pick<SimPod, 'labels'>, hash: string, templateGeneration: number | undefined): boolean {
  const hashMatches = hash.length > 0 && pod.labels[REVISION_HASH_LABEL] === hash;
  const generationMatches = templateGeneration !== undefined && pod.labels[TEMPLATE_GENERATION_LABEL] === String(templateGeneration);
  return hashMatches || generationMatches;
}

/**
 * `podutil.IsPodAvailable`: Ready, and Ready for at least `minReadySeconds` (the reference's
 * "Available means Ready for at least minReadySeconds"; simulated time has no sub-ms skew).
 */
export function isPodAvailable(pod: Pick<SimPod, 'ready' | 'readySinceMs'>, minReadyMs: number, now: number): boolean {
  if (!pod.ready) return false;
  if (minReadyMs <= 0) return true;
  return pod.readySinceMs !== null && pod.readySinceMs + minReadyMs <= now;
}

/** When a Ready pod becomes available, if that is after `now`; undefined otherwise. */
export function availableAfterMs(pod: Pick<SimPod, 'ready' | 'readySinceMs'>, minReadyMs: number, now: number): number | undefined {
  if (!pod.ready || minReadyMs <= 0 || pod.readySinceMs === null) return undefined;
  const at = pod.readySinceMs + minReadyMs;
  return at > now ? at : undefined;
}

/**
 * `daemon_controller.go#podByCreationTimestampAndPhase`: scheduled pods first, then older first,
 * then by name.
 */
export function compareDaemonPods(a: SimPod, b: SimPod): number {
  const sa = a.nodeName !== null;
  const sb = b.nodeName !== null;
  if (sa !== sb) return sa ? -1 : 1;
  if (a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * `intstr.GetScaledValueFromIntOrPercent`: an integer as is; `"<n>%"` of `total`, rounded up or
 * down. Undefined for anything else (the real controller fails the sync with "invalid value for
 * IntOrString").
 */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number | undefined {
  if (v === undefined) return 0;
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return undefined;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** The rolling-update budget of one sync (§3.6). */
export interface RollingBudget {
  /** New pods that may run beside old ones (`SurgeCount`). */
  readonly maxSurge: number;
  /** Nodes that may be without an available pod (`UnavailableCount`), 1 when both are 0. */
  readonly maxUnavailable: number;
}

/**
 * `update.go#updatedDesiredNodeCounts` (§3.6): maxSurge and maxUnavailable scaled against
 * `desiredNumberScheduled`, both percentages **rounded up**; when both come out 0 with pods to
 * schedule, maxUnavailable becomes 1 ("DaemonSet is not configured for surge or unavailability,
 * defaulting to accepting unavailability"). Undefined when a value cannot be parsed.
 */
export function rollingBudget(ds: Pick<SimDaemonSet, 'spec'>, desired: number): RollingBudget | undefined {
  const strategy = ds.spec.updateStrategy;
  if (strategy.type !== 'RollingUpdate') return { maxSurge: 0, maxUnavailable: 0 };
  const ru = strategy.rollingUpdate ?? {};
  const maxUnavailable = scaledValue(ru.maxUnavailable, desired, true);
  const maxSurge = scaledValue(ru.maxSurge, desired, true);
  if (maxUnavailable === undefined || maxSurge === undefined) return undefined;
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge, maxUnavailable };
}

/** `daemonset_util.go#AllowsSurge`: RollingUpdate with a maxSurge that is positive when scaled against 1. */
export function allowsSurge(ds: Pick<SimDaemonSet, 'spec'>): boolean {
  if (ds.spec.updateStrategy.type !== 'RollingUpdate') return false;
  const v = scaledValue(ds.spec.updateStrategy.rollingUpdate?.maxSurge, 1, true);
  return v !== undefined && v > 0;
}

/** `failedPodsBackoffKey`: `<ds uid>/<status.observedGeneration>/<node>`. */
export function failedPodBackoffKey(ds: Pick<SimDaemonSet, 'uid' | 'status'>, nodeName: string): string {
  return `${ds.uid}/${ds.status.observedGeneration}/${nodeName}`;
}

/**
 * `client-go/util/flowcontrol.Backoff` without jitter, as the DaemonSet controller uses it for
 * failed pods (§3.4): `next` starts an entry at the initial delay or doubles it up to the maximum;
 * an entry not updated for more than twice the maximum has expired and starts over;
 * `inBackoffSinceUpdate` is true while less than the current delay has passed since the last
 * update.
 */
export class FailedPodBackoff {
  private readonly entries = new Map<string, { delayMs: number; lastUpdateMs: number }>();

  /** @param limits initial and maximum delay */
  public constructor(private readonly limits: { readonly initialMs: number; readonly maxMs: number } = FAILED_POD_BACKOFF) {}

  /** `Backoff.Next`. */
  public next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) {
      this.entries.set(key, { delayMs: this.limits.initialMs, lastUpdateMs: now });
      return;
    }
    e.delayMs = Math.min(e.delayMs * 2, this.limits.maxMs);
    e.lastUpdateMs = now;
  }

  /** The delay {@link next} would set now, without setting it. */
  public delayAfterNext(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) return this.limits.initialMs;
    return Math.min(e.delayMs * 2, this.limits.maxMs);
  }

  /** `Backoff.IsInBackOffSinceUpdate`. */
  public inBackoffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    if (this.expired(e, now)) {
      // Backoff.GC (every minute in the real controller) drops expired entries.
      this.entries.delete(key);
      return false;
    }
    return now - e.lastUpdateMs < e.delayMs;
  }

  /** `Backoff.Get`: the current delay, 0 when there is no entry. */
  public delayMs(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  private expired(e: { lastUpdateMs: number }, now: number): boolean {
    return now - e.lastUpdateMs > 2 * this.limits.maxMs;
  }
}
