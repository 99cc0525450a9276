/**
 * schedulingGates (KEP-3521 PodSchedulingReadiness, beta and on in 1.27): a gated pod is not
 * scheduled (`schedulinggates` PreEnqueue), shows PodScheduled=False reason SchedulingGated
 * (pod strategy applySchedulingGatedCondition), and is scheduled once an update removes its last
 * gate; updates may only remove gates (validateOnlyDeletedSchedulingGates).
 */
import { validateUpdate } from '../../../lib/apiserver/update-validation';
import { validate } from '../../../lib/apiserver/validate';
import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { simulate } from '../../../lib/simulator';
import { Simulation } from '../../../lib/simulator/simulation';
import { ScenarioError } from '../../../lib/simulator/scenario/scenario-error';
import { newPod } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const gated = (name: string, gates: string[]) => newPod(name, { spec: { containers: [{ name: 'app', image: 'busybox' }], schedulingGates: gates.map((g) => ({ name: g })) } });

test('a gated pod stays Pending with PodScheduled=False SchedulingGated, and no FailedScheduling event', () => {
  const sim = new Simulation({ validateUpdate });
  const [pod] = sim.apply([gated('a', ['example.com/quota'])]) as SimPod[];
  sim.runUntil(seconds(30));
  expect(pod.nodeName).toBeNull();
  expect(pod.phase).toBe('Pending');
  expect(pod.conditions.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' });
  expect(sim.trace.filter({ reason: 'FailedScheduling' })).toEqual([]);
});

test('removing one of two gates keeps the pod gated; removing the last schedules it', () => {
  const sim = new Simulation({ validateUpdate });
  const [pod] = sim.apply([gated('a', ['g1', 'g2'])]) as SimPod[];
  sim.at(seconds(5), 'remove g1', (a) => a.patch('Pod', 'default', 'a', { spec: { schedulingGates: [{ name: 'g2' }] } }));
  sim.runUntil(seconds(10));
  expect(pod.nodeName).toBeNull();
  sim.at(seconds(15), 'remove g2', (a) => a.patch('Pod', 'default', 'a', { spec: { schedulingGates: null } }));
  sim.runUntil(seconds(20));
  expect(pod.nodeName).not.toBeNull();
  expect(pod.scheduledMs).toBe(seconds(15));
  expect(pod.conditions.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True' });
});

test('fails when a patch adds a gate: only deletion is allowed (ValidatePodUpdate)', () => {
  const sim = new Simulation({ validateUpdate });
  sim.apply([gated('a', ['g1'])]);
  expect(() => sim.actions.patch('Pod', 'default', 'a', { spec: { schedulingGates: [{ name: 'g1' }, { name: 'g2' }] } }))
    .toThrow('Pod "a" is invalid: spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate \'g2\'');
  expect(() => sim.actions.patch('Pod', 'default', 'a', { spec: { restartPolicy: 'Never' } })).toThrow(/spec: Forbidden: pod updates may not change fields other than/);
});

test('an ungated pod is unaffected', () => {
  const sim = new Simulation();
  const [pod] = sim.apply([newPod('a')]) as SimPod[];
  sim.runUntil(0);
  expect(pod.nodeName).not.toBeNull();
});

describe('validateSchedulingGates on create', () => {
  const pod = (gates: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x:1' }], schedulingGates: gates } });
  test.each<[string, unknown[], string | undefined]>([
    ['a qualified name', [{ name: 'example.com/foo' }], undefined],
    ['a duplicate', [{ name: 'foo' }, { name: 'foo' }], 'spec.schedulingGates[1]: Duplicate value: "foo"'],
    ['not a qualified name', [{ name: 'Not A Name' }], 'spec.schedulingGates[0]: Invalid value: "Not A Name"'],
  ])('%s', (_n, gates, error) => {
    const r = validate(pod(gates));
    if (error === undefined) expect(r.issues).toEqual([]);
    else expect(r.issues.map((i) => i.message).join('\n')).toContain(error);
  });
});

test('end to end: a scenario `patch` of the Pod removes the gate, and a patch adding one is rejected', () => {
  const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: gated}\nspec:\n  schedulingGates: [{name: example.com/approval}]\n  containers: [{name: app, image: "busybox:1.36"}]\n';
  const r = simulate(manifest, 'until: 2m\nsteps:\n  - { at: 1m, patch: { kind: Pod, name: gated, patch: { spec: { schedulingGates: null } } } }\n');
  const scheduled = r.events({ reason: 'Scheduled' });
  expect(scheduled.map((e) => Date.parse(e.time) - r.scenario.startEpochMs)).toEqual([60_000]);
  expect(r.report.pods.find((p) => p.name === 'gated')!.node).not.toBeNull();
  expect(() => simulate(manifest, 'until: 2m\nsteps:\n  - { at: 1m, patch: { kind: Pod, name: gated, patch: { spec: { schedulingGates: [{name: a}, {name: b}] } } } }\n'))
    .toThrow(ScenarioError);
});
