/**
 * Table-driven tests of one Job controller sync against a store snapshot (job_controller_test.go
 * `TestControllerSyncJob` style): spec, pods, expected writes, events and status. Each case cites
 * the rule of /work/shared/reference/k8s-controller-semantics.md §4 it pins.
 */
import type { JobStatus, SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { JobController, jobControllerRegistration } from '../../../lib/simulator/controllers/job-controller';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER } from '../../../lib/simulator/controllers/job-utils';
import { Harness, harness, newJob, newPod } from '../../helpers/builders';
import { apiError, FakeContext, fakeContext } from '../../helpers/fakes';
import { seconds } from '../../helpers/instants';
import { addPod, PodState } from './job-harness';

interface Case {
  /** Raw Job spec fields (defaults applied like the API server). */
  readonly spec?: Record<string, unknown>;
  /** Template restartPolicy. @default Never */
  readonly restartPolicy?: 'Never' | 'OnFailure';
  /** Status before the sync. */
  readonly status?: Partial<JobStatus>;
  /** Pods of the Job. */
  readonly pods?: PodState[];
  /** Sync time. @default 20 s */
  readonly now?: number;
  /** Make every create fail, or only the n-th (1-based). */
  readonly createFails?: true | number;
  // expectations
  readonly creates: number;
  readonly deletes?: number;
  readonly reasons: string[];
  readonly expectStatus?: Partial<JobStatus>;
  readonly condition?: { type: string; reason?: string; message?: string } | null;
  readonly requeue?: number;
  readonly throws?: boolean;
  readonly finalizersRemoved?: number;
}

