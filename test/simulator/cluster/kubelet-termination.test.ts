/**
 * Termination: the grace period (`terminationGracePeriodSeconds`, default 30 s), the profile's
 * `stopAfter` (how long the process needs after SIGTERM), SIGKILL at the grace period, and pod
 * finalizers holding a stopped pod Terminating until removed.
 */
import type { PodBehaviour } from '../../../lib/simulator/cluster/behaviours';
import type { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { Simulation } from '../../../lib/simulator/simulation';
import { newNode, newPod } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

const nodes = [newNode('w1')];

describe('deletion takes min(stopAfter, grace period); past the grace period the container is killed', () => {
  // kuberuntime_container.go killContainer: SIGTERM, then SIGKILL after gracePeriod; 143 = 128+SIGTERM, 137 = 128+SIGKILL.
  test.each<[string, PodBehaviour, number | undefined, number, number]>([
    ['defaults: the process stops 1 s after SIGTERM (grace 30 s)', {}, undefined, seconds(1), 143],
    ['stopAfter 20 s within the default 30 s grace', { terminationGraceMs: 20_000 }, undefined, seconds(20), 143],
    ['stopAfter 60 s, grace 10 s: killed at 10 s (fails when the grace period did not cap the stop)', { terminationGraceMs: 60_000 }, 10, seconds(10), 137],
    ['stopAfter 60 s, default grace: killed at 30 s', { terminationGraceMs: 60_000 }, undefined, seconds(30), 137],
    ['terminationGracePeriodSeconds 0: gone at once', {}, 0, 0, 137],
    ['a negative grace period is treated as 1 s (the API server\'s warning)', { terminationGraceMs: 5000 }, -5, seconds(1), 137],
  ])('%s', (_what, behaviour, grace, afterDeletion, exitCode) => {
    const sim = new Simulation({ nodes, behaviours: [behaviour] });
    const [pod] = sim.apply([newPod('p', { spec: grace !== undefined ? { terminationGracePeriodSeconds: grace } : {} })]) as SimPod[];
    sim.at(seconds(10), 'delete', (a) => a.deletePods('p'));
    sim.runUntil(seconds(100));
    expect(pod.deletedMs! - pod.deletionMs!).toBe(afterDeletion);
    expect(pod.containerStatuses[0].exitCode).toBe(exitCode);
  });
});

describe('pod finalizers', () => {
  function held() {
    const sim = new Simulation({ nodes });
    const [pod] = sim.apply([{ ...newPod('p'), finalizers: ['example.com/hold', 'example.com/audit'] }]) as SimPod[];
    sim.at(seconds(10), 'delete', (a) => a.deletePods('p'));
    return { sim, pod };
  }

  test('a finalizer holds the stopped pod Terminating (phase Failed) until it is removed', () => {
    const { sim, pod } = held();
    sim.runUntil(seconds(30));
    expect([pod.phase, pod.deletionMs, pod.deletedMs]).toEqual(['Failed', seconds(10), null]);
    sim.at(seconds(40), 'one', (a) => a.removeFinalizers('Pod', 'default', 'p', 'example.com/hold'));
    sim.runUntil(seconds(45));
    expect([pod.finalizers, pod.deletedMs]).toEqual([['example.com/audit'], null]);
    sim.at(seconds(50), 'all', (a) => a.removeFinalizers('Pod', 'default', 'p'));
    sim.runUntil(seconds(55));
    expect(pod.deletedMs).toBe(seconds(50));
  });

  test('removing a finalizer the pod does not carry is an error naming the ones it has', () => {
    const { sim } = held();
    sim.runUntil(seconds(1));
    expect(() => sim.actions.removeFinalizers('Pod', 'default', 'p', 'example.com/nope'))
      .toThrow('Pod default/p has no finalizer "example.com/nope" (finalizers: example.com/hold, example.com/audit)');
  });
});
