/**
 * The DaemonSet controller's rolling update at scale: `daemonset-rolling-update` times one
 * `setImage` rollout with the default `maxUnavailable: 1` on 5,000 nodes against the same rollout
 * on 2,500 nodes. With `maxUnavailable: 1` the nodes are replaced one after another, so the
 * rollout is N sequential rounds (delete the old pod, wait for it to go, create, schedule, start,
 * become Ready); the real controller rescans every node each round (O(N²)), the simulator must stay
 * linear: ratio target 2.2 (2 = perfectly linear). `daemonset-rolling-update-surge` does the same
 * with `maxSurge: 10%, maxUnavailable: 0` (new pods beside the old ones, 10 % of the nodes at a
 * time).
 *
 * Each repetition builds both clusters (only the DaemonSet controller registered) and runs their
 * initial rollout untimed, then times the two rolling updates interleaved (A first on even
 * repetitions, B first on odd ones), checks that every node ends Ready on the new image, and reports
 * the median ratio plus the simulated events per second of wall time of the larger run.
 */
import { daemonSetDraft } from '../lib/simulator/cluster/factories';
import { daemonSetControllerRegistration } from '../lib/simulator/controllers/daemon-set-controller';
import { Simulation } from '../lib/simulator/simulation';
import { BenchResult, collectGarbage, interleaveRuns, median, round } from './util';

const LARGE = 5_000;
const SMALL = 2_500;
const SECOND = 1_000;

/** A cluster of `nodes` workers running the `agent` DaemonSet, its first rollout complete. */
function prepare(nodes: number, rollingUpdate: Record<string, unknown>): Simulation {
  const sim = new Simulation({
    seed: 7,
    nodes: Array.from({ length: nodes }, (_, i) => ({ name: `node-${String(i + 1).padStart(5, '0')}` })),
    controllers: [daemonSetControllerRegistration],
  });
  sim.apply([daemonSetDraft({
    namespace: 'kube-system', name: 'agent',
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1.0' }] } },
    },
  })]);
  // Initial rollout: 250 creates per sync with slow start, then every pod Ready after 5 s.
  sim.runFor(60 * SECOND);
  assertRolledOut(sim, nodes, 'agent:1.0');
  return sim;
}

/** Sets the new image and runs until every node runs it; returns the simulated events processed. */
function rollOut(sim: Simulation, nodes: number): number {
  const before = sim.eventsProcessed;
  sim.actions.setImage('DaemonSet', 'kube-system', 'agent', 'agent', 'agent:2.0');
  // maxUnavailable 1: about 6 simulated seconds per node (1 s grace, 1 s start, 4 s to Ready).
  sim.runFor(nodes * 7 * SECOND);
  assertRolledOut(sim, nodes, 'agent:2.0');
  return sim.eventsProcessed - before;
}

function assertRolledOut(sim: Simulation, nodes: number, image: string): void {
  const ds = sim.state.get('DaemonSet', 'kube-system', 'agent')!;
  const pods = sim.state.podsOwnedBy(ds.uid).filter((p) => p.ready && p.deletionMs === null && p.spec.containers[0].image === image);
  if (pods.length !== nodes || ds.status.updatedNumberScheduled !== nodes) {
    throw new Error(`rollout to ${image} incomplete: ${pods.length} ready pods, status ${JSON.stringify(ds.status)}`);
  }
}

async function compareRollouts(rollingUpdate: Record<string, unknown>, repetitions: number) {
  // One unmeasured round warms the JIT.
  rollOut(prepare(SMALL, rollingUpdate), SMALL);
  const time = (sim: Simulation, n: number) => {
    collectGarbage();
    const start = process.hrtime.bigint();
    const events = rollOut(sim, n);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, events };
  };
  // Each repetition builds both clusters, untimed, before timing either rollout, and lets them go
  // after it, so the next repetition's clusters are built without the last ones still held.
  let simA: Simulation | undefined;
  let simB: Simulation | undefined;
  const { a, b, ratios } = await interleaveRuns(() => time(simA!, LARGE), () => time(simB!, SMALL), repetitions, {
    beforeEach: () => {
      simA = prepare(LARGE, rollingUpdate);
      simB = prepare(SMALL, rollingUpdate);
    },
    afterEach: () => {
      simA = simB = undefined;
    },
  });
  const msA = median(a.map((r) => r.ms));
  const eventsA = a.length > 0 ? a[a.length - 1].events : 0;
  return { ratio: median(ratios), msA, msB: median(b.map((r) => r.ms)), eventsA, eventsPerSecond: eventsA / (msA / 1000) };
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const repetitions = Number(process.env.BENCH_REPETITIONS) || 3;
  const serial = await compareRollouts({ maxUnavailable: 1, maxSurge: 0 }, repetitions);
  const surge = await compareRollouts({ maxUnavailable: 0, maxSurge: '10%' }, repetitions);
  return [
    {
      name: 'daemonset-rolling-update',
      ratio: round(serial.ratio),
      target: 2.2,
      unit: 'x',
      detail: `setImage rollout, maxUnavailable 1: ${LARGE} nodes ${round(serial.msA, 1)} ms (${serial.eventsA} events, ${Math.round(serial.eventsPerSecond)} events/s) vs ${SMALL} nodes ${round(serial.msB, 1)} ms`,
    },
    {
      name: 'daemonset-rolling-update-surge',
      ratio: round(surge.ratio),
      target: 2.2,
      unit: 'x',
      detail: `setImage rollout, maxSurge 10%: ${LARGE} nodes ${round(surge.msA, 1)} ms (${surge.eventsA} events, ${Math.round(surge.eventsPerSecond)} events/s) vs ${SMALL} nodes ${round(surge.msB, 1)} ms`,
    },
  ];
}
