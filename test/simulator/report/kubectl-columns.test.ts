/**
 * The `kubectl get` columns of 1.27 (pkg/printers/internalversion/printers.go): each row cites the
 * printer it pins.
 */
import type { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from '../../../lib/simulator/cluster/workload-objects';
import { formatLabels, jobCompletions, jobDuration, workloadColumns } from '../../../lib/simulator/report/kubectl-columns';

const job = (spec: { completions?: number | null; parallelism: number }, status: Partial<SimJob['status']> = {}) => ({
  spec, status: { succeeded: 0, startTime: null, completionTime: null, ...status },
}) as unknown as SimJob;

// printJob: Completions set → "%d/%d"; unset → "%d/1 of %d" only when parallelism > 1, else "%d/1"
test.each([
  ['completions 3, 1 succeeded', job({ completions: 3, parallelism: 2 }, { succeeded: 1 }), '1/3'],
  ['completions 1', job({ completions: 1, parallelism: 1 }), '0/1'],
  ['work queue, parallelism 3', job({ completions: null, parallelism: 3 }, { succeeded: 2 }), '2/1 of 3'],
  ['work queue, parallelism 1 (no "of 1")', job({ completions: null, parallelism: 1 }), '0/1'],
  ['work queue, parallelism 0 (suspended-style)', job({ parallelism: 0 }), '0/1'],
])('printJob COMPLETIONS: %s → %s', (_, j, want) => {
  expect(jobCompletions(j)).toBe(want);
});

// printJob DURATION: "" without startTime; HumanDuration(now - start) while running; completion - start after
test.each([
  ['not started', job({ parallelism: 1 }), 100_000, ''],
  ['running for 150 s', job({ parallelism: 1 }, { startTime: 10_000 }), 160_000, '2m30s'],
  ['completed after 42 s, read an hour later', job({ parallelism: 1 }, { startTime: 0, completionTime: 42_000 }), 3_600_000, '42s'],
])('printJob DURATION: %s', (_, j, now, want) => {
  expect(jobDuration(j, now)).toBe(want);
});

test('labels.FormatLabels: sorted k=v joined by commas, <none> when empty', () => {
  expect([formatLabels({ b: '2', a: '1' }), formatLabels({}), formatLabels(undefined)]).toEqual(['a=1,b=2', '<none>', '<none>']);
});

test('printStatefulSet READY readyReplicas/spec.replicas; printDaemonSet counts and NODE SELECTOR; printCronJob SUSPEND/ACTIVE/LAST SCHEDULE', () => {
  const sts = { kind: 'StatefulSet', createdMs: 0, spec: { replicas: 3 }, status: { readyReplicas: 2 } } as unknown as SimStatefulSet;
  expect(workloadColumns(sts, 90_000)).toEqual(['2/3', '90s']);
  const ds = {
    kind: 'DaemonSet', createdMs: 0, spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
  } as unknown as SimDaemonSet;
  expect(workloadColumns(ds, 600_000)).toEqual(['3', '3', '2', '3', '2', 'kubernetes.io/os=linux', '10m']);
  const cj = { kind: 'CronJob', createdMs: 0, spec: { schedule: '*/5 * * * *', suspend: false }, status: { active: [], lastScheduleTime: null } } as unknown as SimCronJob;
  expect(workloadColumns(cj, 60_000)).toEqual(['*/5 * * * *', 'False', '0', '<none>', '60s']);
  const ran = { ...cj, spec: { schedule: '@hourly', suspend: true }, status: { active: [{}], lastScheduleTime: 3_600_000 } } as unknown as SimCronJob;
  expect(workloadColumns(ran, 3_600_000 + 190_000)).toEqual(['@hourly', 'True', '1', '3m10s', '63m']);
});
