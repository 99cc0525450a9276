/**
 * `history: 'summary'` (lib/simulator/cluster/summary.ts): deleted instances are cut down to what
 * the JSON report reads, so the report is the same as with `'full'`, and the HTML timeline still
 * draws every pod.
 */
import * as path from 'path';
import { simulate, SimulateOptions } from '../../../lib/simulator';
import { renderHtmlTimeline, timelineOptionsFor } from '../../../lib/simulator/report/html';

const golden = path.join(__dirname, '..', 'golden');
const fixtures = path.join(__dirname, '..', 'fixtures');

const EVERY_MINUTE = `apiVersion: batch/v1
kind: CronJob
metadata: { name: every-minute }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      backoffLimit: 3
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: tick, image: "busybox:1.36" }]
`;
// Every 5th run fails twice and restarts in place (readiness lost and regained on a pod that is
// deleted later); history limits delete Jobs and pods all along.
const EVERY_MINUTE_SCENARIO = `until: 3h
pods:
  - match: { job: "every-minute-*5" }
    runFor: 20s
    readyAfter: 2s
    exitCode: [1, 1, 0]
  - match: { owner: CronJob/every-minute }
    runFor: 10s
    readyAfter: 2s
`;

/** [name, manifests, scenario] of runs that delete pods, Jobs and claims. */
const runs: Array<[string, string, string]> = [
  ...['parallel-disruptions', 'retention-delete', 'seed-000-canary', 'seed-004-scale'].map((name): [string, string, string] =>
    [`golden ${name}`, path.join(golden, `${name}.input.yaml`), path.join(golden, `${name}.scenario.yaml`)]),
  ['seed 000 mysql', path.join(fixtures, 'seed-000-mysql.yaml'), path.join(fixtures, 'seed-000.scenario.yaml')],
  ['seed 004 sample statefulset', path.join(fixtures, 'seed-004-corrected.yaml'), path.join(fixtures, 'seed-004.scenario.yaml')],
  ['per-minute CronJob with restarts', EVERY_MINUTE, EVERY_MINUTE_SCENARIO],
];

describe.each(runs)('%s', (_name, manifests, scenario) => {
  const full = simulate(manifests, scenario);
  const summary = simulate(manifests, scenario, { history: 'summary' });

  test('the JSON report is byte-identical to the one with history "full"', () => {
    expect(summary.report.pods.some((p) => p.deleted !== null)).toBe(true);
    expect(summary.toJson()).toBe(full.toJson());
  });

  test('the trace and the text report are identical too (behaviour does not depend on it)', () => {
    expect(summary.simulation.trace.toJsonLines()).toBe(full.simulation.trace.toJsonLines());
    expect(summary.toText()).toBe(full.toText());
  });

  test('the HTML timeline draws the same lanes, pods and Jobs', () => {
    const lanes = (html: string) => [...html.matchAll(/<g class="lane[^"]*"[^>]*data-pods="(\d+)"[^>]*data-jobs="(\d+)"/g)].map((m) => `${m[1]}/${m[2]}`);
    const a = renderHtmlTimeline(full.report, timelineOptionsFor(full));
    const b = renderHtmlTimeline(summary.report, timelineOptionsFor(summary));
    expect(lanes(b)).toEqual(lanes(a));
    expect(lanes(b).length).toBeGreaterThan(0);
  });
});

describe('what a summarised instance keeps', () => {
  const options: SimulateOptions = { history: 'summary' };
  const r = simulate(EVERY_MINUTE, EVERY_MINUTE_SCENARIO, options);
  const pods = r.simulation.state.history('Pod');
  const jobs = r.simulation.state.history('Job');
  const deletedPod = pods.find((p) => p.deletedMs !== null && p.restarts > 0)!;
  const livePod = pods.find((p) => p.deletedMs === null)!;
  const deletedJob = jobs.find((j) => j.deletedMs !== null)!;

  test('a deleted pod: identity, owner, times, phase, node, IP, restarts and the first image; no timeline, labels, conditions', () => {
    expect(deletedPod).toMatchObject({ kind: 'Pod', namespace: 'default', phase: 'Succeeded', restarts: 2 });
    expect(deletedPod.ownerReferences[0]).toMatchObject({ kind: 'Job', controller: true });
    expect(deletedPod.spec).toEqual({ containers: [{ name: 'tick', image: 'busybox:1.36' }] });
    expect([deletedPod.nodeName, deletedPod.ip, deletedPod.startedMs, deletedPod.readyMs, deletedPod.finishedMs]).not.toContain(null);
    expect([deletedPod.timeline, deletedPod.conditions, deletedPod.containerStatuses, deletedPod.finalizers]).toEqual([[], [], [], []]);
    expect(deletedPod.labels).toEqual({});
    // Pods of one template share one reduced spec.
    expect(pods.filter((p) => p.deletedMs !== null).every((p) => p.spec === deletedPod.spec)).toBe(true);
  });

  test('a live pod is whole', () => {
    expect(livePod.timeline.length).toBeGreaterThan(1);
    expect(Object.keys(livePod.labels)).toContain('job-name');
  });

  test('a deleted Job: owner, counts, times and its Complete/Failed condition; the spec\'s scalars only', () => {
    expect(deletedJob.status.conditions).toHaveLength(1);
    expect(deletedJob.status.conditions[0]).toMatchObject({ type: 'Complete', status: 'True' });
    expect(deletedJob.status).toMatchObject({ succeeded: 1, failed: 0 });
    expect(deletedJob.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 3, completionMode: 'NonIndexed', suspend: false });
    expect(deletedJob.spec.template).toEqual({});
    expect(deletedJob.labels).toEqual({});
  });

  test('limitation (documented): a DNS lookup at a past instant does not see a pod deleted by the end', () => {
    const manifests = path.join(fixtures, 'seed-001-web.yaml');
    const scenario = 'start: 2022-09-14T03:00:00Z\nuntil: 3m\nsteps:\n  - { at: 2m, delete: { kind: StatefulSet, name: web } }\n';
    const atOneMinute = 60_000;
    const whole = simulate(manifests, scenario);
    const cut = simulate(manifests, scenario, { history: 'summary' });
    expect(whole.lookup('web-0.nginx', atOneMinute)).toHaveLength(1);
    expect(cut.lookup('web-0.nginx', atOneMinute)).toEqual([]);
    expect(cut.toJson()).toBe(whole.toJson());
  });
});

test('fails when history is neither "full" nor "summary"', () => {
  expect(() => simulate(EVERY_MINUTE, 'until: 1m', { history: 'none' as 'full' })).toThrow(`history must be 'full' or 'summary', got "none"`);
});
