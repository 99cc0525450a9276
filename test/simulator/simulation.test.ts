import { SimPod } from '../../lib/simulator/cluster/pod-object';
import { SimulationError } from '../../lib/simulator/engine/errors';
import { Simulation } from '../../lib/simulator/simulation';
import { newNode, newPod } from '../helpers/builders';
import { seconds } from '../helpers/instants';

test('a bare pod is scheduled, started after 1 s and Ready 4 s later, with a node-range IP', () => {
  const sim = new Simulation();
  const [pod] = sim.apply([newPod('solo')]) as SimPod[];
  sim.runUntil(seconds(10));
  expect(pod.nodeName).toBe('worker1');
  expect(pod.scheduledMs).toBe(0);
  expect(pod.startedMs).toBe(1000);
  expect(pod.readyMs).toBe(5000);
  expect(pod.ip).toBe('10.244.1.2');
  expect(sim.trace.events.map((e) => `${e.atMs} ${e.reason}`)).toEqual(['0 Scheduled', '1000 Started']);
  expect(sim.trace.events[0].message).toBe('Successfully assigned default/solo to worker1');
});

test('unschedulable pods get FailedScheduling and are placed when a fitting node is added', () => {
  const sim = new Simulation({ nodes: [newNode('manager', { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] }), newNode('w1', { labels: { disk: 'hdd' } })] });
  const [pod] = sim.apply([newPod('db', { nodeSelector: { disk: 'ssd' } })]) as SimPod[];
  sim.runUntil(seconds(5));
  expect(pod.nodeName).toBeNull();
  expect(sim.trace.filter({ reason: 'FailedScheduling' }).map((e) => e.message)).toEqual([
    "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }.",
  ]);
  sim.at(seconds(10), 'add node', (a) => a.addNode({ name: 'w2', labels: { disk: 'ssd' } }));
  sim.runUntil(seconds(20));
  expect(pod.nodeName).toBe('w2');
  expect(pod.scheduledMs).toBe(seconds(10));
  expect(pod.ip).toBe('10.244.3.2');
});

test('same seed and inputs give identical traces', () => {
  const run = () => {
    const sim = new Simulation({ seed: 9 });
    sim.apply([newPod('a'), newPod('b'), newPod('c')]);
    sim.at(seconds(7), 'fail b', (a) => a.failPods('b', 1));
    sim.runUntil(seconds(60));
    return sim.trace.toJsonLines();
  };
  expect(run()).toBe(run());
});

test('fails with a loop-limit error naming the pending event', () => {
  const sim = new Simulation({ loopLimit: 3 });
  const again = (): void => {
    sim.queue.schedule(sim.nowMs + 1, 0, 'tick forever', again);
  };
  again();
  expect(() => sim.runUntil(seconds(1))).toThrow(SimulationError);
  expect(() => sim.runUntil(seconds(1))).toThrow(/pending: "tick forever"/);
});

test('fails when pausing a controller that is not registered', () => {
  const sim = new Simulation({ controllers: [] });
  expect(() => sim.pauseController('nope', 1000)).toThrow(/no controller named "nope"/);
});
