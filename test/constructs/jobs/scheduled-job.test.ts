import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  CompletionMode, ConcurrencyPolicy, ExitCodeOperator, JobRestartPolicy, PodConditionType, PodFailurePolicyAction,
  Schedule, ScheduledJob, ScheduledJobProps,
} from '../../../lib';
import { ValidationError } from '../../../lib/constructs/_shared/errors';
import { validationErrorOf } from '../../helpers/errors';
import { Manifest, newChart, only, schemaIssues, synth } from '../../helpers/synth';

const CONTAINER = { name: 'reporter', image: 'my-reporter:latest', command: ['python', 'generate_report.py'] };

/** Synthesizes one ScheduledJob in a fresh chart and returns its CronJob manifest. */
function cronJobOf(props: Partial<ScheduledJobProps> = {}, name = 'report'): Manifest {
  const chart = newChart('batch');
  new ScheduledJob(chart, 'cron', { metadata: { name }, schedule: '0 2 * * *', containers: [CONTAINER], ...props });
  return only(synth(chart), 'CronJob');
}

/** The error a ScheduledJob with these props throws. */
function errorOf(props: Partial<ScheduledJobProps>, name = 'report'): ValidationError {
  return validationErrorOf(() => new ScheduledJob(newChart('batch'), 'cron', {
    metadata: { name }, schedule: '0 2 * * *', containers: [CONTAINER], ...props,
  } as ScheduledJobProps));
}

test('ApiObject.of() on a ScheduledJob returns the CronJob (its default child is the workload)', () => {
  const chart = newChart();
  const scheduled = new ScheduledJob(chart, 'cron', { metadata: { name: 'report' }, schedule: '0 2 * * *', containers: [CONTAINER] });
  const obj = ApiObject.of(scheduled);
  expect(obj.kind).toBe('CronJob');
  expect(obj.name).toBe('report');
  expect(scheduled.node.defaultChild).toBe(scheduled.cronJob);
  expect(scheduled.node.tryFindChild('Default')).toBeUndefined();

  obj.addJsonPatch(JsonPatch.add('/spec/jobTemplate/spec/template/spec/priorityClassName', 'batch-low'));
  expect(only(synth(chart), 'CronJob').spec.jobTemplate.spec.template.spec.priorityClassName).toBe('batch-low');
});

