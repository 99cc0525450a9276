/**
 * Whether a window of CronJob ticks repeats with a period: the checks the fast-forward makes before
 * it skips whole periods (DST, weekdays and month lengths end a window; so does a Job name that
 * gains a digit).
 */

/** Digits of the Unix minutes of an epoch ms (a CronJob's Job name suffix, `getJobName`). */
export function digits(epochMs: number): number {
  return String(Math.floor(epochMs / 60_000)).length;
}

/**
 * Enumerates the ticks of `schedule` in [fromEpochMs, toEpochMs] and returns the first instant
 * where they stop repeating with period `periodMs` — a tick whose predecessor by one period is not
 * a tick, or a missing successor — or undefined when they repeat throughout.
 */
export function firstAperiodic(schedule: { nextAfterMs(afterMs: number): number | undefined }, fromEpochMs: number, toEpochMs: number, periodMs: number): number | undefined {
  const firstPeriodEnd = fromEpochMs + periodMs;
  const open: number[] = [];
  let head = 0;
  for (let t = schedule.nextAfterMs(fromEpochMs - 1); ; ) {
    if (t === undefined || t > toEpochMs) break;
    if (t >= firstPeriodEnd) {
      // Ticks of the window's first period have no predecessor in it; every later one must.
      while (head < open.length && open[head] + periodMs < t) {
        if (open[head] + periodMs <= toEpochMs) return open[head] + periodMs;
        head++;
      }
      if (head >= open.length || open[head] + periodMs !== t) return t;
      head++;
    }
    open.push(t);
    if (head > 1024 && head * 2 > open.length) {
      open.splice(0, head);
      head = 0;
    }
    const next = schedule.nextAfterMs(t);
    if (next !== undefined && next <= t) return t;
    t = next;
  }
  for (; head < open.length; head++) if (open[head] + periodMs <= toEpochMs) return open[head] + periodMs;
  return undefined;
}
