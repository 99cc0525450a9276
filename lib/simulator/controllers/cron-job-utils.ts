/**
 * Pure helpers of the CronJob controller (Kubernetes 1.27, controller v2):
 * `pkg/controller/cronjob/utils.go` (`mostRecentScheduleTime`, `nextScheduleTime`,
 * `nextScheduleTimeDuration`, `getJobName`, `byJobStartTime`, `getFinishedStatus`) and
 * `cronjob_controllerv2.go#formatSchedule`, on our Kubernetes-exact {@link Schedule} — the same code
 * as `ScheduledJob.nextRuns`, a port of robfig/cron v3's parser and `Next`.
 *
 * Every time here is **wall-clock epoch ms** (what `ctx.clock.epochMs(simMs)` gives); the reconcile
 * module converts to and from the simulated ms stored in object statuses. Go's `time.Time` values in
 * the real code have second precision where it matters (robfig truncates to the second, metav1.Time
 * is serialised in seconds), which the functions keep.
 *
 * Rules cited as §5.x are from shared/reference/k8s-controller-semantics.md.
 */
import { Schedule } from '../../schedule/schedule';
import { ScheduleError } from '../../schedule/schedule-error';
import type { SimJob } from '../cluster/objects';
import { CRON_JOB_RULES_1_27, CronJobRules } from './cron-job-versions';

/** `nextScheduleDelta` (utils.go): a sync is requeued 100 ms after the tick it waits for. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/**
 * Go's zero `time.Time` (0001-01-01T00:00:00Z) in epoch ms: what robfig's `Next` returns when
 * nothing fires within its 5-year horizon (a never-firing schedule such as `0 0 30 2 *`).
 */
export const GO_ZERO_TIME_MS = -62_135_596_800_000;

/** More missed start times than this → Warning `TooManyMissedTimes` (§5.3; still one Job is created). */
export const TOO_MANY_MISSED = 100;

/** `time.Duration` is an int64 of nanoseconds: `t.Sub(u)` saturates at ±2^63−1 ns (~292 years). */
const MAX_GO_DURATION_MS = 9_223_372_036_854;

/** The message of the error `mostRecentScheduleTime` returns for a schedule whose ticks are < 1 s apart (or never come). */
export const LESS_THAN_ONE_SECOND = 'time difference between two schedules is less than 1 second';

/**
 * robfig's `Next` would never return for this schedule and instant (our {@link Schedule} reports
 * `hang`: Pacific/Apia's skipped 2011-12-30). The real controller's worker blocks on the CronJob
 * for good; the simulated controller stops syncing it.
 */
export class ScheduleHang extends Error {
  /** @param afterMs the instant `Next` was asked from */
  public constructor(public readonly afterMs: number) {
    super(`robfig/cron's Next does not return after ${new Date(afterMs).toISOString()}`);
    this.name = 'ScheduleHang';
  }
}

/**
 * robfig `Schedule.Next(t)` in epoch ms: the first tick strictly after `afterMs`, or
 * {@link GO_ZERO_TIME_MS} when robfig returns the zero time.
 *
 * @throws ScheduleHang when robfig's `Next` would not return
 */
export function scheduleNext(schedule: Schedule, afterMs: number): number {
  // A sync asks for the same few instants several times (t1, t2, then the requeue), and every Job
  // event of a tick syncs again: remember the latest answers per schedule.
  let memo = NEXT_MEMO.get(schedule);
  if (memo === undefined) NEXT_MEMO.set(schedule, (memo = new Map()));
  const known = memo.get(afterMs);
  if (known !== undefined) return known;
  const outcome = schedule.nextOutcome(afterMs);
  if (outcome.kind === 'hang') throw new ScheduleHang(afterMs);
  const next = outcome.kind === 'run' ? outcome.atMs : GO_ZERO_TIME_MS;
  if (memo.size >= NEXT_MEMO_SIZE) memo.clear();
  memo.set(afterMs, next);
  return next;
}

const NEXT_MEMO_SIZE = 64;
const NEXT_MEMO = new WeakMap<Schedule, Map<number, number>>();

/** `a.Sub(b)` in ms, saturating like Go's `time.Time.Sub`. */
function goSub(aMs: number, bMs: number): number {
  return Math.max(-MAX_GO_DURATION_MS, Math.min(MAX_GO_DURATION_MS, aMs - bMs));
}

/** What `mostRecentScheduleTime` reads from a CronJob, in epoch ms. */
export interface ScheduleState {
  /** `metadata.creationTimestamp` (second precision). */
  readonly creationMs: number;
  /** `status.lastScheduleTime`, or null. */
  readonly lastScheduleMs: number | null;
  /** `spec.startingDeadlineSeconds`. @default - none */
  readonly startingDeadlineSeconds?: number;
}

