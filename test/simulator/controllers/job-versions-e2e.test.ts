/**
 * The Job controller per Kubernetes version end to end: through `simulate()` with
 * `kubernetesVersion` (manifests that every version admits), and through `Simulation` with the
 * version's gates for Jobs using post-1.27 fields (admission of those fields per version is the
 * schema's business). Each behaviour on both sides of the change.
 */
import type { PodBehaviour } from '../../../lib/simulator/cluster/behaviours';
import { jobDraft } from '../../../lib/simulator/cluster/factories';
import type { SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { jobControllerRegistration } from '../../../lib/simulator/controllers/job-controller';
import { JOB_COMPLETION_INDEX_ANNOTATION } from '../../../lib/simulator/controllers/job-utils';
import { simulate } from '../../../lib/simulator';
import { Simulation } from '../../../lib/simulator/simulation';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { minutes, seconds } from '../../helpers/instants';

const JOB_YAML = (extra: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
`;

const conditions = (sim: Simulation, name: string) =>
  job(sim, name).status.conditions.filter((c) => c.type !== 'Suspended').map((c) => [c.type, c.reason ?? '', c.lastTransitionTime]);

function job(sim: Simulation, name: string): SimJob {
  const j = sim.state.history('Job').find((x) => x.name === name);
  if (!j) throw new Error(`test setup error: no Job ${name}`);
  return j;
}

describe('through simulate() with kubernetesVersion', () => {
  const scenario = 'until: 5m\nseed: 0\npods:\n  - match: { job: work }\n    runFor: 20s\n';
  test.each([
    ['1.27', [['Complete', '']]],
    ['1.30', [['Complete', '']]],
    ['1.31', [['SuccessCriteriaMet', ''], ['Complete', '']]],
    ['1.32', [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]],
    ['1.36', [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]],
  ])('completions 2: the conditions at %s (SuccessCriteriaMet from 1.31, CompletionsReached from 1.32)', (version, want) => {
    const r = simulate(JOB_YAML('  completions: 2\n  parallelism: 2\n'), scenario, { kubernetesVersion: version });
    const j = r.simulation.state.history('Job').find((x) => x.name === 'work')!;
    expect(j.status.conditions.map((c) => [c.type, c.reason ?? ''])).toEqual(want);
    expect(r.report.jobs).toEqual([expect.objectContaining({ condition: 'Complete', succeeded: 2, failed: 0 })]);
    // Both conditions carry the same time: no pod was terminating when completions were reached.
    expect(new Set(j.status.conditions.map((c) => c.lastTransitionTime)).size).toBe(1);
  });

  test.each([
    ['1.27', false],
    ['1.28', true],
  ])('Indexed pods carry the completion-index label at %s: %s (PodIndexLabel)', (version, labelled) => {
    const r = simulate(JOB_YAML('  completions: 2\n  parallelism: 2\n  completionMode: Indexed\n'), scenario, { kubernetesVersion: version });
    const pods = r.simulation.state.history('Pod');
    expect(pods.map((p) => p.labels[JOB_COMPLETION_INDEX_ANNOTATION])).toEqual(labelled ? ['0', '1'] : [undefined, undefined]);
  });

  test('a 1.31 run is deterministic: the same inputs give byte-identical JSON', () => {
    const run = () => simulate(JOB_YAML('  completions: 3\n  parallelism: 2\n  completionMode: Indexed\n'), scenario, { kubernetesVersion: '1.31' }).toJson();
    expect(run()).toBe(run());
  });

  test('a run at 1.27 is byte-identical to one without kubernetesVersion', () => {
    const a = simulate(JOB_YAML('  completions: 3\n  parallelism: 2\n'), scenario).toJson();
    const b = simulate(JOB_YAML('  completions: 3\n  parallelism: 2\n'), scenario, { kubernetesVersion: '1.27' }).toJson();
    expect(b).toBe(a);
  });
});

describe('through Simulation with the version gates (post-1.27 fields)', () => {
  function run(minor: number, spec: Record<string, unknown>, behaviours: PodBehaviour[], untilMs: number): Simulation {
    const sim = new Simulation({ seed: 0, controllers: [jobControllerRegistration], behaviours, featureGates: featureGatesFor({ minor }) });
    sim.apply([jobDraft({
      namespace: 'default', name: 'work',
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }] } }, ...spec },
    })]);
    sim.runUntil(untilMs);
    return sim;
  }

  // Index 1 always fails; the others succeed after 5 s.
  const behaviours: PodBehaviour[] = [
    { match: { name: 'work-1-*' }, runForMs: seconds(5), exitCodes: [1] },
    { match: { job: 'work' }, runForMs: seconds(5) },
  ];
  const perIndex = { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimit: 100, backoffLimitPerIndex: 1 };

  test('backoffLimitPerIndex 1 at 1.29: index 1 fails after two pods, the Job fails with FailedIndexes', () => {
    const sim = run(29, perIndex, behaviours, minutes(5));
    const j = job(sim, 'work');
    const index1 = sim.state.history('Pod').filter((p) => p.name.startsWith('work-1-'));
    expect(index1).toHaveLength(2);
    expect(index1.map((p) => p.annotations['batch.kubernetes.io/job-index-failure-count'])).toEqual(['0', '1']);
    expect(j.status).toMatchObject({ failedIndexes: '1', completedIndexes: '0,2', succeeded: 2, failed: 2 });
    expect(conditions(sim, 'work').map(([t, r]) => [t, r])).toEqual([['Failed', 'FailedIndexes']]);
  });

  test('the same Job at 1.28 (gate off): index 1 is retried under the Job back-off until the end of the run', () => {
    const sim = run(28, perIndex, behaviours, minutes(5));
    const j = job(sim, 'work');
    expect(sim.state.history('Pod').filter((p) => p.name.startsWith('work-1-')).length).toBeGreaterThan(2);
    expect(Object.keys(j.status)).not.toContain('failedIndexes');
    expect(conditions(sim, 'work')).toEqual([]);
  });

  test('at 1.31 the failure is FailureTarget first, then Failed (both with FailedIndexes)', () => {
    const sim = run(31, perIndex, behaviours, minutes(5));
    expect(conditions(sim, 'work').map(([t, r]) => [t, r])).toEqual([['FailureTarget', 'FailedIndexes'], ['Failed', 'FailedIndexes']]);
  });

  test('managedBy another controller at 1.32: no pod is ever created; at 1.31 (gate alpha, off) the built-in controller runs it', () => {
    expect(run(32, { managedBy: 'example.com/batch' }, [], minutes(1)).state.history('Pod')).toHaveLength(0);
    expect(run(31, { managedBy: 'example.com/batch' }, [], minutes(1)).state.history('Pod')).toHaveLength(1);
  });

  test('podReplacementPolicy Failed at 1.29: a deleted pod is replaced only once it terminated (grace period 30 s)', () => {
    const slow: PodBehaviour[] = [{ match: { job: 'work' }, runForMs: 'forever', terminationGraceMs: seconds(30) }];
    const created = (minor: number, policy: string) => {
      const sim = new Simulation({ seed: 0, controllers: [jobControllerRegistration], behaviours: slow, featureGates: featureGatesFor({ minor }) });
      sim.apply([jobDraft({
        namespace: 'default', name: 'work',
        spec: { podReplacementPolicy: policy, template: { spec: { restartPolicy: 'Never', terminationGracePeriodSeconds: 30, containers: [{ name: 'main', image: 'busybox:1.36' }] } } },
      })]);
      sim.at(seconds(10), 'delete', (a) => a.deletePods({ name: 'work-*' }));
      sim.runUntil(minutes(2));
      return sim.state.history('Pod').map((p) => p.createdMs);
    };
    const failed29 = created(29, 'Failed');
    const terminating29 = created(29, 'TerminatingOrFailed');
    expect(failed29).toHaveLength(2);
    expect(failed29[1]).toBeGreaterThanOrEqual(seconds(40)); // after the 30 s grace period
    expect(terminating29[1]).toBeLessThan(seconds(40)); // at once (after the back-off)
    expect(created(28, 'Failed')[1]).toBeLessThan(seconds(40)); // gate off in 1.28
  });
});
