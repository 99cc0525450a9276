/**
 * A self-contained HTML timeline of a simulation: one lane per pod, grouped by owner, bars coloured
 * by phase, markers for scenario steps and Warning events, a time axis in the scenario clock (UTC)
 * and in each CronJob's time zone, a summary header and a legend.
 *
 * The page is inline SVG + CSS only: no script, no external resource, and a Content-Security-Policy
 * (`default-src 'none'`) that forbids the browser to fetch anything. Hover text comes from SVG
 * `<title>` elements. Output is a pure function of its inputs: the same report and options give the
 * same bytes (no clock, no locale-dependent sorting, fixed number formatting).
 */
import { civilFromLocal, WallClock, Zone } from '../../schedule/zone';
import type { SimulationReport } from './json';

type ReportEvent = SimulationReport['events'][number];
type ReportPod = SimulationReport['pods'][number];
type ReportJob = SimulationReport['jobs'][number];

/** A scenario step to mark on the timeline. Give `atMs` (ms after the start) or `time` (RFC 3339). */
export interface TimelineStep {
  /**
   * Milliseconds after the scenario start.
   * @default - taken from `time`
   */
  readonly atMs?: number;
  /**
   * The instant, RFC 3339.
   * @default - taken from `atMs`
   */
  readonly time?: string;
  /** What happened, e.g. "scale StatefulSet/web to 5". */
  readonly label: string;
}

/** An object the simulation was given, counted in the summary header. */
export interface TimelineObjectRef {
  /** Kubernetes kind, e.g. `StatefulSet`. */
  readonly kind: string;
  /**
   * Namespace.
   * @default - none (cluster-scoped or unknown)
   */
  readonly namespace?: string;
  /** Object name. */
  readonly name: string;
}

/** Options of {@link renderHtmlTimeline}. */
export interface HtmlTimelineOptions {
  /**
   * Page title and heading.
   * @default 'Simulation timeline'
   */
  readonly title?: string;
  /**
   * Scenario steps drawn as vertical markers (a parsed scenario's `steps` have `atMs` and `label`).
   * @default - no step markers
   */
  readonly steps?: readonly TimelineStep[];
  /**
   * CronJob time zones (`spec.timeZone`), keyed `namespace/name` or `name`. Each distinct zone gets
   * its own axis row, and the CronJob's group names its zone. See {@link cronJobTimeZones}.
   * @default - UTC only
   */
  readonly timeZones?: Readonly<Record<string, string>>;
  /**
   * The objects the simulation was given, for the "objects" count of the summary.
   * @default - the workloads the report shows (one per owner group) and the pods without owner
   */
  readonly objects?: readonly TimelineObjectRef[];
  /**
   * Width of the time axis in CSS pixels (the label column comes on top). At least 200.
   * @default 1200
   */
  readonly plotWidth?: number;
  /**
   * Lanes drawn per owner before the rest is folded into one "+N more" lane. At least 2.
   * @default 200
   */
  readonly maxLanesPerGroup?: number;
  /**
   * A CronJob with more Jobs than this is drawn as one aggregated lane with one tick per Job,
   * coloured by outcome, instead of one lane per Job. At least 1.
   * @default 30
   */
  readonly maxJobLanesPerCronJob?: number;
  /**
   * Every state change of each pod, aligned with `report.pods` (entry i belongs to pod i; the
   * simulator's per-pod `timeline`). With them, bars show readiness lost and regained (a failing
   * readiness probe, a container restarted in place), which the report's first-time fields cannot.
   * @default - bars derived from the report's `created`/`started`/`readyAt`/`finished`/`deleting`/`deleted`
   */
  readonly podTransitions?: readonly (readonly TimelinePodTransition[] | null | undefined)[];
}

/** One state change of a pod (a subset of the simulator's PodTransition). */
export interface TimelinePodTransition {
  /** When, ms after the scenario start. */
  readonly atMs: number;
  /** Pod phase from then on: Pending, Running, Succeeded or Failed. */
  readonly phase: string;
  /** Ready from then on. */
  readonly ready: boolean;
  /** Whether deletion had been requested. */
  readonly terminating: boolean;
}

// ---------------------------------------------------------------------------------------------
// Model

/** Display phases of a pod bar. `Running` means running but not Ready. */
type Phase = 'Pending' | 'Running' | 'Ready' | 'Succeeded' | 'Failed' | 'Terminating';

const PHASES: readonly Phase[] = ['Pending', 'Running', 'Ready', 'Succeeded', 'Failed', 'Terminating'];
const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  Pending: 'Pending',
  Running: 'Running, not ready',
  Ready: 'Ready',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Terminating: 'Terminating',
};
const PHASE_CLASS: Readonly<Record<Phase, string>> = {
  Pending: 'ph-pending',
  Running: 'ph-running',
  Ready: 'ph-ready',
  Succeeded: 'ph-succeeded',
  Failed: 'ph-failed',
  Terminating: 'ph-terminating',
};

type JobOutcome = 'Complete' | 'Failed' | 'Active' | 'Deleted';
const OUTCOME_CLASS: Readonly<Record<JobOutcome, string>> = {
  Complete: 'ph-succeeded',
  Failed: 'ph-failed',
  Active: 'ph-running',
  Deleted: 'ph-terminating',
};

interface Ev {
  readonly index: number;
  readonly atMs: number;
  readonly warning: boolean;
  /** A run the CronJob controller did not start (JobAlreadyActive, MissSchedule). */
  readonly skip: boolean;
  readonly text: string;
}

interface Segment {
  readonly phase: Phase;
  readonly fromMs: number;
  readonly toMs: number;
}

interface PodItem {
  readonly pod: ReportPod;
  readonly index: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** End of the part where the pod runs or waits; a finished pod's Succeeded/Failed tail may be drawn over. */
  readonly busyToMs: number;
  readonly segments: readonly Segment[];
  readonly events: Ev[];
}

interface JobItem {
  readonly job: ReportJob;
  readonly index: number;
  readonly namespace: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly outcome: JobOutcome;
  readonly pods: PodItem[];
  readonly events: Ev[];
}

type LaneKind = 'pod' | 'job' | 'cronjob-jobs' | 'jobs' | 'more';

interface Lane {
  readonly kind: LaneKind;
  readonly label: string;
  readonly title: string;
  /** Pod bars, one row. */
  readonly pods: readonly PodItem[];
  /** Job lifetime bars: the outline under a job lane, or the ticks of an aggregated lane. */
  readonly jobs: readonly JobItem[];
  /** Rows inside an aggregated lane (jobs packed so overlapping runs stack). */
  readonly jobRows: readonly (readonly JobItem[])[];
  readonly markers: readonly Ev[];
  readonly podCount: number;
  readonly jobCount: number;
}

