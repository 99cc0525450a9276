/**
 * Go `time` emulation (lib/schedule/zone.ts): `time.Date` normalisation and zone resolution, `AddDate`,
 * civil-date arithmetic and Intl-derived offsets. Expected instants come from Go 1.19's
 * `time.Date` / `AddDate` with tzdata 2025b (the setup of shared/reference/cron-semantics.md).
 */
import fc from 'fast-check';
import { civilFromLocal, daysFromCivil, GoClock, WallClock, Zone } from '../../lib/schedule/zone';

function date(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  const t = new GoClock(Zone.get(zone)).date(y, mo, d, h, mi, s);
  return new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

describe('GoClock.date is Go\'s time.Date', () => {
  test.each([
    // A skipped wall-clock time resolves with the offset after the change: 02:30 → 01:30 EST.
    ['America/New_York', [2023, 3, 12, 2, 30, 0], '2023-03-12T06:30:00Z'],
    // A repeated one resolves to the first occurrence here (01:30 EDT).
    ['America/New_York', [2023, 11, 5, 1, 30, 0], '2023-11-05T05:30:00Z'],
    ['America/Santiago', [2023, 9, 3, 0, 0, 0], '2023-09-03T03:00:00Z'],
    // Apia skipped 2011-12-30: Go normalises it back onto Dec 29.
    ['Pacific/Apia', [2011, 12, 30, 0, 0, 0], '2011-12-29T10:00:00Z'],
    // Amman's repeated midnight: the later 00:00 (+02).
    ['Asia/Amman', [2018, 10, 26, 0, 0, 0], '2018-10-25T22:00:00Z'],
    ['America/Havana', [2023, 11, 5, 0, 0, 0], '2023-11-05T04:00:00Z'],
    ['Australia/Lord_Howe', [2023, 10, 1, 2, 15, 0], '2023-09-30T15:45:00Z'],
    // Out-of-range fields overflow: month 13, Feb 30 with hour 25, minute 61, second -1, day 0.
    ['Europe/Berlin', [2023, 13, 1, 0, 0, 0], '2023-12-31T23:00:00Z'],
    ['Europe/Berlin', [2024, 2, 30, 25, 61, -1], '2024-03-02T01:00:59Z'],
    ['UTC', [2023, 1, 0, 0, 0, 0], '2022-12-31T00:00:00Z'],
  ] as Array<[string, number[], string]>)('%s %j', (zone, [y, mo, d, h, mi, s], expected) => {
    expect(date(zone, y, mo, d, h, mi, s)).toBe(expected);
  });

  test('AddDate re-enters time.Date: Jan 31 + 1 month is March 3; a day into a gap moves back', () => {
    const ny = new GoClock(Zone.get('America/New_York'));
    const jan31 = ny.date(2023, 1, 31, 12, 0, 0);
    expect(new Date(ny.addDate(jan31, 0, 1, 0) * 1000).toISOString()).toBe('2023-03-03T17:00:00.000Z');
    const mar11 = ny.date(2023, 3, 11, 2, 30, 0);
    expect(new Date(ny.addDate(mar11, 0, 0, 1) * 1000).toISOString()).toBe('2023-03-12T06:30:00.000Z');
  });
});

describe('civil dates', () => {
  test('daysFromCivil and civilFromLocal agree with Date for any day from year 1 to 9999', () => {
    fc.assert(fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
      const seconds = Math.floor(d.getTime() / 1000);
      const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };
      civilFromLocal(seconds, w);
      expect([w.year, w.month, w.day, w.hour, w.minute, w.second, w.weekday]).toEqual([
        d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCDay(),
      ]);
      expect(daysFromCivil(w.year, w.month, w.day)).toBe(Math.floor(seconds / 86400));
    }), { numRuns: 500, seed: 42 });
  });
});

describe('Zone', () => {
  test('finds the New York spring-forward to the second', () => {
    const zone = Zone.get('America/New_York');
    // 2023-03-12 07:00:00Z: EST → EDT.
    const t = Date.UTC(2023, 2, 12, 7) / 1000;
    expect(zone.offsetAt(t - 1)).toBe(-5 * 3600);
    expect(zone.offsetAt(t)).toBe(-4 * 3600);
    expect(zone.transitionsBetween(t - 86400, t + 86400)).toEqual([{ at: t, before: -18000, after: -14400 }]);
    expect(zone.constantBetween(t - 3600, t - 1)).toBe(true);
    expect(zone.constantBetween(t - 1, t)).toBe(false);
  });

  test('odd offsets: Kathmandu +05:45, Chatham +13:45', () => {
    expect(Zone.get('Asia/Kathmandu').offsetAt(Date.UTC(2024, 0, 1) / 1000)).toBe(5 * 3600 + 45 * 60);
    expect(Zone.get('Pacific/Chatham').offsetAt(Date.UTC(2024, 0, 1) / 1000)).toBe(13 * 3600 + 45 * 60);
  });

  test('offsets agree with Intl\'s own longOffset at random instants (cached days, bisected transitions)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Tehran', 'Antarctica/Troll', 'Pacific/Apia'];
    const formats = new Map(zones.map((z) => [z, new Intl.DateTimeFormat('en-US', { timeZone: z, timeZoneName: 'longOffset' })]));
    const intlOffset = (z: string, ms: number): number => {
      const name = formats.get(z)!.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
      const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
      return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
    };
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2037, 0, 1) }), (z, ms) => {
      expect(Zone.get(z).offsetAt(Math.floor(ms / 1000))).toBe(intlOffset(z, Math.floor(ms / 1000) * 1000));
    }), { numRuns: 2000, seed: 3 });
    // Every quarter hour of 2023 around the half-hour and 45-minute shifts, where sampling could miss one.
    for (const z of ['Australia/Lord_Howe', 'Pacific/Chatham']) {
      for (let t = Date.UTC(2023, 0, 1) / 1000; t < Date.UTC(2024, 0, 1) / 1000; t += 900) {
        if (Zone.get(z).offsetAt(t) !== intlOffset(z, t * 1000)) throw new Error(`${z} at ${new Date(t * 1000).toISOString()}`);
      }
    }
  });

  test('UTC and Factory are fixed at offset 0', () => {
    expect(Zone.get(undefined).fixedUtc).toBe(true);
    expect(Zone.get('Factory').fixedUtc).toBe(true);
    expect(Zone.get('Factory').offsetAt(1e9)).toBe(0);
    expect(Zone.get('Asia/Seoul').fixedUtc).toBe(false);
  });
});
