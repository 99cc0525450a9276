/**
 * Seed 004: the `sample-statefulset` StatefulSet — 3 replicas of `nginx:1.16` (container
 * `nginx-container`), `updateStrategy: OnDelete`, `serviceName: sample-statefulset`, and a 1G
 * `www` claim per pod at /usr/share/nginx/html (claims `www-sample-statefulset-0` …). `1G` is
 * the seed's decimal quantity (10^9 bytes), written as is.
 *
 * The seed's YAML misspells `template` as `templates` and nests `volumeClaimTemplates` inside
 * the pod spec; a typed construct cannot make either mistake, so this is the manifest the author
 * meant. (The simulator's loader reports the misspelling in the raw seed file.)
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults: the headless Service
 * `sample-statefulset` itself (the seed names it but does not define it) with
 * `publishNotReadyAddresses`; since it takes the StatefulSet's name, the ClusterIP client Service
 * is `sample-statefulset-client`. nginx runs as its image's UID 101 with a read-only root
 * filesystem (writable /var/cache/nginx, /var/run, /tmp), seccomp `RuntimeDefault`, all
 * capabilities dropped, and the sysctl `net.ipv4.ip_unprivileged_port_start=80` so it can bind
 * port 80 unprivileged; TCP probes; a PodDisruptionBudget; soft anti-affinity; resource requests;
 * app.kubernetes.io labels (the seed's `app: sample-app` is kept on the pods).
 */
import { App, Chart } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, DatabaseUpdateStrategy, StatefulDatabase } from '../../lib';

/** Adds the `seed-004-sample-statefulset` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-004-sample-statefulset', { namespace: 'default', disableResourceNameHashes: true });
  new StatefulDatabase(chart, 'sample-statefulset', {
    engine: DatabaseEngine.custom({
      name: 'nginx-container',
      image: 'nginx:1.16',
      port: 80,
      portName: 'http',
      dataPath: '/usr/share/nginx/html',
      user: 101,
      writablePaths: ['/var/cache/nginx', '/var/run', '/tmp'],
    }),
    replicas: 3,
    updateStrategy: DatabaseUpdateStrategy.onDelete(),
    headlessServiceName: 'sample-statefulset',
    storage: DatabaseStorage.persistent({ size: '1G', volumeName: 'www' }),
    podLabels: { app: 'sample-app' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
