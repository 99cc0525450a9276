/** Reading `expect:`: both spellings, and every mistake an error naming the field, with a did-you-mean. */
import { parseScenario, ScenarioError } from '../../../lib/simulator';

function issues(yaml: string): string[] {
  try {
    parseScenario(yaml);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => i.message);
    throw e;
  }
  return [];
}

test('a list of one-key checks and a mapping of checks read the same', () => {
  const list = parseScenario('expect:\n  - noWarnings: true\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 5m }\n');
  const map = parseScenario('expect:\n  noWarnings: true\n  podsReady: { owner: StatefulSet/web, count: 3, by: 5m }\n');
  expect(list.expect).toEqual([
    { check: 'noWarnings', path: 'expect[0].noWarnings', except: [] },
    { check: 'podsReady', path: 'expect[1].podsReady', ownerKind: 'StatefulSet', ownerName: 'web', count: 3, byMs: 300_000 },
  ]);
  expect(map.expect?.map((e) => ({ ...e, path: '' }))).toEqual(list.expect?.map((e) => ({ ...e, path: '' })));
});

test('a scenario without expect: has no expect key (outputs unchanged)', () => {
  expect(parseScenario('until: 1m\n')).not.toHaveProperty('expect');
});

test('each check reads its fields', () => {
  const s = parseScenario(`start: 2024-01-01T00:00:00Z
until: 2h
expect:
  - job: { name: db-migration, namespace: prod, condition: Failed, reason: DeadlineExceeded, within: 10m }
  - cronJob: { name: daily-report, runs: 5, between: [2024-01-01T00:00:00Z, 1h] }
  - cronJob: { name: daily-report, runs: { min: 2 } }
  - event: { reason: BackoffLimitExceeded, object: Job/x, absent: true }
  - event: { reason: SuccessfulCreate, count: 3 }
  - event: { reason: SuccessfulCreate, max: 4 }
  - noWarnings: { except: [FailedScheduling] }
`);
  expect(s.expect?.map(({ path: _p, ...e }) => e)).toEqual([
    { check: 'job', name: 'db-migration', namespace: 'prod', condition: 'Failed', reason: 'DeadlineExceeded', withinMs: 600_000 },
    { check: 'cronJob', name: 'daily-report', min: 5, max: 5, fromMs: 0, toMs: 3_600_000 },
    { check: 'cronJob', name: 'daily-report', min: 2, fromMs: 0 },
    { check: 'event', reason: 'BackoffLimitExceeded', objectKind: 'Job', objectName: 'x', min: 0, max: 0 },
    { check: 'event', reason: 'SuccessfulCreate', min: 3, max: 3 },
    { check: 'event', reason: 'SuccessfulCreate', min: 0, max: 4 },
    { check: 'noWarnings', except: ['FailedScheduling'] },
  ]);
});

test.each([
  ['an unknown check, with a did-you-mean', '  - podReady: { owner: StatefulSet/web, count: 3 }',
    '<scenario> line 2: `expect[0].podReady`: unknown check `podReady`; did you mean `podsReady`? (allowed: noWarnings, podsReady, job, cronJob, event)'],
  ['a misspelt key, with a did-you-mean', '  - podsReady: { owner: StatefulSet/web, cout: 3 }',
    '<scenario> line 2: `expect[0].podsReady.count`: is required (an integer)'],
  ['a misspelt key is named too', '  - job: { name: x, condition: Complete, witin: 5m }',
    '<scenario> line 2: `expect[0].job.witin`: unknown field `witin`; did you mean `within`? (allowed: name, condition, reason, namespace, within)'],
  ['an owner that is not Kind/name', '  - podsReady: { owner: web, count: 1 }',
    '<scenario> line 2: `expect[0].podsReady.owner`: must be Kind/name such as StatefulSet/web, got "web"'],
  ['a condition outside Complete|Failed', '  - job: { name: x, condition: Succeeded }',
    '<scenario> line 2: `expect[0].job.condition`: must be one of Complete, Failed, got "Succeeded"'],
  ['a bad duration', '  - job: { name: x, condition: Complete, within: 10 minutes }',
    '<scenario> line 2: `expect[0].job.within`: must be a duration since start made of <n>ms|s|m|h|d parts (e.g. 90s, 5m, 1h30m) or an RFC 3339 instant not before start, got "10 minutes"'],
  ['between in the wrong order', '  - cronJob: { name: x, runs: 1, between: [2h, 1h] }',
    '<scenario> line 2: `expect[0].cronJob.between`: must be [from, to]: two durations since start or RFC 3339 instants, from before to, got ["2h","1h"]'],
  ['runs max below min', '  - cronJob: { name: x, runs: { min: 3, max: 1 } }',
    '<scenario> line 2: `expect[0].cronJob.runs.max`: must be ≥ min (3), got 1'],
  ['absent together with count', '  - event: { reason: X, absent: true, count: 2 }',
    '<scenario> line 2: `expect[0].event`: give one of absent, count or min/max, not absent and count'],
  ['noWarnings: false', '  - noWarnings: false',
    '<scenario> line 2: `expect[0].noWarnings`: must be true or a mapping { except: [reasons] }, got false (remove the check instead)'],
  ['an item with two checks', '  - { noWarnings: true, job: { name: x, condition: Complete } }',
    '<scenario> line 2: `expect[0]`: must be a mapping with exactly one check (noWarnings, podsReady, job, cronJob, event), got {"noWarnings":true,"job":{"name":"x","condition":"Complete"}}'],
])('fails on %s', (_t, item, message) => {
  expect(issues(`expect:\n${item}\n`)).toContain(message);
});

test('fails when expect is neither a list nor a mapping', () => {
  expect(issues('expect: yes\n')[0]).toMatch(/`expect`: must be a list of checks such as `- noWarnings: true`/);
});

test('a misspelt top-level expect key gets a did-you-mean', () => {
  expect(issues('expects:\n  - noWarnings: true\n')[0]).toMatch(/unknown field `expects`; did you mean `expect`\?/);
});
