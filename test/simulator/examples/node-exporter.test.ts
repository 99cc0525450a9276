/**
 * examples/node-exporter: the `node-exporter` agent (hostNetwork, tolerations: every NoSchedule
 * taint) on a control plane, two workers, a GPU node and a NoExecute-tainted database node.
 * Construct → synth → simulate → assert: a pod on every node whose NoSchedule taints it tolerates,
 * none where a NoExecute taint is not tolerated (reference §3.1 `fitsTaints`); the controller adds
 * node.kubernetes.io/network-unavailable:NoSchedule to hostNetwork daemon pods (§3.2), so a node
 * whose pod network is not up gets one even without the template's blanket toleration; an
 * untolerated NoExecute taint added later removes the pod, and it returns once the taint is gone
 * (§3.1 `shouldContinueRunning`).
 */
import { simulate, SimulationResult } from '../../../lib/simulator';
import { exampleScenario, synthExample } from '../../helpers/examples';

const SCENARIO = exampleScenario('node-exporter');
const POD_NAME = /^node-exporter-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function synth(withoutTemplateTolerations = false) {
  const docs = synthExample('node-exporter');
  if (withoutTemplateTolerations) {
    for (const d of docs) if (d.kind === 'DaemonSet') delete d.spec.template.spec.tolerations;
  }
  return docs;
}

const result = simulate(synth(), SCENARIO);
const pods = result.podsOf('DaemonSet', 'node-exporter', 'monitoring');
const nodesAt = (r: SimulationResult, t: string) => r.podsOf('DaemonSet', 'node-exporter')
  .filter((p) => p.node !== null && p.created <= t && (p.deleting === null || p.deleting > t)).map((p) => p.node).sort();

test('node-exporter: a pod on every node with only NoSchedule taints, none on the NoExecute-tainted db1', () => {
  expect(pods.slice(0, 4).map((p) => [p.node, p.created, p.readyAt, p.image])).toEqual([
    ['control-plane', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'quay.io/prometheus/node-exporter:v1.8.2'],
    ['worker1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'quay.io/prometheus/node-exporter:v1.8.2'],
    ['worker2', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'quay.io/prometheus/node-exporter:v1.8.2'],
    ['gpu1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'quay.io/prometheus/node-exporter:v1.8.2'],
  ]);
  for (const p of pods) expect(p.name).toMatch(POD_NAME);
  expect(pods.filter((p) => p.node === 'db1')).toEqual([]);
  expect(result.events({ reason: 'FailedScheduling' })).toEqual([]);
  const ds = result.simulation.state.get('DaemonSet', 'monitoring', 'node-exporter')!;
  expect(ds.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberMisscheduled: 0 });
});

test('node-exporter: every pod carries the controller-added tolerations, network-unavailable included (hostNetwork)', () => {
  const tolerations = result.simulation.state.history('Pod')[0].spec.tolerations;
  expect(tolerations).toEqual(expect.arrayContaining([
    { operator: 'Exists', effect: 'NoSchedule' }, // the template's
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
  ]));
});

test('node-exporter: without the template tolerations, only the hostNetwork one — worker2 still gets a pod', () => {
  const r = simulate(synth(true), SCENARIO);
  expect(nodesAt(r, '2024-01-01T00:01:00Z')).toEqual(['worker1', 'worker2']);
  expect(r.simulation.state.history('Pod')[0].spec.tolerations).toContainEqual(
    { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
});

test('node-exporter: a NoExecute taint evicts the pod on worker1; a new one comes when the taint goes', () => {
  expect(nodesAt(result, '2024-01-01T00:02:30Z')).toEqual(['control-plane', 'gpu1', 'worker1', 'worker2']);
  const worker1 = pods.filter((p) => p.node === 'worker1');
  expect(worker1.map((p) => [p.created, p.deleting, p.deleted])).toEqual([
    ['2024-01-01T00:00:00Z', '2024-01-01T00:03:00Z', '2024-01-01T00:03:01Z'],
    ['2024-01-01T00:04:00Z', null, null],
  ]);
  expect(result.events({ reason: 'TaintManagerEviction' }).map((e) => `${e.time} ${e.object.name} ${e.message}`)).toEqual([
    `2024-01-01T00:03:00Z ${worker1[0].name} Marking for deletion Pod monitoring/${worker1[0].name}`,
  ]);
  expect(nodesAt(result, '2024-01-01T00:03:30Z')).toEqual(['control-plane', 'gpu1', 'worker2']);
  // worker2's pod is untouched when its network-unavailable taint is removed at 2m.
  expect(pods.filter((p) => p.node === 'worker2').map((p) => p.deleting)).toEqual([null]);
  expect(result.events({ kind: 'DaemonSet', name: 'node-exporter', reason: 'SuccessfulCreate' }).map((e) => e.time)).toEqual([
    '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:04:00Z',
  ]);
});

// A hostNetwork pod has no IP of its own: the kubelet reports the node's IP as the pod IP
// (kubernetes pkg/kubelet/kubelet_pods.go generateAPIPodStatus: `if kubecontainer.IsHostNetworkPod(pod)
// && s.PodIP == "" { s.PodIP = hostIP }`), which is why the agent listens on $(HOST_IP):9100. So
// every node-exporter pod on worker1 has the same IP, and pods on different nodes have different IPs.
test('node-exporter: a hostNetwork pod has its node\'s IP', () => {
  const worker1 = pods.filter((p) => p.node === 'worker1');
  expect(worker1).toHaveLength(2);
  expect(worker1[1].ip).toBe(worker1[0].ip);
  expect(new Set(pods.slice(0, 4).map((p) => p.ip)).size).toBe(4);
});

test('node-exporter: the same seed gives the same report', () => {
  expect(simulate(synth(), SCENARIO).toJson()).toBe(result.toJson());
});
