/**
 * Models of the workloads: StatefulSet, DaemonSet, Job and CronJob, each a spec with the API
 * server's defaults applied and a controller-owned status.
 */
import type { IIoK8sApiAppsV1DaemonSetSpec } from 'kubernetes-models/apps/v1/DaemonSetSpec';
import type { IIoK8sApiAppsV1StatefulSetSpec } from 'kubernetes-models/apps/v1/StatefulSetSpec';
import type { IIoK8sApiBatchV1CronJobSpec } from 'kubernetes-models/batch/v1/CronJobSpec';
import type { IIoK8sApiBatchV1JobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { LabelSelector } from './api-shapes';
import type { SimObjectBase } from './object-meta';

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
