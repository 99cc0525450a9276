/**
 * examples/seed-003-fluent-bit: seed 003 §4's `fluent-bit` collector in `platform` on a
 * control-plane node and three workers. Construct → synth → simulate → assert: the control-plane
 * toleration puts a collector on every node (reference §3.1); a NoExecute taint the DaemonSet does
 * not tolerate evicts worker2's collector through the taint manager and the controller creates no
 * other while the taint stays (shouldRun and shouldContinueRunning both false); once the taint is
 * removed worker2 gets a new collector.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-003-fluent-bit');
}

const result = run();
const pods = result.podsOf('DaemonSet', 'fluent-bit');

test('seed-003-fluent-bit: a collector on every node, the tainted control plane included', () => {
  expect(pods.slice(0, 4).map((p) => [p.namespace, p.node, p.created, p.readyAt])).toEqual(['control-plane', 'worker1', 'worker2', 'worker3'].map((n) => [
    'platform', n, '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z',
  ]));
  for (const p of pods) expect(p.name).toMatch(/^fluent-bit-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('seed-003-fluent-bit: the NoExecute taint evicts worker2\'s collector; none comes back until it is removed', () => {
  const worker2 = pods.filter((p) => p.node === 'worker2');
  expect(worker2.map((p) => [p.created, p.deleting, p.deleted])).toEqual([
    ['2024-01-01T00:00:00Z', '2024-01-01T00:03:00Z', '2024-01-01T00:03:01Z'],
    ['2024-01-01T00:06:00Z', null, null],
  ]);
  expect(result.events({ reason: 'TaintManagerEviction' }).map((e) => [e.time, e.message])).toEqual([
    ['2024-01-01T00:03:00Z', `Marking for deletion Pod platform/${worker2[0].name}`],
  ]);
  expect(result.events({ kind: 'DaemonSet', name: 'fluent-bit' }).map((e) => [e.time, e.reason])).toEqual([
    ...Array(4).fill(['2024-01-01T00:00:00Z', 'SuccessfulCreate']),
    ['2024-01-01T00:06:00Z', 'SuccessfulCreate'],
  ]);
  expect(pods.filter((p) => p.deleted === null).map((p) => p.node).sort()).toEqual(['control-plane', 'worker1', 'worker2', 'worker3']);
});

test('seed-003-fluent-bit: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
