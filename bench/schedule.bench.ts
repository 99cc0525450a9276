/**
 * Schedule.nextAfterMs, the call the simulator's CronJob controller makes for every tick.
 *
 * - `schedule-minute-year`: a year of `* * * * *` (525,600 chained calls) against plainly
 *   enumerating the same minutes and formatting each as an RFC 3339 string — the least work any
 *   per-run step does. The simulator's per-minute CronJob year must stay within ~3× of plain
 *   enumeration, so the schedule alone must stay well below that.
 * - `schedule-zone-overhead`: the same year in America/New_York (two DST changes) against UTC:
 *   the cost of the cached Intl offsets.
 * - `schedule-vs-cron-parser`: a month of runs (43,200) against cron-parser 5 iterating the same
 *   schedule, the library we do not use for previews.
 */
import { CronExpressionParser } from 'cron-parser';
import { Schedule } from '../lib/schedule/schedule';
import { BenchResult, compareInterleaved, round } from './util';

const START = Date.UTC(2024, 0, 1);
const YEAR_OF_MINUTES = 525_600;

function chain(schedule: Schedule, calls: number): number {
  let t = START;
  for (let i = 0; i < calls; i++) t = schedule.nextAfterMs(t)!;
  return t;
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const utc = Schedule.parse('* * * * *');
  const newYork = Schedule.parse('* * * * *', { timeZone: 'America/New_York' });
  let sink = 0;

  const minuteYear = await compareInterleaved(
    () => { sink += chain(utc, YEAR_OF_MINUTES); },
    () => {
      let t = START;
      for (let i = 0; i < YEAR_OF_MINUTES; i++) {
        t += 60_000;
        sink += new Date(t).toISOString().length;
      }
    },
  );

  const zone = await compareInterleaved(
    () => { sink += chain(newYork, YEAR_OF_MINUTES); },
    () => { sink += chain(utc, YEAR_OF_MINUTES); },
  );

  const month = 43_200;
  const vsCronParser = await compareInterleaved(
    () => { sink += chain(utc, month); },
    () => {
      const it = CronExpressionParser.parse('* * * * *', { currentDate: new Date(START), tz: 'UTC' });
      for (let i = 0; i < month; i++) sink += it.next().getTime();
    },
    { repetitions: 3 },
  );

  if (sink === 0) throw new Error('unreachable: keeps the loops from being optimised away');
  return [
    {
      name: 'schedule-minute-year',
      ratio: round(minuteYear.ratio),
      target: 3,
      unit: 'x',
      detail: `525,600 chained Schedule.nextAfterMs('* * * * *', UTC) ${round(minuteYear.medianMsA, 1)} ms vs plain minute enumeration with toISOString ${round(minuteYear.medianMsB, 1)} ms`,
    },
    {
      name: 'schedule-zone-overhead',
      ratio: round(zone.ratio),
      target: 1.5,
      unit: 'x',
      detail: `a year of '* * * * *' in America/New_York ${round(zone.medianMsA, 1)} ms vs UTC ${round(zone.medianMsB, 1)} ms`,
    },
    {
      name: 'schedule-vs-cron-parser',
      ratio: round(vsCronParser.ratio),
      target: 1,
      unit: 'x',
      detail: `43,200 runs of '* * * * *': Schedule.nextAfterMs ${round(vsCronParser.medianMsA, 1)} ms vs cron-parser 5 next() ${round(vsCronParser.medianMsB, 1)} ms`,
    },
  ];
}
