/**
 * Pod scheduling gates (KEP-3521 PodSchedulingReadiness, beta and on by default in 1.27), ported
 * from `pkg/apis/core/validation/validation.go` of Kubernetes 1.27.
 */
import { labelKeyErrors } from '../names';
import { FieldErrors, Obj } from './field';

/**
 * `validateSchedulingGates` (called from ValidatePodSpec): each gate name is a qualified name
 * (`ValidateQualifiedName`, the label key rules) and appears once.
 *
 * @param gates `spec.schedulingGates`
 * @param path its field path
 * @param errs where errors go
 */
export function validateSchedulingGates(gates: Obj[] | undefined, path: string, errs: FieldErrors): void {
  const seen = new Set<string>();
  (gates ?? []).forEach((g, i) => {
    const name: string = g.name ?? '';
    for (const e of labelKeyErrors(name)) errs.invalid(`${path}[${i}]`, name, e, 'a gate name is a qualified name such as example.com/quota-check');
    if (seen.has(name)) errs.duplicate(`${path}[${i}]`, name, 'list each gate once');
    seen.add(name);
  });
}

/**
 * `validateOnlyDeletedSchedulingGates` (ValidatePodUpdate): an update may remove gates, never add
 * one — "only deletion is allowed, but found new scheduling gate '<name>'". Gates are set when the
 * pod is created and only removed afterwards.
 *
 * @param newGates the gates after the update
 * @param oldGates the gates before
 * @param path `spec.schedulingGates`
 * @returns the error messages (`field.Forbidden`)
 */
export function onlyDeletedSchedulingGates(newGates: Obj[] | undefined, oldGates: Obj[] | undefined, path: string): string[] {
  const old = new Set((oldGates ?? []).map((g) => g.name));
  const out: string[] = [];
  (newGates ?? []).forEach((g, i) => {
    if (!old.has(g.name)) out.push(`${path}[${i}].name: Forbidden: only deletion is allowed, but found new scheduling gate '${g.name}'`);
  });
  return out;
}
