/**
 * CronJob schedules exactly as Kubernetes 1.27 validates and runs them.
 *
 * Kubernetes parses `spec.schedule` with robfig/cron v3 `ParseStandard`; with `spec.timeZone` the
 * controller evaluates `"TZ=<timeZone> <schedule>"` (pkg/controller/cronjob/utils.go
 * `formatSchedule`) and iterates robfig's `Schedule.Next`. This module ports that parser and
 * `Next` (lib/schedule/cron-spec.ts, with Go's `time.Date` normalisation in lib/schedule/zone.ts), adds the API
 * server's own checks (pkg/apis/batch/validation/validation.go `validateScheduleFormat`,
 * `validateTimeZone`), and explains DST effects. cron-parser disagrees with Kubernetes on 171 of
 * 559 measured cases (grammar, zone names, DST), see shared/reference/cron-semantics.md, which is
 * why this does not build on it.
 */
import { CronSchedule, everyNext, parseStandard, SpecSchedule, specNext } from './cron-spec';
import { formatGoDuration } from './go-duration';
import { TIME_ZONE_NAMES, TZDATA_RELEASE } from './time-zones';
import { civilFromLocal, GoClock, WallClock, Zone } from './zone';

/** Options for {@link Schedule.parse} and {@link Schedule.cron}. */
export interface ScheduleOptions {
  /**
   * IANA tz database name as in CronJob `spec.timeZone`, e.g. `Asia/Seoul`. Exact and
   * case-sensitive; backward-compatibility links such as `US/Eastern` are accepted, `Local` and
   * fixed offsets such as `UTC+3` are not.
   *
   * @default - UTC (no `spec.timeZone`: the kube-controller-manager's local zone, which is UTC on
   * almost every cluster)
   */
  readonly timeZone?: string;
}

/** The five fields of a standard cron schedule, for {@link Schedule.cron}. */
export interface CronFields {
  /**
   * Minute, 0–59.
   * @default '*'
   */
  readonly minute?: string;
  /**
   * Hour, 0–23.
   * @default '*'
   */
  readonly hour?: string;
  /**
   * Day of the month, 1–31.
   * @default '*'
   */
  readonly dayOfMonth?: string;
  /**
   * Month, 1–12 or JAN–DEC.
   * @default '*'
   */
  readonly month?: string;
  /**
   * Day of the week, 0–6 (0 = Sunday; 7 is not accepted) or SUN–SAT.
   * @default '*'
   */
  readonly weekDay?: string;
}

/** One upcoming run of a schedule. */
export interface ScheduledRun {
  /** The instant the CronJob controller schedules the Job for. */
  readonly at: Date;
  /** The wall-clock time in the schedule's zone with its UTC offset, e.g. `2023-03-11T02:30:00-05:00`. */
  readonly local: string;
  /**
   * What DST does around this run, e.g. `02:30 does not exist on 2023-03-12 in America/New_York;
   * Kubernetes skips this run` (on the first run after the skipped one) or `01:30 occurs twice on
   * 2023-11-05 in America/New_York; Kubernetes runs at both`.
   */
  readonly notes: readonly string[];
}

/**
 * What robfig's `Next` answers after an instant: a run, nothing within its 5-year horizon (Go's
 * zero time, which makes the controller record `InvalidSchedule`), or `hang` when robfig's `Next`
 * would never return (Pacific/Apia's skipped 2011-12-30).
 */
export type NextOutcome = NextRun | NoNextRun;

/** A run found by robfig's `Next`. */
export interface NextRun {
  /** Always `run`. */
  readonly kind: 'run';
  /** The run instant, epoch milliseconds (whole seconds). */
  readonly atMs: number;
}

/** No run: `none` when robfig returns Go's zero time (5-year horizon), `hang` when its `Next` would never return. */
export interface NoNextRun {
  /** `none` or `hang`. */
  readonly kind: 'none' | 'hang';
}

