/**
 * Event markers of the HTML timeline: Warning triangles, skipped-run diamonds and event ticks.
 *
 * @internal
 */
import { pushTo } from './helpers';
import { BUCKET_PX, Scale } from './layout';
import type { Ev } from './model';
import { escapeHtml, eventLines, n1 } from './text';

/**
 * Markers for events, merged per few pixels so thousands stay drawable; hover lists them. A bucket
 * with a Warning is a red triangle, one with a skipped run an amber diamond, otherwise a grey tick.
 * `onlyNotable` keeps Warnings and skipped runs (pod and job lanes show those; the owner's events
 * row shows everything).
 * @internal
 */
export function markers(scale: Scale, events: readonly Ev[], y: number, h: number, onlyNotable: boolean): string {
  const buckets = new Map<number, Ev[]>();
  for (const e of events) {
    if (onlyNotable && !e.warning && !e.skip) continue;
    pushTo(buckets, Math.floor(scale.x(e.atMs) / BUCKET_PX), e);
  }
  const out: string[] = [];
  for (const b of [...buckets.keys()].sort((a, c) => a - c)) {
    const evs = buckets.get(b)!.sort((a, c) => a.atMs - c.atMs || a.index - c.index);
    const x = scale.x(evs[0].atMs);
    const title = `<title>${escapeHtml(eventLines(evs).join('\n'))}</title>`;
    if (evs.some((e) => e.warning)) {
      out.push(`<g class="marker warn-marker" data-events="${evs.length}">${title}<path class="warn" d="M${n1(x - 4)} ${n1(y)} L${n1(x + 4)} ${n1(y)} L${n1(x)} ${n1(y + 7)} Z"/></g>`);
    } else if (evs.some((e) => e.skip)) {
      const cy = y + h / 2;
      out.push(`<g class="marker skip-marker" data-events="${evs.length}">${title}<path class="skip" d="M${n1(x)} ${n1(cy - 4)} L${n1(x + 4)} ${n1(cy)} L${n1(x)} ${n1(cy + 4)} L${n1(x - 4)} ${n1(cy)} Z"/></g>`);
    } else {
      out.push(`<g class="marker ev-marker" data-events="${evs.length}">${title}<rect class="ev" x="${n1(x - 1)}" y="${n1(y + h / 2 - 4)}" width="2" height="8"/></g>`);
    }
  }
  return out.join('');
}
