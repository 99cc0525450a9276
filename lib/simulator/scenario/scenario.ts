/**
 * The scenario file (DESIGN.md "Scenario file"): when the run starts and ends, the seed, the
 * cluster's nodes, how pods behave, and the timed user steps. `parseScenario` validates it exactly —
 * an unknown step or field is an error naming the step index and field with a did-you-mean — and
 * returns a typed {@link Scenario}; `applyStep` performs one step through {@link UserActions}.
 */
import * as fs from 'fs';
import * as YAML from 'yaml';
import { ApiError } from '../../apiserver/api-errors';
import type { PodBehaviour, PodBehaviourMatch } from '../cluster/behaviours';
import type { NodeInput } from '../cluster/factories';
import { parseQuantity } from '../cluster/quantity';
import type { TaintEffect } from '../cluster/api-shapes';
import type { SimKind } from '../cluster/object-meta';
import { didYouMean } from '../../util/did-you-mean';
import { formatDurationMs, parseDurationMs } from '../engine/duration';
import { lineOf } from '../../apiserver/yaml-positions';
import { DEFAULT_START_EPOCH_MS } from '../simulation';
import type { PodSelector, UserActions, WorkloadKind } from '../user-actions';

/** `scale`: set `spec.replicas` of a StatefulSet. */
export interface ScaleAction {
  /** Step kind. */
  readonly type: 'scale';
  /** The kind scaled (StatefulSet). */
  readonly kind: WorkloadKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** The new replica count. */
  readonly replicas: number;
}

/** `deletePod`: delete every matching live pod. */
export interface DeletePodAction {
  /** Step kind. */
  readonly type: 'deletePod';
  /** Which pods. */
  readonly selector: PodSelector;
}

/** `setImage`: change one container's image in a pod template. */
export interface SetImageAction {
  /** Step kind. */
  readonly type: 'setImage';
  /** StatefulSet, DaemonSet or CronJob. */
  readonly kind: WorkloadKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** Container name. */
  readonly container: string;
  /** New image. */
  readonly image: string;
}

/** `addNode`: add a node. */
export interface AddNodeAction {
  /** Step kind. */
  readonly type: 'addNode';
  /** The node, as `cluster.nodes` describes nodes. */
  readonly node: NodeInput;
}

/** `removeNode`, `cordon`, `uncordon`. */
export interface NodeAction {
  /** Step kind. */
  readonly type: 'removeNode' | 'cordon' | 'uncordon';
  /** Node name. */
  readonly node: string;
}

/** `taint`: add (or replace) a node taint. */
export interface TaintAction {
  /** Step kind. */
  readonly type: 'taint';
  /** Node name. */
  readonly node: string;
  /** Taint key. */
  readonly key: string;
  /** Taint value. @default - none */
  readonly value?: string;
  /** Effect. */
  readonly effect: TaintEffect;
}

/** `untaint`: remove taints by key (and effect). */
export interface UntaintAction {
  /** Step kind. */
  readonly type: 'untaint';
  /** Node name. */
  readonly node: string;
  /** Taint key. */
  readonly key: string;
  /** Effect. @default - every effect */
  readonly effect?: TaintEffect;
}

/** `failPod`: the containers of matching running pods exit with a code. */
export interface FailPodAction {
  /** Step kind. */
  readonly type: 'failPod';
  /** Which pods. */
  readonly selector: PodSelector;
  /** Exit code. @default 1 */
  readonly exitCode: number;
}

/** `evictPod`: matching pods end Failed with reason Evicted. */
export interface EvictPodAction {
  /** Step kind. */
  readonly type: 'evictPod';
  /** Which pods. */
  readonly selector: PodSelector;
}

/** `setReady`: readiness of matching pods starts or stops succeeding. */
export interface SetReadyAction {
  /** Step kind. */
  readonly type: 'setReady';
  /** Which pods. */
  readonly selector: PodSelector;
  /** Ready or not. */
  readonly ready: boolean;
}

