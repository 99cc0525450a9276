/**
 * The fields the 1.27 API server really requires, checked explicitly. The OpenAPI `required`
 * lists are not what the server enforces (a podFailurePolicy rule with only `onExitCodes`, a
 * StatefulSet without `serviceName` are valid), so the strict schema check ignores them and the
 * Go validation's `field.Required` calls are ported here. Messages are worded like the server's
 * (`spec.template.spec.containers[0].image: Required value`) followed by a fix hint.
 */
import type { Manifest } from './kinds';
import { ManifestIssueCode } from './issues';

/** A missing required field. */
export interface RequiredIssue {
  /** The class. */
  readonly code: ManifestIssueCode;
  /** Dotted path. */
  readonly path: string;
  /** Server wording plus the fix. */
  readonly message: string;
}

type Obj = Record<string, any>;
type Add = (path: string, detail: string, fix: string) => void;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const empty = (v: unknown) => v === undefined || v === null || v === '' || v === 0;

/**
 * Required fields of `m` (a manifest that passed the strict schema check, so types are right).
 *
 * @param m the manifest, status already dropped
 */
export function requiredIssues(m: Manifest): RequiredIssue[] {
  const issues: RequiredIssue[] = [];
  const add: Add = (path, detail, fix) => issues.push({
    code: ManifestIssueCode.MISSING_FIELD, path, message: `${path}: Required value${detail ? `: ${detail}` : ''}; ${fix}`,
  });
  const md = isObj(m.metadata) ? m.metadata : {};
  // k8s.io/apimachinery/pkg/api/validation/objectmeta.go#ValidateObjectMeta: "name or generateName is required".
  if (empty(md.name) && empty(md.generateName)) add('metadata.name', 'name or generateName is required', 'give the object a name');
  const spec = isObj(m.spec) ? m.spec : {};
  switch (m.kind) {
    case 'StatefulSet':
    case 'DaemonSet':
      // pkg/apis/apps/validation/validation.go#ValidateStatefulSetSpec: `if spec.Selector == nil { field.Required(fldPath.Child("selector"), "") }`;
      // #ValidateDaemonSetSpec validates the selector the same way (a nil selector matches nothing).
      if (!isObj(spec.selector)) add('spec.selector', '', "select the template's labels, e.g. selector: {matchLabels: {app: …}}");
      // #ValidatePodTemplateSpecForStatefulSet leaves the pod spec unvalidated in 1.27 (a TODO): a
      // StatefulSet template without containers is admitted, and its pods' creates fail instead.
      template(spec, 'spec', add, m.kind === 'StatefulSet');
      break;
    case 'PersistentVolumeClaim':
      break;
    case 'Job':
      jobSpec(spec, 'spec', add);
      break;
    case 'CronJob':
      // pkg/apis/batch/validation/validation.go#validateCronJobSpec: `if len(spec.Schedule) == 0 { field.Required(fldPath.Child("schedule"), "") }`.
      if (empty(spec.schedule)) add('spec.schedule', '', 'give a cron schedule, e.g. schedule: "0 2 * * *"');
      // #ValidateJobTemplateSpec on spec.jobTemplate (a value, so an absent one is an empty Job spec).
      if (!isObj(spec.jobTemplate)) add('spec.jobTemplate', '', 'give the Job to create: jobTemplate: {spec: {template: …}}');
      else jobSpec(isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {}, 'spec.jobTemplate.spec', add);
      break;
    case 'Pod':
      podSpec(spec, 'spec', add);
      break;
    case 'Service':
      servicePorts(spec, add);
      break;
    default:
  }
  return issues;
}

/**
 * A pod template (`spec.template`, a value in StatefulSetSpec/DaemonSetSpec/JobSpec).
 *
 * @param unvalidated true for a StatefulSet, whose pod spec 1.27 does not validate
 */
function template(spec: Obj, at: string, add: Add, unvalidated = false): void {
  if (!isObj(spec.template)) {
    if (!unvalidated) add(`${at}.template`, '', 'give the pod template: template: {metadata: {labels: …}, spec: {containers: […]}}');
    return;
  }
  if (unvalidated) return;
  podSpec(isObj(spec.template.spec) ? spec.template.spec : {}, `${at}.template.spec`, add);
}

