/** The seeded manifest mutations (test/apiserver/fuzz.test.ts, test/apiserver/throughput/corpus.ts). */

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

/** One value mutation: changes the slot `parent[key]` (may draw from `random`). */
export type SlotMutation = (parent: Container, key: string | number, random: () => number) => void;

/** The mutations both manifest fuzzers make: null, a number, `x`, a deletion, a renamed key. */
export const VALUE_MUTATIONS: readonly SlotMutation[] = [
  (parent, key) => { (parent as Record<string | number, unknown>)[key] = null; },
  (parent, key, random) => { (parent as Record<string | number, unknown>)[key] = Math.floor(random() * 100) - 10; },
  (parent, key) => { (parent as Record<string | number, unknown>)[key] = 'x'; },
  (parent, key) => { if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key]; },
  (parent, key) => { if (!Array.isArray(parent)) { parent[`${key}x`] = parent[key]; delete parent[key]; } },
];

/** `[null]` in the slot. */
export const NULL_LIST: SlotMutation = (parent, key) => { (parent as Record<string | number, unknown>)[key] = [null]; };

/**
 * A copy of `docs` with 1–3 slots inside the documents changed, each by one of `mutations` picked
 * with `random` (a top-level string would be read as a file path, so documents themselves stay).
 */
export function mutateDocs(docs: unknown[], random: () => number, mutations: readonly SlotMutation[]): unknown[] {
  const copy = structuredClone(docs);
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    const all = copy.flatMap((d) => slots(d));
    if (all.length === 0) break;
    const { parent, key } = all[Math.floor(random() * all.length)];
    mutations[Math.floor(random() * mutations.length)](parent, key, random);
  }
  return copy;
}
