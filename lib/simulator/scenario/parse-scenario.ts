/**
 * Parsing of a scenario's top level: reading the source (file, YAML/JSON text or object), `start`,
 * `until`, `seed`, `cluster`, `pods`, `steps` and `expect`; the steps and nodes themselves are read by
 * parse-steps.ts and parse-nodes-and-pods.ts, the `expect:` checks by parse-expect.ts.
 */
import * as fs from 'fs';
import * as YAML from 'yaml';
import type { PodBehaviour } from '../cluster/behaviours';
import type { NodeInput } from '../cluster/factories';
import { formatDurationMs, parseDurationMs } from '../engine/duration';
import { lineOf } from '../../apiserver/yaml-positions';
import { DEFAULT_START_EPOCH_MS } from '../simulation';
import { Ctx, Fields, isIsoInstant, Obj } from './fields';
import { readExpectations } from './parse-expect';
import { readBehaviour, readNode } from './parse-nodes-and-pods';
import { readStep } from './parse-steps';
import { readTopLevelFailRequests } from './parse-fail-requests';
import type { Scenario, ScenarioSource, ScenarioStep } from './scenario';
import { ScenarioError } from './scenario-error';

/** The scenario used when none is given: DESIGN.md defaults, 30 minutes, no steps. */
export const DEFAULT_UNTIL_MS = 30 * 60_000;

/**
 * Parses and validates a scenario. A string is read as a file when such a file exists, else
 * parsed as YAML/JSON text.
 *
 * @param source text, path or object
 * @param file the name used in messages (defaults to the path, or `<scenario>`)
 * @throws ScenarioError listing every problem
 */
export function parseScenario(source: ScenarioSource, file?: string): Scenario {
  let value: unknown = source;
  let name = file ?? '<scenario>';
  let lines: ((p: string) => number | undefined) | undefined;
  if (typeof source === 'string') {
    let text = source;
    if (!source.includes('\n') && fs.existsSync(source)) {
      name = file ?? source;
      try {
        text = fs.readFileSync(source, 'utf8');
      } catch (e) {
        throw new ScenarioError([{ path: '', message: `${name}: cannot read: ${(e as Error).message}` }]);
      }
    } else if (!source.includes('\n') && /\.(ya?ml|json)$/i.test(source)) {
      throw new ScenarioError([{ path: '', message: `${name === '<scenario>' ? source : name}: no such file; pass a scenario file (YAML or JSON)` }]);
    }
    const lc = new YAML.LineCounter();
    const docs = YAML.parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs.filter((d) => d.contents !== null || d.errors.length > 0) : [];
    const errors = list.flatMap((d) => d.errors);
    if (errors.length > 0) {
      throw new ScenarioError(errors.map((e) => {
        const line = lc.linePos(e.pos[0]).line;
        return { path: '', line, message: `${name} line ${line}: YAML syntax error: ${e.message.split('\n')[0]}` };
      }));
    }
    if (list.length > 1) throw new ScenarioError([{ path: '', message: `${name}: a scenario is one YAML document, found ${list.length}` }]);
    const doc = list[0];
    value = doc ? doc.toJS() : {};
    if (doc) lines = (p) => lineOf(doc, lc, p);
  }
  const ctx = new Ctx(name, lines);
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError([{ path: '', message: `${name}: a scenario must be a mapping (start, until, seed, cluster, pods, steps), got ${JSON.stringify(value)}` }]);
  }
  const scenario = readScenario(ctx, new Fields(ctx, '', value as Obj));
  if (ctx.issues.length > 0) throw new ScenarioError(ctx.issues);
  return scenario;
}

function readScenario(ctx: Ctx, f: Fields): Scenario {
  const startRaw = f.raw('start');
  let startEpochMs = DEFAULT_START_EPOCH_MS;
  if (startRaw instanceof Date) startEpochMs = startRaw.getTime();
  else if (typeof startRaw === 'string' && isIsoInstant(startRaw)) startEpochMs = Date.parse(startRaw);
  else if (startRaw !== undefined) ctx.error('start', `must be an RFC 3339 instant such as 2022-09-13T00:00:00Z, got ${JSON.stringify(startRaw)}`);
  const untilRaw = f.raw('until');
  let untilMs = DEFAULT_UNTIL_MS;
  if (untilRaw instanceof Date || (typeof untilRaw === 'string' && isIsoInstant(untilRaw))) {
    untilMs = new Date(untilRaw as string | Date).getTime() - startEpochMs;
    if (untilMs <= 0) ctx.error('until', `must be after start, got ${JSON.stringify(untilRaw instanceof Date ? untilRaw.toISOString() : untilRaw)}`);
  } else if (untilRaw !== undefined) {
    const ms = typeof untilRaw === 'string' ? parseDurationMs(untilRaw) : undefined;
    if (ms === undefined || ms <= 0) ctx.error('until', `must be a positive duration (30m, 2h, 7d) or an RFC 3339 instant, got ${JSON.stringify(untilRaw)}`);
    else untilMs = ms;
  }
  const seedRaw = f.raw('seed');
  let seed = 1;
  if (seedRaw !== undefined) {
    if (typeof seedRaw !== 'number' || !Number.isSafeInteger(seedRaw)) ctx.error('seed', `must be an integer, got ${JSON.stringify(seedRaw)}`);
    else seed = seedRaw;
  }
  let namespace = 'default';
  let nodes: NodeInput[] = [{ name: 'worker1' }, { name: 'worker2' }, { name: 'worker3' }];
  const cluster = f.sub('cluster', false);
  if (cluster) {
    namespace = cluster.str('namespace', false) ?? 'default';
    if (cluster.has('nodes')) {
      nodes = cluster.list('nodes').map((n) => readNode(ctx, n.path, n.value)).filter((n): n is NodeInput => n !== undefined);
      const names = new Set<string>();
      nodes.forEach((n, i) => {
        if (names.has(n.name)) ctx.error(`cluster.nodes[${i}].name`, `node ${JSON.stringify(n.name)} is listed twice`);
        names.add(n.name);
      });
    }
    cluster.done();
  }
  const pods = f.list('pods').map((p) => readBehaviour(ctx, p.path, p.value)).filter((p): p is PodBehaviour => p !== undefined);
  // Top-level failRequests entries run first among same-time steps: a rule at 0 is in place before any controller writes.
  const steps: ScenarioStep[] = readTopLevelFailRequests(ctx, f.list('failRequests'), startEpochMs, untilMs);
  f.list('steps').forEach((s, index) => {
    const step = readStep(ctx, s.path, s.value, index, startEpochMs);
    if (!step) return;
    if (step.atMs > untilMs) ctx.error(`${s.path}.at`, `is at ${formatDurationMs(step.atMs)}, after \`until\` (${formatDurationMs(untilMs)}); move it earlier or extend until`);
    steps.push(step);
  });
  const expectRaw = f.raw('expect');
  const expect = readExpectations(ctx, 'expect', expectRaw, startEpochMs);
  f.done();
  return { startEpochMs, untilMs, seed, namespace, nodes, pods, steps, ...(expectRaw !== undefined && expectRaw !== null ? { expect } : {}) };
}
