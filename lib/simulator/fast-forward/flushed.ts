/**
 * What the steady-state fast-forward (fast-forward.ts) checks at the end of each `runUntil`: that
 * the output holds nothing of the time before a skip, as a full run's would not. A tail of real
 * periods too short to flush it would make the report differ; this turns that into an error.
 */
import type { ClusterState } from '../cluster/cluster-state';
import type { SimKind, SimObject } from '../cluster/objects';
import type { Trace } from '../engine/trace';

/** What one skip left to verify. */
export interface SkipRecord {
  /** The family Jobs and pods it moved (old names, old uids). */
  readonly moved: ReadonlySet<SimObject>;
  /** The simulated ms the skip moved the clock to: anything recorded or removed before it is from before the skip. */
  readonly endMs: number;
  /** Events one skipped period recorded. */
  readonly recorded: number;
  /** Removals per kind one skipped period made. */
  readonly deleted: ReadonlyMap<SimKind, number>;
}

/**
 * What of the time before `skip` is still in the output, described, or undefined when nothing:
 * - an object it moved still in the store or the kept history;
 * - a kept event naming one (as its object, its related object or in its message: a CronJob's
 *   `SuccessfulDelete` names the Job it deleted — issue 15's divergence);
 * - when the skipped periods recorded events, a kept event from before the skip (a full run would
 *   keep the skipped periods' events in its place), and likewise, for each kind the skipped
 *   periods removed, a kept removed instance removed before the skip.
 */
export function whatIsLeft(skip: SkipRecord, state: ClusterState, trace: Trace): string | undefined {
  const names = new Set<string>();
  for (const o of skip.moved) {
    if (o.deletedMs === null) return `${o.kind} ${o.namespace}/${o.name} is still in the store`;
    names.add(o.name);
  }
  for (const kind of ['Job', 'Pod'] as const) {
    for (const o of state.history(kind)) if (skip.moved.has(o)) return `${o.kind} ${o.namespace}/${o.name} is still in the history`;
  }
  for (const [kind, removed] of skip.deleted) {
    if (removed <= 0) continue;
    for (const o of state.history(kind)) {
      if (o.deletedMs !== null && o.deletedMs < skip.endMs) return `${o.kind} ${o.namespace}/${o.name}, removed before the skip, is still in the history`;
    }
  }
  for (const e of trace.events) {
    if (skip.recorded > 0 && e.atMs < skip.endMs) return `an event from before the skip (${e.reason} ${e.object.kind} ${e.object.name}) is still in the trace`;
    if (names.has(e.object.name) || (e.related !== undefined && names.has(e.related.name)) || mentions(e.message, names)) {
      return `an event about ${e.object.kind} ${e.object.name} (${e.reason}: ${e.message}) naming a moved object is still in the trace`;
    }
  }
  return undefined;
}

/** Whether `message` names any of `names` as a whole word (names are DNS labels: letters, digits, `-` and `.`). */
function mentions(message: string, names: ReadonlySet<string>): boolean {
  // Fast path: a message that holds none of the names as a substring names none of them.
  let any = false;
  for (const name of names) {
    if (message.includes(name)) {
      any = true;
      break;
    }
  }
  if (!any) return false;
  for (const word of message.split(/[^a-z0-9.-]+/)) if (names.has(word) || names.has(word.replace(/\.+$/, ''))) return true;
  return false;
}
