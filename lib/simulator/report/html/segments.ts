/**
 * The phase bars of a pod instance: from the report's first-time fields, or from the pod's
 * recorded state changes when the options give them.
 *
 * @internal
 */
import type { Context } from './context';
import type { Phase, ReportPod, Segment } from './model';
import type { TimelinePodTransition } from './options';

/**
 * Bars of one pod instance. The report gives the first time of each transition, so a pod is
 * Pending from `created` to `started` (container start), Running-not-ready until `readyAt`, Ready
 * until its container ends (`finished`, only when the pod ended Succeeded/Failed; a container
 * restarted in place keeps the pod Running) or its deletion is requested (`deleting`), then
 * Succeeded/Failed, then Terminating until `deleted` (or the end of the run).
 * @internal
 */
export function podSegments(ctx: Context, pod: ReportPod): { fromMs: number; toMs: number; busyToMs: number; segments: Segment[] } {
  const created = ctx.rel(pod.created) ?? 0;
  const started = ctx.rel(pod.started);
  const readyAt = ctx.rel(pod.readyAt);
  const deleting = ctx.rel(pod.deleting);
  const deleted = ctx.rel(pod.deleted);
  const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
  const finished = terminal ? ctx.rel(pod.finished) : null;
  const lifeEnd = Math.max(created, deleted ?? ctx.endMs);
  // The pod runs until its container ends, its deletion is requested, or it is gone.
  const runStop = Math.min(finished ?? Infinity, deleting ?? Infinity, lifeEnd);
  const segments: Segment[] = [];
  const add = (phase: Phase, from: number, to: number): void => {
    const f = ctx.clamp(from);
    const t = ctx.clamp(to);
    if (t > f) segments.push({ phase, fromMs: f, toMs: t });
  };
  add('Pending', created, Math.min(started ?? runStop, runStop));
  if (started !== null) add('Running', started, Math.min(readyAt ?? runStop, runStop));
  if (readyAt !== null) add('Ready', readyAt, runStop);
  if (terminal) {
    // A pod failed without a container end (e.g. evicted) turns Failed when it stops running.
    const from = finished ?? runStop;
    add(pod.phase as Phase, from, Math.min(deleting ?? lifeEnd, lifeEnd));
  }
  if (deleting !== null) add('Terminating', deleting, lifeEnd);
  const tail = segments.find((s) => s.phase === 'Succeeded' || s.phase === 'Failed');
  return { fromMs: ctx.clamp(created), toMs: ctx.clamp(lifeEnd), busyToMs: tail ? tail.fromMs : ctx.clamp(lifeEnd), segments };
}

/**
 * Bars of one pod instance from its recorded state changes: each transition holds until the next
 * one, the last until `deleted` (or the end of the run).
 * @internal
 */
export function transitionSegments(ctx: Context, pod: ReportPod, transitions: readonly TimelinePodTransition[]): { fromMs: number; toMs: number; busyToMs: number; segments: Segment[] } {
  const created = ctx.rel(pod.created) ?? 0;
  const lifeEnd = Math.max(created, ctx.rel(pod.deleted) ?? ctx.endMs);
  const sorted = [...transitions].sort((a, b) => a.atMs - b.atMs);
  const segments: Segment[] = [];
  sorted.forEach((t, i) => {
    const phase: Phase = t.terminating ? 'Terminating'
      : t.phase === 'Succeeded' || t.phase === 'Failed' ? t.phase
        : t.phase === 'Running' ? (t.ready ? 'Ready' : 'Running') : 'Pending';
    const from = ctx.clamp(Math.max(t.atMs, created));
    const to = ctx.clamp(Math.min(i + 1 < sorted.length ? sorted[i + 1].atMs : lifeEnd, lifeEnd));
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last.phase === phase && last.toMs === from) segments[segments.length - 1] = { phase, fromMs: last.fromMs, toMs: to };
    else segments.push({ phase, fromMs: from, toMs: to });
  });
  const tail = segments.find((sg) => sg.phase === 'Succeeded' || sg.phase === 'Failed');
  return { fromMs: ctx.clamp(created), toMs: ctx.clamp(lifeEnd), busyToMs: tail ? tail.fromMs : ctx.clamp(lifeEnd), segments };
}
