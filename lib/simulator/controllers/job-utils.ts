/**
 * Pure helpers of the Job controller, ported from Kubernetes v1.27 `pkg/controller/job/`
 * (`job_controller.go`, `indexed_job_utils.go`) and `pkg/controller/controller_utils.go`
 * (`ActivePods`): constants, pod snapshots, spec accessors, which pods to delete and the pods a
 * Job creates. Conditions are in job-conditions.ts, the failure rules (`pod_failure_policy.go`) in
 * job-failure-rules.ts, the backoff (`backoff_utils.go`) in job-backoff.ts and the completed-index
 * intervals in job-indexes.ts. Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.x.
 *
 * Everything here works on {@link JobPodView}s: copies of the pod fields the controller reads,
 * taken before a sync writes anything, so a sync sees one consistent snapshot (an informer cache)
 * even though the simulator's writes change the stored objects at once.
 */
import { dns1123SubdomainErrors } from '../../apiserver/names';
import type { Draft } from '../cluster/factories';
import { ownedPodDraft } from '../cluster/factories';
import { EMPTY_STRING_MAP, isEmptyMap } from '../cluster/object-meta';
import type {
  Container, ContainerStatusLite, PodCondition, PodPhase, PodSpec, SimJob, SimPod,
} from '../cluster/objects';
import { hasBackoffLimitPerIndex, JOB_FEATURES_1_27, JobFeatures, onlyReplaceFailedPods } from './job-features';

/** `batch.kubernetes.io/job-tracking`: held on every Job pod until the controller counted it (§4.2, JobTrackingWithFinalizers GA). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** `batch.kubernetes.io/job-completion-index`: the annotation of an Indexed Job's pod (§4.2), and its label with PodIndexLabel (1.28+). */
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** `batch.kubernetes.io/job-index-failure-count` (KEP-3850): failures of the pod's index before it. */
export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
/** `batch.kubernetes.io/job-index-ignored-failure-count` (KEP-3850): failures an Ignore rule matched. */
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count';
/** `JOB_COMPLETION_INDEX`: the env var Indexed pods get through a fieldRef to the annotation (§4.2). */
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** `DefaultJobBackOff = 10 * time.Second` (1.27, §4.4). */
export const DEFAULT_JOB_BACKOFF_MS = 10_000;
/** `MaxJobBackOff = 360 * time.Second` (1.27, §4.4). */
export const MAX_JOB_BACKOFF_MS = 360_000;
/** `MaxPodCreateDeletePerSync = 500` (§4.2). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** `controller.SlowStartInitialBatchSize = 1`: creation batches 1, 2, 4, … (§4.2). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** `podUpdateBatchPeriod = time.Second` with JobReadyPods on (beta in 1.27): pod events sync the Job 1 s later (§4.2). */
export const POD_UPDATE_BATCH_PERIOD_MS = 1_000;
/** `MaxUncountedPods = 500`: terminated pods counted per status flush (`trackJobStatusAndRemoveFinalizers`). */
export const MAX_UNCOUNTED_PODS = 500;
/** `names.MaxGeneratedNameLength` = 63 − 5 random characters. */
export const MAX_GENERATED_NAME_LENGTH = 58;
/** `unknownCompletionIndex = -1`. */
export const UNKNOWN_COMPLETION_INDEX = -1;

// ---------------------------------------------------------------------------------------------
// Pod snapshots
// ---------------------------------------------------------------------------------------------

/** The fields of a pod the Job controller reads, copied at the start of a sync. */
export interface JobPodView {
  /** The stored pod (for writes only; read the copied fields). */
  readonly pod: SimPod;
  /** uid. */
  readonly uid: string;
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Phase. */
  readonly phase: PodPhase;
  /** deletionTimestamp set. */
  readonly terminating: boolean;
  /** Carries {@link JOB_TRACKING_FINALIZER}. */
  readonly hasFinalizer: boolean;
  /** Ready condition True. */
  readonly ready: boolean;
  /** Ready condition's lastTransitionTime while Ready, else null. */
  readonly readySinceMs: number | null;
  /** Bound to a node. */
  readonly scheduled: boolean;
  /** creationTimestamp. */
  readonly createdMs: number;
  /** The completion index annotation, or {@link UNKNOWN_COMPLETION_INDEX}. */
  readonly completionIndex: number;
  /** {@link JOB_INDEX_FAILURE_COUNT_ANNOTATION}, 0 when absent or invalid. */
  readonly indexFailureCount: number;
  /** {@link JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION}, 0 when absent or invalid. */
  readonly indexIgnoredFailureCount: number;
  /** deletionTimestamp, simulated ms, or null. */
  readonly deletionMs: number | null;
  /** The grace period of the deletion, ms, or null. */
  readonly graceMs: number | null;
  /** Container statuses (the stored arrays are replaced, never edited, so this stays a snapshot). */
  readonly containerStatuses: readonly ContainerStatusLite[];
  /** Pod conditions. */
  readonly conditions: readonly PodCondition[];
}

