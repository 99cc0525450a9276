/**
 * StatefulSet and DaemonSet create validation (`pkg/apis/apps/validation/validation.go`,
 * Kubernetes 1.27): the rules the schema cannot express, plus warnings for what the server accepts
 * but breaks at runtime.
 */
import { ManifestIssueCode } from '../issues';
import { matchesSelector } from '../labels';
import { labelKeyErrors, labelValueErrors } from '../names';
import { Add, FieldErrors, Obj } from './field';
import { validateAnnotations } from './metadata';
import { checkPodSpec } from './pod-spec';
import { validateLabelSelector } from './selector';

/** Label key and value errors of a label map (meta/v1 validation.go#ValidateLabels), in our wording. */
export function checkLabels(labels: Obj | undefined, path: string, add: Add): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const e of labelKeyErrors(k)) add(ManifestIssueCode.INVALID_VALUE, path, `label key ${JSON.stringify(k)} in \`${path}\` is invalid: ${e}`);
    for (const e of labelValueErrors(String(v))) add(ManifestIssueCode.INVALID_VALUE, path, `label value ${JSON.stringify(v)} of \`${k}\` in \`${path}\` is invalid: ${e}`);
  }
}

/** core validation.go#ValidateNonnegativeField. */
export function nonNegative(value: unknown, path: string, add: Add): void {
  if (typeof value === 'number' && value < 0) {
    add(ManifestIssueCode.INVALID_VALUE, path, `\`${path}\` must be greater than or equal to 0, got ${value}`);
  }
}

/** selector non-empty and matching the template labels (apps `ValidateStatefulSetSpec` / `ValidateDaemonSetSpec`). */
function selectorMatchesTemplate(kind: string, spec: Obj, add: Add): void {
  const selector = spec.selector as Obj | undefined;
  // meta/v1 validation.go#ValidateLabelSelector (AllowInvalidLabelValueInSelector false)
  validateLabelSelector(selector, 'spec.selector', new FieldErrors(add));
  const empty = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
  if (empty) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.selector', `\`spec.selector\` is empty: an empty selector is invalid for a ${kind}; select the template's labels, e.g. matchLabels: {app: …}`);
    return;
  }
  const labels = spec.template?.metadata?.labels ?? {};
  if (!matchesSelector(selector as never, labels)) {
    new FieldErrors(add).invalid('spec.template.metadata.labels', labels, `\`selector\` does not match template \`labels\` (selector ${JSON.stringify(selector)})`,
      'make spec.template.metadata.labels carry every label the selector requires');
  }
}

