/**
 * examples/seed-003-db-migration: seed 003 §5 — the db-migration Job in production with
 * activeDeadlineSeconds 600 and a migration that would run 15 minutes. Construct → synth →
 * simulate → assert: at exactly 600 s the running pod is deleted and the Job fails with
 * DeadlineExceeded (reference §4.3); no retry is started.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-003-db-migration');
}

test('seed-003-db-migration: DeadlineExceeded at 600 s, the running pod deleted, no retry', () => {
  const result = run();
  const pods = result.podsOf('Job', 'db-migration', 'production');
  expect(pods).toHaveLength(1);
  expect(pods[0]).toMatchObject({ namespace: 'production', phase: 'Failed', deleting: '2024-01-01T03:10:00Z', deleted: '2024-01-01T03:10:01Z' });
  expect(result.events({ kind: 'Job', name: 'db-migration' }).map((e) => [e.time, e.type, e.reason, e.message])).toEqual([
    ['2024-01-01T03:00:00Z', 'Normal', 'SuccessfulCreate', `Created pod: ${pods[0].name}`],
    ['2024-01-01T03:10:00Z', 'Normal', 'SuccessfulDelete', `Deleted pod: ${pods[0].name}`],
    ['2024-01-01T03:10:00Z', 'Warning', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
  ]);
  expect(result.report.jobs).toEqual([expect.objectContaining({
    name: 'db-migration', finished: '2024-01-01T03:10:00Z', condition: 'Failed', reason: 'DeadlineExceeded', succeeded: 0,
  })]);
});
