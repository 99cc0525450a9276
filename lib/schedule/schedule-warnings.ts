/**
 * Warnings for schedules that Kubernetes accepts but that likely surprise: `*-N`, empty list items,
 * day-of-week `N/step`, schedules that never fire or fire only on February 29, the day-field AND/OR
 * rule, and `@every` quirks.
 */
import { CronSchedule, SpecSchedule } from './cron-spec';
import { formatGoDuration } from './go-duration';

/**
 * The names of the five cron fields, in order, as messages call them.
 * @internal
 */
export const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Warnings for schedules that Kubernetes accepts but that likely surprise.
 * @internal
 */
export function computeWarnings(cron: CronSchedule, timeZone: string | undefined): string[] {
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

/**
 * The values selected in `bits` from `min` to `max`, in order.
 * @internal
 */
export function bitList(bits: Uint8Array, min: number, max: number): number[] {
  const out: number[] = [];
  for (let i = min; i <= max; i++) if (bits[i] === 1) out.push(i);
  return out;
}
