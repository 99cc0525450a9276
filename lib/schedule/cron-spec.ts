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
 */
import { parseGoDuration } from './go-duration';
import { GoClock } from './zone';

/** A field's allowed values, as robfig's `bounds`. */
interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: ReadonlyMap<string, number>;
}

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: new Map([['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12]]),
};
const DOW: Bounds = {
  min: 0,
  max: 6,
  names: new Map([['sun', 0], ['mon', 1], ['tue', 2], ['wed', 3], ['thu', 4], ['fri', 5], ['sat', 6]]),
};

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

/** The outcome of a parse: the schedule or robfig's error text. */
export type ParseResult = { readonly ok: true; readonly schedule: CronSchedule } | { readonly ok: false; readonly error: string };

class CronParseError extends Error {}

/**
 * robfig/cron v3 `ParseStandard(spec)` (parser.go `Parser.Parse` with Minute | Hour | Dom | Month
 * | Dow | Descriptor), without the `TZ=` prefix handling.
 */
export function parseStandard(spec: string): ParseResult {
  try {
    return { ok: true, schedule: parse(spec) };
  } catch (e) {
    if (e instanceof CronParseError) return { ok: false, error: e.message };
    throw e;
  }
}

function parse(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  // Handle named schedules (descriptors): robfig checks the prefix of the untrimmed spec.
  if (spec.startsWith('@')) return parseDescriptor(spec);
  // strings.Fields: split on runs of Unicode white space.
  const fields = goFields(spec);
  // normalizeFields: exactly 5 fields for the standard parser; the message prints the slice as %s.
  if (fields.length !== 5) {
    throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  // The seconds field is absent from the standard parser and defaults to "0".
  return {
    kind: 'spec',
    second: getField('0', SECONDS),
    minute: getField(fields[0], MINUTES),
    hour: getField(fields[1], HOURS),
    dom: getField(fields[2], DOM),
    month: getField(fields[3], MONTHS),
    dow: getField(fields[4], DOW),
    fields,
  };
}

/** Go's `strings.Fields`: splits around runs of `unicode.IsSpace` characters. */
function goFields(s: string): string[] {
  return s.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((f) => f.length > 0);
}

/** `getField`: a comma-separated list of ranges; empty items are dropped by strings.FieldsFunc. */
function getField(field: string, r: Bounds): FieldBits {
  const bits = new Uint8Array(64);
  let star = false;
  for (const expr of field.split(',')) {
    if (expr.length === 0) continue;
    star = getRange(expr, r, bits) || star;
  }
  return { bits, star };
}

/**
 * `getRange`: `number | number "-" number [ "/" number ]`, or `*`/`?` with an optional step.
 * Sets the bits and returns whether robfig would set the star bit. Quirks kept on purpose:
 * - only the first part before `-` is compared with `*`/`?`, so `*-5` and `?-5` mean `*`;
 * - `N/step` means `N-max/step` (so `1/2` in day-of-week is `1-6/2`);
 * - a step above 1 clears the star bit; `*\/1` keeps it.
 */
function getRange(expr: string, r: Bounds, bits: Uint8Array): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  let extra = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = BigInt(r.min);
    end = BigInt(r.max);
    extra = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    switch (lowAndHigh.length) {
      case 1:
        end = start;
        break;
      case 2:
        end = parseIntOrName(lowAndHigh[1], r.names);
        break;
      default:
        throw new CronParseError(`too many hyphens: ${expr}`);
    }
  }
  switch (rangeAndStep.length) {
    case 1:
      step = 1n;
      break;
    case 2:
      step = mustParseInt(rangeAndStep[1]);
      // Special handling: "N/step" means "N-max/step".
      if (singleDigit) end = BigInt(r.max);
      if (step > 1n) extra = false;
      break;
    default:
      throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < BigInt(r.min)) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > BigInt(r.max)) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  // getBits: every step-th value from start to end.
  const s = Number(step);
  for (let i = Number(start); i <= Number(end); i += s) bits[i] = 1;
  return extra;
}

