/**
 * `compareVersions` end to end: both runs are what `simulate()` gives for each version, the JSON
 * form holds both reports and the diff, bad versions and gates fail before anything runs, and a
 * behaviour that depends on the version (the test probe controller, until the per-version
 * controllers land) shows up as differences on the right side.
 */
import * as path from 'path';
import { compareVersions, diffReports, simulate } from '../../../lib';
import { KubernetesVersionError, supportedVersionsText } from '../../../lib/versions/kubernetes-version';
import { WITH_VERSION_PROBE } from './version-probe';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const WEB = path.join(FIXTURES, 'seed-001-web.yaml');
const WEB_SCENARIO = path.join(FIXTURES, 'seed-001.scenario.yaml');
const JOB = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'k8s-website', 'job.yaml');
// 5 s: the Job is still running, so the real per-version Job behaviour (the 1.31
// CompletionsReached reason, …) has not shown yet and only the probe differs.
const JOB_SCENARIO = 'start: 2024-01-01T00:00:00Z\nuntil: 5s\n';

test('each run is simulate() under its version; the diff is diffReports of the two reports', () => {
  const c = compareVersions(WEB, WEB_SCENARIO, { from: '1.27', to: '1.36' });
  expect(c.from).toBe('1.27');
  expect(c.to).toBe('1.36');
  expect(c.fromResult.report).toEqual(simulate(WEB, WEB_SCENARIO, { kubernetesVersion: '1.27' }).report);
  expect(c.toResult.report).toEqual(simulate(WEB, WEB_SCENARIO, { kubernetesVersion: '1.36' }).report);
  expect(c.fromResult.simulation.gates.version).toEqual({ minor: 27 });
  expect(c.toResult.simulation.gates.version).toEqual({ minor: 36 });
  expect(c.diff).toEqual(diffReports(c.fromResult.report, c.toResult.report));
});

test('the JSON form: from, to, identical, featureGates, summary, differences, reports — byte-identical across calls', () => {
  const c = compareVersions(WEB, WEB_SCENARIO, { from: '1.27', to: '1.36.2' });
  const json = JSON.parse(c.toJson());
  expect(Object.keys(json)).toEqual(['from', 'to', 'identical', 'featureGates', 'summary', 'differences', 'reports']);
  expect(json.to).toBe('1.36.2');
  expect(Object.keys(json.featureGates)).toEqual(['changed', 'from', 'to']);
  expect(json.reports.from).toEqual(c.fromResult.report);
  expect(json.reports.to).toEqual(c.toResult.report);
  expect(compareVersions(WEB, WEB_SCENARIO, { from: '1.27', to: '1.36.2' }).toJson()).toBe(c.toJson());
});

test('from defaults to 1.27', () => {
  expect(compareVersions(JOB, JOB_SCENARIO, { to: '1.30' }).from).toBe('1.27');
});

test('a version-dependent behaviour shows as differences on the side that has it', () => {
  const c = compareVersions(JOB, JOB_SCENARIO, { from: '1.27', to: '1.36', controllers: WITH_VERSION_PROBE });
  expect(c.identical).toBe(false);
  expect(c.differences.map((d) => ({ change: d.change, subject: d.subject, fields: d.fields }))).toEqual([
    { change: 'changed', subject: 'Event Normal VersionProbe Job/pi', fields: [{ field: 'message', from: 'gates of Kubernetes 1.27', to: 'gates of Kubernetes 1.36' }] },
    { change: 'added', subject: 'Event Warning OnlyFrom136 Job/pi', fields: [] },
  ]);
  expect(c.diff.summary.events).toEqual({ added: 1, removed: 0, changed: 1 });
  // Reversed: the Warning is in the first run only.
  const back = compareVersions(JOB, JOB_SCENARIO, { from: '1.36', to: '1.27', controllers: WITH_VERSION_PROBE });
  expect(back.differences.map((d) => d.change)).toEqual(['changed', 'removed']);
  // Both sides below 1.36: only the version in the message differs.
  expect(compareVersions(JOB, JOB_SCENARIO, { from: '1.27', to: '1.34', controllers: WITH_VERSION_PROBE }).differences.map((d) => d.change)).toEqual(['changed']);
  expect(c.toText()).toContain('  + Event Warning OnlyFrom136 Job/pi (only in 1.36) at +0s: recorded from 1.36 on\n');
});

describe('fails before running when', () => {
  test.each([
    ['the `to` version is unsupported', { to: '1.99' }, KubernetesVersionError, `Kubernetes 1.99 is not supported; supported: ${supportedVersionsText()}`],
    ['the `from` version is malformed', { from: 'one', to: '1.36' }, KubernetesVersionError, `Kubernetes version "one" is not of the form 1.<minor> or 1.<minor>.<patch>; supported: ${supportedVersionsText()}`],
    ['a `to` gate is unknown', { to: '1.36', toFeatureGates: { NoSuchGate: true } }, RangeError, 'unknown feature gate "NoSuchGate"'],
  ])('%s', (_name, options, type, message) => {
    const run = () => compareVersions(JOB, JOB_SCENARIO, options);
    expect(run).toThrow(type);
    expect(run).toThrow(message);
  });
});
