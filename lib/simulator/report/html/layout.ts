/**
 * Layout of the HTML timeline: lane, bar and header sizes, and the horizontal scale.
 *
 * @internal
 */
import type { Context } from './context';
import type { Group, Lane } from './model';

/** Height of a lane. @internal */
export const LANE_H = 16;
/** Top of a pod bar within its lane. @internal */
export const BAR_Y = 3;
/** Height of a pod bar. @internal */
export const BAR_H = 10;
/** Height of a row of Job ticks in an aggregated lane. @internal */
export const JOB_ROW_H = 13;
/** Height of a group header. @internal */
export const GROUP_H = 22;
/** Space after a group. @internal */
export const GROUP_GAP = 8;
/** Approximate width of a character of 11px text. @internal */
export const CHAR_W = 6.6;
/** Width of the buckets events are merged in for markers. @internal */
export const BUCKET_PX = 4;

/** The horizontal layout: label column, plot width, and the x of an instant. @internal */
export interface Scale {
  readonly labelW: number;
  readonly plotW: number;
  readonly totalW: number;
  x(ms: number): number;
}

/** The scale for `groups`: the label column fits the longest lane label. @internal */
export function makeScale(ctx: Context, groups: readonly Group[]): Scale {
  let longest = 12;
  for (const g of groups) for (const l of g.lanes) longest = Math.max(longest, l.label.length);
  const labelW = Math.min(300, Math.max(170, Math.ceil(longest * CHAR_W) + 40));
  const plotW = ctx.plotWidth;
  return { labelW, plotW, totalW: labelW + plotW + 16, x: (ms) => labelW + (ctx.clamp(ms) / ctx.spanMs) * plotW };
}

/** `s` cut to `maxChars` with an ellipsis. @internal */
export function truncate(s: string, maxChars: number): string {
  return s.length <= maxChars ? s : `${s.slice(0, Math.max(1, maxChars - 1))}…`;
}

/** Aggregated job lanes: a band for markers on top, then one row of job ticks per concurrent run. @internal */
export const JOB_BAND = 8;

/** Height of a lane: fixed, or the rows of an aggregated job lane. @internal */
export function laneHeight(l: Lane): number {
  if (l.jobRows.length > 0 && l.kind !== 'job') return JOB_BAND + l.jobRows.length * JOB_ROW_H + 2;
  return LANE_H;
}
