import fc from 'fast-check';
import { OrdinalSet } from '../../../lib/simulator/controllers/ordinal-set';

test('min and max follow adds and deletes (model check against a sorted array)', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 300 }), (ops) => {
    const s = new OrdinalSet();
    const model = new Set<number>();
    for (const [add, o] of ops) {
      if (add) { s.add(o); model.add(o); } else { s.delete(o); model.delete(o); }
      const sorted = [...model].sort((a, b) => a - b);
      expect(s.min()).toBe(sorted[0]);
      expect(s.max()).toBe(sorted.at(-1));
      expect(s.size).toBe(model.size);
      expect(s.minAtLeast(20)).toBe(sorted.find((x) => x >= 20));
      expect(s.maxAtMost(20)).toBe([...sorted].reverse().find((x) => x <= 20));
    }
  }), { seed: 3, numRuns: 100 });
});
