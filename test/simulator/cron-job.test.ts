/**
 * The CronJob controller end to end through `Simulation`, with the Job controller, scheduler,
 * kubelet and garbage collector: the issue's "Must reproduce" items for CronJobs (seed 001 testcron,
 * seed 003 daily-report, Forbid with a long Job, Replace, suspend/resume, controller downtime,
 * never-firing schedules), a schedule change, property tests and determinism.
 * Rules cited as §5.x are from shared/reference/k8s-controller-semantics.md.
 */
import * as fc from 'fast-check';
import type { PodBehaviour } from '../../lib/simulator/cluster/behaviours';
import type { SimCronJob } from '../../lib/simulator/cluster/workload-objects';
import { finishedStatus, jobNameFor } from '../../lib/simulator/controllers/cron-job-utils';
import { Simulation } from '../../lib/simulator/simulation';
import type { UserActions } from '../../lib/simulator/user-actions';
import { newCronJob } from '../helpers/builders';
import { days, epochMs, hours, minutes, seconds } from '../helpers/instants';

interface Run {
  readonly sim: Simulation;
  /** Wall-clock ISO instant of simulated ms. */
  iso(ms: number): string;
  /** `[ISO time, reason, message]` of the CronJob controller's events. */
  cronEvents(reason?: string): Array<[string, string, string]>;
  /** Names of every Job instance, in creation order. */
  jobs(): string[];
  /** Names of live Jobs. */
  liveJobs(): string[];
  /** The CronJob. */
  cronJob(name?: string): SimCronJob;
}

interface RunOptions {
  readonly start: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly schedule: string;
  readonly spec?: Record<string, unknown>;
  readonly jobSpec?: Record<string, unknown>;
  readonly behaviours?: readonly PodBehaviour[];
  readonly steps?: ReadonlyArray<[number, (a: UserActions) => void]>;
  readonly until: number;
  readonly seed?: number;
  /** Called after each CronJob controller sync. */
  readonly afterCronSync?: (sim: Simulation) => void;
  /** Called after every event. */
  readonly afterEach?: (sim: Simulation) => void;
  /** Called once the CronJob exists, before running. */
  readonly onStart?: (sim: Simulation) => void;
}

function run(o: RunOptions): Run {
  const name = o.name ?? 'testcron';
  const namespace = o.namespace ?? 'default';
  const startMs = epochMs(o.start);
  const sim = new Simulation({ seed: o.seed ?? 1, startEpochMs: startMs, behaviours: o.behaviours ?? [] });
  const draft = newCronJob(name, o.schedule, { namespace, restartPolicy: 'Never', extra: o.spec ?? {} });
  const jobTemplate = { spec: { ...draft.spec.jobTemplate.spec!, ...(o.jobSpec ?? {}) } };
  sim.apply([{ ...draft, spec: { ...draft.spec, jobTemplate } }]);
  for (const [at, action] of o.steps ?? []) sim.at(at, `step at ${at}`, action);
  o.onStart?.(sim);
  if (o.afterCronSync || o.afterEach) {
    for (let next = sim.queue.peek(); next && next.atMs <= o.until; next = sim.queue.peek()) {
      const label = next.label;
      sim.step();
      if (label.startsWith('controller cronjob sync')) o.afterCronSync?.(sim);
      o.afterEach?.(sim);
    }
  }
  sim.runUntil(o.until);
  const iso = (ms: number) => new Date(startMs + ms).toISOString().replace('.000Z', 'Z');
  return {
    sim,
    iso,
    cronEvents: (reason) => sim.trace.filter({ kind: 'CronJob', ...(reason ? { reason } : {}) }).map((e) => [iso(e.atMs), e.reason, e.message]),
    jobs: () => sim.state.history('Job').map((j) => j.name),
    liveJobs: () => sim.state.list('Job').map((j) => j.name),
    cronJob: (n = name) => sim.state.get('CronJob', namespace, n)!,
  };
}

/** Minutes-since-epoch name of a CronJob's run at an ISO instant (§6.2). */
const jobAt = (cronJob: string, iso: string) => jobNameFor(cronJob, epochMs(iso));

