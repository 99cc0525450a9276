/**
 * The HTML timeline page: {@link renderHtmlTimeline} builds the model and assembles the document
 * (head with its Content-Security-Policy, summary, legend, axis, lanes, footer).
 */
import type { SimulationReport } from '../json';
import { distinctZones, renderAxis, ticks } from './axis';
import { Context } from './context';
import { buildGroups } from './groups';
import { makeScale } from './layout';
import type { Group } from './model';
import type { HtmlTimelineOptions } from './options';
import { renderBody } from './render-lanes';
import { CSS } from './styles';
import { renderLegend, renderSummary } from './summary';
import { escapeHtml } from './text';
import { renderWorkloadTables } from './workloads-table';

/**
 * Renders `report` (the `--format json` output) as one self-contained HTML page.
 *
 * Layout: one group per owner (StatefulSet pods by ordinal, one row per pod name so a recreated
 * pod continues its row; DaemonSet pods by node; a CronJob's Jobs one row each, or one aggregated
 * row with a tick per Job above `maxJobLanesPerCronJob`; a standalone Job's pods on the Job's row;
 * bare pods by name). Every lane is an SVG `<g class="lane">` carrying `data-pods` and
 * `data-jobs` counts, so the counts over all lanes add up to the report's pods.
 *
 * @param report the simulation report
 * @param options title, step markers, CronJob time zones, sizes
 * @returns the HTML document
 */
export function renderHtmlTimeline(report: SimulationReport, options: HtmlTimelineOptions = {}): string {
  const ctx = new Context(report, options);
  const groups = buildGroups(ctx);
  return renderDocument(ctx, groups);
}

function renderDocument(ctx: Context, groups: readonly Group[]): string {
  const scale = makeScale(ctx, groups);
  const tk = ticks(ctx, scale.plotW);
  const zones = distinctZones(ctx, groups);
  const axis = renderAxis(ctx, scale, tk, zones);
  const body = renderBody(ctx, scale, tk, groups);
  const totals = laneTotals(groups);
  const workloads = renderWorkloadTables(ctx);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the page is complete in itself (no script, no image, no font).
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cdk8s-workloads simulate --format html">',
    `<title>${escapeHtml(ctx.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body data-lanes="${totals.lanes}" data-pods="${totals.pods}" data-jobs="${totals.jobs}">`,
    renderSummary(ctx, groups),
    renderLegend(),
    `<main class="timeline" style="width:${scale.totalW}px">`,
    `<div class="axis">${axis}</div>`,
    body,
    '</main>',
    // report v2 only: a v1 report's page has no such line
    ...(workloads ? [workloads] : []),
    `<footer>Generated from the simulation report by cdk8s-workloads. Hover a bar or marker for details. ${escapeHtml(`${groups.length} group${groups.length === 1 ? '' : 's'}, ${totals.lanes} lane${totals.lanes === 1 ? '' : 's'}.`)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function laneTotals(groups: readonly Group[]): { lanes: number; pods: number; jobs: number } {
  let lanes = 0;
  let pods = 0;
  let jobs = 0;
  for (const g of groups) {
    for (const l of g.lanes) {
      lanes++;
      pods += l.podCount;
      jobs += l.jobCount;
    }
  }
  return { lanes, pods, jobs };
}
