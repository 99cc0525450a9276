/**
 * examples/seed-003-daily-report: seed 003 §6's CronJob `daily-report` (weekdays 09:00 in
 * Asia/Seoul, Forbid) for a week in which Tuesday's report runs 30 hours. Construct → synth →
 * simulate → assert: runs at 00:00 UTC Monday to Friday only (reference §5.2); Wednesday's run is
 * not started while Tuesday's is active (JobAlreadyActive, §5.4 step 8) and starts late when it ends,
 * since Forbid leaves lastScheduleTime alone; three successful Jobs are kept (§5.4 step 12).
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-003-daily-report');
}

const result = run();
// Minutes since the epoch of 00:00 UTC (09:00 KST) on Mon 2024-01-08 … Fri 2024-01-12.
const [mon, tue, wed, thu, fri] = [28411200, 28412640, 28414080, 28415520, 28416960].map((m) => `daily-report-${m}`);

test('seed-003-daily-report: one run per weekday at 00:00 UTC, none on the weekend; Wednesday\'s starts late', () => {
  const tuesday = result.report.jobs.find((j) => j.name === tue)!;
  expect(tuesday.finished).toMatch(/^2024-01-10T06:00:0\d(\.\d+)?Z$/); // 30 h after it started
  expect(result.events({ kind: 'CronJob', name: 'daily-report', reason: 'SuccessfulCreate' }).map((e) => [e.time, e.message])).toEqual([
    ['2024-01-08T00:00:00.100Z', `Created job ${mon}`],
    ['2024-01-09T00:00:00.100Z', `Created job ${tue}`],
    [tuesday.finished, `Created job ${wed}`],
    ['2024-01-11T00:00:00.100Z', `Created job ${thu}`],
    ['2024-01-12T00:00:00.100Z', `Created job ${fri}`],
  ]);
  expect(result.report.jobs.every((j) => ![0, 6].includes(new Date(j.created).getUTCDay()))).toBe(true);
});

test('seed-003-daily-report: Forbid — JobAlreadyActive at Wednesday 00:00, never two reports at once', () => {
  expect(result.events({ kind: 'CronJob', reason: 'JobAlreadyActive' }).map((e) => [e.time, e.type, e.message])).toEqual([
    ['2024-01-10T00:00:00.100Z', 'Normal', 'Not starting job because prior execution is running and concurrency policy is Forbid'],
  ]);
  const jobs = result.report.jobs;
  for (let i = 1; i < jobs.length; i++) expect(Date.parse(jobs[i].created)).toBeGreaterThanOrEqual(Date.parse(jobs[i - 1].finished!));
});

test('seed-003-daily-report: history keeps the last 3 successful reports, in the production namespace', () => {
  expect(result.events({ kind: 'CronJob', reason: 'SuccessfulDelete' }).map((e) => e.message)).toEqual([`Deleted job ${mon}`, `Deleted job ${tue}`]);
  expect(result.report.jobs.filter((j) => j.deleted === null).map((j) => j.name)).toEqual([wed, thu, fri]);
  expect(result.report.jobs.every((j) => j.condition === 'Complete')).toBe(true);
  expect(new Set(result.podsOf('CronJob', 'daily-report').map((p) => [p.namespace, p.image].join(' ')))).toEqual(new Set(['production my-reporter:latest']));
});

test('seed-003-daily-report: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
