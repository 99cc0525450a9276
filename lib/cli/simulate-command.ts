/**
 * `cdk8s-workloads simulate <manifest files or dirs…> [--scenario FILE] [--format text|json|html] [--out FILE]
 * [--kubernetes-version 1.N] [--feature-gates Name=true,...]` (DESIGN.md "CLI"); with `--compare 1.M`
 * the upgrade preview of compare-command.ts runs instead. Bad input — unparseable YAML, unknown fields such as seed 004's `templates:`,
 * schedule errors, unknown scenario steps — ends with one message naming the file, document,
 * field path and fix on stderr, exit code 1, and nothing on stdout. Loader notices (ignored kinds,
 * warnings) go to stderr. A scenario's `expect:` checks run after the report is printed: failed ones
 * are shown as diff blocks on stderr, the JSON report gets an `expectations` array, and any failure
 * makes the exit code 3.
 */
import * as fs from 'fs';
import { simulate, SimulateOptions, SimulationResult } from '../simulator/index';
import { ManifestError } from '../apiserver/issues';
import { renderHtmlTimeline, timelineOptionsFor } from '../simulator/report/html';
import { ScenarioError } from '../simulator/scenario/scenario-error';
import { SimulationError } from '../simulator/engine/errors';
import { evaluateScenarioExpectations, expectationsJson, formatExpectationReport } from '../simulator/expect';
import { CliError, CliIO } from './io';
import { versionOptionsFromFlags } from './version-flags';
import { runSimulateAt } from './simulate-at';

/** Options of `cdk8s-workloads simulate`. */
export interface SimulateCommandOptions {
  /** Scenario file path. */
  readonly scenario?: string;
  /** Output format. */
  readonly format: 'text' | 'json' | 'html';
  /** Output file path. */
  readonly out?: string;
  /** How much of deleted objects to keep (`SimulateOptions.history`). */
  readonly history?: 'full' | 'summary';
  /** `SimulateOptions.keepDeleted`, as typed. */
  readonly keepDeleted?: string;
  /** `SimulateOptions.maxEvents`, as typed. */
  readonly maxEvents?: string;
  /** `SimulateOptions.fastForward` (`--no-fast-forward` sets false). */
  readonly fastForward?: boolean;
  /** `--kubernetes-version`, as typed. @default - 1.27 */
  readonly kubernetesVersion?: string;
  /** `--feature-gates`, as typed. @default - the version's defaults */
  readonly featureGates?: string;
  /** `--compare <version>`: run the upgrade preview against this version. @default - no comparison */
  readonly compare?: string;
  /** `--compare-feature-gates`, as typed: overrides of the `--compare` run. @default - the compared version's defaults */
  readonly compareFeatureGates?: string;
  /** `--fail-on-difference`: exit 4 when the compared runs differ. @default false */
  readonly failOnDifference?: boolean;
  /** `--at`: print the `kubectl get` tables at this instant (a duration from the start, or RFC 3339) instead (simulate-at.ts). */
  readonly at?: string;
}

/** Parses a count flag: a whole number ≥ 0, else a usage CliError (exit 2) naming the flag. */
export function countFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`${flag} ${value}: must be a whole number ≥ 0`, 2);
  return Number(value.trim());
}

/**
 * Runs `simulate` without `--compare` (cli.ts sends that to `runCompare`); returns the exit code.
 * Throws {@link CliError} for bad input.
 *
 * @param paths manifest files or directories
 * @param opts the flags
 * @param io where to write
 * @param extra simulation options the CLI has no flag for (tests pass `controllers`)
 */
export async function runSimulate(paths: string[], opts: SimulateCommandOptions, io: CliIO, extra: Pick<SimulateOptions, 'controllers'> = {}): Promise<number> {
  if (opts.compareFeatureGates !== undefined || opts.failOnDifference) {
    throw new CliError(`${opts.compareFeatureGates !== undefined ? '--compare-feature-gates' : '--fail-on-difference'} needs --compare <version>`, 2);
  }
  const { options: versionOptions } = versionOptionsFromFlags(opts);
  checkScenarioFile(opts.scenario);
  const keepDeleted = countFlag('--keep-deleted', opts.keepDeleted);
  const maxEvents = countFlag('--max-events', opts.maxEvents);
  const options: SimulateOptions = {
    ...versionOptions,
    ...(opts.scenario !== undefined ? { scenarioFile: opts.scenario } : {}),
    ...(opts.history !== undefined ? { history: opts.history } : {}),
    ...(keepDeleted !== undefined ? { keepDeleted } : {}),
    ...(maxEvents !== undefined ? { maxEvents } : {}),
    ...(opts.fastForward === false ? { fastForward: false } : {}),
    ...extra,
  };
  if (opts.at !== undefined) return runSimulateAt(paths, { at: opts.at, scenario: opts.scenario, format: opts.format, out: opts.out }, options, io);
  let result: SimulationResult;
  try {
    result = simulate(paths, opts.scenario, options);
  } catch (e) {
    throw asCliError(e);
  }
  for (const n of result.notices) io.stderr(`notice: ${n.message}\n`);
  const checks = evaluateScenarioExpectations(result);
  const output = opts.format === 'json' && result.scenario.expect
    ? `${JSON.stringify({ ...result.report, expectations: expectationsJson(checks) }, null, 2)}\n` : render(result, opts.format);
  writeOutput(output, opts, io);
  io.stderr(formatExpectationReport(checks));
  return checks.some((c) => !c.passed) ? 3 : 0;
}

/** Fails (exit 1) unless `file` is absent or an existing file. */
export function checkScenarioFile(file: string | undefined): void {
  if (file !== undefined && !fs.existsSync(file)) {
    throw new CliError(`--scenario ${file}: no such file; pass a scenario file (YAML or JSON)`);
  }
  if (file !== undefined && fs.statSync(file).isDirectory()) {
    throw new CliError(`--scenario ${file}: is a directory; pass a scenario file (YAML or JSON)`);
  }
}

/** A simulation's input errors as the CliError (exit 1) the CLI prints; anything else as is. */
export function asCliError(e: unknown): unknown {
  if (e instanceof ManifestError || e instanceof ScenarioError) return new CliError(e.message);
  if (e instanceof SimulationError) return new CliError(`the simulation stopped: ${e.message}`);
  return e;
}

/** Writes `output` to `--out` (and says so on stderr) or to stdout. */
export function writeOutput(output: string, opts: Pick<SimulateCommandOptions, 'out' | 'format'>, io: CliIO): void {
  if (opts.out !== undefined) {
    try {
      fs.writeFileSync(opts.out, output);
    } catch (e) {
      throw new CliError(`--out ${opts.out}: cannot write: ${(e as Error).message}`);
    }
    io.stderr(`wrote ${opts.format} output to ${opts.out}\n`);
  } else {
    io.stdout(output);
  }
}

function render(result: SimulationResult, format: SimulateCommandOptions['format']): string {
  switch (format) {
    case 'json': return result.toJson();
    case 'html': return renderHtmlTimeline(result.report, timelineOptionsFor(result));
    case 'text': return result.toText();
    default: throw new CliError(`--format ${String(format)}: must be text, json or html`);
  }
}
