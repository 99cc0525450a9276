/**
 * Coded manifest problems (eemeli/yaml `doc.errors` style, STYLE.md §5): the loader never throws;
 * it returns every {@link ManifestIssue} it found and every {@link ManifestNotice}. The `…OrThrow`
 * wrapper throws one {@link ManifestError} listing them all.
 */

/** What a {@link ManifestIssue} is about. */
export enum ManifestIssueCode {
  /** A path that does not exist. */
  FILE_NOT_FOUND = 'FILE_NOT_FOUND',
  /** A file or directory that cannot be read. */
  UNREADABLE = 'UNREADABLE',
  /** YAML or JSON that does not parse. */
  SYNTAX = 'SYNTAX',
  /** A document that is not a mapping. */
  NOT_AN_OBJECT = 'NOT_AN_OBJECT',
  /** An apiVersion/kind Kubernetes 1.27 does not serve. */
  UNKNOWN_KIND = 'UNKNOWN_KIND',
  /** A field the 1.27 schema does not define (`spec.templates`). */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** A required field is absent. */
  MISSING_FIELD = 'MISSING_FIELD',
  /** A value of the wrong type. */
  WRONG_TYPE = 'WRONG_TYPE',
  /** A value the 1.27 API server rejects (enum, format, range, cross-field rule). */
  INVALID_VALUE = 'INVALID_VALUE',
  /** An invalid object name. */
  INVALID_NAME = 'INVALID_NAME',
  /** A CronJob schedule Kubernetes cannot parse. */
  INVALID_SCHEDULE = 'INVALID_SCHEDULE',
  /** A CronJob time zone Kubernetes rejects. */
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  /** Two documents define the same kind/namespace/name. */
  DUPLICATE_OBJECT = 'DUPLICATE_OBJECT',
}

/** One problem, located. */
export interface ManifestIssue {
  /** The problem class. */
  readonly code: ManifestIssueCode;
  /** The file (as given), or `<string>`, `<object>`, `<chart NAME>`. */
  readonly file: string;
  /** 0-based document index within the file (messages count from 1). */
  readonly documentIndex: number;
  /** Dotted field path, e.g. `spec.templates`; `''` for the whole document. */
  readonly path: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  /** A full sentence: where (file, document, object, line), what, and how to fix it. */
  readonly message: string;
}

/** Something worth telling that is not an error (an ignored kind, a kind without behaviour). */
export interface ManifestNotice {
  /**
   * `IGNORED_KIND` (not simulated, dropped), `NO_BEHAVIOUR` (kept, not simulated), `WARNING`
   * (accepted, but will misbehave), `DROPPED_FIELD` (a field of a feature gate that is off,
   * cleared on create as the registry's `dropDisabledFields` does).
   */
  readonly code: 'IGNORED_KIND' | 'NO_BEHAVIOUR' | 'WARNING' | 'DROPPED_FIELD';
  /** The file. */
  readonly file: string;
  /** 0-based document index. */
  readonly documentIndex: number;
  /** The message. */
  readonly message: string;
}

/** Thrown by `loadManifestsOrThrow`: every issue, one per line. */
export class ManifestError extends Error {
  /** The issues. */
  public readonly issues: readonly ManifestIssue[];

  /** @param issues at least one issue */
  public constructor(issues: readonly ManifestIssue[]) {
    super(`${issues.length === 1 ? '1 problem' : `${issues.length} problems`} in the manifests:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    this.name = 'ManifestError';
    this.issues = issues;
  }
}

/** `file document 2 (StatefulSet default/web), line 12` — the location prefix of messages. */
export function describeLocation(file: string, documentIndex: number, object?: { kind?: string; namespace?: string; name?: string }, line?: number): string {
  const obj = object?.kind ? ` (${object.kind}${object.name ? ` ${object.namespace ? `${object.namespace}/` : ''}${object.name}` : ''})` : '';
  return `${file} document ${documentIndex + 1}${obj}${line !== undefined ? `, line ${line}` : ''}`;
}
