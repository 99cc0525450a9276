/**
 * How verdicts are shown: a readable diff block per failed check (stderr of `simulate`, the
 * helpers' Error message) and the JSON report's `expectations` entries.
 */
import type { ExpectationResult } from './outcome';

/**
 * A failed check as a block:
 *
 * ```text
 * ✗ expect[1].podsReady: podsReady StatefulSet/web: 2 of 3 Ready by 5m
 *   - expected: 3 pods of StatefulSet/web Ready at once, at or before 2024-01-01T00:05:00Z (start+5m)
 *   + actual:   at most 2 Ready at once by then
 *     web-0  Running, Ready  node worker1  created …  readyAt …
 * ```
 */
export function formatExpectationFailure(r: ExpectationResult): string {
  return [
    `✗ ${r.path}: ${r.message}`,
    `  - expected: ${r.expected}`,
    `  + actual:   ${r.actual}`,
    ...r.details.map((d) => `    ${d}`),
  ].join('\n');
}

/** Every failure block and a closing count line, for stderr; `''` when there are no checks. */
export function formatExpectationReport(results: readonly ExpectationResult[]): string {
  if (results.length === 0) return '';
  const failed = results.filter((r) => !r.passed);
  const blocks = failed.map((r) => `${formatExpectationFailure(r)}\n`).join('');
  return `${blocks}expectations: ${results.length - failed.length} of ${results.length} passed${failed.length ? `, ${failed.length} failed` : ''}\n`;
}

/** An entry of the JSON report's `expectations` array: `{ check, passed, expected, actual, message }`. */
export interface ExpectationJson {
  /** Check name. */
  readonly check: string;
  /** Whether it held. */
  readonly passed: boolean;
  /** What was expected. */
  readonly expected: string;
  /** What happened. */
  readonly actual: string;
  /** One line, prefixed with where the check was written. */
  readonly message: string;
}

/** The JSON report's `expectations` entries. */
export function expectationsJson(results: readonly ExpectationResult[]): ExpectationJson[] {
  return results.map((r) => ({ check: r.check, passed: r.passed, expected: r.expected, actual: r.actual, message: `${r.path}: ${r.message}` }));
}
