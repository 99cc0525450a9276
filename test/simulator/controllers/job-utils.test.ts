/**
 * The Job controller's pure helpers against the 1.27 rules (reference §4.2–§4.5) and the
 * kubernetes `indexed_job_utils_test.go` / `backoff_utils_test.go` style cases.
 */
import type { ContainerStatusLite, PodPhase, SimJob } from '../../../lib/simulator/cluster/objects';
import { backoffDelayMs, backoffRemainingMs, newBackoffRecord, NO_BACKOFF } from '../../../lib/simulator/controllers/job-backoff';
import { matchPodFailurePolicy } from '../../../lib/simulator/controllers/job-failure-rules';
import {
  firstPendingIndexes, formatCompletedIndexes, parseCompletedIndexes, withOrderedIndexes,
} from '../../../lib/simulator/controllers/job-indexes';
import {
  activePodsForRemoval, compareActivePods, completionIndexOf, JOB_COMPLETION_INDEX_ANNOTATION, jobPodDraft, JobPodView,
  podGenerateNameWithIndex,
} from '../../../lib/simulator/controllers/job-utils';
import { harness, newJob } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

function view(name: string, o: Partial<Omit<JobPodView, 'pod'>> & { exit?: number; finishedMs?: number | null; restarts?: number } = {}): JobPodView {
  const phase: PodPhase = o.phase ?? 'Running';
  const terminated = o.exit !== undefined;
  const cs: ContainerStatusLite = {
    name: 'app', image: 'x', ready: false, restartCount: o.restarts ?? 0, state: terminated ? 'terminated' : 'running', reason: null,
    exitCode: terminated ? o.exit! : null, startedMs: 0, finishedMs: o.finishedMs ?? null,
  };
  return {
    pod: undefined as never, uid: o.uid ?? name, name, namespace: 'default', phase, terminating: o.terminating ?? false,
    hasFinalizer: o.hasFinalizer ?? true, ready: o.ready ?? false, readySinceMs: o.readySinceMs ?? null, scheduled: o.scheduled ?? true,
    createdMs: o.createdMs ?? 0, completionIndex: o.completionIndex ?? -1, containerStatuses: o.containerStatuses ?? [cs], conditions: o.conditions ?? [],
    indexFailureCount: o.indexFailureCount ?? 0, indexIgnoredFailureCount: o.indexIgnoredFailureCount ?? 0,
    deletionMs: o.deletionMs ?? null, graceMs: o.graceMs ?? null,
  };
}

function job(extra: Record<string, unknown>): SimJob {
  return harness().add(newJob('j', { restartPolicy: 'Never', extra }));
}

describe('backoff (§4.4)', () => {
  test('delays are 10, 20, 40, 80, 160, 320, 360, 360 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(backoffDelayMs)).toEqual([10, 20, 40, 80, 160, 320, 360, 360].map(seconds));
    expect(backoffDelayMs(0)).toBe(0);
  });

  test('remaining time counts from the last failure finish; 0 once elapsed (equal counts as elapsed)', () => {
    const r = { failuresAfterLastSuccess: 2, lastFailureTime: seconds(100) };
    expect(backoffRemainingMs(r, seconds(105))).toBe(seconds(15));
    expect(backoffRemainingMs(r, seconds(120))).toBe(0);
    expect(backoffRemainingMs(NO_BACKOFF, seconds(1))).toBe(0);
  });

  test('a new success resets the count, keeping failures that finished after it', () => {
    const old = { failuresAfterLastSuccess: 3, lastFailureTime: seconds(50) };
    const ok = view('ok', { phase: 'Succeeded', exit: 0, finishedMs: seconds(60) });
    const before = view('f1', { phase: 'Failed', exit: 1, finishedMs: seconds(55) });
    const after = view('f2', { phase: 'Failed', exit: 1, finishedMs: seconds(70) });
    expect(newBackoffRecord(old, seconds(80), [ok], [])).toEqual(NO_BACKOFF);
    expect(newBackoffRecord(old, seconds(80), [ok], [before, after])).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: seconds(70) });
    expect(newBackoffRecord(old, seconds(80), [], [after])).toEqual({ failuresAfterLastSuccess: 4, lastFailureTime: seconds(70) });
  });

  test('a failed pod without terminated containers finishes "now" (1.27.0 getFinishedTime)', () => {
    const deleted = view('d', { phase: 'Running', terminating: true });
    expect(newBackoffRecord(NO_BACKOFF, seconds(42), [], [deleted])).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: seconds(42) });
  });
});

