/**
 * The CronJob controller across Kubernetes versions, each row on both sides of the upstream
 * change: the exact most recent tick (kubernetes#118724, 1.28), the hidden missed count
 * (#118940, 1.28), the requeue from now (#121327, 1.29), AlreadyExists adoption (#120649, 1.29) and
 * the scheduled-timestamp annotation (KEP-4026: CronJobsScheduledAnnotation, #118137; gate
 * removed in 1.35, #133686). Gates are built with `gatesWith`, not read from the table.
 */
import { ApiError } from '../../../lib/apiserver/api-errors';
import { Schedule } from '../../../lib/schedule/schedule';
import { CronJobController } from '../../../lib/simulator/controllers/cron-job-controller';
import { jobFromTemplate } from '../../../lib/simulator/controllers/cron-job-reconcile';
import { jobNameFor, mostRecentScheduleTime, nextScheduleTimeDuration, tooManyMissedMessage } from '../../../lib/simulator/controllers/cron-job-utils';
import {
  CRON_JOB_RULES_1_27, CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION, cronJobRules, scheduledTimestamp,
} from '../../../lib/simulator/controllers/cron-job-versions';
import { harness, newCronJob } from '../../helpers/builders';
import { fakeContext } from '../../helpers/fakes';
import { gatesWith } from '../../helpers/gates-with';
import { epochMs, hours, minutes } from '../../helpers/instants';

const at = (minor: number) => cronJobRules(gatesWith({}, { minor }));
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('cronJobRules: which minor has which change', () => {
  test.each([
    [27, { exactMostRecent: false, requeueFromNowWhenMissed: false, adoptExistingJob: false }],
    [28, { exactMostRecent: true, requeueFromNowWhenMissed: false, adoptExistingJob: false }],
    [29, { exactMostRecent: true, requeueFromNowWhenMissed: true, adoptExistingJob: true }],
    [36, { exactMostRecent: true, requeueFromNowWhenMissed: true, adoptExistingJob: true }],
  ])('1.%i', (minor, expected) => {
    expect(at(minor)).toMatchObject(expected);
  });

  test('1.27 rules are the defaults', () => {
    expect(cronJobRules()).toEqual(CRON_JOB_RULES_1_27);
  });

  test.each([
    ['gate off at 1.28', gatesWith({}, { minor: 28 }), false],
    ['gate on at 1.28 (beta, kubernetes#118137)', gatesWith({ CronJobsScheduledAnnotation: true }, { minor: 28 }), true],
    ['1.35: the gate is removed, the annotation unconditional (kubernetes#133686)', gatesWith({}, { minor: 35 }), true],
  ])('scheduled-timestamp annotation: %s', (_, gates, expected) => {
    expect(cronJobRules(gates).scheduledTimestampAnnotation).toBe(expected);
  });
});

interface MostRecentRow {
  schedule: string;
  lastSchedule: string;
  now: string;
  /** 1.27 (`t1 + (missed−1)·between`). */
  v127: string | null;
  /** 1.28+ (kubernetes#118724: walk from one interval before the estimate). */
  v128: string | null;
  missed: number;
}

