/**
 * The steady-state fast-forward (lib/simulator/fast-forward/fast-forward.ts) must not change any outcome: every
 * run here is made twice, with `fastForward: false` (every event replayed) and with the default,
 * and everything a caller can observe is compared — kept events and objects, counters, the random
 * generator's next draw, what is still queued. The steady cases also check that periods were
 * actually skipped, so a fast-forward that never engages cannot pass them.
 */
import fc from 'fast-check';
import { cronJobDraft, serviceDraft, statefulSetDraft } from '../../../lib/simulator/cluster/factories';
import type { PodBehaviour } from '../../../lib/simulator/cluster/behaviours';
import { firstAperiodic } from '../../../lib/simulator/fast-forward/periods';
import { Simulation, SimulationOptions } from '../../../lib/simulator/simulation';
import type { UserActions } from '../../../lib/simulator/user-actions';
import { Schedule } from '../../../lib/schedule/schedule';
import { simulate } from '../../../lib/simulator/index';
import { DEFAULT_KEEP_DELETED } from '../../../lib/simulator/cluster/store-types';
import { keepDeletedBound } from '../../../lib/simulator/cluster/instance-history';
import { DEFAULT_MAX_EVENTS } from '../../../lib/simulator/engine/trace';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BOUNDED: SimulationOptions = { history: 'summary', keepDeleted: 10, maxEvents: 300 };

interface CronJobCase {
  readonly name?: string;
  readonly schedule: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  readonly successfulJobsHistoryLimit?: number;
  readonly failedJobsHistoryLimit?: number;
  readonly startingDeadlineSeconds?: number;
  readonly restartPolicy?: 'Never' | 'OnFailure';
  readonly backoffLimit?: number;
  readonly parallelism?: number;
  readonly completions?: number;
  readonly ttlSecondsAfterFinished?: number;
}

interface Run {
  readonly cronJobs: readonly CronJobCase[];
  readonly behaviours?: readonly PodBehaviour[];
  readonly options?: SimulationOptions;
  /** A StatefulSet of this many replicas alongside (pods outside the family). */
  readonly statefulSet?: number;
  /** Scenario steps. */
  readonly steps?: ReadonlyArray<{ readonly atMs: number; readonly act: (a: UserActions) => void }>;
  /** `runUntil` is called at each of these, in order; the outcome is compared after each. */
  readonly until: readonly number[];
  readonly startEpochMs?: number;
  readonly seed?: number;
}

function cronJob(c: CronJobCase, i: number) {
  const name = c.name ?? `cj${i}`;
  const jobSpec: Record<string, unknown> = {
    backoffLimit: c.backoffLimit ?? 6,
    ...(c.parallelism !== undefined ? { parallelism: c.parallelism } : {}),
    ...(c.completions !== undefined ? { completions: c.completions } : {}),
    ...(c.ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished: c.ttlSecondsAfterFinished } : {}),
    template: { spec: { restartPolicy: c.restartPolicy ?? 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }] } },
  };
  return cronJobDraft({
    namespace: 'default', name,
    spec: {
      schedule: c.schedule, ...(c.timeZone ? { timeZone: c.timeZone } : {}), concurrencyPolicy: c.concurrencyPolicy ?? 'Allow',
      successfulJobsHistoryLimit: c.successfulJobsHistoryLimit ?? 3, failedJobsHistoryLimit: c.failedJobsHistoryLimit ?? 1,
      ...(c.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: c.startingDeadlineSeconds } : {}),
      jobTemplate: { spec: jobSpec },
    },
  });
}

