/**
 * The default `simulate` output: a `kubectl get events`-like timeline, then the final state as
 * `kubectl get pods -o wide`, `kubectl get pvc`, `kubectl get jobs` would print it (sorted by
 * name, as kubectl sorts), and the DNS answers at the end.
 */
import { podReadyColumn } from './pod-ready';
import { formatInstant } from '../engine/clock';
import type { SimPod } from '../cluster/pod-object';
import { formatDurationMs } from '../engine/duration';
import type { ReportInput } from './json';
import { humanDuration } from './human-duration';
import { jobCompletions, jobDuration } from './kubectl-columns';
import { AggregatedEvent, aggregateEvents } from './events-aggregated';

export { humanDuration } from './human-duration';

/** What the text report is built from: what the JSON report is built from, plus what the run left out. */
export interface TextReportInput extends ReportInput {
  /**
   * What the run left out of its records (`keepDeleted`, `maxEvents`); a note says so when any.
   * @default - nothing left out
   */
  readonly dropped?: {
    /** Events. */
    readonly events: number;
    /** Deleted pods. */
    readonly pods: number;
    /** Deleted Jobs. */
    readonly jobs: number;
    /** Deleted claims. */
    readonly persistentVolumeClaims: number;
    /** Deleted objects of other kinds. */
    readonly otherObjects: number;
  };
  /**
   * How the events are shown: `'timeline'` one line per recorded event (TIME relative to the
   * start); `'aggregated'` as `kubectl get events --sort-by=.lastTimestamp` lists them after
   * client-go's event correlation (events-aggregated.ts): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
   * @default 'timeline'
   */
  readonly eventsView?: 'timeline' | 'aggregated';
}

/** The pod's STATUS column as kubectl computes it (`printers.go#printPod`, simplified). */
export function podStatus(pod: SimPod): string {
  if (pod.deletionMs !== null && pod.deletedMs === null) return 'Terminating';
  if (pod.reason) return pod.reason;
  const waiting = pod.containerStatuses.find((c) => c.state === 'waiting' && c.reason && c.reason !== 'ContainerCreating');
  if (pod.phase === 'Pending') return pod.nodeName === null ? 'Pending' : 'ContainerCreating';
  if (pod.phase === 'Succeeded') return 'Completed';
  if (pod.phase === 'Failed') return pod.containerStatuses.find((c) => c.state === 'terminated')?.reason ?? 'Error';
  if (waiting) return waiting.reason!;
  return pod.phase;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** kubectl's column layout: cells padded to the widest of each column plus 3 spaces, the last unpadded. */
export function table(rows: string[][]): string {
  // A loop, not Math.max(...column): a spread of a long run's rows overflows the call stack.
  const widths = rows[0].map(() => 0);
  for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], r[i].length);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd()).join('\n');
}

/** `Not kept (history bounds: keepDeleted/maxEvents, by default the newest 1,000 events and 100 deleted objects per kind past 7 simulated days): the oldest 9,070 events; 1,437 deleted pods, 1,437 deleted Jobs.` */
function droppedNote(d: TextReportInput['dropped']): string | undefined {
  if (!d) return undefined;
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const parts: string[] = [];
  if (d.events > 0) parts.push(`the oldest ${n(d.events)} events`);
  const objects = [
    [d.pods, 'deleted pods'], [d.jobs, 'deleted Jobs'], [d.persistentVolumeClaims, 'deleted PersistentVolumeClaims'], [d.otherObjects, 'other deleted objects'],
  ].filter(([count]) => (count as number) > 0).map(([count, what]) => `${n(count as number)} ${what}`);
  if (objects.length > 0) parts.push(objects.join(', '));
  return parts.length > 0 ? `Not kept (history bounds: keepDeleted/maxEvents, by default the newest 1,000 events and 100 deleted objects per kind past 7 simulated days): ${parts.join('; ')}.` : undefined;
}