/** The result of {@link mostRecentScheduleTime}. */
export interface MostRecentSchedule {
  /** Where the search started: lastScheduleTime ?? creation, clamped by the starting deadline when asked. */
  readonly earliestMs: number;
  /** The most recent tick not after now, or null when none is due. */
  readonly mostRecentMs: number | null;
  /** The (approximate) number of ticks missed since `earliestMs`. */
  readonly missed: number;
  /**
   * 1.29+ (kubernetes#121327) reports only none / few / many missed: `few` once now is past the
   * second tick, `many` above 100. Derived from `missed` in every version.
   */
  readonly missedKind: 'none' | 'few' | 'many';
  /** `time difference between two schedules is less than 1 second`, for never-firing schedules. */
  readonly error?: string;
}

/**
 * `utils.go#mostRecentScheduleTime` (§5.3). earliest = lastScheduleTime ?? creation; with
 * `includeStartingDeadline` and `startingDeadlineSeconds` set, earliest is raised to
 * now − deadline (the controller will not schedule anything before). t1 = Next(earliest),
 * t2 = Next(t1). now < t1 → nothing; now < t2 → t1 (1 missed). Otherwise between = round(t2 − t1)
 * in whole seconds (< 1 → error) and missed = ⌊(now − t1)/between⌋ + 1; then
 * - 1.27: mostRecent = t1 + (missed − 1)·between — exact for regular schedules, not a real tick
 *   for irregular ones such as `30 6-16/4 * * 1-5`;
 * - 1.28+ (`rules.exactMostRecent`, kubernetes#118724): from t1 + (missed − 2)·between, the last
 *   Next(…) not after now — a real tick, or none (null) when that window holds none.
 *
 * @param rules the version's rules @default CRON_JOB_RULES_1_27
 * @throws ScheduleHang when robfig's `Next` would not return
 */
export function mostRecentScheduleTime(
  state: ScheduleState, nowMs: number, schedule: Schedule, includeStartingDeadline: boolean, rules: CronJobRules = CRON_JOB_RULES_1_27,
): MostRecentSchedule {
  let earliestMs = state.lastScheduleMs ?? state.creationMs;
  if (includeStartingDeadline && state.startingDeadlineSeconds !== undefined) {
    const deadlineMs = nowMs - state.startingDeadlineSeconds * 1000;
    if (deadlineMs > earliestMs) earliestMs = deadlineMs;
  }
  const t1 = scheduleNext(schedule, earliestMs);
  if (nowMs < t1) return { earliestMs, mostRecentMs: null, missed: 0, missedKind: 'none' };
  const t2 = scheduleNext(schedule, t1);
  if (nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 1, missedKind: 'none' };
  // int64(t2.Sub(t1).Round(time.Second).Seconds()): Round is half away from zero.
  const diff = goSub(t2, t1);
  const betweenSeconds = Math.sign(diff) * Math.round(Math.abs(diff) / 1000);
  if (betweenSeconds < 1) return { earliestMs, mostRecentMs: null, missed: 0, missedKind: 'none', error: LESS_THAN_ONE_SECOND };
  const elapsedSeconds = Math.trunc(goSub(nowMs, t1) / 1000); // int64(now.Sub(t1).Seconds())
  const missed = Math.trunc(elapsedSeconds / betweenSeconds) + 1;
  const missedKind = missed > TOO_MANY_MISSED ? 'many' : missed > 0 ? 'few' : 'none';
  if (!rules.exactMostRecent) {
    // 1.27: time.Unix(t1.Unix() + (missed-1)*between, 0)
    const mostRecentMs = (Math.floor(t1 / 1000) + (missed - 1) * betweenSeconds) * 1000;
    return { earliestMs, mostRecentMs, missed, missedKind };
  }
  // kubernetes#118724: potentialEarliest := t1.Add((missed-1-1)*between seconds), then
  // `for t := Next(potentialEarliest); !t.After(now); t = Next(t) { mostRecent = t }`.
  let t = scheduleNext(schedule, t1 + (missed - 2) * betweenSeconds * 1000);
  let mostRecentMs: number | null = null;
  while (t <= nowMs) {
    // Next returning the zero time would make the Go loop spin for good (Next(zero) is again ≤ now).
    if (t === GO_ZERO_TIME_MS) throw new ScheduleHang(mostRecentMs ?? t1);
    mostRecentMs = t;
    t = scheduleNext(schedule, t);
  }
  // `if mostRecentTime.IsZero() { return earliestTime, nil, ... }`
  return { earliestMs, mostRecentMs, missed, missedKind };
}

/** The result of {@link nextScheduleTime}. */
export interface NextScheduleTime {
  /** The tick to start a Job for, or null when none is due (or on error). */
  readonly scheduledMs: number | null;
  /** Missed ticks, as computed by {@link mostRecentScheduleTime}. */
  readonly missed: number;
  /** Warning `TooManyMissedTimes` is due (more than 100 missed; a Job is still started). */
  readonly tooManyMissed: boolean;
  /** The error for Warning `InvalidSchedule`. */
  readonly error?: string;
}