describe('defaults', () => {
  const spec = cronJobOf().spec;
  const jobSpec = spec.jobTemplate.spec;
  const pod = jobSpec.template.spec;

  test('Forbid, history limits 3 and 1 written out, not suspended, no time zone (UTC), no starting deadline', () => {
    expect(spec.schedule).toBe('0 2 * * *');
    expect(spec.concurrencyPolicy).toBe('Forbid');
    expect(spec.successfulJobsHistoryLimit).toBe(3);
    expect(spec.failedJobsHistoryLimit).toBe(1);
    expect(spec.suspend).toBe(false);
    expect(spec).not.toHaveProperty('timeZone');
    // cdk8s-plus-27 would write startingDeadlineSeconds: 10.
    expect(spec).not.toHaveProperty('startingDeadlineSeconds');
  });

  test('the job template never gets a TTL: the history limits clean up', () => {
    expect(jobSpec).not.toHaveProperty('ttlSecondsAfterFinished');
  });

  test('the job template has the BatchJob defaults', () => {
    expect(pod.restartPolicy).toBe('Never');
    expect(jobSpec.backoffLimit).toBe(6);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  test('a pinned image in the job template is pulled IfNotPresent, as Kubernetes defaults it', () => {
    const pinned = cronJobOf({ containers: [{ ...CONTAINER, image: 'my-reporter:2.1' }] }).spec.jobTemplate.spec.template.spec.containers[0];
    expect(pinned.imagePullPolicy).toBe('IfNotPresent');
    expect(pod.containers[0].imagePullPolicy).toBe('Always'); // my-reporter:latest
  });

  test('the resolved values are exposed', () => {
    const scheduled = new ScheduledJob(newChart(), 'cron', { schedule: '@hourly', containers: [CONTAINER] });
    expect(scheduled.concurrencyPolicy).toBe(ConcurrencyPolicy.FORBID);
    expect(scheduled.successfulJobsHistoryLimit).toBe(3);
    expect(scheduled.failedJobsHistoryLimit).toBe(1);
    expect(scheduled.suspend).toBe(false);
    expect(scheduled.startingDeadline).toBeUndefined();
    expect(scheduled.timeZone).toBeUndefined();
    expect(scheduled.schedule).toBeInstanceOf(Schedule);
    expect(scheduled.schedule.expression).toBe('@hourly');
    expect(scheduled.restartPolicy).toBe(JobRestartPolicy.NEVER);
    expect(scheduled.backoffLimit).toBe(6);
    expect(scheduled.completionMode).toBe(CompletionMode.NON_INDEXED);
    expect(scheduled.name).toBe('test-cron');
    expect(scheduled.cronJob).toBeInstanceOf(kplus.CronJob);
  });
});

describe('props', () => {
  test('schedule as a string, a parsed Schedule, or the typed builder', () => {
    expect(cronJobOf({ schedule: '*/15 * * * *' }).spec.schedule).toBe('*/15 * * * *');
    expect(cronJobOf({ schedule: Schedule.parse('@every 1h30m') }).spec.schedule).toBe('@every 1h30m');
    expect(cronJobOf({ schedule: Schedule.cron({ minute: '0', hour: '9', weekDay: '1-5' }) }).spec.schedule).toBe('0 9 * * 1-5');
  });

  test('timeZone, given directly or through the Schedule', () => {
    expect(cronJobOf({ timeZone: 'Asia/Seoul' }).spec.timeZone).toBe('Asia/Seoul');
    expect(cronJobOf({ schedule: Schedule.parse('0 9 * * 1-5', { timeZone: 'Europe/Berlin' }) }).spec.timeZone).toBe('Europe/Berlin');
    expect(cronJobOf({ schedule: Schedule.parse('0 9 * * 1-5', { timeZone: 'Europe/Berlin' }), timeZone: 'Europe/Berlin' }).spec.timeZone).toBe('Europe/Berlin');
    const applied = new ScheduledJob(newChart(), 'cron', { schedule: Schedule.parse('0 9 * * *'), timeZone: 'Asia/Seoul', containers: [CONTAINER] });
    expect(applied.schedule.timeZone).toBe('Asia/Seoul');
  });

  test('concurrencyPolicy', () => {
    expect(cronJobOf({ concurrencyPolicy: ConcurrencyPolicy.ALLOW }).spec.concurrencyPolicy).toBe('Allow');
    expect(cronJobOf({ concurrencyPolicy: ConcurrencyPolicy.REPLACE }).spec.concurrencyPolicy).toBe('Replace');
  });

  test('startingDeadline', () => {
    expect(cronJobOf({ startingDeadline: Duration.seconds(200) }).spec.startingDeadlineSeconds).toBe(200);
    expect(cronJobOf({ startingDeadline: Duration.seconds(10) }).spec.startingDeadlineSeconds).toBe(10);
  });

  test('history limits, including 0', () => {
    const spec = cronJobOf({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 3 }).spec;
    expect(spec.successfulJobsHistoryLimit).toBe(0);
    expect(spec.failedJobsHistoryLimit).toBe(3);
  });

  test('suspend', () => {
    expect(cronJobOf({ suspend: true }).spec.suspend).toBe(true);
  });

  test('every job template option reaches jobTemplate.spec', () => {
    const jobSpec = cronJobOf({
      completions: 4,
      parallelism: 2,
      completionMode: CompletionMode.INDEXED,
      backoffLimit: 2,
      activeDeadline: Duration.minutes(30),
      podFailurePolicy: [
        { action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] },
        { action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'reporter', operator: ExitCodeOperator.IN, values: [2] } },
      ],
      initContainers: [{ name: 'wait', image: 'busybox:1.36' }],
      containers: [{ ...CONTAINER, secretEnv: { DATABASE_URL: { secretName: 'db-secret', key: 'url' } } }],
    }).spec.jobTemplate.spec;
    expect(jobSpec).toMatchObject({
      completions: 4,
      parallelism: 2,
      completionMode: 'Indexed',
      backoffLimit: 2,
      activeDeadlineSeconds: 1800,
      podFailurePolicy: {
        rules: [
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          { action: 'FailJob', onPodConditions: [], onExitCodes: { containerName: 'reporter', operator: 'In', values: [2] } },
        ],
      },
    });
    expect(jobSpec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['wait']);
    expect(jobSpec.template.spec.containers[0].env).toEqual([
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'url', optional: false } } },
    ]);
  });

  test('restartPolicy OnFailure in the job template', () => {
    expect(cronJobOf({ restartPolicy: JobRestartPolicy.ON_FAILURE }).spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
  });

  test('a 52-character name is accepted', () => {
    expect(cronJobOf({}, 'a'.repeat(52)).metadata.name).toHaveLength(52);
  });
});

