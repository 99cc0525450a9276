/**
 * `--kubernetes-version` and `--feature-gates` reach behaviour, through the CLI:
 *
 * - `simulate`: the upgrade-preview example (examples/upgrade-preview: an Indexed Job whose
 *   podFailurePolicy fails it when shard 0 exits 42 while shards 1–2 take 30 s to stop) is `Failed`
 *   at +6 s before 1.31 and at +37 s from 1.31, once the deleted pods are gone: the 1.31
 *   `delayTerminalCondition` (kubernetes#125510) with JobPodReplacementPolicy or JobManagedBy on.
 *   Turning those gates off restores the old timing (at 1.31 JobManagedBy is alpha, off, so
 *   JobPodReplacementPolicy=false alone does it; from 1.32 both must be off);
 * - `validate`: `spec.podReplacementPolicy` (KEP-3939, 1.28) is an unknown field at 1.27 with a
 *   message naming 1.28; at 1.28 (alpha gate off) it is dropped with a notice; from 1.29 admitted.
 *
 * Most cases run in-process through main() (test/helpers/cli-in-process.ts); two spawn the built
 * CLI to pin the real exit status with stderr exactly the message (no stack trace): validate at
 * 1.27 (1) and at 1.29 (0).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { SUPPORTED_MINORS } from '../../lib/versions/kubernetes-version';
import { exampleScenario, synthExample } from '../helpers/examples';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';
import { runCliInProcess } from '../helpers/cli-in-process';

ensureBuiltCli();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-behaviour-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MANIFEST = path.join(dir, 'upgrade-preview.k8s.yaml');
fs.writeFileSync(MANIFEST, synthExample('upgrade-preview').map((m) => YAML.stringify(m)).join('---\n'));
const SCENARIO = exampleScenario('upgrade-preview');

function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cli(...args: string[]) {
  return runCliInProcess(args);
}

const supported = (version: string) => SUPPORTED_MINORS.includes(Number(version.split('.')[1]));

describe('simulate: the Job\'s Failed time per version and gates (delayTerminalCondition, kubernetes#125510)', () => {
  const EARLY = '2024-01-01T00:00:06Z'; // the sync after shard 0 exits at +6 s
  const LATE = '2024-01-01T00:00:37Z'; // the sync after shards 1–2 are gone (+6 s + 30 s grace)
  const ROWS: Array<[string, string | undefined, string]> = [
    ['1.27', undefined, EARLY],
    ['1.30', undefined, EARLY], // JobPodReplacementPolicy on, but the delay is 1.31's
    ['1.31', undefined, LATE],
    ['1.31', 'JobPodReplacementPolicy=false', EARLY], // JobManagedBy is alpha (off) at 1.31
    ['1.32', undefined, LATE],
    ['1.32', 'JobPodReplacementPolicy=false', LATE], // JobManagedBy (beta, on) alone keeps the delay
    ['1.32', 'JobPodReplacementPolicy=false,JobManagedBy=false', EARLY],
    ['1.36', undefined, LATE],
  ];
  const rows = ROWS.filter(([v]) => supported(v));

  test('both sides of the change are covered on this branch', () => {
    expect(rows.filter(([, , t]) => t === EARLY).length).toBeGreaterThan(1);
    expect(rows.filter(([, , t]) => t === LATE).length).toBeGreaterThan(1);
  });

  test.each(rows)('--kubernetes-version %s --feature-gates %s: Failed at %s', async (version, gates, finished) => {
    const r = await cli('simulate', MANIFEST, '--scenario', SCENARIO, '--kubernetes-version', version, ...(gates ? ['--feature-gates', gates] : []), '--format', 'json');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(r.stdout);
    expect(report.jobs).toEqual([expect.objectContaining({ name: 'shard', condition: 'Failed', reason: 'PodFailurePolicy', finished })]);
  });
});

describe('validate: spec.podReplacementPolicy per version (KEP-3939)', () => {
  const job = path.join(dir, 'replacement.yaml');
  fs.writeFileSync(job, [
    'apiVersion: batch/v1', 'kind: Job', 'metadata: { name: work }', 'spec:', '  podReplacementPolicy: Failed',
    '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{ name: c, image: busybox:1.36 }]', '',
  ].join('\n'));

  test('fails at 1.27: the field is unknown there, and the message names the version that added it (spawned)', () => {
    expect(spawned('validate', job, '--kubernetes-version', '1.27')).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: ${job} document 1 (Job work), line 5: unknown field \`spec.podReplacementPolicy\`: field not declared in Kubernetes 1.27's schema; it was added in 1.28 — use --kubernetes-version 1.28 or later\n`
        + '1 problem: fix it and run validate again\n',
    });
  });

  test('1.28 (JobPodReplacementPolicy alpha, off): admitted with the field dropped, and a notice saying so', async () => {
    const r = await cli('validate', job, '--kubernetes-version', '1.28', '-o', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.objects[0].spec.podReplacementPolicy).toBeUndefined();
    expect(out.notices).toEqual([expect.objectContaining({ code: 'DROPPED_FIELD', message: expect.stringContaining('spec.podReplacementPolicy dropped: feature gate JobPodReplacementPolicy is off in Kubernetes 1.28') })]);
  });

  test('1.29 (beta, on): admitted as written, no notice (the text run spawned)', async () => {
    expect(spawned('validate', job, '--kubernetes-version', '1.29')).toEqual({ code: 0, stdout: 'job.batch/work created (server dry run)\n', stderr: '' });
    const out = JSON.parse((await cli('validate', job, '--kubernetes-version', '1.29', '-o', 'json')).stdout);
    expect(out.objects[0].spec.podReplacementPolicy).toBe('Failed');
  });

  test('1.28 with --feature-gates JobPodReplacementPolicy=true: kept', async () => {
    const out = JSON.parse((await cli('validate', job, '--kubernetes-version', '1.28', '--feature-gates', 'JobPodReplacementPolicy=true', '-o', 'json')).stdout);
    expect({ policy: out.objects[0].spec.podReplacementPolicy, notices: out.notices }).toEqual({ policy: 'Failed', notices: [] });
  });
});
