/**
 * Text of the HTML timeline: escaping, number and duration formatting, wall-clock times in a
 * time zone, and the hover text of events, pods and Jobs.
 */
import { civilFromLocal, WallClock, Zone } from '../../../schedule/zone';
import type { Context } from './context';
import { type Ev, type JobItem, PHASE_LABEL, type PodItem, type ReportEvent } from './model';

/** `s` with the HTML special characters escaped. @internal */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A number for an SVG attribute: one decimal, no "-0". @internal */
export function n1(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** `n` with at least two digits. @internal */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Compact duration: 1d2h3m4s, 250ms. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const q = Math.floor(rest / size);
    if (q > 0) parts.push(`${q}${unit}`);
    rest -= q * size;
  }
  return sign + parts.join('');
}

/** Weekday abbreviations, Sunday first. @internal */
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Civil { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number }

/**
 * Wall-clock fields of an instant in `zone`, from the same cached zone offsets the schedule code
 * uses (lib/schedule/zone.ts), to the second.
 * @internal
 */
export function civil(epochMs: number, zone: string): Civil {
  const t = Math.floor(epochMs / 1000);
  const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0, offset: 0 };
  civilFromLocal(t + Zone.get(zone).offsetAt(t), w);
  return { y: w.year, mo: w.month, d: w.day, h: w.hour, mi: w.minute, s: w.second, wd: w.weekday };
}

/** UTC offset of `zone` at an instant, "+09:00". @internal */
export function zoneOffset(epochMs: number, zone: string): string {
  const minutes = Math.round(Zone.get(zone).offsetAt(Math.floor(epochMs / 1000)) / 60);
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** An instant as RFC 3339 UTC, without milliseconds when they are zero. @internal */
export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** A time for hover text: UTC clock (with date when the run spans days) and the offset from start. @internal */
export function clockText(ctx: Context, ms: number): string {
  const c = civil(ctx.startEpoch + ms, 'UTC');
  const frac = (ctx.startEpoch + ms) % 1000;
  const hms = `${pad2(c.h)}:${pad2(c.mi)}:${pad2(c.s)}${frac ? `.${String(frac).padStart(3, '0')}` : ''}`;
  const date = ctx.spanMs > 86_400_000 ? `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)} ` : '';
  return `${date}${hms} (+${formatDuration(ms)})`;
}

/** Hover text of a report event: time, type, reason, object and message. @internal */
export function eventText(ctx: Context, e: ReportEvent): string {
  const o = e.object;
  return `${clockText(ctx, (ctx.rel(e.time) ?? 0))} ${e.type} ${e.reason} ${o.kind}/${o.name}: ${e.message}`;
}

const MAX_TITLE_EVENTS = 12;

/** Hover lines of events, oldest first, at most a dozen. @internal */
export function eventLines(events: readonly Ev[]): string[] {
  const sorted = [...events].sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const lines = sorted.slice(0, MAX_TITLE_EVENTS).map((e) => e.text);
  if (sorted.length > MAX_TITLE_EVENTS) lines.push(`… and ${sorted.length - MAX_TITLE_EVENTS} more events`);
  return lines;
}

/** Hover text of a pod bar. @internal */
export function podTitle(ctx: Context, p: PodItem): string {
  const pod = p.pod;
  const lines = [
    `Pod ${pod.namespace}/${pod.name}${pod.owner ? ` (${pod.owner.kind}/${pod.owner.name})` : ''}`,
    `node ${pod.node ?? '(none)'} · ip ${pod.ip ?? '(none)'} · image ${pod.image ?? '(none)'}`,
    `final phase ${pod.phase}${pod.ready ? ', ready' : ''} · restarts ${pod.restarts}`,
    ...p.segments.map((s) => `${PHASE_LABEL[s.phase]}: ${clockText(ctx, s.fromMs)} → ${clockText(ctx, s.toMs)} (${formatDuration(s.toMs - s.fromMs)})`),
  ];
  const ev = eventLines(p.events);
  if (ev.length > 0) lines.push('events:', ...ev);
  return lines.join('\n');
}

/** Hover text of a Job. @internal */
export function jobTitle(ctx: Context, j: JobItem): string {
  const job = j.job;
  const lines = [
    `Job ${j.namespace}/${job.name}${job.owner ? ` (${job.owner.kind}/${job.owner.name})` : ''}`,
    `${j.outcome === 'Active' ? 'still active' : j.outcome === 'Deleted' ? 'deleted before finishing' : job.condition}${job.reason ? ` (${job.reason})` : ''} · succeeded ${job.succeeded} · failed ${job.failed}`,
    `created ${clockText(ctx, j.fromMs)}${job.finished ? ` · finished ${clockText(ctx, ctx.clamp(ctx.rel(job.finished)!))}` : ''}${job.deleted ? ` · deleted ${clockText(ctx, ctx.clamp(ctx.rel(job.deleted)!))}` : ''}`,
  ];
  if (j.pods.length > 0) lines.push(`pods: ${j.pods.map((p) => `${p.pod.name} ${p.pod.phase}`).join(', ')}`);
  const ev = eventLines([...j.events, ...j.pods.flatMap((p) => p.events)]);
  if (ev.length > 0) lines.push('events:', ...ev);
  return lines.join('\n');
}
