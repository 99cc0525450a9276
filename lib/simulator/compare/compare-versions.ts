/**
 * The upgrade preview: `compareVersions(manifests, scenario, { from: '1.27', to: '1.36' })` runs
 * the same manifests and scenario (same seed) under two Kubernetes versions — or one version with
 * two sets of feature gates — and reports what the simulated cluster does differently.
 *
 * ```ts
 * import { compareVersions } from 'cdk8s-workloads';
 * const preview = compareVersions('dist/', 'scenario.yaml', { from: '1.27', to: '1.36' });
 * if (!preview.identical) console.log(preview.toText());
 * ```
 */
import { simulate, SimulateOptions, SimulationResult } from '../index';
import type { SimulationReport } from '../report/json';
import { parseScenario } from '../scenario/parse-scenario';
import type { Scenario, ScenarioSource } from '../scenario/scenario';
import type { ManifestSource } from '../../apiserver/load-manifests';
import { FeatureGates } from '../../versions/feature-gates';
import { formatKubernetesVersion, KubernetesVersion } from '../../versions/kubernetes-version';
import { resolveFeatureGates } from '../../versions/resolve';
import { diffReports } from './diff-reports';
import { GateChange, renderDiffText } from './render-text';
import type { DifferenceSummary, ReportDiff, ReportDifference } from './types';

/** Options of {@link compareVersions}: every {@link SimulateOptions} but the version pair, which `from` / `to` replace. */
export interface CompareOptions extends Omit<SimulateOptions, 'kubernetesVersion' | 'featureGates'> {
  /** The version compared from (today's cluster): `'1.27'`, `'1.35.4'` or a parsed version. @default '1.27' */
  readonly from?: string | KubernetesVersion;
  /** The version compared to (the upgrade target). */
  readonly to: string | KubernetesVersion;
  /** Feature-gate overrides of the `from` run. @default - the `from` version's defaults */
  readonly fromFeatureGates?: Readonly<Record<string, boolean>>;
  /** Feature-gate overrides of the `to` run. @default - the `to` version's defaults */
  readonly toFeatureGates?: Readonly<Record<string, boolean>>;
}

/**
 * The JSON form of a comparison (`simulate --compare --format json`).
 *
 * ```json
 * { "from": "1.27", "to": "1.36", "identical": false,
 *   "featureGates": { "changed": [{ "gate": "JobPodReplacementPolicy", "from": false, "to": true }],
 *                     "from": { "JobPodReplacementPolicy": false, … }, "to": { … } },
 *   "summary": { "events": { "added": 1, "removed": 0, "changed": 2 }, "pods": { … }, "jobs": { … }, "persistentVolumeClaims": { … } },
 *   "differences": [ { "section": "job", "change": "changed", "workload": { "kind": "Job", "namespace": "default", "name": "pi" },
 *                      "subject": "Job pi", "instance": 1,
 *                      "fields": [ { "field": "finished", "from": "…", "to": "…" } ],
 *                      "from": { …the job record of the 1.27 report… }, "to": { … } } ],
 *   "reports": { "from": { …the 1.27 JSON report… }, "to": { …the 1.36 JSON report… } } }
 * ```
 */
export interface ComparisonJson {
  /** The `from` version, `1.N` or `1.N.P`. */
  readonly from: string;
  /** The `to` version. */
  readonly to: string;
  /** True when `differences` is empty. */
  readonly identical: boolean;
  /** The modelled gates: the ones that differ, and every gate's value in each run. */
  readonly featureGates: {
    /** The modelled gates whose value differs, in table order. */
    readonly changed: readonly GateChange[];
    /** Every modelled gate's value in the `from` run. */
    readonly from: Readonly<Record<string, boolean>>;
    /** Every modelled gate's value in the `to` run. */
    readonly to: Readonly<Record<string, boolean>>;
  };
  /** Added / removed / changed counts per list. */
  readonly summary: DifferenceSummary;
  /** Every difference, grouped by workload (see {@link ReportDiff.differences}). */
  readonly differences: readonly ReportDifference[];
  /** Both runs' full JSON reports (DESIGN.md "JSON output"). */
  readonly reports: {
    /** The `from` run's report. */
    readonly from: SimulationReport;
    /** The `to` run's report. */
    readonly to: SimulationReport;
  };
}

