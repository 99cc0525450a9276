import { ApiObject, Chart, Duration, JsonPatch, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { defaultPullPolicy, IMAGE_REFERENCE_RULE, imageTag, isImageReference } from '../_shared/image';
import { restrictedContainerSecurityContext, seccompRuntimeDefault } from '../_shared/security';
import {
  checkContainerResources, checkProbePort, checkProbeTiming, CONFIG_KEY_SYNTAX, ENV_VAR_NAME_RULE, INT32_MAX, isConfigKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isEnvVarName, isIntegerIn, isLabelValue,
  isPortName, isPortNumber, isQualifiedName, parseQuantity, ProbeRole, quantityHint, wholeSeconds,
} from '../_shared/validation';
import { DatabaseEngine, DatabaseProbe, DatabaseProbeKind, SecretKeyReference } from './database-engine';
import { ClaimRetention, DatabaseStorage, DatabaseStorageKind } from './database-storage';
import { ValidationError } from '../_shared/errors';

/** The kinds of {@link DatabaseUpdateStrategy}. */
export enum DatabaseUpdateStrategyType {
  /** The controller replaces pods itself, highest ordinal first, one at a time. */
  ROLLING_UPDATE = 'RollingUpdate',
  /** Pods get the new template only when someone deletes them. */
  ON_DELETE = 'OnDelete',
}

/** Options for {@link DatabaseUpdateStrategy.rollingUpdate}. */
export interface DatabaseRollingUpdateOptions {
  /**
   * Only pods whose ordinal is at or above the partition are updated; the others keep (and are
   * recreated at) the previous revision. Use it for canaries: with 3 replicas, partition 2
   * updates only `<name>-2` (seed 000). A partition at or above `replicas` is legal and means
   * "update nothing yet": template changes are recorded but no pod is replaced.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
   * @default 0
   */
  readonly partition?: number;
}

/**
 * How template changes reach the pods (`spec.updateStrategy`).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export class DatabaseUpdateStrategy {
  /**
   * The controller deletes and recreates pods from the highest ordinal down, one at a time,
   * waiting for each updated pod to be Running and Ready before the next.
   *
   * @param options the partition
   */
  public static rollingUpdate(options: DatabaseRollingUpdateOptions = {}): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy(DatabaseUpdateStrategyType.ROLLING_UPDATE, options.partition ?? 0);
  }

  /** The controller never replaces pods for an update; delete a pod to update it. */
  public static onDelete(): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy(DatabaseUpdateStrategyType.ON_DELETE, undefined);
  }

  private constructor(
    /** RollingUpdate or OnDelete. */
    public readonly type: DatabaseUpdateStrategyType,
    /** The partition of a rolling update. */
    public readonly partition: number | undefined,
  ) {}
}

/** How pods of one database are kept apart across nodes. */
export enum PodAntiAffinity {
  /** Prefer different nodes (`preferredDuringScheduling…`, weight 100); co-locate when there is no choice. */
  SOFT = 'soft',
  /** Require different nodes (`requiredDuringScheduling…`): a pod stays Pending rather than share a node. */
  HARD = 'hard',
  /** No anti-affinity. */
  NONE = 'none',
}

/** What the scheduler does when a topology spread constraint cannot be met (`whenUnsatisfiable`). */
export enum WhenUnsatisfiable {
  /** Leave the pod Pending. */
  DO_NOT_SCHEDULE = 'DoNotSchedule',
  /** Schedule it anyway, preferring placements that reduce the skew. */
  SCHEDULE_ANYWAY = 'ScheduleAnyway',
}

/** One `topologySpreadConstraint` over the database's own pods. */
export interface TopologySpread {
  /** The node label that defines the domains, e.g. `Topology.ZONE`. */
  readonly topology: kplus.Topology;

  /**
   * The largest allowed difference in pod count between two domains.
   *
   * @default 1
   */
  readonly maxSkew?: number;

  /**
   * What to do when the constraint cannot be met.
   *
   * @default WhenUnsatisfiable.DO_NOT_SCHEDULE
   */
  readonly whenUnsatisfiable?: WhenUnsatisfiable;
}

/** Options for the database's NetworkPolicy. */
export interface DatabaseNetworkPolicyOptions {
  /**
   * Who may connect to the database port, e.g. `Pods.select(scope, 'Api', { labels: { app: 'api' } })`,
   * a cdk8s-plus workload, or an `NetworkPolicyIpBlock`. The database's own pods may always reach
   * each other on every port (replication).
   */
  readonly allowFrom: kplus.INetworkPolicyPeer[];
}

/** An init container of a {@link StatefulDatabase}. */
export interface DatabaseInitContainer extends kplus.ContainerProps {
  /**
   * Mount the data volume at the engine's data path, e.g. to restore or clone data before the
   * server starts.
   *
   * @default false
   */
  readonly mountData?: boolean;
}

/** Properties of a {@link StatefulDatabase}. */
export interface StatefulDatabaseProps {
  /** The server: image, port, data path, user, probes. */
  readonly engine: DatabaseEngine;

  /**
   * The StatefulSet name, which prefixes every pod (`<name>-0`) and claim (`data-<name>-0`). At
   * most 52 characters: the controller labels each pod with `controller-revision-hash:
   * <name>-<hash>`, the hash has up to 10 characters and a label value at most 63, so a longer
   * name makes pod creation fail although the API server accepts the StatefulSet.
   *
   * @default - the construct id, lowercased, with characters other than a-z, 0-9 and '-' replaced by '-'
   */
  readonly name?: string;

  /**
   * The image, to override the engine's pinned default.
   *
   * @default - the engine's image
   */
  readonly image?: string;

  /**
   * Number of pods.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Where the data lives.
   *
   * @default - DatabaseStorage.persistent({ size: Size.gibibytes(10) }): a 10 GiB ReadWriteOnce claim per pod from the default StorageClass, retained
   */
  readonly storage?: DatabaseStorage;

