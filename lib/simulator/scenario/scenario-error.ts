/** Scenario problems: one {@link ScenarioIssue} each, thrown together as a {@link ScenarioError}. */

/** One scenario problem. */
export interface ScenarioIssue {
  /** Dotted path, e.g. `steps[2].scale.replicas`. */
  readonly path: string;
  /** 1-based line when known. */
  readonly line?: number;
  /** Full message naming the file, path and fix. */
  readonly message: string;
}

/** Invalid scenario input, or a step the cluster rejected while running. */
export class ScenarioError extends Error {
  /** Every problem. */
  public readonly issues: readonly ScenarioIssue[];

  /** @param issues the problems */
  public constructor(issues: readonly ScenarioIssue[]) {
    super(issues.length === 1 ? issues[0].message : `${issues.length} problems in the scenario:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
