import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  BatchJob, BatchJobProps, CompletionMode, ExitCodeOperator, JobRestartPolicy, PodConditionStatus, PodConditionType,
  PodFailurePolicyAction,
} from '../../../lib';
import { ValidationError } from '../../../lib/constructs/_shared/errors';
import { validationErrorOf } from '../../helpers/errors';
import { Manifest, newChart, only, schemaIssues, synth } from '../../helpers/synth';

const CONTAINER = { name: 'worker', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] };

/** Synthesizes one BatchJob in a fresh chart and returns its Job manifest. */
function jobOf(props: Partial<BatchJobProps> = {}, name = 'work'): Manifest {
  const chart = newChart('batch');
  new BatchJob(chart, 'job', { metadata: { name }, containers: [CONTAINER], ...props });
  return only(synth(chart), 'Job');
}

/** The error a BatchJob with these props throws. */
function errorOf(props: Partial<BatchJobProps>, name = 'work'): ValidationError {
  return validationErrorOf(() => new BatchJob(newChart('batch'), 'job', { metadata: { name }, containers: [CONTAINER], ...props } as BatchJobProps));
}

test('ApiObject.of() on a BatchJob returns the Job (its default child is the workload)', () => {
  const chart = newChart();
  const batch = new BatchJob(chart, 'job', { metadata: { name: 'work' }, containers: [CONTAINER] });
  const obj = ApiObject.of(batch);
  expect(obj.kind).toBe('Job');
  expect(obj.name).toBe('work');
  expect(batch.node.defaultChild).toBe(batch.job);
  expect(batch.node.tryFindChild('Default')).toBeUndefined();

  // An escape-hatch patch lands in the synthesized Job.
  obj.addJsonPatch(JsonPatch.add('/spec/template/spec/priorityClassName', 'batch-low'));
  expect(only(synth(chart), 'Job').spec.template.spec.priorityClassName).toBe('batch-low');
});