  /**
   * The existing Secret key holding the password; every variable of `engine.passwordEnvs` reads
   * it through `secretKeyRef`. Required by PostgreSQL, MySQL and MongoDB.
   *
   * @default - no password (only for engines that accept that)
   */
  readonly passwordSecret?: SecretKeyReference;

  /**
   * The headless Service that gives each pod its DNS name
   * (`<name>-<ordinal>.<headlessServiceName>.<namespace>.svc.<clusterDomain>`) and is the
   * StatefulSet's `serviceName`. It publishes not-ready addresses so peers find each other
   * before they are ready.
   *
   * @default - `<name>-headless`
   */
  readonly headlessServiceName?: string;

  /**
   * Create a ClusterIP Service that balances clients over the ready pods.
   *
   * @default true
   */
  readonly clientService?: boolean;

  /**
   * The client Service name.
   *
   * @default - `name`, or `<name>-client` when the headless Service is called `name`
   */
  readonly clientServiceName?: string;

  /**
   * Whether pods are created and deleted one at a time in ordinal order (OrderedReady) or all at
   * once (Parallel). Only affects scaling, not updates.
   *
   * @default PodManagementPolicy.ORDERED_READY
   */
  readonly podManagementPolicy?: kplus.PodManagementPolicy;

  /**
   * How template changes reach the pods.
   *
   * @default DatabaseUpdateStrategy.rollingUpdate()
   */
  readonly updateStrategy?: DatabaseUpdateStrategy;

  /**
   * How long a new pod must be Ready before it counts as available (and, with OrderedReady, before
   * the next pod is created or updated). Whole seconds.
   *
   * @default Duration.seconds(0)
   */
  readonly minReady?: Duration;

  /**
   * The ordinal of the first pod (`spec.ordinals.start`, beta and on in 1.27): pods are
   * `<name>-<start>` … `<name>-<start + replicas - 1>`. With a rolling-update partition, the
   * 1.27 controller compares the partition with a pod's position (ordinal − start), not with its
   * ordinal (pkg/controller/statefulset/stateful_set_control.go, `updateStatefulSet`).
   *
   * @default 0
   */
  readonly ordinalsStart?: number;

  /**
   * Arguments appended to the engine's arguments, e.g. `['--appendonly', 'yes']` for Redis.
   *
   * @default - none
   */
  readonly args?: string[];

  /**
   * Replaces the engine's command (the image entrypoint).
   *
   * @default - the engine's command
   */
  readonly command?: string[];

  /**
   * Extra environment variables; they override the engine's plain variables. Credentials must
   * come from Secrets (`EnvValue.fromSecretValue`); the engine's password variables cannot be set
   * here at all.
   *
   * @default - none
   */
  readonly env?: { [name: string]: kplus.EnvValue };

  /**
   * CPU, memory and ephemeral-storage requests and limits of the database container.
   *
   * @default - requests 250m CPU and 512Mi memory, limit 1Gi memory, no CPU limit (throttling hurts latency)
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * Replaces the engine's readiness probe.
   *
   * @default - the engine's readiness probe
   */
  readonly readiness?: DatabaseProbe;

  /**
   * Replaces the engine's liveness probe.
   *
   * @default - the engine's liveness probe
   */
  readonly liveness?: DatabaseProbe;

  /**
   * Replaces the engine's startup probe.
   *
   * @default - the engine's startup probe
   */
  readonly startup?: DatabaseProbe;

  /**
   * Containers that run to completion, in order, before the database starts (e.g. wait for a
   * dependency, seed 003). They run as the engine's user with the same restricted security
   * context.
   *
   * @default - none
   */
  readonly initContainers?: DatabaseInitContainer[];

  /**
   * Extra labels on the pods (not part of the selector), e.g. `{ app: 'mysql' }` for existing
   * tooling.
   *
   * @default - only the app.kubernetes.io labels
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * Keep the pods on different nodes.
   *
   * @default PodAntiAffinity.SOFT
   */
  readonly antiAffinity?: PodAntiAffinity;

  /**
   * Spread the pods over topology domains such as zones.
   *
   * @default - none
   */
  readonly topologySpread?: TopologySpread[];

  /**
   * Create a PodDisruptionBudget so that voluntary disruptions (node drains) take at most
   * `maxUnavailable` pods at a time.
   *
   * @default true
   */
  readonly podDisruptionBudget?: boolean;

  /**
   * The PodDisruptionBudget's `maxUnavailable`. 0 blocks every eviction, so node drains wait
   * forever.
   *
   * @default 1
   */
  readonly maxUnavailable?: number;

  /**
   * Restrict ingress to the database pods to `allowFrom` (on the database port) and the pods
   * themselves.
   *
   * @default - no NetworkPolicy: any pod can connect
   */
  readonly networkPolicy?: DatabaseNetworkPolicyOptions;

  /**
   * How long a pod gets to shut down cleanly before it is killed. Whole seconds.
   *
   * @default Duration.seconds(30)
   */
  readonly terminationGracePeriod?: Duration;

