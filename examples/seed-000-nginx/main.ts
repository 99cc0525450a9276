/**
 * Seed 000, CKA practice 6.1: the `nginx` StatefulSet — 3 replicas of `nginx` on port 80,
 * governed by the headless Service `nginx-headless` (`nslookup nginx-headless` returns the three pod
 * IPs; pods are `nginx-0.nginx-headless.default.svc.cluster.local` …). The seed's StatefulSet has no
 * volumes, so the storage is `DatabaseStorage.none()`.
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults: the image keeps the seed's
 * untagged `nginx` (pin a tag in real use); nginx runs as its image's UID 101 with a read-only root
 * filesystem (writable /var/cache/nginx, /var/run, /tmp) and the sysctl
 * `net.ipv4.ip_unprivileged_port_start=80`; `publishNotReadyAddresses` on the headless Service; a
 * ClusterIP Service `nginx`; TCP probes; a PodDisruptionBudget; soft anti-affinity; resource
 * requests; app.kubernetes.io labels (the seed's `app: nginx` is kept on the pods).
 */
import { App, Chart } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, StatefulDatabase } from '../../lib';

/** Adds the `seed-000-nginx` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-000-nginx', { namespace: 'default', disableResourceNameHashes: true });
  new StatefulDatabase(chart, 'nginx', {
    engine: DatabaseEngine.custom({
      name: 'nginx',
      image: 'nginx',
      port: 80,
      portName: 'http',
      dataPath: '/usr/share/nginx/html',
      user: 101,
      writablePaths: ['/var/cache/nginx', '/var/run', '/tmp'],
    }),
    replicas: 3,
    headlessServiceName: 'nginx-headless',
    storage: DatabaseStorage.none(),
    podLabels: { app: 'nginx' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