/** A schedule or time zone that Kubernetes 1.27 would reject. `field` says which one. */
export class ScheduleError extends Error {
  /** Which CronJob field is invalid: `schedule` or `timeZone`. */
  public readonly field: 'schedule' | 'timeZone';
  /** The rejected value, as given. */
  public readonly value: string;
  /** What robfig/cron or the API server reports, e.g. `end of range (7) above maximum (6): 7`. */
  public readonly reason: string;
  /** How to fix it, when there is something useful to say. */
  public readonly hint: string | undefined;

  /**
   * @param field the CronJob field
   * @param value the rejected value
   * @param reason robfig/cron's or the API server's message
   * @param hint how to fix it
   */
  public constructor(field: 'schedule' | 'timeZone', value: string, reason: string, hint?: string) {
    super(`${field} ${JSON.stringify(value)} is invalid: ${reason}${hint ? `; ${hint}` : ''}`);
    this.name = 'ScheduleError';
    this.field = field;
    this.value = value;
    this.reason = reason;
    this.hint = hint;
  }
}

// https://data.iana.org/time-zones/theory.html#naming, as the API server applies it
// (validation.go `validTimeZoneCharacters`): each `/`-separated part.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;
const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A CronJob schedule (and optional time zone) that Kubernetes 1.27 accepts, with its run times
 * computed exactly as the CronJob controller computes them.
 *
 * @example
 * const s = Schedule.parse('0 9 * * 1-5', { timeZone: 'Asia/Seoul' });
 * s.next(3, new Date('2024-01-05T00:00:00Z')); // 2024-01-08T00:00Z, 2024-01-09T00:00Z, ...
 */
export class Schedule {
  /**
   * Parses and validates `expression` as the Kubernetes 1.27 API server and robfig/cron v3
   * `ParseStandard` do: five fields (minute hour day-of-month month day-of-week) or one of
   * `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`,
   * `@every <Go duration>`.
   *
   * @throws ScheduleError when Kubernetes would reject the schedule or the time zone
   */
  public static parse(expression: string, options: ScheduleOptions = {}): Schedule {
    const timeZone = options.timeZone;
    if (timeZone !== undefined) validateTimeZone(timeZone);
    if (typeof expression !== 'string') {
      throw new ScheduleError('schedule', String(expression), 'must be a string');
    }
    if (expression.length === 0) {
      throw new ScheduleError('schedule', expression, 'empty spec string', 'spec.schedule is required: give five fields such as "0 2 * * *" or a descriptor such as @daily');
    }
    // The API server rejects any TZ in the schedule. Strictly, 1.27 rejects it only together with
    // spec.timeZone ("cannot use both timeZone field and TZ or CRON_TZ in schedule") and accepts a
    // bare `TZ=Zone ...` with an UnsupportedSchedule warning on every sync; from 1.29 every create
    // is rejected ("cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
    // validation.go `validateScheduleFormat`, strings.Contains(schedule, "TZ")). We reject it always.
    if (expression.includes('TZ')) {
      throw new ScheduleError('schedule', expression, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        'set the zone with the timeZone option (spec.timeZone): Kubernetes 1.27 rejects TZ/CRON_TZ in the schedule together with spec.timeZone and only warns (UnsupportedSchedule) without it, and 1.29+ rejects it on create');
    }
    const parsed = parseStandard(expression);
    if (!parsed.ok) throw new ScheduleError('schedule', expression, parsed.error, hintFor(expression, parsed.error));
    return new Schedule(expression, timeZone, parsed.schedule);
  }

