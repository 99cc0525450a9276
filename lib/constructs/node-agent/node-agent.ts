/** The `NodeAgent` construct: a DaemonSet with its ServiceAccount and optional RBAC, assembled from its props. */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { seccompRuntimeDefault } from '../_shared/security';
import { checkContainerProbes, INT32_MAX, isDns1123Subdomain, isIntegerIn, isQualifiedName } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { addContainer, checkPorts } from './containers';
import { nodeLabelQueries, preferredNodeLabelQueries } from './placement';
import { CONTAINER_KEYS, PROP_KEYS } from './prop-keys';
import type { NodeAgentProps } from './props';
import { createRbac } from './rbac';
import {
  checkCapabilities,
  checkWritableHostPaths,
  resolveDnsPolicy,
  resolveGroup,
  resolveNodeSelector,
  resolveSelectorLabels,
  resolveUser,
  seconds,
} from './resolve-props';
import { assessPodSecurity, POD_SECURITY_ENFORCE_LABEL, PodSecurityAssessment, PodSecurityLevel } from './security';
import { renderTolerations } from './tolerations';
import { NodeAgentUpdateStrategy, renderUpdateStrategy } from './update-strategy';
import { QUALIFIED_NAME_SYNTAX, rejectUnknownProps, validateLabels } from './validation';
import { hostPathMounts, scratchMounts } from './volumes';

