export { ValidationError } from './errors';
export { validateStrict, isKnownKind, SchemaIssueCode } from './k8s-schema';
export type { SchemaIssue } from './k8s-schema';
export { BatchJob } from './batch-job';
export type { BatchJobProps } from './batch-job';
export {
  JobRestartPolicy, CompletionMode, PodFailurePolicyAction, ExitCodeOperator, PodConditionStatus, PodConditionType,
} from './_job-template';
export type {
  JobTemplateOptions, JobContainerProps, SecretKeyRef, PodFailurePolicyRule, PodFailurePolicyOnExitCodes,
  PodFailurePolicyOnPodCondition,
} from './_job-template';
