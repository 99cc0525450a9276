/** expectSimulation(): the scenario checks as chained assertions that throw the same diff. */
import { expectSimulation, ExpectationError, ScenarioError } from '../../../lib';
import { simulate } from '../../../lib/simulator';
import { cronRun, jobsRun, WEB, webRun } from './fixtures';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

test('passing assertions chain', () => {
  expect(() => expectSimulation(webRun())
    .toHaveNoWarnings()
    .toHavePodsReady({ owner: 'StatefulSet/web', count: 3, by: '1m' })
    .toHaveEvent({ reason: 'SuccessfulCreate', object: 'StatefulSet/web', count: 3 })
    .not.toHaveEvent({ reason: 'BackoffLimitExceeded' })).not.toThrow();
  expect(() => expectSimulation(jobsRun())
    .toHaveJobCondition({ name: 'migrate', condition: 'Failed', reason: 'BackoffLimitExceeded', within: '1m' })
    .toHaveJobCondition({ name: 'seed', condition: 'Complete' })
    .toHaveNoWarnings({ except: ['BackoffLimitExceeded'] })).not.toThrow();
  expect(() => expectSimulation(cronRun()).toHaveCronJobRuns({ name: 'tick', runs: 5 }).toHaveCronJobRuns({ name: 'tick', runs: { min: 2 }, between: ['0s', '30m'] })).not.toThrow();
});

test.each([
  ['toHaveNoWarnings', () => expectSimulation(jobsRun()).toHaveNoWarnings(), '✗ toHaveNoWarnings: 1 Warning event: BackoffLimitExceeded'],
  ['toHavePodsReady', () => expectSimulation(webRun()).toHavePodsReady({ owner: 'StatefulSet/web', count: 3, by: '10s' }), '✗ toHavePodsReady: StatefulSet/web: 2 of 3 Ready by 10s'],
  ['toHaveJobCondition', () => expectSimulation(jobsRun()).toHaveJobCondition({ name: 'migrate', condition: 'Complete' }), '✗ toHaveJobCondition: Job migrate: expected Complete, Failed (BackoffLimitExceeded) at 2024-01-01T00:00:22Z (start+22s)'],
  ['toHaveCronJobRuns', () => expectSimulation(cronRun()).toHaveCronJobRuns({ name: 'tick', runs: 3 }), '✗ toHaveCronJobRuns: CronJob tick: 5 runs (expected exactly 3) scheduled in [2024-01-01T00:00:00Z (start+0s), the end)'],
  ['toHaveEvent', () => expectSimulation(webRun()).toHaveEvent({ reason: 'BackoffLimitExceeded' }), '✗ toHaveEvent: 0 BackoffLimitExceeded events (expected at least 1)'],
  ['not.toHaveEvent', () => expectSimulation(jobsRun()).not.toHaveEvent({ reason: 'BackoffLimitExceeded' }), '✗ not.toHaveEvent: expected the opposite: 1 BackoffLimitExceeded event'],
  ['not.toHaveNoWarnings', () => expectSimulation(webRun()).not.toHaveNoWarnings(), '✗ not.toHaveNoWarnings: expected the opposite: no Warning events'],
])('fails when %s does not hold: ExpectationError with the diff block', (_name, fn, first) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ExpectationError);
  expect(e.message.split('\n')[0]).toBe(first);
  expect(e.message).toMatch(/\n {2}- expected: .*\n {2}\+ actual: {3}/);
});

test('fails with a ScenarioError naming the option when an option is wrong', () => {
  const e = thrown(() => expectSimulation(webRun()).toHavePodsReady({ owner: 'web', count: 3 }));
  expect(e).toBeInstanceOf(ScenarioError);
  expect(e.message).toBe('toHavePodsReady: `podsReady.owner`: must be Kind/name such as StatefulSet/web, got "web"');
  const typo = thrown(() => expectSimulation(webRun()).toHaveEvent({ reason: 'X', ...({ absnt: true } as object) }));
  expect(typo.message).toMatch(/unknown field `absnt`; did you mean `absent`\?/);
});

test('toMeetScenarioExpectations checks the scenario\'s own expect: block', () => {
  const scenario = (extra: string) => `start: 2022-09-14T03:00:00Z\nuntil: 1m\nexpect:\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 1m }\n${extra}`;
  expect(() => expectSimulation(simulate(WEB, scenario(''))).toMeetScenarioExpectations()).not.toThrow();
  const run = simulate(WEB, scenario('  - event: { reason: SuccessfulCreate, count: 1 }\n  - noWarnings: { except: [] }\n'));
  const e = thrown(() => expectSimulation(run).toMeetScenarioExpectations());
  expect(e.message.split('\n')[0]).toBe('✗ expect[1].event: 3 SuccessfulCreate events (expected exactly 1)');
  expect(() => expectSimulation(run).not.toMeetScenarioExpectations()).not.toThrow();
});
