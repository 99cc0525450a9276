import { Duration } from 'cdk8s';
import { ConnectionScheme, Probe } from 'cdk8s-plus-27';

/**
 * A key of an existing Secret in the database's namespace. The constructs only ever reference it
 * (`valueFrom.secretKeyRef`); they never read or write the credential.
 */
export interface SecretKeyReference {
  /** The Secret's name. */
  readonly name: string;
  /** The key inside the Secret whose value is the password. */
  readonly key: string;
}

/** When and how often a probe runs. Unset fields take the defaults of the probe's role. */
export interface ProbeTiming {
  /**
   * Delay after the container starts before the first probe.
   *
   * @default Duration.seconds(0)
   */
  readonly initialDelay?: Duration;

  /**
   * How often the probe runs.
   *
   * @default Duration.seconds(10)
   */
  readonly period?: Duration;

  /**
   * How long one probe may take before it counts as failed.
   *
   * @default - 5 seconds (10 seconds for MongoDB, whose shell starts slowly)
   */
  readonly timeout?: Duration;

  /**
   * Consecutive failures that count as failure of the role: not ready (readiness, default 3),
   * restart (liveness, default 6) or restart before ever starting (startup, default 30, i.e.
   * five minutes at the default period for first-time initialisation and crash recovery).
   *
   * @default - 3 for readiness, 6 for liveness, 30 for startup
   */
  readonly failureThreshold?: number;

  /**
   * Consecutive successes after a failure that count as success. The API server accepts only 1
   * for liveness and startup probes.
   *
   * @default 1
   */
  readonly successThreshold?: number;
}

/** Options for {@link DatabaseProbe.tcp}. */
export interface TcpProbeOptions extends ProbeTiming {
  /**
   * The port to connect to; it must be one the container exposes.
   *
   * @default - the engine's port
   */
  readonly port?: number;
}

/** Options for {@link DatabaseProbe.httpGet}. */
export interface HttpProbeOptions extends ProbeTiming {
  /**
   * The port to request; it must be one the container exposes.
   *
   * @default - the engine's port
   */
  readonly port?: number;

  /**
   * HTTP or HTTPS.
   *
   * @default ConnectionScheme.HTTP
   */
  readonly scheme?: ConnectionScheme;
}

/** How a {@link DatabaseProbe} checks the container. */
export enum DatabaseProbeKind {
  /** Runs a command in the container; exit code 0 is success. */
  COMMAND = 'command',
  /** Opens a TCP connection to a port. */
  TCP = 'tcp',
  /** Sends an HTTP GET; 200–399 is success. */
  HTTP_GET = 'httpGet',
}

/**
 * A readiness, liveness or startup check for a database container.
 *
 * Unlike a cdk8s-plus `Probe`, it keeps its port, so the construct can check that the port is
 * one the container exposes (a probe on any other port fails forever and, for liveness, restarts
 * the database in a loop).
 */
export class DatabaseProbe {
  /**
   * Run a command in the container. Exec probes get the container's environment, so a command
   * run through `sh -c` can use variables such as the password variable.
   *
   * @param command the argv; use `['sh', '-c', '…']` for shell syntax
   * @param timing when and how often the probe runs
   */
  public static command(command: string[], timing: ProbeTiming = {}): DatabaseProbe {
    return new DatabaseProbe(DatabaseProbeKind.COMMAND, timing, [...command], undefined, undefined);
  }

  /**
   * Open a TCP connection.
   *
   * @param options port and timing
   */
  public static tcp(options: TcpProbeOptions = {}): DatabaseProbe {
    return new DatabaseProbe(DatabaseProbeKind.TCP, options, undefined, options.port, undefined);
  }

  /**
   * Send an HTTP GET request.
   *
   * @param path the request path, e.g. `/healthz`
   * @param options port, scheme and timing
   */
  public static httpGet(path: string, options: HttpProbeOptions = {}): DatabaseProbe {
    return new DatabaseProbe(DatabaseProbeKind.HTTP_GET, options, undefined, options.port, path, options.scheme);
  }

  private constructor(
    /** How the probe checks the container. */
    public readonly kind: DatabaseProbeKind,
    /** When and how often the probe runs, as given (defaults are applied by the construct). */
    public readonly timing: ProbeTiming,
    private readonly _command: string[] | undefined,
    /** The port a TCP or HTTP probe targets, if set explicitly. */
    public readonly port: number | undefined,
    /** The request path of an HTTP probe. */
    public readonly path: string | undefined,
    private readonly scheme?: ConnectionScheme,
  ) {}

  /** The command of a command probe. Returns a copy. */
  public get command(): string[] | undefined {
    return this._command ? [...this._command] : undefined;
  }

