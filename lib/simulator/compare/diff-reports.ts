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

/** The records of each identity (section + key), in report order; the map keeps first-seen order. */
function groups(records: readonly IdentifiedRecord[]): Map<string, IdentifiedRecord[]> {
  const m = new Map<string, IdentifiedRecord[]>();
  for (const r of records) {
    const k = `${r.section}\u0000${r.key}`;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Above this many instance pairs in one identity, instances are paired by position (no sequence diff). */
const MAX_ALIGNMENT_CELLS = 250_000;

/**
 * Pairs the instances of one identity across the runs, as a sequence diff: the longest common
 * subsequence of equal instances (no compared field differs) is matched first; between two such
 * anchors the remaining instances are paired in order (changed) and the longer side's surplus is
 * added or removed. One extra instance in the middle is then one addition, not a shifted tail.
 */
function align(as: readonly IdentifiedRecord[], bs: readonly IdentifiedRecord[]): Array<[IdentifiedRecord | undefined, IdentifiedRecord | undefined]> {
  const n = as.length;
  const m = bs.length;
  const anchors: Array<[number, number]> = [];
  if (n * m <= MAX_ALIGNMENT_CELLS) {
    // lcs[i][j]: the LCS length of as[i..] and bs[j..].
    const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    const equal = (i: number, j: number) => fieldChanges(as[i], bs[j]).length === 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = equal(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (lcs[i][j] === lcs[i + 1][j + 1] + 1 && equal(i, j)) {
        anchors.push([i, j]);
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
      else j++;
    }
  }
  anchors.push([n, m]);
  const pairs: Array<[IdentifiedRecord | undefined, IdentifiedRecord | undefined]> = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of anchors) {
    for (; i < ai || j < bj; i++, j++) pairs.push([i < ai ? as[i] : undefined, j < bj ? bs[j] : undefined]);
    if (ai < n) pairs.push([as[ai], bs[bj]]);
    i = ai + 1;
    j = bj + 1;
  }
  return pairs;
}

function workloadOrder(d: ReportDifference): string {
  return `${d.workload.namespace}\u0000${d.workload.kind}\u0000${d.workload.name}`;
}

/** The workload of a matched pair (the same in both runs unless the owner changed): the first in order, so either direction agrees. */
function earlierWorkload(a: IdentifiedRecord, b: IdentifiedRecord): IdentifiedRecord['workload'] {
  const key = (r: IdentifiedRecord) => `${r.workload.namespace}\u0000${r.workload.kind}\u0000${r.workload.name}`;
  return key(a) <= key(b) ? a.workload : b.workload;
}

/** Epoch ms of an RFC 3339 time (`…:01Z` and `…:01.500Z` do not sort as strings). */
function ms(time: string): number {
  return Date.parse(time);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order that does not depend on which run is `from`. */
function compareDifferences(a: ReportDifference & { readonly time: number }, b: ReportDifference & { readonly time: number }): number {
  return cmp(workloadOrder(a), workloadOrder(b))
    || SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section)
    || a.time - b.time
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
  const inA = groups(a);
  const inB = groups(b);
  const diffs: Array<ReportDifference & { readonly time: number }> = [];
  const keys = [...inA.keys(), ...[...inB.keys()].filter((k) => !inA.has(k))];
  for (const k of keys) {
    for (const [ra, rb] of align(inA.get(k) ?? [], inB.get(k) ?? [])) {
      if (ra && !rb) {
        diffs.push({ section: ra.section, change: 'removed', workload: ra.workload, subject: ra.subject, instance: ra.instance, fields: [], from: ra.record, to: null, time: ms(ra.time) });
      } else if (rb && !ra) {
        diffs.push({ section: rb.section, change: 'added', workload: rb.workload, subject: rb.subject, instance: rb.instance, fields: [], from: null, to: rb.record, time: ms(rb.time) });
      } else if (ra && rb) {
        const fields = fieldChanges(ra, rb);
        if (fields.length > 0) {
          diffs.push({
            section: ra.section, change: 'changed', workload: earlierWorkload(ra, rb), subject: rb.subject, instance: rb.instance, fields, from: ra.record, to: rb.record,
            time: Math.min(ms(ra.time), ms(rb.time)),
          });
        }
      }
    }
  }
  diffs.sort(compareDifferences);
  const differences: ReportDifference[] = diffs.map(({ time: _time, ...d }) => d);
  const summary: DifferenceSummary = {
    events: counts(differences, 'event'), pods: counts(differences, 'pod'), jobs: counts(differences, 'job'), persistentVolumeClaims: counts(differences, 'claim'),
  };
  return { identical: differences.length === 0, summary, differences };
}