describe('ActivePods order (§4.2 activePodsForRemoval)', () => {
  test('unscheduled < scheduled, Pending < Running, not ready < ready, shorter ready < longer, more restarts < fewer, newer < older', () => {
    const pods = [
      view('old-ready', { ready: true, readySinceMs: 0, createdMs: 0 }),
      view('new-ready', { ready: true, readySinceMs: 10, createdMs: 0 }),
      view('running-restarted', { restarts: 3, createdMs: 0 }),
      view('running-old', { createdMs: 0 }),
      view('running-new', { createdMs: 5 }),
      view('pending', { phase: 'Pending' }),
      view('unscheduled', { phase: 'Pending', scheduled: false }),
    ];
    expect([...pods].sort(compareActivePods).map((p) => p.name)).toEqual([
      'unscheduled', 'pending', 'running-restarted', 'running-new', 'running-old', 'new-ready', 'old-ready',
    ]);
  });

  test('Indexed: duplicates and indexes ≥ completions go first, then by ActivePods order up to rmAtLeast', () => {
    const j = job({ completions: 3, parallelism: 3, completionMode: 'Indexed' });
    const pods = [
      view('i0', { completionIndex: 0, ready: true, readySinceMs: 0 }),
      view('i1-old', { completionIndex: 1, createdMs: 0 }),
      view('i1-new', { completionIndex: 1, createdMs: 9 }),
      view('i7', { completionIndex: 7 }),
      view('i2', { completionIndex: 2 }),
    ];
    expect(activePodsForRemoval(j, pods, 0).map((p) => p.name)).toEqual(['i1-new', 'i7']);
    expect(activePodsForRemoval(j, pods, 3).map((p) => p.name)).toEqual(['i1-new', 'i7', 'i2']);
  });
});

describe('completed indexes (§4.2)', () => {
  // orderedIntervals.String (pkg/controller/job/indexed_job_utils.go): a range only for three or
  // more consecutive indexes; two adjacent ones print as "5,6" (`if v.Last == v.First+1 { ',' }`).
  // parseIndexesFromString accepts both forms.
  test.each([
    ['0-2,4,6-7', 10, '0-2,4,6,7'], // the adjacent pair 6-7 prints as 6,7
    ['0-2,3,5-9', 7, '0-3,5,6'], // merged, cut at completions (5-9 → 5-6 → "5,6")
    ['5,6', 10, '5,6'],
    ['5-7', 10, '5-7'],
    ['3', 10, '3'],
    ['0,1,2', 10, '0-2'], // three adjacent singles merge into a range
  ])('%j (completions %d) prints as %j', (text, completions, printed) => {
    expect(formatCompletedIndexes(parseCompletedIndexes(text, completions))).toBe(printed);
    // What it prints parses back to the same intervals.
    expect(parseCompletedIndexes(printed, completions)).toEqual(parseCompletedIndexes(text, completions));
  });

  test('merging sorted indexes into intervals', () => {
    expect(parseCompletedIndexes('', 3)).toEqual([]);
    expect(formatCompletedIndexes(withOrderedIndexes(parseCompletedIndexes('1,5', 9), [0, 2, 3, 6]))).toBe('0-3,5,6');
  });

  test('firstPendingIndexes: lowest indexes neither succeeded nor active', () => {
    const succeeded = parseCompletedIndexes('0,2-3', 10);
    const active = [view('a', { completionIndex: 1 }), view('b', { completionIndex: 5 })];
    expect(firstPendingIndexes(active, succeeded, 3, 10)).toEqual([4, 6, 7]);
    expect(firstPendingIndexes(active, succeeded, 10, 7)).toEqual([4, 6]);
    expect(firstPendingIndexes([], [], 0, 5)).toEqual([]);
  });

  test('completion index annotation: non-negative integers only', () => {
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: '3' })).toBe(3);
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: '-1' })).toBe(-1);
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: 'x' })).toBe(-1);
    expect(completionIndexOf({})).toBe(-1);
  });

  test('generateName with index keeps the index when the job name is long (prefix ≤ 58)', () => {
    expect(podGenerateNameWithIndex('backup', 3)).toBe('backup-3-');
    const long = 'a'.repeat(60);
    const prefix = podGenerateNameWithIndex(long, 12);
    expect(prefix).toHaveLength(58);
    expect(prefix.endsWith('-12-')).toBe(true);
  });

  test('Indexed pod draft also sets JOB_COMPLETION_INDEX in init containers and keeps a user-set one', () => {
    const j = job({ completions: 2, completionMode: 'Indexed' });
    j.spec = {
      ...j.spec,
      template: {
        ...j.spec.template,
        spec: {
          ...j.spec.template.spec!,
          initContainers: [{ name: 'init', image: 'busybox' }],
          containers: [{ name: 'app', image: 'x', env: [{ name: 'JOB_COMPLETION_INDEX', value: '9' }] }],
        },
      },
    };
    const d = jobPodDraft(j, 1);
    expect(d.spec.initContainers![0].env).toEqual([expect.objectContaining({ name: 'JOB_COMPLETION_INDEX' })]);
    expect(d.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', value: '9' }]);
    expect(d.generateName).toBe('j-1-');
  });
});

