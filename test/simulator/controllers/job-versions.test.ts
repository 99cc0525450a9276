/**
 * The Job controller per Kubernetes version: each behaviour that changed after 1.27, one sync on
 * both sides of the change (default gates of the version, or an override). Rows cite the
 * upstream rule (KEP / PR, `pkg/controller/job/*.go` at release-1.31).
 */
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_INDEX_FAILURE_COUNT_ANNOTATION } from '../../../lib/simulator/controllers/job-utils';
import { conditionsOf, SyncCase, syncOnce } from './job-harness';
import { seconds } from '../../helpers/instants';

interface Expect {
  readonly creates: number;
  readonly deletes?: number;
  /** `[type, reason]` of the conditions after the sync. */
  readonly conditions?: Array<[string, string]>;
  /** Status fields (`terminating`, `failedIndexes`, …); `undefined` means the key is absent. */
  readonly status?: Record<string, unknown>;
  readonly finalizersRemoved?: number;
  readonly requeue?: number;
}

function check(c: SyncCase, e: Expect): void {
  const { f, job, requeueAfterMs } = syncOnce(c);
  expect(f.pods.creates).toHaveLength(e.creates);
  expect(f.pods.deletes).toHaveLength(e.deletes ?? 0);
  if (e.conditions) expect(conditionsOf(job)).toEqual(e.conditions);
  for (const [k, v] of Object.entries(e.status ?? {})) {
    if (v === undefined) expect(Object.keys(job.status)).not.toContain(k);
    else expect((job.status as unknown as Record<string, unknown>)[k]).toEqual(v);
  }
  if (e.finalizersRemoved !== undefined) expect(f.pods.finalizersRemoved).toHaveLength(e.finalizersRemoved);
  if (e.requeue !== undefined) expect(requeueAfterMs).toBe(e.requeue);
}

type Row = [string, SyncCase, Expect];

const terminatingPod = { phase: 'Running' as const, terminating: true };

describe('podReplacementPolicy and status.terminating (KEP-3939, JobPodReplacementPolicy alpha 1.28, beta 1.29)', () => {
  const failedPolicy = { completions: 1, parallelism: 1, podReplacementPolicy: 'Failed' };
  test.each<Row>([
    ['1.28 (gate off): Failed is ignored, the terminating pod is replaced at once; no status.terminating',
      { version: { minor: 28 }, spec: failedPolicy, pods: [terminatingPod] }, { creates: 1, status: { terminating: undefined } }],
    ['1.29: Failed waits for the terminating pod; status.terminating 1',
      { version: { minor: 29 }, spec: failedPolicy, pods: [terminatingPod] }, { creates: 0, status: { terminating: 1, active: 0 } }],
    ['1.28 with JobPodReplacementPolicy=true: the same as 1.29',
      { version: { minor: 28 }, gates: { JobPodReplacementPolicy: true }, spec: failedPolicy, pods: [terminatingPod] }, { creates: 0, status: { terminating: 1 } }],
    ['1.29 TerminatingOrFailed (the default): replaced at once, still counted in status.terminating',
      { version: { minor: 29 }, spec: { completions: 1, parallelism: 1 }, pods: [terminatingPod] }, { creates: 1, status: { terminating: 1 } }],
    ['1.27 TerminatingOrFailed: the terminating pod counts as failed, its back-off runs from now (getFinishedTime 1.27.0); no terminating key',
      { version: { minor: 27 }, spec: { completions: 1, parallelism: 1 }, pods: [terminatingPod] },
      { creates: 0, requeue: seconds(10), status: { terminating: undefined, failed: 1 } }],
  ])('%s', (_n, c, e) => check(c, e));

  const pfp = { completions: 1, parallelism: 1, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } };
  test.each<Row>([
    ['1.27: with a podFailurePolicy the terminating pod is replaced at once (only the failed count waits)',
      { version: { minor: 27 }, spec: pfp, pods: [terminatingPod] }, { creates: 1, finalizersRemoved: 0 }],
    ['1.28: a podFailurePolicy means only failed pods are replaced (onlyReplaceFailedPods), whatever the gate',
      { version: { minor: 28 }, spec: pfp, pods: [terminatingPod] }, { creates: 0, finalizersRemoved: 0, status: { terminating: undefined } }],
  ])('%s', (_n, c, e) => check(c, e));
});

