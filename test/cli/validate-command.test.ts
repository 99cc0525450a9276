/**
 * `cdk8s-workloads validate` end to end: the built CLI as a child process (files, directories,
 * stdin piped with `input`, exit codes 0/1/2, text/json/yaml output), in-process through `main()`
 * with a string as stdin, and real manifests from the Kubernetes website examples
 * (test/cli/fixtures/k8s-website/, copied from kubernetes/website content/en/examples/…).
 *
 * Most cases run in-process through main() (test/helpers/cli-in-process.ts); these spawn the built
 * CLI to pin what only a real process shows: exit status 0 (text), real stdin piped to `-` (exit 0,
 * and seed 004 with exit 1 and no stack trace), exit status 2 (a bad --output), and `--help` from
 * the bin.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { defaultObject, withServerFields } from '../../lib/apiserver/defaults';
import { CLI, ensureBuiltCli, ROOT } from '../helpers/built-cli';
import { runCliInProcess } from '../helpers/cli-in-process';

const WEBSITE = path.join('test', 'cli', 'fixtures', 'k8s-website');
const site = (name: string) => path.join(WEBSITE, name);

ensureBuiltCli();

interface Run { code: number | null; stdout: string; stderr: string }

function spawned(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd: ROOT, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inProcess(args: string[], stdin?: string): Promise<Run> {
  return runCliInProcess(['validate', ...args], { stdin });
}

const SEED_004 = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: sample-statefulset',
  'spec:',
  '  serviceName: sample',
  '  selector:',
  '    matchLabels: {app: sample}',
  '  templates:',
  '    metadata:',
  '      labels: {app: sample}',
  '    spec:',
  '      containers: [{name: c, image: nginx}]',
  '',
].join('\n');

describe('the CLI', () => {
  test('spawned: text: one kubectl-like line per object, exit 0, nothing on stderr', () => {
    expect(spawned([site('web.yaml'), site('job.yaml')])).toEqual({
      code: 0,
      stdout: 'service/nginx created (server dry run)\nstatefulset.apps/web created (server dry run)\njob.batch/pi created (server dry run)\n',
      stderr: '',
    });
  });

  test('spawned: stdin: `helm template … | cdk8s-workloads validate -`', () => {
    const r = spawned(['-'], fs.readFileSync(path.join(ROOT, site('web.yaml')), 'utf8'));
    expect(r).toEqual({ code: 0, stdout: 'service/nginx created (server dry run)\nstatefulset.apps/web created (server dry run)\n', stderr: '' });
  });

  test('stdin: one-line JSON is read as a manifest, and notices go to stderr', async () => {
    const r = await inProcess(['-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('configmap/settings created (server dry run)\n');
    expect(r.stderr).toBe('notice: <stdin> document 1 (ConfigMap settings): kept without simulated behaviour\n');
  });

  test('spawned: fails on seed 004 from stdin: exit 1, the problem names <stdin>, document, line, field and fix', () => {
    const r = spawned(['-'], SEED_004);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe([
      'error: <stdin> document 1 (StatefulSet sample-statefulset), line 9: unknown field `spec.templates`; did you mean `template`?',
      '1 problem: fix it and run validate again',
      '',
    ].join('\n'));
  });

  test('fails on empty stdin with exit 1', async () => {
    const r = await inProcess(['-'], '');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: <stdin>: no input; pipe YAML or JSON manifests in/);
  });

  test('a directory (`validate dist/`): every file, in name order; every problem listed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    try {
      fs.copyFileSync(path.join(ROOT, site('job.yaml')), path.join(dir, 'a-job.yaml'));
      fs.writeFileSync(path.join(dir, 'b-bad.yaml'), `${SEED_004}---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: c, image: busybox}]\n`);
      const r = await inProcess([dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('job.batch/pi created (server dry run)\n');
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(errors).toHaveLength(2);
      expect(errors[0]).toBe(`error: ${path.join(dir, 'b-bad.yaml')} document 1 (StatefulSet sample-statefulset), line 9: unknown field \`spec.templates\`; did you mean \`template\`?`);
      expect(errors[1]).toContain(`${path.join(dir, 'b-bad.yaml')} document 2 (Job x)`);
      expect(errors[1]).toContain('restartPolicy');
      expect(r.stderr).toMatch(/2 problems: fix them and run validate again\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--output json: exactly the result on stdout, exit 0', async () => {
    const r = await inProcess(['-o', 'json', site('job.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const job = YAML.parse(fs.readFileSync(path.join(ROOT, site('job.yaml')), 'utf8'));
    const out = JSON.parse(r.stdout);
    // The defaulted Job, as `kubectl apply --dry-run=server -o json` prints it: SetDefaults_Job and
    // the pod defaults, the uid, and the selector and labels the registry generates from it.
    const expected = withServerFields(defaultObject({ ...job, metadata: { name: 'pi', namespace: 'default' } }), out.objects[0].metadata.uid);
    expect(out).toEqual({ valid: true, objects: [expected], issues: [], notices: [] });
    expect(out.objects[0].spec).toMatchObject({ backoffLimit: 4, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false });
    expect(out.objects[0].spec.template.metadata.labels['batch.kubernetes.io/job-name']).toBe('pi');
  });

  test('--output json on failure: the result with the issues on stdout, exit 1', async () => {
    const r = await inProcess(['--output', 'json', '-'], SEED_004);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      objects: [],
      issues: [{
        code: 'UNKNOWN_FIELD', file: '<stdin>', documentIndex: 0, path: 'spec.templates', line: 9,
        message: '<stdin> document 1 (StatefulSet sample-statefulset), line 9: unknown field `spec.templates`; did you mean `template`?',
      }],
      notices: [],
    });
    expect(r.stderr).toContain('error: <stdin> document 1');
  });

  test('--output yaml: the admitted objects as a YAML stream with their namespace, nothing else on stdout', async () => {
    const r = await inProcess(['-o', 'yaml', '-n', 'shop', '-'], fs.readFileSync(path.join(ROOT, site('web.yaml')), 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const docs = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['Service/shop/nginx', 'StatefulSet/shop/web']);
    expect(docs[1].spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1Gi');
    // The defaulted objects, like `kubectl apply --dry-run=server -o yaml`.
    expect(docs[0].spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(docs[1].spec).toMatchObject({ podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    expect(docs[1].spec.volumeClaimTemplates[0].spec.volumeMode).toBe('Filesystem');
    expect(docs[1].spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
  });

  test('--output yaml on failure: nothing on stdout, exit 1', async () => {
    const r = await inProcess(['-o', 'yaml', site('job.yaml'), '-'], SEED_004);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('(no YAML was printed)');
  });

  test('fails with exit 1 on a missing file', async () => {
    const r = await inProcess(['no/such/dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no\/such\/dir: no such file or directory/);
  });

  test('fails with exit 2 (usage): no argument, a bad --output, `-` twice, another Kubernetes version', async () => {
    for (const args of [[], ['-o', 'xml', site('job.yaml')], ['-', '-'], ['--kubernetes-version', '1.24', site('job.yaml')]]) {
      const r = await inProcess(args, '');
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).not.toBe('');
    }
  });

  test('spawned: a usage error exits 2 with commander\'s message, no stack trace', () => {
    const r = spawned(['-o', 'xml', site('job.yaml')], '');
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^error: option '-o, --output <format>' argument 'xml' is invalid/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('spawned: --help lists the output formats and stdin', () => {
    const r = spawnSync(process.execPath, [CLI, 'validate', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('choices: "text", "json", "yaml"');
    expect(r.stdout).toMatch(/or\s+-\s+for\s+stdin/);
  });
});

describe('in-process main() with a string as stdin', () => {
  test('valid input, text', async () => {
    expect(await inProcess(['-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n'))
      .toEqual({ code: 0, stdout: 'pod/p created (server dry run)\n', stderr: '' });
  });

  test('a CronJob: cronjob.batch/…', async () => {
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: busybox}]\n';
    expect(await inProcess(['-'], cron)).toEqual({ code: 0, stdout: 'cronjob.batch/nightly created (server dry run)\n', stderr: '' });
  });

  test('fails with exit 2 when the IO has no stdin', async () => {
    const r = await inProcess(['-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: `-`: standard input is not available here\n');
  });
});

describe('Kubernetes website examples (kubernetes/website content/en/examples/…)', () => {
  test.each([
    ['controllers/job.yaml', 'job.yaml', ['job.batch/pi']],
    ['application/web/web.yaml', 'web.yaml', ['service/nginx', 'statefulset.apps/web']],
    ['controllers/statefulset.yaml', 'statefulset.yaml', ['service/nginx', 'statefulset.apps/web']],
    ['controllers/daemonset.yaml', 'daemonset.yaml', ['daemonset.apps/fluentd-elasticsearch']],
  ])('%s is admitted', async (_source, file, names) => {
    const r = await inProcess([site(file)]);
    expect(r).toEqual({ code: 0, stdout: names.map((n) => `${n} created (server dry run)\n`).join(''), stderr: '' });
  });

  test('application/job/cronjob.yaml (the stored revision, batch/v1beta1) fails: 1.25+ no longer serves batch/v1beta1', async () => {
    const r = await inProcess([site('cronjob-v1beta1.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${site('cronjob-v1beta1.yaml')} document 1 (CronJob hello), line 4: no matches for kind "CronJob" in version "batch/v1beta1"; Kubernetes 1.27 serves CronJob as apiVersion: batch/v1`);
  });

  // Valid for 1.27 (podFailurePolicy is beta and on by default): a rule with only onExitCodes.
  test('controllers/job-pod-failure-policy-example.yaml is admitted', async () => {
    const r = await inProcess([site('job-pod-failure-policy-example.yaml')]);
    expect(r).toEqual({ code: 0, stdout: 'job.batch/job-pod-failure-policy-example created (server dry run)\n', stderr: '' });
  });
});
