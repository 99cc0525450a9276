/**
 * The Job controller end to end through `Simulation` (kubelet, scheduler, garbage collector and
 * the TTL-after-finished controller included): the "Must reproduce" items for Jobs, other
 * rules of reference §4, fast-check properties (active ≤ parallelism at every instant, succeeded ≤
 * completions, a finished Job's condition agrees with its counts) and determinism.
 */
import fc from 'fast-check';
import type { PodBehaviour } from '../../lib/simulator/cluster/behaviours';
import { jobDraft } from '../../lib/simulator/cluster/factories';
import type { SimPod } from '../../lib/simulator/cluster/pod-object';
import type { JobStatus, SimJob } from '../../lib/simulator/cluster/workload-objects';
import { jobControllerRegistration } from '../../lib/simulator/controllers/job-controller';
import { JOB_TRACKING_FINALIZER } from '../../lib/simulator/controllers/job-utils';
import { ttlAfterFinishedControllerRegistration } from '../../lib/simulator/controllers/ttl-after-finished-controller';
import { simulate } from '../../lib/simulator';
import { Simulation } from '../../lib/simulator/simulation';
import { hours, minutes, seconds } from '../helpers/instants';

const CONTROLLERS = [jobControllerRegistration, ttlAfterFinishedControllerRegistration];

interface JobOptions {
  readonly namespace?: string;
  readonly restartPolicy?: 'Never' | 'OnFailure';
  readonly spec?: Record<string, unknown>;
}

/** A Job as the seeds write it: one container, the given restart policy. */
function job(name: string, o: JobOptions = {}) {
  return jobDraft({
    namespace: o.namespace ?? 'default', name,
    spec: {
      template: { spec: { restartPolicy: o.restartPolicy ?? 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }] } },
      ...(o.spec ?? {}),
    },
  });
}

function simulation(behaviours: PodBehaviour[] = [], seed = 0): Simulation {
  return new Simulation({ seed, controllers: CONTROLLERS, behaviours });
}

function theJob(sim: Simulation, name: string): SimJob {
  const j = sim.state.history('Job').find((x) => x.name === name);
  if (!j) throw new Error(`test setup error: no Job ${name}`);
  return j;
}

function podsOf(sim: Simulation, j: SimJob): SimPod[] {
  return sim.state.history('Pod').filter((p) => p.ownerReferences.some((r) => r.uid === j.uid));
}

/** When the pod stopped being active (terminal phase or deletion requested), or Infinity. */
function activeUntil(p: SimPod): number {
  const t = p.timeline.find((x) => x.terminating || x.phase === 'Succeeded' || x.phase === 'Failed');
  return t ? t.atMs : Infinity;
}