const cases: Record<string, Case> = {
  // §4.1 defaults, §4.2 wantActive
  'fresh job, both unset → 1 pod (§4.1: completions = parallelism = 1)': {
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { active: 1, startTime: seconds(20) },
  },
  'fresh job, completions 4 parallelism 2 → 2 pods (§4.2 wantActive = min(parallelism, completions − succeeded))': {
    spec: { completions: 4, parallelism: 2 }, creates: 2, reasons: ['SuccessfulCreate', 'SuccessfulCreate'], expectStatus: { active: 2 },
  },
  'completions 5, 4 succeeded, 0 active → 1 pod (§4.2)': {
    spec: { completions: 5, parallelism: 2 }, status: { succeeded: 4 }, creates: 1, reasons: ['SuccessfulCreate'],
  },
  'work queue (completions unset), fresh → parallelism pods (§4.2)': {
    spec: { parallelism: 3 }, creates: 3, reasons: ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate'], expectStatus: { active: 3 },
  },
  'work queue, one succeeded, 2 running → no new pod, not complete (§4.2: after the first success no new pods)': {
    spec: { parallelism: 3 }, pods: [{ phase: 'Succeeded' }, { phase: 'Running' }, { phase: 'Running' }],
    creates: 0, reasons: [], expectStatus: { succeeded: 1, active: 2 }, finalizersRemoved: 1, condition: null,
  },
  'work queue, one succeeded, none active → Complete (§4.3)': {
    spec: { parallelism: 3 }, pods: [{ phase: 'Succeeded' }, { phase: 'Succeeded', finalizer: false }], status: { succeeded: 1 },
    creates: 0, reasons: ['Completed'], expectStatus: { succeeded: 2, completionTime: seconds(20) }, condition: { type: 'Complete' },
  },
  'completions 5 reached with 2 running → both deleted, Complete in the same sync (§4.2 wantActive 0, §4.3)': {
    spec: { completions: 5, parallelism: 2 }, status: { succeeded: 5 }, pods: [{ phase: 'Running', ready: true }, { phase: 'Running' }],
    creates: 0, deletes: 2, reasons: ['SuccessfulDelete', 'SuccessfulDelete', 'Completed'], expectStatus: { active: 0, succeeded: 5 },
    condition: { type: 'Complete' },
  },
  'parallelism lowered to 1 with 2 running: the not-ready pod is deleted first (§4.2 ActivePods order)': {
    spec: { completions: 5, parallelism: 1 }, pods: [{ phase: 'Running', ready: true }, { phase: 'Running', ready: false }],
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete'], expectStatus: { active: 1, ready: 1 },
  },
  'parallelism 600 → 500 pods in one sync (§4.2 MaxPodCreateDeletePerSync)': {
    spec: { completions: 1000, parallelism: 600 }, creates: 500, reasons: new Array<string>(500).fill('SuccessfulCreate'), expectStatus: { active: 500 },
  },
  'every create fails → the first batch of 1 fails, the rest is skipped; status written, error returned (§4.2 slow start)': {
    spec: { completions: 4, parallelism: 4 }, createFails: true, creates: 0, reasons: ['FailedCreate'], throws: true, expectStatus: { active: 0 },
  },
  'third create fails → batches 1 and 2 attempted, the last pod skipped (§4.2 slow start)': {
    spec: { completions: 4, parallelism: 4 }, createFails: 3, creates: 2, reasons: ['SuccessfulCreate', 'SuccessfulCreate', 'FailedCreate'], throws: true,
    expectStatus: { active: 2 },
  },
  // §4.4 backoff
  'first failure finished at 10 s, now 12 s → no replacement, requeue after 8 s; active reads 0 (§4.4)': {
    spec: { backoffLimit: 6 }, pods: [{ phase: 'Failed', finishedMs: seconds(10) }], now: seconds(12),
    creates: 0, reasons: [], requeue: seconds(8), expectStatus: { failed: 1, active: 0 }, finalizersRemoved: 1,
  },
  'first failure finished at 10 s, now 20 s → replacement created (§4.4: 10 s elapsed)': {
    spec: { backoffLimit: 6 }, pods: [{ phase: 'Failed', finishedMs: seconds(10) }], now: seconds(20),
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { failed: 1, active: 1 },
  },
  // §4.3 failure conditions
  'backoffLimit 4, 4 counted + 1 new failed pod → BackoffLimitExceeded (§4.3: (backoffLimit+1)-th failed pod)': {
    spec: { backoffLimit: 4 }, status: { failed: 4, startTime: 0 }, pods: [{ phase: 'Failed' }],
    creates: 0, reasons: ['BackoffLimitExceeded'], expectStatus: { failed: 5 },
    condition: { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  },
  'backoffLimit 4, 3 counted + 1 new failed pod → not failed yet (§4.3: failed > backoffLimit)': {
    spec: { backoffLimit: 4 }, status: { failed: 3, startTime: 0 }, pods: [{ phase: 'Failed', finishedMs: seconds(19) }],
    // the record of this (fresh) controller holds one failure: 10 s from 19 s
    creates: 0, reasons: [], expectStatus: { failed: 4 }, condition: null, requeue: seconds(9),
  },
  'backoffLimit 1, new failure while all parallelism pods are active → not failed (§4.3: active != parallelism)': {
    spec: { completions: 4, parallelism: 2, backoffLimit: 1 }, status: { failed: 1, startTime: 0 },
    pods: [{ phase: 'Failed' }, { phase: 'Running' }, { phase: 'Running' }],
    creates: 0, reasons: [], expectStatus: { failed: 2 }, condition: null,
  },
  'OnFailure, restarts summing to backoffLimit 4 → BackoffLimitExceeded; the running pod is deleted and counted (§4.3 pastBackoffLimitOnFailure >=)': {
    spec: { backoffLimit: 4 }, restartPolicy: 'OnFailure', status: { startTime: 0 }, pods: [{ phase: 'Running', restarts: 4 }],
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete', 'BackoffLimitExceeded'], expectStatus: { active: 0, failed: 1 },
    condition: { type: 'Failed', reason: 'BackoffLimitExceeded' },
  },
  'OnFailure, 3 restarts with backoffLimit 4 → keeps running (§4.3)': {
    spec: { backoffLimit: 4 }, restartPolicy: 'OnFailure', status: { startTime: 0, active: 1 }, pods: [{ phase: 'Running', restarts: 3 }],
    creates: 0, reasons: [], condition: null,
  },
  'OnFailure, backoffLimit 0 and one restart → BackoffLimitExceeded (§4.3: > 0 when backoffLimit is 0)': {
    spec: { backoffLimit: 0 }, restartPolicy: 'OnFailure', status: { startTime: 0 }, pods: [{ phase: 'Running', restarts: 1 }],
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete', 'BackoffLimitExceeded'], condition: { type: 'Failed', reason: 'BackoffLimitExceeded' },
  },
  'activeDeadlineSeconds 600, started at 0, now 599 s → requeue after 1 s (§4.3)': {
    spec: { activeDeadlineSeconds: 600 }, status: { startTime: 0, active: 1 }, pods: [{ phase: 'Running' }], now: seconds(599),
    creates: 0, reasons: [], requeue: seconds(1), condition: null,
  },
  'activeDeadlineSeconds 600, now 600 s → DeadlineExceeded; the running pod deleted and counted failed (§4.3)': {
    spec: { activeDeadlineSeconds: 600 }, status: { startTime: 0, active: 1 }, pods: [{ phase: 'Running', ready: true }], now: seconds(600),
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete', 'DeadlineExceeded'], expectStatus: { active: 0, failed: 1 },
    condition: { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  },
  'backoff limit and deadline in the same sync → BackoffLimitExceeded wins (§4.3 if/else order)': {
    spec: { activeDeadlineSeconds: 10, backoffLimit: 0 }, status: { startTime: 0 }, pods: [{ phase: 'Failed' }], now: seconds(20),
    creates: 0, reasons: ['BackoffLimitExceeded'], condition: { type: 'Failed', reason: 'BackoffLimitExceeded' },
  },
  'a running pod being deleted counts as failed without podFailurePolicy (§4.3 isPodFailed)': {
    spec: { completions: 2, parallelism: 2 }, status: { startTime: 0, active: 2 }, pods: [{ phase: 'Running' }, { phase: 'Running', terminating: true }],
    // finish time = the sync time (the container has not terminated yet, 1.27.0 getFinishedTime); active reads 0 while waiting (§4.4 quirk)
    creates: 0, reasons: [], expectStatus: { failed: 1, active: 0 }, finalizersRemoved: 1, requeue: seconds(10),
  },
  'with podFailurePolicy a terminating running pod is not counted until it is Failed (§4.3, kubernetes#113855)': {
    spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } },
    status: { startTime: 0, active: 1 }, pods: [{ phase: 'Running', terminating: true }],
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { failed: 0, active: 1 }, finalizersRemoved: 0,
  },
  // §4.5 podFailurePolicy
  'FailJob on exit code 42 → interim FailureTarget with the exact message and the Warning (§4.5)': {
    spec: { completions: 2, parallelism: 2, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] }, onPodConditions: [] }] } },
    status: { startTime: 0, active: 2 }, pods: [{ phase: 'Failed', exitCode: 42 }, { phase: 'Running' }],
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete', 'PodFailurePolicy'], expectStatus: { failed: 2, active: 0 },
    condition: { type: 'FailureTarget', reason: 'PodFailurePolicy', message: 'Container app for pod default/backup-p0 failed with exit code 42 matching FailJob rule at index 0' },
  },
  'FailureTarget present → Failed with the same reason and message (§4.5)': {
    spec: { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] }, onPodConditions: [] }] } },
    status: {
      startTime: 0, failed: 1,
      conditions: [{ type: 'FailureTarget', status: 'True', reason: 'PodFailurePolicy', message: 'm', lastTransitionTime: seconds(10), lastProbeTime: seconds(10) }],
    },
    pods: [{ phase: 'Failed', exitCode: 42, finalizer: false }],
    creates: 0, reasons: ['PodFailurePolicy'], condition: { type: 'Failed', reason: 'PodFailurePolicy', message: 'm' },
  },
  'Ignore on DisruptionTarget → not counted and no backoff: replacement at once (§4.4, §4.5)': {
    spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } },
    status: { startTime: 0, active: 1 },
    pods: [{ phase: 'Failed', exitCode: 137, finishedMs: seconds(19), conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', lastTransitionMs: seconds(19) }] }],
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { failed: 0, active: 1 }, finalizersRemoved: 1,
  },
  'Count rule → counted toward backoffLimit (§4.5)': {
    spec: { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [] }] } },
    status: { startTime: 0 }, pods: [{ phase: 'Failed', exitCode: 1 }],
    creates: 0, reasons: ['BackoffLimitExceeded'], expectStatus: { failed: 1 }, condition: { type: 'Failed', reason: 'BackoffLimitExceeded' },
  },
  'rules in order: an earlier Ignore (NotIn [42] on container app) wins over a later FailJob (§4.5 first match)': {
    spec: {
      podFailurePolicy: {
        rules: [
          { action: 'Ignore', onExitCodes: { containerName: 'app', operator: 'NotIn', values: [42] }, onPodConditions: [] },
          { action: 'FailJob', onExitCodes: { operator: 'In', values: [3] }, onPodConditions: [] },
        ],
      },
    },
    status: { startTime: 0, active: 1 }, pods: [{ phase: 'Failed', exitCode: 3, finishedMs: seconds(19) }],
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { failed: 0 }, condition: null,
  },
  // §4.6 suspend
  'created suspended → no pods, no startTime, Suspended condition and event (§4.6)': {
    spec: { suspend: true, completions: 2, parallelism: 2 }, creates: 0, reasons: ['Suspended'], expectStatus: { startTime: null, active: 0 },
    condition: { type: 'Suspended', reason: 'JobSuspended', message: 'Job suspended' },
  },
  'suspending a running job deletes its active pods without counting them (§4.6)': {
    spec: { suspend: true, completions: 2, parallelism: 2 }, status: { startTime: 0, active: 2 }, pods: [{ phase: 'Running' }, { phase: 'Pending' }],
    creates: 0, deletes: 2, reasons: ['SuccessfulDelete', 'SuccessfulDelete', 'Suspended'], expectStatus: { active: 0, failed: 0 }, finalizersRemoved: 2,
  },
  'resumed → JobResumed condition, Resumed event, startTime reset to now (§4.6)': {
    spec: { suspend: false }, status: {
      startTime: 0,
      conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastTransitionTime: 0, lastProbeTime: 0 }],
    },
    creates: 1, reasons: ['SuccessfulCreate', 'Resumed'], expectStatus: { startTime: seconds(20), active: 1 },
    condition: { type: 'Suspended', reason: 'JobResumed', message: 'Job resumed' },
  },
  // §4.2 Indexed
  'Indexed, indexes 0 and 2 succeeded, 1 active → creates 3 only up to parallelism; completedIndexes "0,2" (§4.2 firstPendingIndexes)': {
    spec: { completions: 5, parallelism: 2, completionMode: 'Indexed' }, status: { startTime: 0 },
    pods: [{ phase: 'Succeeded', index: 0 }, { phase: 'Succeeded', index: 2 }, { phase: 'Running', index: 1 }],
    creates: 1, reasons: ['SuccessfulCreate'], expectStatus: { succeeded: 2, completedIndexes: '0,2', active: 2 },
  },
  'Indexed, duplicate index 1 and index 3 missing → the duplicate is deleted, nothing created (§4.2 deletion wins)': {
    spec: { completions: 4, parallelism: 4, completionMode: 'Indexed' }, status: { startTime: 0 },
    pods: [{ phase: 'Running', index: 0 }, { phase: 'Running', index: 1 }, { phase: 'Running', index: 1, createdMs: 5 }, { phase: 'Running', index: 2 }],
    creates: 0, deletes: 1, reasons: ['SuccessfulDelete'], expectStatus: { active: 3 },
  },
  // §4.3 Complete
  'all completions succeeded → finalizers removed, Complete with empty reason, completionTime, Completed event (§4.3)': {
    spec: { completions: 2, parallelism: 2 }, status: { startTime: 0, active: 2 }, pods: [{ phase: 'Succeeded' }, { phase: 'Succeeded' }],
    creates: 0, reasons: ['Completed'], expectStatus: { succeeded: 2, active: 0, completionTime: seconds(20) }, finalizersRemoved: 2,
    condition: { type: 'Complete', reason: undefined, message: undefined },
  },
  'completions 0 → Complete on the first sync without pods (§4.3 edge)': {
    spec: { completions: 0 }, creates: 0, reasons: ['Completed'], condition: { type: 'Complete' },
  },
};

