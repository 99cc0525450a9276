/**
 * Errors of the simulator itself.
 *
 * `SimulationError` is reserved for broken simulator invariants (STYLE.md "Error-message
 * conventions"): a loop limit reached, a clock asked to go backwards, an unknown controller. User
 * misconfiguration never throws from a controller: controllers record a Warning event instead, as
 * the real ones do.
 */

/** What invariant a {@link SimulationError} reports. */
export enum SimulationErrorCode {
  /** More events ran than the loop limit allows; the message names the event still pending. */
  LOOP_LIMIT = 'LOOP_LIMIT',
  /** The clock was asked to move backwards. */
  CLOCK_BACKWARDS = 'CLOCK_BACKWARDS',
  /** A key or name that the simulation does not know (controller name, object key). */
  UNKNOWN = 'UNKNOWN',
  /** Any other broken invariant (a bug in the simulator, not in the user's input). */
  INVARIANT = 'INVARIANT',
}

/** A broken simulator invariant, with the simulated time and the object involved. */
export class SimulationError extends Error {
  /** The invariant that broke. */
  public readonly code: SimulationErrorCode;
  /** Simulated ms since the scenario start when it broke. */
  public readonly atMs: number;
  /** The `namespace/name` (or other) key involved, if any. */
  public readonly objectKey: string | undefined;

  /**
   * @param code the invariant that broke
   * @param message what happened, naming what is pending or involved
   * @param atMs simulated ms when it broke
   * @param objectKey the object key involved, if any
   */
  public constructor(code: SimulationErrorCode, message: string, atMs: number, objectKey?: string) {
    super(`${message} (at ${atMs} ms${objectKey ? `, ${objectKey}` : ''})`);
    this.name = 'SimulationError';
    this.code = code;
    this.atMs = atMs;
    this.objectKey = objectKey;
  }
}
