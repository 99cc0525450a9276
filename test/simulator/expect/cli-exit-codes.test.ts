/**
 * The exit-code contract of `cdk8s-workloads simulate` with an `expect:` block, on the built CLI
 * as a pipeline runs it: 0 when every check passes, 3 (after printing the report) when one fails,
 * 1 when the block itself is invalid.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, ensureBuiltCli, ROOT } from '../../helpers/built-cli';
import { WEB } from './fixtures';

ensureBuiltCli();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'expect-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scenario(name: string, checks: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `start: 2022-09-14T03:00:00Z\nuntil: 1m\npods:\n  - match: { owner: StatefulSet/web }\n    startAfter: 3s\n    readyAfter: 10s\nexpect:\n${checks}`);
  return file;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'simulate', WEB, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const PASSING = '  - noWarnings: true\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 1m }\n';
const FAILING = '  - noWarnings: true\n  - podsReady: { owner: StatefulSet/web, count: 3, by: 30s }\n';

test('exit 0 when every check passes; the count line on stderr', () => {
  const r = run('--scenario', scenario('ok.yaml', PASSING));
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('create Pod web-2 in StatefulSet web successful');
  expect(r.stderr).toMatch(/expectations: 2 of 2 passed\n$/);
});

test('exit 3 when a check fails: the report on stdout, then the diff block on stderr', () => {
  const r = run('--scenario', scenario('bad.yaml', FAILING));
  expect(r.status).toBe(3);
  expect(r.stdout).toContain('create Pod web-2 in StatefulSet web successful');
  expect(r.stderr).toContain([
    '✗ expect[1].podsReady: StatefulSet/web: 2 of 3 Ready by 30s',
    '  - expected: 3 pods of StatefulSet/web Ready at once, at or before 2022-09-14T03:00:30Z (start+30s)',
    '  + actual:   at most 2 Ready at once by then; 3 first at 2022-09-14T03:00:39Z (start+39s)',
  ].join('\n'));
  expect(r.stderr).toMatch(/expectations: 1 of 2 passed, 1 failed\n$/);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
});

test('--format json adds the expectations array; exit 3 still', () => {
  const r = run('--scenario', scenario('bad.yaml', FAILING), '--format', 'json');
  expect(r.status).toBe(3);
  const report = JSON.parse(r.stdout);
  // DESIGN.md's keys first, in order, then report v2's additions, then the expectations.
  const keys = Object.keys(report);
  expect(keys.slice(0, 8)).toEqual(['start', 'end', 'seed', 'events', 'pods', 'persistentVolumeClaims', 'jobs', 'dns']);
  expect(keys.slice(8, -1).sort()).toEqual(['eventsAggregated', 'notices', 'workloads']);
  expect(keys[keys.length - 1]).toBe('expectations');
  expect(report.expectations).toEqual([
    { check: 'noWarnings', passed: true, expected: 'no Warning events', actual: 'none', message: 'expect[0].noWarnings: no Warning events' },
    expect.objectContaining({ check: 'podsReady', passed: false, message: 'expect[1].podsReady: StatefulSet/web: 2 of 3 Ready by 30s' }),
  ]);
});

test('--out writes the report and the exit code is still 3', () => {
  const out = path.join(dir, 'report.json');
  const r = run('--scenario', scenario('bad.yaml', FAILING), '--format', 'json', '--out', out);
  expect(r.status).toBe(3);
  expect(JSON.parse(fs.readFileSync(out, 'utf8')).expectations).toHaveLength(2);
});

test('without expect: the JSON report has no expectations key (unchanged contract)', () => {
  const file = path.join(dir, 'plain.yaml');
  fs.writeFileSync(file, 'until: 1m\n');
  const r = run('--scenario', file, '--format', 'json');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).not.toHaveProperty('expectations');
  expect(r.stderr).not.toContain('expectations:');
});

test('exit 1 when the expect: block is invalid: the field, a did-you-mean, nothing on stdout', () => {
  const r = run('--scenario', scenario('typo.yaml', '  - podReady: { owner: StatefulSet/web, count: 3 }\n'));
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('`expect[0].podReady`: unknown check `podReady`; did you mean `podsReady`?');
});
