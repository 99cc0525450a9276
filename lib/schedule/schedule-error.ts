/** {@link ScheduleError}: the error thrown for a schedule or time zone that Kubernetes 1.27 would reject. */

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
