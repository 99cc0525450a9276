import { IConstruct } from 'constructs';

/**
 * Thrown at construction time when a construct is given input that Kubernetes would reject or
 * that would break at runtime.
 *
 * The message reads `<construct path>: \`prop\` <rule>, got <value>[; <how to fix>]`.
 */
export class ValidationError extends Error {
  /** The construct path the error belongs to. */
  public readonly constructPath: string;
  /** The prop that failed validation, e.g. `storage.size`. */
  public readonly prop: string;

  /**
   * @param scope the construct whose input is invalid
   * @param prop the prop name, shown in backticks
   * @param rule what the prop must satisfy, e.g. "must be at most 52 characters"
   * @param got the offending value, rendered in user units
   * @param fix an optional hint on how to fix it
   */
  public constructor(scope: IConstruct, prop: string, rule: string, got: unknown, fix?: string) {
    const path = scope.node.path;
    super(`${path}: \`${prop}\` ${rule}, got ${formatValue(got)}${fix ? `; ${fix}` : ''}`);
    this.name = 'ValidationError';
    this.constructPath = path;
    this.prop = prop;
  }
}

/** Renders a value for an error message: strings quoted, objects as JSON. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
