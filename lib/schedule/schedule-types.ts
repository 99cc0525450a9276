/** The public option and result types of `Schedule`: its options, cron fields, previewed runs and `Next` outcomes. */

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