describe('seed 001: testcron every minute (§6.2, §5.4 step 12)', () => {
  // The blog's pods took 4–6 s.
  const r = run({
    start: '2022-09-14T03:11:30Z', schedule: '*/1 * * * *', until: minutes(5),
    behaviours: [{ match: { owner: 'CronJob/testcron' }, runForMs: seconds(5) }],
  });

  test('one Job per minute named by the scheduled minute: testcron-27718752 at 03:12:00Z, then 27718753, …', () => {
    expect(r.jobs()).toEqual(['testcron-27718752', 'testcron-27718753', 'testcron-27718754', 'testcron-27718755', 'testcron-27718756']);
    expect(r.cronEvents('SuccessfulCreate')).toEqual([
      ['2022-09-14T03:12:00.100Z', 'SuccessfulCreate', 'Created job testcron-27718752'],
      ['2022-09-14T03:13:00.100Z', 'SuccessfulCreate', 'Created job testcron-27718753'],
      ['2022-09-14T03:14:00.100Z', 'SuccessfulCreate', 'Created job testcron-27718754'],
      ['2022-09-14T03:15:00.100Z', 'SuccessfulCreate', 'Created job testcron-27718755'],
      ['2022-09-14T03:16:00.100Z', 'SuccessfulCreate', 'Created job testcron-27718756'],
    ]);
  });

  test('each finished Job is seen (SawCompletedJob), and only 3 successful Jobs are kept: the oldest are deleted', () => {
    expect(r.cronEvents('SawCompletedJob').map(([, , m]) => m)).toEqual([52, 53, 54, 55, 56].map((n) => `Saw completed job: testcron-277187${n}, status: Complete`));
    expect(r.cronEvents('SuccessfulDelete')).toEqual([
      ['2022-09-14T03:15:06.100Z', 'SuccessfulDelete', 'Deleted job testcron-27718752'],
      ['2022-09-14T03:16:06.100Z', 'SuccessfulDelete', 'Deleted job testcron-27718753'],
    ]);
    expect(r.liveJobs()).toEqual(['testcron-27718754', 'testcron-27718755', 'testcron-27718756']);
    // The deleted Jobs' pods follow through the garbage collector.
    expect(r.sim.state.list('Pod').map((p) => p.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['testcron-27718754', 'testcron-27718755', 'testcron-27718756']);
  });

  test('status: lastScheduleTime is the latest tick, lastSuccessfulTime the latest completion, nothing active', () => {
    const status = r.cronJob().status;
    expect(r.iso(status.lastScheduleTime!)).toBe('2022-09-14T03:16:00Z');
    expect(r.iso(status.lastSuccessfulTime!)).toBe('2022-09-14T03:16:06.100Z');
    expect(status.active).toEqual([]);
  });

  test('no polling: every sync is at creation, a tick + 100 ms, or an instant a Job or the CronJob changed (§5.3)', () => {
    const syncs: number[] = [];
    const changes = new Set<number>([0]);
    const r2 = run({
      start: '2022-09-14T03:11:30Z', schedule: '*/1 * * * *', until: minutes(5),
      behaviours: [{ match: { owner: 'CronJob/testcron' }, runForMs: seconds(5) }],
      onStart: (sim) => sim.state.watch((c) => {
        if (c.object.kind === 'Job' || c.object.kind === 'CronJob') changes.add(c.atMs);
      }),
      afterCronSync: (sim) => syncs.push(sim.nowMs),
    });
    const ticks = [0, 1, 2, 3, 4].map((m) => seconds(30) + minutes(m) + 100);
    expect(syncs.filter((t) => !changes.has(t) && !ticks.includes(t))).toEqual([]);
    expect(new Set(syncs.filter((t) => ticks.includes(t))).size).toBe(5);
    expect(r2.jobs()).toHaveLength(5);
  });
});

describe('seed 003: daily-report at 09:00 Asia/Seoul on weekdays, Forbid (§5.2, §5.4 step 8)', () => {
  const base = {
    name: 'daily-report', namespace: 'production', schedule: '0 9 * * 1-5',
    spec: { timeZone: 'Asia/Seoul', concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 3 },
    jobSpec: { backoffLimit: 2 },
    start: '2024-01-07T12:00:00Z', // a Sunday
  } as const;

  test('a week: runs at 00:00Z Monday to Friday only', () => {
    const r = run({ ...base, until: days(7) });
    expect(r.cronEvents('SuccessfulCreate')).toEqual(['08', '09', '10', '11', '12'].map((d) => [
      `2024-01-${d}T00:00:00.100Z`, 'SuccessfulCreate', `Created job ${jobAt('daily-report', `2024-01-${d}T00:00:00Z`)}`,
    ]));
    expect(r.cronEvents('JobAlreadyActive')).toEqual([]);
    expect(r.liveJobs()).toEqual(['10', '11', '12'].map((d) => jobAt('daily-report', `2024-01-${d}T00:00:00Z`)));
  });

  test('with a Job longer than a day: the next run is skipped (JobAlreadyActive) and starts late when it ends', () => {
    const day = (d: string) => jobAt('daily-report', `2024-01-${d}T00:00:00Z`);
    const r = run({ ...base, until: days(4), behaviours: [{ match: { job: day('08') }, runForMs: hours(30) }] });
    // Monday's Job ends on Tuesday a little after 06:00 (pod start + 30 h, then the Job controller's batching).
    const mondayDone = r.iso(r.sim.state.history('Job')[0].status.completionTime!);
    expect(mondayDone).toMatch(/^2024-01-09T06:00:0\d\.\d+Z$/);
    const tuesdayJob = r.sim.state.history('Job')[1];
    expect(r.cronEvents().filter(([, reason]) => reason !== 'SawCompletedJob' && reason !== 'SuccessfulDelete')).toEqual([
      ['2024-01-08T00:00:00.100Z', 'SuccessfulCreate', `Created job ${day('08')}`],
      ['2024-01-09T00:00:00.100Z', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'],
      // lastScheduleTime stayed at Monday, so Tuesday's tick is still the most recent unmet one.
      [mondayDone, 'SuccessfulCreate', `Created job ${day('09')}`],
      ['2024-01-10T00:00:00.100Z', 'SuccessfulCreate', `Created job ${day('10')}`],
      ['2024-01-11T00:00:00.100Z', 'SuccessfulCreate', `Created job ${day('11')}`],
    ]);
    expect(r.cronEvents('SawCompletedJob')[0]).toEqual([mondayDone, 'SawCompletedJob', `Saw completed job: ${day('08')}, status: Complete`]);
    expect(tuesdayJob.name).toBe(day('09'));
  });

  test('with a starting deadline shorter than the overrun, the skipped run is dropped silently', () => {
    const monday = jobAt('daily-report', '2024-01-08T00:00:00Z');
    const r = run({
      ...base, spec: { ...base.spec, startingDeadlineSeconds: 3600 }, until: days(4), behaviours: [{ match: { job: monday }, runForMs: hours(30) }],
    });
    expect(r.cronEvents('SuccessfulCreate').map(([t]) => t)).toEqual(['2024-01-08T00:00:00.100Z', '2024-01-10T00:00:00.100Z', '2024-01-11T00:00:00.100Z']);
    expect(r.cronEvents('JobAlreadyActive')).toHaveLength(1);
    expect(r.cronEvents('MissSchedule')).toEqual([]);
  });
});

describe('concurrency policies', () => {
  test('Allow: overlapping Jobs run side by side', () => {
    const r = run({ start: '2024-01-01T00:00:00Z', schedule: '*/1 * * * *', until: minutes(3) + seconds(30), behaviours: [{ runForMs: seconds(100) }] });
    expect(r.cronJob().status.active.map((a) => a.name)).toEqual([jobAt('testcron', '2024-01-01T00:02:00Z'), jobAt('testcron', '2024-01-01T00:03:00Z')]);
  });

  test('Replace: the running Job is deleted (background, its pod follows) before the new one starts (§5.4 step 9)', () => {
    const r = run({
      start: '2024-01-01T00:00:00Z', schedule: '*/1 * * * *', spec: { concurrencyPolicy: 'Replace' }, until: minutes(3) + seconds(30), behaviours: [{ runForMs: 'forever' }],
    });
    const j = (m: string) => jobAt('testcron', `2024-01-01T00:0${m}:00Z`);
    expect(r.cronEvents()).toEqual([
      ['2024-01-01T00:01:00.100Z', 'SuccessfulCreate', `Created job ${j('1')}`],
      ['2024-01-01T00:02:00.100Z', 'SuccessfulDelete', `Deleted job ${j('1')}`],
      ['2024-01-01T00:02:00.100Z', 'SuccessfulCreate', `Created job ${j('2')}`],
      ['2024-01-01T00:03:00.100Z', 'SuccessfulDelete', `Deleted job ${j('2')}`],
      ['2024-01-01T00:03:00.100Z', 'SuccessfulCreate', `Created job ${j('3')}`],
    ]);
    expect(r.liveJobs()).toEqual([j('3')]);
    expect(r.sim.state.list('Pod').map((p) => p.name.slice(0, -6))).toEqual([j('3')]);
    expect(r.cronJob().status.active.map((a) => a.name)).toEqual([j('3')]);
  });
});

describe('catch-up: only the most recent missed tick runs (§5.5, §9 item 2)', () => {
  test('suspended for 3 h, then resumed: one Job for the most recent missed hour, no requeue while suspended (one stale wake-up)', () => {
    const syncs: number[] = [];
    const r = run({
      afterCronSync: (sim) => syncs.push(sim.nowMs),
      start: '2024-01-01T00:00:00Z', schedule: '0 * * * *', until: hours(5),
      steps: [
        [minutes(30), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: true } })],
        [hours(3) + minutes(30), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: false } })],
      ],
    });
    // 01:00, 02:00 and 03:00 are missed while suspended; the resume update syncs at once and starts 03:00 only.
    expect(r.cronEvents('SuccessfulCreate')).toEqual([
      ['2024-01-01T03:30:00Z', 'SuccessfulCreate', `Created job ${jobAt('testcron', '2024-01-01T03:00:00Z')}`],
      ['2024-01-01T04:00:00.100Z', 'SuccessfulCreate', `Created job ${jobAt('testcron', '2024-01-01T04:00:00Z')}`],
    ]);
    expect(r.cronEvents('TooManyMissedTimes')).toEqual([]);
    // Synced when suspended (the update), which requeues nothing. The 01:00 requeue queued before the
    // update still fires once, a no-op: client-go's delaying queue keeps a waiting entry when the key is
    // added again for now (cronjob_controllerv2.go updateCronJob: "the sync loop will essentially be a
    // no-op for the already queued key"). Nothing else until the resume update.
    expect(syncs.filter((t) => t > minutes(30) && t < hours(3) + minutes(30))).toEqual([hours(1) + 100]);
    expect(syncs).toContain(minutes(30));
  });

  test('suspended across a tick with a starting deadline that has passed: nothing runs at resume', () => {
    const r = run({
      start: '2024-01-01T00:00:00Z', schedule: '0 * * * *', spec: { startingDeadlineSeconds: 600 }, until: hours(5),
      steps: [
        [minutes(30), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: true } })],
        [hours(3) + minutes(30), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: false } })],
      ],
    });
    expect(r.cronEvents('SuccessfulCreate').map(([t]) => t)).toEqual(['2024-01-01T04:00:00.100Z']);
  });

  test('controller down 3 h across 02:00: the 02:00 run starts late at resume', () => {
    const r = run({
      start: '2024-01-01T00:00:00Z', name: 'daily-backup', schedule: '0 2 * * *', until: days(2),
      steps: [[hours(1), (a) => a.pauseController('cronjob', hours(3))]],
    });
    expect(r.cronEvents('SuccessfulCreate')).toEqual([
      ['2024-01-01T04:00:00Z', 'SuccessfulCreate', `Created job ${jobAt('daily-backup', '2024-01-01T02:00:00Z')}`],
      ['2024-01-02T02:00:00.100Z', 'SuccessfulCreate', `Created job ${jobAt('daily-backup', '2024-01-02T02:00:00Z')}`],
    ]);
  });

  test('controller down 3 h with a per-minute schedule: TooManyMissedTimes (1.27 message) and still one Job', () => {
    const r = run({
      start: '2024-01-01T00:00:00Z', schedule: '*/1 * * * *', until: hours(3) + minutes(2) + seconds(30),
      steps: [[minutes(1) + seconds(30), (a) => a.pauseController('cronjob', hours(3))]],
    });
    const atResume = r.cronEvents().filter(([t]) => t === '2024-01-01T03:01:30Z');
    // Last run 00:01; resumed at 03:01:30: ticks 00:02 … 03:01 = 180 missed, the most recent is 03:01.
    expect(atResume).toEqual([
      ['2024-01-01T03:01:30Z', 'TooManyMissedTimes', 'too many missed start times: 180. Set or decrease .spec.startingDeadlineSeconds or check clock skew'],
      ['2024-01-01T03:01:30Z', 'SuccessfulCreate', `Created job ${jobAt('testcron', '2024-01-01T03:01:00Z')}`],
    ]);
    expect(r.cronEvents('SuccessfulCreate').map(([t]) => t)).toEqual([
      '2024-01-01T00:01:00.100Z', '2024-01-01T03:01:30Z', '2024-01-01T03:02:00.100Z',
    ]);
  });
});

