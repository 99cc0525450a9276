/**
 * What the CronJob controller does differently between Kubernetes 1.27 and 1.36, as one set of
 * switches derived from the run's {@link FeatureGates} (the version for changes that are not
 * gated). Each switch cites the upstream PR; cron-job-utils.ts and cron-job-reconcile.ts branch on
 * them, so the 1.27 behaviour is the default everywhere.
 */
import { Zone } from '../../schedule/zone';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../versions/feature-gates';

/** The version-dependent rules of `pkg/controller/cronjob`. */
export interface CronJobRules {
  /**
   * `mostRecentScheduleTime` walks robfig's `Next` from one estimated interval before the
   * estimate instead of returning `t1 + (missed−1)·interval` (kubernetes#118724 with its follow-up
   * #118940, 1.28): the result is always a real tick, and the missed count is internal — the
   * `TooManyMissedTimes` message no longer carries it.
   */
  readonly exactMostRecent: boolean;
  /**
   * `nextScheduleTimeDuration` requeues from now (not from `earliestTime`) when ticks were
   * missed but the walk found none (kubernetes#121327, 1.29: the three-valued
   * none/few/many missed result).
   */
  readonly requeueFromNowWhenMissed: boolean;
  /**
   * A create that fails with AlreadyExists reads the Job: controlled by this CronJob and missing
   * from `status.active` → added to active (lastScheduleTime set), otherwise the sync ends without
   * error and without requeue (kubernetes#120649, 1.29). Before, the error was returned and retried.
   */
  readonly adoptExistingJob: boolean;
  /**
   * Created Jobs get the `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation
   * (`getJobFromTemplate2`; KEP-4026, gate CronJobsScheduledAnnotation: beta and on in 1.28 by
   * kubernetes#118137, GA in 1.32 by #128336, the gate removed in 1.35 by #133686).
   */
  readonly scheduledTimestampAnnotation: boolean;
}

/** 1.27: every switch off. */
export const CRON_JOB_RULES_1_27: CronJobRules = {
  exactMostRecent: false, requeueFromNowWhenMissed: false, adoptExistingJob: false, scheduledTimestampAnnotation: false,
};

/**
 * The rules of a run.
 *
 * @param gates the run's gates @default DEFAULT_FEATURE_GATES (1.27)
 */
export function cronJobRules(gates: FeatureGates = DEFAULT_FEATURE_GATES): CronJobRules {
  const minor = gates.version.minor;
  return {
    // kubernetes#118724 + #118940 merged for 1.28 (release note "Fix cronjob controller handling of
    // complex schedules, like "30 6-16/4 * * 1-5""); also cherry-picked to release-1.27
    // (#119137/#119139), a patch the version table does not pin, so 1.27 keeps the approximation.
    exactMostRecent: minor >= 28,
    // kubernetes#121327 ("Fixes a 1.25+ regression calculating the requeue time"), merged for 1.29.
    requeueFromNowWhenMissed: minor >= 29,
    // kubernetes#120649 ("ensure already existing jobs are added to active list"), merged for 1.29.
    adoptExistingJob: minor >= 29,
    // From 1.35 the gate is gone (kubernetes#133686) and the annotation is unconditional.
    scheduledTimestampAnnotation: minor >= 35 || gates.enabled('CronJobsScheduledAnnotation'),
  };
}

/** The annotation `getJobFromTemplate2` sets when CronJobsScheduledAnnotation is on. */
export const CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * `scheduledTime.In(time.LoadLocation(spec.timeZone ?? "")).Format(time.RFC3339)`: the tick as
 * `2026-01-05T09:00:00+09:00` in the CronJob's zone (`Z` for a zero offset; UTC without a zone —
 * `LoadLocation("")` is UTC, whatever `TZ=` the schedule carries).
 *
 * @param scheduledMs the tick, wall-clock epoch ms (whole seconds)
 * @param timeZone `spec.timeZone`, already known to load
 */
export function scheduledTimestamp(scheduledMs: number, timeZone: string | undefined): string {
  const seconds = Math.floor(scheduledMs / 1000);
  const offset = Zone.get(timeZone === '' ? undefined : timeZone).offsetAt(seconds);
  const wall = new Date((seconds + offset) * 1000).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  // Go's Z07:00 prints hours and minutes only (an LMT offset's seconds are dropped).
  const a = Math.abs(offset);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${p(Math.floor(a / 3600))}:${p(Math.floor((a % 3600) / 60))}`;
}
