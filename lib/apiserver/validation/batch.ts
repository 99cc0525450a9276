/**
 * Job and CronJob create validation (`pkg/apis/batch/validation/validation.go`, Kubernetes 1.27),
 * on the object as the registry leaves it: for a Job without manualSelector, the selector and
 * template labels the strategy generates (`generateSelector`) are checked by
 * ValidateGeneratedSelector against the name and uid.
 */
import { validateVersionedJobSpec } from './job-versioned';
import { Schedule } from '../../schedule/schedule';
import { ScheduleError } from '../../schedule/schedule-error';
import { ManifestIssueCode } from '../issues';
import { matchesSelector } from '../labels';
import { labelKeyErrors } from '../names';
import { Add, FieldErrors, Obj } from './field';
import { validateAnnotations } from './metadata';
import { checkPodSpec } from './pod-spec';
import { validateLabelSelector } from './selector';
import { checkLabels, nonNegative } from './workloads';

/** batch validation.go#maxParallelismForIndexedJob. */
const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;
/** batch validation.go#maxPodFailurePolicyRules / …OnExitCodesValues / …OnPodConditionsPatterns. */
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_CONDITION_PATTERNS = 20;

// batch validation.go#validatePodFailurePolicy + validatePodFailurePolicyRule{,OnExitCodes,OnPodConditions}
function validatePodFailurePolicy(spec: Obj, path: string, errs: FieldErrors): void {
  const rules: Obj[] = spec.podFailurePolicy?.rules ?? [];
  const rulesPath = `${path}.rules`;
  if (rules.length > MAX_RULES) errs.add(errs.invalidCode, rulesPath, errs.hinted(`${rulesPath}: Too many: ${rules.length}: must have at most ${MAX_RULES} items`, 'merge rules'));
  const containers = new Set<string>([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c: Obj) => c.name));
  rules.forEach((rule, i) => {
    const rp = `${rulesPath}[${i}]`;
    // supportedPodFailurePolicyActions: FailIndex from 1.28 (KEP-3850). At 1.27 the version's schema
    // enum has already rejected it; job-versioned.ts requires backoffLimitPerIndex with it.
    const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
    if (rule.action !== undefined && !actions.includes(rule.action)) errs.notSupported(`${rp}.action`, rule.action, actions);
    const exit = rule.onExitCodes as Obj | undefined;
    const conditions: Obj[] = rule.onPodConditions ?? [];
    if (exit) {
      const ep = `${rp}.onExitCodes`;
      if (exit.operator !== undefined && exit.operator !== 'In' && exit.operator !== 'NotIn') errs.notSupported(`${ep}.operator`, exit.operator, ['In', 'NotIn']);
      if (exit.containerName !== undefined && !containers.has(exit.containerName)) {
        errs.invalid(`${ep}.containerName`, exit.containerName, 'must be one of the container or initContainer names in the pod template', 'name a container of the template');
      }
      const values: number[] = exit.values ?? [];
      if (values.length > MAX_EXIT_CODES) errs.add(errs.invalidCode, `${ep}.values`, errs.hinted(`${ep}.values: Too many: ${values.length}: must have at most ${MAX_EXIT_CODES} items`, 'use NotIn for long lists'));
      const seen = new Set<number>();
      let ordered = true;
      values.forEach((v, j) => {
        if (exit.operator === 'In' && v === 0) errs.invalid(`${ep}.values[${j}]`, v, 'must not be 0 for the In operator', 'exit code 0 is success');
        if (seen.has(v)) errs.duplicate(`${ep}.values[${j}]`, v, 'list each exit code once');
        seen.add(v);
        if (j > 0 && values[j - 1] > v) ordered = false;
      });
      if (!ordered) errs.invalid(`${ep}.values`, values, 'must be ordered', 'sort the exit codes');
    }
    if (conditions.length > MAX_CONDITION_PATTERNS) errs.add(errs.invalidCode, `${rp}.onPodConditions`, errs.hinted(`${rp}.onPodConditions: Too many: ${conditions.length}: must have at most ${MAX_CONDITION_PATTERNS} items`, 'split the rule'));
    conditions.forEach((c, j) => {
      const cp = `${rp}.onPodConditions[${j}]`;
      if (c.type) for (const e of labelKeyErrors(c.type)) errs.invalid(`${cp}.type`, c.type, e, 'a condition type is a qualified name such as DisruptionTarget');
      const status = c.status ?? 'True'; // v1 defaults.go#SetDefaults_Job
      if (!['False', 'True', 'Unknown'].includes(status)) errs.notSupported(`${cp}.status`, status, ['False', 'True', 'Unknown']);
    });
    if (exit && conditions.length > 0) errs.add(errs.invalidCode, rp, errs.hinted(`${rp}: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported`, 'split it into two rules'));
    if (!exit && conditions.length === 0) errs.add(errs.invalidCode, rp, errs.hinted(`${rp}: Invalid value: specifying one of OnExitCodes and OnPodConditions is required`, 'add onExitCodes or onPodConditions'));
  });
}

/**
 * batch validation.go#ValidateJob: metadata, ValidateGeneratedSelector, ValidateJobSpec (selector
 * required and matching the template labels), the Indexed pod hostname limit.
 */
