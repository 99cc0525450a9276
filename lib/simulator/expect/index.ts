/**
 * Expectations on a finished run: the scenario's `expect:` block (checked by `simulate`, exit 3
 * when one fails) and the same checks as test assertions (`expectSimulation`).
 */
export { evaluateExpectation, evaluateScenarioExpectations } from './checks';
export { formatExpectationFailure, formatExpectationReport, expectationsJson } from './format';
export type { ExpectationJson } from './format';
export type { ExpectationResult, SimulationOutcome, OutcomeScenario, OutcomeSimulation } from './outcome';
export { expectSimulation, SimulationAssertions, ExpectationError } from './expect-simulation';
export type { NoWarningsOptions, PodsReadyOptions, JobConditionOptions, CronJobRunsOptions, RunsRange, EventOptions } from './expect-simulation';
export type {
  Expectation, NoWarningsExpectation, PodsReadyExpectation, JobExpectation, CronJobExpectation, EventExpectation,
} from '../scenario/expectations';
