import { SimPvc } from '../../../lib/simulator/cluster/core-objects';
import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newNode, newPod, newPvc, newStatefulSet } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

test('deleting an owner deletes its dependents (background propagation)', () => {
  const sim = new Simulation({ controllers: [] });
  const [set] = sim.apply([newStatefulSet('web', 1)]);
  const [pod] = sim.apply([newPod('web-0', { owner: set })]) as SimPod[];
  sim.runUntil(seconds(10));
  sim.at(seconds(20), 'delete set', (a) => a.delete('StatefulSet', 'default', 'web'));
  sim.runUntil(seconds(30));
  expect(set.deletedMs).toBe(seconds(20));
  expect(pod.deletionMs).toBe(seconds(20));
  expect(pod.deletedMs).toBe(seconds(21));
});

test('a claim being deleted stays while a scheduled pod mounts it (pvc-protection)', () => {
  const sim = new Simulation({ controllers: [] });
  const [pvc] = sim.apply([newPvc('data')]) as SimPvc[];
  sim.apply([newPod('user', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } })]);
  sim.runUntil(seconds(10));
  sim.at(seconds(10), 'delete claim', (a) => a.delete('PersistentVolumeClaim', 'default', 'data'));
  sim.at(seconds(20), 'delete pod', (a) => a.deletePods('user'));
  sim.runUntil(seconds(15));
  expect([pvc.deletionMs, pvc.deletedMs]).toEqual([seconds(10), null]);
  sim.runUntil(seconds(30));
  expect(pvc.deletedMs).toBe(seconds(21));
});

test('pods on a removed node are marked Failed and force-deleted (pod GC)', () => {
  const sim = new Simulation({ controllers: [], nodes: [newNode('w1')] });
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.at(seconds(10), 'remove', (a) => a.removeNode('w1'));
  sim.runUntil(seconds(11));
  expect([pod.phase, pod.reason, pod.deletedMs]).toEqual(['Failed', 'NodeLost', seconds(10)]);
});

test('a NoExecute taint evicts untolerated pods now and tolerated ones after tolerationSeconds', () => {
  const sim = new Simulation({ controllers: [], nodes: [newNode('w1')] });
  const [plain, tolerant] = sim.apply([
    newPod('plain'),
    newPod('tolerant', { tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] }),
  ]) as SimPod[];
  sim.at(seconds(10), 'taint', (a) => a.taint('w1', 'maintenance', 'x', 'NoExecute'));
  sim.runUntil(seconds(60));
  expect(plain.deletionMs).toBe(seconds(10));
  expect(tolerant.deletionMs).toBe(seconds(40));
  expect(sim.trace.filter({ reason: 'TaintManagerEviction' }).map((e) => e.message)).toEqual([
    'Marking for deletion Pod default/plain', 'Marking for deletion Pod default/tolerant',
  ]);
});
