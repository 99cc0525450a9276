/**
 * examples/seed-000-fluentd: seed 000's `fluentd` DaemonSet in `kube-system` (no tolerations,
 * nodeSelector kubernetes.io/os: linux, requests 100m/100Mi) on a tainted control plane and three
 * workers. Construct → synth → simulate → assert: one pod per worker and none on the control plane
 * (reference §3.1: an untolerated NoSchedule taint); a cordon keeps the pod, and a pod deleted on
 * the cordoned node is replaced there (§3.2: every daemon pod tolerates
 * node.kubernetes.io/unschedulable); a joining node gets a pod; a node too small for the requests
 * still gets one, which stays Pending (§3.1: the controller does not check resources); a node
 * outside the nodeSelector gets none. The second chart (§6.2, namespace default) behaves the same.
 */
import { SimulationResult } from '../../../lib/simulator';
import { simulateExample } from '../../helpers/examples';

const POD_NAME = /^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function run(chartId = 'seed-000-fluentd'): SimulationResult {
  return simulateExample('seed-000-fluentd', chartId);
}

/** `node created deleting phase` of every pod instance, creation order. */
function placement(r: SimulationResult): string[] {
  return r.podsOf('DaemonSet', 'fluentd').map((p) => `${p.node} ${p.created} ${p.deleting} ${p.phase}`);
}

const result = run();
const pods = result.podsOf('DaemonSet', 'fluentd', 'kube-system');

test('seed-000-fluentd: one pod per worker, none on the tainted control plane', () => {
  expect(pods.slice(0, 3).map((p) => [p.namespace, p.node, p.created, p.readyAt, p.image])).toEqual([
    ['kube-system', 'worker1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'fluentd:latest'],
    ['kube-system', 'worker2', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'fluentd:latest'],
    ['kube-system', 'worker3', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'fluentd:latest'],
  ]);
  for (const p of pods) expect(p.name).toMatch(POD_NAME);
  expect(pods.filter((p) => p.node === 'control-plane')).toEqual([]);
});

test('seed-000-fluentd: cordoning worker2 keeps its pod; a pod deleted there is replaced on the cordoned node', () => {
  const worker2 = pods.filter((p) => p.node === 'worker2');
  expect(worker2.map((p) => [p.created, p.deleting, p.deleted])).toEqual([
    ['2024-01-01T00:00:00Z', '2024-01-01T00:03:00Z', '2024-01-01T00:03:01Z'], // kept through the cordon at 2m
    ['2024-01-01T00:03:01Z', null, null],
  ]);
  expect(worker2[1]).toMatchObject({ phase: 'Running', readyAt: '2024-01-01T00:03:06Z' });
  // The controller added the unschedulable toleration the scheduler's NodeUnschedulable filter needs.
  const spec = result.simulation.state.history('Pod').find((p) => p.name === worker2[1].name)!.spec;
  expect(spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
});

test('seed-000-fluentd: new nodes — a worker gets a pod, a too-small node a Pending one, a Windows node none', () => {
  expect(placement(result).slice(4)).toEqual([
    'worker4 2024-01-01T00:04:00Z null Running',
    'null 2024-01-01T00:05:00Z null Pending',
  ]);
  const pending = pods[5];
  const failed = result.events({ reason: 'FailedScheduling' });
  expect(failed.map((e) => [e.time, e.object.name])).toEqual([
    ['2024-01-01T00:05:00Z', pending.name],
    ['2024-01-01T00:06:00Z', pending.name], // tried again when win1 joined
  ]);
  expect(failed[0].message).toMatch(/^0\/6 nodes are available: .*\b1 Insufficient cpu\b/);
  // The pod is bound to edge1 by its node affinity (metadata.name), not moved elsewhere.
  const affinity = result.simulation.state.history('Pod').find((p) => p.name === pending.name)!.spec.affinity;
  expect(affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
    { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['edge1'] }] },
  ]);
  expect(result.events({ kind: 'DaemonSet', name: 'fluentd' }).map((e) => e.time)).toEqual([
    '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:03:01Z', '2024-01-01T00:04:00Z', '2024-01-01T00:05:00Z',
  ]);
  const ds = result.simulation.state.get('DaemonSet', 'kube-system', 'fluentd')!;
  expect(ds.status).toMatchObject({ desiredNumberScheduled: 5, currentNumberScheduled: 5, numberReady: 4, numberMisscheduled: 0 });
});

test('seed-000-fluentd-cka: the bare §6.2 DaemonSet in default lands on the same nodes', () => {
  const cka = run('seed-000-fluentd-cka');
  expect(cka.podsOf('DaemonSet', 'fluentd').map((p) => p.namespace)).toEqual(new Array(6).fill('default'));
  expect(placement(cka)).toEqual(placement(result));
});

test('seed-000-fluentd: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
