/**
 * A Job's update rules (`pkg/apis/batch/validation/validation.go#ValidateJobSpecUpdate` and
 * `validatePodTemplateUpdate`, Kubernetes 1.27) — with the 1.27 beta feature gates on by default:
 * JobMutableNodeSchedulingDirectives (a suspended Job that never started may change its template's
 * node affinity, node selector, tolerations, labels, annotations and scheduling gates) and
 * ElasticIndexedJob (an Indexed Job's completions may change together with parallelism).
 */
import { deepEqual } from '../../util/deep-equal';
import { Obj } from './field';

/**
 * The update errors of a Job spec, `Job.batch "<name>" is invalid: …`.
 *
 * @param before the stored spec (defaulted)
 * @param after the updated spec (defaulted)
 */
export function jobTemplateUpdateErrors(name: string, before: Obj, after: Obj): string[] {
  const out: string[] = [];
  const invalid = (field: string, detail: string) => out.push(`Job.batch "${name}" is invalid: spec.${field}: Invalid value: ${JSON.stringify(after[field])}: ${detail}`);
  const changed = (field: string) => !deepEqual(before[field], after[field]);
  for (const f of ['selector', 'completionMode', 'podFailurePolicy']) if (changed(f)) invalid(f, 'field is immutable');
  // #ValidateJobSpecUpdate: completions immutable, except for Indexed Jobs (ElasticIndexedJob) when
  // changed in tandem with parallelism
  const indexed = after.completionMode === 'Indexed';
  if (changed('completions')) {
    if (!indexed) invalid('completions', 'field is immutable');
    else if (after.completions !== after.parallelism) invalid('completions', 'can only be modified in tandem with spec.parallelism');
  }
  // #validatePodTemplateUpdate: AllowMutableSchedulingDirectives for a suspended Job (the
  // simulator's suspended Jobs have not started while suspended from creation)
  const template: Obj = after.template ?? {};
  let oldTemplate: Obj = before.template ?? {};
  if (before.suspend === true) {
    oldTemplate = structuredClone(oldTemplate);
    const spec: Obj = (oldTemplate.spec ??= {});
    const next: Obj = template.spec ?? {};
    const affinity: Obj | undefined = spec.affinity ? { ...spec.affinity, nodeAffinity: next.affinity?.nodeAffinity } : (next.affinity ? { nodeAffinity: next.affinity.nodeAffinity } : undefined);
    if (affinity && affinity.nodeAffinity === undefined) delete affinity.nodeAffinity;
    if (affinity && Object.keys(affinity).length > 0) spec.affinity = affinity; else delete spec.affinity;
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) {
      if (next[f] === undefined) delete spec[f]; else spec[f] = next[f];
    }
    const md: Obj = (oldTemplate.metadata ??= {});
    for (const f of ['labels', 'annotations']) {
      if (template.metadata?.[f] === undefined) delete md[f]; else md[f] = template.metadata[f];
    }
  }
  if (!deepEqual(oldTemplate, template)) out.push(`Job.batch "${name}" is invalid: spec.template: Invalid value: ${JSON.stringify(template)}: field is immutable`);
  return out;
}