  /**
   * Builds a five-field schedule from its parts, e.g.
   * `Schedule.cron({ minute: '0', hour: '9', weekDay: '1-5' })` is `0 9 * * 1-5`.
   *
   * @throws ScheduleError when a field is empty or contains white space, or when Kubernetes would
   * reject the resulting schedule
   */
  public static cron(fields: CronFields, options: ScheduleOptions = {}): Schedule {
    const parts = [fields.minute, fields.hour, fields.dayOfMonth, fields.month, fields.weekDay].map((f) => f ?? '*');
    const expression = parts.join(' ');
    parts.forEach((part, i) => {
      if (typeof part !== 'string' || part.length === 0 || /\s/.test(part)) {
        throw new ScheduleError('schedule', expression, `the ${FIELD_NAMES[i]} field must be a non-empty string without white space, got ${JSON.stringify(part)}`,
          'omit a field to mean "*"');
      }
    });
    return Schedule.parse(expression, options);
  }

  /** The schedule exactly as Kubernetes sees it in `spec.schedule`. */
  public readonly expression: string;
  /** The IANA zone (`spec.timeZone`), or `undefined` for UTC. */
  public readonly timeZone: string | undefined;
  /**
   * Things Kubernetes accepts but that probably do not mean what they seem: a schedule that never
   * fires, `*-N` meaning `*`, sub-second or negative `@every`, the day-of-month/day-of-week OR
   * rule, `*\/1` in a day field keeping AND, `N/step` in day-of-week stopping at Saturday, …
   */
  public readonly warnings: readonly string[];

  private readonly cron: CronSchedule;
  private readonly clock: GoClock;

  private constructor(expression: string, timeZone: string | undefined, cron: CronSchedule) {
    this.expression = expression;
    this.timeZone = timeZone;
    this.cron = cron;
    this.clock = new GoClock(Zone.get(timeZone));
    this.warnings = computeWarnings(cron, timeZone);
  }

  /** The zone name used for display: the time zone, or `UTC`. */
  public get zoneName(): string {
    return this.timeZone ?? 'UTC';
  }

  /**
   * The first run strictly after `afterMs` (epoch milliseconds), exactly as robfig/cron's
   * `SpecSchedule.Next` (or `ConstantDelaySchedule.Next` for `@every`) computes it in the zone:
   * whole seconds, epoch milliseconds. `undefined` when robfig finds nothing within its 5-year
   * horizon (it returns Go's zero time; the controller then records `InvalidSchedule`) or when
   * robfig's `Next` would never return.
   *
   * robfig's answer is returned as is, even in the rare zone where it is not later than `afterMs`
   * (Pacific/Chatham, 2018-04-01): the controller works with that answer too.
   */
  public nextAfterMs(afterMs: number): number | undefined {
    const outcome = this.nextOutcome(afterMs);
    return outcome.kind === 'run' ? outcome.atMs : undefined;
  }

  /** Like {@link nextAfterMs}, and says why there is no next run. */
  public nextOutcome(afterMs: number): NextOutcome {
    if (!Number.isFinite(afterMs)) throw new RangeError(`afterMs must be a finite number of epoch milliseconds, got ${afterMs}`);
    if (this.cron.kind === 'every') return { kind: 'run', atMs: everyNext(this.cron, afterMs) * 1000 };
    const result = specNext(this.cron, this.clock, afterMs);
    switch (result.kind) {
      case 'time': return { kind: 'run', atMs: result.seconds * 1000 };
      case 'zero': return { kind: 'none' };
      default: return { kind: 'hang' };
    }
  }

  /**
   * The next `count` run instants strictly after `from` (default: now). Fewer when robfig finds no
   * further run (5-year horizon, a schedule that never fires) or stops making progress.
   */
  public next(count: number, from: Date = new Date()): Date[] {
    return this.runsMs(count, from).map((ms) => new Date(ms));
  }

  /**
   * Like {@link next}, with the wall-clock time in the zone and notes where DST changes what runs:
   * skipped local times (on the first run after them), repeated ones, and robfig/cron's own DST
   * quirks (a run on a day the schedule does not select, matching times it passes over).
   */
  public preview(count: number, from: Date = new Date()): ScheduledRun[] {
    const fromMs = from.getTime();
    const runs = this.runsMs(count, from);
    const notesFor = this.cron.kind === 'spec' && !this.clock.zone.fixedUtc
      ? new DstNotes(this.cron, this.clock, this.zoneName, runs, (x) => this.isRun(x, fromMs, runs))
      : undefined;
    return runs.map((ms, i) => ({
      at: new Date(ms),
      local: this.localTime(ms),
      notes: notesFor ? notesFor.notes(i === 0 ? fromMs : runs[i - 1], ms) : [],
    }));
  }