/**
 * `kubectl get events --sort-by=.lastTimestamp` at `nowMs` (printers.go `printEvent`): LAST SEEN
 * (HumanDuration since lastTimestamp), TYPE, REASON, OBJECT (`kind/name`, lower-case kind),
 * MESSAGE (trimmed); NAMESPACE first when the events span several (`-A`).
 */
export function eventsTable(events: readonly AggregatedEvent[], nowMs: number): string {
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.lastMs - b.e.lastMs || a.i - b.i).map(({ e }) => e);
  const multiNs = new Set(sorted.map((e) => e.object.namespace).filter(Boolean)).size > 1;
  return table([[...(multiNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...sorted.map((e) => [
    ...(multiNs ? [e.object.namespace || '-'] : []), humanDuration(nowMs - e.lastMs), e.type, e.reason,
    e.object.name ? `${e.object.kind.toLowerCase()}/${e.object.name}` : e.object.kind.toLowerCase(), e.message.trim(),
  ])]);
}

/** Renders the text report. */
export function renderText(input: TextReportInput): string {
  const end = input.untilMs;
  const out: string[] = [];
  out.push(`Simulated ${formatInstant(input.startEpochMs)} → ${formatInstant(input.startEpochMs + end)} (${formatDurationMs(end)}), seed ${input.seed}`);
  const note = droppedNote(input.dropped);
  if (note) out.push(note);
  out.push('');
  const multiNs = new Set(input.events.map((e) => e.object.namespace).filter(Boolean)).size > 1;
  if (input.events.length === 0) {
    out.push('No events.');
  } else if (input.eventsView === 'aggregated') {
    out.push(eventsTable(aggregateEvents(input.events, input.cluster), end));
  } else {
    const rows = [[...(multiNs ? ['NAMESPACE'] : []), 'TIME', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
    for (const e of input.events) {
      rows.push([...(multiNs ? [e.object.namespace || '-'] : []), `+${formatDurationMs(e.atMs)}`, e.type, e.reason, `${e.object.kind.toLowerCase()}/${e.object.name}`, e.message]);
    }
    out.push(table(rows));
  }
  const pods = input.cluster.history('Pod').filter((p) => p.deletedMs === null)
    .sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
  out.push('', `Pods at +${formatDurationMs(end)}:`);
  if (pods.length === 0) {
    out.push('No pods.');
  } else {
    const podNs = new Set(pods.map((p) => p.namespace)).size > 1;
    const rows = [[...(podNs ? ['NAMESPACE'] : []), 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']];
    for (const p of pods) {
      rows.push([...(podNs ? [p.namespace] : []), p.name, podReadyColumn(p), podStatus(p), String(p.restarts),
        humanDuration(end - p.createdMs), p.ip ?? '<none>', p.nodeName ?? '<none>']);
    }
    out.push(table(rows));
  }
  const claims = input.cluster.history('PersistentVolumeClaim').filter((c) => c.deletedMs === null).sort((a, b) => cmp(a.name, b.name));
  if (claims.length > 0) {
    out.push('', 'PersistentVolumeClaims:');
    out.push(table([['NAME', 'STATUS', 'AGE'], ...claims.map((c) => [c.name, c.deletionMs !== null ? 'Terminating' : c.phase, humanDuration(end - c.createdMs)])]));
  }
  const jobs = input.cluster.history('Job').filter((j) => j.deletedMs === null).sort((a, b) => cmp(a.name, b.name));
  if (jobs.length > 0) {
    out.push('', 'Jobs:');
    out.push(table([['NAME', 'COMPLETIONS', 'DURATION', 'AGE'], ...jobs.map((j) => [j.name, jobCompletions(j), jobDuration(j, end), humanDuration(end - j.createdMs)])]));
  }
  const dns = input.dns.records(end);
  const names = Object.keys(dns);
  if (names.length > 0) {
    out.push('', 'DNS:');
    out.push(table([['NAME', 'ADDRESSES'], ...names.map((n) => [n, dns[n].join(', ')])]));
  }
  return `${out.join('\n')}\n`;
}
