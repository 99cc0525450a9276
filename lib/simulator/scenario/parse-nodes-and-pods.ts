/** Parsing of the scenario's nodes (`cluster.nodes`, `addNode`) and pod profiles (`pods`). */
import type { ContainerBehaviour, PodBehaviour, PodBehaviourMatch } from '../cluster/behaviours';
import type { NodeInput } from '../cluster/factories';
import { parseQuantity } from '../cluster/quantity';
import type { TaintEffect } from '../cluster/objects';
import { asFields, Ctx, Fields } from './fields';

/** The node taint effects. @internal */
export const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Reads one node (`cluster.nodes[i]`, `addNode`). @internal */
export function readNode(ctx: Ctx, path: string, value: unknown): NodeInput | undefined {
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

/** Reads one pod profile (`pods[i]`). @internal */
export function readBehaviour(ctx: Ctx, path: string, value: unknown): PodBehaviour | undefined {
  const f = asFields(ctx, path, value, 'a pod profile: match, startAfter, readyAfter, runFor, exitCode, stopAfter, containers');
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
  const stopAfterMs = f.duration('stopAfter', false) as number | undefined;
  const oldName = f.duration('terminationGrace', false) as number | undefined;
  if (stopAfterMs !== undefined && oldName !== undefined) ctx.error(f.at('terminationGrace'), 'is the older name of `stopAfter`; give only one of them');
  const terminationGraceMs = stopAfterMs ?? oldName;
  const exitCodes = readExitCodes(ctx, f);
  let containers: Record<string, ContainerBehaviour> | undefined;
  const cs = f.sub('containers', false);
  if (cs) {
    containers = {};
    for (const name of Object.keys(cs.obj)) {
      const c = cs.sub(name, true);
      if (!c) continue;
      const runFor = c.duration('runFor', false, ['forever']) as number | 'forever' | undefined;
      const readyAfter = c.duration('readyAfter', false, ['never']) as number | 'never' | undefined;
      const codes = readExitCodes(ctx, c);
      c.done();
      containers[name] = { ...(runFor !== undefined ? { runForMs: runFor } : {}), ...(codes ? { exitCodes: codes } : {}), ...(readyAfter !== undefined ? { readyAfterMs: readyAfter } : {}) };
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
    ...(containers ? { containers } : {}),
  };
}

/** Reads `exitCode`: one code or a non-empty list of codes 0–255. */
function readExitCodes(ctx: Ctx, f: Fields): number[] | undefined {
  const exitRaw = f.raw('exitCode');
  if (exitRaw === undefined) return undefined;
  const list = Array.isArray(exitRaw) ? exitRaw : [exitRaw];
  if (list.length === 0 || list.some((c) => typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 255)) {
    ctx.error(f.at('exitCode'), `must be an exit code 0–255 or a non-empty list of them ([1, 1, 0]: one per container run), got ${JSON.stringify(exitRaw)}`);
    return undefined;
  }
  return list as number[];
}