function addJob(h: Harness, c: Case): SimJob {
  const job = h.add(newJob('backup', { restartPolicy: c.restartPolicy ?? 'Never', extra: c.spec ?? {} }));
  if (c.status) h.state.update(job, (j) => { j.status = { ...j.status, ...c.status }; });
  return job;
}

/** The controller sees every store change, as its informers do inside a Simulation. */
function informed(h: Harness, ctl: JobController): JobController {
  h.state.watch((change) => { ctl.keysFor(change); });
  return ctl;
}

function run(c: Case): { f: FakeContext; job: SimJob; result?: { requeueAfterMs?: number }; error?: unknown } {
  const h = harness();
  const job = addJob(h, c);
  (c.pods ?? []).forEach((s, i) => addPod(h, job, i, s));
  const f = fakeContext(h);
  if (c.createFails === true) f.pods.createError = apiError('InternalError', 'etcdserver: request timed out');
  else if (typeof c.createFails === 'number') {
    let n = 0;
    const nth = c.createFails;
    f.pods.createError = () => (++n === nth ? apiError('InternalError', 'etcdserver: request timed out') : undefined);
  }
  const ctl = informed(h, new JobController(f.ctx));
  h.setNow(c.now ?? seconds(20));
  try {
    return { f, job, result: ctl.sync('default/backup', h.now) };
  } catch (error) {
    return { f, job, error };
  }
}

