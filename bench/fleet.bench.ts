/**
 * What a platform team runs, with the CLI's default flags (issue 15):
 *
 * - `fleet-vs-enumeration`: 30 simulated days of the fleet in fleet-scenario.ts (50 CronJobs, 3
 *   StatefulSets, a DaemonSet on 100 nodes with node churn, CPU contention) through `simulate()`
 *   with no options — what `cdk8s-workloads simulate` does without flags — over enumerating every
 *   CronJob's runs in the month with our Schedule. Target 5.
 * - `cronjob-year-default-flags`: a year of a `* * * * *` CronJob (pods run 2 s, history limits
 *   3/1) with default options (past a week the history is bounded by DEFAULT_KEEP_DELETED and
 *   DEFAULT_MAX_EVENTS; the fast-forward on) over enumerating the year. Target 3. Run in a child process, whose peak
 *   RSS is `cronjob-year-default-rss` (ratio = MB / 100, target 1: ≤ 100 MB).
 * - `replay-us-per-event`: replaying every event (`fastForward: false`) of a week of the per-minute
 *   CronJob; the ratio is microseconds per processed event (an absolute time, so noisier than the
 *   other lines), target 1.5.
 *
 * Repetitions: BENCH_FLEET_REPETITIONS (default 1: the fleet alone takes a while); BENCH_FLEET_DAYS
 * shortens the fleet's month for a quick look.
 */
import { execFileSync } from 'child_process';
import { simulate } from '../lib/simulator/index';
import { Schedule } from '../lib/schedule/schedule';
import { enumerateFleetRuns, fleetManifests, fleetScenario, FLEET_CRONJOBS, FLEET_DAYS } from './fleet-scenario';
import { PER_MINUTE_START, perMinuteCronJob } from './per-minute-cronjob';
import { BenchResult, collectGarbage, median, round } from './util';

const DAY_MS = 86_400_000;
const START = PER_MINUTE_START;

function timed<T>(fn: () => T): { ms: number; value: T } {
  collectGarbage();
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function enumerateYear(): number {
  const schedule = Schedule.parse('* * * * *');
  const t0 = process.hrtime.bigint();
  let t = START;
  for (let i = 0; i < 365 * 1_440; i++) t = schedule.nextAfterMs(t)!;
  if (t !== START + 365 * DAY_MS) throw new Error('enumeration ended early');
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The child process of `cronjob-year-default-flags`: prints {simMs, enumMs, rssMB, skipped, events}. */
function yearChild(): void {
  // JIT warm-up with small bounds, so what it keeps does not count in the peak RSS.
  perMinuteCronJob(2, { keepDeleted: 10, maxEvents: 100 });
  enumerateYear();
  const enumMs = median([enumerateYear(), enumerateYear(), enumerateYear()]);
  const run = timed(() => perMinuteCronJob(365, {}));
  const sim = run.value;
  const created = sim.state.history('Job').length + sim.state.droppedCount('Job');
  if (created !== 365 * 1_440 - 1) throw new Error(`expected ${365 * 1_440 - 1} Jobs, got ${created}`);
  process.stdout.write(JSON.stringify({
    simMs: run.ms, enumMs, rssMB: process.resourceUsage().maxRSS / 1024, skipped: sim.fastForwarded?.periods ?? 0,
    events: sim.eventsProcessed, keptEvents: sim.trace.events.length, keptJobs: sim.state.history('Job').length,
  }));
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const repetitions = Number(process.env.BENCH_FLEET_REPETITIONS) || 1;
  const results: BenchResult[] = [];

  // Fleet: simulate() with default options, against enumerating the CronJobs' runs.
  enumerateFleetRuns();
  const fleet: Array<{ ms: number; events: number; pods: number; skippedMs: number }> = [];
  const enumMs: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const r = timed(() => simulate(fleetManifests(), fleetScenario()));
    fleet.push({ ms: r.ms, events: r.value.simulation.eventsProcessed, pods: r.value.simulation.state.history('Pod').length + r.value.simulation.state.droppedCount('Pod'),
      skippedMs: r.value.simulation.fastForwarded?.skippedMs ?? 0 });
    enumMs.push(median([0, 1, 2, 3, 4].map(() => timed(enumerateFleetRuns).ms)));
  }
  const runs = enumerateFleetRuns();
  const fleetMs = median(fleet.map((f) => f.ms));
  const fleetEnum = median(enumMs);
  results.push({
    name: 'fleet-vs-enumeration', ratio: round(median(fleet.map((f, i) => f.ms / enumMs[i])), 1), target: 5, unit: 'x',
    detail: `${FLEET_DAYS} simulated days of ${FLEET_CRONJOBS.length} CronJobs, 3 StatefulSets, a DaemonSet on 100 nodes with node churn, CPU contention (bench/fleet-scenario.ts), `
      + `simulate() with default options ${round(fleetMs, 0)} ms (${fleet[0].events} events, ${fleet[0].pods} pods, ${round((fleetMs * 1000) / fleet[0].events, 2)} us per event; `
      + `the fast-forward skipped ${round(fleet[0].skippedMs / 3_600_000, 1)} of ${FLEET_DAYS * 24} simulated hours) `
      + `vs enumerating the ${runs} CronJob runs with Schedule ${round(fleetEnum, 1)} ms; median of ${repetitions}`,
  });

  // A year with default flags, in a child process for its own peak RSS.
  const child = JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, '--year-child'], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
    simMs: number; enumMs: number; rssMB: number; skipped: number; events: number; keptEvents: number; keptJobs: number;
  };
  results.push({
    name: 'cronjob-year-default-flags', ratio: round(child.simMs / child.enumMs, 2), target: 3, unit: 'x',
    detail: `365 days of '* * * * *' with default options (history bounded at the defaults: ${child.keptJobs} Jobs and ${child.keptEvents} events kept; fast-forward on, `
      + `${child.skipped} of 525600 minutes skipped, ${child.events} events counted, skipped ones included) ${round(child.simMs, 0)} ms vs enumerating the year ${round(child.enumMs, 0)} ms; one run in a child process`,
  });
  results.push({
    name: 'cronjob-year-default-rss', ratio: round(child.rssMB / 100, 2), target: 1, unit: 'x',
    detail: `peak RSS of that child process (node, the library, the year's simulation and the enumeration) ${round(child.rssMB, 1)} MB over 100 MB`,
  });

  // Replay cost per event, fast-forward off.
  perMinuteCronJob(2, { fastForward: false });
  const replays = [0, 1, 2].map(() => {
    const r = timed(() => perMinuteCronJob(7, { fastForward: false }));
    return { ms: r.ms, events: r.value.eventsProcessed };
  });
  const usPerEvent = median(replays.map((r) => (r.ms * 1000) / r.events));
  results.push({
    name: 'replay-us-per-event', ratio: round(usPerEvent, 2), target: 1.5, unit: 'x',
    detail: `microseconds per processed event (absolute) replaying every event (fastForward: false) of 7 days of the per-minute CronJob with default options: `
      + `${round(median(replays.map((r) => r.ms)), 0)} ms for ${replays[0].events} events (${round(replays[0].events / (7 * 1_440), 1)} per run); median of 3`,
  });
  return results;
}

if (process.argv.includes('--year-child')) yearChild();
