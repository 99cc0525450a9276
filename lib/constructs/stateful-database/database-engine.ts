/**
 * The {@link DatabaseEngine} class (a server image and how to run it safely) and the Secret key
 * reference its password comes from. The probes are in `database-probe.ts`, the options of
 * `DatabaseEngine.custom()` in `engine-options.ts`, the presets' specs in `engine-presets.ts`.
 */
import { Duration } from 'cdk8s';
import { DatabaseProbe } from './database-probe';
import { CustomEngineOptions, EngineSpec } from './engine-options';
import { ENGINE_PRESETS } from './engine-presets';

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
  public static readonly POSTGRES = new DatabaseEngine(ENGINE_PRESETS.POSTGRES);

  /**
   * MySQL (`mysql`, Oracle Linux variant). User `mysql` is UID/GID 999 (docker-library/mysql
   * Dockerfile.oracle: `groupadd --system --gid 999 mysql`). The server runs with
   * `--datadir=/var/lib/mysql/data`, a subdirectory of the mount, because `mysqld --initialize`
   * aborts when the directory has files in it (such as `lost+found`). Readiness runs
   * `SELECT 1` as root; liveness is `mysqladmin ping`, which succeeds whenever the server answers,
   * even with "access denied".
   */
  public static readonly MYSQL = new DatabaseEngine(ENGINE_PRESETS.MYSQL);

  /**
   * Redis (`redis`, Debian variant). User `redis` is UID/GID 999 (docker-library/redis
   * Dockerfile: `groupadd -r -g 999 redis`). With `passwordSecret` the server runs with
   * `--requirepass $(REDIS_PASSWORD)` (expanded by the kubelet from the Secret-backed variable)
   * and `REDISCLI_AUTH` lets the probes authenticate. Readiness requires `PONG`; liveness accepts
   * any reply (`LOADING` while a large AOF loads is alive, not ready).
   */
  public static readonly REDIS = new DatabaseEngine(ENGINE_PRESETS.REDIS);

  /**
   * MongoDB (`mongo`, Ubuntu variant). User `mongodb` is UID/GID 999 (docker-library/mongo
   * Dockerfile: `useradd --uid 999 --system --gid mongodb`). The root user is
   * `MONGO_INITDB_ROOT_USERNAME=root` (override with `env`) and its password comes from
   * `passwordSecret`. Readiness requires the member to be a writable primary or a secondary
   * (`db.hello()`), so members still in initial sync or recovery get no traffic; liveness is
   * `ping`. Both use `mongosh`, which starts slowly, hence the 10 second timeout.
   */
  public static readonly MONGODB = new DatabaseEngine(ENGINE_PRESETS.MONGODB);

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
