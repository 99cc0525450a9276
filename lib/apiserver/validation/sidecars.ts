/**
 * Sidecar-container admission rules (KEP-753, gate SidecarContainers: alpha 1.28, beta and on 1.29,
 * GA 1.33), ported from `pkg/apis/core/validation/validation.go` as of 1.28+:
 * - `validateInitContainerRestartPolicy`: an init container's `restartPolicy` may only be
 *   `Always` (`Unsupported value: "OnFailure": supported values: "Always"`);
 * - `validateContainers`: a regular container may not set it (`Forbidden: may not be set for
 *   non-init containers`);
 * - `validateInitContainers`: a restartable init container may have `lifecycle` and liveness,
 *   readiness and startup probes (validated as for regular containers); other init containers may
 *   not, now worded `may not be set for init containers without restartPolicy=Always`.
 *
 * With the gate off the field does not exist (dropped on create, `dropDisabledFields`), so none of
 * this applies. Hook (not wired here): `validateContainerList` (containers.ts) calls
 * {@link validateContainerRestartPolicy} per container and asks {@link initContainerMayHaveProbes}
 * before forbidding lifecycle/probes on an init container, using
 * {@link initContainerForbiddenDetail} for the message.
 */
import type { FieldErrors, Obj } from './field';

/** `IsRestartableInitContainer`: an init container with `restartPolicy: Always`, the gate on. */
export function isRestartableInitContainer(c: Obj, sidecarsEnabled: boolean): boolean {
  return sidecarsEnabled && c.restartPolicy === 'Always';
}

/** The container restart policies an init container may set (`core.ContainerRestartPolicyAlways`). */
export const INIT_CONTAINER_RESTART_POLICIES: readonly string[] = ['Always'];

/**
 * The `restartPolicy` rules of one container at `at` (`spec.initContainers[0]`): see the module
 * comment. Nothing when the gate is off (the field is dropped) or the field is unset.
 */
export function validateContainerRestartPolicy(c: Obj, kind: 'containers' | 'initContainers', at: string, sidecarsEnabled: boolean, errs: FieldErrors): void {
  if (!sidecarsEnabled || c.restartPolicy === undefined || c.restartPolicy === null) return;
  if (kind === 'containers') {
    errs.forbidden(`${at}.restartPolicy`, 'may not be set for non-init containers', 'only init containers can be sidecars (restartPolicy: Always); remove it');
    return;
  }
  if (!INIT_CONTAINER_RESTART_POLICIES.includes(c.restartPolicy)) {
    errs.notSupported(`${at}.restartPolicy`, c.restartPolicy, INIT_CONTAINER_RESTART_POLICIES, 'set Always to make it a sidecar, or remove it for an ordinary init container');
  }
}

/** Whether an init container may set lifecycle and probes: only a restartable one (`validateInitContainers` `case restartAlways`). */
export function initContainerMayHaveProbes(c: Obj, sidecarsEnabled: boolean): boolean {
  return isRestartableInitContainer(c, sidecarsEnabled);
}

/** The Forbidden detail for lifecycle/probes on an init container: 1.28+ names the sidecar way out. */
export function initContainerForbiddenDetail(sidecarsEnabled: boolean): string {
  return sidecarsEnabled ? 'may not be set for init containers without restartPolicy=Always' : 'may not be set for init containers';
}
