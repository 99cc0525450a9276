/**
 * `cdk8s-workloads simulate --at`: the kubectl get tables at one instant (ages relative to it,
 * printers.go columns of 1.27), and exit 2 with the run's bounds when the instant is outside the
 * run, unparseable, or combined with a non-text format.
 *
 * Most cases run in-process through main() (test/helpers/cli-in-process.ts); these spawn the built
 * CLI to pin the real exit status with no stack trace on stderr: `--at 3h` (2), and the sidecar Job
 * at 1.29 (0) and at 1.27 (1).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, ensureBuiltCli, ROOT } from '../../helpers/built-cli';
import { runCliInProcess } from '../../helpers/cli-in-process';

ensureBuiltCli();

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);
const WEB = fixture('seed-001-web.yaml');
const SCENARIO = fixture('seed-001.scenario.yaml'); // start 2022-09-14T03:00:00Z, until 2m

function spawned(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'simulate', WEB, '--scenario', SCENARIO, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** In-process, with the spawned result's field names (`status` for the exit code). */
async function run(...args: string[]) {
  const r = await runCliInProcess(['simulate', WEB, '--scenario', SCENARIO, ...args]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

test('--at 7s: web-0 Running and Ready, web-1 just created, ages relative to the instant', async () => {
  const r = await run('--at', '7s');
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toBe('State at +7s (2022-09-14T03:00:07Z), seed 1');
  expect(lines[2]).toBe('$ kubectl get pods -o wide');
  expect(lines[3]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
  expect(lines[4]).toMatch(/^web-0\s+1\/1\s+Running\s+0\s+7s\s+10\.244\.2\.2\s+worker1\s+<none>\s+<none>$/);
  expect(r.stdout).toMatch(/\$ kubectl get statefulsets\nNAME\s+READY\s+AGE\nweb\s+1\/3\s+7s\n/);
  expect(r.stdout).toContain('$ kubectl get jobs\nNo resources found in default namespace.\n');
  expect(r.stdout).toMatch(/\$ kubectl get events --sort-by=\.lastTimestamp\nLAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n7s\s+Normal\s+SuccessfulCreate\s+statefulset\/web\s+create Pod web-0/);
  expect(r.stdout).not.toContain('web-2');
});

test('--at an RFC 3339 instant is the same as the duration from the start', async () => {
  expect((await run('--at', '2022-09-14T03:01:30Z')).stdout).toBe((await run('--at', '90s')).stdout);
});

test('--at the end (until) is allowed: the StatefulSet is 3/3 there', async () => {
  const r = await run('--at', '2m');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/\nweb\s+3\/3\s+2m\n/);
});

test.each([
  ['after the end', '3h', '--at 3h: after the run ends (+2m, 2022-09-14T03:02:00Z); pass a duration from 0s to 2m, or an instant from 2022-09-14T03:00:00Z to 2022-09-14T03:02:00Z'],
  ['before the start', '2022-09-14T02:00:00Z', '--at 2022-09-14T02:00:00Z: before the run starts (2022-09-14T03:00:00Z); pass a duration from 0s to 2m'],
  ['neither a duration nor an instant', 'soon', '--at soon: not a duration (90s, 5m, 1h30m) nor an RFC 3339 instant; pass a duration from 0s to 2m'],
])('fails when the instant is %s: exit 2, the bounds and the fix on stderr, nothing on stdout', async (_, at, message) => {
  const r = await run('--at', at);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`error: ${message}`);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
});

test('spawned: an instant after the end exits 2 with the message, no stack trace', () => {
  const r = spawned('--at', '3h');
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('error: --at 3h: after the run ends (+2m, 2022-09-14T03:02:00Z)');
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
});

test('fails when combined with --format json: exit 2', async () => {
  const r = await run('--at', '1m', '--format', 'json');
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('error: --at prints kubectl get tables (text); drop --format json or --at');
});

test('--out writes the tables to the file', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'at-')), 'state.txt');
  const r = await run('--at', '1m', '--out', out);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('');
  expect(fs.readFileSync(out, 'utf8')).toBe((await run('--at', '1m')).stdout);
});

test('spawned: --at runs at the chosen --kubernetes-version (a 1.29 sidecar Job, which 1.27 rejects)', () => {
  const job = path.join(ROOT, 'test/fixtures/website/application--job--job-sidecar.yaml');
  const at = (...v: string[]) => spawnSync(process.execPath, [CLI, 'simulate', job, '--at', '5s', ...v], { cwd: ROOT, encoding: 'utf8' });
  const ok = at('--kubernetes-version', '1.29');
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/myjob-\w+\s+2\/2\s+Running/);
  const old = at();
  expect(old.status).toBe(1);
  expect(old.stderr).toContain('added in 1.28');
});
