/**
 * `cdk8s-workloads simulate <manifests…> [--scenario FILE] [--kubernetes-version 1.N] --compare 1.M
 * [--feature-gates …] [--compare-feature-gates …] [--format text|json] [--out FILE] [--fail-on-difference]`:
 * the upgrade preview. The same manifests and scenario (same seed) run under both versions; the
 * output is what differs (lib/simulator/compare): text grouped by workload, or with `--format json`
 * `{ from, to, identical, featureGates, summary, differences, reports }` (plus `expectations:
 * { from, to }` when the scenario has `expect:`).
 *
 * Exit codes: 0 whether or not the runs differ (a preview informs; a difference is expected when
 * behaviour changed between minors); 3 when a scenario `expect:` check fails under either version
 * (as without `--compare`); 4 with `--fail-on-difference` when the runs differ and every check
 * passed — a code of its own, so a pipeline can tell "behaviour changed" from "a stated
 * expectation failed" (3); 1 invalid input; 2 bad usage.
 */
import { compareVersions, VersionComparison } from '../simulator/compare';
import { evaluateScenarioExpectations, expectationsJson, formatExpectationReport } from '../simulator/expect';
import type { SimulateOptions } from '../simulator/index';
import { CliError, CliIO } from './io';
import { asCliError, checkScenarioFile, SimulateCommandOptions, writeOutput } from './simulate-command';
import { versionOptionsFromFlags } from './version-flags';

/** The exit code of `--fail-on-difference` when the compared runs differ. */
export const DIFFERENCE_EXIT_CODE = 4;

/**
 * Runs the upgrade preview; returns the exit code. Throws {@link CliError} for bad usage (exit 2)
 * and bad input (exit 1).
 *
 * @param paths manifest files or directories
 * @param opts the `simulate` options; `compare` is set
 * @param io where to write
 * @param extra simulation options the CLI has no flag for (tests pass `controllers`)
 */
export async function runCompare(
  paths: string[], opts: SimulateCommandOptions, io: CliIO, extra: Pick<SimulateOptions, 'controllers'> = {},
): Promise<number> {
  if (opts.compare === undefined) throw new CliError('--compare <version> is missing', 2);
  if (opts.format === 'html') throw new CliError('--format html: --compare prints text or json; use --format text or --format json', 2);
  for (const [flag, value] of [['--keep-deleted', opts.keepDeleted], ['--max-events', opts.maxEvents]] as const) {
    if (value !== undefined) throw new CliError(`${flag} with --compare: it drops records the comparison needs; remove ${flag}`, 2);
  }
  const from = versionOptionsFromFlags(opts);
  const to = versionOptionsFromFlags({ kubernetesVersion: opts.compare, featureGates: opts.compareFeatureGates }, { version: '--compare', gates: '--compare-feature-gates' });
  checkScenarioFile(opts.scenario);

  let comparison: VersionComparison;
  try {
    comparison = compareVersions(paths, opts.scenario, {
      from: from.gates.version, to: to.gates.version,
      ...(from.options.featureGates ? { fromFeatureGates: from.options.featureGates } : {}),
      ...(to.options.featureGates ? { toFeatureGates: to.options.featureGates } : {}),
      ...(opts.scenario !== undefined ? { scenarioFile: opts.scenario } : {}),
      ...(opts.history !== undefined ? { history: opts.history } : {}),
      ...(opts.fastForward === false ? { fastForward: false } : {}),
      ...extra,
    });
  } catch (e) {
    throw asCliError(e);
  }
  const notices = new Set([...comparison.fromResult.notices, ...comparison.toResult.notices].map((n) => n.message));
  for (const n of notices) io.stderr(`notice: ${n}\n`);

  const hasChecks = comparison.fromResult.scenario.expect !== undefined;
  const fromChecks = evaluateScenarioExpectations(comparison.fromResult);
  const toChecks = evaluateScenarioExpectations(comparison.toResult);
  const output = opts.format === 'json'
    ? `${JSON.stringify({ ...comparison.toJsonObject(), ...(hasChecks ? { expectations: { from: expectationsJson(fromChecks), to: expectationsJson(toChecks) } } : {}) }, null, 2)}\n`
    : comparison.toText();
  writeOutput(output, opts, io);
  if (hasChecks) {
    io.stderr(`under Kubernetes ${comparison.from}:\n${formatExpectationReport(fromChecks)}`);
    io.stderr(`under Kubernetes ${comparison.to}:\n${formatExpectationReport(toChecks)}`);
  }
  if ([...fromChecks, ...toChecks].some((c) => !c.passed)) return 3;
  if (!comparison.identical && opts.failOnDifference) {
    io.stderr(`the runs differ (${comparison.differences.length} ${comparison.differences.length === 1 ? 'difference' : 'differences'}): exit ${DIFFERENCE_EXIT_CODE} (--fail-on-difference)\n`);
    return DIFFERENCE_EXIT_CODE;
  }
  return 0;
}
