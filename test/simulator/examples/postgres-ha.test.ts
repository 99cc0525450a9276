/**
 * examples/postgres-ha: the `orders-db` primary + two standbys in `databases` (minReadySeconds
 * 10, hard pod anti-affinity per node, a claim per pod). Construct → synth → simulate → assert:
 * OrderedReady starts the primary first and each standby once the pod before it has been Ready
 * for minReadySeconds (reference §1.2 `isRunningAndAvailable`, §1.3); a crashed primary container
 * is restarted in place by the kubelet and the StatefulSet leaves the pod alone; an evicted primary
 * (phase Failed) is recreated at once under the same name (§1.2 `RecreatingFailedPod`); a primary
 * lost with its node is recreated elsewhere; every orders-db-0 uses data-orders-db-0 (§1.4).
 */
import * as fs from 'fs';
import * as YAML from 'yaml';
import { ScenarioSource, SimulationResult } from '../../../lib/simulator';
import { exampleScenario, simulateExample } from '../../helpers/examples';

const SCENARIO = exampleScenario('postgres-ha');

function run(scenario: ScenarioSource = SCENARIO): SimulationResult {
  return simulateExample('postgres-ha', 'postgres-ha', scenario);
}

/** The nodes holding a live (non-terminal, non-deleted) member at simulated `ms`. */
function memberNodesAt(r: SimulationResult, ms: number): string[] {
  return r.simulation.state.history('Pod').flatMap((p) => {
    const t = [...p.timeline].reverse().find((x) => x.atMs <= ms);
    const gone = p.deletedMs !== null && p.deletedMs <= ms;
    return t && !gone && t.nodeName !== null && t.phase !== 'Failed' && t.phase !== 'Succeeded' ? [t.nodeName] : [];
  });
}

const result = run();
const pods = result.podsOf('StatefulSet', 'orders-db', 'databases');

test('postgres-ha: the primary starts first; each standby once the previous pod has been Ready for 10 s', () => {
  // The set requeues itself minReadySeconds (10 s) after each sync while a replica is unavailable
  // (stateful_set.go sync: enqueueSSAfter(set, MinReadySeconds)), and the delaying queue keeps the
  // earlier waiting entry, so a standby starts at the first 10 s wake-up after its predecessor has been
  // Ready for 10 s: orders-db-0 Ready at 22 s, available at 32 s, seen at the 40 s wake-up.
  expect(pods.slice(0, 3).map((p) => [p.name, p.node, p.created, p.started, p.readyAt])).toEqual([
    ['orders-db-0', 'worker1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:02Z', '2024-01-01T00:00:22Z'],
    ['orders-db-1', 'worker2', '2024-01-01T00:00:40Z', '2024-01-01T00:00:55Z', '2024-01-01T00:01:05Z'],
    ['orders-db-2', 'worker3', '2024-01-01T00:01:20Z', '2024-01-01T00:01:35Z', '2024-01-01T00:01:45Z'],
  ]);
  expect(new Set(pods.map((p) => p.image))).toEqual(new Set(['postgres:16.4']));
  // The standbys' init containers (wait-for-primary, clone-from-primary) are in the pod they run in.
  const spec = result.simulation.state.history('Pod')[1].spec;
  expect(spec.initContainers!.map((c) => c.name)).toEqual(['wait-for-primary', 'clone-from-primary']);
  expect(result.lookup('orders-db-0.orders-db-headless.databases.svc.cluster.local', '2m')).toEqual([pods[0].ip]);
});

test('postgres-ha: a crashed primary container restarts in place; the StatefulSet does not replace the pod', () => {
  const primary = result.simulation.state.history('Pod')[0];
  const at = (ms: number) => [...primary.timeline].reverse().find((t) => t.atMs <= ms)!;
  expect([at(179_999).ready, at(180_000).ready, at(180_000).restarts, at(199_999).ready, at(200_000).ready]).toEqual([true, false, 1, false, true]);
  expect(pods[0]).toMatchObject({ name: 'orders-db-0', restarts: 1, ip: '10.244.1.2' });
  // No controller event between the initial rollout and the eviction at 5m.
  expect(result.events({ kind: 'StatefulSet', name: 'orders-db' }).filter((e) => e.time > '2024-01-01T00:01:20Z' && e.time < '2024-01-01T00:05:00Z')).toEqual([]);
});

