/**
 * Property tests over random StatefulSet scenarios (fast-check): whatever the user does — scale,
 * delete, fail, evict, make pods unready, change the image or the partition — the controller keeps
 * the StatefulSet guarantees (reference §1):
 *
 * - never two live pods with one ordinal;
 * - OrderedReady never creates pod i unless pods start..i-1 are Running, Ready, not terminating and
 *   available (minReadySeconds) at that moment;
 * - claims exist before the pod that mounts them;
 * - with the default Retain/Retain policy, no claim is ever deleted.
 */
import fc from 'fast-check';
import { ApiError } from '../../../lib/apiserver/api-errors';
import { podStateAt } from '../../../lib/simulator/cluster/dns';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { ordinalOf } from '../../../lib/simulator/controllers/stateful-set-utils';
import { Simulation } from '../../../lib/simulator/simulation';
import type { UserActions } from '../../../lib/simulator/user-actions';
import { newStatefulSet } from '../../helpers/builders';
import { minutes, seconds } from '../../helpers/instants';

type Step =
| { kind: 'scale'; replicas: number }
| { kind: 'deletePod' | 'failPod' | 'evictPod'; ordinal: number }
| { kind: 'setReady'; ordinal: number; ready: boolean }
| { kind: 'setImage'; version: number }
| { kind: 'partition'; partition: number };

interface Run {
  readonly parallel: boolean;
  readonly minReadySeconds: number;
  readonly whenScaled: 'Retain' | 'Delete';
  readonly readyAfterS: number;
  readonly graceS: number;
  readonly steps: ReadonlyArray<{ atS: number; step: Step }>;
}

const ordinal = fc.integer({ min: 0, max: 5 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constantFrom('deletePod' as const, 'failPod' as const, 'evictPod' as const), ordinal }),
  fc.record({ kind: fc.constant('setReady' as const), ordinal, ready: fc.boolean() }),
  fc.record({ kind: fc.constant('setImage' as const), version: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('partition' as const), partition: fc.integer({ min: 0, max: 4 }) }),
);
const run: fc.Arbitrary<Run> = fc.record({
  parallel: fc.boolean(),
  minReadySeconds: fc.constantFrom(0, 5),
  whenScaled: fc.constantFrom('Retain' as const, 'Delete' as const),
  readyAfterS: fc.integer({ min: 1, max: 10 }),
  graceS: fc.integer({ min: 0, max: 5 }),
  steps: fc.array(fc.record({ atS: fc.integer({ min: 0, max: 120 }).map((n) => n * 5), step }), { maxLength: 10 }),
});

function simulateRun(r: Run): { sim: Simulation; pods: readonly SimPod[] } {
  const sim = new Simulation({ behaviours: [{ readyAfterMs: seconds(r.readyAfterS), terminationGraceMs: seconds(r.graceS) }] });
  sim.apply([newStatefulSet('web', 3, {
    image: 'app:1',
    extra: {
      podManagementPolicy: r.parallel ? 'Parallel' : 'OrderedReady',
      minReadySeconds: r.minReadySeconds,
      persistentVolumeClaimRetentionPolicy: { whenScaled: r.whenScaled, whenDeleted: 'Retain' },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  })]);
  const act = (a: UserActions, s: Step) => {
    const pod = 'ordinal' in s ? `web-${s.ordinal}` : '';
    switch (s.kind) {
      case 'scale': a.scale('StatefulSet', 'default', 'web', s.replicas); break;
      case 'deletePod': a.deletePods(pod); break;
      case 'failPod': a.failPods(pod, 1); break;
      case 'evictPod': a.evictPods(pod); break;
      case 'setReady': a.setReady(pod, s.ready); break;
      case 'setImage': a.setImage('StatefulSet', 'default', 'web', 'app', `app:${s.version}`); break;
      case 'partition': a.patch('StatefulSet', 'default', 'web', { spec: { updateStrategy: { rollingUpdate: { partition: s.partition } } } }); break;
    }
  };
  for (const { atS, step: s } of [...r.steps].sort((a, b) => a.atS - b.atS)) {
    sim.at(seconds(atS), s.kind, (a) => {
      try {
        act(a, s);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    });
  }
  sim.runUntil(minutes(12));
  return { sim, pods: sim.state.history('Pod') };
}

/** When the pod's current Ready streak began at `t` (Running and Ready without a break), or undefined. */
function readySince(pod: SimPod, t: number): number | undefined {
  let since: number | undefined;
  for (const s of pod.timeline) {
    if (s.atMs > t) break;
    const healthy = s.phase === 'Running' && s.ready;
    if (healthy && since === undefined) since = s.atMs;
    if (!healthy) since = undefined;
  }
  return since;
}

test('never two live pods with one ordinal', () => {
  fc.assert(fc.property(run, (r) => {
    const { pods } = simulateRun(r);
    const byName = new Map<string, SimPod[]>();
    for (const p of pods) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    for (const list of byName.values()) {
      for (let i = 1; i < list.length; i++) {
        expect(list[i - 1].deletedMs).not.toBeNull();
        expect(list[i].createdMs).toBeGreaterThanOrEqual(list[i - 1].deletedMs!);
      }
    }
  }), { numRuns: 60, seed: 5 });
});

test('OrderedReady never creates pod i without 0..i-1 Running, Ready, not terminating and available', () => {
  fc.assert(fc.property(run.filter((r) => !r.parallel), (r) => {
    const { pods } = simulateRun(r);
    for (const p of pods) {
      const i = ordinalOf(p.name);
      const t = p.createdMs;
      for (let j = 0; j < i; j++) {
        const live = pods.find((q) => ordinalOf(q.name) === j && q.createdMs <= t && (q.deletedMs === null || q.deletedMs > t));
        expect(live).toBeDefined();
        const s = podStateAt(live!, t)!;
        expect([s.phase, s.ready, s.terminating]).toEqual(['Running', true, false]);
        expect(readySince(live!, t)! + r.minReadySeconds * 1000).toBeLessThanOrEqual(t);
      }
    }
  }), { numRuns: 60, seed: 7 });
});

test('claims exist before their pods; Retain never loses a claim', () => {
  fc.assert(fc.property(run, (r) => {
    const { sim, pods } = simulateRun(r);
    const claims = sim.state.history('PersistentVolumeClaim');
    for (const p of pods) {
      const claim = claims.find((c) => c.name === `data-${p.name}` && c.createdMs <= p.createdMs && (c.deletedMs === null || c.deletedMs > p.createdMs));
      expect(claim).toBeDefined();
    }
    if (r.whenScaled === 'Retain') {
      for (const c of claims) expect([c.name, c.deletionMs]).toEqual([c.name, null]);
    }
  }), { numRuns: 60, seed: 11 });
});

test('runs settle: with no further steps the set converges to spec.replicas healthy pods at the update revision', () => {
  fc.assert(fc.property(run.filter((r) => r.steps.every((s) => s.step.kind !== 'setReady' || s.step.ready)), (r) => {
    const { sim } = simulateRun(r);
    const set = sim.state.get('StatefulSet', 'default', 'web')!;
    const live = sim.state.list('Pod');
    expect(live).toHaveLength(set.spec.replicas);
    expect(live.every((p) => p.phase === 'Running' && p.ready && p.deletionMs === null)).toBe(true);
    const partition = set.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    if (partition === 0) expect(set.status.currentRevision).toBe(set.status.updateRevision);
  }), { numRuns: 40, seed: 13 });
});
