/**
 * The Job conditions (Kubernetes v1.27 `pkg/controller/job/job_controller.go`: `IsJobFinished`,
 * `newCondition`, `ensureJobConditionStatus`). Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.x.
 */
import type { JobCondition, SimJob } from '../cluster/objects';

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
