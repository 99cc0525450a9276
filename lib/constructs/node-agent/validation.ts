/**
 * Checks only `NodeAgent` and its helpers use, in their wording: label maps and the unknown-prop
 * check with NodeAgent's hints. The Kubernetes syntax rules (names, label keys and values, ports,
 * paths, whole seconds of a Duration) are shared with the other constructs in `_validation.ts`.
 *
 * @internal
 */
import { IConstruct } from 'constructs';
import { findUnknownProp, isLabelValue, isQualifiedName, KnownProps, rejectUnknownProp } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';

/**
 * How NodeAgent's messages spell out `IsQualifiedName` (label, annotation, taint and node-affinity
 * keys).
 *
 * @internal
 */
export const QUALIFIED_NAME_SYNTAX = 'an optional DNS subdomain prefix and "/", then at most 63 alphanumerics, "-", "_" or "."';

/**
 * How NodeAgent's messages spell out `IsValidLabelValue`.
 *
 * @internal
 */
export const LABEL_VALUE_SYNTAX = 'at most 63 alphanumerics, "-", "_" or "."';

/**
 * Validates a label map: keys are qualified names, values label values
 * (`ValidateLabels` in staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go;
 * a pod's `nodeSelector` goes through the same function from `ValidatePodSpec`). Used for the
 * agent's labels, pod labels, selector labels and node selector.
 *
 * @internal
 */
export function validateLabels(scope: IConstruct, prop: string, labels: { readonly [key: string]: string }): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!isQualifiedName(key)) {
      throw new ValidationError(scope, prop, `keys must be valid label keys (${QUALIFIED_NAME_SYNTAX})`, key);
    }
    if (typeof value !== 'string' || !isLabelValue(value)) {
      throw new ValidationError(scope, `${prop}.${key}`, `must be a valid label value (${LABEL_VALUE_SYNTAX})`, value);
    }
  }
}

/**
 * Spellings users bring from Kubernetes YAML or cdk8s-plus, with the NodeAgent prop to use.
 */
const HINTS: { readonly [key: string]: string } = {
  hostPID: 'use `hostPid`',
  hostIPC: 'NodeAgent does not share the host IPC namespace; patch `/spec/template/spec/hostIpc` through `ApiObject.of(agent)` if you must',
  tolerationSeconds: 'use `evictAfter` (a Duration)',
  readOnly: 'host paths are read-only unless `writable: true`',
  priorityClassName: 'use `priorityClass: NodeAgentPriorityClass.of(<name>)`',
  minReadySeconds: 'use `minReady` (a Duration)',
  terminationGracePeriodSeconds: 'use `terminationGracePeriod` (a Duration)',
  serviceAccountName: 'use `serviceAccount`',
  envVariables: 'use `env`',
  volumeMounts: 'use the agent\'s `hostPaths` or `scratchDirectories`',
  volumes: 'use `hostPaths` or `scratchDirectories`',
  securityContext: 'security settings are agent-wide: `runAsRoot`, `runAsUser`, `privileged`, `capabilities`, `readOnlyRootFilesystem`',
  affinity: 'use `requiredNodeAffinity` / `preferredNodeAffinity`',
  nodeAffinity: 'use `requiredNodeAffinity` / `preferredNodeAffinity`',
  strategy: 'use `updateStrategy`',
  image: 'images belong to `containers`',
  port: 'use `ports`',
  mountPropagation: 'use `propagation`',
  hostPath: 'use `path`',
  nonResourceURLs: 'use `nonResourceUrls`',
};

/**
 * The first key of `obj` (with a defined value) that is not in `known`, and a hint for it.
 * Props a construct does not know would otherwise be ignored without a word.
 *
 * @internal
 */
export function unknownProp(obj: object, known: KnownProps): { key: string; hint: string } | undefined {
  return findUnknownProp(obj, known, HINTS);
}

/**
 * Throws when `obj` has a prop outside `known` (e.g. `hostPID` for `hostPid`).
 *
 * @internal
 */
export function rejectUnknownProps(scope: IConstruct, prop: string, obj: object, known: KnownProps): void {
  if (obj === null || typeof obj !== 'object') return;
  rejectUnknownProp(scope, prop === '' ? '' : `${prop}.`, obj, known, HINTS, 'is not a NodeAgent prop and would be ignored');
}
