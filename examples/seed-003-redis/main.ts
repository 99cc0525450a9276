/**
 * Seed 003 §3: the `redis` StatefulSet in namespace `production` — 3 replicas of `redis:7.2`
 * with append-only persistence (`--appendonly yes`), a 10Gi `fast-ssd` claim per pod at /data,
 * and the headless Service `redis-headless`, so that
 * `redis-0.redis-headless.production.svc.cluster.local` resolves (seed 003).
 *
 * The seed sets `command: ["redis-server", "--appendonly", "yes"]`; here the flags are `args` to
 * the image's entrypoint, which prepends `redis-server` to arguments that start with '-', so the
 * server process is the same.
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults: `redis-cli ping`
 * readiness (PONG) and liveness (any reply, so loading a large AOF is not a failure) probes; the
 * image's `redis` user (UID/GID 999, fsGroup 999) with a read-only root filesystem, all
 * capabilities dropped and seccomp `RuntimeDefault`; `publishNotReadyAddresses`, a ClusterIP
 * Service `redis`, a PodDisruptionBudget, soft anti-affinity, resource requests, app.kubernetes.io
 * labels (the seed's `app: redis` is kept on the pods), and a Retain/Retain claim retention
 * policy. Redis here has no password, as in the seed; pass `passwordSecret` to require one.
 */
import { App, Chart, Size } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, StatefulDatabase } from '../../lib';

/** Adds the `seed-003-redis` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-003-redis', { namespace: 'production', disableResourceNameHashes: true });
  new StatefulDatabase(chart, 'redis', {
    engine: DatabaseEngine.REDIS,
    image: 'redis:7.2',
    replicas: 3,
    headlessServiceName: 'redis-headless', // "Headless Service 필수"
    args: ['--appendonly', 'yes'],
    storage: DatabaseStorage.persistent({ size: Size.gibibytes(10), storageClassName: 'fast-ssd' }),
    podLabels: { app: 'redis' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