/**
 * A node agent: one pod on every eligible node, for log collectors, metrics exporters and
 * CNI/CSI helpers. It creates:
 *
 * - a cdk8s-plus `DaemonSet` (child `Resource`, so `ApiObject.of(agent)` reaches it) with an
 *   explicit update strategy, Linux-only placement, and a pod securityContext as tight as the
 *   requested privileges allow: non-root UID 65534, read-only root filesystem, every capability
 *   dropped, no privilege escalation, seccomp `RuntimeDefault`;
 * - a `ServiceAccount` whose token is not mounted, unless `apiAccess` asks for API access, in
 *   which case a `ClusterRole` with exactly those rules and a `ClusterRoleBinding` are added.
 *
 * Every host privilege is opt-in and visible in the props: hostPath mounts (read-only unless
 * `writable`), `hostNetwork`, `hostPid`, `privileged`, `capabilities`, `runAsRoot`.
 * `podSecurityLevel` says which Pod Security Standards level the result needs, so the namespace
 * can be labelled `pod-security.kubernetes.io/enforce: <level>` (see `podSecurityLabels`).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export class NodeAgent extends Construct {
  /** The DaemonSet. */
  public readonly daemonSet: kplus.DaemonSet;

  /** The ServiceAccount the pods run as (created unless one was given). */
  public readonly serviceAccount: kplus.IServiceAccount;

  /** The ClusterRole holding `apiAccess`, when given. */
  public readonly clusterRole?: kplus.ClusterRole;

  /** The ClusterRoleBinding of `clusterRole` to the ServiceAccount, when `apiAccess` is given. */
  public readonly clusterRoleBinding?: kplus.ClusterRoleBinding;

  /** The DaemonSet name. */
  public readonly name: string;

  /** The labels selecting the agent's pods. Returns a copy. */
  public get selectorLabels(): { [key: string]: string } {
    return { ...this._selectorLabels };
  }

  /** The effective update strategy. */
  public readonly updateStrategy: NodeAgentUpdateStrategy;

  /** Whether the pods run as UID 0. */
  public readonly runsAsRoot: boolean;

  private readonly _selectorLabels: { [key: string]: string };
  private readonly security: PodSecurityAssessment;

  public constructor(scope: Construct, id: string, props: NodeAgentProps) {
    super(scope, id);
    rejectUnknownProps(this, '', props, PROP_KEYS);

    const containers = props.containers ?? [];
    if (containers.length === 0) {
      throw new ValidationError(this, 'containers', 'must hold at least one container', containers);
    }
    if (props.name !== undefined && !isDns1123Subdomain(props.name)) {
      throw new ValidationError(this, 'name', 'must be a DNS-1123 subdomain: at most 253 lowercase alphanumerics, "-" and ".", starting and ending alphanumeric', props.name);
    }

    // --- identity and security intent ------------------------------------------------------
    const runAsRoot = props.runAsRoot ?? false;
    this.runsAsRoot = runAsRoot;
    const privileged = props.privileged ?? false;
    const hostNetwork = props.hostNetwork ?? false;
    const hostPid = props.hostPid ?? false;
    const capabilities = [...(props.capabilities ?? [])];
    const runAsUser = resolveUser(this, props, runAsRoot);
    const runAsGroup = resolveGroup(this, props, runAsRoot);
    checkCapabilities(this, capabilities, runAsRoot);
    const hostPaths = props.hostPaths ?? [];
    checkWritableHostPaths(this, hostPaths, runAsRoot, props.runAsUser);

    const minReadySeconds = seconds(this, 'minReady', props.minReady);
    const terminationGracePeriod = props.terminationGracePeriod;
    seconds(this, 'terminationGracePeriod', terminationGracePeriod);
    const dnsPolicy = resolveDnsPolicy(this, props.dnsPolicy, hostNetwork);
    this.updateStrategy = props.updateStrategy ?? NodeAgentUpdateStrategy.rollingUpdate();
    const updateStrategy = renderUpdateStrategy(this, 'updateStrategy', this.updateStrategy);
    if (props.revisionHistoryLimit !== undefined && !isIntegerIn(props.revisionHistoryLimit, 0, INT32_MAX)) {
      throw new ValidationError(this, 'revisionHistoryLimit', 'must be a non-negative integer', props.revisionHistoryLimit);
    }
    if (props.priorityClass !== undefined && !isDns1123Subdomain(props.priorityClass.name)) {
      throw new ValidationError(this, 'priorityClass', 'must name a PriorityClass with a DNS-1123 subdomain', props.priorityClass.name);
    }

    const apiAccess = props.apiAccess ?? [];
    const automount = props.automountServiceAccountToken ?? apiAccess.length > 0;
    if (apiAccess.length > 0 && !automount) {
      throw new ValidationError(this, 'automountServiceAccountToken', 'cannot be false when `apiAccess` is given (the agent needs its token to call the API)', false,
        'drop `automountServiceAccountToken`, or mount a projected token yourself and drop `apiAccess`');
    }

    // --- the DaemonSet ---------------------------------------------------------------------
    this.daemonSet = new kplus.DaemonSet(this, 'Resource', {
      // Only set keys that have values: cdk8s spreads `metadata` over the generated name.
      metadata: { ...(props.name !== undefined ? { name: props.name } : {}), ...(props.labels ? { labels: props.labels } : {}) },
      select: false,
      podMetadata: { annotations: props.podAnnotations },
      minReadySeconds,
      terminationGracePeriod,
      automountServiceAccountToken: automount,
      hostNetwork: hostNetwork ? true : undefined,
      dns: { policy: dnsPolicy },
      securityContext: { ensureNonRoot: !runAsRoot, user: runAsUser, group: runAsGroup },
    });
    this.name = this.daemonSet.name;

    this._selectorLabels = resolveSelectorLabels(this, props, this.name);
    const podLabels = { ...(props.podLabels ?? {}) };
    validateLabels(this, 'podLabels', podLabels);
    for (const [key, value] of Object.entries(podLabels)) {
      if (key in this._selectorLabels && this._selectorLabels[key] !== value) {
        throw new ValidationError(this, `podLabels.${key}`, 'must not change a selector label (the selector would no longer match the pods)', value,
          `drop it, or set it in \`selectorLabels\` (now ${JSON.stringify(this._selectorLabels[key])})`);
      }
    }
    for (const [key, value] of Object.entries({ ...podLabels, ...this._selectorLabels })) {
      this.daemonSet.podMetadata.addLabel(key, value);
    }
    this.daemonSet.select(kplus.LabelSelector.of({ labels: this._selectorLabels }));
    if (props.labels) validateLabels(this, 'labels', props.labels);
    for (const key of Object.keys(props.podAnnotations ?? {})) {
      if (!isQualifiedName(key)) {
        throw new ValidationError(this, 'podAnnotations', `keys must be valid annotation keys (${QUALIFIED_NAME_SYNTAX})`, key);
      }
    }

    // --- volumes and containers ------------------------------------------------------------
    const mounts = hostPathMounts(this, hostPaths, privileged);
    mounts.push(...scratchMounts(this, props.scratchDirectories ?? [], mounts));
    const hostPorts: number[] = [];
    const usedPorts = new Map<string, string>();
    containers.forEach((c, i) => {
      rejectUnknownProps(this, `containers[${i}]`, c, CONTAINER_KEYS);
      checkPorts(this, c, i, hostNetwork, hostPorts, usedPorts);
      const container = addContainer(this, this.daemonSet, this.name, c, i, {
        runAsRoot, privileged, capabilities, readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
      });
      for (const m of mounts) {
        container.mount(m.mountPath, m.volume, { readOnly: m.readOnly, propagation: m.propagation });
      }
      checkContainerProbes(this, `containers[${i}]`, container, c);
    });
    const names = new Set<string>();
    this.daemonSet.containers.forEach((c, i) => {
      if (names.has(c.name)) {
        throw new ValidationError(this, `containers[${i}].name`, 'must be unique within the agent', c.name);
      }
      names.add(c.name);
    });
    if (this.updateStrategy.surges && (hostPorts.length > 0 || (hostNetwork && usedPorts.size > 0))) {
      // KEP-1591 (keps/sig-apps/1591-daemonset-surge): a surge pod that needs the same host port
      // as the old pod on its node cannot be scheduled there, so the rollout never progresses.
      throw new ValidationError(this, 'updateStrategy.maxSurge', 'cannot be combined with host ports (the new pod could not bind the port the old pod holds)',
        hostNetwork ? 'hostNetwork with declared ports' : `hostPort ${hostPorts.join(', ')}`, 'use maxUnavailable instead');
    }

    // --- placement -------------------------------------------------------------------------
    const tolerations = renderTolerations(this, 'tolerations', props.tolerations ?? []);
    if (tolerations.length > 0) {
      this.daemonSet.scheduling.tolerate(new kplus.TaintedNode(tolerations.map(exactToleration)));
    }
    (props.requiredNodeAffinity ?? []).forEach((term, i) => {
      this.daemonSet.scheduling.attract(new kplus.LabeledNode(nodeLabelQueries(this, `requiredNodeAffinity[${i}]`, term)));
    });
    (props.preferredNodeAffinity ?? []).forEach((term, i) => {
      const queries = preferredNodeLabelQueries(this, `preferredNodeAffinity[${i}]`, term);
      this.daemonSet.scheduling.attract(new kplus.LabeledNode(queries), { weight: term.weight });
    });
    const nodeSelector = resolveNodeSelector(this, props);

    // --- fields cdk8s-plus-27 does not model: JSON patches, in the shape its converters read -
    // (k8s.* property names such as `hostPid`; IntOrString objects), asserted on the YAML in tests.
    const resource = ApiObject.of(this.daemonSet);
    resource.addJsonPatch(JsonPatch.add('/spec/updateStrategy', updateStrategy));
    resource.addJsonPatch(seccompRuntimeDefault('/spec/template/spec'));
    if (props.revisionHistoryLimit !== undefined) {
      resource.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', props.revisionHistoryLimit));
    }
    if (hostPid) resource.addJsonPatch(JsonPatch.add('/spec/template/spec/hostPid', true));
    if (props.priorityClass) resource.addJsonPatch(JsonPatch.add('/spec/template/spec/priorityClassName', props.priorityClass.name));
    if (Object.keys(nodeSelector).length > 0) resource.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', nodeSelector));

    // --- identity: ServiceAccount and RBAC -------------------------------------------------
    this.serviceAccount = props.serviceAccount ?? new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name: this.name, ...(props.labels ? { labels: props.labels } : {}) },
      automountToken: automount,
    });
    // cdk8s-plus takes the ServiceAccount only as a constructor prop, while the default name is
    // known only once the DaemonSet exists; its `serviceAccount` is a plain field read lazily by
    // `_toPodSpec()`, so set it here, before anything reads it.
    Object.assign(this.daemonSet, { serviceAccount: this.serviceAccount });
    if (apiAccess.length > 0) {
      const { role, binding } = createRbac(this, this.serviceAccount, this.name, apiAccess, props.labels);
      this.clusterRole = role;
      this.clusterRoleBinding = binding;
    }

    this.security = assessPodSecurity({
      hostPaths: hostPaths.map((h) => h.path),
      hostNetwork,
      hostPid,
      privileged,
      capabilities,
      hostPorts,
      runAsRoot,
    });
  }

  /**
   * The most restrictive Pod Security Standards level that admits the agent's pods, computed
   * from the privileges requested:
   *
   * - `privileged` with any hostPath, `hostNetwork`, `hostPid`, `privileged`, a host port or a
   *   capability outside Baseline's default set;
   * - otherwise `baseline` with `runAsRoot` or a capability other than `NET_BIND_SERVICE`;
   * - otherwise `restricted`.
   *
   * Label the namespace with it (`podSecurityLabels`), or Pod Security Admission rejects the
   * pods the DaemonSet controller creates (enforce mode applies to pods, not to the DaemonSet, so
   * the failure shows only as FailedCreate events).
   */
  public get podSecurityLevel(): PodSecurityLevel {
    return this.security.level;
  }

  /** Why the agent needs more than `restricted`: one sentence per privilege. Returns a copy. */
  public get podSecurityReasons(): string[] {
    return [...this.security.reasons];
  }

  /**
   * The namespace label that admits the agent: `{ 'pod-security.kubernetes.io/enforce': <level> }`.
   * Put it on the agent's Namespace (a namespace without the label admits everything unless the
   * cluster sets a default).
   */
  public get podSecurityLabels(): { [key: string]: string } {
    return { [POD_SECURITY_ENFORCE_LABEL]: this.security.level };
  }
}

/**
 * Adapts an exact Kubernetes toleration to cdk8s-plus `PodScheduling.tolerate()`, which renders
 * each query through `_toKube()` (cdk8s-plus-27 src/pod.ts). `NodeTaintQuery` cannot express a
 * key-less `Exists` with an effect (`NodeAgentTolerations.noSchedule()`) and always writes
 * `operator: Equal` and a value; going through `tolerate()` rather than a JSON patch keeps
 * tolerations added later via `daemonSet.scheduling.tolerate()`. Tests pin the YAML.
 */
function exactToleration(t: kplus.k8s.Toleration): kplus.NodeTaintQuery {
  return { _toKube: () => t } as unknown as kplus.NodeTaintQuery;
}
