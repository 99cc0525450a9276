/**
 * `k8s.io/apimachinery/pkg/util/validation/field` errors, worded as the API server words them
 * (`field.Error.Error()`: `<path>: <Type>: <value>: <detail>`), followed by `; <fix hint>`.
 */
import { ManifestIssueCode } from '../issues';

/** Reports one semantic issue (the `add` callback of `semanticIssues`). */
export type Add = (code: ManifestIssueCode, path: string, message: string) => void;

/** A manifest sub-object, already known to match the 1.27 schema. */
export type Obj = Record<string, any>;

/** `%q` for strings, `%v` for numbers and booleans (field/errors.go#ErrorBody). */
export function goValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function withHint(text: string, hint?: string): string {
  return hint ? `${text}; ${hint}` : text;
}

/** The field-error constructors, bound to an `add` callback. */
export class FieldErrors {
  /** The code of `field.Invalid` issues. */
  public readonly invalidCode = ManifestIssueCode.INVALID_VALUE;

  /**
   * @param add where issues go
   * @param hints whether messages end with our fix hint (`; <hint>`); off for the API server's own
   * wording, as a controller's event quotes it
   */
  public constructor(public readonly add: Add, private readonly hints = true) {}

  /** `text`, with `; hint` appended when hints are on. */
  public hinted(text: string, hint?: string): string {
    return this.hints ? withHint(text, hint) : text;
  }

  /** `field.Invalid`: `path: Invalid value: "v": detail`. */
  public invalid(path: string, value: unknown, detail: string, hint?: string, code = ManifestIssueCode.INVALID_VALUE): void {
    this.add(code, path, this.hinted(`${path}: Invalid value: ${goValue(value)}: ${detail}`, hint));
  }

  /** `field.Required`: `path: Required value[: detail]`. */
  public required(path: string, detail: string, hint?: string): void {
    this.add(ManifestIssueCode.MISSING_FIELD, path, this.hinted(`${path}: Required value${detail ? `: ${detail}` : ''}`, hint));
  }

  /** `field.Duplicate`: `path: Duplicate value: "v"`. */
  public duplicate(path: string, value: unknown, hint?: string): void {
    this.add(ManifestIssueCode.INVALID_VALUE, path, this.hinted(`${path}: Duplicate value: ${goValue(value)}`, hint));
  }

  /** `field.NotFound`: `path: Not found: "v"`. */
  public notFound(path: string, value: unknown, hint?: string): void {
    this.add(ManifestIssueCode.INVALID_VALUE, path, this.hinted(`${path}: Not found: ${goValue(value)}`, hint));
  }

  /** `field.NotSupported`: `path: Unsupported value: "v": supported values: "a", "b"`. */
  public notSupported(path: string, value: unknown, valid: readonly string[], hint?: string): void {
    const detail = valid.length > 0 ? `: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '';
    this.add(ManifestIssueCode.INVALID_VALUE, path, this.hinted(`${path}: Unsupported value: ${goValue(value)}${detail}`, hint));
  }

  /** `field.Forbidden`: `path: Forbidden: detail`. */
  public forbidden(path: string, detail: string, hint?: string): void {
    this.add(ManifestIssueCode.INVALID_VALUE, path, this.hinted(`${path}: Forbidden: ${detail}`, hint));
  }
}

/** apimachinery validation.go#IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';

/** apimachinery validation.go#InclusiveRangeError. */
export function inclusiveRange(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** apimachinery validation.go#IsValidPortNum. */
export function portNumErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRange(1, 65535)];
}

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;
const PORT_NAME_ONE_LETTER = /[a-z]/;

/** apimachinery validation.go#IsValidPortName (an IANA_SVC_NAME, RFC 6335). */
export function portNameErrors(port: string): string[] {
  const out: string[] = [];
  if (port.length > 15) out.push('must be no more than 15 characters');
  if (!PORT_NAME_CHARSET.test(port)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!PORT_NAME_ONE_LETTER.test(port)) out.push('must contain at least one letter (a-z)');
  if (port.includes('--')) out.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) out.push('must not begin or end with a hyphen');
  return out;
}

/** validation.go#validatePortNumOrName: an IntOrString port of a probe or lifecycle handler. */
export function portNumOrName(port: unknown, path: string, errs: FieldErrors): void {
  if (typeof port === 'number') {
    for (const e of portNumErrors(port)) errs.invalid(path, port, e, 'use a port number from 1 to 65535');
  } else if (typeof port === 'string') {
    if (port.length === 0) errs.required(path, '', 'name a container port or give a number');
    for (const e of port.length > 0 ? portNameErrors(port) : []) errs.invalid(path, port, e, 'use a named container port (at most 15 lower-case characters) or a number');
  }
}
