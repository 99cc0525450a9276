/**
 * Sidecar containers (KEP-753, SidecarContainers) in the kubelet stand-in, each row on both sides:
 * gate off (1.27: an init container like any other), on at 1.28 (alpha: termination unordered) and
 * at 1.29 (beta: sidecars stopped after the main containers, in reverse order, kubernetes#120620).
 * Gates come from `gatesWith`, not the table.
 */
import type { PodBehaviour } from '../../../lib/simulator/cluster/behaviours';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import type { SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { Simulation } from '../../../lib/simulator/simulation';
import { newJob, newNode, newPod } from '../../helpers/builders';
import { gatesWith } from '../../helpers/gates-with';
import { seconds } from '../../helpers/instants';

const nodes = [newNode('w1')];
const OFF = gatesWith({}, { minor: 27 });
const ALPHA = gatesWith({ SidecarContainers: true }, { minor: 28 });
const BETA = gatesWith({ SidecarContainers: true }, { minor: 29 });

const sidecar = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'envoy:1.29', restartPolicy: 'Always', ...extra });
const spec = (...initContainers: Array<Record<string, unknown>>) => ({ initContainers }) as never;

function run(gates: ReturnType<typeof gatesWith>, profile: PodBehaviour, podSpec: never, untilMs: number, o: { restartPolicy?: 'Always' | 'Never' | 'OnFailure'; deleteAt?: number } = {}) {
  const sim = new Simulation({ nodes, behaviours: [profile], featureGates: gates });
  const [pod] = sim.apply([newPod('p', { restartPolicy: o.restartPolicy ?? 'Always', spec: podSpec })]) as SimPod[];
  if (o.deleteAt !== undefined) sim.at(o.deleteAt, 'delete', (a) => a.deletePods('p'));
  sim.runUntil(untilMs);
  const events = (reason: string) => sim.trace.filter({ reason, kind: 'Pod', name: 'p' }).map((e) => `${e.atMs} ${e.message.replace(/^(Started|Stopping) container /, '')}`);
  return { sim, pod, events };
}

describe('a restartable init container starts and keeps running', () => {
  const forever: PodBehaviour = { containers: { proxy: { runForMs: 'forever' } } };
  test.each([
    // 1.27: restartPolicy Always is not a sidecar; a forever init container blocks the pod.
    ['gate off: blocks the main containers (an ordinary init container)', OFF, 'Pending', 'running', null],
    // KEP-753: started at once without a startupProbe, the main containers start beside it.
    ['gate on (1.28): the main containers start beside it', ALPHA, 'Running', 'running', seconds(1)],
    ['gate on (1.29)', BETA, 'Running', 'running', seconds(1)],
  ])('%s', (_, gates, phase, sidecarState, started) => {
    const { pod } = run(gates, forever, spec(sidecar('proxy')), seconds(30));
    expect([pod.phase, pod.initContainerStatuses![0].state, pod.startedMs]).toEqual([phase, sidecarState, started]);
  });

  test('the next init container waits for a sidecar with a startupProbe until it is started (readyAfter)', () => {
    const profile: PodBehaviour = { containers: { proxy: { readyAfterMs: 3000 } } };
    const { pod, events } = run(BETA, profile, spec(sidecar('proxy', { startupProbe: { exec: { command: ['true'] } } }), { name: 'migrate', image: 'app' }), seconds(30));
    expect(events('Started')).toEqual(['1000 proxy', '4000 migrate', '4000 app']);
    expect(pod.startedMs).toBe(seconds(4));
  });

  test('without a startupProbe the next init container starts at once', () => {
    const { events } = run(BETA, { containers: { proxy: { readyAfterMs: 3000 } } }, spec(sidecar('proxy'), { name: 'migrate', image: 'app' }), seconds(30));
    expect(events('Started')).toEqual(['1000 proxy', '1000 migrate', '1000 app']);
  });
});

