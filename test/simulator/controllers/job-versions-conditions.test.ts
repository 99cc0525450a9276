/**
 * The Job controller per Kubernetes version, part 2: successPolicy (KEP-3998), the interim
 * FailureTarget / SuccessCriteriaMet conditions before Failed / Complete (1.31,
 * kubernetes#125510), managedBy (KEP-4368), the completion-index label (KEP-4017) and the
 * back-off changes after 1.27 (backoff_utils.go, job_controller.go at release-1.31); each on both
 * sides of the change.
 */
import { backoffRemainingMs, finishedTimeOf } from '../../../lib/simulator/controllers/job-backoff';
import { jobFeaturesFor } from '../../../lib/simulator/controllers/job-features';
import { JOB_COMPLETION_INDEX_ANNOTATION, JobPodView } from '../../../lib/simulator/controllers/job-utils';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { seconds } from '../../helpers/instants';
import { conditionsOf, SyncCase, syncOnce } from './job-harness';

type Cond = Array<[string, string]>;

describe('successPolicy (KEP-3998, JobSuccessPolicy alpha 1.30, beta 1.31)', () => {
  const spec = (rules: unknown[]) => ({ completions: 3, parallelism: 3, completionMode: 'Indexed', successPolicy: { rules } });
  const pods = [{ phase: 'Succeeded' as const, index: 0 }, { phase: 'Running' as const, index: 1 }, { phase: 'Running' as const, index: 2 }];
  test.each<[string, SyncCase, number, Cond]>([
    ['1.30 (gate off): the policy is not read; nothing to do', { version: { minor: 30 }, spec: spec([{ succeededIndexes: '0' }]), pods }, 0, []],
    ['1.30 with JobSuccessPolicy=true: SuccessCriteriaMet and Complete in the same sync (no delayTerminalCondition), the others deleted',
      { version: { minor: 30 }, gates: { JobSuccessPolicy: true }, spec: spec([{ succeededIndexes: '0' }]), pods }, 2,
      [['SuccessCriteriaMet', 'SuccessPolicy'], ['Complete', 'SuccessPolicy']]],
    ['1.31: SuccessCriteriaMet; Complete waits for the deleted pods to terminate',
      { version: { minor: 31 }, spec: spec([{ succeededIndexes: '0' }]), pods }, 2, [['SuccessCriteriaMet', 'SuccessPolicy']]],
    ['1.31: succeededCount 2 of indexes 0-2 is not met by one success',
      { version: { minor: 31 }, spec: spec([{ succeededIndexes: '0-2', succeededCount: 2 }]), pods }, 0, []],
    ['1.31: the second rule (succeededCount 1) matches',
      { version: { minor: 31 }, spec: spec([{ succeededIndexes: '1-2' }, { succeededCount: 1 }]), pods }, 2, [['SuccessCriteriaMet', 'SuccessPolicy']]],
  ])('%s', (_n, c, deletes, conditions) => {
    const { f, job } = syncOnce(c);
    expect(f.pods.deletes).toHaveLength(deletes);
    expect(conditionsOf(job)).toEqual(conditions);
    if (conditions.length > 0) expect(job.status.conditions.find((x) => x.type === conditions[0][0] as never)?.message).toMatch(/^Matched rules at index [01]$/);
  });

  test('1.31: once the deleted pods are gone the next sync adds Complete (same reason and message) and the Completed event', () => {
    const first = syncOnce({ version: { minor: 31 }, spec: spec([{ succeededIndexes: '0' }]), pods });
    const { h, f, job, ctl } = first;
    for (const p of h.state.list('Pod')) if (p.deletionMs !== null) h.state.update(p, (x) => { x.phase = 'Failed'; });
    h.setNow(seconds(40));
    ctl.sync('default/backup', h.now);
    expect(conditionsOf(job)).toEqual([['SuccessCriteriaMet', 'SuccessPolicy'], ['Complete', 'SuccessPolicy']]);
    expect(job.status.conditions[1]).toMatchObject({ message: 'Matched rules at index 0', lastTransitionTime: seconds(40) });
    expect(job.status.completionTime).toBe(seconds(40));
    expect(f.recorder.reasons()).toContain('Completed');
  });
});

