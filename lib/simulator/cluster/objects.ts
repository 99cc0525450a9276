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
 */
import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IIoK8sApiAppsV1DaemonSetSpec } from 'kubernetes-models/apps/v1/DaemonSetSpec';
import type { IIoK8sApiAppsV1StatefulSetSpec } from 'kubernetes-models/apps/v1/StatefulSetSpec';
import type { IIoK8sApiBatchV1CronJobSpec } from 'kubernetes-models/batch/v1/CronJobSpec';
import type { IIoK8sApiBatchV1JobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { IIoK8sApiCoreV1Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1NodeSelectorTerm } from 'kubernetes-models/v1/NodeSelectorTerm';
import type { IIoK8sApiCoreV1PersistentVolumeClaimSpec } from 'kubernetes-models/v1/PersistentVolumeClaimSpec';
import type { IIoK8sApiCoreV1PodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IIoK8sApiCoreV1PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IIoK8sApiCoreV1ServiceSpec } from 'kubernetes-models/v1/ServiceSpec';
import type { IIoK8sApiCoreV1Toleration } from 'kubernetes-models/v1/Toleration';

// ---------------------------------------------------------------------------------------------
// Kubernetes 1.27 API shapes we reuse (kubernetes-models 4.3.1 is generated from the 1.27 OpenAPI)
// ---------------------------------------------------------------------------------------------

/** core/v1 PodSpec (Kubernetes 1.27). */
export type PodSpec = IIoK8sApiCoreV1PodSpec;
/** core/v1 PodTemplateSpec (Kubernetes 1.27). */
export type PodTemplateSpec = IIoK8sApiCoreV1PodTemplateSpec;
/** core/v1 Container (Kubernetes 1.27). */
export type Container = IIoK8sApiCoreV1Container;
/** core/v1 Toleration (Kubernetes 1.27). */
export type Toleration = IIoK8sApiCoreV1Toleration;
/** core/v1 NodeSelectorTerm (Kubernetes 1.27). */
export type NodeSelectorTerm = IIoK8sApiCoreV1NodeSelectorTerm;
/** meta/v1 LabelSelector (matchLabels + matchExpressions). */
export type LabelSelector = IIoK8sApimachineryPkgApisMetaV1LabelSelector;
/** core/v1 PersistentVolumeClaimSpec (Kubernetes 1.27). */
export type PersistentVolumeClaimSpec = IIoK8sApiCoreV1PersistentVolumeClaimSpec;
/** core/v1 ServiceSpec (Kubernetes 1.27). */
export type ServiceSpec = IIoK8sApiCoreV1ServiceSpec;

/** Taint effects. */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A node taint. */
export interface Taint {
  /** Taint key. */
  readonly key: string;
  /** Taint value (may be empty). */
  readonly value?: string;
  /** Effect. */
  readonly effect: TaintEffect;
  /** When the taint was added, in simulated ms (for NoExecute `tolerationSeconds`). */
  readonly addedMs?: number;
}

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

// ---------------------------------------------------------------------------------------------
// Pods
// ---------------------------------------------------------------------------------------------

/** Pod phases. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** A pod condition. */
export interface PodCondition {
  /** Condition type. */
  readonly type: 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready' | 'DisruptionTarget';
  /** `True` or `False`. */
  readonly status: 'True' | 'False';
  /** Machine-readable reason, e.g. `Unschedulable`. */
  readonly reason?: string;
  /** Human-readable message. */
  readonly message?: string;
  /** When the status last changed, simulated ms. */
  readonly lastTransitionMs: number;
}

/** A lite container status. */
export interface ContainerStatusLite {
  /** Container name. */
  readonly name: string;
  /** Image. */
  readonly image: string;
  /** Whether the container is ready. */
  ready: boolean;
  /** Restarts so far. */
  restartCount: number;
  /** Current state. */
  state: 'waiting' | 'running' | 'terminated';
  /** e.g. `ContainerCreating`, `CrashLoopBackOff`, `Completed`, `Error`. */
  reason: string | null;
  /** Exit code of the last termination, or null. */
  exitCode: number | null;
  /** Start of the current (or last) run, simulated ms. */
  startedMs: number | null;
  /** End of the last run, simulated ms. */
  finishedMs: number | null;
}

/**
 * One snapshot in a pod's {@link SimPod.timeline}, appended by the store whenever phase,
 * readiness, node, IP, restarts or deletion change. Enough to replay the pod (DNS at a past
 * instant, timeline pictures).
 */
export interface PodTransition {
  /** When, simulated ms. */
  readonly atMs: number;
  /** Phase from then on. */
  readonly phase: PodPhase;
  /** Ready from then on. */
  readonly ready: boolean;
  /** Node from then on. */
  readonly nodeName: string | null;
  /** IP from then on. */
  readonly ip: string | null;
  /** Restarts so far. */
  readonly restarts: number;
  /** Whether deletion had been requested. */
  readonly terminating: boolean;
}

/** A pod. */
export interface SimPod extends SimObjectBase {
  /** Always `Pod`. */
  readonly kind: 'Pod';
  /**
   * The PodSpec as created (the template after controller mutations: hostname, subdomain,
   * claim volumes, tolerations, affinity). `spec.nodeName` is not kept here; see {@link nodeName}.
   */
  spec: PodSpec;
  /** Bound node, or null while unscheduled. */
  nodeName: string | null;
  /** Phase. */
  phase: PodPhase;
  /** The Ready condition, as a boolean. */
  ready: boolean;
  /** Container restarts (sum over containers). */
  restarts: number;
  /** Pod IP once the sandbox runs, or null. */
  ip: string | null;
  /** status.reason, e.g. `Evicted`, or null. */
  reason: string | null;
  /** status.message, or null. */
  message: string | null;
  /** Conditions. */
  conditions: PodCondition[];
  /** Per-container status. */
  containerStatuses: ContainerStatusLite[];
  /** Bound to a node, simulated ms. */
  scheduledMs: number | null;
  /** First container start (phase Running), simulated ms. */
  startedMs: number | null;
  /** First time Ready, simulated ms. */
  readyMs: number | null;
  /** Start of the current Ready period (for minReadySeconds availability), or null when not Ready. */
  readySinceMs: number | null;
  /** Container end when the pod finished (Succeeded/Failed) or was killed, simulated ms. */
  finishedMs: number | null;
  /** Grace period applied at deletion, ms, or null. */
  graceMs: number | null;
  /** State snapshots, oldest first; see {@link PodTransition}. */
  timeline: PodTransition[];
}

// ---------------------------------------------------------------------------------------------
// Nodes, claims, services
// ---------------------------------------------------------------------------------------------

/** Node capacity (allocatable). */
export interface NodeCapacity {
  /** CPU in millicores. */
  readonly cpuMilli: number;
  /** Memory in bytes. */
  readonly memoryBytes: number;
  /** Max pods. */
  readonly pods: number;
}

/** A node. */
export interface SimNode extends SimObjectBase {
  /** Always `Node`. */
  readonly kind: 'Node';
  /** Taints (cordon adds `node.kubernetes.io/unschedulable:NoSchedule`). */
  taints: Taint[];
  /** Allocatable resources. */
  capacity: NodeCapacity;
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  /** Position in node creation order, from 1: the pod CIDR is `10.244.<index>.0/24`. */
  readonly index: number;
  /**
   * `status.addresses` InternalIP, `192.168.0.10 + index` (network.ts `nodeInternalIP`: worker1 →
   * 192.168.0.11): the kubelet's host IP, and the IP of every hostNetwork pod on the node.
   */
  readonly internalIP: string;
}

/** A PersistentVolumeClaim. */
export interface SimPvc extends SimObjectBase {
  /** Always `PersistentVolumeClaim`. */
  readonly kind: 'PersistentVolumeClaim';
  /** The claim spec. */
  spec: PersistentVolumeClaimSpec;
  /** Claims are bound at once (no provisioner is modelled). */
  phase: 'Pending' | 'Bound' | 'Lost';
}

/** A Service. */
export interface SimService extends SimObjectBase {
  /** Always `Service`. */
  readonly kind: 'Service';
  /** The spec with `type` defaulted to ClusterIP. */
  spec: ServiceSpec;
  /** `None` for a headless Service, else the allocated virtual IP (10.96.0.0/12), or null for ExternalName. */
  readonly clusterIP: string | null;
}

/** An object of a kind carried without behaviour (Secret, ConfigMap, …). */
export interface SimCarriedObject extends SimObjectBase {
  /** The kind. */
  readonly kind: CarriedKind;
  /** The manifest as loaded. */
  readonly body: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------------------------

/** Fields every workload has: a spec with defaults applied, a generation, and a controller-owned status. */
export interface SimWorkload<K extends 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob', S, St> extends SimObjectBase {
  /** The kind. */
  readonly kind: K;
  /** metadata.generation: 1 at creation, +1 on every spec change. */
  generation: number;
  /** The spec with the API server's defaults applied. Replace it (do not edit in place). */
  spec: S;
  /** Written only by the owning controller (through StatusControl). */
  status: St;
}

/** StatefulSet spec after API-server defaulting (apps/v1 `SetDefaults_StatefulSet`). */
export type StatefulSetSpec = IIoK8sApiAppsV1StatefulSetSpec & {
  /** @default 1 */
  replicas: number;
  /** @default OrderedReady */
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  /** @default RollingUpdate with partition 0 */
  updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
  /** @default 10 */
  revisionHistoryLimit: number;
  /** @default 0 */
  minReadySeconds: number;
  /** @default Retain / Retain */
  persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' | 'Delete'; whenScaled: 'Retain' | 'Delete' };
  /** @default start 0 */
  ordinals: { start: number };
};

/** StatefulSet status (apps/v1 field names). */
export interface StatefulSetStatus {
  /** Last generation the controller acted on. */
  observedGeneration: number;
  /** Created pods (terminating included). */
  replicas: number;
  /** Running and Ready pods. */
  readyReplicas: number;
  /** Ready for at least minReadySeconds. */
  availableReplicas: number;
  /** Non-terminating pods at currentRevision. */
  currentReplicas: number;
  /** Non-terminating pods at updateRevision. */
  updatedReplicas: number;
  /** Revision name `<set>-<hash>` of the pods being replaced (or all, when no update is in progress). */
  currentRevision: string;
  /** Revision name `<set>-<hash>` of the current template. */
  updateRevision: string;
  /** Hash collisions (always 0 here). */
  collisionCount: number;
}

/** A StatefulSet. */
export type SimStatefulSet = SimWorkload<'StatefulSet', StatefulSetSpec, StatefulSetStatus>;

/** DaemonSet spec after API-server defaulting (apps/v1 `SetDefaults_DaemonSet`). */
export type DaemonSetSpec = IIoK8sApiAppsV1DaemonSetSpec & {
  /** @default RollingUpdate, maxUnavailable 1, maxSurge 0 */
  updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  /** @default 10 */
  revisionHistoryLimit: number;
  /** @default 0 */
  minReadySeconds: number;
};

/** DaemonSet status (apps/v1 field names). */
export interface DaemonSetStatus {
  /** Last generation acted on. */
  observedGeneration: number;
  /** Nodes that should run the pod. */
  desiredNumberScheduled: number;
  /** Nodes that run at least one daemon pod and should. */
  currentNumberScheduled: number;
  /** Nodes that run a daemon pod but should not. */
  numberMisscheduled: number;
  /** Nodes whose daemon pod is Ready. */
  numberReady: number;
  /** Nodes whose daemon pod is available (minReadySeconds). */
  numberAvailable: number;
  /** desired − available. */
  numberUnavailable: number;
  /** Nodes running the updated pod. */
  updatedNumberScheduled: number;
  /** Hash collisions. */
  collisionCount: number;
}

/** A DaemonSet. */
export type SimDaemonSet = SimWorkload<'DaemonSet', DaemonSetSpec, DaemonSetStatus>;

/**
 * Job spec after API-server defaulting (batch/v1 `SetDefaults_Job`) and the generated selector
 * (`controller-uid`), which the API server adds at creation unless `manualSelector` is true.
 */
export type JobSpec = IIoK8sApiBatchV1JobSpec & {
  /** @default 1 */
  parallelism: number;
  /** @default 6 */
  backoffLimit: number;
  /** @default NonIndexed */
  completionMode: 'NonIndexed' | 'Indexed';
  /** @default false */
  suspend: boolean;
  /** The selector (generated unless manualSelector). */
  selector: LabelSelector;
};

/** A Job condition (times in simulated ms). */
export interface JobCondition {
  /** Condition type. */
  readonly type: 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget';
  /** `True` or `False`. */
  readonly status: 'True' | 'False';
  /** Reason, e.g. `BackoffLimitExceeded` (empty for Complete in 1.27). */
  readonly reason?: string;
  /** Message. */
  readonly message?: string;
  /** When the status last changed, simulated ms. */
  readonly lastTransitionTime: number;
  /** When the condition was last probed, simulated ms. */
  readonly lastProbeTime?: number;
}

/** Job status (batch/v1 field names; times in simulated ms, not RFC 3339). */
export interface JobStatus {
  /** status.startTime, simulated ms, or null. */
  startTime: number | null;
  /** status.completionTime (successful jobs only), simulated ms, or null. */
  completionTime: number | null;
  /** Active pods. */
  active: number;
  /** Ready active pods (JobReadyPods). */
  ready: number;
  /** Succeeded pods. */
  succeeded: number;
  /** Failed pods. */
  failed: number;
  /** Conditions. */
  conditions: JobCondition[];
  /** Indexed jobs: completed indexes as an interval string such as `0-2,4`. */
  completedIndexes?: string;
  /** Pods whose termination is counted but not yet in succeeded/failed (finalizer tracking). */
  uncountedTerminatedPods?: { succeeded: string[]; failed: string[] };
}

/** A Job. */
export type SimJob = SimWorkload<'Job', JobSpec, JobStatus>;

/** CronJob spec after API-server defaulting (batch/v1 `SetDefaults_CronJob`). */
export type CronJobSpec = IIoK8sApiBatchV1CronJobSpec & {
  /** @default Allow */
  concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  /** @default false */
  suspend: boolean;
  /** @default 3 */
  successfulJobsHistoryLimit: number;
  /** @default 1 */
  failedJobsHistoryLimit: number;
};

/** A reference to a Job in CronJob `status.active`. */
export interface JobRef {
  /** Always `Job`. */
  readonly kind: 'Job';
  /** Namespace. */
  readonly namespace: string;
  /** Name. */
  readonly name: string;
  /** uid. */
  readonly uid: string;
}

/** CronJob status (batch/v1 field names; times in simulated ms). */
export interface CronJobStatus {
  /** Running Jobs. */
  active: JobRef[];
  /** The scheduled time of the last Job created, simulated ms, or null. */
  lastScheduleTime: number | null;
  /** completionTime of the last successful Job, simulated ms, or null. */
  lastSuccessfulTime: number | null;
}

/** A CronJob. */
export type SimCronJob = SimWorkload<'CronJob', CronJobSpec, CronJobStatus>;

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
  return obj.ownerReferences.find((r) => r.controller === true);
}

/** An owner reference to `owner` with controller: true and blockOwnerDeletion: true (`metav1.NewControllerRef`). */
export function newControllerRef(owner: SimObjectBase): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true };
}

/** Whether deletion of the object was requested (metadata.deletionTimestamp set). */
export function isTerminating(obj: { readonly deletionMs: number | null }): boolean {
  return obj.deletionMs !== null;
}

/** Whether the pod reached a terminal phase. */
export function isPodTerminal(pod: Pick<SimPod, 'phase'>): boolean {
  return pod.phase === 'Succeeded' || pod.phase === 'Failed';
}

/** The first container's image, or `''`. */
export function podImage(pod: Pick<SimPod, 'spec'>): string {
  return pod.spec.containers?.[0]?.image ?? '';
}