describe('defaults', () => {
  const job = jobOf();
  const spec = job.spec;
  const pod = spec.template.spec;
  const container = pod.containers[0];

  test('restartPolicy is Never, backoffLimit 6 is written out, finished Jobs are deleted after one day', () => {
    expect(pod.restartPolicy).toBe('Never');
    expect(spec.backoffLimit).toBe(6);
    expect(spec.ttlSecondsAfterFinished).toBe(86400);
  });

  test('fields left to Kubernetes are absent', () => {
    for (const field of ['completions', 'parallelism', 'completionMode', 'podFailurePolicy', 'suspend', 'activeDeadlineSeconds']) {
      expect(spec).not.toHaveProperty(field);
    }
  });

  test('the pod passes the restricted Pod Security Standard', () => {
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, fsGroupChangePolicy: 'Always',
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toEqual({
      runAsNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('a writable /tmp emptyDir backs the read-only root filesystem', () => {
    expect(container.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  test('the resolved values are exposed', () => {
    const batch = new BatchJob(newChart(), 'job', { containers: [CONTAINER] });
    expect(batch.restartPolicy).toBe(JobRestartPolicy.NEVER);
    expect(batch.backoffLimit).toBe(6);
    expect(batch.completionMode).toBe(CompletionMode.NON_INDEXED);
    expect(batch.ttlAfterFinished?.toSeconds()).toBe(86400);
    expect(batch.suspend).toBe(false);
    expect(batch.name).toBe('test-job');
    expect(batch.job).toBeInstanceOf(kplus.Job);
  });

  test('an unnamed single container is called main', () => {
    const manifest = jobOf({ containers: [{ image: 'busybox:1.36' }] });
    expect(manifest.spec.template.spec.containers[0].name).toBe('main');
  });
});

describe('props', () => {
  test('completions and parallelism (missing from cdk8s-plus-27) reach the YAML', () => {
    const spec = jobOf({ completions: 5, parallelism: 2 }).spec;
    expect(spec.completions).toBe(5);
    expect(spec.parallelism).toBe(2);
  });

  test('parallelism without completions gives a work-queue Job', () => {
    const spec = jobOf({ parallelism: 4 }).spec;
    expect(spec.parallelism).toBe(4);
    expect(spec).not.toHaveProperty('completions');
  });

  test('completions and parallelism of 0 are accepted as the API server accepts them', () => {
    const spec = jobOf({ completions: 0, parallelism: 0 }).spec;
    expect(spec.completions).toBe(0);
    expect(spec.parallelism).toBe(0);
  });

  test('completionMode Indexed is written with completions', () => {
    const spec = jobOf({ completionMode: CompletionMode.INDEXED, completions: 3 }).spec;
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(3);
  });

  test('completionMode NonIndexed is written when asked for', () => {
    expect(jobOf({ completionMode: CompletionMode.NON_INDEXED }).spec.completionMode).toBe('NonIndexed');
  });

  test('backoffLimit', () => {
    expect(jobOf({ backoffLimit: 0 }).spec.backoffLimit).toBe(0);
    expect(jobOf({ backoffLimit: 4 }).spec.backoffLimit).toBe(4);
  });

  test('activeDeadline becomes activeDeadlineSeconds', () => {
    expect(jobOf({ activeDeadline: Duration.minutes(10) }).spec.activeDeadlineSeconds).toBe(600);
  });

  test('ttlAfterFinished can be changed, set to 0, or turned off with null', () => {
    expect(jobOf({ ttlAfterFinished: Duration.hours(1) }).spec.ttlSecondsAfterFinished).toBe(3600);
    expect(jobOf({ ttlAfterFinished: Duration.seconds(0) }).spec.ttlSecondsAfterFinished).toBe(0);
    expect(jobOf({ ttlAfterFinished: null }).spec).not.toHaveProperty('ttlSecondsAfterFinished');
    const kept = new BatchJob(newChart(), 'job', { containers: [CONTAINER], ttlAfterFinished: null });
    expect(kept.ttlAfterFinished).toBeUndefined();
  });

  test('suspend (missing from cdk8s-plus-27) reaches the YAML', () => {
    expect(jobOf({ suspend: true }).spec.suspend).toBe(true);
    expect(jobOf({ suspend: false }).spec.suspend).toBe(false);
  });

  test('restartPolicy OnFailure', () => {
    expect(jobOf({ restartPolicy: JobRestartPolicy.ON_FAILURE }).spec.template.spec.restartPolicy).toBe('OnFailure');
  });

  test('podFailurePolicy rules are rendered in order, exit codes sorted, condition status defaulting to True', () => {
    const spec = jobOf({
      podFailurePolicy: [
        { action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] },
        { action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'worker', operator: ExitCodeOperator.IN, values: [42, 3] } },
        { action: PodFailurePolicyAction.COUNT, onExitCodes: { operator: ExitCodeOperator.NOT_IN, values: [0] } },
        { action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.of('example.com/Preempted'), status: PodConditionStatus.FALSE }] },
      ],
    }).spec;
    expect(spec.podFailurePolicy).toEqual({
      rules: [
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        { action: 'FailJob', onPodConditions: [], onExitCodes: { containerName: 'worker', operator: 'In', values: [3, 42] } },
        { action: 'Count', onPodConditions: [], onExitCodes: { operator: 'NotIn', values: [0] } },
        { action: 'Ignore', onPodConditions: [{ type: 'example.com/Preempted', status: 'False' }] },
      ],
    });
  });

  test('a podFailurePolicy rule may name an init container', () => {
    const spec = jobOf({
      initContainers: [{ name: 'fetch', image: 'busybox:1.36' }],
      podFailurePolicy: [{ action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'fetch', operator: ExitCodeOperator.IN, values: [2] } }],
    }).spec;
    expect(spec.podFailurePolicy.rules[0].onExitCodes.containerName).toBe('fetch');
  });

  test('secretEnv reads environment variables from Secret keys', () => {
    const container = jobOf({
      containers: [{ ...CONTAINER, secretEnv: { DATABASE_URL: { secretName: 'db-secret', key: 'url' }, API_TOKEN: { secretName: 'api', key: 'token', optional: true } } }],
    }).spec.template.spec.containers[0];
    expect(container.env).toEqual([
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'url', optional: false } } },
      { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token', optional: true } } },
    ]);
  });

  test('literal environment variables with non-credential names pass through', () => {
    const container = jobOf({ containers: [{ ...CONTAINER, envVariables: { LOG_LEVEL: kplus.EnvValue.fromValue('debug') } }] }).spec.template.spec.containers[0];
    expect(container.env).toEqual([{ name: 'LOG_LEVEL', value: 'debug' }]);
  });

  test('init containers run first, hardened and with /tmp like the main containers', () => {
    const pod = jobOf({ initContainers: [{ name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z db 5432; do sleep 2; done'] }] }).spec.template.spec;
    expect(pod.initContainers).toHaveLength(1);
    expect(pod.initContainers[0]).toMatchObject({
      name: 'wait-for-db',
      command: ['sh', '-c', 'until nc -z db 5432; do sleep 2; done'],
      securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
      volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
    });
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  test('seed 003 §7: init containers that wait for the database and migrate before the app', () => {
    const waitScript = 'until nc -z postgres-service 5432; do\necho "Waiting for database..."; sleep 2\ndone\n';
    const pod = jobOf({
      initContainers: [
        { name: 'wait-for-db', image: 'busybox', command: ['sh', '-c', waitScript] },
        { name: 'run-migration', image: 'my-app:1.2.3', command: ['python', 'manage.py', 'migrate'] },
      ],
      containers: [{ name: 'app', image: 'my-app:1.2.3' }],
    }).spec.template.spec;
    expect(pod.initContainers.map((c: any) => [c.name, c.image, c.command])).toEqual([
      ['wait-for-db', 'busybox', ['sh', '-c', waitScript]],
      ['run-migration', 'my-app:1.2.3', ['python', 'manage.py', 'migrate']],
    ]);
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app']);
  });

  test('imagePullPolicy defaults as Kubernetes does (IfNotPresent when pinned, Always for untagged or :latest); an explicit one is kept', () => {
    const policies = (containers: BatchJobProps['containers']) => (jobOf({ containers }).spec.template.spec.containers as Array<{ imagePullPolicy: string }>)
      .map((c) => c.imagePullPolicy);
    expect(policies([
      { name: 'pinned', image: 'busybox:1.36' },
      { name: 'digest', image: 'busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
      { name: 'latest', image: 'busybox:latest' },
      { name: 'untagged', image: 'registry:5000/busybox' },
      { name: 'explicit', image: 'busybox:1.36', imagePullPolicy: kplus.ImagePullPolicy.ALWAYS },
    ])).toEqual(['IfNotPresent', 'IfNotPresent', 'Always', 'Always', 'Always']);
    const init = jobOf({ initContainers: [{ name: 'init', image: 'busybox:1.36' }] }).spec.template.spec.initContainers[0];
    expect(init.imagePullPolicy).toBe('IfNotPresent');
  });

  test('resources, command and args', () => {
    const container = jobOf({
      containers: [{
        name: 'worker', image: 'busybox:1.36', command: ['sh', '-c'], args: ['date'],
        resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) } },
      } as any],
    }).spec.template.spec.containers[0];
    expect(container.command).toEqual(['sh', '-c']);
    expect(container.args).toEqual(['date']);
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } });
  });

  test('a container that mounts its own /tmp gets no extra emptyDir', () => {
    const chart = newChart();
    const scratch = kplus.Volume.fromEmptyDir(chart, 'Scratch', 'scratch', { sizeLimit: Size.gibibytes(1) } as any);
    new BatchJob(chart, 'job', { metadata: { name: 'work' }, containers: [{ ...CONTAINER, volumeMounts: [{ path: '/tmp', volume: scratch }] }] });
    const pod = only(synth(chart), 'Job').spec.template.spec;
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'scratch' }]);
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['scratch']);
  });

  test('a writable root filesystem needs no /tmp volume', () => {
    const pod = jobOf({ containers: [{ ...CONTAINER, securityContext: { readOnlyRootFilesystem: false } }] }).spec.template.spec;
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
    expect(pod.containers[0]).not.toHaveProperty('volumeMounts');
    expect(pod).not.toHaveProperty('volumes');
  });

  test('security context overrides merge over the defaults', () => {
    const pod = jobOf({
      securityContext: { user: 2000 },
      containers: [{ ...CONTAINER, securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE] } } }],
    }).spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 2000, runAsGroup: 1000, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['CAP_NET_BIND_SERVICE'] });
  });

  test('service account, token mounting and termination grace period', () => {
    const chart = newChart();
    const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'SA', 'migrator');
    new BatchJob(chart, 'job', {
      metadata: { name: 'work' }, containers: [CONTAINER], serviceAccount: sa, automountServiceAccountToken: true,
      terminationGracePeriod: Duration.seconds(5),
    });
    const pod = only(synth(chart), 'Job').spec.template.spec;
    expect(pod.serviceAccountName).toBe('migrator');
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.terminationGracePeriodSeconds).toBe(5);
  });

  test('metadata sets name, namespace and labels', () => {
    const chart = newChart('default');
    new BatchJob(chart, 'job', { metadata: { name: 'etl', namespace: 'data', labels: { team: 'data' } }, containers: [CONTAINER] });
    expect(only(synth(chart), 'Job').metadata).toEqual({ name: 'etl', namespace: 'data', labels: { team: 'data' } });
  });

  test('a 63-character name is accepted', () => {
    expect(jobOf({}, 'a'.repeat(63)).metadata.name).toHaveLength(63);
  });
});

