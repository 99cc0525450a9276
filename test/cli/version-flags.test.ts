/**
 * `--kubernetes-version` and `--feature-gates` of `simulate` and `validate`: the flag parser (ported
 * from `featureGate.Set`, k8s.io/component-base/featuregate/feature_gate.go), the usage errors
 * (exit 2, message naming the flag and the fix, nothing on stdout), the success path, and the
 * `--help` text.
 *
 * The CLI cases run in-process through main() (test/helpers/cli-in-process.ts); a few spawn the
 * built CLI to pin what only a real process shows: exit status 2 with no stack trace (one usage
 * error), exit status 0 (validate --kubernetes-version 1.36), and `<command> --help` from the bin.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../lib/cli/cli';
import { CliError } from '../../lib/cli/io';
import { runSimulate } from '../../lib/cli/simulate-command';
import { versionOptionsFromFlags } from '../../lib/cli/version-flags';
import { FEATURE_GATES, FeatureGateName, gateStageAt } from '../../lib/versions/feature-gates';
import { SUPPORTED_MINORS, supportedVersionsText } from '../../lib/versions/kubernetes-version';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';
import { runCliInProcess } from '../helpers/cli-in-process';
import { WITH_VERSION_PROBE } from '../simulator/compare/version-probe';

ensureBuiltCli();

const JOB = path.join('test', 'cli', 'fixtures', 'k8s-website', 'job.yaml');
const WEB = path.join('test', 'simulator', 'fixtures', 'seed-001-web.yaml');
/** The newest supported minor; 1.<NEWEST + 1> is the first unsupported one above it. */
const NEWEST = Math.max(...SUPPORTED_MINORS);

function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cli(...args: string[]) {
  return runCliInProcess(args);
}

/** `--kubernetes-version X` → `{ kubernetesVersion: X }`. */
function parseFlags(args: string[]): { kubernetesVersion?: string } {
  return args.length === 2 && args[0] === '--kubernetes-version' ? { kubernetesVersion: args[1] } : {};
}

function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as CliError).message;
  }
  throw new Error('expected a usage error');
}

describe('--feature-gates text goes through parseFeatureGates (lib/versions); its errors are usage errors naming the flag', () => {
  test('a well-formed value reaches the gates', () => {
    expect(versionOptionsFromFlags({ kubernetesVersion: '1.30', featureGates: ' JobManagedBy = true ,,PodIndexLabel=0' }).options.featureGates).toEqual({ JobManagedBy: true, PodIndexLabel: false });
  });

  test.each([
    ['JobManagedBy', '--feature-gates JobManagedBy: missing bool value for JobManagedBy; write JobManagedBy=true or JobManagedBy=false'],
    ['JobManagedBy=yes', '--feature-gates JobManagedBy=yes: invalid value of JobManagedBy=yes; use true or false'],
    ['A=true,B=', '--feature-gates A=true,B=: invalid value of B=; use true or false'],
    ['=true', '--feature-gates =true: a gate name is missing before =true'],
    ['A=true, ,B=false', '--feature-gates A=true, ,B=false: a blank entry between commas; remove it'],
  ])('fails when the value is %j', (text, message) => {
    expect(usageError(() => versionOptionsFromFlags({ featureGates: text }))).toBe(message);
  });

  test('fails naming --compare-feature-gates when that flag is the one', () => {
    expect(usageError(() => versionOptionsFromFlags({ featureGates: 'X' }, { version: '--compare', gates: '--compare-feature-gates' })))
      .toBe('--compare-feature-gates X: missing bool value for X; write X=true or X=false');
  });
});

