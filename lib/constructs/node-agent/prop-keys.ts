/** The known keys of `NodeAgentProps` and its parts, which `rejectUnknownProps` checks against. */
import type { NodeAgentContainer, NodeAgentHostPath } from './container-props';
import type { NodeAgentApiRule, NodeAgentProps } from './props';

/** Every key of `NodeAgentProps`, for the unknown-prop check. @internal */
export const PROP_KEYS: { readonly [K in keyof NodeAgentProps]-?: true } = {
  name: true, containers: true, selectorLabels: true, podLabels: true, podAnnotations: true, labels: true,
  serviceAccount: true, apiAccess: true, automountServiceAccountToken: true, tolerations: true, nodeSelector: true,
  requiredNodeAffinity: true, preferredNodeAffinity: true, linuxOnly: true, hostPaths: true, hostNetwork: true,
  hostPid: true, privileged: true, capabilities: true, runAsRoot: true, runAsUser: true, runAsGroup: true,
  readOnlyRootFilesystem: true, scratchDirectories: true, dnsPolicy: true, priorityClass: true, minReady: true,
  revisionHistoryLimit: true, updateStrategy: true, terminationGracePeriod: true,
};
/** Every key of `NodeAgentContainer`, for the unknown-prop check. @internal */
export const CONTAINER_KEYS: { readonly [K in keyof NodeAgentContainer]-?: true } = {
  image: true, name: true, command: true, args: true, workingDir: true, env: true, envFrom: true, ports: true,
  resources: true, readiness: true, liveness: true, startup: true, imagePullPolicy: true,
};
/** Every key of `NodeAgentHostPath`, for the unknown-prop check. @internal */
export const HOST_PATH_KEYS: { readonly [K in keyof NodeAgentHostPath]-?: true } = {
  path: true, mountPath: true, writable: true, type: true, propagation: true, volumeName: true,
};
/** Every key of `NodeAgentApiRule`, for the unknown-prop check. @internal */
export const API_RULE_KEYS: { readonly [K in keyof NodeAgentApiRule]-?: true } = {
  apiGroups: true, resources: true, resourceNames: true, nonResourceUrls: true, verbs: true,
};