describe('validation', () => {
  test('messages name the construct path, the prop and the value', () => {
    expect(errorOf({ completions: -1 }).message).toBe('test/job: `completions` must be at least 0, got -1; the API server rejects negative values');
  });

  test('fails when completions < 0', () => {
    expect(errorOf({ completions: -1 }).prop).toBe('completions');
  });

  test('fails when parallelism < 0', () => {
    expect(errorOf({ parallelism: -2 }).prop).toBe('parallelism');
  });

  test('fails when completions is not a whole number', () => {
    expect(errorOf({ completions: 2.5 }).message).toMatch(/`completions` must be a whole number, got 2.5/);
  });

  test('fails when parallelism exceeds int32', () => {
    expect(errorOf({ parallelism: 2 ** 31 }).message).toMatch(/`parallelism` must be at most 2147483647/);
  });

  test('fails when completionMode is Indexed without completions', () => {
    const e = errorOf({ completionMode: CompletionMode.INDEXED });
    expect(e.prop).toBe('completions');
    expect(e.message).toMatch(/is required when `completionMode` is Indexed/);
  });

  test('fails when completionMode is not NonIndexed or Indexed', () => {
    expect(errorOf({ completionMode: 'Ordered' as CompletionMode }).prop).toBe('completionMode');
  });

  test('fails when podFailurePolicy is combined with restartPolicy OnFailure', () => {
    const e = errorOf({
      restartPolicy: JobRestartPolicy.ON_FAILURE,
      podFailurePolicy: [{ action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] }],
    });
    expect(e.prop).toBe('podFailurePolicy');
    expect(e.message).toMatch(/requires `restartPolicy: JobRestartPolicy.NEVER`/);
  });

  test('fails when restartPolicy is Always (JavaScript callers can pass it)', () => {
    const e = errorOf({ restartPolicy: 'Always' as JobRestartPolicy });
    expect(e.prop).toBe('restartPolicy');
    expect(e.message).toMatch(/must be "Never" or "OnFailure" for a Job, got "Always"; the API server rejects "Always"/);
  });

  test('fails when restartPolicy is not a Job restart policy', () => {
    expect(errorOf({ restartPolicy: 'Sometimes' as JobRestartPolicy }).prop).toBe('restartPolicy');
  });

  test('fails when backoffLimit is negative', () => {
    expect(errorOf({ backoffLimit: -1 }).prop).toBe('backoffLimit');
  });

  test('fails when ttlAfterFinished is negative (only a duck-typed Duration can be; cdk8s Durations refuse)', () => {
    expect(() => Duration.seconds(-1)).toThrow(/cannot be negative/);
    const negative = { toMilliseconds: () => -60000, toSeconds: () => -60, toHumanString: () => '-60 seconds' } as unknown as Duration;
    expect(errorOf({ ttlAfterFinished: negative }).message).toMatch(/`ttlAfterFinished` must be at least 0 seconds, got "-60 seconds"/);
  });

  test('fails when ttlAfterFinished is not whole seconds', () => {
    expect(errorOf({ ttlAfterFinished: Duration.millis(1500) }).message).toMatch(/`ttlAfterFinished` must be a whole number of seconds, got "1 second 500 millis"/);
  });

  test('fails when ttlAfterFinished exceeds int32 seconds', () => {
    expect(errorOf({ ttlAfterFinished: Duration.days(30000) }).prop).toBe('ttlAfterFinished');
  });

  test('fails when activeDeadline is negative (duck-typed) or zero', () => {
    const negative = { toSeconds: () => -5, toHumanString: () => '-5 seconds' } as unknown as Duration;
    expect(errorOf({ activeDeadline: negative }).prop).toBe('activeDeadline');
    expect(errorOf({ activeDeadline: Duration.seconds(0) }).message).toMatch(/`activeDeadline` must be at least 1 second, got "0 seconds"; a 0 s deadline fails the Job as soon as it starts/);
  });

  test('fails when activeDeadline is not whole seconds', () => {
    expect(errorOf({ activeDeadline: Duration.millis(200) }).prop).toBe('activeDeadline');
  });

  test('fails when a duration is below a millisecond, with a ValidationError instead of cdk8s\'s bare error', () => {
    expect(errorOf({ activeDeadline: Duration.millis(0.5) }).message)
      .toBe('test/job: `activeDeadline` must be a whole number of seconds, got "0.5 millis"; Kubernetes stores this field as an integer number of seconds; pass e.g. Duration.seconds(30)');
  });

  test('fails when terminationGracePeriod is not whole seconds (cdk8s-plus-27 would throw a bare error at synthesis)', () => {
    expect(errorOf({ terminationGracePeriod: Duration.millis(1500) }).message)
      .toMatch(/`terminationGracePeriod` must be a whole number of seconds, got "1 second 500 millis"/);
    expect(errorOf({ terminationGracePeriod: Duration.millis(0.5) }).prop).toBe('terminationGracePeriod');
  });

  test('fails when a JavaScript caller passes a number where a Duration belongs', () => {
    expect(errorOf({ activeDeadline: 600 as unknown as Duration }).message)
      .toBe('test/job: `activeDeadline` must be a whole number of seconds, got 600; Kubernetes stores this field as an integer number of seconds; pass e.g. Duration.seconds(30)');
  });

  test('fails when a podFailurePolicy rule sets both onExitCodes and onPodConditions', () => {
    const e = errorOf({
      podFailurePolicy: [{
        action: PodFailurePolicyAction.FAIL_JOB,
        onExitCodes: { operator: ExitCodeOperator.IN, values: [1] },
        onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }],
      }],
    });
    expect(e.message).toMatch(/`podFailurePolicy\[0\]` must set exactly one of `onExitCodes` and `onPodConditions`, got "both"/);
  });

  test('fails when a podFailurePolicy rule sets neither onExitCodes nor onPodConditions', () => {
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.FAIL_JOB }] }).message).toMatch(/got "neither"/);
  });

  test('fails when an In rule lists exit code 0', () => {
    const e = errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { operator: ExitCodeOperator.IN, values: [0, 1] } }] });
    expect(e.prop).toBe('podFailurePolicy[0].onExitCodes.values');
    expect(e.message).toMatch(/must not contain 0 with the In operator/);
  });

  test('fails when a rule repeats an exit code', () => {
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.COUNT, onExitCodes: { operator: ExitCodeOperator.IN, values: [3, 3] } }] }).message)
      .toMatch(/must not repeat an exit code, got 3/);
  });

  test('fails when a rule lists an exit code outside 0-255', () => {
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.COUNT, onExitCodes: { operator: ExitCodeOperator.IN, values: [256] } }] }).prop)
      .toBe('podFailurePolicy[0].onExitCodes.values');
  });

  test('fails when a rule lists no exit codes', () => {
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.COUNT, onExitCodes: { operator: ExitCodeOperator.IN, values: [] } }] }).message)
      .toMatch(/must list 1 to 255 exit codes/);
  });

  test('fails when a rule names a container the template does not have', () => {
    const e = errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'main', operator: ExitCodeOperator.IN, values: [1] } }] });
    expect(e.message).toMatch(/`podFailurePolicy\[0\].onExitCodes.containerName` must be one of the container or init container names of the template, got "main"; the names are "worker"/);
  });

  test('fails when a rule has an unknown action or operator', () => {
    expect(errorOf({ podFailurePolicy: [{ action: 'FailIndex' as PodFailurePolicyAction, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] }] }).message)
      .toMatch(/FailIndex arrives in 1.28/);
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.COUNT, onExitCodes: { operator: 'Exists' as ExitCodeOperator, values: [1] } }] }).prop)
      .toBe('podFailurePolicy[0].onExitCodes.operator');
  });

  test('fails when a condition pattern has an invalid type or status', () => {
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.of('not a name') }] }] }).prop)
      .toBe('podFailurePolicy[0].onPodConditions[0].type');
    expect(errorOf({ podFailurePolicy: [{ action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET, status: 'Yes' as PodConditionStatus }] }] }).prop)
      .toBe('podFailurePolicy[0].onPodConditions[0].status');
  });

  test('fails when podFailurePolicy is empty or has more than 20 rules', () => {
    expect(errorOf({ podFailurePolicy: [] }).message).toMatch(/must list at least one rule/);
    const rule = { action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] };
    expect(errorOf({ podFailurePolicy: Array(21).fill(rule) }).message).toMatch(/must have at most 20 rules, got "21 rules"/);
  });

  test('fails when the name is longer than 63 characters', () => {
    const e = errorOf({}, 'a'.repeat(64));
    expect(e.prop).toBe('metadata.name');
    expect(e.message).toMatch(/must be at most 63 characters, got "a{64}"; the Job controller puts the name in the pods' `job-name` label/);
  });

  test('a generated name stays within 63 characters (cdk8s truncates it)', () => {
    const batch = new BatchJob(newChart(), 'x'.repeat(70), { containers: [CONTAINER] });
    expect(batch.name.length).toBeLessThanOrEqual(63);
  });

  test.each(['Backup', 'backup_job', '-backup', 'backup-', 'back..up'])('fails when the name %p is not a DNS-1123 subdomain', (name) => {
    expect(errorOf({}, name).message).toMatch(/`metadata.name` must be a DNS-1123 subdomain/);
  });

  test('fails when an Indexed Job name leaves no room for the pod hostname <name>-<index>', () => {
    const e = errorOf({ completionMode: CompletionMode.INDEXED, completions: 10 }, 'a'.repeat(62));
    expect(e.message).toMatch(/must leave room for the Indexed pod hostname "<job name>-<index>"/);
    // 61 characters + "-9" fits.
    expect(jobOf({ completionMode: CompletionMode.INDEXED, completions: 10 }, 'a'.repeat(61)).spec.completions).toBe(10);
  });

  test('fails when an Indexed Job name contains a dot (hostnames are DNS labels)', () => {
    expect(errorOf({ completionMode: CompletionMode.INDEXED, completions: 2 }, 'etl.v2').prop).toBe('metadata.name');
    expect(jobOf({}, 'etl.v2').metadata.name).toBe('etl.v2');
  });

  test('fails when a JavaScript caller uses a prop cdk8s-plus-27 would drop', () => {
    const e = errorOf({ activeDeadlineSeconds: 600 } as any);
    expect(e.message).toBe('test/job: `activeDeadlineSeconds` is not a prop of this construct and would be ignored, got 600; use `activeDeadline: Duration.seconds(n)`');
    expect(errorOf({ ttlSecondsAfterFinished: 60 } as any).prop).toBe('ttlSecondsAfterFinished');
    expect(errorOf({ selector: {} } as any).message).toMatch(/the known props are/);
  });

  test('fails when a container uses an unknown prop', () => {
    const e = errorOf({ containers: [{ ...CONTAINER, env: [{ name: 'A', value: 'b' }] } as any] });
    expect(e.prop).toBe('containers[0].env');
    expect(e.message).toMatch(/use `envVariables` .* or `secretEnv`/);
  });

  test('fails when a credential is passed as a literal environment variable', () => {
    const e = errorOf({ containers: [{ ...CONTAINER, envVariables: { DB_PASSWORD: kplus.EnvValue.fromValue('hunter2') } }] });
    expect(e.prop).toBe('containers[0].envVariables.DB_PASSWORD');
    expect(e.message).not.toMatch(/hunter2/);
    expect(e.message).toMatch(/read it from a Secret instead/);
  });

  test('fails when secretEnv repeats a variable of envVariables', () => {
    expect(errorOf({
      containers: [{ ...CONTAINER, envVariables: { URL: kplus.EnvValue.fromValue('x') }, secretEnv: { URL: { secretName: 's', key: 'k' } } }],
    }).prop).toBe('containers[0].secretEnv.URL');
  });

  test('fails when a secretEnv reference is not a valid Secret name or key', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, secretEnv: { URL: { secretName: 'Db_Secret', key: 'url' } } }] }).prop).toBe('containers[0].secretEnv.URL.secretName');
    expect(errorOf({ containers: [{ ...CONTAINER, secretEnv: { URL: { secretName: 'db', key: 'a/b' } } }] }).prop).toBe('containers[0].secretEnv.URL.key');
  });

  test('fails when a secretEnv key is ".", ".." or starts with ".." (IsConfigMapKey), in StatefulDatabase\'s words', () => {
    for (const key of ['.', '..', '..data']) {
      expect(errorOf({ containers: [{ ...CONTAINER, secretEnv: { URL: { secretName: 'db', key } } }] }).message)
        .toBe(`test/job: \`containers[0].secretEnv.URL.key\` must be a Secret key (at most 253 letters, digits, "-", "_" and ".", and not ".", ".." or starting with ".."), got ${JSON.stringify(key)}`);
    }
    expect(jobOf({ containers: [{ ...CONTAINER, secretEnv: { URL: { secretName: 'db', key: '.url' } } }] }).spec.template.spec.containers[0].env)
      .toEqual([{ name: 'URL', valueFrom: { secretKeyRef: { name: 'db', key: '.url', optional: false } } }]);
  });

  test('fails when an environment variable name is invalid', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, secretEnv: { '1URL': { secretName: 'db', key: 'url' } } }] }).prop).toBe('containers[0].secretEnv.1URL');
    expect(errorOf({ containers: [{ ...CONTAINER, envVariables: { '..X': kplus.EnvValue.fromValue('x') } }] }).message)
      .toBe('test/job: `containers[0].envVariables...X` must be an environment variable name (letters, digits, "_", "-" and ".", not starting with a digit, and not ".", ".." or starting with ".."), got "..X"');
    expect(errorOf({ initContainers: [{ name: 'init', image: 'busybox:1.36', secretEnv: { '.': { secretName: 'db', key: 'url' } } }] }).prop)
      .toBe('initContainers[0].secretEnv..');
  });

  test('fails when there is no container', () => {
    expect(errorOf({ containers: [] }).prop).toBe('containers');
  });

  test('fails when container names repeat or are not DNS labels', () => {
    expect(errorOf({ containers: [CONTAINER, { ...CONTAINER }] }).message).toMatch(/`containers\[1\].name` must be unique/);
    expect(errorOf({ containers: [{ ...CONTAINER, name: 'Worker' }] }).prop).toBe('containers[0].name');
    expect(errorOf({ initContainers: [{ name: 'worker', image: 'busybox:1.36' }] }).prop).toBe('initContainers[0].name');
  });

  test('fails when a container has no image', () => {
    expect(errorOf({ containers: [{ name: 'worker', image: '' }] }).prop).toBe('containers[0].image');
  });

  test('fails when an image reference has white space, in StatefulDatabase\'s and NodeAgent\'s words', () => {
    expect(errorOf({ containers: [{ name: 'worker', image: 'nginx latest' }] }).message)
      .toBe('test/job: `containers[0].image` must be a non-empty image reference without whitespace, got "nginx latest"');
    expect(errorOf({ initContainers: [{ name: 'init', image: ' busybox:1.36' }] }).prop).toBe('initContainers[0].image');
  });

  test('fails when running as root is asked for while runAsNonRoot stays on', () => {
    expect(errorOf({ securityContext: { user: 0 } }).prop).toBe('securityContext.user');
    expect(errorOf({ containers: [{ ...CONTAINER, securityContext: { user: 0 } }] }).prop).toBe('containers[0].securityContext.user');
  });

  test('fails when a CPU, memory or ephemeral-storage request is above its limit (the API server rejects it), in the other constructs\' words', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, resources: { cpu: { request: kplus.Cpu.units(2), limit: kplus.Cpu.millis(500) } } }] }).message)
      .toBe('test/job: `containers[0].resources.cpu.request` must be less than or equal to the cpu limit, got "2"; the limit is 500m; the API server rejects a request above its limit');
    expect(errorOf({ containers: [{ ...CONTAINER, resources: { memory: { request: Size.gibibytes(1), limit: Size.mebibytes(512) } } }] }).prop)
      .toBe('containers[0].resources.memory.request');
    expect(errorOf({ initContainers: [{ name: 'init', image: 'busybox:1.36', resources: { ephemeralStorage: { request: Size.gibibytes(2), limit: Size.gibibytes(1) } } }] }).prop)
      .toBe('initContainers[0].resources.ephemeralStorage.request');
  });

  test('fails when memory is not whole MiB or a CPU amount is negative (cdk8s-plus-27 or the API server would fail later)', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, resources: { memory: { limit: Size.kibibytes(1536) } } }] }).message)
      .toMatch(/`containers\[0\]\.resources\.memory\.limit` must be a whole number of MiB, got "1536Ki"/);
    expect(errorOf({ containers: [{ ...CONTAINER, resources: { cpu: { limit: kplus.Cpu.units(-1) } } }] }).prop).toBe('containers[0].resources.cpu.limit');
  });

  test('a probe on a declared port is kept as written', () => {
    const container = jobOf({
      containers: [{ ...CONTAINER, portNumber: 8080, liveness: kplus.Probe.fromHttpGet('/healthz', { periodSeconds: Duration.seconds(30) }) }],
    }).spec.template.spec.containers[0];
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 30 });
  });

  test('fails when a probe targets a port the container does not declare, as in NodeAgent', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, liveness: kplus.Probe.fromHttpGet('/healthz') }] }).message).toBe(
      'test/job: `containers[0].liveness.port` must be a port the container exposes (it exposes none), got 80; pass `port` to the Probe (cdk8s-plus-27 probes the first declared port, or 80, when none is given) or declare the port in `ports`');
    expect(errorOf({ containers: [{ ...CONTAINER, portNumber: 8080, readiness: kplus.Probe.fromTcpSocket({ port: 9090 }) }] }).prop)
      .toBe('containers[0].readiness.port');
  });

  test('fails when probe timings are not whole seconds or a liveness successThreshold is not 1 (cdk8s-plus-27 or the API server would fail)', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, liveness: kplus.Probe.fromCommand(['true'], { periodSeconds: Duration.millis(1500) }) }] }).message)
      .toMatch(/`containers\[0\]\.liveness\.periodSeconds` must be a whole number of seconds, got "1 second 500 millis"/);
    expect(errorOf({ containers: [{ ...CONTAINER, startup: kplus.Probe.fromCommand(['true'], { successThreshold: 2 }) }] }).prop)
      .toBe('containers[0].startup.successThreshold');
  });

  test('fails when an init container has a probe', () => {
    expect(errorOf({ initContainers: [{ name: 'init', image: 'busybox:1.36', readiness: kplus.Probe.fromCommand(['true']) }] }).prop).toBe('initContainers[0].readiness');
  });

  test('fails when another volume is named tmp', () => {
    const chart = newChart();
    const other = kplus.Volume.fromEmptyDir(chart, 'Other', 'tmp');
    expect(() => new BatchJob(chart, 'job', { metadata: { name: 'work' }, containers: [{ ...CONTAINER, volumeMounts: [{ path: '/scratch', volume: other }] }] }))
      .toThrow(/`volumes` must not contain another volume named "tmp"/);
  });

  test('fails when suspend is not a boolean', () => {
    expect(errorOf({ suspend: 'yes' as unknown as boolean }).prop).toBe('suspend');
  });
});