describe('terminal conditions (delayTerminalCondition, 1.31; CompletionsReached, 1.32)', () => {
  const done = { spec: { completions: 1, parallelism: 1 }, pods: [{ phase: 'Succeeded' as const }] };
  test.each<[string, SyncCase, Cond]>([
    ['1.30: Complete with an empty reason', { version: { minor: 30 }, ...done }, [['Complete', '']]],
    ['1.31: SuccessCriteriaMet then Complete, both in this sync (no pod terminating)', { version: { minor: 31 }, ...done }, [['SuccessCriteriaMet', ''], ['Complete', '']]],
    ['1.31 with JobManagedBy and JobPodReplacementPolicy off: Complete only', { version: { minor: 31 }, gates: { JobPodReplacementPolicy: false }, ...done }, [['Complete', '']]],
    ['1.32: reason CompletionsReached', { version: { minor: 32 }, ...done }, [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]],
    ['1.36: the same', { version: { minor: 36 }, ...done }, [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]],
  ])('%s', (_n, c, conditions) => {
    const { job, f } = syncOnce(c);
    expect(conditionsOf(job)).toEqual(conditions);
    expect(f.recorder.reasons()).toEqual(['Completed']);
    if (c.version.minor >= 32) expect(job.status.conditions[1].message).toBe('Reached expected number of succeeded pods');
  });

  const failing = { spec: { completions: 2, parallelism: 2, backoffLimit: 0 }, pods: [{ phase: 'Failed' as const }, { phase: 'Running' as const }] };
  test.each<[string, SyncCase, Cond, string[]]>([
    ['1.30: Failed BackoffLimitExceeded at once, the running pod deleted', { version: { minor: 30 }, ...failing },
      [['Failed', 'BackoffLimitExceeded']], ['SuccessfulDelete', 'BackoffLimitExceeded']],
    ['1.31: FailureTarget BackoffLimitExceeded while the deleted pod terminates; no Warning yet', { version: { minor: 31 }, ...failing },
      [['FailureTarget', 'BackoffLimitExceeded']], ['SuccessfulDelete']],
  ])('%s', (_n, c, conditions, reasons) => {
    const { job, f } = syncOnce(c);
    expect(conditionsOf(job)).toEqual(conditions);
    expect(f.recorder.reasons()).toEqual(reasons);
  });

  test('1.31: the FailureTarget turns into Failed only once no pod is terminating', () => {
    const { h, f, job, ctl } = syncOnce({ version: { minor: 31 }, ...failing });
    h.setNow(seconds(25));
    ctl.sync('default/backup', h.now);
    expect(conditionsOf(job)).toEqual([['FailureTarget', 'BackoffLimitExceeded']]); // still terminating
    expect((job.status as unknown as { terminating: number }).terminating).toBe(1);
    for (const p of h.state.list('Pod')) if (p.deletionMs !== null) h.state.update(p, (x) => { x.phase = 'Failed'; });
    h.setNow(seconds(30));
    ctl.sync('default/backup', h.now);
    expect(conditionsOf(job)).toEqual([['FailureTarget', 'BackoffLimitExceeded'], ['Failed', 'BackoffLimitExceeded']]);
    expect(job.status.conditions[1].lastTransitionTime).toBe(seconds(30));
    expect(f.recorder.reasons().filter((r) => r === 'BackoffLimitExceeded')).toHaveLength(1);
    expect(job.status).toMatchObject({ failed: 2, active: 0 });
  });

  test('1.31: a FailJob rule with no pod left running writes FailureTarget and Failed in one sync (1.27: over two syncs)', () => {
    const spec = { completions: 1, parallelism: 1, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } };
    const pods = [{ phase: 'Failed' as const, exitCode: 42 }];
    expect(conditionsOf(syncOnce({ version: { minor: 31 }, spec, pods }).job)).toEqual([['FailureTarget', 'PodFailurePolicy'], ['Failed', 'PodFailurePolicy']]);
    expect(conditionsOf(syncOnce({ version: { minor: 27 }, spec, pods }).job)).toEqual([['FailureTarget', 'PodFailurePolicy']]);
  });
});

