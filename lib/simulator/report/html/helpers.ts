/**
 * Small helpers of the HTML timeline: grouping into lists, and locale-independent string orders.
 *
 * @internal
 */

/** Appends `v` to the list of `k`, creating it. @internal */
export function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Plain code-unit order: locale-independent, so output is the same on every machine. @internal */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Natural order: "worker2" before "worker10". @internal */
export function cmpNatural(a: string, b: string): number {
  const ra = a.split(/(\d+)/);
  const rb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] === rb[i]) continue;
    if (i % 2 === 1) {
      const d = Number(ra[i]) - Number(rb[i]);
      if (d !== 0) return d;
    }
    return cmpStr(ra[i], rb[i]);
  }
  return ra.length - rb.length;
}
