/**
 * Secure-default pieces shared by the constructs' pod templates. The Pod Security Standards
 * "restricted" profile (https://kubernetes.io/docs/concepts/security/pod-security-standards/,
 * checked by the pod-security admission plugin, staging/src/k8s.io/pod-security-admission/policy)
 * requires, for every container: `allowPrivilegeEscalation: false`, `capabilities.drop` holding
 * `ALL`, `runAsNonRoot: true` (pod or container), and `seccompProfile.type` `RuntimeDefault` or
 * `Localhost` (pod or container). A read-only root filesystem and `privileged: false` are not
 * required by it, but belong to the same secure default.
 *
 * @internal
 */
import { JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/**
 * The capability wildcard for `capabilities.drop`, spelled as Kubernetes documents it. cdk8s-plus-27's
 * `Capability` enum has no member for it; its converter passes the string through unchanged.
 */
export const ALL_CAPABILITIES = 'ALL' as kplus.Capability;

/**
 * A fresh "restricted" container securityContext: non-root, not privileged, no privilege
 * escalation, read-only root filesystem, every capability dropped. Callers spread their own
 * settings (user, group, user overrides) over it.
 */
export function restrictedContainerSecurityContext(): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    privileged: false,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: [ALL_CAPABILITIES] },
  };
}

/**
 * The JSON patch that sets the pod's seccomp profile to `RuntimeDefault`, which cdk8s-plus-27's
 * `PodSecurityContext` does not model.
 *
 * @param podSpecPath JSON pointer of the PodSpec in the manifest, e.g. `/spec/template/spec`
 */
export function seccompRuntimeDefault(podSpecPath: string): JsonPatch {
  return JsonPatch.add(`${podSpecPath}/securityContext/seccompProfile`, { type: 'RuntimeDefault' });
}