/** `patch`: a JSON merge patch on a workload, Service or Node. */
export interface PatchAction {
  /** Step kind. */
  readonly type: 'patch';
  /** Kind. */
  readonly kind: SimKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** The merge patch. */
  readonly patch: Record<string, unknown>;
}

/** `pauseController`: a controller is down for a while. */
export interface PauseControllerAction {
  /** Step kind. */
  readonly type: 'pauseController';
  /** `statefulset`, `daemonset`, `job` or `cronjob`. */
  readonly name: string;
  /** How long, ms. */
  readonly forMs: number;
}

/** `delete`: delete an object (background propagation). */
export interface DeleteAction {
  /** Step kind. */
  readonly type: 'delete';
  /** Kind. */
  readonly kind: SimKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
}

/** What to do in a step. */
export type ScenarioAction = ScaleAction | DeletePodAction | SetImageAction | AddNodeAction | NodeAction | TaintAction | UntaintAction
| FailPodAction | EvictPodAction | SetReadyAction | PatchAction | PauseControllerAction | DeleteAction;

/** One timed step. */
export interface ScenarioStep {
  /** Position in `steps` (0-based). */
  readonly index: number;
  /** When, simulated ms since start. */
  readonly atMs: number;
  /** What. */
  readonly action: ScenarioAction;
  /** A short human label, e.g. `scale StatefulSet/web to 5`. */
  readonly label: string;
}

/** A parsed scenario. */
export interface Scenario {
  /** Wall-clock instant of t=0, epoch ms. */
  readonly startEpochMs: number;
  /** End of the run, simulated ms. */
  readonly untilMs: number;
  /** PRNG seed. */
  readonly seed: number;
  /** Namespace for manifests and steps without one. */
  readonly namespace: string;
  /** Nodes at t=0. */
  readonly nodes: NodeInput[];
  /** Pod behaviour profiles, first match wins. */
  readonly pods: PodBehaviour[];
  /** Steps in file order (run in time order; same-time steps in file order). */
  readonly steps: ScenarioStep[];
}

/** The scenario used when none is given: DESIGN.md defaults, 30 minutes, no steps. */
export const DEFAULT_UNTIL_MS = 30 * 60_000;

/** One scenario problem. */
export interface ScenarioIssue {
  /** Dotted path, e.g. `steps[2].scale.replicas`. */
  readonly path: string;
  /** 1-based line when known. */
  readonly line?: number;
  /** Full message naming the file, path and fix. */
  readonly message: string;
}

/** Invalid scenario input, or a step the cluster rejected while running. */
export class ScenarioError extends Error {
  /** Every problem. */
  public readonly issues: readonly ScenarioIssue[];

  /** @param issues the problems */
  public constructor(issues: readonly ScenarioIssue[]) {
    super(issues.length === 1 ? issues[0].message : `${issues.length} problems in the scenario:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** A scenario as YAML/JSON text, a file path, or an already-parsed object. */
export type ScenarioSource = string | Readonly<Record<string, unknown>>;

const STEP_TYPES = ['scale', 'deletePod', 'setImage', 'addNode', 'removeNode', 'cordon', 'uncordon', 'taint', 'untaint', 'failPod',
  'evictPod', 'setReady', 'patch', 'pauseController', 'delete'] as const;
const CONTROLLER_NAMES = ['statefulset', 'daemonset', 'job', 'cronjob'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const PATCHABLE = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Node'];
const DELETABLE = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Pod', 'PersistentVolumeClaim', 'Node', 'Secret', 'ConfigMap',
  'PersistentVolume', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'Namespace', 'PriorityClass', 'StorageClass'];

type Obj = Record<string, unknown>;

/** Collects issues with the file name and line lookup. */
class Ctx {
  public readonly issues: ScenarioIssue[] = [];
  public constructor(public readonly file: string, private readonly lines?: (p: string) => number | undefined) {}
  public error(path: string, text: string): void {
    const line = this.lines?.(path);
    this.issues.push({ path, ...(line !== undefined ? { line } : {}), message: `${this.file}${line !== undefined ? ` line ${line}` : ''}: \`${path}\`: ${text}` });
  }
}

