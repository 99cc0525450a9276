import { ValidationError } from '../../lib/constructs/_shared/errors';

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
