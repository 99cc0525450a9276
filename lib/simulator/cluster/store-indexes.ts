/**
 * Helpers of the store's secondary indexes (owner uid, node, claim): the claims a pod references,
 * and adding to / removing from a map of sets.
 */
import type { SimPod } from './pod-object';

/** Claim names a pod's volumes reference. */
export function claimNames(pod: Pick<SimPod, 'spec'>): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) {
    const c = v.persistentVolumeClaim?.claimName;
    if (c) out.push(c);
  }
  return out;
}

/**
 * Adds `v` to the set at `k`, creating it.
 * @internal
 */
export function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

/**
 * Removes `v` from the set at `k`, dropping the set once empty.
 * @internal
 */
export function removeFrom<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}
