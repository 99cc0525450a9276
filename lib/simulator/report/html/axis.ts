/**
 * The time axis of the HTML timeline: tick steps and labels, the CronJob time zones with a row
 * each, scenario step labels and the Warning strip.
 *
 * @internal
 */
import { Context, zoneOf } from './context';
import { cmpStr, pushTo } from './helpers';
import { CHAR_W, Scale, truncate } from './layout';
import { markers } from './markers';
import type { Ev, Group } from './model';
import { civil, clockText, escapeHtml, eventText, n1, pad2, WEEKDAYS, zoneOffset } from './text';

const TICK_STEPS_MS = [
  1000, 2000, 5000, 10_000, 15_000, 30_000,
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
  86_400_000, 172_800_000, 604_800_000, 1_209_600_000, 2_592_000_000,
];

/** Tick instants (ms after start) at round UTC multiples of a step that gives at most ~plotW/110 ticks. @internal */
export function ticks(ctx: Context, plotW: number): { stepMs: number; at: number[] } {
  const maxTicks = Math.max(2, Math.floor(plotW / 110));
  const stepMs = TICK_STEPS_MS.find((s) => ctx.spanMs / s <= maxTicks) ?? Math.ceil(ctx.spanMs / maxTicks / 86_400_000) * 86_400_000;
  const at: number[] = [];
  const first = Math.ceil(ctx.startEpoch / stepMs) * stepMs - ctx.startEpoch;
  for (let t = first; t <= ctx.endMs; t += stepMs) at.push(t);
  return { stepMs, at };
}

function tickLabel(epochMs: number, zone: string, stepMs: number, withDate: boolean): string {
  const c = civil(epochMs, zone);
  const hm = `${pad2(c.h)}:${pad2(c.mi)}`;
  if (stepMs >= 86_400_000) return `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)}${hm !== '00:00' ? ` ${hm}` : ''}`;
  const time = stepMs < 60_000 ? `${hm}:${pad2(c.s)}` : hm;
  return withDate ? `${WEEKDAYS[c.wd]} ${pad2(c.mo)}-${pad2(c.d)} ${time}` : time;
}

/** The CronJob time zones other than UTC, each with its CronJobs, in name order. @internal */
export function distinctZones(ctx: Context, groups: readonly Group[]): { zone: string; cronJobs: string[] }[] {
  const byZone = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.kind !== 'CronJob') continue;
    const z = zoneOf(ctx, g.namespace, g.name);
    if (z && z !== 'UTC' && z !== 'Etc/UTC') {
      pushTo(byZone, z, g.name);
      seen.add(`${g.namespace}/${g.name}`);
    }
  }
  // Zones given for CronJobs that have no group (no jobs, no events) are still shown.
  for (const [k, z] of Object.entries(ctx.options.timeZones ?? {}).sort(([a], [b]) => cmpStr(a, b))) {
    if (z === 'UTC' || z === 'Etc/UTC' || byZone.has(z)) continue;
    if (!seen.has(k)) pushTo(byZone, z, k.includes('/') ? k.slice(k.indexOf('/') + 1) : k);
  }
  for (const z of byZone.keys()) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: z });
    } catch {
      throw new Error(`renderHtmlTimeline: unknown time zone ${JSON.stringify(z)} in timeZones`);
    }
  }
  return [...byZone.entries()].sort(([a], [b]) => cmpStr(a, b)).map(([zone, cronJobs]) => ({ zone, cronJobs }));
}

