/**
 * `diffReports(from, to)`: what differs between two JSON reports of the same manifests and
 * scenario (two Kubernetes versions, or two sets of feature gates). A pure function of the two
 * reports: events, pod timelines, Job outcomes and claims are matched by identity and instance
 * (identity.ts) and compared field by field.
 */
import type { SimulationReport } from '../report/json';
import { IdentifiedRecord, identifyRecords } from './identity';
import type {
  DifferenceCounts, DifferenceSection, DifferenceSummary, FieldChange, FieldValue, ReportDiff, ReportDifference,
} from './types';

/**
 * The fields compared per list. Pods: where and how each instance ran (its timeline and end
 * state; the IP follows the node's allocation order and the image is the manifest's, so neither is
 * compared). Jobs: the outcome. Events: when, and the message with generated names masked.
 */
export const COMPARED_FIELDS: Readonly<Record<DifferenceSection, readonly string[]>> = {
  job: ['condition', 'reason', 'succeeded', 'failed', 'created', 'finished', 'deleted'],
  pod: ['node', 'phase', 'ready', 'restarts', 'created', 'started', 'readyAt', 'finished', 'deleting', 'deleted'],
  claim: ['status', 'created', 'deleted'],
  event: ['time', 'message'],
};

const SECTION_ORDER: readonly DifferenceSection[] = ['job', 'pod', 'claim', 'event'];

function fieldChanges(a: IdentifiedRecord, b: IdentifiedRecord): FieldChange[] {
  const out: FieldChange[] = [];
  const ra = a.record as unknown as Record<string, FieldValue>;
  const rb = b.record as unknown as Record<string, FieldValue>;
  for (const field of COMPARED_FIELDS[a.section]) {
    const same = field === 'message' ? a.canonicalMessage === b.canonicalMessage : ra[field] === rb[field];
    if (!same) out.push({ field, from: ra[field] ?? null, to: rb[field] ?? null });
  }
  return out;
}

function byKey(records: readonly IdentifiedRecord[]): Map<string, IdentifiedRecord> {
  const m = new Map<string, IdentifiedRecord>();
  for (const r of records) m.set(`${r.section}\u0000${r.key}\u0000${r.instance}`, r);
  return m;
}

function workloadOrder(d: ReportDifference): string {
  return `${d.workload.namespace}\u0000${d.workload.kind}\u0000${d.workload.name}`;
}

/** The workload of a matched pair (the same in both runs unless the owner changed): the first in order, so either direction agrees. */
function earlierWorkload(a: IdentifiedRecord, b: IdentifiedRecord): IdentifiedRecord['workload'] {
  const key = (r: IdentifiedRecord) => `${r.workload.namespace}\u0000${r.workload.kind}\u0000${r.workload.name}`;
  return key(a) <= key(b) ? a.workload : b.workload;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order that does not depend on which run is `from`. */
function compareDifferences(a: ReportDifference & { readonly time: string }, b: ReportDifference & { readonly time: string }): number {
  return cmp(workloadOrder(a), workloadOrder(b))
    || SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section)
    || cmp(a.time, b.time)
    || cmp(a.subject, b.subject)
    || a.instance - b.instance;
}

function counts(diffs: readonly ReportDifference[], section: DifferenceSection): DifferenceCounts {
  const of = (change: ReportDifference['change']) => diffs.filter((d) => d.section === section && d.change === change).length;
  return { added: of('added'), removed: of('removed'), changed: of('changed') };
}

/**
 * Compares two runs' JSON reports.
 *
 * @param from the report of the run compared from (e.g. Kubernetes 1.27)
 * @param to the report of the run compared to (e.g. 1.36)
 * @returns the differences, grouped by workload, and counts per list; `identical` when there are none
 */
export function diffReports(from: SimulationReport, to: SimulationReport): ReportDiff {
  const a = identifyRecords(from).records;
  const b = identifyRecords(to).records;
  const inB = byKey(b);
  const inA = byKey(a);
  const diffs: Array<ReportDifference & { readonly time: string }> = [];
  for (const [k, ra] of inA) {
    const rb = inB.get(k);
    if (!rb) {
      diffs.push({ section: ra.section, change: 'removed', workload: ra.workload, subject: ra.subject, instance: ra.instance, fields: [], from: ra.record, to: null, time: ra.time });
      continue;
    }
    const fields = fieldChanges(ra, rb);
    if (fields.length > 0) {
      diffs.push({
        section: ra.section, change: 'changed', workload: earlierWorkload(ra, rb), subject: rb.subject, instance: rb.instance, fields, from: ra.record, to: rb.record,
        time: ra.time < rb.time ? ra.time : rb.time,
      });
    }
  }
  for (const [k, rb] of inB) {
    if (!inA.has(k)) diffs.push({ section: rb.section, change: 'added', workload: rb.workload, subject: rb.subject, instance: rb.instance, fields: [], from: null, to: rb.record, time: rb.time });
  }
  diffs.sort(compareDifferences);
  const differences: ReportDifference[] = diffs.map(({ time: _time, ...d }) => d);
  const summary: DifferenceSummary = {
    events: counts(differences, 'event'), pods: counts(differences, 'pod'), jobs: counts(differences, 'job'), persistentVolumeClaims: counts(differences, 'claim'),
  };
  return { identical: differences.length === 0, summary, differences };
}
