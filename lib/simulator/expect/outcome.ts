/**
 * What the `expect:` checks read and what they return. The input is structural, so a
 * `SimulationResult` (lib/simulator/index.ts) passes as it is without this layer importing it.
 */
import type { ClusterReader } from '../cluster/store-types';
import type { SimulationReport } from '../report/json';
import type { Expectation } from '../scenario/expectations';

/** The parts of a `Scenario` the checks read. */
export interface OutcomeScenario {
  /** Wall-clock instant of t=0, epoch ms. */
  readonly startEpochMs: number;
  /** End of the run, simulated ms. */
  readonly untilMs: number;
  /** The `expect:` checks. @default - none */
  readonly expect?: readonly Expectation[];
}

/** The part of a finished `Simulation` the checks read. */
export interface OutcomeSimulation {
  /** The store: every instance of each kind, in creation order (`history`). */
  readonly state: Pick<ClusterReader, 'history'>;
}

/** A finished run, as the checks read it: a `SimulationResult` is one. */
export interface SimulationOutcome {
  /** The JSON report. */
  readonly report: SimulationReport;
  /** The scenario that ran (its start, end and `expect:` block). */
  readonly scenario: OutcomeScenario;
  /** The finished simulation: its store's history gives owner chains, namespaces and readiness timelines. */
  readonly simulation: OutcomeSimulation;
}

/** The verdict of one check (the JSON report's `expectations` entries hold the first five fields). */
export interface ExpectationResult {
  /** Check name, e.g. `podsReady`. */
  readonly check: string;
  /** Where the check was written, e.g. `expect[1].podsReady`, or the helper's name. */
  readonly path: string;
  /** Whether it held. */
  readonly passed: boolean;
  /** What was expected, in words. */
  readonly expected: string;
  /** What the run did, in words. */
  readonly actual: string;
  /** One line: the check and its verdict. */
  readonly message: string;
  /** A few lines of evidence (the relevant pods, Jobs or events), shown under a failure. */
  readonly details: readonly string[];
}
