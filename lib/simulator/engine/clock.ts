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

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on `toISOString` writes a six-digit signed year. */
const YEAR_10000_MS = 253_402_300_800_000;
const ZERO = 48;
const COLON = 58;
const DOT = 46;
const Z = 90;
/** The day last formatted and the char codes of its `YYYY-MM-DDT` (reports format instants mostly in time order). */
let cachedDay = NaN;
let p: number[] = [];

/** Formats epoch ms as RFC 3339 UTC without fractional seconds when they are zero (`2022-09-13T00:00:00Z`). */
export function formatInstant(epochMs: number): string {
  // The string `Date.prototype.toISOString` gives, written from the day's prefix for integer
  // instants with a four-digit year; the rest (and invalid ones, which throw) go through Date.
  // String.fromCharCode makes one flat string (a report holds hundreds of thousands of these;
  // concatenations would keep each as a tree of pieces).
  if (!(epochMs >= 0 && epochMs < YEAR_10000_MS) || !Number.isInteger(epochMs)) {
    const iso = new Date(epochMs).toISOString();
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    const prefix = new Date(day * DAY_MS).toISOString();
    p = Array.from({ length: 11 }, (_, i) => prefix.charCodeAt(i));
  }
  const inDay = epochMs - day * DAY_MS;
  const ms = inDay % 1000;
  const seconds = (inDay - ms) / 1000;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const sec = seconds % 60;
  const hh = ZERO + Math.floor(h / 10), h1 = ZERO + (h % 10), mm = ZERO + Math.floor(m / 10), m1 = ZERO + (m % 10);
  const ss = ZERO + Math.floor(sec / 10), s1 = ZERO + (sec % 10);
  if (ms === 0) return String.fromCharCode(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], hh, h1, COLON, mm, m1, COLON, ss, s1, Z);
  return String.fromCharCode(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], hh, h1, COLON, mm, m1, COLON, ss, s1,
    DOT, ZERO + Math.floor(ms / 100), ZERO + (Math.floor(ms / 10) % 10), ZERO + (ms % 10), Z);
}