/** The outcome of {@link compareVersions}: both runs and what differs between them. */
export class VersionComparison {
  /** The diff of the two reports. */
  public readonly diff: ReportDiff;
  /** The modelled gates whose value differs between the runs, in table order. */
  public readonly gateChanges: readonly GateChange[];

  /**
   * @param from the `from` version's label (`1.27`)
   * @param to the `to` version's label
   * @param fromResult the `from` run
   * @param toResult the `to` run
   */
  public constructor(
    public readonly from: string,
    public readonly to: string,
    public readonly fromResult: SimulationResult,
    public readonly toResult: SimulationResult,
  ) {
    this.diff = diffReports(fromResult.report, toResult.report);
    this.gateChanges = gateChanges(fromResult.simulation.gates, toResult.simulation.gates);
  }

  /** True when both runs' reports match (no {@link differences}). */
  public get identical(): boolean {
    return this.diff.identical;
  }

  /** Every difference, grouped by workload. */
  public get differences(): readonly ReportDifference[] {
    return this.diff.differences;
  }

  /** The JSON form (see {@link ComparisonJson}). */
  public toJsonObject(): ComparisonJson {
    return {
      from: this.from,
      to: this.to,
      identical: this.diff.identical,
      featureGates: { changed: this.gateChanges, from: this.fromResult.simulation.gates.all(), to: this.toResult.simulation.gates.all() },
      summary: this.diff.summary,
      differences: this.diff.differences,
      reports: { from: this.fromResult.report, to: this.toResult.report },
    };
  }

  /** The JSON form, pretty-printed with a trailing newline (byte-identical for identical inputs). */
  public toJson(): string {
    return `${JSON.stringify(this.toJsonObject(), null, 2)}\n`;
  }

  /** The readable diff, grouped by workload; says `no difference` when the runs match. */
  public toText(): string {
    return renderDiffText(this.diff, { from: this.from, to: this.to, start: this.fromResult.report.start, gateChanges: this.gateChanges });
  }
}

function gateChanges(a: FeatureGates, b: FeatureGates): GateChange[] {
  const av = a.all();
  const bv = b.all();
  return Object.keys(av).filter((g) => av[g as keyof typeof av] !== bv[g as keyof typeof bv])
    .map((g) => ({ gate: g, from: av[g as keyof typeof av], to: bv[g as keyof typeof bv] }));
}

/**
 * Runs the same manifests and scenario under two Kubernetes versions and compares the reports.
 * Both versions and gate sets are checked before either run starts.
 *
 * @param manifests what {@link simulate} accepts: paths, YAML/JSON strings, objects, a cdk8s Chart or App
 * @param scenario the scenario (text, a file path, an object or a parsed {@link Scenario}); default: 30 minutes, three workers, no steps
 * @param options `from`, `to`, per-run gate overrides and the {@link SimulateOptions} both runs share
 * @throws KubernetesVersionError for a malformed or unsupported version; RangeError for an unknown or locked gate;
 * ManifestError / ScenarioError as {@link simulate}
 */
export function compareVersions(manifests: ManifestSource, scenario: ScenarioSource | Scenario | undefined, options: CompareOptions): VersionComparison {
  const { from = '1.27', to, fromFeatureGates, toFeatureGates, ...shared } = options;
  const fromGates = resolveFeatureGates({ kubernetesVersion: from, ...(fromFeatureGates ? { featureGates: fromFeatureGates } : {}) });
  const toGates = resolveFeatureGates({ kubernetesVersion: to, ...(toFeatureGates ? { featureGates: toFeatureGates } : {}) });
  const sc = isScenario(scenario) ? scenario : parseScenario(scenario ?? {}, options.scenarioFile);
  const run = (kubernetesVersion: string | KubernetesVersion, featureGates: Readonly<Record<string, boolean>> | undefined) =>
    simulate(manifests, sc, { ...shared, kubernetesVersion, ...(featureGates ? { featureGates } : {}) });
  return new VersionComparison(formatKubernetesVersion(fromGates.version), formatKubernetesVersion(toGates.version), run(from, fromFeatureGates), run(to, toFeatureGates));
}

function isScenario(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && typeof (x as Scenario).untilMs === 'number' && Array.isArray((x as Scenario).steps);
}