  /** The wall-clock time of an instant in this schedule's zone, ISO 8601 with its offset. */
  public localTime(atMs: number): string {
    const t = Math.floor(atMs / 1000);
    const offset = this.clock.zone.offsetAt(t);
    const f: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset };
    civilFromLocal(t + offset, f);
    return `${ymd(f)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${formatOffset(offset)}`;
  }

  /** The expression, as in `spec.schedule`. */
  public toString(): string {
    return this.expression;
  }

  private runsMs(count: number, from: Date): number[] {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
    let after = from.getTime();
    if (Number.isNaN(after)) throw new RangeError('from must be a valid Date');
    const runs: number[] = [];
    while (runs.length < count) {
      const next = this.nextAfterMs(after);
      // robfig's Next can fail to move forward (Pacific/Chatham 2018-04-01); stop rather than loop.
      if (next === undefined || next <= after) break;
      runs.push(next);
      after = next;
    }
    return runs;
  }

  /**
   * Whether robfig's chain of runs from `fromMs` includes instant `ms`. Before `fromMs` the chain is
   * unknown; then the run that `Next` gives from just before `ms` is taken.
   */
  private isRun(ms: number, fromMs: number, runs: readonly number[]): boolean {
    if (runs.includes(ms)) return true;
    if (ms <= fromMs) return this.nextAfterMs(ms - 1000) === ms;
    const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
    if (last === undefined || ms < runs[0]) return false;
    let after = last;
    for (let i = 0; i < 10_000 && after < ms; i++) {
      const next = this.nextAfterMs(after);
      if (next === undefined || next <= after) return false;
      if (next === ms) return true;
      after = next;
    }
    return false;
  }
}

/** The API server's `validateTimeZone` (1.27), with our exact tz database name list for LoadLocation. */
function validateTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string') throw new ScheduleError('timeZone', String(timeZone), 'must be a string');
  if (timeZone.length === 0) {
    throw new ScheduleError('timeZone', timeZone, 'timeZone must be nil or non-empty string', 'omit timeZone for UTC, or give an IANA name such as "Europe/Berlin"');
  }
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      throw new ScheduleError('timeZone', timeZone, `unknown time zone ${timeZone}`, zoneHint(timeZone));
    }
  }
  if (timeZone.toLowerCase() === 'local') {
    throw new ScheduleError('timeZone', timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      'omit timeZone to use the kube-controller-manager\'s zone (usually UTC), or name the zone, e.g. "Europe/Berlin"');
  }
  // Go's time.LoadLocation: exact, case-sensitive file names of the tz database. Intl is not used
  // for this: it accepts "utc", "asia/seoul" and "UTC+3", which Kubernetes rejects.
  if (!TIME_ZONE_NAMES.has(timeZone)) {
    throw new ScheduleError('timeZone', timeZone, `unknown time zone ${timeZone}`, zoneHint(timeZone));
  }
}

/** Suggests the right spelling of a zone name, if it differs only in case. */
function zoneHint(timeZone: string): string {
  const trimmed = timeZone.trim();
  if (trimmed !== timeZone && TIME_ZONE_NAMES.has(trimmed)) return `remove the surrounding white space: "${trimmed}"`;
  const lower = trimmed.toLowerCase();
  const match = [...TIME_ZONE_NAMES].find((n) => n.toLowerCase() === lower);
  if (match) return `tz names are case-sensitive: did you mean "${match}"?`;
  if (/^(utc|gmt)[+-]/i.test(timeZone)) {
    return 'fixed offsets are not zone names: use a city zone such as "Asia/Dubai" (or "Etc/GMT-4", whose sign is inverted: Etc/GMT-4 is UTC+4)';
  }
  return `use an IANA tz database name such as "Europe/Berlin" or "America/New_York" (list from tzdata ${TZDATA_RELEASE})`;
}