describe('sidecar readiness counts for the pod (GenerateContainersReadyCondition)', () => {
  test.each([
    ['gate off: readyAfter of the sidecar is irrelevant (it exited 0 at once)', OFF, seconds(5)],
    ['gate on: Ready only when the slower sidecar is (1 s + 10 s)', BETA, seconds(11)],
  ])('%s', (_, gates, readyAt) => {
    const { pod } = run(gates, { readyAfterMs: 4000, containers: { proxy: { readyAfterMs: 10_000, runForMs: gates === OFF ? 0 : 'forever' } } }, spec(sidecar('proxy')), seconds(30));
    expect(pod.readyMs).toBe(readyAt);
  });

  test('a sidecar that exits is restarted (whatever the pod restartPolicy) with back-off; the pod is not Ready meanwhile', () => {
    // Starts 1 s, exits 6 s (restart at once), exits 11 s (back-off 10 s → 21 s).
    const { pod, events } = run(BETA, { containers: { proxy: { runForMs: 5000, exitCodes: [1], readyAfterMs: 1000 } } }, spec(sidecar('proxy')), seconds(15), { restartPolicy: 'Never' });
    expect(events('Started')).toEqual(['1000 proxy', '1000 app', '6000 proxy']);
    expect(events('BackOff')).toHaveLength(1);
    expect([pod.phase, pod.ready, pod.initContainerStatuses![0].restartCount, pod.initContainerStatuses![0].reason]).toEqual(['Running', false, 1, 'CrashLoopBackOff']);
  });
});

describe('a Job pod with a sidecar completes when its main container does', () => {
  test.each([
    ['1.28', ALPHA],
    ['1.29', BETA],
  ])('%s: main exits 0 at 11 s; the sidecar is stopped (1 s); Succeeded at 12 s and the Job Complete', (_, gates) => {
    const sim = new Simulation({ nodes, featureGates: gates, behaviours: [{ match: { job: 'work' }, runForMs: 10_000, containers: { proxy: { runForMs: 'forever' } } }] });
    const [job] = sim.apply([newJob('work', { spec: spec(sidecar('proxy')) })]) as SimJob[];
    sim.runUntil(seconds(30));
    const pod = sim.state.history('Pod').find((p) => p.name.startsWith('work-')) as SimPod;
    expect([pod.phase, pod.finishedMs, pod.initContainerStatuses![0].state, pod.containerStatuses[0].exitCode]).toEqual(['Succeeded', seconds(12), 'terminated', 0]);
    expect(sim.trace.filter({ reason: 'Killing' }).map((e) => `${e.atMs} ${e.message}`)).toEqual(['11000 Stopping container proxy']);
    expect(job.status.conditions.some((c) => c.type === 'Complete' && c.status === 'True')).toBe(true);
  });

  test('gate off: the forever init container keeps the Job pod Pending', () => {
    const sim = new Simulation({ nodes, featureGates: OFF, behaviours: [{ match: { job: 'work' }, runForMs: 10_000, containers: { proxy: { runForMs: 'forever' } } }] });
    const [job] = sim.apply([newJob('work', { spec: spec(sidecar('proxy')) })]) as SimJob[];
    sim.runUntil(seconds(30));
    expect(job.status.succeeded).toBe(0);
  });
});

