/**
 * The CronJob controller's time math against the acceptance tables of reference §6.1
 * (kubernetes `pkg/controller/cronjob/utils_test.go`: TestMostRecentScheduleTime,
 * TestNextScheduleTime, TestNextScheduleTimeDuration, TestByJobStartTime), with the 1.27 column.
 * `T(x)` = 2016-05-19T10:00:00Z (a Thursday) + x.
 */
import { Schedule } from '../../../lib/schedule/schedule';
import {
  byJobStartTime, controllerSchedule, finishedStatus, formatRfc1123z, GO_ZERO_TIME_MS, jobNameFor, LESS_THAN_ONE_SECOND,
  mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration, scheduleNext, ScheduleState,
} from '../../../lib/simulator/controllers/cron-job-utils';
import { days, epochMs, hours, minutes, seconds, T } from '../../helpers/instants';

interface MostRecentCase {
  // spec
  schedule: string;
  startingDeadlineSeconds?: number;
  includeStartingDeadline?: boolean;
  // status
  creation: number;
  lastSchedule?: number;
  // environment
  now: number;
  // expectations
  earliest: number | null;
  mostRecent: number | null;
  missed: number;
  error?: string;
}

const mostRecentCases: Record<string, MostRecentCase> = {
  'T1 hourly, created on the hour, 30 s later: nothing due': {
    schedule: '0 * * * *', creation: T(0), now: T(seconds(30)), earliest: T(0), mostRecent: null, missed: 0,
  },
  'T2 hourly, created on the hour, 61 min later: 11:00': {
    schedule: '0 * * * *', creation: T(0), now: T(minutes(61)), earliest: T(0), mostRecent: T(minutes(60)), missed: 1,
  },
  'T3 hourly, created 10 s past, 301 min later: 15:00, five missed': {
    schedule: '0 * * * *', creation: T(seconds(10)), now: T(minutes(301)), earliest: T(seconds(10)), mostRecent: T(minutes(300)), missed: 5,
  },
  'T4 @every 1h, last run T(1m), a week later, deadline not counted: 167 missed': {
    schedule: '@every 1h', creation: T(-minutes(59)), lastSchedule: T(minutes(1)), startingDeadlineSeconds: 10, includeStartingDeadline: false,
    now: T(days(7)), earliest: T(minutes(1)), mostRecent: epochMs('2016-05-26T09:01:00Z'), missed: 167,
  },
  'T5 Feb 31 never fires: error': {
    schedule: '59 23 31 2 *', creation: T(seconds(10)), now: T(hours(1)), earliest: null, mostRecent: null, missed: 0, error: LESS_THAN_ONE_SECOND,
  },
  'T6 hourly, ran on the hour, 30 s later: nothing due': {
    schedule: '0 * * * *', creation: T(0), lastSchedule: T(0), now: T(seconds(30)), earliest: T(0), mostRecent: null, missed: 0,
  },
  'T7 every 5 min, ran T(30m), now T(31m): nothing due': {
    schedule: '*/5 * * * *', creation: T(0), lastSchedule: T(minutes(30)), now: T(minutes(31)), earliest: T(minutes(30)), mostRecent: null, missed: 0,
  },
  'T8 every 5 min, 60 s deadline not counted: earliest stays': {
    schedule: '*/5 * * * *', creation: T(0), lastSchedule: T(minutes(30)), startingDeadlineSeconds: 60, includeStartingDeadline: false,
    now: T(minutes(31)), earliest: T(minutes(30)), mostRecent: null, missed: 0,
  },
  'T9 every 5 min, 60 s deadline counted: earliest raised to now - 60 s': {
    schedule: '*/5 * * * *', creation: T(0), lastSchedule: T(minutes(30)), startingDeadlineSeconds: 60, includeStartingDeadline: true,
    now: T(minutes(32)), earliest: T(minutes(31)), mostRecent: null, missed: 0,
  },
  'T10 irregular 30 6-16/4 * * 1-5, Fri 10:31: 1.27 approximation gives Fri 06:30, not 10:30': {
    schedule: '30 6-16/4 * * 1-5', creation: T(0), lastSchedule: T(minutes(30)), now: T(hours(24) + minutes(31)),
    earliest: T(minutes(30)), mostRecent: epochMs('2016-05-20T06:30:00Z'), missed: 2,
  },
};

