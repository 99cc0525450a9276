/**
 * Seed 003 §5: the `db-migration` Job in `production` — runs `python manage.py migrate` once,
 * retries a failed pod up to 3 times (`restartPolicy: Never`, so each retry is a new pod), and is
 * failed with `DeadlineExceeded` if it has not finished within 10 minutes. `DATABASE_URL` comes
 * from the `url` key of the `db-secret` Secret, never from a literal.
 *
 * Differences from the seed's YAML, all from BatchJob's defaults:
 * - `ttlSecondsAfterFinished: 86400`: the finished Job is deleted after a day (kept forever in
 *   the seed); pass `ttlAfterFinished: null` to keep it.
 * - The pod runs as UID/GID 1000 with a read-only root filesystem, a writable `/tmp` emptyDir,
 *   no capabilities and seccomp `RuntimeDefault` (PSS restricted).
 * - cdk8s-plus-27's default resources; `imagePullPolicy: IfNotPresent` for the pinned images, as
 *   Kubernetes itself defaults it.
 */
import { App, Chart, Duration } from 'cdk8s';
import { BatchJob, JobRestartPolicy } from '../../lib';

/** Adds the `seed-003-db-migration` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-003-db-migration', { namespace: 'production', disableResourceNameHashes: true });
  new BatchJob(chart, 'db-migration', {
    metadata: { name: 'db-migration' },
    backoffLimit: 3, // retries on failure
    activeDeadline: Duration.seconds(600), // give up after 10 minutes
    restartPolicy: JobRestartPolicy.NEVER, // "a Job takes Never or OnFailure"
    containers: [{
      name: 'migration',
      image: 'my-app:1.2.3',
      command: ['python', 'manage.py', 'migrate'],
      secretEnv: { DATABASE_URL: { secretName: 'db-secret', key: 'url' } },
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
