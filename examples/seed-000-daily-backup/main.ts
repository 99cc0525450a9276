/**
 * Seed 000 §4.1: the `daily-backup` CronJob — runs `backup.sh` every day at 02:00
 * (`0 2 * * *`), restarting a failed container in place (`restartPolicy: OnFailure`).
 *
 * Differences from the seed's YAML, from ScheduledJob's defaults:
 * - `concurrencyPolicy: Forbid` instead of Kubernetes' `Allow`: a backup still running at the
 *   next 02:00 is not joined by a second one.
 * - The history limits 3 (successful) and 1 (failed) are written out; they are Kubernetes'
 *   defaults, so the behaviour is the seed's.
 * - No `timeZone`, as in the seed: 02:00 in the kube-controller-manager's zone, UTC on
 *   practically every cluster (our schedule preview assumes UTC). Set `timeZone` to pin it.
 * - The job template has `backoffLimit: 6` written out and the PSS-restricted pod security
 *   defaults (UID 1000, read-only root with a writable `/tmp`, no capabilities, seccomp
 *   `RuntimeDefault`). It gets no `ttlSecondsAfterFinished`: the history limits clean up.
 * Seed 000 §4.4's `startingDeadlineSeconds: 200` would be `startingDeadline: Duration.seconds(200)`.
 */
import { App, Chart } from 'cdk8s';
import { JobRestartPolicy, ScheduledJob } from '../../lib';

/** Adds the `seed-000-daily-backup` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-000-daily-backup', { namespace: 'default', disableResourceNameHashes: true });
  new ScheduledJob(chart, 'daily-backup', {
    metadata: { name: 'daily-backup' },
    schedule: '0 2 * * *', // every day at 02:00
    restartPolicy: JobRestartPolicy.ON_FAILURE,
    containers: [{
      name: 'backup',
      image: 'backup-tool:latest',
      command: ['/bin/sh', '-c', 'backup.sh'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
