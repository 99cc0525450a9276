import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { defaultPullPolicy, IMAGE_REFERENCE_RULE, isImageReference } from '../_shared/image';
import { ALL_CAPABILITIES, seccompRuntimeDefault } from '../_shared/security';
import {
  checkContainerProbes,
  checkContainerResources,
  ENV_VAR_NAME_RULE,
  INT32_MAX,
  isAbsolutePathWithoutBacksteps,
  isDns1123Label,
  isDns1123Subdomain,
  isEnvVarName,
  isIntegerIn,
  isLabelValue,
  isPortName,
  isPortNumber,
  isQualifiedName,
  wholeSeconds,
} from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import {
  assessPodSecurity,
  NodeAgentCapability,
  POD_SECURITY_ENFORCE_LABEL,
  PodSecurityAssessment,
  PodSecurityLevel,
} from './security';
import { NodeAgentToleration, renderTolerations } from './tolerations';
import { NodeAgentUpdateStrategy, renderUpdateStrategy } from './update-strategy';
import { QUALIFIED_NAME_SYNTAX, rejectUnknownProps, validateLabels } from './validation';
import {
  nodeLabelQueries,
  NodeSelectorTerm,
  PreferredNodeSelectorTerm,
  preferredNodeLabelQueries,
} from './placement';

/** A container of a node agent. Security settings are agent-wide (see `NodeAgentProps`). */
export interface NodeAgentContainer {
  /** The container image, e.g. `quay.io/prometheus/node-exporter:v1.8.2`. */
  readonly image: string;

  /**
   * The container name, a DNS-1123 label unique within the agent.
   *
   * @default - the agent's name for the first container; required for the others
   */
  readonly name?: string;

  /**
   * The entrypoint, replacing the image's ENTRYPOINT.
   *
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];

  /**
   * Arguments to the entrypoint, replacing the image's CMD.
   *
   * @default - the image's CMD
   */
  readonly args?: string[];

  /**
   * The working directory.
   *
   * @default - the image's WORKDIR
   */
  readonly workingDir?: string;

  /**
   * Environment variables. Use `NodeAgentEnv` for the node's name and IP and the pod's identity
   * (downward API), and `EnvValue.fromSecretValue()` for credentials, never literal secrets.
   *
   * @default - none
   */
  readonly env?: { [name: string]: kplus.EnvValue };

  /**
   * Whole ConfigMaps or Secrets exposed as environment variables.
   *
   * @default - none
   */
  readonly envFrom?: kplus.EnvFrom[];

  /**
   * The ports the container listens on. With `hostNetwork` these are ports of the node: a
   * `hostPort`, if given, must equal the port number. A `hostPort` without `hostNetwork` makes the
   * agent `privileged` under the Pod Security Standards.
   *
   * @default - none
   */
  readonly ports?: kplus.ContainerPort[];

  /**
   * CPU, memory and ephemeral-storage requests and limits. Pass `{}` for none (a BestEffort pod,
   * the first evicted under node pressure). Memory must be whole mebibytes and ephemeral storage
   * whole gibibytes (the units cdk8s-plus-27 writes).
   *
   * @default - requests cpu 100m / memory 100Mi, limits cpu 200m / memory 200Mi
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * The readiness probe. An HTTP or TCP probe must target a port listed in `ports` (cdk8s-plus
   * would otherwise probe port 80).
   *
   * @default - no readiness probe
   */
  readonly readiness?: kplus.Probe;

  /**
   * The liveness probe, with the same port rule as `readiness`.
   *
   * @default - no liveness probe
   */
  readonly liveness?: kplus.Probe;

  /**
   * The startup probe, with the same port rule as `readiness`.
   *
   * @default - no startup probe
   */
  readonly startup?: kplus.Probe;

  /**
   * When the kubelet pulls the image.
   *
   * @default - as Kubernetes defaults it: `Always` for an untagged or `:latest` image,
   * `IfNotPresent` otherwise
   */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;
}

/** A directory or file of the node mounted into every container of the agent. */
export interface NodeAgentHostPath {
  /** The absolute path on the node, e.g. `/var/log`. */
  readonly path: string;

  /**
   * Where the containers see it. Must not be `/`.
   *
   * @default - the same path as on the node
   */
  readonly mountPath?: string;

  /**
   * Mount it read-write. Writing into root-owned host directories such as `/var/log` also needs
   * `runAsRoot: true` (or a `runAsUser` that owns the directory).
   *
   * @default false
   */
  readonly writable?: boolean;

  /**
   * What must exist at the path before the pod starts.
   *
   * @default kplus.HostPathVolumeType.DEFAULT - no check
   */
  readonly type?: kplus.HostPathVolumeType;

  /**
   * Mount propagation. `BIDIRECTIONAL` needs `privileged: true`.
   *
   * @default - none (the container does not see mounts made later on the node)
   */
  readonly propagation?: kplus.MountPropagation;