describe('mostRecentScheduleTime: the 1.27 estimate vs the 1.28 walk (kubernetes#118724)', () => {
  const rows: Record<string, MostRecentRow> = {
    'hourly: both exact': {
      schedule: '0 * * * *', lastSchedule: '2016-05-19T10:00:00Z', now: '2016-05-19T15:01:00Z',
      v127: '2016-05-19T15:00:00.000Z', v128: '2016-05-19T15:00:00.000Z', missed: 5,
    },
    '@every 1h a week later: both exact': {
      schedule: '@every 1h', lastSchedule: '2016-05-19T10:01:00Z', now: '2016-05-26T10:00:00Z',
      v127: '2016-05-26T09:01:00.000Z', v128: '2016-05-26T09:01:00.000Z', missed: 167,
    },
    'reference T10 (utils_test.go): 30 6-16/4 * * 1-5, Thu 10:30 → Fri 10:31: 1.27 Fri 06:30 (wrong), 1.28 Fri 10:30': {
      schedule: '30 6-16/4 * * 1-5', lastSchedule: '2016-05-19T10:30:00Z', now: '2016-05-20T10:31:00Z',
      v127: '2016-05-20T06:30:00.000Z', v128: '2016-05-20T10:30:00.000Z', missed: 2,
    },
    '0 9,19 (10 h then 14 h): 1.27 gives 05:00, not a tick; 1.28 the real 09:00': {
      schedule: '0 9,19 * * *', lastSchedule: '2016-05-18T19:00:00Z', now: '2016-05-20T10:00:00Z',
      v127: '2016-05-20T05:00:00.000Z', v128: '2016-05-20T09:00:00.000Z', missed: 3,
    },
    '30 6-16/4 * * 1-5 overnight: 1.27 gives 02:30, not a tick; 1.28 finds none in its window': {
      schedule: '30 6-16/4 * * 1-5', lastSchedule: '2016-05-19T06:30:00Z', now: '2016-05-20T03:00:00Z',
      v127: '2016-05-20T02:30:00.000Z', v128: null, missed: 5,
    },
  };
  test.each(Object.entries(rows))('%s', (_, r) => {
    const schedule = Schedule.parse(r.schedule);
    const state = { creationMs: epochMs('2016-05-01T00:00:00Z'), lastScheduleMs: epochMs(r.lastSchedule) };
    const before = mostRecentScheduleTime(state, epochMs(r.now), schedule, true);
    const after = mostRecentScheduleTime(state, epochMs(r.now), schedule, true, at(28));
    expect([iso(before.mostRecentMs), before.missed]).toEqual([r.v127, r.missed]);
    // kubernetes#121327: more than 100 missed is "many", else "few" once past the second tick.
    expect([iso(after.mostRecentMs), after.missedKind]).toEqual([r.v128, r.missed > 100 ? 'many' : 'few']);
  });
});

describe('nextScheduleTimeDuration when ticks were missed but the walk found none (kubernetes#121327)', () => {
  const schedule = Schedule.parse('30 6-16/4 * * 1-5');
  const state = { creationMs: epochMs('2016-05-01T00:00:00Z'), lastScheduleMs: epochMs('2016-05-19T06:30:00Z') };
  const now = epochMs('2016-05-20T03:00:00Z');
  test.each([
    // 1.27: the estimate 02:30 → Next = 06:30.
    [27, hours(3.5) + 100],
    // 1.28: from earliest (Thu 06:30) → Next = Thu 10:30, long past: requeue at once (negative).
    [28, epochMs('2016-05-19T10:30:00Z') + 100 - now],
    // 1.29: from now → Fri 06:30.
    [29, hours(3.5) + 100],
  ])('1.%i', (minor, expected) => {
    expect(nextScheduleTimeDuration(state, now, schedule, at(minor))).toBe(expected);
  });
});