describe('nextRuns', () => {
  test('daily-report (0 9 * * 1-5 in Asia/Seoul) runs at 00:00Z Monday to Friday', () => {
    const scheduled = new ScheduledJob(newChart(), 'cron', {
      metadata: { name: 'daily-report' }, schedule: '0 9 * * 1-5', timeZone: 'Asia/Seoul', containers: [CONTAINER],
    });
    // Sunday 2023-12-31 12:00Z; the next five runs are Mon 2024-01-01 … Fri 2024-01-05 at 09:00 KST.
    const runs = scheduled.nextRuns(6, new Date('2023-12-31T12:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2024-01-01T00:00:00.000Z',
      '2024-01-02T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
      '2024-01-04T00:00:00.000Z',
      '2024-01-05T00:00:00.000Z',
      '2024-01-08T00:00:00.000Z',
    ]);
  });

  test('runs are strictly after `from`', () => {
    const scheduled = new ScheduledJob(newChart(), 'cron', { schedule: '*/1 * * * *', containers: [CONTAINER] });
    expect(scheduled.nextRuns(2, new Date('2022-09-14T03:12:00Z')).map((d) => d.toISOString()))
      .toEqual(['2022-09-14T03:13:00.000Z', '2022-09-14T03:14:00.000Z']);
  });

  test('no timeZone means UTC', () => {
    const scheduled = new ScheduledJob(newChart(), 'cron', { schedule: '0 2 * * *', containers: [CONTAINER] });
    expect(scheduled.nextRuns(1, new Date('2024-03-10T12:00:00Z'))[0].toISOString()).toBe('2024-03-11T02:00:00.000Z');
  });

  test('a local time skipped by a DST change does not run that day', () => {
    const scheduled = new ScheduledJob(newChart(), 'cron', { schedule: '30 2 * * *', timeZone: 'America/New_York', containers: [CONTAINER] });
    const runs = scheduled.nextRuns(3, new Date('2023-03-11T00:00:00Z')).map((d) => d.toISOString());
    // 2023-03-11 02:30 EST = 07:30Z; 2023-03-12 02:30 does not exist; 2023-03-13 02:30 EDT = 06:30Z.
    expect(runs).toEqual(['2023-03-11T07:30:00.000Z', '2023-03-13T06:30:00.000Z', '2023-03-14T06:30:00.000Z']);
  });
});