function jobSpec(spec: Obj, at: string, add: Add): void {
  template(spec, at, add);
  // pkg/apis/batch/validation/validation.go#validatePodFailurePolicyRule (1.27).
  list(spec.podFailurePolicy?.rules).forEach((rule, i) => {
    const rp = `${at}.podFailurePolicy.rules[${i}]`;
    if (empty(rule.action)) add(`${rp}.action`, 'valid values: ["Count" "FailJob" "Ignore"]', 'set action: FailJob, Ignore or Count');
    if (isObj(rule.onExitCodes)) {
      // #validatePodFailurePolicyRuleOnExitCodes: operator Required; "at least one value is required".
      const ep = `${rp}.onExitCodes`;
      if (empty(rule.onExitCodes.operator)) add(`${ep}.operator`, 'valid values: ["In" "NotIn"]', 'set operator: In or NotIn');
      if (!Array.isArray(rule.onExitCodes.values) || rule.onExitCodes.values.length === 0) add(`${ep}.values`, 'at least one value is required', 'list the exit codes, e.g. values: [42]');
    }
    // #validatePodFailurePolicyRuleOnPodConditions: `type` Required (status defaults to True).
    list(rule.onPodConditions).forEach((c, j) => {
      if (empty(c.type)) add(`${rp}.onPodConditions[${j}].type`, '', 'name the pod condition, e.g. type: DisruptionTarget');
    });
  });
}

/** pkg/apis/core/validation/validation.go#ValidatePodSpec and the functions it calls. */
function podSpec(spec: Obj, at: string, add: Add): void {
  const volumes = list(spec.volumes);
  // #ValidateVolumes: `if len(vol.Name) == 0 { field.Required(namePath, "") }`.
  volumes.forEach((v, i) => {
    if (empty(v.name)) add(`${at}.volumes[${i}].name`, '', 'name the volume (volumeMounts refer to it by name)');
  });
  // #validateContainers: `if len(containers) == 0 { field.Required(fldPath, "") }`.
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    add(`${at}.containers`, '', 'list at least one container with a name and an image');
  }
  // #validateContainers and #validateInitContainers require name and image; ephemeral containers
  // (#validateEphemeralContainers) are not created with the pod and are not checked here.
  for (const field of ['containers', 'initContainers']) {
    list(spec[field]).forEach((c, i) => container(c, `${at}.${field}[${i}]`, add));
  }
  // #validateTolerations.
  list(spec.tolerations).forEach((t, i) => {
    const tp = `${at}.tolerations[${i}]`;
    const operator = t.operator ?? 'Equal';
    if (empty(t.key) && operator !== 'Exists') {
      add(`${tp}.operator`, 'operator must be Exists when `key` is empty, which means "match all values and all keys"', 'set operator: Exists, or give a key');
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      add(`${tp}.effect`, 'effect must be \'NoExecute\' when `tolerationSeconds` is set', 'set effect: NoExecute, or remove tolerationSeconds');
    }
  });
}

function container(c: Obj, at: string, add: Add): void {
  // #validateContainerCommon → `if len(ctr.Name) == 0 { field.Required(path.Child("name"), "") }`.
  if (empty(c.name)) add(`${at}.name`, '', 'name the container (a DNS label such as `app`)');
  // #validateContainers / #validateInitContainers: `if len(ctr.Image) == 0 { field.Required(path.Child("image"), "") }`.
  if (empty(c.image)) add(`${at}.image`, '', 'every container needs an image, e.g. image: nginx:1.25');
  // #validateContainerPorts: `if port.ContainerPort == 0 { field.Required(idxPath.Child("containerPort"), "") }`.
  list(c.ports).forEach((p, i) => {
    if (empty(p.containerPort)) add(`${at}.ports[${i}].containerPort`, '', 'give the port number the container listens on');
  });
  // #ValidateEnv: `if len(ev.Name) == 0 { field.Required(idxPath.Child("name"), "") }`.
  list(c.env).forEach((e, i) => {
    if (empty(e.name)) add(`${at}.env[${i}].name`, '', 'name the environment variable');
  });
  // #ValidateVolumeMounts (name and mountPath Required) runs with the other mount rules in
  // validation/volumes.ts, so that a missing name and an unknown one are reported together.
}

/** pkg/apis/core/validation/validation.go#validateServicePort. */
function servicePorts(spec: Obj, add: Add): void {
  const ports = list(spec.ports);
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    // `if requireName && len(sp.Name) == 0 { field.Required(fldPath.Child("name"), "") }` — requireName when there are several ports.
    if (ports.length > 1 && empty(p.name)) add(`${pp}.name`, '', 'name each port when a Service has more than one');
    // `validation.IsValidPortNum(int(sp.Port))` rejects the zero value of an absent port.
    if (empty(p.port)) add(`${pp}.port`, '', 'give the port number the Service exposes, e.g. port: 80');
  });
}