  /**
   * The pod volume name, a DNS-1123 label.
   *
   * @default - `host-` and the path with '/' turned into '-', e.g. `host-var-log`; `host-root` for `/`
   */
  readonly volumeName?: string;
}

/**
 * One RBAC rule the agent needs against the Kubernetes API, with the fields of a `PolicyRule`.
 * Wildcards (`*`) are refused: list what the agent uses.
 */
export interface NodeAgentApiRule {
  /**
   * The API groups of `resources`; `''` is the core group.
   *
   * @default [''] - the core group
   */
  readonly apiGroups?: string[];

  /**
   * Resource types, e.g. `pods` or `nodes/metrics`. Give either resources or `nonResourceUrls`.
   *
   * @default - none
   */
  readonly resources?: string[];

  /**
   * Restrict the rule to these object names. Cannot restrict `create` or `deletecollection`.
   *
   * @default - every object of the resource types
   */
  readonly resourceNames?: string[];

  /**
   * Non-resource URLs such as `/metrics`.
   *
   * @default - none
   */
  readonly nonResourceUrls?: string[];

  /** Verbs such as `get`, `list`, `watch`, `patch`. */
  readonly verbs: string[];
}

/**
 * The PriorityClass of the agent's pods. Node agents usually need to be scheduled before, and
 * evicted after, ordinary workloads.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
export class NodeAgentPriorityClass {
  /**
   * `system-node-critical` (priority 2000001000), the class of per-node components such as
   * kube-proxy and CNI agents. Some providers only admit it in `kube-system` through a
   * ResourceQuota.
   */
  public static readonly SYSTEM_NODE_CRITICAL = new NodeAgentPriorityClass('system-node-critical');

  /** `system-cluster-critical` (priority 2000000000). */
  public static readonly SYSTEM_CLUSTER_CRITICAL = new NodeAgentPriorityClass('system-cluster-critical');

  /** A PriorityClass of your own, by name. */
  public static of(name: string): NodeAgentPriorityClass {
    return new NodeAgentPriorityClass(name);
  }

  /** The `priorityClassName`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }
}

/** Downward-API environment values for node agents. */
export class NodeAgentEnv {
  /** The name of the node the pod runs on (`spec.nodeName`). */
  public static nodeName(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME);
  }

  /** The primary IP of the node (`status.hostIP`). */
  public static hostIp(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_IP);
  }

  /** The pod's name (`metadata.name`). */
  public static podName(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME);
  }

  /** The pod's namespace (`metadata.namespace`). */
  public static podNamespace(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE);
  }

  /** The pod's IP (`status.podIP`); the node's IP with `hostNetwork`. */
  public static podIp(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_IP);
  }

  /**
   * `NODE_NAME`, `HOST_IP`, `POD_NAME` and `POD_NAMESPACE`, to spread into `env`:
   * `env: { ...NodeAgentEnv.nodeIdentity(), LOG_LEVEL: EnvValue.fromValue('info') }`.
   */
  public static nodeIdentity(): { [name: string]: kplus.EnvValue } {
    return {
      NODE_NAME: NodeAgentEnv.nodeName(),
      HOST_IP: NodeAgentEnv.hostIp(),
      POD_NAME: NodeAgentEnv.podName(),
      POD_NAMESPACE: NodeAgentEnv.podNamespace(),
    };
  }

  private constructor() {}
}

/** Properties of a `NodeAgent`. */
export interface NodeAgentProps {
  /**
   * The DaemonSet name (also the ServiceAccount's), a DNS-1123 subdomain; at most 63 characters
   * when it is also the default selector label value.
   *
   * @default - generated by cdk8s from the construct path
   */
  readonly name?: string;

  /** The agent's containers; at least one. */
  readonly containers: NodeAgentContainer[];

  /**
   * The labels that tie the pods to the DaemonSet (`spec.selector.matchLabels`, also put on the
   * pod template). The selector of a DaemonSet cannot change after creation.
   *
   * @default - `{ 'app.kubernetes.io/name': <name> }`
   */
  readonly selectorLabels?: { [key: string]: string };

  /**
   * Extra labels for the pods, besides the selector labels.
   *
   * @default - none
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * Annotations for the pods.
   *
   * @default - none
   */
  readonly podAnnotations?: { [key: string]: string };

  /**
   * Labels for the DaemonSet, ServiceAccount and RBAC objects themselves.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * The ServiceAccount the pods run as.
   *
   * @default - a new ServiceAccount named like the agent, with `automountServiceAccountToken: false` unless `apiAccess` is given
   */
  readonly serviceAccount?: kplus.IServiceAccount;

