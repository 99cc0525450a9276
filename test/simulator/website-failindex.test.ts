/**
 * The Kubernetes website's FailIndex example (controllers/job-backoff-limit-per-index-failindex.yaml,
 * vendored in test/fixtures/website/) end to end: admission per version and the per-index outcome
 * the docs describe — index 0 fails twice (one retry, backoffLimitPerIndex: 1), index 1 exits 42 and
 * its index fails at once (FailIndex), indexes 2 and 3 succeed; the Job fails with FailedIndexes.
 */
import * as path from 'path';
import { validate } from '../../lib/apiserver/validate';
import { simulate } from '../../lib/simulator';

const FILE = path.join(__dirname, '..', 'fixtures', 'website', 'controllers--job-backoff-limit-per-index-failindex.yaml');
const NAME = 'job-backoff-limit-per-index-failindex';

test('admitted from 1.29 (JobBackoffLimitPerIndex on); at 1.28 the alpha field is dropped and FailIndex then lacks it; unknown at 1.27', () => {
  for (const v of ['1.29', '1.33', '1.37']) expect(validate(FILE, { kubernetesVersion: v }).issues).toEqual([]);
  const at128 = validate(FILE, { kubernetesVersion: '1.28' });
  expect(at128.notices.map((n) => n.code)).toContain('DROPPED_FIELD');
  expect(at128.issues.map((i) => i.message).join('\n')).toContain('requires the backoffLimitPerIndex to be set');
  expect(validate(FILE, { kubernetesVersion: '1.27' }).issues.map((i) => i.message).join('\n')).toContain('added in 1.28');
});

test('at 1.29 the indexes end as the docs say: 0 and 1 failed, 2 and 3 completed, the Job Failed', () => {
  const scenario = {
    until: '10m',
    pods: [
      { match: { name: `${NAME}-0-*` }, exitCode: 1 },
      { match: { name: `${NAME}-1-*` }, exitCode: 42 },
      { match: { job: NAME }, exitCode: 0 },
    ],
  };
  const r = simulate(FILE, scenario, { kubernetesVersion: '1.29' });
  const job = r.simulation.state.history('Job').find((j) => j.name === NAME)!;
  const status = job.status as { failedIndexes?: string; completedIndexes?: string; conditions?: Array<{ type: string; reason?: string }> };
  expect(status.failedIndexes).toBe('0,1');
  expect(status.completedIndexes).toBe('2,3');
  expect(status.conditions?.find((c) => c.type === 'Failed')?.reason).toBe('FailedIndexes');
  // Index 0 ran twice (one retry), index 1 once (FailIndex: no retry).
  const pods = r.report.pods.map((p) => p.name);
  expect(pods.filter((n) => n.startsWith(`${NAME}-0-`))).toHaveLength(2);
  expect(pods.filter((n) => n.startsWith(`${NAME}-1-`))).toHaveLength(1);
});