/** Everything a caller can observe of a simulation, as one string. */
function observe(sim: Simulation): string {
  const kinds = ['CronJob', 'Job', 'Pod', 'StatefulSet', 'Service', 'Node'] as const;
  const counters = sim.state.counters();
  return JSON.stringify({
    now: sim.nowMs,
    processed: sim.eventsProcessed,
    recorded: sim.trace.recordedCount,
    droppedEvents: sim.trace.dropped,
    events: sim.trace.events,
    dropped: sim.state.droppedCounts(),
    counters: { uids: counters.uids, rv: counters.resourceVersion, deleted: [...counters.deleted] },
    history: kinds.map((k) => sim.state.history(k)),
    live: kinds.map((k) => sim.state.list(k).map((o) => o.name)),
    draws: sim.rng.draws,
    nextDraw: sim.rng.clone().next(),
    queued: sim.queue.size,
    sequence: sim.queue.sequence,
    next: sim.queue.peek() && { atMs: sim.queue.peek()!.atMs, label: sim.queue.peek()!.label, seq: sim.queue.peek()!.seq },
    syncs: sim.controllerNames.map((n) => sim.workQueue(n).syncCount),
    dns: sim.dns.lookup('web-0.web', sim.nowMs),
  });
}

function build(run: Run, fastForward: boolean): Simulation {
  const sim = new Simulation({
    seed: run.seed ?? 7, startEpochMs: run.startEpochMs ?? Date.UTC(2024, 0, 1), loopLimit: Number.MAX_SAFE_INTEGER,
    behaviours: run.behaviours ?? [{ runForMs: 2_000 }], ...(run.options ?? BOUNDED), fastForward,
  });
  if (run.statefulSet !== undefined) {
    sim.apply([
      serviceDraft({ namespace: 'default', name: 'web', spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] } }),
      statefulSetDraft({
        namespace: 'default', name: 'web',
        spec: {
          replicas: run.statefulSet, serviceName: 'web', selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
        },
      }),
    ]);
  }
  sim.apply(run.cronJobs.map(cronJob));
  for (const s of run.steps ?? []) sim.at(s.atMs, 'step', s.act);
  return sim;
}

/** Runs `run` both ways, comparing after each `until`; returns the fast-forwarded simulation. */
function expectSameOutcome(run: Run): Simulation {
  const full = build(run, false);
  const fast = build(run, true);
  for (const until of run.until) {
    full.runUntil(until);
    fast.runUntil(until);
    expect(observe(fast)).toBe(observe(full));
  }
  expect(full.fastForwarded).toBeUndefined();
  return fast;
}

const skippedPeriods = (sim: Simulation) => sim.fastForwarded?.periods ?? 0;

