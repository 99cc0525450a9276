/**
 * The schedule battery: every category of shared/reference/cron-semantics.md (A, B, C1–C7, D) with
 * the exact instants that document gives, plus DST cases in several zones. Instants not printed in
 * the document were computed with robfig/cron v3.0.1 (the version Kubernetes 1.27 vendors) on Go
 * 1.19 with tzdata 2025b, the setup the document used, and are pinned here as facts.
 */
import { Schedule, ScheduleError } from '../../lib';

/** The next `count` runs after `from` as RFC 3339 UTC strings without milliseconds. */
function runs(expr: string, timeZone: string | undefined, from: string, count: number): string[] {
  return Schedule.parse(expr, { timeZone }).next(count, new Date(from)).map((d) => d.toISOString().replace('.000Z', 'Z'));
}

/** The ScheduleError thrown by `fn` (fails the test when nothing or something else is thrown). */
function scheduleError(fn: () => unknown): ScheduleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e;
    throw e;
  }
  throw new Error('expected a ScheduleError, nothing was thrown');
}

function notes(expr: string, timeZone: string, from: string, count: number): string[][] {
  return Schedule.parse(expr, { timeZone }).preview(count, new Date(from)).map((r) => [...r.notes]);
}

describe('A. cron-parser accepts, Kubernetes rejects', () => {
  test.each([
    ['*/5 * * * * *', 'expected exactly 5 fields, found 6: [*/5 * * * * *]'],
    ['5 * * *', 'expected exactly 5 fields, found 4: [5 * * *]'],
    ['0 0 1 1 * 2024', 'expected exactly 5 fields, found 6: [0 0 1 1 * 2024]'],
    ['0 0 * * * * *', 'expected exactly 5 fields, found 7: [0 0 * * * * *]'],
    ['   ', 'expected exactly 5 fields, found 0: []'],
    [' @daily', 'expected exactly 5 fields, found 1: [@daily]'],
  ])('fails when the schedule does not have exactly 5 fields: %j', (expr, reason) => {
    const err = scheduleError(() => Schedule.parse(expr));
    expect(err.field).toBe('schedule');
    expect(err.value).toBe(expr);
    expect(err.reason).toBe(reason);
  });

  test.each([
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 * * 5L', 'failed to parse int from 5L: strconv.Atoi: parsing "5L": invalid syntax'],
    ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['0 0 15W * *', 'failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax'],
  ])('fails on the L, W, #, H extensions: %j', (expr, reason) => {
    const err = scheduleError(() => Schedule.parse(expr));
    expect(err.reason).toBe(reason);
    expect(err.hint).toMatch(/no L, W, # or H/);
  });

  test.each([
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 * * 5-7', 'end of range (7) above maximum (6): 5-7'],
    ['0 0 * * 0-7', 'end of range (7) above maximum (6): 0-7'],
    ['0 0 * * 0,7', 'end of range (7) above maximum (6): 7'],
  ])('fails when 7 is used for Sunday: %j', (expr, reason) => {
    const err = scheduleError(() => Schedule.parse(expr));
    expect(err.reason).toBe(reason);
    expect(err.hint).toBe('days of the week are 0-6 with 0 = Sunday: use 0 or SUN for Sunday, never 7');
    expect(err.message).toBe(`schedule ${JSON.stringify(expr)} is invalid: ${reason}; ${err.hint}`);
  });

  test.each(['@weekdays', '@weekends', '@minutely', '@secondly', '@Daily', '@daily '])('fails on unknown descriptor %j', (expr) => {
    const err = scheduleError(() => Schedule.parse(expr));
    expect(err.reason).toBe(`unrecognized descriptor: ${expr}`);
    expect(err.hint).toMatch(/@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every/);
  });

  test('fails when the schedule is empty', () => {
    const err = scheduleError(() => Schedule.parse(''));
    expect(err.reason).toBe('empty spec string');
    expect(err.hint).toMatch(/spec.schedule is required/);
  });

  test.each([
    ['utc', 'tz names are case-sensitive: did you mean "UTC"?'],
    ['asia/seoul', 'tz names are case-sensitive: did you mean "Asia/Seoul"?'],
    ['America/New_york', 'tz names are case-sensitive: did you mean "America/New_York"?'],
    ['UTC+3', 'fixed offsets are not zone names'],
    ['US/Pacific-New', 'use an IANA tz database name'],
    ['Mars/Olympus', 'use an IANA tz database name'],
    ['America/New York', 'use an IANA tz database name'],
    ['GMT+9', 'fixed offsets are not zone names'],
    ['../UTC', 'use an IANA tz database name'],
    ['Asia/Seoul ', 'remove the surrounding white space: "Asia/Seoul"'],
    ['America/-Foo', 'use an IANA tz database name'],
    ['America/Argentina/ComodRivadaviaX', 'use an IANA tz database name'],
  ])('fails on time zone %j, which Go\'s LoadLocation does not know', (zone, hint) => {
    const err = scheduleError(() => Schedule.parse('0 9 * * *', { timeZone: zone }));
    expect(err.field).toBe('timeZone');
    expect(err.value).toBe(zone);
    expect(err.reason).toBe(`unknown time zone ${zone}`);
    expect(err.hint).toContain(hint);
  });

  test('fails when the time zone is Local, in any case', () => {
    for (const zone of ['Local', 'local', 'LOCAL']) {
      const err = scheduleError(() => Schedule.parse('0 9 * * *', { timeZone: zone }));
      expect(err.reason).toBe('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
    }
  });

  test('fails when the time zone is empty', () => {
    expect(scheduleError(() => Schedule.parse('0 9 * * *', { timeZone: '' })).reason).toBe('timeZone must be nil or non-empty string');
  });

  test('accepts exact tz database names, backward-compatibility links and Etc zones', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'US/Eastern', 'Asia/Calcutta', 'Europe/Kiev', 'America/Argentina/ComodRivadavia', 'Etc/GMT-14', 'EST5EDT', 'Factory', 'GMT']) {
      expect(Schedule.parse('0 9 * * *', { timeZone: zone }).timeZone).toBe(zone);
    }
  });

  test('a backward link runs exactly like its target', () => {
    expect(runs('30 2 * * *', 'US/Eastern', '2023-03-10T19:00:00Z', 2)).toEqual(runs('30 2 * * *', 'America/New_York', '2023-03-10T19:00:00Z', 2));
    expect(runs('30 9 * * *', 'Asia/Calcutta', '2023-03-10T19:00:00Z', 1)).toEqual(['2023-03-11T04:00:00Z']);
  });
});

