/**
 * examples/seed-001-testcron: seed 001 §2's CronJob `testcron`, every minute, watched for five minutes.
 * Construct → synth → simulate → assert: one Job per minute named by the scheduled minute
 * (`testcron-27718752` = 2022-09-14T03:12:00Z, reference §6.2), each seen completed, and only the three
 * latest successful Jobs kept (successfulJobsHistoryLimit 3, oldest deleted first, §5.4 step 12).
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-001-testcron');
}

const result = run();
const minutes = [52, 53, 54, 55, 56];

test('seed-001-testcron: one Job per minute, named testcron-27718752, testcron-27718753, …', () => {
  expect(result.events({ kind: 'CronJob', name: 'testcron', reason: 'SuccessfulCreate' }).map((e) => [e.time, e.message])).toEqual(
    minutes.map((m, i) => [`2022-09-14T03:1${2 + i}:00.100Z`, `Created job testcron-277187${m}`]),
  );
  expect(result.report.jobs.map((j) => [j.name, j.owner, j.condition])).toEqual(
    minutes.map((m) => [`testcron-277187${m}`, { kind: 'CronJob', name: 'testcron' }, 'Complete']),
  );
});

test('seed-001-testcron: every Job is seen completed; only the 3 latest successful Jobs are kept', () => {
  expect(result.events({ kind: 'CronJob', reason: 'SawCompletedJob' }).map((e) => e.message)).toEqual(
    minutes.map((m) => `Saw completed job: testcron-277187${m}, status: Complete`),
  );
  expect(result.events({ kind: 'CronJob', reason: 'SuccessfulDelete' }).map((e) => e.message)).toEqual(['Deleted job testcron-27718752', 'Deleted job testcron-27718753']);
  expect(result.report.jobs.filter((j) => j.deleted === null).map((j) => j.name)).toEqual(['testcron-27718754', 'testcron-27718755', 'testcron-27718756']);
  // The deleted Jobs' pods go with them (garbage collector, background propagation).
  const pods = result.podsOf('CronJob', 'testcron');
  expect(pods.map((p) => p.name.slice(0, -6))).toEqual(minutes.map((m) => `testcron-277187${m}`));
  expect(pods.map((p) => p.deleted !== null)).toEqual([true, true, false, false, false]);
});

test('seed-001-testcron: the pods run busybox for 5 s on the workers, never on the tainted manager', () => {
  const pods = result.podsOf('CronJob', 'testcron');
  expect(new Set(pods.map((p) => p.image))).toEqual(new Set(['busybox']));
  expect(pods.every((p) => p.node !== 'manager' && p.phase === 'Succeeded')).toBe(true);
  expect(pods.map((p) => (Date.parse(p.finished!) - Date.parse(p.started!)) / 1000)).toEqual([5, 5, 5, 5, 5]);
});

test('seed-001-testcron: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