/** Typed reads of one mapping, with unknown-key detection. */
class Fields {
  private readonly used = new Set<string>();
  public constructor(private readonly ctx: Ctx, public readonly path: string, public readonly obj: Obj) {}

  public has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  public at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  public raw(key: string): unknown {
    this.used.add(key);
    return this.obj[key];
  }

  public str(key: string, required: boolean, allowed?: readonly string[]): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (required) this.ctx.error(this.at(key), `is required${allowed ? ` (one of ${allowed.join(', ')})` : ''}`);
      return undefined;
    }
    if (typeof v !== 'string' || v.length === 0) {
      this.ctx.error(this.at(key), `must be a non-empty string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    if (allowed && !allowed.includes(v)) {
      this.ctx.error(this.at(key), `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}${didYouMean(v, allowed)}`);
      return undefined;
    }
    return v;
  }

  public int(key: string, required: boolean, min = 0): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (required) this.ctx.error(this.at(key), 'is required (an integer)');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      this.ctx.error(this.at(key), `must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }

  public bool(key: string, required: boolean): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (required) this.ctx.error(this.at(key), 'is required (true or false)');
      return undefined;
    }
    if (typeof v !== 'boolean') {
      this.ctx.error(this.at(key), `must be true or false, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }

  public duration(key: string, required: boolean, words: readonly string[] = []): number | string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (required) this.ctx.error(this.at(key), 'is required (a duration such as 90s, 2m or 1h30m)');
      return undefined;
    }
    if (typeof v === 'string' && words.includes(v)) return v;
    const ms = typeof v === 'number' && v === 0 ? 0 : typeof v === 'string' ? parseDurationMs(v) : undefined;
    if (ms === undefined) {
      this.ctx.error(this.at(key), `must be a duration made of <n>ms|s|m|h|d parts (e.g. 500ms, 90s, 1h30m)${words.length ? ` or ${words.map((w) => JSON.stringify(w)).join(' or ')}` : ''}, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return ms;
  }

  public map(key: string): Record<string, string> | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v) || Object.values(v as Obj).some((x) => typeof x !== 'string')) {
      this.ctx.error(this.at(key), `must be a map of strings, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return { ...(v as Record<string, string>) };
  }

  public sub(key: string, required: boolean): Fields | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (required) this.ctx.error(this.at(key), 'is required (a mapping)');
      return undefined;
    }
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.ctx.error(this.at(key), `must be a mapping, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return new Fields(this.ctx, this.at(key), v as Obj);
  }

  public list(key: string): Array<{ path: string; value: unknown }> {
    const v = this.raw(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.ctx.error(this.at(key), `must be a list, got ${JSON.stringify(v)}`);
      return [];
    }
    return v.map((value, i) => ({ path: `${this.at(key)}[${i}]`, value }));
  }

  /** Reports keys that were never read. */
  public done(): void {
    for (const k of Object.keys(this.obj)) {
      if (!this.used.has(k)) this.ctx.error(this.at(k), `unknown field \`${k}\`${didYouMean(k, [...this.used])} (allowed: ${[...this.used].join(', ')})`);
    }
  }
}

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
  const steps: ScenarioStep[] = [];
  f.list('steps').forEach((s, index) => {
    const step = readStep(ctx, s.path, s.value, index, startEpochMs);
    if (!step) return;
    if (step.atMs > untilMs) ctx.error(`${s.path}.at`, `is at ${formatDurationMs(step.atMs)}, after \`until\` (${formatDurationMs(untilMs)}); move it earlier or extend until`);
    steps.push(step);
  });
  f.done();
  return { startEpochMs, untilMs, seed, namespace, nodes, pods, steps };
}

function isIsoInstant(s: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s));
}

