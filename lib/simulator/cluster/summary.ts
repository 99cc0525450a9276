/**
 * `history: 'summary'` (see {@link HistoryMode}): when an object leaves the store, the instance the
 * history keeps for the report is cut down, in place, to what the JSON report reads of it. A
 * year of a per-minute CronJob deletes 525,600 Jobs and as many pods; whole, each pod with its
 * spec, conditions, container statuses and state timeline holds a few KB.
 *
 * What a summarised instance keeps: kind, apiVersion, namespace, name, uid, ownerReferences,
 * resourceVersion, the creation/deletion times, and
 * - Pod: phase, ready, restarts, node, IP, reason, message, scheduled/started/ready/finished times,
 *   grace period, and `spec.containers` reduced to the first container's name and image;
 * - Job: generation, the spec's scalar fields (parallelism, completions, backoffLimit,
 *   completionMode, suspend, activeDeadlineSeconds, ttlSecondsAfterFinished), and the status
 *   counts and times with only the Complete/Failed condition;
 * - PersistentVolumeClaim: phase.
 * What it drops (emptied, shared empty values): labels, annotations, finalizers, the rest of the
 * spec and status, pod conditions, container statuses and the pod's `timeline`. Other kinds are
 * kept whole (they are few).
 *
 * Consequences: the JSON report is the same as with `'full'`; DNS answers at a past instant
 * (`lookup(name, at)`) no longer see pods deleted by the end (no labels, no timeline); the HTML
 * timeline draws a deleted pod from the report's first-time fields, so it loses readiness lost
 * and regained, container restarts in place and the like for deleted pods.
 */
import type { PodSpec } from './api-shapes';
import type { SimPvc } from './core-objects';
import type { SimObject } from './objects';
import type { SimPod } from './pod-object';
import type { JobSpec, JobStatus, SimJob } from './workload-objects';

/** How much of a deleted object the store keeps for the report. */
export type HistoryMode = 'full' | 'summary';

const EMPTY_MAP: Record<string, string> = Object.freeze({}) as Record<string, string>;
const EMPTY_LIST: never[] = Object.freeze([]) as unknown as never[];
const EMPTY_SELECTOR = Object.freeze({}) as JobSpec['selector'];
const EMPTY_TEMPLATE = Object.freeze({}) as JobSpec['template'];

/** Reduced pod specs by first container name and image: pods of one template share one. */
const POD_SPECS = new Map<string, PodSpec>();
const POD_SPECS_SIZE = 10_000;

/** Cuts a deleted object down to its summary, in place (see the file comment). */
export function summarize(obj: SimObject): void {
  switch (obj.kind) {
    case 'Pod': return summarizePod(obj);
    case 'Job': return summarizeJob(obj);
    case 'PersistentVolumeClaim': return summarizePvc(obj);
    default:
  }
}

function dropMetadata(obj: SimObject): void {
  obj.labels = EMPTY_MAP;
  obj.annotations = EMPTY_MAP;
  obj.finalizers = EMPTY_LIST;
}

function summarizePod(pod: SimPod): void {
  dropMetadata(pod);
  const first = pod.spec.containers?.[0];
  pod.spec = first ? reducedPodSpec(first.name, first.image) : { containers: EMPTY_LIST };
  pod.conditions = EMPTY_LIST;
  pod.containerStatuses = EMPTY_LIST;
  pod.timeline = EMPTY_LIST;
}

function reducedPodSpec(name: string, image: string | undefined): PodSpec {
  const key = `${name}\u0000${image ?? ''}`;
  let spec = POD_SPECS.get(key);
  if (spec === undefined) {
    if (POD_SPECS.size >= POD_SPECS_SIZE) POD_SPECS.clear();
    spec = Object.freeze({ containers: Object.freeze([Object.freeze(image === undefined ? { name } : { name, image })]) }) as PodSpec;
    POD_SPECS.set(key, spec);
  }
  return spec;
}

function summarizeJob(job: SimJob): void {
  dropMetadata(job);
  const s = job.spec;
  job.spec = {
    parallelism: s.parallelism,
    ...(s.completions !== undefined ? { completions: s.completions } : {}),
    backoffLimit: s.backoffLimit,
    completionMode: s.completionMode,
    suspend: s.suspend,
    ...(s.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: s.activeDeadlineSeconds } : {}),
    ...(s.ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished: s.ttlSecondsAfterFinished } : {}),
    selector: EMPTY_SELECTOR,
    template: EMPTY_TEMPLATE,
  };
  const st = job.status;
  const finished = st.conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const status: JobStatus = {
    startTime: st.startTime, completionTime: st.completionTime, active: st.active, ready: st.ready,
    succeeded: st.succeeded, failed: st.failed, conditions: finished ? [finished] : EMPTY_LIST,
  };
  job.status = status;
}

function summarizePvc(pvc: SimPvc): void {
  dropMetadata(pvc);
  pvc.spec = EMPTY_MAP as SimPvc['spec'];
}
