/**
 * Seed 000 §1.3–1.6: the `mysql` StatefulSet — 3 replicas of `mysql:8.0`, the root password from
 * `secretKeyRef` mysql-secret/password, a 10Gi `standard` claim per pod mounted at
 * /var/lib/mysql, and the headless Service `mysql-headless`, so that
 * `mysql-0.mysql-headless.default.svc.cluster.local` … `mysql-2…` resolve (seed 000 §1.2).
 *
 * Two charts:
 * - `seed-000-mysql`: the seed as written (RollingUpdate, partition 0);
 * - `seed-000-mysql-canary`: the same StatefulSet with `partition: 2` (seed 000 §1.6). Apply it
 *   instead of the first, then change the image: only `mysql-2` is updated; once it is verified,
 *   set the partition back to 0 to update `mysql-1` and `mysql-0`. The two charts describe the
 *   same objects, so apply one or the other, not both.
 *
 * Differences from the seed's YAML, all from StatefulDatabase's defaults:
 * - readiness (`SELECT 1`), liveness and startup (`mysqladmin ping`) probes;
 * - the pods run as the image's `mysql` user (UID/GID 999, fsGroup 999) with a read-only root
 *   filesystem (writable emptyDirs for /tmp and /var/run/mysqld), all capabilities dropped and
 *   seccomp `RuntimeDefault`;
 * - mysqld keeps its files in /var/lib/mysql/data (`--datadir`), a subdirectory of the mount,
 *   because `--initialize` refuses a volume that holds `lost+found`;
 * - `publishNotReadyAddresses` on the headless Service, a ClusterIP Service `mysql`, a
 *   PodDisruptionBudget (maxUnavailable 1), soft anti-affinity, resource requests, the
 *   app.kubernetes.io labels (the seed's `app: mysql` is kept on the pods), and an explicit
 *   `persistentVolumeClaimRetentionPolicy` of Retain/Retain (the Kubernetes default).
 */
import { App, Chart, Size } from 'cdk8s';
import { DatabaseEngine, DatabaseStorage, DatabaseUpdateStrategy, StatefulDatabase } from '../../lib';

function mysql(chart: Chart, updateStrategy: DatabaseUpdateStrategy): StatefulDatabase {
  return new StatefulDatabase(chart, 'mysql', {
    engine: DatabaseEngine.MYSQL,
    image: 'mysql:8.0',
    replicas: 3,
    headlessServiceName: 'mysql-headless', // "serviceName: mysql-headless  # Headless Service 이름 (필수)"
    passwordSecret: { name: 'mysql-secret', key: 'password' },
    storage: DatabaseStorage.persistent({ size: Size.gibibytes(10), storageClassName: 'standard' }),
    updateStrategy,
    podLabels: { app: 'mysql' },
  });
}

/** Adds the `seed-000-mysql` and `seed-000-mysql-canary` charts. */
export function build(app: App): void {
  mysql(new Chart(app, 'seed-000-mysql', { namespace: 'default', disableResourceNameHashes: true }), DatabaseUpdateStrategy.rollingUpdate());
  // "partition: 2로 설정하면 mysql-2만 업데이트": only ordinals >= 2 take a new template.
  mysql(new Chart(app, 'seed-000-mysql-canary', { namespace: 'default', disableResourceNameHashes: true }), DatabaseUpdateStrategy.rollingUpdate({ partition: 2 }));
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
