/**
 * `cdk8s-workloads simulate <manifest files or dirs…> [--scenario FILE] [--format text|json|html] [--out FILE]`
 * (DESIGN.md "CLI"). Bad input — unparseable YAML, unknown fields such as seed 004's `templates:`,
 * schedule errors, unknown scenario steps — ends with one message naming the file, document,
 * field path and fix on stderr, exit code 1, and nothing on stdout. Loader notices (ignored kinds,
 * warnings) go to stderr. A scenario's `expect:` checks run after the report is printed: failed ones
 * are shown as diff blocks on stderr, the JSON report gets an `expectations` array, and any failure
 * makes the exit code 3.
 */
import * as fs from 'fs';
import { simulate, SimulationResult } from '../simulator/index';
import { ManifestError } from '../apiserver/issues';
import { renderHtmlTimeline, timelineOptionsFor } from '../simulator/report/html';
import { ScenarioError } from '../simulator/scenario/scenario-error';
import { SimulationError } from '../simulator/engine/errors';
import { evaluateScenarioExpectations, expectationsJson, formatExpectationReport } from '../simulator/expect';
import { CliError, CliIO } from './io';
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
  /** `--at`: print the `kubectl get` tables at this instant (a duration from the start, or RFC 3339) instead (simulate-at.ts). */
  readonly at?: string;
}

/** Parses a count flag: a whole number ≥ 0, else a usage CliError (exit 2) naming the flag. */
function countFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`${flag} ${value}: must be a whole number ≥ 0`, 2);
  return Number(value.trim());
}

/** Runs `simulate`; returns the exit code. Throws {@link CliError} for bad input. */
export async function runSimulate(paths: string[], opts: SimulateCommandOptions, io: CliIO): Promise<number> {
  if (opts.scenario !== undefined && !fs.existsSync(opts.scenario)) {
    throw new CliError(`--scenario ${opts.scenario}: no such file; pass a scenario file (YAML or JSON)`);
  }
  if (opts.scenario !== undefined && fs.statSync(opts.scenario).isDirectory()) {
    throw new CliError(`--scenario ${opts.scenario}: is a directory; pass a scenario file (YAML or JSON)`);
  }
  const keepDeleted = countFlag('--keep-deleted', opts.keepDeleted);
  const maxEvents = countFlag('--max-events', opts.maxEvents);
  if (opts.at !== undefined) {
    return runSimulateAt(paths, { at: opts.at, scenario: opts.scenario, format: opts.format, out: opts.out }, {
      ...(opts.scenario !== undefined ? { scenarioFile: opts.scenario } : {}), ...(opts.history !== undefined ? { history: opts.history } : {}),
      ...(keepDeleted !== undefined ? { keepDeleted } : {}), ...(maxEvents !== undefined ? { maxEvents } : {}), ...(opts.fastForward === false ? { fastForward: false } : {}),
    }, io);
  }
  let result: SimulationResult;
  try {
    result = simulate(paths, opts.scenario, {
      ...(opts.scenario !== undefined ? { scenarioFile: opts.scenario } : {}),
      ...(opts.history !== undefined ? { history: opts.history } : {}),
      ...(keepDeleted !== undefined ? { keepDeleted } : {}),
      ...(maxEvents !== undefined ? { maxEvents } : {}),
      ...(opts.fastForward === false ? { fastForward: false } : {}),
    });
  } catch (e) {
    if (e instanceof ManifestError || e instanceof ScenarioError) throw new CliError(e.message);
    if (e instanceof SimulationError) throw new CliError(`the simulation stopped: ${e.message}`);
    throw e;
  }
  for (const n of result.notices) io.stderr(`notice: ${n.message}\n`);
  const checks = evaluateScenarioExpectations(result);
  const output = opts.format === 'json' && result.scenario.expect
    ? `${JSON.stringify({ ...result.report, expectations: expectationsJson(checks) }, null, 2)}\n` : render(result, opts.format);
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
  io.stderr(formatExpectationReport(checks));
  return checks.some((c) => !c.passed) ? 3 : 0;
}

function render(result: SimulationResult, format: SimulateCommandOptions['format']): string {
  switch (format) {
    case 'json': return result.toJson();
    case 'html': return renderHtmlTimeline(result.report, timelineOptionsFor(result));
    case 'text': return result.toText();
    default: throw new CliError(`--format ${String(format)}: must be text, json or html`);
  }
}
