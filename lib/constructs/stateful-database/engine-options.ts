/**
 * The options of a database engine: {@link CustomEngineOptions} for `DatabaseEngine.custom()` and
 * the internal spec the presets add to them.
 */
import { Duration } from 'cdk8s';
import { DatabaseProbe } from './database-probe';

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
export interface EngineSpec extends CustomEngineOptions {
  /** Extra variables that also receive the password (e.g. `REDISCLI_AUTH` for the probes). */
  readonly extraPasswordEnvs?: string[];
  /** Arguments added when a password is configured. */
  readonly passwordArgs?: string[];
  /** Probe timeout default for this engine. */
  readonly probeTimeout?: Duration;
}
