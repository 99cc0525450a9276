/**
 * A case where the fast-forward and the full replay once disagreed (two `@every 5m` CronJobs, one
 * keeping no successful Job and one keeping 10, plus a standalone Job; start just before midnight,
 * two days, seed 91519): the tail was sized from per-kind live/removed ratios, which undercount
 * the CronJob with the longer history, so a moved Job (still under its old name) was deleted
 * inside the kept events. Now the ages of the live family bound the tail.
 */
import * as path from 'path';
import { simulate } from '../../../lib/simulator';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

describe.each([
  [1, 10], [1, 100], [3, 100], [5, 100], [10, 10], [10, 100], [10, 1000],
])('keepDeleted %i, maxEvents %i', (keepDeleted, maxEvents) => {
  test('the fast-forwarded report equals the full replay', () => {
    const run = (fastForward: boolean) => simulate(fixture('ff-divergence.yaml'), fixture('ff-divergence.scenario.yaml'), {
      history: 'summary', keepDeleted, maxEvents, fastForward,
    });
    const ff = run(true);
    const full = run(false);
    expect(ff.toJson()).toBe(full.toJson());
    expect(ff.toText()).toBe(full.toText());
  });
});
