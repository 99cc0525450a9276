/** Pod affinity (`pkg/apis/core/validation/validation.go#validateAffinity`, Kubernetes 1.27). */
import { dns1123LabelErrors, labelKeyErrors } from '../names';
import { FieldErrors, Obj } from './field';
import { validateLabelSelector } from './selector';

const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

// validation.go#ValidateNodeSelectorRequirement
function nodeSelectorRequirement(r: Obj, path: string, errs: FieldErrors): void {
  const values: unknown[] = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.required(`${path}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\'', 'list the values');
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.forbidden(`${path}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'', 'remove the values');
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.required(`${path}.values`, 'must be specified single value when `operator` is \'Lt\' or \'Gt\'', 'give one integer value');
      break;
    default:
      errs.invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator', `use one of ${NODE_OPERATORS.join(', ')}`);
  }
  for (const e of labelKeyErrors(r.key ?? '')) errs.invalid(`${path}.key`, r.key ?? '', e, 'a node selector key is a label key');
}

// validation.go#validateNodeFieldSelectorRequirement: only metadata.name, In or NotIn, one value
function nodeFieldSelectorRequirement(r: Obj, path: string, errs: FieldErrors): void {
  const values: unknown[] = r.values ?? [];
  if (r.operator === 'In' || r.operator === 'NotIn') {
    if (values.length !== 1) errs.required(`${path}.values`, 'must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector', 'give one node name');
  } else {
    errs.invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator', 'use In or NotIn');
  }
  if (r.key !== 'metadata.name') errs.notSupported(`${path}.key`, r.key ?? '', ['metadata.name']);
}

// validation.go#ValidateNodeSelectorTerm
function nodeSelectorTerm(t: Obj, path: string, errs: FieldErrors): void {
  ((t.matchExpressions ?? []) as Obj[]).forEach((r, i) => nodeSelectorRequirement(r, `${path}.matchExpressions[${i}]`, errs));
  ((t.matchFields ?? []) as Obj[]).forEach((r, i) => nodeFieldSelectorRequirement(r, `${path}.matchFields[${i}]`, errs));
}

// validation.go#validatePodAffinityTerm: labelSelector, namespaceSelector, namespaces, topologyKey required
function podAffinityTerm(t: Obj, path: string, errs: FieldErrors): void {
  validateLabelSelector(t.labelSelector, `${path}.labelSelector`, errs);
  validateLabelSelector(t.namespaceSelector, `${path}.namespaceSelector`, errs);
  ((t.namespaces ?? []) as string[]).forEach((ns, i) => {
    for (const e of dns1123LabelErrors(ns)) errs.invalid(`${path}.namespaces[${i}]`, ns, e, 'a namespace name is a DNS label');
  });
  const key: string = t.topologyKey ?? '';
  if (key.length === 0) errs.required(`${path}.topologyKey`, 'can not be empty', 'give a node label key, e.g. kubernetes.io/hostname');
  else for (const e of labelKeyErrors(key)) errs.invalid(`${path}.topologyKey`, key, e, 'a topology key is a node label key');
}

// validation.go#validateWeightedPodAffinityTerms / validatePreferredSchedulingTerms: weight 1-100
function weight(w: unknown, path: string, errs: FieldErrors): void {
  const n = typeof w === 'number' ? w : 0;
  if (n <= 0 || n > 100) errs.invalid(path, n, 'must be in the range 1-100', 'give a weight from 1 to 100');
}

/** validation.go#validateAffinity: node affinity, pod affinity and pod anti-affinity. */
export function validateAffinity(affinity: Obj | undefined, path: string, errs: FieldErrors): void {
  if (!affinity) return;
  const na = affinity.nodeAffinity as Obj | undefined;
  if (na) {
    const np = `${path}.nodeAffinity`;
    const required = na.requiredDuringSchedulingIgnoredDuringExecution as Obj | undefined;
    if (required) {
      // validation.go#ValidateNodeSelector: at least one term
      const rp = `${np}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      const terms: Obj[] = required.nodeSelectorTerms ?? [];
      if (terms.length === 0) errs.required(rp, 'must have at least one node selector term', 'add a term with matchExpressions');
      terms.forEach((t, i) => nodeSelectorTerm(t, `${rp}[${i}]`, errs));
    }
    ((na.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[]).forEach((t, i) => {
      const tp = `${np}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      weight(t.weight, `${tp}.weight`, errs);
      nodeSelectorTerm(t.preference ?? {}, `${tp}.preference`, errs);
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = affinity[kind] as Obj | undefined;
    if (!pa) continue;
    const kp = `${path}.${kind}`;
    ((pa.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[]).forEach((t, i) => podAffinityTerm(t, `${kp}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, errs));
    ((pa.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[]).forEach((t, i) => {
      const tp = `${kp}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      weight(t.weight, `${tp}.weight`, errs);
      podAffinityTerm(t.podAffinityTerm ?? {}, `${tp}.podAffinityTerm`, errs);
    });
  }
}

