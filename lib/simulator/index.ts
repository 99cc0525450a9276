/**
 * The simulator's public API: `simulate(manifests, scenario)` replays what the Kubernetes 1.27
 * StatefulSet, DaemonSet, Job and CronJob controllers (plus scheduler, kubelet, garbage collector
 * and DNS) do with your manifests, offline and deterministically, and returns the report.
 *
 * ```ts
 * import { simulate } from 'cdk8s-workloads';
 * const result = simulate(chart, `until: 5m
 * steps:
 *   - { at: 2m, scale: { kind: StatefulSet, name: web, replicas: 5 } }`);
 * expect(result.podsOf('StatefulSet', 'web').map((p) => p.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
 * expect(result.lookup('web-1.nginx')).toHaveLength(1);
 * ```
 */
import { ApiError } from '../apiserver/api-errors';
import { draftFromManifest, Manifest } from './cluster/from-manifest';
import type { SimObject } from './cluster/objects';
import type { HistoryMode } from './cluster/summary';
import type { ControllerRegistration } from './controllers/controller';
import { parseDurationMs } from './engine/duration';
import { describeLocation, ManifestError, ManifestIssueCode, ManifestNotice } from '../apiserver/issues';
import { loadManifests, ManifestSource } from '../apiserver/load-manifests';
import { updateValidatorFor } from '../apiserver/update-validation';
import { buildReport, reportToJson, ReportEvent, ReportPod, SimulationReport } from './report/json';
import { renderText } from './report/text';
import { ReportRecorder } from './report/recorder';
import { applyStep, stepNamespace } from './scenario/apply-step';
import { parseScenario } from './scenario/parse-scenario';
import type { Scenario, ScenarioSource } from './scenario/scenario';
import { Simulation } from './simulation';
import { resolveFeatureGates, VersionOptions } from '../versions/resolve';

/** Options of {@link simulate}. */
export interface SimulateOptions extends VersionOptions {
  /** Base directory for relative manifest paths. @default - the process working directory */
  readonly cwd?: string;
  /** The scenario's name in messages. @default - its path, or `<scenario>` */
  readonly scenarioFile?: string;
  /** Controllers to run. @default - every registered controller */
  readonly controllers?: readonly ControllerRegistration[];
  /**
   * How much of each deleted object is kept for the report: `'full'` the whole object (pod state
   * timelines included); `'summary'` only what the JSON report reads. The JSON report is the same
   * either way; with `'summary'` DNS lookups at a past instant do not see pods deleted by then, and
   * the HTML timeline draws deleted pods from the report's first-time fields (no readiness lost and
   * regained, no in-place restarts for them). See `SimulationOptions.history`.
   *
   * @default 'full'
   */
  readonly history?: HistoryMode;
  /**
   * Keep at most this many deleted instances of each kind (the most recently deleted). The report's
   * `pods`, `jobs` and `persistentVolumeClaims` then list only those besides the live ones, and
   * {@link SimulationResult.dropped} says how many were left out (the text report prints it).
   *
   * @default - every instance for the first 7 simulated days, the newest 100 deleted per kind after that
   */
  readonly keepDeleted?: number;
  /**
   * Keep only the newest this many events; the report's `events` then start later, and
   * {@link SimulationResult.dropped} counts the rest (the text report prints it).
   *
   * @default - every event for the first 7 simulated days, the newest 1,000 after that
   */
  readonly maxEvents?: number;
  /**
   * Skip whole periods of a steady CronJob run instead of replaying every event, while the history
   * is bounded (`keepDeleted` and `maxEvents` set, or the default bounds past 7 simulated days; see
   * {@link SimulationOptions.fastForward}); the report is the same.
   *
   * @default true
   */
  readonly fastForward?: boolean;
  /**
   * The JSON report's shape: `1` exactly DESIGN.md's; `2` the same fields, then the additions of
   * report v2 — each claim's `statusHistory`, `workloads` (each StatefulSet, DaemonSet, Job and
   * CronJob with its `kubectl get` columns over time, a Job's `completedIndexes`/`failedIndexes`),
   * `notices` and `eventsAggregated` (report/json.ts). Version 2 only adds fields, so a v1 reader
   * keeps working; `1` leaves them out (and skips recording them).
   *
   * @default 2
   */
  readonly reportVersion?: 1 | 2;
}

/** What a run left out of its report because of {@link SimulateOptions.keepDeleted} and {@link SimulateOptions.maxEvents}. */
export interface DroppedRecords {
  /** Oldest events not in `report.events`. */
  readonly events: number;
  /** Deleted pod instances not in `report.pods`. */
  readonly pods: number;
  /** Deleted Job instances not in `report.jobs`. */
  readonly jobs: number;
  /** Deleted claim instances not in `report.persistentVolumeClaims`. */
  readonly persistentVolumeClaims: number;
  /** Deleted instances of other kinds (CronJobs, StatefulSets, nodes, …) no longer in the store's history. */
  readonly otherObjects: number;
}

