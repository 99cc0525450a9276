/**
 * The `expect:` vocabulary, one table per check: each row says when it passes or fails and what
 * the verdict reports. The runs are small (fixtures.ts) and shared.
 */
import { parseScenario, simulate, SimulationResult } from '../../../lib/simulator';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { evaluateScenarioExpectations, ExpectationResult, formatExpectationFailure, formatExpectationReport } from '../../../lib/simulator/expect';
import { concurrency, readyIntervals } from '../../../lib/simulator/expect/objects';
import { cronRun, jobsRun, WEB, webRun } from './fixtures';

/** Evaluates `expect:` YAML (the body of one list item) against `run`. */
function check(run: SimulationResult, yaml: string): ExpectationResult {
  const scenario = parseScenario(`start: ${run.report.start}\nexpect:\n  - ${yaml}\n`);
  const [r] = evaluateScenarioExpectations({ ...run, report: run.report, simulation: run.simulation, scenario: { ...run.scenario, expect: scenario.expect } });
  return r;
}

type Row = [string, () => SimulationResult, string, boolean, Partial<Pick<ExpectationResult, 'expected' | 'actual' | 'message'>>?];

const noWarningsRows: Row[] = [
  ['passes when the run has no Warning event', webRun, 'noWarnings: true', true, { actual: 'none' }],
  ['fails when a Job records BackoffLimitExceeded', jobsRun, 'noWarnings: true', false, { actual: '1 Warning event (BackoffLimitExceeded)' }],
  ['passes when the only Warning reason is excepted', jobsRun, 'noWarnings: { except: [BackoffLimitExceeded] }', true],
  ['fails when another reason is excepted', jobsRun, 'noWarnings: { except: [FailedScheduling] }', false],
];

const podsReadyRows: Row[] = [
  ['passes when 3 web pods are Ready by 1m (the third at 15 s)', webRun, 'podsReady: { owner: StatefulSet/web, count: 3, by: 1m }', true,
    { actual: '3 Ready at 2022-09-14T03:00:15Z (start+15s)' }],
  ['passes at exactly the instant the count is reached', webRun, 'podsReady: { owner: StatefulSet/web, count: 3, by: 15s }', true],
  ['fails when the deadline is before the third pod is Ready', webRun, 'podsReady: { owner: StatefulSet/web, count: 3, by: 14s }', false,
    { actual: 'at most 2 Ready at once by then; 3 first at 2022-09-14T03:00:15Z (start+15s)', message: 'StatefulSet/web: 2 of 3 Ready by 14s' }],
  ['fails when more pods are required than the StatefulSet has', webRun, 'podsReady: { owner: StatefulSet/web, count: 4 }', false],
  ['fails when the owner has no pods', webRun, 'podsReady: { owner: StatefulSet/db, count: 1 }', false, { actual: 'no pods owned by StatefulSet/db' }],
  ['fails when the namespace does not match', webRun, 'podsReady: { owner: StatefulSet/web, count: 1, namespace: prod }', false],
  ['passes for a CronJob through its Jobs (owner chain)', cronRun, 'podsReady: { owner: CronJob/tick, count: 1, by: 11m }', true],
  ['fails when runs never overlap (one pod at a time is not 2 at once)', cronRun, 'podsReady: { owner: CronJob/tick, count: 2 }', false],
  ['accepts an RFC 3339 deadline', webRun, 'podsReady: { owner: StatefulSet/web, count: 3, by: "2022-09-14T03:00:15Z" }', true],
];

const jobRows: Row[] = [
  ['passes when the Job completed', jobsRun, 'job: { name: seed, condition: Complete, within: 1m }', true, { actual: 'Complete at 2024-01-01T00:00:12Z (start+12s)' }],
  ['passes when the Job failed with the expected reason', jobsRun, 'job: { name: migrate, condition: Failed, reason: BackoffLimitExceeded }', true],
  ['fails when the Job failed but Complete was expected', jobsRun, 'job: { name: migrate, condition: Complete }', false,
    { actual: 'Failed (BackoffLimitExceeded) at 2024-01-01T00:00:22Z (start+22s)' }],
  ['fails when the condition came after `within`', jobsRun, 'job: { name: seed, condition: Complete, within: 10s }', false],
  ['fails when the reason differs', jobsRun, 'job: { name: migrate, condition: Failed, reason: DeadlineExceeded }', false],
  ['fails when no Job has the name', jobsRun, 'job: { name: db-migration, condition: Complete }', false, { actual: 'no Job named db-migration' }],
];

