/**
 * Validation and rendering of a Job's pod failure policy.
 *
 * Rules are from kubernetes `pkg/apis/batch/validation/validation.go`
 * (`validatePodFailurePolicy*`).
 */
import { Construct } from 'constructs';
import { isQualifiedName } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { JobRestartPolicy } from './job-template-options';
import { ExitCodeOperator, PodConditionStatus, PodConditionType, PodFailurePolicyAction, PodFailurePolicyRule } from './pod-failure-policy-options';

/** Validates the pod failure policy rules and renders them as the JobSpec's `podFailurePolicy`. @internal */
export function renderPodFailurePolicy(
  scope: Construct,
  rules: PodFailurePolicyRule[],
  restartPolicy: JobRestartPolicy,
  containerNames: Set<string>,
): { rules: unknown[] } {
  if (restartPolicy !== JobRestartPolicy.NEVER) {
    throw new ValidationError(scope, 'podFailurePolicy', 'requires `restartPolicy: JobRestartPolicy.NEVER`', `restartPolicy ${restartPolicy}`,
      'the API server accepts only "Never" with a pod failure policy; with OnFailure the container restarts in place and the pod never fails');
  }
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new ValidationError(scope, 'podFailurePolicy', 'must list at least one rule', rules, 'omit `podFailurePolicy` to count every failure');
  }
  if (rules.length > 20) {
    throw new ValidationError(scope, 'podFailurePolicy', 'must have at most 20 rules', `${rules.length} rules`);
  }
  return {
    rules: rules.map((rule, i) => {
      const prop = `podFailurePolicy[${i}]`;
      if (!Object.values(PodFailurePolicyAction).includes(rule.action)) {
        throw new ValidationError(scope, `${prop}.action`, 'must be FailJob, Ignore or Count (FailIndex arrives in 1.28)', rule.action);
      }
      const hasExitCodes = rule.onExitCodes !== undefined;
      const hasConditions = rule.onPodConditions !== undefined;
      if (hasExitCodes === hasConditions) {
        throw new ValidationError(scope, prop, 'must set exactly one of `onExitCodes` and `onPodConditions`',
          hasExitCodes ? 'both' : 'neither', 'split a rule that needs both into two rules');
      }
      if (rule.onExitCodes) {
        const req = rule.onExitCodes;
        if (!Object.values(ExitCodeOperator).includes(req.operator)) {
          throw new ValidationError(scope, `${prop}.onExitCodes.operator`, 'must be In or NotIn', req.operator);
        }
        if (req.containerName !== undefined && !containerNames.has(req.containerName)) {
          throw new ValidationError(scope, `${prop}.onExitCodes.containerName`, 'must be one of the container or init container names of the template',
            req.containerName, `the names are ${[...containerNames].map((n) => `"${n}"`).join(', ')}`);
        }
        if (!Array.isArray(req.values) || req.values.length === 0 || req.values.length > 255) {
          throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must list 1 to 255 exit codes', req.values);
        }
        const seen = new Set<number>();
        for (const code of req.values) {
          if (!Number.isInteger(code) || code < 0 || code > 255) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must contain exit codes between 0 and 255', code,
              'a Linux process exits with 0–255 (128+N after signal N); other values never match');
          }
          if (code === 0 && req.operator === ExitCodeOperator.IN) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must not contain 0 with the In operator', code,
              'the API server rejects it: exit code 0 is success, never a failure');
          }
          if (seen.has(code)) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must not repeat an exit code', code);
          }
          seen.add(code);
        }
        return {
          action: rule.action,
          // The 1.27 OpenAPI schema (kubernetes-models 4.3.1) lists onPodConditions as required in
          // every rule, so strict clients reject a rule without it; validatePodFailurePolicyRule
          // only requires it to be empty next to onExitCodes.
          onPodConditions: [],
          onExitCodes: {
            ...(req.containerName !== undefined ? { containerName: req.containerName } : {}),
            operator: req.operator,
            // The API server requires ascending order; order carries no meaning, so sort for the user.
            values: [...req.values].sort((a, b) => a - b),
          },
        };
      }
      const patterns = rule.onPodConditions!;
      if (!Array.isArray(patterns) || patterns.length === 0 || patterns.length > 20) {
        throw new ValidationError(scope, `${prop}.onPodConditions`, 'must list 1 to 20 condition patterns', patterns);
      }
      return {
        action: rule.action,
        onPodConditions: patterns.map((p, j) => {
          const typeName = p.type instanceof PodConditionType ? p.type.name : (p.type as unknown);
          if (typeof typeName !== 'string' || !isQualifiedName(typeName)) {
            throw new ValidationError(scope, `${prop}.onPodConditions[${j}].type`, 'must be a qualified name such as "DisruptionTarget"', typeName);
          }
          const status = p.status ?? PodConditionStatus.TRUE;
          if (!Object.values(PodConditionStatus).includes(status)) {
            throw new ValidationError(scope, `${prop}.onPodConditions[${j}].status`, 'must be True, False or Unknown', status);
          }
          return { type: typeName, status };
        }),
      };
    }),
  };
}