test('postgres-ha: an evicted primary is recreated at once, on its claim', () => {
  const [, , , evictedReplacement] = pods;
  expect(pods[0]).toMatchObject({ phase: 'Failed', deleting: '2024-01-01T00:05:00Z', deleted: '2024-01-01T00:05:00Z' });
  expect(result.simulation.state.history('Pod')[0].reason).toBe('Evicted');
  expect(result.events({ kind: 'StatefulSet', name: 'orders-db' }).filter((e) => e.time === '2024-01-01T00:05:00Z').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
    'Warning RecreatingFailedPod StatefulSet databases/orders-db is recreating failed Pod orders-db-0',
    'Normal SuccessfulDelete delete Pod orders-db-0 in StatefulSet orders-db successful',
    'Normal SuccessfulCreate create Pod orders-db-0 in StatefulSet orders-db successful',
  ]);
  expect(evictedReplacement).toMatchObject({ name: 'orders-db-0', node: 'worker1', created: '2024-01-01T00:05:00Z', readyAt: '2024-01-01T00:05:22Z' });
});

test('postgres-ha: a primary lost with its node comes back on the node without a member', () => {
  const last = pods[4];
  expect(pods[3]).toMatchObject({ phase: 'Failed', deleted: '2024-01-01T00:07:00Z' });
  expect(result.simulation.state.history('Pod')[3].reason).toBe('NodeLost');
  expect(last).toMatchObject({ name: 'orders-db-0', node: 'worker4', created: '2024-01-01T00:07:00Z', readyAt: '2024-01-01T00:07:22Z', deleting: null });
  expect(pods).toHaveLength(5);
  // Never two members on one node (requiredDuringScheduling anti-affinity on kubernetes.io/hostname).
  for (const ms of [60_000, 120_000, 301_000, 420_000, 480_000]) {
    const nodes = memberNodesAt(result, ms);
    expect(new Set(nodes).size).toBe(nodes.length);
  }
  expect(memberNodesAt(result, 480_000).sort()).toEqual(['worker2', 'worker3', 'worker4']);
});

test('postgres-ha: every orders-db-<n> uses data-orders-db-<n>; the claims are never recreated', () => {
  for (const pod of result.simulation.state.history('Pod')) {
    expect((pod.spec.volumes ?? []).find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(`data-${pod.name}`);
  }
  expect(result.report.persistentVolumeClaims.map((c) => [c.name, c.created, c.deleted])).toEqual([
    ['data-orders-db-0', '2024-01-01T00:00:00Z', null],
    ['data-orders-db-1', '2024-01-01T00:00:40Z', null],
    ['data-orders-db-2', '2024-01-01T00:01:20Z', null],
  ]);
  expect(result.report.dns['orders-db-0.orders-db-headless.databases.svc.cluster.local']).toEqual([pods[4].ip]);
});

// The kube-scheduler's InterPodAffinity filter rejects every node that already runs a pod matching
// a required anti-affinity term of the incoming pod (topologyKey kubernetes.io/hostname here), with
// "node(s) didn't match pod anti-affinity rules" (kubernetes pkg/scheduler/framework/plugins/
// interpodaffinity/filtering.go, ErrReasonAntiAffinityRulesNotMatch). On three nodes, losing the
// primary's node leaves orders-db-0 Pending: both remaining nodes hold a standby.
test('postgres-ha: on three nodes, a primary lost with its node stays Pending (hard anti-affinity)', () => {
  const scenario = YAML.parse(fs.readFileSync(SCENARIO, 'utf8'));
  scenario.cluster.nodes = scenario.cluster.nodes.filter((n: { name: string }) => n.name !== 'worker4');
  const r = run(scenario);
  const recreated = r.podsOf('StatefulSet', 'orders-db', 'databases').at(-1)!;
  expect(recreated).toMatchObject({ name: 'orders-db-0', created: '2024-01-01T00:07:00Z', node: null, phase: 'Pending' });
  const failed = r.events({ reason: 'FailedScheduling' }).filter((e) => e.object.name === 'orders-db-0');
  expect(failed.map((e) => e.time)[0]).toBe('2024-01-01T00:07:00Z');
  expect(failed[0].message).toContain("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.");
  const nodes = memberNodesAt(r, 480_000);
  expect(new Set(nodes).size).toBe(nodes.length);
});

test('postgres-ha: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