describe('versionOptionsFromFlags follows the gate table of lib/versions for every supported minor', () => {
  const rows = SUPPORTED_MINORS.flatMap((minor) => (Object.keys(FEATURE_GATES) as FeatureGateName[]).map((gate) => ({ minor, gate, stage: gateStageAt(gate, { minor }) })));

  test.each(rows)('1.$minor $gate=false', ({ minor, gate, stage }) => {
    const flags = { kubernetesVersion: `1.${minor}`, featureGates: `${gate}=false` };
    if (stage === undefined) {
      expect(usageError(() => versionOptionsFromFlags(flags))).toBe(`--feature-gates ${gate}=false: feature gate ${gate} does not exist in Kubernetes 1.${minor}`);
    } else if (stage.stage === 'GA') {
      expect(usageError(() => versionOptionsFromFlags(flags))).toBe(`--feature-gates ${gate}=false: feature gate ${gate} is GA and locked to true in Kubernetes 1.${minor}`);
    } else {
      expect(versionOptionsFromFlags(flags).gates.enabled(gate)).toBe(false);
    }
  });

  test('no flags: 1.27 and its defaults', () => {
    const r = versionOptionsFromFlags({});
    expect(r.options).toEqual({});
    expect(r.gates.version).toEqual({ minor: 27 });
  });

  test('a patch and the v prefix are accepted', () => {
    expect(versionOptionsFromFlags({ kubernetesVersion: `v1.${NEWEST}.4` }).gates.version).toEqual({ minor: NEWEST, patch: 4 });
  });
});

