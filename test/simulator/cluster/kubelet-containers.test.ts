/**
 * Exit-code lists across retries (kubelet-exit-codes.ts) and init containers
 * (kubelet-init-containers.ts), table-driven.
 */
import type { PodBehaviour } from '../../../lib/simulator/cluster/behaviours';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import type { SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { Simulation } from '../../../lib/simulator/simulation';
import { newJob, newNode, newPod, newStatefulSet } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const nodes = [newNode('w1'), newNode('w2')];
const podsOf = (sim: Simulation, prefix: string): SimPod[] => sim.state.history('Pod').filter((p) => p.name.startsWith(prefix)) as SimPod[];

describe('exit-code lists continue across a Job\'s replacement pods (per completion index when Indexed)', () => {
  // Job pods are retries of one piece of work: job_controller.go manageJob replaces a failed
  // restartPolicy Never pod with a new one (for an Indexed Job, for the same index).
  const cases: Array<{ title: string; extra: Record<string, unknown>; codes: number[]; phases: string[]; condition: string; failed: number }> = [
    {
      title: 'NonIndexed, [1, 1, 0]: fails twice, then succeeds (fails when each new pod restarts the list at 1)',
      extra: { backoffLimit: 6 }, codes: [1, 1, 0], phases: ['Failed', 'Failed', 'Succeeded'], condition: 'Complete', failed: 2,
    },
    {
      title: 'NonIndexed, [1, 1, 0] with backoffLimit 1: the Job fails on the second failure before the 0 is reached',
      extra: { backoffLimit: 1 }, codes: [1, 1, 0], phases: ['Failed', 'Failed'], condition: 'Failed', failed: 2,
    },
    {
      title: 'Indexed, completions 2, [1, 0]: each index fails once then succeeds (fails when the count is per Job, not per index)',
      extra: { completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimit: 6 }, codes: [1, 0],
      phases: ['Failed', 'Failed', 'Succeeded', 'Succeeded'], condition: 'Complete', failed: 2,
    },
  ];
  test.each(cases)('$title', ({ extra, codes, phases, condition, failed }) => {
    const sim = new Simulation({ nodes, behaviours: [{ match: { job: 'work' }, runForMs: 2000, exitCodes: codes }] });
    const [job] = sim.apply([newJob('work', { extra })]) as SimJob[];
    sim.runUntil(seconds(300));
    expect(podsOf(sim, 'work-').map((p) => p.phase).sort()).toEqual([...phases].sort());
    expect(job.status.conditions.find((c) => c.status === 'True' && (c.type === 'Complete' || c.type === 'Failed'))?.type).toBe(condition);
    expect(job.status.failed).toBe(failed);
  });

  test('another Job with the same profile starts its own list', () => {
    const sim = new Simulation({ nodes, behaviours: [{ match: { job: '*' }, runForMs: 2000, exitCodes: [1, 0] }] });
    sim.apply([newJob('a', { extra: { backoffLimit: 6 } }), newJob('b', { extra: { backoffLimit: 6 } })]);
    sim.runUntil(seconds(120));
    for (const name of ['a', 'b']) expect(podsOf(sim, `${name}-`).map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
  });
});

describe('exit-code lists elsewhere are per pod', () => {
  test('a restartPolicy OnFailure pod consumes its list across restarts in place', () => {
    const sim = new Simulation({ nodes, behaviours: [{ runForMs: 2000, exitCodes: [3, 3, 0] }] });
    const [pod] = sim.apply([newPod('p', { restartPolicy: 'OnFailure' })]) as SimPod[];
    sim.runUntil(seconds(120));
    expect([pod.phase, pod.restarts]).toEqual(['Succeeded', 2]);
  });

  test('a recreated StatefulSet pod starts the list again (fails when the count followed the pod name)', () => {
    const sim = new Simulation({ nodes, behaviours: [{ match: { owner: 'StatefulSet/web' }, runForMs: 2000, exitCodes: [1, 0] }] });
    sim.apply([newStatefulSet('web', 1, { restartPolicy: 'Always' })]);
    sim.runUntil(seconds(20));
    const first = podsOf(sim, 'web-0')[0];
    expect(first.containerStatuses[0].exitCode).toBe(0);
    sim.at(seconds(30), 'delete web-0', (a) => a.deletePods('web-0'));
    sim.runUntil(seconds(33));
    const second = podsOf(sim, 'web-0')[1];
    expect(second.uid).not.toBe(first.uid);
    // Its first run (2 s) exits 1: the first code of a fresh list.
    sim.runUntil(second.startedMs! + 2001);
    expect([second.restarts, second.containerStatuses[0].exitCode]).toEqual([1, 1]);
  });
});

describe('init containers run in order before the main containers', () => {
  const spec = {
    initContainers: [{ name: 'wait-for-db', image: 'busybox' }, { name: 'run-migration', image: 'my-app:1.2.3' }],
  };
  interface Case {
    title: string;
    restartPolicy: 'Always' | 'Never' | 'OnFailure';
    profile: PodBehaviour;
    at: number;
    phase: string;
    initStates: string[];
    started: number | null;
    startedEvents?: string[];
  }
  const cases: Case[] = [
    {
      title: 'defaults: each init container exits 0 at once, main starts at startAfter',
      restartPolicy: 'Always', profile: {}, at: seconds(5), phase: 'Running', initStates: ['terminated:Completed', 'terminated:Completed'], started: seconds(1),
      startedEvents: ['1000 wait-for-db', '1000 run-migration', '1000 app'],
    },
    {
      title: 'wait-for-db takes 20 s, migration 5 s: Pending (Initialized False) until 26 s',
      restartPolicy: 'Always', profile: { containers: { 'wait-for-db': { runForMs: 20_000 }, 'run-migration': { runForMs: 5000 } } },
      at: seconds(25), phase: 'Pending', initStates: ['terminated:Completed', 'running:'], started: null,
    },
    {
      title: '… and Running from 26 s',
      restartPolicy: 'Always', profile: { containers: { 'wait-for-db': { runForMs: 20_000 }, 'run-migration': { runForMs: 5000 } } },
      at: seconds(27), phase: 'Running', initStates: ['terminated:Completed', 'terminated:Completed'], started: seconds(26),
    },
    {
      title: 'restartPolicy Never, wait-for-db exits 1: the pod fails, the next init container never runs',
      restartPolicy: 'Never', profile: { containers: { 'wait-for-db': { runForMs: 3000, exitCodes: [1] } } },
      at: seconds(10), phase: 'Failed', initStates: ['terminated:Error', 'waiting:PodInitializing'], started: null,
    },
    {
      title: 'restartPolicy Always, wait-for-db exits [1, 1, 0]: restarted with back-off 0 s, 10 s, then the rest runs',
      // 1 s start; exits 3 s → restart at once; exits 5 s → back-off 10 s → 15 s; exits 0 at 17 s; main at 17 s.
      restartPolicy: 'Always', profile: { containers: { 'wait-for-db': { runForMs: 2000, exitCodes: [1, 1, 0] } } },
      at: seconds(20), phase: 'Running', initStates: ['terminated:Completed', 'terminated:Completed'], started: seconds(17),
    },
    {
      title: 'restartPolicy OnFailure, wait-for-db keeps failing: Init:CrashLoopBackOff, Pending',
      restartPolicy: 'OnFailure', profile: { containers: { 'wait-for-db': { runForMs: 2000, exitCodes: [1] } } },
      at: seconds(10), phase: 'Pending', initStates: ['waiting:CrashLoopBackOff', 'waiting:PodInitializing'], started: null,
    },
  ];
  test.each(cases)('$title', ({ restartPolicy, profile, at, phase, initStates, started, startedEvents }) => {
    const sim = new Simulation({ nodes, behaviours: [profile] });
    const [pod] = sim.apply([newPod('p', { restartPolicy, spec })]) as SimPod[];
    sim.runUntil(at);
    expect(pod.phase).toBe(phase);
    expect(pod.initContainerStatuses!.map((c) => `${c.state}:${c.reason ?? ''}`)).toEqual(initStates);
    expect(pod.startedMs).toBe(started);
    expect(pod.conditions.find((c) => c.type === 'Initialized')?.status).toBe(started !== null ? 'True' : 'False');
    if (startedEvents) expect(sim.trace.filter({ reason: 'Started' }).map((e) => `${e.atMs} ${e.message.replace('Started container ', '')}`)).toEqual(startedEvents);
  });

  test('the init back-off is recorded with the init container\'s name; restartCount counts init restarts', () => {
    const sim = new Simulation({ nodes, behaviours: [{ containers: { 'wait-for-db': { runForMs: 2000, exitCodes: [1, 1, 0] } } }] });
    const [pod] = sim.apply([newPod('p', { spec })]) as SimPod[];
    sim.runUntil(seconds(30));
    expect(sim.trace.filter({ reason: 'BackOff' }).map((e) => e.message)).toEqual([`Back-off restarting failed container wait-for-db in pod p_default(${pod.uid})`]);
    expect(pod.initContainerStatuses![0].restartCount).toBe(2);
    expect(pod.restarts).toBe(0);
  });

  test('a Job pod\'s init container exit codes continue across the replacement pods', () => {
    const sim = new Simulation({ nodes, behaviours: [{ match: { job: 'migrate' }, containers: { 'wait-for-db': { runForMs: 1000, exitCodes: [1, 0] } } }] });
    const [job] = sim.apply([newJob('migrate', { spec, extra: { backoffLimit: 3 } })]) as SimJob[];
    sim.runUntil(seconds(120));
    expect(podsOf(sim, 'migrate-').map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    expect(job.status.succeeded).toBe(1);
  });

  test('a main container named in `containers` drives the pod\'s run', () => {
    const sim = new Simulation({ nodes, behaviours: [{ runForMs: 60_000, containers: { app: { runForMs: 3000, exitCodes: [4] } } }] });
    const [pod] = sim.apply([newPod('p', { restartPolicy: 'Never' })]) as SimPod[];
    sim.runUntil(seconds(10));
    expect([pod.phase, pod.containerStatuses[0].exitCode, pod.finishedMs]).toEqual(['Failed', 4, seconds(4)]);
  });

  test('deleting a pod during init stops the running init container (Killing) after the grace period', () => {
    const sim = new Simulation({ nodes, behaviours: [{ terminationGraceMs: 2000, containers: { 'wait-for-db': { runForMs: 'forever' } } }] });
    const [pod] = sim.apply([newPod('p', { spec })]) as SimPod[];
    sim.at(seconds(5), 'delete', (a) => a.deletePods('p'));
    sim.runUntil(seconds(10));
    expect(sim.trace.filter({ reason: 'Killing' }).map((e) => `${e.atMs} ${e.message}`)).toEqual(['5000 Stopping container wait-for-db']);
    expect(pod.deletedMs).toBe(seconds(7));
  });
});
