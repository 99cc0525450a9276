/**
 * The workloads tables of the HTML page (report v2's `workloads`): one table per kind, in the
 * order StatefulSets, DaemonSets, Jobs, CronJobs, each row an instance with its last `kubectl get`
 * columns (1.27 printers) and when they last changed, and its column timeline folded under a
 * `<details>` (the newest {@link MAX_TIMELINE_ROWS} changes). A report without `workloads` (v1)
 * gets no section, so its page is unchanged.
 *
 * @internal
 */
import type { ReportWorkload } from '../workloads';
import type { Context } from './context';
import { escapeHtml, formatDuration } from './text';

/** The section's styles, inside the section so that a v1 page's style sheet stays as it was. @internal */
const WORKLOADS_CSS = [
  '.workloads h2{font-size:15px;margin:14px 0 6px}',
  'table.wl{border-collapse:collapse;margin:0 0 12px;font-size:12px}',
  'table.wl caption{text-align:left;font-weight:bold;padding:0 0 4px}',
  'table.wl th,table.wl td{border:1px solid #d5dae1;padding:2px 8px;text-align:left;vertical-align:top;white-space:nowrap}',
  'table.wl th{background:#eaeef3;font-size:11px}',
  'table.wl-timeline{border-collapse:collapse;margin:4px 0}',
  'table.wl-timeline th,table.wl-timeline td{border:1px solid #e3e7ec;padding:1px 6px;font-size:11px}',
].join('');

/** Timeline rows shown per workload (the newest). @internal */
export const MAX_TIMELINE_ROWS = 100;

const TITLES: ReadonlyArray<[ReportWorkload['kind'], string]> = [['StatefulSet', 'StatefulSets'], ['DaemonSet', 'DaemonSets'], ['Job', 'Jobs'], ['CronJob', 'CronJobs']];

function cells(tag: 'td' | 'th', values: readonly string[]): string {
  return values.map((v) => `<${tag}>${escapeHtml(v)}</${tag}>`).join('');
}

function offset(ctx: Context, time: string): string {
  return `+${formatDuration(Math.max(0, Date.parse(time) - ctx.startEpoch))}`;
}

function row(ctx: Context, w: ReportWorkload, headers: readonly string[], multiNs: boolean): string {
  const last = w.timeline[w.timeline.length - 1];
  const values = [...(multiNs ? [w.namespace] : []), w.name, ...headers.map((h) => last?.columns[h] ?? ''), last ? offset(ctx, last.time) : '', w.deleted ? offset(ctx, w.deleted) : ''];
  const shown = w.timeline.slice(-MAX_TIMELINE_ROWS);
  const note = shown.length < w.timeline.length ? ` (the newest ${shown.length} of ${w.timeline.length})` : '';
  const timeline = w.timeline.length === 0 ? '' : [
    `<details><summary>${escapeHtml(`${w.timeline.length} change${w.timeline.length === 1 ? '' : 's'}${note}`)}</summary>`,
    `<table class="wl-timeline"><thead><tr>${cells('th', ['TIME', ...headers])}</tr></thead><tbody>`,
    ...shown.map((e) => `<tr>${cells('td', [offset(ctx, e.time), ...headers.map((h) => e.columns[h] ?? '')])}</tr>`),
    '</tbody></table></details>',
  ].join('');
  return `<tr data-kind="${escapeHtml(w.kind)}" data-name="${escapeHtml(w.name)}">${cells('td', values)}<td>${timeline}</td></tr>`;
}

/** The workloads section, or `''` when the report has no `workloads`. @internal */
export function renderWorkloadTables(ctx: Context): string {
  const all = ctx.report.workloads ?? [];
  if (all.length === 0) return '';
  const multiNs = new Set(all.map((w) => w.namespace)).size > 1;
  const out = ['<section class="workloads" aria-label="Workloads">', `<style>${WORKLOADS_CSS}</style>`, '<h2>Workloads</h2>'];
  for (const [kind, title] of TITLES) {
    const list = all.filter((w) => w.kind === kind);
    if (list.length === 0) continue;
    const headers = Object.keys(list.find((w) => w.timeline.length > 0)?.timeline[0].columns ?? {});
    out.push(`<table class="wl" id="workloads-${kind.toLowerCase()}"><caption>${escapeHtml(`${title} (${list.length})`)}</caption>`);
    out.push(`<thead><tr>${cells('th', [...(multiNs ? ['NAMESPACE'] : []), 'NAME', ...headers, 'LAST CHANGE', 'DELETED', 'TIMELINE'])}</tr></thead><tbody>`);
    for (const w of list) out.push(row(ctx, w, headers, multiNs));
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}
