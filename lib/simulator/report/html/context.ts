/**
 * The rendering context of the HTML timeline: the report, the options with their defaults applied,
 * the plotted time range, and the time-zone lookup of a CronJob.
 *
 * @internal
 */
import type { SimulationReport } from '../json';
import type { HtmlTimelineOptions, TimelineStep } from './options';

/** The report and options of one rendering, with times relative to the start. @internal */
export class Context {
  public readonly startEpoch: number;
  public readonly endMs: number;
  public readonly spanMs: number;
  public readonly plotWidth: number;
  public readonly maxLanesPerGroup: number;
  public readonly maxJobLanes: number;
  public readonly title: string;
  public readonly steps: readonly { atMs: number; label: string }[];

  public constructor(public readonly report: SimulationReport, public readonly options: HtmlTimelineOptions) {
    this.startEpoch = parseTime(report.start, 'start');
    this.endMs = Math.max(0, parseTime(report.end, 'end') - this.startEpoch);
    this.spanMs = Math.max(1, this.endMs);
    this.plotWidth = Math.max(200, Math.round(options.plotWidth ?? 1200));
    this.maxLanesPerGroup = Math.max(2, Math.floor(options.maxLanesPerGroup ?? 200));
    this.maxJobLanes = Math.max(1, Math.floor(options.maxJobLanesPerCronJob ?? 30));
    this.title = options.title ?? 'Simulation timeline';
    this.steps = (options.steps ?? [])
      .map((s, i) => ({ atMs: this.stepMs(s, i), label: s.label, i }))
      .sort((a, b) => a.atMs - b.atMs || a.i - b.i)
      .map(({ atMs, label }) => ({ atMs, label }));
  }

  /** Milliseconds after the start of an RFC 3339 instant, or null. */
  public rel(t: string | null | undefined): number | null {
    if (t === null || t === undefined) return null;
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new Error(`renderHtmlTimeline: invalid time ${JSON.stringify(t)} in the report`);
    return ms - this.startEpoch;
  }

  /** Clamped to the plotted range. */
  public clamp(ms: number): number {
    return Math.min(Math.max(ms, 0), this.endMs);
  }

  private stepMs(s: TimelineStep, i: number): number {
    if (s.atMs !== undefined) {
      if (!Number.isFinite(s.atMs)) throw new Error(`renderHtmlTimeline: steps[${i}].atMs must be a finite number, got ${s.atMs}`);
      return s.atMs;
    }
    if (s.time !== undefined) return parseTime(s.time, `steps[${i}].time`) - this.startEpoch;
    throw new Error(`renderHtmlTimeline: steps[${i}] needs atMs or time`);
  }
}

function parseTime(t: string, what: string): number {
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`renderHtmlTimeline: ${what} must be an RFC 3339 time, got ${JSON.stringify(t)}`);
  return ms;
}

/** The time zone given for the CronJob `ns/name` (or `name`), if any. @internal */
export function zoneOf(ctx: Context, ns: string | null, name: string): string | undefined {
  const zones = ctx.options.timeZones ?? {};
  return zones[`${ns ?? 'default'}/${name}`] ?? zones[name];
}