describe('managedBy (KEP-4368, JobManagedBy alpha 1.30, beta 1.32)', () => {
  test.each<[string, SyncCase, number]>([
    ['1.30 (gate off): another controller named → synced anyway', { version: { minor: 30 }, spec: { managedBy: 'example.com/batch' } }, 1],
    ['1.30 with JobManagedBy=true: skipped', { version: { minor: 30 }, gates: { JobManagedBy: true }, spec: { managedBy: 'example.com/batch' } }, 0],
    ['1.32: skipped', { version: { minor: 32 }, spec: { managedBy: 'example.com/batch' } }, 0],
    ['1.32: kubernetes.io/job-controller is the built-in controller', { version: { minor: 32 }, spec: { managedBy: 'kubernetes.io/job-controller' } }, 1],
    ['1.32: unset → built-in', { version: { minor: 32 } }, 1],
  ])('%s', (_n, c, creates) => {
    const { f, job } = syncOnce(c);
    expect(f.pods.creates).toHaveLength(creates);
    expect(f.status.writes.length > 0).toBe(creates > 0);
    if (creates === 0) expect(job.status.startTime).toBeNull();
  });
});

describe('completion-index label (KEP-4017, PodIndexLabel beta 1.28)', () => {
  const spec = { completions: 2, parallelism: 2, completionMode: 'Indexed' };
  test.each<[string, SyncCase, Array<string | undefined>]>([
    ['1.27: annotation only', { version: { minor: 27 }, spec }, [undefined, undefined]],
    ['1.28: label batch.kubernetes.io/job-completion-index too', { version: { minor: 28 }, spec }, ['0', '1']],
    ['1.28 with PodIndexLabel=false: no label', { version: { minor: 28 }, gates: { PodIndexLabel: false }, spec }, [undefined, undefined]],
  ])('%s', (_n, c, labels) => {
    const pods = syncOnce(c).f.pods.creates;
    expect(pods.map((p) => p.labels[JOB_COMPLETION_INDEX_ANNOTATION])).toEqual(labels);
    expect(pods.map((p) => p.annotations[JOB_COMPLETION_INDEX_ANNOTATION])).toEqual(['0', '1']);
  });
});

