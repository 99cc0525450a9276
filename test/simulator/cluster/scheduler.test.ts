import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newNode, newPod, newPvc } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const cpu = (c: string) => ({ containers: [{ name: 'app', image: 'busybox', resources: { requests: { cpu: c } } }] });

test('spreads pods without requests over equal nodes (least allocated, ties to the first node)', () => {
  const sim = new Simulation();
  const pods = sim.apply([newPod('a'), newPod('b'), newPod('c'), newPod('d')]) as SimPod[];
  sim.runUntil(0);
  expect(pods.map((p) => p.nodeName)).toEqual(['worker1', 'worker2', 'worker3', 'worker1']);
});

test('reports every reason across nodes, counted and sorted, as FitError does', () => {
  const sim = new Simulation({
    nodes: [
      newNode('manager', { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] }),
      newNode('w1', { capacity: { cpu: '1' } }), newNode('w2', { capacity: { cpu: '1' } }), newNode('w3', { capacity: { cpu: '1' } }),
    ],
  });
  sim.apply([newPod('big', { spec: cpu('2') })]);
  sim.runUntil(0);
  expect(sim.trace.filter({ reason: 'FailedScheduling' })[0].message)
    .toBe('0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 Insufficient cpu.');
});

test('limits count as requests when requests are unset (SetDefaults_Pod)', () => {
  const sim = new Simulation({ nodes: [newNode('w1', { capacity: { cpu: '500m' } })] });
  const pods = sim.apply([
    newPod('a', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '300m' } } }] } }),
    newPod('b', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '300m' } } }] } }),
  ]) as SimPod[];
  sim.runUntil(0);
  expect(pods.map((p) => p.nodeName)).toEqual(['w1', null]);
  sim.at(seconds(5), 'delete a', (a) => a.deletePods('a'));
  sim.runUntil(seconds(10));
  expect(pods[1].nodeName).toBe('w1');
  expect(pods[1].scheduledMs).toBe(seconds(6));
});

test('a cordoned node takes no new pods until uncordoned', () => {
  const sim = new Simulation({ nodes: [newNode('w1')] });
  sim.actions.cordon('w1');
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.runUntil(seconds(1));
  expect(sim.trace.filter({ reason: 'FailedScheduling' })[0].message).toBe('0/1 nodes are available: 1 node(s) were unschedulable.');
  sim.at(seconds(2), 'uncordon', (a) => a.uncordon('w1'));
  sim.runUntil(seconds(3));
  expect(pod.nodeName).toBe('w1');
});

test('waits for a missing claim (VolumeBinding pre-filter)', () => {
  const sim = new Simulation();
  const [pod] = sim.apply([newPod('a', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'nfs-pvc' } }] } })]) as SimPod[];
  sim.runUntil(seconds(1));
  expect(sim.trace.filter({ reason: 'FailedScheduling' })[0].message).toBe('0/3 nodes are available: persistentvolumeclaim "nfs-pvc" not found.');
  sim.at(seconds(2), 'claim', () => sim.apply([newPvc('nfs-pvc')]));
  sim.runUntil(seconds(3));
  expect(pod.nodeName).not.toBeNull();
});