/** `parseIntOrName`: a case-insensitive name of the field, else `mustParseInt`. */
function parseIntOrName(expr: string, names: ReadonlyMap<string, number> | undefined): bigint {
  if (names) {
    const named = names.get(expr.toLowerCase());
    if (named !== undefined) return BigInt(named);
  }
  return mustParseInt(expr);
}

/** `mustParseInt`: `strconv.Atoi`, then rejects negative numbers. */
function mustParseInt(expr: string): bigint {
  const num = goAtoi(expr);
  if (typeof num === 'string') throw new CronParseError(`failed to parse int from ${expr}: ${num}`);
  if (num < 0n) throw new CronParseError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * Go's `strconv.Atoi` on a 64-bit platform: an optional sign and decimal digits (no underscores),
 * within int64. Returns the number, or the `*NumError` text: `strconv.Atoi: parsing "L": invalid
 * syntax` / `... value out of range`.
 */
export function goAtoi(s: string): bigint | string {
  const syntax = `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
  const range = `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  const bytes = Buffer.from(s, 'utf8');
  let i = 0;
  let neg = false;
  if (bytes.length === 0) return syntax;
  if (bytes[0] === 0x2b || bytes[0] === 0x2d) {
    neg = bytes[0] === 0x2d;
    i = 1;
    if (bytes.length === 1) return syntax;
  }
  // ParseUint (base 10): a non-digit is a syntax error, unless the value already overflowed
  // uint64, which is reported first as a range error.
  let n = 0n;
  const max = (1n << 64n) - 1n;
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return syntax;
    n = n * 10n + BigInt(c - 0x30);
    if (n > max) return range;
  }
  const value = neg ? -n : n;
  if (value > INT64_MAX || value < INT64_MIN) return range;
  return value;
}

/** Go's `strconv.Quote` for the strings a cron field can hold. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\v': out += '\\v'; break;
      default:
        if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
        else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // a lone surrogate is not valid UTF-8
        else if (/\p{C}|\p{Z}/u.test(ch) && ch !== ' ') out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
        else out += ch;
    }
  }
  return `${out}"`;
}

function allBits(r: Bounds): FieldBits {
  const bits = new Uint8Array(64);
  for (let i = r.min; i <= r.max; i++) bits[i] = 1;
  return { bits, star: true };
}

function oneBit(v: number): FieldBits {
  const bits = new Uint8Array(64);
  bits[v] = 1;
  return { bits, star: false };
}

/** `parseDescriptor`: the predefined schedules, matched exactly, and `@every <duration>`. */
function parseDescriptor(descriptor: string): CronSchedule {
  const spec = (minute: FieldBits, hour: FieldBits, dom: FieldBits, month: FieldBits, dow: FieldBits): SpecSchedule => ({
    kind: 'spec', second: oneBit(0), minute, hour, dom, month, dow, fields: [], descriptor,
  });
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return spec(oneBit(0), oneBit(0), oneBit(1), oneBit(1), allBits(DOW));
    case '@monthly':
      return spec(oneBit(0), oneBit(0), oneBit(1), allBits(MONTHS), allBits(DOW));
    case '@weekly':
      return spec(oneBit(0), oneBit(0), allBits(DOM), allBits(MONTHS), oneBit(0));
    case '@daily':
    case '@midnight':
      return spec(oneBit(0), oneBit(0), allBits(DOM), allBits(MONTHS), allBits(DOW));
    case '@hourly':
      return spec(oneBit(0), allBits(HOURS), allBits(DOM), allBits(MONTHS), allBits(DOW));
    default:
      break;
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const parsed = parseGoDuration(descriptor.slice(every.length));
    if (!parsed.ok) throw new CronParseError(`failed to parse duration ${descriptor}: ${parsed.error}`);
    // constantdelay.go Every: durations under a second become a second; the sub-second part of
    // the rest is dropped.
    const second = 1_000_000_000n;
    const d = parsed.ns < second ? second : parsed.ns;
    return { kind: 'every', parsedNs: parsed.ns, delaySeconds: Number((d - (d % second)) / second) };
  }
  throw new CronParseError(`unrecognized descriptor: ${descriptor}`);
}

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
