/**
 * Helpers of the store's secondary indexes (owner uid, node, claim): the claims a pod references,
 * and adding to / removing from a map of sets.
 */
import type { SimPod } from './pod-object';

/** Claim names a pod's volumes reference. */
export function claimNames(pod: Pick<SimPod, 'spec'>): readonly string[] {
  const volumes = pod.spec.volumes;
  // Most pods mount no claim, and the store asks on every pod write: no array for them.
  if (volumes === undefined || volumes.length === 0) return NO_CLAIMS;
  const out: string[] = [];
  for (const v of volumes) {
    const c = v.persistentVolumeClaim?.claimName;
    if (c) out.push(c);
  }
  return out;
}

const NO_CLAIMS: readonly string[] = Object.freeze([]);

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

/**
 * Moves `v` to the end of the set at `k` (what {@link removeFrom} then {@link addTo} leave when
 * `v` is in it), keeping the set.
 * @internal
 */
export function moveToEnd<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s === undefined) {
    m.set(k, new Set([v]));
    return;
  }
  s.delete(v);
  s.add(v);
}
