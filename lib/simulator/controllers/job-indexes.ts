/**
 * Indexed Jobs' completed index intervals (Kubernetes v1.27 `pkg/controller/job/indexed_job_utils.go`:
 * `orderedIntervals`, `firstPendingIndexes`). Rules are cited as
 * /work/shared/reference/k8s-controller-semantics.md §4.2.
 */
import { JobPodView, UNKNOWN_COMPLETION_INDEX } from './job-utils';

/** An inclusive interval of completion indexes. */
export interface IndexInterval {
  /** First index. */
  readonly first: number;
  /** Last index (inclusive). */
  readonly last: number;
}

/** `orderedIntervals`. */
export type OrderedIntervals = readonly IndexInterval[];

/** `succeededIndexesFromString`: parses `0-2,4`, ignoring malformed parts and indexes ≥ completions. */
export function parseCompletedIndexes(text: string | undefined, completions: number): IndexInterval[] {
  if (!text) return [];
  const out: IndexInterval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = Number.parseInt(limits[0], 10);
    if (!Number.isFinite(first)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      last = Number.parseInt(limits[1], 10);
      if (!Number.isFinite(last)) continue;
      if (last >= completions) last = completions - 1;
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) out[out.length - 1] = { first: prev.first, last };
    else out.push({ first, last });
  }
  return out;
}

/**
 * `orderedIntervals.String` (pkg/controller/job/indexed_job_utils.go): `0-2,4`, `5,6` — a range
 * only for three or more consecutive indexes; two adjacent ones are written as a list
 * (`if v.Last == v.First+1 { builder.WriteRune(',') } else { builder.WriteRune('-') }`).
 */
export function formatCompletedIndexes(intervals: OrderedIntervals): string {
  return intervals.map((v) => (v.last === v.first ? `${v.first}` : `${v.first}${v.last === v.first + 1 ? ',' : '-'}${v.last}`)).join(',');
}

/** `withOrderedIndexes`: merges sorted `indexes` into the intervals. */
export function withOrderedIndexes(intervals: OrderedIntervals, indexes: readonly number[]): IndexInterval[] {
  const out: IndexInterval[] = [];
  const append = (v: IndexInterval) => {
    const last = out[out.length - 1];
    if (!last || v.first > last.last + 1) out.push(v);
    else if (last.last < v.last) out[out.length - 1] = { first: last.first, last: v.last };
  };
  let i = 0;
  let j = 0;
  while (i < intervals.length && j < indexes.length) {
    if (intervals[i].first < indexes[j]) append(intervals[i++]);
    else { append({ first: indexes[j], last: indexes[j] }); j++; }
  }
  while (i < intervals.length) append(intervals[i++]);
  while (j < indexes.length) { append({ first: indexes[j], last: indexes[j] }); j++; }
  return out;
}

/** `orderedIntervals.has`. */
export function intervalsHave(intervals: OrderedIntervals, ix: number): boolean {
  return intervals.some((v) => v.first <= ix && ix <= v.last);
}

/** `orderedIntervals.total`. */
export function intervalsTotal(intervals: OrderedIntervals): number {
  let n = 0;
  for (const v of intervals) n += v.last - v.first + 1;
  return n;
}

/** `orderedIntervals.merge`: the union of two interval lists. */
export function mergeIntervals(a: OrderedIntervals, b: OrderedIntervals): IndexInterval[] {
  const all = [...a, ...b].sort((x, y) => x.first - y.first);
  const out: IndexInterval[] = [];
  for (const v of all) {
    const prev = out[out.length - 1];
    if (prev && v.first <= prev.last + 1) out[out.length - 1] = { first: prev.first, last: Math.max(prev.last, v.last) };
    else out.push(v);
  }
  return out;
}

function indexesOf(pods: readonly JobPodView[]): number[] {
  return [...new Set(pods.map((p) => p.completionIndex).filter((ix) => ix !== UNKNOWN_COMPLETION_INDEX))].sort((a, b) => a - b);
}

/**
 * `firstPendingIndexes` (§4.2): up to `count` lowest indexes below `completions` that are neither
 * succeeded nor held by an active pod — nor, from 1.28, held by a terminating pod when only failed
 * pods are replaced (`onlyReplaceFailedPods`, KEP-3939), nor failed (KEP-3850 `failedIndexes`).
 */
export function firstPendingIndexes(
  activePods: readonly JobPodView[], succeeded: OrderedIntervals, count: number, completions: number,
  terminatingPods: readonly JobPodView[] = [], failed: OrderedIntervals = [],
): number[] {
  if (count === 0) return [];
  let nonPending = withOrderedIndexes(succeeded, indexesOf(activePods));
  if (terminatingPods.length > 0) nonPending = withOrderedIndexes(nonPending, indexesOf(terminatingPods));
  if (failed.length > 0) nonPending = mergeIntervals(nonPending, failed);
  const out: number[] = [];
  let candidate = 0;
  for (const v of nonPending) {
    for (; candidate < completions && out.length < count && candidate < v.first; candidate++) out.push(candidate);
    if (candidate < v.last + 1) candidate = v.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}
