/**
 * Seed 000 §3.2–3.3: the seed's Job with `completions: 5` and `parallelism: 2` — five successful
 * pods are needed, two run at a time — and §3.3's clean-up `ttlSecondsAfterFinished: 3600`.
 *
 * The seed shows these fields as a fragment of its `backup-job` Job, so this is `backup-job` with
 * the §3.1 container, restart policy and backoff limit. It has the same name and namespace as
 * `seed-000-backup-job` on purpose: apply one of the two files, not both (a Job's completions
 * cannot be changed in place).
 *
 * Differences from the seed's YAML: the PSS-restricted pod security defaults of BatchJob (UID
 * 1000, read-only root with a writable `/tmp`, no capabilities, seccomp `RuntimeDefault`) and
 * cdk8s-plus-27's default resources.
 */
import { App, Chart, Duration } from 'cdk8s';
import { BatchJob, JobRestartPolicy } from '../../lib';

/** Adds the `seed-000-parallel-job` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-000-parallel-job', { namespace: 'default', disableResourceNameHashes: true });
  new BatchJob(chart, 'backup-job', {
    metadata: { name: 'backup-job' },
    completions: 5, // successful pods needed
    parallelism: 2, // pods running at the same time
    ttlAfterFinished: Duration.hours(1), // §3.3: delete one hour after finishing
    restartPolicy: JobRestartPolicy.ON_FAILURE,
    backoffLimit: 4,
    containers: [{
      name: 'backup',
      image: 'backup-tool:latest',
      command: ['/bin/sh', '-c', 'backup.sh'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
