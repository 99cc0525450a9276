export { ValidationError } from './errors';
export { validateStrict, isKnownKind, SchemaIssueCode } from './k8s-schema';
export type { SchemaIssue } from './k8s-schema';
