/**
 * Named fixed instants for simulator tests, built from RFC 3339 constants (the
 * `justBeforeTheHour()` / `weekAfterTheHour()` helpers of kubernetes `cronjob_controllerv2_test.go`).
 * Simulated time is ms since the scenario start; these give both epoch ms and offsets.
 */

/** Epoch ms of an RFC 3339 instant; throws "test setup error" when it does not parse. */
export function epochMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`test setup error: cannot parse instant ${JSON.stringify(iso)}`);
  return ms;
}

/** Seconds → ms. */
export const seconds = (n: number): number => n * 1000;
/** Minutes → ms. */
export const minutes = (n: number): number => n * 60_000;
/** Hours → ms. */
export const hours = (n: number): number => n * 3_600_000;
/** Days → ms. */
export const days = (n: number): number => n * 86_400_000;

/** The simulator's default scenario start. */
export const DEFAULT_START = '2024-01-01T00:00:00Z';

/** Seed 001's day: the blog's cluster ran its CronJob at 2022-09-14T03:12:00Z (job testcron-27718752). */
export const SEED_001_START = '2022-09-14T03:11:30Z';

/** The kubernetes cronjob tests' reference instant: `topOfTheHour = 2016-05-19T10:00:00Z` (a Thursday). */
export const TOP_OF_THE_HOUR = '2016-05-19T10:00:00Z';

/** 2016-05-19T09:59:00Z: one minute before {@link TOP_OF_THE_HOUR}. */
export function justBeforeTheHour(): number {
  return epochMs('2016-05-19T09:59:00Z');
}

/** 2016-05-19T10:00:00Z. */
export function topOfTheHour(): number {
  return epochMs(TOP_OF_THE_HOUR);
}

/** 2016-05-19T10:01:00Z: one minute after the hour. */
export function justAfterTheHour(): number {
  return epochMs('2016-05-19T10:01:00Z');
}

/** 2016-05-19T11:00:00Z: the next hour's tick. */
export function justAfterThePriorHour(): number {
  return epochMs('2016-05-19T11:00:00Z');
}

/** 2016-05-26T10:00:00Z: one week after the hour. */
export function weekAfterTheHour(): number {
  return epochMs('2016-05-26T10:00:00Z');
}

/** `T(x)` of the cronjob tests: {@link TOP_OF_THE_HOUR} + x ms. */
export function T(offsetMs: number): number {
  return topOfTheHour() + offsetMs;
}