export function job(name: string, spec: Obj, add: Add, warnings: string[]): void {
  const errs = new FieldErrors(add);
  jobSpec(spec, 'spec', add, warnings);
  const manual = spec.manualSelector === true;
  const labels: Obj = spec.template?.metadata?.labels ?? {};
  if (manual) {
    // #ValidateJobSpec: selector Required; ValidateLabelSelector; the selector must match the template labels
    if (!spec.selector) errs.required('spec.selector', '', 'give the selector (manualSelector: true means you choose it)');
    else {
      validateLabelSelector(spec.selector, 'spec.selector', errs);
      if (!matchesSelector(spec.selector, labels)) errs.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', 'make the template labels carry every label the selector requires');
    }
  } else {
    // pkg/registry/batch/job/strategy.go#generateSelector keeps user labels and selectors, then
    // #ValidateGeneratedSelector: template job-name must be the Job's name; the selector must be
    // the generated one (only controller-uid), so any user matchLabels/matchExpressions fail
    if (labels['job-name'] !== undefined && labels['job-name'] !== name) errs.invalid('spec.template.metadata.labels', labels['job-name'], `must be '${name}'`, 'remove the job-name label: the server sets it');
    const sel = spec.selector as Obj | undefined;
    const userKeys = Object.keys(sel?.matchLabels ?? {}).filter((k) => k !== 'controller-uid' && k !== 'batch.kubernetes.io/controller-uid');
    if (sel !== undefined && (userKeys.length > 0 || (sel.matchExpressions ?? []).length > 0)) {
      add(ManifestIssueCode.INVALID_VALUE, 'spec.selector', `\`spec.selector\` will be auto-generated; remove it (or set manualSelector: true and make it match the template labels)`);
    }
  }
  // #ValidateJob: an Indexed Job's last pod hostname `<name>-<completions-1>` must be a DNS label
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const host = `${name}-${spec.completions - 1}`;
    if (host.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(host)) errs.invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`, 'shorten the name');
  }
  if (name.length > 63 && !manual) {
    add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} is ${name.length} characters: the job-name label of its pods must be no more than 63 characters`);
  }
}

/**
 * batch validation.go#validateJobSpec (1.27), shared by Jobs and CronJob job templates.
 *
 * @param path `spec` or `spec.jobTemplate.spec`
 */
export function jobSpec(spec: Obj, path: string, add: Add, warnings: string[]): void {
  const templatePath = `${path}.template`;
  checkLabels(spec.template?.metadata?.labels, `${templatePath}.metadata.labels`, add);
  checkPodSpec(spec.template?.spec ?? {}, `${templatePath}.spec`, {
    allowed: { values: ['OnFailure', 'Never'], why: 'a Job pod must stop when its work is done (set restartPolicy: OnFailure to retry in place, or Never for a new pod per retry)' },
    context: 'template', add, warnings,
  });
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) nonNegative(spec[f], `${path}.${f}`, add);
  validateVersionedJobSpec(spec, path, add); // post-1.27 fields, only where present
  const errs = new FieldErrors(add);
  validateAnnotations(spec.template?.metadata?.annotations, `${templatePath}.annotations`, errs);
  // #validateJobSpec: completionMode NonIndexed or Indexed; Indexed needs completions, parallelism ≤ 100000
  const mode = spec.completionMode ?? 'NonIndexed';
  if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']);
  if (mode === 'Indexed' && spec.completions === undefined) {
    add(ManifestIssueCode.MISSING_FIELD, `${path}.completions`, `missing required field \`${path}.completions\` when completionMode is Indexed`);
  }
  if (mode === 'Indexed' && typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
    errs.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`, 'lower parallelism');
  }
  if (spec.podFailurePolicy !== undefined) validatePodFailurePolicy(spec, `${path}.podFailurePolicy`, errs);
  // #validateJobSpec: only "Never" is supported when podFailurePolicy is specified (after the Always/unsupported checks)
  const restart = spec.template?.spec?.restartPolicy ?? 'Always';
  if (spec.podFailurePolicy !== undefined && restart === 'OnFailure') {
    add(ManifestIssueCode.INVALID_VALUE, `${templatePath}.spec.restartPolicy`, `\`${templatePath}.spec.restartPolicy\`: only "Never" is supported when podFailurePolicy is specified`);
  }
}

/** batch validation.go#ValidateCronJobCreate / validateCronJobSpec (1.27). */
export function cronJob(name: string, spec: Obj, add: Add, warnings: string[]): void {
  if (name.length > 52) {
    add(ManifestIssueCode.INVALID_NAME, 'metadata.name', `\`metadata.name\` ${JSON.stringify(name)} must be no more than 52 characters (the controller appends an 11-character suffix to name its Jobs); shorten it`);
  }
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) nonNegative(spec[f], `spec.${f}`, add);
  const errs = new FieldErrors(add);
  // #validateConcurrencyPolicy (defaulted to Allow)
  const concurrency = spec.concurrencyPolicy ?? 'Allow';
  if (!['Allow', 'Forbid', 'Replace'].includes(concurrency)) errs.notSupported('spec.concurrencyPolicy', concurrency, ['Allow', 'Forbid', 'Replace']);
  // #ValidateJobTemplateSpec: "`selector` will be auto-generated"; manualSelector NotSupported
  const template = spec.jobTemplate?.spec ?? {};
  if (template.selector !== undefined) errs.invalid('spec.jobTemplate.spec.selector', template.selector, '`selector` will be auto-generated', 'remove it: the CronJob\'s Jobs get generated selectors');
  if (template.manualSelector === true) errs.notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false'], 'remove manualSelector');
  jobSpec(template, 'spec.jobTemplate.spec', add, warnings);
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
