import { Size } from 'cdk8s';
import { EmptyDirMedium, PersistentVolumeAccessMode } from 'cdk8s-plus-27';

/**
 * What the StatefulSet controller does with the PersistentVolumeClaims it created from
 * `volumeClaimTemplates` (`spec.persistentVolumeClaimRetentionPolicy`, beta and on by default in
 * Kubernetes 1.27).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention
 */
export enum ClaimRetention {
  /** Keep the claims (and the data): the Kubernetes default and the safe choice. */
  RETAIN = 'Retain',
  /** Let the garbage collector delete the claims, and with the usual reclaim policy, the data. */
  DELETE = 'Delete',
}

/** When the per-pod claims are deleted. */
export interface ClaimRetentionPolicy {
  /**
   * What happens to every claim when the StatefulSet itself is deleted.
   *
   * @default ClaimRetention.RETAIN
   */
  readonly whenDeleted?: ClaimRetention;

  /**
   * What happens to the claims of the pods removed by a scale-down (ordinals at or above the new
   * replica count). Claims of pods that are merely restarted or rescheduled are never deleted.
   *
   * @default ClaimRetention.RETAIN
   */
  readonly whenScaled?: ClaimRetention;
}

/** Options for {@link DatabaseStorage.persistent}. */
export interface PersistentStorageOptions {
  /**
   * The size each pod's claim requests.
   *
   * A cdk8s `Size` renders as a binary quantity (`Size.gibibytes(10)` → `10Gi`); a string is used
   * exactly as written and must be a Kubernetes quantity, so `'1G'` means 10^9 bytes (decimal)
   * while `'1Gi'` means 2^30 bytes.
   */
  readonly size: Size | string;

  /**
   * The StorageClass that provisions the volumes.
   *
   * @default - the cluster's default StorageClass (the field is left out)
   */
  readonly storageClassName?: string;

  /**
   * Access modes of each claim.
   *
   * @default [PersistentVolumeAccessMode.READ_WRITE_ONCE]
   */
  readonly accessModes?: PersistentVolumeAccessMode[];

  /**
   * What happens to the claims when the StatefulSet is deleted or scaled down.
   *
   * @default - Retain on delete and on scale-down
   */
  readonly retention?: ClaimRetentionPolicy;

  /**
   * The name of the claim template, which is also the pod's volume name. Each pod gets a claim
   * named `<volumeName>-<statefulset name>-<ordinal>` (e.g. `data-mysql-0`).
   *
   * @default 'data'
   */
  readonly volumeName?: string;
}

/** Options for {@link DatabaseStorage.ephemeral}. */
export interface EphemeralStorageOptions {
  /**
   * The emptyDir size limit; the kubelet evicts the pod when it is exceeded.
   *
   * @default - no limit beyond the node's ephemeral storage
   */
  readonly sizeLimit?: Size;

  /**
   * Where the emptyDir lives. `EmptyDirMedium.MEMORY` is a tmpfs and counts against the
   * container's memory limit.
   *
   * @default EmptyDirMedium.DEFAULT
   */
  readonly medium?: EmptyDirMedium;

  /**
   * The pod's volume name.
   *
   * @default 'data'
   */
  readonly volumeName?: string;
}

/** Options for {@link DatabaseStorage.existingClaim}. */
export interface ExistingClaimOptions {
  /**
   * Mount the claim read-only.
   *
   * @default false
   */
  readonly readOnly?: boolean;

  /**
   * The pod's volume name.
   *
   * @default 'data'
   */
  readonly volumeName?: string;
}

/** The kinds of {@link DatabaseStorage}. */
export enum DatabaseStorageKind {
  /** A claim per pod from `volumeClaimTemplates`. */
  PERSISTENT = 'persistent',
  /** An emptyDir per pod: the data is lost whenever a pod is deleted or rescheduled. */
  EPHEMERAL = 'ephemeral',
  /** One existing claim mounted into every pod. */
  EXISTING_CLAIM = 'existingClaim',
  /** No data volume at all. */
  NONE = 'none',
}