/** Filter of {@link SimulationResult.events}. */
export interface EventQuery {
  /** Reason, e.g. `SuccessfulCreate`. */
  readonly reason?: string;
  /** Kind of the event's object. */
  readonly kind?: string;
  /** Name of the event's object. */
  readonly name?: string;
  /** Namespace of the event's object. */
  readonly namespace?: string;
  /** `Normal` or `Warning`. */
  readonly type?: 'Normal' | 'Warning';
}

/**
 * Runs a simulation.
 *
 * @param manifests file/directory paths, YAML/JSON strings, manifest objects, a cdk8s Chart or App, or a list of them
 * @param scenario the scenario (YAML/JSON text, a file path, an object, or a parsed {@link Scenario}); default: 30 minutes, three workers, no steps
 * @param options see {@link SimulateOptions}
 * @throws ManifestError when a manifest is invalid; ScenarioError when the scenario is invalid or a step is rejected
 */
export function simulate(manifests: ManifestSource, scenario?: ScenarioSource | Scenario, options: SimulateOptions = {}): SimulationResult {
  const sc: Scenario = isScenario(scenario) ? scenario : parseScenario(scenario ?? {}, options.scenarioFile);
  const featureGates = resolveFeatureGates(options);
  const loaded = loadManifests(manifests, { namespace: sc.namespace, featureGates, ...(options.cwd ? { cwd: options.cwd } : {}) });
  if (loaded.issues.length > 0) throw new ManifestError(loaded.issues);
  const sim = new Simulation({
    startEpochMs: sc.startEpochMs, seed: sc.seed, nodes: sc.nodes, behaviours: sc.pods, validateUpdate: updateValidatorFor(featureGates), featureGates,
    ...(options.controllers ? { controllers: options.controllers } : {}),
    ...(options.history !== undefined ? { history: options.history } : {}),
    ...(options.keepDeleted !== undefined ? { keepDeleted: options.keepDeleted } : {}),
    ...(options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}),
    ...(options.fastForward !== undefined ? { fastForward: options.fastForward } : {}),
  });
  if (options.reportVersion !== undefined && options.reportVersion !== 1 && options.reportVersion !== 2) {
    throw new RangeError(`reportVersion must be 1 or 2, got ${JSON.stringify(options.reportVersion)}`);
  }
  // Report v2: watches the store for the over-time fields (workload columns, claim statuses); writes nothing.
  const recorder = (options.reportVersion ?? 2) === 2 ? new ReportRecorder(sim.state, { keepDeleted: options.keepDeleted, maxEvents: options.maxEvents }) : undefined;
  for (const o of loaded.objects) {
    const draft = draftFromManifest(o.manifest, sc.namespace);
    if (!draft) continue;
    try {
      sim.state.create(draft);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const where = describeLocation(o.file, o.documentIndex, { kind: o.manifest.kind, namespace: o.manifest.metadata?.namespace, name: o.manifest.metadata?.name });
      throw new ManifestError([{ code: ManifestIssueCode.INVALID_VALUE, file: o.file, documentIndex: o.documentIndex, path: '', message: `${where}: the API server rejects it: ${e.message}` }]);
    }
  }
  const file = options.scenarioFile ?? (typeof scenario === 'string' && !scenario.includes('\n') ? scenario : '<scenario>');
  const stepNs = stepNamespace(loaded.objects.map((o) => o.manifest), sc.namespace);
  for (const step of sc.steps) sim.at(step.atMs, step.label, (a) => applyStep(a, step, stepNs, file));
  sim.runUntil(sc.untilMs);
  return new SimulationResult(sim, sc, loaded.notices, loaded.objects.map((o) => o.manifest), recorder);
}

function isScenario(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && typeof (x as Scenario).untilMs === 'number' && Array.isArray((x as Scenario).steps);
}

/** The outcome of {@link simulate}: the report plus query helpers for tests. */
export class SimulationResult {
  /** The DESIGN.md JSON report. */
  public readonly report: SimulationReport;
  /**
   * What the report leaves out because of the options `keepDeleted` and `maxEvents` (all zero
   * without them). The JSON report has no field for it (DESIGN.md fixes its shape); the text report
   * prints it.
   */
  public readonly dropped: DroppedRecords;

