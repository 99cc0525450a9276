import { NodeInput, nodeDraft } from '../../../lib/simulator/cluster/factories';
import type { Toleration } from '../../../lib/simulator/cluster/api-shapes';
import type { PodPhase, SimPod } from '../../../lib/simulator/cluster/pod-object';
import type { DaemonSetStatus, SimDaemonSet } from '../../../lib/simulator/cluster/workload-objects';
import { DaemonSetController } from '../../../lib/simulator/controllers/daemon-set-controller';
import { replaceNodeNameAffinity, targetNodeName } from '../../../lib/simulator/controllers/daemon-set-utils';
import { templateHash } from '../../../lib/simulator/controllers/revision';
import { Harness, harness, newDaemonSet, newNode, newPod } from '../../helpers/builders';
import { apiError, FakeContext, fakeContext } from '../../helpers/fakes';
import { seconds } from '../../helpers/instants';

const MASTER_TAINT = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const };
const MASTER_TOLERATION: Toleration = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' };
const WORKERS = [newNode('worker1'), newNode('worker2'), newNode('worker3')];
const SEED_001_NODES = [newNode('manager', { taints: [MASTER_TAINT] }), ...WORKERS];

/** A daemon pod already in the store. */
interface PodFixture {
  readonly node: string;
  /** Pending: created for the node (matchFields affinity) but not bound yet. */
  readonly phase?: PodPhase | 'Unbound';
  /** @default true for Running */
  readonly ready?: boolean;
  /** Carries an older revision hash. @default false */
  readonly old?: boolean;
  readonly terminating?: boolean;
  /** Created this long before the sync. @default 60 s */
  readonly ageMs?: number;
  /** Ready since this long before the sync. @default ageMs */
  readonly readyForMs?: number;
}

interface Case {
  // spec
  readonly nodes?: readonly NodeInput[];
  readonly tolerations?: Toleration[];
  readonly nodeSelector?: Record<string, string>;
  readonly extra?: Record<string, unknown>;
  // environment
  readonly pods?: readonly PodFixture[];
  readonly createError?: boolean;
  // expectations
  readonly createdOn: readonly string[];
  readonly deletedOn: readonly string[];
  readonly reasons: readonly string[];
  readonly requeueAfterMs?: number;
  readonly status?: Partial<DaemonSetStatus>;
  readonly throws?: boolean;
}

const NOW = seconds(600);

interface Setup {
  readonly h: Harness;
  readonly ds: SimDaemonSet;
  readonly f: FakeContext;
  readonly ctl: DaemonSetController;
  readonly pods: SimPod[];
  /** What keysFor returned for each Node change, in order. */
  readonly nodeKeys: string[][];
}

function setup(c: Pick<Case, 'nodes' | 'tolerations' | 'nodeSelector' | 'extra' | 'pods'>): Setup {
  const h = harness(c.nodes ?? WORKERS);
  const ds = h.add(newDaemonSet('test', { labels: { name: 'test' }, tolerations: c.tolerations, nodeSelector: c.nodeSelector, extra: c.extra }));
  const hash = templateHash(ds.spec.template);
  const pods: SimPod[] = [];
  (c.pods ?? []).forEach((p, i) => {
    const age = p.ageMs ?? seconds(60);
    h.setNow(NOW - age + i); // distinct creation times, in fixture order
    const pod = h.add(newPod(`test-p${i}`, {
      owner: ds,
      labels: { name: 'test', 'controller-revision-hash': p.old ? 'oldhash' : hash },
      spec: { affinity: replaceNodeNameAffinity(undefined, p.node) },
    }));
    const phase = p.phase ?? 'Running';
    if (phase !== 'Unbound') {
      const ready = p.ready ?? phase === 'Running';
      h.setPod(pod, { node: p.node, phase, ready, ...(ready ? { readySinceMs: NOW - (p.readyForMs ?? age) } : {}) });
    }
    if (p.terminating) h.setPod(pod, { terminating: true });
    pods.push(pod);
  });
  h.setNow(NOW);
  const f = fakeContext(h);
  const ctl = new DaemonSetController(f.ctx);
  const nodeKeys: string[][] = [];
  // What the Simulation does: every store change goes through keysFor.
  h.state.watch((change) => {
    const keys = ctl.keysFor(change);
    if (change.object.kind === 'Node') nodeKeys.push(keys);
  });
  return { h, ds, f, ctl, pods, nodeKeys };
}

