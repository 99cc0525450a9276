import { Duration } from 'cdk8s';
import { ConnectionScheme } from 'cdk8s-plus-27';
import { DatabaseEngine, DatabaseProbe, DatabaseProbeKind, StatefulDatabase } from '../../../lib';
import { newChart, only, schemaIssues, synth } from '../../helpers/synth';

const PRESETS = [
  ['POSTGRES', DatabaseEngine.POSTGRES, { image: 'postgres:16.4', port: 5432, dataPath: '/var/lib/postgresql/data', passwordEnv: 'POSTGRES_PASSWORD', required: true }],
  ['MYSQL', DatabaseEngine.MYSQL, { image: 'mysql:8.0.39', port: 3306, dataPath: '/var/lib/mysql', passwordEnv: 'MYSQL_ROOT_PASSWORD', required: true }],
  ['REDIS', DatabaseEngine.REDIS, { image: 'redis:7.2.5', port: 6379, dataPath: '/data', passwordEnv: 'REDIS_PASSWORD', required: false }],
  ['MONGODB', DatabaseEngine.MONGODB, { image: 'mongo:7.0.12', port: 27017, dataPath: '/data/db', passwordEnv: 'MONGO_INITDB_ROOT_PASSWORD', required: true }],
] as const;

describe.each(PRESETS)('DatabaseEngine.%s', (_name, engine, expected) => {
  test('pins an image tag and names its port, data path and password variable', () => {
    expect(engine.image).toBe(expected.image);
    expect(engine.port).toBe(expected.port);
    expect(engine.portName).toBe(engine.name);
    expect(engine.dataPath).toBe(expected.dataPath);
    expect(engine.passwordEnv).toBe(expected.passwordEnv);
    expect(engine.passwordRequired).toBe(expected.required);
  });

  test('runs as the official image\'s non-root user 999 with a matching fsGroup', () => {
    expect([engine.user, engine.group, engine.fsGroup]).toEqual([999, 999, 999]);
  });

  test('has distinct readiness and liveness commands, and /tmp writable', () => {
    expect(engine.readiness.kind).toBe(DatabaseProbeKind.COMMAND);
    expect(engine.liveness.kind).toBe(DatabaseProbeKind.COMMAND);
    expect(engine.readiness.command).not.toEqual(engine.liveness.command);
    expect(engine.startup).toBe(engine.liveness);
    expect(engine.writablePaths).toContain('/tmp');
    // Every probe targets the loopback address on the engine's own port.
    for (const probe of [engine.readiness, engine.liveness]) {
      const text = probe.command!.join(' ');
      expect(text).toContain('127.0.0.1');
      expect(text).toContain(String(expected.port));
    }
  });

  test('synthesizes a pod that passes the strict schema check', () => {
    const chart = newChart('db');
    new StatefulDatabase(chart, 'db', { engine, passwordSecret: { name: 'db-credentials', key: 'password' } });
    const manifests = synth(chart);
    expect(schemaIssues(manifests)).toEqual([]);
    expect(only(manifests, 'StatefulSet').spec.template.spec.containers[0]).toMatchSnapshot();
  });
});

test('engine-specific probe commands', () => {
  expect(DatabaseEngine.POSTGRES.readiness.command!.join(' ')).toMatch(/pg_isready --host=127\.0\.0\.1 --port=5432 --username="\$\{POSTGRES_USER:-postgres\}"/);
  // pg_isready exits 1 for "rejecting connections" (startup, recovery): alive but not ready.
  expect(DatabaseEngine.POSTGRES.liveness.command!.join(' ')).toMatch(/; \[ \$\? -le 1 \]$/);
  expect(DatabaseEngine.MYSQL.readiness.command!.join(' ')).toContain('--execute="SELECT 1"');
  expect(DatabaseEngine.MYSQL.liveness.command).toEqual(['mysqladmin', 'ping', '--host=127.0.0.1', '--port=3306', '--silent']);
  expect(DatabaseEngine.REDIS.readiness.command!.join(' ')).toContain('= PONG ]');
  expect(DatabaseEngine.REDIS.liveness.command!.join(' ')).toContain('"Could not connect"*) exit 1');
  expect(DatabaseEngine.MONGODB.readiness.command!.join(' ')).toContain('h.isWritablePrimary || h.secondary');
  expect(DatabaseEngine.MONGODB.liveness.command!.join(' ')).toContain('ping: 1');
});

