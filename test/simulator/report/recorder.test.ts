/**
 * ReportRecorder on a hand-driven store: a Job's completedIndexes/failedIndexes are the last
 * strings written (failedIndexes exists only with backoffLimitPerIndex, KEP-3850), timeline entries
 * only on column changes, and the keepDeleted / maxEvents bounds.
 */
import type { StoreChange, Watcher } from '../../../lib/simulator/cluster/store-types';
import type { SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { ReportRecorder } from '../../../lib/simulator/report/recorder';

function store() {
  let w: Watcher = () => undefined;
  return { watch: (x: Watcher) => { w = x; return () => undefined; }, emit: (c: StoreChange) => w(c) };
}

function job(uid: string, status: Partial<SimJob['status']> & { failedIndexes?: string }): SimJob {
  return {
    kind: 'Job', uid, name: uid, namespace: 'default', createdMs: 0, deletionMs: null, deletedMs: null,
    spec: { completions: 4, parallelism: 2 }, status: { startTime: 0, completionTime: null, succeeded: 0, failed: 0, ...status },
  } as unknown as SimJob;
}

test('completedIndexes and failedIndexes are the strings the controller last wrote ("0-2,4" style), untouched', () => {
  const s = store();
  const r = new ReportRecorder(s);
  s.emit({ type: 'Added', object: job('a', {}), atMs: 0 });
  s.emit({ type: 'Modified', object: job('a', { succeeded: 3, completedIndexes: '0-2', failedIndexes: '3' }), atMs: 10_000 });
  s.emit({ type: 'Modified', object: job('a', { succeeded: 4, completedIndexes: '0-2,4', failedIndexes: '3,5-6' }), atMs: 20_000 });
  expect(r.workload('a')).toMatchObject({ completedIndexes: '0-2,4', failedIndexes: '3,5-6' });
  expect(r.timeline('a').map((e) => [e.atMs, e.columns[0]])).toEqual([[0, '0/4'], [10_000, '3/4'], [20_000, '4/4']]);
});

test('a write that changes no column adds no entry', () => {
  const s = store();
  const r = new ReportRecorder(s);
  s.emit({ type: 'Added', object: job('a', {}), atMs: 0 });
  s.emit({ type: 'Modified', object: job('a', {}), atMs: 5000 });
  expect(r.timeline('a')).toHaveLength(1);
});

test('keepDeleted: records of deleted instances beyond the newest N are dropped; maxEvents bounds each timeline', () => {
  const s = store();
  const r = new ReportRecorder(s, { keepDeleted: 1, maxEvents: 2 });
  for (const uid of ['a', 'b']) {
    s.emit({ type: 'Added', object: job(uid, {}), atMs: 0 });
    s.emit({ type: 'Deleted', object: job(uid, {}), atMs: 1000 });
  }
  expect([r.workload('a'), r.workload('b') !== undefined]).toEqual([undefined, true]);
  for (let i = 1; i <= 5; i++) s.emit({ type: 'Modified', object: job('c', { succeeded: i }), atMs: i * 1000 });
  expect(r.timeline('c').map((e) => e.columns[0])).toEqual(['4/4', '5/4']);
});
