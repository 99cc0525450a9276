/**
 * The scheduler's InterPodAffinity filter (kube-scheduler 1.27
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go), end to end through the
 * Simulation: required affinity / anti-affinity, the symmetric rule for existing pods' anti-affinity,
 * topology keys over node labels, namespaces and namespaceSelector, and the retries that let a
 * parked pod through once the cluster changes.
 */
import { InterPodAffinity, requiredAntiAffinityTerms, termMatches } from '../../../lib/simulator/cluster/inter-pod-affinity';
import { PodSpec } from '../../../lib/simulator/cluster/api-shapes';
import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newNode, newPod } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

type Term = NonNullable<NonNullable<NonNullable<PodSpec['affinity']>['podAntiAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>[number];

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const term = (labels: Record<string, string>, topologyKey = HOSTNAME, extra: Partial<Term> = {}): Term =>
  ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });
const antiAffinity = (...terms: Term[]): PodSpec => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } } } as PodSpec);
const affinity = (...terms: Term[]): PodSpec => ({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } } } as PodSpec);

function failures(sim: Simulation, pod: string): string[] {
  return sim.trace.filter({ reason: 'FailedScheduling' }).filter((e) => e.object.name === pod).map((e) => e.message);
}

function zonedCluster(): Simulation {
  return new Simulation({
    nodes: [
      newNode('a1', { labels: { [ZONE]: 'zone-a' } }), newNode('a2', { labels: { [ZONE]: 'zone-a' } }),
      newNode('b1', { labels: { [ZONE]: 'zone-b' } }), newNode('nozone'),
    ],
  });
}