  /**
   * The cluster DNS domain used in the host names.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

const CONTAINER_DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(250) },
  memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
};

/** The label cdk8s-plus puts on every pod it templates, keyed by construct path. */
const CDK8S_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/**
 * A stateful database on a StatefulSet, built from one props object:
 *
 * - a StatefulSet (the default child, so `ApiObject.of(db)` reaches it) running the engine's
 *   image as a non-root user with a read-only root filesystem, seccomp `RuntimeDefault`, all
 *   capabilities dropped, and working readiness, liveness and startup probes;
 * - per-pod storage from `volumeClaimTemplates` with a retention policy (or an emptyDir, or one
 *   shared existing claim);
 * - a headless Service that is the StatefulSet's `serviceName` and gives every pod a stable DNS
 *   name, and a ClusterIP client Service;
 * - a PodDisruptionBudget, soft anti-affinity across nodes, optional topology spread and an
 *   optional NetworkPolicy;
 * - `app.kubernetes.io/*` labels; the selector is `app.kubernetes.io/name` + `instance`.
 *
 * Invalid input throws a {@link ValidationError} at construction.
 */
export class StatefulDatabase extends Construct {
  /** The StatefulSet name. */
  public readonly name: string;
  /** The namespace (the chart's), `default` when the chart has none. */
  public readonly namespace: string;
  /** The engine. */
  public readonly engine: DatabaseEngine;
  /** The image that runs. */
  public readonly image: string;
  /** The replica count. */
  public readonly replicas: number;
  /** The ordinal of the first pod. */
  public readonly ordinalsStart: number;
  /** The name of the headless Service (the StatefulSet's `serviceName`). */
  public readonly headlessServiceName: string;
  /** The name of the client Service, if one is created. */
  public readonly clientServiceName?: string;
  /** The Secret key the password comes from, if any. */
  public readonly passwordSecret?: SecretKeyReference;
  /** The storage. */
  public readonly storage: DatabaseStorage;
  /** The update strategy. */
  public readonly updateStrategy: DatabaseUpdateStrategy;
  /** The cluster DNS domain used in host names. */
  public readonly clusterDomain: string;

  /** The StatefulSet (cdk8s-plus). Customise the pods through it. */
  public readonly statefulSet: kplus.StatefulSet;
  /** The database container (cdk8s-plus), e.g. to `mount` more volumes. */
  public readonly container: kplus.Container;
  /** The headless Service. */
  public readonly headlessService: kplus.Service;
  /** The ClusterIP client Service, unless `clientService: false`. */
  public readonly clientService?: kplus.Service;
  /** The PodDisruptionBudget, unless `podDisruptionBudget: false`. */
  public readonly podDisruptionBudget?: kplus.k8s.KubePodDisruptionBudget;
  /** The NetworkPolicy, when `networkPolicy` is set. */
  public readonly networkPolicy?: kplus.NetworkPolicy;

