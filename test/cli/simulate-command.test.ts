import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/cli';

const fixture = (name: string) => path.join(__dirname, '..', 'simulator', 'fixtures', name);

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['simulate', ...argv], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

test('prints the text report by default', async () => {
  const r = await run(fixture('seed-001-web.yaml'), '--scenario', fixture('seed-001.scenario.yaml'));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('create Pod web-2 in StatefulSet web successful');
  expect(r.stderr).toBe(`notice: ${fixture('seed-001-web.yaml')} document 1 (PersistentVolume nfs-pv): kept without simulated behaviour\n`);
});

test('--format json prints the report', async () => {
  const r = await run(fixture('seed-004-corrected.yaml'), '--scenario', fixture('seed-004.scenario.yaml'), '--format', 'json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).pods).toHaveLength(5);
});

test('--format html --out writes the timeline page', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-')), 'timeline.html');
  const r = await run(fixture('seed-000-mysql.yaml'), '--scenario', fixture('seed-000.scenario.yaml'), '--format', 'html', '--out', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
});

test('fails when a manifest has an unknown field (seed 004): message, exit 1, nothing on stdout, no stack', async () => {
  const r = await run(fixture('seed-004-sample-statefulset.yaml'));
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`error: 1 problem in the manifests:\n  ${fixture('seed-004-sample-statefulset.yaml')} document 1 (StatefulSet sample-statefulset), line 15: unknown field \`spec.templates\`; did you mean \`template\`?\n`);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
});

test('fails when the scenario has an unknown step', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-'));
  const scenario = path.join(dir, 'scenario.yaml');
  fs.writeFileSync(scenario, 'steps:\n  - { at: 1m, scael: { kind: StatefulSet, name: web, replicas: 5 } }\n');
  const r = await run(fixture('seed-001-web.yaml'), '--scenario', scenario);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`${scenario} line 2: \`steps[0].scael\`: unknown step \`scael\`; did you mean \`scale\`?`);
});

test('fails when a path or the scenario file does not exist', async () => {
  expect(await run('nope.yaml')).toMatchObject({ code: 1, stdout: '', stderr: 'error: 1 problem in the manifests:\n  nope.yaml: no such file or directory; pass a manifest file (.yaml, .yml, .json) or a directory of them\n' });
  expect(await run(fixture('seed-001-web.yaml'), '--scenario', 'missing.yaml')).toMatchObject({ code: 1, stdout: '', stderr: 'error: --scenario missing.yaml: no such file; pass a scenario file (YAML or JSON)\n' });
});

test('fails when a step is rejected while running', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-'));
  const scenario = path.join(dir, 'scenario.yaml');
  fs.writeFileSync(scenario, 'steps:\n  - { at: 1m, removeNode: worker9 }\n');
  const r = await run(fixture('seed-001-web.yaml'), '--scenario', scenario);
  expect(r).toMatchObject({ code: 1, stdout: '' });
  expect(r.stderr).toBe(`error: ${scenario}: \`steps[0]\` (at 1m, remove node worker9) failed: nodes "worker9" not found\n`);
});

test('--history summary gives the same JSON report as full', async () => {
  const args = [fixture('seed-004-corrected.yaml'), '--scenario', fixture('seed-004.scenario.yaml'), '--format', 'json'];
  const full = await run(...args);
  const summary = await run(...args, '--history', 'summary');
  expect(summary.code).toBe(0);
  expect(summary.stdout).toBe(full.stdout);
});

test('--max-events and --keep-deleted shorten the lists and the text report says by how much', async () => {
  const args = [fixture('seed-004-corrected.yaml'), '--scenario', fixture('seed-004.scenario.yaml')];
  const full = JSON.parse((await run(...args, '--format', 'json')).stdout);
  const capped = JSON.parse((await run(...args, '--format', 'json', '--max-events', '5', '--keep-deleted', '0')).stdout);
  expect(capped.events).toEqual(full.events.slice(-5));
  expect(capped.pods.length).toBeLessThan(full.pods.length);
  expect(capped.pods.every((p: { deleted: string | null }) => p.deleted === null)).toBe(true);
  const text = await run(...args, '--max-events', '5');
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(new RegExp(`${full.events.length - 5}\\b.*event`));
});

test('--no-fast-forward replays every event of a steady CronJob; the output is the same', async () => {
  const args = [fixture('every-minute-cronjob.yaml'), '--scenario', fixture('every-minute.scenario.yaml'), '--history', 'summary', '--keep-deleted', '5', '--max-events', '50'];
  for (const format of ['json', 'text']) {
    const fast = await run(...args, '--format', format);
    const replayed = await run(...args, '--format', format, '--no-fast-forward');
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe(replayed.stdout);
  }
  const report = JSON.parse((await run(...args, '--format', 'json')).stdout);
  expect(report.jobs.map((j: { name: string }) => j.name).slice(-3)).toEqual(['every-minute-28403997', 'every-minute-28403998', 'every-minute-28403999']);
});

test('fails with exit 2 (usage) when --keep-deleted or --max-events is not a whole number, or --history is unknown', async () => {
  const base = [fixture('seed-004-corrected.yaml'), '--scenario', fixture('seed-004.scenario.yaml')];
  expect(await run(...base, '--keep-deleted', '-1')).toMatchObject({ code: 2, stdout: '', stderr: 'error: --keep-deleted -1: must be a whole number ≥ 0\n' });
  expect(await run(...base, '--max-events', 'lots')).toMatchObject({ code: 2, stdout: '', stderr: 'error: --max-events lots: must be a whole number ≥ 0\n' });
  const bad = await run(...base, '--history', 'some');
  expect(bad.code).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toContain("argument 'some' is invalid. Allowed choices are full, summary.");
});