describe('required pod anti-affinity', () => {
  test('one pod per node (topologyKey kubernetes.io/hostname); the fourth stays Pending', () => {
    const sim = new Simulation(); // worker1..3
    const spec = antiAffinity(term({ app: 'db' }));
    const pods = sim.apply(['db-0', 'db-1', 'db-2', 'db-3'].map((n) => newPod(n, { labels: { app: 'db' }, spec }))) as SimPod[];
    sim.runUntil(seconds(10));
    expect(pods.map((p) => p.nodeName)).toEqual(['worker1', 'worker2', 'worker3', null]);
    expect(failures(sim, 'db-3')).toEqual(["0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."]);
    expect(pods[3].conditions.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });

  test('a zone topologyKey keeps every node of a zone holding a match off limits; a node without the label is not', () => {
    const sim = zonedCluster();
    const spec = antiAffinity(term({ app: 'db' }, ZONE));
    const [first] = sim.apply([newPod('db-0', { labels: { app: 'db' }, spec })]) as SimPod[];
    sim.runUntil(0);
    expect(first.nodeName).toBe('a1');
    const pods = sim.apply(['db-1', 'db-2', 'db-3'].map((n) => newPod(n, { labels: { app: 'db' }, spec }))) as SimPod[];
    sim.runUntil(seconds(1));
    // a2 shares a1's zone; b1 takes one. A node without the topology label is in no domain, so
    // anti-affinity never excludes it (satisfyPodAntiAffinity only looks at pairs the node has):
    // nozone takes the rest.
    expect(pods.map((p) => p.nodeName)).toEqual(['b1', 'nozone', 'nozone']);
    sim.at(seconds(2), 'cordon nozone', (a) => a.cordon('nozone'));
    sim.at(seconds(2), 'db-4', () => sim.apply([newPod('db-4', { labels: { app: 'db' }, spec })]));
    sim.runUntil(seconds(3));
    expect(failures(sim, 'db-4')).toEqual(["0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn't match pod anti-affinity rules."]);
  });

  test("an existing pod's anti-affinity also keeps a matching pod without any affinity off its node (symmetric rule)", () => {
    const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
    const [guard] = sim.apply([newPod('guard', { labels: { app: 'guard' }, spec: antiAffinity(term({ app: 'noisy' })) })]) as SimPod[];
    sim.runUntil(0);
    expect(guard.nodeName).toBe('w1');
    const noisy = sim.apply(['noisy-0', 'noisy-1'].map((n) => newPod(n, { labels: { app: 'noisy' } }))) as SimPod[];
    const quiet = sim.apply([newPod('quiet', { labels: { app: 'quiet' } })]) as SimPod[];
    sim.runUntil(seconds(1));
    expect(noisy.map((p) => p.nodeName)).toEqual(['w2', 'w2']);
    expect(quiet[0].nodeName).toBe('w1'); // least allocated; the guard's term does not select it
    sim.at(seconds(2), 'cordon w2', (a) => a.cordon('w2'));
    sim.at(seconds(2), 'one more', () => sim.apply([newPod('noisy-2', { labels: { app: 'noisy' } })]));
    sim.runUntil(seconds(3));
    expect(failures(sim, 'noisy-2')).toEqual(["0/2 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules, 1 node(s) were unschedulable."]);
  });

  test('a term without namespaces selects the owner\'s namespace only; `namespaces` and `namespaceSelector` widen it', () => {
    const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
    sim.applyManifests([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } }]);
    sim.apply([newPod('other', { namespace: 'team-a', labels: { app: 'db' } })]);
    sim.runUntil(0);
    const own = sim.apply([newPod('own', { labels: { app: 'x' }, spec: antiAffinity(term({ app: 'db' })) })]) as SimPod[];
    const listed = sim.apply([newPod('listed', { labels: { app: 'x' }, spec: antiAffinity(term({ app: 'db' }, HOSTNAME, { namespaces: ['team-a'] })) })]) as SimPod[];
    const selected = sim.apply([newPod('selected', { labels: { app: 'x' }, spec: antiAffinity(term({ app: 'db' }, HOSTNAME, { namespaceSelector: { matchLabels: { team: 'a' } } })) })]) as SimPod[];
    const byName = sim.apply([newPod('by-name', { labels: { app: 'x' }, spec: antiAffinity(term({ app: 'db' }, HOSTNAME, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-a' } } })) })]) as SimPod[];
    const all = sim.apply([newPod('all', { labels: { app: 'x' }, spec: antiAffinity(term({ app: 'db' }, HOSTNAME, { namespaceSelector: {} })) })]) as SimPod[];
    sim.runUntil(seconds(1));
    // 'other' is on w1. Only the first term ignores it; the others keep their pod off w1.
    expect([own, listed, selected, byName, all].map(([p]) => p.nodeName)).toEqual(['w2', 'w2', 'w2', 'w2', 'w2']);
    expect(sim.trace.filter({ reason: 'FailedScheduling' })).toEqual([]);
    const again = sim.apply([newPod('own-2', { labels: { app: 'y' }, spec: antiAffinity(term({ app: 'db' })) })]) as SimPod[];
    sim.runUntil(seconds(2));
    expect(again[0].nodeName).toBe('w1');
  });

  test('a pod kept out by anti-affinity is scheduled once the blocking pod is deleted', () => {
    const sim = new Simulation({ nodes: [newNode('w1')] });
    const spec = antiAffinity(term({ app: 'db' }));
    const [a, b] = sim.apply([newPod('a', { labels: { app: 'db' }, spec }), newPod('b', { labels: { app: 'db' }, spec })]) as SimPod[];
    sim.runUntil(seconds(5));
    expect([a.nodeName, b.nodeName]).toEqual(['w1', null]);
    sim.at(seconds(10), 'delete a', (x) => x.deletePods('a'));
    sim.runUntil(seconds(20));
    // a terminates for its grace period (1 s); it counts until it is gone.
    expect(b.nodeName).toBe('w1');
    expect(b.scheduledMs).toBe(seconds(11));
  });

  test('a pod kept out by anti-affinity is scheduled on a node that appears', () => {
    const sim = new Simulation({ nodes: [newNode('w1')] });
    const spec = antiAffinity(term({ app: 'db' }));
    const [, b] = sim.apply([newPod('a', { labels: { app: 'db' }, spec }), newPod('b', { labels: { app: 'db' }, spec })]) as SimPod[];
    sim.runUntil(seconds(5));
    sim.at(seconds(30), 'add w2', (x) => x.addNode({ name: 'w2' }));
    sim.runUntil(seconds(40));
    expect(b.nodeName).toBe('w2');
    expect(b.scheduledMs).toBe(seconds(30));
  });

  test('terminal pods do not count (the scheduler cache drops Succeeded/Failed pods)', () => {
    const sim = new Simulation({ nodes: [newNode('w1')] });
    const spec = antiAffinity(term({ app: 'db' }));
    const [a] = sim.apply([newPod('a', { labels: { app: 'db' }, spec: { ...spec, restartPolicy: 'Never' } })]) as SimPod[];
    sim.runUntil(seconds(5));
    sim.at(seconds(6), 'fail a', (x) => x.failPods('a', 1));
    sim.at(seconds(7), 'b', () => sim.apply([newPod('b', { labels: { app: 'db' }, spec })]));
    sim.runUntil(seconds(8));
    expect(a.phase).toBe('Failed');
    expect(sim.state.get('Pod', 'default', 'b')!.nodeName).toBe('w1');
  });
});

describe('required pod affinity', () => {
  test('goes to a node in the topology domain of a matching pod', () => {
    const sim = zonedCluster();
    sim.apply([newPod('filler', { labels: { app: 'filler' } })]);
    sim.runUntil(0); // a1
    const [cache] = sim.apply([newPod('cache', { labels: { app: 'cache' } })]) as SimPod[];
    sim.runUntil(0);
    expect(cache.nodeName).toBe('a2');
    const web = sim.apply(['web-0', 'web-1', 'web-2'].map((n) => newPod(n, { labels: { app: 'web' }, spec: affinity(term({ app: 'cache' }, ZONE)) }))) as SimPod[];
    sim.runUntil(seconds(1));
    expect(web.map((p) => p.nodeName).sort()).toEqual(['a1', 'a1', 'a2']);
  });

  test('waits, Pending, for a matching pod; is retried when one is bound', () => {
    const sim = zonedCluster();
    const [web] = sim.apply([newPod('web', { labels: { app: 'web' }, spec: affinity(term({ app: 'cache' }, ZONE)) })]) as SimPod[];
    sim.runUntil(seconds(5));
    expect(web.nodeName).toBeNull();
    // nozone lacks the topology key: the same reason (all topology labels must exist on the node).
    expect(failures(sim, 'web')).toEqual(["0/4 nodes are available: 4 node(s) didn't match pod affinity rules."]);
    sim.at(seconds(20), 'cache', () => sim.apply([newPod('cache', { labels: { app: 'cache' }, spec: { nodeSelector: { [ZONE]: 'zone-b' } } })]));
    sim.runUntil(seconds(30));
    expect(web.nodeName).toBe('b1');
    expect(web.scheduledMs).toBe(seconds(20));
  });

  test('a bound pod whose labels come to match lets a waiting pod in', () => {
    const sim = new Simulation({ nodes: [newNode('w1'), newNode('w2')] });
    const [other] = sim.apply([newPod('other', { labels: { app: 'other' }, spec: { nodeSelector: { [HOSTNAME]: 'w2' } } })]) as SimPod[];
    const [web] = sim.apply([newPod('web', { labels: { app: 'web' }, spec: affinity(term({ app: 'cache' })) })]) as SimPod[];
    sim.runUntil(seconds(5));
    expect(web.nodeName).toBeNull();
    sim.at(seconds(8), 'relabel', () => sim.state.update(other, (p) => { p.labels = { app: 'cache' }; }));
    sim.runUntil(seconds(10));
    expect(web.nodeName).toBe('w2');
    expect(web.scheduledMs).toBe(seconds(8));
  });

  test('the first pod of a self-affine group is placed when no pod matches yet; the rest follow it', () => {
    const sim = zonedCluster();
    const spec = affinity(term({ app: 'web' }, ZONE));
    const pods = sim.apply(['web-0', 'web-1', 'web-2'].map((n) => newPod(n, { labels: { app: 'web' }, spec }))) as SimPod[];
    sim.runUntil(seconds(1));
    expect(pods.map((p) => p.nodeName)).toEqual(['a1', 'a2', 'a1']);
  });

  test('the self-affinity exception needs the pod to match its own terms', () => {
    const sim = zonedCluster();
    const [web] = sim.apply([newPod('web', { labels: { app: 'web' }, spec: affinity(term({ app: 'web' }, ZONE), term({ tier: 'front' }, ZONE)) })]) as SimPod[];
    sim.runUntil(seconds(1));
    expect(web.nodeName).toBeNull();
    expect(failures(sim, 'web')).toEqual(["0/4 nodes are available: 4 node(s) didn't match pod affinity rules."]);
  });
});

describe('term semantics (framework.AffinityTerm)', () => {
  const nsLabels = (ns: string) => ({ 'kubernetes.io/metadata.name': ns });

  test('a term without a labelSelector selects no pod; an empty one selects every pod', () => {
    const owner = { namespace: 'default', spec: antiAffinity({ topologyKey: HOSTNAME }, { labelSelector: {}, topologyKey: HOSTNAME }) };
    const [none, every] = requiredAntiAffinityTerms(owner);
    expect(termMatches(none, 'default', { app: 'x' }, nsLabels)).toBe(false);
    expect(termMatches(every, 'default', { app: 'x' }, nsLabels)).toBe(true);
    expect(termMatches(every, 'kube-system', { app: 'x' }, nsLabels)).toBe(false);
  });

  test('nothing is tracked and PreFilter skips while no pod has required terms', () => {
    const sim = new Simulation();
    const pods = sim.apply([newPod('a'), newPod('b')]) as SimPod[];
    sim.runUntil(seconds(1));
    const index = new InterPodAffinity(sim.state, () => { throw new Error('must not scan the cluster'); });
    expect(index.preFilter(pods[0])).toBeUndefined();
  });
});
