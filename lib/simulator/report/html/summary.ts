/**
 * The summary header and the legend of the HTML timeline.
 *
 * @internal
 */
import type { Context } from './context';
import { cmpStr } from './helpers';
import { type Group, PHASE_CLASS, PHASE_LABEL, PHASES } from './model';
import { escapeHtml, formatDuration, isoUtc } from './text';

/** The summary header: title, time range, and counts of objects, pods, Jobs, warnings and events. @internal */
export function renderSummary(ctx: Context, groups: readonly Group[]): string {
  const r = ctx.report;
  const kinds = new Map<string, Set<string>>();
  const addObj = (kind: string, ns: string | null | undefined, name: string): void => {
    let s = kinds.get(kind);
    if (!s) kinds.set(kind, (s = new Set()));
    s.add(`${ns ?? ''}/${name}`);
  };
  if (ctx.options.objects) {
    for (const o of ctx.options.objects) addObj(o.kind, o.namespace, o.name);
  } else {
    // Without the manifest list: the top-level workloads the report shows (the groups) and bare pods.
    for (const g of groups) {
      if (g.kind === 'Jobs') for (const l of g.lanes) for (const j of l.jobs) addObj('Job', g.namespace, j.job.name);
      else if (g.kind !== 'Cluster' && g.kind !== 'Pod') addObj(g.kind, g.namespace, g.name);
    }
    for (const p of r.pods) if (!p.owner) addObj('Pod', p.namespace, p.name);
  }
  const objectCount = [...kinds.values()].reduce((n, s) => n + s.size, 0);
  const objectDetail = [...kinds.entries()].sort(([a], [b]) => cmpStr(a, b)).map(([k, s]) => `${s.size} ${k}`).join(', ');
  const deleted = r.pods.filter((p) => p.deleted !== null).length;
  const jobsOk = r.jobs.filter((j) => j.condition === 'Complete').length;
  const jobsFailed = r.jobs.filter((j) => j.condition === 'Failed').length;
  const warnings = r.events.filter((e) => e.type === 'Warning');
  const reasons = new Map<string, number>();
  for (const w of warnings) reasons.set(w.reason, (reasons.get(w.reason) ?? 0) + 1);
  const reasonText = [...reasons.entries()].sort(([a, x], [b, y]) => y - x || cmpStr(a, b)).map(([k, v]) => `${k} ×${v}`).join(', ');
  const pvcs = r.persistentVolumeClaims;
  const stat = (id: string, label: string, value: string, detail: string): string =>
    `<div class="stat" id="stat-${id}"><dt>${escapeHtml(label)}</dt><dd><span class="value">${escapeHtml(value)}</span>${detail ? ` <span class="detail">${escapeHtml(detail)}</span>` : ''}</dd></div>`;
  return [
    '<header class="summary">',
    `<h1>${escapeHtml(ctx.title)}</h1>`,
    `<p class="range">${escapeHtml(`${isoUtc(ctx.startEpoch)} → ${isoUtc(ctx.startEpoch + ctx.endMs)} (${formatDuration(ctx.endMs)}) · seed ${r.seed} · times in UTC`)}</p>`,
    '<dl class="stats">',
    stat('objects', 'Objects', String(objectCount), objectDetail),
    stat('pods', 'Pods', `${r.pods.length} created, ${deleted} deleted`, pvcs.length > 0 ? `${pvcs.length} PVCs, ${pvcs.filter((c) => c.deleted !== null).length} deleted` : ''),
    stat('jobs', 'Jobs', `${jobsOk} succeeded, ${jobsFailed} failed`, r.jobs.length > 0 ? `of ${r.jobs.length}` : ''),
    stat('warnings', 'Warnings', String(warnings.length), reasonText),
    stat('events', 'Events', String(r.events.length), ctx.steps.length > 0 ? `${ctx.steps.length} scenario steps` : ''),
    '</dl>',
    '</header>',
  ].join('\n');
}

/** The legend of phases and markers. @internal */
export function renderLegend(): string {
  const sw = (cls: string, label: string): string =>
    `<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="${cls}" x="0" y="1" width="22" height="10"/></svg>${escapeHtml(label)}</span>`;
  return [
    '<section class="legend" aria-label="Legend">',
    ...PHASES.map((p) => sw(PHASE_CLASS[p], PHASE_LABEL[p])),
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><path class="warn" d="M1 1 L13 1 L7 11 Z"/></svg>Warning event</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><path class="skip" d="M7 1 L12 6 L7 11 L2 6 Z"/></svg>Run not started (JobAlreadyActive, MissSchedule)</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><rect class="ev" x="6" y="2" width="2" height="8"/></svg>Other event</span>',
    '<span class="key"><svg width="14" height="12" aria-hidden="true"><line class="step" x1="7" y1="0" x2="7" y2="12"/></svg>Scenario step</span>',
    '<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="ph-succeeded tail" x="0" y="4" width="22" height="4"/></svg>Finished pod still kept (pale)</span>',
    '<span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="ph-succeeded" x="0" y="8" width="22" height="3"/><rect class="ph-failed" x="14" y="1" width="6" height="6" rx="1"/></svg>Job run and outcome</span>',
    '</section>',
  ].join('\n');
}