/**
 * The `TooManyMissedTimes` message: 1.27 gives the estimated count; from 1.28 the count is internal
 * (kubernetes#118940, "Hide numberOfMissedSchedules as an algorithm internal number").
 *
 * @param missed the estimated number of missed ticks
 * @param rules the version's rules @default CRON_JOB_RULES_1_27
 */
export function tooManyMissedMessage(missed: number, rules: CronJobRules = CRON_JOB_RULES_1_27): string {
  return rules.exactMostRecent
    ? 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'
    : `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`;
}

/**
 * `utils.go#nextScheduleTime`: the most recent unmet tick, counting the starting deadline; null when
 * none is due. More than 100 missed ticks only add the `TooManyMissedTimes` warning (§5.3, easy to
 * get wrong: the removed v1 controller gave up instead).
 *
 * @param rules the version's rules @default CRON_JOB_RULES_1_27
 * @throws ScheduleHang when robfig's `Next` would not return
 */
export function nextScheduleTime(state: ScheduleState, nowMs: number, schedule: Schedule, rules: CronJobRules = CRON_JOB_RULES_1_27): NextScheduleTime {
  const r = mostRecentScheduleTime(state, nowMs, schedule, true, rules);
  if (r.mostRecentMs === null || r.mostRecentMs > nowMs) {
    return { scheduledMs: null, missed: r.missed, tooManyMissed: false, ...(r.error !== undefined ? { error: r.error } : {}) };
  }
  return { scheduledMs: r.mostRecentMs, missed: r.missed, tooManyMissed: r.missedKind === 'many' };
}

/**
 * `utils.go#nextScheduleTimeDuration`: ms from now until 100 ms after the tick following the most
 * recent one (without the starting deadline), i.e. Next(mostRecent ?? earliest) + 100 ms − now; on
 * error the tick after now. From 1.29 (`rules.requeueFromNowWhenMissed`, kubernetes#121327) no
 * most recent tick with ticks missed (the 1.28 walk found none) counts from now, not from earliest
 * (whose Next is in the past: an immediate requeue). Negative when robfig returns the zero time
 * (Go's `AddAfter` then adds at once). There is no 10-second polling in controller v2 (§5.3).
 *
 * @param rules the version's rules @default CRON_JOB_RULES_1_27
 * @throws ScheduleHang when robfig's `Next` would not return
 */
export function nextScheduleTimeDuration(state: ScheduleState, nowMs: number, schedule: Schedule, rules: CronJobRules = CRON_JOB_RULES_1_27): number {
  const r = mostRecentScheduleTime(state, nowMs, schedule, false, rules);
  const missedNoTick = r.mostRecentMs === null && r.missedKind !== 'none' && rules.requeueFromNowWhenMissed;
  const fromMs = r.error !== undefined || missedNoTick ? nowMs : r.mostRecentMs ?? r.earliestMs;
  return goSub(scheduleNext(schedule, fromMs) + NEXT_SCHEDULE_DELTA_MS, nowMs);
}

/**
 * `getJobName`: `<cronjob>-<scheduled Unix time / 60>`, the minutes since the epoch (§5.4 step 10,
 * §6.2: `testcron-27718752` is the run scheduled at 2022-09-14T03:12:00Z). Go divides int64s
 * truncating toward zero.
 */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.trunc(Math.floor(scheduledMs / 1000) / 60)}`;
}

/** `getFinishedStatus`: the type of the first `Complete`/`Failed` condition with status True, or null while the Job runs. */
export function finishedStatus(job: Pick<SimJob, 'status'>): 'Complete' | 'Failed' | null {
  for (const c of job.status.conditions) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return null;
}

/**
 * `byJobStartTime` (utils.go): Jobs with a `status.startTime` first, earlier first; Jobs without one
 * last; ties (including both unset) by name. The order `removeOldestJobs` deletes in (§5.4 step 12).
 */
export function byJobStartTime(a: Pick<SimJob, 'name' | 'status'>, b: Pick<SimJob, 'name' | 'status'>): number {
  const sa = a.status.startTime;
  const sb = b.status.startTime;
  if (sa === null && sb !== null) return 1;
  if (sa !== null && sb === null) return -1;
  if (sa === sb) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return (sa as number) - (sb as number);
}

/**
 * The schedule the controller evaluates, from `spec.schedule` and `spec.timeZone`
 * (`cronjob_controllerv2.go#formatSchedule` + robfig `ParseStandard`), or why there is none.
 */