describe('mostRecentScheduleTime (§5.3, §6.1 T1–T10, 1.27 column)', () => {
  test.each(Object.entries(mostRecentCases))('%s', (_name, c) => {
    const state: ScheduleState = {
      creationMs: c.creation, lastScheduleMs: c.lastSchedule ?? null,
      ...(c.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: c.startingDeadlineSeconds } : {}),
    };
    const r = mostRecentScheduleTime(state, c.now, Schedule.parse(c.schedule), c.includeStartingDeadline ?? false);
    if (c.earliest !== null) expect(r.earliestMs).toBe(c.earliest);
    expect(r.mostRecentMs).toBe(c.mostRecent);
    expect(r.missed).toBe(c.missed);
    expect(r.error).toBe(c.error);
  });

  test('a schedule that never fires reaches robfig\'s zero time on both ticks', () => {
    const s = Schedule.parse('0 0 30 2 *');
    expect(scheduleNext(s, T(0))).toBe(GO_ZERO_TIME_MS);
    expect(scheduleNext(s, GO_ZERO_TIME_MS)).toBe(GO_ZERO_TIME_MS);
  });

  test('irregular schedules: 1.27 can return an instant that is not a tick (fixed in 1.28, #118724)', () => {
    // T10 again: the approximation's Fri 06:30 happens to be a tick; here it is not.
    const s = Schedule.parse('30 10,11,12 * * 1-5');
    const r = mostRecentScheduleTime({ creationMs: T(0), lastScheduleMs: T(minutes(30)) }, T(hours(24) + minutes(31)), s, false);
    // t1 = Thu 11:30, t2 = Thu 12:30 → between 1 h; Fri 10:31 − 11:30 = 23 h 1 min → 24 missed, 11:30 + 23 h = Fri 10:30.
    expect(r.missed).toBe(24);
    expect(new Date(r.mostRecentMs!).toISOString()).toBe('2016-05-20T10:30:00.000Z');
    const r2 = mostRecentScheduleTime({ creationMs: T(0), lastScheduleMs: T(minutes(30)) }, T(hours(24) + minutes(91)), s, false);
    // Fri 11:31: 25 missed, 11:30 + 24 h = Fri 11:30, a tick.
    expect(new Date(r2.mostRecentMs!).toISOString()).toBe('2016-05-20T11:30:00.000Z');
    const r3 = mostRecentScheduleTime({ creationMs: T(0), lastScheduleMs: T(minutes(30)) }, epochMs('2016-05-20T09:00:00Z'), s, false);
    // Fri 09:00: 11:30 + 21 h = Fri 08:30, which is no tick of the schedule (the real last tick is Thu 12:30).
    expect(new Date(r3.mostRecentMs!).toISOString()).toBe('2016-05-20T08:30:00.000Z');
  });
});

interface NextCase {
  creation: number;
  lastSchedule?: number;
  startingDeadlineSeconds?: number;
  now: number;
  schedule?: string;
  expected: number | 'non-nil' | null;
  tooManyMissed?: boolean;
  error?: string;
}