describe('back-off changes after 1.27', () => {
  const f27 = jobFeaturesFor(featureGatesFor({ minor: 27 }));
  const f28 = jobFeaturesFor(featureGatesFor({ minor: 28 }));
  const view = (o: Partial<JobPodView>): JobPodView => ({
    pod: undefined as never, uid: 'u', name: 'p', namespace: 'default', phase: 'Failed', terminating: false, hasFinalizer: true, ready: false,
    readySinceMs: null, scheduled: true, createdMs: seconds(1), completionIndex: -1, indexFailureCount: 0, indexIgnoredFailureCount: 0,
    deletionMs: null, graceMs: null, conditions: [],
    containerStatuses: [{ name: 'app', image: 'x', ready: false, restartCount: 0, state: 'running', reason: null, exitCode: null, startedMs: 0, finishedMs: null }],
    ...o,
  });

  test.each<[string, JobPodView, number, number]>([
    ['a container still running, Ready=False at 5 s', view({ conditions: [{ type: 'Ready', status: 'False', lastTransitionMs: seconds(5) }] }), seconds(50), seconds(5)],
    ['deleted at 30 s with a 10 s grace period', view({ deletionMs: seconds(30), graceMs: seconds(10) }), seconds(50), seconds(20)],
    ['nothing to go by: the creation time', view({}), seconds(50), seconds(1)],
  ])('getFinishedTime: %s → 1.27.0 the sync time, 1.28 the fallback', (_n, p, now, want28) => {
    expect(finishedTimeOf(p, now, f27)).toBe(now);
    expect(finishedTimeOf(p, now, f28)).toBe(want28);
  });

  test('the back-off cap: 360 s in 1.27, 10 min (MaxJobPodFailureBackOff) from 1.28', () => {
    const record = { failuresAfterLastSuccess: 8, lastFailureTime: 0 };
    expect(backoffRemainingMs(record, 0, f27)).toBe(seconds(360));
    expect(backoffRemainingMs(record, 0, f28)).toBe(seconds(600));
    expect(backoffRemainingMs({ failuresAfterLastSuccess: 6, lastFailureTime: 0 }, 0, f28)).toBe(seconds(320));
  });

  test.each<[string, SyncCase, Cond]>([
    ['1.27: failed > backoffLimit but no new failure this sync → not failed (jobHasNewFailure)',
      { version: { minor: 27 }, spec: { completions: 3, parallelism: 1, backoffLimit: 1 }, status: { failed: 2 }, pods: [{ phase: 'Running' }] }, []],
    ['1.28: failed > backoffLimit fails the Job on any sync',
      { version: { minor: 28 }, spec: { completions: 3, parallelism: 1, backoffLimit: 1 }, status: { failed: 2 }, pods: [{ phase: 'Running' }] }, [['Failed', 'BackoffLimitExceeded']]],
  ])('%s', (_n, c, conditions) => {
    expect(conditionsOf(syncOnce(c).job)).toEqual(conditions);
  });

  const ignoreEvicted = {
    completions: 1, parallelism: 1,
    podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
  };
  const evicted = { phase: 'Failed' as const, finishedMs: seconds(15), conditions: [{ type: 'DisruptionTarget' as const, status: 'True' as const, lastTransitionMs: seconds(15) }] };
  test.each<[string, SyncCase, number, number | undefined]>([
    ['1.30: an Ignored failure does not grow the back-off: replaced at once', { version: { minor: 30 }, spec: ignoreEvicted, pods: [evicted] }, 1, undefined],
    ['1.31: it does (newBackoffRecord gets every failed pod): replaced 10 s after it', { version: { minor: 31 }, spec: ignoreEvicted, pods: [evicted] }, 0, seconds(5)],
  ])('%s', (_n, c, creates, requeue) => {
    const r = syncOnce(c);
    expect(r.f.pods.creates).toHaveLength(creates);
    expect(r.job.status.failed).toBe(0);
    expect(r.requeueAfterMs).toBe(requeue);
  });
});

describe('a sync counts its own deletions (1.31: kubernetes#125546 status.ready, issue #125089 status.terminating)', () => {
  const running = { phase: 'Running' as const, ready: true };
  test.each<[string, SyncCase, { ready: number; terminating: number; active: number }]>([
    ['1.30: suspending a Job with 2 ready pods: ready and terminating catch up on the next sync',
      { version: { minor: 30 }, spec: { completions: 2, parallelism: 2, suspend: true }, pods: [running, running] }, { ready: 2, terminating: 0, active: 0 }],
    ['1.31: at once',
      { version: { minor: 31 }, spec: { completions: 2, parallelism: 2, suspend: true }, pods: [running, running] }, { ready: 0, terminating: 2, active: 0 }],
    ['1.30: too many pods (parallelism 1): one deleted, still counted ready',
      { version: { minor: 30 }, spec: { completions: 2, parallelism: 1 }, pods: [running, running] }, { ready: 2, terminating: 0, active: 1 }],
    ['1.31: not counted ready, counted terminating',
      { version: { minor: 31 }, spec: { completions: 2, parallelism: 1 }, pods: [running, running] }, { ready: 1, terminating: 1, active: 1 }],
  ])('%s', (_n, c, want) => {
    const { job, f } = syncOnce(c);
    expect(f.pods.deletes.length).toBe(c.spec!.suspend ? 2 : 1);
    expect(job.status).toMatchObject(want);
  });
});