describe('TooManyMissedTimes message (kubernetes#118940)', () => {
  test.each([
    [27, 'too many missed start times: 169. Set or decrease .spec.startingDeadlineSeconds or check clock skew'],
    [28, 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'],
  ])('1.%i', (minor, expected) => {
    expect(tooManyMissedMessage(169, at(minor))).toBe(expected);
  });
});

describe('scheduled-timestamp annotation value (RFC 3339 in spec.timeZone)', () => {
  test.each([
    ['no zone: UTC with Z', undefined, '2016-05-19T10:00:00Z'],
    ['Asia/Seoul', 'Asia/Seoul', '2016-05-19T19:00:00+09:00'],
    ['America/Los_Angeles in May (the docs example)', 'America/Los_Angeles', '2016-05-19T03:00:00-07:00'],
    ['Europe/London in winter: offset 0 prints Z', 'Europe/London', '2016-01-19T10:00:00Z'],
  ])('%s', (_, zone, expected) => {
    const tick = zone === 'Europe/London' ? epochMs('2016-01-19T10:00:00Z') : epochMs('2016-05-19T10:00:00Z');
    expect(scheduledTimestamp(tick, zone)).toBe(expected);
  });
});

const START = epochMs('2016-05-19T08:00:00Z');
const sim = (epoch: number) => epoch - START;
const KEY = 'default/cj';

function cronJobAt(gates: ReturnType<typeof gatesWith>, schedule: string, extra: Record<string, unknown> = {}) {
  const h = harness(undefined, START);
  h.setNow(sim(epochMs('2016-05-19T09:59:00Z')));
  const cj = h.add(newCronJob('cj', schedule, { extra }));
  const f = fakeContext(h, { gates });
  return { h, cj, f, ctl: new CronJobController(f.ctx) };
}

describe('CronJobController.sync across versions', () => {
  test.each([
    ['1.27', gatesWith({}, { minor: 27 }), undefined],
    ['1.28, gate on', gatesWith({ CronJobsScheduledAnnotation: true }, { minor: 28 }), '2016-05-19T19:00:00+09:00'],
  ])('%s: the created Job\'s scheduled-timestamp annotation', (_, gates, expected) => {
    const { h, f, ctl } = cronJobAt(gates, '0 * * * *', { timeZone: 'Asia/Seoul' });
    h.setNow(sim(epochMs('2016-05-19T10:00:30Z')));
    ctl.sync(KEY, h.now);
    expect(f.jobs.creates[0].annotations[CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION]).toBe(expected);
  });

  test.each([
    [27, jobNameFor('cj', epochMs('2016-05-20T05:00:00Z'))],
    [28, jobNameFor('cj', epochMs('2016-05-20T09:00:00Z'))],
  ])('1.%i: after downtime `0 9,19 * * *` starts the Job named for the tick it computes', (minor, name) => {
    const { h, cj, f, ctl } = cronJobAt(gatesWith({}, { minor }), '0 9,19 * * *');
    h.state.update(cj, (o) => {
      o.status = { ...o.status, lastScheduleTime: sim(epochMs('2016-05-18T19:00:00Z')) };
    });
    h.setNow(sim(epochMs('2016-05-20T10:00:00Z')));
    ctl.sync(KEY, h.now);
    expect(f.jobs.createdNames).toEqual([name]);
  });

  describe('a Job of the tick\'s name already exists (kubernetes#120649)', () => {
    function withExisting(minor: number, controlled: boolean) {
      const s = cronJobAt(gatesWith({}, { minor }), '0 * * * *');
      const name = jobNameFor('cj', epochMs('2016-05-19T10:00:00Z'));
      const draft = jobFromTemplate(s.cj, name);
      const existing = s.h.add(controlled ? draft : { ...draft, ownerReferences: [] });
      s.h.setNow(sim(epochMs('2016-05-19T10:00:30Z')));
      return { ...s, existing, name };
    }

    test('1.27: the sync fails with AlreadyExists (rate-limited retry), status untouched', () => {
      const { h, cj, ctl } = withExisting(27, true);
      expect(() => ctl.sync(KEY, h.now)).toThrow(ApiError);
      expect(cj.status.active).toEqual([]);
    });

    test('1.29, controlled by the CronJob: added to active, lastScheduleTime set, no SuccessfulCreate', () => {
      const { h, cj, f, ctl, existing } = withExisting(29, true);
      const result = ctl.sync(KEY, h.now);
      expect(cj.status.active.map((a) => a.uid)).toEqual([existing.uid]);
      expect(cj.status.lastScheduleTime).toBe(sim(epochMs('2016-05-19T10:00:00Z')));
      expect(f.recorder.reasons()).not.toContain('SuccessfulCreate');
      expect(result.requeueAfterMs).toBe(minutes(59) + 30_000 + 100);
    });

    test('1.29, someone else\'s Job: no error, no requeue, not adopted', () => {
      const { h, cj, ctl } = withExisting(29, false);
      expect(ctl.sync(KEY, h.now)).toEqual({});
      expect(cj.status.active).toEqual([]);
      expect(cj.status.lastScheduleTime).toBeNull();
    });
  });
});
