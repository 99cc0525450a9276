/**
 * The loop rewrites the replay hot path relies on give what the straightforward versions give:
 * `sortSmall` the order of `Array.prototype.sort` (both stable), `deepEqual` the answer of the
 * filter/every version it replaced (kept here as the reference), over random inputs.
 */
import fc from 'fast-check';
import { deepEqual } from '../../lib/util/deep-equal';
import { sortSmall } from '../../lib/util/small-sort';

/** The deepEqual before the rewrite (lib/util/deep-equal.ts at 3c48ac7). */
function referenceDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => referenceDeepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => referenceDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe('sortSmall', () => {
  test('orders like Array.prototype.sort, ties in input order, at every length around the insertion-sort limit', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), (keys) => {
      // Items carry their input position, so a tie broken differently would show.
      const items = keys.map((key, at) => ({ key, at }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(byKey);
      const copy = [...items];
      const result = sortSmall(copy, byKey);
      expect(result).toBe(copy);
      expect(result).toEqual(expected);
    }), { numRuns: 500 });
  });
});

describe('deepEqual', () => {
  // JSON-like values with undefined members and holes, small enough that equal pairs come up.
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.constantFrom(null, undefined, 0, 1, '', 'a', true, false)),
    node: fc.oneof({ maxDepth: 3 }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }),
      fc.sparseArray(tie('leaf'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 })),
  })).node;

  test('answers as the version it replaced, on random pairs and on a value against its own clone', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(deepEqual(a, b)).toBe(referenceDeepEqual(a, b));
      expect(deepEqual(b, a)).toBe(referenceDeepEqual(b, a));
    }), { numRuns: 2000 });
    fc.assert(fc.property(value, (a) => {
      const clone = a === undefined ? a : structuredClone(a);
      expect(deepEqual(a, clone)).toBe(referenceDeepEqual(a, clone));
    }), { numRuns: 500 });
  });

  test('fails when a defined member differs, and ignores undefined members and holes', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(deepEqual([1, , 3], [1, 2, 3])).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });
});
