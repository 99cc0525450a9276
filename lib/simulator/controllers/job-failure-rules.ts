/**
 * The Job failure rules (Kubernetes v1.27 `pkg/controller/job/job_controller.go` and
 * `pod_failure_policy.go`): backoffLimit with restartPolicy OnFailure, activeDeadlineSeconds and
 * podFailurePolicy matching. Rules are cited as /work/shared/reference/k8s-controller-semantics.md
 * §4.3 and §4.5.
 */
import type { ContainerStatusLite, PodCondition, SimJob } from '../cluster/objects';
import { JOB_FEATURES_1_27, JobFeatures } from './job-features';
import { isJobSuspended, isPodFailed, JobPodView } from './job-utils';

/** Sum of container restarts (`pastBackoffLimitOnFailure` sums init and regular containers; init containers are not modelled). */
function restartSum(p: JobPodView): number {
  let n = 0;
  for (const c of p.containerStatuses) n += c.restartCount;
  return n;
}

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
  readonly action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count' | null;
}

/**
 * `matchPodFailurePolicy` (§4.5): the first rule (in order) whose `onExitCodes` or
 * `onPodConditions` requirement holds decides. No policy or no match → counted.
 * FailJob messages: `Container <c> for pod <ns>/<pod> failed with exit code <n> matching FailJob
 * rule at index <i>` / `Pod <ns>/<pod> has condition <Type> matching FailJob rule at index <i>`.
 * FailIndex (KEP-3850) decides only with JobBackoffLimitPerIndex on; otherwise its rule is passed
 * over, as upstream's `switch` falls through to the next rule.
 */
export function matchPodFailurePolicy(job: SimJob, pod: JobPodView, f: JobFeatures = JOB_FEATURES_1_27): PodFailurePolicyMatch {
  const policy = job.spec.podFailurePolicy;
  if (!policy) return { failJobMessage: null, countFailed: true, action: null };
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    const action = rule.action as 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
    const failIndex = action === 'FailIndex' && f.backoffLimitPerIndex;
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (cs) {
        if (failIndex) return { failJobMessage: null, countFailed: true, action };
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
        if (failIndex) return { failJobMessage: null, countFailed: true, action };
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
export function failJobMessage(job: SimJob, pods: readonly JobPodView[], f: JobFeatures = JOB_FEATURES_1_27): string | null {
  if (!job.spec.podFailurePolicy) return null;
  for (const p of pods) {
    if (!isPodFailed(p, job, f)) continue;
    const m = matchPodFailurePolicy(job, p, f).failJobMessage;
    if (m !== null) return m;
  }
  return null;
}
