/**
 * Table-driven sync tests of the CronJob controller with the call-recording fakes, after kubernetes
 * `cronjob_controllerv2_test.go#TestControllerV2SyncCronJob`: hourly `0 * * * ?`, fixed instants
 * around 2016-05-19T10:00:00Z, a CronJob that either never ran (created 09:59) or ran before (created
 * 08:59, lastScheduleTime 09:01) with a Job still active or done. Each case cites the rule of
 * shared/reference/k8s-controller-semantics.md §5.4 it pins.
 */
import { StoreChange } from '../../../lib/simulator/cluster/store-types';
import { CronJobStatus, JobCondition, SimCronJob, SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { CronJobController } from '../../../lib/simulator/controllers/cron-job-controller';
import * as reconcile from '../../../lib/simulator/controllers/cron-job-reconcile';
import { jobFromTemplate } from '../../../lib/simulator/controllers/cron-job-reconcile';
import { jobNameFor } from '../../../lib/simulator/controllers/cron-job-utils';
import { Harness, harness, newCronJob } from '../../helpers/builders';
import { apiError, FakeContext, fakeContext } from '../../helpers/fakes';
import { epochMs, hours, justAfterTheHour, justBeforeTheHour, minutes, seconds, topOfTheHour, weekAfterTheHour } from '../../helpers/instants';

const START = epochMs('2016-05-19T08:00:00Z');
const sim = (epoch: number) => epoch - START;
const justAfterThePriorHour = epochMs('2016-05-19T09:01:00Z');
const justBeforeThePriorHour = epochMs('2016-05-19T08:59:00Z');
const shortDead = 10;
const mediumDead = 2 * 60 * 60;
const longDead = 1_000_000;
const ON_THE_HOUR = '0 * * * ?';
const NAME = 'mycronjob';
const KEY = 'snazzycats/mycronjob';

interface Case {
  // spec
  concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  suspend?: boolean;
  schedule?: string;
  timeZone?: string;
  deadline?: number;
  // status
  ranPreviously?: boolean;
  /** The previous Job is still running (and in status.active). */
  stillActive?: boolean;
  /** The previous Job is in status.active but has finished. */
  finishedButActive?: 'Complete' | 'Failed';
  /** Active ref whose Job no longer exists. */
  activeJobGone?: boolean;
  /** Name the previous Job after this instant. @default justAfterThePriorHour */
  jobTime?: number;
  // environment
  now: number;
  createError?: ReturnType<typeof apiError>;
  deleteError?: ReturnType<typeof apiError>;
  // expectations
  creates: string[];
  deletes?: string[];
  active: number;
  reasons: string[];
  requeueAfterMs?: number;
  error?: string;
  lastScheduleTime?: number | null;
}

const at10 = jobNameFor(NAME, topOfTheHour());
const prior = jobNameFor(NAME, justAfterThePriorHour);
const m59 = minutes(59) + 100;
const m1 = minutes(1) + 100;

const cases: Record<string, Case> = {
  // §5.4 step 4: unparseable → Warning, stop, no requeue.
  'never ran, not valid schedule, A': { concurrencyPolicy: 'Allow', schedule: 'obvious error schedule', now: justBeforeTheHour(), creates: [], active: 0, reasons: ['UnparseableSchedule'] },
  'never ran, not valid schedule, F': { concurrencyPolicy: 'Forbid', schedule: 'obvious error schedule', now: justBeforeTheHour(), creates: [], active: 0, reasons: ['UnparseableSchedule'] },
  // §5.3 requeue = Next(earliest) + 100 ms − now.
  'never ran, not time, A': { concurrencyPolicy: 'Allow', now: justBeforeTheHour(), creates: [], active: 0, reasons: [], requeueAfterMs: m1 },
  'never ran, not time, F': { concurrencyPolicy: 'Forbid', now: justBeforeTheHour(), creates: [], active: 0, reasons: [], requeueAfterMs: m1 },
  'never ran, not time, R': { concurrencyPolicy: 'Replace', now: justBeforeTheHour(), creates: [], active: 0, reasons: [], requeueAfterMs: m1 },
  // §5.4 steps 10–11.
  'never ran, is time, A': { concurrencyPolicy: 'Allow', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59, lastScheduleTime: sim(topOfTheHour()) },
  'never ran, is time, F': { concurrencyPolicy: 'Forbid', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  'never ran, is time, R': { concurrencyPolicy: 'Replace', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  // §5.4 step 3: suspended → stop without requeue.
  'never ran, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, now: justAfterTheHour(), creates: [], active: 0, reasons: [], lastScheduleTime: null },
  // §5.3: the deadline raises `earliest`, so the tick is skipped silently (no MissSchedule).
  'never ran, is time, past deadline': { concurrencyPolicy: 'Allow', deadline: shortDead, now: justAfterTheHour() + minutes(shortDead + 1), creates: [], active: 0, reasons: [], requeueAfterMs: minutes(48) + 100 },
  'never ran, is time, not past deadline': { concurrencyPolicy: 'Allow', deadline: longDead, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },

  'prev ran but done, not time, A': { concurrencyPolicy: 'Allow', ranPreviously: true, now: justBeforeTheHour(), creates: [], active: 0, reasons: [], requeueAfterMs: m1 },
  'prev ran but done, is time, A': { concurrencyPolicy: 'Allow', ranPreviously: true, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  'prev ran but done, is time, F': { concurrencyPolicy: 'Forbid', ranPreviously: true, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  'prev ran but done, is time, R': { concurrencyPolicy: 'Replace', ranPreviously: true, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  'prev ran but done, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, ranPreviously: true, now: justAfterTheHour(), creates: [], active: 0, reasons: [] },
  'prev ran but done, is time, past deadline': { concurrencyPolicy: 'Allow', deadline: shortDead, ranPreviously: true, now: justAfterTheHour(), creates: [], active: 0, reasons: [], requeueAfterMs: m59 },
  'prev ran but done, is time, not past deadline': { concurrencyPolicy: 'Allow', deadline: longDead, ranPreviously: true, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },

  'still active, not time, A': { concurrencyPolicy: 'Allow', ranPreviously: true, stillActive: true, now: justBeforeTheHour(), creates: [], active: 1, reasons: [], requeueAfterMs: m1 },
  'still active, is time, A': { concurrencyPolicy: 'Allow', ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [at10], active: 2, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },
  // §5.4 step 8: Forbid skips the tick and does not advance lastScheduleTime.
  'still active, is time, F': {
    concurrencyPolicy: 'Forbid', ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [], active: 1, reasons: ['JobAlreadyActive'],
    requeueAfterMs: m59, lastScheduleTime: sim(justAfterThePriorHour),
  },
  // §5.4 step 9: Replace deletes every active Job, then creates.
  'still active, is time, R': {
    concurrencyPolicy: 'Replace', ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [at10], deletes: [prior], active: 1,
    reasons: ['SuccessfulDelete', 'SuccessfulCreate'], requeueAfterMs: m59,
  },
  'still active, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [], active: 1, reasons: [] },
  'still active, is time, past deadline': { concurrencyPolicy: 'Allow', deadline: shortDead, ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [], active: 1, reasons: [], requeueAfterMs: m59 },
  'still active, is time, not past deadline': { concurrencyPolicy: 'Allow', deadline: longDead, ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [at10], active: 2, reasons: ['SuccessfulCreate'], requeueAfterMs: m59 },

  // §5.3: more than 100 missed → TooManyMissedTimes, and still one Job for the most recent tick.
  'prev ran but done, long overdue, not past deadline, A': {
    concurrencyPolicy: 'Allow', deadline: longDead, ranPreviously: true, now: weekAfterTheHour(), creates: [jobNameFor(NAME, weekAfterTheHour())], active: 1,
    reasons: ['TooManyMissedTimes', 'SuccessfulCreate'], requeueAfterMs: hours(1) + 100,
  },
  'prev ran but done, long overdue, no deadline, F': {
    concurrencyPolicy: 'Forbid', ranPreviously: true, now: weekAfterTheHour(), creates: [jobNameFor(NAME, weekAfterTheHour())], active: 1,
    reasons: ['TooManyMissedTimes', 'SuccessfulCreate'], requeueAfterMs: hours(1) + 100,
  },
  'prev ran but done, long overdue, past medium deadline, A': {
    concurrencyPolicy: 'Allow', deadline: mediumDead, ranPreviously: true, now: weekAfterTheHour(), creates: [jobNameFor(NAME, weekAfterTheHour())], active: 1,
    reasons: ['SuccessfulCreate'], requeueAfterMs: hours(1) + 100,
  },
  'prev ran but done, long overdue, past short deadline, R': {
    concurrencyPolicy: 'Replace', deadline: shortDead, ranPreviously: true, now: weekAfterTheHour(), creates: [jobNameFor(NAME, weekAfterTheHour())], active: 1,
    reasons: ['SuccessfulCreate'], requeueAfterMs: hours(1) + 100,
  },
  // §5.4 step 7: a Job for this tick is already active → nothing.
  'this started, in active, not past deadline, A': {
    concurrencyPolicy: 'Allow', deadline: longDead, ranPreviously: true, stillActive: true, jobTime: topOfTheHour() + 100, now: justAfterTheHour() + 100,
    creates: [], active: 1, reasons: [], requeueAfterMs: minutes(59),
  },

  // §5.4 step 1: an active Job that finished.
  'active job completed, not time': {
    concurrencyPolicy: 'Forbid', ranPreviously: true, finishedButActive: 'Complete', now: justBeforeTheHour(), creates: [], active: 0, reasons: ['SawCompletedJob'], requeueAfterMs: m1,
  },
  'active job failed, is time, F: starts the tick': {
    concurrencyPolicy: 'Forbid', ranPreviously: true, finishedButActive: 'Failed', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SawCompletedJob', 'SuccessfulCreate'], requeueAfterMs: m59,
  },
  // §5.4 step 2.
  'active job gone, is time, F': {
    concurrencyPolicy: 'Forbid', ranPreviously: true, activeJobGone: true, now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['MissingJob', 'SuccessfulCreate'], requeueAfterMs: m59,
  },
  // §5.4 step 3, §5.2.
  'unknown time zone': { concurrencyPolicy: 'Allow', timeZone: 'Mars/Olympus', now: justAfterTheHour(), creates: [], active: 0, reasons: ['UnknownTimeZone'] },
  'unknown time zone, suspended: the zone is checked first': { concurrencyPolicy: 'Allow', suspend: true, timeZone: 'Mars/Olympus', now: justAfterTheHour(), creates: [], active: 0, reasons: ['UnknownTimeZone'] },
  'time zone, is time in that zone': {
    concurrencyPolicy: 'Allow', schedule: '0 19 * * *', timeZone: 'Asia/Seoul', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['SuccessfulCreate'], requeueAfterMs: hours(23) + minutes(59) + 100,
  },
  // §5.1: 1.27 accepts TZ= in the schedule without spec.timeZone, with a warning on every sync.
  'TZ= in the schedule, is time': {
    concurrencyPolicy: 'Allow', schedule: 'TZ=Asia/Seoul 0 19 * * *', now: justAfterTheHour(), creates: [at10], active: 1, reasons: ['UnsupportedSchedule', 'SuccessfulCreate'], requeueAfterMs: hours(23) + minutes(59) + 100,
  },
  // §5.4 step 5 / cron-semantics "never-firing schedules": InvalidSchedule and no requeue.
  'never-firing schedule': { concurrencyPolicy: 'Allow', schedule: '0 0 30 2 *', now: justAfterTheHour(), creates: [], active: 0, reasons: ['InvalidSchedule'] },

  // §5.4 step 10 errors.
  'create fails': {
    concurrencyPolicy: 'Allow', now: justAfterTheHour(), createError: apiError('InternalError', 'etcdserver: request timed out'), creates: [], active: 0,
    reasons: ['FailedCreate'], error: 'etcdserver: request timed out', lastScheduleTime: null,
  },
  'Replace delete fails: no create': {
    concurrencyPolicy: 'Replace', ranPreviously: true, stillActive: true, now: justAfterTheHour(), deleteError: apiError('InternalError', 'etcdserver: leader changed'),
    creates: [], active: 1, reasons: ['FailedDelete'], error: 'etcdserver: leader changed', lastScheduleTime: sim(justAfterThePriorHour),
  },
  'a finished Job already has the name: AlreadyExists without an event': {
    concurrencyPolicy: 'Allow', ranPreviously: true, jobTime: topOfTheHour(), now: justAfterTheHour(), creates: [], active: 0, reasons: [],
    error: `jobs.batch "${at10}" already exists`,
  },
};

function setup(c: Case): { h: Harness; f: FakeContext; ctl: CronJobController; cj: SimCronJob; job?: SimJob } {
  const h = harness(undefined, START);
  const ranPreviously = c.ranPreviously ?? false;
  h.setNow(sim(ranPreviously ? justBeforeThePriorHour : justBeforeTheHour()));
  const cj = h.add(newCronJob(NAME, c.schedule ?? ON_THE_HOUR, {
    namespace: 'snazzycats',
    extra: {
      concurrencyPolicy: c.concurrencyPolicy, suspend: c.suspend ?? false,
      ...(c.deadline !== undefined ? { startingDeadlineSeconds: c.deadline } : {}),
      ...(c.timeZone !== undefined ? { timeZone: c.timeZone } : {}),
    },
  }));
  let job: SimJob | undefined;
  const status: CronJobStatus = { active: [], lastScheduleTime: null, lastSuccessfulTime: null };
  if (ranPreviously) {
    status.lastScheduleTime = sim(justAfterThePriorHour);
    job = h.add(jobFromTemplate(cj, jobNameFor(NAME, c.jobTime ?? justAfterThePriorHour)));
    const started = sim(c.jobTime ?? justAfterThePriorHour);
    const done = c.finishedButActive ?? (c.stillActive ? undefined : 'Complete');
    h.state.update(job, (j) => {
      j.status = {
        ...j.status, startTime: started, completionTime: done === 'Complete' ? started + seconds(10) : null,
        conditions: done ? [{ type: done, status: 'True', lastTransitionTime: started + seconds(10) } as JobCondition] : [],
      };
    });
    if (c.stillActive || c.finishedButActive || c.activeJobGone) status.active = [{ kind: 'Job', namespace: job.namespace, name: job.name, uid: job.uid }];
    if (c.activeJobGone) h.state.requestDeletion(job);
  }
  h.state.update(cj, (o) => {
    o.status = status;
  });
  const f = fakeContext(h);
  if (c.createError) f.jobs.createError = c.createError;
  if (c.deleteError) f.jobs.deleteError = c.deleteError;
  return { h, f, ctl: new CronJobController(f.ctx), cj, job };
}

describe('CronJobController.sync (TestControllerV2SyncCronJob)', () => {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    const { h, f, ctl, cj } = setup(c);
    h.setNow(sim(c.now));
    let result: { requeueAfterMs?: number } | undefined;
    let error: unknown;
    try {
      result = ctl.sync(KEY, h.now);
    } catch (e) {
      error = e;
    }
    if (c.error !== undefined) expect((error as Error).message).toBe(c.error);
    else expect(error).toBeUndefined();
    expect(f.jobs.createdNames).toEqual(c.creates);
    expect(f.jobs.deletes).toEqual(c.deletes ?? []);
    expect(cj.status.active).toHaveLength(c.active);
    expect(f.recorder.reasons()).toEqual(c.reasons);
    if (c.error === undefined) expect(result?.requeueAfterMs).toBe(c.requeueAfterMs);
    if (c.lastScheduleTime !== undefined) expect(cj.status.lastScheduleTime).toBe(c.lastScheduleTime);
    for (const name of c.creates) {
      const job = h.state.get('Job', 'snazzycats', name)!;
      expect(cj.status.active.map((r) => r.uid)).toContain(job.uid);
    }
  });
});

describe('CronJobController.sync details', () => {
  test('the created Job: name by minute, template labels and annotations, controller ownerReference (§5.4 step 10)', () => {
    const h = harness(undefined, START);
    h.setNow(sim(justBeforeTheHour()));
    const cj = h.add(newCronJob(NAME, ON_THE_HOUR, {
      namespace: 'snazzycats',
      extra: { jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'foo/bar' }] } } } } },
    }));
    const f = fakeContext(h);
    h.setNow(sim(justAfterTheHour()));
    new CronJobController(f.ctx).sync(KEY, h.now);
    const job = f.jobs.creates[0];
    expect(job.name).toBe('mycronjob-24394200');
    expect(job.labels).toEqual({ a: 'b' });
    expect(job.annotations).toEqual({ x: 'y' });
    expect(job.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: NAME, uid: cj.uid, controller: true, blockOwnerDeletion: true }]);
    expect(job.spec.backoffLimit).toBe(2);
    expect(f.recorder.messages()).toEqual(['Created job mycronjob-24394200']);
    expect(cj.status).toEqual({
      active: [{ kind: 'Job', namespace: 'snazzycats', name: 'mycronjob-24394200', uid: job.uid }],
      lastScheduleTime: sim(topOfTheHour()), lastSuccessfulTime: null,
    });
  });

  test('event messages are worded as the 1.27 controller', () => {
    const c: Case = { concurrencyPolicy: 'Forbid', ranPreviously: true, finishedButActive: 'Complete', now: weekAfterTheHour(), creates: [], active: 0, reasons: [] };
    const { h, f, ctl } = setup(c);
    h.setNow(sim(c.now));
    ctl.sync(KEY, h.now);
    expect(f.recorder.messages()).toEqual([
      `Saw completed job: ${prior}, status: Complete`,
      'too many missed start times: 169. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Created job ${jobNameFor(NAME, weekAfterTheHour())}`,
    ]);
    expect(f.recorder.events.map((e) => e.type)).toEqual(['Normal', 'Warning', 'Normal']);
  });

  test('warnings: UnknownTimeZone, UnparseableSchedule, InvalidSchedule, JobAlreadyActive, MissingJob messages', () => {
    const msg = (c: Case) => {
      const { h, f, ctl } = setup(c);
      h.setNow(sim(c.now));
      ctl.sync(KEY, h.now);
      return f.recorder.messages();
    };
    const base = { creates: [], active: 0, reasons: [] };
    expect(msg({ ...base, concurrencyPolicy: 'Allow', timeZone: 'Mars/Olympus', now: justAfterTheHour() })).toEqual(['invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
    expect(msg({ ...base, concurrencyPolicy: 'Allow', schedule: '99 * * * *', now: justAfterTheHour() })).toEqual(['unparseable schedule: "99 * * * *" : end of range (99) above maximum (59): 99']);
    expect(msg({ ...base, concurrencyPolicy: 'Allow', schedule: '0 0 30 2 *', now: justAfterTheHour() })).toEqual(['invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second']);
    expect(msg({ ...base, concurrencyPolicy: 'Forbid', ranPreviously: true, stillActive: true, now: justAfterTheHour() })).toEqual(['Not starting job because prior execution is running and concurrency policy is Forbid']);
    expect(msg({ ...base, concurrencyPolicy: 'Allow', ranPreviously: true, activeJobGone: true, now: justBeforeTheHour() })).toEqual([`Active job went missing: ${prior}`]);
    expect(msg({ ...base, concurrencyPolicy: 'Allow', schedule: 'TZ=UTC 0 * * * *', now: justBeforeTheHour() })).toEqual([
      'CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    ]);
  });

  test('UnexpectedJob: an unfinished Job it controls but does not list as active (§5.4 step 1)', () => {
    const h = harness(undefined, START);
    h.setNow(sim(justBeforeTheHour()));
    const cj = h.add(newCronJob(NAME, ON_THE_HOUR, { namespace: 'snazzycats' }));
    h.add(jobFromTemplate(cj, 'mycronjob-by-hand'));
    const f = fakeContext(h);
    new CronJobController(f.ctx).sync(KEY, h.now);
    expect(f.recorder.messages()).toEqual(['Saw a job that the controller did not create or forgot: mycronjob-by-hand']);
    expect(cj.status.active).toEqual([]);
  });

  test('lastSuccessfulTime: from the latest completionTime of finished Jobs no longer active (§5.4 step 1)', () => {
    const h = harness(undefined, START);
    const cj = h.add(newCronJob(NAME, ON_THE_HOUR, { namespace: 'snazzycats' }));
    const finish = (name: string, type: 'Complete' | 'Failed', at: number) => {
      const j = h.add(jobFromTemplate(cj, name));
      h.state.update(j, (o) => {
        o.status = { ...o.status, startTime: at - 5000, completionTime: type === 'Complete' ? at : null, conditions: [{ type, status: 'True', lastTransitionTime: at }] };
      });
    };
    finish('mycronjob-1', 'Complete', seconds(100));
    finish('mycronjob-2', 'Complete', seconds(300));
    finish('mycronjob-3', 'Failed', seconds(400));
    const f = fakeContext(h);
    h.setNow(seconds(500));
    new CronJobController(f.ctx).sync(KEY, h.now);
    expect(cj.status.lastSuccessfulTime).toBe(seconds(300));
    expect(f.recorder.reasons()).toEqual([]);
  });

  describe('history cleanup (§5.4 step 12)', () => {
    function withHistory(o: { suspend?: boolean; successful: number; failed: number; limits?: [number, number]; deleteError?: string }) {
      const h = harness(undefined, START);
      const cj = h.add(newCronJob(NAME, ON_THE_HOUR, {
        namespace: 'snazzycats',
        extra: { suspend: o.suspend ?? false, ...(o.limits ? { successfulJobsHistoryLimit: o.limits[0], failedJobsHistoryLimit: o.limits[1] } : {}) },
      }));
      // Created in an order different from their start times, to show the sort.
      const starts = [5, 1, 4, 2, 3, 6, 7];
      const add = (name: string, type: 'Complete' | 'Failed', start: number | null) => {
        const j = h.add(jobFromTemplate(cj, name));
        h.state.update(j, (x) => {
          x.status = { ...x.status, startTime: start, completionTime: null, conditions: [{ type, status: 'True', lastTransitionTime: 0 }] };
        });
      };
      for (let i = 0; i < o.successful; i++) add(`ok-${i}`, 'Complete', seconds(starts[i]));
      for (let i = 0; i < o.failed; i++) add(`bad-${i}`, 'Failed', i === 0 ? null : seconds(starts[i]));
      const f = fakeContext(h);
      if (o.deleteError) f.jobs.deleteError = (j) => (j.name === o.deleteError ? apiError('InternalError', 'boom') : undefined);
      h.setNow(seconds(10)); // created 08:00:00, next tick 09:00: nothing due
      const r = new CronJobController(f.ctx).sync(KEY, h.now);
      return { f, r };
    }

    test('defaults 3 and 1: the oldest by startTime go first, a Failed Job without startTime sorts last', () => {
      const { f } = withHistory({ successful: 5, failed: 3 });
      // ok: starts 5,1,4,2,3 → oldest two are ok-1 (1 s) and ok-3 (2 s); bad: null, 1, 4 → bad-1 (1 s), bad-2 (4 s) go, bad-0 (nil) stays.
      expect(f.jobs.deletes).toEqual(['ok-1', 'ok-3', 'bad-1', 'bad-2']);
      expect(f.recorder.messages()).toEqual(['Deleted job ok-1', 'Deleted job ok-3', 'Deleted job bad-1', 'Deleted job bad-2']);
    });

    test('runs while suspended', () => {
      const { f, r } = withHistory({ suspend: true, successful: 4, failed: 0 });
      expect(f.jobs.deletes).toEqual(['ok-1']);
      expect(r.requeueAfterMs).toBeUndefined();
    });

    test('limits 0 and 0 delete every finished Job', () => {
      const { f } = withHistory({ successful: 2, failed: 2, limits: [0, 0] });
      expect(f.jobs.deletes).toEqual(['ok-1', 'ok-0', 'bad-1', 'bad-0']);
    });

    test('a failed delete is recorded and the others are still deleted', () => {
      const { f } = withHistory({ successful: 5, failed: 0, deleteError: 'ok-1' });
      expect(f.jobs.deletes).toEqual(['ok-3']);
      expect(f.recorder.reasons()).toEqual(['FailedDelete', 'SuccessfulDelete']);
      expect(f.recorder.messages()[0]).toBe('Deleted job: boom');
    });
  });

  test('a create error skips cleanup (sync returns the error first)', () => {
    const c: Case = { concurrencyPolicy: 'Allow', ranPreviously: true, now: justAfterTheHour(), createError: apiError('InternalError', 'x'), creates: [], active: 0, reasons: [] };
    const { h, f, ctl } = setup(c);
    const cj = h.state.get('CronJob', 'snazzycats', NAME)!;
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, successfulJobsHistoryLimit: 0 };
    });
    h.setNow(sim(c.now));
    expect(() => ctl.sync(KEY, h.now)).toThrow('x');
    expect(f.jobs.deletes).toEqual([]);
  });

  test('MissSchedule is reachable only through robfig quirks: Pacific/Chatham 2018-04-01, where Next goes back in time (§5.4 step 6)', () => {
    // robfig: Next(13:50Z) = 14:06Z (02:51 +12:45, no tick), Next(14:06Z) = 13:30Z (back in time).
    // At 14:07Z with a 60 s deadline: earliest = 14:06Z, t1 = 13:30Z, t2 = 13:50Z → most recent 13:50Z, 17 min late.
    const h = harness(undefined, epochMs('2018-03-30T00:00:00Z'));
    const cj = h.add(newCronJob('chatham', '15,35,51 3 * * *', { extra: { timeZone: 'Pacific/Chatham', startingDeadlineSeconds: 60 } }));
    h.state.update(cj, (o) => {
      o.status = { ...o.status, lastScheduleTime: epochMs('2018-03-30T14:51:00Z') - h.startEpochMs };
    });
    const f = fakeContext(h);
    h.setNow(epochMs('2018-03-31T14:07:00Z') - h.startEpochMs);
    const r = new CronJobController(f.ctx).sync('default/chatham', h.now);
    expect(f.recorder.events.map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'MissSchedule', 'Missed scheduled time to start a job: Sat, 31 Mar 2018 13:50:00 +0000'],
    ]);
    expect(f.jobs.createdNames).toEqual([]);
    expect(r.requeueAfterMs).toBeGreaterThanOrEqual(0);
  });

  test('a schedule whose robfig Next never returns (Pacific/Apia skipped 2011-12-30): the worker blocks on it for good', () => {
    const h = harness(undefined, epochMs('2011-12-01T00:00:00Z'));
    h.add(newCronJob('apia', '0 0 30 12 *', { extra: { timeZone: 'Pacific/Apia' } }));
    const f = fakeContext(h);
    const ctl = new CronJobController(f.ctx);
    expect(ctl.sync('default/apia', 0)).toEqual({});
    expect(ctl.hungKeys).toEqual(['default/apia']);
    h.setNow(hours(24 * 40));
    expect(ctl.sync('default/apia', h.now)).toEqual({});
    expect(f.jobs.createdNames).toEqual([]);
    expect(f.recorder.events).toEqual([]);
    expect(f.status.writes).toEqual([]);
  });

  test('a deleted CronJob syncs to nothing', () => {
    const h = harness(undefined, START);
    const f = fakeContext(h);
    expect(new CronJobController(f.ctx).sync('snazzycats/gone', 0)).toEqual({});
  });
});