export type ControllerSchedule =
  | {
    /** Parsed. */
    readonly ok: true;
    /** The schedule in its zone. */
    readonly schedule: Schedule;
    /** The schedule contains `TZ` (1.27 accepts `TZ=<zone> …` without spec.timeZone): Warning `UnsupportedSchedule`. */
    readonly unsupportedTz: boolean;
  }
  | {
    /** Not parsed. */
    readonly ok: false;
    /** robfig's error, for `unparseable schedule: "<s>" : <err>`. */
    readonly error: string;
    /** The schedule contains `TZ` (the warning comes before the parse error). */
    readonly unsupportedTz: boolean;
  };

/** A `TZ=`/`CRON_TZ=` prefix as robfig's parser takes it: the zone up to the first space, then the schedule. */
const TZ_PREFIX = /^(?:CRON_)?TZ=([^ ]*) (.*)$/s;

/**
 * `formatSchedule` then `cron.ParseStandard`:
 * - a schedule containing `TZ` is used as is (Warning `UnsupportedSchedule`; 1.27 accepts
 *   `TZ=Asia/Seoul 0 9 * * *` without spec.timeZone), robfig reading the zone from its prefix
 *   (an empty zone is UTC);
 * - else with a loadable `spec.timeZone` the schedule is evaluated in that zone;
 * - else (no zone, or one that does not load — `formatSchedule` then drops it) in the
 *   controller-manager's zone, UTC here (DESIGN.md).
 */
export function controllerSchedule(spec: { readonly schedule: string; readonly timeZone?: string }): ControllerSchedule {
  return controllerScheduleOf(spec.schedule, spec.timeZone);
}

/**
 * {@link controllerSchedule} of `schedule` in `timeZone` (undefined: none). Parsing is pure and the
 * controller asks on every sync, so the result is memoised by the two strings (`''` and no zone
 * share an entry, as they always have), looked up without building a combined key.
 */
export function controllerScheduleOf(schedule: string, timeZone: string | undefined): ControllerSchedule {
  const zoneKey = timeZone ?? '';
  let byZone = PARSED.get(schedule);
  let parsed = byZone?.get(zoneKey);
  if (parsed === undefined) {
    if (PARSED.size >= PARSED_CACHE_SIZE) {
      PARSED.clear();
      byZone = undefined;
    }
    parsed = parseForController(timeZone === undefined ? { schedule } : { schedule, timeZone });
    if (byZone === undefined) PARSED.set(schedule, (byZone = new Map()));
    byZone.set(zoneKey, parsed);
  }
  return parsed;
}

const PARSED_CACHE_SIZE = 1000;
const PARSED = new Map<string, Map<string, ControllerSchedule>>();

function parseForController(spec: { readonly schedule: string; readonly timeZone?: string }): ControllerSchedule {
  const expression = spec.schedule;
  if (expression.includes('TZ')) {
    const m = TZ_PREFIX.exec(expression);
    if (!m) return parse(expression, undefined, true);
    const zone = m[1];
    if (zone !== '' && timeZoneError(zone) !== undefined) {
      return { ok: false, error: `provided bad location ${zone}: ${timeZoneError(zone)}`, unsupportedTz: true };
    }
    return parse(m[2].trim(), zone === '' ? undefined : zone, true);
  }
  const zone = spec.timeZone !== undefined && timeZoneError(spec.timeZone) === undefined ? spec.timeZone : undefined;
  return parse(expression, zone, false);
}

function parse(expression: string, timeZone: string | undefined, unsupportedTz: boolean): ControllerSchedule {
  try {
    return { ok: true, schedule: Schedule.parse(expression, timeZone !== undefined ? { timeZone } : {}), unsupportedTz };
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    return { ok: false, error: e.reason, unsupportedTz };
  }
}

/**
 * Why `time.LoadLocation(zone)` fails (`unknown time zone Foo/Bar`), or undefined when it loads.
 * Checked with our Schedule's zone validation (the tz database list of lib/schedule/time-zones.ts).
 */
export function timeZoneError(zone: string): string | undefined {
  const known = ZONE_ERRORS.get(zone);
  if (known !== undefined) return known === '' ? undefined : known;
  let error = '';
  try {
    Schedule.parse('* * * * *', { timeZone: zone });
  } catch (e) {
    if (!(e instanceof ScheduleError && e.field === 'timeZone')) throw e;
    error = e.reason;
  }
  if (ZONE_ERRORS.size >= PARSED_CACHE_SIZE) ZONE_ERRORS.clear();
  ZONE_ERRORS.set(zone, error);
  return error === '' ? undefined : error;
}

/** zone → LoadLocation error, `''` when it loads (memoised: the sync checks it every time). */
const ZONE_ERRORS = new Map<string, string>();

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's `t.UTC().Format(time.RFC1123Z)`: `Mon, 02 Jan 2006 15:04:05 +0000` (the `MissSchedule` message). */
export function formatRfc1123z(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `
    + `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
