/**
 * The simulator's CronJob path at scale: a `* * * * *` CronJob whose Jobs finish quickly (pods run
 * 2 s), default history limits (3 successful, 1 failed), run through the whole simulated cluster
 * (CronJob and Job controllers, scheduler, kubelet, garbage collector) with bounded history
 * (`history: 'summary'`, `keepDeleted`, `maxEvents`: what a year-long run needs), against plainly
 * enumerating the same runs with our Schedule (`nextAfterMs` chained) — the least work any
 * simulation of them does.
 *
 * - `cronjob-year-vs-enumeration`: one simulated year (525,600 runs) over enumerating the year,
 *   target 3 (issue 6). The steady-state fast-forward (lib/simulator/fast-forward/fast-forward.ts) is on, as it
 *   is by default with a bounded history; the detail says how many periods it skipped and what
 *   replaying every event costs per run (`fastForward: false`, measured over 28 days).
 * - `cronjob-linearity`: replaying every event (`fastForward: false`), 28 simulated days over 14,
 *   A/B interleaved; target 2.2 (2 = linear) — the engine's own cost model.
 * - `cronjob-memory-bounded`: heap held by the finished event-by-event simulation after 28 days over
 *   after 14, with the same bounded history; target 1.5 (1 = bounded). The detail gives what the
 *   defaults (every deleted object whole, every event) hold after one day, for comparison.
 */
import { Schedule } from '../lib/schedule/schedule';
import type { SimulationOptions } from '../lib/simulator/simulation';
import { PER_MINUTE_START, perMinuteCronJob } from './per-minute-cronjob';
import { BenchResult, collectGarbage, interleaveRuns, median, round } from './util';

const START = PER_MINUTE_START;
const DAY_MS = 86_400_000;
const RUNS_PER_DAY = 1_440;
const SHORT_DAYS = 14;
const LONG_DAYS = 28;
const YEAR_DAYS = 365;

/** What a long run needs: deleted objects as report summaries, 10 per kind, the newest 1,000 events. */
const BOUNDED: SimulationOptions = { history: 'summary', keepDeleted: 10, maxEvents: 1_000 };
/** The same, replaying every event. */
const REPLAYED: SimulationOptions = { ...BOUNDED, fastForward: false };

interface SimRun {
  /** Wall time of the simulation, ms. */
  readonly ms: number;
  /** Heap the finished simulation holds (heap used after it minus before it, after a full GC), bytes. */
  readonly heldBytes: number;
  readonly events: number;
  readonly liveJobs: number;
  readonly keptJobs: number;
  readonly keptEvents: number;
  /** Periods the fast-forward skipped. */
  readonly skipped: number;
}

/** Simulates `days` of the per-minute CronJob with `options`; checks it did the work. */
function simulate(days: number, options: SimulationOptions): SimRun {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const sim = perMinuteCronJob(days, options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The run at the end instant itself is not reached by runUntil's clock (created 100 ms later).
  const created = sim.state.history('Job').length + sim.state.droppedCount('Job');
  if (created !== days * RUNS_PER_DAY - 1) throw new Error(`expected ${days * RUNS_PER_DAY - 1} Jobs in ${days} days, got ${created}`);
  if (sim.state.count('Job') > 4) throw new Error(`history limits not applied: ${sim.state.count('Job')} live Jobs`);
  collectGarbage();
  const heldBytes = process.memoryUsage().heapUsed - before;
  return {
    ms, heldBytes, events: sim.eventsProcessed, liveJobs: sim.state.count('Job'), keptJobs: sim.state.history('Job').length,
    keptEvents: sim.trace.events.length, skipped: sim.fastForwarded?.periods ?? 0,
  };
}

/** The same runs, enumerated with the Schedule alone; returns ms. */
function enumerate(schedule: Schedule, days: number): number {
  const start = process.hrtime.bigint();
  let t = START;
  for (let i = 0; i < days * RUNS_PER_DAY; i++) t = schedule.nextAfterMs(t)!;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (t !== START + days * DAY_MS) throw new Error(`enumeration ended at ${new Date(t).toISOString()}`);
  return ms;
}

/** Median enumeration time of `days` over a few runs (it is short, so a single one is noise). */
function enumerateMedian(schedule: Schedule, days: number, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    times.push(enumerate(schedule, days));
  }
  return median(times);
}

