/**
 * StatefulSet, DaemonSet (`pkg/apis/apps/v1/defaults.go`), Job, CronJob
 * (`pkg/apis/batch/v1/defaults.go`) defaulting and the Job selector of
 * `pkg/registry/batch/job/strategy.go#generateSelector`; table rows cite the Go function.
 */
import { defaultObject, generateJobSelector, JOB_LABELS } from '../../../lib/apiserver/defaults';
import { validate } from '../../../lib/apiserver/validate';

type Obj = Record<string, any>;
type K = Obj & { kind: string };
const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } };
const sts = (spec: Obj = {}): K => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'a' } }, template, ...spec } });
const ds = (spec: Obj = {}): K => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'a' } }, template, ...spec } });
const jobTemplate = { metadata: { labels: { app: 'a' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } };
const job = (spec: Obj = {}, labels?: Obj): K => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', ...(labels ? { labels } : {}) }, spec: { template: jobTemplate, ...spec } });
const cron = (spec: Obj = {}): K => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: jobTemplate } }, ...spec } });

describe('SetDefaults_StatefulSet', () => {
  test.each<[string, Obj, Obj]>([
    ['all defaults', {}, {
      podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, replicas: 1, revisionHistoryLimit: 10,
    }],
    ['podManagementPolicy Parallel kept', { podManagementPolicy: 'Parallel' }, { podManagementPolicy: 'Parallel' }],
    ['type RollingUpdate without rollingUpdate: no partition (only an unset type gets rollingUpdate {})', { updateStrategy: { type: 'RollingUpdate' } }, { updateStrategy: { type: 'RollingUpdate' } }],
    ['rollingUpdate given: partition 0', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: {} } }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }],
    ['partition kept', { updateStrategy: { rollingUpdate: { partition: 2 } } }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }],
    ['OnDelete: no rollingUpdate', { updateStrategy: { type: 'OnDelete' } }, { updateStrategy: { type: 'OnDelete' } }],
    ['retention policy: only the unset half defaulted (StatefulSetAutoDeletePVC beta, on)', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } },
      { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }],
    ['replicas 0 kept (a pointer)', { replicas: 0 }, { replicas: 0 }],
    ['revisionHistoryLimit kept', { revisionHistoryLimit: 3 }, { revisionHistoryLimit: 3 }],
  ])('%s', (_n, spec, want) => {
    expect(defaultObject(sts(spec)).spec).toMatchObject(want);
  });

  test('volumeClaimTemplates: SetDefaults_PersistentVolumeClaimSpec volumeMode Filesystem, SetDefaults_PersistentVolumeClaim phase Pending', () => {
    const s = defaultObject(sts({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }));
    expect(s.spec.volumeClaimTemplates[0].spec.volumeMode).toBe('Filesystem');
    expect(s.spec.volumeClaimTemplates[0].status).toEqual({ phase: 'Pending' });
  });

  test('the template gets SetDefaults_PodSpec; maxUnavailable is not defaulted (MaxUnavailableStatefulSet alpha, off in 1.27)', () => {
    const s = defaultObject(sts());
    expect(s.spec.template.spec.restartPolicy).toBe('Always');
    expect(s.spec.updateStrategy.rollingUpdate.maxUnavailable).toBeUndefined();
  });
});

describe('SetDefaults_DaemonSet', () => {
  test.each<[string, Obj, Obj]>([
    ['all defaults', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 }],
    ['maxSurge given: maxUnavailable still 1', { updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }],
    ['percentages kept', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } } }, { updateStrategy: { rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } }],
    ['OnDelete: no rollingUpdate', { updateStrategy: { type: 'OnDelete' } }, { updateStrategy: { type: 'OnDelete' } }],
  ])('%s', (_n, spec, want) => {
    const d = defaultObject(ds(spec));
    expect(d.spec).toMatchObject(want);
    if (spec.updateStrategy?.type === 'OnDelete') expect(d.spec.updateStrategy.rollingUpdate).toBeUndefined();
  });
});

describe('SetDefaults_Job', () => {
  test.each<[string, Obj, Obj]>([
    ['both unset → completions 1, parallelism 1', {}, { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false }],
    ['parallelism only: completions stays unset (work queue)', { parallelism: 3 }, { parallelism: 3 }],
    ['completions only: parallelism 1', { completions: 5 }, { completions: 5, parallelism: 1 }],
    ['backoffLimit 0 kept', { backoffLimit: 0 }, { backoffLimit: 0 }],
    ['Indexed kept', { completionMode: 'Indexed', completions: 3 }, { completionMode: 'Indexed' }],
    ['suspend true kept', { suspend: true }, { suspend: true }],
  ])('%s', (_n, spec, want) => {
    const j = defaultObject(job(spec));
    expect(j.spec).toMatchObject(want);
    if (spec.parallelism !== undefined && spec.completions === undefined) expect(j.spec.completions).toBeUndefined();
  });

  test('the Job takes the template labels when it has none; its own labels are kept', () => {
    expect(defaultObject(job()).metadata.labels).toEqual({ app: 'a' });
    expect(defaultObject(job({}, { team: 't' })).metadata.labels).toEqual({ team: 't' });
  });

  test('generateSelector (1.27): four labels on the template, the selector on batch.kubernetes.io/controller-uid, user labels kept', () => {
    const j = defaultObject(job());
    generateJobSelector(j, 'u-1');
    expect(j.spec.template.metadata.labels).toEqual({ app: 'a', [JOB_LABELS.legacyJobName]: 'pi', [JOB_LABELS.jobName]: 'pi', [JOB_LABELS.legacyUid]: 'u-1', [JOB_LABELS.uid]: 'u-1' });
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
  });

  test('generateSelector: nothing with manualSelector: true', () => {
    const j = defaultObject(job({ manualSelector: true, selector: { matchLabels: { app: 'a' } } }));
    generateJobSelector(j, 'u-1');
    expect(j.spec.selector).toEqual({ matchLabels: { app: 'a' } });
    expect(j.spec.template.metadata.labels).toEqual({ app: 'a' });
  });

  test('validate() returns a Job with uid, generated selector and labels, stable across runs', () => {
    const a = validate(job()).objects[0] as Obj;
    const b = validate(job()).objects[0] as Obj;
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).toEqual(b);
    expect(a.spec.selector.matchLabels['batch.kubernetes.io/controller-uid']).toBe(a.metadata.uid);
    expect(a.spec.template.metadata.labels['job-name']).toBe('pi');
  });
});

describe('SetDefaults_CronJob', () => {
  test.each<[string, Obj, Obj]>([
    ['all defaults', {}, { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 }],
    ['Forbid kept', { concurrencyPolicy: 'Forbid' }, { concurrencyPolicy: 'Forbid' }],
    ['history limits 0 kept', { successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }, { successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }],
  ])('%s', (_n, spec, want) => {
    expect(defaultObject(cron(spec)).spec).toMatchObject(want);
  });

  test('the job template gets pod defaults but not SetDefaults_Job (that runs when each Job is created)', () => {
    const c = defaultObject(cron());
    expect(c.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(c.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
  });
});

describe('defaulted workloads', () => {
  test.each([['StatefulSet', sts()], ['DaemonSet', ds()], ['Job', job()], ['CronJob', cron()]])('%s: idempotent, input unchanged, and the defaulted object still validates', (_k, obj) => {
    const before = structuredClone(obj);
    const once = defaultObject(obj);
    expect(obj).toEqual(before);
    expect(defaultObject(once)).toEqual(once);
    expect(validate(once).issues).toEqual([]);
  });
});
