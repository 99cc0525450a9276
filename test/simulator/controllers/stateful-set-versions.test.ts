/**
 * The StatefulSet controller across Kubernetes versions, each row on both sides: the
 * `maxUnavailable` rolling update (MaxUnavailableStatefulSet, KEP-961,
 * `updateStatefulSetAfterInvariantEstablished`), its minReadySeconds counting (1.35, kubernetes#112307),
 * the `apps.kubernetes.io/pod-index` label (PodIndexLabel, KEP-4017) and `getStartOrdinal` with
 * StatefulSetStartOrdinal off. Gates come from `gatesWith`, not the table.
 */
import type { Draft } from '../../../lib/simulator/cluster/factories';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { STATEFUL_SET_POD_EVENTS } from '../../../lib/simulator/controllers/control';
import { controllerRevisionName, templateHash } from '../../../lib/simulator/controllers/revision';
import { StatefulSetController } from '../../../lib/simulator/controllers/stateful-set-controller';
import { newPodDraft, POD_INDEX_LABEL } from '../../../lib/simulator/controllers/stateful-set-utils';
import {
  effectiveSet, STATEFUL_SET_RULES_1_27, statefulSetMaxUnavailable, statefulSetRules,
} from '../../../lib/simulator/controllers/stateful-set-versions';
import { Simulation } from '../../../lib/simulator/simulation';
import { harness, newNode, newPvc, newStatefulSet, podTemplate } from '../../helpers/builders';
import { fakeContext } from '../../helpers/fakes';
import { gatesWith } from '../../helpers/gates-with';
import { seconds } from '../../helpers/instants';
import type { FeatureGates } from '../../../lib/versions/feature-gates';

/** The gates already on in 1.27 that the StatefulSet controller reads (so a filled gate table keeps them on here). */
const BASE = { StatefulSetStartOrdinal: true, StatefulSetAutoDeletePVC: true } as const;
const ON = (minor = 27) => gatesWith({ ...BASE, MaxUnavailableStatefulSet: true }, { minor });
const OFF = (minor = 27) => gatesWith(BASE, { minor });

interface Row {
  gates: FeatureGates;
  replicas: number;
  rollingUpdate: Record<string, unknown>;
  parallel?: boolean;
  minReadySeconds?: number;
  /** Pods by ordinal: `R` Running+Ready old, `Rn` Running+Ready new, `Pn` Pending new. */
  pods: Record<number, 'R' | 'Rn' | 'Pn'>;
  readyForMs?: number;
  deleted: string[];
}

/** A set whose template changed: pods marked old are at the previous revision. */
function rollingUpdateSync(r: Row): string[] {
  const h = harness();
  const oldTemplate = podTemplate('web', { image: 'nginx:1.24' });
  const set = h.add(newStatefulSet('web', r.replicas, {
    image: 'nginx:1.25',
    extra: {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, ...r.rollingUpdate } },
      ...(r.parallel ? { podManagementPolicy: 'Parallel' } : {}),
      ...(r.minReadySeconds ? { minReadySeconds: r.minReadySeconds } : {}),
    },
  }));
  const oldRevision = controllerRevisionName('web', templateHash(oldTemplate));
  const newRevision = controllerRevisionName('web', templateHash(set.spec.template));
  h.state.update(set, (s) => { s.status = { ...s.status, currentRevision: oldRevision, updateRevision: newRevision }; });
  const start = h.now;
  for (const [ord, code] of Object.entries(r.pods)) {
    const isNew = code.endsWith('n');
    const pod = h.add(newPodDraft(set, isNew ? set.spec.template : oldTemplate, Number(ord), isNew ? newRevision : oldRevision) as Draft<SimPod>);
    h.setPod(pod, { node: 'worker1', phase: code.startsWith('P') ? 'Pending' : 'Running', ready: code.startsWith('R'), readySinceMs: start, terminating: false });
  }
  h.setNow(start + (r.readyForMs ?? seconds(60)));
  const f = fakeContext(h, { podEvents: STATEFUL_SET_POD_EVENTS, gates: r.gates });
  const controller = new StatefulSetController(f.ctx);
  (controller as unknown as { templates: Map<string, Map<string, unknown>> }).templates.set(set.uid, new Map([[oldRevision, oldTemplate]]));
  controller.sync('default/web', h.now);
  return f.pods.deletes;
}

