/**
 * The Job controller at scale: `job-completions` runs one NonIndexed Job with 10,000 completions
 * and parallelism 100 to completion (default pods: start 1 s after binding, exit 0 after 10 s; the
 * Job replaces finished pods 1 s later, so 100 waves of 100 pods) against the same Job with 5,000
 * completions. Every sync must cost what the parallelism costs, not what the Job's history costs:
 * ratio target 2.2 (2 = perfectly linear). The detail gives both wall times, the simulated events
 * per second of wall time of the larger run, and the heap used after it (pods and events are kept
 * for the report, so the heap grows with the run; the controller's own state does not).
 *
 * Each repetition runs A and B interleaved (A first on even repetitions, B first on odd ones) in
 * fresh Simulations with only the Job and TTL-after-finished controllers, and checks the outcome.
 */
import { jobDraft } from '../lib/simulator/cluster/factories';
import { jobControllerRegistration } from '../lib/simulator/controllers/job-controller';
import { ttlAfterFinishedControllerRegistration } from '../lib/simulator/controllers/ttl-after-finished-controller';
import { Simulation } from '../lib/simulator/simulation';
import { BenchResult, collectGarbage, interleaveRuns, median, round } from './util';

const LARGE = 10_000;
const SMALL = 5_000;
const PARALLELISM = 100;

interface Run {
  readonly ms: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly heapUsedBytes: number;
}

/** Runs the Job to completion; throws when it did not complete exactly. */
function runJob(completions: number): Run {
  collectGarbage();
  const start = process.hrtime.bigint();
  const sim = new Simulation({ seed: 3, controllers: [jobControllerRegistration, ttlAfterFinishedControllerRegistration] });
  sim.apply([jobDraft({
    namespace: 'default', name: 'crunch',
    spec: {
      completions, parallelism: PARALLELISM,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'worker', image: 'busybox:1.36' }] } },
    },
  })]);
  // 12 s per wave of 100 pods; a margin of 10 %.
  const simulatedMs = Math.ceil(completions / PARALLELISM) * 12_000 * 1.1;
  sim.runUntil(simulatedMs);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const job = sim.state.get('Job', 'default', 'crunch')!;
  const complete = job.status.conditions.some((c) => c.type === 'Complete' && c.status === 'True');
  if (!complete || job.status.succeeded !== completions || sim.state.history('Pod').length !== completions) {
    throw new Error(`Job with ${completions} completions did not complete exactly: ${JSON.stringify({ ...job.status, conditions: job.status.conditions.map((c) => c.type) })}`);
  }
  const heapUsedBytes = process.memoryUsage().heapUsed;
  return { ms, events: sim.eventsProcessed, simulatedMs, heapUsedBytes };
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const repetitions = Number(process.env.BENCH_REPETITIONS) || 3;
  runJob(SMALL); // JIT warm-up, unmeasured
  const { a, b, ratios } = await interleaveRuns(() => runJob(LARGE), () => runJob(SMALL), repetitions);
  const msA = median(a.map((r) => r.ms));
  const msB = median(b.map((r) => r.ms));
  const eventsPerSecond = median(a.map((r) => r.events / (r.ms / 1000)));
  const heapMiB = Math.max(...a.map((r) => r.heapUsedBytes)) / 2 ** 20;
  return [{
    name: 'job-completions',
    ratio: round(median(ratios)),
    target: 2.2,
    unit: 'x',
    detail: `Job completions ${LARGE} / parallelism ${PARALLELISM} ${round(msA, 1)} ms (${a[0].events} simulated events, ${round(eventsPerSecond, 0)} events/s, `
      + `${round(a[0].simulatedMs / 60_000, 1)} simulated min, heap used after the run ${round(heapMiB, 1)} MiB) vs ${SMALL} completions ${round(msB, 1)} ms `
      + `(${b[0].events} events); median of ${repetitions}`,
  }];
}
