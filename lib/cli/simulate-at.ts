/**
 * `cdk8s-workloads simulate … --at <when>`: instead of the timeline, the `kubectl get` tables
 * (pods -o wide, statefulsets, daemonsets, jobs, cronjobs, pvc, events) at one instant of the run.
 * `<when>` is a duration from the scenario's start (`90s`, `5m`, `1h30m`) or an RFC 3339 instant.
 * The run is replayed up to that instant (deterministic, so it is the same run), which makes every
 * age exact. Text only; the scenario's `expect:` checks judge the whole run and are not evaluated.
 *
 * Exit codes: 2 (usage) when `<when>` is neither a duration nor an instant, lies before the start
 * or after `until`, or `--format` is not text; otherwise as `simulate`.
 */
import * as fs from 'fs';
import { simulate, SimulateOptions } from '../simulator/index';
import { ManifestError } from '../apiserver/issues';
import { formatInstant } from '../simulator/engine/clock';
import { formatDurationMs, parseDurationMs } from '../simulator/engine/duration';
import { SimulationError } from '../simulator/engine/errors';
import { renderStateAt } from '../simulator/report/state-at';
import { parseScenario } from '../simulator/scenario/parse-scenario';
import { ScenarioError } from '../simulator/scenario/scenario-error';
import type { Scenario } from '../simulator/scenario/scenario';
import { CliError, CliIO } from './io';

/** What `--at` needs of the `simulate` options. */
export interface SimulateAtOptions {
  /** `--at` as typed. */
  readonly at: string;
  /** Scenario file path. @default - the default scenario */
  readonly scenario?: string;
  /** Output format (must be text). */
  readonly format: string;
  /** Output file. @default - stdout */
  readonly out?: string;
}

/**
 * `--at` as simulated ms from the start of `sc`: a duration, or an RFC 3339 instant.
 * @throws CliError (exit 2) naming the flag, the run's bounds and the fix
 */
export function parseAt(at: string, sc: Pick<Scenario, 'startEpochMs' | 'untilMs'>): number {
  const range = `pass a duration from 0s to ${formatDurationMs(sc.untilMs)}, or an instant from ${formatInstant(sc.startEpochMs)} to ${formatInstant(sc.startEpochMs + sc.untilMs)}`;
  const d = parseDurationMs(at);
  const iso = /^\d{4}-\d\d-\d\dT/.test(at.trim()) ? Date.parse(at.trim()) : NaN;
  const ms = d !== undefined ? d : iso - sc.startEpochMs;
  if (Number.isNaN(ms)) throw new CliError(`--at ${at}: not a duration (90s, 5m, 1h30m) nor an RFC 3339 instant; ${range}`, 2);
  if (ms < 0) throw new CliError(`--at ${at}: before the run starts (${formatInstant(sc.startEpochMs)}); ${range}`, 2);
  if (ms > sc.untilMs) throw new CliError(`--at ${at}: after the run ends (+${formatDurationMs(sc.untilMs)}, ${formatInstant(sc.startEpochMs + sc.untilMs)}); ${range}`, 2);
  return ms;
}

/** Runs `simulate --at`; returns the exit code. Throws {@link CliError} for bad input. */
export function runSimulateAt(paths: string[], opts: SimulateAtOptions, simulateOptions: SimulateOptions, io: CliIO): number {
  if (opts.format !== 'text') throw new CliError(`--at prints kubectl get tables (text); drop --format ${opts.format} or --at`, 2);
  let text: string;
  try {
    const source = opts.scenario !== undefined ? opts.scenario : {};
    const sc = parseScenario(source, opts.scenario);
    const atMs = parseAt(opts.at, sc);
    const r = simulate(paths, { ...sc, untilMs: atMs }, simulateOptions);
    for (const n of r.notices) io.stderr(`notice: ${n.message}\n`);
    if (sc.expect) io.stderr('note: --at shows one instant; the scenario\'s expect: checks judge the whole run and are not evaluated\n');
    const s = r.simulation;
    text = renderStateAt({ cluster: s.state, events: s.trace.events, startEpochMs: sc.startEpochMs, atMs, namespace: sc.namespace, seed: sc.seed });
  } catch (e) {
    if (e instanceof ManifestError || e instanceof ScenarioError) throw new CliError(e.message);
    if (e instanceof SimulationError) throw new CliError(`the simulation stopped: ${e.message}`);
    throw e;
  }
  if (opts.out !== undefined) {
    try {
      fs.writeFileSync(opts.out, text);
    } catch (e) {
      throw new CliError(`--out ${opts.out}: cannot write: ${(e as Error).message}`);
    }
    io.stderr(`wrote text output to ${opts.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
