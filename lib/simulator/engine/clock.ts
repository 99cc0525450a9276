import { SimulationError, SimulationErrorCode } from './errors';

/**
 * Read access to simulated time. Everything in the simulator reads time through a `Clock`
 * (kubernetes/utils `clock.Clock` style); nothing calls `Date.now`.
 */
export interface Clock {
  /** Simulated milliseconds since the scenario start. */
  nowMs(): number;
  /** The wall-clock instant (epoch ms) of simulated time `atMs` (default: now). */
  epochMs(atMs?: number): number;
}

/**
 * The simulation's clock: integer milliseconds since the scenario start, moved forward only by
 * the event loop (kubernetes/utils `FakeClock.SetTime` / fake-timers `tick` semantics).
 */
export class SimulatedClock implements Clock {
  private current = 0;

  /**
   * @param startEpochMs the wall-clock instant of simulated time 0 (the scenario `start`)
   */
  public constructor(public readonly startEpochMs: number) {
    if (!Number.isInteger(startEpochMs)) {
      throw new SimulationError(SimulationErrorCode.INVARIANT, `clock start must be integer epoch ms, got ${startEpochMs}`, 0);
    }
  }

  /** Simulated ms since the start. */
  public nowMs(): number {
    return this.current;
  }

  /** The wall-clock instant (epoch ms) of simulated time `atMs` (default: now). */
  public epochMs(atMs: number = this.current): number {
    return this.startEpochMs + atMs;
  }

  /**
   * Moves the clock to `atMs`.
   *
   * @throws SimulationError (CLOCK_BACKWARDS) when `atMs` is before now, or not an integer
   */
  public advanceTo(atMs: number): void {
    if (!Number.isInteger(atMs)) {
      throw new SimulationError(SimulationErrorCode.INVARIANT, `simulated time must be integer ms, got ${atMs}`, this.current);
    }
    if (atMs < this.current) {
      throw new SimulationError(SimulationErrorCode.CLOCK_BACKWARDS, `the clock cannot go back from ${this.current} ms to ${atMs} ms`, this.current);
    }
    this.current = atMs;
  }
}

/** Formats epoch ms as RFC 3339 UTC without fractional seconds when they are zero (`2022-09-13T00:00:00Z`). */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