describe('synthesized manifests', () => {
  function fullChart() {
    const chart = newChart('production');
    new BatchJob(chart, 'migration', {
      metadata: { name: 'db-migration' },
      backoffLimit: 3,
      activeDeadline: Duration.seconds(600),
      ttlAfterFinished: Duration.hours(1),
      completions: 4,
      parallelism: 2,
      completionMode: CompletionMode.INDEXED,
      suspend: false,
      podFailurePolicy: [
        { action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] },
        { action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'migration', operator: ExitCodeOperator.IN, values: [42] } },
      ],
      initContainers: [{ name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z postgres-service 5432; do sleep 2; done'] }],
      containers: [{
        name: 'migration', image: 'my-app:1.2.3', command: ['python', 'manage.py', 'migrate'],
        secretEnv: { DATABASE_URL: { secretName: 'db-secret', key: 'url' } },
      }],
    });
    return chart;
  }

  test('a Job using every option passes the strict Kubernetes 1.27 schema check', () => {
    expect(schemaIssues(synth(fullChart()))).toEqual([]);
  });

  test('the default Job passes the strict Kubernetes 1.27 schema check', () => {
    const chart = newChart();
    new BatchJob(chart, 'job', { containers: [CONTAINER] });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('snapshot: every option', () => {
    expect(synth(fullChart())).toMatchSnapshot();
  });

  test('snapshot: defaults', () => {
    const chart = newChart();
    new BatchJob(chart, 'job', { metadata: { name: 'work' }, containers: [CONTAINER] });
    expect(synth(chart)).toMatchSnapshot();
  });
});
