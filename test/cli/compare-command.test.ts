/**
 * `simulate --compare` (the upgrade preview) on the built CLI and in-process: the text and JSON
 * output, the exit codes (0 whether or not the runs differ, 4 with --fail-on-difference when they
 * do, 3 when an `expect:` check fails under either version, 2 for bad usage), and `--out`.
 *
 * Most CLI cases run in-process through main() (test/helpers/cli-in-process.ts); these spawn the
 * built CLI to pin the real exit status of each code once, with stderr free of stack traces: the
 * text comparison (0), a failing expect: check (3), `--compare 1.99` (2), a missing manifest (1) and
 * the README example with --fail-on-difference (4).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCompare } from '../../lib/cli/compare-command';
import { CliError } from '../../lib/cli/io';
import type { SimulateCommandOptions } from '../../lib/cli/simulate-command';
import { FeatureGateName, featureGatesFor } from '../../lib/versions/feature-gates';
import { supportedVersionsText } from '../../lib/versions/kubernetes-version';
import * as YAML from 'yaml';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';
import { runCliInProcess } from '../helpers/cli-in-process';
import { exampleScenario, synthExample } from '../helpers/examples';
import { WITH_VERSION_PROBE } from '../simulator/compare/version-probe';

ensureBuiltCli();

const WEB = path.join('test', 'simulator', 'fixtures', 'seed-001-web.yaml');
const WEB_SCENARIO = path.join('test', 'simulator', 'fixtures', 'seed-001.scenario.yaml');
const JOB = path.join('test', 'cli', 'fixtures', 'k8s-website', 'job.yaml');
/** The header line naming the gates whose defaults differ between 1.27 and 1.36, from the gate table. */
const GATES_1_27_TO_1_36 = (() => {
  const [a, b] = [featureGatesFor({ minor: 27 }).all(), featureGatesFor({ minor: 36 }).all()];
  const changed = (Object.keys(a) as FeatureGateName[]).filter((g) => a[g] !== b[g]);
  return changed.length === 0 ? 'feature gates: no modelled gate differs' : `feature gates that differ: ${changed.map((g) => `${g} ${a[g]} → ${b[g]}`).join(', ')}`;
})();
const NOTICE = `notice: ${WEB} document 1 (PersistentVolume nfs-pv): kept without simulated behaviour\n`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'simulate', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cli(...args: string[]) {
  return runCliInProcess(['simulate', ...args]);
}

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe('the CLI', () => {
  test('spawned: text: the header and "no difference" when both versions behave the same; exit 0; notices once', () => {
    expect(spawned(WEB, '--scenario', WEB_SCENARIO, '--kubernetes-version', '1.27', '--compare', '1.36')).toEqual({
      code: 0,
      stdout: [
        'Kubernetes 1.27 → 1.36: the same manifests, scenario and seed, simulated under each',
        GATES_1_27_TO_1_36,
        'no difference: every event, pod timeline, Job outcome and claim is the same',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  test('--format json: { from, to, identical, featureGates, summary, differences, reports }', async () => {
    const r = await cli(WEB, '--scenario', WEB_SCENARIO, '--compare', '1.36', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['from', 'to', 'identical', 'featureGates', 'summary', 'differences', 'reports']);
    expect({ from: json.from, to: json.to, identical: json.identical, differences: json.differences }).toEqual({ from: '1.27', to: '1.36', identical: true, differences: [] });
    // Each report is what `simulate --format json` prints for that version.
    const alone = JSON.parse((await cli(WEB, '--scenario', WEB_SCENARIO, '--kubernetes-version', '1.36', '--format', 'json')).stdout);
    expect(json.reports.to).toEqual(alone);
  });

  test('--fail-on-difference when the runs match: exit 0', async () => {
    expect((await cli(WEB, '--scenario', WEB_SCENARIO, '--compare', '1.36', '--fail-on-difference')).code).toBe(0);
  });

  test('--out writes the comparison to the file', async () => {
    const out = path.join(dir, 'preview.json');
    const r = await cli(JOB, '--compare', '1.30', '--format', 'json', '--out', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `wrote json output to ${out}\n` });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).to).toBe('1.30');
  });

  test('a failing expect: check under either version: exit 3, each version\'s checks on stderr, expectations in the JSON (spawned)', () => {
    const scenario = file('expect.yaml', 'until: 1m\nexpect:\n  - job: { name: pi, condition: Failed }\n');
    const r = spawned(JOB, '--scenario', scenario, '--compare', '1.36', '--format', 'json', '--fail-on-difference');
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout);
    expect(json.expectations.from).toEqual([expect.objectContaining({ check: 'job', passed: false })]);
    expect(json.expectations.to).toEqual([expect.objectContaining({ check: 'job', passed: false })]);
    expect(r.stderr).toMatch(/^under Kubernetes 1\.27:\n[\s\S]*expectations: 0 of 1 passed, 1 failed\nunder Kubernetes 1\.36:\n[\s\S]*expectations: 0 of 1 passed, 1 failed\n$/);
  });

  test.each([
    [['--compare', '1.99'], `error: --compare 1.99: Kubernetes 1.99 is not supported; supported: ${supportedVersionsText()}\n`],
    [['--compare', 'next'], `error: --compare next: Kubernetes version "next" is not of the form 1.<minor> or 1.<minor>.<patch>; supported: ${supportedVersionsText()}\n`],
    [['--kubernetes-version', '1.20', '--compare', '1.36'], `error: --kubernetes-version 1.20: Kubernetes 1.20 is not supported; supported: ${supportedVersionsText()}\n`],
    [['--compare', '1.36', '--compare-feature-gates', 'NoSuchGate=true'], 'error: --compare-feature-gates NoSuchGate=true: unknown feature gate "NoSuchGate"; known: '],
    [['--compare', '1.36', '--compare-feature-gates', 'PodIndexLabel'], 'error: --compare-feature-gates PodIndexLabel: missing bool value for PodIndexLabel; write PodIndexLabel=true or PodIndexLabel=false\n'],
    [['--compare', '1.36', '--format', 'html'], 'error: --format html: --compare prints text or json; use --format text or --format json\n'],
    [['--compare', '1.36', '--keep-deleted', '3'], 'error: --keep-deleted with --compare: it drops records the comparison needs; remove --keep-deleted\n'],
    [['--compare', '1.36', '--max-events', '3'], 'error: --max-events with --compare: it drops records the comparison needs; remove --max-events\n'],
  ])('fails with exit 2 (usage): %j', async (args, stderr) => {
    const r = await cli(JOB, ...args);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  test('spawned: a usage error exits 2 with the message alone on stderr', () => {
    expect(spawned(JOB, '--compare', '1.99')).toEqual({ code: 2, stdout: '', stderr: `error: --compare 1.99: Kubernetes 1.99 is not supported; supported: ${supportedVersionsText()}\n` });
  });

  test('spawned: fails with exit 1 on bad input (a missing manifest), as without --compare', () => {
    const r = spawned('no-such.yaml', '--compare', '1.36');
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    expect(r.stderr).toContain('no-such.yaml: no such file or directory');
  });
});

describe('the README "Upgrade preview" example (examples/upgrade-preview)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Upgrade preview'));
  const manifest = file('upgrade-preview.k8s.yaml', synthExample('upgrade-preview').map((m) => YAML.stringify(m)).join('---\n'));
  const scenario = exampleScenario('upgrade-preview');

  test('the README shows the example\'s scenario file', () => {
    expect(/```yaml\n([\s\S]*?)```/.exec(section)![1]).toBe(fs.readFileSync(scenario, 'utf8'));
  });

  test('prints what the README shows (exit 0)', async () => {
    const shown = /What this build prints[^\n]*\n\n```text\n([\s\S]*?)```/.exec(section)![1];
    const r = await cli(manifest, '--scenario', scenario, '--kubernetes-version', '1.27', '--compare', '1.36');
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: shown });
  });

  test('with JobPodReplacementPolicy and JobManagedBy off at 1.32 the runs match, as the README says', async () => {
    const r = await cli(manifest, '--scenario', scenario, '--compare', '1.32', '--compare-feature-gates', 'JobPodReplacementPolicy=false,JobManagedBy=false', '--fail-on-difference');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no difference: every event, pod timeline, Job outcome and claim is the same\n');
  });

  test('spawned: --fail-on-difference: exit 4 on the example', () => {
    const r = spawned(manifest, '--scenario', scenario, '--compare', '1.36', '--fail-on-difference');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 4, stderr: 'the runs differ (3 differences): exit 4 (--fail-on-difference)\n' });
  });
});

