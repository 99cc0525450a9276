/**
 * examples/seed-000-daily-backup: seed 000 §4.1's CronJob `daily-backup` (02:00 UTC daily) over
 * four days, with the CronJob controller down from 01:00 to 04:00 on the second night. Construct →
 * synth → simulate → assert: at resume only the most recent missed run starts, late (reference §5.5,
 * §9 item 2); the other nights run at 02:00; Jobs are named by their scheduled minute.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-000-daily-backup');
}

const result = run();
const at2 = (day: string) => `daily-backup-${Date.parse(`2024-03-${day}T02:00:00Z`) / 60_000}`;

test('seed-000-daily-backup: 02:00 every night; Tuesday\'s run starts at 04:00, when the controller is back', () => {
  expect(result.events({ kind: 'CronJob', name: 'daily-backup', reason: 'SuccessfulCreate' }).map((e) => [e.time, e.message])).toEqual([
    ['2024-03-04T02:00:00.100Z', `Created job ${at2('04')}`],
    ['2024-03-05T04:00:00Z', `Created job ${at2('05')}`],
    ['2024-03-06T02:00:00.100Z', `Created job ${at2('06')}`],
    ['2024-03-07T02:00:00.100Z', `Created job ${at2('07')}`],
  ]);
  // One missed run: no TooManyMissedTimes, nothing else from the controller at resume.
  expect(result.events({ kind: 'CronJob', type: 'Warning' })).toEqual([]);
});

test('seed-000-daily-backup: each backup completes; the default history keeps the last 3', () => {
  expect(result.report.jobs.map((j) => [j.name, j.condition, j.deleted !== null])).toEqual([
    [at2('04'), 'Complete', true], [at2('05'), 'Complete', false], [at2('06'), 'Complete', false], [at2('07'), 'Complete', false],
  ]);
  expect(result.events({ kind: 'CronJob', reason: 'SuccessfulDelete' }).map((e) => [e.time.slice(0, 10), e.message])).toEqual([['2024-03-07', `Deleted job ${at2('04')}`]]);
});

test('seed-000-daily-backup: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
