/**
 * @internal
 * A port of robfig/cron v3.0.1 — the library the Kubernetes CronJob controller and API server use
 * (`cron.ParseStandard`) — in particular:
 *
 * - `parser.go`: `Parser.Parse` with the standard options (Minute | Hour | Dom | Month | Dow |
 *   Descriptor), `normalizeFields`, `getField`, `getRange`, `parseIntOrName`, `mustParseInt`,
 *   `getBits`, `all`, `parseDescriptor`, with their error texts;
 * - `spec.go`: `SpecSchedule.Next` and `dayMatches`, loop by loop;
 * - `constantdelay.go`: `Every` and `ConstantDelaySchedule.Next` for `@every <duration>`.
 *
 * Go's `strconv.Atoi` and `time.ParseDuration` are ported too, because their messages are part of
 * robfig's (`failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax`). The `TZ=` /
 * `CRON_TZ=` prefix that robfig also parses is not handled here: the API server rejects it (see
 * lib/schedule/schedule.ts) and the zone comes from `spec.timeZone` instead.
 *
 * This file holds the parsed schedule types and the `Next` search (spec.go, constantdelay.go); the
 * parser is in lib/schedule/cron-parse.ts and `strconv.Atoi` in lib/schedule/go-atoi.ts.
 */
import { GoClock } from './zone';

/**
 * One field's bit set: `bits[v] === 1` when value v is selected (robfig's uint64 with bit v), and
 * `star` for robfig's starBit (1<<63): set when an item of the field begins with `*` or `?` and has
 * no step above 1 (`*`, `?`, `*\/1`, `*-5`, the `*` in `*,5`). `dayMatches` uses it to choose
 * between AND and OR for day-of-month and day-of-week.
 */
export interface FieldBits {
  readonly bits: Uint8Array;
  readonly star: boolean;
}

/** robfig's `SpecSchedule` (always with Second = {0} from ParseStandard). */
export interface SpecSchedule {
  readonly kind: 'spec';
  readonly second: FieldBits;
  readonly minute: FieldBits;
  readonly hour: FieldBits;
  readonly dom: FieldBits;
  readonly month: FieldBits;
  readonly dow: FieldBits;
  /** The five fields as written (empty for descriptors). */
  readonly fields: readonly string[];
  /** The descriptor (`@daily`, ...) when the schedule is one. */
  readonly descriptor?: string;
}

/** robfig's `ConstantDelaySchedule` (`@every <duration>`). */
export interface EverySchedule {
  readonly kind: 'every';
  /** The duration as parsed by Go's `time.ParseDuration`, in nanoseconds (may be ≤ 0). */
  readonly parsedNs: bigint;
  /** `Every(d)`: at least 1 s, sub-second part dropped. Whole seconds. */
  readonly delaySeconds: number;
}

/** What ParseStandard returns. */
export type CronSchedule = SpecSchedule | EverySchedule;

/**
 * The answer of robfig's `Next`: an instant (Unix seconds), robfig's zero time (nothing within
 * the 5-year horizon), or `hang` when robfig's `Next` would never return (its day loop making no
 * progress, as in Pacific/Apia, which skipped 2011-12-30).
 */
export type NextResult = { readonly kind: 'time'; readonly seconds: number } | { readonly kind: 'zero' } | { readonly kind: 'hang' };

/** Upper bound on loop steps of one `Next` call before it is declared non-terminating. */
const MAX_STEPS = 1_000_000;

/**
 * robfig's `ConstantDelaySchedule.Next(t)`: `t.Add(Delay - t.Nanosecond())` — the interval is
 * counted from `t` rounded down to the second, in real elapsed time (zones play no part).
 */
export function everyNext(schedule: EverySchedule, afterMs: number): number {
  return Math.floor(afterMs / 1000) + schedule.delaySeconds;
}

/**
 * robfig's `SpecSchedule.Next(t)` (spec.go) evaluated in `clock`'s zone, for `t` = `afterMs`.
 *
 * The structure — month, day, hour, minute and second loops, each resetting the smaller fields the
 * first time anything is added, each jumping back to WRAP when its field wraps around — is robfig's.
 * Two liberties, neither changing any result:
 * - the hour, minute and second loops advance by several steps at once when no zone offset change
 *   lies in between (then the field's value after k steps is known without stepping);
 * - a `Next` that would loop forever is detected (the day loop returning to the same instant, or
 *   more than {@link MAX_STEPS} steps) and reported as `hang`.
 */
