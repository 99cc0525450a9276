/** Small runs shared by the expectation tests: a StatefulSet, two Jobs (one fails), a per-minute CronJob. */
import * as path from 'path';
import { simulate, SimulationResult } from '../../../lib/simulator';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const WEB = path.join(FIXTURES, 'seed-001-web.yaml');
export const WEB_SCENARIO = path.join(FIXTURES, 'seed-001.scenario.yaml');

/** Job `migrate` fails (backoffLimit 1, every container exits 1); Job `seed` completes. */
export const JOBS = `
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: m, image: busybox:1.36 }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: seed }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: s, image: busybox:1.36 }]
`;

export const CRON = `
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/10 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: t, image: busybox:1.36 }]
`;

let cache: { web?: SimulationResult; jobs?: SimulationResult; cron?: SimulationResult } = {};

/** seed-001's web StatefulSet: web-0..2 Ready at 5 s, 10 s, 15 s; no Warnings. */
export function webRun(): SimulationResult {
  return (cache.web ??= simulate(WEB, WEB_SCENARIO));
}

/** {@link JOBS} for 10 minutes from 2024-01-01T00:00:00Z. */
export function jobsRun(): SimulationResult {
  return (cache.jobs ??= simulate(JOBS, 'until: 10m\npods:\n  - match: { job: migrate }\n    exitCode: 1\n    runFor: 5s\n'));
}

/** {@link CRON} for one hour from 2024-01-01T00:00:00Z: runs at :00, :10, … :50. */
export function cronRun(): SimulationResult {
  return (cache.cron ??= simulate(CRON, 'until: 1h\npods:\n  - match: { owner: CronJob/tick }\n    runFor: 1m\n'));
}

/** Forget cached runs. */
export function resetRuns(): void {
  cache = {};
}
