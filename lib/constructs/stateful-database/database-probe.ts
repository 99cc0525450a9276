/**
 * Readiness, liveness and startup checks of a database container: their timing options and the
 * {@link DatabaseProbe} class, which keeps its port so the construct can check it.
 */
import { Duration } from 'cdk8s';
import { ConnectionScheme, Probe } from 'cdk8s-plus-27';

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
