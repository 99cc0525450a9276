import { Schedule } from '../schedule/schedule';
import { ScheduleError } from '../schedule/schedule-error';
import { ScheduledRun } from '../schedule/schedule-types';
import { CliError, CliIO } from './io';

/** Options of `cdk8s-workloads schedule`. */
export interface ScheduleCommandOptions {
  /** IANA time zone, as CronJob `spec.timeZone`; UTC when omitted. */
  readonly timeZone?: string;
  /** RFC 3339 instant to list runs after (default: now). */
  readonly from?: string;
  /** How many runs to list, as typed (default 5). */
  readonly count?: string;
  /** Print JSON: `{"ok":true,"next":[…]}` or `{"ok":false,"error":"…"}`. */
  readonly json?: boolean;
}

/** The largest `--count` accepted. */
export const MAX_SCHEDULE_COUNT = 1000;

/**
 * RFC 3339 date-time with a `Z` or numeric offset (fractional seconds allowed, `T` or space
 * between date and time). A bare date or a time without an offset is ambiguous and rejected.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Runs `cdk8s-workloads schedule "<cron>" [--time-zone ZONE] [--from ISO] [--count N] [--json]`
 * and returns the exit code.
 *
 * Text mode prints one line per run (UTC instant, wall-clock time in the zone, DST notes), then
 * warnings on stderr; errors go to stderr with exit code 1 and nothing on stdout. JSON mode prints
 * only `{"ok":true,"next":[…]}` (plus `"warnings"` when there are any) or `{"ok":false,"error":"…"}`
 * (exit 1) on stdout.
 */
export async function runSchedule(cron: string, opts: ScheduleCommandOptions, io: CliIO): Promise<number> {
  try {
    const count = parseCount(opts.count);
    const from = parseFrom(opts.from);
    const schedule = Schedule.parse(cron, opts.timeZone !== undefined ? { timeZone: opts.timeZone } : {});
    const runs = schedule.preview(count, from);
    if (opts.json) {
      const out: { ok: true; next: string[]; warnings?: string[] } = { ok: true, next: runs.map((r) => rfc3339(r.at.getTime())) };
      if (schedule.warnings.length > 0) out.warnings = [...schedule.warnings];
      io.stdout(`${JSON.stringify(out)}\n`);
      return 0;
    }
    io.stdout(renderText(schedule, runs, count, from));
    for (const warning of schedule.warnings) io.stderr(`warning: ${warning}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof CliError || err instanceof ScheduleError)) throw err;
    if (opts.json) {
      io.stdout(`${JSON.stringify({ ok: false, error: err.message })}\n`);
      return 1;
    }
    throw err instanceof CliError ? err : new CliError(err.message);
  }
}

function parseCount(text: string | undefined): number {
  if (text === undefined) return 5;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_SCHEDULE_COUNT) {
    throw new CliError(`--count must be a whole number from 1 to ${MAX_SCHEDULE_COUNT}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function parseFrom(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = RFC3339.exec(text);
  const bad = () => new CliError(`--from must be an RFC 3339 instant with Z or an offset, e.g. 2023-03-10T19:00:00Z or 2023-03-11T04:00:00+09:00, got ${JSON.stringify(text)}`);
  if (!m) throw bad();
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  if (month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59 || !offsetOk) throw bad();
  const ms = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw bad();
  // Date keeps milliseconds; finer digits are dropped, which cannot change a whole-second answer
  // except for robfig's `Next` starting from the second after (exact at millisecond precision).
  return new Date(ms);
}

/** RFC 3339 in UTC without fractional seconds (runs are whole seconds). */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function renderText(schedule: Schedule, runs: readonly ScheduledRun[], count: number, from: Date): string {
  const zone = schedule.timeZone
    ?? 'UTC (no --time-zone: Kubernetes then uses the kube-controller-manager\'s local zone, UTC on most clusters)';
  const what = count === 1 ? 'next run' : `next ${count} runs`;
  const lines: string[] = [`"${schedule.expression}" in ${zone}: ${what} after ${rfc3339(Math.floor(from.getTime() / 1000) * 1000)}`];
  for (const run of runs) {
    const utc = rfc3339(run.at.getTime());
    const local = schedule.timeZone ? `  ${run.local.replace('T', ' ')}` : '';
    const notes = run.notes.length > 0 ? `  (${run.notes.join('; ')})` : '';
    lines.push(`${utc}${local}${notes}`);
  }
  if (runs.length < count) lines.push(endReason(schedule, runs, from));
  return `${lines.join('\n')}\n`;
}

/** Why the list stopped early, in robfig/cron's and the controller's terms. */
function endReason(schedule: Schedule, runs: readonly ScheduledRun[], from: Date): string {
  const after = runs.length > 0 ? runs[runs.length - 1].at.getTime() : from.getTime();
  const outcome = schedule.nextOutcome(after);
  if (outcome.kind === 'run') {
    return `no later run: robfig/cron's Next returns ${rfc3339(outcome.atMs)}, which is not after the previous run; the CronJob controller reports InvalidSchedule`;
  }
  if (outcome.kind === 'hang') {
    return 'no further run: robfig/cron\'s Next never returns here (a day that does not exist in this zone); the CronJob controller would stop scheduling this CronJob';
  }
  return 'no further run within robfig/cron\'s 5-year search horizon: the CronJob controller records InvalidSchedule and creates no Job';
}