const allOld = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i, 'R' as const]));

describe('rolling update with maxUnavailable (updateStatefulSetAfterInvariantEstablished)', () => {
  const rows: Record<string, Row> = {
    'gate off: one pod at a time, maxUnavailable ignored (1.27 updateStatefulSet)': {
      gates: OFF(), replicas: 5, rollingUpdate: { maxUnavailable: 2 }, pods: allOld(5), deleted: ['web-4'],
    },
    'gate on: the two highest old pods at once': {
      gates: ON(), replicas: 5, rollingUpdate: { maxUnavailable: 2 }, pods: allOld(5), deleted: ['web-4', 'web-3'],
    },
    'gate on, 50% of 5 rounds down to 2': {
      gates: ON(), replicas: 5, rollingUpdate: { maxUnavailable: '50%' }, pods: allOld(5), deleted: ['web-4', 'web-3'],
    },
    'gate on, 10% of 5 rounds down to 0, raised to 1': {
      gates: ON(), replicas: 5, rollingUpdate: { maxUnavailable: '10%' }, pods: allOld(5), deleted: ['web-4'],
    },
    'gate on, unset maxUnavailable defaults to 1': {
      gates: ON(), replicas: 5, rollingUpdate: {}, pods: allOld(5), deleted: ['web-4'],
    },
    'gate on, partition 3: only ordinals ≥ 3': {
      gates: ON(), replicas: 5, rollingUpdate: { maxUnavailable: 3, partition: 3 }, pods: allOld(5), deleted: ['web-4', 'web-3'],
    },
    'gate off, Parallel, web-4 updated but Pending: waits for it': {
      gates: OFF(), replicas: 5, parallel: true, rollingUpdate: { maxUnavailable: 2 }, pods: { ...allOld(4), 4: 'Pn' }, deleted: [],
    },
    'gate on, Parallel, web-4 updated but Pending counts 1 of 2: deletes web-3': {
      gates: ON(), replicas: 5, parallel: true, rollingUpdate: { maxUnavailable: 2 }, pods: { ...allOld(4), 4: 'Pn' }, deleted: ['web-3'],
    },
    'gate on, 1.34: Ready 10 s of minReadySeconds 30 is healthy (!isHealthy), two deleted': {
      gates: ON(34), replicas: 5, parallel: true, minReadySeconds: 30, rollingUpdate: { maxUnavailable: 2 },
      pods: { ...allOld(4), 4: 'Rn' }, readyForMs: seconds(10), deleted: ['web-3', 'web-2'],
    },
    'gate on, 1.35: not yet available counts as unavailable (kubernetes#112307), none deleted': {
      gates: ON(35), replicas: 5, parallel: true, minReadySeconds: 30, rollingUpdate: { maxUnavailable: 2 },
      pods: { ...allOld(4), 4: 'Rn' }, readyForMs: seconds(10), deleted: [],
    },
  };
  test.each(Object.entries(rows))('%s', (_, r) => {
    expect(rollingUpdateSync(r)).toEqual(r.deleted);
  });
});

describe('getStatefulSetMaxUnavailable', () => {
  test.each([
    [undefined, 4, 1], [3, 4, 3], ['50%', 5, 2], ['1%', 5, 1], ['100%', 4, 4], ['x', 4, undefined],
  ])('maxUnavailable %p of %i replicas → %p', (v, replicas, expected) => {
    const set = { spec: { replicas, updateStrategy: { type: 'RollingUpdate', rollingUpdate: v === undefined ? {} : { maxUnavailable: v } } } };
    expect(statefulSetMaxUnavailable(set as never)).toBe(expected);
  });
});

describe('apps.kubernetes.io/pod-index (PodIndexLabel, kubernetes#119232)', () => {
  test.each([
    ['gate off (1.27)', gatesWith(BASE), undefined],
    ['gate on (1.28+)', gatesWith({ ...BASE, PodIndexLabel: true }, { minor: 28 }), '0'],
  ])('%s', (_, gates, expected) => {
    const h = harness();
    h.add(newStatefulSet('web', 1));
    const f = fakeContext(h, { podEvents: STATEFUL_SET_POD_EVENTS, gates });
    new StatefulSetController(f.ctx).sync('default/web', h.now);
    expect(f.pods.creates[0].labels[POD_INDEX_LABEL]).toBe(expected);
  });
});

