/**
 * Hand-built simulation reports (the DESIGN.md `--format json` shape) for the HTML timeline tests:
 * small ones with known lanes and phases, and large ones (200 pods, 1,000 jobs) for aggregation,
 * size and render-time checks. Times are given in ms after the start.
 */
import type { SimulationReport } from '../../lib/simulator/report/json';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type Pod = Mutable<SimulationReport['pods'][number]>;
type Job = Mutable<SimulationReport['jobs'][number]>;
type Ev = Mutable<SimulationReport['events'][number]>;

/** Milliseconds from minutes. */
export const min = (m: number): number => m * 60_000;
/** Milliseconds from seconds. */
export const sec = (s: number): number => s * 1000;

/** Builds a report with times relative to `start`. */
export class ReportBuilder {
  private readonly startMs: number;
  private readonly events: Ev[] = [];
  private readonly pods: Pod[] = [];
  private readonly jobs: Job[] = [];
  private readonly pvcs: { name: string; status: string; created: string; deleted: string | null }[] = [];

  public constructor(start = '2022-09-13T00:00:00Z', private readonly untilMs = min(30), private readonly seed = 1) {
    this.startMs = Date.parse(start);
  }

  /** RFC 3339 of a relative time (null stays null). */
  public t(ms: number | null | undefined): string | null {
    if (ms === null || ms === undefined) return null;
    return new Date(this.startMs + ms).toISOString().replace('.000Z', 'Z');
  }

  /** Adds an event. */
  public event(atMs: number, type: 'Normal' | 'Warning', object: { kind: string; name: string; namespace?: string }, reason: string, message: string, related?: { kind: string; name: string }): this {
    this.events.push({ time: this.t(atMs)!, type, object: { namespace: 'default', ...object }, reason, message, ...(related ? { related } : {}) });
    return this;
  }

  /** Adds a pod instance. */
  public pod(p: {
    name: string; namespace?: string; node?: string | null; owner?: { kind: string; name: string } | null; image?: string;
    phase?: string; ready?: boolean; restarts?: number;
    created: number; started?: number | null; readyAt?: number | null; finished?: number | null; deleting?: number | null; deleted?: number | null;
  }): this {
    const idx = this.pods.length;
    this.pods.push({
      name: p.name, namespace: p.namespace ?? 'default', node: p.node === undefined ? 'worker1' : p.node,
      ip: p.node === null ? null : `10.244.1.${(idx % 250) + 2}`, image: p.image ?? 'nginx:1.25',
      phase: p.phase ?? 'Running', ready: p.ready ?? (p.readyAt !== undefined && p.readyAt !== null && p.deleting == null),
      restarts: p.restarts ?? 0, owner: p.owner ?? null,
      created: this.t(p.created)!, started: this.t(p.started), readyAt: this.t(p.readyAt), finished: this.t(p.finished),
      deleting: this.t(p.deleting), deleted: this.t(p.deleted),
    });
    return this;
  }

  /** Adds a Job instance. */
  public job(j: { name: string; owner?: { kind: string; name: string } | null; created: number; finished?: number | null; condition?: 'Complete' | 'Failed' | null; reason?: string | null; succeeded?: number; failed?: number; deleted?: number | null }): this {
    this.jobs.push({
      name: j.name, owner: j.owner ?? null, created: this.t(j.created)!, finished: this.t(j.finished),
      condition: j.condition ?? null, reason: j.reason ?? null, succeeded: j.succeeded ?? (j.condition === 'Complete' ? 1 : 0),
      failed: j.failed ?? (j.condition === 'Failed' ? 1 : 0), deleted: this.t(j.deleted),
    });
    return this;
  }

  /** Adds a PVC instance. */
  public pvc(name: string, created: number, deleted: number | null = null): this {
    this.pvcs.push({ name, status: 'Bound', created: this.t(created)!, deleted: this.t(deleted) });
    return this;
  }