  /**
   * What the agent may do through the Kubernetes API. When given, a ClusterRole
   * (`<namespace>-<name>`) with exactly these rules and a ClusterRoleBinding to the ServiceAccount
   * are created and the token is mounted. Needs the chart's namespace (the binding's subject).
   *
   * @default - no API access, no RBAC objects, no token mounted
   */
  readonly apiAccess?: NodeAgentApiRule[];

  /**
   * Mount the ServiceAccount token into the pods.
   *
   * @default - true exactly when `apiAccess` is given
   */
  readonly automountServiceAccountToken?: boolean;

  /**
   * Taints the pods tolerate. See `NodeAgentTolerations` for presets.
   *
   * @default - none beyond those the DaemonSet controller adds to every daemon pod
   */
  readonly tolerations?: NodeAgentToleration[];

  /**
   * Run only on nodes with all these labels (`nodeSelector`), e.g. `{ role: 'gpu-node' }`.
   *
   * @default - every node (on Linux, see `linuxOnly`)
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * Run only on nodes matching at least one of these terms (required node affinity). A node
   * that stops matching loses its agent pod.
   *
   * @default - no required node affinity
   */
  readonly requiredNodeAffinity?: NodeSelectorTerm[];

  /**
   * Preferred node affinity terms with weights.
   *
   * @default - none
   */
  readonly preferredNodeAffinity?: PreferredNodeSelectorTerm[];

  /**
   * Run only on Linux nodes (`nodeSelector` `kubernetes.io/os: linux`, the label every kubelet
   * sets). Set to false for an image that also runs on Windows nodes.
   *
   * @default true
   */
  readonly linuxOnly?: boolean;

  /**
   * Host directories and files mounted into every container, read-only unless `writable`. Any
   * hostPath makes the agent `privileged` under the Pod Security Standards.
   *
   * @default - none
   */
  readonly hostPaths?: NodeAgentHostPath[];

  /**
   * Share the node's network namespace (`hostNetwork`); the DNS policy then defaults to
   * `ClusterFirstWithHostNet` so cluster names still resolve. Makes the agent `privileged`.
   *
   * @default false
   */
  readonly hostNetwork?: boolean;

  /**
   * Share the node's PID namespace (`hostPID`). Makes the agent `privileged`.
   *
   * @default false
   */
  readonly hostPid?: boolean;

  /**
   * Run the containers in privileged mode. Makes the agent `privileged`; privilege escalation is
   * then allowed (Kubernetes rejects privileged with `allowPrivilegeEscalation: false`).
   *
   * @default false
   */
  readonly privileged?: boolean;

  /**
   * Linux capabilities added to the containers (after dropping ALL). They take effect only for
   * a root process, so they require `runAsRoot: true`. Outside Baseline's default set the agent
   * is `privileged`; inside it, `baseline`.
   *
   * @default - none: every capability is dropped
   */
  readonly capabilities?: NodeAgentCapability[];

  /**
   * Run as UID 0 / GID 0 (`runAsNonRoot: false`, `runAsUser: 0`), for agents that write
   * root-owned host directories. Makes the agent at least `baseline`.
   *
   * @default false - runs as `runAsUser` with `runAsNonRoot: true`
   */
  readonly runAsRoot?: boolean;

  /**
   * The UID the containers run as, an integer from 0 to 2147483647 (the API server's range). 0
   * only together with `runAsRoot: true`, which implies it; use `runAsRoot` for root.
   *
   * @default 65534 - nobody
   */
  readonly runAsUser?: number;

  /**
   * The primary GID of the containers.
   *
   * @default - 65534 (nogroup); 0 with `runAsRoot`
   */
  readonly runAsGroup?: number;

  /**
   * Mount the container root filesystem read-only.
   *
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;

  /**
   * Container paths backed by an emptyDir, so the agent can write there (e.g. `/tmp`) while the
   * root filesystem stays read-only. Allowed at every Pod Security level.
   *
   * @default - none
   */
  readonly scratchDirectories?: string[];

  /**
   * The pod DNS policy.
   *
   * @default - `ClusterFirstWithHostNet` with `hostNetwork`, `ClusterFirst` otherwise
   */
  readonly dnsPolicy?: kplus.DnsPolicy;

  /**
   * The PriorityClass of the pods.
   *
   * @default - the cluster's default priority (usually 0)
   */
  readonly priorityClass?: NodeAgentPriorityClass;

  /**
   * How long a new pod must be ready before it counts as available (`minReadySeconds`), in whole
   * seconds.
   *
   * @default Duration.seconds(0)
   */
  readonly minReady?: Duration;

  /**
   * How many old ControllerRevisions to keep for rollback.
   *
   * @default - Kubernetes' default, 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * How pods are replaced when the template changes. Always written to the manifest.
   *
   * @default NodeAgentUpdateStrategy.rollingUpdate() - maxUnavailable 1
   */
  readonly updateStrategy?: NodeAgentUpdateStrategy;