describe('backoffLimitPerIndex (KEP-3850, JobBackoffLimitPerIndex alpha 1.28, beta 1.29)', () => {
  const indexed = { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimit: 100, backoffLimitPerIndex: 1 };
  const running = (index: number) => ({ phase: 'Running' as const, index });
  test.each<Row>([
    ['1.28 (gate off): no failedIndexes; the failed index is recreated once the Job back-off (10 s) elapsed',
      { version: { minor: 28 }, spec: indexed, pods: [{ phase: 'Failed', index: 0, failureCount: 1 }, running(1), running(2)] },
      { creates: 1, status: { failedIndexes: undefined, failed: 1 }, finalizersRemoved: 1 }],
    ['1.29: a pod failing with failure count 1 ≥ backoffLimitPerIndex fails its index; no pod for it',
      { version: { minor: 29 }, spec: indexed, pods: [{ phase: 'Failed', index: 0, failureCount: 1 }, running(1), running(2)] },
      { creates: 0, status: { failedIndexes: '0', failed: 1 }, finalizersRemoved: 1, conditions: [] }],
    ['1.29: a first failure (count 0) is retried: the replacement carries failure count 1; the failed pod keeps its finalizer meanwhile',
      { version: { minor: 29 }, spec: indexed, pods: [{ phase: 'Failed', index: 0, failureCount: 0 }, running(1), running(2)] },
      { creates: 1, status: { failedIndexes: '', failed: 0 }, finalizersRemoved: 0 }],
    ['1.29: the retry waits out the index back-off (10 s after the failure), not the Job one',
      { version: { minor: 29 }, spec: indexed, now: seconds(15), pods: [{ phase: 'Failed', index: 0, failureCount: 0 }, running(1), running(2)] },
      { creates: 0, requeue: seconds(5) }],
    ['1.29: failed + succeeded indexes cover all → Failed FailedIndexes',
      { version: { minor: 29 }, spec: indexed, pods: [{ phase: 'Failed', index: 0, failureCount: 1 }, { phase: 'Succeeded', index: 1 }, { phase: 'Succeeded', index: 2 }] },
      { creates: 0, conditions: [['Failed', 'FailedIndexes']], status: { failedIndexes: '0', completedIndexes: '1,2' } }], // orderedIntervals.String: two adjacent indexes print as a list
    ['1.29: more failed indexes than maxFailedIndexes → Failed MaxFailedIndexesExceeded, the running pods deleted',
      { version: { minor: 29 }, spec: { ...indexed, maxFailedIndexes: 0 }, pods: [{ phase: 'Failed', index: 0, failureCount: 1 }, running(1), running(2)] },
      { creates: 0, deletes: 2, conditions: [['Failed', 'MaxFailedIndexesExceeded']] }],
    ['1.31: MaxFailedIndexesExceeded is first the interim FailureTarget while the deleted pods terminate',
      { version: { minor: 31 }, spec: { ...indexed, maxFailedIndexes: 0 }, pods: [{ phase: 'Failed', index: 0, failureCount: 1 }, running(1), running(2)] },
      { creates: 0, deletes: 2, conditions: [['FailureTarget', 'MaxFailedIndexesExceeded']], status: { terminating: 2 } }],
  ])('%s', (_n, c, e) => check(c, e));

  const failIndex = {
    ...indexed, backoffLimitPerIndex: 5,
    podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] },
  };
  test.each<Row>([
    ['1.29: a FailIndex rule fails the index on the first failure',
      { version: { minor: 29 }, spec: failIndex, pods: [{ phase: 'Failed', index: 0, exitCode: 42 }, running(1), running(2)] },
      { creates: 0, status: { failedIndexes: '0' } }],
    ['1.29: another exit code is retried',
      { version: { minor: 29 }, spec: failIndex, pods: [{ phase: 'Failed', index: 0, exitCode: 1 }, running(1), running(2)] },
      { creates: 1, status: { failedIndexes: '' } }],
  ])('%s', (_n, c, e) => check(c, e));

  test('the replacement pod carries batch.kubernetes.io/job-index-failure-count (getNewIndexFailureCounts)', () => {
    const { f } = syncOnce({ version: { minor: 29 }, spec: indexed, pods: [{ phase: 'Failed', index: 0, failureCount: 0 }, running(1), running(2)] });
    expect(f.pods.creates[0].annotations).toMatchObject({ [JOB_COMPLETION_INDEX_ANNOTATION]: '0', [JOB_INDEX_FAILURE_COUNT_ANNOTATION]: '1' });
  });

  test('first pods get failure count 0; without backoffLimitPerIndex no such annotation', () => {
    const on = syncOnce({ version: { minor: 29 }, spec: indexed }).f.pods.creates;
    expect(on.map((p) => p.annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION])).toEqual(['0', '0', '0']);
    const off = syncOnce({ version: { minor: 29 }, spec: { ...indexed, backoffLimitPerIndex: undefined } }).f.pods.creates;
    expect(off.map((p) => p.annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION])).toEqual([undefined, undefined, undefined]);
  });
});