const cases: Record<string, Case> = {
  // §3.1 / §3.4: shouldRun && no pod → create, in node order, slow start 1, 2.
  'fresh, 3 workers': {
    createdOn: ['worker1', 'worker2', 'worker3'], deletedOn: [], reasons: ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate'],
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 0, numberUnavailable: 3, observedGeneration: 1 },
  },
  // §3.1: an untolerated NoSchedule taint → shouldRun false.
  'seed 001 nodes, no master toleration': {
    nodes: SEED_001_NODES, createdOn: ['worker1', 'worker2', 'worker3'], deletedOn: [], reasons: ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate'],
    status: { desiredNumberScheduled: 3 },
  },
  // §3.1 + seed 001: the master toleration → the manager gets a pod too.
  'seed 001 nodes, master tolerated': {
    nodes: SEED_001_NODES, tolerations: [MASTER_TOLERATION],
    createdOn: ['manager', 'worker1', 'worker2', 'worker3'], deletedOn: [], reasons: Array(4).fill('SuccessfulCreate'), status: { desiredNumberScheduled: 4 },
  },
  // §3.2: cordoned nodes still get a daemon pod (unschedulable toleration).
  'cordoned node': {
    nodes: [newNode('worker1', { unschedulable: true })], createdOn: ['worker1'], deletedOn: [], reasons: ['SuccessfulCreate'],
  },
  // §3.1: nodeSelector.
  'nodeSelector role=gpu-node': {
    nodes: [newNode('worker1'), newNode('gpu1', { labels: { role: 'gpu-node' } })], nodeSelector: { role: 'gpu-node' },
    createdOn: ['gpu1'], deletedOn: [], reasons: ['SuccessfulCreate'], status: { desiredNumberScheduled: 1 },
  },
  // §3.5: one ready pod per node, nothing to do.
  'one ready pod per node': {
    pods: [{ node: 'worker1' }, { node: 'worker2' }, { node: 'worker3' }], createdOn: [], deletedOn: [], reasons: [],
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, numberUnavailable: 0, updatedNumberScheduled: 3, numberMisscheduled: 0 },
  },
  // §3.4: without surge, more than one running pod → all but the oldest are deleted.
  'two running pods on one node, no surge': {
    pods: [{ node: 'worker1', ageMs: seconds(90) }, { node: 'worker1', ageMs: seconds(30) }, { node: 'worker2' }, { node: 'worker3' }],
    createdOn: [], deletedOn: ['worker1'], reasons: ['SuccessfulDelete'],
  },
  // §3.4: Failed pod → FailedDaemonPod + delete (the replacement comes on a later sync).
  'failed pod': {
    pods: [{ node: 'worker1', phase: 'Failed' }, { node: 'worker2' }, { node: 'worker3' }],
    createdOn: [], deletedOn: ['worker1'], reasons: ['FailedDaemonPod', 'SuccessfulDelete'],
  },
  // §3.4 version note: 1.27 treats a Succeeded daemon pod as running; it is not replaced.
  'succeeded pod (1.27: kept)': {
    pods: [{ node: 'worker1', phase: 'Succeeded', ready: false }, { node: 'worker2' }, { node: 'worker3' }], createdOn: [], deletedOn: [], reasons: [],
    status: { currentNumberScheduled: 3, numberReady: 2 },
  },
  // §3.4: a terminating pod still "exists": no replacement until it is gone.
  'terminating pod': {
    pods: [{ node: 'worker1', terminating: true, ready: false }, { node: 'worker2' }, { node: 'worker3' }], createdOn: [], deletedOn: [], reasons: [],
  },
  // §3.1: a node no longer matching the nodeSelector loses its pod.
  'pod on a node no longer selected': {
    nodes: [newNode('gpu1', { labels: { role: 'gpu-node' } }), newNode('worker1')], nodeSelector: { role: 'gpu-node' },
    pods: [{ node: 'gpu1' }, { node: 'worker1' }], createdOn: [], deletedOn: ['worker1'], reasons: ['SuccessfulDelete'],
    status: { desiredNumberScheduled: 1, numberMisscheduled: 1 },
  },
  // §3.1: new untolerated NoSchedule taint: no new pod, the existing one stays (misscheduled).
  'pod on a NoSchedule-tainted node': {
    nodes: [newNode('worker1', { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] }), newNode('worker2')],
    pods: [{ node: 'worker1' }], createdOn: ['worker2'], deletedOn: [], reasons: ['SuccessfulCreate'],
    status: { desiredNumberScheduled: 1, numberMisscheduled: 1, currentNumberScheduled: 0 },
  },
  // §3.1: an untolerated NoExecute taint → shouldContinueRunning false → delete.
  'pod on a NoExecute-tainted node': {
    nodes: [newNode('worker1', { taints: [{ key: 'maintenance', value: 'x', effect: 'NoExecute' }] })],
    pods: [{ node: 'worker1' }], createdOn: [], deletedOn: ['worker1'], reasons: ['SuccessfulDelete'],
  },
  // §3.4: getUnscheduledPodsWithoutNode.
  'pending pod for a node that is gone': {
    pods: [{ node: 'worker1' }, { node: 'worker2' }, { node: 'worker3' }, { node: 'worker9', phase: 'Unbound' }],
    createdOn: [], deletedOn: ['worker9'], reasons: ['SuccessfulDelete'], status: { desiredNumberScheduled: 3, numberMisscheduled: 0 },
  },
  // §3.6 maxSurge == 0: old available pods are deleted up to maxUnavailable (1 by default), node order.
  'template changed, maxUnavailable 1': {
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: ['worker1'], reasons: ['SuccessfulDelete'], status: { updatedNumberScheduled: 0, numberAvailable: 3 },
  },
  // §3.6 seed 004 variant: maxUnavailable 2.
  'template changed, maxUnavailable 2': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: ['worker1', 'worker2'], reasons: ['SuccessfulDelete', 'SuccessfulDelete'],
  },
  // §3.6: percentages round up — 34% of 3 = 1.02 → 2.
  'template changed, maxUnavailable 34%': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '34%' } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: ['worker1', 'worker2'], reasons: ['SuccessfulDelete', 'SuccessfulDelete'],
  },
  // §3.6: a new pod that is not available uses the budget.
  'rolling, one new pod not ready yet': {
    pods: [{ node: 'worker1', ready: false }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: [], reasons: [], status: { updatedNumberScheduled: 1, numberReady: 2 },
  },
  // §3.6: an old pod that is not available is always replaced and does not count against the budget.
  'rolling, old pod not ready': {
    pods: [{ node: 'worker1', old: true, ready: false }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: ['worker1', 'worker2'], reasons: ['SuccessfulDelete', 'SuccessfulDelete'],
  },
  // §3.6: a node with no pod counts as unavailable.
  'rolling, a node without pod': {
    pods: [{ node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: ['worker1'], deletedOn: [], reasons: ['SuccessfulCreate'],
  },
  // §3.6: OnDelete does not replace old pods.
  'OnDelete, template changed': {
    extra: { updateStrategy: { type: 'OnDelete' } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: [], reasons: [], status: { updatedNumberScheduled: 0, currentNumberScheduled: 3 },
  },
  // §3.6 maxSurge > 0: a new pod beside an available old one, within maxSurge.
  'surge 1, template changed': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: ['worker1'], deletedOn: [], reasons: ['SuccessfulCreate'],
  },
  // §3.6: surging node waiting for its new pod.
  'surge 1, new pod not ready beside old': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker1', ready: false, ageMs: seconds(2) }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: [], reasons: [], status: { currentNumberScheduled: 3, updatedNumberScheduled: 0 },
  },
  // §3.4 surge: two pods on a node, the new one available → the old one goes.
  'surge 1, new pod available beside old': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker1', ageMs: seconds(10) }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: [], deletedOn: ['worker1'], reasons: ['SuccessfulDelete'],
  },
  // §3.6: surge with an unavailable old pod → a new pod at once, beyond the budget.
  'surge 1, old pod not ready': {
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
    pods: [{ node: 'worker1', old: true, ready: false }, { node: 'worker2', old: true }, { node: 'worker3', old: true }],
    createdOn: ['worker1', 'worker2'], deletedOn: [], reasons: ['SuccessfulCreate', 'SuccessfulCreate'],
  },
  // §3.6 update.go: the surge loop walks every node with pods, so an old pod left on a node that
  // no longer should run one (NoSchedule taint) is a surge candidate too — first in node order here.
  'surge 1, old pod on a NoSchedule-tainted node': {
    nodes: [newNode('worker1', { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] }), newNode('worker2')],
    extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
    pods: [{ node: 'worker1', old: true }, { node: 'worker2', old: true }],
    createdOn: ['worker1'], deletedOn: [], reasons: ['SuccessfulCreate'], status: { desiredNumberScheduled: 1, numberMisscheduled: 1 },
  },
  // §3.5: minReadySeconds — Ready but not yet available → requeue when it becomes available.
  'minReadySeconds 30, ready for 10 s': {
    extra: { minReadySeconds: 30 },
    pods: [{ node: 'worker1', readyForMs: seconds(10) }, { node: 'worker2' }, { node: 'worker3' }],
    createdOn: [], deletedOn: [], reasons: [], requeueAfterMs: seconds(20), status: { numberReady: 3, numberAvailable: 2, numberUnavailable: 1 },
  },
  // §3.4: an empty selector selects everything: SelectingAll, nothing else.
  'empty selector': {
    extra: { selector: {} }, createdOn: [], deletedOn: [], reasons: ['SelectingAll'],
  },
  // §3.4 syncNodes: the first batch of the slow start (1 pod) fails → the others are skipped; the sync fails.
  'create fails': {
    createError: true, createdOn: [], deletedOn: [], reasons: ['FailedCreate'], throws: true, status: { desiredNumberScheduled: 3 },
  },
};