describe('JobController.sync', () => {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    const { f, job, result, error } = run(c);
    expect(f.pods.creates).toHaveLength(c.creates);
    expect(f.pods.deletes).toHaveLength(c.deletes ?? 0);
    expect(f.recorder.reasons()).toEqual(c.reasons);
    if (c.throws) expect(error).toBeDefined();
    else if (error) throw error;
    if (c.expectStatus) expect(job.status).toMatchObject(c.expectStatus);
    if (c.requeue !== undefined) expect(result?.requeueAfterMs).toBe(c.requeue);
    if (c.finalizersRemoved !== undefined) expect(f.pods.finalizersRemoved).toHaveLength(c.finalizersRemoved);
    if (c.condition === null) {
      expect(job.status.conditions.filter((x) => x.type !== 'Suspended')).toEqual([]);
    } else if (c.condition) {
      const cond = job.status.conditions.find((x) => x.type === c.condition!.type);
      expect(cond).toBeDefined();
      expect(cond!.status).toBe(c.condition.type === 'Suspended' && c.condition.reason === 'JobResumed' ? 'False' : 'True');
      expect(cond!.lastTransitionTime).toBe(c.now ?? seconds(20));
      if ('reason' in c.condition) expect(cond!.reason).toBe(c.condition.reason);
      if ('message' in c.condition) expect(cond!.message).toBe(c.condition.message);
    }
  });
});

