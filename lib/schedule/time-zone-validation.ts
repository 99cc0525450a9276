/** CronJob `spec.timeZone` validation as the Kubernetes 1.27 API server does it, with spelling hints. */
import { ScheduleError } from './schedule-error';
import { TIME_ZONE_NAMES, TZDATA_RELEASE } from './time-zones';

// https://data.iana.org/time-zones/theory.html#naming, as the API server applies it
// (validation.go `validTimeZoneCharacters`): each `/`-separated part.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * The API server's `validateTimeZone` (1.27), with our exact tz database name list for LoadLocation.
 * @internal
 */
export function validateTimeZone(timeZone: string): void {
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