  /** The report; events sorted by time (stable), as the simulator emits them. */
  public build(): SimulationReport {
    const events = this.events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.time) - Date.parse(b.e.time) || a.i - b.i).map(({ e }) => e);
    return {
      start: this.t(0)!, end: this.t(this.untilMs)!, seed: this.seed,
      events, pods: this.pods, persistentVolumeClaims: this.pvcs, jobs: this.jobs, dns: {},
    };
  }
}

/**
 * StatefulSet `web` (3 replicas, OrderedReady) then a rolling update with partition 1 at 5m:
 * web-2 then web-1 are replaced; web-0 keeps the old revision.
 */
export function statefulSetRollout(): SimulationReport {
  const b = new ReportBuilder('2022-09-13T00:00:00Z', min(10));
  const sts = { kind: 'StatefulSet', name: 'web' };
  const up = (i: number, at: number): number => {
    b.event(at, 'Normal', sts, 'SuccessfulCreate', `create Pod web-${i} in StatefulSet web successful`, { kind: 'Pod', name: `web-${i}` });
    return at;
  };
  let t = 0;
  for (let i = 0; i < 3; i++) {
    up(i, t);
    b.pvc(`www-web-${i}`, t);
    b.pod({ name: `web-${i}`, node: `worker${i + 1}`, owner: sts, created: t, started: t + sec(1), readyAt: t + sec(5), deleting: i > 0 ? min(5) + (2 - i) * sec(8) : null, deleted: i > 0 ? min(5) + (2 - i) * sec(8) + sec(1) : null, phase: 'Running' });
    t += sec(5);
  }
  for (const i of [2, 1]) {
    const del = min(5) + (2 - i) * sec(8);
    b.event(del, 'Normal', sts, 'SuccessfulDelete', `delete Pod web-${i} in StatefulSet web successful`, { kind: 'Pod', name: `web-${i}` });
    up(i, del + sec(1));
    b.pod({ name: `web-${i}`, node: `worker${i + 1}`, owner: sts, image: 'nginx:1.26', created: del + sec(1), started: del + sec(2), readyAt: del + sec(6) });
  }
  return b.build();
}

/** StatefulSet `db` with `n` replicas created one after the other, 5 s apart. */
export function bigStatefulSet(n: number): SimulationReport {
  const b = new ReportBuilder('2024-01-01T00:00:00Z', n * sec(5) + min(5));
  const sts = { kind: 'StatefulSet', name: 'db' };
  for (let i = 0; i < n; i++) {
    const t = i * sec(5);
    b.event(t, 'Normal', sts, 'SuccessfulCreate', `create Pod db-${i} in StatefulSet db successful`, { kind: 'Pod', name: `db-${i}` });
    b.pod({ name: `db-${i}`, node: `worker${(i % 3) + 1}`, owner: sts, created: t, started: t + sec(1), readyAt: t + sec(5) });
  }
  return b.build();
}

/**
 * CronJob `report` running every 10 minutes for `n` runs; every 7th run fails after a retry, every
 * 13th is skipped (Forbid: previous still running) with a JobAlreadyActive event. Time zone given
 * by the caller through options (Asia/Seoul in the tests).
 */
