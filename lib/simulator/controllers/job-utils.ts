/**
 * Pure helpers of the Job controller, ported from Kubernetes v1.27 `pkg/controller/job/`
 * (`job_controller.go`, `indexed_job_utils.go`, `pod_failure_policy.go`, `backoff_utils.go`) and
 * `pkg/controller/controller_utils.go` (`ActivePods`). Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.x.
 *
 * Everything here works on {@link JobPodView}s: copies of the pod fields the controller reads,
 * taken before a sync writes anything, so a sync sees one consistent snapshot (an informer cache)
 * even though the simulator's writes change the stored objects at once.
 */
import { dns1123SubdomainErrors } from '../../apiserver/names';
import type { Draft } from '../cluster/factories';
import { podDraft } from '../cluster/factories';
import type { Container, PodSpec } from '../cluster/api-shapes';
import type { ContainerStatusLite, PodCondition, PodPhase, SimPod } from '../cluster/pod-object';
import type { JobCondition, SimJob } from '../cluster/workload-objects';

/** `batch.kubernetes.io/job-tracking`: held on every Job pod until the controller counted it (§4.2, JobTrackingWithFinalizers GA). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** `batch.kubernetes.io/job-completion-index`: the annotation of an Indexed Job's pod (§4.2; no label in 1.27). */
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
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

/** `controller.IsPodActive` (§4.2): not Succeeded, not Failed, no deletionTimestamp. */
export function isPodActive(p: Pick<JobPodView, 'phase' | 'terminating'>): boolean {
  return p.phase !== 'Succeeded' && p.phase !== 'Failed' && !p.terminating;
}

/**
 * `isPodFailed` (§4.3): with a podFailurePolicy (PodDisruptionConditions on) only phase Failed;
 * without one also a pod being deleted that has not succeeded — so deleting a running Job pod
 * counts as a failure.
 */
export function isPodFailed(p: Pick<JobPodView, 'phase' | 'terminating'>, job: SimJob): boolean {
  if (job.spec.podFailurePolicy) return p.phase === 'Failed';
  if (p.phase === 'Failed') return true;
  return p.terminating && p.phase !== 'Succeeded';
}

/** Sum of container restarts (`pastBackoffLimitOnFailure` sums init and regular containers; init containers are not modelled). */
function restartSum(p: JobPodView): number {
  let n = 0;
  for (const c of p.containerStatuses) n += c.restartCount;
  return n;
}

function maxContainerRestarts(p: JobPodView): number {
  let n = 0;
  for (const c of p.containerStatuses) n = Math.max(n, c.restartCount);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Job spec and conditions
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

/** `IsJobFinished`: a Complete or Failed condition with status True. */
export function isJobFinished(job: Pick<SimJob, 'status'>): boolean {
  return finishedConditionOf(job) !== undefined;
}

/** The Complete or Failed condition with status True, if any (its lastTransitionTime is the finish time, §4.7). */
export function finishedConditionOf(job: Pick<SimJob, 'status'>): JobCondition | undefined {
  return job.status.conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/** `newCondition`: lastProbeTime and lastTransitionTime both `now`; empty reason/message are left out (`omitempty`). */
export function newJobCondition(type: JobCondition['type'], status: 'True' | 'False', reason: string, message: string, now: number): JobCondition {
  return {
    type, status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastProbeTime: now,
    lastTransitionTime: now,
  };
}

/**
 * `ensureJobConditionStatus`: replaces the condition of `type` when its status, reason or message
 * differ; adds it when missing unless the wanted status is False. Returns the new list and whether it changed.
 */
export function ensureJobCondition(
  list: readonly JobCondition[], type: JobCondition['type'], status: 'True' | 'False', reason: string, message: string, now: number,
): { conditions: JobCondition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status !== status || (c.reason ?? '') !== reason || (c.message ?? '') !== message) {
      const out = [...list];
      out[i] = newJobCondition(type, status, reason, message, now);
      return { conditions: out, changed: true };
    }
    return { conditions: [...list], changed: false };
  }
  if (status !== 'False') return { conditions: [...list, newJobCondition(type, status, reason, message, now)], changed: true };
  return { conditions: [...list], changed: false };
}

