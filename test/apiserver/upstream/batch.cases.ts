/**
 * Cases ported from `pkg/apis/batch/validation/validation_test.go` (release-1.27): TestValidateJob
 * (incl. pod failure policy), TestValidateJobUpdate, TestValidateCronJob, TestValidateCronJobSpec,
 * TestValidateCronJobUpdate. Upstream's Jobs carry the generated selector; here the server
 * generates it (strategy.go#generateSelector), as for a real create.
 */
import { cronJob, job, jobTemplate, Obj, UpstreamCase } from './harness';

const c = (upstream: string, manifest: Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, expect, ...(note ? { note } : {}) });
const u = (upstream: string, manifest: Obj, update: (o: Obj) => Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, update, expect, ...(note ? { note } : {}) });
const set = (o: Obj, f: (o: Obj) => void): Obj => { f(o); return o; };
const NEVER = jobTemplate({ restartPolicy: 'Never' });
/** A Job with restartPolicy Never and `rules` as its podFailurePolicy. */
const pfp = (rules: Obj[]) => job({ template: NEVER, podFailurePolicy: { rules } });
const onExit = (operator: string, values: number[], extra: Obj = {}) => ({ action: 'FailJob', onExitCodes: { operator, values, ...extra } });
const MANUAL = { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: jobTemplate({}, {}, { labels: { a: 'b' } }) };

