/**
 * Reads a scenario's `expect:` block (DESIGN.md "Scenario file", README "Expectations") into typed
 * {@link Expectation}s. Written either as a list of one-key mappings
 * (`- podsReady: { owner: StatefulSet/web, count: 3, by: 5m }`) or as one mapping of check names.
 * An unknown check or key is an error naming the path with a did-you-mean, like every other
 * scenario field. The checks themselves are evaluated by lib/simulator/expect/.
 */
import { didYouMean } from '../../util/did-you-mean';
import { parseDurationMs } from '../engine/duration';
import { asFields, Ctx, Fields, isIsoInstant } from './fields';
import { EXPECTATION_CHECKS, Expectation } from './expectations';
import { ScenarioError } from './scenario-error';

/** Reads `expect` (list or mapping) at `path`; problems go to `ctx`. @internal */
export function readExpectations(ctx: Ctx, path: string, value: unknown, startEpochMs: number): Expectation[] {
  if (value === undefined || value === null) return [];
  const entries: Array<{ path: string; key: string; value: unknown }> = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item) || Object.keys(item).length !== 1) {
        ctx.error(p, `must be a mapping with exactly one check (${EXPECTATION_CHECKS.join(', ')}), got ${JSON.stringify(item)}`);
        return;
      }
      const [key] = Object.keys(item);
      entries.push({ path: `${p}.${key}`, key, value: (item as Record<string, unknown>)[key] });
    });
  } else if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) entries.push({ path: `${path}.${key}`, key, value: v });
  } else {
    ctx.error(path, `must be a list of checks such as \`- noWarnings: true\` or \`- podsReady: { owner: StatefulSet/web, count: 3, by: 5m }\`, got ${JSON.stringify(value)}`);
    return [];
  }
  return entries.map((e) => readOne(ctx, e.path, e.key, e.value, startEpochMs)).filter((x): x is Expectation => x !== undefined);
}

/**
 * Parses one check given as `{ <check>: <spec> }` (the Jest helpers use this, so they accept
 * exactly what `expect:` accepts).
 *
 * @param raw e.g. `{ podsReady: { owner: 'StatefulSet/web', count: 3, by: '5m' } }`
 * @param name the name used in messages, e.g. `toHavePodsReady`
 * @param startEpochMs the run's start, for RFC 3339 instants
 * @throws ScenarioError naming the field and the fix
 */
export function parseExpectation(raw: Record<string, unknown>, name: string, startEpochMs: number): Expectation {
  const ctx = new Ctx(name);
  const [key] = Object.keys(raw);
  const out = readOne(ctx, key, key, raw[key], startEpochMs);
  if (ctx.issues.length > 0 || !out) throw new ScenarioError(ctx.issues);
  return out;
}

function readOne(ctx: Ctx, path: string, key: string, value: unknown, start: number): Expectation | undefined {
  switch (key) {
    case 'noWarnings': {
      if (value === true) return { check: 'noWarnings', path, except: [] };
      if (value === false || typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.error(path, `must be true or a mapping { except: [reasons] }, got ${JSON.stringify(value)}${value === false ? ' (remove the check instead)' : ''}`);
        return undefined;
      }
      const f = new Fields(ctx, path, value as Record<string, unknown>);
      const except = strings(ctx, f, 'except');
      f.done();
      return { check: 'noWarnings', path, except };
    }
    case 'podsReady': {
      const f = asFields(ctx, path, value, '{ owner: Kind/name, count, by }');
      if (!f) return undefined;
      const owner = kindName(ctx, f, 'owner', true);
      const count = f.int('count', true, 1);
      const namespace = f.str('namespace', false);
      const byMs = time(ctx, f, 'by', start);
      f.done();
      if (!owner || count === undefined) return undefined;
      return { check: 'podsReady', path, ownerKind: owner.kind, ownerName: owner.name, count, ...opt({ namespace, byMs }) };
    }
    case 'job': {
      const f = asFields(ctx, path, value, '{ name, condition: Complete|Failed, within }');
      if (!f) return undefined;
      const name = f.str('name', true);
      const condition = f.str('condition', true, ['Complete', 'Failed']) as 'Complete' | 'Failed' | undefined;
      const reason = f.str('reason', false);
      const namespace = f.str('namespace', false);
      const withinMs = time(ctx, f, 'within', start);
      f.done();
      if (!name || !condition) return undefined;
      return { check: 'job', path, name, condition, ...opt({ namespace, reason, withinMs }) };
    }
    case 'cronJob': {
      const f = asFields(ctx, path, value, '{ name, runs, between }');
      if (!f) return undefined;
      const name = f.str('name', true);
      const namespace = f.str('namespace', false);
      const runs = range(ctx, f, 'runs', true);
      let fromMs = 0;
      let toMs: number | undefined;
      const between = f.raw('between');
      if (between !== undefined && between !== null) {
        const ok = Array.isArray(between) && between.length === 2;
        const a = ok ? instant(between[0], start) : undefined;
        const b = ok ? instant(between[1], start) : undefined;
        if (a === undefined || b === undefined || b <= a) {
          ctx.error(f.at('between'), `must be [from, to]: two durations since start or RFC 3339 instants, from before to, got ${JSON.stringify(between)}`);
        } else {
          fromMs = a;
          toMs = b;
        }
      }
      f.done();
      if (!name || !runs) return undefined;
      return { check: 'cronJob', path, name, fromMs, ...runs, ...opt({ namespace, toMs }) };
    }
    case 'event': {
      const f = asFields(ctx, path, value, '{ reason, object, absent | count | min | max }');
      if (!f) return undefined;
      const reason = f.str('reason', true);
      const object = kindName(ctx, f, 'object', false);
      const namespace = f.str('namespace', false);
      const type = f.str('type', false, ['Normal', 'Warning']) as 'Normal' | 'Warning' | undefined;
      const absent = f.bool('absent', false);
      const count = f.int('count', false);
      const min = f.int('min', false);
      const max = f.int('max', false);
      f.done();
      const given = [absent !== undefined && 'absent', count !== undefined && 'count', (min !== undefined || max !== undefined) && 'min/max'].filter(Boolean);
      if (given.length > 1) ctx.error(path, `give one of absent, count or min/max, not ${given.join(' and ')}`);
      if (absent === false) ctx.error(f.at('absent'), 'must be true (to require the event, use `min: 1` or leave absent out)');
      if (min !== undefined && max !== undefined && max < min) ctx.error(f.at('max'), `must be ≥ min (${min}), got ${max}`);
      if (!reason) return undefined;
      const bounds = absent ? { min: 0, max: 0 } : count !== undefined ? { min: count, max: count } : { min: min ?? (max === undefined ? 1 : 0), ...opt({ max }) };
      return { check: 'event', path, reason, ...bounds, ...opt({ objectKind: object?.kind, objectName: object?.name, namespace, type }) };
    }
    default:
      ctx.error(path, `unknown check \`${key}\`${didYouMean(key, EXPECTATION_CHECKS)} (allowed: ${EXPECTATION_CHECKS.join(', ')})`);
      return undefined;
  }
}