// TestNextScheduleTime: hourly `0 * * * ?`, T1 = 10:00, T2 = 11:00.
const T1 = T(0);
const T2 = T(hours(1));
const nextCases: Record<string, NextCase> = {
  '1 created 09:50, now 09:53: nil': { creation: T1 - minutes(10), now: T1 - minutes(7), expected: null },
  '2 created 09:50, now 10:00:02: T1': { creation: T1 - minutes(10), now: T1 + seconds(2), expected: T1 },
  '3 ran T1, now 10:02: nil': { creation: T1 - minutes(10), lastSchedule: T1, now: T1 + minutes(2), expected: null },
  '4 ran T1, now 11:05: T2': { creation: T1 - minutes(10), lastSchedule: T1, now: T2 + minutes(5), expected: T2 },
  '5 created 08:00, ran 09:00, now 11:05: only the latest missed tick T2': {
    creation: T1 - hours(2), lastSchedule: T1 - hours(1), now: T2 + minutes(5), expected: T2,
  },
  '6 ten days late, no deadline: the most recent tick, with TooManyMissedTimes': {
    creation: T1 - hours(2), lastSchedule: T1 - hours(1), now: T2 + days(10), expected: T2 + days(10), tooManyMissed: true,
  },
  '7 ten days late, 2 h deadline: the most recent tick, no warning': {
    creation: T1 - hours(2), lastSchedule: T1 - hours(1), startingDeadlineSeconds: 7200, now: T2 + days(10), expected: 'non-nil', tooManyMissed: false,
  },
  '8 59 23 31 2 *: nil and the error': { creation: T1 - hours(2), now: T2, schedule: '59 23 31 2 *', expected: null, error: LESS_THAN_ONE_SECOND },
};

describe('nextScheduleTime (§5.3, §6.1 TestNextScheduleTime)', () => {
  test.each(Object.entries(nextCases))('%s', (_name, c) => {
    const state: ScheduleState = {
      creationMs: c.creation, lastScheduleMs: c.lastSchedule ?? null,
      ...(c.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: c.startingDeadlineSeconds } : {}),
    };
    const r = nextScheduleTime(state, c.now, Schedule.parse(c.schedule ?? '0 * * * ?'));
    if (c.expected === 'non-nil') expect(r.scheduledMs).not.toBeNull();
    else expect(r.scheduledMs).toBe(c.expected);
    if (c.tooManyMissed !== undefined) expect(r.tooManyMissed).toBe(c.tooManyMissed);
    expect(r.error).toBe(c.error);
  });

  test('case 6 counts 242 missed ticks (more than 100 still returns the tick)', () => {
    const r = nextScheduleTime({ creationMs: T1 - hours(2), lastScheduleMs: T1 - hours(1) }, T2 + days(10), Schedule.parse('0 * * * ?'));
    expect(r.missed).toBe(242);
    expect(r.tooManyMissed).toBe(true);
  });
});

describe('nextScheduleTimeDuration (§5.3, §6.1 TestNextScheduleTimeDuration)', () => {
  test('no previous run, Fridays 12:00, created Thu 10:00, now Thu 16:00: 20 h + 100 ms', () => {
    const d = nextScheduleTimeDuration({ creationMs: T(0), lastScheduleMs: null }, T(hours(6)), Schedule.parse('0 12 * * 5'));
    expect(d).toBe(hours(20) + 100);
  });

  test('weekly Thu 12:00, ran Thu 12:00, now T(19d1h30m): 48 h 30 min + 100 ms', () => {
    const d = nextScheduleTimeDuration({ creationMs: T(0), lastScheduleMs: T(hours(2)) }, T(days(19) + hours(1) + minutes(30)), Schedule.parse('0 12 * * 4'));
    expect(d).toBe(hours(48) + minutes(30) + 100);
  });

  test('nothing due yet: until the first tick after creation + 100 ms', () => {
    const d = nextScheduleTimeDuration({ creationMs: epochMs('2022-09-14T03:11:30Z'), lastScheduleMs: null }, epochMs('2022-09-14T03:11:30Z'), Schedule.parse('*/1 * * * *'));
    expect(d).toBe(seconds(30) + 100);
  });

  test('never-firing schedule: the error path measures from now and robfig\'s zero time makes it negative', () => {
    const d = nextScheduleTimeDuration({ creationMs: T(0), lastScheduleMs: null }, T(hours(1)), Schedule.parse('0 0 30 2 *'));
    expect(d).toBeLessThan(0);
  });
});