// ---------------------------------------------------------------------------------------------
// Failure rules (§4.3, §4.5)
// ---------------------------------------------------------------------------------------------

/**
 * `pastBackoffLimitOnFailure` (§4.3): only for restartPolicy OnFailure; the restart counts of
 * Pending and Running pods summed reach backoffLimit (`>=`; `> 0` when backoffLimit is 0).
 */
export function pastBackoffLimitOnFailure(job: SimJob, pods: readonly JobPodView[]): boolean {
  if (job.spec.template.spec?.restartPolicy !== 'OnFailure') return false;
  let sum = 0;
  for (const p of pods) if (p.phase === 'Running' || p.phase === 'Pending') sum += restartSum(p);
  return job.spec.backoffLimit === 0 ? sum > 0 : sum >= job.spec.backoffLimit;
}

/** `pastActiveDeadline` (§4.3): `now − startTime >= activeDeadlineSeconds`, never while suspended. */
export function pastActiveDeadline(job: SimJob, startTime: number | null, now: number): boolean {
  const ads = job.spec.activeDeadlineSeconds;
  if (ads === undefined || ads === null || startTime === null || isJobSuspended(job)) return false;
  return now - startTime >= ads * 1000;
}

/** What a podFailurePolicy says about a failed pod. */
export interface PodFailurePolicyMatch {
  /** The FailJob message, when a FailJob rule matched. */
  readonly failJobMessage: string | null;
  /** Whether the failure counts toward backoffLimit (false only for Ignore). */
  readonly countFailed: boolean;
  /** The action of the matching rule, or null when none matched (counted). */
  readonly action: 'FailJob' | 'Ignore' | 'Count' | null;
}

/**
 * `matchPodFailurePolicy` (§4.5): the first rule (in order) whose `onExitCodes` or
 * `onPodConditions` requirement holds decides. No policy or no match → counted.
 * FailJob messages: `Container <c> for pod <ns>/<pod> failed with exit code <n> matching FailJob
 * rule at index <i>` / `Pod <ns>/<pod> has condition <Type> matching FailJob rule at index <i>`.
 */
export function matchPodFailurePolicy(job: SimJob, pod: JobPodView): PodFailurePolicyMatch {
  const policy = job.spec.podFailurePolicy;
  if (!policy) return { failJobMessage: null, countFailed: true, action: null };
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    const action = rule.action as 'FailJob' | 'Ignore' | 'Count';
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (cs) {
        if (action === 'Ignore') return { failJobMessage: null, countFailed: false, action };
        if (action === 'Count') return { failJobMessage: null, countFailed: true, action };
        if (action === 'FailJob') {
          return {
            failJobMessage: `Container ${cs.name} for pod ${pod.namespace}/${pod.name} failed with exit code ${cs.exitCode} matching FailJob rule at index ${index}`,
            countFailed: true, action,
          };
        }
      }
    } else if (rule.onPodConditions) {
      const cond = matchOnPodConditions(pod, rule.onPodConditions);
      if (cond) {
        if (action === 'Ignore') return { failJobMessage: null, countFailed: false, action };
        if (action === 'Count') return { failJobMessage: null, countFailed: true, action };
        if (action === 'FailJob') {
          return { failJobMessage: `Pod ${pod.namespace}/${pod.name} has condition ${cond.type} matching FailJob rule at index ${index}`, countFailed: true, action };
        }
      }
    }
  }
  return { failJobMessage: null, countFailed: true, action: null };
}

/**
 * `matchOnExitCodes` / `getMatchingContainerFromList`: the first terminated container (of the
 * given name, if any) with a non-zero exit code the operator accepts.
 */
