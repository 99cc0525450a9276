/**
 * Validation of the agent-wide `NodeAgentProps` and their defaults: user and group, capabilities,
 * writable host paths, durations, DNS policy, selector labels and node selector.
 */
import type { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { INT32_MAX, isIntegerIn, isLabelValue, wholeSeconds } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import type { NodeAgentHostPath } from './container-props';
import { LINUX_LABEL, NAME_LABEL, NOBODY } from './defaults';
import type { NodeAgentProps } from './props';
import { NodeAgentCapability } from './security';
import { validateLabels } from './validation';

const CAPABILITIES: string[] = Object.values(NodeAgentCapability);

/** The UID the containers run as, checked against `runAsRoot`. @internal */
export function resolveUser(scope: IConstruct, props: NodeAgentProps, runAsRoot: boolean): number {
  // The API server's range (IsValidUserID in apimachinery pkg/util/validation, 0 to MaxInt32 in
  // 1.27). 0 is in range but needs `runAsRoot`, which the checks below say.
  if (props.runAsUser !== undefined && !isIntegerIn(props.runAsUser, 0, INT32_MAX)) {
    throw new ValidationError(scope, 'runAsUser', 'must be an integer from 0 to 2147483647', props.runAsUser,
      'use a non-root UID such as 65534, or `runAsRoot: true` for UID 0');
  }
  if (runAsRoot) {
    if (props.runAsUser !== undefined && props.runAsUser !== 0) {
      throw new ValidationError(scope, 'runAsUser', 'cannot be combined with `runAsRoot: true`', props.runAsUser, 'drop one of them');
    }
    return 0;
  }
  if (props.runAsUser === 0) {
    throw new ValidationError(scope, 'runAsUser', 'must not be 0 while `runAsNonRoot` is true (the kubelet would refuse to start the containers)', 0,
      'set `runAsRoot: true` to run as root explicitly');
  }
  return props.runAsUser ?? NOBODY;
}

/** The primary GID of the containers. @internal */
export function resolveGroup(scope: IConstruct, props: NodeAgentProps, runAsRoot: boolean): number {
  // IsValidGroupID: 0 to MaxInt32 in 1.27.
  if (props.runAsGroup !== undefined && !isIntegerIn(props.runAsGroup, 0, INT32_MAX)) {
    throw new ValidationError(scope, 'runAsGroup', 'must be an integer from 0 to 2147483647', props.runAsGroup);
  }
  return props.runAsGroup ?? (runAsRoot ? 0 : NOBODY);
}

/** Throws unless every capability is known and the agent runs as root. @internal */
export function checkCapabilities(scope: IConstruct, capabilities: string[], runAsRoot: boolean): void {
  capabilities.forEach((c, i) => {
    if (!CAPABILITIES.includes(c)) {
      throw new ValidationError(scope, `capabilities[${i}]`, 'must be a Linux capability in the Kubernetes spelling (no CAP_ prefix)', c,
        c.startsWith('CAP_') ? `use ${JSON.stringify(c.slice(4))}: the runtime adds the CAP_ prefix itself` : 'use a NodeAgentCapability');
    }
  });
  if (capabilities.length > 0 && !runAsRoot) {
    // A non-root process loses its capabilities at execve unless they are ambient, and
    // Kubernetes sets no ambient capabilities; allowPrivilegeEscalation: false (no_new_privs)
    // also blocks file capabilities. See capabilities(7), "Transformation of capabilities
    // during execve()".
    throw new ValidationError(scope, 'capabilities', 'take effect only for a process running as root', capabilities,
      'set `runAsRoot: true`, or drop the capabilities');
  }
}

/** Throws when a writable host path has no user that can write it. @internal */
export function checkWritableHostPaths(scope: IConstruct, hostPaths: NodeAgentHostPath[], runAsRoot: boolean, runAsUser: number | undefined): void {
  const writable = hostPaths.filter((h) => h.writable);
  if (writable.length > 0 && !runAsRoot && runAsUser === undefined) {
    // Host directories such as /var/log are owned by root (mode 0755); the default UID 65534
    // could not write them and the agent would fail at runtime.
    throw new ValidationError(scope, 'hostPaths', 'writable host paths need a user that can write them', writable.map((h) => h.path),
      'set `runAsRoot: true` for root-owned directories such as /var/log, or `runAsUser` to the UID that owns the directory');
  }
}

/** A Duration prop in whole seconds, or undefined when it is not given. @internal */
export function seconds(scope: IConstruct, prop: string, duration: Duration | undefined): number | undefined {
  return duration === undefined ? undefined : wholeSeconds(scope, prop, duration);
}

/** The pod DNS policy, defaulted for `hostNetwork`. @internal */
export function resolveDnsPolicy(scope: IConstruct, policy: kplus.DnsPolicy | undefined, hostNetwork: boolean): kplus.DnsPolicy {
  if (policy === undefined) {
    return hostNetwork ? kplus.DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET : kplus.DnsPolicy.CLUSTER_FIRST;
  }
  if (!(Object.values(kplus.DnsPolicy) as string[]).includes(policy)) {
    throw new ValidationError(scope, 'dnsPolicy', `must be one of ${Object.values(kplus.DnsPolicy).join(', ')}`, policy);
  }
  if (hostNetwork && policy === kplus.DnsPolicy.CLUSTER_FIRST) {
    // With hostNetwork, ClusterFirst silently falls back to the node's resolv.conf
    // (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy).
    throw new ValidationError(scope, 'dnsPolicy', 'must not be ClusterFirst with `hostNetwork` (it behaves like Default there)', policy,
      'use DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET to resolve cluster names, or DnsPolicy.DEFAULT for the node\'s resolvers');
  }
  return policy;
}

/** The labels selecting the pods: `selectorLabels`, or the agent's name. @internal */
export function resolveSelectorLabels(scope: IConstruct, props: NodeAgentProps, name: string): { [key: string]: string } {
  if (props.selectorLabels !== undefined) {
    if (Object.keys(props.selectorLabels).length === 0) {
      // The DaemonSet controller refuses an empty selector ("This daemon set is selecting all
      // pods. A non-empty selector is required.", pkg/controller/daemon/daemon_controller.go).
      throw new ValidationError(scope, 'selectorLabels', 'must hold at least one label', props.selectorLabels, 'leave it out to use app.kubernetes.io/name');
    }
    validateLabels(scope, 'selectorLabels', props.selectorLabels);
    return { ...props.selectorLabels };
  }
  if (!isLabelValue(name)) {
    throw new ValidationError(scope, 'name', 'must be at most 63 characters when it is also the selector label value', name,
      'shorten the name or give `selectorLabels`');
  }
  return { [NAME_LABEL]: name };
}

/** The `nodeSelector`, with the Linux label unless `linuxOnly` is false. @internal */
export function resolveNodeSelector(scope: IConstruct, props: NodeAgentProps): { [key: string]: string } {
  const selector = { ...(props.nodeSelector ?? {}) };
  validateLabels(scope, 'nodeSelector', selector);
  if (props.linuxOnly ?? true) {
    const os = selector[LINUX_LABEL];
    if (os !== undefined && os !== 'linux') {
      throw new ValidationError(scope, `nodeSelector.${LINUX_LABEL}`, 'conflicts with `linuxOnly` (the default)', os, 'set `linuxOnly: false`');
    }
    selector[LINUX_LABEL] = 'linux';
  }
  return selector;
}
