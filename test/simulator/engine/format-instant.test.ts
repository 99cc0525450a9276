/**
 * formatInstant writes the day's prefix from a cache and the time of day by hand (clock.ts); it
 * must give `toISOString` without a zero fraction for every instant, in any order (the cache
 * follows the day last formatted), and go through Date where the fast path does not apply.
 */
import fc from 'fast-check';
import { formatInstant } from '../../../lib/simulator/engine/clock';

function reference(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

test('equals toISOString (zero fraction dropped) for random instants in random order', () => {
  const instant = fc.oneof(
    fc.integer({ min: 0, max: 253_402_300_799_999 }),
    // near midnights and second boundaries, where the cached prefix and the carries change
    fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -1_500, max: 1_500 })).map(([day, off]) => Math.max(0, day * 86_400_000 + off)),
  );
  fc.assert(fc.property(fc.array(instant, { minLength: 1, maxLength: 50 }), (instants) => {
    for (const t of instants) expect(formatInstant(t)).toBe(reference(t));
  }), { numRuns: 500 });
});

test('outside the fast path: before 1970, from year 10000 on, and fractions of a ms', () => {
  for (const t of [-1, -86_400_001, 253_402_300_800_000, 253_402_300_800_001, 1.5, 1_694_563_200_000.25]) {
    expect(formatInstant(t)).toBe(reference(t));
  }
});

test('fails like Date for an instant Date cannot write', () => {
  expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
});
