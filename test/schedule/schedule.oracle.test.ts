/**
 * cron-parser 5 as a differential oracle, on the subset of schedules where it and Kubernetes agree
 * (shared/reference/cron-semantics.md §D): plain numbers, names, ranges, steps and lists; a day
 * field is either a literal `*` or has no `*` item at all (cron-parser treats `*` + `/1` and `*,5`
 * differently, §C5); day-of-week items are never `N/step` (§C6) nor 7; days of the month stay
 * within 1–28 (no impossible dates, no 5-year horizon, §B/§C7); zones without DST, or zones with
 * DST in months far from their changes (§C1–C4).
 */
import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { Schedule } from '../../lib';

const MONTH_NAMES = ['jan', 'FEB', 'Mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'MON', 'Tue', 'wed', 'thu', 'fri', 'sat'];

/** One list item of a field with bounds [min, max]: a value, a range, a stepped range or `*` with a step. */
function item(min: number, max: number, opts: { names?: string[]; star?: boolean; singleStep?: boolean }): fc.Arbitrary<string> {
  const value = opts.names
    ? fc.oneof(fc.integer({ min, max }).map(String), fc.integer({ min, max }).map((v) => opts.names![v - min]))
    : fc.integer({ min, max }).map(String);
  const range = fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
  const choices: Array<fc.Arbitrary<string>> = [
    value,
    range,
    fc.tuple(range, fc.integer({ min: 2, max: 7 })).map(([r, s]) => `${r}/${s}`),
  ];
  if (opts.star) choices.push(fc.integer({ min: 2, max: max - min + 2 }).map((s) => `*/${s}`));
  if (opts.singleStep) choices.push(fc.tuple(fc.integer({ min, max }), fc.integer({ min: 2, max: 9 })).map(([v, s]) => `${v}/${s}`));
  return fc.oneof(...choices);
}

/** The values an item selects (names resolved), to keep lists free of overlaps, which cron-parser rejects (§B). */
function values(it: string, min: number, max: number, names?: string[]): number[] {
  const num = (t: string) => (names && Number.isNaN(Number(t)) ? names.findIndex((n) => n.toLowerCase() === t.toLowerCase()) + min : Number(t));
  const [range, stepText] = it.split('/');
  const step = stepText === undefined ? 1 : Number(stepText);
  let lo: number;
  let hi: number;
  if (range === '*') [lo, hi] = [min, max];
  else if (range.includes('-')) [lo, hi] = range.split('-').map(num);
  else [lo, hi] = [num(range), stepText === undefined ? num(range) : max];
  const out: number[] = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

function list(min: number, max: number, opts: { names?: string[]; star?: boolean; singleStep?: boolean }): fc.Arbitrary<string> {
  return fc.array(item(min, max, opts), { minLength: 1, maxLength: 3 })
    .filter((items) => {
      const all = items.flatMap((it) => values(it, min, max, opts.names));
      return new Set(all).size === all.length;
    })
    .map((items) => items.join(','));
}

/** A field that is a literal `*` (sometimes) or a list. */
function field(min: number, max: number, opts: { names?: string[]; star?: boolean; singleStep?: boolean }, starWeight = 1): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constant('*'), weight: starWeight }, { arbitrary: list(min, max, opts), weight: 2 });
}

const schedule = fc.tuple(
  field(0, 59, { star: true, singleStep: true }),
  field(0, 23, { star: true, singleStep: true }),
  // Day fields: no `*` items inside lists (that changes the OR rule only in robfig).
  // `N/step` would reach 29-31 (N-31/step), so only explicit ranges here.
  field(1, 28, { star: true }, 3),
  field(1, 12, { names: MONTH_NAMES, star: true, singleStep: true }, 3),
  field(0, 6, { names: DAY_NAMES, star: true }, 3),
).map((fields) => fields.join(' '));

const descriptor = fc.constantFrom('@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly');

/** Zones without DST now, and DST zones with a start instant in a month far from their changes. */
const zoneAndStart = fc.oneof(
  fc.tuple(
    fc.constantFrom(undefined, 'UTC', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Africa/Nairobi', 'America/Bogota', 'Etc/GMT+5'),
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
  ),
  fc.tuple(
    fc.constantFrom('America/New_York', 'Europe/Berlin', 'Europe/London'),
    // June: no DST change in the northern summer.
    fc.tuple(fc.integer({ min: 2021, max: 2030 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 86_399_999 }))
      .map(([y, d, ms]) => new Date(Date.UTC(y, 5, d) + ms)),
  ),
);

/** The first `count` runs after `from` per cron-parser, as epoch ms. */
function cronParserRuns(expr: string, timeZone: string | undefined, from: Date, count: number): number[] {
  const it = CronExpressionParser.parse(expr, { currentDate: from, tz: timeZone ?? 'UTC' });
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(it.next().toDate().getTime());
  return out;
}

/** Whether every run stays in the month range where the zone has no DST change (for DST zones). */
function staysOutsideDst(timeZone: string | undefined, runs: number[]): boolean {
  if (!timeZone || !['America/New_York', 'Europe/Berlin', 'Europe/London'].includes(timeZone)) return true;
  return runs.every((ms) => {
    const m = new Date(ms).getUTCMonth();
    return m >= 4 && m <= 8; // May–September: no change in these zones
  });
}

describe('cron-parser 5 as a differential oracle where it agrees with Kubernetes', () => {
  test('five-field schedules: same next runs', () => {
    fc.assert(fc.property(schedule, zoneAndStart, (expr, [timeZone, from]) => {
      const ours = Schedule.parse(expr, { timeZone }).next(4, from).map((d) => d.getTime());
      fc.pre(ours.length === 4 && staysOutsideDst(timeZone, ours));
      expect(ours).toEqual(cronParserRuns(expr, timeZone, from, 4));
    }), { numRuns: 400, seed: 20240527 });
  });

  test('descriptors cron-parser knows: same next runs', () => {
    fc.assert(fc.property(descriptor, zoneAndStart, (expr, [timeZone, from]) => {
      const ours = Schedule.parse(expr, { timeZone }).next(3, from).map((d) => d.getTime());
      fc.pre(staysOutsideDst(timeZone, ours));
      expect(ours).toEqual(cronParserRuns(expr, timeZone, from, 3));
    }), { numRuns: 150, seed: 7 });
  });

  test('the oracle is not vacuous: it does catch a known disagreement (C5)', () => {
    // `*/1` in day-of-month: Kubernetes runs on Mondays only, cron-parser every day.
    const from = new Date('2024-01-01T00:00:00Z');
    const ours = Schedule.parse('0 0 */1 * 1').next(2, from).map((d) => d.getTime());
    expect(ours).not.toEqual(cronParserRuns('0 0 */1 * 1', undefined, from, 2));
  });
});
