/**
 * `ValidatePodUpdate` of Kubernetes 1.27 (`pkg/apis/core/validation/validation.go`) for a scenario
 * `patch` of a Pod: the spec is immutable except the fields the function "munges" back to the old
 * value before its deep-equal comparison — container and init container images,
 * activeDeadlineSeconds, tolerations (only additions), and schedulingGates (only removals,
 * `validateOnlyDeletedSchedulingGates`).
 */
import { deepEqual } from '../util/deep-equal';
import { onlyDeletedSchedulingGates } from './validation/scheduling-gates';

type Obj = Record<string, any>;

/** The 1.27 wording of the immutable-spec error (ValidatePodUpdate, `specPath` Forbidden). */
export const POD_UPDATE_FORBIDDEN = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * The errors of updating a pod's spec from `before` to `after`, each `Pod "<name>" is invalid: …`;
 * empty when the update is allowed.
 *
 * @param name the pod name
 * @param before the stored spec
 * @param after the spec after the patch
 */
export function podSpecUpdateErrors(name: string, before: Obj, after: Obj): string[] {
  const errors = onlyDeletedSchedulingGates(after.schedulingGates, before.schedulingGates, 'spec.schedulingGates');
  const munged: Obj = { ...after };
  const images = (list: Obj[] | undefined, old: Obj[] | undefined) => (list === undefined || old === undefined || list.length !== old.length
    ? list : list.map((c, i) => ({ ...c, image: old[i].image })));
  munged.containers = images(after.containers, before.containers);
  if (after.initContainers !== undefined) munged.initContainers = images(after.initContainers, before.initContainers);
  setOrDelete(munged, 'activeDeadlineSeconds', before.activeDeadlineSeconds);
  setOrDelete(munged, 'schedulingGates', before.schedulingGates);
  const oldTolerations: Obj[] = before.tolerations ?? [];
  const newTolerations: Obj[] = after.tolerations ?? [];
  // validatePodUpdate → ValidateTolerations + "only additions": the old ones must all remain.
  if (oldTolerations.every((t) => newTolerations.some((n) => deepEqual(n, t)))) setOrDelete(munged, 'tolerations', before.tolerations);
  if (!deepEqual(munged, before)) errors.push(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`);
  return errors.map((e) => `Pod "${name}" is invalid: ${e}`);
}

function setOrDelete(o: Obj, key: string, value: unknown): void {
  if (value === undefined) delete o[key];
  else o[key] = value;
}