function matchOnExitCodes(
  pod: JobPodView, req: { containerName?: string; operator: string; values: number[] },
): ContainerStatusLite | undefined {
  for (const cs of pod.containerStatuses) {
    if (cs.state !== 'terminated' || cs.exitCode === null) continue; // still running: no exit code to match
    if (req.containerName !== undefined && req.containerName !== cs.name) continue;
    if (cs.exitCode === 0) continue;
    const listed = req.values.includes(cs.exitCode);
    if ((req.operator === 'In' && listed) || (req.operator === 'NotIn' && !listed)) return cs;
  }
  return undefined;
}

/** `matchOnPodConditions`: a pod condition with the pattern's type and status. */
function matchOnPodConditions(pod: JobPodView, patterns: ReadonlyArray<{ type: string; status: string }>): PodCondition | undefined {
  for (const c of pod.conditions) {
    for (const p of patterns) if (c.type === p.type && c.status === p.status) return c;
  }
  return undefined;
}

/**
 * `getFailJobMessage`: the FailJob message of the first failed pod a FailJob rule matches
 * (only with a podFailurePolicy).
 */
export function failJobMessage(job: SimJob, pods: readonly JobPodView[]): string | null {
  if (!job.spec.podFailurePolicy) return null;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const m = matchPodFailurePolicy(job, p).failJobMessage;
    if (m !== null) return m;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Backoff (§4.4)
// ---------------------------------------------------------------------------------------------

/** `backoffRecord`: failures since the last success and the finish time of the latest one. */
export interface BackoffRecord {
  /** Failed pods finished after the last success. */
  readonly failuresAfterLastSuccess: number;
  /** Finish time of the last failure, simulated ms, or null. */
  readonly lastFailureTime: number | null;
}

/** No failures. */
export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTime: null };

/**
 * `getFinishedTime` (1.27.0): the latest container `finishedAt` when every container has
 * terminated, else the sync time `now`.
 */
export function finishedTimeOf(p: JobPodView, now: number): number {
  let finish: number | null = null;
  for (const cs of p.containerStatuses) {
    if (cs.state !== 'terminated' || cs.finishedMs === null) return now;
    finish = finish === null ? cs.finishedMs : Math.max(finish, cs.finishedMs);
  }
  return finish ?? now;
}

/**
 * `newBackoffRecord` (§4.4): new failures add to the count (the last one's finish time kept); a
 * new success resets it, keeping only failures that finished after the latest success.
 */
export function newBackoffRecord(old: BackoffRecord, now: number, newSucceeded: readonly JobPodView[], newFailed: readonly JobPodView[]): BackoffRecord {
  const byFinish = (pods: readonly JobPodView[]) => [...pods].map((p) => finishedTimeOf(p, now)).sort((a, b) => a - b);
  const failedTimes = byFinish(newFailed);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return old;
    return { failuresAfterLastSuccess: old.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes[failedTimes.length - 1] };
  }
  if (failedTimes.length === 0) return NO_BACKOFF;
  const succeededTimes = byFinish(newSucceeded);
  const lastSuccess = succeededTimes[succeededTimes.length - 1];
  let failures = 0;
  let lastFailure: number | null = null;
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    if (failedTimes[i] <= lastSuccess) break;
    if (lastFailure === null) lastFailure = failedTimes[i];
    failures++;
  }
  return { failuresAfterLastSuccess: failures, lastFailureTime: lastFailure };
}

/** The back-off after `failures` failures: 10 s · 2^(failures−1), capped at 360 s (§4.4); 0 without failures. */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  let d = DEFAULT_JOB_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_JOB_BACKOFF_MS) return MAX_JOB_BACKOFF_MS;
  }
  return d;
}

/** `getRemainingTime` (§4.4): how long replacements must still wait after the last failure; 0 when due. */
export function backoffRemainingMs(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === null) return 0;
  const delay = backoffDelayMs(record.failuresAfterLastSuccess);
  const elapsed = now - record.lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
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
// Indexed jobs (§4.2): completed index intervals
// ---------------------------------------------------------------------------------------------

/** An inclusive interval of completion indexes. */
export interface IndexInterval {
  /** First index. */
  readonly first: number;
  /** Last index (inclusive). */
  readonly last: number;
}

