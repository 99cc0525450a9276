/**
 * Reading helpers for the scenario parser: {@link Ctx} collects issues with file and line,
 * {@link Fields} reads one mapping with typed accessors and unknown-key detection.
 */
import { didYouMean } from '../../util/did-you-mean';
import { parseDurationMs } from '../engine/duration';
import type { ScenarioIssue } from './scenario-error';

/** A YAML/JSON mapping. @internal */
export type Obj = Record<string, unknown>;

/** Collects issues with the file name and line lookup. @internal */
export class Ctx {
  public readonly issues: ScenarioIssue[] = [];
  public constructor(public readonly file: string, private readonly lines?: (p: string) => number | undefined) {}
  public error(path: string, text: string): void {
    const line = this.lines?.(path);
    this.issues.push({ path, ...(line !== undefined ? { line } : {}), message: `${this.file}${line !== undefined ? ` line ${line}` : ''}: \`${path}\`: ${text}` });
  }
}

/** Typed reads of one mapping, with unknown-key detection. @internal */
export class Fields {
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

/** Whether `s` is an RFC 3339 instant. @internal */
export function isIsoInstant(s: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s));
}

/** `value` as a {@link Fields}, or an error that it is not a mapping (`what` says what it should be). @internal */
export function asFields(ctx: Ctx, path: string, value: unknown, what: string): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.error(path, `must be a mapping (${what}), got ${JSON.stringify(value)}`);
    return undefined;
  }
  return new Fields(ctx, path, value as Obj);
}
