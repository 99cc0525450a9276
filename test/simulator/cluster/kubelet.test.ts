import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newNode, newPod } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const oneNode = [newNode('w1')];

test('restartPolicy Always: restarts in place with the crash-loop back-off 0, 10 s, 20 s …', () => {
  const sim = new Simulation({ nodes: oneNode, behaviours: [{ runForMs: 2000, exitCodes: [1] }] });
  const [pod] = sim.apply([newPod('crash')]) as SimPod[];
  sim.runUntil(seconds(60));
  // start 1 s; exits 3 s → restart at once; exits 5 s → +10 s = 15 s; exits 17 s → +20 s = 37 s; exits 39 s → +40 s.
  const starts = sim.trace.filter({ reason: 'Started' }).map((e) => e.atMs);
  expect(starts).toEqual([1000, 3000, 15_000, 37_000]);
  expect(pod.restarts).toBe(3);
  expect(pod.phase).toBe('Running');
  expect(sim.trace.filter({ reason: 'BackOff' })[0].message).toBe(`Back-off restarting failed container app in pod crash_default(${pod.uid})`);
});

test('restartPolicy Never: exit 0 → Succeeded, exit ≠ 0 → Failed; OnFailure restarts only on failure', () => {
  const sim = new Simulation({
    nodes: oneNode,
    behaviours: [{ match: { name: 'ok*' }, runForMs: 3000 }, { match: { name: 'bad*' }, runForMs: 3000, exitCodes: [2] }, { match: { name: 'retry' }, runForMs: 3000, exitCodes: [1, 0] }],
  });
  const [ok, bad, retry] = sim.apply([newPod('ok', { restartPolicy: 'Never' }), newPod('bad', { restartPolicy: 'Never' }), newPod('retry', { restartPolicy: 'OnFailure' })]) as SimPod[];
  sim.runUntil(seconds(30));
  expect([ok.phase, ok.finishedMs]).toEqual(['Succeeded', 4000]);
  expect([bad.phase, bad.containerStatuses[0].exitCode]).toEqual(['Failed', 2]);
  expect([retry.phase, retry.restarts, retry.finishedMs]).toEqual(['Succeeded', 1, 7000]);
});

test('deletion: Ready drops at once, the object goes after the grace period', () => {
  const sim = new Simulation({ nodes: oneNode, behaviours: [{ terminationGraceMs: 5000 }] });
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.at(seconds(10), 'delete', (a) => a.deletePods('a'));
  sim.runUntil(seconds(12));
  expect([pod.ready, pod.deletionMs, pod.deletedMs]).toEqual([false, seconds(10), null]);
  sim.runUntil(seconds(20));
  expect(pod.deletedMs).toBe(seconds(15));
  expect(sim.trace.filter({ reason: 'Killing' }).map((e) => e.atMs)).toEqual([seconds(10)]);
});

test('evictPod: phase Failed, reason Evicted, DisruptionTarget condition', () => {
  const sim = new Simulation({ nodes: oneNode });
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.at(seconds(10), 'evict', (a) => a.evictPods('a'));
  sim.runUntil(seconds(11));
  expect([pod.phase, pod.reason, pod.ready]).toEqual(['Failed', 'Evicted', false]);
  expect(pod.conditions.find((c) => c.type === 'DisruptionTarget')?.reason).toBe('TerminationByKubelet');
});

test('setReady toggles readiness; readyAfter never keeps it failing', () => {
  const sim = new Simulation({ nodes: oneNode, behaviours: [{ match: { name: 'n' }, readyAfterMs: 'never' }] });
  const [a, n] = sim.apply([newPod('a'), newPod('n')]) as SimPod[];
  sim.at(seconds(10), 'unready a', (x) => x.setReady('a', false));
  sim.at(seconds(20), 'ready a and n', (x) => x.setReady({ name: '?' }, true));
  sim.runUntil(seconds(15));
  expect([a.ready, n.ready]).toEqual([false, false]);
  sim.runUntil(seconds(25));
  expect([a.ready, a.readySinceMs, n.ready, n.readyMs]).toEqual([true, seconds(20), true, seconds(20)]);
});

test('records the pod timeline for later queries', () => {
  const sim = new Simulation({ nodes: oneNode });
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.runUntil(seconds(10));
  expect(pod.timeline.map((t) => [t.atMs, t.phase, t.ready, t.nodeName])).toEqual([
    [0, 'Pending', false, null], [0, 'Pending', false, 'w1'], [1000, 'Running', false, 'w1'], [5000, 'Running', true, 'w1'],
  ]);
});

// kubelet_pods.go generateAPIPodStatus: a hostNetwork pod's IP is the node's (InternalIP).
test('hostNetwork pods get their node\'s InternalIP (shared on a node, a new one on another node); the pod network is untouched', () => {
  const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
  const host = { hostNetwork: true, nodeSelector: { 'kubernetes.io/hostname': 'w1' } };
  const [a, b, plain] = sim.apply([newPod('a', { spec: host }), newPod('b', { spec: host }), newPod('plain', { spec: { nodeSelector: host.nodeSelector } })]) as SimPod[];
  const [other] = sim.apply([newPod('other', { spec: { hostNetwork: true, nodeSelector: { 'kubernetes.io/hostname': 'w2' } } })]) as SimPod[];
  sim.runUntil(seconds(5));
  const [w1, w2] = ['w1', 'w2'].map((n) => sim.state.get('Node', '', n)!);
  expect([w1.internalIP, w2.internalIP]).toEqual(['192.168.0.11', '192.168.0.12']);
  expect([a.ip, b.ip, other.ip]).toEqual(['192.168.0.11', '192.168.0.11', '192.168.0.12']);
  // The first pod-network address of w1's /24 is still free for the ordinary pod.
  expect(plain.ip).toBe('10.244.1.2');
  // Deleting a hostNetwork pod frees nothing of the pod network; a recreated one has the node IP again.
  sim.at(seconds(10), 'delete a', (x) => x.deletePods('a'));
  sim.at(seconds(20), 'again', () => sim.apply([newPod('a2', { spec: host })]));
  sim.runUntil(seconds(30));
  expect(sim.state.get('Pod', 'default', 'a2')!.ip).toBe('192.168.0.11');
  expect(new Set(a.timeline.map((t) => t.ip).filter((ip) => ip !== null))).toEqual(new Set(['192.168.0.11']));
});
