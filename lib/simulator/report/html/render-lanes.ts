/**
 * Drawing the lanes of the HTML timeline: group headers and events rows, pod bars, Job lines and
 * badges, aggregated Job ticks, and the grid and step lines behind them.
 *
 * @internal
 */
import type { Context } from './context';
import { BAR_H, BAR_Y, CHAR_W, GROUP_GAP, GROUP_H, JOB_BAND, JOB_ROW_H, LANE_H, laneHeight, Scale, truncate } from './layout';
import { markers } from './markers';
import { type Group, type Lane, OUTCOME_CLASS, PHASE_CLASS, type PodItem, type Segment } from './model';
import { escapeHtml, jobTitle, n1, podTitle } from './text';

/** The lanes SVG: each group's header, events row and lanes, over the grid and step lines. @internal */
export function renderBody(ctx: Context, scale: Scale, tk: { stepMs: number; at: number[] }, groups: readonly Group[]): string {
  const out: string[] = [];
  let y = 4;
  let laneIndex = 0;
  const maxChars = Math.floor((scale.labelW - 34) / CHAR_W); // room for a job's outcome badge
  groups.forEach((g, gi) => {
    const gy = y;
    const heading = g.kind === 'Cluster' ? 'Cluster' : g.kind === 'Pod' ? `Pods without owner${g.namespace ? ` · ${g.namespace}` : ''}`
      : g.kind === 'Jobs' ? `Jobs without owner${g.namespace ? ` · ${g.namespace}` : ''}` : `${g.kind} ${g.namespace ? `${g.namespace}/` : ''}${g.name}`;
    out.push(`<g class="group" data-kind="${escapeHtml(g.kind)}" data-name="${escapeHtml(g.name)}" data-group="${gi}">`);
    out.push(`<g class="group-header"><title>${escapeHtml(`${heading}${g.note ? `\n${g.note}` : ''}`)}</title><rect class="group-bg" x="0" y="${n1(gy)}" width="${scale.totalW}" height="${GROUP_H}"/>`
      + `<text class="group-title" x="6" y="${n1(gy + 15)}">${escapeHtml(heading)}</text></g>`);
    // The note follows the heading (bold 12px is about 7.5px per character).
    if (g.note) out.push(`<text class="group-note" x="${n1(Math.max(scale.labelW + 6, 6 + heading.length * 7.5 + 14))}" y="${n1(gy + 15)}">${escapeHtml(g.note)}</text>`);
    y += GROUP_H;
    if (g.headerEvents.length > 0) {
      // The owner's own events (SuccessfulCreate, JobAlreadyActive, FailedCreate, …) in one row.
      const n = g.headerEvents.length;
      out.push(`<g class="events-row" data-events="${n}"><rect class="lane-bg" x="0" y="${n1(y)}" width="${scale.totalW}" height="${LANE_H}"/>`
        + `<text class="lane-label events-label" x="14" y="${n1(y + 12)}">${escapeHtml(`events (${n})`)}</text>`
        + `${markers(scale, g.headerEvents, y + 2, LANE_H - 4, false)}</g>`);
      y += LANE_H;
    }
    // When an owner's pods run different images (a rollout), each bar names its image.
    const showImages = new Set(g.lanes.flatMap((l) => l.pods.map((p) => p.pod.image))).size > 1;
    for (const lane of g.lanes) {
      const h = laneHeight(lane);
      out.push(renderLane(ctx, scale, lane, y, h, laneIndex, maxChars, showImages));
      laneIndex++;
      y += h;
    }
    out.push('</g>');
    y += GROUP_GAP;
  });
  if (groups.length === 0) {
    out.push(`<text class="empty" x="${n1(scale.labelW + 6)}" y="${n1(y + 14)}">No pods, jobs or events in this run.</text>`);
    y += 24;
  }
  const h = y;
  const grid = tk.at.map((t) => `<line class="gridline" x1="${n1(scale.x(t))}" y1="0" x2="${n1(scale.x(t))}" y2="${n1(h)}"/>`).join('');
  const steps = ctx.steps.map((s, i) => `<line class="step" data-step="${i}" x1="${n1(scale.x(s.atMs))}" y1="0" x2="${n1(scale.x(s.atMs))}" y2="${n1(h)}"/>`).join('');
  return `<svg class="lanes-svg" xmlns="http://www.w3.org/2000/svg" width="${scale.totalW}" height="${n1(h)}" viewBox="0 0 ${scale.totalW} ${n1(h)}" role="img" aria-label="pod lanes">`
    + `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c4c8cf"/><rect width="3" height="6" fill="#8d939c"/></pattern></defs>`
    + `<g class="grid">${grid}</g>${out.join('\n')}<g class="steps">${steps}</g></svg>`;
}