  /**
   * How long a stopping pod may take to shut down, in whole seconds.
   *
   * @default Duration.seconds(30)
   */
  readonly terminationGracePeriod?: Duration;
}

/** The default UID/GID of a node agent: `nobody`/`nogroup`, as the node-exporter chart uses. */
const NOBODY = 65534;
const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(200) },
  memory: { request: Size.mebibytes(100), limit: Size.mebibytes(200) },
};
const CAPABILITIES: string[] = Object.values(NodeAgentCapability);
const HOST_PATH_TYPES: string[] = Object.values(kplus.HostPathVolumeType);
const PROPAGATIONS: string[] = Object.values(kplus.MountPropagation);
const PROP_KEYS: { readonly [K in keyof NodeAgentProps]-?: true } = {
  name: true, containers: true, selectorLabels: true, podLabels: true, podAnnotations: true, labels: true,
  serviceAccount: true, apiAccess: true, automountServiceAccountToken: true, tolerations: true, nodeSelector: true,
  requiredNodeAffinity: true, preferredNodeAffinity: true, linuxOnly: true, hostPaths: true, hostNetwork: true,
  hostPid: true, privileged: true, capabilities: true, runAsRoot: true, runAsUser: true, runAsGroup: true,
  readOnlyRootFilesystem: true, scratchDirectories: true, dnsPolicy: true, priorityClass: true, minReady: true,
  revisionHistoryLimit: true, updateStrategy: true, terminationGracePeriod: true,
};
const CONTAINER_KEYS: { readonly [K in keyof NodeAgentContainer]-?: true } = {
  image: true, name: true, command: true, args: true, workingDir: true, env: true, envFrom: true, ports: true,
  resources: true, readiness: true, liveness: true, startup: true, imagePullPolicy: true,
};
const HOST_PATH_KEYS: { readonly [K in keyof NodeAgentHostPath]-?: true } = {
  path: true, mountPath: true, writable: true, type: true, propagation: true, volumeName: true,
};
const API_RULE_KEYS: { readonly [K in keyof NodeAgentApiRule]-?: true } = {
  apiGroups: true, resources: true, resourceNames: true, nonResourceUrls: true, verbs: true,
};
const LINUX_LABEL = 'kubernetes.io/os';
const NAME_LABEL = 'app.kubernetes.io/name';

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
    const runAsUser = this.resolveUser(props, runAsRoot);
    const runAsGroup = this.resolveGroup(props, runAsRoot);
    this.checkCapabilities(capabilities, runAsRoot);
    const hostPaths = props.hostPaths ?? [];
    this.checkWritableHostPaths(hostPaths, runAsRoot, props.runAsUser);

    const minReadySeconds = this.seconds('minReady', props.minReady);
    const terminationGracePeriod = props.terminationGracePeriod;
    this.seconds('terminationGracePeriod', terminationGracePeriod);
    const dnsPolicy = this.resolveDnsPolicy(props.dnsPolicy, hostNetwork);
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

    this._selectorLabels = this.resolveSelectorLabels(props);
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
    const mounts = this.hostPathMounts(hostPaths, privileged);
    mounts.push(...this.scratchMounts(props.scratchDirectories ?? [], mounts));
    const hostPorts: number[] = [];
    const usedPorts = new Map<string, string>();
    containers.forEach((c, i) => {
      rejectUnknownProps(this, `containers[${i}]`, c, CONTAINER_KEYS);
      this.checkPorts(c, i, hostNetwork, hostPorts, usedPorts);
      const container = this.addContainer(c, i, {
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
    const nodeSelector = this.resolveNodeSelector(props);

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
      const { role, binding } = this.createRbac(apiAccess, props.labels);
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

  // ------------------------------------------------------------------------------------------

  private resolveUser(props: NodeAgentProps, runAsRoot: boolean): number {
    // The API server's range (IsValidUserID in apimachinery pkg/util/validation, 0 to MaxInt32 in
    // 1.27). 0 is in range but needs `runAsRoot`, which the checks below say.
    if (props.runAsUser !== undefined && !isIntegerIn(props.runAsUser, 0, INT32_MAX)) {
      throw new ValidationError(this, 'runAsUser', 'must be an integer from 0 to 2147483647', props.runAsUser,
        'use a non-root UID such as 65534, or `runAsRoot: true` for UID 0');
    }
    if (runAsRoot) {
      if (props.runAsUser !== undefined && props.runAsUser !== 0) {
        throw new ValidationError(this, 'runAsUser', 'cannot be combined with `runAsRoot: true`', props.runAsUser, 'drop one of them');
      }
      return 0;
    }
    if (props.runAsUser === 0) {
      throw new ValidationError(this, 'runAsUser', 'must not be 0 while `runAsNonRoot` is true (the kubelet would refuse to start the containers)', 0,
        'set `runAsRoot: true` to run as root explicitly');
    }
    return props.runAsUser ?? NOBODY;
  }

  private resolveGroup(props: NodeAgentProps, runAsRoot: boolean): number {
    // IsValidGroupID: 0 to MaxInt32 in 1.27.
    if (props.runAsGroup !== undefined && !isIntegerIn(props.runAsGroup, 0, INT32_MAX)) {
      throw new ValidationError(this, 'runAsGroup', 'must be an integer from 0 to 2147483647', props.runAsGroup);
    }
    return props.runAsGroup ?? (runAsRoot ? 0 : NOBODY);
  }

  private checkCapabilities(capabilities: string[], runAsRoot: boolean): void {
    capabilities.forEach((c, i) => {
      if (!CAPABILITIES.includes(c)) {
        throw new ValidationError(this, `capabilities[${i}]`, 'must be a Linux capability in the Kubernetes spelling (no CAP_ prefix)', c,
          c.startsWith('CAP_') ? `use ${JSON.stringify(c.slice(4))}: the runtime adds the CAP_ prefix itself` : 'use a NodeAgentCapability');
      }
    });
    if (capabilities.length > 0 && !runAsRoot) {
      // A non-root process loses its capabilities at execve unless they are ambient, and
      // Kubernetes sets no ambient capabilities; allowPrivilegeEscalation: false (no_new_privs)
      // also blocks file capabilities. See capabilities(7), "Transformation of capabilities
      // during execve()".
      throw new ValidationError(this, 'capabilities', 'take effect only for a process running as root', capabilities,
        'set `runAsRoot: true`, or drop the capabilities');
    }
  }

  private checkWritableHostPaths(hostPaths: NodeAgentHostPath[], runAsRoot: boolean, runAsUser: number | undefined): void {
    const writable = hostPaths.filter((h) => h.writable);
    if (writable.length > 0 && !runAsRoot && runAsUser === undefined) {
      // Host directories such as /var/log are owned by root (mode 0755); the default UID 65534
      // could not write them and the agent would fail at runtime.
      throw new ValidationError(this, 'hostPaths', 'writable host paths need a user that can write them', writable.map((h) => h.path),
        'set `runAsRoot: true` for root-owned directories such as /var/log, or `runAsUser` to the UID that owns the directory');
    }
  }

  private seconds(prop: string, duration: Duration | undefined): number | undefined {
    return duration === undefined ? undefined : wholeSeconds(this, prop, duration);
  }

  private resolveDnsPolicy(policy: kplus.DnsPolicy | undefined, hostNetwork: boolean): kplus.DnsPolicy {
    if (policy === undefined) {
      return hostNetwork ? kplus.DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET : kplus.DnsPolicy.CLUSTER_FIRST;
    }
    if (!(Object.values(kplus.DnsPolicy) as string[]).includes(policy)) {
      throw new ValidationError(this, 'dnsPolicy', `must be one of ${Object.values(kplus.DnsPolicy).join(', ')}`, policy);
    }
    if (hostNetwork && policy === kplus.DnsPolicy.CLUSTER_FIRST) {
      // With hostNetwork, ClusterFirst silently falls back to the node's resolv.conf
      // (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy).
      throw new ValidationError(this, 'dnsPolicy', 'must not be ClusterFirst with `hostNetwork` (it behaves like Default there)', policy,
        'use DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET to resolve cluster names, or DnsPolicy.DEFAULT for the node\'s resolvers');
    }
    return policy;
  }

  private resolveSelectorLabels(props: NodeAgentProps): { [key: string]: string } {
    if (props.selectorLabels !== undefined) {
      if (Object.keys(props.selectorLabels).length === 0) {
        // The DaemonSet controller refuses an empty selector ("This daemon set is selecting all
        // pods. A non-empty selector is required.", pkg/controller/daemon/daemon_controller.go).
        throw new ValidationError(this, 'selectorLabels', 'must hold at least one label', props.selectorLabels, 'leave it out to use app.kubernetes.io/name');
      }
      validateLabels(this, 'selectorLabels', props.selectorLabels);
      return { ...props.selectorLabels };
    }
    if (!isLabelValue(this.name)) {
      throw new ValidationError(this, 'name', 'must be at most 63 characters when it is also the selector label value', this.name,
        'shorten the name or give `selectorLabels`');
    }
    return { [NAME_LABEL]: this.name };
  }

  private resolveNodeSelector(props: NodeAgentProps): { [key: string]: string } {
    const selector = { ...(props.nodeSelector ?? {}) };
    validateLabels(this, 'nodeSelector', selector);
    if (props.linuxOnly ?? true) {
      const os = selector[LINUX_LABEL];
      if (os !== undefined && os !== 'linux') {
        throw new ValidationError(this, `nodeSelector.${LINUX_LABEL}`, 'conflicts with `linuxOnly` (the default)', os, 'set `linuxOnly: false`');
      }
      selector[LINUX_LABEL] = 'linux';
    }
    return selector;
  }

  private hostPathMounts(hostPaths: NodeAgentHostPath[], privileged: boolean): Mount[] {
    const byPath = new Set<string>();
    const volumeNames = new Set<string>();
    const mountPaths = new Set<string>();
    return hostPaths.map((h, i) => {
      const prop = `hostPaths[${i}]`;
      rejectUnknownProps(this, prop, h, HOST_PATH_KEYS);
      if (typeof h.path !== 'string' || !isAbsolutePathWithoutBacksteps(h.path)) {
        throw new ValidationError(this, `${prop}.path`, 'must be an absolute path without ".." segments', h.path, 'e.g. "/var/log"');
      }
      if (byPath.has(h.path)) {
        throw new ValidationError(this, `${prop}.path`, 'must not repeat another host path', h.path);
      }
      byPath.add(h.path);
      const mountPath = h.mountPath ?? h.path;
      this.checkMountPath(`${prop}.mountPath`, mountPath, mountPaths);
      if (h.type !== undefined && !HOST_PATH_TYPES.includes(h.type)) {
        throw new ValidationError(this, `${prop}.type`, `must be one of ${HOST_PATH_TYPES.map((t) => JSON.stringify(t)).join(', ')}`, h.type);
      }
      if (h.propagation !== undefined && !PROPAGATIONS.includes(h.propagation)) {
        throw new ValidationError(this, `${prop}.propagation`, `must be one of ${PROPAGATIONS.join(', ')}`, h.propagation);
      }
      if (h.propagation === kplus.MountPropagation.BIDIRECTIONAL && !privileged) {
        // validateMountPropagation in pkg/apis/core/validation/validation.go.
        throw new ValidationError(this, `${prop}.propagation`, 'Bidirectional is only allowed for privileged containers', h.propagation,
          'set `privileged: true`, or use MountPropagation.HOST_TO_CONTAINER');
      }
      const volumeName = h.volumeName ?? defaultVolumeName('host', h.path);
      this.checkVolumeName(`${prop}.volumeName`, volumeName, volumeNames);
      return {
        volume: kplus.Volume.fromHostPath(this, `HostPath${i}`, volumeName, { path: h.path, type: h.type }),
        mountPath,
        readOnly: !(h.writable ?? false),
        propagation: h.propagation,
      };
    });
  }

  private scratchMounts(paths: string[], existing: Mount[]): Mount[] {
    const mountPaths = new Set(existing.map((m) => m.mountPath));
    const volumeNames = new Set(existing.map((m) => m.volume.name));
    return paths.map((path, i) => {
      const prop = `scratchDirectories[${i}]`;
      this.checkMountPath(prop, path, mountPaths);
      const volumeName = defaultVolumeName('scratch', path);
      this.checkVolumeName(prop, volumeName, volumeNames);
      return { volume: kplus.Volume.fromEmptyDir(this, `Scratch${i}`, volumeName), mountPath: path, readOnly: false };
    });
  }

  private checkMountPath(prop: string, mountPath: string, seen: Set<string>): void {
    if (typeof mountPath !== 'string' || !isAbsolutePathWithoutBacksteps(mountPath) || mountPath === '/') {
      throw new ValidationError(this, prop, 'must be an absolute container path without ".." segments, other than "/"', mountPath,
        'e.g. "/host/root" for the node\'s root filesystem');
    }
    if (seen.has(mountPath)) {
      // The API server rejects two mounts at one path ("must be unique").
      throw new ValidationError(this, prop, 'must not repeat another mount path', mountPath);
    }
    seen.add(mountPath);
  }

  private checkVolumeName(prop: string, name: string, seen: Set<string>): void {
    if (!isDns1123Label(name)) {
      throw new ValidationError(this, prop, 'must be a DNS-1123 label (at most 63 lowercase alphanumerics and "-")', name, 'give `volumeName`');
    }
    if (seen.has(name)) {
      throw new ValidationError(this, prop, 'must not repeat another volume name', name, 'give `volumeName`');
    }
    seen.add(name);
  }

  private addContainer(c: NodeAgentContainer, i: number, sec: SecurityIntent): kplus.Container {
    const prop = `containers[${i}]`;
    if (typeof c.image !== 'string' || !isImageReference(c.image)) {
      throw new ValidationError(this, `${prop}.image`, IMAGE_REFERENCE_RULE, c.image);
    }
    const name = c.name ?? (i === 0 ? this.name : undefined);
    if (name === undefined) {
      throw new ValidationError(this, `${prop}.name`, 'is required for every container but the first', undefined);
    }
    if (!isDns1123Label(name)) {
      throw new ValidationError(this, `${prop}.name`, 'must be a DNS-1123 label (at most 63 lowercase alphanumerics and "-")',
        name, c.name === undefined ? 'the agent name is used by default; give the container a `name`' : undefined);
    }
    for (const key of Object.keys(c.env ?? {})) {
      if (!isEnvVarName(key)) {
        throw new ValidationError(this, `${prop}.env.${key}`, ENV_VAR_NAME_RULE, key);
      }
    }
    const resources = c.resources ?? DEFAULT_RESOURCES;
    checkContainerResources(this, `${prop}.resources`, resources);
    // Privileged mode and CAP_SYS_ADMIN cannot be combined with allowPrivilegeEscalation: false
    // (ValidateSecurityContext in pkg/apis/core/validation/validation.go).
    const mustEscalate = sec.privileged || sec.capabilities.includes(NodeAgentCapability.SYS_ADMIN);
    return this.daemonSet.addContainer({
      name,
      image: c.image,
      command: c.command,
      args: c.args,
      workingDir: c.workingDir,
      envVariables: c.env,
      envFrom: c.envFrom,
      ports: c.ports,
      resources,
      readiness: c.readiness,
      liveness: c.liveness,
      startup: c.startup,
      imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
      securityContext: {
        ensureNonRoot: !sec.runAsRoot,
        privileged: sec.privileged,
        readOnlyRootFilesystem: sec.readOnlyRootFilesystem,
        allowPrivilegeEscalation: mustEscalate,
        // Kubernetes spelling without CAP_ (see NodeAgentCapability); the cdk8s-plus converter
        // passes these strings through unchanged.
        capabilities: sec.privileged ? undefined : {
          drop: [ALL_CAPABILITIES],
          add: sec.capabilities.length > 0 ? sec.capabilities.map((cap) => cap as string as kplus.Capability) : undefined,
        },
      },
    });
  }

  private checkPorts(c: NodeAgentContainer, i: number, hostNetwork: boolean, hostPorts: number[], used: Map<string, string>): void {
    const names = new Set<string>();
    const numbers = new Set<string>();
    (c.ports ?? []).forEach((p, j) => {
      const prop = `containers[${i}].ports[${j}]`;
      if (!isPortNumber(p.number)) {
        throw new ValidationError(this, `${prop}.number`, 'must be an integer from 1 to 65535', p.number);
      }
      if (p.name !== undefined) {
        if (!isPortName(p.name)) {
          throw new ValidationError(this, `${prop}.name`, 'must be an IANA service name: at most 15 lowercase alphanumerics and "-", with a letter', p.name);
        }
        if (names.has(p.name)) throw new ValidationError(this, `${prop}.name`, 'must be unique within the container', p.name);
        names.add(p.name);
      }
      const protocol = p.protocol ?? kplus.Protocol.TCP;
      const numberKey = `${p.number}/${protocol}`;
      if (numbers.has(numberKey)) throw new ValidationError(this, `${prop}.number`, 'must be unique per protocol within the container', numberKey);
      numbers.add(numberKey);
      if (p.hostPort !== undefined && p.hostPort !== 0) {
        if (!isPortNumber(p.hostPort)) {
          throw new ValidationError(this, `${prop}.hostPort`, 'must be an integer from 1 to 65535', p.hostPort);
        }
        if (hostNetwork && p.hostPort !== p.number) {
          // validateHostNetwork in pkg/apis/core/validation/validation.go.
          throw new ValidationError(this, `${prop}.hostPort`, 'must equal the port number with `hostNetwork`', p.hostPort, `leave it out or set it to ${p.number}`);
        }
        if (!hostNetwork) hostPorts.push(p.hostPort);
      }
      // With hostNetwork every declared port is a node port (its hostPort defaults to the port,
      // SetDefaults_Pod); two containers cannot hold the same one (AccumulateUniqueHostPorts).
      const hostKey = hostNetwork ? numberKey : p.hostPort ? `${p.hostPort}/${protocol}/${p.hostIp ?? ''}` : undefined;
      if (hostKey !== undefined) {
        const owner = used.get(hostKey);
        if (owner !== undefined && owner !== `containers[${i}]`) {
          throw new ValidationError(this, `${prop}`, `must not use the node port of ${owner}`, hostKey);
        }
        used.set(hostKey, `containers[${i}]`);
      }
    });
  }

  private createRbac(rules: NodeAgentApiRule[], labels: { [key: string]: string } | undefined): { role: kplus.ClusterRole; binding: kplus.ClusterRoleBinding } {
    const subject = this.serviceAccount.toSubjectConfiguration();
    if (!subject.namespace) {
      // A ClusterRoleBinding subject of kind ServiceAccount needs a namespace
      // (ValidateRoleBindingSubject in pkg/apis/rbac/validation/validation.go).
      throw new ValidationError(this, 'apiAccess', 'needs the namespace of the ServiceAccount for the ClusterRoleBinding subject', subject.namespace,
        'create the chart with a `namespace`, or pass a ServiceAccount imported with `namespaceName`');
    }
    const roleName = `${subject.namespace}-${this.name}`;
    if (!isDns1123Subdomain(roleName)) {
      throw new ValidationError(this, 'name', 'must leave room for the ClusterRole name <namespace>-<name> (a DNS-1123 subdomain)', roleName);
    }
    const metadata = { name: roleName, ...(labels ? { labels } : {}) };
    const role = new kplus.ClusterRole(this, 'ClusterRole', { metadata });
    rules.forEach((rule, i) => {
      const endpoints = this.ruleEndpoints(`apiAccess[${i}]`, rule);
      role.allow([...rule.verbs], ...endpoints);
    });
    const binding = new kplus.ClusterRoleBinding(this, 'ClusterRoleBinding', { metadata, role });
    binding.addSubjects(this.serviceAccount);
    // Cluster-scoped objects take no namespace; cdk8s copies the chart's onto every object.
    ApiObject.of(role).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    ApiObject.of(binding).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    return { role, binding };
  }

  private ruleEndpoints(prop: string, rule: NodeAgentApiRule): kplus.IApiEndpoint[] {
    rejectUnknownProps(this, prop, rule, API_RULE_KEYS);
    const verbs = rule.verbs ?? [];
    const resources = rule.resources ?? [];
    const urls = rule.nonResourceUrls ?? [];
    const groups = rule.apiGroups ?? [''];
    const names = rule.resourceNames ?? [];
    if (verbs.length === 0) throw new ValidationError(this, `${prop}.verbs`, 'must hold at least one verb', verbs);
    const wildcard = [...verbs, ...resources, ...urls, ...groups, ...names].find((v) => v.includes('*'));
    if (wildcard !== undefined) {
      throw new ValidationError(this, prop, 'must not use wildcards (least privilege: list the verbs and resources the agent uses)', wildcard);
    }
    if ((resources.length > 0) === (urls.length > 0)) {
      throw new ValidationError(this, prop, 'must give either `resources` or `nonResourceUrls`', { resources, nonResourceUrls: urls });
    }
    if (urls.length > 0) {
      if (rule.apiGroups !== undefined || names.length > 0) {
        throw new ValidationError(this, prop, '`apiGroups` and `resourceNames` do not apply to `nonResourceUrls`', rule);
      }
      urls.forEach((u, j) => {
        if (!u.startsWith('/')) throw new ValidationError(this, `${prop}.nonResourceUrls[${j}]`, 'must start with "/"', u);
      });
      return urls.map((u) => kplus.NonApiResource.of(u));
    }
    if (groups.length === 0) throw new ValidationError(this, `${prop}.apiGroups`, 'must hold at least one group (\'\' is the core group)', groups);
    if (names.length > 0) {
      const unrestrictable = verbs.filter((v) => v === 'create' || v === 'deletecollection');
      if (unrestrictable.length > 0) {
        // https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
        throw new ValidationError(this, `${prop}.resourceNames`, 'cannot restrict `create` or `deletecollection` (RBAC ignores names for them)', unrestrictable,
          'put those verbs in a separate rule without resourceNames');
      }
    }
    const endpoints: kplus.IApiEndpoint[] = [];
    for (const apiGroup of groups) {
      for (const resourceType of resources) {
        for (const resourceName of names.length > 0 ? names : [undefined]) {
          endpoints.push(new RuleEndpoint(apiGroup, resourceType, resourceName));
        }
      }
    }
    return endpoints;
  }
}

interface Mount {
  readonly volume: kplus.Volume;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly propagation?: kplus.MountPropagation;
}

interface SecurityIntent {
  readonly runAsRoot: boolean;
  readonly privileged: boolean;
  readonly capabilities: string[];
  readonly readOnlyRootFilesystem: boolean;
}

/** An RBAC resource endpoint (group, type, optional name) for cdk8s-plus `ClusterRole.allow()`. */
class RuleEndpoint implements kplus.IApiEndpoint {
  public constructor(private readonly apiGroup: string, private readonly resourceType: string, private readonly resourceName?: string) {}

  public asApiResource(): kplus.IApiResource {
    // cdk8s-plus writes apiGroup 'core' as ''.
    return { apiGroup: this.apiGroup, resourceType: this.resourceType, resourceName: this.resourceName };
  }

  public asNonApiResource(): string | undefined {
    return undefined;
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

/** `host-var-log` for `/var/log`, `host-root` for `/`. */
function defaultVolumeName(prefix: string, path: string): string {
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${slug === '' ? 'root' : slug}`.slice(0, 63).replace(/-+$/, '');
}
