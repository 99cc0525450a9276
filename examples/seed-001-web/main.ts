/**
 * Seed 001 §1: the `web` StatefulSet — 3 replicas of `nginx` behind the headless Service `nginx`,
 * every pod mounting the same ReadWriteMany claim `nfs-pvc` at /usr/share/nginx/html, plus the
 * seed's `nfs-pvc` claim and `nfs-pv` volume (NFS export 211.183.3.100:/shared). Pods are
 * `web-0`, `web-1`, `web-2`, and `web-1.nginx.default.svc.cluster.local` resolves to web-1 as in
 * the seed's `nslookup web-1.nginx`.
 *
 * Differences from the seed's YAML:
 * - nginx runs as its image's `nginx` user (UID/GID 101) with a read-only root filesystem
 *   (writable emptyDirs for /var/cache/nginx, /var/run and /tmp), all capabilities dropped and
 *   seccomp `RuntimeDefault`. To bind port 80 without root, the pod lowers the namespaced sysctl
 *   `net.ipv4.ip_unprivileged_port_start` to 80 (a "safe" sysctl since Kubernetes 1.22).
 * - TCP readiness, liveness and startup probes on port 80 and a declared container port.
 * - `storageClassName: ""` on the claim and the volume: with a default StorageClass in the
 *   cluster, a claim without a class would be provisioned dynamically instead of binding to
 *   `nfs-pv` (the seed's cluster had no default class, so its claim bound to the NFS volume).
 * - `publishNotReadyAddresses` on the headless Service, a ClusterIP Service `web`, a
 *   PodDisruptionBudget, soft anti-affinity, resource requests, app.kubernetes.io labels (the
 *   seed's `app: nginx` is kept on the pods). The image stays the seed's unpinned `nginx`
 *   (pulled `Always`, as Kubernetes does for an untagged image); pin a tag in real use.
 */
import { App, Chart, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { DatabaseEngine, DatabaseStorage, StatefulDatabase } from '../../lib';

/** Adds the `seed-001-web` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-001-web', { namespace: 'default', disableResourceNameHashes: true });

  const pv = new k8s.KubePersistentVolume(chart, 'nfs-pv', {
    metadata: { name: 'nfs-pv' },
    spec: {
      capacity: { storage: k8s.Quantity.fromString('100Mi') },
      accessModes: ['ReadWriteMany'],
      storageClassName: '',
      nfs: { server: '211.183.3.100', path: '/shared' },
    },
  });
  // PersistentVolumes are cluster-scoped; the chart's namespace must not be written on them.
  pv.addJsonPatch(JsonPatch.remove('/metadata/namespace'));

  new k8s.KubePersistentVolumeClaim(chart, 'nfs-pvc', {
    metadata: { name: 'nfs-pvc' },
    spec: {
      accessModes: ['ReadWriteMany'],
      storageClassName: '',
      resources: { requests: { storage: k8s.Quantity.fromString('10Mi') } },
    },
  });

  new StatefulDatabase(chart, 'web', {
    engine: DatabaseEngine.custom({
      name: 'nginx',
      image: 'nginx',
      port: 80,
      portName: 'http',
      dataPath: '/usr/share/nginx/html',
      user: 101, // the official image's nginx user
      writablePaths: ['/var/cache/nginx', '/var/run', '/tmp'],
    }),
    replicas: 3,
    headlessServiceName: 'nginx', // "serviceName: nginx # cluster-ip: none"
    storage: DatabaseStorage.existingClaim('nfs-pvc', { volumeName: 'nfs-vol' }),
    podLabels: { app: 'nginx' },
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