interface Group {
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly firstMs: number;
  readonly headerEvents: Ev[];
  readonly note: string;
  readonly lanes: Lane[];
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Renders `report` (the `--format json` output) as one self-contained HTML page.
 *
 * Layout: one group per owner (StatefulSet pods by ordinal, one row per pod name so a recreated
 * pod continues its row; DaemonSet pods by node; a CronJob's Jobs one row each, or one aggregated
 * row with a tick per Job above `maxJobLanesPerCronJob`; a standalone Job's pods on the Job's row;
 * bare pods by name). Every lane is an SVG `<g class="lane">` carrying `data-pods` and
 * `data-jobs` counts, so the counts over all lanes add up to the report's pods.
 *
 * @param report the simulation report
 * @param options title, step markers, CronJob time zones, sizes
 * @returns the HTML document
 */
export function renderHtmlTimeline(report: SimulationReport, options: HtmlTimelineOptions = {}): string {
  const ctx = new Context(report, options);
  const groups = buildGroups(ctx);
  return renderDocument(ctx, groups);
}

/** A parsed scenario, as {@link timelineOptionsFor} reads it. */
export interface TimelineScenario {
  /** Namespace of manifests and steps without one. */
  readonly namespace: string;
  /** The steps, each with its time and label. */
  readonly steps: readonly TimelineStep[];
}

/** One pod instance with its recorded state changes. */
export interface TimelinePodHistory {
  /** State changes, oldest first. */
  readonly timeline: readonly TimelinePodTransition[];
}

/** The finished simulation, as {@link timelineOptionsFor} reads it. */
export interface TimelineSimulation {
  /** The cluster store. */
  readonly state: {
    /**
     * Every pod instance ever created, in creation order (the report's order).
     * @param kind always `Pod`
     */
    history(kind: 'Pod'): readonly TimelinePodHistory[];
  };
}

/** What {@link timelineOptionsFor} reads from a simulation result (a `SimulationResult` fits). */
export interface TimelineSimulationResult {
  /** The parsed scenario: namespace and steps. */
  readonly scenario: TimelineScenario;
  /** The loaded manifests, in input order. */
  readonly manifests: readonly unknown[];
  /** The finished simulation: every pod instance, in the report's order, with its state changes. */
  readonly simulation: TimelineSimulation;
}

/**
 * The timeline options a simulation result provides: its scenario steps as markers, its CronJobs'
 * time zones, its manifests for the objects count, and every pod's state changes.
 *
 * ```ts
 * const result = simulate(chart, scenario);
 * fs.writeFileSync('timeline.html', renderHtmlTimeline(result.report, timelineOptionsFor(result)));
 * ```
 *
 * @param result the outcome of `simulate`
 * @returns options for {@link renderHtmlTimeline} (add a title or sizes as needed)
 */
export function timelineOptionsFor(result: TimelineSimulationResult): HtmlTimelineOptions {
  const ns = result.scenario.namespace;
  return {
    steps: result.scenario.steps.map((s) => (s.atMs !== undefined ? { atMs: s.atMs, label: s.label } : { time: s.time, label: s.label })),
    timeZones: cronJobTimeZones(result.manifests, ns),
    objects: (result.manifests as any[])
      .filter((m) => typeof m?.kind === 'string')
      .map((m) => ({ kind: m.kind, namespace: m.metadata?.namespace ?? ns, name: String(m.metadata?.name ?? m.metadata?.generateName ?? '') })),
    podTransitions: result.simulation.state.history('Pod').map((p) => p.timeline),
  };
}

/**
 * The `spec.timeZone` of every CronJob among `manifests`, keyed `namespace/name` (namespace
 * `defaultNamespace` when the manifest has none), ready for {@link HtmlTimelineOptions.timeZones}.
 *
 * @param manifests Kubernetes objects as plain data
 * @param defaultNamespace namespace of manifests without one
 * @returns zone per CronJob
 */
export function cronJobTimeZones(manifests: readonly unknown[], defaultNamespace = 'default'): Record<string, string> {
  const zones: Record<string, string> = {};
  for (const m of manifests as any[]) {
    if (m?.kind !== 'CronJob' || typeof m?.spec?.timeZone !== 'string' || typeof m?.metadata?.name !== 'string') continue;
    zones[`${m.metadata.namespace ?? defaultNamespace}/${m.metadata.name}`] = m.spec.timeZone;
  }
  return zones;
}

// ---------------------------------------------------------------------------------------------
// Building the model

class Context {
  public readonly startEpoch: number;
  public readonly endMs: number;
  public readonly spanMs: number;
  public readonly plotWidth: number;
  public readonly maxLanesPerGroup: number;
  public readonly maxJobLanes: number;
  public readonly title: string;
  public readonly steps: readonly { atMs: number; label: string }[];

  public constructor(public readonly report: SimulationReport, public readonly options: HtmlTimelineOptions) {
    this.startEpoch = parseTime(report.start, 'start');
    this.endMs = Math.max(0, parseTime(report.end, 'end') - this.startEpoch);
    this.spanMs = Math.max(1, this.endMs);
    this.plotWidth = Math.max(200, Math.round(options.plotWidth ?? 1200));
    this.maxLanesPerGroup = Math.max(2, Math.floor(options.maxLanesPerGroup ?? 200));
    this.maxJobLanes = Math.max(1, Math.floor(options.maxJobLanesPerCronJob ?? 30));
    this.title = options.title ?? 'Simulation timeline';
    this.steps = (options.steps ?? [])
      .map((s, i) => ({ atMs: this.stepMs(s, i), label: s.label, i }))
      .sort((a, b) => a.atMs - b.atMs || a.i - b.i)
      .map(({ atMs, label }) => ({ atMs, label }));
  }

  /** Milliseconds after the start of an RFC 3339 instant, or null. */
  public rel(t: string | null | undefined): number | null {
    if (t === null || t === undefined) return null;
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new Error(`renderHtmlTimeline: invalid time ${JSON.stringify(t)} in the report`);
    return ms - this.startEpoch;
  }

  /** Clamped to the plotted range. */
  public clamp(ms: number): number {
    return Math.min(Math.max(ms, 0), this.endMs);
  }

  private stepMs(s: TimelineStep, i: number): number {
    if (s.atMs !== undefined) {
      if (!Number.isFinite(s.atMs)) throw new Error(`renderHtmlTimeline: steps[${i}].atMs must be a finite number, got ${s.atMs}`);
      return s.atMs;
    }
    if (s.time !== undefined) return parseTime(s.time, `steps[${i}].time`) - this.startEpoch;
    throw new Error(`renderHtmlTimeline: steps[${i}] needs atMs or time`);
  }
}

function parseTime(t: string, what: string): number {
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`renderHtmlTimeline: ${what} must be an RFC 3339 time, got ${JSON.stringify(t)}`);
  return ms;
}

/**
 * Bars of one pod instance. The report gives the first time of each transition, so a pod is
 * Pending from `created` to `started` (container start), Running-not-ready until `readyAt`, Ready
 * until its container ends (`finished`, only when the pod ended Succeeded/Failed; a container
 * restarted in place keeps the pod Running) or its deletion is requested (`deleting`), then
 * Succeeded/Failed, then Terminating until `deleted` (or the end of the run).
 */
function podSegments(ctx: Context, pod: ReportPod): { fromMs: number; toMs: number; busyToMs: number; segments: Segment[] } {
  const created = ctx.rel(pod.created) ?? 0;
  const started = ctx.rel(pod.started);
  const readyAt = ctx.rel(pod.readyAt);
  const deleting = ctx.rel(pod.deleting);
  const deleted = ctx.rel(pod.deleted);
  const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
  const finished = terminal ? ctx.rel(pod.finished) : null;
  const lifeEnd = Math.max(created, deleted ?? ctx.endMs);
  // The pod runs until its container ends, its deletion is requested, or it is gone.
  const runStop = Math.min(finished ?? Infinity, deleting ?? Infinity, lifeEnd);
  const segments: Segment[] = [];
  const add = (phase: Phase, from: number, to: number): void => {
    const f = ctx.clamp(from);
    const t = ctx.clamp(to);
    if (t > f) segments.push({ phase, fromMs: f, toMs: t });
  };
  add('Pending', created, Math.min(started ?? runStop, runStop));
  if (started !== null) add('Running', started, Math.min(readyAt ?? runStop, runStop));
  if (readyAt !== null) add('Ready', readyAt, runStop);
  if (terminal) {
    // A pod failed without a container end (e.g. evicted) turns Failed when it stops running.
    const from = finished ?? runStop;
    add(pod.phase as Phase, from, Math.min(deleting ?? lifeEnd, lifeEnd));
  }
  if (deleting !== null) add('Terminating', deleting, lifeEnd);
  const tail = segments.find((s) => s.phase === 'Succeeded' || s.phase === 'Failed');
  return { fromMs: ctx.clamp(created), toMs: ctx.clamp(lifeEnd), busyToMs: tail ? tail.fromMs : ctx.clamp(lifeEnd), segments };
}

/**
 * Bars of one pod instance from its recorded state changes: each transition holds until the next
 * one, the last until `deleted` (or the end of the run).
 */
function transitionSegments(ctx: Context, pod: ReportPod, transitions: readonly TimelinePodTransition[]): { fromMs: number; toMs: number; busyToMs: number; segments: Segment[] } {
  const created = ctx.rel(pod.created) ?? 0;
  const lifeEnd = Math.max(created, ctx.rel(pod.deleted) ?? ctx.endMs);
  const sorted = [...transitions].sort((a, b) => a.atMs - b.atMs);
  const segments: Segment[] = [];
  sorted.forEach((t, i) => {
    const phase: Phase = t.terminating ? 'Terminating'
      : t.phase === 'Succeeded' || t.phase === 'Failed' ? t.phase
        : t.phase === 'Running' ? (t.ready ? 'Ready' : 'Running') : 'Pending';
    const from = ctx.clamp(Math.max(t.atMs, created));
    const to = ctx.clamp(Math.min(i + 1 < sorted.length ? sorted[i + 1].atMs : lifeEnd, lifeEnd));
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last.phase === phase && last.toMs === from) segments[segments.length - 1] = { phase, fromMs: last.fromMs, toMs: to };
    else segments.push({ phase, fromMs: from, toMs: to });
  });
  const tail = segments.find((sg) => sg.phase === 'Succeeded' || sg.phase === 'Failed');
  return { fromMs: ctx.clamp(created), toMs: ctx.clamp(lifeEnd), busyToMs: tail ? tail.fromMs : ctx.clamp(lifeEnd), segments };
}

