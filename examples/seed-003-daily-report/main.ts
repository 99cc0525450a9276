/**
 * Seed 003 §6: the `daily-report` CronJob in `production` — weekdays at 09:00 Korean time
 * (`0 9 * * 1-5` in `Asia/Seoul`, i.e. 00:00 UTC Monday to Friday), never two reports at once
 * (`Forbid`), keeping the last 3 successful and 3 failed Jobs; each Job retries twice
 * (`backoffLimit: 2`) with in-place restarts (`OnFailure`).
 *
 * Differences from the seed's YAML, from ScheduledJob's defaults: the job template's
 * PSS-restricted pod security defaults (UID 1000, read-only root with a writable `/tmp`, no
 * capabilities, seccomp `RuntimeDefault`) and cdk8s-plus-27's default resources. Every setting
 * the seed writes is kept.
 */
import { App, Chart } from 'cdk8s';
import { ConcurrencyPolicy, JobRestartPolicy, ScheduledJob } from '../../lib';

/** Adds the `seed-003-daily-report` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-003-daily-report', { namespace: 'production', disableResourceNameHashes: true });
  new ScheduledJob(chart, 'daily-report', {
    metadata: { name: 'daily-report' },
    schedule: '0 9 * * 1-5', // weekdays at 09:00
    timeZone: 'Asia/Seoul',
    concurrencyPolicy: ConcurrencyPolicy.FORBID, // skip a run while the previous one is still going
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 3,
    backoffLimit: 2,
    restartPolicy: JobRestartPolicy.ON_FAILURE,
    containers: [{
      name: 'reporter',
      image: 'my-reporter:latest',
      command: ['python', 'generate_report.py'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
