/**
 * A 3-replica PostgreSQL for an `orders` service: `orders-db-0` is the primary, `orders-db-1`
 * and `orders-db-2` are hot standbys that stream its WAL. What each piece does:
 *
 * - **Ordered start.** OrderedReady creates `orders-db-0` first and each standby only after the
 *   pod before it is Ready (and has stayed Ready for `minReady`), so the primary exists before
 *   anything tries to clone it.
 * - **Replication bootstrap.** On the primary's first start the image runs
 *   `/docker-entrypoint-initdb.d/10-replication.sh` (ConfigMap `orders-db-init`), which creates
 *   the `replicator` role and allows replication connections in `pg_hba.conf`. On a standby with
 *   an empty volume, the init container `wait-for-primary` waits until the primary accepts
 *   connections (seed 003's wait-for-db pattern) and `clone-from-primary` runs `pg_basebackup
 *   --write-recovery-conf`, which leaves a `standby.signal`; the server then starts as a standby.
 *   Both init containers do nothing on ordinal 0 and on a volume that already holds a database.
 * - **Clients.** Writes go to the primary: the Service `orders-db-primary` selects only
 *   `orders-db-0` (by its `statefulset.kubernetes.io/pod-name` label), and `db.primaryHost` is
 *   its stable per-pod name. Reads can use `orders-db` (`db.clientHost`), which balances over
 *   every Ready member, standbys included. Only pods labelled `app.kubernetes.io/name: orders-api`
 *   may connect (NetworkPolicy); the members reach each other for replication.
 * - **Placement and disruption.** The members must run on different nodes (hard anti-affinity)
 *   and are spread over zones where possible; the PodDisruptionBudget lets a drain evict one
 *   member at a time.
 * - **Storage.** A 20Gi `fast-ssd` claim per pod. Claims survive deleting the StatefulSet
 *   (`whenDeleted: Retain`), but a scale-down deletes the removed standbys' claims
 *   (`whenScaled: Delete`): a standby is a copy that can be cloned again.
 * - **Credentials.** The Secret `orders-db-credentials` (keys `postgres-password` and
 *   `replication-password`) must exist in the namespace, created out of band (e.g. by an external
 *   secrets operator); the manifests only reference it. `pg_basebackup --write-recovery-conf`
 *   stores the replication password in each standby's `postgresql.auto.conf` on its volume.
 *
 * Not included: automatic failover. If the primary's node dies, the StatefulSet recreates
 * `orders-db-0` with the same claim on a node that holds no other orders-db pod (hard
 * anti-affinity): with three replicas that needs a fourth node, otherwise the primary stays Pending
 * until its node returns (and its volume must be able to attach there). Promoting a standby instead
 * is a manual `pg_ctl promote` (or use an operator such as CloudNativePG).
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  ClaimRetention, DatabaseEngine, DatabaseStorage, PodAntiAffinity, StatefulDatabase, WhenUnsatisfiable,
} from '../../lib';

const CREDENTIALS = 'orders-db-credentials';

const REPLICATION_SETUP = `#!/bin/sh
# Runs once, on the primary's first start (docker-entrypoint-initdb.d), with a temporary
# socket-only server: create the replication role and allow it to connect over the network.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres --set pw="$REPLICATION_PASSWORD" <<'EOSQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'pw';
EOSQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
`;

/** Adds the `postgres-ha` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'postgres-ha', { namespace: 'databases', disableResourceNameHashes: true });
  const credentials = kplus.Secret.fromSecretName(chart, 'Credentials', CREDENTIALS);
  const replicationPassword = kplus.EnvValue.fromSecretValue({ secret: credentials, key: 'replication-password' });

  const db = new StatefulDatabase(chart, 'orders-db', {
    engine: DatabaseEngine.POSTGRES,
    replicas: 3,
    passwordSecret: { name: CREDENTIALS, key: 'postgres-password' },
    env: {
      POSTGRES_DB: kplus.EnvValue.fromValue('orders'),
      REPLICATION_PASSWORD: replicationPassword,
    },
    storage: DatabaseStorage.persistent({
      size: Size.gibibytes(20),
      storageClassName: 'fast-ssd',
      retention: { whenDeleted: ClaimRetention.RETAIN, whenScaled: ClaimRetention.DELETE },
    }),
    resources: {
      cpu: { request: kplus.Cpu.millis(500) },
      memory: { request: Size.gibibytes(1), limit: Size.gibibytes(2) },
    },
    minReady: Duration.seconds(10),
    terminationGracePeriod: Duration.seconds(60),
    antiAffinity: PodAntiAffinity.HARD,
    topologySpread: [{ topology: kplus.Topology.ZONE, whenUnsatisfiable: WhenUnsatisfiable.SCHEDULE_ANYWAY }],
    networkPolicy: {
      allowFrom: [kplus.Pods.select(chart, 'OrdersApi', { labels: { 'app.kubernetes.io/name': 'orders-api' } })],
    },
  });

  // The replication bootstrap script, run by the image's entrypoint on first initialisation.
  const init = new kplus.ConfigMap(chart, 'InitScripts', {
    metadata: { name: 'orders-db-init' },
    data: { '10-replication.sh': REPLICATION_SETUP },
  });
  db.container.mount('/docker-entrypoint-initdb.d',
    kplus.Volume.fromConfigMap(chart, 'InitScriptsVolume', init, { name: 'initdb', defaultMode: 0o555 }), { readOnly: true });

  // Standbys: wait for the primary, then clone it into an empty volume.
  const primary = kplus.EnvValue.fromValue(db.primaryHost);
  const pgdata = kplus.EnvValue.fromValue(DatabaseEngine.POSTGRES.env.PGDATA);
  db.addInitContainer({
    name: 'wait-for-primary',
    image: db.image,
    mountData: true,
    command: ['sh', '-c', [
      '[ "${HOSTNAME##*-}" = 0 ] && exit 0',
      // A standby that already has its data starts (and catches up later) without the primary.
      '[ -s "$PGDATA/PG_VERSION" ] && exit 0',
      'until pg_isready --host="$PRIMARY_HOST" --port=5432 --timeout=2; do echo "waiting for $PRIMARY_HOST"; sleep 2; done',
    ].join('\n')],
    envVariables: { PRIMARY_HOST: primary, PGDATA: pgdata },
  });
  db.addInitContainer({
    name: 'clone-from-primary',
    image: db.image,
    mountData: true,
    command: ['sh', '-c', [
      'set -eu',
      '[ "${HOSTNAME##*-}" = 0 ] && exit 0',
      'if [ -s "$PGDATA/PG_VERSION" ]; then echo "database present, not cloning"; exit 0; fi',
      // A clone interrupted half-way leaves files without PG_VERSION; pg_basebackup needs an empty target.
      'rm -rf "$PGDATA"',
      'exec pg_basebackup --host="$PRIMARY_HOST" --port=5432 --username=replicator --pgdata="$PGDATA" --wal-method=stream --write-recovery-conf --checkpoint=fast',
    ].join('\n')],
    envVariables: { PRIMARY_HOST: primary, PGDATA: pgdata, PGPASSWORD: replicationPassword },
  });

  // Writes: a Service in front of ordinal 0 only.
  const primaryService = new kplus.Service(chart, 'PrimaryService', {
    metadata: { name: 'orders-db-primary', labels: db.selectorLabels },
    ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }],
  });
  for (const [k, v] of Object.entries(db.selectorLabels)) primaryService.selectLabel(k, v);
  primaryService.selectLabel('statefulset.kubernetes.io/pod-name', `${db.name}-${db.ordinalsStart}`);
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