describe('schedules that never fire, and schedule changes', () => {
  test('0 0 30 2 *: Warning InvalidSchedule once, no Job, no requeue (§5.4 step 5)', () => {
    const r = run({ start: '2024-01-01T00:00:00Z', schedule: '0 0 30 2 *', until: days(400) });
    expect(r.cronEvents()).toEqual([
      ['2024-01-01T00:00:00Z', 'InvalidSchedule', 'invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second'],
    ]);
    expect(r.jobs()).toEqual([]);
    expect(r.sim.workQueue('cronjob').syncCount).toBe(1);
  });

  test('a schedule change requeues after the new schedule\'s next tick, so earlier ticks of the new schedule do not run (§5.3 updateCronJob)', () => {
    const r = run({
      start: '2024-01-01T00:00:30Z', schedule: '0 * * * *', until: minutes(19),
      steps: [[minutes(11) + seconds(30), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { schedule: '*/5 * * * *' } })]],
    });
    // Patched at 00:12: an immediate sync would have started the 00:10 tick; 1.27 waits for 00:15.
    expect(r.cronEvents('SuccessfulCreate')).toEqual([
      ['2024-01-01T00:15:00.100Z', 'SuccessfulCreate', `Created job ${jobAt('testcron', '2024-01-01T00:15:00Z')}`],
    ]);
  });

  test('resuming from suspend is an ordinary update: synced at once', () => {
    const r = run({
      start: '2024-01-01T00:00:00Z', schedule: '*/10 * * * *', spec: { suspend: true }, until: minutes(25),
      steps: [[minutes(13), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: false } })]],
    });
    expect(r.cronEvents('SuccessfulCreate').map(([t, , m]) => [t, m])).toEqual([
      ['2024-01-01T00:13:00Z', `Created job ${jobAt('testcron', '2024-01-01T00:10:00Z')}`],
      ['2024-01-01T00:20:00.100Z', `Created job ${jobAt('testcron', '2024-01-01T00:20:00Z')}`],
    ]);
  });
});