function asFields(ctx: Ctx, path: string, value: unknown, what: string): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.error(path, `must be a mapping (${what}), got ${JSON.stringify(value)}`);
    return undefined;
  }
  return new Fields(ctx, path, value as Obj);
}

function readNode(ctx: Ctx, path: string, value: unknown): NodeInput | undefined {
  const f = asFields(ctx, path, value, 'a node: name, labels, taints, capacity, unschedulable');
  if (!f) return undefined;
  const name = f.str('name', true);
  const labels = f.map('labels');
  const taints = f.list('taints').map((t) => {
    const tf = asFields(ctx, t.path, t.value, 'a taint: key, value, effect');
    if (!tf) return undefined;
    const key = tf.str('key', true);
    const v = tf.raw('value');
    const effect = tf.str('effect', true, EFFECTS) as TaintEffect | undefined;
    tf.done();
    if (v !== undefined && v !== null && typeof v !== 'string') ctx.error(tf.at('value'), `must be a string, got ${JSON.stringify(v)}`);
    return key && effect ? { key, ...(typeof v === 'string' ? { value: v } : {}), effect } : undefined;
  }).filter((t): t is { key: string; value?: string; effect: TaintEffect } => t !== undefined);
  let capacity: NodeInput['capacity'];
  const cap = f.sub('capacity', false);
  if (cap) {
    const cpu = cap.raw('cpu');
    const memory = cap.raw('memory');
    const pods = cap.int('pods', false, 1);
    for (const [k, v] of [['cpu', cpu], ['memory', memory]] as const) {
      if (v !== undefined && (typeof v !== 'string' && typeof v !== 'number' || parseQuantity(v) === undefined || parseQuantity(v)! <= 0)) {
        ctx.error(cap.at(k), `must be a positive quantity such as ${k === 'cpu' ? '"4" or "500m"' : '"8Gi"'}, got ${JSON.stringify(v)}`);
      }
    }
    cap.done();
    capacity = {
      ...(typeof cpu === 'string' || typeof cpu === 'number' ? { cpu } : {}),
      ...(typeof memory === 'string' || typeof memory === 'number' ? { memory } : {}),
      ...(pods !== undefined ? { pods } : {}),
    };
  }
  const unschedulable = f.bool('unschedulable', false);
  f.done();
  if (!name) return undefined;
  return { name, ...(labels ? { labels } : {}), ...(taints.length ? { taints } : {}), ...(capacity ? { capacity } : {}), ...(unschedulable !== undefined ? { unschedulable } : {}) };
}

function readBehaviour(ctx: Ctx, path: string, value: unknown): PodBehaviour | undefined {
  const f = asFields(ctx, path, value, 'a pod profile: match, startAfter, readyAfter, runFor, exitCode, terminationGrace');
  if (!f) return undefined;
  let match: PodBehaviourMatch | undefined;
  const m = f.sub('match', false);
  if (m) {
    const name = m.str('name', false);
    const owner = m.str('owner', false);
    const job = m.str('job', false);
    const labels = m.map('labels');
    if (owner !== undefined && !/^[A-Za-z]+\/.+$/.test(owner)) ctx.error(m.at('owner'), `must be "Kind/name" such as "StatefulSet/web" or "CronJob/backup", got ${JSON.stringify(owner)}`);
    m.done();
    match = { ...(name ? { name } : {}), ...(owner ? { owner } : {}), ...(job ? { job } : {}), ...(labels ? { labels } : {}) };
  }
  const startAfterMs = f.duration('startAfter', false) as number | undefined;
  const readyAfterMs = f.duration('readyAfter', false, ['never']) as number | 'never' | undefined;
  const runForMs = f.duration('runFor', false, ['forever']) as number | 'forever' | undefined;
  const terminationGraceMs = f.duration('terminationGrace', false) as number | undefined;
  const exitRaw = f.raw('exitCode');
  let exitCodes: number[] | undefined;
  if (exitRaw !== undefined) {
    const list = Array.isArray(exitRaw) ? exitRaw : [exitRaw];
    if (list.length === 0 || list.some((c) => typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 255)) {
      ctx.error(f.at('exitCode'), `must be an exit code 0–255 or a non-empty list of them ([1, 1, 0]: one per container run), got ${JSON.stringify(exitRaw)}`);
    } else {
      exitCodes = list as number[];
    }
  }
  f.done();
  return {
    ...(match ? { match } : {}),
    ...(startAfterMs !== undefined ? { startAfterMs } : {}),
    ...(readyAfterMs !== undefined ? { readyAfterMs } : {}),
    ...(runForMs !== undefined ? { runForMs } : {}),
    ...(exitCodes ? { exitCodes } : {}),
    ...(terminationGraceMs !== undefined ? { terminationGraceMs } : {}),
  };
}