test.each(Object.entries(cases))('%s', (_name, c) => {
  const { h, ds, f, ctl } = setup(c);
  if (c.createError) f.pods.createError = apiError('InternalError', 'etcdserver: request timed out');
  let result: { requeueAfterMs?: number } | undefined;
  let threw = false;
  try {
    result = ctl.sync('default/test', h.now);
  } catch {
    threw = true;
  }
  expect(threw).toBe(c.throws ?? false);
  expect(f.pods.creates.map((p) => targetNodeName(p))).toEqual(c.createdOn);
  const deletedNodes = f.pods.deletes.map((name) => {
    const pod = h.state.history('Pod').find((p) => p.name === name)!;
    return targetNodeName(pod);
  });
  expect(deletedNodes).toEqual(c.deletedOn);
  expect(f.recorder.reasons()).toEqual(c.reasons);
  if (c.requeueAfterMs !== undefined) expect(result?.requeueAfterMs).toBe(c.requeueAfterMs);
  if (c.status) expect(h.state.get('DaemonSet', 'default', 'test')!.status).toMatchObject(c.status);
  if (c.reasons.includes('SelectingAll')) expect(f.status.writes).toEqual([]);
  void ds;
});

describe('messages and pod shape', () => {
  test('events are worded as the DaemonSet controller words them', () => {
    const { h, f, ctl } = setup({ pods: [{ node: 'worker1', phase: 'Failed' }, { node: 'worker2' }, { node: 'worker3' }] });
    ctl.sync('default/test', h.now);
    expect(f.recorder.events.map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'FailedDaemonPod', 'Found failed daemon pod default/test-p0 on node worker1, will try to kill it'],
      ['Normal', 'SuccessfulDelete', 'Deleted pod: test-p0'],
    ]);
    ctl.sync('default/test', h.now);
    const created = f.pods.creates[0];
    expect(f.recorder.events[2]).toMatchObject({ type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.name}`, related: { kind: 'Pod', name: created.name } });
    expect(created.name).toMatch(/^test-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  test('a daemon pod carries the hash, the template generation, the daemon tolerations and the node-name affinity (§3.2, §3.3)', () => {
    const { h, ds, f, ctl } = setup({ nodes: SEED_001_NODES, tolerations: [MASTER_TOLERATION], nodeSelector: { 'kubernetes.io/os': 'linux' } });
    ctl.sync('default/test', h.now);
    const pod = f.pods.creates[0];
    expect(pod.labels).toEqual({ 'name': 'test', 'controller-revision-hash': templateHash(ds.spec.template), 'pod-template-generation': '1' });
    // The hash only, not `<name>-<hash>` as for StatefulSets.
    expect(pod.labels['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    expect(pod.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'test', uid: ds.uid, controller: true, blockOwnerDeletion: true }]);
    expect(pod.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node-role.kubernetes.io/master:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(pod.spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['manager'] }] }] } } });
    expect(pod.nodeName).toBeNull(); // bound by the scheduler, not by the controller
  });
});

describe('syncs over time', () => {
  test('burstReplicas: at most 250 creates per sync, in slow-start batches (§3.4)', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => newNode(`n${String(i).padStart(3, '0')}`));
    const { h, f, ctl } = setup({ nodes });
    ctl.sync('default/test', h.now);
    expect(f.pods.creates).toHaveLength(250);
    ctl.sync('default/test', h.now);
    expect(f.pods.creates).toHaveLength(300);
    expect(new Set(f.pods.creates.map((p) => targetNodeName(p))).size).toBe(300);
  });

  test('slow start: a failure in the batch of 4 stops the batches after it (§3.4)', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => newNode(`n${String(i).padStart(2, '0')}`));
    const { h, f, ctl } = setup({ nodes });
    let calls = 0;
    f.pods.createError = () => (++calls === 5 ? apiError('InternalError', 'quota') : undefined);
    expect(() => ctl.sync('default/test', h.now)).toThrow('quota');
    // Batches 1, 2, 4: the 5th call is in the third batch, which still completes (7 calls), then stop.
    expect(calls).toBe(7);
    expect(f.pods.creates).toHaveLength(6);
  });

  test('failed pods on a node are deleted with back-off 1 s, 2 s, 4 s … (§3.4)', () => {
    const { h, ds, f, ctl, pods } = setup({ pods: [{ node: 'worker1' }, { node: 'worker2' }, { node: 'worker3' }] });
    // The back-off key includes status.observedGeneration, which the first sync sets.
    ctl.sync('default/test', NOW);
    h.setPod(pods[0], { phase: 'Failed', ready: false });
    const failAt = (t: number) => {
      h.setNow(t);
      // Current revision: an old-revision failed pod would be replaced by the rolling update at once.
      const labels = { 'name': 'test', 'controller-revision-hash': templateHash(ds.spec.template) };
      const pod = h.add(newPod(`test-f${t}`, { owner: ds, labels, spec: { affinity: replaceNodeNameAffinity(undefined, 'worker1') } }));
      h.setPod(pod, { node: 'worker1', phase: 'Failed' });
    };
    ctl.sync('default/test', NOW);
    expect(f.pods.deletes).toEqual(['test-p0']);
    // A new failed pod 500 ms later is within the 1 s back-off: not deleted, requeued after 1 s.
    failAt(NOW + 500);
    expect(ctl.sync('default/test', NOW + 500).requeueAfterMs).toBe(1000);
    expect(f.pods.deletes).toEqual(['test-p0']);
    h.setNow(NOW + 1000);
    ctl.sync('default/test', NOW + 1000);
    expect(f.pods.deletes).toEqual(['test-p0', `test-f${NOW + 500}`]);
    // The next one waits 2 s.
    failAt(NOW + 2500);
    expect(ctl.sync('default/test', NOW + 2500).requeueAfterMs).toBe(2000);
    h.setNow(NOW + 3000);
    ctl.sync('default/test', NOW + 3000);
    expect(f.pods.deletes).toHaveLength(3);
    expect(f.recorder.reasons().filter((r) => r === 'FailedDaemonPod')).toHaveLength(3);
  });

  test('a node relabelled out of the selector loses its pod; relabelled back, it gets one (§3.1)', () => {
    const { h, f, ctl } = setup({ nodes: [newNode('gpu1', { labels: { role: 'gpu-node' } })], nodeSelector: { role: 'gpu-node' }, pods: [{ node: 'gpu1' }] });
    ctl.sync('default/test', h.now);
    expect(f.pods.deletes).toEqual([]);
    const node = h.state.get('Node', '', 'gpu1')!;
    h.state.update(node, (n) => { n.labels = { ...n.labels, role: 'cpu' }; });
    ctl.sync('default/test', h.now);
    expect(f.pods.deletes).toEqual(['test-p0']);
    h.state.update(node, (n) => { n.labels = { ...n.labels, role: 'gpu-node' }; });
    ctl.sync('default/test', h.now);
    // The old pod is still terminating (bound, grace period): it still "exists", nothing created yet.
    expect(f.pods.creates).toHaveLength(0);
  });

  test('keysFor: node add enqueues when shouldRun; node update only when shouldRun/shouldContinueRunning changes (§3.1)', () => {
    const { h, ctl, nodeKeys } = setup({ nodeSelector: { role: 'gpu-node' }, pods: [] });
    ctl.sync('default/test', h.now);
    h.state.create(nodeDraft(newNode('cpu9')));
    h.state.create(nodeDraft(newNode('gpu9', { labels: { role: 'gpu-node' } })));
    const node = h.state.get('Node', '', 'cpu9')!;
    h.state.update(node, (n) => { n.annotations = { note: 'x' }; });
    h.state.update(node, (n) => { n.labels = { ...n.labels, role: 'gpu-node' }; });
    h.state.update(node, (n) => { n.taints = [{ key: 'maintenance', effect: 'NoSchedule' }]; });
    expect(nodeKeys).toEqual([[], ['default/test'], [], ['default/test'], ['default/test']]);
  });
});