function jobOutcome(job: ReportJob): JobOutcome {
  if (job.condition === 'Complete') return 'Complete';
  if (job.condition === 'Failed') return 'Failed';
  return job.deleted ? 'Deleted' : 'Active';
}

function key3(kind: string, ns: string | null, name: string): string {
  return `${kind}\u0000${ns ?? ''}\u0000${name}`;
}

function buildGroups(ctx: Context): Group[] {
  const { report } = ctx;
  const clusterNamespaces = new Set<string>();

  // Pod instances by namespace/name, in creation order (the report lists them so).
  const podItems: PodItem[] = report.pods.map((pod, index) => {
    clusterNamespaces.add(pod.namespace);
    const transitions = ctx.options.podTransitions?.[index];
    return { pod, index, ...(transitions && transitions.length > 0 ? transitionSegments(ctx, pod, transitions) : podSegments(ctx, pod)), events: [] };
  });
  const podsByName = new Map<string, PodItem[]>();
  for (const p of podItems) pushTo(podsByName, `${p.pod.namespace}/${p.pod.name}`, p);

  // Jobs. The report's job entries carry no namespace: take it from the Job's pods or events.
  const jobNsHints = new Map<string, string>();
  for (const e of report.events) {
    if (e.object.kind === 'Job') jobNsHints.set(e.object.name, e.object.namespace);
    else if (e.related && e.related.kind === 'Job' && !jobNsHints.has(e.related.name)) jobNsHints.set(e.related.name, e.object.namespace);
  }
  for (const p of podItems) {
    if (p.pod.owner?.kind === 'Job' && !jobNsHints.has(p.pod.owner.name)) jobNsHints.set(p.pod.owner.name, p.pod.namespace);
  }
  const defaultNs = clusterNamespaces.size === 1 ? [...clusterNamespaces][0] : 'default';
  const jobItems: JobItem[] = report.jobs.map((job, index) => {
    const ns = (job as { namespace?: string }).namespace ?? jobNsHints.get(job.name) ?? defaultNs;
    const fromMs = ctx.clamp(ctx.rel(job.created) ?? 0);
    const end = ctx.rel(job.finished) ?? ctx.rel(job.deleted) ?? ctx.endMs;
    return { job, index, namespace: ns, fromMs, toMs: Math.max(fromMs, ctx.clamp(end)), outcome: jobOutcome(job), pods: [], events: [] };
  });
  const jobsByName = new Map<string, JobItem[]>();
  for (const j of jobItems) pushTo(jobsByName, `${j.namespace}/${j.job.name}`, j);

  /** The instance of `ns/name` alive at `atMs` (the latest created at or before it). */
  const instanceAt = <T extends { fromMs: number }>(list: readonly T[] | undefined, atMs: number): T | undefined => {
    if (!list || list.length === 0) return undefined;
    let found: T | undefined;
    for (const item of list) if (item.fromMs <= atMs) found = item;
    return found ?? list[0];
  };
  for (const p of podItems) {
    if (p.pod.owner?.kind !== 'Job') continue;
    const j = instanceAt(jobsByName.get(`${p.pod.namespace}/${p.pod.owner.name}`), p.fromMs);
    if (j) j.pods.push(p);
  }

  // Groups.
  const groups = new Map<string, Group & { podItems: PodItem[]; jobItems: JobItem[] }>();
  const groupFor = (kind: string, ns: string | null, name: string): Group & { podItems: PodItem[]; jobItems: JobItem[] } => {
    const k = key3(kind, ns, name);
    let g = groups.get(k);
    if (!g) {
      g = { kind, namespace: ns, name, firstMs: Infinity, headerEvents: [], note: '', lanes: [], podItems: [], jobItems: [] };
      groups.set(k, g);
    }
    return g;
  };
  const touch = (g: Group, ms: number): void => {
    (g as { firstMs: number }).firstMs = Math.min(g.firstMs, ms);
  };
  // Jobs without an owner get a group each, unless a namespace has more of them than
  // maxJobLanesPerCronJob: then they fold into one aggregated "Jobs" group, as a CronJob's would.
  const standalonePerNs = new Map<string, number>();
  for (const j of jobItems) if (!j.job.owner) standalonePerNs.set(j.namespace, (standalonePerNs.get(j.namespace) ?? 0) + 1);
  const ownGroupJobs = new Set<JobItem>();
  for (const j of jobItems) {
    let g: ReturnType<typeof groupFor>;
    if (j.job.owner) {
      g = groupFor(j.job.owner.kind, j.namespace, j.job.owner.name);
    } else if ((standalonePerNs.get(j.namespace) ?? 0) > ctx.maxJobLanes) {
      g = groupFor('Jobs', j.namespace, '');
    } else {
      g = groupFor('Job', j.namespace, j.job.name);
      ownGroupJobs.add(j);
    }
    g.jobItems.push(j);
    touch(g, j.fromMs);
  }
  for (const p of podItems) {
    const owner = p.pod.owner;
    let g: ReturnType<typeof groupFor>;
    if (!owner) {
      g = groupFor('Pod', p.pod.namespace, '');
    } else if (owner.kind === 'Job') {
      const j = instanceAt(jobsByName.get(`${p.pod.namespace}/${owner.name}`), p.fromMs);
      if (j) continue; // drawn with its Job
      g = groupFor('Job', p.pod.namespace, owner.name);
    } else {
      g = groupFor(owner.kind, p.pod.namespace, owner.name);
    }
    g.podItems.push(p);
    touch(g, p.fromMs);
  }

  // Events: onto the pod, the Job, the owner's header, or the cluster row.
  const cluster = { kind: 'Cluster', namespace: null, name: '', firstMs: -1, headerEvents: [] as Ev[], note: 'events of other objects', lanes: [] as Lane[], podItems: [], jobItems: [] };
  report.events.forEach((e, index) => {
    const atMs = ctx.rel(e.time) ?? 0;
    const ev: Ev = { index, atMs: ctx.clamp(atMs), warning: e.type === 'Warning', skip: SKIP_REASONS.has(e.reason), text: eventText(ctx, e) };
    const ns = e.object.namespace;
    if (e.related && e.related.kind === 'Pod' && e.object.kind !== 'Pod') {
      instanceAt(podsByName.get(`${ns}/${e.related.name}`), atMs)?.events.push(ev);
    }
    if (e.object.kind === 'Pod') {
      const p = instanceAt(podsByName.get(`${ns}/${e.object.name}`), atMs);
      if (p) {
        p.events.push(ev);
        return;
      }
    }
    if (e.object.kind === 'Job') {
      const j = instanceAt(jobsByName.get(`${ns}/${e.object.name}`), atMs);
      if (j && !ownGroupJobs.has(j)) {
        j.events.push(ev);
        return;
      }
    }
    const existing = groups.get(key3(e.object.kind, ns, e.object.name));
    if (existing) {
      existing.headerEvents.push(ev);
      return;
    }
    if (WORKLOAD_KINDS.has(e.object.kind)) {
      // A workload that never got pods or jobs (e.g. FailedCreate, InvalidSchedule) still gets a group.
      const g = groupFor(e.object.kind, ns, e.object.name);
      g.headerEvents.push(ev);
      touch(g, ev.atMs);
      return;
    }
    cluster.headerEvents.push(ev);
  });

  const ordered = [...groups.values()].sort((a, b) => a.firstMs - b.firstMs
    || cmpStr(a.kind, b.kind) || cmpStr(a.namespace ?? '', b.namespace ?? '') || cmpStr(a.name, b.name));
  const result: Group[] = [];
  if (cluster.headerEvents.length > 0) result.push(cluster);
  for (const g of ordered) {
    const tz = g.kind === 'CronJob' ? zoneOf(ctx, g.namespace, g.name) : undefined;
    const built = buildLanes(ctx, g, g.podItems, g.jobItems);
    result.push({ ...g, lanes: built.lanes, note: [built.note, tz ? `time zone ${tz}` : ''].filter((s) => s).join(' · ') });
  }
  return result;
}