describe('validation', () => {
  test('fails when the schedule does not parse, with the robfig-style reason', () => {
    const e = errorOf({ schedule: '99 * * * *' });
    expect(e.prop).toBe('schedule');
    expect(e.message).toMatch(/^test\/cron: `schedule` is rejected by Kubernetes 1\.27: end of range \(99\) above maximum \(59\): 99, got "99 \* \* \* \*"; /);
  });

  test.each([
    ['six fields', '0 0 2 * * *'],
    ['a Quartz L', '0 0 L * *'],
    ['7 for Sunday', '0 0 * * 7'],
    ['an empty string', ''],
    ['a TZ= prefix', 'TZ=Asia/Seoul 0 9 * * *'],
  ])('fails when the schedule has %s', (_what, schedule) => {
    expect(errorOf({ schedule }).prop).toBe('schedule');
  });

  test('fails when the time zone is unknown or not exact', () => {
    for (const timeZone of ['Mars/Olympus', 'asia/seoul', 'Local', '']) {
      const e = errorOf({ timeZone });
      expect(e.prop).toBe('timeZone');
      expect(e.message).toMatch(/`timeZone` is rejected by Kubernetes 1\.27: /);
    }
  });

  test('fails when the schedule can never fire', () => {
    const e = errorOf({ schedule: '0 0 30 2 *' });
    expect(e.message).toMatch(/`schedule` must fire at least once, got "0 0 30 2 \*"; Kubernetes accepts it, but the CronJob controller/);
  });

  test('fails when timeZone contradicts the Schedule\'s time zone', () => {
    const e = errorOf({ schedule: Schedule.parse('0 9 * * *', { timeZone: 'Asia/Seoul' }), timeZone: 'Europe/Berlin' });
    expect(e.prop).toBe('timeZone');
    expect(e.message).toMatch(/must match the time zone of the Schedule passed as `schedule` \(Asia\/Seoul\)/);
  });

  test('fails when the schedule is neither a string nor a Schedule', () => {
    expect(errorOf({ schedule: 5 as unknown as string }).prop).toBe('schedule');
  });

  test('fails when an image reference has white space (the job template\'s image check)', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, image: 'my-reporter latest' }] }).message)
      .toMatch(/`containers\[0\]\.image` must be a non-empty image reference without whitespace, got "my-reporter latest"/);
  });

  test('fails when a request is above its limit (the job template\'s resource check)', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, resources: { cpu: { request: kplus.Cpu.units(1), limit: kplus.Cpu.millis(250) } } }] }).message)
      .toMatch(/`containers\[0\]\.resources\.cpu\.request` must be less than or equal to the cpu limit, got "1"; the limit is 250m/);
  });

  test('fails when a probe targets a port the container does not declare (the job template\'s probe check)', () => {
    expect(errorOf({ containers: [{ ...CONTAINER, readiness: kplus.Probe.fromTcpSocket() }] }).message)
      .toMatch(/`containers\[0\]\.readiness\.port` must be a port the container exposes \(it exposes none\), got 80/);
  });

  test('fails when a secretEnv key starts with ".." (the job template\'s IsConfigMapKey check)', () => {
    const e = errorOf({ containers: [{ ...CONTAINER, secretEnv: { URL: { secretName: 'db', key: '..data' } } }] });
    expect(e.prop).toBe('containers[0].secretEnv.URL.key');
    expect(e.message).toMatch(/must be a Secret key \(.*not "\.", "\.\." or starting with "\.\."\), got "\.\.data"/);
  });

  test('fails when startingDeadline is under 10 seconds', () => {
    const e = errorOf({ startingDeadline: Duration.seconds(9) });
    expect(e.message).toBe('test/cron: `startingDeadline` must be at least 10 seconds, got "9 seconds"; the CronJob controller may not get to a run within a shorter window and then skips it silently');
  });

  test('fails when startingDeadline is not whole seconds', () => {
    expect(errorOf({ startingDeadline: Duration.millis(10500) }).prop).toBe('startingDeadline');
  });

  test('fails when a history limit is negative', () => {
    expect(errorOf({ successfulJobsHistoryLimit: -1 }).prop).toBe('successfulJobsHistoryLimit');
    expect(errorOf({ failedJobsHistoryLimit: -1 }).prop).toBe('failedJobsHistoryLimit');
    expect(errorOf({ failedJobsHistoryLimit: 1.5 }).prop).toBe('failedJobsHistoryLimit');
  });

  test('fails when a ttl is given for the job template (JavaScript callers can pass one)', () => {
    const e = errorOf({ ttlAfterFinished: Duration.hours(1) } as any);
    expect(e.prop).toBe('ttlAfterFinished');
    expect(e.message).toMatch(/cannot be set on a ScheduledJob's job template/);
  });

  test('fails when cdk8s-plus spellings that it would otherwise take are used', () => {
    expect(errorOf({ successfulJobsRetained: 5 } as any).message).toMatch(/`successfulJobsRetained` is not a prop of this construct and would be ignored, got 5; use `successfulJobsHistoryLimit`/);
    expect(errorOf({ startingDeadlineSeconds: 200 } as any).prop).toBe('startingDeadlineSeconds');
  });

  test('fails when concurrencyPolicy is not Allow, Forbid or Replace', () => {
    expect(errorOf({ concurrencyPolicy: 'Queue' as ConcurrencyPolicy }).prop).toBe('concurrencyPolicy');
  });

  test('fails when suspend is not a boolean', () => {
    expect(errorOf({ suspend: 1 as unknown as boolean }).prop).toBe('suspend');
  });

  test('fails when the name is longer than 52 characters', () => {
    const e = errorOf({}, 'a'.repeat(53));
    expect(e.prop).toBe('metadata.name');
    expect(e.message).toMatch(/must be at most 52 characters, got "a{53}"; the CronJob controller names its Jobs "<name>-<minutes since epoch>"/);
  });

  test('a generated name stays within 52 characters (cdk8s shortens generated CronJob names)', () => {
    const pipeline = new Construct(new Construct(newChart(), 'a'.repeat(30)), 'b'.repeat(30));
    const scheduled = new ScheduledJob(pipeline, 'c'.repeat(30), { schedule: '@daily', containers: [CONTAINER] });
    expect(scheduled.name.length).toBeLessThanOrEqual(52);
  });

  test.each(['Daily-Report', 'daily_report', 'daily-report-'])('fails when the name %p is not a DNS-1123 subdomain', (name) => {
    expect(errorOf({}, name).message).toMatch(/`metadata.name` must be a DNS-1123 subdomain/);
  });

  test('fails when an Indexed job template leaves no room for <name>-<minute>-<index> hostnames', () => {
    // 52 + "-" + 8 digits = 61, "-9" makes 63: fits; "-10" would not.
    expect(cronJobOf({ completionMode: CompletionMode.INDEXED, completions: 10 }, 'a'.repeat(52)).spec.jobTemplate.spec.completions).toBe(10);
    expect(errorOf({ completionMode: CompletionMode.INDEXED, completions: 11 }, 'a'.repeat(52)).prop).toBe('metadata.name');
  });

  test('fails when a job template option is invalid (shared BatchJob validation)', () => {
    expect(errorOf({ completions: -1 }).prop).toBe('completions');
    expect(errorOf({ completionMode: CompletionMode.INDEXED }).prop).toBe('completions');
    expect(errorOf({
      restartPolicy: JobRestartPolicy.ON_FAILURE,
      podFailurePolicy: [{ action: PodFailurePolicyAction.IGNORE, onPodConditions: [{ type: PodConditionType.DISRUPTION_TARGET }] }],
    }).prop).toBe('podFailurePolicy');
    expect(errorOf({ restartPolicy: 'Always' as JobRestartPolicy }).prop).toBe('restartPolicy');
  });
});