describe('getStartOrdinal with StatefulSetStartOrdinal off', () => {
  test('the set is read with ordinals.start 0; on, unchanged', () => {
    const h = harness();
    const set = h.add(newStatefulSet('web', 2, { extra: { ordinals: { start: 3 } } }));
    expect(effectiveSet(set, { ...STATEFUL_SET_RULES_1_27, startOrdinal: false }).spec.ordinals.start).toBe(0);
    expect(effectiveSet(set, STATEFUL_SET_RULES_1_27)).toBe(set);
    expect(set.spec.ordinals.start).toBe(3);
  });

  test('1.27 defaults: maxUnavailable and pod-index off, start ordinal read', () => {
    expect(statefulSetRules(gatesWith(BASE))).toEqual(STATEFUL_SET_RULES_1_27);
  });

  test('recreate on the next sync from 1.30', () => {
    expect([29, 30].map((minor) => statefulSetRules(gatesWith(BASE, { minor })).recreateNextSync)).toEqual([false, true]);
  });
});

describe('a Failed replica: recreated in the same sync until 1.29, on the next sync without an event from 1.30 (kubernetes#123809)', () => {
  test.each([
    ['1.29', 29, ['RecreatingFailedPod', 'SuccessfulDelete', 'SuccessfulCreate']],
    ['1.30', 30, ['SuccessfulDelete', 'SuccessfulCreate']],
  ])('%s: events after web-1 is evicted', (_, minor, reasons) => {
    const sim = new Simulation({ nodes: [newNode('w1')], featureGates: gatesWith(BASE, { minor }) });
    sim.apply([newStatefulSet('web', 2)]);
    sim.at(seconds(30), 'evict web-1', (a) => a.evictPods('web-1'));
    sim.runUntil(seconds(60));
    const after = sim.trace.filter({ kind: 'StatefulSet', name: 'web' }).filter((e) => e.atMs >= seconds(30));
    expect(after.map((e) => e.reason)).toEqual(reasons);
    // Both recreate web-1 at once: 1.30 on the sync its removal triggers.
    expect(after.at(-1)!.atMs).toBe(seconds(30));
    const pods = sim.state.history('Pod').filter((p) => p.name === 'web-1');
    expect(pods.map((p) => p.phase)).toEqual(['Failed', 'Running']);
  });
});

describe('StatefulSetAutoDeletePVC turned off: no retention policy handling (KEP-1847, gated upstream)', () => {
  const claimTemplate = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
  function scaledDown(autoDeletePvc: boolean) {
    const h = harness();
    const set = h.add(newStatefulSet('web', 2, { extra: { volumeClaimTemplates: claimTemplate, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Delete' } } }));
    const f = fakeContext(h, { podEvents: STATEFUL_SET_POD_EVENTS, gates: gatesWith(BASE) });
    const controller = new StatefulSetController(f.ctx);
    // The rules as a run with the gate off derives them (the gate table decides; not read here).
    (controller as unknown as { rules: object }).rules = { ...STATEFUL_SET_RULES_1_27, autoDeletePvc };
    return { h, set, f, controller };
  }
  test.each([
    ['on: the created claim gets the StatefulSet owner (whenDeleted Delete)', true, [['www-web-0', ['StatefulSet/web']]]],
    ['off: the claim is left without owners', false, []],
  ])('%s', (_, on, updates) => {
    const { h, f, controller } = scaledDown(on);
    controller.sync('default/web', h.now);
    expect(f.claims.ownerUpdates.map((u) => [u.claim, u.refs.map((r) => `${r.kind}/${r.name}`)])).toEqual(updates);
  });

  test('off: a claim still owned by the previous pod is not waited for', () => {
    const { h, f, controller } = scaledDown(false);
    const pvc = h.add(newPvc('www-web-0'));
    h.state.update(pvc, (p) => { p.ownerReferences = [{ apiVersion: 'v1', kind: 'Pod', name: 'web-0', uid: 'uid-gone' }]; });
    controller.sync('default/web', h.now);
    expect(f.pods.createdNames).toEqual(['web-0']);
  });
});
