/**
 * The node lifecycle controller (node_lifecycle_controller.go) with the taint eviction and the
 * DefaultTolerationSeconds admission plugin, driven by `nodeCondition` changes.
 */
import type { Toleration } from '../../../lib/simulator/cluster/api-shapes';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { withDefaultTolerationSeconds } from '../../../lib/simulator/cluster/taints';
import { conditionTaints } from '../../../lib/simulator/controllers/node-lifecycle-controller';
import { Simulation } from '../../../lib/simulator/simulation';
import { newDaemonSet, newNode, newPod, newStatefulSet } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const pinned = (node: string) => ({ nodeSelector: { 'kubernetes.io/hostname': node } });
const taintsOf = (sim: Simulation, node: string) => sim.state.get('Node', '', node)!.taints.map((t) => `${t.key}:${t.effect}@${t.addedMs}`);

describe('DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds)', () => {
  const notReady300: Toleration = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  const unreachable300: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  test.each<[string, Toleration[] | undefined, Toleration[]]>([
    ['no tolerations → both added with 300 s', undefined, [notReady300, unreachable300]],
    ['its own not-ready toleration is kept, only unreachable is added',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, unreachable300]],
    ['an empty-key Exists toleration tolerates both: nothing added', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['a NoSchedule not-ready toleration does not count (fails when any effect counted)',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }, notReady300, unreachable300]],
  ])('%s', (_what, tolerations, expected) => {
    expect(withDefaultTolerationSeconds({ containers: [], ...(tolerations ? { tolerations } : {}) }).tolerations).toEqual(expected);
  });

  test('every created pod gets them; daemon pods (which tolerate both forever) get none', () => {
    const sim = new Simulation({ nodes: [newNode('w1')] });
    const [pod] = sim.apply([newPod('p'), newDaemonSet('agent')]) as SimPod[];
    sim.runUntil(seconds(2));
    expect(pod.spec.tolerations?.map((t) => `${t.key}=${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready=300', 'node.kubernetes.io/unreachable=300']);
    const daemon = sim.state.list('Pod').find((p) => p.name.startsWith('agent-'))!;
    expect(daemon.spec.tolerations?.filter((t) => t.tolerationSeconds !== undefined)).toEqual([]);
  });
});

describe('condition taints (nodeConditionToTaintKeyStatusMap, doNoExecuteTaintingPass)', () => {
  test.each<[string, Record<string, string>, boolean, string[]]>([
    ['healthy: none', {}, true, []],
    ['Ready False: not-ready NoSchedule and NoExecute', { Ready: 'False' }, true, ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']],
    ['Ready Unknown: unreachable NoSchedule and NoExecute', { Ready: 'Unknown' }, true, ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']],
    ['Ready False, NoSchedule pass only', { Ready: 'False' }, false, ['node.kubernetes.io/not-ready:NoSchedule']],
    ['MemoryPressure True: memory-pressure NoSchedule, never NoExecute', { MemoryPressure: 'True' }, true, ['node.kubernetes.io/memory-pressure:NoSchedule']],
    ['DiskPressure False: none (fails when any status of a pressure condition taints)', { DiskPressure: 'False' }, true, []],
  ])('%s', (_what, conditions, noExecute, expected) => {
    expect(conditionTaints({ conditions }, noExecute).map((t) => `${t.key}:${t.effect}`)).toEqual(expected);
  });
});

describe('nodeCondition → taints, pods NotReady, taint-based eviction', () => {
  function run(status: 'False' | 'Unknown', atS: number, backAtS?: number) {
    const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
    sim.apply([newPod('plain', { spec: pinned('w1') }), newPod('short', {
      spec: { ...pinned('w1'), tolerations: [{ key: `node.kubernetes.io/${status === 'False' ? 'not-ready' : 'unreachable'}`, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] },
    }), newDaemonSet('agent')]);
    sim.at(seconds(atS), 'node down', (a) => a.nodeCondition('w1', 'Ready', status));
    if (backAtS !== undefined) sim.at(seconds(backAtS), 'node back', (a) => a.nodeCondition('w1', 'Ready', 'True'));
    return sim;
  }

  test('Ready False at 12 s: NoSchedule at once, NoExecute at the next 5 s monitor tick; pods unready; NodeNotReady events', () => {
    const sim = run('False', 12);
    sim.runUntil(seconds(13));
    expect(taintsOf(sim, 'w1')).toEqual(['node.kubernetes.io/not-ready:NoSchedule@12000']);
    expect(sim.state.get('Pod', 'default', 'plain')!.ready).toBe(true);
    sim.runUntil(seconds(16));
    expect(taintsOf(sim, 'w1')).toEqual(['node.kubernetes.io/not-ready:NoSchedule@12000', 'node.kubernetes.io/not-ready:NoExecute@15000']);
    expect(sim.state.podsOnNode('w1').map((p) => [p.name.replace(/-.*/, ''), p.ready])).toEqual([['plain', false], ['short', false], ['agent', false]]);
    expect(sim.trace.filter({ reason: 'NodeNotReady' }).map((e) => `${e.atMs} ${e.object.kind} ${e.message}`)).toEqual([
      '15000 Node Node w1 status is now: NodeNotReady', '15000 Pod Node is not ready', '15000 Pod Node is not ready', '15000 Pod Node is not ready',
    ]);
  });

  test.each<[string, 'False' | 'Unknown', number | undefined, Record<string, number | null>]>([
    // Evicted at taint time + tolerationSeconds; the daemon pod tolerates forever.
    ['Ready False: plain evicted at 15 + 300 s, short at 15 + 60 s, the daemon pod stays', 'False', undefined, { plain: seconds(315), short: seconds(75), agent: null }],
    ['Ready back True at 60 s: the NoExecute taint goes, no pod is evicted (fails when removing the taint did not cancel)', 'False', 60, { plain: null, short: null, agent: null }],
  ])('%s', (_what, status, backAt, deletionAt) => {
    const sim = run(status, 12, backAt);
    sim.runUntil(seconds(400));
    const at = (prefix: string) => sim.state.history('Pod').find((p) => p.name.startsWith(prefix))!.deletionMs;
    expect(Object.fromEntries(Object.keys(deletionAt).map((k) => [k, at(k)]))).toEqual(deletionAt);
    const evictions = sim.trace.filter({ reason: 'TaintManagerEviction' }).map((e) => e.atMs);
    expect(evictions).toEqual(Object.values(deletionAt).filter((v): v is number => v !== null).sort((a, b) => a - b));
  });

  test('Ready back True: taints removed at the next tick, pods Ready again, NodeReady event', () => {
    const sim = run('False', 12, 60);
    sim.runUntil(seconds(66));
    expect(taintsOf(sim, 'w1')).toEqual([]);
    expect(sim.state.podsOnNode('w1').every((p) => p.ready)).toBe(true);
    expect(sim.trace.filter({ reason: 'NodeReady' }).map((e) => `${e.atMs} ${e.message}`)).toEqual(['60000 Node w1 status is now: NodeReady']);
  });

  test('Ready Unknown: evicted pods stay Terminating while the node is unreachable, then go once it is back', () => {
    const sim = run('Unknown', 12, 400);
    sim.runUntil(seconds(399));
    const short = sim.state.history('Pod').find((p) => p.name === 'short') as SimPod;
    expect([short.deletionMs, short.deletedMs]).toEqual([seconds(75), null]);
    sim.runUntil(seconds(410));
    // Back at 400 s (a monitor tick): the kubelet sees the deletion, stops the pod (1 s grace).
    expect(short.deletedMs).toBe(seconds(401));
  });

  test('a StatefulSet pod on an unreachable node is not replaced while it is Terminating (at most one pod per identity)', () => {
    const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
    sim.apply([newStatefulSet('db', 1, { nodeSelector: { 'kubernetes.io/hostname': 'w1' } })]);
    // 30 s is a monitor tick: the NoExecute taint is added then, the pod is deleted 300 s later.
    sim.at(seconds(30), 'unreachable', (a) => a.nodeCondition('w1', 'Ready', 'Unknown'));
    sim.runUntil(seconds(600));
    const pods = sim.state.history('Pod').filter((p) => p.name === 'db-0');
    expect(pods.map((p) => [p.deletionMs, p.deletedMs])).toEqual([[seconds(330), null]]);
  });

  test('MemoryPressure True: a NoSchedule taint keeps new pods off, running pods stay', () => {
    const sim = new Simulation({ nodes: [newNode('w1')] });
    const [a] = sim.apply([newPod('a')]) as SimPod[];
    sim.at(seconds(10), 'pressure', (x) => x.nodeCondition('w1', 'MemoryPressure', 'True'));
    sim.at(seconds(20), 'new pod', () => sim.apply([newPod('b')]));
    sim.runUntil(seconds(400));
    expect(taintsOf(sim, 'w1')).toEqual(['node.kubernetes.io/memory-pressure:NoSchedule@10000']);
    expect([a.deletionMs, a.ready, sim.state.get('Pod', 'default', 'b')!.nodeName]).toEqual([null, true, null]);
  });
});
