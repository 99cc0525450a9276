/** Hints that explain robfig/cron's schedule parse errors in terms of what the user probably meant. */

/**
 * A hint for robfig's parse errors, based on what the user probably meant.
 * @internal
 */
export function hintFor(expression: string, error: string): string | undefined {
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
