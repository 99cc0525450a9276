/**
 * Builds the stored object of a {@link Draft} (what `ClusterState.create` keeps) as one object
 * literal per kind, every field present from the start.
 *
 * Why not `{ ...draft, uid, … }`: in the V8 of Node 20 a spread followed by properties the source
 * lacks takes a slow path (over 1 µs per object) and gives every object its own hidden class, so
 * every later read of a pod or Job field missed the inline caches; the earlier `delete
 * obj.generateName` turned each pod into a hash-table object, and copying one (the store's `old`
 * snapshot) took several µs. One literal per kind gives all objects of a kind the same shape with
 * in-object fields, which keeps reads and the `{ ...obj }` snapshot of `ClusterState.update` cheap.
 * TypeScript checks each literal against its model, so a field added to objects.ts must be added here.
 *
 * Key order is the factories' (kind, apiVersion, namespace, name, metadata, the kind's fields),
 * then the store's fields, then what admission adds (pod `timeline`, node `index` and
 * `internalIP`, Service `clusterIP`), as the spread produced for drafts with a fixed name.
 */
import type { Draft } from './factories';
import type { SimCarriedObject, SimNode, SimPvc, SimService } from './core-objects';
import type { SimObject } from './objects';
import type { SimPod } from './pod-object';
import type { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from './workload-objects';

/** The fields the store assigns at creation. */
export interface StoreFields {
  /** Final namespace (`''` for cluster-scoped kinds). */
  readonly namespace: string;
  /** Final name (given or generated). */
  readonly name: string;
  /** New uid. */
  readonly uid: string;
  /** resourceVersion of the create. */
  readonly resourceVersion: number;
  /** Creation time, simulated ms. */
  readonly createdMs: number;
}

/** The stored object for `draft` with the store's fields; admission runs on it afterwards. */
export function materialize(draft: Draft<SimObject>, s: StoreFields): SimObject {
  switch (draft.kind) {
    case 'Pod': return pod(draft as Draft<SimPod>, s);
    case 'Job': return job(draft as Draft<SimJob>, s);
    case 'CronJob': return cronJob(draft as Draft<SimCronJob>, s);
    case 'StatefulSet': return statefulSet(draft as Draft<SimStatefulSet>, s);
    case 'DaemonSet': return daemonSet(draft as Draft<SimDaemonSet>, s);
    case 'Node': return node(draft as Draft<SimNode>, s);
    case 'PersistentVolumeClaim': return pvc(draft as Draft<SimPvc>, s);
    case 'Service': return service(draft as Draft<SimService>, s);
    default: return carried(draft as Draft<SimCarriedObject>, s);
  }
}

function pod(d: Draft<SimPod>, s: StoreFields): SimPod {
  return {
    kind: 'Pod', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    spec: d.spec, nodeName: d.nodeName, phase: d.phase, ready: d.ready, restarts: d.restarts, ip: d.ip, reason: d.reason,
    message: d.message, conditions: d.conditions, containerStatuses: d.containerStatuses, scheduledMs: d.scheduledMs,
    startedMs: d.startedMs, readyMs: d.readyMs, readySinceMs: d.readySinceMs, finishedMs: d.finishedMs, graceMs: d.graceMs,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
    timeline: [],
  };
}

function job(d: Draft<SimJob>, s: StoreFields): SimJob {
  return {
    kind: 'Job', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    generation: d.generation, spec: d.spec, status: d.status,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}

function cronJob(d: Draft<SimCronJob>, s: StoreFields): SimCronJob {
  return {
    kind: 'CronJob', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    generation: d.generation, spec: d.spec, status: d.status,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}

function statefulSet(d: Draft<SimStatefulSet>, s: StoreFields): SimStatefulSet {
  return {
    kind: 'StatefulSet', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    generation: d.generation, spec: d.spec, status: d.status,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}

function daemonSet(d: Draft<SimDaemonSet>, s: StoreFields): SimDaemonSet {
  return {
    kind: 'DaemonSet', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    generation: d.generation, spec: d.spec, status: d.status,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}

function node(d: Draft<SimNode>, s: StoreFields): SimNode {
  return {
    kind: 'Node', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    taints: d.taints, capacity: d.capacity, unschedulable: d.unschedulable,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
    index: 0, internalIP: '',
  };
}

function pvc(d: Draft<SimPvc>, s: StoreFields): SimPvc {
  return {
    kind: 'PersistentVolumeClaim', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    spec: d.spec, phase: d.phase,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}

function service(d: Draft<SimService>, s: StoreFields): SimService {
  return {
    kind: 'Service', apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    spec: d.spec,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
    clusterIP: null,
  };
}

function carried(d: Draft<SimCarriedObject>, s: StoreFields): SimCarriedObject {
  return {
    kind: d.kind, apiVersion: d.apiVersion, namespace: s.namespace, name: s.name,
    labels: d.labels, annotations: d.annotations, ownerReferences: d.ownerReferences, finalizers: d.finalizers,
    body: d.body,
    uid: s.uid, resourceVersion: s.resourceVersion, createdMs: s.createdMs, deletionMs: null, deletedMs: null,
  };
}