const WORKLOAD_KINDS = new Set(['StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/**
 * Normal events that mean a scheduled run was not started: `JobAlreadyActive` (concurrencyPolicy
 * Forbid with a run still active) and `MissSchedule` (start window missed), both recorded by the
 * CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go).
 */
const SKIP_REASONS = new Set(['JobAlreadyActive', 'MissSchedule']);

function zoneOf(ctx: Context, ns: string | null, name: string): string | undefined {
  const zones = ctx.options.timeZones ?? {};
  return zones[`${ns ?? 'default'}/${name}`] ?? zones[name];
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Plain code-unit order: locale-independent, so output is the same on every machine. */
function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Natural order: "worker2" before "worker10". */
function cmpNatural(a: string, b: string): number {
  const ra = a.split(/(\d+)/);
  const rb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] === rb[i]) continue;
    if (i % 2 === 1) {
      const d = Number(ra[i]) - Number(rb[i]);
      if (d !== 0) return d;
    }
    return cmpStr(ra[i], rb[i]);
  }
  return ra.length - rb.length;
}

/**
 * First-fit packing of time intervals into rows; an item may start where the previous ended. A
 * finished pod left in place (a Job's failed attempt) only occupies its row until it finished, so
 * the Job's next attempt continues the same row.
 */
function pack<T extends { fromMs: number; toMs: number; index: number; busyToMs?: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
  const rows: T[][] = [];
  const ends: number[] = [];
  for (const item of sorted) {
    let r = ends.findIndex((end) => end <= item.fromMs);
    if (r < 0) {
      r = rows.length;
      rows.push([]);
      ends.push(-Infinity);
    }
    rows[r].push(item);
    // A zero-length item still occupies its instant.
    ends[r] = Math.max(item.busyToMs ?? item.toMs, item.fromMs + 1e-9);
  }
  return rows;
}

function podLane(label: string, title: string, pods: readonly PodItem[]): Lane {
  return {
    kind: 'pod', label, title, pods, jobs: [], jobRows: [],
    markers: pods.flatMap((p) => p.events.filter((e) => e.warning)),
    podCount: pods.length, jobCount: 0,
  };
}

const ORDINAL_RE = /-(\d+)$/;

function buildLanes(ctx: Context, g: Group, pods: readonly PodItem[], jobs: readonly JobItem[]): { lanes: Lane[]; note: string } {
  const lanes: Lane[] = [];
  const notes: string[] = [];
  if (g.kind === 'Jobs') {
    const sortedJobs = [...jobs].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
    lanes.push(aggregateJobsLane(`${sortedJobs.length} jobs`, sortedJobs, 'jobs'));
    notes.push(`${sortedJobs.length} jobs without owner, one tick per job`);
  } else if (g.kind === 'CronJob' || (g.kind === 'Job' && jobs.length > 0)) {
    const sortedJobs = [...jobs].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
    const count = (o: JobOutcome): number => sortedJobs.filter((j) => j.outcome === o).length;
    if (g.kind === 'CronJob') {
      notes.push(`${sortedJobs.length} job${sortedJobs.length === 1 ? '' : 's'}: ${count('Complete')} complete, ${count('Failed')} failed, ${count('Active')} active${count('Deleted') ? `, ${count('Deleted')} deleted unfinished` : ''}`);
    } else {
      const last = sortedJobs[sortedJobs.length - 1];
      const jobPods = sortedJobs.flatMap((j) => j.pods);
      const phase = (ph: string): number => jobPods.filter((p) => p.pod.phase === ph).length;
      const outcome = last.outcome === 'Active' ? 'still active' : last.outcome === 'Deleted' ? 'deleted before finishing' : last.outcome;
      notes.push(`${outcome}${last.job.reason ? ` (${last.job.reason})` : ''} · ${jobPods.length} pod${jobPods.length === 1 ? '' : 's'}: ${phase('Succeeded')} succeeded, ${phase('Failed')} failed`);
    }
    if (g.kind === 'CronJob' && sortedJobs.length > ctx.maxJobLanes) {
      lanes.push(aggregateJobsLane(`${sortedJobs.length} jobs`, sortedJobs, 'cronjob-jobs'));
      notes.push('one tick per job');
    } else {
      for (const j of sortedJobs) {
        const rows = pack(j.pods);
        const title = jobTitle(ctx, j);
        if (rows.length === 0) rows.push([]);
        rows.forEach((row, r) => {
          lanes.push({
            kind: 'job', label: r === 0 ? j.job.name : `${j.job.name} [${r + 1}]`, title,
            pods: row, jobs: r === 0 ? [j] : [], jobRows: [],
            markers: [...(r === 0 ? j.events.filter((e) => e.warning) : []), ...row.flatMap((p) => p.events.filter((e) => e.warning))],
            podCount: row.length, jobCount: r === 0 ? 1 : 0,
          });
        });
      }
    }
  }
  if (pods.length > 0) {
    // Lane key per owner kind: StatefulSet pods by name (ordinal order), DaemonSet pods by node.
    const byKey = new Map<string, PodItem[]>();
    const keyOf = (p: PodItem): string => {
      if (g.kind === 'DaemonSet') return p.pod.node ?? `\uffff${p.pod.name}`;
      return p.pod.name;
    };
    for (const p of pods) pushTo(byKey, keyOf(p), p);
    const keys = [...byKey.keys()];
    if (g.kind === 'StatefulSet') {
      const ord = (k: string): number => {
        const m = k.startsWith(`${g.name}-`) ? ORDINAL_RE.exec(k) : null;
        return m ? Number(m[1]) : Infinity;
      };
      keys.sort((a, b) => (ord(a) - ord(b)) || (ord(a) === Infinity ? cmpNatural(a, b) : 0));
    } else if (g.kind === 'DaemonSet') {
      keys.sort(cmpNatural);
    } else {
      keys.sort((a, b) => byKey.get(a)![0].fromMs - byKey.get(b)![0].fromMs || cmpNatural(a, b));
    }
    for (const k of keys) {
      const instances = byKey.get(k)!;
      const rows = pack(instances);
      rows.forEach((row, r) => {
        let label: string;
        if (g.kind === 'DaemonSet') label = instances[0].pod.node ? `node ${instances[0].pod.node}` : `${instances[0].pod.name} (unscheduled)`;
        else label = instances.length > 1 ? `${k} ×${instances.length}` : k;
        if (r > 0) label += ` [${r + 1}]`;
        const names = [...new Set(row.map((p) => p.pod.name))];
        const title = g.kind === 'DaemonSet'
          ? `${label}: ${row.length} pod${row.length === 1 ? '' : 's'} (${names.join(', ')})`
          : `${k}: ${row.length} instance${row.length === 1 ? '' : 's'}`;
        lanes.push(podLane(label, title, row));
      });
    }
    if (g.kind === 'StatefulSet') {
      const recreated = pods.length - byKey.size;
      notes.push(`${byKey.size} pod name${byKey.size === 1 ? '' : 's'}, ${pods.length} instance${pods.length === 1 ? '' : 's'}${recreated > 0 ? ` (${recreated} recreated)` : ''}`);
    } else if (g.kind === 'DaemonSet') {
      notes.push(`${pods.length} pod${pods.length === 1 ? '' : 's'} on ${byKey.size} node${byKey.size === 1 ? '' : 's'}`);
    } else if (g.kind !== 'Job' || jobs.length === 0) {
      notes.push(`${pods.length} pod${pods.length === 1 ? '' : 's'}`);
    }
  }
  if (lanes.length > ctx.maxLanesPerGroup) {
    // Fold the tail into one lane so a huge owner stays readable; the page scrolls for the rest.
    const kept = lanes.slice(0, ctx.maxLanesPerGroup - 1);
    const rest = lanes.slice(ctx.maxLanesPerGroup - 1);
    const restPods = rest.flatMap((l) => l.pods);
    const restJobs = rest.flatMap((l) => l.jobs);
    const podCount = rest.reduce((n, l) => n + l.podCount, 0);
    const jobCount = rest.reduce((n, l) => n + l.jobCount, 0);
    const what = jobCount > 0 ? `${jobCount} more job${jobCount === 1 ? '' : 's'}` : `${podCount} more pod${podCount === 1 ? '' : 's'}`;
    kept.push({
      kind: 'more', label: `+${what}`, title: `${rest.length} lanes folded into one: ${what}`,
      pods: restPods, jobs: [], jobRows: jobCount > 0 ? [restJobs] : [],
      markers: rest.flatMap((l) => l.markers), podCount, jobCount,
    });
    notes.push(`showing ${kept.length - 1} of ${lanes.length} lanes`);
    return { lanes: kept, note: notes.join(' · ') };
  }
  return { lanes, note: notes.join(' · ') };
}

const MAX_JOB_ROWS = 4;