describe('properties', () => {
  const schedules = ['*/1 * * * *', '*/2 * * * *', '*/5 * * * *', '0 * * * *', '30 * * * *'];
  const scenario = fc.record({
    schedule: fc.constantFrom(...schedules),
    runForS: fc.integer({ min: 5, max: 1800 }),
    failEvery: fc.integer({ min: 0, max: 3 }),
    successfulLimit: fc.integer({ min: 0, max: 3 }),
    failedLimit: fc.integer({ min: 0, max: 3 }),
    pauseAtM: fc.integer({ min: 1, max: 150 }),
    pauseForM: fc.integer({ min: 0, max: 200 }),
    suspendAtM: fc.integer({ min: 1, max: 150 }),
    suspendForM: fc.integer({ min: 0, max: 120 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  });
  type S = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function simulateProperty(s: S, policy: 'Allow' | 'Forbid' | 'Replace', hooks: Pick<RunOptions, 'afterCronSync' | 'afterEach'> = {}): Run {
    // Every `failEvery`-th container run exits 1 (backoffLimit 0: the Job fails at once).
    const exitCodes = s.failEvery === 0 ? [0] : [...Array(s.failEvery).fill(0), 1];
    return run({
      start: '2024-01-01T00:00:00Z', schedule: s.schedule, seed: s.seed, until: hours(5),
      spec: { concurrencyPolicy: policy, successfulJobsHistoryLimit: s.successfulLimit, failedJobsHistoryLimit: s.failedLimit },
      jobSpec: { backoffLimit: 0 },
      behaviours: [{ runForMs: seconds(s.runForS), exitCodes }],
      steps: [
        [minutes(s.pauseAtM), (a) => a.pauseController('cronjob', minutes(s.pauseForM))],
        [minutes(s.suspendAtM), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: true } })],
        [minutes(s.suspendAtM + s.suspendForM), (a) => a.patch('CronJob', 'default', 'testcron', { spec: { suspend: false } })],
      ],
      ...hooks,
    });
  }

  test('Forbid never has two unfinished Jobs of one CronJob at once', () => {
    let withJobs = 0;
    fc.assert(fc.property(scenario, (s) => {
      let most = 0;
      const r = simulateProperty(s, 'Forbid', {
        afterEach: (sim) => {
          const running = sim.state.list('Job').filter((j) => finishedStatus(j) === null).length;
          most = Math.max(most, running);
        },
      });
      expect(most).toBeLessThanOrEqual(1);
      // Some scenarios start no Job at all (suspended from 1m to 101m, then the controller down
      // from 101m past the 5 h end): the property is then vacuous for that run, not false.
      if (r.jobs().length > 0) withJobs++;
    }), { numRuns: 25 });
    expect(withJobs).toBeGreaterThan(0);
  });

  test('after every CronJob sync, finished Jobs never exceed the history limits', () => {
    fc.assert(fc.property(scenario, fc.constantFrom<'Allow' | 'Forbid' | 'Replace'>('Allow', 'Forbid', 'Replace'), (s, policy) => {
      let checked = 0;
      simulateProperty(s, policy, {
        afterCronSync: (sim) => {
          const jobs = sim.state.list('Job');
          expect(jobs.filter((j) => finishedStatus(j) === 'Complete').length).toBeLessThanOrEqual(s.successfulLimit);
          expect(jobs.filter((j) => finishedStatus(j) === 'Failed').length).toBeLessThanOrEqual(s.failedLimit);
          checked++;
        },
      });
      expect(checked).toBeGreaterThan(0);
    }), { numRuns: 25 });
  });

  test('determinism: the same scenario and seed give byte-identical traces and Jobs', () => {
    fc.assert(fc.property(scenario, (s) => {
      const a = simulateProperty(s, 'Forbid');
      const b = simulateProperty(s, 'Forbid');
      expect(b.sim.trace.toJsonLines()).toBe(a.sim.trace.toJsonLines());
      expect(b.sim.state.history('Job').map((j) => [j.name, j.createdMs, j.deletedMs])).toEqual(a.sim.state.history('Job').map((j) => [j.name, j.createdMs, j.deletedMs]));
    }), { numRuns: 5 });
  });
});

