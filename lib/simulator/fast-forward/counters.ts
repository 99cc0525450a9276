/**
 * What the simulation has counted at a boundary of the steady-state fast-forward, and the
 * arithmetic on those counts: what one period added (the difference of two) and K periods of it.
 */
import type { SimKind } from '../cluster/objects';

/** What the simulation has counted so far; also what one period adds (the difference of two). */
export interface Counters {
  readonly processed: number;
  readonly seq: number;
  readonly draws: number;
  readonly recorded: number;
  readonly uids: number;
  readonly rv: number;
  readonly deleted: ReadonlyMap<SimKind, number>;
  readonly allocations: ReadonlyMap<string, number>;
  readonly syncs: readonly number[];
  readonly outside: number;
  readonly userActions: number;
  readonly podsCreated: number;
}

/** What happened between two counts: `b` minus `a`, field by field. */
export function minus(b: Counters, a: Counters): Counters {
  return {
    processed: b.processed - a.processed, seq: b.seq - a.seq, draws: b.draws - a.draws, recorded: b.recorded - a.recorded,
    uids: b.uids - a.uids, rv: b.rv - a.rv, deleted: diff(b.deleted, a.deleted), allocations: diff(b.allocations, a.allocations),
    syncs: b.syncs.map((n, i) => n - a.syncs[i]), outside: b.outside - a.outside, userActions: b.userActions - a.userActions,
    podsCreated: b.podsCreated - a.podsCreated,
  };
}

/** `b` minus `a` per key, without the keys that did not change. */
function diff<K>(b: ReadonlyMap<K, number>, a: ReadonlyMap<K, number>): Map<K, number> {
  const out = new Map<K, number>();
  for (const [k, n] of b) if (n - (a.get(k) ?? 0) !== 0) out.set(k, n - (a.get(k) ?? 0));
  return out;
}

/** Every count of `m` times `k`. */
export function scale<K>(m: ReadonlyMap<K, number>, k: number): Map<K, number> {
  return new Map([...m].map(([key, n]) => [key, n * k]));
}
