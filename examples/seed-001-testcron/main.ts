// Seed 001 §2: the `testcron` CronJob — every minute (`*/1 * * * *`) a busybox pod prints the
// date (`sh -c date`) and exits; Jobs are named `testcron-<minutes since epoch>`
// (`testcron-27718752` = 2022-09-14T03:12:00Z) and the three latest successful ones are kept.
//
// Differences from the seed's YAML:
// - The seed's schedule string has a trailing space (`"*/1 * * * * "`); Kubernetes splits on
//   whitespace, so `*/1 * * * *` is the same schedule.
// - `concurrencyPolicy: Forbid` (ScheduledJob's default) instead of Kubernetes' `Allow`; the
//   seed's Jobs take 4–6 s of each minute, so no run is skipped.
// - `successfulJobsHistoryLimit: 3` and `failedJobsHistoryLimit: 1` are written out: the seed's
//   "at most three Jobs kept" is this default.
// - The job template has `backoffLimit: 6` written out and the PSS-restricted pod security
//   defaults (busybox's `date` runs fine as UID 1000 on a read-only root).
// - The seed's container name `tesstcronctn` (sic) is kept.
import { App, Chart } from 'cdk8s';
import { JobRestartPolicy, ScheduledJob } from '../../lib';

/** Adds the `seed-001-testcron` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-001-testcron', { namespace: 'default', disableResourceNameHashes: true });
  new ScheduledJob(chart, 'testcron', {
    metadata: { name: 'testcron' },
    schedule: '*/1 * * * *', // every minute
    restartPolicy: JobRestartPolicy.NEVER,
    containers: [{
      name: 'tesstcronctn',
      image: 'busybox',
      args: ['sh', '-c', 'date'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
