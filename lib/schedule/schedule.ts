/**
 * CronJob schedules exactly as Kubernetes 1.27 validates and runs them.
 *
 * Kubernetes parses `spec.schedule` with robfig/cron v3 `ParseStandard`; with `spec.timeZone` the
 * controller evaluates `"TZ=<timeZone> <schedule>"` (pkg/controller/cronjob/utils.go
 * `formatSchedule`) and iterates robfig's `Schedule.Next`. This module ports that parser and
 * `Next` (lib/schedule/cron-parse.ts and lib/schedule/cron-spec.ts, with Go's `time.Date` normalisation in lib/schedule/zone.ts), adds the API
 * server's own checks (pkg/apis/batch/validation/validation.go `validateScheduleFormat`,
 * `validateTimeZone`), and explains DST effects. cron-parser disagrees with Kubernetes on 171 of
 * 559 measured cases (grammar, zone names, DST), see shared/reference/cron-semantics.md, which is
 * why this does not build on it.
 */
import { CronSchedule, everyNext, specNext } from './cron-spec';
import { parseStandard } from './cron-parse';
import { DstNotes } from './dst-notes';
import { hintFor } from './parse-error-hints';
import { ScheduleError } from './schedule-error';
import { CronFields, NextOutcome, ScheduledRun, ScheduleOptions } from './schedule-types';
import { computeWarnings, FIELD_NAMES } from './schedule-warnings';
import { validateTimeZone } from './time-zone-validation';
import { formatOffset, pad, ymd } from './wall-clock-format';
import { civilFromLocal, GoClock, WallClock, Zone } from './zone';

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
