/**
 * The engine presets table: the spec behind each of `DatabaseEngine.POSTGRES`, `MYSQL`, `REDIS`
 * and `MONGODB` (pinned image, port, data path, password variable, probes, UIDs and writable
 * directories). Why each value is what it is, with the image sources, is documented on the
 * presets in `database-engine.ts`.
 *
 * @internal
 */
import { Duration } from 'cdk8s';
import { DatabaseProbe } from './database-probe';
import { EngineSpec } from './engine-options';

/** The spec of every preset engine, by the name of its `DatabaseEngine` static. @internal */
export const ENGINE_PRESETS: Record<'POSTGRES' | 'MYSQL' | 'REDIS' | 'MONGODB', EngineSpec> = {
  /** PostgreSQL: `DatabaseEngine.POSTGRES`. */
  POSTGRES: {
    name: 'postgres',
    image: 'postgres:16.4',
    port: 5432,
    portName: 'postgres',
    dataPath: '/var/lib/postgresql/data',
    passwordEnv: 'POSTGRES_PASSWORD',
    passwordRequired: true,
    env: { PGDATA: '/var/lib/postgresql/data/pgdata' },
    readiness: DatabaseProbe.command(['sh', '-c', 'exec pg_isready --host=127.0.0.1 --port=5432 --username="${POSTGRES_USER:-postgres}" --dbname="${POSTGRES_DB:-${POSTGRES_USER:-postgres}}"']),
    liveness: DatabaseProbe.command(['sh', '-c', 'pg_isready --host=127.0.0.1 --port=5432 --username="${POSTGRES_USER:-postgres}" --dbname="${POSTGRES_DB:-${POSTGRES_USER:-postgres}}"; [ $? -le 1 ]']),
    user: 999,
    group: 999,
    fsGroup: 999,
    // /var/run/postgresql holds the unix socket and lock file; /dev/shm backs dynamic shared
    // memory (parallel queries), whose 64 MiB container default is too small.
    writablePaths: ['/tmp', '/var/run/postgresql', '/dev/shm'],
  },

  /** MySQL: `DatabaseEngine.MYSQL`. */
  MYSQL: {
    name: 'mysql',
    image: 'mysql:8.0.39',
    port: 3306,
    portName: 'mysql',
    dataPath: '/var/lib/mysql',
    passwordEnv: 'MYSQL_ROOT_PASSWORD',
    passwordRequired: true,
    args: ['--datadir=/var/lib/mysql/data'],
    readiness: DatabaseProbe.command(['sh', '-c', 'exec mysql --host=127.0.0.1 --port=3306 --user=root --password="$MYSQL_ROOT_PASSWORD" --silent --execute="SELECT 1" >/dev/null 2>&1']),
    liveness: DatabaseProbe.command(['mysqladmin', 'ping', '--host=127.0.0.1', '--port=3306', '--silent']),
    user: 999,
    group: 999,
    fsGroup: 999,
    // /var/run/mysqld holds the socket and pid file (my.cnf); /tmp is mysqld's tmpdir.
    writablePaths: ['/tmp', '/var/run/mysqld'],
  },

  /** Redis: `DatabaseEngine.REDIS`. */
  REDIS: {
    name: 'redis',
    image: 'redis:7.2.5',
    port: 6379,
    portName: 'redis',
    dataPath: '/data',
    passwordEnv: 'REDIS_PASSWORD',
    passwordRequired: false,
    extraPasswordEnvs: ['REDISCLI_AUTH'],
    passwordArgs: ['--requirepass', '$(REDIS_PASSWORD)'],
    readiness: DatabaseProbe.command(['sh', '-c', '[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]']),
    liveness: DatabaseProbe.command(['sh', '-c', 'out="$(redis-cli -h 127.0.0.1 -p 6379 ping 2>&1)"; case "$out" in ""|"Could not connect"*) exit 1 ;; esac']),
    user: 999,
    group: 999,
    fsGroup: 999,
    writablePaths: ['/tmp'],
  },

  /** MongoDB: `DatabaseEngine.MONGODB`. */
  MONGODB: {
    name: 'mongodb',
    image: 'mongo:7.0.12',
    port: 27017,
    portName: 'mongodb',
    dataPath: '/data/db',
    passwordEnv: 'MONGO_INITDB_ROOT_PASSWORD',
    passwordRequired: true,
    env: { MONGO_INITDB_ROOT_USERNAME: 'root' },
    // HOME=/tmp keeps mongosh's history and logs off the read-only root and out of the data volume.
    readiness: DatabaseProbe.command(['sh', '-c', 'HOME=/tmp exec mongosh --quiet --norc --host 127.0.0.1 --port 27017 --eval "const h = db.hello(); quit(h.isWritablePrimary || h.secondary ? 0 : 1)"']),
    liveness: DatabaseProbe.command(['sh', '-c', 'HOME=/tmp exec mongosh --quiet --norc --host 127.0.0.1 --port 27017 --eval "quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)"']),
    probeTimeout: Duration.seconds(10),
    user: 999,
    group: 999,
    fsGroup: 999,
    // mongod keeps its unix socket in /tmp; /data/configdb is the image's config-server directory.
    writablePaths: ['/tmp', '/data/configdb'],
  },
};