  private readonly selector: { [key: string]: string };
  private readonly dataVolume?: kplus.Volume;
  private readonly tmpVolume?: kplus.Volume;
  private readonly containerResources: kplus.ContainerResources;
  private readonly initContainerNames = new Set<string>();

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; also the default `name`
   * @param props the database definition
   */
  public constructor(scope: Construct, id: string, props: StatefulDatabaseProps) {
    super(scope, id);

    this.engine = props.engine;
    this.validateEngine(props.engine);

    this.name = props.name ?? this.nameFromId(id);
    this.validateName(this.name);
    this.namespace = Chart.of(this).namespace ?? 'default';
    this.clusterDomain = props.clusterDomain ?? 'cluster.local';
    if (!isDns1123Subdomain(this.clusterDomain)) {
      throw new ValidationError(this, 'clusterDomain', 'must be a DNS-1123 subdomain', this.clusterDomain, 'use the kubelet\'s --cluster-domain, usually "cluster.local"');
    }

    this.image = props.image ?? props.engine.image;
    if (!isImageReference(this.image)) {
      throw new ValidationError(this, 'image', IMAGE_REFERENCE_RULE, this.image, 'e.g. "postgres:16.4"');
    }

    this.replicas = props.replicas ?? 1;
    this.checkInt32('replicas', this.replicas, 0, 'scale to zero with 0; a StatefulSet cannot have fewer pods');
    this.ordinalsStart = props.ordinalsStart ?? 0;
    this.checkInt32('ordinalsStart', this.ordinalsStart, 0, 'ordinals start at 0 or a positive number');
    this.updateStrategy = props.updateStrategy ?? DatabaseUpdateStrategy.rollingUpdate();
    if (this.updateStrategy.partition !== undefined) {
      this.checkInt32('updateStrategy.partition', this.updateStrategy.partition, 0, 'use 0 to update every pod; a partition at or above replicas updates none');
    }
    const minReady = wholeSeconds(this, 'minReady', props.minReady ?? Duration.seconds(0));
    const grace = wholeSeconds(this, 'terminationGracePeriod', props.terminationGracePeriod ?? Duration.seconds(30));

    this.headlessServiceName = props.headlessServiceName ?? `${this.name}-headless`;
    this.checkServiceName('headlessServiceName', this.headlessServiceName);
    const wantClient = props.clientService ?? true;
    if (!wantClient && props.clientServiceName !== undefined) {
      throw new ValidationError(this, 'clientServiceName', 'cannot be combined with `clientService: false`', props.clientServiceName, 'remove one of them');
    }
    if (wantClient) {
      const clientName = props.clientServiceName ?? (this.headlessServiceName === this.name ? `${this.name}-client` : this.name);
      this.checkServiceName('clientServiceName', clientName);
      if (clientName === this.headlessServiceName) {
        throw new ValidationError(this, 'clientServiceName', 'must differ from `headlessServiceName` (two Services cannot share a name)', clientName, 'choose another name or set `clientService: false`');
      }
      this.clientServiceName = clientName;
    }

    this.passwordSecret = props.passwordSecret;
    this.validatePassword(props);
    this.storage = props.storage ?? DatabaseStorage.persistent({ size: Size.gibibytes(10) });
    const storageQuantity = this.validateStorage(this.storage);
    this.containerResources = props.resources ?? CONTAINER_DEFAULT_RESOURCES;
    checkContainerResources(this, 'resources', this.containerResources);

    const readiness = props.readiness ?? this.engine.readiness;
    const liveness = props.liveness ?? this.engine.liveness;
    const startup = props.startup ?? this.engine.startup;
    this.validateProbe(props.readiness ? 'readiness' : 'engine.readiness', readiness, 'readiness');
    this.validateProbe(props.liveness ? 'liveness' : 'engine.liveness', liveness, 'liveness');
    this.validateProbe(props.startup ? 'startup' : 'engine.startup', startup, 'startup');

    const podManagementPolicy = props.podManagementPolicy ?? kplus.PodManagementPolicy.ORDERED_READY;
    if (!Object.values(kplus.PodManagementPolicy).includes(podManagementPolicy)) {
      throw new ValidationError(this, 'podManagementPolicy', `must be one of ${Object.values(kplus.PodManagementPolicy).join(', ')}`, podManagementPolicy);
    }
    const antiAffinity = props.antiAffinity ?? PodAntiAffinity.SOFT;
    if (!Object.values(PodAntiAffinity).includes(antiAffinity)) {
      throw new ValidationError(this, 'antiAffinity', `must be one of ${Object.values(PodAntiAffinity).join(', ')}`, antiAffinity);
    }
    const wantPdb = props.podDisruptionBudget ?? true;
    if (!wantPdb && props.maxUnavailable !== undefined) {
      throw new ValidationError(this, 'maxUnavailable', 'cannot be combined with `podDisruptionBudget: false`', props.maxUnavailable, 'remove one of them');
    }
    const maxUnavailable = props.maxUnavailable ?? 1;
    this.checkInt32('maxUnavailable', maxUnavailable, 0, 'use 1 to let drains evict one pod at a time');

    // Labels. The selector is immutable on a StatefulSet, so it holds only stable identity labels.
    this.selector = {
      'app.kubernetes.io/name': this.engine.name,
      'app.kubernetes.io/instance': this.name,
    };
    const version = imageTag(this.image);
    const labels: { [key: string]: string } = {
      ...this.selector,
      'app.kubernetes.io/component': 'database',
      ...(version && isLabelValue(version) ? { 'app.kubernetes.io/version': version } : {}),
      'app.kubernetes.io/managed-by': 'cdk8s-workloads',
    };
    const podLabels = { ...labels, ...this.validatePodLabels(props.podLabels ?? {}) };

    // Services first: the StatefulSet takes its headless Service as `service`.
    const servicePorts: kplus.ServicePort[] = [{ port: this.engine.port, targetPort: this.engine.port, name: this.engine.portName }];
    this.headlessService = new kplus.Service(this, 'HeadlessService', {
      metadata: { name: this.headlessServiceName, labels },
      clusterIP: 'None',
      ports: servicePorts,
    });
    for (const [k, v] of Object.entries(this.selector)) this.headlessService.selectLabel(k, v);

    const podSecurity = this.podSecurityContext();
    this.statefulSet = new kplus.StatefulSet(this, 'Resource', {
      metadata: { name: this.name, labels },
      podMetadata: { labels: podLabels },
      select: false,
      service: this.headlessService,
      replicas: this.replicas,
      podManagementPolicy,
      strategy: this.updateStrategy.type === DatabaseUpdateStrategyType.ON_DELETE
        ? kplus.StatefulSetUpdateStrategy.onDelete()
        : kplus.StatefulSetUpdateStrategy.rollingUpdate({ partition: this.updateStrategy.partition }),
      minReady: Duration.seconds(minReady),
      terminationGracePeriod: Duration.seconds(grace),
      securityContext: podSecurity,
      automountServiceAccountToken: false,
    });
    this.statefulSet.select(kplus.LabelSelector.of({ labels: this.selector }));
    // cdk8s-plus adds its construct-path label to the Service selector (`service.select(sts)`); the
    // pods keep that label, but the Services select exactly what the StatefulSet selects.
    ApiObject.of(this.headlessService).addJsonPatch(
      JsonPatch.add('/spec/publishNotReadyAddresses', true),
      JsonPatch.remove(`/spec/selector/${escapePointer(CDK8S_ADDRESS_LABEL)}`),
    );

    // The database container. Its first mount is the data volume (see `addStorage`).
    const env = this.buildEnv(props.env ?? {});
    const args = [
      ...this.engine.args,
      ...(this.passwordSecret ? this.engine._passwordArgs : []),
      ...(props.args ?? []),
    ];
    const command = props.command ?? this.engine.command;
    if (command !== undefined && command.length === 0) {
      throw new ValidationError(this, 'command', 'must not be empty', command, 'leave it unset to run the image entrypoint');
    }
    const probeDefaults = (failureThreshold: number) => ({
      initialDelay: Duration.seconds(0), period: Duration.seconds(10), timeout: this.engine._probeTimeout, failureThreshold,
    });
    this.container = this.statefulSet.addContainer({
      name: this.engine.name,
      image: this.image,
      imagePullPolicy: defaultPullPolicy(this.image),
      ports: [{ number: this.engine.port, name: this.engine.portName }],
      command,
      args: args.length > 0 ? args : undefined,
      envVariables: env,
      readiness: readiness._toProbe(this.engine.port, probeDefaults(3)),
      liveness: liveness._toProbe(this.engine.port, probeDefaults(6)),
      startup: startup._toProbe(this.engine.port, probeDefaults(30)),
      resources: this.containerResources,
      securityContext: this.containerSecurityContext(),
    });

    this.dataVolume = this.addStorage(storageQuantity);
    for (const [i, path] of this.engine.writablePaths.entries()) {
      const volume = kplus.Volume.fromEmptyDir(this, `Scratch${i}`, this.scratchVolumeName(path), {
        // /dev/shm must be tmpfs to serve as POSIX shared memory.
        medium: path === '/dev/shm' ? kplus.EmptyDirMedium.MEMORY : undefined,
      });
      this.container.mount(path, volume);
      if (path === '/tmp') this.tmpVolume = volume;
    }

    for (const init of props.initContainers ?? []) this.addInitContainer(init);

    const sts = ApiObject.of(this.statefulSet);
    // seccomp is not modelled by cdk8s-plus-27's PodSecurityContext. RuntimeDefault is what Pod
    // Security Standards "restricted" requires.
    sts.addJsonPatch(seccompRuntimeDefault('/spec/template/spec'));
    // Service links inject <SERVICE>_PORT=tcp://… variables for every Service in the namespace;
    // a database does not use them and some images read variables with those names.
    sts.addJsonPatch(JsonPatch.add('/spec/template/spec/enableServiceLinks', false));
    if (props.ordinalsStart !== undefined) {
      sts.addJsonPatch(JsonPatch.add('/spec/ordinals', { start: this.ordinalsStart }));
    }

    // Scheduling.
    const members = kplus.Pods.select(this, 'Members', { labels: this.selector });
    if (antiAffinity !== PodAntiAffinity.NONE) {
      this.statefulSet.scheduling.separate(members, {
        topology: kplus.Topology.HOSTNAME,
        weight: antiAffinity === PodAntiAffinity.SOFT ? 100 : undefined,
      });
    }
    if (props.topologySpread && props.topologySpread.length > 0) {
      sts.addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', this.topologySpread(props.topologySpread)));
    }

    if (this.clientServiceName !== undefined) {
      this.clientService = new kplus.Service(this, 'Service', {
        metadata: { name: this.clientServiceName, labels },
        type: kplus.ServiceType.CLUSTER_IP,
        ports: servicePorts,
      });
      for (const [k, v] of Object.entries(this.selector)) this.clientService.selectLabel(k, v);
    }

    if (wantPdb) {
      this.podDisruptionBudget = new kplus.k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
        metadata: { name: this.name, labels },
        spec: {
          maxUnavailable: kplus.k8s.IntOrString.fromNumber(maxUnavailable),
          selector: { matchLabels: { ...this.selector } },
        },
      });
    }

