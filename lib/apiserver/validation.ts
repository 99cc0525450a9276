/**
 * The Kubernetes 1.27 API server's semantic validation for the simulated kinds — the rules the
 * OpenAPI schema cannot express (`pkg/apis/{apps,batch,core}/validation/validation.go`), plus
 * warnings for what the API server accepts but breaks at runtime. Runs after the schema check
 * passed, so the shapes are known to be right.
 */
import { Schedule } from '../schedule/schedule';
import { ScheduleError } from '../schedule/schedule-error';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from './names';
import { matchesSelector } from './labels';
import type { Manifest } from './kinds';
import { ManifestIssueCode } from './issues';
import { checkPodSpec } from './validation/pod-spec';
import { validateVersionedJobSpec } from './validation/job-versioned';

/** A semantic problem at a field path. */
export interface SemanticIssue {
  /** The class. */
  readonly code: ManifestIssueCode;
  /** Dotted path. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Semantic problems and warnings of one manifest. */
export interface SemanticResult {
  /** Errors: the API server would reject the object. */
  readonly issues: SemanticIssue[];
  /** Accepted by the API server but worth telling (runtime failures, ignored fields). */
  readonly warnings: string[];
}

type Obj = Record<string, any>;

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Checks `m` (a schema-valid manifest of any kind). */
export function semanticIssues(m: Manifest): SemanticResult {
  const issues: SemanticIssue[] = [];
  const warnings: string[] = [];
  const add = (code: ManifestIssueCode, path: string, message: string) => issues.push({ code, path, message });
  const md = (m.metadata ?? {}) as Obj;
  const name: string | undefined = md.name;
  if (!name && !md.generateName) {
    add(ManifestIssueCode.MISSING_FIELD, 'metadata.name', 'missing required field `metadata.name`; give the object a name');
  } else if (name) {
    const errs = m.kind === 'Service' ? dns1035Errors(name) : dns1123SubdomainErrors(name);
    for (const e of errs) add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} is invalid: ${e}`);
  }
  if (md.namespace !== undefined) {
    for (const e of dns1123LabelErrors(md.namespace)) add(ManifestIssueCode.INVALID_NAME, 'metadata.namespace', `\`metadata.namespace\` ${JSON.stringify(md.namespace)} is invalid: ${e}`);
  }
  checkLabels(md.labels, 'metadata.labels', add);
  const spec = (m.spec ?? {}) as Obj;
  switch (m.kind) {
    case 'StatefulSet': statefulSet(name ?? '', spec, add, warnings); break;
    case 'DaemonSet': daemonSet(spec, add, warnings); break;
    case 'Job': job(name ?? '', spec, 'spec', add, warnings); break;
    case 'CronJob': cronJob(name ?? '', spec, add, warnings); break;
    case 'Service': service(spec, add); break;
    case 'Pod': checkPodSpec(spec, 'spec', { context: 'pod', add, warnings }); break;
    default:
  }
  return { issues, warnings };
}

type Add = (code: ManifestIssueCode, path: string, message: string) => void;

function dns1035Errors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) {
    out.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }
  return out;
}

function checkLabels(labels: Obj | undefined, path: string, add: Add): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const e of labelKeyErrors(k)) add(ManifestIssueCode.INVALID_VALUE, path, `label key ${JSON.stringify(k)} in \`${path}\` is invalid: ${e}`);
    for (const e of labelValueErrors(String(v))) add(ManifestIssueCode.INVALID_VALUE, path, `label value ${JSON.stringify(v)} of \`${k}\` in \`${path}\` is invalid: ${e}`);
  }
}

function nonNegative(value: unknown, path: string, add: Add): void {
  if (typeof value === 'number' && value < 0) {
    add(ManifestIssueCode.INVALID_VALUE, path, `\`${path}\` must be greater than or equal to 0, got ${value}`);
  }
}

/** selector non-empty and matching the template labels (apps `ValidateStatefulSetSpec` / `ValidateDaemonSetSpec`). */
function selectorMatchesTemplate(kind: string, spec: Obj, add: Add): void {
  const selector = spec.selector as Obj | undefined;
  const empty = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
  if (empty) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.selector', `\`spec.selector\` is empty: an empty selector is invalid for a ${kind}; select the template's labels, e.g. matchLabels: {app: …}`);
    return;
  }
  const labels = spec.template?.metadata?.labels ?? {};
  if (!matchesSelector(selector as never, labels)) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.template.metadata.labels',
      `\`spec.selector\` does not match template \`labels\` (selector ${JSON.stringify(selector)}, labels ${JSON.stringify(labels)}); make spec.template.metadata.labels carry every label the selector requires`);
  }
}

