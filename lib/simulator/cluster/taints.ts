/**
 * Taints and tolerations, as `k8s.io/api/core/v1` `Toleration.ToleratesTaint` and the scheduler's
 * TaintToleration filter evaluate them.
 */
import type { Taint, Toleration } from './api-shapes';

/** The taint a cordoned node carries (`node.kubernetes.io/unschedulable:NoSchedule`, TaintNodesByCondition). */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

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
