/**
 * The API server's answer to a Pod create whose spec breaks `ValidatePodSpec`
 * (`pkg/apis/core/validation/validation.go`, via ValidatePodCreate), worded as the server words it
 * (no fix hints): what a controller's pod create gets back. The 1.27 server accepts a StatefulSet
 * whose template breaks these rules (ValidatePodTemplateSpecForStatefulSet leaves the pod template
 * validation as a TODO), so the StatefulSet controller's creates fail with these messages.
 */
import { FieldErrors, Obj } from './validation/field';
import { validatePodSpec } from './validation/pod-spec';

/**
 * The field errors of creating a pod with `spec` (`spec.containers[0].ports[0].name: Invalid value: …`),
 * empty when valid.
 *
 * @param spec the pod spec as the controller builds it (template spec plus claim volumes)
 */
export function podSpecCreateErrors(spec: Obj): string[] {
  const out: string[] = [];
  validatePodSpec(spec, 'spec', 'pod', new FieldErrors((_code, _path, message) => out.push(message), false));
  // validateContainers: `if len(containers) == 0 { field.Required(fldPath, "") }`, `field.Required(idxPath.Child("image"), "")`
  if ((spec.containers ?? []).length === 0) out.push('spec.containers: Required value');
  (spec.containers ?? []).forEach((c: Obj, i: number) => {
    if (!c.image) out.push(`spec.containers[${i}].image: Required value`);
  });
  return out;
}

/**
 * `Pod "<name>" is invalid: <error>` or, with several, `… is invalid: [e1, e2]`
 * (`errors.NewInvalid` + `ErrorList.ToAggregate`).
 *
 * @param name the pod name
 * @param errors field errors from {@link podSpecCreateErrors}
 */
export function podInvalidMessage(name: string, errors: readonly string[]): string {
  return `Pod "${name}" is invalid: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
}
