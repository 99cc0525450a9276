/**
 * Syntax checks used by `NodeAgent` and its helpers. Each mirrors an API-server rule and cites
 * it (paths inside kubernetes/kubernetes). They return booleans; the callers turn failures into
 * `ValidationError`s that name the prop.
 *
 * @internal
 */
import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * `IsDNS1123Label`: lowercase alphanumerics and '-', alphanumeric at both ends, at most 63
 * characters (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go).
 *
 * @internal
 */
export function isDns1123Label(value: string): boolean {
  return value.length >= 1 && value.length <= 63 && DNS1123_LABEL.test(value);
}

/**
 * `IsDNS1123Subdomain`: dot-separated DNS-1123 labels, at most 253 characters (same file). Object
 * names of DaemonSets, ServiceAccounts, ClusterRoles and PriorityClasses must be subdomains
 * (`ValidateDaemonSetName`, `ValidateServiceAccountName`, `ValidateClusterRoleName`).
 *
 * @internal
 */
export function isDns1123Subdomain(value: string): boolean {
  return value.length >= 1 && value.length <= 253 && value.split('.').every((part) => DNS1123_LABEL.test(part));
}

/**
 * `IsQualifiedName`, the rule for label keys and toleration/affinity keys: an optional
 * DNS-1123-subdomain prefix and '/', then a name of at most 63 alphanumerics, '-', '_' and '.'
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go).
 *
 * @internal
 */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !isDns1123Subdomain(parts[0])) return false;
  return name.length >= 1 && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/**
 * `IsValidLabelValue`: empty, or at most 63 alphanumerics, '-', '_' and '.', alphanumeric at both
 * ends (same file).
 *
 * @internal
 */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME.test(value));
}

/**
 * `IsValidPortName` (IANA_SVC_NAME): at most 15 lowercase alphanumerics and '-', at least one
 * letter, no leading, trailing or doubled '-' (same file).
 *
 * @internal
 */
export function isPortName(value: string): boolean {
  return value.length >= 1 && value.length <= 15 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && /[a-z]/.test(value);
}

/**
 * `IsEnvVarName` as of 1.27: letters, digits, '-', '.' and '_', not starting with a digit (same
 * file).
 *
 * @internal
 */
export function isEnvVarName(value: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value);
}

/**
 * Whether `value` is an integer in [min, max].
 *
 * @internal
 */
export function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * The whole number of seconds in `duration`, or `undefined` when it is negative or has a
 * fractional second. The
 * Kubernetes fields these feed (`minReadySeconds`, `tolerationSeconds`,
 * `terminationGracePeriodSeconds`) are integers.
 *
 * @internal
 */
export function wholeSeconds(duration: Duration): number | undefined {
  const ms = duration.toMilliseconds({ integral: false });
  return Number.isInteger(ms) && ms >= 0 && ms % 1000 === 0 ? ms / 1000 : undefined;
}

/**
 * A Linux absolute path without `..` segments. The API server rejects `..` in hostPath paths
 * (`validatePathNoBacksteps` in pkg/apis/core/validation/validation.go); a relative path is
 * resolved against the kubelet's working directory, which is never what an agent means.
 *
 * @internal
 */
export function isAbsolutePathWithoutBacksteps(path: string): boolean {
  return path.startsWith('/') && !path.split('/').includes('..') && !/[\0]/.test(path);
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
export function unknownProp(obj: object, known: { readonly [key: string]: true }): { key: string; hint: string } | undefined {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined || known[key]) continue;
    return { key, hint: HINTS[key] ?? `the known props are ${Object.keys(known).map((k) => `\`${k}\``).join(', ')}` };
  }
  return undefined;
}

/**
 * Throws when `obj` has a prop outside `known` (e.g. `hostPID` for `hostPid`).
 *
 * @internal
 */
export function rejectUnknownProps(scope: IConstruct, prop: string, obj: object, known: { readonly [key: string]: true }): void {
  if (obj === null || typeof obj !== 'object') return;
  const unknown = unknownProp(obj, known);
  if (unknown) {
    throw new ValidationError(scope, prop === '' ? unknown.key : `${prop}.${unknown.key}`, 'is not a NodeAgent prop and would be ignored',
      (obj as { [key: string]: unknown })[unknown.key], unknown.hint);
  }
}