function readSelector(ctx: Ctx, path: string, value: unknown, extra: (f: Fields) => void = () => undefined): PodSelector | undefined {
  if (typeof value === 'string' && value.length > 0) return { name: value };
  const f = asFields(ctx, path, value, 'a pod name, or { name: glob, owner: "Kind/name", node, namespace }');
  if (!f) return undefined;
  const name = f.str('name', false);
  const owner = f.str('owner', false);
  const node = f.str('node', false);
  const namespace = f.str('namespace', false);
  extra(f);
  f.done();
  if (owner !== undefined && !/^[A-Za-z]+\/.+$/.test(owner)) ctx.error(f.at('owner'), `must be "Kind/name", got ${JSON.stringify(owner)}`);
  if (name === undefined && owner === undefined && node === undefined) ctx.error(path, 'selects every pod; give at least name, owner or node');
  return { ...(name ? { name } : {}), ...(owner ? { owner } : {}), ...(node ? { node } : {}), ...(namespace ? { namespace } : {}) };
}

function readStep(ctx: Ctx, path: string, value: unknown, index: number, startEpochMs: number): ScenarioStep | undefined {
  const f = asFields(ctx, path, value, `a step: at plus one of ${STEP_TYPES.join(', ')}`);
  if (!f) return undefined;
  const atRaw = f.raw('at');
  let atMs: number | undefined;
  if (atRaw instanceof Date || (typeof atRaw === 'string' && isIsoInstant(atRaw))) {
    atMs = new Date(atRaw as string | Date).getTime() - startEpochMs;
    if (atMs < 0) ctx.error(f.at('at'), 'is before start');
  } else if (atRaw === undefined) {
    ctx.error(f.at('at'), 'is required (a duration from start such as 2m, or an RFC 3339 instant)');
  } else {
    atMs = atRaw === 0 ? 0 : typeof atRaw === 'string' ? parseDurationMs(atRaw) : undefined;
    if (atMs === undefined) ctx.error(f.at('at'), `must be a duration from start (90s, 2m, 1h30m) or an RFC 3339 instant, got ${JSON.stringify(atRaw)}`);
  }
  const present = Object.keys(f.obj).filter((k) => k !== 'at');
  const types = present.filter((k) => (STEP_TYPES as readonly string[]).includes(k));
  for (const k of present.filter((x) => !(STEP_TYPES as readonly string[]).includes(x))) {
    f.raw(k);
    ctx.error(f.at(k), `unknown step \`${k}\`${didYouMean(k, STEP_TYPES)} (steps: ${STEP_TYPES.join(', ')})`);
  }
  if (types.length !== 1) {
    if (types.length === 0 && present.length === 0) ctx.error(path, `has no action; add one of ${STEP_TYPES.join(', ')}`);
    if (types.length > 1) ctx.error(path, `has ${types.length} actions (${types.join(', ')}); put each in its own step`);
    return undefined;
  }
  const type = types[0] as (typeof STEP_TYPES)[number];
  const action = readAction(ctx, f, type);
  f.done();
  if (!action || atMs === undefined) return undefined;
  return { index, atMs, action, label: stepLabel(action) };
}