  /**
   * @param simulation the finished simulation (store, trace, DNS — for deeper inspection)
   * @param scenario the scenario that ran
   * @param notices loader notices (ignored kinds, warnings)
   * @param manifests the loaded manifests, in input order
   * @param recorder what watched the run for report v2 (`SimulateOptions.reportVersion: 2`); without it the report is v1
   */
  public constructor(
    public readonly simulation: Simulation,
    public readonly scenario: Scenario,
    public readonly notices: readonly ManifestNotice[],
    public readonly manifests: readonly Manifest[] = [],
    public readonly recorder?: ReportRecorder,
  ) {
    this.report = buildReport({
      cluster: simulation.state, events: simulation.trace.events, dns: simulation.dns,
      startEpochMs: scenario.startEpochMs, untilMs: scenario.untilMs, seed: scenario.seed,
      recorder, notices, eventsDropped: simulation.trace.dropped, version: recorder ? 2 : 1,
    });
    const counts = simulation.state.droppedCounts();
    const pods = counts.Pod ?? 0;
    const jobs = counts.Job ?? 0;
    const claims = counts.PersistentVolumeClaim ?? 0;
    const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    this.dropped = { events: simulation.trace.dropped, pods, jobs, persistentVolumeClaims: claims, otherObjects: all - pods - jobs - claims };
  }

  /**
   * Every pod instance (creation order) owned by `kind`/`name` anywhere up its owner chain — a
   * CronJob owns its Jobs' pods.
   */
  public podsOf(kind: string, name: string, namespace?: string): ReportPod[] {
    const all = new Map<string, SimObject>();
    for (const k of ['Pod', 'Job', 'CronJob', 'StatefulSet', 'DaemonSet'] as const) for (const o of this.simulation.state.history(k)) all.set(o.uid, o);
    const owned = (o: SimObject, depth: number): boolean => o.ownerReferences.some((r) => (r.kind === kind && r.name === name && (namespace === undefined || o.namespace === namespace))
      || (depth < 5 && all.has(r.uid) && owned(all.get(r.uid)!, depth + 1)));
    const pods = this.simulation.state.history('Pod');
    return this.report.pods.filter((_, i) => owned(pods[i], 0));
  }

  /** Events matching every given criterion, in order. */
  public events(query: EventQuery = {}): ReportEvent[] {
    return this.report.events.filter((e) => (query.reason === undefined || e.reason === query.reason)
      && (query.kind === undefined || e.object.kind === query.kind)
      && (query.name === undefined || e.object.name === query.name)
      && (query.namespace === undefined || e.object.namespace === query.namespace)
      && (query.type === undefined || e.type === query.type));
  }

  /**
   * DNS answers for `name` at `at` (simulated ms, a duration such as `90s`, or an RFC 3339 instant;
   * default: the end), resolved from `namespace` (short names like `web-1.nginx` work).
   */
  public lookup(name: string, at?: number | string, namespace: string = this.scenario.namespace): string[] {
    let atMs = this.scenario.untilMs;
    if (typeof at === 'number') atMs = at;
    else if (typeof at === 'string') {
      const d = parseDurationMs(at);
      const iso = Date.parse(at);
      if (d !== undefined) atMs = d;
      else if (!Number.isNaN(iso)) atMs = iso - this.scenario.startEpochMs;
      else throw new RangeError(`lookup: \`at\` must be ms, a duration (90s) or an RFC 3339 instant, got ${JSON.stringify(at)}`);
    }
    return this.simulation.dns.lookup(name, atMs, namespace);
  }

  /** The report as JSON (byte-identical for the same inputs and seed). */
  public toJson(): string {
    return reportToJson(this.report);
  }

  /** The kubectl-like text report. */
  public toText(): string {
    const s = this.simulation;
    return renderText({
      cluster: s.state, events: s.trace.events, dns: s.dns, startEpochMs: this.scenario.startEpochMs, untilMs: this.scenario.untilMs, seed: this.scenario.seed,
      dropped: this.dropped,
    });
  }
}

export { Simulation } from './simulation';
export type { Manifest, ManifestMetadata } from './cluster/from-manifest';
export type { SimulationOptions } from './simulation';
export type { HistoryMode } from './cluster/summary';
export { parseScenario } from './scenario/parse-scenario';
export { ScenarioError } from './scenario/scenario-error';
export type { ScenarioIssue } from './scenario/scenario-error';
export type {
  Scenario, ScenarioStep, ScenarioAction, ScenarioSource, ScaleAction, DeletePodAction, SetImageAction, AddNodeAction,
  NodeAction, TaintAction, UntaintAction, FailPodAction, EvictPodAction, SetReadyAction, PatchAction, PauseControllerAction, DeleteAction, NodeConditionAction, RemoveFinalizerAction, FailRequestsAction,
} from './scenario/scenario';
export type { RequestFaultRule, FaultVerb, FaultKind, FaultReason } from './cluster/fault-injection';
export { loadManifests, loadManifestsOrThrow } from '../apiserver/load-manifests';
export type { ManifestSource, LoadResult, LoadedManifest, LoadedManifests, LoadOptions, ChartLike, ChartNode, AppLike } from '../apiserver/load-manifests';
export { ManifestError, ManifestIssueCode } from '../apiserver/issues';
export type { ManifestIssue, ManifestNotice } from '../apiserver/issues';
export type { SimulationReport, ReportEvent, ReportPod, ReportClaim, ReportJob, ReportObjectRef, ReportOwnerRef } from './report/json';
