/**
 * Seed 004, "Headless": the `sample-statefulset-headless` StatefulSet — 3 replicas of
 * `amsy810/echo-nginx:v2.0` governed by the headless Service `sample-headless` (port `http-port`,
 * TCP 80), so pods are discoverable by name: `sample-statefulset-headless-0.sample-headless.default.svc.cluster.local`.
 * The seed's StatefulSet has no volumes, so the storage is `DatabaseStorage.none()`.
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults: the echo-nginx image runs
 * as UID 101 with a read-only root filesystem (writable /var/cache/nginx, /var/run, /tmp) and the
 * sysctl `net.ipv4.ip_unprivileged_port_start=80`; `publishNotReadyAddresses` on the headless
 * Service; a ClusterIP Service `sample-statefulset-headless`; TCP probes; a PodDisruptionBudget;
 * soft anti-affinity; resource requests; app.kubernetes.io labels (the seed's `app: sample-app` is
 * kept on the pods).
 */
import { App, Chart } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, StatefulDatabase } from '../../lib';

/** Adds the `seed-004-sample-statefulset-headless` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-004-sample-statefulset-headless', { namespace: 'default', disableResourceNameHashes: true });
  new StatefulDatabase(chart, 'sample-statefulset-headless', {
    engine: DatabaseEngine.custom({
      name: 'nginx-container',
      image: 'amsy810/echo-nginx:v2.0',
      port: 80,
      portName: 'http-port',
      dataPath: '/usr/share/nginx/html',
      user: 101,
      writablePaths: ['/var/cache/nginx', '/var/run', '/tmp'],
    }),
    replicas: 3,
    headlessServiceName: 'sample-headless',
    storage: DatabaseStorage.none(),
    podLabels: { app: 'sample-app' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