const cronJobRows: Row[] = [
  ['passes with the exact run count (:10 … :50; none at creation)', cronRun, 'cronJob: { name: tick, runs: 5 }', true, { actual: '5 runs' }],
  ['fails when the count differs', cronRun, 'cronJob: { name: tick, runs: 6 }', false, { actual: '5 runs' }],
  ['counts only scheduled times in [from, to)', cronRun, 'cronJob: { name: tick, runs: 2, between: [10m, 30m] }', true, { actual: '2 runs (5 in the whole run)' }],
  ['accepts RFC 3339 instants in between', cronRun, 'cronJob: { name: tick, runs: 1, between: ["2024-01-01T00:45:00Z", "2024-01-01T01:00:00Z"] }', true],
  ['passes with runs { min, max } around the count', cronRun, 'cronJob: { name: tick, runs: { min: 4, max: 6 } }', true],
  ['fails when runs exceed max', cronRun, 'cronJob: { name: tick, runs: { max: 3 } }', false],
  ['fails for an unknown CronJob', cronRun, 'cronJob: { name: daily, runs: { min: 1 } }', false, { actual: '0 runs' }],
];

const eventRows: Row[] = [
  ['passes when an absent event did not occur', webRun, 'event: { reason: BackoffLimitExceeded, absent: true }', true],
  ['fails when an absent event occurred', jobsRun, 'event: { reason: BackoffLimitExceeded, absent: true }', false, { actual: '1 such event' }],
  ['passes when a required event occurred (default min 1)', jobsRun, 'event: { reason: BackoffLimitExceeded, object: Job/migrate }', true],
  ['fails when the event is on another object', jobsRun, 'event: { reason: BackoffLimitExceeded, object: Job/seed }', false],
  ['passes with the exact count', webRun, 'event: { reason: SuccessfulCreate, object: StatefulSet/web, count: 3 }', true],
  ['fails when the count differs', webRun, 'event: { reason: SuccessfulCreate, object: StatefulSet/web, count: 2 }', false],
  ['passes with min', webRun, 'event: { reason: SuccessfulCreate, min: 3 }', true],
  ['fails when the type differs', jobsRun, 'event: { reason: BackoffLimitExceeded, type: Normal }', false],
];

describe.each([
  ['noWarnings', noWarningsRows], ['podsReady', podsReadyRows], ['job', jobRows], ['cronJob', cronJobRows], ['event', eventRows],
] as const)('%s', (_name, rows) => {
  test.each(rows.map(([t, run, yaml, passed, fields]) => [t, run, yaml, passed, fields ?? {}] as const))('%s', (_title, run, yaml, passed, fields) => {
    const r = check(run(), yaml);
    expect(r.passed).toBe(passed);
    expect(r).toMatchObject(fields);
  });
});

test('a failure block shows expected, actual and the evidence', () => {
  const r = check(webRun(), 'podsReady: { owner: StatefulSet/web, count: 3, by: 10s }');
  expect(formatExpectationFailure(r)).toBe([
    '✗ expect[0].podsReady: StatefulSet/web: 2 of 3 Ready by 10s',
    '  - expected: 3 pods of StatefulSet/web Ready at once, at or before 2022-09-14T03:00:10Z (start+10s)',
    '  + actual:   at most 2 Ready at once by then; 3 first at 2022-09-14T03:00:15Z (start+15s)',
    '    web-0  Running, Ready  node worker1  created 2022-09-14T03:00:00Z  readyAt 2022-09-14T03:00:05Z',
    '    web-1  Running, Ready  node worker2  created 2022-09-14T03:00:05Z  readyAt 2022-09-14T03:00:10Z',
    '    web-2  Running, Ready  node worker3  created 2022-09-14T03:00:10Z  readyAt 2022-09-14T03:00:15Z',
  ].join('\n'));
  expect(formatExpectationFailure(check(jobsRun(), 'noWarnings: true'))).toContain('2024-01-01T00:00:22Z  Warning  Job/migrate  BackoffLimitExceeded: ');
});