export function specNext(s: SpecSchedule, clock: GoClock, afterMs: number): NextResult {
  const zone = clock.zone;
  // Start at the earliest possible time (the upcoming second): t.Add(1s - t.Nanosecond()).
  let t = Math.floor(afterMs / 1000) + 1;
  // This flag indicates whether a field has been incremented.
  let added = false;
  // If no time is found within five years, return zero.
  const yearLimit = clock.fields(t).year + 5;
  const month = s.month.bits;
  const hour = s.hour.bits;
  const minute = s.minute.bits;
  const second = s.second.bits;
  let steps = 0;

  wrap: for (;;) {
    if (++steps > MAX_STEPS) return { kind: 'hang' };
    if (clock.fields(t).year > yearLimit) return { kind: 'zero' };

    // Find the first applicable month. If it's this month, then do nothing.
    while (month[clock.fields(t).month] === 0) {
      if (++steps > MAX_STEPS) return { kind: 'hang' };
      // If we have to add a month, reset the other parts to 0.
      if (!added) {
        added = true;
        const f = clock.fields(t);
        t = clock.date(f.year, f.month, 1, 0, 0, 0);
      }
      t = clock.addDate(t, 0, 1, 0);
      // Wrapped around.
      if (clock.fields(t).month === 1) continue wrap;
    }

    // Now get a day in that month. robfig: "This causes issues for daylight savings regimes where
    // midnight does not exist ... Handle that by noticing when the Hour ends up != 0."
    while (!dayMatches(s, clock, t)) {
      if (++steps > MAX_STEPS) return { kind: 'hang' };
      if (!added) {
        added = true;
        const f = clock.fields(t);
        t = clock.date(f.year, f.month, f.day, 0, 0, 0);
      }
      const before = t;
      t = clock.addDate(t, 0, 0, 1);
      // Notice if the hour is no longer midnight due to DST.
      // Add an hour if it's 23, subtract an hour if it's 1.
      const h = clock.fields(t).hour;
      if (h !== 0) {
        if (h > 12) t += (24 - h) * 3600;
        else t -= h * 3600;
      }
      // Go's time.Date normalised the next day back onto this one (Pacific/Apia 2011-12-30):
      // robfig's loop would repeat this step forever.
      if (t === before) return { kind: 'hang' };
      if (clock.fields(t).day === 1) continue wrap;
    }

    // Hours: t.Add(1 * time.Hour) until the hour matches; hour 0 means the day wrapped.
    if (hour[clock.fields(t).hour] === 0) {
      if (!added) {
        added = true;
        const f = clock.fields(t);
        t = clock.date(f.year, f.month, f.day, f.hour, 0, 0);
      }
      for (;;) {
        if (++steps > MAX_STEPS) return { kind: 'hang' };
        const h = clock.fields(t).hour;
        // Steps until the hour is selected or wraps to 0, if the offset stays constant.
        let k = 1;
        while (h + k < 24 && hour[h + k] === 0) k++;
        if (k > 1 && zone.constantBetween(t, t + k * 3600)) t += k * 3600;
        else t += 3600;
        const nh = clock.fields(t).hour;
        if (nh === 0) continue wrap;
        if (hour[nh] === 1) break;
      }
    }

    // Minutes: t.Truncate(time.Minute) the first time (on the instant, i.e. UTC minutes), then
    // t.Add(1 * time.Minute) until the minute matches; minute 0 means the hour wrapped.
    if (minute[clock.fields(t).minute] === 0) {
      if (!added) {
        added = true;
        t = Math.floor(t / 60) * 60;
      }
      for (;;) {
        if (++steps > MAX_STEPS) return { kind: 'hang' };
        const m = clock.fields(t).minute;
        let k = 1;
        while (m + k < 60 && minute[m + k] === 0) k++;
        if (k > 1 && zone.constantBetween(t, t + k * 60)) t += k * 60;
        else t += 60;
        const nm = clock.fields(t).minute;
        if (nm === 0) continue wrap;
        if (minute[nm] === 1) break;
      }
    }

    // Seconds: t.Truncate(time.Second) (a no-op on whole seconds), then t.Add(1 * time.Second).
    if (second[clock.fields(t).second] === 0) {
      added = true;
      for (;;) {
        if (++steps > MAX_STEPS) return { kind: 'hang' };
        const sec = clock.fields(t).second;
        let k = 1;
        while (sec + k < 60 && second[sec + k] === 0) k++;
        if (k > 1 && zone.constantBetween(t, t + k)) t += k;
        else t += 1;
        const ns = clock.fields(t).second;
        if (ns === 0) continue wrap;
        if (second[ns] === 1) break;
      }
    }

    return { kind: 'time', seconds: t };
  }
}

/**
 * robfig's `dayMatches`: day-of-month and day-of-week are ANDed when either field carries the star
 * bit, ORed otherwise.
 */
export function dayMatches(s: SpecSchedule, clock: GoClock, t: number): boolean {
  const f = clock.fields(t);
  const domMatch = s.dom.bits[f.day] === 1;
  const dowMatch = s.dow.bits[f.weekday] === 1;
  if (s.dom.star || s.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}