describe('podFailurePolicy matching (§4.5)', () => {
  const policy = {
    podFailurePolicy: {
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] }, onPodConditions: [] },
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        { action: 'Count', onExitCodes: { operator: 'NotIn', values: [0, 42] }, onPodConditions: [] },
      ],
    },
  };

  test('exit code rule restricted to a container name', () => {
    const j = job(policy);
    const main42 = view('p', { phase: 'Failed', containerStatuses: [{ name: 'main', image: 'x', ready: false, restartCount: 0, state: 'terminated', reason: 'Error', exitCode: 42, startedMs: 0, finishedMs: 1 }] });
    const side42 = view('q', { phase: 'Failed', containerStatuses: [{ name: 'side', image: 'x', ready: false, restartCount: 0, state: 'terminated', reason: 'Error', exitCode: 42, startedMs: 0, finishedMs: 1 }] });
    expect(matchPodFailurePolicy(j, main42)).toEqual({
      failJobMessage: 'Container main for pod default/p failed with exit code 42 matching FailJob rule at index 0', countFailed: true, action: 'FailJob',
    });
    expect(matchPodFailurePolicy(j, side42)).toEqual({ failJobMessage: null, countFailed: true, action: null });
  });

  test('pod condition rule and NotIn rule; exit code 0 never matches', () => {
    const j = job(policy);
    const evicted = view('e', { phase: 'Failed', exit: 137, conditions: [{ type: 'DisruptionTarget', status: 'True', lastTransitionMs: 0 }] });
    expect(matchPodFailurePolicy(j, evicted)).toEqual({ failJobMessage: null, countFailed: false, action: 'Ignore' });
    expect(matchPodFailurePolicy(j, view('c', { phase: 'Failed', exit: 3 })).action).toBe('Count');
    expect(matchPodFailurePolicy(j, view('z', { phase: 'Failed', exit: 0 })).action).toBeNull();
  });

  test('FailJob on a pod condition words the message with the condition type', () => {
    const j = job({ podFailurePolicy: { rules: [{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } });
    const evicted = view('e', { phase: 'Failed', exit: 137, conditions: [{ type: 'DisruptionTarget', status: 'True', lastTransitionMs: 0 }] });
    expect(matchPodFailurePolicy(j, evicted).failJobMessage).toBe('Pod default/e has condition DisruptionTarget matching FailJob rule at index 0');
  });
});
