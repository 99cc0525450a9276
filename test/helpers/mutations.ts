/** Helpers of the seeded manifest mutations (test/apiserver/fuzz.test.ts, test/apiserver/throughput/corpus.ts). */

/** mulberry32: a small seeded PRNG, so a failure reproduces from its seed. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An object or array holding a mutable slot. */
export type Container = Record<string, unknown> | unknown[];

/** Every slot (parent and key) inside `value`, depth first. */
export function slots(value: unknown, out: Array<{ parent: Container; key: string | number }> = []): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push({ parent: value, key: i }); slots(v, out); });
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) { out.push({ parent: value as Record<string, unknown>, key: k }); slots(v, out); }
  }
  return out;
}