const mb = (bytes: number) => round(bytes / 1e6, 1);
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const us = (ms: number, runs: number) => round((ms * 1000) / runs, 2);

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const schedule = Schedule.parse('* * * * *');
  const repetitions = Number(process.env.BENCH_REPETITIONS) || 3;
  const results: BenchResult[] = [];

  // JIT warm-up, unmeasured: each new Simulation's closures warm up again for a simulated day or
  // two (measured: ~320 ms for the first day of the second Simulation, ~125 ms once warm).
  for (let i = 0; i < 3; i++) simulate(3, REPLAYED);
  simulate(YEAR_DAYS, BOUNDED);
  enumerateMedian(schedule, YEAR_DAYS, 3);

  const yearRuns = YEAR_DAYS * RUNS_PER_DAY;
  const year: SimRun[] = [];
  const enumYear: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    year.push(simulate(YEAR_DAYS, BOUNDED));
    enumYear.push(enumerateMedian(schedule, YEAR_DAYS, 1));
  }
  const yearRatios = year.map((r, i) => r.ms / enumYear[i]);

  const enumLong: number[] = [];
  const { a: long, b: short, ratios } = await interleaveRuns(() => simulate(LONG_DAYS, REPLAYED), () => simulate(SHORT_DAYS, REPLAYED), repetitions, {
    afterEach: () => enumLong.push(enumerateMedian(schedule, LONG_DAYS)),
  });
  const longMs = median(long.map((r) => r.ms));
  const shortMs = median(short.map((r) => r.ms));
  const longRuns = LONG_DAYS * RUNS_PER_DAY;
  const boundedDesc = `history 'summary', keepDeleted ${BOUNDED.keepDeleted}, maxEvents ${BOUNDED.maxEvents}`;
  const yearMs = median(year.map((r) => r.ms));
  const enumMs = median(enumYear);
  results.push({
    name: 'cronjob-year-vs-enumeration', ratio: round(median(yearRatios), 2), target: 3, unit: 'x',
    detail: `365 simulated days of '* * * * *' (${thousands(yearRuns)} Jobs, pods run 2 s, history limits 3/1, whole cluster, ${boundedDesc}) `
      + `${round(yearMs, 0)} ms = ${us(yearMs, yearRuns)} us per run, the fast-forward skipping ${thousands(year[0].skipped)} of the ${thousands(yearRuns)} minutes `
      + `(the rest replayed: ${thousands(year[0].events)} events counted in all); enumerating the runs with Schedule.nextAfterMs ${round(enumMs, 0)} ms = `
      + `${us(enumMs, yearRuns)} us per run; median of ${repetitions} ratios, each from one run of both. Replaying every event (fastForward: false) costs `
      + `${us(longMs, longRuns)} us per run (${LONG_DAYS} days, ${round(long[0].events / longRuns, 1)} events per run), `
      + `${round(longMs / median(enumLong), 0)}x enumeration`,
  });

  results.push({
    name: 'cronjob-linearity', ratio: round(median(ratios)), target: 2.2, unit: 'x',
    detail: `replaying every event (fastForward: false): ${LONG_DAYS} simulated days of the per-minute CronJob (${boundedDesc}) ${round(longMs, 0)} ms vs ${SHORT_DAYS} days ${round(shortMs, 0)} ms `
      + `(${us(longMs, longRuns)} vs ${us(shortMs, SHORT_DAYS * RUNS_PER_DAY)} us per run); median of ${repetitions} interleaved pairs`,
  });

  const heldLong = median(long.map((r) => r.heldBytes));
  const heldShort = median(short.map((r) => r.heldBytes));
  const full = simulate(1, { fastForward: false });
  results.push({
    name: 'cronjob-memory-bounded', ratio: round(heldLong / heldShort), target: 1.5, unit: 'x',
    detail: `replaying every event (fastForward: false), heap held by the finished simulation after ${LONG_DAYS} days ${mb(heldLong)} MB over after ${SHORT_DAYS} days ${mb(heldShort)} MB with ${boundedDesc} `
      + `(kept: ${long[0].liveJobs} live Jobs, ${long[0].keptJobs} Jobs in the history, ${long[0].keptEvents} events); `
      + `with the defaults (every deleted object whole, every event) one day already holds ${mb(full.heldBytes)} MB and it grows with every run`,
  });
  return results;
}
