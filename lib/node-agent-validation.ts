/**
 * Checks only `NodeAgent` and its helpers use, in their wording: whole seconds of a Duration and
 * the unknown-prop check with NodeAgent's hints. The Kubernetes syntax rules (names, label keys
 * and values, ports, paths) are shared with the other constructs in `_validation.ts`.
 *
 * @internal
 */
import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { findUnknownProp, KnownProps, rejectUnknownProp } from './_validation';

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
