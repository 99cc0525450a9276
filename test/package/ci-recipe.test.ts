/**
 * examples/ci: the GitHub Actions workflow and the npm scripts users copy run the same commands,
 * and simulate-charts.sh — the step both call — gates every chart on its `expect:` scenario with
 * the documented exit codes. It runs here on four example charts with the built CLI.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';
import { synthExample } from '../helpers/examples';

ensureBuiltCli();

const CI = path.join(ROOT, 'examples', 'ci');
const SCENARIOS = path.join(CI, 'scenarios');
const charts = fs.readdirSync(SCENARIOS).map((f) => f.replace(/\.yaml$/, '')).sort();

interface Step { readonly uses?: string; readonly run?: string; readonly name?: string }
const workflow = YAML.parse(fs.readFileSync(path.join(CI, 'github-actions.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0].steps;
const scripts = (JSON.parse(fs.readFileSync(path.join(CI, 'package-scripts.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('the workflow checks out, sets up node, installs, then runs synth, validate and simulate in that order', () => {
  expect(steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']);
  expect(steps.filter((s) => s.run).map((s) => s.run!.trim())).toEqual([
    'npm ci --no-audit --no-fund',
    `npx ${scripts.synth}`,
    `npx ${scripts.validate}`,
    scripts.simulate,
  ]);
  expect(scripts.ci).toBe('npm run synth && npm run validate && npm run simulate');
});

function sandbox(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-recipe-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.mkdirSync(path.join(dir, 'ci', 'scenarios'), { recursive: true });
  fs.copyFileSync(path.join(CI, 'simulate-charts.sh'), path.join(dir, 'ci', 'simulate-charts.sh'));
  for (const c of charts) {
    fs.writeFileSync(path.join(dir, 'dist', `${c}.k8s.yaml`), synthExample(c).map((m) => YAML.stringify(m)).join('---\n'));
    fs.copyFileSync(path.join(SCENARIOS, `${c}.yaml`), path.join(dir, 'ci', 'scenarios', `${c}.yaml`));
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function simulateCharts(dir: string) {
  return spawnSync('sh', ['-c', scripts.simulate], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_WORKLOADS: `${process.execPath} ${CLI}` } });
}

test('npm run simulate: exit 0 when every chart meets its gate; one JSON report per chart', () => {
  const dir = sandbox();
  dirs.push(dir);
  const r = simulateCharts(dir);
  expect(r.stderr.split('\n').filter((l) => /^(ok|FAILED|ERROR) /.test(l))).toEqual(charts.map((c) => `ok      ${c}`));
  expect(r.status).toBe(0);
  for (const c of charts) {
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports', `${c}.json`), 'utf8')) as { expectations: Array<{ passed: boolean }> };
    expect(report.expectations.length).toBeGreaterThan(0);
    expect(report.expectations.every((e) => e.passed)).toBe(true);
  }
});

test('fails with exit 3 when a gate fails, and with exit 1 when a chart has no scenario', () => {
  const dir = sandbox();
  dirs.push(dir);
  const gate = path.join(dir, 'ci', 'scenarios', 'seed-003-db-migration.yaml');
  fs.writeFileSync(gate, fs.readFileSync(gate, 'utf8').replace('condition: Failed, reason: DeadlineExceeded', 'condition: Complete'));
  const failed = simulateCharts(dir);
  expect(failed.status).toBe(3);
  expect(failed.stderr).toContain('✗ expect[0].job: Job db-migration: expected Complete within 10m');
  expect(failed.stderr).toContain('FAILED  seed-003-db-migration: an expect: check failed');
  fs.writeFileSync(path.join(dir, 'dist', 'extra.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n');
  const missing = simulateCharts(dir);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('error: dist/extra.k8s.yaml has no scenario: add ci/scenarios/extra.yaml with an expect: block');
});