describe('deletion: sidecars stop after the main containers from 1.29 (kubernetes#120620)', () => {
  const profile: PodBehaviour = { terminationGraceMs: 2000, containers: { a: { runForMs: 'forever' }, b: { runForMs: 'forever' } } };
  test.each([
    ['1.28: everything at once, gone at 12 s', ALPHA, ['10000 app', '10000 a', '10000 b'], seconds(12)],
    ['1.29: app, then b, then a (reverse order), 2 s each, gone at 16 s', BETA, ['10000 app', '12000 b', '14000 a'], seconds(16)],
  ])('%s', (_, gates, killing, goneAt) => {
    const { pod, events } = run(gates, profile, spec(sidecar('a'), sidecar('b')), seconds(30), { deleteAt: seconds(10) });
    expect(events('Killing')).toEqual(killing);
    expect(pod.deletedMs).toBe(goneAt);
  });

  test('1.29, grace 5 s: app down at 12 s, b at 14 s, a killed at the grace period (15 s, 137)', () => {
    const sim = new Simulation({ nodes, featureGates: BETA, behaviours: [profile] });
    const [pod] = sim.apply([newPod('p', { spec: { initContainers: [sidecar('a'), sidecar('b')], terminationGracePeriodSeconds: 5 } as never })]) as SimPod[];
    sim.at(seconds(10), 'delete', (a) => a.deletePods('p'));
    const exits: Array<[string, number | null]> = [];
    sim.runUntil(seconds(15) - 1);
    exits.push(...pod.initContainerStatuses!.map((c) => [c.name, c.exitCode] as [string, number | null]));
    sim.runUntil(seconds(30));
    expect(exits).toEqual([['a', null], ['b', 143]]);
    expect(pod.initContainerStatuses!.map((c) => c.exitCode)).toEqual([137, 143]);
    expect(pod.deletedMs).toBe(seconds(15));
  });
});

describe('the pod ends while a sidecar runs', () => {
  test('restartPolicy Never, the next init container fails: the pod fails and the sidecar is killed (137)', () => {
    const profile: PodBehaviour = { containers: { proxy: { runForMs: 'forever' }, migrate: { runForMs: 3000, exitCodes: [1] } } };
    const { pod } = run(BETA, profile, spec(sidecar('proxy'), { name: 'migrate', image: 'app' }), seconds(10), { restartPolicy: 'Never' });
    expect([pod.phase, pod.initContainerStatuses!.map((c) => `${c.name}:${c.state}:${c.exitCode}`)]).toEqual(['Failed', ['proxy:terminated:137', 'migrate:terminated:1']]);
  });

  test('evicted: the sidecar is killed with the main containers, and not restarted', () => {
    const sim = new Simulation({ nodes, featureGates: BETA, behaviours: [{ containers: { proxy: { runForMs: 'forever' } } }] });
    const [pod] = sim.apply([newPod('p', { spec: spec(sidecar('proxy')) })]) as SimPod[];
    sim.at(seconds(10), 'evict', (a) => a.evictPods('p'));
    sim.runUntil(seconds(60));
    expect([pod.phase, pod.reason, pod.initContainerStatuses![0].state, pod.initContainerStatuses![0].exitCode]).toEqual(['Failed', 'Evicted', 'terminated', 137]);
    expect(sim.trace.filter({ reason: 'Started', kind: 'Pod', name: 'p' }).filter((e) => e.atMs > seconds(10))).toEqual([]);
  });
});

test('deleted while a sidecar waits for its startupProbe: one Killing for it, the pod gone after stopAfter', () => {
  const profile: PodBehaviour = { terminationGraceMs: 2000, containers: { proxy: { runForMs: 'forever', readyAfterMs: 60_000 } } };
  const { pod, events } = run(BETA, profile, spec(sidecar('proxy', { startupProbe: { exec: { command: ['true'] } } })), seconds(30), { deleteAt: seconds(10) });
  expect(events('Killing')).toEqual(['10000 proxy']);
  expect(pod.deletedMs).toBe(seconds(12));
});

test('deleted while completing (main exited, sidecar stopping): no Killing for the exited main container', () => {
  const sim = new Simulation({ nodes, featureGates: BETA, behaviours: [{ runForMs: 5000, terminationGraceMs: 3000, containers: { proxy: { runForMs: 'forever' } } }] });
  sim.apply([newPod('p', { restartPolicy: 'Never', spec: spec(sidecar('proxy')) })]);
  // app exits at 6 s; proxy gets SIGTERM at 6 s and needs 3 s; the pod is deleted at 7 s.
  sim.at(seconds(7), 'delete', (a) => a.deletePods('p'));
  sim.runUntil(seconds(30));
  expect(sim.trace.filter({ reason: 'Killing', kind: 'Pod', name: 'p' }).map((e) => `${e.atMs} ${e.message}`)).toEqual(['6000 Stopping container proxy']);
});
