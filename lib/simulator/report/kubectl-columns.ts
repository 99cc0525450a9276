/**
 * The `kubectl get` columns of Kubernetes 1.27 for the workload kinds, computed from the
 * simulator's objects exactly as `pkg/printers/internalversion/printers.go` computes them
 * (`printStatefulSet`, `printDaemonSet`, `printJob`, `printCronJob`). AGE, DURATION and LAST
 * SCHEDULE are `translateTimestampSince`/`duration.HumanDuration` relative to `nowMs`.
 * (STATUS for Jobs and TIMEZONE for CronJobs arrived after 1.27 and are not printed.)
 */
import type { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from '../cluster/workload-objects';
import { humanDuration } from './human-duration';

/** The workload kinds with a `workloads` timeline. */
export type WorkloadKind = 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** A workload object of one of the {@link WorkloadKind}s. */
export type WorkloadObject = SimStatefulSet | SimDaemonSet | SimJob | SimCronJob;

/** Column headers per kind, as `kubectl get` prints them (NAME left out). */
export const WORKLOAD_COLUMNS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  StatefulSet: ['READY', 'AGE'],
  DaemonSet: ['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  Job: ['COMPLETIONS', 'DURATION', 'AGE'],
  CronJob: ['SCHEDULE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
};

/** printers.go `translateTimestampSince`: `<unknown>` for a zero time, else HumanDuration(now - t). */
export function translateTimestampSince(atMs: number | null, nowMs: number): string {
  return atMs === null ? '<unknown>' : humanDuration(nowMs - atMs);
}

/**
 * `labels.FormatLabels` (k8s.io/apimachinery/pkg/labels): `k=v` pairs sorted by key, joined by
 * `,`; `<none>` when empty.
 */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * printers.go `printJob` COMPLETIONS: `succeeded/completions`; without completions (a work
 * queue) `succeeded/1 of parallelism` when parallelism > 1, else `succeeded/1`.
 */
export function jobCompletions(job: Pick<SimJob, 'spec' | 'status'>): string {
  const completions = job.spec.completions;
  if (completions !== undefined && completions !== null) return `${job.status.succeeded}/${completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${job.status.succeeded}/1 of ${parallelism}` : `${job.status.succeeded}/1`;
}

/**
 * printers.go `printJob` DURATION: empty before startTime; running: HumanDuration(now - start);
 * finished: HumanDuration(completionTime - start).
 */
export function jobDuration(job: Pick<SimJob, 'status'>, nowMs: number): string {
  const start = job.status.startTime;
  if (start === null) return '';
  return humanDuration((job.status.completionTime ?? nowMs) - start);
}

/** The kubectl columns of `obj` at `nowMs`, in {@link WORKLOAD_COLUMNS} order. */
export function workloadColumns(obj: WorkloadObject, nowMs: number): string[] {
  const age = translateTimestampSince(obj.createdMs, nowMs);
  switch (obj.kind) {
    // printStatefulSet: fmt.Sprintf("%d/%d", readyReplicas, *spec.replicas)
    case 'StatefulSet': return [`${obj.status.readyReplicas}/${obj.spec.replicas ?? 1}`, age];
    // printDaemonSet: desired, current, ready, updated, available, labels.FormatLabels(template nodeSelector)
    case 'DaemonSet': {
      const s = obj.status;
      return [String(s.desiredNumberScheduled), String(s.currentNumberScheduled), String(s.numberReady), String(s.updatedNumberScheduled),
        String(s.numberAvailable), formatLabels(obj.spec.template?.spec?.nodeSelector), age];
    }
    case 'Job': return [jobCompletions(obj), jobDuration(obj, nowMs), age];
    // printCronJob: schedule, printBoolPtr(suspend) (True/False), len(active), lastScheduleTime or <none>
    case 'CronJob': return [obj.spec.schedule, obj.spec.suspend ? 'True' : 'False', String(obj.status.active.length),
      obj.status.lastScheduleTime === null ? '<none>' : translateTimestampSince(obj.status.lastScheduleTime, nowMs), age];
    default: return [];
  }
}

/**
 * What makes a workload's columns change other than the clock: the columns with every relative
 * time replaced by the instant it counts from. A timeline gets an entry when this changes.
 */
export function workloadChangeKey(obj: WorkloadObject): string {
  switch (obj.kind) {
    case 'StatefulSet': return `${obj.status.readyReplicas}/${obj.spec.replicas ?? 1}`;
    case 'DaemonSet': {
      const s = obj.status;
      return [s.desiredNumberScheduled, s.currentNumberScheduled, s.numberReady, s.updatedNumberScheduled, s.numberAvailable,
        formatLabels(obj.spec.template?.spec?.nodeSelector)].join('|');
    }
    // (`?? ''`: as Array.prototype.join writes null and undefined)
    case 'Job': return `${jobCompletions(obj)}|${obj.status.startTime ?? ''}|${obj.status.completionTime ?? ''}`;
    case 'CronJob': return `${obj.spec.schedule ?? ''}|${obj.spec.suspend ?? ''}|${obj.status.active.length}|${obj.status.lastScheduleTime ?? ''}`;
    default: return '';
  }
}