/** apps validation.go#ValidateStatefulSetSpec (1.27). */
export function statefulSet(name: string, spec: Obj, add: Add, warnings: string[]): void {
  const errs = new FieldErrors(add);
  selectorMatchesTemplate('StatefulSet', spec, add);
  // #ValidatePodTemplateSpecForStatefulSet: template labels and annotations (the pod spec is a TODO upstream)
  checkLabels(spec.template?.metadata?.labels, 'spec.template.metadata.labels', add);
  validateAnnotations(spec.template?.metadata?.annotations, 'spec.template.annotations', errs);
  // #ValidateStatefulSetSpec: podManagementPolicy and updateStrategy (both defaulted when unset)
  const policy = spec.podManagementPolicy ?? 'OrderedReady';
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'", 'use OrderedReady or Parallel');
  const type = spec.updateStrategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate' && type !== 'OnDelete') errs.invalid('spec.updateStrategy', spec.updateStrategy, "must be 'RollingUpdate' or 'OnDelete'", 'use type RollingUpdate or OnDelete');
  checkPodSpec(spec.template?.spec ?? {}, 'spec.template.spec', { allowed: { values: ['Always'], why: 'StatefulSet pods must always restart' }, context: 'statefulset', add, warnings,
    claimVolumes: (spec.volumeClaimTemplates ?? []).map((t: Obj) => t.metadata?.name).filter(Boolean) });
  // #ValidateStatefulSetSpec: "activeDeadlineSeconds in StatefulSet is not Supported"
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.template.spec.activeDeadlineSeconds', '`spec.template.spec.activeDeadlineSeconds` is forbidden in a StatefulSet template; remove it');
  }
  nonNegative(spec.replicas, 'spec.replicas', add);
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', add);
  nonNegative(spec.ordinals?.start, 'spec.ordinals.start', add);
  const strategy = spec.updateStrategy ?? {};
  if (strategy.type === 'OnDelete' && strategy.rollingUpdate !== undefined) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.updateStrategy.rollingUpdate', "`spec.updateStrategy.rollingUpdate` is only allowed for updateStrategy 'RollingUpdate'; remove it or use type RollingUpdate");
  }
  nonNegative(strategy.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition', add);
  if (strategy.rollingUpdate?.maxUnavailable !== undefined) {
    warnings.push('`spec.updateStrategy.rollingUpdate.maxUnavailable` is ignored by Kubernetes 1.27 (feature gate MaxUnavailableStatefulSet is alpha and off): pods are updated one at a time');
  }
  for (const field of ['whenDeleted', 'whenScaled']) {
    const v = spec.persistentVolumeClaimRetentionPolicy?.[field];
    if (v !== undefined && v !== 'Retain' && v !== 'Delete') {
      add(ManifestIssueCode.INVALID_VALUE, `spec.persistentVolumeClaimRetentionPolicy.${field}`, `\`spec.persistentVolumeClaimRetentionPolicy.${field}\` must be "Retain" or "Delete", got ${JSON.stringify(v)}`);
    }
  }
  const claimNames = new Set<string>();
  (spec.volumeClaimTemplates ?? []).forEach((t: Obj, i: number) => {
    const n = t.metadata?.name;
    const at = `spec.volumeClaimTemplates[${i}].metadata.name`;
    if (!n) add(ManifestIssueCode.MISSING_FIELD, at, `missing required field \`${at}\`; name the claim template (pods mount it by that name)`);
    else if (claimNames.has(n)) add(ManifestIssueCode.INVALID_VALUE, at, `\`${at}\` ${JSON.stringify(n)} is a duplicate`);
    if (n) claimNames.add(n);
  });
  if (name.length > 52) {
    warnings.push(`StatefulSet name ${JSON.stringify(name)} is ${name.length} characters: the pod label controller-revision-hash = "<name>-<hash up to 10 characters>" exceeds 63 characters, so the StatefulSet controller cannot create pods (FailedCreate); use at most 52 characters`);
  }
}

/** apps validation.go#ValidateDaemonSetSpec (1.27). */
export function daemonSet(spec: Obj, add: Add, warnings: string[]): void {
  const errs = new FieldErrors(add);
  selectorMatchesTemplate('DaemonSet', spec, add);
  checkLabels(spec.template?.metadata?.labels, 'spec.template.metadata.labels', add);
  validateAnnotations(spec.template?.metadata?.annotations, 'spec.template.annotations', errs);
  // #ValidateDaemonSetSpec: "activeDeadlineSeconds in DaemonSet is not Supported"
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported', 'remove it');
  }
  // #ValidateDaemonSetSpec: revisionHistoryLimit non-negative; #ValidateDaemonSetUpdateStrategy: type
  nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', add);
  const type = spec.updateStrategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate' && type !== 'OnDelete') errs.notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']);
  checkPodSpec(spec.template?.spec ?? {}, 'spec.template.spec', { allowed: { values: ['Always'], why: 'DaemonSet pods must always restart' }, context: 'template', add, warnings });
  nonNegative(spec.minReadySeconds, 'spec.minReadySeconds', add);
  const ru = spec.updateStrategy?.rollingUpdate;
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && ru) {
    const surge = ru.maxSurge ?? 0;
    const unavailable = ru.maxUnavailable ?? 1;
    const isZero = (v: unknown) => v === 0 || v === '0%';
    const path = 'spec.updateStrategy.rollingUpdate';
    if (!isZero(surge) && !isZero(unavailable)) {
      add(ManifestIssueCode.INVALID_VALUE, `${path}.maxSurge`, `\`${path}.maxSurge\` may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1); set maxUnavailable: 0 to surge`);
    }
    if (isZero(surge) && isZero(unavailable)) {
      add(ManifestIssueCode.INVALID_VALUE, `${path}.maxUnavailable`, `\`${path}.maxUnavailable\` cannot be 0 when maxSurge is 0; allow one of them`);
    }
    for (const [field, v] of [['maxSurge', ru.maxSurge], ['maxUnavailable', ru.maxUnavailable]] as const) {
      if (typeof v === 'string' && (!/^\d+%$/.test(v) || Number(v.slice(0, -1)) > 100)) {
        add(ManifestIssueCode.INVALID_VALUE, `${path}.${field}`, `\`${path}.${field}\` must be an integer or a percentage between 0% and 100%, got ${JSON.stringify(v)}`);
      }
      nonNegative(v, `${path}.${field}`, add);
    }
  }
}
