/**
 * The types of a scenario's `expect:` block: a small vocabulary of checks evaluated against the
 * finished run (lib/simulator/expect/ evaluates them; parse-expect.ts reads them). Times are
 * simulated ms since the scenario's start, as everywhere in the simulator.
 */

/** `noWarnings`: no Warning event, except for the listed reasons. */
export interface NoWarningsExpectation {
  /** Check name. */
  readonly check: 'noWarnings';
  /** Reasons allowed as Warnings (e.g. `FailedScheduling`). */
  readonly except: readonly string[];
}

/** `podsReady`: at some instant at or before `byMs`, at least `count` pods of the owner were Ready at once. */
export interface PodsReadyExpectation {
  /** Check name. */
  readonly check: 'podsReady';
  /** Owner kind anywhere up the pod's owner chain (a CronJob owns its Jobs' pods). */
  readonly ownerKind: string;
  /** Owner name. */
  readonly ownerName: string;
  /** Namespace. @default - any */
  readonly namespace?: string;
  /** How many Ready at once. */
  readonly count: number;
  /** Deadline, simulated ms. @default - the end of the run */
  readonly byMs?: number;
}

/** `job`: a Job instance with this name reached the condition, at or before `withinMs`. */
export interface JobExpectation {
  /** Check name. */
  readonly check: 'job';
  /** Job name. */
  readonly name: string;
  /** Namespace. @default - any */
  readonly namespace?: string;
  /** `Complete` or `Failed`. */
  readonly condition: 'Complete' | 'Failed';
  /** The condition's reason (e.g. `DeadlineExceeded`). @default - any */
  readonly reason?: string;
  /** Deadline, simulated ms. @default - the end of the run */
  readonly withinMs?: number;
}

/** `cronJob`: how many Jobs the CronJob created for scheduled times in `[fromMs, toMs)`. */
export interface CronJobExpectation {
  /** Check name. */
  readonly check: 'cronJob';
  /** CronJob name. */
  readonly name: string;
  /** Namespace. @default - any */
  readonly namespace?: string;
  /** Fewest runs. */
  readonly min: number;
  /** Most runs. @default - no limit */
  readonly max?: number;
  /** Window start (inclusive), simulated ms. */
  readonly fromMs: number;
  /** Window end (exclusive), simulated ms. @default - after the end of the run */
  readonly toMs?: number;
}

/** `event`: how many events match (absent = exactly 0). */
export interface EventExpectation {
  /** Check name. */
  readonly check: 'event';
  /** Reason. */
  readonly reason: string;
  /** Kind of the event's object. @default - any */
  readonly objectKind?: string;
  /** Name of the event's object. @default - any */
  readonly objectName?: string;
  /** Namespace of the event's object. @default - any */
  readonly namespace?: string;
  /** `Normal` or `Warning`. @default - either */
  readonly type?: 'Normal' | 'Warning';
  /** Fewest matching events. */
  readonly min: number;
  /** Most matching events. @default - no limit */
  readonly max?: number;
}

/** One parsed check of a scenario's `expect:` block. */
export type Expectation = (NoWarningsExpectation | PodsReadyExpectation | JobExpectation | CronJobExpectation | EventExpectation) & {
  /** Where it was written, e.g. `expect[2]` (or the helper's name). */
  readonly path: string;
};

/** The check names of the `expect:` vocabulary. */
export const EXPECTATION_CHECKS = ['noWarnings', 'podsReady', 'job', 'cronJob', 'event'] as const;
