/**
 * ValidatePodSpec of Kubernetes 1.27 (`pkg/apis/core/validation/validation.go`) for the fields the
 * simulated kinds use: volumes, containers, init and ephemeral containers, restartPolicy,
 * dnsPolicy, nodeSelector, security context, tolerations, scheduling gates.
 */
import { ManifestIssueCode } from '../issues';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from '../names';
import { validateAffinity } from './affinity';
import { Add, FieldErrors, inclusiveRange, Obj } from './field';
import { validateContainerList, validateHostNetwork, validateIds } from './containers';
import { validateSchedulingGates } from './scheduling-gates';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Where a pod spec sits: a Pod (`spec`) or a template (`spec.template.spec`, …). */
export type PodSpecContext = 'pod' | 'template';

/** validation.go#ValidatePodSpec (+ ValidatePodCreate / ValidatePodTemplateSpec for ephemeral containers). */
export function validatePodSpec(spec: Obj, path: string, context: PodSpecContext, errs: FieldErrors, claimVolumes: readonly string[] = []): void {
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`, errs);
  for (const c of claimVolumes) volumes.add(c);
  const names = new Set<string>();
  const containers: Obj[] = spec.containers ?? [];
  validateContainerList(containers, 'containers', `${path}.containers`, names, volumes, errs);
  validateContainerList(spec.initContainers ?? [], 'initContainers', `${path}.initContainers`, names, volumes, errs);
  if ((spec.ephemeralContainers ?? []).length > 0) {
    // validation.go#ValidatePodCreate / ValidatePodTemplateSpec
    if (context === 'pod') errs.forbidden(`${path}.ephemeralContainers`, 'cannot be set on create', 'remove them: ephemeral containers are added to a running pod with kubectl debug');
    else errs.forbidden(`${path}.ephemeralContainers`, 'ephemeral containers not allowed in pod template', 'remove them');
  }
  // validation.go#validateRestartPolicy (unset is defaulted to Always)
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES);
  }
  // validation.go#validateDNSPolicy + validatePodDNSConfig (unset is defaulted to ClusterFirst)
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES);
  }
  if (spec.dnsPolicy === 'None') {
    if (!spec.dnsConfig) errs.required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None', 'add dnsConfig.nameservers');
    else if ((spec.dnsConfig.nameservers ?? []).length === 0) {
      errs.required(`${path}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None', 'add a nameserver IP');
    }
  }
  validateNodeSelector(spec.nodeSelector, `${path}.nodeSelector`, errs);
  // validation.go#ValidatePodSecurityContext
  validateIds(spec.securityContext, `${path}.securityContext`, errs, ['runAsUser', 'runAsGroup', 'fsGroup']);
  validateTolerations(spec.tolerations, `${path}.tolerations`, errs);
  validateSchedulingGates(spec.schedulingGates, `${path}.schedulingGates`, errs);
  validateAffinity(spec.affinity, `${path}.affinity`, errs);
  if (spec.hostNetwork === true) validateHostNetwork(containers, `${path}.containers`, errs);
  // validation.go#ValidatePodSpec: serviceAccountName (ValidateServiceAccountName), nodeName
  // (ValidateNodeName), priorityClassName (ValidatePriorityClassName): DNS subdomains
  for (const [field, what] of [['serviceAccountName', 'a ServiceAccount'], ['nodeName', 'a Node'], ['priorityClassName', 'a PriorityClass']] as const) {
    const v = spec[field];
    if (typeof v === 'string' && v.length > 0) for (const e of dns1123SubdomainErrors(v)) errs.invalid(`${path}.${field}`, v, e, `name ${what} (lower-case letters, digits, - and .)`);
  }
  // validation.go#ValidatePodSpec: activeDeadlineSeconds in [1, MaxInt32]
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > 2147483647)) {
    errs.invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRange(1, 2147483647), 'give a positive number of seconds');
  }
  // validation.go#ValidatePodSecurityContext: "ShareProcessNamespace and HostPID cannot both be enabled"
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.invalid(`${path}.securityContext.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled', 'keep one of shareProcessNamespace and hostPID');
  }
}

// meta/v1/validation.go#ValidateLabels (as ValidatePodSpec applies it to nodeSelector)
function validateNodeSelector(selector: Obj | undefined, path: string, errs: FieldErrors): void {
  for (const [k, v] of Object.entries(selector ?? {})) {
    for (const e of labelKeyErrors(k)) errs.invalid(path, k, e, 'node selector keys are label keys, e.g. kubernetes.io/os');
    for (const e of labelValueErrors(String(v))) errs.invalid(path, v, e, 'node selector values are label values');
  }
}

/** `%#v` of a core.Toleration, as field.Invalid prints a struct value. */
function goToleration(t: Obj): string {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  return `core.Toleration{Key:${JSON.stringify(t.key ?? '')}, Operator:${JSON.stringify(t.operator ?? '')}, Value:${JSON.stringify(t.value ?? '')}, Effect:${JSON.stringify(t.effect ?? '')}, TolerationSeconds:${secs}}`;
}

// validation.go#ValidateTolerations (+ validateTaintEffect)
export function validateTolerations(tolerations: Obj[] | undefined, path: string, errs: FieldErrors): void {
  (tolerations ?? []).forEach((t, i) => {
    const at = `${path}[${i}]`;
    const key: string = t.key ?? '';
    const operator: string = t.operator ?? '';
    const value: string = t.value ?? '';
    if (key.length > 0) for (const e of labelKeyErrors(key)) errs.invalid(`${at}.key`, key, e, 'a toleration key is a label key');
    if (key.length === 0 && operator !== 'Exists') {
      errs.invalid(`${at}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"', 'set operator: Exists, or give a key');
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.invalid(`${at}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set", 'set effect: NoExecute or remove tolerationSeconds');
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = labelValueErrors(value);
      if (msgs.length > 0) errs.invalid(`${at}.operator`, value, msgs.join(';'), 'a toleration value is a label value');
    } else if (operator === 'Exists') {
      if (value.length > 0) {
        errs.add(errs.invalidCode, `${at}.operator`, errs.hinted(`${at}.operator: Invalid value: ${goToleration(t)}: value must be empty when \`operator\` is 'Exists'`, 'remove value, or use operator: Equal'));
      }
    } else {
      errs.notSupported(`${at}.operator`, operator, ['Equal', 'Exists']);
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.notSupported(`${at}.effect`, t.effect, TAINT_EFFECTS);
  });
}

/** How {@link checkPodSpec} reports. */
export interface PodSpecOptions {
  /** Allowed restartPolicy values of the owning kind (the default Always applies when unset). */
  readonly allowed?: { readonly values: readonly string[]; readonly why: string };
  /**
   * `pod`: a Pod. `template`: a DaemonSet/Job/CronJob template (ValidatePodTemplateSpec).
   * `statefulset`: a StatefulSet template, whose pod spec 1.27 does not validate on create
   * (apps validation.go#ValidatePodTemplateSpecForStatefulSet leaves ValidatePodTemplateSpec as a
   * TODO) — ValidatePodSpec findings become warnings: the controller's pod creates will fail.
   */
  readonly context: PodSpecContext | 'statefulset';
  /** Where errors go. */
  readonly add: Add;
  /** Where warnings go. */
  readonly warnings: string[];
  /** StatefulSet volumeClaimTemplates names: the controller adds them to the pod's volumes. */
  readonly claimVolumes?: readonly string[];
}

/** The pod spec rules shared by pods and templates. */
export function checkPodSpec(spec: Obj, path: string, opts: PodSpecOptions): void {
  const { allowed } = opts;
  // A StatefulSet's pod spec is not validated by the 1.27 server: what the pod create will reject is a warning.
  const add: Add = opts.context !== 'statefulset' ? opts.add : (_code, _path, message) => opts.warnings.push(
    `the API server accepts this StatefulSet (1.27 does not validate its pod template), but the controller cannot create its pods (FailedCreate): ${message}`);
  // validation.go#validateContainers: `if len(containers) == 0 { field.Required(fldPath, "") }` (Pods and other templates: required.ts)
  if (opts.context === 'statefulset' && (spec.containers ?? []).length === 0) add(ManifestIssueCode.MISSING_FIELD, `${path}.containers`, `${path}.containers: Required value`);
  (spec.containers ?? []).forEach((c: Obj, i: number) => {
    const at = `${path}.containers[${i}]`;
    if (!c.image) add(ManifestIssueCode.MISSING_FIELD, `${at}.image`, `missing required field \`${at}.image\`; every container needs an image`);
  });
  if (allowed) {
    const policy = spec.restartPolicy ?? 'Always';
    if (!allowed.values.includes(policy)) {
      const given = spec.restartPolicy === undefined ? ' (the default when restartPolicy is not set)' : '';
      opts.add(ManifestIssueCode.INVALID_VALUE, `${path}.restartPolicy`,
        `\`${path}.restartPolicy\` must be ${allowed.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(policy)}${given}; ${allowed.why}`);
    }
  }
  // pkg/api/pod/warnings.go#warningsForPodSpecAndMeta: a negative grace period is accepted (treated as 1)
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace < 0) {
    opts.warnings.push(`${path}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`);
  }
  if (spec.hostname) for (const e of dns1123LabelErrors(spec.hostname)) add(ManifestIssueCode.INVALID_VALUE, `${path}.hostname`, `\`${path}.hostname\` is invalid: ${e}`);
  if (spec.subdomain) for (const e of dns1123LabelErrors(spec.subdomain)) add(ManifestIssueCode.INVALID_VALUE, `${path}.subdomain`, `\`${path}.subdomain\` is invalid: ${e}`);
  validatePodSpec(spec, path, opts.context === 'statefulset' ? 'template' : opts.context, new FieldErrors(add), opts.claimVolumes);
}
