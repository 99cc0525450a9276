/**
 * The StatefulSet controller at scale: `statefulset-scale` runs an OrderedReady StatefulSet of
 * 2,000 replicas from zero to fully Ready (one pod at a time, each created only after the previous
 * is Running and Ready), then a rolling update of its image (highest ordinal first, one at a time),
 * against the same with 1,000 replicas. Twice the pods means twice the events, so a linear
 * simulator takes about twice the time: ratio target 2.2. The detail gives both wall times and the
 * simulated events per second of wall time of the larger run.
 *
 * Each repetition runs A and B interleaved (A first on even repetitions, B first on odd ones) in
 * fresh Simulations with only the StatefulSet controller, and checks the outcome: every pod Ready
 * at the new image and the update revision current.
 */
import { statefulSetDraft } from '../lib/simulator/cluster/factories';
import { statefulSetControllerRegistration } from '../lib/simulator/controllers/stateful-set-controller';
import { Simulation } from '../lib/simulator/simulation';
import { BenchResult, collectGarbage, interleaveRuns, median, round } from './util';

const LARGE = 2_000;
const SMALL = 1_000;
/** 30 nodes of 110 pods: room for 3,300 pods, the same cluster for both sizes. */
const NODES = Array.from({ length: 30 }, (_, i) => ({ name: `node-${String(i + 1).padStart(2, '0')}` }));

interface Run {
  readonly ms: number;
  readonly events: number;
  readonly simulatedMs: number;
}

/** Scale-up from 0 to `replicas`, then a rolling update; throws when the outcome is wrong. */
export function runStatefulSet(replicas: number): Run {
  collectGarbage();
  const start = process.hrtime.bigint();
  const sim = new Simulation({ seed: 5, nodes: NODES, controllers: [statefulSetControllerRegistration] });
  sim.apply([statefulSetDraft({
    namespace: 'default', name: 'db',
    spec: {
      replicas, serviceName: 'db', selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:15' }] } },
    },
  })]);
  // Default pods: Running 1 s after binding, Ready 4 s later → 5 s per pod going up; the update
  // adds the 1 s termination grace → 6 s per pod.
  const updateAt = replicas * 5_000 + 10_000;
  sim.at(updateAt, 'set image', (a) => a.setImage('StatefulSet', 'default', 'db', 'db', 'postgres:16'));
  const simulatedMs = updateAt + replicas * 6_000 + 60_000;
  sim.runUntil(simulatedMs);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const set = sim.state.get('StatefulSet', 'default', 'db')!;
  const pods = sim.state.list('Pod');
  const ok = pods.length === replicas && pods.every((p) => p.ready && p.spec.containers[0].image === 'postgres:16')
    && set.status.currentRevision === set.status.updateRevision && set.status.updatedReplicas === replicas
    && sim.state.history('Pod').length === 2 * replicas;
  if (!ok) throw new Error(`StatefulSet of ${replicas}: rollout incomplete: ${JSON.stringify(set.status)}, ${pods.length} live pods`);
  return { ms, events: sim.eventsProcessed, simulatedMs };
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const repetitions = Number(process.env.BENCH_REPETITIONS) || 3;
  runStatefulSet(SMALL); // JIT warm-up, unmeasured
  const { a, b, ratios } = await interleaveRuns(() => runStatefulSet(LARGE), () => runStatefulSet(SMALL), repetitions);
  const msA = median(a.map((r) => r.ms));
  const msB = median(b.map((r) => r.ms));
  const eventsPerSecond = Math.round(a[0].events / (msA / 1000));
  return [{
    name: 'statefulset-scale',
    ratio: round(median(ratios)),
    target: 2.2,
    unit: 'x',
    detail: `OrderedReady scale-up 0→${LARGE} then a rolling update vs ${SMALL}: ${round(msA, 1)} ms vs ${round(msB, 1)} ms `
      + `(median of ${repetitions}); ${a[0].events} simulated events in the larger run, ${eventsPerSecond} events/s`,
  }];
}