/** Drops undefined values (the types use optional properties, not `undefined` values). */
function opt<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function strings(ctx: Ctx, f: Fields, key: string): string[] {
  const v = f.raw(key);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
    ctx.error(f.at(key), `must be a list of event reasons, e.g. [FailedScheduling], got ${JSON.stringify(v)}`);
    return [];
  }
  return [...v] as string[];
}

function kindName(ctx: Ctx, f: Fields, key: string, required: boolean): { kind: string; name: string } | undefined {
  const v = f.str(key, required);
  if (v === undefined) return undefined;
  const m = /^([A-Za-z]+)\/([^/\s]+)$/.exec(v);
  if (!m) {
    ctx.error(f.at(key), `must be Kind/name such as StatefulSet/web, got ${JSON.stringify(v)}`);
    return undefined;
  }
  return { kind: m[1], name: m[2] };
}

/** A duration since start (`5m`) or an RFC 3339 instant, as simulated ms. */
function instant(v: unknown, start: number): number | undefined {
  if (v instanceof Date) return v.getTime() - start;
  if (typeof v !== 'string') return v === 0 ? 0 : undefined;
  if (isIsoInstant(v)) return Date.parse(v) - start;
  return parseDurationMs(v);
}

function time(ctx: Ctx, f: Fields, key: string, start: number): number | undefined {
  const v = f.raw(key);
  if (v === undefined || v === null) return undefined;
  const ms = instant(v, start);
  if (ms === undefined || ms < 0) {
    ctx.error(f.at(key), `must be a duration since start made of <n>ms|s|m|h|d parts (e.g. 90s, 5m, 1h30m) or an RFC 3339 instant not before start, got ${JSON.stringify(v instanceof Date ? v.toISOString() : v)}`);
    return undefined;
  }
  return ms;
}

function range(ctx: Ctx, f: Fields, key: string, required: boolean): { min: number; max?: number } | undefined {
  const v = f.raw(key);
  if (v === undefined || v === null) {
    if (required) ctx.error(f.at(key), 'is required (a count such as 5, or { min, max })');
    return undefined;
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) {
      ctx.error(f.at(key), `must be an integer ≥ 0 or { min, max }, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return { min: v, max: v };
  }
  const r = asFields(ctx, f.at(key), v, 'a count, or { min, max }');
  if (!r) return undefined;
  const min = r.int('min', false);
  const max = r.int('max', false);
  r.done();
  if (min === undefined && max === undefined) {
    ctx.error(f.at(key), 'give min, max or both');
    return undefined;
  }
  if (min !== undefined && max !== undefined && max < min) {
    ctx.error(`${f.at(key)}.max`, `must be ≥ min (${min}), got ${max}`);
    return undefined;
  }
  return { min: min ?? 0, ...opt({ max }) };
}