function renderLane(ctx: Context, scale: Scale, lane: Lane, y: number, h: number, index: number, maxChars: number, showImages: boolean): string {
  const parts: string[] = [];
  parts.push(`<g class="lane lane-${lane.kind}" data-lane="${index}" data-pods="${lane.podCount}" data-jobs="${lane.jobCount}">`);
  parts.push(`<rect class="lane-bg${index % 2 ? ' odd' : ''}" x="0" y="${n1(y)}" width="${scale.totalW}" height="${h}"/>`);
  parts.push(`<text class="lane-label" x="14" y="${n1(y + 12)}"><title>${escapeHtml(lane.title)}</title>${escapeHtml(truncate(lane.label, maxChars))}</text>`);
  if (lane.kind === 'job') {
    // The Job's own lifetime as a thin line under its pods, coloured by outcome.
    for (const j of lane.jobs) {
      const x1 = scale.x(j.fromMs);
      const w = Math.max(1, scale.x(j.toMs) - x1);
      // …and a badge at the end of the label column, so the outcome reads even when the run is short.
      parts.push(`<g class="job" data-job="${escapeHtml(j.job.name)}" data-outcome="${j.outcome}"><title>${escapeHtml(jobTitle(ctx, j))}</title><rect class="${OUTCOME_CLASS[j.outcome]} jobline" x="${n1(x1)}" y="${n1(y + BAR_Y + BAR_H)}" width="${n1(w)}" height="2.5"/>`
        + `<rect class="${OUTCOME_CLASS[j.outcome]} badge" x="${n1(scale.labelW - 13)}" y="${n1(y + 4)}" width="8" height="8" rx="1.5"/></g>`);
    }
  }
  lane.pods.forEach((p, i) => {
    // In a packed row the next pod covers the previous one's finished tail.
    const clipMs = lane.kind === 'more' ? Infinity : lane.pods[i + 1]?.fromMs ?? Infinity;
    parts.push(renderPod(ctx, scale, p, y + BAR_Y, lane.kind === 'more' ? 0.6 : 1, showImages && lane.kind !== 'more', clipMs));
  });
  if (lane.jobRows.length > 0 && lane.kind !== 'job') {
    lane.jobRows.forEach((row, r) => {
      for (const j of row) {
        const x1 = scale.x(j.fromMs);
        const w = Math.max(1, scale.x(j.toMs) - x1);
        parts.push(`<g class="job" data-job="${escapeHtml(j.job.name)}" data-outcome="${j.outcome}"><title>${escapeHtml(jobTitle(ctx, j))}</title><rect class="${OUTCOME_CLASS[j.outcome]}" x="${n1(x1)}" y="${n1(y + JOB_BAND + r * JOB_ROW_H)}" width="${n1(w)}" height="${JOB_ROW_H - 2}"/></g>`);
      }
    });
  }
  parts.push(markers(scale, lane.markers, y, lane.jobRows.length > 0 && lane.kind !== 'job' ? JOB_BAND : h, true));
  parts.push('</g>');
  return parts.join('');
}

function renderPod(ctx: Context, scale: Scale, p: PodItem, y: number, opacity: number, showImage: boolean, clipMs: number): string {
  const segs = p.segments.filter((s) => s.fromMs < clipMs).map((seg) => {
    const s = seg.toMs > clipMs ? { ...seg, toMs: clipMs } : seg;
    const x1 = scale.x(s.fromMs);
    const w = Math.max(0.5, scale.x(s.toMs) - x1);
    // After its container ended a pod is drawn thinner: it still exists, but no longer runs.
    const thin = s.phase === 'Succeeded' || s.phase === 'Failed';
    return `<rect class="${PHASE_CLASS[s.phase]}${thin ? ' tail' : ''}" x="${n1(x1)}" y="${n1(thin ? y + 3 : y)}" width="${n1(w)}" height="${thin ? BAR_H - 6 : BAR_H}"/>`;
  });
  if (segs.length === 0) {
    // Created and gone within one instant: still visible as a hairline.
    segs.push(`<rect class="ph-terminating" x="${n1(scale.x(p.fromMs))}" y="${n1(y)}" width="1" height="${BAR_H}"/>`);
  }
  const instanceEdge = `<rect class="pod-edge" x="${n1(scale.x(p.fromMs))}" y="${n1(y)}" width="1" height="${BAR_H}"/>`;
  let text = '';
  if (showImage && p.pod.image) {
    // Inside the widest running segment, when it fits (9px text is about 5.4px per character).
    const running = p.segments.filter((s) => s.phase === 'Ready' || s.phase === 'Running');
    const widest = running.reduce<Segment | undefined>((best, s) => (!best || s.toMs - s.fromMs > best.toMs - best.fromMs ? s : best), undefined);
    if (widest && scale.x(widest.toMs) - scale.x(widest.fromMs) >= p.pod.image.length * 5.4 + 8) {
      text = `<text class="bar-text" x="${n1(scale.x(widest.fromMs) + 4)}" y="${n1(y + BAR_H - 2)}">${escapeHtml(p.pod.image)}</text>`;
    }
  }
  return `<g class="pod" data-pod="${escapeHtml(`${p.pod.namespace}/${p.pod.name}`)}" data-phase="${escapeHtml(p.pod.phase)}"${opacity < 1 ? ` opacity="${opacity}"` : ''}><title>${escapeHtml(podTitle(ctx, p))}</title>${segs.join('')}${instanceEdge}${text}</g>`;
}
