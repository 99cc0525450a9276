/**
 * What the API server knows of a manifest before it decodes it into a typed object: the loose
 * manifest shape, and which kinds are modelled, carried or cluster-scoped (discovery).
 */

/** The metadata fields the simulator reads (others are kept). */
export interface ManifestMetadata {
  /** metadata.name. */
  readonly name?: string;
  /** metadata.generateName. */
  readonly generateName?: string;
  /** metadata.namespace. */
  readonly namespace?: string;
  /** metadata.labels. */
  readonly labels?: Record<string, string>;
  /** metadata.annotations. */
  readonly annotations?: Record<string, string>;
  /** Any other metadata field. */
  readonly [k: string]: unknown;
}

/** A manifest document (loosely typed). */
export interface Manifest {
  /** e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** e.g. `StatefulSet`. */
  readonly kind: string;
  /** Metadata. */
  readonly metadata?: ManifestMetadata;
  /** Everything else (spec, data, …). */
  readonly [k: string]: unknown;
}

/** Kinds the store carries without behaviour. */
export const CARRIED_KINDS: ReadonlySet<string> = new Set([
  'Secret', 'ConfigMap', 'PersistentVolume', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'Namespace', 'PriorityClass', 'StorageClass',
]);

/** Kinds with simulated behaviour or a model. */
export const MODELLED_KINDS: ReadonlySet<string> = new Set(['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Pod', 'PersistentVolumeClaim']);

/** Kinds without a namespace. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'Namespace', 'PriorityClass', 'StorageClass',
]);