/** `orderedIntervals`. */
export type OrderedIntervals = readonly IndexInterval[];

/** `succeededIndexesFromString`: parses `0-2,4`, ignoring malformed parts and indexes ≥ completions. */
export function parseCompletedIndexes(text: string | undefined, completions: number): IndexInterval[] {
  if (!text) return [];
  const out: IndexInterval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = Number.parseInt(limits[0], 10);
    if (!Number.isFinite(first)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      last = Number.parseInt(limits[1], 10);
      if (!Number.isFinite(last)) continue;
      if (last >= completions) last = completions - 1;
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) out[out.length - 1] = { first: prev.first, last };
    else out.push({ first, last });
  }
  return out;
}

/** `orderedIntervals.String`: `0-2,4`. */
export function formatCompletedIndexes(intervals: OrderedIntervals): string {
  return intervals.map((v) => (v.last > v.first ? `${v.first}-${v.last}` : `${v.first}`)).join(',');
}

/** `withOrderedIndexes`: merges sorted `indexes` into the intervals. */
export function withOrderedIndexes(intervals: OrderedIntervals, indexes: readonly number[]): IndexInterval[] {
  const out: IndexInterval[] = [];
  const append = (v: IndexInterval) => {
    const last = out[out.length - 1];
    if (!last || v.first > last.last + 1) out.push(v);
    else if (last.last < v.last) out[out.length - 1] = { first: last.first, last: v.last };
  };
  let i = 0;
  let j = 0;
  while (i < intervals.length && j < indexes.length) {
    if (intervals[i].first < indexes[j]) append(intervals[i++]);
    else { append({ first: indexes[j], last: indexes[j] }); j++; }
  }
  while (i < intervals.length) append(intervals[i++]);
  while (j < indexes.length) { append({ first: indexes[j], last: indexes[j] }); j++; }
  return out;
}

/** `orderedIntervals.has`. */
export function intervalsHave(intervals: OrderedIntervals, ix: number): boolean {
  return intervals.some((v) => v.first <= ix && ix <= v.last);
}

/** `orderedIntervals.total`. */
export function intervalsTotal(intervals: OrderedIntervals): number {
  let n = 0;
  for (const v of intervals) n += v.last - v.first + 1;
  return n;
}

/**
 * `firstPendingIndexes` (§4.2): up to `count` lowest indexes below `completions` that are neither
 * succeeded nor held by an active pod.
 */
export function firstPendingIndexes(activePods: readonly JobPodView[], succeeded: OrderedIntervals, count: number, completions: number): number[] {
  if (count === 0) return [];
  const active = [...new Set(activePods.map((p) => p.completionIndex).filter((ix) => ix !== UNKNOWN_COMPLETION_INDEX))].sort((a, b) => a - b);
  const nonPending = withOrderedIndexes(succeeded, active);
  const out: number[] = [];
  let candidate = 0;
  for (const v of nonPending) {
    for (; candidate < completions && out.length < count && candidate < v.first; candidate++) out.push(candidate);
    if (candidate < v.last + 1) candidate = v.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
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
 * `<job>-<index>-`. The controller ownerReference is added by the PodControl.
 */
export function jobPodDraft(job: SimJob, index: number): Draft<SimPod> {
  const template = job.spec.template;
  const meta = template.metadata ?? {};
  const finalizers = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  let spec: PodSpec = template.spec ?? { containers: [] };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  let generateName = podGenerateName(job.name);
  if (index !== UNKNOWN_COMPLETION_INDEX) {
    annotations[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
    spec = {
      ...spec,
      hostname: `${job.name}-${index}`,
      containers: (spec.containers ?? []).map(withCompletionIndexEnv),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(withCompletionIndexEnv) } : {}),
    };
    generateName = podGenerateNameWithIndex(job.name, index);
  }
  return podDraft({
    namespace: job.namespace, generateName, labels: { ...(meta.labels ?? {}) }, annotations, finalizers, spec,
  });
}