describe('B. Kubernetes accepts, cron-parser rejects', () => {
  test('@every <Go duration> counts from the previous run', () => {
    expect(runs('@every 1h30m', undefined, '2023-01-01T00:00:00Z', 3)).toEqual(['2023-01-01T01:30:00Z', '2023-01-01T03:00:00Z', '2023-01-01T04:30:00Z']);
    expect(runs('@every 90s', undefined, '2023-01-01T00:00:00Z', 2)).toEqual(['2023-01-01T00:01:30Z', '2023-01-01T00:03:00Z']);
    expect(runs('@every 1.5h', undefined, '2023-01-01T00:00:00Z', 1)).toEqual(['2023-01-01T01:30:00Z']);
  });

  test('@every counts from the start rounded down to the second', () => {
    expect(Schedule.parse('@every 1m').nextAfterMs(Date.parse('2023-01-01T00:00:10.900Z'))).toBe(Date.parse('2023-01-01T00:01:10Z'));
  });

  test('@every under a second, zero or negative runs every second', () => {
    expect(runs('@every -1h', undefined, '2023-01-01T00:00:00.700Z', 3)).toEqual(['2023-01-01T00:00:01Z', '2023-01-01T00:00:02Z', '2023-01-01T00:00:03Z']);
    expect(runs('@every 0s', undefined, '2023-01-01T00:00:00Z', 2)).toEqual(['2023-01-01T00:00:01Z', '2023-01-01T00:00:02Z']);
    expect(runs('@every 500ms', undefined, '2023-01-01T00:00:00Z', 1)).toEqual(['2023-01-01T00:00:01Z']);
    expect(runs('@every 1.5s', undefined, '2023-01-01T00:00:00Z', 2)).toEqual(['2023-01-01T00:00:01Z', '2023-01-01T00:00:02Z']);
  });

  test.each([
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 90', 'failed to parse duration @every 90: time: missing unit in duration "90"'],
    ['@every  1h', 'failed to parse duration @every  1h: time: invalid duration " 1h"'],
    ['@every 1h ', 'failed to parse duration @every 1h : time: unknown unit "h " in duration "1h "'],
    ['@every', 'unrecognized descriptor: @every'],
    ['@every ', 'failed to parse duration @every : time: invalid duration ""'],
    ['@every .s', 'failed to parse duration @every .s: time: invalid duration ".s"'],
    ['@every 2562048h', 'failed to parse duration @every 2562048h: time: invalid duration "2562048h"'],
  ])('fails on @every with a bad Go duration: %j', (expr, reason) => {
    expect(scheduleError(() => Schedule.parse(expr)).reason).toBe(reason);
  });

  test('@every accepts Go\'s micro units', () => {
    // 3µs parses (3000 ns); robfig rounds it up to one second.
    expect(Schedule.parse('@every 3µs').warnings[0]).toBe('@every 3µs is shorter than a second: robfig/cron runs it every second');
    expect(Schedule.parse('@every 3us').warnings[0]).toBe('@every 3µs is shorter than a second: robfig/cron runs it every second');
  });

  test('@midnight is @daily', () => {
    expect(runs('@midnight', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-02T00:00:00Z', '2023-01-03T00:00:00Z']);
    expect(runs('@midnight', 'Asia/Seoul', '2023-01-01T10:00:00Z', 1)).toEqual(runs('@daily', 'Asia/Seoul', '2023-01-01T10:00:00Z', 1));
  });

  test('every descriptor', () => {
    const from = '2023-05-17T10:20:30Z';
    expect(runs('@yearly', undefined, from, 1)).toEqual(['2024-01-01T00:00:00Z']);
    expect(runs('@annually', undefined, from, 1)).toEqual(['2024-01-01T00:00:00Z']);
    expect(runs('@monthly', undefined, from, 1)).toEqual(['2023-06-01T00:00:00Z']);
    expect(runs('@weekly', undefined, from, 1)).toEqual(['2023-05-21T00:00:00Z']);
    expect(runs('@daily', undefined, from, 1)).toEqual(['2023-05-18T00:00:00Z']);
    expect(runs('@hourly', undefined, from, 1)).toEqual(['2023-05-17T11:00:00Z']);
  });

  test('duplicate and overlapping list items are accepted', () => {
    expect(runs('1,1 * * * *', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-01T10:01:00Z', '2023-01-01T11:01:00Z']);
    expect(runs('1-5,3 * * * *', undefined, '2023-01-01T10:00:00Z', 6)).toEqual([
      '2023-01-01T10:01:00Z', '2023-01-01T10:02:00Z', '2023-01-01T10:03:00Z', '2023-01-01T10:04:00Z', '2023-01-01T10:05:00Z', '2023-01-01T11:01:00Z',
    ]);
    expect(runs('0 0 * * 1,MON', undefined, '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z']);
    expect(runs('0 0 *,5 * 1', undefined, '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z']);
  });

  test('empty list items are ignored', () => {
    expect(runs('1,2, * * * *', undefined, '2023-01-01T10:00:00Z', 3)).toEqual(['2023-01-01T10:01:00Z', '2023-01-01T10:02:00Z', '2023-01-01T11:01:00Z']);
    expect(runs(',5 * * * *', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-01T10:05:00Z', '2023-01-01T11:05:00Z']);
    expect(runs('1,,2 * * * *', undefined, '2023-01-01T10:00:00Z', 3)).toEqual(['2023-01-01T10:01:00Z', '2023-01-01T10:02:00Z', '2023-01-01T11:01:00Z']);
    expect(Schedule.parse('1,,2 * * * *').warnings).toContain('the minute field `1,,2` has empty list items: robfig/cron ignores them');
  });

  test('a field of commas only is accepted and never fires', () => {
    for (const expr of [', * * * *', '0 0 , * *']) {
      const s = Schedule.parse(expr);
      expect(s.next(1, new Date('2023-01-01T10:00:00Z'))).toEqual([]);
      expect(s.nextOutcome(Date.parse('2023-01-01T10:00:00Z'))).toEqual({ kind: 'none' });
      expect(s.warnings.join('\n')).toMatch(/this schedule never fires: the (minute|day-of-month) field selects no value/);
    }
  });

  test('+N is N, and *-N / ?-N mean *', () => {
    expect(runs('+5 * * * *', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-01T10:05:00Z', '2023-01-01T11:05:00Z']);
    expect(runs('*-5 * * * *', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-01T10:01:00Z', '2023-01-01T10:02:00Z']);
    expect(runs('?-5 * * * *', undefined, '2023-01-01T10:00:00Z', 2)).toEqual(['2023-01-01T10:01:00Z', '2023-01-01T10:02:00Z']);
    expect(Schedule.parse('*-5 * * * *').warnings).toEqual(['`*-5` in the minute field means `*`: robfig/cron ignores what follows `*-`']);
  });

  test.each(['0 0 30 2 *', '0 0 31 2 *', '0 0 31 4,6,9,11 *'])('impossible date %j is accepted and never fires', (expr) => {
    const s = Schedule.parse(expr);
    expect(s.next(3, new Date('2023-01-01T10:00:00Z'))).toEqual([]);
    expect(s.nextAfterMs(Date.parse('2023-01-01T10:00:00Z'))).toBeUndefined();
    expect(s.warnings[0]).toMatch(/^this schedule never fires: day-of-month 3\d(,3\d)? does not exist in month [0-9,]+\. Kubernetes accepts it, then the CronJob controller records InvalidSchedule and creates no Job$/);
  });

  test.each([
    'TZ=Asia/Seoul 0 9 * * *',
    'CRON_TZ=Asia/Seoul 0 9 * * *',
    'TZ= 0 9 * * *',
    'TZ=Asia/Seoul @daily',
    'TZ=UTC',
  ])('fails when the schedule contains TZ: %j', (expr) => {
    const err = scheduleError(() => Schedule.parse(expr));
    expect(err.field).toBe('schedule');
    expect(err.reason).toBe('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(err.hint).toMatch(/timeZone option \(spec\.timeZone\).*1\.27.*1\.29\+ rejects it/);
  });

  test('fails on odd zone strings the API server rejects although robfig would parse them', () => {
    expect(scheduleError(() => Schedule.parse('0 9 * * *', { timeZone: '' })).field).toBe('timeZone');
    expect(scheduleError(() => Schedule.parse('0 9 * * *', { timeZone: 'Asia/Seoul ' })).reason).toBe('unknown time zone Asia/Seoul ');
  });
});

describe('C1. DST spring-forward: a local time in the skipped hour does not run that day', () => {
  test('30 2 * * * in America/New_York skips March 12 (the reference example)', () => {
    expect(runs('30 2 * * *', 'America/New_York', '2023-03-10T19:00:00Z', 3)).toEqual(['2023-03-11T07:30:00Z', '2023-03-13T06:30:00Z', '2023-03-14T06:30:00Z']);
    expect(notes('30 2 * * *', 'America/New_York', '2023-03-10T19:00:00Z', 2)).toEqual([
      [],
      ['02:30 does not exist on 2023-03-12 in America/New_York; Kubernetes skips this run'],
    ]);
  });

  test.each([
    ['0 2 * * *', ['2023-03-11T07:00:00Z', '2023-03-13T06:00:00Z']],
    ['59 2 * * *', ['2023-03-11T07:59:00Z', '2023-03-13T06:59:00Z']],
  ])('%s in America/New_York skips March 12 too', (expr, expected) => {
    expect(runs(expr, 'America/New_York', '2023-03-10T19:00:00Z', 2)).toEqual(expected);
  });

  test('a weekly job loses that Sunday and a yearly job a whole year', () => {
    expect(runs('15 2 * * 0', 'America/New_York', '2023-03-01T00:00:00Z', 3)).toEqual(['2023-03-05T07:15:00Z', '2023-03-19T06:15:00Z', '2023-03-26T06:15:00Z']);
    expect(runs('30 2 12 3 *', 'America/New_York', '2022-03-13T00:00:00Z', 2)).toEqual(['2024-03-12T06:30:00Z', '2025-03-12T06:30:00Z']);
    expect(notes('30 2 12 3 *', 'America/New_York', '2022-03-13T00:00:00Z', 1)[0]).toEqual(['02:30 does not exist on 2023-03-12 in America/New_York; Kubernetes skips this run']);
  });

  test('0 */2 has no 02:00 run, and * 2 * * * has no run at all on March 12', () => {
    expect(runs('0 */2 * * *', 'America/New_York', '2023-03-12T04:00:00Z', 3)).toEqual(['2023-03-12T05:00:00Z', '2023-03-12T08:00:00Z', '2023-03-12T10:00:00Z']);
    expect(runs('* 2 * * *', 'America/New_York', '2023-03-11T07:58:00Z', 3)).toEqual(['2023-03-11T07:59:00Z', '2023-03-13T06:00:00Z', '2023-03-13T06:01:00Z']);
    expect(notes('* 2 * * *', 'America/New_York', '2023-03-11T07:58:00Z', 2)[1]).toEqual([
      '02:00, 02:01, 02:02 and 57 more do not exist on 2023-03-12 in America/New_York; Kubernetes skips these runs',
    ]);
  });

  test('hour ranges that also contain the next hour run normally', () => {
    expect(runs('0 1-3 * * *', 'America/New_York', '2023-03-12T00:00:00Z', 3)).toEqual(['2023-03-12T06:00:00Z', '2023-03-12T07:00:00Z', '2023-03-13T05:00:00Z']);
  });

  test('the same in Berlin and Sydney', () => {
    expect(runs('30 2 * * *', 'Europe/Berlin', '2023-03-25T00:00:00Z', 3)).toEqual(['2023-03-25T01:30:00Z', '2023-03-27T00:30:00Z', '2023-03-28T00:30:00Z']);
    expect(notes('30 2 * * *', 'Europe/Berlin', '2023-03-25T00:00:00Z', 2)[1]).toEqual(['02:30 does not exist on 2023-03-26 in Europe/Berlin; Kubernetes skips this run']);
    // Sydney springs forward on 2023-10-01 at 02:00 AEST.
    expect(runs('30 2 * * *', 'Australia/Sydney', '2023-09-30T00:00:00Z', 2)).toEqual(['2023-10-01T15:30:00Z', '2023-10-02T15:30:00Z']);
    expect(notes('30 2 * * *', 'Australia/Sydney', '2023-09-30T00:00:00Z', 1)[0]).toEqual(['02:30 does not exist on 2023-10-01 in Australia/Sydney; Kubernetes skips this run']);
  });
});

describe('C2. DST fall-back: a local time in the repeated hour runs twice', () => {
  test('30 1 * * * in America/New_York runs at 01:30 EDT and 01:30 EST (the reference example)', () => {
    expect(runs('30 1 * * *', 'America/New_York', '2023-11-03T18:00:00Z', 4)).toEqual(['2023-11-04T05:30:00Z', '2023-11-05T05:30:00Z', '2023-11-05T06:30:00Z', '2023-11-06T06:30:00Z']);
    const preview = Schedule.parse('30 1 * * *', { timeZone: 'America/New_York' }).preview(3, new Date('2023-11-03T18:00:00Z'));
    expect(preview.map((r) => r.local)).toEqual(['2023-11-04T01:30:00-04:00', '2023-11-05T01:30:00-04:00', '2023-11-05T01:30:00-05:00']);
    expect(preview[1].notes).toEqual(['01:30 occurs twice on 2023-11-05 in America/New_York; Kubernetes runs at both']);
    expect(preview[2].notes).toEqual(['01:30 occurs twice on 2023-11-05 in America/New_York; Kubernetes runs at both']);
  });

  test('0 */2 * * * in Berlin runs at 02:00 CEST and 02:00 CET', () => {
    expect(runs('0 */2 * * *', 'Europe/Berlin', '2023-10-28T21:00:00Z', 4)).toEqual(['2023-10-28T22:00:00Z', '2023-10-29T00:00:00Z', '2023-10-29T01:00:00Z', '2023-10-29T03:00:00Z']);
    expect(runs('30 2 * * *', 'Europe/Berlin', '2023-10-28T00:00:00Z', 3)).toEqual(['2023-10-28T00:30:00Z', '2023-10-29T00:30:00Z', '2023-10-29T01:30:00Z']);
  });

  test('30 2 * * * in Sydney runs twice on 2023-04-02', () => {
    expect(runs('30 2 * * *', 'Australia/Sydney', '2023-04-01T00:00:00Z', 3)).toEqual(['2023-04-01T15:30:00Z', '2023-04-01T16:30:00Z', '2023-04-02T16:30:00Z']);
  });

  test('schedules matching every hour get one run per real hour', () => {
    expect(runs('0 * * * *', 'America/New_York', '2023-11-05T04:30:00Z', 4)).toEqual(['2023-11-05T05:00:00Z', '2023-11-05T06:00:00Z', '2023-11-05T07:00:00Z', '2023-11-05T08:00:00Z']);
    expect(runs('@hourly', 'America/New_York', '2023-03-12T05:30:00Z', 3)).toEqual(['2023-03-12T06:00:00Z', '2023-03-12T07:00:00Z', '2023-03-12T08:00:00Z']);
    expect(runs('*/15 * * * *', 'America/New_York', '2023-11-05T05:50:00Z', 6)).toEqual([
      '2023-11-05T06:00:00Z', '2023-11-05T06:15:00Z', '2023-11-05T06:30:00Z', '2023-11-05T06:45:00Z', '2023-11-05T07:00:00Z', '2023-11-05T07:15:00Z',
    ]);
  });
});

describe('C3. DST at midnight', () => {
  test('skipped midnight in America/Santiago: no run on September 3', () => {
    expect(runs('0 0 * * *', 'America/Santiago', '2023-09-01T12:00:00Z', 3)).toEqual(['2023-09-02T04:00:00Z', '2023-09-04T03:00:00Z', '2023-09-05T03:00:00Z']);
    expect(runs('30 0 * * *', 'America/Santiago', '2023-09-01T12:00:00Z', 2)).toEqual(['2023-09-02T04:30:00Z', '2023-09-04T03:30:00Z']);
    expect(notes('0 0 * * *', 'America/Santiago', '2023-09-01T12:00:00Z', 2)[1]).toEqual(['00:00 does not exist on 2023-09-03 in America/Santiago; Kubernetes skips this run']);
  });

  test('@weekly in America/Santiago loses that Sunday', () => {
    expect(runs('@weekly', 'America/Santiago', '2023-08-28T00:00:00Z', 2)).toEqual(['2023-09-10T03:00:00Z', '2023-09-17T03:00:00Z']);
  });

  test('skipped midnight in Havana and São Paulo', () => {
    expect(runs('0 0 * * *', 'America/Havana', '2023-03-10T00:00:00Z', 4)).toEqual(['2023-03-10T05:00:00Z', '2023-03-11T05:00:00Z', '2023-03-13T04:00:00Z', '2023-03-14T04:00:00Z']);
    expect(runs('0 0 * * *', 'America/Sao_Paulo', '2018-11-02T12:00:00Z', 3)).toEqual(['2018-11-03T03:00:00Z', '2018-11-05T02:00:00Z', '2018-11-06T02:00:00Z']);
  });

  test('repeated midnight in America/Havana runs at both 04:00Z and 05:00Z', () => {
    expect(runs('0 0 * * *', 'America/Havana', '2023-11-03T00:00:00Z', 4)).toEqual(['2023-11-03T04:00:00Z', '2023-11-04T04:00:00Z', '2023-11-05T04:00:00Z', '2023-11-05T05:00:00Z']);
  });

  test('robfig runs 0 1 * * 6 on a Sunday in America/Santiago (and says so)', () => {
    expect(runs('0 1 * * 6', 'America/Santiago', '2023-08-31T12:00:00Z', 3)).toEqual(['2023-09-02T05:00:00Z', '2023-09-03T04:00:00Z', '2023-09-09T04:00:00Z']);
    expect(notes('0 1 * * 6', 'America/Santiago', '2023-08-31T12:00:00Z', 2)[1]).toEqual([
      "01:00 on 2023-09-03 (Sunday) does not match the schedule: robfig/cron's Next lands here after a DST change in America/Santiago, and Kubernetes runs it",
    ]);
  });

  test('the same wrong-day effect in Tehran: 0 0 * * * has no run on 2021-03-22', () => {
    expect(runs('0 0 * * *', 'Asia/Tehran', '2021-03-20T12:00:00Z', 3)).toEqual(['2021-03-20T20:30:00Z', '2021-03-22T19:30:00Z', '2021-03-23T19:30:00Z']);
  });

  test('robfig loses most of October in America/Asuncion', () => {
    expect(runs('15 3 * 10 *', 'America/Asuncion', '2023-09-30T00:00:00Z', 3)).toEqual(['2023-10-31T06:15:00Z', '2024-10-01T07:15:00Z', '2024-10-02T07:15:00Z']);
    expect(runs('15 3 1 10 *', 'America/Asuncion', '2023-09-30T00:00:00Z', 2)).toEqual(['2024-10-01T07:15:00Z', '2025-10-01T06:15:00Z']);
    expect(notes('15 3 * 10 *', 'America/Asuncion', '2023-09-30T00:00:00Z', 1)[0]).toEqual([
      "03:15 on 2023-10-01, 03:15 on 2023-10-02, 03:15 on 2023-10-03 and 27 more match the schedule, but robfig/cron's Next passes over them after the DST change in America/Asuncion; Kubernetes does not run then",
    ]);
  });

  test('robfig\'s choice in Asia/Amman depends on the path it takes', () => {
    // Reached through time.Date: only the later 00:00 (+02).
    expect(runs('0 0 26 10 *', 'Asia/Amman', '2018-01-01T00:00:00Z', 1)).toEqual(['2018-10-25T22:00:00Z']);
    expect(notes('0 0 26 10 *', 'Asia/Amman', '2018-01-01T00:00:00Z', 1)[0]).toEqual([
      '00:00 occurs twice on 2018-10-26 in Asia/Amman (+03:00, then +02:00); Kubernetes runs only at the second',
    ]);
    // Reached by hour steps from the day before: both.
    expect(runs('0 0 * * *', 'Asia/Amman', '2018-10-24T12:00:00Z', 3)).toEqual(['2018-10-24T21:00:00Z', '2018-10-25T21:00:00Z', '2018-10-25T22:00:00Z']);
  });
});

describe('C4. Odd zones', () => {
  test('Lord Howe (30-minute DST): 45 1 * * * runs at 01:45 and 02:45 on 2023-10-01', () => {
    expect(runs('45 1 * * *', 'Australia/Lord_Howe', '2023-09-30T00:00:00Z', 3)).toEqual(['2023-09-30T15:15:00Z', '2023-09-30T15:45:00Z', '2023-10-01T14:45:00Z']);
    const preview = Schedule.parse('45 1 * * *', { timeZone: 'Australia/Lord_Howe' }).preview(2, new Date('2023-09-30T00:00:00Z'));
    expect(preview.map((r) => r.local)).toEqual(['2023-10-01T01:45:00+10:30', '2023-10-01T02:45:00+11:00']);
  });

  test('Lord Howe: 0 2 and 15 2 miss 2023-04-02 although those times exist', () => {
    expect(runs('0 2 * * *', 'Australia/Lord_Howe', '2023-04-01T00:00:00Z', 2)).toEqual(['2023-04-02T15:30:00Z', '2023-04-03T15:30:00Z']);
    expect(runs('15 2 * * *', 'Australia/Lord_Howe', '2023-04-01T00:00:00Z', 2)).toEqual(['2023-04-02T15:45:00Z', '2023-04-03T15:45:00Z']);
  });

  test('Lord Howe: */15 across the spring-forward', () => {
    expect(runs('*/15 * * * *', 'Australia/Lord_Howe', '2023-09-30T15:20:00Z', 6)).toEqual([
      '2023-09-30T15:30:00Z', '2023-09-30T15:45:00Z', '2023-09-30T16:00:00Z', '2023-09-30T16:15:00Z', '2023-09-30T16:30:00Z', '2023-09-30T16:45:00Z',
    ]);
  });

  test('Chatham (45-minute offset): Next returns a non-matching time, then goes back in time', () => {
    const s = Schedule.parse('15,35,51 3 * * *', { timeZone: 'Pacific/Chatham' });
    const chain: string[] = [];
    let after = Date.parse('2018-03-31T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      after = s.nextAfterMs(after)!;
      chain.push(new Date(after).toISOString().replace('.000Z', 'Z'));
    }
    expect(chain).toEqual(['2018-03-31T13:30:00Z', '2018-03-31T13:50:00Z', '2018-03-31T14:06:00Z', '2018-03-31T13:30:00Z', '2018-03-31T13:50:00Z']);
    // next() stops where robfig stops moving forward.
    expect(runs('15,35,51 3 * * *', 'Pacific/Chatham', '2018-03-31T00:00:00Z', 5)).toEqual(chain.slice(0, 3));
    // For 51 3 * * *, Next(t) returns t itself.
    const t = Date.parse('2018-03-31T14:06:00Z');
    expect(Schedule.parse('51 3 * * *', { timeZone: 'Pacific/Chatham' }).nextAfterMs(t)).toBe(t);
  });

  test('Troll (2-hour DST shift)', () => {
    expect(runs('16 */2 * * *', 'Antarctica/Troll', '2023-03-25T20:00:00Z', 4)).toEqual(['2023-03-25T20:16:00Z', '2023-03-25T22:16:00Z', '2023-03-26T00:16:00Z', '2023-03-26T02:16:00Z']);
  });

  test('Apia skipped 2011-12-30: robfig\'s Next never returns; we detect it', () => {
    const s = Schedule.parse('0 0 30 12 *', { timeZone: 'Pacific/Apia' });
    expect(s.nextOutcome(Date.parse('2011-06-01T00:00:00Z'))).toEqual({ kind: 'hang' });
    expect(s.nextAfterMs(Date.parse('2011-06-01T00:00:00Z'))).toBeUndefined();
    expect(s.next(3, new Date('2011-06-01T00:00:00Z'))).toEqual([]);
    // Once past that day it runs normally.
    expect(runs('0 0 30 12 *', 'Pacific/Apia', '2012-01-01T00:00:00Z', 1)).toEqual(['2012-12-29T10:00:00Z']);
  });
});

describe('C5. Which fields count as * for the day OR rule', () => {
  test('0 0 */1 * 1 runs on Mondays only', () => {
    expect(runs('0 0 */1 * 1', undefined, '2024-01-01T00:00:00Z', 3)).toEqual(['2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z', '2024-01-22T00:00:00Z']);
    expect(Schedule.parse('0 0 */1 * 1').warnings).toEqual([
      'day-of-month `*/1` counts as `*` for robfig/cron (an item starting with * or ? without a step above 1), so the days are those of day-of-week `1` alone (AND, not OR)',
    ]);
  });

  test('0 0 1 * */1 runs on the 1st only', () => {
    expect(runs('0 0 1 * */1', undefined, '2024-01-01T00:00:00Z', 3)).toEqual(['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z']);
    expect(Schedule.parse('0 0 1 * */1').warnings[0]).toMatch(/^day-of-week `\*\/1` counts as `\*`/);
  });

  test('?/1 and *,5 count as * too', () => {
    expect(runs('0 0 ?/1 * 1', undefined, '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-08T00:00:00Z']);
    expect(runs('0 0 *,5 * 1', undefined, '2024-01-01T00:00:00Z', 3)).toEqual(['2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z', '2024-01-22T00:00:00Z']);
  });

  test('*/2 does not count as *: both restricted, OR applies', () => {
    // Odd days of the month OR Mondays.
    expect(runs('0 0 */2 * 1', undefined, '2024-01-01T00:00:00Z', 4)).toEqual(['2024-01-03T00:00:00Z', '2024-01-05T00:00:00Z', '2024-01-07T00:00:00Z', '2024-01-08T00:00:00Z']);
  });
});

describe('C6. N/step in day-of-week stops at 6', () => {
  test.each([
    ['0 0 * * 1/2', ['2024-01-03T00:00:00Z', '2024-01-05T00:00:00Z', '2024-01-08T00:00:00Z', '2024-01-10T00:00:00Z']],
    ['0 0 * * MON/2', ['2024-01-03T00:00:00Z', '2024-01-05T00:00:00Z', '2024-01-08T00:00:00Z', '2024-01-10T00:00:00Z']],
    ['0 0 * * 2/5', ['2024-01-02T00:00:00Z', '2024-01-09T00:00:00Z', '2024-01-16T00:00:00Z', '2024-01-23T00:00:00Z']],
  ])('%s has no Sunday', (expr, expected) => {
    expect(runs(expr, undefined, '2024-01-01T00:00:00Z', 4)).toEqual(expected);
  });

  test('warns that N/step stops at Saturday', () => {
    expect(Schedule.parse('0 0 * * 1/2').warnings).toEqual(['`1/2` in the day-of-week field means `1-6/2`: it stops at Saturday (6); Sunday is 0 and 7 is not a day']);
    expect(Schedule.parse('0 0 * * */2').warnings).toEqual([]);
  });
});

describe('C7. The 5-year horizon', () => {
  test('0 0 29 2 * from 2096-03-01 finds nothing (the next Feb 29 is in 2104)', () => {
    const s = Schedule.parse('0 0 29 2 *');
    expect(s.nextOutcome(Date.parse('2096-03-01T00:00:00Z'))).toEqual({ kind: 'none' });
    expect(s.next(1, new Date('2096-03-01T00:00:00Z'))).toEqual([]);
    expect(runs('0 0 29 2 *', undefined, '2023-03-01T00:00:00Z', 2)).toEqual(['2024-02-29T00:00:00Z', '2028-02-29T00:00:00Z']);
    expect(s.warnings[0]).toMatch(/^this schedule fires only on February 29/);
  });
});

describe('D. Where cron-parser agrees (regression checks)', () => {
  test('plain fields, ranges and steps', () => {
    expect(runs('*/7 * * * *', 'Asia/Kathmandu', '2023-05-05T10:55:30.250Z', 4)).toEqual(['2023-05-05T10:57:00Z', '2023-05-05T11:04:00Z', '2023-05-05T11:11:00Z', '2023-05-05T11:15:00Z']);
    expect(runs('5-59/15 * * * *', 'Asia/Kolkata', '2023-05-05T10:55:00Z', 3)).toEqual(['2023-05-05T11:05:00Z', '2023-05-05T11:20:00Z', '2023-05-05T11:35:00Z']);
    expect(runs('0 0-23/5 * * *', 'Pacific/Chatham', '2023-06-05T10:55:00Z', 3)).toEqual(['2023-06-05T11:15:00Z', '2023-06-05T16:15:00Z', '2023-06-05T21:15:00Z']);
    expect(runs('10/15 * * * *', undefined, '2023-05-05T10:55:00Z', 3)).toEqual(['2023-05-05T11:10:00Z', '2023-05-05T11:25:00Z', '2023-05-05T11:40:00Z']);
    expect(runs('*/60 * * * *', undefined, '2023-05-05T10:55:00Z', 2)).toEqual(['2023-05-05T11:00:00Z', '2023-05-05T12:00:00Z']);
  });

  test('names are case-insensitive three-letter words in the right field, and ? means *', () => {
    expect(runs('0 12 ? jan-Mar MON', undefined, '2024-01-01T12:00:00Z', 2)).toEqual(['2024-01-08T12:00:00Z', '2024-01-15T12:00:00Z']);
    expect(runs('? ? ? ? ?', undefined, '2024-01-01T12:00:00Z', 1)).toEqual(['2024-01-01T12:01:00Z']);
  });

  test('OR rule for literal *: 0 0 13 * 5 is every 13th and every Friday', () => {
    expect(runs('0 0 13 * 5', undefined, '2023-01-01T00:00:00Z', 4)).toEqual(['2023-01-06T00:00:00Z', '2023-01-13T00:00:00Z', '2023-01-20T00:00:00Z', '2023-01-27T00:00:00Z']);
    expect(Schedule.parse('0 0 13 * 5').warnings).toEqual(['day-of-month `13` and day-of-week `5` are both restricted, so Kubernetes runs on days that match either of them (OR), not both']);
  });

  test('the search starts strictly after from, including fractional seconds and non-UTC offsets', () => {
    const s = Schedule.parse('0 9 * * 1-5', { timeZone: 'Asia/Seoul' });
    expect(s.next(1, new Date('2023-03-10T00:00:00+09:00')).map((d) => d.toISOString())).toEqual(['2023-03-10T00:00:00.000Z']);
    expect(s.nextAfterMs(Date.parse('2023-03-10T00:00:00Z'))).toBe(Date.parse('2023-03-13T00:00:00Z'));
    expect(s.nextAfterMs(Date.parse('2023-03-09T23:59:59.999Z'))).toBe(Date.parse('2023-03-10T00:00:00Z'));
  });

  test.each([
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['*/-1 * * * *', 'negative number (-1) not allowed: -1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['0 0 * * SAT-SUN', 'beginning of range (6) beyond end of range (0): SAT-SUN'],
    ['0 0 * * MONDAY', 'failed to parse int from MONDAY: strconv.Atoi: parsing "MONDAY": invalid syntax'],
    ['0 0 * MON *', 'failed to parse int from MON: strconv.Atoi: parsing "MON": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['9223372036854775807 * * * *', 'end of range (9223372036854775807) above maximum (59): 9223372036854775807'],
  ])('fails on %j like robfig', (expr, reason) => {
    expect(scheduleError(() => Schedule.parse(expr)).reason).toBe(reason);
  });

  test('hints for common mistakes', () => {
    expect(scheduleError(() => Schedule.parse('0 0 * * MONDAY')).hint).toBe('names are three letters: JAN-DEC for months, SUN-SAT for days of the week');
    expect(scheduleError(() => Schedule.parse('0 0 * MON *')).hint).toBe('month names (JAN-DEC) belong in the month field and day names (SUN-SAT) in the day-of-week field');
    expect(scheduleError(() => Schedule.parse('0 0 * wed *')).hint).toBe('month names (JAN-DEC) belong in the month field and day names (SUN-SAT) in the day-of-week field');
    expect(scheduleError(() => Schedule.parse('0 0 * * FRIDAY')).hint).toBe('names are three letters: JAN-DEC for months, SUN-SAT for days of the week');
    expect(scheduleError(() => Schedule.parse('0 0 * * FRI#3')).hint).toMatch(/no L, W, # or H/);
    expect(scheduleError(() => Schedule.parse('0 0 LW * *')).hint).toMatch(/no L, W, # or H/);
    expect(scheduleError(() => Schedule.parse('*/5 * * * * *')).hint).toMatch(/there is no seconds or year field/);
    expect(scheduleError(() => Schedule.parse('*/0 * * * *')).hint).toBe('a step must be at least 1, e.g. */5');
  });
});

describe('DST in several zones', () => {
  test('Asia/Seoul has no DST: 09:00 KST is always 00:00Z', () => {
    const s = Schedule.parse('0 9 * * *', { timeZone: 'Asia/Seoul' });
    for (const from of ['2023-03-11T12:00:00Z', '2023-11-04T12:00:00Z', '2024-03-30T12:00:00Z', '2024-10-26T12:00:00Z']) {
      const preview = s.preview(3, new Date(from));
      expect(preview.every((r) => r.at.getUTCHours() === 0 && r.at.getUTCMinutes() === 0)).toBe(true);
      expect(preview.every((r) => r.notes.length === 0 && r.local.endsWith('T09:00:00+09:00'))).toBe(true);
    }
  });

  test('no notes away from DST changes', () => {
    expect(notes('30 2 * * *', 'America/New_York', '2023-06-10T00:00:00Z', 5).flat()).toEqual([]);
  });

  test('UTC schedules get local times with +00:00 and no notes', () => {
    const preview = Schedule.parse('0 2 * * *').preview(2, new Date('2024-01-01T00:00:00Z'));
    expect(preview).toEqual([
      { at: new Date('2024-01-01T02:00:00Z'), local: '2024-01-01T02:00:00+00:00', notes: [] },
      { at: new Date('2024-01-02T02:00:00Z'), local: '2024-01-02T02:00:00+00:00', notes: [] },
    ]);
  });
});

describe('seed facts', () => {
  test('seed 001: */1 * * * * from 03:11:30Z runs at 03:12, the job testcron-27718752', () => {
    const [first] = Schedule.parse('*/1 * * * *').next(1, new Date('2022-09-14T03:11:30Z'));
    expect(first.toISOString()).toBe('2022-09-14T03:12:00.000Z');
    expect(`testcron-${first.getTime() / 1000 / 60}`).toBe('testcron-27718752');
  });

  test('seed 003: 0 9 * * 1-5 in Asia/Seoul is 00:00Z Monday to Friday', () => {
    const next = runs('0 9 * * 1-5', 'Asia/Seoul', '2024-01-05T00:00:00Z', 5);
    expect(next).toEqual(['2024-01-08T00:00:00Z', '2024-01-09T00:00:00Z', '2024-01-10T00:00:00Z', '2024-01-11T00:00:00Z', '2024-01-12T00:00:00Z']);
    expect(next.map((d) => new Date(d).getUTCDay())).toEqual([1, 2, 3, 4, 5]);
  });

  test('seed 000: 0 2 * * * runs at 02:00 UTC daily', () => {
    expect(runs('0 2 * * *', undefined, '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-01T02:00:00Z', '2024-01-02T02:00:00Z']);
  });
});

describe('Schedule API', () => {
  test('Schedule.cron builds the expression, fields default to *', () => {
    const s = Schedule.cron({ minute: '0', hour: '9', weekDay: '1-5' }, { timeZone: 'Asia/Seoul' });
    expect(s.expression).toBe('0 9 * * 1-5');
    expect(s.timeZone).toBe('Asia/Seoul');
    expect(String(s)).toBe('0 9 * * 1-5');
    expect(Schedule.cron({}).expression).toBe('* * * * *');
    expect(Schedule.cron({ dayOfMonth: '1', month: 'JAN' }).expression).toBe('* * 1 JAN *');
  });

  test('fails when a Schedule.cron field is empty or has spaces', () => {
    expect(scheduleError(() => Schedule.cron({ hour: '' })).reason).toBe('the hour field must be a non-empty string without white space, got ""');
    expect(scheduleError(() => Schedule.cron({ minute: '0 1' })).reason).toBe('the minute field must be a non-empty string without white space, got "0 1"');
    expect(scheduleError(() => Schedule.cron({ weekDay: '7' })).reason).toBe('end of range (7) above maximum (6): 7');
  });

  test('timeZone is undefined for UTC; zoneName says UTC', () => {
    const s = Schedule.parse('@daily');
    expect(s.timeZone).toBeUndefined();
    expect(s.zoneName).toBe('UTC');
  });

  test('next(0) is empty; fails on a negative count or an invalid date', () => {
    const s = Schedule.parse('@daily');
    expect(s.next(0, new Date(0))).toEqual([]);
    expect(() => s.next(-1)).toThrow(RangeError);
    expect(() => s.next(1.5)).toThrow(RangeError);
    expect(() => s.next(1, new Date('nope'))).toThrow(RangeError);
    expect(() => s.nextAfterMs(Number.NaN)).toThrow(RangeError);
  });

  test('next() defaults to now', () => {
    const before = Date.now();
    const [first] = Schedule.parse('* * * * *').next(1);
    expect(first.getTime()).toBeGreaterThan(before);
    expect(first.getTime() - before).toBeLessThanOrEqual(61_000);
  });

  test('works from Go\'s zero time (year 1), which the controller may pass after a zero Next', () => {
    const year1 = new Date(0);
    year1.setUTCFullYear(1, 0, 1);
    const next = Schedule.parse('0 0 29 2 *').nextAfterMs(year1.getTime());
    expect(new Date(next!).toISOString()).toBe('0004-02-29T00:00:00.000Z');
  });

  test('ScheduleError carries field, value, reason and hint', () => {
    const err = scheduleError(() => Schedule.parse('0 0 * * 7', { timeZone: 'Asia/Seoul' }));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ScheduleError');
    expect(err).toMatchObject({ field: 'schedule', value: '0 0 * * 7', reason: 'end of range (7) above maximum (6): 7' });
    // The zone is checked first: a bad zone is reported even with a bad schedule.
    expect(scheduleError(() => Schedule.parse('0 0 * * 7', { timeZone: 'Asia/seoul' })).field).toBe('timeZone');
  });
});

describe('warnings', () => {
  test('a plain schedule has none', () => {
    expect(Schedule.parse('0 2 * * *').warnings).toEqual([]);
    expect(Schedule.parse('0 9 * * 1-5', { timeZone: 'Asia/Seoul' }).warnings).toEqual([]);
    expect(Schedule.parse('@daily').warnings).toEqual([]);
  });

  test('@every: negative, sub-second, fractional, very frequent, with a time zone', () => {
    expect(Schedule.parse('@every -1h').warnings).toEqual([
      '@every -1h0m0s is not positive: robfig/cron runs it every second',
      'runs more often than every 10 seconds: each run is a new Job and Pod, which Kubernetes does not create that fast',
    ]);
    expect(Schedule.parse('@every 500ms').warnings[0]).toBe('@every 500ms is shorter than a second: robfig/cron runs it every second');
    expect(Schedule.parse('@every 90.5s').warnings).toEqual(['@every 1m30.5s: robfig/cron drops the sub-second part and runs every 90s']);
    expect(Schedule.parse('@every 1h', { timeZone: 'Europe/Berlin' }).warnings).toEqual([
      'timeZone Europe/Berlin has no effect on @every: the interval counts elapsed time from the previous run (or from the CronJob\'s creation)',
    ]);
  });

  test('never-firing schedules', () => {
    expect(Schedule.parse('0 0 30 2 *').warnings).toEqual([
      'this schedule never fires: day-of-month 30 does not exist in month 2. Kubernetes accepts it, then the CronJob controller records InvalidSchedule and creates no Job',
    ]);
    // With OR, a weekday rescues an impossible date.
    expect(Schedule.parse('0 0 30 2 1').warnings).toEqual(['day-of-month `30` and day-of-week `1` are both restricted, so Kubernetes runs on days that match either of them (OR), not both']);
    expect(runs('0 0 30 2 1', undefined, '2024-01-01T00:00:00Z', 1)).toEqual(['2024-02-05T00:00:00Z']);
  });
});