function aggregateJobsLane(label: string, jobs: readonly JobItem[], kind: LaneKind): Lane {
  let rows = pack(jobs);
  if (rows.length > MAX_JOB_ROWS) {
    rows = [...rows.slice(0, MAX_JOB_ROWS - 1), rows.slice(MAX_JOB_ROWS - 1).flat()];
  }
  const outcomes = (['Complete', 'Failed', 'Active', 'Deleted'] as const)
    .map((o) => [o, jobs.filter((j) => j.outcome === o).length] as const).filter(([, n]) => n > 0);
  return {
    kind, label,
    title: `${jobs.length} jobs (${outcomes.map(([o, n]) => `${n} ${o.toLowerCase()}`).join(', ')}); at most ${rows.length} at once shown as rows`,
    pods: [], jobs, jobRows: rows,
    markers: jobs.flatMap((j) => [...j.events, ...j.pods.flatMap((p) => p.events)].filter((e) => e.warning)),
    podCount: jobs.reduce((n, j) => n + j.pods.length, 0), jobCount: jobs.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A number for an SVG attribute: one decimal, no "-0". */
function n1(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Compact duration: 1d2h3m4s, 250ms. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const q = Math.floor(rest / size);
    if (q > 0) parts.push(`${q}${unit}`);
    rest -= q * size;
  }
  return sign + parts.join('');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Civil { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number }

/**
 * Wall-clock fields of an instant in `zone`, from the same cached zone offsets the schedule code
 * uses (lib/schedule/zone.ts), to the second.
 */
function civil(epochMs: number, zone: string): Civil {
  const t = Math.floor(epochMs / 1000);
  const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };
  civilFromLocal(t + Zone.get(zone).offsetAt(t), w);
  return { y: w.year, mo: w.month, d: w.day, h: w.hour, mi: w.minute, s: w.second, wd: w.weekday };
}

/** UTC offset of `zone` at an instant, "+09:00". */
function zoneOffset(epochMs: number, zone: string): string {
  const minutes = Math.round(Zone.get(zone).offsetAt(Math.floor(epochMs / 1000)) / 60);
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** A time for hover text: UTC clock (with date when the run spans days) and the offset from start. */
function clockText(ctx: Context, ms: number): string {
  const c = civil(ctx.startEpoch + ms, 'UTC');
  const frac = (ctx.startEpoch + ms) % 1000;
  const hms = `${pad2(c.h)}:${pad2(c.mi)}:${pad2(c.s)}${frac ? `.${String(frac).padStart(3, '0')}` : ''}`;
  const date = ctx.spanMs > 86_400_000 ? `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)} ` : '';
  return `${date}${hms} (+${formatDuration(ms)})`;
}

function eventText(ctx: Context, e: ReportEvent): string {
  const o = e.object;
  return `${clockText(ctx, (ctx.rel(e.time) ?? 0))} ${e.type} ${e.reason} ${o.kind}/${o.name}: ${e.message}`;
}

const MAX_TITLE_EVENTS = 12;

function eventLines(events: readonly Ev[]): string[] {
  const sorted = [...events].sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const lines = sorted.slice(0, MAX_TITLE_EVENTS).map((e) => e.text);
  if (sorted.length > MAX_TITLE_EVENTS) lines.push(`… and ${sorted.length - MAX_TITLE_EVENTS} more events`);
  return lines;
}

function podTitle(ctx: Context, p: PodItem): string {
  const pod = p.pod;
  const lines = [
    `Pod ${pod.namespace}/${pod.name}${pod.owner ? ` (${pod.owner.kind}/${pod.owner.name})` : ''}`,
    `node ${pod.node ?? '(none)'} · ip ${pod.ip ?? '(none)'} · image ${pod.image ?? '(none)'}`,
    `final phase ${pod.phase}${pod.ready ? ', ready' : ''} · restarts ${pod.restarts}`,
    ...p.segments.map((s) => `${PHASE_LABEL[s.phase]}: ${clockText(ctx, s.fromMs)} → ${clockText(ctx, s.toMs)} (${formatDuration(s.toMs - s.fromMs)})`),
  ];
  const ev = eventLines(p.events);
  if (ev.length > 0) lines.push('events:', ...ev);
  return lines.join('\n');
}

function jobTitle(ctx: Context, j: JobItem): string {
  const job = j.job;
  const lines = [
    `Job ${j.namespace}/${job.name}${job.owner ? ` (${job.owner.kind}/${job.owner.name})` : ''}`,
    `${j.outcome === 'Active' ? 'still active' : j.outcome === 'Deleted' ? 'deleted before finishing' : job.condition}${job.reason ? ` (${job.reason})` : ''} · succeeded ${job.succeeded} · failed ${job.failed}`,
    `created ${clockText(ctx, j.fromMs)}${job.finished ? ` · finished ${clockText(ctx, ctx.clamp(ctx.rel(job.finished)!))}` : ''}${job.deleted ? ` · deleted ${clockText(ctx, ctx.clamp(ctx.rel(job.deleted)!))}` : ''}`,
  ];
  if (j.pods.length > 0) lines.push(`pods: ${j.pods.map((p) => `${p.pod.name} ${p.pod.phase}`).join(', ')}`);
  const ev = eventLines([...j.events, ...j.pods.flatMap((p) => p.events)]);
  if (ev.length > 0) lines.push('events:', ...ev);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Rendering

const LANE_H = 16;
const BAR_Y = 3;
const BAR_H = 10;
const JOB_ROW_H = 13;
const GROUP_H = 22;
const GROUP_GAP = 8;
const CHAR_W = 6.6;
const BUCKET_PX = 4;

interface Scale {
  readonly labelW: number;
  readonly plotW: number;
  readonly totalW: number;
  x(ms: number): number;
}

function makeScale(ctx: Context, groups: readonly Group[]): Scale {
  let longest = 12;
  for (const g of groups) for (const l of g.lanes) longest = Math.max(longest, l.label.length);
  const labelW = Math.min(300, Math.max(170, Math.ceil(longest * CHAR_W) + 40));
  const plotW = ctx.plotWidth;
  return { labelW, plotW, totalW: labelW + plotW + 16, x: (ms) => labelW + (ctx.clamp(ms) / ctx.spanMs) * plotW };
}

function truncate(s: string, maxChars: number): string {
  return s.length <= maxChars ? s : `${s.slice(0, Math.max(1, maxChars - 1))}…`;
}

/** Aggregated job lanes: a band for markers on top, then one row of job ticks per concurrent run. */
const JOB_BAND = 8;

function laneHeight(l: Lane): number {
  if (l.jobRows.length > 0 && l.kind !== 'job') return JOB_BAND + l.jobRows.length * JOB_ROW_H + 2;
  return LANE_H;
}

const TICK_STEPS_MS = [
  1000, 2000, 5000, 10_000, 15_000, 30_000,
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
  86_400_000, 172_800_000, 604_800_000, 1_209_600_000, 2_592_000_000,
];

/** Tick instants (ms after start) at round UTC multiples of a step that gives at most ~plotW/110 ticks. */
function ticks(ctx: Context, plotW: number): { stepMs: number; at: number[] } {
  const maxTicks = Math.max(2, Math.floor(plotW / 110));
  const stepMs = TICK_STEPS_MS.find((s) => ctx.spanMs / s <= maxTicks) ?? Math.ceil(ctx.spanMs / maxTicks / 86_400_000) * 86_400_000;
  const at: number[] = [];
  const first = Math.ceil(ctx.startEpoch / stepMs) * stepMs - ctx.startEpoch;
  for (let t = first; t <= ctx.endMs; t += stepMs) at.push(t);
  return { stepMs, at };
}

function tickLabel(epochMs: number, zone: string, stepMs: number, withDate: boolean): string {
  const c = civil(epochMs, zone);
  const hm = `${pad2(c.h)}:${pad2(c.mi)}`;
  if (stepMs >= 86_400_000) return `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)}${hm !== '00:00' ? ` ${hm}` : ''}`;
  const time = stepMs < 60_000 ? `${hm}:${pad2(c.s)}` : hm;
  return withDate ? `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)} ${time}` : time;
}

function renderDocument(ctx: Context, groups: readonly Group[]): string {
  const scale = makeScale(ctx, groups);
  const tk = ticks(ctx, scale.plotW);
  const zones = distinctZones(ctx, groups);
  const axis = renderAxis(ctx, scale, tk, zones);
  const body = renderBody(ctx, scale, tk, groups);
  const totals = laneTotals(groups);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the page is complete in itself (no script, no image, no font).
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cdk8s-workloads simulate --format html">',
    `<title>${escapeHtml(ctx.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body data-lanes="${totals.lanes}" data-pods="${totals.pods}" data-jobs="${totals.jobs}">`,
    renderSummary(ctx, groups),
    renderLegend(),
    `<main class="timeline" style="width:${scale.totalW}px">`,
    `<div class="axis">${axis}</div>`,
    body,
    '</main>',
    `<footer>Generated from the simulation report by cdk8s-workloads. Hover a bar or marker for details. ${escapeHtml(`${groups.length} group${groups.length === 1 ? '' : 's'}, ${totals.lanes} lane${totals.lanes === 1 ? '' : 's'}.`)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function laneTotals(groups: readonly Group[]): { lanes: number; pods: number; jobs: number } {
  let lanes = 0;
  let pods = 0;
  let jobs = 0;
  for (const g of groups) {
    for (const l of g.lanes) {
      lanes++;
      pods += l.podCount;
      jobs += l.jobCount;
    }
  }
  return { lanes, pods, jobs };
}

function distinctZones(ctx: Context, groups: readonly Group[]): { zone: string; cronJobs: string[] }[] {
  const byZone = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.kind !== 'CronJob') continue;
    const z = zoneOf(ctx, g.namespace, g.name);
    if (z && z !== 'UTC' && z !== 'Etc/UTC') {
      pushTo(byZone, z, g.name);
      seen.add(`${g.namespace}/${g.name}`);
    }
  }
  // Zones given for CronJobs that have no group (no jobs, no events) are still shown.
  for (const [k, z] of Object.entries(ctx.options.timeZones ?? {}).sort(([a], [b]) => cmpStr(a, b))) {
    if (z === 'UTC' || z === 'Etc/UTC' || byZone.has(z)) continue;
    if (!seen.has(k)) pushTo(byZone, z, k.includes('/') ? k.slice(k.indexOf('/') + 1) : k);
  }
  for (const z of byZone.keys()) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: z });
    } catch {
      throw new Error(`renderHtmlTimeline: unknown time zone ${JSON.stringify(z)} in timeZones`);
    }
  }
  return [...byZone.entries()].sort(([a], [b]) => cmpStr(a, b)).map(([zone, cronJobs]) => ({ zone, cronJobs }));
}

function renderSummary(ctx: Context, groups: readonly Group[]): string {
  const r = ctx.report;
  const kinds = new Map<string, Set<string>>();
  const addObj = (kind: string, ns: string | null | undefined, name: string): void => {
    let s = kinds.get(kind);
    if (!s) kinds.set(kind, (s = new Set()));
    s.add(`${ns ?? ''}/${name}`);
  };
  if (ctx.options.objects) {
    for (const o of ctx.options.objects) addObj(o.kind, o.namespace, o.name);
  } else {
    // Without the manifest list: the top-level workloads the report shows (the groups) and bare pods.
    for (const g of groups) {
      if (g.kind === 'Jobs') for (const l of g.lanes) for (const j of l.jobs) addObj('Job', g.namespace, j.job.name);
      else if (g.kind !== 'Cluster' && g.kind !== 'Pod') addObj(g.kind, g.namespace, g.name);
    }
    for (const p of r.pods) if (!p.owner) addObj('Pod', p.namespace, p.name);
  }
  const objectCount = [...kinds.values()].reduce((n, s) => n + s.size, 0);
  const objectDetail = [...kinds.entries()].sort(([a], [b]) => cmpStr(a, b)).map(([k, s]) => `${s.size} ${k}`).join(', ');
  const deleted = r.pods.filter((p) => p.deleted !== null).length;
  const jobsOk = r.jobs.filter((j) => j.condition === 'Complete').length;
  const jobsFailed = r.jobs.filter((j) => j.condition === 'Failed').length;
  const warnings = r.events.filter((e) => e.type === 'Warning');
  const reasons = new Map<string, number>();
  for (const w of warnings) reasons.set(w.reason, (reasons.get(w.reason) ?? 0) + 1);
  const reasonText = [...reasons.entries()].sort(([a, x], [b, y]) => y - x || cmpStr(a, b)).map(([k, v]) => `${k} ×${v}`).join(', ');
  const pvcs = r.persistentVolumeClaims;
  const stat = (id: string, label: string, value: string, detail: string): string =>
    `<div class="stat" id="stat-${id}"><dt>${escapeHtml(label)}</dt><dd><span class="value">${escapeHtml(value)}</span>${detail ? ` <span class="detail">${escapeHtml(detail)}</span>` : ''}</dd></div>`;
  return [
    '<header class="summary">',
    `<h1>${escapeHtml(ctx.title)}</h1>`,
    `<p class="range">${escapeHtml(`${isoUtc(ctx.startEpoch)} → ${isoUtc(ctx.startEpoch + ctx.endMs)} (${formatDuration(ctx.endMs)}) · seed ${r.seed} · times in UTC`)}</p>`,
    '<dl class="stats">',
    stat('objects', 'Objects', String(objectCount), objectDetail),
    stat('pods', 'Pods', `${r.pods.length} created, ${deleted} deleted`, pvcs.length > 0 ? `${pvcs.length} PVCs, ${pvcs.filter((c) => c.deleted !== null).length} deleted` : ''),
    stat('jobs', 'Jobs', `${jobsOk} succeeded, ${jobsFailed} failed`, r.jobs.length > 0 ? `of ${r.jobs.length}` : ''),
    stat('warnings', 'Warnings', String(warnings.length), reasonText),
    stat('events', 'Events', String(r.events.length), ctx.steps.length > 0 ? `${ctx.steps.length} scenario steps` : ''),
    '</dl>',
    '</header>',
  ].join('\n');
}

function renderLegend(): string {
  const sw = (cls: string, label: string): string =>
    `<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="${cls}" x="0" y="1" width="22" height="10"/></svg>${escapeHtml(label)}</span>`;
  return [
    '<section class="legend" aria-label="Legend">',
    ...PHASES.map((p) => sw(PHASE_CLASS[p], PHASE_LABEL[p])),
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><path class="warn" d="M1 1 L13 1 L7 11 Z"/></svg>Warning event</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><path class="skip" d="M7 1 L12 6 L7 11 L2 6 Z"/></svg>Run not started (JobAlreadyActive, MissSchedule)</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><rect class="ev" x="6" y="2" width="2" height="8"/></svg>Other event</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><line class="step" x1="7" y1="0" x2="7" y2="12"/></svg>Scenario step</span>',
    '<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="ph-succeeded tail" x="0" y="4" width="22" height="4"/></svg>Finished pod still kept (pale)</span>',
    '<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="ph-succeeded" x="0" y="8" width="22" height="3"/><rect class="ph-failed" x="14" y="1" width="6" height="6" rx="1"/></svg>Job run and outcome</span>',
    '</section>',
  ].join('\n');
}

/**
 * Markers for events, merged per few pixels so thousands stay drawable; hover lists them. A bucket
 * with a Warning is a red triangle, one with a skipped run an amber diamond, otherwise a grey tick.
 * `onlyNotable` keeps Warnings and skipped runs (pod and job lanes show those; the owner's events
 * row shows everything).
 */
function markers(scale: Scale, events: readonly Ev[], y: number, h: number, onlyNotable: boolean): string {
  const buckets = new Map<number, Ev[]>();
  for (const e of events) {
    if (onlyNotable && !e.warning && !e.skip) continue;
    pushTo(buckets, Math.floor(scale.x(e.atMs) / BUCKET_PX), e);
  }
  const out: string[] = [];
  for (const b of [...buckets.keys()].sort((a, c) => a - c)) {
    const evs = buckets.get(b)!.sort((a, c) => a.atMs - c.atMs || a.index - c.index);
    const x = scale.x(evs[0].atMs);
    const title = `<title>${escapeHtml(eventLines(evs).join('\n'))}</title>`;
    if (evs.some((e) => e.warning)) {
      out.push(`<g class="marker warn-marker" data-events="${evs.length}">${title}<path class="warn" d="M${n1(x - 4)} ${n1(y)} L${n1(x + 4)} ${n1(y)} L${n1(x)} ${n1(y + 7)} Z"/></g>`);
    } else if (evs.some((e) => e.skip)) {
      const cy = y + h / 2;
      out.push(`<g class="marker skip-marker" data-events="${evs.length}">${title}<path class="skip" d="M${n1(x)} ${n1(cy - 4)} L${n1(x + 4)} ${n1(cy)} L${n1(x)} ${n1(cy + 4)} L${n1(x - 4)} ${n1(cy)} Z"/></g>`);
    } else {
      out.push(`<g class="marker ev-marker" data-events="${evs.length}">${title}<rect class="ev" x="${n1(x - 1)}" y="${n1(y + h / 2 - 4)}" width="2" height="8"/></g>`);
    }
  }
  return out.join('');
}

function renderAxis(ctx: Context, scale: Scale, tk: { stepMs: number; at: number[] }, zones: readonly { zone: string; cronJobs: string[] }[]): string {
  const out: string[] = [];
  let y = 4;
  // Scenario steps: labels placed in up to 4 staggered rows so they do not overlap.
  const stepRows: number[] = [];
  const placed: { x: number; row: number; label: string; atMs: number }[] = [];
  for (const s of ctx.steps) {
    const x = scale.x(s.atMs);
    const label = truncate(s.label, 60);
    let row = stepRows.findIndex((end) => end < x);
    if (row < 0) {
      if (stepRows.length < 4) {
        row = stepRows.length;
        stepRows.push(-Infinity);
      } else {
        row = stepRows.indexOf(Math.min(...stepRows));
      }
    }
    stepRows[row] = x + label.length * CHAR_W + 8;
    placed.push({ x, row, label, atMs: s.atMs });
  }
  const stepH = stepRows.length * 14;
  if (placed.length > 0) {
    out.push(`<text class="rowlabel" x="8" y="${n1(y + 11)}">steps</text>`);
    placed.forEach((p, i) => {
      const ty = y + p.row * 14 + 11;
      const title = `step ${i + 1} at ${clockText(ctx, ctx.clamp(p.atMs))}: ${ctx.steps[i].label}`;
      out.push(`<g class="step-marker" data-step="${i}"><title>${escapeHtml(title)}</title><line class="step" x1="${n1(p.x)}" y1="${n1(y + p.row * 14)}" x2="${n1(p.x)}" y2="${n1(y + stepH + 200)}"/><text class="steplabel" x="${n1(p.x + 3)}" y="${n1(ty)}">${escapeHtml(p.label)}</text></g>`);
    });
    y += stepH + 2;
  }
  const warnings = ctx.report.events
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.type === 'Warning')
    .map(({ e, index }): Ev => ({ index, atMs: ctx.clamp(ctx.rel(e.time) ?? 0), warning: true, skip: false, text: eventText(ctx, e) }));
  if (warnings.length > 0) {
    out.push(`<text class="rowlabel" x="8" y="${n1(y + 10)}">warnings (${warnings.length})</text>`);
    out.push(`<g class="warning-strip">${markers(scale, warnings, y + 2, 12, true)}</g>`);
    y += 14;
  }
  // UTC row, then one row per CronJob time zone.
  const rows: { zone: string; label: string; title: string }[] = [
    { zone: 'UTC', label: 'UTC', title: 'scenario clock, UTC' },
    ...zones.map((z) => ({
      zone: z.zone,
      label: `${z.zone} (${zoneOffset(ctx.startEpoch, z.zone)})`,
      title: `${z.zone}, time zone of CronJob ${z.cronJobs.join(', ')}; UTC offset at the start ${zoneOffset(ctx.startEpoch, z.zone)}`,
    })),
  ];
  const tickTop = y;
  for (const row of rows) {
    const ty = y + 13;
    out.push(`<g class="axis-row" data-zone="${escapeHtml(row.zone)}"><title>${escapeHtml(row.title)}</title><text class="rowlabel" x="8" y="${n1(ty)}">${escapeHtml(truncate(row.label, Math.floor((scale.labelW - 16) / CHAR_W)))}</text>`);
    let prevDay = '';
    for (const t of tk.at) {
      const epoch = ctx.startEpoch + t;
      const c = civil(epoch, row.zone);
      const day = `${c.y}-${c.mo}-${c.d}`;
      const label = tickLabel(epoch, row.zone, tk.stepMs, day !== prevDay);
      prevDay = day;
      if (scale.x(t) + 3 + label.length * CHAR_W > scale.totalW) continue; // would be clipped at the right edge
      out.push(`<text class="tick" x="${n1(scale.x(t) + 3)}" y="${n1(ty)}">${escapeHtml(label)}</text>`);
    }
    out.push('</g>');
    y += 18;
  }
  for (const t of tk.at) out.push(`<line class="tickline" x1="${n1(scale.x(t))}" y1="${n1(tickTop)}" x2="${n1(scale.x(t))}" y2="${n1(y)}"/>`);
  out.push(`<line class="axisline" x1="${scale.labelW}" y1="${n1(y)}" x2="${n1(scale.labelW + scale.plotW)}" y2="${n1(y)}"/>`);
  const h = y + 2;
  // Step lines in the axis stop at its bottom edge.
  const svg = out.join('').replace(/y2="([\d.]+)"\/><text class="steplabel"/g, () => `y2="${n1(h)}"/><text class="steplabel"`);
  return `<svg class="axis-svg" xmlns="http://www.w3.org/2000/svg" width="${scale.totalW}" height="${n1(h)}" viewBox="0 0 ${scale.totalW} ${n1(h)}" role="img" aria-label="time axis">${svg}</svg>`;
}

function renderBody(ctx: Context, scale: Scale, tk: { stepMs: number; at: number[] }, groups: readonly Group[]): string {
  const out: string[] = [];
  let y = 4;
  let laneIndex = 0;
  const maxChars = Math.floor((scale.labelW - 34) / CHAR_W); // room for a job's outcome badge
  groups.forEach((g, gi) => {
    const gy = y;
    const heading = g.kind === 'Cluster' ? 'Cluster' : g.kind === 'Pod' ? `Pods without owner${g.namespace ? ` · ${g.namespace}` : ''}`
      : g.kind === 'Jobs' ? `Jobs without owner${g.namespace ? ` · ${g.namespace}` : ''}` : `${g.kind} ${g.namespace ? `${g.namespace}/` : ''}${g.name}`;
    out.push(`<g class="group" data-kind="${escapeHtml(g.kind)}" data-name="${escapeHtml(g.name)}" data-group="${gi}">`);
    out.push(`<g class="group-header"><title>${escapeHtml(`${heading}${g.note ? `\n${g.note}` : ''}`)}</title><rect class="group-bg" x="0" y="${n1(gy)}" width="${scale.totalW}" height="${GROUP_H}"/>`
      + `<text class="group-title" x="6" y="${n1(gy + 15)}">${escapeHtml(heading)}</text></g>`);
    // The note follows the heading (bold 12px is about 7.5px per character).
    if (g.note) out.push(`<text class="group-note" x="${n1(Math.max(scale.labelW + 6, 6 + heading.length * 7.5 + 14))}" y="${n1(gy + 15)}">${escapeHtml(g.note)}</text>`);
    y += GROUP_H;
    if (g.headerEvents.length > 0) {
      // The owner's own events (SuccessfulCreate, JobAlreadyActive, FailedCreate, …) in one row.
      const n = g.headerEvents.length;
      out.push(`<g class="events-row" data-events="${n}"><rect class="lane-bg" x="0" y="${n1(y)}" width="${scale.totalW}" height="${LANE_H}"/>`
        + `<text class="lane-label events-label" x="14" y="${n1(y + 12)}">${escapeHtml(`events (${n})`)}</text>`
        + `${markers(scale, g.headerEvents, y + 2, LANE_H - 4, false)}</g>`);
      y += LANE_H;
    }
    // When an owner's pods run different images (a rollout), each bar names its image.
    const showImages = new Set(g.lanes.flatMap((l) => l.pods.map((p) => p.pod.image))).size > 1;
    for (const lane of g.lanes) {
      const h = laneHeight(lane);
      out.push(renderLane(ctx, scale, lane, y, h, laneIndex, maxChars, showImages));
      laneIndex++;
      y += h;
    }
    out.push('</g>');
    y += GROUP_GAP;
  });
  if (groups.length === 0) {
    out.push(`<text class="empty" x="${n1(scale.labelW + 6)}" y="${n1(y + 14)}">No pods, jobs or events in this run.</text>`);
    y += 24;
  }
  const h = y;
  const grid = tk.at.map((t) => `<line class="gridline" x1="${n1(scale.x(t))}" y1="0" x2="${n1(scale.x(t))}" y2="${n1(h)}"/>`).join('');
  const steps = ctx.steps.map((s, i) => `<line class="step" data-step="${i}" x1="${n1(scale.x(s.atMs))}" y1="0" x2="${n1(scale.x(s.atMs))}" y2="${n1(h)}"/>`).join('');
  return `<svg class="lanes-svg" xmlns="http://www.w3.org/2000/svg" width="${scale.totalW}" height="${n1(h)}" viewBox="0 0 ${scale.totalW} ${n1(h)}" role="img" aria-label="pod lanes">`
    + `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c4c8cf"/><rect width="3" height="6" fill="#8d939c"/></pattern></defs>`
    + `<g class="grid">${grid}</g>${out.join('\n')}<g class="steps">${steps}</g></svg>`;
}

function renderLane(ctx: Context, scale: Scale, lane: Lane, y: number, h: number, index: number, maxChars: number, showImages: boolean): string {
  const parts: string[] = [];
  parts.push(`<g class="lane lane-${lane.kind}" data-lane="${index}" data-pods="${lane.podCount}" data-jobs="${lane.jobCount}">`);
  parts.push(`<rect class="lane-bg${index % 2 ? ' odd' : ''}" x="0" y="${n1(y)}" width="${scale.totalW}" height="${h}"/>`);
  parts.push(`<text class="lane-label" x="14" y="${n1(y + 12)}"><title>${escapeHtml(lane.title)}</title>${escapeHtml(truncate(lane.label, maxChars))}</text>`);
  if (lane.kind === 'job') {
    // The Job's own lifetime as a thin line under its pods, coloured by outcome.
    for (const j of lane.jobs) {
      const x1 = scale.x(j.fromMs);
      const w = Math.max(1, scale.x(j.toMs) - x1);
      // …and a badge at the end of the label column, so the outcome reads even when the run is short.
      parts.push(`<g class="job" data-job="${escapeHtml(j.job.name)}" data-outcome="${j.outcome}"><title>${escapeHtml(jobTitle(ctx, j))}</title><rect class="${OUTCOME_CLASS[j.outcome]} jobline" x="${n1(x1)}" y="${n1(y + BAR_Y + BAR_H)}" width="${n1(w)}" height="2.5"/>`
        + `<rect class="${OUTCOME_CLASS[j.outcome]} badge" x="${n1(scale.labelW - 13)}" y="${n1(y + 4)}" width="8" height="8" rx="1.5"/></g>`);
    }
  }
  lane.pods.forEach((p, i) => {
    // In a packed row the next pod covers the previous one's finished tail.
    const clipMs = lane.kind === 'more' ? Infinity : lane.pods[i + 1]?.fromMs ?? Infinity;
    parts.push(renderPod(ctx, scale, p, y + BAR_Y, lane.kind === 'more' ? 0.6 : 1, showImages && lane.kind !== 'more', clipMs));
  });
  if (lane.jobRows.length > 0 && lane.kind !== 'job') {
    lane.jobRows.forEach((row, r) => {
      for (const j of row) {
        const x1 = scale.x(j.fromMs);
        const w = Math.max(1, scale.x(j.toMs) - x1);
        parts.push(`<g class="job" data-job="${escapeHtml(j.job.name)}" data-outcome="${j.outcome}"><title>${escapeHtml(jobTitle(ctx, j))}</title><rect class="${OUTCOME_CLASS[j.outcome]}" x="${n1(x1)}" y="${n1(y + JOB_BAND + r * JOB_ROW_H)}" width="${n1(w)}" height="${JOB_ROW_H - 2}"/></g>`);
      }
    });
  }
  parts.push(markers(scale, lane.markers, y, lane.jobRows.length > 0 && lane.kind !== 'job' ? JOB_BAND : h, true));
  parts.push('</g>');
  return parts.join('');
}

function renderPod(ctx: Context, scale: Scale, p: PodItem, y: number, opacity: number, showImage: boolean, clipMs: number): string {
  const segs = p.segments.filter((s) => s.fromMs < clipMs).map((seg) => {
    const s = seg.toMs > clipMs ? { ...seg, toMs: clipMs } : seg;
    const x1 = scale.x(s.fromMs);
    const w = Math.max(0.5, scale.x(s.toMs) - x1);
    // After its container ended a pod is drawn thinner: it still exists, but no longer runs.
    const thin = s.phase === 'Succeeded' || s.phase === 'Failed';
    return `<rect class="${PHASE_CLASS[s.phase]}${thin ? ' tail' : ''}" x="${n1(x1)}" y="${n1(thin ? y + 3 : y)}" width="${n1(w)}" height="${thin ? BAR_H - 6 : BAR_H}"/>`;
  });
  if (segs.length === 0) {
    // Created and gone within one instant: still visible as a hairline.
    segs.push(`<rect class="ph-terminating" x="${n1(scale.x(p.fromMs))}" y="${n1(y)}" width="1" height="${BAR_H}"/>`);
  }
  const instanceEdge = `<rect class="pod-edge" x="${n1(scale.x(p.fromMs))}" y="${n1(y)}" width="1" height="${BAR_H}"/>`;
  let text = '';
  if (showImage && p.pod.image) {
    // Inside the widest running segment, when it fits (9px text is about 5.4px per character).
    const running = p.segments.filter((s) => s.phase === 'Ready' || s.phase === 'Running');
    const widest = running.reduce<Segment | undefined>((best, s) => (!best || s.toMs - s.fromMs > best.toMs - best.fromMs ? s : best), undefined);
    if (widest && scale.x(widest.toMs) - scale.x(widest.fromMs) >= p.pod.image.length * 5.4 + 8) {
      text = `<text class="bar-text" x="${n1(scale.x(widest.fromMs) + 4)}" y="${n1(y + BAR_H - 2)}">${escapeHtml(p.pod.image)}</text>`;
    }
  }
  return `<g class="pod" data-pod="${escapeHtml(`${p.pod.namespace}/${p.pod.name}`)}" data-phase="${escapeHtml(p.pod.phase)}"${opacity < 1 ? ` opacity="${opacity}"` : ''}><title>${escapeHtml(podTitle(ctx, p))}</title>${segs.join('')}${instanceEdge}${text}</g>`;
}

const CSS = [
  ':root{color-scheme:light}',
  'body{margin:16px;font:13px/1.4 "DejaVu Sans",Verdana,Arial,sans-serif;color:#1d232b;background:#fff}',
  'h1{font-size:20px;margin:0 0 4px}',
  '.range{margin:0 0 10px;color:#4a5360}',
  '.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 10px}',
  '.stat{border:1px solid #d5dae1;border-radius:6px;padding:6px 10px;min-width:150px;max-width:420px}',
  '.stat dt{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#5b6573}',
  '.stat dd{margin:0}.stat .value{font-weight:bold;font-size:15px}.stat .detail{color:#4a5360;font-size:12px}',
  '.legend{display:flex;flex-wrap:wrap;gap:14px;margin:0 0 10px;font-size:12px}',
  '.legend .key{display:inline-flex;align-items:center;gap:5px}',
  '.timeline{position:relative}',
  '.axis{position:sticky;top:0;background:#fff;z-index:1;border-bottom:1px solid #c9ced6}',
  'svg{display:block;font-family:"DejaVu Sans",Verdana,Arial,sans-serif}',
  '.ph-pending{fill:#f2b134}.ph-running{fill:#8ec9ef}.ph-ready{fill:#2a9d6f}',
  '.ph-succeeded{fill:#34568b}.ph-failed{fill:#d62839}.ph-terminating{fill:url(#hatch)}',
  '.legend .ph-terminating{fill:#a4a9b1}',
  '.pod-edge{fill:#1d232b;opacity:.55}',
  '.tail{opacity:.45}',
  '.warn{fill:#e4572e;stroke:#7a1f0a;stroke-width:.8}',
  '.ev{fill:#46505e}',
  '.skip{fill:#f2b134;stroke:#8a5a00;stroke-width:.8}',
  '.step{stroke:#7b3fa0;stroke-width:1.2;stroke-dasharray:4 3}',
  '.steplabel{font-size:11px;fill:#5b2a7a}',
  '.rowlabel{font-size:11px;fill:#5b6573}',
  '.tick{font-size:11px;fill:#2d3540}',
  '.tickline{stroke:#9aa2ad;stroke-width:1}',
  '.axisline{stroke:#9aa2ad}',
  '.gridline{stroke:#e3e7ec;stroke-width:1}',
  '.group-bg{fill:#eaeef3}',
  '.group-title{font-size:12px;font-weight:bold;fill:#1d232b}',
  '.group-note{font-size:11px;fill:#4a5360}',
  '.lane-bg{fill:#fff}.lane-bg.odd{fill:#f7f8fa}',
  '.lane-label{font-size:11px;fill:#2d3540}',
  '.bar-text{font-size:9px;fill:#fff;pointer-events:none}',
  '.lane-more .lane-label{font-style:italic}',
  '.empty{font-size:12px;fill:#4a5360}',
  'footer{margin-top:10px;color:#5b6573;font-size:11px}',
].join('\n');
