/**
 * The DaemonSet controller across Kubernetes versions: from 1.28 Succeeded daemon pods are deleted
 * (kubernetes#117073); from 1.31 an old pod that is not available — replaced at once — counts
 * against maxUnavailable (`update.go#rollingUpdate`, kubernetes#123233). Gates (only the version
 * is read) come from `gatesWith`.
 */
import { DaemonSetController } from '../../../lib/simulator/controllers/daemon-set-controller';
import { DAEMON_SET_RULES_1_27, daemonSetRules } from '../../../lib/simulator/controllers/daemon-set-reconcile';
import { replaceNodeNameAffinity } from '../../../lib/simulator/controllers/daemon-set-utils';
import { templateHash } from '../../../lib/simulator/controllers/revision';
import { harness, newDaemonSet, newNode, newPod } from '../../helpers/builders';
import { fakeContext } from '../../helpers/fakes';
import { gatesWith } from '../../helpers/gates-with';
import { seconds } from '../../helpers/instants';

const NOW = seconds(600);

/** Three nodes with an old-revision pod each; `readyOn` says which are Ready. Returns the pods the sync deletes. */
function sync(minor: number, maxUnavailable: number, readyOn: readonly boolean[]): string[] {
  const nodes = readyOn.map((_, i) => newNode(`worker${i + 1}`));
  const h = harness(nodes);
  const ds = h.add(newDaemonSet('test', { labels: { name: 'test' }, extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 0 } } } }));
  readyOn.forEach((ready, i) => {
    h.setNow(NOW - seconds(60) + i);
    const pod = h.add(newPod(`test-p${i}`, {
      owner: ds, labels: { name: 'test', 'controller-revision-hash': 'oldhash' }, spec: { affinity: replaceNodeNameAffinity(undefined, `worker${i + 1}`) },
    }));
    h.setPod(pod, { node: `worker${i + 1}`, phase: 'Running', ready, ...(ready ? { readySinceMs: NOW - seconds(60) } : {}) });
  });
  h.setNow(NOW);
  const f = fakeContext(h, { gates: gatesWith({}, { minor }) });
  new DaemonSetController(f.ctx).sync('default/test', h.now);
  return [...f.pods.deletes].sort();
}

describe('rollingUpdate, maxSurge 0: old unavailable pods and the maxUnavailable budget', () => {
  test.each([
    // 1.27–1.30: the unavailable old pod goes and the budget is still whole: one available one too.
    ['1.30, maxUnavailable 1', 30, 1, ['test-p0', 'test-p1']],
    // 1.31 (kubernetes#123233): the replaced unavailable pod uses the budget up.
    ['1.31, maxUnavailable 1', 31, 1, ['test-p0']],
    ['1.27, maxUnavailable 2', 27, 2, ['test-p0', 'test-p1', 'test-p2']],
    ['1.31, maxUnavailable 2', 31, 2, ['test-p0', 'test-p1']],
  ])('%s', (_, minor, maxUnavailable, deleted) => {
    expect(sync(minor, maxUnavailable, [false, true, true])).toEqual(deleted);
  });

  test('every pod available: the same in both versions', () => {
    expect(sync(27, 1, [true, true, true])).toEqual(sync(31, 1, [true, true, true]));
    expect(sync(31, 1, [true, true, true])).toHaveLength(1);
  });

  test('rules per minor', () => {
    expect([daemonSetRules(27), daemonSetRules(28), daemonSetRules(31)]).toEqual([
      DAEMON_SET_RULES_1_27, { countOldUnavailable: false, deleteSucceeded: true }, { countOldUnavailable: true, deleteSucceeded: true },
    ]);
  });
});

describe('a Succeeded daemon pod (kubernetes#117073)', () => {
  test.each([
    // 1.27: counted as running, left alone.
    ['1.27', 27, [], []],
    ['1.28', 28, ['test-p0'], ['SucceededDaemonPod: Found succeeded daemon pod default/test-p0 on node worker1, will try to delete it', 'SuccessfulDelete: Deleted pod: test-p0']],
  ])('%s', (_, minor, deleted, events) => {
    const h = harness([newNode('worker1')]);
    const ds = h.add(newDaemonSet('test', { labels: { name: 'test' } }));
    const pod = h.add(newPod('test-p0', { owner: ds, labels: { name: 'test', 'controller-revision-hash': templateHash(ds.spec.template) }, spec: { affinity: replaceNodeNameAffinity(undefined, 'worker1') } }));
    h.setPod(pod, { node: 'worker1', phase: 'Succeeded', ready: false });
    h.setNow(NOW);
    const f = fakeContext(h, { gates: gatesWith({}, { minor }) });
    new DaemonSetController(f.ctx).sync('default/test', h.now);
    expect(f.pods.deletes).toEqual(deleted);
    expect(f.recorder.events.map((e) => `${e.reason}: ${e.message}`)).toEqual(events);
  });
});