  /**
   * The cdk8s-plus probe with `defaults` applied under the explicit timing.
   *
   * @internal
   */
  public _toProbe(defaultPort: number, defaults: Required<Omit<ProbeTiming, 'successThreshold'>>): Probe {
    const t = this.timing;
    const options = {
      initialDelaySeconds: t.initialDelay ?? defaults.initialDelay,
      periodSeconds: t.period ?? defaults.period,
      timeoutSeconds: t.timeout ?? defaults.timeout,
      failureThreshold: t.failureThreshold ?? defaults.failureThreshold,
      successThreshold: t.successThreshold,
    };
    switch (this.kind) {
      case DatabaseProbeKind.COMMAND:
        return Probe.fromCommand(this._command ?? [], options);
      case DatabaseProbeKind.TCP:
        return Probe.fromTcpSocket({ ...options, port: this.port ?? defaultPort });
      case DatabaseProbeKind.HTTP_GET:
        return Probe.fromHttpGet(this.path ?? '/', { ...options, port: this.port ?? defaultPort, scheme: this.scheme });
    }
  }
}

/** Options for {@link DatabaseEngine.custom}. */
export interface CustomEngineOptions {
  /**
   * The engine's name: the container name and the `app.kubernetes.io/name` label. Must be a
   * DNS-1123 label.
   */
  readonly name: string;

  /** The container image. Pin a tag (or digest) so that a restart cannot change the version. */
  readonly image: string;

  /** The port the server listens on. */
  readonly port: number;

  /**
   * The container and Service port name (an IANA service name, at most 15 characters).
   *
   * @default 'tcp'
   */
  readonly portName?: string;

  /** Where the server keeps its data; the storage is mounted here. */
  readonly dataPath: string;

  /**
   * The environment variable that receives the password from `passwordSecret`.
   *
   * @default - the engine takes no password
   */
  readonly passwordEnv?: string;

  /**
   * Whether the engine refuses to start without a password, so `passwordSecret` is required.
   *
   * @default false
   */
  readonly passwordRequired?: boolean;

  /**
   * Readiness check: the pod receives traffic only while it passes.
   *
   * @default - a TCP connection to `port`
   */
  readonly readiness?: DatabaseProbe;

  /**
   * Liveness check: the container is restarted after `failureThreshold` failures.
   *
   * @default - a TCP connection to `port` (6 failures)
   */
  readonly liveness?: DatabaseProbe;

  /**
   * Startup check: liveness and readiness probes wait until it has passed once.
   *
   * @default - a TCP connection to `port` (30 failures, five minutes)
   */
  readonly startup?: DatabaseProbe;

  /**
   * The non-root UID the container runs as. It should own the files the image needs to write.
   *
   * @default 1000
   */
  readonly user?: number;

  /**
   * The primary GID of the container.
   *
   * @default - the same as `user`
   */
  readonly group?: number;

  /**
   * The group that owns mounted volumes (pod `fsGroup`), so the server can write to them.
   *
   * @default - the same as `group`
   */
  readonly fsGroup?: number;

  /**
   * Directories that must be writable although the root filesystem is read-only; each gets an
   * emptyDir. `/dev/shm` is mounted as a memory-backed emptyDir.
   *
   * @default ['/tmp']
   */
  readonly writablePaths?: string[];

  /**
   * Replaces the image's entrypoint.
   *
   * @default - the image's entrypoint
   */
  readonly command?: string[];

  /**
   * Arguments to the entrypoint (or `command`).
   *
   * @default - the image's CMD
   */
  readonly args?: string[];

  /**
   * Plain, non-secret environment variables the engine always needs.
   *
   * @default - none
   */
  readonly env?: { [name: string]: string };
}

/** Engine internals that depend on whether a password is configured. @internal */
interface EngineSpec extends CustomEngineOptions {
  /** Extra variables that also receive the password (e.g. `REDISCLI_AUTH` for the probes). */
  readonly extraPasswordEnvs?: string[];
  /** Arguments added when a password is configured. */
  readonly passwordArgs?: string[];
  /** Probe timeout default for this engine. */
  readonly probeTimeout?: Duration;
}

/**
 * A database server image and everything needed to run it safely: port, data path, password
 * variable, probes that work for that image, the non-root user of the image, and the directories
 * it must write to under a read-only root filesystem.
 *
 * The presets pin an image tag and follow the official Docker Hub images; verify the UIDs and
 * paths if you swap in a different image with `image`.
 */
export class DatabaseEngine {
  /**
   * PostgreSQL (`postgres`, Debian variant). User `postgres` is UID/GID 999 in the official
   * image (docker-library/postgres Dockerfile: `groupadd -r postgres --gid=999`). The data lives
   * in `PGDATA=/var/lib/postgresql/data/pgdata`, a subdirectory of the mount, because `initdb`
   * refuses a non-empty directory and a fresh volume may contain `lost+found`. Readiness is
   * `pg_isready` over TCP (so the socket-only server of first-time initialisation is not
   * ready); liveness accepts `pg_isready`'s "rejecting connections" (exit 1) as alive, because
   * a server in recovery rejects connections but must not be killed.
   */
  public static readonly POSTGRES = new DatabaseEngine({
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
  });

