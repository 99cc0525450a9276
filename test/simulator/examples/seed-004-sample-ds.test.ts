/**
 * examples/seed-004-sample-ds: seed 004's `sample-ds` (nginx:1.16) on five workers, image set to
 * nginx:1.17 at 2m and worker3's pod deleted at 5m. The example holds two charts for the same
 * DaemonSet; each is simulated with the scenario. Construct → synth → simulate → assert:
 * - OnDelete (reference §3.6): the new template reaches only the pod deleted by hand;
 * - RollingUpdate maxUnavailable 2: the controller replaces the pods itself, never more than two
 *   nodes without a ready pod at a time (rounds of 2, 2, 1 — which nodes go first is ours, node
 *   order; Kubernetes picks them in random order).
 */
import { SimulationResult } from '../../../lib/simulator';
import { simulateExample } from '../../helpers/examples';

const WORKERS = ['worker1', 'worker2', 'worker3', 'worker4', 'worker5'];

function run(chartId: string): SimulationResult {
  return simulateExample('seed-004-sample-ds', chartId);
}

/** Live pods at the end as `node=image`, by node. */
function imagesAtEnd(r: SimulationResult): string[] {
  return r.podsOf('DaemonSet', 'sample-ds').filter((p) => p.deleted === null).map((p) => `${p.node}=${p.image}`).sort();
}

/** Nodes without a Ready, non-terminating pod at `t` (RFC 3339). */
function unavailableAt(r: SimulationResult, t: string): number {
  const pods = r.podsOf('DaemonSet', 'sample-ds');
  return WORKERS.filter((n) => !pods.some((p) => p.node === n && p.readyAt !== null && p.readyAt <= t && (p.deleting === null || p.deleting > t))).length;
}

describe('seed-004-sample-ds (OnDelete)', () => {
  const r = run('seed-004-sample-ds');

  test('setImage changes no pod; only the pod deleted by hand comes back with nginx:1.17', () => {
    expect(imagesAtEnd(r)).toEqual(['worker1=nginx:1.16', 'worker2=nginx:1.16', 'worker3=nginx:1.17', 'worker4=nginx:1.16', 'worker5=nginx:1.16']);
    // Between the template change (2m) and the deletion (5m) the controller does nothing.
    expect(r.events({ kind: 'DaemonSet' }).filter((e) => e.time > '2024-01-01T00:00:00Z').map((e) => [e.time, e.reason])).toEqual([
      ['2024-01-01T00:05:01Z', 'SuccessfulCreate'],
    ]);
    const worker3 = r.podsOf('DaemonSet', 'sample-ds').filter((p) => p.node === 'worker3');
    expect(worker3.map((p) => [p.image, p.deleting])).toEqual([['nginx:1.16', '2024-01-01T00:05:00Z'], ['nginx:1.17', null]]);
  });
});

describe('seed-004-sample-ds-rolling-update (maxUnavailable 2)', () => {
  const r = run('seed-004-sample-ds-rolling-update');

  test('the controller replaces every pod, two nodes at a time', () => {
    const deletes = r.events({ kind: 'DaemonSet', reason: 'SuccessfulDelete' });
    expect(deletes.map((e) => e.time)).toEqual([
      '2024-01-01T00:02:00Z', '2024-01-01T00:02:00Z', '2024-01-01T00:02:06Z', '2024-01-01T00:02:06Z', '2024-01-01T00:02:12Z',
    ]);
    // At every instant something happened after the first rollout: at most 2 nodes without a ready pod.
    const times = [...new Set(r.report.events.map((e) => e.time))].filter((t) => t >= '2024-01-01T00:01:00Z');
    expect(Math.max(...times.map((t) => unavailableAt(r, t)))).toBe(2);
    // Every node ends on nginx:1.17 — worker3's pod, deleted by hand at 5m, too.
    expect(imagesAtEnd(r)).toEqual(WORKERS.map((n) => `${n}=nginx:1.17`));
  });

  test('each replacement is created on the node of the pod it replaces, when that pod is gone', () => {
    const pods = r.podsOf('DaemonSet', 'sample-ds');
    for (const old of pods.filter((p) => p.image === 'nginx:1.16')) {
      const next = pods.find((p) => p.node === old.node && p.created === old.deleted);
      expect(next).toBeDefined();
    }
  });

  test('the same seed gives the same report', () => {
    expect(run('seed-004-sample-ds-rolling-update').toJson()).toBe(r.toJson());
  });
});
