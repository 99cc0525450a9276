import { ValidationError } from '../../lib/constructs/_shared/errors';
import { parseScenario } from '../../lib/simulator/scenario/parse-scenario';
import { ScenarioError } from '../../lib/simulator/scenario/scenario-error';

/**
 * The `ValidationError` that `build` throws. Fails the test when `build` throws something else, or
 * nothing ("expected a ValidationError").
 */
export function validationErrorOf(build: () => unknown): ValidationError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

/** The messages of the `ScenarioError` that parsing `text` (as `sc.yaml`) throws; fails when it parses. */
export function scenarioErrorsOf(text: string): string[] {
  try {
    parseScenario(text, 'sc.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => i.message);
    throw e;
  }
  throw new Error('expected a ScenarioError');
}
