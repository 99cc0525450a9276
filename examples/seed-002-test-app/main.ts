/**
 * Seed 002: the `test-app` StatefulSet in namespace `test` — 2 replicas of
 * `docker.io/test:1234` listening on 8080, governed by the headless Service `test-app-svc`, so
 * pod DNS names are `test-app-0.test-app-svc.test.svc.cluster.local` (the seed's
 * `<pod>.test-app-svc.test` form).
 *
 * The seed's StatefulSet has no volumes, so the storage is `DatabaseStorage.none()`.
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults: the headless Service
 * itself (the seed names it but does not define it), `publishNotReadyAddresses`, a ClusterIP
 * Service `test-app`, TCP probes on 8080, a non-root UID 1000 (the image is unknown: set `user`
 * to the UID its files belong to) with a read-only root filesystem and a writable /tmp, seccomp
 * `RuntimeDefault`, a PodDisruptionBudget, soft anti-affinity, resource requests, and the
 * app.kubernetes.io labels (the seed's `app: test-app` is kept on the pods).
 */
import { App, Chart } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, StatefulDatabase } from '../../lib';

/** Adds the `seed-002-test-app` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-002-test-app', { namespace: 'test', disableResourceNameHashes: true });
  new StatefulDatabase(chart, 'test-app', {
    engine: DatabaseEngine.custom({ name: 'test-app', image: 'docker.io/test:1234', port: 8080, dataPath: '/data' }),
    replicas: 2,
    headlessServiceName: 'test-app-svc',
    storage: DatabaseStorage.none(),
    podLabels: { app: 'test-app' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
