/**
 * The DaemonSet controller end to end through `Simulation` (scheduler, kubelet, garbage collector,
 * taint manager): the "Must reproduce" items for DaemonSets (seeds 001 and 004), node
 * events, failed pods, rolling updates, properties and determinism.
 */
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import type { Manifest } from '../../lib/simulator/cluster/from-manifest';
import type { NodeInput } from '../../lib/simulator/cluster/factories';
import type { SimPod } from '../../lib/simulator/cluster/pod-object';
import type { SimDaemonSet } from '../../lib/simulator/cluster/workload-objects';
import type { DaemonSetController } from '../../lib/simulator/controllers/daemon-set-controller';
import { DaemonSetIndex } from '../../lib/simulator/controllers/daemon-set-index';
import { targetNodeName } from '../../lib/simulator/controllers/daemon-set-utils';
import { Simulation } from '../../lib/simulator/simulation';
import { newDaemonSet, newNode } from '../helpers/builders';
import { minutes, seconds } from '../helpers/instants';

const MASTER_TAINT = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const };
const SEED_001_NODES: NodeInput[] = [
  newNode('manager', { labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/master': '' }, taints: [MASTER_TAINT] }),
  newNode('worker1'), newNode('worker2'), newNode('worker3'),
];

/** Seed 001 §3, verbatim. */
const SEED_001_TEST_DS = `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: test
spec:
  selector:
    matchLabels:
      name: test
  template:
    metadata:
     labels:
       name: test
    spec:
      tolerations:
      - key: node-role.kubernetes.io/master # 마스터도 배포
        effect: NoSchedule
      containers:
      - name: test
        image: busybox
        args: ["tail", "-f", "/dev/null"] # 포드가 중지되지 않게 설정
        resources:
          limits:
            cpu: 100m # cpu 0.1 개
            memory: 200Mi
`;

/** Seed 004, verbatim (OnDelete; the commented variant is RollingUpdate with maxUnavailable 2). */
const SEED_004_SAMPLE_DS = `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: sample-ds
spec:
  updateStrategy:
    type: OnDelete
  # type: RollingUpdate
  # rollingUpdate:
  #   maxUnavailable: 2
  selector:
    matchLabels:
      app: sample-app
  template:
    metadata:
      labels:
        app: sample-app
    spec:
      containers:
      - name: nginx-container
        image: nginx:1.16
`;

function manifest(yaml: string, edit?: (m: Record<string, any>) => void): Manifest {
  const m = YAML.parse(yaml) as Record<string, any>;
  edit?.(m);
  return m as Manifest;
}

function ds(sim: Simulation, name: string, namespace = 'default'): SimDaemonSet {
  return sim.state.get('DaemonSet', namespace, name)!;
}

/** Live pods of the DaemonSet (terminating included), by target node. */
function podsByNode(sim: Simulation, d: SimDaemonSet): Map<string, SimPod[]> {
  const out = new Map<string, SimPod[]>();
  for (const p of sim.state.podsOwnedBy(d.uid)) {
    const n = targetNodeName(p) ?? '?';
    out.set(n, [...(out.get(n) ?? []), p]);
  }
  return out;
}

/** `kubectl get pods -o wide` as "name node phase ready". */
function running(sim: Simulation, d: SimDaemonSet): string[] {
  return sim.state.podsOwnedBy(d.uid).filter((p) => p.deletionMs === null).map((p) => `${p.nodeName}:${p.phase}:${p.ready}`).sort();
}

describe('seed 001: the `test` DaemonSet', () => {
  test('with the master toleration: 4 pods, one per node, manager included', () => {
    const sim = new Simulation({ seed: 1, nodes: SEED_001_NODES });
    sim.applyManifests([manifest(SEED_001_TEST_DS)]);
    sim.runUntil(seconds(16));
    const d = ds(sim, 'test');
    expect(running(sim, d)).toEqual(['manager:Running:true', 'worker1:Running:true', 'worker2:Running:true', 'worker3:Running:true']);
    for (const p of sim.state.podsOwnedBy(d.uid)) expect(p.name).toMatch(/^test-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(sim.trace.filter({ reason: 'SuccessfulCreate', kind: 'DaemonSet' }).map((e) => e.message)).toEqual(sim.state.podsOwnedBy(d.uid).map((p) => `Created pod: ${p.name}`));
    expect(d.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberAvailable: 4, updatedNumberScheduled: 4, numberMisscheduled: 0 });
  });

  test('deleting a pod: a new one with a new name on the same node, after the old one is gone', () => {
    const sim = new Simulation({ seed: 1, nodes: SEED_001_NODES });
    sim.applyManifests([manifest(SEED_001_TEST_DS)]);
    sim.runUntil(minutes(7));
    const d = ds(sim, 'test');
    const old = podsByNode(sim, d).get('manager')![0];
    sim.at(minutes(7) + seconds(25), 'kubectl delete pod', (a) => a.deletePods(old.name));
    sim.runUntil(minutes(8));
    const now = podsByNode(sim, d).get('manager')!;
    expect(now).toHaveLength(1);
    expect(now[0].name).not.toBe(old.name);
    expect(now[0].name).toMatch(/^test-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // The old pod leaves after its 1 s grace period; the controller creates the replacement then.
    expect(old.deletedMs).toBe(minutes(7) + seconds(26));
    expect(now[0].createdMs).toBe(old.deletedMs);
    expect(now[0].nodeName).toBe('manager');
    expect(running(sim, d)).toHaveLength(4);
    // No DaemonSet event for the user's deletion, one create for the replacement.
    expect(sim.trace.filter({ kind: 'DaemonSet' }).filter((e) => e.atMs > minutes(7)).map((e) => `${e.reason} ${e.message}`)).toEqual([`SuccessfulCreate Created pod: ${now[0].name}`]);
  });

  test('without the toleration: 3 pods, none on the manager', () => {
    const sim = new Simulation({ seed: 1, nodes: SEED_001_NODES });
    sim.applyManifests([manifest(SEED_001_TEST_DS, (m) => { delete m.spec.template.spec.tolerations; })]);
    sim.runUntil(minutes(1));
    const d = ds(sim, 'test');
    expect(running(sim, d)).toEqual(['worker1:Running:true', 'worker2:Running:true', 'worker3:Running:true']);
    expect(d.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0 });
    // The controller does not even try the manager: no pending pod, no FailedScheduling.
    expect(sim.trace.filter({ reason: 'FailedScheduling' })).toEqual([]);
  });
});

describe('node events', () => {
  const fresh = (nodes: NodeInput[] = [newNode('worker1'), newNode('worker2')], o: Parameters<typeof newDaemonSet>[1] = {}) => {
    const sim = new Simulation({ seed: 3, nodes });
    sim.apply([newDaemonSet('agent', { labels: { app: 'agent' }, ...o })]);
    return sim;
  };

  test('node added → a pod on it; node removed → its pod gone (PodGC), not recreated', () => {
    const sim = fresh();
    sim.at(minutes(1), 'add', (a) => a.addNode({ name: 'worker3' }));
    sim.at(minutes(2), 'remove', (a) => a.removeNode('worker1'));
    sim.runUntil(minutes(3));
    const d = ds(sim, 'agent');
    expect(running(sim, d)).toEqual(['worker2:Running:true', 'worker3:Running:true']);
    const onWorker1 = sim.state.history('Pod').filter((p) => targetNodeName(p) === 'worker1');
    expect(onWorker1).toHaveLength(1);
    expect(onWorker1[0]).toMatchObject({ phase: 'Failed', reason: 'NodeLost', deletedMs: minutes(2) });
    const created = sim.state.history('Pod').find((p) => targetNodeName(p) === 'worker3')!;
    expect(created.createdMs).toBe(minutes(1));
    expect(d.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 });
  });

  test('node relabelled out of the selector → pod deleted; back in → a new pod', () => {
    const sim = fresh([newNode('gpu1', { labels: { role: 'gpu-node' } }), newNode('gpu2', { labels: { role: 'gpu-node' } }), newNode('cpu1')], { nodeSelector: { role: 'gpu-node' } });
    sim.at(minutes(1), 'relabel', (a) => a.patch('Node', '', 'gpu2', { metadata: { labels: { role: null } } }));
    sim.at(minutes(2), 'relabel back', (a) => a.patch('Node', '', 'gpu2', { metadata: { labels: { role: 'gpu-node' } } }));
    sim.runUntil(minutes(3));
    const d = ds(sim, 'agent');
    const events = sim.trace.filter({ kind: 'DaemonSet' }).map((e) => `${e.atMs / 1000}s ${e.reason}`);
    expect(events).toEqual(['0s SuccessfulCreate', '0s SuccessfulCreate', '60s SuccessfulDelete', '120s SuccessfulCreate']);
    expect(running(sim, d)).toEqual(['gpu1:Running:true', 'gpu2:Running:true']);
    expect(sim.state.history('Pod').filter((p) => targetNodeName(p) === 'cpu1')).toEqual([]);
  });

  test('a new NoSchedule taint keeps the pod (misscheduled) but a deleted pod is not recreated', () => {
    const sim = fresh();
    sim.at(minutes(1), 'taint', (a) => a.taint('worker1', 'maintenance', 'x', 'NoSchedule'));
    sim.runUntil(minutes(2));
    const d = ds(sim, 'agent');
    expect(running(sim, d)).toEqual(['worker1:Running:true', 'worker2:Running:true']);
    expect(d.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    sim.at(minutes(2), 'delete', (a) => a.deletePods({ owner: 'DaemonSet/agent', node: 'worker1' }));
    sim.runUntil(minutes(3));
    expect(running(sim, d)).toEqual(['worker2:Running:true']);
    expect(d.status).toMatchObject({ numberMisscheduled: 0 });
  });

  test('a NoExecute taint evicts the pod (taint manager) and no new pod comes until the taint goes', () => {
    const sim = fresh();
    sim.at(minutes(1), 'taint', (a) => a.taint('worker1', 'maintenance', 'x', 'NoExecute'));
    sim.at(minutes(5), 'untaint', (a) => a.untaint('worker1', 'maintenance'));
    sim.runUntil(minutes(4));
    const d = ds(sim, 'agent');
    expect(running(sim, d)).toEqual(['worker2:Running:true']);
    expect(sim.trace.filter({ reason: 'TaintManagerEviction' })).toHaveLength(1);
    // The taint manager acted first; the DaemonSet controller had nothing left to delete.
    expect(sim.trace.filter({ reason: 'SuccessfulDelete' })).toEqual([]);
    sim.runUntil(minutes(6));
    expect(running(sim, d)).toEqual(['worker1:Running:true', 'worker2:Running:true']);
  });

  test('a NoExecute taint the template tolerates keeps the pod', () => {
    const sim = fresh(undefined, { tolerations: [{ key: 'maintenance', operator: 'Exists' }] });
    sim.at(minutes(1), 'taint', (a) => a.taint('worker1', 'maintenance', 'x', 'NoExecute'));
    sim.runUntil(minutes(2));
    expect(running(sim, ds(sim, 'agent'))).toEqual(['worker1:Running:true', 'worker2:Running:true']);
  });

  test('cordoned nodes still get daemon pods (§3.2 unschedulable toleration)', () => {
    const sim = fresh([newNode('worker1', { unschedulable: true }), newNode('worker2')]);
    sim.at(minutes(1), 'cordon', (a) => a.cordon('worker2'));
    sim.at(minutes(2), 'delete', (a) => a.deletePods({ owner: 'DaemonSet/agent', node: 'worker2' }));
    sim.runUntil(minutes(3));
    expect(running(sim, ds(sim, 'agent'))).toEqual(['worker1:Running:true', 'worker2:Running:true']);
  });

  test('resources are not checked by the controller: an unfit pod stays Pending with FailedScheduling (§3.1)', () => {
    const sim = fresh([newNode('small', { capacity: { cpu: '100m' } }), newNode('big')], { containers: [{ name: 'agent', image: 'agent:1', resources: { requests: { cpu: '500m' } } }] });
    sim.runUntil(minutes(1));
    const d = ds(sim, 'agent');
    expect(running(sim, d)).toEqual(['big:Running:true', 'null:Pending:false']);
    const pending = sim.state.podsOwnedBy(d.uid).find((p) => p.nodeName === null)!;
    expect(targetNodeName(pending)).toBe('small');
    const failed = sim.trace.filter({ reason: 'FailedScheduling', name: pending.name });
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toContain('Insufficient cpu');
    expect(d.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1 });
  });

  test('the DaemonSet controller paused: a node added meanwhile gets its pod when it resumes', () => {
    const sim = fresh();
    sim.at(minutes(1), 'pause', (a) => a.pauseController('daemonset', minutes(10)));
    sim.at(minutes(2), 'add', (a) => a.addNode({ name: 'worker3' }));
    sim.runUntil(minutes(12));
    const created = sim.state.history('Pod').find((p) => targetNodeName(p) === 'worker3')!;
    expect(created.createdMs).toBe(minutes(11));
  });

  test('deleting the DaemonSet deletes its pods (garbage collector)', () => {
    const sim = fresh();
    sim.at(minutes(1), 'delete', (a) => a.delete('DaemonSet', 'default', 'agent'));
    sim.runUntil(minutes(2));
    expect(sim.state.list('Pod')).toEqual([]);
    expect(sim.state.history('Pod').every((p) => p.deletedMs === minutes(1) + seconds(1))).toBe(true);
  });
});

describe('failed daemon pods (§3.4)', () => {
  test('an evicted pod is deleted (FailedDaemonPod) and replaced on the same node; repeated failures back off 1 s, 2 s, 4 s …', () => {
    const sim = new Simulation({ seed: 5, nodes: [newNode('worker1')] });
    sim.apply([newDaemonSet('agent', { labels: { app: 'agent' } })]);
    sim.runUntil(seconds(30));
    // Evict whatever pod runs there, five times in a row, 100 ms after each replacement is created.
    const evictions: number[] = [];
    const creates = () => sim.trace.filter({ reason: 'SuccessfulCreate', kind: 'DaemonSet' });
    let seen = creates().length;
    for (let i = 0; i < 5; i++) {
      sim.at(sim.nowMs + 100, `evict ${i}`, (a) => a.evictPods({ owner: 'DaemonSet/agent' }));
      evictions.push(sim.nowMs + 100);
      while (creates().length === seen) sim.step();
      seen = creates().length;
    }
    const failed = sim.trace.filter({ reason: 'FailedDaemonPod' });
    expect(failed).toHaveLength(5);
    expect(failed[0].message).toMatch(/^Found failed daemon pod default\/agent-[a-z0-9]{5} on node worker1, will try to kill it$/);
    // The first failed pod goes at once. Each later one is found 100 ms after the previous
    // deletion, while the back-off (1 s, 2 s, 4 s, 8 s since that deletion) runs: the controller
    // requeues after the whole current delay (`enqueueDaemonSetAfter(ds, delay)`), so it goes
    // 100 ms + delay after the previous one.
    expect(failed[0].atMs - evictions[0]).toBe(0);
    const gaps = failed.slice(1).map((e, i) => e.atMs - failed[i].atMs);
    expect(gaps).toEqual([1100, 2100, 4100, 8100]);
    // Each replacement lands on the same node with a new name.
    const pods = sim.state.history('Pod');
    expect(new Set(pods.map((p) => p.name)).size).toBe(pods.length);
    expect(pods.every((p) => targetNodeName(p) === 'worker1')).toBe(true);
  });
});

describe('updates (§3.6)', () => {
  const sixWorkers = Array.from({ length: 6 }, (_, i) => newNode(`worker${i + 1}`));

  test('seed 004 OnDelete: setImage changes nothing until a pod is deleted; the replacement has the new image', () => {
    const sim = new Simulation({ seed: 4 });
    sim.applyManifests([manifest(SEED_004_SAMPLE_DS)]);
    sim.at(minutes(1), 'set image', (a) => a.setImage('DaemonSet', 'default', 'sample-ds', 'nginx-container', 'nginx:1.17'));
    sim.runUntil(minutes(5));
    const d = ds(sim, 'sample-ds');
    const images = () => sim.state.podsOwnedBy(d.uid).filter((p) => p.deletionMs === null).map((p) => `${p.nodeName}=${p.spec.containers[0].image}`).sort();
    expect(images()).toEqual(['worker1=nginx:1.16', 'worker2=nginx:1.16', 'worker3=nginx:1.16']);
    expect(sim.trace.filter({ kind: 'DaemonSet' }).filter((e) => e.atMs > 0)).toEqual([]);
    expect(d.status).toMatchObject({ observedGeneration: 2, updatedNumberScheduled: 0, currentNumberScheduled: 3 });
    sim.at(minutes(5), 'delete worker2 pod', (a) => a.deletePods({ owner: 'DaemonSet/sample-ds', node: 'worker2' }));
    sim.runUntil(minutes(6));
    expect(images()).toEqual(['worker1=nginx:1.16', 'worker2=nginx:1.17', 'worker3=nginx:1.16']);
    expect(d.status).toMatchObject({ updatedNumberScheduled: 1 });
  });

  test('seed 004 RollingUpdate maxUnavailable 2: never more than 2 nodes without an available pod; all replaced', () => {
    const sim = new Simulation({ seed: 4, nodes: sixWorkers });
    sim.applyManifests([manifest(SEED_004_SAMPLE_DS, (m) => { m.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } }; })]);
    sim.runUntil(minutes(1));
    const d = ds(sim, 'sample-ds');
    sim.at(minutes(1), 'set image', (a) => a.setImage('DaemonSet', 'default', 'sample-ds', 'nginx-container', 'nginx:1.17'));
    let maxUnavailable = 0;
    let maxPerNode = 0;
    while (sim.queue.peek() && sim.nowMs < minutes(5)) {
      sim.step();
      const byNode = podsByNode(sim, d);
      const unavailable = sixWorkers.filter((n) => !(byNode.get(n.name) ?? []).some((p) => p.ready && p.deletionMs === null)).length;
      maxUnavailable = Math.max(maxUnavailable, unavailable);
      for (const pods of byNode.values()) maxPerNode = Math.max(maxPerNode, pods.length);
    }
    expect(maxUnavailable).toBe(2);
    expect(maxPerNode).toBe(1);
    const images = sim.state.podsOwnedBy(d.uid).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(Array(6).fill('nginx:1.17'));
    // Three rounds of two deletions; the order of nodes is ours (node creation order), not Kubernetes'.
    const deletes = sim.trace.filter({ reason: 'SuccessfulDelete', kind: 'DaemonSet' }).map((e) => e.atMs);
    expect(deletes).toHaveLength(6);
    expect(new Set(deletes).size).toBe(3);
    expect(d.status).toMatchObject({ updatedNumberScheduled: 6, numberAvailable: 6, numberUnavailable: 0, observedGeneration: 2 });
  });

  test('maxSurge 2 (maxUnavailable 0): a new pod beside the running old one on at most 2 nodes at a time, never a node without a ready pod', () => {
    const sim = new Simulation({ seed: 4, nodes: sixWorkers });
    sim.apply([newDaemonSet('agent', { labels: { app: 'agent' }, extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } } } })]);
    sim.runUntil(minutes(1));
    const d = ds(sim, 'agent');
    sim.at(minutes(1), 'set image', (a) => a.setImage('DaemonSet', 'default', 'agent', 'app', 'nginx:1.26'));
    let maxDoubled = 0;
    let minAvailable = Infinity;
    while (sim.queue.peek() && sim.nowMs < minutes(5)) {
      sim.step();
      const byNode = podsByNode(sim, d);
      // Terminating old pods do not count against maxSurge (update.go: "Deleted pods do not count").
      maxDoubled = Math.max(maxDoubled, [...byNode.values()].filter((pods) => pods.filter((p) => p.deletionMs === null).length === 2).length);
      for (const pods of byNode.values()) expect(pods.length).toBeLessThanOrEqual(2);
      minAvailable = Math.min(minAvailable, sixWorkers.filter((n) => (byNode.get(n.name) ?? []).some((p) => p.ready)).length);
    }
    expect(maxDoubled).toBe(2);
    expect(minAvailable).toBe(6);
    expect(sim.state.podsOwnedBy(d.uid).map((p) => p.spec.containers[0].image)).toEqual(Array(6).fill('nginx:1.26'));
  });

  test('minReadySeconds: the next node is replaced only once the new pod has been Ready that long', () => {
    const sim = new Simulation({ seed: 4, nodes: [newNode('worker1'), newNode('worker2')] });
    sim.apply([newDaemonSet('agent', { labels: { app: 'agent' }, extra: { minReadySeconds: 30 } })]);
    sim.runUntil(minutes(2));
    sim.at(minutes(2), 'set image', (a) => a.setImage('DaemonSet', 'default', 'agent', 'app', 'nginx:1.26'));
    sim.runUntil(minutes(5));
    const deletes = sim.trace.filter({ reason: 'SuccessfulDelete', kind: 'DaemonSet' }).map((e) => e.atMs);
    // Delete at 2m, gone at +1 s, new pod created, started +1 s, Ready +4 s → available 30 s later.
    expect(deletes).toEqual([minutes(2), minutes(2) + seconds(1 + 1 + 4 + 30)]);
    expect(ds(sim, 'agent').status).toMatchObject({ numberAvailable: 2, updatedNumberScheduled: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

type Op =
  | { kind: 'addNode'; label: boolean; taint?: 'NoSchedule' | 'NoExecute' }
  | { kind: 'removeNode'; i: number }
  | { kind: 'relabel'; i: number; on: boolean }
  | { kind: 'taint'; i: number; effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule' }
  | { kind: 'untaint'; i: number }
  | { kind: 'cordon'; i: number }
  | { kind: 'deletePod'; i: number }
  | { kind: 'evictPod'; i: number }
  | { kind: 'setImage'; v: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('addNode' as const), label: fc.boolean(), taint: fc.option(fc.constantFrom('NoSchedule' as const, 'NoExecute' as const), { nil: undefined }) }),
  fc.record({ kind: fc.constant('removeNode' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('relabel' as const), i: fc.nat(9), on: fc.boolean() }),
  fc.record({ kind: fc.constant('taint' as const), i: fc.nat(9), effect: fc.constantFrom('NoSchedule' as const, 'NoExecute' as const, 'PreferNoSchedule' as const) }),
  fc.record({ kind: fc.constant('untaint' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('cordon' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('deletePod' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('evictPod' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('setImage' as const), v: fc.nat(3) }),
);

const strategyArb = fc.constantFrom(
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } },
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 0 } },
  { type: 'OnDelete' },
);

const surgeArb = fc.constantFrom(
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '50%' } },
);

/** Builds a simulation from generated ops, one op every 7 s from t = 20 s. */
function buildRun(seed: number, initialNodes: number, strategy: object, ops: Op[], minReadySeconds = 0): Simulation {
  const nodes = Array.from({ length: initialNodes }, (_, i) => newNode(`n${i}`, { labels: { pool: 'agents' } }));
  const sim = new Simulation({ seed, nodes });
  sim.apply([newDaemonSet('agent', { labels: { app: 'agent' }, nodeSelector: { pool: 'agents' }, extra: { updateStrategy: strategy, minReadySeconds } })]);
  let added = 0;
  ops.forEach((op, k) => {
    sim.at(seconds(20 + 7 * k), op.kind, (a) => {
      const live = sim.state.list('Node');
      const node = (i: number) => live[i % Math.max(1, live.length)]?.name;
      const n = 'i' in op ? node(op.i) : undefined;
      switch (op.kind) {
        case 'addNode':
          a.addNode({ name: `x${added++}`, ...(op.label ? { labels: { pool: 'agents' } } : {}), ...(op.taint ? { taints: [{ key: 'dedicated', effect: op.taint }] } : {}) });
          break;
        case 'removeNode': if (n) a.removeNode(n); break;
        case 'relabel': if (n) a.patch('Node', '', n, { metadata: { labels: { pool: op.on ? 'agents' : null } } }); break;
        case 'taint': if (n) a.taint(n, 'dedicated', undefined, op.effect); break;
        case 'untaint': if (n) a.untaint(n, 'dedicated'); break;
        case 'cordon': if (n) a.cordon(n); break;
        case 'deletePod': if (n) a.deletePods({ owner: 'DaemonSet/agent', node: n }); break;
        case 'evictPod': if (n) a.evictPods({ owner: 'DaemonSet/agent', node: n }); break;
        case 'setImage': a.setImage('DaemonSet', 'default', 'agent', 'app', `agent:${op.v}`); break;
      }
    });
  });
  return sim;
}

/** Nodes that should run the agent (shouldRun): labelled, no NoSchedule/NoExecute `dedicated` taint. */
function eligibleNodes(sim: Simulation): string[] {
  return sim.state.list('Node').filter((n) => n.labels.pool === 'agents' && !n.taints.some((t) => t.key === 'dedicated' && t.effect !== 'PreferNoSchedule')).map((n) => n.name);
}

/** Nodes where a pod may keep running (shouldContinueRunning): labelled, no NoExecute `dedicated` taint. */
function keepingNodes(sim: Simulation): string[] {
  return sim.state.list('Node').filter((n) => n.labels.pool === 'agents' && !n.taints.some((t) => t.key === 'dedicated' && t.effect === 'NoExecute')).map((n) => n.name);
}

describe('properties', () => {
  test('≤ 1 daemon pod per node at all times (maxSurge 0), and eventually exactly one on every eligible node', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 6 }), strategyArb, fc.array(opArb, { maxLength: 12 }), (seed, n, strategy, ops) => {
      const sim = buildRun(seed, n, strategy, ops);
      const d = ds(sim, 'agent');
      const end = seconds(20 + 7 * ops.length) + minutes(2);
      while (sim.queue.peek() && sim.queue.peek()!.atMs <= end) {
        sim.step();
        for (const [node, pods] of podsByNode(sim, d)) {
          if (pods.length > 1) throw new Error(`${pods.length} pods on ${node} at ${sim.nowMs} ms: ${pods.map((p) => p.name).join(', ')}`);
        }
      }
      sim.runUntil(end);
      // A failed-pod back-off may still run (12 evictions of one node: at most 2^11 s); let it end.
      sim.runFor(minutes(40));
      const byNode = podsByNode(sim, d);
      const eligible = eligibleNodes(sim);
      const keeping = new Set(keepingNodes(sim));
      // Every eligible node has exactly one running pod ...
      for (const node of eligible) {
        const pods = byNode.get(node) ?? [];
        expect(pods.map((p) => `${p.phase}/${p.deletionMs === null}`)).toEqual(['Running/true']);
      }
      // ... and any other pod sits on a node where it may stay (a NoSchedule taint came after it).
      for (const [node, pods] of byNode) if (pods.length > 0) expect(keeping.has(node)).toBe(true);
      expect(d.status.desiredNumberScheduled).toBe(eligible.length);
      if (strategy.type === 'RollingUpdate') expect(d.status.updatedNumberScheduled).toBe(eligible.length);
    }), { numRuns: 60 });
  });

  test('with maxSurge: ≤ 2 daemon pods per node at all times, and eventually exactly one on every eligible node', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 6 }), surgeArb, fc.array(opArb, { maxLength: 12 }), (seed, n, strategy, ops) => {
      const sim = buildRun(seed, n, strategy, ops);
      const d = ds(sim, 'agent');
      const end = seconds(20 + 7 * ops.length) + minutes(2);
      while (sim.queue.peek() && sim.queue.peek()!.atMs <= end) {
        sim.step();
        for (const [node, pods] of podsByNode(sim, d)) {
          if (pods.filter((p) => p.deletionMs === null).length > 2) throw new Error(`${pods.length} pods on ${node} at ${sim.nowMs} ms`);
        }
      }
      sim.runUntil(end);
      sim.runFor(minutes(40));
      const byNode = podsByNode(sim, d);
      for (const node of eligibleNodes(sim)) expect((byNode.get(node) ?? []).map((p) => `${p.phase}/${p.deletionMs === null}`)).toEqual(['Running/true']);
      // Not asserted: that every eligible node runs the new template. As in update.go, a node that
      // only keeps its old pod (a NoSchedule taint came later) is a surge candidate too; its new pod
      // cannot be scheduled, stays unavailable and holds the surge budget, so the rollout can stop
      // there (Kubernetes picks candidates in random order, we in node order).
    }), { numRuns: 40 });
  });

  test('the incremental index agrees with a from-scratch evaluation after every sync', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 5 }), fc.oneof(strategyArb, surgeArb), fc.array(opArb, { maxLength: 10 }), fc.constantFrom(0, 10), (seed, n, strategy, ops, minReady) => {
      const sim = buildRun(seed, n, strategy, ops, minReady);
      const ctl = sim.controller('daemonset') as DaemonSetController;
      const end = seconds(20 + 7 * ops.length) + minutes(1);
      let checks = 0;
      while (sim.queue.peek() && sim.queue.peek()!.atMs <= end) {
        const label = sim.queue.peek()!.label;
        sim.step();
        if (!label.startsWith('controller daemonset sync')) continue;
        const d = ds(sim, 'agent');
        const incremental = ctl.indexOf('default/agent')!;
        // Bring the cached index to now (what the next sync would do first), then compare.
        incremental.refresh(d, sim.nowMs);
        const scratch = new DaemonSetIndex(d, sim.state);
        scratch.refresh(d, sim.nowMs);
        expect(incremental.totals).toEqual(scratch.totals);
        const names = (w: readonly { name: string }[]) => w.map((x) => x.name);
        expect(names(incremental.manageWork())).toEqual(names(scratch.manageWork()));
        expect(names(incremental.oldUnavailable())).toEqual(names(scratch.oldUnavailable()));
        expect(names(incremental.bothNewAvailable())).toEqual(names(scratch.bothNewAvailable()));
        expect(names(incremental.firstOldAvailable(3))).toEqual(names(scratch.firstOldAvailable(3)));
        checks++;
      }
      expect(checks).toBeGreaterThan(0);
    }), { numRuns: 40 });
  });

  test('determinism: the same seed and steps give a byte-identical trace; another seed other pod names', () => {
    const ops: Op[] = [{ kind: 'addNode', label: true }, { kind: 'setImage', v: 2 }, { kind: 'evictPod', i: 1 }, { kind: 'relabel', i: 0, on: false }, { kind: 'deletePod', i: 2 }];
    const trace = (seed: number) => {
      const sim = buildRun(seed, 4, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, ops);
      sim.runUntil(minutes(5));
      return sim.trace.toJsonLines();
    };
    const a = trace(42);
    expect(trace(42)).toBe(a);
    expect(trace(43)).not.toBe(a);
    expect(a).toContain('SuccessfulCreate');
  });
});
