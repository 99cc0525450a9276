/**
 * Report v2 `workloads`, claim `statusHistory` and `notices`: the columns follow the 1.27
 * printers (kubectl-columns.ts), an entry is added whenever they change other than by the clock,
 * and the fields DESIGN.md already had are untouched.
 */
import * as path from 'path';
import { simulate, SimulateOptions } from '../../../lib/simulator';

const V2: SimulateOptions = { reportVersion: 2 };

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

const INDEXED_JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: idx }
spec:
  completions: 5
  parallelism: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: w, image: busybox }]
`;

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: w, image: busybox }]
`;

test('a StatefulSet scaled down: READY readyReplicas/spec.replicas at every change (printStatefulSet), AGE at that time', () => {
  const r = simulate(fixture('seed-001-web.yaml'), 'until: 3m\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 1 } }', V2);
  const [web, ...others] = r.report.workloads!;
  expect(others).toEqual([]);
  expect(web).toMatchObject({ kind: 'StatefulSet', namespace: 'default', name: 'web', created: '2024-01-01T00:00:00Z', deleted: null });
  expect(web.timeline.map((e) => [e.time.slice(11, 19), e.columns.READY, e.columns.AGE])).toEqual([
    ['00:00:00', '0/3', '0s'], ['00:00:05', '1/3', '5s'], ['00:00:10', '2/3', '10s'], ['00:00:15', '3/3', '15s'],
    // spec.replicas drops to 1 first; readyReplicas follows as web-2 then web-1 go (OrderedReady, highest ordinal first)
    ['00:01:00', '3/1', '60s'], ['00:01:00', '2/1', '60s'], ['00:01:01', '1/1', '61s'],
  ]);
  expect(Object.keys(web.timeline[0].columns)).toEqual(['READY', 'AGE']);
  expect(web).not.toHaveProperty('completedIndexes');
});

test('an Indexed Job: COMPLETIONS succeeded/completions, DURATION from startTime, and completedIndexes exactly as written ("0-4"); failedIndexes null without backoffLimitPerIndex', () => {
  const r = simulate(INDEXED_JOB, 'until: 5m', V2);
  const [job] = r.report.workloads!;
  expect(job).toMatchObject({ kind: 'Job', namespace: 'default', name: 'idx', completedIndexes: '0-4', failedIndexes: null });
  expect(job.timeline[0].columns).toEqual({ COMPLETIONS: '0/5', DURATION: '', AGE: '0s' });
  const completions = job.timeline.map((e) => e.columns.COMPLETIONS);
  expect(completions[completions.length - 1]).toBe('5/5');
  // parallelism 2: the two pods of a wave finish at the same instant, so status.succeeded moves by 2 in one write
  expect(completions).toEqual(['0/5', '0/5', '2/5', '4/5', '5/5']);
  // the second entry is startTime being set (DURATION "" → "0s"), not a COMPLETIONS change
  expect(job.timeline.map((e) => e.columns.DURATION)).toEqual(['', '0s', '12s', '24s', '36s']);
  expect(r.report.jobs[0].finished).toBe('2024-01-01T00:00:36Z');
  // DESIGN.md's jobs entry is unchanged (no new keys)
  expect(Object.keys(r.report.jobs[0])).toEqual(['name', 'owner', 'created', 'finished', 'condition', 'reason', 'succeeded', 'failed', 'deleted']);
});

test('a NonIndexed Job has completedIndexes null', () => {
  const r = simulate(INDEXED_JOB.replace('completionMode: Indexed', 'completionMode: NonIndexed'), 'until: 5m', V2);
  expect(r.report.workloads![0]).toMatchObject({ completedIndexes: null, failedIndexes: null });
});

test('a CronJob: SCHEDULE, SUSPEND, ACTIVE len(status.active), LAST SCHEDULE <none> then since lastScheduleTime (printCronJob); its Jobs follow', () => {
  const r = simulate(CRON, 'until: 12m', V2);
  const cron = r.report.workloads!.find((w) => w.kind === 'CronJob')!;
  expect(cron.timeline[0]).toEqual({ time: '2024-01-01T00:00:00Z', columns: { SCHEDULE: '*/5 * * * *', SUSPEND: 'False', ACTIVE: '0', 'LAST SCHEDULE': '<none>', AGE: '0s' } });
  expect(cron.timeline.find((e) => e.columns.ACTIVE === '1')).toMatchObject({ time: '2024-01-01T00:05:00.100Z', columns: { 'LAST SCHEDULE': '0s', AGE: '5m' } });
  expect(r.report.workloads!.filter((w) => w.kind === 'Job').map((w) => w.name)).toEqual(r.report.jobs.map((j) => j.name));
  expect(r.report.workloads!.map((w) => w.kind)).toEqual(['Job', 'Job', 'CronJob']);
});