describe("1.27's approximate most recent tick: a requeue that is already due (§5.3, #118724)", () => {
  // `*/7` restarts at every hour: the approximation walks a 7-minute grid from the first missed tick
  // (00:14, …, 00:56, 01:03, …), so at 01:00:00.1 with the 00:07 run still active it says 00:56,
  // whose Next (01:00) is already past: nextScheduleTimeDuration ≤ 0. The real worker spins until
  // 01:03; the simulated one re-syncs once a second instead of looping at one instant.
  const r = run({
    start: '2024-01-01T00:00:00Z', schedule: '*/7 * * * *', spec: { concurrencyPolicy: 'Forbid' },
    behaviours: [{ runForMs: hours(2) }], until: hours(3),
  });

  it('does not loop at one instant, and re-syncs once a second from 01:00:00.1 to 01:03', () => {
    const active = r.sim.trace.filter({ reason: 'JobAlreadyActive' }).map((e) => e.atMs);
    const window = active.filter((at) => at >= hours(1) && at < hours(1) + minutes(3) + seconds(1)).map((at) => r.iso(at));
    expect(window[0]).toBe('2024-01-01T01:00:00.100Z');
    expect(window.at(-1)).toBe('2024-01-01T01:03:00.100Z');
    expect(window).toHaveLength(181);
  });

  it('starts the late run (Forbid) for 02:06 — a point of the grid, not a tick of the schedule', () => {
    // 00:14 + 16 × 7 min = 02:06; the 2-hour run ends at 02:07:00.1 (+2 s for its Job to finish).
    expect(r.jobs()).toEqual([jobAt('testcron', '2024-01-01T00:07:00Z'), jobAt('testcron', '2024-01-01T02:06:00Z')]);
    expect(r.iso(r.sim.state.history('Job')[1].createdMs)).toBe('2024-01-01T02:07:02.100Z');
  });
});