/** TestValidateJob. */
const JOB: UpstreamCase[] = [
  c('TestValidateJob/"valid manual selector"', job(MANUAL, { annotations: { foo: 'bar' } }), 'accept'),
  c('TestValidateJob/"valid generated selector"', job(), 'accept'),
  c('TestValidateJob/"valid NonIndexed completion mode"', job({ completionMode: 'NonIndexed' }), 'accept'),
  c('TestValidateJob/"valid Indexed completion mode"', job({ completionMode: 'Indexed', completions: 2, parallelism: 100000 }), 'accept'),
  c('TestValidateJob/"valid pod failure policy"', pfp([
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
    { action: 'FailJob', onPodConditions: [{ type: 'Ready', status: 'False' }] },
    { action: 'Count', onPodConditions: [{ type: 'Ready' }] },
    { action: 'FailJob', onExitCodes: { containerName: 'abc', operator: 'In', values: [1, 2, 3] } },
    { action: 'Ignore', onExitCodes: { containerName: 'abc', operator: 'NotIn', values: [5, 6, 7] } },
    { action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 3] } },
    { action: 'Ignore', onExitCodes: { operator: 'NotIn', values: [5, 6, 7] } }]), 'accept'),
  c('TestValidateJob/"valid pod failure policy" rule with only onExitCodes (issue 16)', pfp([onExit('In', [42])]), 'accept'),
  c('TestValidateJob/"valid job tracking annotation"', job({}, { annotations: { 'batch.kubernetes.io/job-tracking': '' } }), 'accept', '1.27 no longer forbids the annotation on create (JobTrackingWithFinalizers is GA; the check was dropped)'),
  c('TestValidateJob/"spec.parallelism:must be greater than or equal to 0"', job({ parallelism: -1 }), 'spec.parallelism'),
  c('TestValidateJob/"spec.completions:must be greater than or equal to 0"', job({ completions: -1 }), 'spec.completions'),
  c('TestValidateJob/"spec.activeDeadlineSeconds:must be greater than or equal to 0"', job({ activeDeadlineSeconds: -1 }), 'spec.activeDeadlineSeconds'),
  c('TestValidateJob/"spec.backoffLimit:must be greater than or equal to 0"', job({ backoffLimit: -1 }), 'spec.backoffLimit'),
  c('TestValidateJob/"spec.selector:Required value" (manualSelector without a selector)', job({ manualSelector: true, template: jobTemplate({}, {}, { labels: { a: 'b' } }) }), 'spec.selector'),
  c('TestValidateJob/"spec.template.metadata.labels: `selector` does not match template `labels`"', job({ ...MANUAL, template: jobTemplate({}, {}, { labels: { y: 'z' } }) }), 'spec.template.metadata.labels'),
  c('TestValidateJob/"spec.template.metadata.labels: … controller-uid … does not match"', job({ ...MANUAL, template: jobTemplate({}, {}, { labels: { 'controller-uid': '4d5e6f' } }) }), 'spec.template.metadata.labels'),
  c('TestValidateJob/"spec.template.spec.restartPolicy: Required value" (Always)', job({ template: jobTemplate({ restartPolicy: 'Always' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateJob/"spec.template.spec.restartPolicy: Unsupported value"', job({ template: jobTemplate({ restartPolicy: 'Invalid' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateJob/"spec.template.spec.restartPolicy" unset (defaulted to Always)', job({ template: jobTemplate({ restartPolicy: undefined }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateJob/"spec.ttlSecondsAfterFinished: must be greater than or equal to 0"', job({ ttlSecondsAfterFinished: -1 }), 'spec.ttlSecondsAfterFinished'),
  c('TestValidateJob/"spec.completions: Required value: when completion mode is Indexed"', job({ completionMode: 'Indexed' }), 'accept', 'v1 SetDefaults_Job sets completions and parallelism to 1 when both are unset, so the internal-API Required error cannot occur through the v1 API'),
  c('TestValidateJob/"spec.parallelism: must be less than or equal to 100000 when completion mode is Indexed"', job({ completionMode: 'Indexed', completions: 2, parallelism: 100001 }), 'spec.parallelism'),
  c('TestValidateJob/"spec.completions: must be less than or equal to 100000 when completion mode is Indexed"', job({ completionMode: 'Indexed', completions: 100001, parallelism: 1 }), 'accept', '1.27 caps only parallelism (maxParallelismForIndexedJob); the completions limit (completionsSoftLimit) came in 1.28 with backoffLimitPerIndex'),
  c('TestValidateJob/"spec.completionMode: Unsupported value"', job({ completionMode: 'Sometimes' }), 'spec.completionMode'),
  c('TestValidateJob/"metadata.name: will not able to create pod with invalid DNS label" (Indexed)', job({ completionMode: 'Indexed', completions: 2 }, { name: 'a'.repeat(62) }), 'metadata.name'),
  c('TestValidateJob/"spec.selector: `selector` not auto-generated" (selector without manualSelector)', job({ selector: { matchLabels: { a: 'b' } }, template: jobTemplate({}, {}, { labels: { a: 'b' } }) }), 'spec.selector'),
  c('TestValidateJob/"spec.template.metadata.labels: job-name of another Job" (generated selector)', job({ template: jobTemplate({}, {}, { labels: { 'job-name': 'other' } }) }), 'spec.template.metadata.labels'),
  c('TestValidateJob/"spec.template.spec.containers: Required value"', job({ template: jobTemplate({ containers: [] }) }), 'spec.template.spec.containers'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: \'\'"', pfp([onExit('In', [1], { containerName: 'xyz' })]), 'spec.podFailurePolicy.rules[0].onExitCodes.containerName'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].action: Unsupported value"', pfp([{ action: 'UnknownAction', onExitCodes: { operator: 'In', values: [1] } }]), 'spec.podFailurePolicy.rules[0].action'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value"', pfp([onExit('UnknownOperator', [1])]), 'spec.podFailurePolicy.rules[0].onExitCodes.operator'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported"', pfp([{ action: 'FailJob', onExitCodes: { operator: 'In', values: [11] }, onPodConditions: [{ type: 'DisruptionTarget' }] }]), 'spec.podFailurePolicy.rules[0]'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required"', pfp([{ action: 'FailJob' }]), 'spec.podFailurePolicy.rules[0]'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11"', pfp([onExit('In', [11, 11])]), 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items"', pfp([onExit('In', Array.from({ length: 256 }, (_, i) => i + 1))]), 'spec.podFailurePolicy.rules[0].onExitCodes.values'),
  c('TestValidateJob/"spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"', pfp(Array.from({ length: 21 }, () => ({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }))), 'spec.podFailurePolicy.rules'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items"', pfp([{ action: 'Ignore', onPodConditions: Array.from({ length: 21 }, () => ({ type: 'DisruptionTarget' })) }]), 'spec.podFailurePolicy.rules[0].onPodConditions'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Invalid value: 10: must be ordered"', pfp([onExit('In', [12, 13, 10])]), 'spec.podFailurePolicy.rules[0].onExitCodes.values', 'validatePodFailurePolicyRuleOnExitCodes reports "must be ordered" on the values list, not an item'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator"', pfp([onExit('In', [0, 1])]), 'spec.podFailurePolicy.rules[0].onExitCodes.values[0]'),
  c('TestValidateJob/"NotIn operator may include 0"', pfp([{ action: 'Ignore', onExitCodes: { operator: 'NotIn', values: [0, 1] } }]), 'accept'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32(nil): at least one value is required"', pfp([onExit('In', [])]), 'spec.podFailurePolicy.rules[0].onExitCodes.values'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].action: Required value"', pfp([{ onExitCodes: { operator: 'In', values: [1] } }]), 'spec.podFailurePolicy.rules[0].action'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value"', pfp([{ action: 'FailJob', onExitCodes: { values: [1] } }]), 'spec.podFailurePolicy.rules[0].onExitCodes.operator'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onPodConditions[0].type: Required value"', pfp([{ action: 'FailJob', onPodConditions: [{ status: 'True' }] }]), 'spec.podFailurePolicy.rules[0].onPodConditions[0].type'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \'Invalid Condition Type\'"', pfp([{ action: 'FailJob', onPodConditions: [{ type: 'Invalid Condition Type' }] }]), 'spec.podFailurePolicy.rules[0].onPodConditions[0].type'),
  c('TestValidateJob/"spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value"', pfp([{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'UnknownStatus' }] }]), 'spec.podFailurePolicy.rules[0].onPodConditions[0].status'),
  c('TestValidateJob/"spec.template.spec.restartPolicy: Invalid value: \'OnFailure\': only \'Never\' is supported when podFailurePolicy is specified"', job({ podFailurePolicy: { rules: [] } }), 'spec.template.spec.restartPolicy'),
  c('TestValidateJob/"invalid label" (template)', job({ template: jobTemplate({}, {}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }) }), 'spec.template.labels'),
  c('TestValidateJob/"invalid annotation"', job({}, { annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.annotations'),
  c('TestValidateJob/"name longer than 63 characters" (job-name label)', job({}, { name: 'a'.repeat(64) }), 'metadata.name'),
];

/** TestValidateJobUpdate (1.27: JobMutableNodeSchedulingDirectives beta, on). */
const JOB_UPDATE: UpstreamCase[] = [
  u('TestValidateJobUpdate/"mutable fields"', job({ parallelism: 5, activeDeadlineSeconds: 2, ttlSecondsAfterFinished: 1 }), (o) => set(o, (x) => { x.spec.parallelism = 2; x.spec.activeDeadlineSeconds = 3; x.spec.ttlSecondsAfterFinished = 2; }), 'accept'),
  u('TestValidateJobUpdate/suspend (issue 16)', job(), (o) => set(o, (x) => { x.spec.suspend = true; }), 'accept'),
  u('TestValidateJobUpdate/"immutable completions for non-indexed jobs"', job(), (o) => set(o, (x) => { x.spec.completions = 2; }), 'spec.completions'),
  u('TestValidateJobUpdate/"immutable selector"', job(), (o) => set(o, (x) => { x.spec.selector.matchLabels.foo = 'bar'; }), 'spec.selector'),
  u('TestValidateJobUpdate/"add success policy"… "immutable pod template"', job(), (o) => set(o, (x) => { x.spec.template.spec.containers[0].image = 'image:v2'; }), 'spec.template'),
  u('TestValidateJobUpdate/"immutable completion mode"', job({ completionMode: 'Indexed', completions: 2 }), (o) => set(o, (x) => { x.spec.completionMode = 'NonIndexed'; }), 'spec.completionMode'),
  u('TestValidateJobUpdate/"immutable pod failure policy"', job({ template: NEVER, podFailurePolicy: { rules: [onExit('In', [1])] } }), (o) => set(o, (x) => { x.spec.podFailurePolicy.rules[0].onExitCodes.values = [2]; }), 'spec.podFailurePolicy'),
  u('TestValidateJobUpdate/"negative parallelism"', job(), (o) => set(o, (x) => { x.spec.parallelism = -1; }), 'spec.parallelism'),
  u('TestValidateJobUpdate/"negative backoffLimit"', job(), (o) => set(o, (x) => { x.spec.backoffLimit = -1; }), 'spec.backoffLimit'),
  u('TestValidateJobUpdate/"immutable manualSelector: add a selector"', job(), (o) => set(o, (x) => { x.spec.selector = { matchLabels: { app: 'x' } }; }), 'spec.selector'),
  u('TestValidateJobUpdate/"re-applying the created manifest" (defaulted again)', job(), (o) => set(o, (x) => {
    x.spec.template.spec = jobTemplate().spec; // the pod spec as written, without the defaulted fields
  }), 'accept', 'the update is defaulted (SetDefaults_PodSpec etc.) before validation, so an update that leaves out defaulted fields does not change the template'),
  u('TestValidateJobUpdate/"add node affinity to a suspended job" (JobMutableNodeSchedulingDirectives)', job({ suspend: true }), (o) => set(o, (x) => { x.spec.template.spec.nodeSelector = { zone: 'a' }; }), 'accept'),
  u('TestValidateJobUpdate/"add tolerations to a suspended job"', job({ suspend: true }), (o) => set(o, (x) => { x.spec.template.spec.tolerations = [{ key: 'foo', operator: 'Exists' }]; }), 'accept'),
  u('TestValidateJobUpdate/"update node affinity of an unsuspended job"', job(), (o) => set(o, (x) => { x.spec.template.spec.nodeSelector = { zone: 'a' }; }), 'spec.template'),
  u('TestValidateJobUpdate/"update scheduling gates of a suspended job"', job({ suspend: true }), (o) => set(o, (x) => { x.spec.template.spec.schedulingGates = [{ name: 'example.com/gate' }]; }), 'accept'),
  u('TestValidateJobUpdate/"update pod template labels of a suspended job"', job({ suspend: true }), (o) => set(o, (x) => { x.spec.template.metadata.labels.extra = 'x'; }), 'accept'),
  u('TestValidateJobUpdate/"update image of a suspended job"', job({ suspend: true }), (o) => set(o, (x) => { x.spec.template.spec.containers[0].image = 'image:v2'; }), 'spec.template'),
  u('TestValidateJobUpdate/"mutable completions for indexed jobs when parallelism changes with it" (ElasticIndexedJob, beta in 1.27)', job({ completionMode: 'Indexed', completions: 2, parallelism: 2 }), (o) => set(o, (x) => { x.spec.completions = 3; x.spec.parallelism = 3; }), 'accept'),
  u('TestValidateJobUpdate/"previous parallelism != previous completions, new parallelism == new completions"', job({ completionMode: 'Indexed', completions: 2, parallelism: 1 }), (o) => set(o, (x) => { x.spec.completions = 3; x.spec.parallelism = 3; }), 'accept', 'ElasticIndexedJob checks only that the new completions equal the new parallelism'),
  u('TestValidateJobUpdate/"indexed job updating completions and parallelism to different values is invalid"', job({ completionMode: 'Indexed', completions: 2, parallelism: 2 }), (o) => set(o, (x) => { x.spec.completions = 3; x.spec.parallelism = 4; }), 'spec.completions'),
];

/** TestValidateCronJob / TestValidateCronJobSpec. */
const CRON_JOB: UpstreamCase[] = [
  c('TestValidateCronJob/"basic scheduled job"', cronJob(), 'accept'),
  c('TestValidateCronJob/"non-standard scheduled"', cronJob({ schedule: '@hourly' }), 'accept'),
  c('TestValidateCronJob/"correct timeZone value casing"', cronJob({ schedule: '0 23 * * 5', timeZone: 'America/New_York' }), 'accept'),
  c('TestValidateCronJob/"spec.schedule: Invalid value"', cronJob({ schedule: 'error' }), 'spec.schedule'),
  c('TestValidateCronJob/"spec.schedule: Required value"', cronJob({ schedule: '' }), 'spec.schedule'),
  c('TestValidateCronJob/"spec.schedule: cannot use both timeZone field and TZ or CRON_TZ in schedule"', cronJob({ schedule: 'TZ=UTC 0 * * * *', timeZone: 'UTC' }), 'spec.schedule'),
  c('TestValidateCronJob/"spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"', cronJob({ timeZone: ' ' }), 'spec.timeZone'),
  c('TestValidateCronJob/"spec.timeZone: Invalid value: \\"Local\\": unknown time zone Local"', cronJob({ timeZone: 'Local' }), 'spec.timeZone'),
  c('TestValidateCronJob/"spec.timeZone: Invalid value: \\"AMERICA/new_york\\": unknown time zone AMERICA/new_york"', cronJob({ timeZone: 'AMERICA/new_york' }), 'spec.timeZone'),
  c('TestValidateCronJob/"spec.timeZone: Invalid value: \\"Continent/Zone\\""', cronJob({ timeZone: 'Continent/Zone' }), 'spec.timeZone'),
  c('TestValidateCronJob/"spec.startingDeadlineSeconds:must be greater than or equal to 0"', cronJob({ startingDeadlineSeconds: -1 }), 'spec.startingDeadlineSeconds'),
  c('TestValidateCronJob/"spec.successfulJobsHistoryLimit: must be greater than or equal to 0"', cronJob({ successfulJobsHistoryLimit: -1 }), 'spec.successfulJobsHistoryLimit'),
  c('TestValidateCronJob/"spec.failedJobsHistoryLimit: must be greater than or equal to 0"', cronJob({ failedJobsHistoryLimit: -1 }), 'spec.failedJobsHistoryLimit'),
  c('TestValidateCronJob/"spec.concurrencyPolicy: Required value" (defaulted to Allow)', cronJob({ concurrencyPolicy: undefined }), 'accept', 'v1 SetDefaults_CronJob defaults concurrencyPolicy to Allow'),
  c('TestValidateCronJob/"spec.concurrencyPolicy: Unsupported value"', cronJob({ concurrencyPolicy: 'Sometimes' }), 'spec.concurrencyPolicy'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.parallelism:must be greater than or equal to 0"', cronJob({ jobTemplate: { spec: { parallelism: -1 } } }), 'spec.jobTemplate.spec.parallelism'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.completions:must be greater than or equal to 0"', cronJob({ jobTemplate: { spec: { completions: -1 } } }), 'spec.jobTemplate.spec.completions'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.activeDeadlineSeconds:must be greater than or equal to 0"', cronJob({ jobTemplate: { spec: { activeDeadlineSeconds: -1 } } }), 'spec.jobTemplate.spec.activeDeadlineSeconds'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.selector: Invalid value: {\\"matchLabels\\":{\\"a\\":\\"b\\"}}: `selector` will be auto-generated"', cronJob({ jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } } } } }), 'spec.jobTemplate.spec.selector'),
  c('TestValidateCronJob/"metadata.name: must be no more than 52 characters"', cronJob({}, { name: '10000000002000000000300000000040000000005000000000123' }), 'metadata.name'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.manualSelector: Unsupported value"', cronJob({ jobTemplate: { spec: { manualSelector: true } } }), 'spec.jobTemplate.spec.manualSelector'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value"', cronJob({ jobTemplate: { spec: { template: jobTemplate({ restartPolicy: 'Always' }) } } }), 'spec.jobTemplate.spec.template.spec.restartPolicy'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.ttlSecondsAfterFinished:must be greater than or equal to 0"', cronJob({ jobTemplate: { spec: { ttlSecondsAfterFinished: -1 } } }), 'spec.jobTemplate.spec.ttlSecondsAfterFinished'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.template.spec.containers[0].image: Required value"', cronJob({ jobTemplate: { spec: { template: jobTemplate({}, { image: '' }) } } }), 'spec.jobTemplate.spec.template.spec.containers[0].image'),
  c('TestValidateCronJobSpec/"spec.schedule: six fields"', cronJob({ schedule: '0 0 * * * *' }), 'spec.schedule'),
  c('TestValidateCronJobSpec/success: "TZ= in schedule without timeZone" (warning in 1.27)', cronJob({ schedule: 'TZ=UTC 0 * * * *' }), 'accept'),
  c('TestValidateCronJob/"spec.jobTemplate.spec.podFailurePolicy with restartPolicy OnFailure"', cronJob({ jobTemplate: { spec: { podFailurePolicy: { rules: [] } } } }), 'spec.jobTemplate.spec.template.spec.restartPolicy'),
];

/** TestValidateCronJobUpdate (jobTemplate and schedule are mutable). */
const CRON_JOB_UPDATE: UpstreamCase[] = [
  u('TestValidateCronJobUpdate/success: change schedule', cronJob(), (o) => set(o, (x) => { x.spec.schedule = '0 * * * *'; }), 'accept'),
  u('TestValidateCronJobUpdate/success: change jobTemplate image', cronJob(), (o) => set(o, (x) => { x.spec.jobTemplate.spec.template.spec.containers[0].image = 'image:v2'; }), 'accept'),
  u('TestValidateCronJobUpdate/success: suspend', cronJob(), (o) => set(o, (x) => { x.spec.suspend = true; }), 'accept'),
  u('TestValidateCronJobUpdate/success: jobTemplate with a partial pod spec (defaulted on update)', cronJob(), (o) => set(o, (x) => { x.spec.jobTemplate.spec.template.spec = { restartPolicy: 'OnFailure', containers: [{ name: 'new', image: 'busybox', ports: [{ containerPort: 80 }] }] }; }), 'accept'),
  u('TestValidateCronJobUpdate/"invalid schedule"', cronJob(), (o) => set(o, (x) => { x.spec.schedule = 'error'; }), 'spec.schedule'),
  u('TestValidateCronJobUpdate/"invalid restartPolicy in jobTemplate"', cronJob(), (o) => set(o, (x) => { x.spec.jobTemplate.spec.template.spec.restartPolicy = 'Always'; }), 'spec.jobTemplate.spec.template.spec.restartPolicy'),
  u('TestValidateCronJobUpdate/"negative startingDeadlineSeconds"', cronJob(), (o) => set(o, (x) => { x.spec.startingDeadlineSeconds = -1; }), 'spec.startingDeadlineSeconds'),
  u('TestValidateCronJobUpdate/"jobTemplate container image removed"', cronJob(), (o) => set(o, (x) => { x.spec.jobTemplate.spec.template.spec.containers[0].image = ''; }), 'spec.jobTemplate.spec.template.spec.containers[0].image'),
];

/** Every batch case. */
export const BATCH_CASES: readonly UpstreamCase[] = [...JOB, ...JOB_UPDATE, ...CRON_JOB, ...CRON_JOB_UPDATE];
