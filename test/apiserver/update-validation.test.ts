/**
 * Update validation of scenario writes (`patch`, `scale`, `setImage`): a Job's generated selector
 * is not a create-time error on update, and the fields ValidateJobSpecUpdate keeps immutable stay so
 * (pkg/apis/batch/validation/validation.go#ValidateJobSpecUpdate).
 */
import { simulate } from '../../lib/simulator';

const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  parallelism: 1
  completions: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: c, image: busybox:1.36 }]
`;

const patch = (at: string, spec: object) => ({ at, patch: { kind: 'Job', name: 'work', patch: { spec } } });

test('accepts patching a running Job\'s parallelism, suspend and activeDeadlineSeconds (mutable in 1.27)', () => {
  const r = simulate(JOB, { until: '1m', steps: [patch('5s', { parallelism: 2 }), patch('6s', { suspend: true, activeDeadlineSeconds: 600 })] });
  expect(r.events({ reason: 'SuccessfulCreate' }).map((e) => e.time)).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z']);
  expect(r.events({ reason: 'Suspended' })).toHaveLength(1);
});

test('fails when a patch changes a Job\'s completions or template (immutable)', () => {
  expect(() => simulate(JOB, { until: '1m', steps: [patch('5s', { completions: 5 })] })).toThrow(/spec\.completions: Invalid value: 5: field is immutable/);
  expect(() => simulate(JOB, { until: '1m', steps: [patch('5s', { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } })] }))
    .toThrow(/spec\.template: Invalid value: .*field is immutable/);
});

test('fails when a patch sets a selector on a Job without manualSelector', () => {
  expect(() => simulate(JOB, { until: '1m', steps: [patch('5s', { selector: { matchLabels: { app: 'x' } } })] })).toThrow(/spec\.selector/);
});

test('fails when a patch removes a field the Go validation requires (a container image)', () => {
  expect(() => simulate(JOB, { until: '1m', steps: [{ at: '5s', patch: { kind: 'Job', name: 'work', patch: { spec: { template: { spec: { containers: [{ name: 'c', image: null }] } } } } } }] }))
    .toThrow(/Job "work" is invalid: spec\.template\.spec\.containers\[0\]\.image: Required value/);
});

/*
 * Re-defaulting: the server decodes a patched object and runs SetDefaults_* before validating the
 * update (pkg/apis/{core,batch}/v1/defaults.go), so fields left out of a patch that defaulting
 * fills in are not changes.
 */
const CRON = `apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: c, image: busybox:1.36 }]
`;

test('accepts a patch that re-sends a Job\'s template as written (defaulted again, so unchanged)', () => {
  const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } };
  const r = simulate(JOB, { until: '1m', steps: [patch('5s', { template, parallelism: 2 })] });
  expect(r.events({ reason: 'SuccessfulCreate' }).length).toBeGreaterThan(1);
});

test('fails when a re-sent Job template really changes (an image), even after defaulting', () => {
  const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.37' }] } };
  expect(() => simulate(JOB, { until: '1m', steps: [patch('5s', { template })] })).toThrow(/spec\.template: Invalid value: .*field is immutable/);
});

test('accepts patching a CronJob\'s jobTemplate with a partial pod spec (defaulted before validation)', () => {
  const spec = { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.37', ports: [{ containerPort: 8080 }] }] } } } } };
  const r = simulate(CRON, { until: '11m', steps: [{ at: '1m', patch: { kind: 'CronJob', name: 'nightly', patch: { spec } } }] });
  expect(r.events({ reason: 'SuccessfulCreate' }).length).toBeGreaterThan(0);
});

test('fails when a CronJob patch makes its pod template invalid after defaulting (restartPolicy Always)', () => {
  const spec = { jobTemplate: { spec: { template: { spec: { restartPolicy: null } } } } };
  expect(() => simulate(CRON, { until: '6m', steps: [{ at: '1m', patch: { kind: 'CronJob', name: 'nightly', patch: { spec } } }] }))
    .toThrow(/CronJob "nightly" is invalid: .*spec\.jobTemplate\.spec\.template\.spec\.restartPolicy/);
});

describe('per Kubernetes version (simulate installs the run\'s update validator)', () => {
  const INDEXED = `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 1
  backoffLimitPerIndex: 1
  podReplacementPolicy: Failed
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: c, image: busybox:1.36 }]
`;

  test('a 1.32 Job with post-1.27 fields accepts a parallelism patch (the update is checked against the 1.32 schema)', () => {
    const r = simulate(INDEXED, { until: '1m', steps: [patch('5s', { parallelism: 2 })] }, { kubernetesVersion: '1.32' });
    expect(r.events({ reason: 'SuccessfulCreate' }).map((e) => e.time)).toContain('2024-01-01T00:00:05Z');
  });

  test('fails when a patch changes backoffLimitPerIndex (ValidateJobSpecUpdate, KEP-3850: immutable)', () => {
    expect(() => simulate(INDEXED, { until: '1m', steps: [patch('5s', { backoffLimitPerIndex: 2 })] }, { kubernetesVersion: '1.32' }))
      .toThrow(/spec\.backoffLimitPerIndex: Invalid value: 2: field is immutable/);
  });
});
