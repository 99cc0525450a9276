/**
 * Typed models of the objects the simulated cluster stores.
 *
 * Every object has the identity fields of {@link SimObjectBase} at the top level (uid, name,
 * namespace, labels, ownerReferences, timestamps). Workloads carry the manifest's `spec` with the
 * API server's defaults applied (cluster/defaults.ts) and a `status` the owning controller writes.
 * Times are **simulated ms since the scenario start** (integers), not RFC 3339 strings; `null`
 * means "not happened".
 *
 * Objects live in {@link ClusterState}; only the store (through `ClusterState.update`), the
 * kubelet stand-in and the Control implementations change them. Controllers read them and write
 * through their Control. An object that is deleted stays in the store's history (`deletedMs` set),
 * so the report can list every instance: a StatefulSet pod recreated under the same name is a new
 * instance with a new uid.
 *
 * This file holds the union of every model and the kind-to-type map; the models themselves are in
 * object-meta.ts (shared identity), pod-object.ts, core-objects.ts and workload-objects.ts, and the
 * reused API shapes in api-shapes.ts.
 */
import type { SimCarriedObject, SimNode, SimPvc, SimService } from './core-objects';
import type { SimKind } from './object-meta';
import type { SimPod } from './pod-object';
import type { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from './workload-objects';

// The whole object model is importable from here as well as from its parts.
export * from './api-shapes';
export * from './object-meta';
export * from './pod-object';
export * from './core-objects';
export * from './workload-objects';

/** Any stored object. */
export type SimObject = SimPod | SimNode | SimPvc | SimService | SimStatefulSet | SimDaemonSet | SimJob | SimCronJob | SimCarriedObject;

/** Maps each modelled kind to its type. */
export interface SimObjectByKind {
  /** Pods. */
  Pod: SimPod;
  /** Nodes. */
  Node: SimNode;
  /** Claims. */
  PersistentVolumeClaim: SimPvc;
  /** Services. */
  Service: SimService;
  /** StatefulSets. */
  StatefulSet: SimStatefulSet;
  /** DaemonSets. */
  DaemonSet: SimDaemonSet;
  /** Jobs. */
  Job: SimJob;
  /** CronJobs. */
  CronJob: SimCronJob;
}

/** The type stored for kind `K`. */
export type ObjectOfKind<K extends SimKind> = K extends keyof SimObjectByKind ? SimObjectByKind[K] : SimCarriedObject;
