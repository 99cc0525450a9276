/**
 * Job success policy (KEP-3998, JobSuccessPolicy: alpha 1.30, beta 1.31, GA 1.33), ported from
 * `pkg/controller/job/success_policy.go` `matchSuccessPolicy` (release-1.31).
 */
import type { SimJob } from '../cluster/workload-objects';
import { JobFeatures, specV } from './job-features';
import { IndexInterval, intervalsHave, intervalsTotal, parseCompletedIndexes } from './job-indexes';
import { completionsOf } from './job-utils';

/**
 * `matchSuccessPolicy`: the first rule the succeeded indexes satisfy, as the SuccessCriteriaMet
 * message `Matched rules at index <i>`, or null. A rule with `succeededIndexes` needs all of them
 * (or `succeededCount` of them) succeeded; a rule with only `succeededCount` needs that many
 * succeeded indexes. A rule whose `succeededIndexes` parses to nothing is skipped. Only Indexed
 * Jobs reach it; nothing matches without the gate, a policy, or a succeeded index.
 */
export function matchSuccessPolicy(job: SimJob, succeeded: readonly IndexInterval[], f: JobFeatures): string | null {
  const policy = specV(job).successPolicy;
  if (!f.successPolicy || !policy || succeeded.length === 0) return null;
  const completions = completionsOf(job) ?? 0;
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseCompletedIndexes(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      let matched = 0;
      for (const r of required) for (let ix = r.first; ix <= r.last; ix++) if (intervalsHave(succeeded, ix)) matched++;
      const want = rule.succeededCount ?? intervalsTotal(required);
      if (matched >= want) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && rule.succeededCount !== null && intervalsTotal(succeeded) >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return null;
}