/** A hint for robfig's parse errors, based on what the user probably meant. */
function hintFor(expression: string, error: string): string | undefined {
  if (error.startsWith('expected exactly 5 fields')) {
    const n = Number(/found (\d+)/.exec(error)?.[1]);
    if (n > 5) return 'Kubernetes schedules have exactly 5 fields (minute hour day-of-month month day-of-week): there is no seconds or year field';
    if (expression.trim().startsWith('@')) return 'descriptors must be written exactly, without surrounding spaces, e.g. "@daily"';
    return 'Kubernetes schedules have exactly 5 fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *"';
  }
  if (error.startsWith('unrecognized descriptor')) {
    return 'Kubernetes knows @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>, spelled exactly';
  }
  if (error.startsWith('failed to parse duration')) {
    return '@every takes a Go duration such as 90s, 15m, 1h30m or 1.5h (units ns, us, ms, s, m, h; no d, no spaces)';
  }
  const intMatch = /^failed to parse int from (.*?): strconv/.exec(error);
  if (intMatch) {
    const token = intMatch[1];
    if (/^[a-z]{3}$/i.test(token)) return 'month names (JAN-DEC) belong in the month field and day names (SUN-SAT) in the day-of-week field';
    // Quartz/Jenkins extensions: L (last), W (weekday), # (nth weekday), H (hashed).
    if (/^(?:L|LW|W|H(?:\(.*\))?|\d+[LW]|L-\d+|(?:\d+|[a-z]{3})(?:L|#\d+))$/i.test(token)) {
      return 'robfig/cron, which Kubernetes uses, has no L, W, # or H: list the days or values explicitly';
    }
    if (/^[a-z]{4,}$/i.test(token)) return 'names are three letters: JAN-DEC for months, SUN-SAT for days of the week';
    if (token === '') return 'a value is missing around "-" or "/"';
    return undefined;
  }
  if (/^end of range \(7\) above maximum \(6\)/.test(error)) return 'days of the week are 0-6 with 0 = Sunday: use 0 or SUN for Sunday, never 7';
  if (error.startsWith('end of range') || error.startsWith('beginning of range')) {
    return 'ranges: minute 0-59, hour 0-23, day-of-month 1-31, month 1-12, day-of-week 0-6 (0 = Sunday); a range runs from low to high';
  }
  if (error.startsWith('step of range')) return 'a step must be at least 1, e.g. */5';
  if (error.startsWith('negative number')) return 'values and steps cannot be negative';
  return undefined;
}

/** Warnings for schedules that Kubernetes accepts but that likely surprise. */
function computeWarnings(cron: CronSchedule, timeZone: string | undefined): string[] {
  const warnings: string[] = [];
  if (cron.kind === 'every') {
    const ns = cron.parsedNs;
    const shown = formatGoDuration(ns);
    if (ns <= 0n) warnings.push(`@every ${shown} is not positive: robfig/cron runs it every second`);
    else if (ns < 1_000_000_000n) warnings.push(`@every ${shown} is shorter than a second: robfig/cron runs it every second`);
    else if (ns % 1_000_000_000n !== 0n) warnings.push(`@every ${shown}: robfig/cron drops the sub-second part and runs every ${cron.delaySeconds}s`);
    if (cron.delaySeconds < 10) {
      warnings.push('runs more often than every 10 seconds: each run is a new Job and Pod, which Kubernetes does not create that fast');
    }
    if (timeZone !== undefined) {
      warnings.push(`timeZone ${timeZone} has no effect on @every: the interval counts elapsed time from the previous run (or from the CronJob's creation)`);
    }
    return warnings;
  }
  const fields = cron.fields;
  fields.forEach((field, i) => {
    const items = field.split(',');
    for (const item of items) {
      const low = item.split('/')[0].split('-');
      if (low.length >= 2 && (low[0] === '*' || low[0] === '?')) {
        warnings.push(`\`${item}\` in the ${FIELD_NAMES[i]} field means \`${low[0]}\`: robfig/cron ignores what follows \`${low[0]}-\``);
      }
    }
    if (items.some((it) => it.length === 0) && items.some((it) => it.length > 0)) {
      warnings.push(`the ${FIELD_NAMES[i]} field \`${field}\` has empty list items: robfig/cron ignores them`);
    }
  });
  if (fields.length === 5) {
    for (const item of fields[4].split(',')) {
      const [range, step] = item.split('/');
      if (step !== undefined && range.split('-').length === 1 && range !== '*' && range !== '?') {
        warnings.push(`\`${item}\` in the day-of-week field means \`${range}-6/${step}\`: it stops at Saturday (6); Sunday is 0 and 7 is not a day`);
      }
    }
  }
  const never = neverFiresReason(cron);
  if (never) {
    warnings.push(`this schedule never fires: ${never}. Kubernetes accepts it, then the CronJob controller records InvalidSchedule and creates no Job`);
  } else if (onlyLeapDay(cron)) {
    warnings.push('this schedule fires only on February 29, once every 4 years (8 across 2100); robfig/cron looks 5 years ahead, so from March 2096 it finds no next run and the controller records InvalidSchedule');
  }
  if (fields.length === 5 && !never) {
    const [, , domText, , dowText] = fields;
    if (!cron.dom.star && !cron.dow.star) {
      warnings.push(`day-of-month \`${domText}\` and day-of-week \`${dowText}\` are both restricted, so Kubernetes runs on days that match either of them (OR), not both`);
    } else {
      const plain = (f: string) => f === '*' || f === '?';
      if (cron.dom.star && !plain(domText) && !cron.dow.star) {
        warnings.push(`day-of-month \`${domText}\` counts as \`*\` for robfig/cron (an item starting with * or ? without a step above 1), so the days are those of day-of-week \`${dowText}\` alone (AND, not OR)`);
      }
      if (cron.dow.star && !plain(dowText) && !cron.dom.star) {
        warnings.push(`day-of-week \`${dowText}\` counts as \`*\` for robfig/cron (an item starting with * or ? without a step above 1), so the days are those of day-of-month \`${domText}\` alone (AND, not OR)`);
      }
    }
  }
  return warnings;
}

function anyBit(bits: Uint8Array): boolean {
  return bits.some((b) => b === 1);
}

/** Why a five-field or descriptor schedule can never match, or undefined when it can. */
function neverFiresReason(cron: SpecSchedule): string | undefined {
  const names: Array<[Uint8Array, string]> = [[cron.minute.bits, 'minute'], [cron.hour.bits, 'hour'], [cron.month.bits, 'month']];
  for (const [bits, name] of names) {
    if (!anyBit(bits)) return `the ${name} field selects no value`;
  }
  const validDate = validMonthDay(cron, DAYS_IN_MONTH);
  const anyDow = anyBit(cron.dow.bits);
  if (cron.dom.star || cron.dow.star) {
    // AND: both must match. A `*` field matches everything, so only the other one matters.
    if (!cron.dom.star && !validDate) return dateProblem(cron);
    if (!cron.dow.star && !anyDow) return 'the day-of-week field selects no value';
    return undefined;
  }
  // OR: either may match.
  if (!validDate && !anyDow) return anyBit(cron.dom.bits) ? dateProblem(cron) : 'the day fields select no value';
  return undefined;
}

function validMonthDay(cron: SpecSchedule, lengths: readonly number[]): boolean {
  for (let m = 1; m <= 12; m++) {
    if (cron.month.bits[m] !== 1) continue;
    for (let d = 1; d <= lengths[m]; d++) if (cron.dom.bits[d] === 1) return true;
  }
  return false;
}

function dateProblem(cron: SpecSchedule): string {
  if (!anyBit(cron.dom.bits)) return 'the day-of-month field selects no value';
  const days = bitList(cron.dom.bits, 1, 31).join(',');
  const months = bitList(cron.month.bits, 1, 12).join(',');
  return `day-of-month ${days} does not exist in month ${months}`;
}

/** True when the only dates that can match are February 29. */
function onlyLeapDay(cron: SpecSchedule): boolean {
  const common = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const restrictedByDate = !cron.dom.star && (cron.dow.star || !anyBit(cron.dow.bits));
  return restrictedByDate && validMonthDay(cron, DAYS_IN_MONTH) && !validMonthDay(cron, common);
}

function bitList(bits: Uint8Array, min: number, max: number): number[] {
  const out: number[] = [];
  for (let i = min; i <= max; i++) if (bits[i] === 1) out.push(i);
  return out;
}

/**
 * DST notes for a preview. Between two consecutive runs (or `from` and the first run) that
 * enclose an offset change, the wall-clock times that match the schedule are enumerated: those
 * that do not exist (spring-forward gap) are "skipped", those that exist but robfig's `Next`
 * passes over are "missed". A run whose wall-clock time occurs twice says whether Kubernetes also
 * runs the other occurrence; a run whose wall-clock time the schedule does not select (robfig's
 * day loop after a DST change at midnight) says so.
 */
class DstNotes {
  private readonly wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };

  public constructor(
    private readonly cron: SpecSchedule,
    private readonly clock: GoClock,
    private readonly zoneName: string,
    private readonly runs: readonly number[],
    private readonly isRun: (ms: number) => boolean,
  ) {}

  public notes(prevMs: number, curMs: number): string[] {
    const zone = this.clock.zone;
    const prev = Math.floor(prevMs / 1000);
    const cur = curMs / 1000;
    const notes: string[] = [];
    const curWall = this.wallOf(cur);
    const partner = this.otherOccurrence(cur);

    if (!this.matchesWall(cur + zone.offsetAt(cur))) {
      notes.push(`${hm(curWall)} on ${ymd(curWall)} (${WEEKDAYS[curWall.weekday]}) does not match the schedule: robfig/cron's Next lands here after a DST change in ${this.zoneName}, and Kubernetes runs it`);
    }
    if (partner !== undefined) {
      const [first, second] = partner < cur ? [partner, cur] : [cur, partner];
      const both = this.isRun(partner * 1000);
      const which = cur === first ? 'first' : 'second';
      notes.push(both
        ? `${hm(curWall)} occurs twice on ${ymd(curWall)} in ${this.zoneName}; Kubernetes runs at both`
        : `${hm(curWall)} occurs twice on ${ymd(curWall)} in ${this.zoneName} (${formatOffset(zone.offsetAt(first))}, then ${formatOffset(zone.offsetAt(second))}); Kubernetes runs only at the ${which}`);
    }

    const transitions = zone.transitionsBetween(prev, cur);
    if (transitions.length === 0) return notes;
    const skipped = new Map<string, string[]>();
    const missed: string[] = [];
    const runPartners = new Set<number>();
    for (const r of this.runs) {
      const p = this.otherOccurrence(r / 1000);
      if (p !== undefined) runPartners.add(p);
    }
    this.forEachMatchingWall(prev, cur, (local) => {
      const instants = this.instantsOf(local);
      if (instants.length === 0) {
        if (transitions.some((x) => x.after > x.before && local >= x.at + x.before && local < x.at + x.after)) {
          civilFromLocal(local, this.wall);
          const day = ymd(this.wall);
          const list = skipped.get(day) ?? [];
          list.push(hm(this.wall));
          skipped.set(day, list);
        }
        return;
      }
      for (const t of instants) {
        if (t > prev && t < cur && !runPartners.has(t)) {
          const w = this.wallOf(t);
          missed.push(`${hm(w)} on ${ymd(w)}`);
        }
      }
    });
    for (const [day, times] of skipped) {
      notes.push(times.length === 1
        ? `${times[0]} does not exist on ${day} in ${this.zoneName}; Kubernetes skips this run`
        : `${summarise(times)} do not exist on ${day} in ${this.zoneName}; Kubernetes skips these runs`);
    }
    if (missed.length > 0) {
      notes.push(`${summarise(missed)} ${missed.length === 1 ? 'matches' : 'match'} the schedule, but robfig/cron's Next passes over ${missed.length === 1 ? 'it' : 'them'} after the DST change in ${this.zoneName}; Kubernetes does not run then`);
    }
    return notes;
  }

  private wallOf(t: number): WallClock {
    const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };
    w.offset = this.clock.zone.offsetAt(t);
    civilFromLocal(t + w.offset, w);
    return w;
  }

  /** The other instant with the same wall-clock time as `t`, if that time occurs twice. */
  private otherOccurrence(t: number): number | undefined {
    const local = t + this.clock.zone.offsetAt(t);
    return this.instantsOf(local).find((x) => x !== t);
  }

  /** Every instant whose wall-clock time in the zone is `local` (0, 1 or 2 of them). */
  private instantsOf(local: number): number[] {
    const zone = this.clock.zone;
    const span = 2 * 86400;
    const offsets = new Set<number>([zone.offsetAt(local - span), zone.offsetAt(local + span)]);
    for (const x of zone.transitionsBetween(local - span, local + span)) {
      offsets.add(x.before);
      offsets.add(x.after);
    }
    const result: number[] = [];
    for (const o of offsets) {
      const t = local - o;
      if (zone.offsetAt(t) === o && !result.includes(t)) result.push(t);
    }
    return result.sort((a, b) => a - b);
  }

  /** Whether a wall-clock time matches the schedule's fields under robfig's day rule. */
  private matchesWall(local: number): boolean {
    civilFromLocal(local, this.wall);
    const s = this.cron;
    const w = this.wall;
    if (s.month.bits[w.month] !== 1 || s.hour.bits[w.hour] !== 1 || s.minute.bits[w.minute] !== 1 || s.second.bits[w.second] !== 1) return false;
    const domMatch = s.dom.bits[w.day] === 1;
    const dowMatch = s.dow.bits[w.weekday] === 1;
    return s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  }

  /** Calls `fn` with each matching wall-clock time (local seconds) around the instants (prev, cur). */
  private forEachMatchingWall(prev: number, cur: number, fn: (local: number) => void): void {
    const slack = 2 * 86400;
    const firstDay = Math.floor((prev - slack) / 86400);
    const lastDay = Math.floor((cur + slack) / 86400);
    const s = this.cron;
    const hours = bitList(s.hour.bits, 0, 23);
    const minutes = bitList(s.minute.bits, 0, 59);
    let budget = 200_000;
    for (let day = firstDay; day <= lastDay && budget > 0; day++) {
      civilFromLocal(day * 86400, this.wall);
      if (s.month.bits[this.wall.month] !== 1) continue;
      const domMatch = s.dom.bits[this.wall.day] === 1;
      const dowMatch = s.dow.bits[this.wall.weekday] === 1;
      if (!(s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch)) continue;
      for (const h of hours) {
        for (const m of minutes) {
          const local = day * 86400 + h * 3600 + m * 60;
          // Only wall-clock times within a day of the window can belong to it.
          if (local < prev - 86400 || local > cur + 86400 + 50400) continue;
          if (--budget <= 0) return;
          fn(local);
        }
      }
    }
  }
}

function summarise(items: readonly string[]): string {
  if (items.length <= 3) return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(f: WallClock): string {
  const y = f.year >= 0 && f.year <= 9999 ? String(f.year).padStart(4, '0') : String(f.year);
  return `${y}-${pad(f.month)}-${pad(f.day)}`;
}

function hm(f: WallClock): string {
  return `${pad(f.hour)}:${pad(f.minute)}`;
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}