describe('CronJobController.keysFor (informer handlers)', () => {
  function world() {
    const h = harness(undefined, START);
    h.setNow(sim(justBeforeTheHour()));
    const cj = h.add(newCronJob(NAME, ON_THE_HOUR, { namespace: 'snazzycats' }));
    const f = fakeContext(h);
    const ctl = new CronJobController(f.ctx);
    const changes: StoreChange[] = [];
    h.state.watch((c) => changes.push(c));
    return { h, f, ctl, cj, changes };
  }

  test('CronJob added → sync now; deleted → nothing', () => {
    const { h, ctl, cj, changes } = world();
    h.state.requestDeletion(cj);
    // The deletion request is an update (deletionTimestamp set): synced; the removal itself is not.
    expect(changes.map((c) => ctl.keysFor(c))).toEqual([[KEY], []]);
    const h2 = harness(undefined, START);
    const seen: StoreChange[] = [];
    h2.state.watch((c) => seen.push(c));
    h2.add(newCronJob(NAME, ON_THE_HOUR, { namespace: 'snazzycats' }));
    expect(ctl.keysFor(seen[0])).toEqual([KEY]);
  });

  test('spec change other than schedule/timeZone, or a status write → sync now', () => {
    const { h, ctl, cj, changes } = world();
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, suspend: true };
    });
    h.state.update(cj, (o) => {
      o.status = { ...o.status, lastScheduleTime: 5 };
    });
    expect(changes.map((c) => ctl.keysFor(c))).toEqual([[KEY], [KEY]]);
  });

  test('schedule change → requeue after nextScheduleTimeDuration of the new schedule', () => {
    const { h, ctl, cj, changes } = world();
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, schedule: '30 * * * *' };
    });
    // created 09:59 (earliest), now 09:59: next 10:30 → 31 min + 100 ms.
    expect(ctl.keysFor(changes[0])).toEqual([{ key: KEY, afterMs: minutes(31) + 100 }]);
  });

  test('timeZone change → requeue after nextScheduleTimeDuration in the new zone', () => {
    const { h, ctl, cj, changes } = world();
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, schedule: '0 19 * * *', timeZone: 'Asia/Seoul' };
    });
    expect(ctl.keysFor(changes[0])).toEqual([{ key: KEY, afterMs: minutes(1) + 100 }]);
  });

  test('unparseable new schedule → Warning UnParseableCronJobSchedule, not queued', () => {
    const { h, f, ctl, cj, changes } = world();
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, schedule: 'obvious error schedule' };
    });
    expect(ctl.keysFor(changes[0])).toEqual([]);
    expect(f.recorder.messages()).toEqual(['unparseable schedule for cronjob: obvious error schedule']);
  });

  test('Job add/update/delete → its controlling CronJob, matched by name and uid', () => {
    const { h, ctl, cj, changes } = world();
    const job = h.add(jobFromTemplate(cj, 'mycronjob-1'));
    h.state.update(job, (j) => {
      j.status = { ...j.status, active: 1 };
    });
    h.state.requestDeletion(job);
    const stranger = h.add(jobFromTemplate({ ...cj, uid: 'uid-other' }, 'other-1'));
    const orphan = h.add({ ...jobFromTemplate(cj, 'orphan-1'), ownerReferences: [] });
    expect(changes.map((c) => ctl.keysFor(c))).toEqual([[KEY], [KEY], [KEY], [KEY], [], []]);
    expect(stranger.name).toBe('other-1');
    expect(orphan.ownerReferences).toEqual([]);
  });

  test('a Job whose controllerRef moved → both CronJobs', () => {
    const { h, ctl, cj, changes } = world();
    const other = h.add(newCronJob('other', ON_THE_HOUR, { namespace: 'snazzycats' }));
    const job = h.add(jobFromTemplate(cj, 'mycronjob-1'));
    h.state.update(job, (j) => {
      j.ownerReferences = jobFromTemplate(other, 'x').ownerReferences;
    });
    expect(ctl.keysFor(changes[changes.length - 1])).toEqual([KEY, 'snazzycats/other']);
  });
});

