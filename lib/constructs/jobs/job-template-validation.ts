/**
 * Checks of the job template's props shared by `BatchJob` and `ScheduledJob`: unknown and
 * misspelled props, the workload name, count fields and environment variable names.
 *
 * Rules cited as "validation.go" are from kubernetes `pkg/apis/batch/validation/validation.go`
 * (`validateJobSpec`, `ValidateJob`).
 */
import { Construct } from 'constructs';
import { ENV_VAR_NAME_RULE, INT32_MAX, isDns1123Subdomain, isEnvVarName, KnownProps, rejectUnknownProp } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';

/**
 * Kubernetes or cdk8s-plus spellings that TypeScript users cannot pass but JavaScript users can,
 * and that cdk8s-plus-27 would silently drop; each maps to the fix. @internal
 */
export const MISSPELLED_PROPS: { readonly [key: string]: string } = {
  activeDeadlineSeconds: 'use `activeDeadline: Duration.seconds(n)`',
  ttlSecondsAfterFinished: 'use `ttlAfterFinished: Duration.seconds(n)` (BatchJob only)',
  startingDeadlineSeconds: 'use `startingDeadline: Duration.seconds(n)` (ScheduledJob only)',
  successfulJobsRetained: 'use `successfulJobsHistoryLimit`',
  failedJobsRetained: 'use `failedJobsHistoryLimit`',
  template: 'pod settings (`containers`, `restartPolicy`, …) are top-level props',
  jobTemplate: 'job template settings (`containers`, `backoffLimit`, …) are top-level props',
  spec: 'spec settings are top-level props',
  env: 'use `envVariables` (literal values) or `secretEnv` (Secret keys)',
  podFailurePolicyRules: 'use `podFailurePolicy: [rule, …]`',
};

/** Variable names that hold credentials; a literal value there means a secret in the manifest. @internal */
export const CREDENTIAL_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|SECRET_?KEY|ACCESS_?KEY|CREDENTIALS?)$/i;

/**
 * Rejects keys of `props` that no prop of the construct declares, so a JavaScript caller's
 * `activeDeadlineSeconds: 600` is an error instead of being dropped. @internal
 */
export function rejectUnknownProps(scope: Construct, props: object, known: KnownProps, path: string = ''): void {
  rejectUnknownProp(scope, path, props, known, MISSPELLED_PROPS, 'is not a prop of this construct and would be ignored');
}

/**
 * Validates the name (given or generated) of the Job or CronJob: a DNS-1123 subdomain, the API
 * server's object-name rule (`ValidateJob` / `ValidateCronJob` in validation.go), and at most
 * `maxLength` characters, the tighter bound the caller's controller needs; `why(length)` says
 * why. A generated name gets a hint to set `metadata.name` instead. @internal
 */
export function checkWorkloadName(scope: Construct, name: string, given: boolean, maxLength: number, why: (length: number) => string): void {
  const fix = given ? undefined : 'the name was generated from the construct path; set `metadata.name`';
  if (!isDns1123Subdomain(name)) {
    throw new ValidationError(scope, 'metadata.name', 'must be a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", starting and ending with a letter or digit)', name, fix);
  }
  if (name.length > maxLength) {
    throw new ValidationError(scope, 'metadata.name', `must be at most ${maxLength} characters`, name, fix ?? why(name.length));
  }
}

/** Validates a count-like int32 field (completions, backoffLimit, history limits, …). @internal */
export function checkCount(scope: Construct, prop: string, value: number | undefined, min: number = 0): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(scope, prop, 'must be a whole number', value);
  }
  if (value < min) {
    throw new ValidationError(scope, prop, `must be at least ${min}`, value, 'the API server rejects negative values');
  }
  if (value > INT32_MAX) {
    throw new ValidationError(scope, prop, `must be at most ${INT32_MAX} (an int32 field)`, value);
  }
}

/** Rejects an environment variable name the API server would reject. @internal */
export function checkEnvName(scope: Construct, prop: string, name: string): void {
  if (!isEnvVarName(name)) {
    throw new ValidationError(scope, prop, ENV_VAR_NAME_RULE, name);
  }
}
