/**
 * The simulator's CronJob path at scale: a `* * * * *` CronJob whose Jobs finish quickly (pods run
 * 2 s), default history limits (3 successful, 1 failed), run through the whole simulated cluster
 * (CronJob and Job controllers, scheduler, kubelet, garbage collector), against plainly enumerating
 * the same runs with our Schedule (`nextAfterMs` chained), the least work any simulation of them does.
 *
 * - `cronjob-day`: one simulated day (1,440 runs), A/B interleaved, several repetitions.
 * - `cronjob-month`: 30 simulated days (43,200 runs), one A/B pair (a month takes seconds).
 * - `cronjob-memory`: heap held by the simulation after 30 days over the heap after 1 day. History
 *   limits keep only 3 Jobs alive, so a bounded simulation would stay near 1×; the detail gives
 *   the live objects, the deleted instances the store keeps for the report, and the trace size.
 * - `cronjob-year`: the full year (525,600 runs), one A/B pair — only with `CRONJOB_BENCH_YEAR=1`,
 *   because the store keeps every Job and pod instance and every event for the report, which at a
 *   year needs more heap than Node's default limit (run with `--max-old-space-size=8192`).
 *
 * Target: ≤ 3× plain enumeration (issue 6).
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { Schedule } from '../lib/schedule';
import { cronJobDraft } from '../lib/simulator/cluster/factories';
import { Simulation } from '../lib/simulator/simulation';
import { BenchResult, compareInterleaved, round } from './util';

const START = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
const RUNS_PER_DAY = 1_440;
const TARGET = 3;

const gc: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

/** Simulates `days` of the per-minute CronJob; checks it did the work. */
function simulate(days: number): Simulation {
  const sim = new Simulation({
    seed: 1, startEpochMs: START, loopLimit: Number.MAX_SAFE_INTEGER,
    behaviours: [{ match: { owner: 'CronJob/every-minute' }, runForMs: 2_000 }],
  });
  sim.apply([cronJobDraft({
    namespace: 'default', name: 'every-minute',
    spec: {
      schedule: '* * * * *', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'tick', image: 'busybox:1.36' }] } } } },
    },
  })]);
  sim.runUntil(days * DAY_MS);
  // The run at the end instant itself is not reached by runUntil's clock (created 100 ms later).
  const created = sim.state.history('Job').length;
  if (created !== days * RUNS_PER_DAY - 1) throw new Error(`expected ${days * RUNS_PER_DAY - 1} Jobs in ${days} days, got ${created}`);
  if (sim.state.count('Job') > 4) throw new Error(`history limits not applied: ${sim.state.count('Job')} live Jobs`);
  return sim;
}

/** The same runs, enumerated with the Schedule alone. */
function enumerate(schedule: Schedule, days: number): number {
  let t = START;
  for (let i = 0; i < days * RUNS_PER_DAY; i++) t = schedule.nextAfterMs(t)!;
  return t;
}

function heapUsedMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Held {
  sim?: Simulation;
}

/** Heap held by a finished simulation of `days`, MB, and what it holds. */
function held(days: number): { mb: number; detail: string } {
  const before = heapUsedMb();
  const h: Held = { sim: simulate(days) };
  const mb = heapUsedMb() - before;
  const sim = h.sim!;
  const jobs = sim.state.history('Job').length;
  const pods = sim.state.history('Pod').length;
  const detail = `${round(mb, 1)} MB after ${days} d: live ${sim.state.count('Job')} Jobs / ${sim.state.count('Pod')} pods, `
    + `kept for the report ${jobs} Job and ${pods} pod instances and ${sim.trace.events.length} events`;
  h.sim = undefined;
  return { mb, detail };
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const schedule = Schedule.parse('* * * * *');
  let sink = 0;
  const results: BenchResult[] = [];

  const day = await compareInterleaved(() => { sink += simulate(1).eventsProcessed; }, () => { sink += enumerate(schedule, 1); });
  results.push({
    name: 'cronjob-day', ratio: round(day.ratio), target: TARGET, unit: 'x',
    detail: `1 simulated day of '* * * * *' (1,440 Jobs, pods run 2 s, history 3/1, whole cluster) ${round(day.medianMsA, 1)} ms vs `
      + `enumerating the 1,440 runs with Schedule.nextAfterMs ${round(day.medianMsB, 2)} ms (median of ${day.ratios.length})`,
  });

  // One pair only for the long spans: warm the (cheap) baseline first so it is not timed cold.
  for (let i = 0; i < 3; i++) sink += enumerate(schedule, 30);
  const month = await compareInterleaved(() => { sink += simulate(30).eventsProcessed; }, () => { sink += enumerate(schedule, 30); }, { repetitions: 1, warmup: 0 });
  results.push({
    name: 'cronjob-month', ratio: round(month.ratio), target: TARGET, unit: 'x',
    detail: `30 simulated days (43,200 Jobs) ${round(month.medianMsA, 0)} ms vs enumerating them ${round(month.medianMsB, 2)} ms (one pair)`,
  });

  const oneDay = held(1);
  const thirtyDays = held(30);
  results.push({
    name: 'cronjob-memory', ratio: round(thirtyDays.mb / oneDay.mb), target: 1.5, unit: 'x',
    detail: `heap held after 30 days over after 1 day; ${thirtyDays.detail}; ${oneDay.detail}`,
  });

  if (process.env.CRONJOB_BENCH_YEAR === '1') {
    for (let i = 0; i < 3; i++) sink += enumerate(schedule, 365);
    const year = await compareInterleaved(() => { sink += simulate(365).eventsProcessed; }, () => { sink += enumerate(schedule, 365); }, { repetitions: 1, warmup: 0 });
    results.push({
      name: 'cronjob-year', ratio: round(year.ratio), target: TARGET, unit: 'x',
      detail: `365 simulated days (525,600 Jobs) ${round(year.medianMsA, 0)} ms vs enumerating them ${round(year.medianMsB, 1)} ms (one pair)`,
    });
  }

  if (sink === 0) throw new Error('unreachable: keeps the work from being optimised away');
  return results;
}