/** The largest number of simultaneously active pods (§4.2: not terminal, not terminating). */
function maxActive(pods: readonly SimPod[]): number {
  const edges: Array<[number, number]> = [];
  for (const p of pods) {
    edges.push([p.createdMs, +1]);
    const end = activeUntil(p);
    if (end !== Infinity) edges.push([end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // ends before starts at one instant
  let n = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (n += d));
  return max;
}

/** Records every status the Job got, in order. */
function statusLog(sim: Simulation, name: string): JobStatus[] {
  const out: JobStatus[] = [];
  sim.state.watch((c) => {
    if (c.object.kind === 'Job' && c.object.name === name && c.type !== 'Deleted') out.push(c.object.status);
  });
  return out;
}

function jobEvents(sim: Simulation, name: string): string[] {
  return sim.trace.filter({ kind: 'Job', name }).map((e) => `${e.atMs / 1000}s ${e.type} ${e.reason}: ${e.message}`.replace(/: [a-z0-9-]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/, ': <pod>'));
}

describe('seed 000 backup-job', () => {
  test('completions 5 / parallelism 2 → never more than 2 active, 5 succeeded, Complete; TTL 3600 s deletes Job and pods (§4.2, §4.3, §4.7)', () => {
    const sim = simulation();
    const statuses = statusLog(sim, 'backup-job');
    sim.apply([job('backup-job', { restartPolicy: 'OnFailure', spec: { completions: 5, parallelism: 2, backoffLimit: 4, ttlSecondsAfterFinished: 3600 } })]);
    sim.runUntil(hours(2));
    const j = theJob(sim, 'backup-job');
    const pods = podsOf(sim, j);
    expect(pods).toHaveLength(5);
    expect(maxActive(pods)).toBe(2);
    expect(Math.max(...statuses.map((s) => s.active))).toBe(2);
    // Pods run 10 s after a 1 s start; replacements follow 1 s after (the pod-update batch period).
    expect(pods.map((p) => p.createdMs / 1000)).toEqual([0, 0, 12, 12, 24]);
    expect(jobEvents(sim, 'backup-job')).toEqual([
      '0s Normal SuccessfulCreate: Created pod: <pod>', '0s Normal SuccessfulCreate: Created pod: <pod>',
      '12s Normal SuccessfulCreate: Created pod: <pod>', '12s Normal SuccessfulCreate: Created pod: <pod>',
      '24s Normal SuccessfulCreate: Created pod: <pod>',
      '36s Normal Completed: Job completed',
    ]);
    const finished = statuses[statuses.length - 1];
    expect(finished).toMatchObject({ succeeded: 5, failed: 0, active: 0, startTime: 0, completionTime: seconds(36) });
    expect(finished.conditions).toEqual([{ type: 'Complete', status: 'True', lastProbeTime: seconds(36), lastTransitionTime: seconds(36) }]);
    // ttlSecondsAfterFinished: 3600 → the Job and (through the garbage collector) its pods go at 36 s + 1 h.
    expect(j.deletedMs).toBe(seconds(36) + hours(1));
    expect(pods.map((p) => p.deletedMs)).toEqual(new Array(5).fill(seconds(36) + hours(1)));
  });

  test('backoffLimit 4, always failing, restartPolicy Never → 5 failed pods, replacements 10, 20, 40, 80 s after each failure, then BackoffLimitExceeded (§4.3, §4.4)', () => {
    const sim = simulation([{ match: { job: 'backup-job' }, exitCodes: [1] }]);
    sim.apply([job('backup-job', { spec: { backoffLimit: 4 } })]);
    sim.runUntil(minutes(30));
    const j = theJob(sim, 'backup-job');
    const pods = podsOf(sim, j);
    expect(pods).toHaveLength(5);
    expect(pods.every((p) => p.phase === 'Failed' && p.finalizers.length === 0)).toBe(true);
    const gaps = pods.slice(1).map((p, i) => (p.createdMs - pods[i].finishedMs!) / 1000);
    expect(gaps).toEqual([10, 20, 40, 80]);
    expect(jobEvents(sim, 'backup-job').slice(-1)).toEqual(['206s Warning BackoffLimitExceeded: Job has reached the specified backoff limit']);
    expect(j.status).toMatchObject({ failed: 5, succeeded: 0, active: 0 });
    expect(j.status.conditions).toEqual([{
      type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit',
      lastProbeTime: seconds(206), lastTransitionTime: seconds(206),
    }]);
  });

  test('backoffLimit 4, always failing, restartPolicy OnFailure → one pod restarted in place (crash-loop 0, 10, 20, 40 s), Failed once restarts reach 4 (§4.3 >=)', () => {
    const sim = simulation([{ match: { job: 'backup-job' }, exitCodes: [1] }]);
    sim.apply([job('backup-job', { restartPolicy: 'OnFailure', spec: { backoffLimit: 4 } })]);
    sim.runUntil(minutes(30));
    const j = theJob(sim, 'backup-job');
    const [pod, ...others] = podsOf(sim, j);
    expect(others).toEqual([]);
    // restarts at 11 s (at once), 31 s, 61 s, 111 s: gaps of 10, 20, 40 s of kubelet back-off after the runs ending at 21, 41, 71 s
    const restarts = pod.timeline.filter((t, i) => i > 0 && t.restarts > pod.timeline[i - 1].restarts).map((t) => t.atMs / 1000);
    expect(restarts).toEqual([11, 31, 61, 111]);
    expect(jobEvents(sim, 'backup-job')).toEqual([
      '0s Normal SuccessfulCreate: Created pod: <pod>',
      '112s Normal SuccessfulDelete: Deleted pod: <pod>',
      '112s Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
    // the running pod deleted by the finish decision is counted as failed (trackJobStatusAndRemoveFinalizers)
    expect(j.status).toMatchObject({ failed: 1, active: 0 });
    expect(pod.deletedMs).toBe(seconds(113));
  });

  test('flaky pod with OnFailure, exit codes [1, 1, 0] → restarted twice, then Complete (§4.3 restarts 2 < backoffLimit 4)', () => {
    const sim = simulation([{ match: { job: 'backup-job' }, exitCodes: [1, 1, 0] }]);
    sim.apply([job('backup-job', { restartPolicy: 'OnFailure', spec: { backoffLimit: 4 } })]);
    sim.runUntil(minutes(5));
    const j = theJob(sim, 'backup-job');
    expect(podsOf(sim, j).map((p) => [p.phase, p.restarts])).toEqual([['Succeeded', 2]]);
    expect(j.status).toMatchObject({ succeeded: 1, failed: 0, completionTime: seconds(42) });
  });
});

describe('seed 003', () => {
  test('db-migration: activeDeadlineSeconds 600 with a pod running 15 min → pod deleted and DeadlineExceeded at exactly 600 s (§4.3)', () => {
    const sim = simulation([{ match: { job: 'db-migration' }, runForMs: minutes(15) }]);
    sim.apply([job('db-migration', { namespace: 'production', spec: { backoffLimit: 3, activeDeadlineSeconds: 600 } })]);
    sim.runUntil(minutes(20));
    const j = theJob(sim, 'db-migration');
    expect(jobEvents(sim, 'db-migration')).toEqual([
      '0s Normal SuccessfulCreate: Created pod: <pod>',
      '600s Normal SuccessfulDelete: Deleted pod: <pod>',
      '600s Warning DeadlineExceeded: Job was active longer than specified deadline',
    ]);
    expect(j.status.conditions).toEqual([expect.objectContaining({ type: 'Failed', reason: 'DeadlineExceeded', lastTransitionTime: seconds(600) })]);
    const [pod] = podsOf(sim, j);
    expect(pod.deletionMs).toBe(seconds(600));
    expect(pod.phase).toBe('Failed');
  });

  test('parallel job: completions 10 / parallelism 3, one pod fails → 10 succeeded, 1 failed, never more than 3 active; the replacement waits 10 s (§4.2, §4.4)', () => {
    const sim = simulation([{ match: { job: 'parallel-job' }, runForMs: seconds(20) }]);
    const statuses = statusLog(sim, 'parallel-job');
    sim.apply([job('parallel-job', { namespace: 'production', spec: { completions: 10, parallelism: 3, backoffLimit: 5 } })]);
    // the three first pods are spread over worker1..3: fail the one on worker2 at 5 s
    sim.at(seconds(5), 'fail one', (a) => expect(a.failPods({ name: 'parallel-job-*', node: 'worker2', namespace: 'production' }, 1)).toBe(1));
    sim.runUntil(minutes(10));
    const j = theJob(sim, 'parallel-job');
    const pods = podsOf(sim, j);
    expect(maxActive(pods)).toBe(3);
    expect(Math.max(...statuses.map((s) => s.active))).toBeLessThanOrEqual(3);
    expect(j.status).toMatchObject({ succeeded: 10, failed: 1, active: 0 });
    expect(j.status.conditions.map((c) => c.type)).toEqual(['Complete']);
    expect(pods.filter((p) => p.phase === 'Failed')).toHaveLength(1);
    const failed = pods.find((p) => p.phase === 'Failed')!;
    const replacement = pods.find((p) => p.createdMs > failed.finishedMs!)!;
    expect(replacement.createdMs - failed.finishedMs!).toBe(seconds(10));
  });
});

describe('Job rules end to end', () => {
  test('Indexed: pods <job>-<idx>-<5 random> with hostname <job>-<idx>, lowest indexes first, completedIndexes "0-3" (§4.2)', () => {
    const sim = simulation();
    sim.apply([job('shard', { spec: { completions: 4, parallelism: 2, completionMode: 'Indexed' } })]);
    sim.runUntil(minutes(2));
    const j = theJob(sim, 'shard');
    const pods = podsOf(sim, j);
    expect(pods.map((p) => p.name.slice(0, -5))).toEqual(['shard-0-', 'shard-1-', 'shard-2-', 'shard-3-']);
    expect(pods.map((p) => p.spec.hostname)).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
    expect(j.status).toMatchObject({ succeeded: 4, completedIndexes: '0-3' });
  });

  test('work queue (completions unset, parallelism 3): after the first success a failed pod is not replaced; Complete once none is active (§4.2, §4.3)', () => {
    const sim = simulation([{ runForMs: seconds(30) }]);
    sim.apply([job('queue', { spec: { parallelism: 3, backoffLimit: 6 } })]);
    sim.at(seconds(5), 'one worker finds the queue empty', (a) => expect(a.failPods({ name: 'queue-*', node: 'worker1' }, 0)).toBe(1));
    sim.at(seconds(8), 'one worker crashes', (a) => expect(a.failPods({ name: 'queue-*', node: 'worker2' }, 1)).toBe(1));
    sim.runUntil(minutes(2));
    const j = theJob(sim, 'queue');
    expect(podsOf(sim, j).map((p) => p.phase)).toEqual(['Succeeded', 'Failed', 'Succeeded']);
    expect(j.status).toMatchObject({ succeeded: 2, failed: 1, active: 0, completionTime: seconds(32) });
  });

  test('deleting a running pod counts as a failure and is replaced after the 10 s backoff (§4.3 isPodFailed, §4.4)', () => {
    const sim = simulation([{ runForMs: minutes(1) }]);
    sim.apply([job('worker', { spec: { backoffLimit: 6 } })]);
    sim.at(seconds(5), 'kubectl delete pod', (a) => a.deletePods({ name: 'worker-*' }));
    sim.runUntil(minutes(5));
    const j = theJob(sim, 'worker');
    const [first, second] = podsOf(sim, j);
    expect(first.deletedMs).toBe(seconds(6)); // grace 1 s, then the finalizer is removed when counted
    expect(second.createdMs).toBe(seconds(16)); // 10 s after the container stopped
    expect(j.status).toMatchObject({ failed: 1, succeeded: 1 });
  });

  test('podFailurePolicy: an evicted pod (DisruptionTarget) is Ignored and replaced at once; exit code 42 fails the Job with FailureTarget then Failed (§4.5)', () => {
    const sim = simulation([{ runForMs: minutes(1) }]);
    sim.apply([job('pfp', {
      spec: {
        completions: 2, parallelism: 2,
        podFailurePolicy: {
          rules: [
            { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] }, onPodConditions: [] },
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          ],
        },
      },
    })]);
    sim.at(seconds(5), 'evict', (a) => a.evictPods({ name: 'pfp-*', node: 'worker1' }));
    sim.at(seconds(20), 'exit 42', (a) => a.failPods({ name: 'pfp-*', node: 'worker2' }, 42));
    sim.runUntil(minutes(5));
    const j = theJob(sim, 'pfp');
    const pods = podsOf(sim, j);
    const evicted = pods.find((p) => p.reason === 'Evicted')!;
    const failing = pods.find((p) => p.containerStatuses[0].exitCode === 42)!;
    expect(pods.filter((p) => p.createdMs === seconds(6))).toHaveLength(1); // replacement 1 s after the eviction, no backoff
    expect(evicted.finalizers).toEqual([]);
    const message = `Container main for pod default/${failing.name} failed with exit code 42 matching FailJob rule at index 0`;
    expect(j.status.conditions.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'PodFailurePolicy', message], ['Failed', 'PodFailurePolicy', message],
    ]);
    expect(sim.trace.filter({ kind: 'Job', name: 'pfp', reason: 'PodFailurePolicy' }).map((e) => [e.type, e.message])).toEqual([
      ['Warning', message], ['Warning', message],
    ]);
    // Ignore: not counted; FailJob pod counted; the other running pod deleted by the finish and counted
    expect(j.status.failed).toBe(2);
  });

  test('suspend deletes the active pods without counting them; resume restarts them and resets startTime, so the deadline counts from the resume (§4.6)', () => {
    const sim = simulation([{ runForMs: seconds(90) }]);
    sim.apply([job('batch', { spec: { completions: 2, parallelism: 2, activeDeadlineSeconds: 120 } })]);
    sim.at(seconds(10), 'suspend', (a) => a.patch('Job', 'default', 'batch', { spec: { suspend: true } }));
    sim.at(seconds(60), 'resume', (a) => a.patch('Job', 'default', 'batch', { spec: { suspend: false } }));
    sim.runUntil(minutes(10));
    const j = theJob(sim, 'batch');
    expect(jobEvents(sim, 'batch')).toEqual([
      '0s Normal SuccessfulCreate: Created pod: <pod>', '0s Normal SuccessfulCreate: Created pod: <pod>',
      '10s Normal SuccessfulDelete: Deleted pod: <pod>', '10s Normal SuccessfulDelete: Deleted pod: <pod>',
      '10s Normal Suspended: Job suspended',
      '60s Normal SuccessfulCreate: Created pod: <pod>', '60s Normal SuccessfulCreate: Created pod: <pod>',
      '60s Normal Resumed: Job resumed',
      // 152 s is past the first start + 120 s, but not the resume + 120 s
      '152s Normal Completed: Job completed',
    ]);
    expect(j.status).toMatchObject({ startTime: seconds(60), failed: 0, succeeded: 2 });
    expect(j.status.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([['Suspended', 'False', 'JobResumed'], ['Complete', 'True', undefined]]);
  });

  test('1.27 order: a Job resumed after its first deadline has passed fails on the resume sync, before startTime is reset (§4.3 then §4.6)', () => {
    // syncJob checks pastActiveDeadline (with the startTime of the first start) before the
    // JobResumed branch resets startTime; 1.27 does not clear startTime while suspended.
    const sim = simulation([{ runForMs: seconds(90) }]);
    sim.apply([job('late', { spec: { activeDeadlineSeconds: 120 } })]);
    sim.at(seconds(10), 'suspend', (a) => a.patch('Job', 'default', 'late', { spec: { suspend: true } }));
    sim.at(minutes(5), 'resume', (a) => a.patch('Job', 'default', 'late', { spec: { suspend: false } }));
    sim.runUntil(minutes(10));
    expect(jobEvents(sim, 'late').slice(-2)).toEqual(['10s Normal Suspended: Job suspended', '300s Warning DeadlineExceeded: Job was active longer than specified deadline']);
  });

  test('a Job created suspended creates no pod and has no startTime (§4.6)', () => {
    const sim = simulation();
    sim.apply([job('later', { spec: { suspend: true } })]);
    sim.runUntil(minutes(1));
    const j = theJob(sim, 'later');
    expect(podsOf(sim, j)).toEqual([]);
    expect(j.status.startTime).toBeNull();
    expect(j.status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
  });

  test('deleting a running Job: the garbage collector deletes its pods and the tracking finalizer is released (syncOrphanPod)', () => {
    const sim = simulation([{ runForMs: minutes(10) }]);
    sim.apply([job('gone', { spec: { parallelism: 2, completions: 2 } })]);
    sim.at(seconds(30), 'kubectl delete job', (a) => a.delete('Job', 'default', 'gone'));
    sim.runUntil(minutes(2));
    const pods = podsOf(sim, theJob(sim, 'gone'));
    expect(pods.map((p) => [p.deletionMs, p.deletedMs])).toEqual([[seconds(30), seconds(31)], [seconds(30), seconds(31)]]);
    expect(pods.every((p) => !p.finalizers.includes(JOB_TRACKING_FINALIZER))).toBe(true);
  });

  test('ttlSecondsAfterFinished 0 → the Job is deleted when it finishes (§4.7)', () => {
    const sim = simulation([{ exitCodes: [1] }]);
    sim.apply([job('once', { spec: { backoffLimit: 0, ttlSecondsAfterFinished: 0 } })]);
    sim.runUntil(minutes(1));
    const j = theJob(sim, 'once');
    expect(j.status.conditions[0]).toMatchObject({ type: 'Failed', reason: 'BackoffLimitExceeded', lastTransitionTime: seconds(12) });
    expect(j.deletedMs).toBe(seconds(12));
    expect(podsOf(sim, j).map((p) => p.deletedMs)).toEqual([seconds(12)]);
  });

  test('pausing the job controller holds syncs; on resume it catches up (controller downtime)', () => {
    const sim = simulation();
    sim.apply([job('paused', { spec: { completions: 2, parallelism: 1 } })]);
    sim.at(seconds(5), 'pause', (a) => a.pauseController('job', minutes(3)));
    sim.runUntil(minutes(5));
    const j = theJob(sim, 'paused');
    const pods = podsOf(sim, j);
    expect(pods.map((p) => p.createdMs)).toEqual([0, seconds(185)]);
    expect(j.status.completionTime).toBe(seconds(197));
  });
});

/** Seed 000 §3.1 as the article writes it (comments included). */
const SEED_000_BACKUP_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: backup-job
spec:
  template:
    spec:
      containers:
      - name: backup
        image: backup-tool:latest
        command: ["/bin/sh", "-c", "backup.sh"]
      restartPolicy: OnFailure   # Never 또는 OnFailure (Always 불가)
  backoffLimit: 4                # 재시도 횟수
`;

describe('from the seed YAML through simulate()', () => {
  const alwaysFailing = `until: 30m
seed: 0
pods:
  - match: { job: backup-job }
    exitCode: 1
`;

  test('seed 000 backup-job with always-failing pods (OnFailure as written): BackoffLimitExceeded once the restarts reach 4', () => {
    const result = simulate(SEED_000_BACKUP_JOB, alwaysFailing);
    expect(result.podsOf('Job', 'backup-job').map((p) => [p.phase, p.restarts])).toEqual([['Failed', 4]]);
    expect(result.report.jobs).toEqual([expect.objectContaining({ condition: 'Failed', reason: 'BackoffLimitExceeded', finished: '2024-01-01T00:01:52Z', failed: 1 })]);
  });

  test('seed 000 backup-job with restartPolicy Never: 5 failed pods, growing gaps, BackoffLimitExceeded', () => {
    const result = simulate(SEED_000_BACKUP_JOB.replace('restartPolicy: OnFailure', 'restartPolicy: Never'), alwaysFailing);
    const pods = result.podsOf('Job', 'backup-job');
    expect(pods.map((p) => p.phase)).toEqual(new Array(5).fill('Failed'));
    const gaps = pods.slice(1).map((p, i) => (Date.parse(p.created) - Date.parse(pods[i].finished!)) / 1000);
    expect(gaps).toEqual([10, 20, 40, 80]);
    expect(result.events({ kind: 'Job', reason: 'BackoffLimitExceeded' }).map((e) => [e.time, e.type, e.message])).toEqual([
      ['2024-01-01T00:03:26Z', 'Warning', 'Job has reached the specified backoff limit'],
    ]);
    expect(result.report.jobs).toEqual([{
      name: 'backup-job', owner: null, created: '2024-01-01T00:00:00Z', finished: '2024-01-01T00:03:26Z', condition: 'Failed', reason: 'BackoffLimitExceeded',
      succeeded: 0, failed: 5, deleted: null,
    }]);
  });
});

describe('properties', () => {
  const arbitraryJob = fc.record({
    completions: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    parallelism: fc.integer({ min: 0, max: 4 }),
    backoffLimit: fc.integer({ min: 0, max: 4 }),
    indexed: fc.boolean(),
    restartPolicy: fc.constantFrom<'Never' | 'OnFailure'>('Never', 'OnFailure'),
    exitCodes: fc.array(fc.constantFrom(0, 0, 1), { minLength: 1, maxLength: 3 }),
    runForS: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    deleteAtS: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  });

  function runArbitrary(a: typeof arbitraryJob extends fc.Arbitrary<infer T> ? T : never) {
    const indexed = a.indexed && a.completions !== undefined;
    const sim = simulation([{ runForMs: seconds(a.runForS), exitCodes: a.exitCodes }], a.seed);
    const statuses = statusLog(sim, 'prop');
    sim.apply([job('prop', {
      restartPolicy: a.restartPolicy,
      spec: {
        parallelism: a.parallelism, backoffLimit: a.backoffLimit,
        ...(a.completions !== undefined ? { completions: a.completions } : {}),
        ...(indexed ? { completionMode: 'Indexed' } : {}),
      },
    })]);
    if (a.deleteAtS !== undefined) sim.at(seconds(a.deleteAtS), 'delete a pod', (x) => x.deletePods({ name: 'prop-*' }));
    sim.runUntil(hours(1));
    return { sim, statuses, j: theJob(sim, 'prop') };
  }

  test('never more active pods than parallelism, status.active ≤ parallelism, succeeded ≤ completions, a finished Job agrees with its counts', () => {
    fc.assert(fc.property(arbitraryJob, (a) => {
      const { sim, statuses, j } = runArbitrary(a);
      expect(maxActive(podsOf(sim, j))).toBeLessThanOrEqual(a.parallelism);
      for (const s of statuses) expect(s.active).toBeLessThanOrEqual(a.parallelism);
      if (a.completions !== undefined) expect(j.status.succeeded).toBeLessThanOrEqual(a.completions);
      const done = j.status.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
      if (done?.type === 'Complete') {
        expect(j.status.succeeded).toBeGreaterThanOrEqual(a.completions ?? 1);
        expect(j.status.completionTime).toBe(done.lastTransitionTime);
      }
      if (done?.type === 'Failed') expect(['BackoffLimitExceeded']).toContain(done.reason);
      // every pod of a finished Job has been counted and released
      if (done) expect(podsOf(sim, j).every((p) => !p.finalizers.includes(JOB_TRACKING_FINALIZER))).toBe(true);
    }), { numRuns: 100, seed: 6 });
  });

  test('determinism: the same inputs and seed give the same events, pod names and statuses', () => {
    fc.assert(fc.property(arbitraryJob, (a) => {
      const r1 = runArbitrary(a);
      const r2 = runArbitrary(a);
      expect(r2.sim.trace.toJsonLines()).toBe(r1.sim.trace.toJsonLines());
      expect(podsOf(r2.sim, r2.j).map((p) => p.name)).toEqual(podsOf(r1.sim, r1.j).map((p) => p.name));
      expect(r2.statuses).toEqual(r1.statuses);
    }), { numRuns: 15, seed: 7 });
  });
});
