/**
 * Parsing of `failRequests` (injected API errors, cluster/fault-injection.ts): as a step
 * (`- { at: 2m, failRequests: { verb: create, kind: Pod, owner: "Job/x", times: 3 } }`) or as a
 * top-level list whose entries take an `at` of their own (default 0).
 */
import { FAULT_VERBS, FaultKind, FaultReason, FaultVerb, RequestFaultRule } from '../cluster/fault-injection';
import { formatDurationMs, parseDurationMs } from '../engine/duration';
import { stepLabel } from './step-label';
import { asFields, Ctx, Fields, isIsoInstant } from './fields';
import type { FailRequestsAction, ScenarioStep } from './scenario';

const VERBS: readonly FaultVerb[] = ['create', 'update', 'delete'];
const KINDS = Object.keys(FAULT_VERBS) as FaultKind[];
const REASONS: readonly FaultReason[] = ['Forbidden', 'InternalError', 'Conflict'];

/**
 * A point in time: a duration from start (`90s`) or an RFC 3339 instant, as simulated ms; undefined
 * (with an error) when it is neither. @internal
 */
export function readTimePoint(ctx: Ctx, f: Fields, key: string, startEpochMs: number): number | undefined {
  const raw = f.raw(key);
  if (raw === undefined || raw === null) return undefined;
  if (raw instanceof Date || (typeof raw === 'string' && isIsoInstant(raw))) {
    const ms = new Date(raw as string | Date).getTime() - startEpochMs;
    if (ms < 0) ctx.error(f.at(key), 'is before start');
    return ms < 0 ? undefined : ms;
  }
  const ms = raw === 0 ? 0 : typeof raw === 'string' ? parseDurationMs(raw) : undefined;
  if (ms === undefined) ctx.error(f.at(key), `must be a duration from start (90s, 2m, 1h30m) or an RFC 3339 instant, got ${JSON.stringify(raw)}`);
  return ms;
}

/**
 * Reads the fields of one rule (`verb`, `kind`, `owner`, `name`, `namespace`, `times`, `reason`,
 * `message`, `until`) from `f`; `fromMs` is when it starts (for messages about `until`). The
 * caller calls `f.done()`. @internal
 */
export function readFaultRule(ctx: Ctx, f: Fields, fromMs: number | undefined, startEpochMs: number): Omit<RequestFaultRule, 'fromMs'> | undefined {
  const verb = f.str('verb', true, VERBS) as FaultVerb | undefined;
  const kind = f.str('kind', true, KINDS) as FaultKind | undefined;
  const owner = f.str('owner', false);
  const name = f.str('name', false);
  const namespace = f.str('namespace', false);
  const reason = (f.str('reason', false, REASONS) ?? 'Forbidden') as FaultReason;
  const message = f.str('message', false);
  const untilMs = readTimePoint(ctx, f, 'until', startEpochMs);
  const timesRaw = f.raw('times');
  let times: number | 'always' = untilMs !== undefined ? 'always' : 1;
  let ok = verb !== undefined && kind !== undefined;
  if (timesRaw === 'always') times = 'always';
  else if (timesRaw !== undefined && timesRaw !== null) {
    if (typeof timesRaw !== 'number' || !Number.isInteger(timesRaw) || timesRaw < 1) {
      ctx.error(f.at('times'), `must be an integer ≥ 1 or "always", got ${JSON.stringify(timesRaw)}`);
      ok = false;
    } else times = timesRaw;
  }
  if (verb && kind && !FAULT_VERBS[kind].includes(verb)) {
    ctx.error(f.at('verb'), `the controllers never ${verb} a ${kind} (verbs for ${kind}: ${FAULT_VERBS[kind].join(', ')})`);
    ok = false;
  }
  if (owner !== undefined && !/^[A-Za-z]+\/.+$/.test(owner)) {
    ctx.error(f.at('owner'), `must be "Kind/name" (the workload the controller writes for, e.g. "Job/backup" or "CronJob/nightly"), got ${JSON.stringify(owner)}`);
    ok = false;
  }
  if (untilMs !== undefined && fromMs !== undefined && untilMs <= fromMs) {
    ctx.error(f.at('until'), `is at ${formatDurationMs(untilMs)}, not after the rule starts (${formatDurationMs(fromMs)}); the window is [at, until)`);
    ok = false;
  }
  if (!ok || !verb || !kind) return undefined;
  return {
    verb, kind, times, reason,
    ...(owner ? { owner } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}), ...(message ? { message } : {}),
    ...(untilMs !== undefined ? { untilMs } : {}),
  };
}

/** Reads the top-level `failRequests` list as steps at each entry's `at` (default 0). @internal */
export function readTopLevelFailRequests(ctx: Ctx, entries: ReadonlyArray<{ path: string; value: unknown }>, startEpochMs: number, untilMs: number): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  entries.forEach((e, index) => {
    const f = asFields(ctx, e.path, e.value, 'a rule: verb, kind and optionally owner, name, namespace, times, reason, message, at, until');
    if (!f) return;
    const hasAt = f.has('at');
    const at = readTimePoint(ctx, f, 'at', startEpochMs);
    const atMs = hasAt ? at : 0;
    const rule = readFaultRule(ctx, f, atMs, startEpochMs);
    f.done();
    if (atMs !== undefined && atMs > untilMs) ctx.error(f.at('at'), `is at ${formatDurationMs(atMs)}, after the scenario's \`until\` (${formatDurationMs(untilMs)})`);
    if (!rule || atMs === undefined) return;
    const action: FailRequestsAction = { type: 'failRequests', rule };
    steps.push({ index, atMs, action, label: stepLabel(action), path: e.path });
  });
  return steps;
}