describe('CronJobController.sync: a same-instant re-sync that can change nothing is skipped', () => {
  // Every Job event re-syncs the CronJob (the informer handlers above); in a run these come in
  // bursts at one instant. A sync that changed nothing is remembered with what it read.
  const idleCase: Case = { concurrencyPolicy: 'Allow', ranPreviously: true, stillActive: true, now: justBeforeTheHour(), creates: [], active: 1, reasons: [], requeueAfterMs: m1 };

  test('a Job status change the CronJob does not read (active count) → the recorded requeue, no reconcile', () => {
    const { h, f, ctl, job } = setup(idleCase);
    h.setNow(sim(idleCase.now));
    expect(ctl.sync(KEY, h.now)).toEqual({ requeueAfterMs: m1 });
    const spy = jest.spyOn(reconcile, 'reconcileCronJob');
    try {
      h.state.update(job!, (j) => {
        j.status = { ...j.status, active: 1, ready: 1 };
      });
      expect(ctl.sync(KEY, h.now)).toEqual({ requeueAfterMs: m1 });
      expect(spy).not.toHaveBeenCalled();
      // A later instant reconciles again.
      h.setNow(h.now + seconds(1));
      expect(ctl.sync(KEY, h.now)).toEqual({ requeueAfterMs: m1 - seconds(1) });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(f.recorder.reasons()).toEqual([]);
    expect(f.status.writes).toHaveLength(0);
  });

  test('the Job finishing at the same instant → reconciled: SawCompletedJob', () => {
    const { h, f, ctl, job, cj } = setup(idleCase);
    h.setNow(sim(idleCase.now));
    ctl.sync(KEY, h.now);
    h.state.update(job!, (j) => {
      j.status = { ...j.status, completionTime: h.now, conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: h.now }] };
    });
    ctl.sync(KEY, h.now);
    expect(f.recorder.reasons()).toEqual(['SawCompletedJob']);
    expect(cj.status.active).toEqual([]);
  });

  test('a sync that records an event is never skipped: Forbid records JobAlreadyActive on each sync (§5.4 step 8)', () => {
    const c: Case = { concurrencyPolicy: 'Forbid', ranPreviously: true, stillActive: true, now: justAfterTheHour(), creates: [], active: 1, reasons: [] };
    const { h, f, ctl } = setup(c);
    h.setNow(sim(c.now));
    ctl.sync(KEY, h.now);
    ctl.sync(KEY, h.now);
    expect(f.recorder.reasons()).toEqual(['JobAlreadyActive', 'JobAlreadyActive']);
  });

  test('a CronJob write (spec or status) at the same instant → reconciled', () => {
    const { h, f, ctl, cj } = setup(idleCase);
    h.setNow(sim(idleCase.now));
    ctl.sync(KEY, h.now);
    h.state.update(cj, (o) => {
      o.spec = { ...o.spec, suspend: true };
    });
    expect(ctl.sync(KEY, h.now)).toEqual({});
    expect(f.recorder.reasons()).toEqual([]);
  });
});
