/**
 * examples/seed-000-parallel-job: seed 000 §3.2–3.3 — backup-job with completions 5, parallelism 2
 * and ttlSecondsAfterFinished 3600. Construct → synth → simulate → assert: never more than two
 * pods at a time (reference §4.2), five succeeded, Complete (§4.3), and the Job with its pods
 * deleted one hour after it finished (§4.7).
 */
import { maxConcurrent, simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-000-parallel-job');
}

test('seed-000-parallel-job: 5 completions, 2 at a time, Complete at 36 s', () => {
  const result = run();
  const pods = result.podsOf('Job', 'backup-job');
  expect(pods).toHaveLength(5);
  expect(pods.every((p) => p.phase === 'Succeeded' && /^backup-job-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.name))).toBe(true);
  expect(maxConcurrent(pods)).toBe(2);
  expect(pods.map((p) => p.created.slice(11))).toEqual(['02:00:00Z', '02:00:00Z', '02:00:12Z', '02:00:12Z', '02:00:24Z']);
  expect(result.events({ kind: 'Job', name: 'backup-job' }).map((e) => e.reason)).toEqual([
    'SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'Completed',
  ]);
  expect(result.report.jobs).toEqual([{
    name: 'backup-job', owner: null, created: '2024-01-01T02:00:00Z', finished: '2024-01-01T02:00:36Z', condition: 'Complete', reason: null,
    succeeded: 5, failed: 0, deleted: '2024-01-01T03:00:36Z',
  }]);
});

test('seed-000-parallel-job: ttlSecondsAfterFinished 3600 deletes the pods with the Job', () => {
  const result = run();
  expect(result.podsOf('Job', 'backup-job').map((p) => p.deleted)).toEqual(new Array(5).fill('2024-01-01T03:00:36Z'));
  expect(result.report.pods.filter((p) => p.deleted === null)).toEqual([]);
});