describe('JobController pods and events', () => {
  test('pods get generateName <job>-, the template labels, the tracking finalizer and a controller ownerReference (§4.2)', () => {
    const { f, job } = run({ creates: 1, reasons: [] });
    const pod = f.pods.creates[0];
    expect(pod.name).toMatch(/^backup-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(pod.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'backup', 'job-name': 'backup', 'controller-uid': job.uid });
    expect(pod.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'backup', uid: job.uid, controller: true, blockOwnerDeletion: true }]);
    expect(f.recorder.events[0]).toMatchObject({ type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.name}`, related: { kind: 'Pod', name: pod.name } });
  });

  test('Indexed pods: <job>-<idx>-<5 random>, completion-index annotation, hostname <job>-<idx>, JOB_COMPLETION_INDEX via fieldRef, lowest indexes first (§4.2)', () => {
    const { f } = run({ spec: { completions: 3, parallelism: 3, completionMode: 'Indexed' }, creates: 3, reasons: [] });
    const pods = f.pods.creates;
    expect(pods.map((p) => p.name.replace(/[^-]{5}$/, '*'))).toEqual(['backup-0-*', 'backup-1-*', 'backup-2-*']);
    expect(pods.map((p) => p.annotations[JOB_COMPLETION_INDEX_ANNOTATION])).toEqual(['0', '1', '2']);
    expect(pods.map((p) => p.spec.hostname)).toEqual(['backup-0', 'backup-1', 'backup-2']);
    expect(pods[1].spec.containers[0].env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    expect(Object.keys(pods[0].labels)).not.toContain('batch.kubernetes.io/job-completion-index'); // 1.27: annotation only
  });

  test('the backoff record grows 10, 20, 40 s with consecutive failures and resets on a success (§4.4)', () => {
    const h = harness();
    const job = h.add(newJob('backup', { restartPolicy: 'Never', extra: { completions: 3, parallelism: 1 } }));
    const f = fakeContext(h);
    const ctl = informed(h, new JobController(f.ctx));
    const waits: Array<number | undefined> = [];
    for (let i = 0; i < 3; i++) {
      addPod(h, job, i, { phase: 'Failed', finishedMs: seconds(100 * i) });
      h.setNow(seconds(100 * i + 1));
      waits.push(ctl.sync('default/backup', h.now).requeueAfterMs);
    }
    expect(waits).toEqual([seconds(9), seconds(19), seconds(39)]);
    addPod(h, job, 3, { phase: 'Succeeded', finishedMs: seconds(300) });
    addPod(h, job, 4, { phase: 'Failed', finishedMs: seconds(301) });
    h.setNow(seconds(302));
    expect(ctl.sync('default/backup', h.now).requeueAfterMs).toBe(seconds(9)); // only the failure after the success counts
  });

  test('a finished Job is left alone', () => {
    const c: Case = {
      status: { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: 0 }] }, creates: 0, reasons: [],
    };
    const { f } = run(c);
    expect(f.status.writes).toEqual([]);
  });

  test('a second sync with nothing new writes nothing (status converges)', () => {
    const h = harness();
    h.add(newJob('backup', { restartPolicy: 'Never', extra: { completions: 2, parallelism: 2 } }));
    const f = fakeContext(h);
    const ctl = informed(h, new JobController(f.ctx));
    ctl.sync('default/backup', 0);
    const writes = f.status.writes.length;
    ctl.sync('default/backup', 0);
    expect(f.status.writes).toHaveLength(writes);
    expect(f.pods.creates).toHaveLength(2);
  });

  test('keysFor: a Job change syncs at once, a pod change after the 1 s batch period (§4.2 podUpdateBatchPeriod)', () => {
    const h = harness();
    const job = h.add(newJob('backup', { restartPolicy: 'Never' }));
    const f = fakeContext(h);
    const ctl = new JobController(f.ctx);
    expect(ctl.keysFor({ type: 'Added', object: job, atMs: 0 })).toEqual(['default/backup']);
    const pod = addPod(h, job, 0, { phase: 'Running' });
    expect(ctl.keysFor({ type: 'Modified', object: pod, old: pod, atMs: 0 })).toEqual([{ key: 'default/backup', afterMs: 1000 }]);
    expect(ctl.keysFor({ type: 'Added', object: h.add(newPod('stray')), atMs: 0 })).toEqual([]);
  });

  test('orphans: when the Job is gone its pods lose the tracking finalizer (syncOrphanPod)', () => {
    const h = harness();
    const job = h.add(newJob('backup', { restartPolicy: 'Never' }));
    const pod = addPod(h, job, 0, { phase: 'Failed' });
    const f = fakeContext(h);
    const ctl = new JobController(f.ctx);
    h.state.requestDeletion(job);
    expect(ctl.keysFor({ type: 'Deleted', object: job, atMs: 0 })).toEqual(['default/backup']);
    expect(ctl.keysFor({ type: 'Modified', object: pod, old: pod, atMs: 0 })).toEqual(['default/backup']);
    ctl.sync('default/backup', 0);
    expect(f.pods.finalizersRemoved).toEqual([{ pod: 'backup-p0', finalizer: JOB_TRACKING_FINALIZER }]);
    expect(pod.finalizers).toEqual([]);
  });

  test('registration: name job, events from job-controller, 10 s … 360 s retry delays (1.27 rate limiter)', () => {
    expect(jobControllerRegistration).toMatchObject({ name: 'job', component: 'job-controller', rateLimit: { baseMs: 10_000, maxMs: 360_000 } });
  });
});