function readAction(ctx: Ctx, f: Fields, type: (typeof STEP_TYPES)[number]): ScenarioAction | undefined {
  const raw = f.raw(type);
  const at = f.at(type);
  const nodeName = (): string | undefined => {
    if (typeof raw === 'string' && raw.length > 0) return raw;
    ctx.error(at, `must be a node name, got ${JSON.stringify(raw)}`);
    return undefined;
  };
  switch (type) {
    case 'removeNode': case 'cordon': case 'uncordon': {
      const node = nodeName();
      return node ? { type, node } : undefined;
    }
    case 'deletePod': case 'evictPod': {
      const selector = readSelector(ctx, at, raw);
      return selector ? { type, selector } : undefined;
    }
    case 'failPod': {
      let exitCode = 1;
      const selector = readSelector(ctx, at, raw, (s) => { exitCode = s.int('exitCode', false) ?? 1; });
      return selector ? { type, selector, exitCode } : undefined;
    }
    case 'setReady': {
      let ready: boolean | undefined;
      const selector = readSelector(ctx, at, raw, (s) => { ready = s.bool('ready', true); });
      return selector && ready !== undefined ? { type, selector, ready } : undefined;
    }
    case 'addNode': {
      const node = readNode(ctx, at, raw);
      return node ? { type, node } : undefined;
    }
    default:
  }
  const s = asFields(ctx, at, raw, `the ${type} arguments`);
  if (!s) return undefined;
  let action: ScenarioAction | undefined;
  switch (type) {
    case 'scale': {
      const kind = s.str('kind', true, ['StatefulSet']) as WorkloadKind | undefined;
      const name = s.str('name', true);
      const namespace = s.str('namespace', false);
      const replicas = s.int('replicas', true);
      if (kind && name && replicas !== undefined) action = { type, kind, name, replicas, ...(namespace ? { namespace } : {}) };
      break;
    }
    case 'setImage': {
      const kind = s.str('kind', true, ['StatefulSet', 'DaemonSet', 'CronJob']) as WorkloadKind | undefined;
      const name = s.str('name', true);
      const namespace = s.str('namespace', false);
      const container = s.str('container', true);
      const image = s.str('image', true);
      if (kind && name && container && image) action = { type, kind, name, container, image, ...(namespace ? { namespace } : {}) };
      break;
    }
    case 'taint': {
      const node = s.str('node', true);
      const key = s.str('key', true);
      const value = s.raw('value');
      const effect = s.str('effect', true, EFFECTS) as TaintEffect | undefined;
      if (value !== undefined && typeof value !== 'string') ctx.error(s.at('value'), `must be a string, got ${JSON.stringify(value)}`);
      if (node && key && effect) action = { type, node, key, effect, ...(typeof value === 'string' ? { value } : {}) };
      break;
    }
    case 'untaint': {
      const node = s.str('node', true);
      const key = s.str('key', true);
      const effect = s.str('effect', false, EFFECTS) as TaintEffect | undefined;
      if (node && key) action = { type, node, key, ...(effect ? { effect } : {}) };
      break;
    }
    case 'patch': {
      const kind = s.str('kind', true, PATCHABLE) as SimKind | undefined;
      const name = s.str('name', true);
      const namespace = s.str('namespace', false);
      const patch = s.raw('patch');
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) ctx.error(s.at('patch'), `is required: a JSON merge patch mapping such as { spec: { suspend: true } }, got ${JSON.stringify(patch)}`);
      else if (kind && name) action = { type, kind, name, patch: patch as Record<string, unknown>, ...(namespace ? { namespace } : {}) };
      break;
    }
    case 'pauseController': {
      const name = s.str('name', true, CONTROLLER_NAMES);
      const forMs = s.duration('for', true) as number | undefined;
      if (name && forMs !== undefined) action = { type, name, forMs };
      break;
    }
    case 'delete': {
      const kind = s.str('kind', true, DELETABLE) as SimKind | undefined;
      const name = s.str('name', true);
      const namespace = s.str('namespace', false);
      if (kind && name) action = { type, kind, name, ...(namespace ? { namespace } : {}) };
      break;
    }
    default:
  }
  s.done();
  return action;
}

