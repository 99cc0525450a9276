/**
 * The public options of the HTML timeline: what {@link renderHtmlTimeline} accepts (steps, time
 * zones, objects, sizes, pod transitions) and how a simulation result provides them
 * ({@link timelineOptionsFor}, {@link cronJobTimeZones}).
 */
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