describe('fast-forward: same outcome as replaying every event', () => {
  it.each<[string, Run, number]>([
    // [case, run, at least this many periods skipped]
    ['a per-minute CronJob with short pods (the benchmark)', { cronJobs: [{ schedule: '* * * * *' }], until: [2 * DAY] }, 2_500],
    ['failing pods: a failed Job kept per the failed history limit', {
      cronJobs: [{ schedule: '*/2 * * * *', backoffLimit: 0 }], behaviours: [{ runForMs: 5_000, exitCodes: [1] }], until: [DAY],
    }, 500],
    ['OnFailure restarts in place before the Job fails', {
      cronJobs: [{ schedule: '*/10 * * * *', restartPolicy: 'OnFailure', backoffLimit: 2 }], behaviours: [{ runForMs: 3_000, exitCodes: [1] }], until: [3 * DAY],
    }, 200],
    ['Forbid with runs longer than the interval (every other tick skipped)', {
      cronJobs: [{ schedule: '*/5 * * * *', concurrencyPolicy: 'Forbid' }], behaviours: [{ runForMs: 7 * MIN }], until: [DAY],
    }, 0],
    ['Replace with runs longer than the interval', {
      cronJobs: [{ schedule: '*/5 * * * *', concurrencyPolicy: 'Replace' }], behaviours: [{ runForMs: 7 * MIN }], until: [DAY],
    }, 0],
    ['two CronJobs with different periods (the whole repeats every 3 minutes)', {
      cronJobs: [{ schedule: '* * * * *' }, { schedule: '*/3 * * * *', successfulJobsHistoryLimit: 1 }], until: [DAY],
    }, 300],
    ['parallel Jobs: three pods each (generated names checked for collisions)', {
      cronJobs: [{ schedule: '*/2 * * * *', parallelism: 3, completions: 3 }], until: [DAY],
    }, 500],
    ['ttlSecondsAfterFinished: the TTL controller deletes each Job', {
      cronJobs: [{ schedule: '* * * * *', ttlSecondsAfterFinished: 30, successfulJobsHistoryLimit: 5 }], until: [DAY],
    }, 1_000],
    ['daily in a DST zone over the spring change (windows end at the change)', {
      cronJobs: [{ schedule: '30 2 * * *', timeZone: 'America/New_York', successfulJobsHistoryLimit: 1 }],
      options: { history: 'summary', keepDeleted: 2, maxEvents: 20 }, until: [80 * DAY],
    }, 20],
    ['weekdays 09:00 in Seoul (a week is the period)', {
      cronJobs: [{ schedule: '0 9 * * 1-5', timeZone: 'Asia/Seoul', successfulJobsHistoryLimit: 1 }],
      options: { history: 'summary', keepDeleted: 2, maxEvents: 30 }, until: [120 * DAY],
    }, 1],
    ['@every 90s', { cronJobs: [{ schedule: '@every 90s' }], until: [DAY] }, 500],
    ['a StatefulSet running alongside, scaled by a scenario step', {
      cronJobs: [{ schedule: '* * * * *' }], statefulSet: 2, behaviours: [{ match: { owner: 'CronJob/cj0' }, runForMs: 2_000 }],
      steps: [{ atMs: 10 * HOUR + 17_000, act: (a) => a.scale('StatefulSet', 'default', 'web', 3) }], until: [DAY],
    }, 1_000],
    ['controller downtime then catch-up (pauseController)', {
      cronJobs: [{ schedule: '* * * * *' }],
      steps: [{ atMs: 9 * HOUR, act: (a) => a.pauseController('cronjob', 3 * HOUR) }], until: [DAY],
    }, 1_000],
    ['suspended, then resumed, by patches', {
      cronJobs: [{ schedule: '*/5 * * * *', name: 'report' }],
      steps: [
        { atMs: 6 * HOUR, act: (a) => a.patch('CronJob', 'default', 'report', { spec: { suspend: true } }) },
        { atMs: 9 * HOUR, act: (a) => a.patch('CronJob', 'default', 'report', { spec: { suspend: false } }) },
      ], until: [DAY],
    }, 100],
    ['runUntil in chunks, the outcome compared after each', {
      cronJobs: [{ schedule: '* * * * *' }], until: [3 * HOUR, 3 * HOUR + 30_000, 7 * HOUR + 1, DAY, 2 * DAY],
    }, 1_000],
    ['nothing kept: keepDeleted 0 and maxEvents 0', {
      cronJobs: [{ schedule: '* * * * *' }], options: { history: 'summary', keepDeleted: 0, maxEvents: 0 }, until: [DAY],
    }, 1_000],
    ['whole deleted objects kept (history full)', {
      cronJobs: [{ schedule: '*/2 * * * *' }], options: { history: 'full', keepDeleted: 5, maxEvents: 100 }, until: [DAY],
    }, 500],
    ['a scenario step inside the first periods (a period with a step in it does not repeat)', {
      cronJobs: [{ schedule: '* * * * *', successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0, backoffLimit: 0 }],
      behaviours: [{ runForMs: 1_000 }], options: { history: 'summary', keepDeleted: 0, maxEvents: 0 },
      steps: [{ atMs: MIN + 101, act: (a) => a.deletePods({ owner: 'CronJob/cj0' }) }], until: [6 * HOUR],
    }, 300],
    ['a short run: too short to skip anything', { cronJobs: [{ schedule: '* * * * *' }], until: [20 * MIN] }, 0],
  ])('%s', (_name, run, minSkipped) => {
    const fast = expectSameOutcome(run);
    expect(skippedPeriods(fast)).toBeGreaterThanOrEqual(minSkipped);
  });

  it('holds for random CronJobs, pod behaviours, bounds and scenario steps', () => {
    const schedules = ['* * * * *', '*/2 * * * *', '*/7 * * * *', '0 * * * *', '15,45 * * * *', '@every 5m', '0 */6 * * *'];
    fc.assert(fc.property(
      fc.record({
        schedule: fc.constantFrom(...schedules),
        concurrencyPolicy: fc.constantFrom('Allow', 'Forbid', 'Replace'),
        restartPolicy: fc.constantFrom('Never', 'OnFailure'),
        backoffLimit: fc.integer({ min: 0, max: 2 }),
        successfulJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
        failedJobsHistoryLimit: fc.integer({ min: 0, max: 2 }),
        startingDeadlineSeconds: fc.option(fc.constantFrom(10, 200), { nil: undefined }),
        parallelism: fc.constantFrom(1, 1, 2),
      }),
      fc.record({
        runForMs: fc.constantFrom(1_000, 30_000, 59_000, 90_000, 5 * MIN, 2 * HOUR),
        exitCodes: fc.constantFrom([0], [1], [1, 0], [0, 1]),
      }),
      fc.record({ keepDeleted: fc.integer({ min: 0, max: 15 }), maxEvents: fc.integer({ min: 0, max: 400 }), full: fc.boolean() }),
      fc.constantFrom('none', 'pause', 'suspend', 'delete-pods'),
      fc.integer({ min: 1, max: 20 * HOUR }),
      fc.integer({ min: 6 * HOUR, max: 2 * DAY }),
      fc.integer({ min: 1, max: 1_000 }),
      (cj, behaviour, bounds, step, stepAt, until, seed) => {
        const steps = step === 'none' ? [] : [{
          atMs: Math.min(stepAt, until), act: (a: UserActions) => {
            if (step === 'pause') a.pauseController('cronjob', 2 * HOUR);
            else if (step === 'suspend') a.patch('CronJob', 'default', 'cj0', { spec: { suspend: true } });
            else a.deletePods({ owner: 'CronJob/cj0' });
          },
        }];
        expectSameOutcome({
          cronJobs: [{ ...cj, completions: cj.parallelism }], behaviours: [behaviour], steps, until: [until], seed,
          options: { history: bounds.full ? 'full' : 'summary', keepDeleted: bounds.keepDeleted, maxEvents: bounds.maxEvents },
        });
      },
    ), { numRuns: Number(process.env.FF_PROPERTY_RUNS) || 20 });
  });
});

