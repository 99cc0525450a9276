/**
 * End to end through `simulate(…, { kubernetesVersion })`: the CronJob, StatefulSet and sidecar
 * changes of cron-job-versions.ts, stateful-set-versions.ts and kubelet-sidecars.ts seen from a
 * whole run, on both sides of each change. They read the gate table
 * (lib/versions/feature-gates.ts): each block runs once its gate has rows, and is skipped while the
 * table is empty (the branch that fills it lands separately).
 */
import { simulate } from '../../lib/simulator';
import type { SimPod } from '../../lib/simulator/cluster/pod-object';
import type { SimJob } from '../../lib/simulator/cluster/workload-objects';
import { Simulation } from '../../lib/simulator/simulation';
import { FEATURE_GATES, FeatureGateName } from '../../lib/versions/feature-gates';
import { resolveFeatureGates } from '../../lib/versions/resolve';
import { newJob, newNode } from '../helpers/builders';

const withTable = (gate: FeatureGateName) => (FEATURE_GATES[gate].length > 0 ? describe : describe.skip);

const pods = (r: ReturnType<typeof simulate>) => r.simulation.state.history('Pod') as SimPod[];

withTable('SidecarContainers')('a Job whose pod has a sidecar (KEP-753), gates from the version', () => {
  // Through Simulation with resolveFeatureGates (the objects are not admitted: a 1.28+ schema
  // that knows initContainers[].restartPolicy is another branch's).
  test.each([
    // 1.28: alpha, off by default — an ordinary init container that never ends.
    ['1.28', 0],
    // 1.29: beta, on — the Job completes when app exits.
    ['1.29', 1],
  ])('%s: succeeded %i', (version, succeeded) => {
    const sim = new Simulation({
      nodes: [newNode('w1')], featureGates: resolveFeatureGates({ kubernetesVersion: version }),
      behaviours: [{ match: { job: 'work' }, runForMs: 10_000, containers: { proxy: { runForMs: 'forever' } } }],
    });
    const [job] = sim.apply([newJob('work', { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] } as never })]) as SimJob[];
    sim.runUntil(120_000);
    expect(job.status.succeeded).toBe(succeeded);
  });
});

withTable('PodIndexLabel')('StatefulSet pods get apps.kubernetes.io/pod-index from 1.28 (KEP-4017)', () => {
  const manifest = `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  replicas: 2
  serviceName: web
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx }] }
`;
  test.each([
    ['1.27', [undefined, undefined]],
    ['1.28', ['0', '1']],
  ])('%s', (version, labels) => {
    const r = simulate(manifest, 'until: 1m', { kubernetesVersion: version });
    expect(pods(r).map((p) => p.labels['apps.kubernetes.io/pod-index'])).toEqual(labels);
  });
});

withTable('CronJobsScheduledAnnotation')('Jobs of a CronJob carry batch.kubernetes.io/cronjob-scheduled-timestamp from 1.28 (KEP-4026)', () => {
  const manifest = `
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/5 * * * *"
  timeZone: Asia/Seoul
  jobTemplate:
    spec:
      template:
        spec: { restartPolicy: Never, containers: [{ name: c, image: busybox }] }
`;
  test.each([
    ['1.27', undefined],
    ['1.28', '2024-01-01T09:05:00+09:00'],
  ])('%s', (version, expected) => {
    const r = simulate(manifest, 'start: 2024-01-01T00:00:00Z\nuntil: 6m', { kubernetesVersion: version });
    const job = r.simulation.state.history('Job')[0] as SimJob;
    expect(job.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(expected);
  });
});

withTable('MaxUnavailableStatefulSet')('StatefulSet rollingUpdate.maxUnavailable (KEP-961): on in 1.35.0, off again from 1.35.4 (kubernetes#137904)', () => {
  const manifest = (image: string) => `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  replicas: 4
  serviceName: web
  podManagementPolicy: Parallel
  updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 2 } }
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: ${image} }] }
`;
  const scenario = 'until: 3m\nsteps:\n  - { at: 1m, setImage: { kind: StatefulSet, name: web, container: nginx, image: "nginx:1.26" } }\n';
  test.each([
    ['1.34', 1],
    ['1.35.0', 2],
    ['1.35.4', 1],
    // A minor without a patch is its newest patch.
    ['1.35', 1],
  ])('%s: %i pods deleted in the first update sync', (version, atOnce) => {
    const r = simulate(manifest('nginx:1.25'), scenario, { kubernetesVersion: version });
    const deletes = r.events({ reason: 'SuccessfulDelete', kind: 'StatefulSet' });
    expect(deletes.filter((e) => e.time === deletes[0].time)).toHaveLength(atOnce);
  });
});

withTable('StatefulSetStartOrdinal')('spec.ordinals.start with StatefulSetStartOrdinal turned off (KEP-3335)', () => {
  const manifest = `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  replicas: 2
  ordinals: { start: 3 }
  serviceName: web
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx }] }
`;
  test.each([
    ['on (1.27 default)', {}, ['web-3', 'web-4']],
    ['off: getStartOrdinal is 0', { StatefulSetStartOrdinal: false }, ['web-0', 'web-1']],
  ])('%s', (_, featureGates, names) => {
    const r = simulate(manifest, 'until: 1m', { kubernetesVersion: '1.27', featureGates });
    expect(pods(r).map((p) => p.name)).toEqual(names);
  });
});
