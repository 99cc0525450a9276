/**
 * Errors the simulated API server returns to a write, worded as the real one
 * (`k8s.io/apimachinery/pkg/api/errors`: `NewAlreadyExists`, `NewInvalid`, `NewNotFound`).
 * Controls record them in Warning events (`... failed error: <message>`) and rethrow; the work
 * queue then retries the key with the rate limiter, as a real controller does.
 */

/** The API status reasons modelled. */
export type ApiErrorReason = 'AlreadyExists' | 'Invalid' | 'NotFound' | 'Conflict' | 'Forbidden' | 'InternalError';

/** A rejected API write. */
export class ApiError extends Error {
  /** The status reason, e.g. `AlreadyExists`. */
  public readonly reason: ApiErrorReason;

  /**
   * @param reason the status reason
   * @param message the API server's message
   */
  public constructor(reason: ApiErrorReason, message: string) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
  }
}

/** One field error of an Invalid response (`field.Error`). */
export interface FieldError {
  /** Field path, e.g. `metadata.labels`. */
  readonly path: string;
  /** The rejected value. */
  readonly value: string;
  /** The rule, e.g. `must be no more than 63 characters`. */
  readonly detail: string;
}

/** Resource names (plural, with group) as error messages spell them. */
const RESOURCE: Record<string, string> = {
  Pod: 'pods', Node: 'nodes', PersistentVolumeClaim: 'persistentvolumeclaims', Service: 'services',
  StatefulSet: 'statefulsets.apps', DaemonSet: 'daemonsets.apps', Job: 'jobs.batch', CronJob: 'cronjobs.batch',
};
/** Qualified kinds as Invalid messages spell them (`StatefulSet.apps "web" is invalid`). */
const QUALIFIED_KIND: Record<string, string> = {
  StatefulSet: 'StatefulSet.apps', DaemonSet: 'DaemonSet.apps', Job: 'Job.batch', CronJob: 'CronJob.batch',
};

/** `pods "web-0" already exists`. */
export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${RESOURCE[kind] ?? kind.toLowerCase() + 's'} "${name}" already exists`);
}

/** `pods "web-0" not found`. */
export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', `${RESOURCE[kind] ?? kind.toLowerCase() + 's'} "${name}" not found`);
}

/**
 * `Pod "x" is invalid: metadata.labels: Invalid value: "v": must be no more than 63 characters`, or
 * with several errors `... is invalid: [e1, e2]` (`errors.NewInvalid` + `ErrorList.ToAggregate`).
 */
export function invalid(kind: string, name: string, errors: readonly FieldError[]): ApiError {
  const parts = errors.map((e) => `${e.path}: Invalid value: ${JSON.stringify(e.value)}: ${e.detail}`);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError('Invalid', `${QUALIFIED_KIND[kind] ?? kind} "${name}" is invalid: ${body}`);
}
