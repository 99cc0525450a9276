/**
 * examples/seed-001-test-ds: seed 001 §3's DaemonSet `test` on a tainted manager and three
 * workers. Construct → synth → simulate → assert: one `test-<5 random characters>` pod per node,
 * the manager included thanks to the master toleration (reference §3.1); the manager's pod deleted
 * at 7m25s comes back on the same node under a new name once the old one is gone (§3.4); a node
 * that joins gets a pod, a node that leaves takes its pod with it (PodGC) and nothing replaces it.
 */
import { parseScenario, simulate } from '../../../lib/simulator';
import { exampleScenario, synthExample } from '../../helpers/examples';

const SCENARIO = exampleScenario('seed-001-test-ds');
const POD_NAME = /^test-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function synth(withoutToleration = false) {
  const docs = synthExample('seed-001-test-ds');
  if (withoutToleration) {
    for (const d of docs) if (d.kind === 'DaemonSet') delete d.spec.template.spec.tolerations;
  }
  return docs;
}

const result = simulate(synth(), SCENARIO);
const pods = result.podsOf('DaemonSet', 'test');
const created = result.events({ kind: 'DaemonSet', name: 'test', reason: 'SuccessfulCreate' });

test('seed-001-test-ds: one pod per node at start, the tainted manager included', () => {
  const first = pods.filter((p) => p.created === '2022-09-14T04:00:00Z');
  expect(first.map((p) => p.node)).toEqual(['manager', 'worker1', 'worker2', 'worker3']);
  for (const p of first) {
    expect(p.name).toMatch(POD_NAME);
    expect(p.image).toBe('busybox');
    expect(p.readyAt).toBe('2022-09-14T04:00:05Z');
  }
  expect(created.slice(0, 4).map((e) => e.message)).toEqual(first.map((p) => `Created pod: ${p.name}`));
});

test('seed-001-test-ds: the deleted manager pod is recreated on the manager with a new name', () => {
  const [old, replacement] = pods.filter((p) => p.node === 'manager');
  expect(old).toMatchObject({ deleting: '2022-09-14T04:07:25Z', deleted: '2022-09-14T04:07:26Z' });
  expect(replacement.name).toMatch(POD_NAME);
  expect(replacement.name).not.toBe(old.name);
  // Created when the old pod is gone (the grace period), Ready 5 s later.
  expect(replacement).toMatchObject({ created: '2022-09-14T04:07:26Z', readyAt: '2022-09-14T04:07:31Z', deleted: null, phase: 'Running' });
  expect(created[4]).toMatchObject({ time: '2022-09-14T04:07:26Z', message: `Created pod: ${replacement.name}` });
  // A user's deletion is not a controller event: no SuccessfulDelete from the DaemonSet.
  expect(result.events({ kind: 'DaemonSet', reason: 'SuccessfulDelete' })).toEqual([]);
});

test('seed-001-test-ds: a joining node gets a pod, a leaving node loses its pod for good', () => {
  const worker4 = pods.filter((p) => p.node === 'worker4');
  expect(worker4.map((p) => [p.created, p.phase])).toEqual([['2022-09-14T04:10:00Z', 'Running']]);
  expect(created[5].message).toBe(`Created pod: ${worker4[0].name}`);
  const worker2 = pods.filter((p) => p.node === 'worker2');
  expect(worker2.map((p) => [p.phase, p.deleted])).toEqual([['Failed', '2022-09-14T04:12:00Z']]);
  expect(created).toHaveLength(6);
  expect(pods.filter((p) => p.deleted === null).map((p) => p.node).sort()).toEqual(['manager', 'worker1', 'worker3', 'worker4']);
});

test('seed-001-test-ds: without the master toleration the manager gets no pod', () => {
  // The scenario's first step deletes the manager's pod; with no such pod that step is an error
  // (a pod selector that matches nothing), so this variant runs the other steps only.
  const sc = parseScenario(SCENARIO);
  const without = simulate(synth(true), { ...sc, steps: sc.steps.slice(1) });
  const nodes = without.podsOf('DaemonSet', 'test').map((p) => p.node);
  expect(nodes.filter((n) => n === 'manager')).toEqual([]);
  expect(nodes.slice(0, 3)).toEqual(['worker1', 'worker2', 'worker3']);
  expect(without.events({ reason: 'FailedScheduling' })).toEqual([]);
});

test('seed-001-test-ds: the same seed gives the same report', () => {
  expect(simulate(synth(), SCENARIO).toJson()).toBe(result.toJson());
});
