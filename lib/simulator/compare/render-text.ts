/**
 * The text form of a report diff (`simulate --compare` without `--format json`): a header naming
 * the two runs and the feature gates that differ, one count line, then the differences grouped by
 * workload. `+` only in the `to` run, `-` only in the `from` run, `~` in both but different. Times
 * are offsets from the scenario start (`+1m10s`).
 */
import { formatDurationMs } from '../engine/duration';
import type { ReportClaim, ReportEvent, ReportJob, ReportObjectRef, ReportPod } from '../report/json';
import type { DifferenceCounts, FieldValue, ReportDiff, ReportDifference } from './types';

/** A feature gate whose value differs between the two runs. */
export interface GateChange {
  /** The gate's name. */
  readonly gate: string;
  /** Its value in the `from` run. */
  readonly from: boolean;
  /** Its value in the `to` run. */
  readonly to: boolean;
}

/** What the text form shows besides the diff. */
export interface DiffTextHeader {
  /** The `from` run's label, e.g. `1.27`. */
  readonly from: string;
  /** The `to` run's label, e.g. `1.36`. */
  readonly to: string;
  /** The scenario start (RFC 3339), that times are shown relative to. */
  readonly start: string;
  /** The modelled gates that differ. */
  readonly gateChanges: readonly GateChange[];
}

const TIME_FIELDS = new Set(['time', 'created', 'started', 'readyAt', 'finished', 'deleting', 'deleted']);
const MARK: Readonly<Record<ReportDifference['change'], string>> = { added: '+', removed: '-', changed: '~' };

/** Renders `value` of `field`: times as offsets from `startMs`, null as `-`, strings quoted only when they hold spaces. */
function value(field: string, v: FieldValue, startMs: number): string {
  if (v === null) return '-';
  if (TIME_FIELDS.has(field) && typeof v === 'string' && !Number.isNaN(Date.parse(v))) return `+${formatDurationMs(Date.parse(v) - startMs)}`;
  return typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v);
}

function countText(c: DifferenceCounts): string {
  return `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function workloadText(w: ReportObjectRef): string {
  return w.namespace === '' || w.namespace === 'default' ? `${w.kind}/${w.name}` : `${w.kind}/${w.name} (namespace ${w.namespace})`;
}

/** The fields worth showing of a record that exists in one run only. */
function recordText(d: ReportDifference, startMs: number): string {
  const r = (d.to ?? d.from)!;
  const t = (f: string, v: FieldValue) => value(f, v, startMs);
  switch (d.section) {
    case 'pod': {
      const p = r as ReportPod;
      const parts = (['created', 'started', 'readyAt', 'finished', 'deleted'] as const).filter((f) => p[f] !== null).map((f) => `${f} ${t(f, p[f])}`);
      return `${p.name}: ${[...parts, `phase ${p.phase}`, ...(p.restarts > 0 ? [`restarts ${p.restarts}`] : [])].join(', ')}`;
    }
    case 'job': {
      const j = r as ReportJob;
      return [`condition ${t('condition', j.condition)}${j.reason ? ` (${j.reason})` : ''}`, `succeeded ${j.succeeded}`, `failed ${j.failed}`, ...(j.finished ? [`finished ${t('finished', j.finished)}`] : [])].join(', ');
    }
    case 'claim': {
      const c = r as ReportClaim;
      return [`status ${c.status}`, `created ${t('created', c.created)}`, ...(c.deleted ? [`deleted ${t('deleted', c.deleted)}`] : [])].join(', ');
    }
    case 'event': {
      const e = r as ReportEvent;
      return `at ${t('time', e.time)}: ${e.message}`;
    }
    default: return '';
  }
}

function differenceText(d: ReportDifference, startMs: number, multiple: boolean, header: DiffTextHeader): string {
  const instance = multiple || d.instance > 1 ? ` #${d.instance}` : '';
  const head = `  ${MARK[d.change]} ${d.subject}${instance}`;
  if (d.change !== 'changed') return `${head} (only in ${d.change === 'added' ? header.to : header.from}) ${recordText(d, startMs)}`;
  const names = d.section === 'pod' && d.subject.endsWith('*') ? ` (${(d.from as ReportPod).name} / ${(d.to as ReportPod).name})` : '';
  return `${head}${names}: ${d.fields.map((f) => `${f.field} ${value(f.field, f.from, startMs)} → ${value(f.field, f.to, startMs)}`).join('; ')}`;
}

/**
 * Renders a diff as text.
 *
 * @param diff what {@link diffReports} returned
 * @param header the two runs' labels, the start and the gate changes
 * @returns lines ending in a newline
 */
export function renderDiffText(diff: ReportDiff, header: DiffTextHeader): string {
  const startMs = Date.parse(header.start);
  const lines: string[] = [`Kubernetes ${header.from} → ${header.to}: the same manifests, scenario and seed, simulated under each`];
  lines.push(header.gateChanges.length === 0
    ? 'feature gates: no modelled gate differs'
    : `feature gates that differ: ${header.gateChanges.map((g) => `${g.gate} ${g.from} → ${g.to}`).join(', ')}`);
  if (diff.identical) {
    lines.push('no difference: every event, pod timeline, Job outcome and claim is the same');
    return `${lines.join('\n')}\n`;
  }
  const s = diff.summary;
  lines.push(`differences: events ${countText(s.events)}; pods ${countText(s.pods)}; jobs ${countText(s.jobs)}; claims ${countText(s.persistentVolumeClaims)}`);
  lines.push(`(+ only in ${header.to}, - only in ${header.from}, ~ in both but different; times from the scenario start)`);
  const multiples = new Set<string>();
  for (const d of diff.differences) if (d.instance > 1) multiples.add(`${d.section} ${d.subject}`);
  let workload = '';
  for (const d of diff.differences) {
    const w = workloadText(d.workload);
    if (w !== workload) {
      lines.push('', w);
      workload = w;
    }
    lines.push(differenceText(d, startMs, multiples.has(`${d.section} ${d.subject}`), header));
  }
  return `${lines.join('\n')}\n`;
}