/**
 * Where a database keeps its data. Mounted at the engine's data path.
 *
 * - {@link DatabaseStorage.persistent}: one PersistentVolumeClaim per pod, created by the
 *   StatefulSet controller from `volumeClaimTemplates` and reattached to the pod of the same
 *   ordinal after every restart or reschedule (what databases need);
 * - {@link DatabaseStorage.ephemeral}: an emptyDir per pod (tests and caches only);
 * - {@link DatabaseStorage.existingClaim}: one claim you created, shared by every pod (seed 001's
 *   ReadWriteMany NFS claim);
 * - {@link DatabaseStorage.none}: no data volume (a server that keeps nothing on disk, such as
 *   seed 002's `test-app`).
 */
export class DatabaseStorage {
  /**
   * One PersistentVolumeClaim per pod from a `volumeClaimTemplate`.
   *
   * @param options size, class, access modes and retention of the claims
   */
  public static persistent(options: PersistentStorageOptions): DatabaseStorage {
    return new DatabaseStorage(DatabaseStorageKind.PERSISTENT, options.volumeName ?? 'data', {
      size: options.size,
      storageClassName: options.storageClassName,
      accessModes: options.accessModes ? [...options.accessModes] : [PersistentVolumeAccessMode.READ_WRITE_ONCE],
      whenDeleted: options.retention?.whenDeleted ?? ClaimRetention.RETAIN,
      whenScaled: options.retention?.whenScaled ?? ClaimRetention.RETAIN,
    });
  }

  /**
   * An emptyDir per pod. **Every pod loses its data when it is deleted, evicted or rescheduled**
   * (for a database that is also every rolling update), so use it only for tests, caches that can
   * be rebuilt, or workloads that keep no state (seed 002's `test-app`).
   *
   * @param options size limit and medium of the emptyDir
   */
  public static ephemeral(options: EphemeralStorageOptions = {}): DatabaseStorage {
    return new DatabaseStorage(DatabaseStorageKind.EPHEMERAL, options.volumeName ?? 'data', {
      sizeLimit: options.sizeLimit,
      medium: options.medium,
    });
  }

  /**
   * Mount one existing PersistentVolumeClaim into every pod. With more than one replica on more
   * than one node the claim must be `ReadWriteMany` (or `ReadOnlyMany` with `readOnly`), and the
   * pods share the same files, so the workload must coordinate writes itself.
   *
   * @param claimName the name of a claim in the same namespace
   * @param options read-only mount and volume name
   */
  public static existingClaim(claimName: string, options: ExistingClaimOptions = {}): DatabaseStorage {
    return new DatabaseStorage(DatabaseStorageKind.EXISTING_CLAIM, options.volumeName ?? 'data', {
      claimName,
      readOnly: options.readOnly ?? false,
    });
  }

  /**
   * No data volume: nothing is mounted at the engine's data path (the engine's writable scratch
   * directories are still mounted). For servers that keep no state on disk but need stable
   * network identities, such as seed 002's `test-app`.
   */
  public static none(): DatabaseStorage {
    return new DatabaseStorage(DatabaseStorageKind.NONE, '', {});
  }

  private constructor(
    /** Which kind of storage this is. */
    public readonly kind: DatabaseStorageKind,
    /** The pod's volume name (for persistent storage also the claim template name); empty for `none()`. */
    public readonly volumeName: string,
    /** @internal */
    public readonly _options: {
      readonly size?: Size | string;
      readonly storageClassName?: string;
      readonly accessModes?: PersistentVolumeAccessMode[];
      readonly whenDeleted?: ClaimRetention;
      readonly whenScaled?: ClaimRetention;
      readonly sizeLimit?: Size;
      readonly medium?: EmptyDirMedium;
      readonly claimName?: string;
      readonly readOnly?: boolean;
    },
  ) {}
}
