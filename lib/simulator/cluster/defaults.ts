/**
 * API-server defaulting of the specs the simulator reads, as `pkg/apis/{apps,batch,core}/v1/defaults.go`
 * apply it when an object is created. Only fields the simulated components read are defaulted.
 */
import type { PodSpec, ServiceSpec } from './api-shapes';
import type {
  CronJobSpec, CronJobStatus, DaemonSetSpec, DaemonSetStatus, JobSpec, JobStatus, StatefulSetSpec, StatefulSetStatus,
} from './workload-objects';

type Loose<T> = Partial<T> & Record<string, unknown>;

/**
 * StatefulSet defaults (`SetDefaults_StatefulSet`): replicas 1, podManagementPolicy OrderedReady,
 * updateStrategy RollingUpdate with partition 0, revisionHistoryLimit 10, minReadySeconds 0,
 * persistentVolumeClaimRetentionPolicy Retain/Retain (StatefulSetAutoDeletePVC, beta in 1.27),
 * ordinals.start 0 (StatefulSetStartOrdinal, beta in 1.27).
 */
export function defaultStatefulSetSpec(spec: Loose<StatefulSetSpec>): StatefulSetSpec {
  const strategy = (spec.updateStrategy ?? {}) as Partial<StatefulSetSpec['updateStrategy']>;
  const type = strategy.type ?? 'RollingUpdate';
  const policy = (spec.persistentVolumeClaimRetentionPolicy ?? {}) as Partial<StatefulSetSpec['persistentVolumeClaimRetentionPolicy']>;
  return {
    ...(spec as unknown as StatefulSetSpec),
    replicas: spec.replicas ?? 1,
    podManagementPolicy: spec.podManagementPolicy ?? 'OrderedReady',
    updateStrategy: type === 'RollingUpdate'
      ? { type, rollingUpdate: { ...(strategy.rollingUpdate ?? {}), partition: strategy.rollingUpdate?.partition ?? 0 } }
      : { type },
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    minReadySeconds: spec.minReadySeconds ?? 0,
    persistentVolumeClaimRetentionPolicy: { whenDeleted: policy.whenDeleted ?? 'Retain', whenScaled: policy.whenScaled ?? 'Retain' },
    ordinals: { start: (spec.ordinals as { start?: number } | undefined)?.start ?? 0 },
    volumeClaimTemplates: spec.volumeClaimTemplates ?? [],
  };
}

/**
 * DaemonSet defaults (`SetDefaults_DaemonSet`): updateStrategy RollingUpdate with maxUnavailable 1
 * and maxSurge 0, revisionHistoryLimit 10, minReadySeconds 0.
 */
export function defaultDaemonSetSpec(spec: Loose<DaemonSetSpec>): DaemonSetSpec {
  const strategy = (spec.updateStrategy ?? {}) as Partial<DaemonSetSpec['updateStrategy']>;
  const type = strategy.type ?? 'RollingUpdate';
  return {
    ...(spec as unknown as DaemonSetSpec),
    updateStrategy: type === 'RollingUpdate'
      ? { type, rollingUpdate: { maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? 1, maxSurge: strategy.rollingUpdate?.maxSurge ?? 0 } }
      : { type },
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    minReadySeconds: spec.minReadySeconds ?? 0,
  };
}

/**
 * Job defaults (`SetDefaults_Job`): when both completions and parallelism are unset both become 1;
 * parallelism alone unset → 1 (completions stays as given; unset completions with parallelism set
 * is work-queue mode); backoffLimit 6; completionMode NonIndexed; suspend false. The selector is
 * generated at creation (see admission.ts), so it is left as given here.
 */
export function defaultJobSpec(spec: Loose<JobSpec>): JobSpec {
  const bothUnset = spec.completions === undefined && spec.parallelism === undefined;
  // Object.assign rather than a leading spread followed by new keys (slow in V8, see
  // materialize.ts); same keys in the same order. Every Job a CronJob starts is defaulted.
  return Object.assign({}, spec as unknown as JobSpec, bothUnset ? { completions: 1 } : {}, {
    parallelism: spec.parallelism ?? 1,
    backoffLimit: spec.backoffLimit ?? 6,
    completionMode: spec.completionMode ?? 'NonIndexed',
    suspend: spec.suspend ?? false,
  }) as JobSpec;
}

/**
 * CronJob defaults (`SetDefaults_CronJob`): concurrencyPolicy Allow, suspend false,
 * successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1.
 */
export function defaultCronJobSpec(spec: Loose<CronJobSpec>): CronJobSpec {
  return {
    ...(spec as unknown as CronJobSpec),
    concurrencyPolicy: spec.concurrencyPolicy ?? 'Allow',
    suspend: spec.suspend ?? false,
    successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit ?? 3,
    failedJobsHistoryLimit: spec.failedJobsHistoryLimit ?? 1,
  };
}

/** Service defaults: type ClusterIP. */
export function defaultServiceSpec(spec: Loose<ServiceSpec>): ServiceSpec {
  return { ...(spec as ServiceSpec), type: spec.type ?? 'ClusterIP' };
}

/**
 * Pod defaults applied at pod creation (`SetDefaults_Pod`, `SetDefaults_PodSpec`):
 * restartPolicy Always; for each container, every resource with a limit but no request gets the
 * limit as its request ("if requests not set, set to limits").
 */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const withRequests = (containers: PodSpec['containers'] | undefined) => containers?.map((c) => {
    const limits = c.resources?.limits;
    if (!limits) return c;
    const requests = { ...(c.resources?.requests ?? {}) } as Record<string, string | number>;
    for (const [k, v] of Object.entries(limits)) {
      if (requests[k] === undefined) requests[k] = v as string | number;
    }
    return { ...c, resources: { ...c.resources, requests } };
  });
  return {
    ...spec,
    restartPolicy: spec.restartPolicy ?? 'Always',
    containers: withRequests(spec.containers) ?? [],
    ...(spec.initContainers ? { initContainers: withRequests(spec.initContainers) } : {}),
  };
}

/** A StatefulSet status before the controller's first sync. */
export function emptyStatefulSetStatus(): StatefulSetStatus {
  return {
    observedGeneration: 0, replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0,
    currentRevision: '', updateRevision: '', collisionCount: 0,
  };
}

/** A DaemonSet status before the controller's first sync. */
export function emptyDaemonSetStatus(): DaemonSetStatus {
  return {
    observedGeneration: 0, desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0,
    numberAvailable: 0, numberUnavailable: 0, updatedNumberScheduled: 0, collisionCount: 0,
  };
}

/** A Job status before the controller's first sync. */
export function emptyJobStatus(): JobStatus {
  return { startTime: null, completionTime: null, active: 0, ready: 0, succeeded: 0, failed: 0, conditions: [] };
}

/** A CronJob status before the controller's first sync. */
export function emptyCronJobStatus(): CronJobStatus {
  return { active: [], lastScheduleTime: null, lastSuccessfulTime: null };
}
