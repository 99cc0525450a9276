/** Parsing of the scenario's `steps`: the time of each step, its action, and pod selectors. */
import type { NodeConditionType } from '../cluster/core-objects';
import type { SimKind, TaintEffect } from '../cluster/objects';
import { didYouMean } from '../../util/did-you-mean';
import { parseDurationMs } from '../engine/duration';
import type { PodSelector, WorkloadKind } from '../user-actions';
import { asFields, Ctx, Fields, isIsoInstant } from './fields';
import { EFFECTS, readNode } from './parse-nodes-and-pods';
import { readFaultRule } from './parse-fail-requests';
import type { ScenarioAction, ScenarioStep } from './scenario';
import { stepLabel } from './step-label';

const STEP_TYPES = ['scale', 'deletePod', 'setImage', 'addNode', 'removeNode', 'cordon', 'uncordon', 'taint', 'untaint', 'failPod',
  'evictPod', 'setReady', 'patch', 'pauseController', 'delete', 'nodeCondition', 'removeFinalizer', 'failRequests'] as const;
const NODE_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];
const CONTROLLER_NAMES = ['statefulset', 'daemonset', 'job', 'cronjob'];
const PATCHABLE = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Pod', 'Node'];
const DELETABLE = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Pod', 'PersistentVolumeClaim', 'Node', 'Secret', 'ConfigMap',
  'PersistentVolume', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'Namespace', 'PriorityClass', 'StorageClass'];

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

/** Reads one step (`steps[i]`): its time and its one action. @internal */
export function readStep(ctx: Ctx, path: string, value: unknown, index: number, startEpochMs: number): ScenarioStep | undefined {
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
  const action = readAction(ctx, f, type, atMs, startEpochMs);
  f.done();
  if (!action || atMs === undefined) return undefined;
  return { index, atMs, action, label: stepLabel(action) };
}

function readAction(ctx: Ctx, f: Fields, type: (typeof STEP_TYPES)[number], atMs: number | undefined, startEpochMs: number): ScenarioAction | undefined {
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
    case 'nodeCondition': {
      const node = s.str('node', true);
      const condition = s.str('type', true, NODE_CONDITIONS) as NodeConditionType | undefined;
      const statusRaw = s.raw('status');
      // YAML reads an unquoted True/False as a boolean; accept it as the condition status.
      const status = typeof statusRaw === 'boolean' ? (statusRaw ? 'True' : 'False') : statusRaw;
      if (status !== 'True' && status !== 'False' && status !== 'Unknown') {
        ctx.error(s.at('status'), `must be "True", "False" or "Unknown", got ${JSON.stringify(statusRaw)}${typeof status === 'string' ? didYouMean(status, ['True', 'False', 'Unknown']) : ''}`);
      } else if (node && condition) action = { type, node, condition, status };
      break;
    }
    case 'removeFinalizer': {
      const kind = s.str('kind', true, DELETABLE) as SimKind | undefined;
      const name = s.str('name', true);
      const namespace = s.str('namespace', false);
      const finalizer = s.str('finalizer', false);
      if (kind && name) action = { type, kind, name, ...(namespace ? { namespace } : {}), ...(finalizer ? { finalizer } : {}) };
      break;
    }
    case 'failRequests': {
      const rule = readFaultRule(ctx, s, atMs, startEpochMs);
      if (rule) action = { type, rule };
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