describe('byJobStartTime (§5.4 step 12, §6.1 TestByJobStartTime)', () => {
  const job = (name: string, startTime: number | null) => ({ name, status: { startTime } as never });
  test.each([
    ['both set, same time: by name', [job('b', 5), job('a', 5)], ['a', 'b']],
    ['unset sorts after set', [job('a', null), job('b', 5)], ['b', 'a']],
    ['earlier first', [job('a', 9), job('b', 3), job('c', 6)], ['b', 'c', 'a']],
    ['both unset: by name', [job('b', null), job('a', null)], ['a', 'b']],
    ['mixed', [job('d', null), job('c', 2), job('a', null), job('b', 2)], ['b', 'c', 'a', 'd']],
  ])('%s', (_name, jobs, expected) => {
    expect([...jobs].sort(byJobStartTime).map((j) => j.name)).toEqual(expected);
  });
});

describe('job names and other helpers', () => {
  test('getJobName: minutes since the epoch (§6.2)', () => {
    expect(jobNameFor('testcron', epochMs('2022-09-14T03:12:00Z'))).toBe('testcron-27718752');
    expect(jobNameFor('testcron', epochMs('2022-09-14T03:13:00Z'))).toBe('testcron-27718753');
    expect(jobNameFor('x', epochMs('2022-09-14T03:12:59.999Z'))).toBe('x-27718752');
  });

  test('getFinishedStatus: the first Complete/Failed condition with status True', () => {
    const j = (conditions: unknown[]) => ({ status: { conditions } as never });
    expect(finishedStatus(j([]))).toBeNull();
    expect(finishedStatus(j([{ type: 'Suspended', status: 'True' }, { type: 'Failed', status: 'True' }]))).toBe('Failed');
    expect(finishedStatus(j([{ type: 'Complete', status: 'False' }]))).toBeNull();
    expect(finishedStatus(j([{ type: 'Complete', status: 'True' }]))).toBe('Complete');
  });

  test('RFC 1123Z in UTC, as the MissSchedule message', () => {
    expect(formatRfc1123z(epochMs('2022-09-14T03:12:00Z'))).toBe('Wed, 14 Sep 2022 03:12:00 +0000');
  });

  test('formatSchedule: spec.timeZone, TZ= prefix with its warning, a zone that does not load', () => {
    const seoul = controllerSchedule({ schedule: '0 9 * * 1-5', timeZone: 'Asia/Seoul' });
    expect(seoul.ok && seoul.schedule.nextAfterMs(epochMs('2024-01-05T12:00:00Z'))).toBe(epochMs('2024-01-08T00:00:00Z'));
    const prefixed = controllerSchedule({ schedule: 'TZ=Asia/Seoul 0 9 * * *' });
    expect(prefixed.unsupportedTz).toBe(true);
    expect(prefixed.ok && prefixed.schedule.nextAfterMs(epochMs('2024-01-05T12:00:00Z'))).toBe(epochMs('2024-01-06T00:00:00Z'));
    const emptyZone = controllerSchedule({ schedule: 'TZ= 0 9 * * *' });
    expect(emptyZone.ok && emptyZone.schedule.nextAfterMs(epochMs('2024-01-05T12:00:00Z'))).toBe(epochMs('2024-01-06T09:00:00Z'));
    const bad = controllerSchedule({ schedule: 'CRON_TZ=Mars/Olympus 0 9 * * *' });
    expect(bad).toEqual({ ok: false, error: 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus', unsupportedTz: true });
    // formatSchedule drops a zone that does not load (the sync stops earlier with UnknownTimeZone).
    const dropped = controllerSchedule({ schedule: '0 9 * * *', timeZone: 'Foo/Bar' });
    expect(dropped.ok && dropped.schedule.nextAfterMs(epochMs('2024-01-05T12:00:00Z'))).toBe(epochMs('2024-01-06T09:00:00Z'));
    expect(controllerSchedule({ schedule: '99 * * * *' })).toMatchObject({ ok: false, unsupportedTz: false });
  });
});