export function cronJobRuns(n: number): SimulationReport {
  const b = new ReportBuilder('2022-09-12T00:00:00Z', n * min(10) + min(10));
  const cj = { kind: 'CronJob', name: 'report' };
  for (let i = 0; i < n; i++) {
    const t = i * min(10);
    const name = `report-${27718560 + i * 10}`;
    if (i % 13 === 12) {
      b.event(t, 'Normal', cj, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      continue;
    }
    const owner = { kind: 'Job', name };
    b.event(t, 'Normal', cj, 'SuccessfulCreate', `Created job ${name}`, { kind: 'Job', name });
    const failing = i % 7 === 6;
    if (failing) {
      b.pod({ name: `${name}-a${i}`, owner, node: 'worker1', created: t, started: t + sec(1), finished: t + sec(30), phase: 'Failed' });
      b.pod({ name: `${name}-b${i}`, owner, node: 'worker2', created: t + sec(40), started: t + sec(41), finished: t + sec(70), phase: 'Failed' });
      b.event(t + sec(70), 'Warning', { kind: 'Job', name }, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      b.job({ name, owner: cj, created: t, finished: t + sec(70), condition: 'Failed', reason: 'BackoffLimitExceeded', failed: 2 });
    } else {
      b.pod({ name: `${name}-c${i}`, owner, node: 'worker3', created: t, started: t + sec(1), finished: t + min(3), phase: 'Succeeded' });
      b.event(t + min(3), 'Normal', { kind: 'Job', name }, 'Completed', 'Job completed');
      b.job({ name, owner: cj, created: t, finished: t + min(3), condition: 'Complete' });
    }
    b.event(t + min(3) + sec(1), 'Normal', cj, 'SawCompletedJob', `Saw completed job: ${name}, status: ${failing ? 'Failed' : 'Complete'}`);
  }
  return b.build();
}

/**
 * A bit of everything: a DaemonSet on three nodes (one pod replaced on worker2, one Pending on the
 * tainted manager), a standalone Job with two parallel pods and a retry, a bare pod, a Node event,
 * and names/messages with HTML metacharacters.
 */
export function mixedReport(): SimulationReport {
  const b = new ReportBuilder('2022-09-13T00:00:00Z', min(20));
  const ds = { kind: 'DaemonSet', name: 'fluentd' };
  b.pod({ name: 'fluentd-x2b4c', node: 'worker10', owner: ds, created: 0, started: sec(1), readyAt: sec(5) });
  b.pod({ name: 'fluentd-k9z7q', node: 'worker2', owner: ds, created: 0, started: sec(1), readyAt: sec(5), deleting: min(4), deleted: min(4) + sec(1) });
  b.pod({ name: 'fluentd-m4p8d', node: 'worker2', owner: ds, created: min(4) + sec(1), started: min(4) + sec(2), readyAt: min(4) + sec(6) });
  b.pod({ name: 'fluentd-q5w2h', node: null, owner: ds, created: 0, phase: 'Pending' });
  b.event(0, 'Warning', { kind: 'Pod', name: 'fluentd-q5w2h' }, 'FailedScheduling', '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 Insufficient cpu.');
  b.event(min(4), 'Normal', ds, 'SuccessfulDelete', 'Deleted pod: fluentd-k9z7q', { kind: 'Pod', name: 'fluentd-k9z7q' });
  b.event(min(4) + sec(1), 'Normal', ds, 'SuccessfulCreate', 'Created pod: fluentd-m4p8d', { kind: 'Pod', name: 'fluentd-m4p8d' });
  const job = { kind: 'Job', name: 'migrate' };
  b.job({ name: 'migrate', created: min(1), finished: min(3), condition: 'Complete', succeeded: 2, failed: 1 });
  b.pod({ name: 'migrate-aaaaa', owner: job, created: min(1), started: min(1) + sec(1), finished: min(1) + sec(20), phase: 'Failed' });
  b.pod({ name: 'migrate-bbbbb', owner: job, created: min(1), started: min(1) + sec(1), finished: min(2), phase: 'Succeeded' });
  b.pod({ name: 'migrate-ccccc', owner: job, created: min(1) + sec(30), started: min(1) + sec(31), finished: min(3), phase: 'Succeeded' });
  b.pod({ name: '<script>alert("x")</script>', owner: null, created: min(2), started: min(2) + sec(1), readyAt: min(2) + sec(5) });
  b.event(min(2) + sec(10), 'Warning', { kind: 'Pod', name: '<script>alert("x")</script>' }, 'Unhealthy', 'Readiness probe failed: "<b>&nope</b>"');
  b.event(min(8), 'Normal', { kind: 'Node', name: 'worker3', namespace: '' }, 'NodeNotReady', 'Node worker3 status is now: NodeNotReady');
  return b.build();
}