/** The time axis SVG: scenario steps, the Warning strip, and a tick row per time zone. @internal */
export function renderAxis(ctx: Context, scale: Scale, tk: { stepMs: number; at: number[] }, zones: readonly { zone: string; cronJobs: string[] }[]): string {
  const out: string[] = [];
  let y = 4;
  // Scenario steps: labels placed in up to 4 staggered rows so they do not overlap.
  const stepRows: number[] = [];
  const placed: { x: number; row: number; label: string; atMs: number }[] = [];
  for (const s of ctx.steps) {
    const x = scale.x(s.atMs);
    const label = truncate(s.label, 60);
    let row = stepRows.findIndex((end) => end < x);
    if (row < 0) {
      if (stepRows.length < 4) {
        row = stepRows.length;
        stepRows.push(-Infinity);
      } else {
        row = stepRows.indexOf(Math.min(...stepRows));
      }
    }
    stepRows[row] = x + label.length * CHAR_W + 8;
    placed.push({ x, row, label, atMs: s.atMs });
  }
  const stepH = stepRows.length * 14;
  if (placed.length > 0) {
    out.push(`<text class="rowlabel" x="8" y="${n1(y + 11)}">steps</text>`);
    placed.forEach((p, i) => {
      const ty = y + p.row * 14 + 11;
      const title = `step ${i + 1} at ${clockText(ctx, ctx.clamp(p.atMs))}: ${ctx.steps[i].label}`;
      out.push(`<g class="step-marker" data-step="${i}"><title>${escapeHtml(title)}</title><line class="step" x1="${n1(p.x)}" y1="${n1(y + p.row * 14)}" x2="${n1(p.x)}" y2="${n1(y + stepH + 200)}"/><text class="steplabel" x="${n1(p.x + 3)}" y="${n1(ty)}">${escapeHtml(p.label)}</text></g>`);
    });
    y += stepH + 2;
  }
  const warnings = ctx.report.events
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.type === 'Warning')
    .map(({ e, index }): Ev => ({ index, atMs: ctx.clamp(ctx.rel(e.time) ?? 0), warning: true, skip: false, text: eventText(ctx, e) }));
  if (warnings.length > 0) {
    out.push(`<text class="rowlabel" x="8" y="${n1(y + 10)}">warnings (${warnings.length})</text>`);
    out.push(`<g class="warning-strip">${markers(scale, warnings, y + 2, 12, true)}</g>`);
    y += 14;
  }
  // UTC row, then one row per CronJob time zone.
  const rows: { zone: string; label: string; title: string }[] = [
    { zone: 'UTC', label: 'UTC', title: 'scenario clock, UTC' },
    ...zones.map((z) => ({
      zone: z.zone,
      label: `${z.zone} (${zoneOffset(ctx.startEpoch, z.zone)})`,
      title: `${z.zone}, time zone of CronJob ${z.cronJobs.join(', ')}; UTC offset at the start ${zoneOffset(ctx.startEpoch, z.zone)}`,
    })),
  ];
  const tickTop = y;
  for (const row of rows) {
    const ty = y + 13;
    out.push(`<g class="axis-row" data-zone="${escapeHtml(row.zone)}"><title>${escapeHtml(row.title)}</title><text class="rowlabel" x="8" y="${n1(ty)}">${escapeHtml(truncate(row.label, Math.floor((scale.labelW - 16) / CHAR_W)))}</text>`);
    let prevDay = '';
    for (const t of tk.at) {
      const epoch = ctx.startEpoch + t;
      const c = civil(epoch, row.zone);
      const day = `${c.y}-${c.mo}-${c.d}`;
      const label = tickLabel(epoch, row.zone, tk.stepMs, day !== prevDay);
      prevDay = day;
      if (scale.x(t) + 3 + label.length * CHAR_W > scale.totalW) continue; // would be clipped at the right edge
      out.push(`<text class="tick" x="${n1(scale.x(t) + 3)}" y="${n1(ty)}">${escapeHtml(label)}</text>`);
    }
    out.push('</g>');
    y += 18;
  }
  for (const t of tk.at) out.push(`<line class="tickline" x1="${n1(scale.x(t))}" y1="${n1(tickTop)}" x2="${n1(scale.x(t))}" y2="${n1(y)}"/>`);
  out.push(`<line class="axisline" x1="${scale.labelW}" y1="${n1(y)}" x2="${n1(scale.labelW + scale.plotW)}" y2="${n1(y)}"/>`);
  const h = y + 2;
  // Step lines in the axis stop at its bottom edge.
  const svg = out.join('').replace(/y2="([\d.]+)"\/><text class="steplabel"/g, () => `y2="${n1(h)}"/><text class="steplabel"`);
  return `<svg class="axis-svg" xmlns="http://www.w3.org/2000/svg" width="${scale.totalW}" height="${n1(h)}" viewBox="0 0 ${scale.totalW} ${n1(h)}" role="img" aria-label="time axis">${svg}</svg>`;
}
