/**
 * README "Use it in your cdk8s app", end to end as a user runs it: `npm pack` this package,
 * install the tarball with its peers (cdk8s, cdk8s-plus-27, constructs) into a scratch app in a
 * temp dir, synthesize a plain-JS cdk8s app, and run the installed `cdk8s-workloads` bin —
 * `validate dist/` and `simulate` with an `expect:` gate — on the output. Nothing is written
 * inside the repository. The install uses `--prefer-offline`: after the repo's own install the
 * npm cache holds every package, so it takes seconds; on a fresh CI machine it downloads them.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';

ensureBuiltCli();

const FIXTURES = path.join(__dirname, 'fixtures');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** The peers at the versions the repo installed (so the scratch install can be served from the cache). */
const installed = (name: string): string => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of a user's shell: without what `npm test` exports about this package. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const k of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_)/.test(k) || k === 'npm_config_local_prefix' || k === 'INIT_CWD') delete env[k];
  }
  return env;
}

let app: string;
let work: string;
let gitBefore: string;
const gitStatus = (): string => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });
const bin = (...args: string[]) => spawnSync(path.join(app, 'node_modules', '.bin', 'cdk8s-workloads'), args, { cwd: app, encoding: 'utf8', env: userEnv() });

beforeAll(() => {
  gitBefore = gitStatus();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'install-recipe-'));
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, env: userEnv(), stdio: 'pipe' });
  const tarball = `${pkg.name}-${pkg.version}.tgz`;
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({
    name: 'scratch-app', version: '1.0.0', private: true,
    dependencies: {
      'cdk8s-workloads': `file:../${tarball}`, 'cdk8s': installed('cdk8s'), 'cdk8s-plus-27': installed('cdk8s-plus-27'), 'constructs': installed('constructs'),
    },
  }, null, 2));
  for (const f of ['main.js', 'ci.scenario.yaml']) fs.copyFileSync(path.join(FIXTURES, f), path.join(app, f));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, env: userEnv(), stdio: 'pipe' });
  execFileSync(process.execPath, ['main.js'], { cwd: app, env: userEnv(), stdio: 'pipe' });
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the package holds the build, LICENSE and package.json, and no sources or tests', () => {
  const files = execFileSync('tar', ['tzf', path.join(work, `${pkg.name}-${pkg.version}.tgz`)], { encoding: 'utf8' }).trim().split('\n');
  expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/package.json', 'package/build/lib/index.js', 'package/build/lib/index.d.ts', 'package/build/lib/cli/cli.js']));
  expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  expect(files.filter((f) => f.startsWith('package/test/') || f.startsWith('package/lib/'))).toEqual([]);
});

test('the scratch app synthesizes with the installed constructs', () => {
  const out = fs.readFileSync(path.join(app, 'dist', 'shop.k8s.yaml'), 'utf8');
  expect(out).toMatch(/kind: StatefulSet\n/);
  expect(out).toMatch(/kind: Job\n/);
});

test('the installed bin prints the packed version', () => {
  const r = bin('--version');
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe(pkg.version);
});

test('validate dist/: exit 0, every object admitted', () => {
  const r = bin('validate', 'dist/');
  expect(r.status).toBe(0);
  expect(r.stderr).not.toMatch(/error|\bat .*\.js:\d+/);
  expect(r.stdout).toContain('statefulset.apps/orders-db created (server dry run)');
  expect(r.stdout).toContain('job.batch/db-migration created (server dry run)');
});

test('simulate with the expect: gate: exit 0, every check passed', () => {
  const r = bin('simulate', 'dist/shop.k8s.yaml', '--scenario', 'ci.scenario.yaml');
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/expectations: 3 of 3 passed\n$/);
});

test('simulate with a gate the app does not meet: exit 3', () => {
  fs.writeFileSync(path.join(app, 'strict.yaml'), 'until: 10m\ncluster: { namespace: shop }\nexpect:\n  - podsReady: { owner: StatefulSet/orders-db, count: 4 }\n');
  const r = bin('simulate', 'dist/shop.k8s.yaml', '--scenario', 'strict.yaml', '--format', 'json');
  expect(r.status).toBe(3);
  expect(JSON.parse(r.stdout).expectations).toEqual([expect.objectContaining({ check: 'podsReady', passed: false })]);
});

test('the repository is left as it was (the pack and the install happen in a temp dir)', () => {
  expect(gitStatus()).toBe(gitBefore);
  expect(fs.existsSync(CLI)).toBe(true);
});