describe('fast-forward: when it applies', () => {
  const perMinute: Run = { cronJobs: [{ schedule: '* * * * *' }], until: [DAY] };

  it.each<[string, SimulationOptions]>([['defaults', {}], ['keepDeleted 10', { keepDeleted: 10 }], ['maxEvents 100', { maxEvents: 100 }]])(
    'the bounds in force (%s): the given ones, else none for a week and the defaults past it', (_name, options) => {
      const sim = new Simulation(options);
      expect([keepDeletedBound(options.keepDeleted, 7 * DAY), sim.trace.boundAt(7 * DAY)]).toEqual([options.keepDeleted ?? Infinity, options.maxEvents ?? Infinity]);
      expect([keepDeletedBound(options.keepDeleted, 7 * DAY + 1), sim.trace.boundAt(7 * DAY + 1)])
        .toEqual([options.keepDeleted ?? DEFAULT_KEEP_DELETED, options.maxEvents ?? DEFAULT_MAX_EVENTS]);
    });

  it('with the default bounds, skips nothing in a week or less (everything is kept) and skips past a week, with the same outcome', () => {
    expect(skippedPeriods(expectSameOutcome({ ...perMinute, options: {}, until: [5 * DAY] }))).toBe(0);
    expect(skippedPeriods(expectSameOutcome({ ...perMinute, options: {}, until: [9 * DAY] }))).toBeGreaterThan(5_000);
  });

  it('skips nothing while an onRecord listener wants every event', () => {
    const sim = build(perMinute, true);
    let seen = 0;
    sim.trace.onRecord(() => seen++);
    sim.runUntil(DAY);
    expect(sim.fastForwarded?.periods).toBe(0);
    expect(seen).toBe(sim.trace.recordedCount);
  });

  it('does not apply when a pod profile picks pods by a name that changes every run', () => {
    for (const match of [{ name: 'cj0-*' }, { job: 'cj0-28*' }, { owner: 'Job/cj0-*' }, { labels: { 'job-name': 'cj0-28401127' } }]) {
      const sim = build({ ...perMinute, behaviours: [{ match, runForMs: 1_000 }, { runForMs: 2_000 }] }, true);
      expect(sim.fastForwarded).toBeUndefined();
    }
  });

  it('fails when fastForward is not a boolean, naming the option', () => {
    expect(() => new Simulation({ fastForward: 'no' as unknown as boolean })).toThrow('fastForward must be true or false, got "no"');
  });

  it('is turned off by fastForward: false', () => {
    expect(build(perMinute, false).fastForwarded).toBeUndefined();
  });

  it('skips most of a simulated year of a per-minute CronJob, leaving a real tail before the end', () => {
    const sim = build({ cronJobs: [{ schedule: '* * * * *' }], until: [] }, true);
    sim.runUntil(365 * DAY);
    const { periods, skips } = sim.fastForwarded!;
    expect(skips).toBe(1);
    expect(periods).toBeGreaterThan(525_000);
    // Every run created a Job (the one at the end instant itself is not reached): 2024-12-31T00:00Z is minute 28926720.
    expect(sim.state.history('Job').length + sim.state.droppedCount('Job')).toBe(365 * 1_440 - 1);
    expect(sim.state.list('Job').map((j) => j.name)).toEqual(['cj0-28926717', 'cj0-28926718', 'cj0-28926719']);
    expect(sim.trace.events).toHaveLength(300);
  });
});