function statefulSet(name: string, spec: Obj, add: Add, warnings: string[]): void {
  selectorMatchesTemplate('StatefulSet', spec, add);
  checkLabels(spec.template?.metadata?.labels, 'spec.template.metadata.labels', add);
  checkPodSpec(spec.template?.spec ?? {}, 'spec.template.spec', { allowed: { values: ['Always'], why: 'StatefulSet pods must always restart' }, context: 'statefulset', add, warnings,
    claimVolumes: (spec.volumeClaimTemplates ?? []).map((t: Obj) => t.metadata?.name).filter(Boolean) });
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

function daemonSet(spec: Obj, add: Add, warnings: string[]): void {
  selectorMatchesTemplate('DaemonSet', spec, add);
  checkLabels(spec.template?.metadata?.labels, 'spec.template.metadata.labels', add);
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

function job(name: string, spec: Obj, path: string, add: Add, warnings: string[]): void {
  const templatePath = `${path}.template`;
  checkLabels(spec.template?.metadata?.labels, `${templatePath}.metadata.labels`, add);
  checkPodSpec(spec.template?.spec ?? {}, `${templatePath}.spec`, {
    allowed: { values: ['OnFailure', 'Never'], why: 'a Job pod must stop when its work is done (set restartPolicy: OnFailure to retry in place, or Never for a new pod per retry)' },
    context: 'template', add, warnings,
  });
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) nonNegative(spec[f], `${path}.${f}`, add);
  validateVersionedJobSpec(spec, path, add); // post-1.27 fields, only where present
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
    add(ManifestIssueCode.MISSING_FIELD, `${path}.completions`, `missing required field \`${path}.completions\` when completionMode is Indexed`);
  }
  if (spec.podFailurePolicy !== undefined && spec.template?.spec?.restartPolicy !== 'Never') {
    add(ManifestIssueCode.INVALID_VALUE, `${templatePath}.spec.restartPolicy`, `\`${templatePath}.spec.restartPolicy\`: only "Never" is supported when podFailurePolicy is specified`);
  }
  if (spec.selector !== undefined && spec.manualSelector !== true) {
    add(ManifestIssueCode.INVALID_VALUE, `${path}.selector`, `\`${path}.selector\` will be auto-generated; remove it (or set manualSelector: true and make it match the template labels)`);
  }
  if (name && name.length > 63 && spec.manualSelector !== true) {
    add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} is ${name.length} characters: the job-name label of its pods must be no more than 63 characters`);
  }
}

function cronJob(name: string, spec: Obj, add: Add, warnings: string[]): void {
  if (name.length > 52) {
    add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} must be no more than 52 characters (the controller appends an 11-character suffix to name its Jobs); shorten it`);
  }
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) nonNegative(spec[f], `spec.${f}`, add);
  const jobSpec = spec.jobTemplate?.spec ?? {};
  if (jobSpec.selector !== undefined || jobSpec.manualSelector === true) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.jobTemplate.spec.selector', '`spec.jobTemplate.spec.selector` and `manualSelector` are not allowed in a CronJob; remove them');
  }
  job('', { ...jobSpec, selector: undefined, manualSelector: undefined }, 'spec.jobTemplate.spec', add, warnings);
  const schedule: string = spec.schedule;
  let expression = schedule;
  let timeZone: string | undefined = spec.timeZone;
  // 1.27 accepts `TZ=<zone> <schedule>` when spec.timeZone is unset, with an UnsupportedSchedule
  // warning on every sync (cronjob_controllerv2.go#formatSchedule); only TZ + spec.timeZone is rejected.
  const tz = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(schedule ?? '');
  if (tz && timeZone === undefined) {
    warnings.push(`schedule ${JSON.stringify(schedule)} uses TZ=, which Kubernetes 1.27 accepts but does not officially support (Warning UnsupportedSchedule on every sync; rejected from 1.29); use spec.timeZone: ${tz[1]}`);
    expression = tz[2];
    timeZone = tz[1];
  } else if (tz) {
    add(ManifestIssueCode.INVALID_SCHEDULE, 'spec.schedule', '`spec.schedule` cannot use both timeZone field and TZ or CRON_TZ in schedule; remove the TZ= prefix');
    return;
  }
  try {
    const parsed = Schedule.parse(expression, timeZone !== undefined ? { timeZone } : {});
    if (parsed.nextAfterMs(Date.UTC(2024, 0, 1)) === undefined) {
      warnings.push(`schedule ${JSON.stringify(schedule)} never fires: the API server accepts it, and the CronJob controller records Warning InvalidSchedule`);
    }
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    const path = e.field === 'timeZone' ? 'spec.timeZone' : 'spec.schedule';
    add(e.field === 'timeZone' ? ManifestIssueCode.INVALID_TIME_ZONE : ManifestIssueCode.INVALID_SCHEDULE, path,
      `\`${path}\` ${JSON.stringify(e.value)} is invalid: ${e.reason}${e.hint ? `; ${e.hint}` : ''}`);
  }
}

function service(spec: Obj, add: Add): void {
  const type = spec.type ?? 'ClusterIP';
  if (spec.clusterIP === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) {
    add(ManifestIssueCode.INVALID_VALUE, 'spec.clusterIP', `\`spec.clusterIP\` may not be set to 'None' for ${type} services; a headless Service must be type ClusterIP`);
  }
  if (type !== 'ExternalName' && spec.clusterIP !== 'None' && (spec.ports ?? []).length === 0) {
    add(ManifestIssueCode.MISSING_FIELD, 'spec.ports', 'missing required field `spec.ports`; a Service with a cluster IP needs at least one port (or set clusterIP: None for a headless Service)');
  }
}