/** Copies the fields of `pod` the controller reads. */
export function podView(pod: SimPod): JobPodView {
  return {
    pod,
    uid: pod.uid,
    name: pod.name,
    namespace: pod.namespace,
    phase: pod.phase,
    terminating: pod.deletionMs !== null,
    hasFinalizer: pod.finalizers.includes(JOB_TRACKING_FINALIZER),
    ready: pod.ready,
    readySinceMs: pod.readySinceMs,
    scheduled: pod.nodeName !== null,
    createdMs: pod.createdMs,
    completionIndex: completionIndexOf(pod.annotations),
    indexFailureCount: countAnnotation(pod.annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION]),
    indexIgnoredFailureCount: countAnnotation(pod.annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION]),
    deletionMs: pod.deletionMs,
    graceMs: pod.graceMs,
    containerStatuses: pod.containerStatuses,
    conditions: pod.conditions,
  };
}

/** `getCompletionIndex`: the annotation as a non-negative integer, else {@link UNKNOWN_COMPLETION_INDEX}. */
export function completionIndexOf(annotations: Readonly<Record<string, string>>): number {
  const v = annotations[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_COMPLETION_INDEX;
  const i = Number(v);
  return i < 0 || !Number.isSafeInteger(i) ? UNKNOWN_COMPLETION_INDEX : i;
}

/** `getIndexFailureCount` / `getIndexIgnoredFailureCount`: a non-negative int32, else 0. */
function countAnnotation(v: string | undefined): number {
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  const n = Number(v);
  return n > 2147483647 ? 0 : n;
}

/** `controller.IsPodActive` (§4.2): not Succeeded, not Failed, no deletionTimestamp. */
export function isPodActive(p: Pick<JobPodView, 'phase' | 'terminating'>): boolean {
  return p.phase !== 'Succeeded' && p.phase !== 'Failed' && !p.terminating;
}

/**
 * `isPodFailed` (§4.3): with a podFailurePolicy (PodDisruptionConditions on) only phase Failed;
 * likewise with `podReplacementPolicy: Failed` (`onlyReplaceFailedPods`, KEP-3939, 1.28+);
 * otherwise also a pod being deleted that has not succeeded — so deleting a running Job pod
 * counts as a failure.
 */
export function isPodFailed(p: Pick<JobPodView, 'phase' | 'terminating'>, job: SimJob, f: JobFeatures = JOB_FEATURES_1_27): boolean {
  if (p.phase === 'Failed') return true;
  if (job.spec.podFailurePolicy || onlyReplaceFailedPods(job, f)) return false;
  return p.terminating && p.phase !== 'Succeeded';
}

/** `controller.IsPodTerminating`: being deleted and not terminal (`status.terminating`, KEP-3939). */
export function isPodTerminating(p: Pick<JobPodView, 'phase' | 'terminating'>): boolean {
  return p.terminating && p.phase !== 'Succeeded' && p.phase !== 'Failed';
}

function maxContainerRestarts(p: JobPodView): number {
  let n = 0;
  for (const c of p.containerStatuses) n = Math.max(n, c.restartCount);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Job spec
// ---------------------------------------------------------------------------------------------

/** `spec.completions`, or null in work-queue mode (completions unset, §4.1). */
export function completionsOf(job: SimJob): number | null {
  const c = job.spec.completions;
  return c === undefined || c === null ? null : c;
}

/** `isIndexedJob`. */
export function isIndexedJob(job: SimJob): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** `jobSuspended`. */
export function isJobSuspended(job: SimJob): boolean {
  return job.spec.suspend === true;
}

// ---------------------------------------------------------------------------------------------
// Which pods to delete (§4.2)
// ---------------------------------------------------------------------------------------------

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * `controller.ActivePods.Less`: pods to delete first sort first — unscheduled < scheduled;
 * Pending < Unknown < Running; not ready < ready; ready for less time < more; more restarts <
 * fewer; newer < older. Ties keep creation order reversed (newer first), for determinism.
 */
export function compareActivePods(a: JobPodView, b: JobPodView): number {
  if (a.scheduled !== b.scheduled) return a.scheduled ? 1 : -1;
  const pa = PHASE_ORDINAL[a.phase] ?? 3;
  const pb = PHASE_ORDINAL[b.phase] ?? 3;
  if (pa !== pb) return pa - pb;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readySinceMs !== b.readySinceMs) {
    // afterOrZero: the later (or unset) Ready time sorts first.
    if (a.readySinceMs === null) return -1;
    if (b.readySinceMs === null) return 1;
    return b.readySinceMs - a.readySinceMs;
  }
  const ra = maxContainerRestarts(a);
  const rb = maxContainerRestarts(b);
  if (ra !== rb) return rb - ra;
  if (a.createdMs !== b.createdMs) return b.createdMs - a.createdMs;
  return a.uid < b.uid ? 1 : a.uid > b.uid ? -1 : 0;
}

/**
 * `activePodsForRemoval` (§4.2): Indexed jobs first drop pods with a duplicated index (keeping the
 * last by ActivePods order) or an index ≥ completions; then, up to `rmAtLeast`, the first pods in
 * {@link compareActivePods} order.
 */
export function activePodsForRemoval(job: SimJob, pods: readonly JobPodView[], rmAtLeast: number): JobPodView[] {
  const rm: JobPodView[] = [];
  let left: JobPodView[];
  if (isIndexedJob(job)) {
    left = [];
    const completions = completionsOf(job) ?? 0;
    const byIndex = [...pods].sort((a, b) => a.completionIndex - b.completionIndex);
    let i = 0;
    while (i < byIndex.length) {
      const ix = byIndex[i].completionIndex;
      let j = i;
      while (j < byIndex.length && byIndex[j].completionIndex === ix) j++;
      const group = byIndex.slice(i, j);
      if (ix === UNKNOWN_COMPLETION_INDEX || ix >= completions) {
        rm.push(...group);
      } else if (group.length === 1) {
        left.push(group[0]);
      } else {
        group.sort(compareActivePods);
        rm.push(...group.slice(0, -1));
        left.push(group[group.length - 1]);
      }
      i = j;
    }
  } else {
    left = [...pods];
  }
  if (rm.length < rmAtLeast) {
    left.sort(compareActivePods);
    rm.push(...left.slice(0, rmAtLeast - rm.length));
  }
  return rm;
}

// ---------------------------------------------------------------------------------------------
// Pod creation (§4.2)
// ---------------------------------------------------------------------------------------------

/** `podGenerateNameWithIndex`: `<job>-<idx>-`, the job name cut so the prefix fits 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/** `getPodsPrefix`: `<job>-`, or the bare name when `<job>-` is not a valid name prefix. */
export function podGenerateName(jobName: string): string {
  const prefix = `${jobName}-`;
  // ValidatePodName(prefix, prefix=true) strips the trailing dash before validating.
  return dns1123SubdomainErrors(prefix.slice(0, -1)).length === 0 ? prefix : jobName;
}

/** `addCompletionIndexEnvVariable`: `JOB_COMPLETION_INDEX` from the annotation, unless the container sets it. */
function withCompletionIndexEnv(c: Container): Container {
  if ((c.env ?? []).some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) return c;
  return {
    ...c,
    env: [...(c.env ?? []), { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }],
  };
}

/**
 * The pod a Job creates (`manageJob` + `controller.GetPodFromTemplate`): the template's labels,
 * annotations, finalizers and spec, plus the tracking finalizer; generateName `<job>-`. An
 * Indexed pod (`index` ≥ 0) also gets the completion-index annotation, `JOB_COMPLETION_INDEX` in
 * every container and init container, `spec.hostname` `<job>-<index>` and generateName
 * `<job>-<index>-`; with PodIndexLabel the completion-index label, with backoffLimitPerIndex the
 * index failure counts `failureCounts` (job-index-failures.ts `newIndexFailureCounts`). The controller
 * ownerReference is added by the PodControl.
 */
export function jobPodDraft(job: SimJob, index: number, f: JobFeatures = JOB_FEATURES_1_27, failureCounts: readonly [number, number] = [0, 0]): Draft<SimPod> {
  const template = job.spec.template;
  const meta = template.metadata ?? {};
  const finalizers = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  let spec: PodSpec = template.spec ?? { containers: [] };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  // A NonIndexed pod's labels are the template's: one map shared by the Job's template and its
  // pods (writers replace an object's labels, never edit them; ClusterState.update), which a long
  // run keeps per pod instead of a copy. An Indexed pod adds its index label to a copy.
  let labels: Record<string, string> = meta.labels ?? {};
  let generateName = podGenerateName(job.name);
  if (index !== UNKNOWN_COMPLETION_INDEX) {
    labels = { ...labels };
    annotations[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
    // addCompletionIndexLabel (KEP-4017, PodIndexLabel, 1.28+).
    if (f.podIndexLabel) labels[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
    // addIndexFailureCountAnnotation (KEP-3850): `getNewIndexFailureCounts` of the replaced pod.
    if (hasBackoffLimitPerIndex(job, f)) {
      const [failures, ignored] = failureCounts;
      annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = String(failures);
      if (ignored > 0) annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = String(ignored);
    }
    spec = {
      ...spec,
      hostname: `${job.name}-${index}`,
      containers: (spec.containers ?? []).map(withCompletionIndexEnv),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(withCompletionIndexEnv) } : {}),
    };
    generateName = podGenerateNameWithIndex(job.name, index);
  }
  return ownedPodDraft({
    namespace: job.namespace, generateName, labels, annotations: isEmptyMap(annotations) ? EMPTY_STRING_MAP : annotations, finalizers, spec,
  });
}

