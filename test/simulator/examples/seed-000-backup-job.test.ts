/**
 * examples/seed-000-backup-job: the BatchJob of seed 000 §3.1 (restartPolicy OnFailure,
 * backoffLimit 4) with its scenario — a flaky script that exits 1, 1, then 0. Construct → synth →
 * simulate → assert: the container is restarted in place twice (2 < backoffLimit 4, reference
 * §4.3) and the Job completes.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-000-backup-job');
}

test('seed-000-backup-job: two failed runs restarted in place, then Complete at 42 s', () => {
  const result = run();
  const [pod, ...others] = result.podsOf('Job', 'backup-job');
  expect(others).toEqual([]);
  expect(pod.name).toMatch(/^backup-job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  expect(pod).toMatchObject({ phase: 'Succeeded', restarts: 2, finished: '2024-01-01T02:00:41Z' });
  // kubelet: immediate restart after the first failure (11 s), 10 s crash-loop back-off after the second (21 s → 31 s)
  expect(result.events({ name: pod.name, reason: 'Started' }).map((e) => e.time)).toEqual(['2024-01-01T02:00:01Z', '2024-01-01T02:00:11Z', '2024-01-01T02:00:31Z']);
  expect(result.events({ name: pod.name, reason: 'BackOff' }).map((e) => e.time)).toEqual(['2024-01-01T02:00:21Z']);
  expect(result.events({ kind: 'Job', name: 'backup-job' }).map((e) => [e.time, e.type, e.reason, e.message])).toEqual([
    ['2024-01-01T02:00:00Z', 'Normal', 'SuccessfulCreate', `Created pod: ${pod.name}`],
    ['2024-01-01T02:00:42Z', 'Normal', 'Completed', 'Job completed'],
  ]);
  expect(result.report.jobs).toEqual([{
    name: 'backup-job', owner: null, created: '2024-01-01T02:00:00Z', finished: '2024-01-01T02:00:42Z', condition: 'Complete', reason: null,
    succeeded: 1, failed: 0, deleted: null, // ttlSecondsAfterFinished 86400: still there after 10 minutes
  }]);
});

test('seed-000-backup-job: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(run().toJson());
});
