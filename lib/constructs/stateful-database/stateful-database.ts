/**
 * The {@link StatefulDatabase} construct: it checks its props, then builds the StatefulSet, the
 * Services, the PodDisruptionBudget and the NetworkPolicy. The props are in `props.ts`, the checks
 * in `validation.ts`, the rendering in `pod-template.ts`, `services.ts`, `disruption-budget.ts` and
 * `network-policy.ts`.
 */
import { MISSPELLED_PROPS, PROP_KEYS } from './prop-keys';
import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { defaultPullPolicy, IMAGE_REFERENCE_RULE, imageTag, isImageReference } from '../_shared/image';
import { seccompRuntimeDefault } from '../_shared/security';
import { checkContainerResources, isDns1123Label, isDns1123Subdomain, isLabelValue, rejectUnknownProp, wholeSeconds } from '../_shared/validation';
import { DatabaseEngine, SecretKeyReference } from './database-engine';
import { DatabaseStorage } from './database-storage';
import { CONTAINER_DEFAULT_RESOURCES } from './defaults';
import { renderPodDisruptionBudget } from './disruption-budget';
import { renderNetworkPolicy } from './network-policy';
import { addStorage, buildEnv, containerSecurityContext, podSecurityContext, scratchVolumeName, topologySpread } from './pod-template';
import { DatabaseInitContainer, StatefulDatabaseProps } from './props';
import { PodAntiAffinity } from './scheduling';
import { patchHeadlessService, renderClientService, renderHeadlessService } from './services';
import { DatabaseUpdateStrategy, DatabaseUpdateStrategyType } from './update-strategy';
import {
  checkInt32, checkServiceName, nameFromId, validateEngine, validateName, validatePassword, validatePodLabels, validateProbe, validateStorage,
} from './validation';
import { ValidationError } from '../_shared/errors';

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

    // Like NodeAgent and the jobs: a prop this construct does not know would be silently ignored.
    rejectUnknownProp(this, '', props, PROP_KEYS, MISSPELLED_PROPS, 'is not a StatefulDatabase prop and would be ignored');
    this.engine = props.engine;
    validateEngine(this, props.engine);

    this.name = props.name ?? nameFromId(this, id);
    validateName(this, this.name);
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
    checkInt32(this, 'replicas', this.replicas, 0, 'scale to zero with 0; a StatefulSet cannot have fewer pods');
    this.ordinalsStart = props.ordinalsStart ?? 0;
    checkInt32(this, 'ordinalsStart', this.ordinalsStart, 0, 'ordinals start at 0 or a positive number');
    this.updateStrategy = props.updateStrategy ?? DatabaseUpdateStrategy.rollingUpdate();
    if (this.updateStrategy.partition !== undefined) {
      checkInt32(this, 'updateStrategy.partition', this.updateStrategy.partition, 0, 'use 0 to update every pod; a partition at or above replicas updates none');
    }
    const minReady = wholeSeconds(this, 'minReady', props.minReady ?? Duration.seconds(0));
    const grace = wholeSeconds(this, 'terminationGracePeriod', props.terminationGracePeriod ?? Duration.seconds(30));

    this.headlessServiceName = props.headlessServiceName ?? `${this.name}-headless`;
    checkServiceName(this, 'headlessServiceName', this.headlessServiceName);
    const wantClient = props.clientService ?? true;
    if (!wantClient && props.clientServiceName !== undefined) {
      throw new ValidationError(this, 'clientServiceName', 'cannot be combined with `clientService: false`', props.clientServiceName, 'remove one of them');
    }
    if (wantClient) {
      const clientName = props.clientServiceName ?? (this.headlessServiceName === this.name ? `${this.name}-client` : this.name);
      checkServiceName(this, 'clientServiceName', clientName);
      if (clientName === this.headlessServiceName) {
        throw new ValidationError(this, 'clientServiceName', 'must differ from `headlessServiceName` (two Services cannot share a name)', clientName, 'choose another name or set `clientService: false`');
      }
      this.clientServiceName = clientName;
    }

    this.passwordSecret = props.passwordSecret;
    validatePassword(this, this.engine, this.name, props);
    this.storage = props.storage ?? DatabaseStorage.persistent({ size: Size.gibibytes(10) });
    const storageQuantity = validateStorage(this, this.storage);
    this.containerResources = props.resources ?? CONTAINER_DEFAULT_RESOURCES;
    checkContainerResources(this, 'resources', this.containerResources);

    const readiness = props.readiness ?? this.engine.readiness;
    const liveness = props.liveness ?? this.engine.liveness;
    const startup = props.startup ?? this.engine.startup;
    validateProbe(this, this.engine, props.readiness ? 'readiness' : 'engine.readiness', readiness, 'readiness');
    validateProbe(this, this.engine, props.liveness ? 'liveness' : 'engine.liveness', liveness, 'liveness');
    validateProbe(this, this.engine, props.startup ? 'startup' : 'engine.startup', startup, 'startup');

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
    checkInt32(this, 'maxUnavailable', maxUnavailable, 0, 'use 1 to let drains evict one pod at a time');

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
    const podLabels = { ...labels, ...validatePodLabels(this, this.selector, props.podLabels ?? {}) };

    // Services first: the StatefulSet takes its headless Service as `service`.
    const servicePorts: kplus.ServicePort[] = [{ port: this.engine.port, targetPort: this.engine.port, name: this.engine.portName }];
    this.headlessService = renderHeadlessService(this, this.headlessServiceName, labels, servicePorts, this.selector);

    const podSecurity = podSecurityContext(this.engine);
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
    patchHeadlessService(this.headlessService);

    // The database container. Its first mount is the data volume (see `addStorage`).
    const env = buildEnv(this, this.engine, this.passwordSecret, props.env ?? {});
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
      securityContext: containerSecurityContext(this.engine),
    });

    this.dataVolume = addStorage(this, this.engine, this.storage, this.statefulSet, this.container, this.selector, storageQuantity);
    for (const [i, path] of this.engine.writablePaths.entries()) {
      const volume = kplus.Volume.fromEmptyDir(this, `Scratch${i}`, scratchVolumeName(this.storage, this.container, path), {
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
      sts.addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', topologySpread(this, this.selector, props.topologySpread)));
    }

    if (this.clientServiceName !== undefined) {
      this.clientService = renderClientService(this, this.clientServiceName, labels, servicePorts, this.selector);
    }

    if (wantPdb) {
      this.podDisruptionBudget = renderPodDisruptionBudget(this, this.name, labels, maxUnavailable, this.selector);
    }

    if (props.networkPolicy) {
      this.networkPolicy = renderNetworkPolicy(this, this.name, labels, members, this.engine.port, props.networkPolicy);
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
    const securityContext = { ...containerSecurityContext(this.engine), ...props.securityContext };
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
}