describe('synthesized manifests', () => {
  function fullChart() {
    const chart = newChart('production');
    new ScheduledJob(chart, 'daily-report', {
      metadata: { name: 'daily-report' },
      schedule: Schedule.cron({ minute: '0', hour: '9', weekDay: '1-5' }),
      timeZone: 'Asia/Seoul',
      concurrencyPolicy: ConcurrencyPolicy.FORBID,
      startingDeadline: Duration.minutes(5),
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      suspend: false,
      backoffLimit: 2,
      activeDeadline: Duration.hours(1),
      completions: 2,
      parallelism: 2,
      completionMode: CompletionMode.INDEXED,
      podFailurePolicy: [{ action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'reporter', operator: ExitCodeOperator.IN, values: [3] } }],
      containers: [{ ...CONTAINER, secretEnv: { DATABASE_URL: { secretName: 'db-secret', key: 'url' } } }],
    });
    return chart;
  }

  test('a CronJob using every option passes the strict Kubernetes 1.27 schema check', () => {
    expect(schemaIssues(synth(fullChart()))).toEqual([]);
  });

  test('the default CronJob passes the strict Kubernetes 1.27 schema check', () => {
    const chart = newChart();
    new ScheduledJob(chart, 'cron', { schedule: '@daily', containers: [CONTAINER] });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('snapshot: every option', () => {
    expect(synth(fullChart())).toMatchSnapshot();
  });

  test('snapshot: defaults', () => {
    const chart = newChart();
    new ScheduledJob(chart, 'cron', { metadata: { name: 'report' }, schedule: '0 2 * * *', containers: [CONTAINER] });
    expect(synth(chart)).toMatchSnapshot();
  });
});
