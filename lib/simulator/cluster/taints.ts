/**
 * Taints and tolerations, as `k8s.io/api/core/v1` `Toleration.ToleratesTaint` and the scheduler's
 * TaintToleration filter evaluate them.
 */
import type { PodSpec, Taint, Toleration } from './api-shapes';

/** The taint a cordoned node carries (`node.kubernetes.io/unschedulable:NoSchedule`, TaintNodesByCondition). */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';
/** The taint of a node whose Ready condition is False (`v1.TaintNodeNotReady`). */
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
/** The taint of a node whose Ready condition is Unknown (`v1.TaintNodeUnreachable`). */
export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
/** `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds` (kube-apiserver, default 300). */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * The DefaultTolerationSeconds admission plugin
 * (`plugin/pkg/admission/defaulttolerationseconds/admission.go`): a pod that does not already
 * tolerate `node.kubernetes.io/not-ready:NoExecute` (a toleration whose key is that key or empty,
 * and whose effect is NoExecute or empty) gets `{key: not-ready, operator: Exists, effect:
 * NoExecute, tolerationSeconds: 300}`; the same for `unreachable`. So a pod on a node that turns
 * NotReady is evicted 300 s after the taint was added. DaemonSet pods already carry both without
 * tolerationSeconds (daemon-set-utils.ts), so they are left alone and never evicted.
 *
 * @param spec the pod spec being created
 * @returns the spec, with the missing tolerations appended
 */
export function withDefaultTolerationSeconds(spec: PodSpec): PodSpec {
  const admitted = admittedTolerations(spec.tolerations);
  // Object.assign rather than `{ ...spec, tolerations }`: the same keys in the same order, without
  // V8's slow path for a spread followed by a key the source lacks (materialize.ts).
  return admitted === undefined ? spec : Object.assign({}, spec, { tolerations: admitted });
}

/**
 * The tolerations after the plugin, or undefined when it adds none — memoised per input array:
 * the pods of one template share their spec's tolerations (specs are replaced, never edited), so
 * every pod a controller creates from it gets the same answer. Pods then share the result, which
 * nothing edits in place either.
 */
function admittedTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] | undefined {
  if (tolerations === undefined) return (NO_TOLERATIONS_ADMITTED ??= computeAdmitted([]));
  let memo = ADMITTED.get(tolerations);
  if (memo === undefined) ADMITTED.set(tolerations, (memo = { result: computeAdmitted(tolerations) }));
  return memo.result;
}

function computeAdmitted(tolerations: readonly Toleration[]): Toleration[] | undefined {
  const has = (key: string) => tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
  const added = [NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY].filter((k) => !has(k))
    .map((key): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return added.length === 0 ? undefined : [...tolerations, ...added];
}

const ADMITTED = new WeakMap<readonly Toleration[], { readonly result: Toleration[] | undefined }>();
let NO_TOLERATIONS_ADMITTED: Toleration[] | undefined;

/**
 * Whether one toleration tolerates a taint (`Toleration.ToleratesTaint`): the effect matches (or
 * the toleration's effect is empty), the key matches (an empty key with `Exists` matches every
 * key), and with `Equal` (the default operator) the values are equal.
 *
 * @param t the toleration
 * @param taint the taint
 */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** Whether any toleration in the list tolerates the taint. */
export function tolerates(tolerations: readonly Toleration[] | undefined, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * The first taint with effect NoSchedule or NoExecute that no toleration tolerates, or undefined
 * (`v1helper.FindMatchingUntoleratedTaint` with the scheduler's filter: PreferNoSchedule is
 * ignored).
 */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): Taint | undefined {
  return taints.find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(tolerations, taint));
}

/** `{key: value}` as the scheduler prints an untolerated taint (`{node-role.kubernetes.io/master: }`). */
export function formatTaint(taint: Pick<Taint, 'key' | 'value'>): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
