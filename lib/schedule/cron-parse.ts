/**
 * @internal
 * robfig/cron v3.0.1 `parser.go`: `Parser.Parse` with the standard options (Minute | Hour | Dom |
 * Month | Dow | Descriptor), `normalizeFields`, `getField`, `getRange`, `parseIntOrName`,
 * `mustParseInt`, `getBits`, `all`, `parseDescriptor`, with their error texts. The types it
 * produces and the `Next` search are in lib/schedule/cron-spec.ts.
 */
import { CronSchedule, FieldBits, SpecSchedule } from './cron-spec';
import { goAtoi } from './go-atoi';
import { parseGoDuration } from './go-duration';

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
