/**
 * The props of a StatefulDatabase ({@link StatefulDatabaseProps}) and the option types only they
 * use: NetworkPolicy options and init containers.
 */
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { DatabaseEngine, SecretKeyReference } from './database-engine';
import { DatabaseProbe } from './database-probe';
import { DatabaseStorage } from './database-storage';
import { PodAntiAffinity, TopologySpread } from './scheduling';
import { DatabaseUpdateStrategy } from './update-strategy';

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