    if (props.networkPolicy) {
      this.networkPolicy = new kplus.NetworkPolicy(this, 'NetworkPolicy', {
        metadata: { name: this.name, namespace: Chart.of(this).namespace, labels },
        selector: members,
      });
      for (const peer of props.networkPolicy.allowFrom) {
        this.networkPolicy.addIngressRule(peer, [kplus.NetworkPolicyPort.tcp(this.engine.port)]);
      }
      // Members reach each other on every port (replication, cluster buses). A rule without
      // `ports` matches all ports; cdk8s-plus renders the missing list as `ports: []` (which
      // means the same), so the empty list is dropped for readability.
      this.networkPolicy.addIngressRule(members);
      ApiObject.of(this.networkPolicy).addJsonPatch(JsonPatch.remove(`/spec/ingress/${props.networkPolicy.allowFrom.length}/ports`));
    }
  }

  /**
   * The stable DNS name of one pod: `<name>-<ordinal>.<headless>.<namespace>.svc.<domain>`, e.g.
   * `mysql-0.mysql-headless.default.svc.cluster.local`. Resolves once the pod exists (also
   * before it is ready, since the headless Service publishes not-ready addresses).
   *
   * @param ordinal a pod ordinal between `ordinalsStart` and `ordinalsStart + replicas - 1`
   */
  public podHost(ordinal: number): string {
    const last = this.ordinalsStart + this.replicas - 1;
    if (!Number.isInteger(ordinal) || ordinal < this.ordinalsStart || ordinal > last) {
      throw new ValidationError(this, 'ordinal', this.replicas === 0
        ? 'cannot name a pod of a StatefulSet with 0 replicas'
        : `must be an integer between ${this.ordinalsStart} and ${last}`, ordinal, 'pods are numbered from ordinalsStart');
    }
    return this.hostOf(ordinal);
  }

  /**
   * The DNS name of the pod with the first ordinal (`ordinalsStart`), which is created first and
   * deleted last: the natural primary of a primary/replica setup.
   */
  public get primaryHost(): string {
    return this.hostOf(this.ordinalsStart);
  }

  /**
   * The client Service's DNS name, `<client service>.<namespace>.svc.<domain>`; it balances over
   * ready pods. Throws when `clientService` is false.
   */
  public get clientHost(): string {
    if (this.clientServiceName === undefined) {
      throw new Error(`${this.node.path}: \`clientHost\` is only available with a client Service; use \`primaryHost\` or \`podHost()\`, or remove \`clientService: false\``);
    }
    return `${this.clientServiceName}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  /** The labels the StatefulSet, the Services and the PodDisruptionBudget select. Returns a copy. */
  public get selectorLabels(): { [key: string]: string } {
    return { ...this.selector };
  }

  /**
   * Adds an init container that runs before the database, with the engine's user and the same
   * restricted security context as the database container, `/tmp` writable, and the database's
   * resources (an init container's requests do not add to the pod's total).
   *
   * @param init the container; `mountData` mounts the data volume at the engine's data path
   * @returns the cdk8s-plus container
   */
  public addInitContainer(init: DatabaseInitContainer): kplus.Container {
    const name = init.name ?? `init-${this.initContainerNames.size}`;
    if (!isDns1123Label(name)) {
      throw new ValidationError(this, 'initContainers.name', 'must be a DNS-1123 label', name);
    }
    if (name === this.engine.name || this.initContainerNames.has(name)) {
      throw new ValidationError(this, 'initContainers.name', 'must be unique among the pod\'s containers', name);
    }
    if (init.resources) checkContainerResources(this, `initContainers.${name}.resources`, init.resources);
    if (typeof init.image !== 'string' || !isImageReference(init.image)) {
      throw new ValidationError(this, `initContainers.${name}.image`, IMAGE_REFERENCE_RULE, init.image, 'e.g. "busybox:1.36"');
    }
    const { mountData, ...props } = init;
    if (mountData && !this.dataVolume) {
      throw new ValidationError(this, `initContainers.${name}.mountData`, 'needs a data volume, but `storage` is DatabaseStorage.none()', mountData, 'choose another storage or drop mountData');
    }
    for (const probe of ['readiness', 'liveness', 'startup'] as const) {
      if (props[probe]) {
        throw new ValidationError(this, `initContainers.${name}.${probe}`, 'is not allowed: init containers run to completion and take no probes', probe);
      }
    }
    const securityContext = { ...this.containerSecurityContext(), ...props.securityContext };
    if (securityContext.ensureNonRoot !== false && securityContext.user === 0) {
      throw new ValidationError(this, `initContainers.${name}.securityContext.user`, 'must not be 0 while ensureNonRoot is set (the kubelet refuses to start the container)', 0);
    }
    const container = this.statefulSet.addInitContainer({
      resources: this.containerResources,
      ...props,
      imagePullPolicy: props.imagePullPolicy ?? defaultPullPolicy(props.image),
      name,
      securityContext,
    });
    if (mountData) container.mount(this.engine.dataPath, this.dataVolume!);
    if (this.tmpVolume && !container.mounts.some((m) => m.path === '/tmp')) container.mount('/tmp', this.tmpVolume);
    this.initContainerNames.add(name);
    return container;
  }

  private hostOf(ordinal: number): string {
    return `${this.name}-${ordinal}.${this.headlessServiceName}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  private nameFromId(id: string): string {
    const derived = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
    if (!derived) {
      throw new ValidationError(this, 'name', 'cannot be derived from the construct id', id, 'set `name` explicitly');
    }
    return derived;
  }

  private validateName(name: string): void {
    if (!isDns1123Label(name)) {
      throw new ValidationError(this, 'name', 'must be a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit)', name,
        'StatefulSet names become pod host names');
    }
    if (name.length > 52) {
      throw new ValidationError(this, 'name', `must be at most 52 characters (it is ${name.length})`, name,
        'the controller labels each pod with controller-revision-hash=<name>-<hash of up to 10 characters> and a label value may have at most 63, so pods of a longer name fail to be created');
    }
  }

  private checkServiceName(prop: string, value: string): void {
    if (!isDns1035Label(value)) {
      throw new ValidationError(this, prop, 'must be a DNS-1035 label (lowercase letters, digits and \'-\', starting with a letter, at most 63 characters)', value);
    }
  }

  private checkInt32(prop: string, value: number, min: number, fix?: string): void {
    if (!isIntegerIn(value, min, INT32_MAX)) {
      throw new ValidationError(this, prop, `must be an integer of at least ${min}`, value, fix);
    }
  }

  private validateEngine(engine: DatabaseEngine): void {
    if (!isDns1123Label(engine.name)) {
      throw new ValidationError(this, 'engine.name', 'must be a DNS-1123 label (it is the container name)', engine.name);
    }
    if (!isPortNumber(engine.port)) {
      throw new ValidationError(this, 'engine.port', 'must be an integer between 1 and 65535', engine.port);
    }
    if (!isPortName(engine.portName)) {
      throw new ValidationError(this, 'engine.portName', 'must be an IANA service name (at most 15 lowercase letters, digits and single \'-\', with a letter)', engine.portName, 'e.g. "http" or "tcp"');
    }
    if (!engine.dataPath.startsWith('/')) {
      throw new ValidationError(this, 'engine.dataPath', 'must be an absolute path', engine.dataPath);
    }
    if (!isIntegerIn(engine.user, 1, INT32_MAX)) {
      throw new ValidationError(this, 'engine.user', 'must be a non-root UID (an integer of at least 1)', engine.user,
        'the pod runs with runAsNonRoot, so the kubelet refuses to start UID 0; use the UID the image\'s files belong to');
    }
    for (const [prop, value] of [['engine.group', engine.group], ['engine.fsGroup', engine.fsGroup]] as const) {
      if (!isIntegerIn(value, 0, INT32_MAX)) {
        throw new ValidationError(this, prop, 'must be a GID (an integer of at least 0)', value);
      }
    }
    const seen = new Set<string>();
    for (const path of engine.writablePaths) {
      if (!path.startsWith('/') || path === '/') {
        throw new ValidationError(this, 'engine.writablePaths', 'must hold absolute paths other than /', path);
      }
      if (path === engine.dataPath || seen.has(path)) {
        throw new ValidationError(this, 'engine.writablePaths', 'must not repeat a path or the data path', path);
      }
      seen.add(path);
    }
    if (engine.passwordEnv !== undefined && !isEnvVarName(engine.passwordEnv)) {
      throw new ValidationError(this, 'engine.passwordEnv', ENV_VAR_NAME_RULE, engine.passwordEnv);
    }
    if (engine.passwordRequired && engine.passwordEnv === undefined) {
      throw new ValidationError(this, 'engine.passwordRequired', 'needs `passwordEnv`, the variable that receives the password', engine.passwordRequired);
    }
  }

  private validatePassword(props: StatefulDatabaseProps): void {
    const secret = props.passwordSecret;
    if (secret === undefined) {
      if (this.engine.passwordRequired) {
        throw new ValidationError(this, 'passwordSecret', `is required by the ${this.engine.name} engine`, undefined,
          `reference an existing Secret, e.g. { name: '${this.name}-credentials', key: 'password' }; the image refuses to initialise without ${this.engine.passwordEnv}`);
      }
      return;
    }
    if (this.engine.passwordEnv === undefined) {
      throw new ValidationError(this, 'passwordSecret', `cannot be used with the ${this.engine.name} engine, which takes no password`, secret,
        'set `passwordEnv` in DatabaseEngine.custom()');
    }
    if (!isDns1123Subdomain(secret.name)) {
      throw new ValidationError(this, 'passwordSecret.name', 'must be a Secret name (a DNS-1123 subdomain)', secret.name);
    }
    if (!isConfigKey(secret.key)) {
      throw new ValidationError(this, 'passwordSecret.key', `must be a Secret key (${CONFIG_KEY_SYNTAX})`, secret.key);
    }
  }

  private buildEnv(userEnv: { [name: string]: kplus.EnvValue }): { [name: string]: kplus.EnvValue } {
    const env: { [name: string]: kplus.EnvValue } = {};
    for (const [k, v] of Object.entries(this.engine.env)) env[k] = kplus.EnvValue.fromValue(v);
    const passwordVars = new Set(this.engine.passwordEnvs);
    if (this.passwordSecret) {
      const secret = kplus.Secret.fromSecretName(this, 'PasswordSecret', this.passwordSecret.name);
      for (const name of this.engine.passwordEnvs) {
        env[name] = kplus.EnvValue.fromSecretValue({ secret, key: this.passwordSecret.key });
      }
    }
    for (const [name, value] of Object.entries(userEnv)) {
      if (!isEnvVarName(name)) {
        throw new ValidationError(this, `env.${name}`, ENV_VAR_NAME_RULE, name);
      }
      if (passwordVars.has(name)) {
        throw new ValidationError(this, `env.${name}`, 'cannot be set directly; it carries the password', value.value !== undefined ? '<literal value>' : '<reference>',
          'use `passwordSecret` to reference an existing Secret');
      }
      if (value.value === undefined && value.valueFrom === undefined) {
        // cdk8s-plus renders such a variable as a bare name, i.e. an empty string.
        throw new ValidationError(this, `env.${name}`, 'must have a value or a reference', undefined,
          'EnvValue.fromProcess() returns an empty value when the variable is not set; pass { required: true }');
      }
      env[name] = value;
    }
    return env;
  }

  /** Validates the storage and returns the rendered size quantity of persistent storage. */
  private validateStorage(storage: DatabaseStorage): string | undefined {
    const o = storage._options;
    if (storage.kind !== DatabaseStorageKind.NONE && !isDns1123Label(storage.volumeName)) {
      throw new ValidationError(this, 'storage.volumeName', 'must be a DNS-1123 label', storage.volumeName);
    }
    switch (storage.kind) {
      case DatabaseStorageKind.PERSISTENT: {
        const quantity = this.storageQuantity(o.size!);
        if (o.storageClassName !== undefined && o.storageClassName !== '' && !isDns1123Subdomain(o.storageClassName)) {
          throw new ValidationError(this, 'storage.storageClassName', 'must be a StorageClass name (a DNS-1123 subdomain), or "" for no class', o.storageClassName);
        }
        const modes = o.accessModes ?? [];
        const allowed = Object.values(kplus.PersistentVolumeAccessMode) as string[];
        if (modes.length === 0) {
          throw new ValidationError(this, 'storage.accessModes', 'must not be empty', modes, 'use [PersistentVolumeAccessMode.READ_WRITE_ONCE]');
        }
        for (const mode of modes) {
          if (!allowed.includes(mode)) {
            throw new ValidationError(this, 'storage.accessModes', `must hold only ${allowed.join(', ')}`, mode);
          }
        }
        if (modes.includes(kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD) && modes.length > 1) {
          throw new ValidationError(this, 'storage.accessModes', 'cannot combine ReadWriteOncePod with other modes (the API server rejects it)', modes);
        }
        for (const [prop, value] of [['whenDeleted', o.whenDeleted], ['whenScaled', o.whenScaled]] as const) {
          if (!Object.values(ClaimRetention).includes(value as ClaimRetention)) {
            throw new ValidationError(this, `storage.retention.${prop}`, 'must be "Retain" or "Delete"', value, 'use ClaimRetention.RETAIN or ClaimRetention.DELETE');
          }
        }
        return quantity;
      }
      case DatabaseStorageKind.EPHEMERAL:
        if (o.sizeLimit !== undefined) this.wholeUnits('storage.sizeLimit', o.sizeLimit, 'MiB');
        return undefined;
      case DatabaseStorageKind.EXISTING_CLAIM:
        if (!isDns1123Subdomain(o.claimName ?? '')) {
          throw new ValidationError(this, 'storage.claimName', 'must be a PersistentVolumeClaim name (a DNS-1123 subdomain)', o.claimName);
        }
        return undefined;
      case DatabaseStorageKind.NONE:
        return undefined;
    }
  }

  /** Renders a storage size as a quantity string, exactly as the user meant it. */
  private storageQuantity(size: Size | string): string {
    if (typeof size === 'string') {
      const bytes = parseQuantity(size);
      if (bytes === undefined) {
        throw new ValidationError(this, 'storage.size', 'must be a Kubernetes quantity', size, quantityHint(size));
      }
      if (!(bytes >= 1)) {
        throw new ValidationError(this, 'storage.size', 'must be at least one byte', size, 'the API server rejects a claim that requests no storage');
      }
      return size;
    }
    // A Size is binary: render it in the largest binary unit that keeps it whole.
    const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
    const bytes = kib * 1024;
    if (!Number.isInteger(bytes) || bytes < 1) {
      throw new ValidationError(this, 'storage.size', 'must be a whole, positive number of bytes', size.asString());
    }
    return binaryQuantity(bytes);
  }

  private wholeUnits(prop: string, size: Size, unit: 'MiB' | 'GiB'): void {
    const value = unit === 'MiB' ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
    if (!Number.isInteger(value)) {
      throw new ValidationError(this, prop, `must be a whole number of ${unit}`, size.asString(), `cdk8s-plus-27 renders this field in ${unit === 'MiB' ? 'Mi' : 'Gi'} and cannot express fractions`);
    }
  }

  private validateProbe(prop: string, probe: DatabaseProbe, role: ProbeRole): void {
    if (probe.kind === DatabaseProbeKind.COMMAND && (probe.command ?? []).length === 0) {
      throw new ValidationError(this, prop, 'must have a command', probe.command);
    }
    if (probe.kind !== DatabaseProbeKind.COMMAND) {
      checkProbePort(this, `${prop}.port`, probe.port ?? this.engine.port, [this.engine.port],
        'leave `port` unset to probe the engine port; the database container exposes only that port');
    }
    checkProbeTiming(this, prop, probe.timing, role);
  }

  private validatePodLabels(extra: { [key: string]: string }): { [key: string]: string } {
    for (const [key, value] of Object.entries(extra)) {
      if (!isQualifiedName(key)) throw new ValidationError(this, `podLabels.${key}`, 'must be a valid label key', key);
      if (!isLabelValue(value)) throw new ValidationError(this, `podLabels.${key}`, 'must be a valid label value (at most 63 alphanumerics, \'-\', \'_\', \'.\')', value);
      if (key in this.selector && this.selector[key] !== value) {
        throw new ValidationError(this, `podLabels.${key}`, 'cannot change a selector label', value, `the StatefulSet selects ${key}=${this.selector[key]}`);
      }
      if (key === CDK8S_ADDRESS_LABEL) throw new ValidationError(this, `podLabels.${key}`, 'is reserved by cdk8s-plus', value);
    }
    return extra;
  }

  private podSecurityContext(): kplus.PodSecurityContextProps {
    // A non-root process cannot bind ports below 1024 (all capabilities are dropped). The
    // namespaced sysctl net.ipv4.ip_unprivileged_port_start is "safe" since Kubernetes 1.22
    // (pkg/kubelet/sysctl/safe_sysctls.go) and allowed by the Pod Security Standards, so lowering it
    // to the engine's port lets e.g. nginx listen on 80 without privileges.
    const sysctls = this.engine.port < 1024
      ? [{ name: 'net.ipv4.ip_unprivileged_port_start', value: String(this.engine.port) }]
      : undefined;
    return {
      ensureNonRoot: true,
      user: this.engine.user,
      group: this.engine.group,
      fsGroup: this.engine.fsGroup,
      // Only chown/chmod the volume when its root does not already match: a large data volume
      // would otherwise be walked on every pod start.
      fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
      sysctls,
    };
  }

  private containerSecurityContext(): kplus.ContainerSecurityContextProps {
    return { ...restrictedContainerSecurityContext(), user: this.engine.user, group: this.engine.group };
  }

  private addStorage(quantity: string | undefined): kplus.Volume | undefined {
    const o = this.storage._options;
    const volumeName = this.storage.volumeName;
    switch (this.storage.kind) {
      case DatabaseStorageKind.PERSISTENT: {
        // The mount refers to the claim template by name; the StatefulSet controller adds the
        // per-pod volume (claimName <volumeName>-<name>-<ordinal>) when it creates each pod
        // (pkg/controller/statefulset/stateful_set_utils.go `updateStorage`). cdk8s-plus turns every
        // mount into a pod volume, so the placeholder volume is removed again below; it is always
        // volumes[0] because it is the first mount of the first container, and the `test` patch
        // makes synthesis fail loudly if that ever stops being true.
        const placeholder = kplus.Volume.fromEmptyDir(this, 'DataVolume', volumeName);
        this.container.mount(this.engine.dataPath, placeholder);
        const sts = ApiObject.of(this.statefulSet);
        sts.addJsonPatch(
          JsonPatch.test('/spec/template/spec/volumes/0/name', volumeName),
          JsonPatch.remove('/spec/template/spec/volumes/0'),
          // The k8s converters read quantities from `.value`, so pass Quantity objects.
          JsonPatch.add('/spec/volumeClaimTemplates', [{
            metadata: { name: volumeName, labels: { ...this.selector } },
            spec: {
              accessModes: [...(o.accessModes ?? [])],
              storageClassName: o.storageClassName,
              resources: { requests: { storage: kplus.k8s.Quantity.fromString(quantity!) } },
            },
          }]),
          JsonPatch.add('/spec/persistentVolumeClaimRetentionPolicy', { whenDeleted: o.whenDeleted, whenScaled: o.whenScaled }),
        );
        return placeholder;
      }
      case DatabaseStorageKind.EPHEMERAL: {
        const volume = kplus.Volume.fromEmptyDir(this, 'DataVolume', volumeName, { sizeLimit: o.sizeLimit, medium: o.medium });
        this.container.mount(this.engine.dataPath, volume);
        return volume;
      }
      case DatabaseStorageKind.EXISTING_CLAIM: {
        const claim = kplus.PersistentVolumeClaim.fromClaimName(this, 'DataClaim', o.claimName!);
        const volume = kplus.Volume.fromPersistentVolumeClaim(this, 'DataVolume', claim, { name: volumeName, readOnly: o.readOnly });
        this.container.mount(this.engine.dataPath, volume, { readOnly: o.readOnly });
        return volume;
      }
      case DatabaseStorageKind.NONE:
        return undefined;
    }
  }

  private scratchVolumeName(path: string): string {
    const base = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || 'scratch';
    let name = base;
    for (let i = 2; name === this.storage.volumeName || this.container.mounts.some((m) => m.volume.name === name); i++) name = `${base}-${i}`;
    return name;
  }

  private topologySpread(spreads: TopologySpread[]): object[] {
    return spreads.map((s, i) => {
      const maxSkew = s.maxSkew ?? 1;
      this.checkInt32(`topologySpread[${i}].maxSkew`, maxSkew, 1);
      const when = s.whenUnsatisfiable ?? WhenUnsatisfiable.DO_NOT_SCHEDULE;
      if (!Object.values(WhenUnsatisfiable).includes(when)) {
        throw new ValidationError(this, `topologySpread[${i}].whenUnsatisfiable`, 'must be "DoNotSchedule" or "ScheduleAnyway"', when);
      }
      if (!isQualifiedName(s.topology.key)) {
        throw new ValidationError(this, `topologySpread[${i}].topology`, 'must be a node label key', s.topology.key);
      }
      return { maxSkew, topologyKey: s.topology.key, whenUnsatisfiable: when, labelSelector: { matchLabels: { ...this.selector } } };
    });
  }
}

/** Bytes as a binary quantity in the largest unit that keeps the number whole. */
function binaryQuantity(bytes: number): string {
  for (const [unit, factor] of [['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}

/** Escapes a JSON-pointer segment (RFC 6901). */
function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