test('the report lists failures then a count line; nothing without checks', () => {
  const ok = check(webRun(), 'noWarnings: true');
  const bad = check(webRun(), 'event: { reason: SuccessfulCreate, count: 9 }');
  expect(formatExpectationReport([ok, bad])).toMatch(/^✗ expect\[0\]\.event: 3 SuccessfulCreate events \(expected exactly 9\)\n[\s\S]*expectations: 1 of 2 passed, 1 failed\n$/);
  expect(formatExpectationReport([ok])).toBe('expectations: 1 of 1 passed\n');
  expect(formatExpectationReport([])).toBe('');
});

test.each([
  ['two overlapping intervals reach 2', [[0, 10], [5, 20]], 2, 100, { max: 2, reachedAtMs: 5 }],
  ['back-to-back intervals never reach 2 (a close counts before an open)', [[0, 10], [10, 20]], 2, 100, { max: 1, reachedAtMs: null }],
  ['the max only counts up to the deadline', [[0, 50], [60, 70], [65, 80]], 2, 61, { max: 1, reachedAtMs: 65 }],
  ['an interval still open at the end counts', [[0, Infinity], [3, Infinity]], 2, 5, { max: 2, reachedAtMs: 3 }],
] as const)('concurrency: %s', (_t, intervals, count, by, out) => {
  expect(concurrency(intervals.map(([a, b]) => [a, b]), count, by)).toEqual(out);
});

describe('readyIntervals', () => {
  const t = (atMs: number, ready: boolean, terminating = false) => ({ atMs, ready, terminating, phase: 'Running' as const, nodeName: 'n', ip: null, restarts: 0 });
  const pod = (timeline: ReturnType<typeof t>[], extra: Partial<SimPod> = {}) => ({ timeline, readyMs: null, deletionMs: null, finishedMs: null, deletedMs: null, ...extra }) as unknown as SimPod;
  test.each([
    ['Ready until the end', pod([t(0, false), t(5, true)]), [[5, Infinity]]],
    ['readiness lost and regained gives two intervals', pod([t(0, false), t(5, true), t(10, false), t(20, true)]), [[5, 10], [20, Infinity]]],
    ['a terminating pod stops counting when deletion is requested (EndpointSlice ready)', pod([t(0, true), t(8, true, true)], { deletedMs: 9 }), [[0, 8]]],
    ['a removed pod stops counting when it is gone', pod([t(0, true)], { deletedMs: 12 }), [[0, 12]]],
    ['never Ready gives none', pod([t(0, false)]), []],
    ['a summary (no timeline) uses readyAt up to the deletion request', pod([], { readyMs: 4, deletionMs: 30, deletedMs: 31 }), [[4, 30]]],
    ['a summary never Ready gives none', pod([], { deletedMs: 31 }), []],
  ] as const)('%s', (_title, p, out) => {
    expect(readyIntervals(p)).toEqual(out);
  });
});

test('history summary gives the same verdicts as full (the checks do not need whole deleted objects)', () => {
  const yaml = 'start: 2022-09-14T03:00:00Z\nuntil: 4m\npods:\n  - match: { owner: StatefulSet/web }\n    startAfter: 3s\n    readyAfter: 10s\nsteps:\n  - { at: 2m, deletePod: web-1 }\n'
    + 'expect:\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 1m }\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 30s }\n  - event: { reason: SuccessfulCreate, count: 4 }\n';
  const verdicts = (history: 'full' | 'summary') => evaluateScenarioExpectations(simulate(WEB, yaml, { history })).map((r) => [r.passed, r.actual]);
  expect(verdicts('summary')).toEqual(verdicts('full'));
  // web-2 is Ready at 39 s; the deleted web-1 comes back as a second instance (4 creations).
  expect(verdicts('full').map(([p]) => p)).toEqual([true, false, true]);
});