  /**
   * MySQL (`mysql`, Oracle Linux variant). User `mysql` is UID/GID 999 (docker-library/mysql
   * Dockerfile.oracle: `groupadd --system --gid 999 mysql`). The server runs with
   * `--datadir=/var/lib/mysql/data`, a subdirectory of the mount, because `mysqld --initialize`
   * aborts when the directory has files in it (such as `lost+found`). Readiness runs
   * `SELECT 1` as root; liveness is `mysqladmin ping`, which succeeds whenever the server answers,
   * even with "access denied".
   */
  public static readonly MYSQL = new DatabaseEngine({
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
  });

  /**
   * Redis (`redis`, Debian variant). User `redis` is UID/GID 999 (docker-library/redis
   * Dockerfile: `groupadd -r -g 999 redis`). With `passwordSecret` the server runs with
   * `--requirepass $(REDIS_PASSWORD)` (expanded by the kubelet from the Secret-backed variable)
   * and `REDISCLI_AUTH` lets the probes authenticate. Readiness requires `PONG`; liveness accepts
   * any reply (`LOADING` while a large AOF loads is alive, not ready).
   */
  public static readonly REDIS = new DatabaseEngine({
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
  });

  /**
   * MongoDB (`mongo`, Ubuntu variant). User `mongodb` is UID/GID 999 (docker-library/mongo
   * Dockerfile: `useradd --uid 999 --system --gid mongodb`). The root user is
   * `MONGO_INITDB_ROOT_USERNAME=root` (override with `env`) and its password comes from
   * `passwordSecret`. Readiness requires the member to be a writable primary or a secondary
   * (`db.hello()`), so members still in initial sync or recovery get no traffic; liveness is
   * `ping`. Both use `mongosh`, which starts slowly, hence the 10 second timeout.
   */
  public static readonly MONGODB = new DatabaseEngine({
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
  });

  /**
   * Any other server, e.g. seed 001's nginx `web` or seed 002's `test-app`. Probes default to TCP
   * connections to `port`; the user defaults to the non-root UID 1000.
   *
   * @param options image, port, data path, user and probes of the server
   */
  public static custom(options: CustomEngineOptions): DatabaseEngine {
    return new DatabaseEngine(options);
  }

  /** The engine name (container name and `app.kubernetes.io/name`). */
  public readonly name: string;
  /** The default image. */
  public readonly image: string;
  /** The server port. */
  public readonly port: number;
  /** The container and Service port name. */
  public readonly portName: string;
  /** Where the data volume is mounted. */
  public readonly dataPath: string;
  /** The variable that receives the password, if the engine takes one. */
  public readonly passwordEnv?: string;
  /** Whether `passwordSecret` is required. */
  public readonly passwordRequired: boolean;
  /** The non-root UID the container runs as. */
  public readonly user: number;
  /** The container's GID. */
  public readonly group: number;
  /** The pod `fsGroup` that owns mounted volumes. */
  public readonly fsGroup: number;
  /** Readiness check. */
  public readonly readiness: DatabaseProbe;
  /** Liveness check. */
  public readonly liveness: DatabaseProbe;
  /** Startup check. */
  public readonly startup: DatabaseProbe;
  /** The entrypoint override, if any. */
  public readonly command?: string[];

  private readonly spec: EngineSpec;

  private constructor(spec: EngineSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.image = spec.image;
    this.port = spec.port;
    this.portName = spec.portName ?? 'tcp';
    this.dataPath = spec.dataPath;
    this.passwordEnv = spec.passwordEnv;
    this.passwordRequired = spec.passwordRequired ?? false;
    this.user = spec.user ?? 1000;
    this.group = spec.group ?? this.user;
    this.fsGroup = spec.fsGroup ?? this.group;
    this.readiness = spec.readiness ?? DatabaseProbe.tcp();
    this.liveness = spec.liveness ?? DatabaseProbe.tcp();
    // The startup probe repeats the liveness check with a long failure budget.
    this.startup = spec.startup ?? this.liveness;
    this.command = spec.command ? [...spec.command] : undefined;
  }

  /** Directories that get a writable emptyDir. Returns a copy. */
  public get writablePaths(): string[] {
    return [...(this.spec.writablePaths ?? ['/tmp'])];
  }

  /** Arguments to the entrypoint (without password arguments). Returns a copy. */
  public get args(): string[] {
    return [...(this.spec.args ?? [])];
  }

  /** Plain environment variables the engine sets. Returns a copy. */
  public get env(): { [name: string]: string } {
    return { ...(this.spec.env ?? {}) };
  }

  /** Every variable that receives the password when `passwordSecret` is set. Returns a copy. */
  public get passwordEnvs(): string[] {
    return this.passwordEnv ? [this.passwordEnv, ...(this.spec.extraPasswordEnvs ?? [])] : [];
  }

  /** Arguments added when a password is configured. @internal */
  public get _passwordArgs(): string[] {
    return [...(this.spec.passwordArgs ?? [])];
  }

  /** The default probe timeout. @internal */
  public get _probeTimeout(): Duration {
    return this.spec.probeTimeout ?? Duration.seconds(5);
  }
}