function describeSelector(s: PodSelector): string {
  const parts = [s.name ? `pod ${s.namespace ? `${s.namespace}/` : ''}${s.name}` : 'pods', s.owner ? `of ${s.owner}` : '', s.node ? `on ${s.node}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** A short human description of a step, e.g. `scale StatefulSet/web to 5`. */
export function stepLabel(a: ScenarioAction): string {
  switch (a.type) {
    case 'scale': return `scale ${a.kind}/${a.name} to ${a.replicas}`;
    case 'deletePod': return `delete ${describeSelector(a.selector)}`;
    case 'setImage': return `set image ${a.kind}/${a.name} ${a.container}=${a.image}`;
    case 'addNode': return `add node ${a.node.name}`;
    case 'removeNode': return `remove node ${a.node}`;
    case 'cordon': return `cordon ${a.node}`;
    case 'uncordon': return `uncordon ${a.node}`;
    case 'taint': return `taint ${a.node} ${a.key}${a.value !== undefined ? `=${a.value}` : ''}:${a.effect}`;
    case 'untaint': return `untaint ${a.node} ${a.key}${a.effect ? `:${a.effect}` : ''}`;
    case 'failPod': return `fail ${describeSelector(a.selector)} (exit ${a.exitCode})`;
    case 'evictPod': return `evict ${describeSelector(a.selector)}`;
    case 'setReady': return `${a.ready ? 'make ready' : 'make unready'} ${describeSelector(a.selector)}`;
    case 'patch': return `patch ${a.kind}/${a.name} ${JSON.stringify(a.patch)}`;
    case 'pauseController': return `pause ${a.name} controller for ${formatDurationMs(a.forMs)}`;
    case 'delete': return `delete ${a.kind}/${a.name}`;
  }
}

/**
 * Performs one step. A rejected step (object not found, invalid patch) throws a
 * {@link ScenarioError} naming the step.
 *
 * @param actions the simulation's user actions
 * @param step the step
 * @param namespace namespace for steps without one
 * @param file the scenario file name for messages
 */
export function applyStep(actions: UserActions, step: ScenarioStep, namespace: string, file = '<scenario>'): void {
  const a = step.action;
  const ns = (x: { namespace?: string }) => x.namespace ?? namespace;
  try {
    switch (a.type) {
      case 'scale': actions.scale(a.kind, ns(a), a.name, a.replicas); break;
      case 'deletePod': actions.deletePods(a.selector); break;
      case 'setImage': actions.setImage(a.kind, ns(a), a.name, a.container, a.image); break;
      case 'addNode': actions.addNode(a.node); break;
      case 'removeNode': actions.removeNode(a.node); break;
      case 'cordon': actions.cordon(a.node); break;
      case 'uncordon': actions.uncordon(a.node); break;
      case 'taint': actions.taint(a.node, a.key, a.value, a.effect); break;
      case 'untaint': actions.untaint(a.node, a.key, a.effect); break;
      case 'failPod': actions.failPods(a.selector, a.exitCode); break;
      case 'evictPod': actions.evictPods(a.selector); break;
      case 'setReady': actions.setReady(a.selector, a.ready); break;
      case 'patch': actions.patch(a.kind, ns(a), a.name, a.patch); break;
      case 'pauseController': actions.pauseController(a.name, a.forMs); break;
      case 'delete': actions.delete(a.kind, ns(a), a.name); break;
    }
  } catch (e) {
    const reason = e instanceof ApiError ? e.message : e instanceof Error && e.name === 'SimulationError' ? e.message.replace(/ \(at \d+ ms.*\)$/, '') : undefined;
    if (reason === undefined) throw e;
    throw new ScenarioError([{ path: `steps[${step.index}]`, message: `${file}: \`steps[${step.index}]\` (at ${formatDurationMs(step.atMs)}, ${step.label}) failed: ${reason}` }]);
  }
}