describe('in-process, with a controller that behaves differently from 1.36 on (the test probe)', () => {
  // 5 s: the Job is still running, so the real per-version Job behaviour (the 1.31
  // CompletionsReached reason, …) has not shown yet and only the probe differs.
  const PROBE_SCENARIO = file('probe.yaml', 'start: 2024-01-01T00:00:00Z\nuntil: 5s\n');
  async function run(opts: Partial<SimulateCommandOptions>) {
    let stdout = '';
    let stderr = '';
    const code = await runCompare([JOB], { format: 'text', compare: '1.36', scenario: PROBE_SCENARIO, ...opts }, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, { controllers: WITH_VERSION_PROBE });
    return { code, stdout, stderr };
  }

  test('text: the differences grouped by workload; exit 0 without --fail-on-difference', async () => {
    expect(await run({})).toEqual({
      code: 0,
      stdout: [
        'Kubernetes 1.27 → 1.36: the same manifests, scenario and seed, simulated under each',
        GATES_1_27_TO_1_36,
        'differences: events 1 added, 0 removed, 1 changed; pods 0 added, 0 removed, 0 changed; jobs 0 added, 0 removed, 0 changed; claims 0 added, 0 removed, 0 changed',
        '(+ only in 1.36, - only in 1.27, ~ in both but different; times from the scenario start)',
        '',
        'Job/pi',
        '  ~ Event Normal VersionProbe Job/pi: message "gates of Kubernetes 1.27" → "gates of Kubernetes 1.36"',
        '  + Event Warning OnlyFrom136 Job/pi (only in 1.36) at +0s: recorded from 1.36 on',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('--fail-on-difference: exit 4 and a line on stderr saying why', async () => {
    const r = await run({ failOnDifference: true });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('the runs differ (2 differences): exit 4 (--fail-on-difference)\n');
  });

  test('--format json: the differences with both records', async () => {
    const json = JSON.parse((await run({ format: 'json' })).stdout);
    expect(json.identical).toBe(false);
    expect(json.summary.events).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(json.differences[1]).toEqual({
      section: 'event', change: 'added', workload: { kind: 'Job', namespace: 'default', name: 'pi' }, subject: 'Event Warning OnlyFrom136 Job/pi', instance: 1, fields: [],
      from: null, to: { time: '2024-01-01T00:00:00Z', type: 'Warning', object: { kind: 'Job', namespace: 'default', name: 'pi' }, reason: 'OnlyFrom136', message: 'recorded from 1.36 on' },
    });
  });

  test('fails with a usage error when --compare is missing', async () => {
    await expect(runCompare([JOB], { format: 'text' }, { stdout: () => undefined, stderr: () => undefined })).rejects.toEqual(new CliError('--compare <version> is missing', 2));
  });
});
