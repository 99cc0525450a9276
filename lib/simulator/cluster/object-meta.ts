/**
 * What every stored object shares: owner references, the kinds the store holds, the identity
 * and lifecycle fields of {@link SimObjectBase}, and the helpers that read only those fields.
 */

// ---------------------------------------------------------------------------------------------
// Identity shared by every object
// ---------------------------------------------------------------------------------------------

/** metadata.ownerReferences entry. */
export interface OwnerReference {
  /** e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** e.g. `StatefulSet`. */
  readonly kind: string;
  /** Owner name. */
  readonly name: string;
  /** Owner uid; the garbage collector follows uids, not names. */
  readonly uid: string;
  /** Whether the owner is the managing controller. */
  readonly controller?: boolean;
  /** Foreground deletion waits for this dependent when true. */
  readonly blockOwnerDeletion?: boolean;
}

/** The kinds with simulated behaviour or a dedicated model. */
export type ModelledKind = 'Pod' | 'Node' | 'PersistentVolumeClaim' | 'Service' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/**
 * Kinds accepted and stored without behaviour (DESIGN.md "What the loader accepts"), except
 * PersistentVolumeClaim which has a model ({@link SimPvc}).
 */
export type CarriedKind = 'Secret' | 'ConfigMap' | 'PersistentVolume' | 'PodDisruptionBudget' | 'NetworkPolicy'
| 'ServiceAccount' | 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding' | 'Namespace' | 'PriorityClass'
| 'StorageClass';

/** Every kind the store holds. */
export type SimKind = ModelledKind | CarriedKind;

/** Identity and lifecycle fields every stored object has. */
export interface SimObjectBase {
  /** The object's kind. */
  readonly kind: SimKind;
  /** e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** Unique per instance (a counter: `uid-000001`); a recreated pod gets a new one. */
  readonly uid: string;
  /** metadata.name. */
  readonly name: string;
  /** metadata.namespace; `''` for cluster-scoped kinds (Node, PersistentVolume, …). */
  readonly namespace: string;
  /** metadata.labels. Replace the map (do not edit it in place) inside `ClusterState.update`. */
  labels: Record<string, string>;
  /** metadata.annotations. */
  annotations: Record<string, string>;
  /** metadata.ownerReferences. */
  ownerReferences: OwnerReference[];
  /** metadata.finalizers: while non-empty, a deleted object stays (terminating). */
  finalizers: string[];
  /** Bumped on every write. */
  resourceVersion: number;
  /** metadata.creationTimestamp, simulated ms. */
  readonly createdMs: number;
  /** metadata.deletionTimestamp (deletion requested), simulated ms, or null. */
  deletionMs: number | null;
  /** When the object left the store, simulated ms, or null while it exists. */
  deletedMs: number | null;
}

/** Kinds without a namespace. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'Namespace', 'PriorityClass', 'StorageClass',
]);

/** `namespace/name` (or `name` for cluster-scoped objects): the key controllers sync by. */
export function objectKey(obj: { readonly namespace: string; readonly name: string }): string {
  return obj.namespace ? `${obj.namespace}/${obj.name}` : obj.name;
}

/** Splits a key made by {@link objectKey}. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The controller owner reference (controller: true), if any. */
export function controllerOf(obj: { readonly ownerReferences: readonly OwnerReference[] }): OwnerReference | undefined {
  // A loop rather than `find` with a callback: called on every store change by several watchers.
  const refs = obj.ownerReferences;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/**
 * The one empty annotations/labels map and the one empty finalizer list the store gives objects
 * that have none (frozen: writers replace metadata, never edit it), so that a long run does not
 * keep an empty map and list per Job and per pod.
 */
export const EMPTY_STRING_MAP: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** See {@link EMPTY_STRING_MAP}. */
export const EMPTY_STRING_LIST: string[] = Object.freeze([]) as unknown as string[];

/** Whether `map` has no own enumerable key (`Object.keys(map).length === 0` without the array). */
export function isEmptyMap(map: Readonly<Record<string, unknown>>): boolean {
  for (const k in map) if (Object.prototype.hasOwnProperty.call(map, k)) return false;
  return true;
}

/** The controller reference made for each owner object (its kind, name and uid never change). */
const CONTROLLER_REFS = new WeakMap<SimObjectBase, OwnerReference>();

/**
 * An owner reference to `owner` with controller: true and blockOwnerDeletion: true
 * (`metav1.NewControllerRef`). One object per owner, shared by everything it creates — every Job
 * of a CronJob, every pod of a Job, which a long run keeps — as writers replace owner references
 * rather than edit them (ClusterState.update).
 */
export function newControllerRef(owner: SimObjectBase): OwnerReference {
  let ref = CONTROLLER_REFS.get(owner);
  if (ref === undefined || ref.name !== owner.name || ref.uid !== owner.uid || ref.kind !== owner.kind || ref.apiVersion !== owner.apiVersion) {
    ref = { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true };
    CONTROLLER_REFS.set(owner, ref);
  }
  return ref;
}

/** Whether deletion of the object was requested (metadata.deletionTimestamp set). */
export function isTerminating(obj: { readonly deletionMs: number | null }): boolean {
  return obj.deletionMs !== null;
}