test('a claim deleted with its StatefulSet (whenDeleted: Delete): statusHistory Bound → Terminating? → Deleted, matching `deleted`', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 1
  serviceName: db
  selector: { matchLabels: { app: db } }
  persistentVolumeClaimRetentionPolicy: { whenDeleted: Delete }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres }] }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;
  const r = simulate(sts, 'until: 5m\nsteps:\n  - { at: 2m, delete: { kind: StatefulSet, name: db } }', V2);
  const [claim] = r.report.persistentVolumeClaims;
  expect(claim.deleted).not.toBeNull();
  const h = claim.statusHistory!;
  expect(h[0]).toEqual({ time: claim.created, status: 'Bound' });
  expect(h[h.length - 1]).toEqual({ time: claim.deleted, status: 'Deleted' });
  expect(h.map((s) => s.status).filter((s) => s !== 'Terminating')).toEqual(['Bound', 'Deleted']);
});

test('notices are in the report as on stderr: code, file, document, message', () => {
  const r = simulate(fixture('seed-001-web.yaml'), 'until: 1m', V2);
  expect(r.report.notices).toEqual([{ code: 'NO_BEHAVIOUR', file: fixture('seed-001-web.yaml'), documentIndex: 0, message: r.notices[0].message }]);
  expect(r.report.notices![0].message).toContain('(PersistentVolume nfs-pv): kept without simulated behaviour');
});

test('--history summary and full give the same workloads and claim histories', () => {
  const a = simulate(CRON, 'until: 30m', { ...V2, history: 'summary' });
  const b = simulate(CRON, 'until: 30m', { ...V2, history: 'full' });
  expect(a.toJson()).toBe(b.toJson());
});

test('with keepDeleted, only the kept instances are listed; with maxEvents, timelines start at the oldest kept event', () => {
  const r = simulate(CRON, 'until: 2h', { ...V2, keepDeleted: 2, maxEvents: 20, fastForward: false });
  const jobs = r.report.workloads!.filter((w) => w.kind === 'Job');
  expect(jobs.map((j) => j.name)).toEqual(r.report.jobs.map((j) => j.name));
  const oldest = r.report.events[0].time;
  for (const w of r.report.workloads!) for (const e of w.timeline) expect(e.time >= oldest).toBe(true);
  expect(r.report.workloads!.find((w) => w.kind === 'CronJob')!.timeline.length).toBeGreaterThan(0);
});

test('report v1 (reportVersion: 1) is exactly DESIGN.md\'s shape; v2 (the default) appends its keys after those, changing none', () => {
  const v1 = JSON.parse(simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml'), { reportVersion: 1 }).toJson());
  const v2 = JSON.parse(simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml'), V2).toJson());
  const design = ['start', 'end', 'seed', 'events', 'pods', 'persistentVolumeClaims', 'jobs', 'dns'];
  expect(Object.keys(v1)).toEqual(design);
  expect(Object.keys(v2).slice(0, design.length)).toEqual(design);
  expect(Object.keys(v2).slice(design.length)).toEqual(['workloads', 'notices', 'eventsAggregated']);
  const { statusHistory, ...claim } = v2.persistentVolumeClaims[0];
  expect(claim).toEqual(v1.persistentVolumeClaims[0]);
  expect(statusHistory).toEqual([{ time: claim.created, status: 'Bound' }]);
  for (const k of design.filter((d) => d !== 'persistentVolumeClaims')) expect(v2[k]).toEqual(v1[k]);
});

test('fails when reportVersion is neither 1 nor 2', () => {
  expect(() => simulate(CRON, 'until: 1m', { reportVersion: 3 as 2 })).toThrow('reportVersion must be 1 or 2, got 3');
});

describe.each([[1, 10], [5, 50], [10, 1000]])('fast-forward, keepDeleted %i, maxEvents %i', (keepDeleted, maxEvents) => {
  test('report v2 of the fast-forwarded run equals the full replay (timelines start at the oldest kept event)', () => {
    const run = (fastForward: boolean) => simulate(fixture('ff-divergence.yaml'), fixture('ff-divergence.scenario.yaml'), {
      ...V2, history: 'summary', keepDeleted, maxEvents, fastForward,
    });
    const ff = run(true);
    const full = run(false);
    expect(ff.simulation.fastForwarded!.periods).toBeGreaterThan(0);
    expect(ff.toJson()).toBe(full.toJson());
    expect(JSON.parse(ff.toJson()).workloads.some((w: { kind: string; timeline: unknown[] }) => w.kind === 'CronJob' && w.timeline.length > 0)).toBe(true);
  });
});