describe('firstAperiodic', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each<[string, string, string | undefined, string, string, number, string | undefined]>([
    ['every minute repeats with a 1-minute period', '* * * * *', undefined, '2024-01-01T00:00:00Z', '2024-01-08T00:00:00Z', MIN, undefined],
    ['every minute repeats with a 3-minute period too', '* * * * *', undefined, '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', 3 * MIN, undefined],
    ['weekdays do not repeat daily: Saturday has no run', '0 9 * * 1-5', undefined, '2024-01-01T00:00:00Z', '2024-01-31T00:00:00Z', DAY, '2024-01-06T09:00:00.000Z'],
    ['weekdays repeat weekly', '0 9 * * 1-5', 'Asia/Seoul', '2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z', 7 * DAY, undefined],
    ['02:30 New York: the spring change moves the run an hour', '30 2 * * *', 'America/New_York', '2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z', DAY, '2024-03-10T07:30:00.000Z'],
    ['the 31st: months without one break the period', '0 0 31 * *', undefined, '2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z', 31 * DAY, '2024-03-02T00:00:00.000Z'],
  ])('%s', (_name, expr, timeZone, from, to, periodMs, broken) => {
    const schedule = Schedule.parse(expr, timeZone ? { timeZone } : {});
    const got = firstAperiodic(schedule, at(from), at(to), periodMs);
    expect(got === undefined ? undefined : new Date(got).toISOString()).toBe(broken);
  });
});

describe('fast-forward through simulate()', () => {
  const fixtures = `${__dirname}/../fixtures`;
  it('gives the same JSON and text reports as replaying every event, and skips most of the two days', () => {
    const options = { scenarioFile: `${fixtures}/every-minute.scenario.yaml`, history: 'summary' as const, keepDeleted: 5, maxEvents: 50 };
    const fast = simulate(`${fixtures}/every-minute-cronjob.yaml`, options.scenarioFile, options);
    const replayed = simulate(`${fixtures}/every-minute-cronjob.yaml`, options.scenarioFile, { ...options, fastForward: false });
    expect(fast.toJson()).toBe(replayed.toJson());
    expect(fast.toText()).toBe(replayed.toText());
    expect(fast.dropped).toEqual(replayed.dropped);
    expect(fast.simulation.fastForwarded!.periods).toBeGreaterThan(2_500);
    expect(replayed.simulation.fastForwarded).toBeUndefined();
  });
});
