/**
 * Seed 000 §3.1: the `backup-job` Job — one pod running `backup.sh`, restarted in place on
 * failure (`restartPolicy: OnFailure`), failing the Job after 4 retries (`backoffLimit: 4`).
 *
 * Differences from the seed's YAML, all from BatchJob's defaults:
 * - `ttlSecondsAfterFinished: 86400`: the finished Job and its pod are deleted after a day (the
 *   seed's Job is kept forever; its §3.3 shows the same field with 3600).
 * - The pod runs as UID/GID 1000 with a read-only root filesystem, a writable `/tmp` emptyDir,
 *   all capabilities dropped and seccomp `RuntimeDefault` (PSS restricted). If `backup-tool`
 *   needs root or writes outside `/tmp`, override `securityContext` or mount a volume.
 * - cdk8s-plus-27's default resources (requests 1 CPU / 512Mi, limits 1.5 CPU / 2Gi) and
 *   `imagePullPolicy: Always` (what Kubernetes uses for `:latest` anyway).
 */
import { App, Chart } from 'cdk8s';
import { BatchJob, JobRestartPolicy } from '../../lib';

/** Adds the `seed-000-backup-job` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-000-backup-job', { namespace: 'default', disableResourceNameHashes: true });
  new BatchJob(chart, 'backup-job', {
    metadata: { name: 'backup-job' },
    restartPolicy: JobRestartPolicy.ON_FAILURE, // "Never or OnFailure (Always is not allowed)"
    backoffLimit: 4,
    containers: [{
      name: 'backup',
      image: 'backup-tool:latest',
      command: ['/bin/sh', '-c', 'backup.sh'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
