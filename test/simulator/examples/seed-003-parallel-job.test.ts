/**
 * examples/seed-003-parallel-job: seed 003 §5 — parallel-job in production with completions 10,
 * parallelism 3, backoffLimit 5; its scenario crashes the worker on worker2 at 5 s. Construct →
 * synth → simulate → assert: the failure counts (1 of backoffLimit 5), its replacement waits the
 * 10 s pod-failure back-off (reference §4.4), never more than 3 pods at a time (§4.2), and the Job
 * completes with 10 succeeded pods.
 */
import { maxConcurrent, simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-003-parallel-job');
}

test('seed-003-parallel-job: 10 succeeded, 1 failed, at most 3 at a time; the replacement starts 10 s after the crash', () => {
  const result = run();
  const pods = result.podsOf('Job', 'parallel-job', 'production');
  expect(pods).toHaveLength(11);
  expect(maxConcurrent(pods)).toBe(3);
  const failed = pods.filter((p) => p.phase === 'Failed');
  expect(failed.map((p) => [p.node, p.finished])).toEqual([['worker2', '2024-01-01T03:00:05Z']]);
  // the first pod created after the crash: 10 s after it (1 s to notice, 9 s of back-off)
  expect(pods.find((p) => p.created > failed[0].finished!)!.created).toBe('2024-01-01T03:00:15Z');
  expect(pods.filter((p) => p.phase === 'Succeeded')).toHaveLength(10);
  expect(result.events({ kind: 'Job', name: 'parallel-job', reason: 'SuccessfulCreate' })).toHaveLength(11);
  expect(result.report.jobs).toEqual([{
    name: 'parallel-job', owner: null, created: '2024-01-01T03:00:00Z', finished: '2024-01-01T03:01:27Z', condition: 'Complete', reason: null,
    succeeded: 10, failed: 1, deleted: null,
  }]);
});