describe('CLI: usage errors exit 2 with the message, nothing on stdout, no stack trace', () => {
  const supported = `supported: ${supportedVersionsText()}`;
  test.each([
    ['simulate', [WEB, '--kubernetes-version', '1.99'], `error: --kubernetes-version 1.99: Kubernetes 1.99 is not supported; ${supported}\n`],
    ['simulate', [WEB, '--kubernetes-version', '1.26'], `error: --kubernetes-version 1.26: Kubernetes 1.26 is not supported; ${supported}\n`],
    ['simulate', [WEB, '--kubernetes-version', 'latest'], `error: --kubernetes-version latest: Kubernetes version "latest" is not of the form 1.<minor> or 1.<minor>.<patch>; ${supported}\n`],
    ['validate', [JOB, '--kubernetes-version', '2.0'], `error: --kubernetes-version 2.0: Kubernetes version "2.0" is not of the form 1.<minor> or 1.<minor>.<patch>; ${supported}\n`],
    ['validate', [JOB, '--kubernetes-version', `1.${NEWEST + 1}`], `error: --kubernetes-version 1.${NEWEST + 1}: Kubernetes 1.${NEWEST + 1} is not supported; ${supported}\n`],
    ['simulate', [WEB, '--feature-gates', 'NoSuchGate=true'], `error: --feature-gates NoSuchGate=true: unknown feature gate "NoSuchGate"; known: ${Object.keys(FEATURE_GATES).join(', ')}\n`],
    ['validate', [JOB, '--feature-gates', 'NoSuchGate=true'], `error: --feature-gates NoSuchGate=true: unknown feature gate "NoSuchGate"; known: ${Object.keys(FEATURE_GATES).join(', ')}\n`],
    ['validate', [JOB, '--feature-gates', 'PodIndexLabel'], 'error: --feature-gates PodIndexLabel: missing bool value for PodIndexLabel; write PodIndexLabel=true or PodIndexLabel=false\n'],
    ['simulate', [WEB, '--feature-gates', 'PodIndexLabel=on'], 'error: --feature-gates PodIndexLabel=on: invalid value of PodIndexLabel=on; use true or false\n'],
  ])('%s %j', async (command, args, stderr) => {
    expect(await cli(command, ...args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('spawned: the exit status is 2 and stderr is the one message, no stack trace', () => {
    expect(spawned('simulate', WEB, '--kubernetes-version', '1.99'))
      .toEqual({ code: 2, stdout: '', stderr: `error: --kubernetes-version 1.99: Kubernetes 1.99 is not supported; ${supported}\n` });
  });

  test('a gate the version does not have, and a GA gate turned off: the gate table\'s message (both commands)', async () => {
    // The first such (gate, minor) pair of each kind in the table on this branch; the in-process
    // table test above checks every pair.
    const pairs = SUPPORTED_MINORS.flatMap((minor) => (Object.keys(FEATURE_GATES) as FeatureGateName[]).map((gate) => ({ minor, gate, stage: gateStageAt(gate, { minor }) })));
    const absent = pairs.find((p) => p.stage === undefined);
    const locked = pairs.find((p) => p.stage?.stage === 'GA');
    const cases = [
      ...(absent ? [{ ...absent, reason: `feature gate ${absent.gate} does not exist in Kubernetes 1.${absent.minor}` }] : []),
      ...(locked ? [{ ...locked, reason: `feature gate ${locked.gate} is GA and locked to true in Kubernetes 1.${locked.minor}` }] : []),
    ];
    // Some modelled gate is absent at 1.27 (added later) or GA by 1.36, so there is always a case.
    expect(cases.length).toBeGreaterThan(0);
    for (const { gate, minor, reason } of cases) {
      for (const [command, file] of [['simulate', WEB], ['validate', JOB]]) {
        expect(await cli(command, file, '--kubernetes-version', `1.${minor}`, '--feature-gates', `${gate}=false`))
          .toEqual({ code: 2, stdout: '', stderr: `error: --feature-gates ${gate}=false: ${reason}\n` });
      }
    }
  });

  test('--compare-feature-gates and --fail-on-difference need --compare', async () => {
    expect(await cli('simulate', WEB, '--fail-on-difference')).toEqual({ code: 2, stdout: '', stderr: 'error: --fail-on-difference needs --compare <version>\n' });
    expect(await cli('simulate', WEB, '--compare-feature-gates', 'PodIndexLabel=true')).toEqual({ code: 2, stdout: '', stderr: 'error: --compare-feature-gates needs --compare <version>\n' });
  });
});

describe('CLI: the success path', () => {
  test('spawned: validate --kubernetes-version 1.36 admits the Job (exit status 0)', () => {
    expect(spawned('validate', JOB, '--kubernetes-version', '1.36')).toEqual({ code: 0, stdout: 'job.batch/pi created (server dry run)\n', stderr: '' });
  });

  test('validate accepts v1.<newest>.4 (a patch)', async () => {
    expect((await cli('validate', JOB, '--kubernetes-version', `v1.${NEWEST}.4`)).code).toBe(0);
  });

  test('simulate --kubernetes-version 1.36 runs and prints the report', async () => {
    const r = await cli('simulate', WEB, '--kubernetes-version', '1.36', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pods.map((p: { name: string }) => p.name)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  test('in-process: --kubernetes-version reaches the controllers (the test probe records the version its gates come from)', async () => {
    const probeEvents = async (...args: string[]) => {
      let stdout = '';
      const code = await runSimulate([JOB], { format: 'json', ...parseFlags(args) }, { stdout: (t) => { stdout += t; }, stderr: () => undefined }, { controllers: WITH_VERSION_PROBE });
      expect(code).toBe(0);
      return (JSON.parse(stdout).events as Array<{ reason: string; message: string }>).filter((e) => ['VersionProbe', 'OnlyFrom136'].includes(e.reason)).map((e) => `${e.reason}: ${e.message}`);
    };
    expect(await probeEvents()).toEqual(['VersionProbe: gates of Kubernetes 1.27']);
    expect(await probeEvents('--kubernetes-version', '1.33')).toEqual(['VersionProbe: gates of Kubernetes 1.33']);
    expect(await probeEvents('--kubernetes-version', 'v1.36')).toEqual(['VersionProbe: gates of Kubernetes 1.36', 'OnlyFrom136: recorded from 1.36 on']);
  });

  test('in-process: the flags reach simulate() (1.27 given explicitly is the default run, byte for byte)', async () => {
    const run = async (...args: string[]) => {
      let stdout = '';
      const code = await main(['simulate', WEB, '--format', 'json', ...args], { stdout: (t) => { stdout += t; }, stderr: () => undefined });
      return { code, stdout };
    };
    expect(await run('--kubernetes-version', '1.27')).toEqual(await run());
  });
});

describe('--help', () => {
  test.each(['simulate', 'validate'])('%s --help documents --kubernetes-version with the supported minors and --feature-gates', (command) => {
    const r = spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('--kubernetes-version <version>');
    expect(text).toContain(`supported: ${supportedVersionsText()}`);
    expect(text).toContain('--feature-gates <gates>');
  });

  test('simulate --help documents --compare, --compare-feature-gates and --fail-on-difference (exit 4)', async () => {
    const text = (await cli('simulate', '--help')).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('--compare <version>');
    expect(text).toContain('--compare-feature-gates <gates>');
    expect(text).toMatch(/--fail-on-difference with --compare: exit 4 when the two runs differ/);
    expect(text).toContain('Exit codes: 0 ok (with --compare: whether or not the runs differ), 1 invalid input, 2 bad usage, 3 a scenario expect: check failed (under either version with --compare), 4 --fail-on-difference and the runs differ.');
  });
});
