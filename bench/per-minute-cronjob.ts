/**
 * The per-minute CronJob of the year benchmarks (cronjob-year.bench.ts, fleet.bench.ts): one
 * `* * * * *` CronJob from 2024-01-01, pods that run 2 s, history limits 3 / 1, seed 1.
 */
import { cronJobDraft } from '../lib/simulator/cluster/factories';
import { Simulation, SimulationOptions } from '../lib/simulator/simulation';

/** 2024-01-01T00:00:00Z. */
export const PER_MINUTE_START = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** Simulates `days` of the per-minute CronJob with `options` (over the defaults above) and returns the run. */
export function perMinuteCronJob(days: number, options: SimulationOptions): Simulation {
  const sim = new Simulation({
    seed: 1, startEpochMs: PER_MINUTE_START, loopLimit: Number.MAX_SAFE_INTEGER,
    behaviours: [{ match: { owner: 'CronJob/every-minute' }, runForMs: 2_000 }], ...options,
  });
  sim.apply([cronJobDraft({
    namespace: 'default', name: 'every-minute',
    spec: {
      schedule: '* * * * *', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'tick', image: 'busybox:1.36' }] } } } },
    },
  })]);
  sim.runUntil(days * DAY_MS);
  return sim;
}
