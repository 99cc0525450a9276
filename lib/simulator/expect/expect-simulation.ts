/**
 * Assertions on a finished simulation for tests (Jest, Vitest, node:test — no test framework is
 * needed at runtime): each method runs the same check as the scenario's `expect:` block and throws
 * an {@link ExpectationError} with the same readable diff when it does not hold.
 *
 * ```ts
 * const result = simulate(chart, scenario);
 * expectSimulation(result)
 *   .toHaveNoWarnings()
 *   .toHavePodsReady({ owner: 'StatefulSet/web', count: 3, by: '5m' })
 *   .not.toHaveEvent({ reason: 'BackoffLimitExceeded' });
 * ```
 */
import { parseExpectation } from '../scenario/parse-expect';
import { evaluateExpectation, evaluateScenarioExpectations } from './checks';
import { formatExpectationFailure } from './format';
import type { ExpectationResult, SimulationOutcome } from './outcome';

/** Options of {@link SimulationAssertions.toHaveNoWarnings}. */
export interface NoWarningsOptions {
  /** Reasons allowed as Warnings, e.g. `['FailedScheduling']`. @default - none */
  readonly except?: readonly string[];
}

/** Options of {@link SimulationAssertions.toHavePodsReady}. */
export interface PodsReadyOptions {
  /** `Kind/name` anywhere up the pods' owner chain, e.g. `StatefulSet/web` (a CronJob owns its Jobs' pods). */
  readonly owner: string;
  /** How many pods Ready at the same time (at least). */
  readonly count: number;
  /** Deadline: a duration since start (`5m`) or an RFC 3339 instant. @default - the end of the run */
  readonly by?: string;
  /** Namespace of the owner. @default - any */
  readonly namespace?: string;
}

/** Options of {@link SimulationAssertions.toHaveJobCondition}. */
export interface JobConditionOptions {
  /** Job name. */
  readonly name: string;
  /** The terminal condition. */
  readonly condition: 'Complete' | 'Failed';
  /** The condition's reason, e.g. `BackoffLimitExceeded` or `DeadlineExceeded`. @default - any */
  readonly reason?: string;
  /** Deadline: a duration since start (`10m`) or an RFC 3339 instant. @default - the end of the run */
  readonly within?: string;
  /** Namespace. @default - any */
  readonly namespace?: string;
}

/** Bounds on a number of runs. */
export interface RunsRange {
  /** Fewest. @default 0 */
  readonly min?: number;
  /** Most. @default - no limit */
  readonly max?: number;
}

/** Options of {@link SimulationAssertions.toHaveCronJobRuns}. */
export interface CronJobRunsOptions {
  /** CronJob name. */
  readonly name: string;
  /** How many Jobs it created for scheduled times in the window: exactly `n`, or `{ min, max }`. */
  readonly runs: number | RunsRange;
  /** `[from, to)`: durations since start or RFC 3339 instants. @default - the whole run */
  readonly between?: readonly [string, string];
  /** Namespace. @default - any */
  readonly namespace?: string;
}

/** Options of {@link SimulationAssertions.toHaveEvent}. */
export interface EventOptions {
  /** Reason, e.g. `BackoffLimitExceeded`. */
  readonly reason: string;
  /** `Kind/name` of the event's object. @default - any object */
  readonly object?: string;
  /** Namespace of the event's object. @default - any */
  readonly namespace?: string;
  /** `Normal` or `Warning`. @default - either */
  readonly type?: 'Normal' | 'Warning';
  /** `true`: no such event (same as `.not.toHaveEvent`). @default false */
  readonly absent?: boolean;
  /** Exactly this many. @default - at least one */
  readonly count?: number;
  /** At least this many. @default 1 (0 when only `max` is given) */
  readonly min?: number;
  /** At most this many. @default - no limit */
  readonly max?: number;
}

/** A failed simulation assertion; the message is the readable diff block. */
export class ExpectationError extends Error {
  /** @param result the failed check */
  public constructor(public readonly result: ExpectationResult) {
    super(formatExpectationFailure(result));
    this.name = 'ExpectationError';
  }
}

/** The assertions {@link expectSimulation} returns; each returns `this`, so they chain. */
export class SimulationAssertions {
  /** @internal */
  public constructor(private readonly outcome: SimulationOutcome, private readonly negated = false) {}

  /** The same assertions, each required NOT to hold. */
  public get not(): SimulationAssertions {
    return new SimulationAssertions(this.outcome, !this.negated);
  }

  /** No Warning event (except the given reasons). */
  public toHaveNoWarnings(options: NoWarningsOptions = {}): this {
    return this.check('toHaveNoWarnings', { noWarnings: options.except ? { except: options.except } : true });
  }

  /** At some instant at or before `by`, at least `count` pods of `owner` were Ready at once. */
  public toHavePodsReady(options: PodsReadyOptions): this {
    return this.check('toHavePodsReady', { podsReady: { ...options } });
  }

  /** A Job named `name` reached `condition` (with `reason`) at or before `within`. */
  public toHaveJobCondition(options: JobConditionOptions): this {
    return this.check('toHaveJobCondition', { job: { ...options } });
  }

  /** The CronJob created `runs` Jobs for scheduled times in `between`. */
  public toHaveCronJobRuns(options: CronJobRunsOptions): this {
    return this.check('toHaveCronJobRuns', { cronJob: { ...options, ...(options.between ? { between: [...options.between] } : {}) } });
  }

  /** Events with this reason (on this object) occurred (`count`/`min`/`max` times). */
  public toHaveEvent(options: EventOptions): this {
    return this.check('toHaveEvent', { event: { ...options } });
  }

  /** Every check of the scenario's own `expect:` block holds (`.not`: at least one fails). */
  public toMeetScenarioExpectations(): this {
    const results = evaluateScenarioExpectations(this.outcome);
    const failed = results.filter((r) => !r.passed);
    if (!this.negated && failed.length > 0) throw new ExpectationError(failed.length === 1 ? failed[0] : combine(failed));
    if (this.negated && failed.length === 0) {
      throw new ExpectationError({ check: 'expect', path: 'not.toMeetScenarioExpectations', passed: false, expected: 'at least one failed check', actual: `all ${results.length} passed`, message: 'every check of the scenario held', details: results.map((r) => r.message) });
    }
    return this;
  }

  private check(name: string, raw: Record<string, unknown>): this {
    const e = parseExpectation(raw, `${this.negated ? 'not.' : ''}${name}`, this.outcome.scenario.startEpochMs);
    const r = evaluateExpectation(e, this.outcome);
    const path = `${this.negated ? 'not.' : ''}${name}`;
    if (!this.negated && !r.passed) throw new ExpectationError({ ...r, path });
    if (this.negated && r.passed) throw new ExpectationError({ ...r, path, passed: false, expected: `not: ${r.expected}`, message: `expected the opposite: ${r.message}` });
    return this;
  }
}

function combine(failed: readonly ExpectationResult[]): ExpectationResult {
  return {
    check: 'expect', path: 'toMeetScenarioExpectations', passed: false, expected: `all ${failed.length} listed checks to hold`, actual: `${failed.length} failed`,
    message: `${failed.length} of the scenario's checks failed`, details: failed.flatMap((r) => formatExpectationFailure(r).split('\n')),
  };
}

/**
 * Assertions on a finished simulation (a `SimulationResult`), on the same checks as a scenario's
 * `expect:` block.
 *
 * @param result what `simulate()` returned
 */
export function expectSimulation(result: SimulationOutcome): SimulationAssertions {
  return new SimulationAssertions(result);
}