test('engine-specific settings for first-time initialisation on a fresh volume', () => {
  expect(DatabaseEngine.POSTGRES.env).toEqual({ PGDATA: '/var/lib/postgresql/data/pgdata' });
  expect(DatabaseEngine.MYSQL.args).toEqual(['--datadir=/var/lib/mysql/data']);
  expect(DatabaseEngine.MONGODB.env).toEqual({ MONGO_INITDB_ROOT_USERNAME: 'root' });
  expect(DatabaseEngine.REDIS.passwordEnvs).toEqual(['REDIS_PASSWORD', 'REDISCLI_AUTH']);
  expect(DatabaseEngine.POSTGRES.passwordEnvs).toEqual(['POSTGRES_PASSWORD']);
  expect(DatabaseEngine.POSTGRES.writablePaths).toEqual(['/tmp', '/var/run/postgresql', '/dev/shm']);
  expect(DatabaseEngine.MYSQL.writablePaths).toEqual(['/tmp', '/var/run/mysqld']);
});

test('custom engine defaults: UID 1000, port name tcp, TCP probes, /tmp writable, no password', () => {
  const engine = DatabaseEngine.custom({ name: 'test-app', image: 'docker.io/test:1234', port: 8080, dataPath: '/data' });
  expect(engine).toMatchObject({ name: 'test-app', image: 'docker.io/test:1234', port: 8080, portName: 'tcp', dataPath: '/data', user: 1000, group: 1000, fsGroup: 1000, passwordRequired: false });
  expect(engine.passwordEnv).toBeUndefined();
  expect(engine.passwordEnvs).toEqual([]);
  expect(engine.readiness.kind).toBe(DatabaseProbeKind.TCP);
  expect(engine.liveness.kind).toBe(DatabaseProbeKind.TCP);
  expect(engine.startup).toBe(engine.liveness);
  expect(engine.writablePaths).toEqual(['/tmp']);
  expect(engine.args).toEqual([]);
  expect(engine.env).toEqual({});
  expect(engine.command).toBeUndefined();
});

test('custom engine options are kept', () => {
  const readiness = DatabaseProbe.httpGet('/ready');
  const engine = DatabaseEngine.custom({
    name: 'kv', image: 'kv:1', port: 9000, portName: 'api', dataPath: '/var/lib/kv', passwordEnv: 'KV_PASSWORD', passwordRequired: true,
    readiness, user: 10001, group: 10002, fsGroup: 10003, writablePaths: ['/run'], command: ['kv'], args: ['serve'], env: { KV_MODE: 'cluster' },
  });
  expect(engine).toMatchObject({ portName: 'api', user: 10001, group: 10002, fsGroup: 10003, passwordEnv: 'KV_PASSWORD', passwordRequired: true, command: ['kv'] });
  expect(engine.readiness).toBe(readiness);
  expect(engine.writablePaths).toEqual(['/run']);
  expect(engine.args).toEqual(['serve']);
  expect(engine.env).toEqual({ KV_MODE: 'cluster' });
});

test('collections are returned as copies', () => {
  const engine = DatabaseEngine.custom({ name: 'a', image: 'a:1', port: 1234, dataPath: '/d', args: ['x'], writablePaths: ['/tmp'], env: { A: '1' } });
  engine.args.push('y');
  engine.writablePaths.push('/var');
  engine.env.B = '2';
  expect(engine.args).toEqual(['x']);
  expect(engine.writablePaths).toEqual(['/tmp']);
  expect(engine.env).toEqual({ A: '1' });
  const probe = DatabaseProbe.command(['true']);
  probe.command!.push('false');
  expect(probe.command).toEqual(['true']);
});

test('DatabaseProbe factories keep kind, port, path and timing', () => {
  const tcp = DatabaseProbe.tcp({ port: 5432, period: Duration.seconds(3) });
  expect(tcp).toMatchObject({ kind: DatabaseProbeKind.TCP, port: 5432, path: undefined });
  expect(tcp.timing.period?.toSeconds()).toBe(3);
  const http = DatabaseProbe.httpGet('/healthz', { scheme: ConnectionScheme.HTTPS });
  expect(http).toMatchObject({ kind: DatabaseProbeKind.HTTP_GET, port: undefined, path: '/healthz' });
  const cmd = DatabaseProbe.command(['pg_isready'], { failureThreshold: 2 });
  expect(cmd).toMatchObject({ kind: DatabaseProbeKind.COMMAND, command: ['pg_isready'] });
  expect(cmd.timing.failureThreshold).toBe(2);
});
