/**
 * Building the lanes of a group: pod instances packed into rows (StatefulSet pods by ordinal,
 * DaemonSet pods by node), a Job's row or an aggregated lane of Job ticks, and the "+N more"
 * lane a huge owner folds into.
 *
 * @internal
 */
import type { Context } from './context';
import { cmpNatural, pushTo } from './helpers';
import type { Group, JobItem, JobOutcome, Lane, LaneKind, PodItem } from './model';
import { jobTitle } from './text';

/**
 * First-fit packing of time intervals into rows; an item may start where the previous ended. A
 * finished pod left in place (a Job's failed attempt) only occupies its row until it finished, so
 * the Job's next attempt continues the same row.
 */
function pack<T extends { fromMs: number; toMs: number; index: number; busyToMs?: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
  const rows: T[][] = [];
  const ends: number[] = [];
  for (const item of sorted) {
    let r = ends.findIndex((end) => end <= item.fromMs);
    if (r < 0) {
      r = rows.length;
      rows.push([]);
      ends.push(-Infinity);
    }
    rows[r].push(item);
    // A zero-length item still occupies its instant.
    ends[r] = Math.max(item.busyToMs ?? item.toMs, item.fromMs + 1e-9);
  }
  return rows;
}

function podLane(label: string, title: string, pods: readonly PodItem[]): Lane {
  return {
    kind: 'pod', label, title, pods, jobs: [], jobRows: [],
    markers: pods.flatMap((p) => p.events.filter((e) => e.warning)),
    podCount: pods.length, jobCount: 0,
  };
}

const ORDINAL_RE = /-(\d+)$/;

/** The lanes of one group, and the note its header shows. @internal */
export function buildLanes(ctx: Context, g: Group, pods: readonly PodItem[], jobs: readonly JobItem[]): { lanes: Lane[]; note: string } {
  const lanes: Lane[] = [];
  const notes: string[] = [];
  if (g.kind === 'Jobs') {
    const sortedJobs = [...jobs].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
    lanes.push(aggregateJobsLane(`${sortedJobs.length} jobs`, sortedJobs, 'jobs'));
    notes.push(`${sortedJobs.length} jobs without owner, one tick per job`);
  } else if (g.kind === 'CronJob' || (g.kind === 'Job' && jobs.length > 0)) {
    const sortedJobs = [...jobs].sort((a, b) => a.fromMs - b.fromMs || a.index - b.index);
    const count = (o: JobOutcome): number => sortedJobs.filter((j) => j.outcome === o).length;
    if (g.kind === 'CronJob') {
      notes.push(`${sortedJobs.length} job${sortedJobs.length === 1 ? '' : 's'}: ${count('Complete')} complete, ${count('Failed')} failed, ${count('Active')} active${count('Deleted') ? `, ${count('Deleted')} deleted unfinished` : ''}`);
    } else {
      const last = sortedJobs[sortedJobs.length - 1];
      const jobPods = sortedJobs.flatMap((j) => j.pods);
      const phase = (ph: string): number => jobPods.filter((p) => p.pod.phase === ph).length;
      const outcome = last.outcome === 'Active' ? 'still active' : last.outcome === 'Deleted' ? 'deleted before finishing' : last.outcome;
      notes.push(`${outcome}${last.job.reason ? ` (${last.job.reason})` : ''} · ${jobPods.length} pod${jobPods.length === 1 ? '' : 's'}: ${phase('Succeeded')} succeeded, ${phase('Failed')} failed`);
    }
    if (g.kind === 'CronJob' && sortedJobs.length > ctx.maxJobLanes) {
      lanes.push(aggregateJobsLane(`${sortedJobs.length} jobs`, sortedJobs, 'cronjob-jobs'));
      notes.push('one tick per job');
    } else {
      for (const j of sortedJobs) {
        const rows = pack(j.pods);
        const title = jobTitle(ctx, j);
        if (rows.length === 0) rows.push([]);
        rows.forEach((row, r) => {
          lanes.push({
            kind: 'job', label: r === 0 ? j.job.name : `${j.job.name} [${r + 1}]`, title,
            pods: row, jobs: r === 0 ? [j] : [], jobRows: [],
            markers: [...(r === 0 ? j.events.filter((e) => e.warning) : []), ...row.flatMap((p) => p.events.filter((e) => e.warning))],
            podCount: row.length, jobCount: r === 0 ? 1 : 0,
          });
        });
      }
    }
  }
  if (pods.length > 0) {
    // Lane key per owner kind: StatefulSet pods by name (ordinal order), DaemonSet pods by node.
    const byKey = new Map<string, PodItem[]>();
    const keyOf = (p: PodItem): string => {
      if (g.kind === 'DaemonSet') return p.pod.node ?? `\uffff${p.pod.name}`;
      return p.pod.name;
    };
    for (const p of pods) pushTo(byKey, keyOf(p), p);
    const keys = [...byKey.keys()];
    if (g.kind === 'StatefulSet') {
      const ord = (k: string): number => {
        const m = k.startsWith(`${g.name}-`) ? ORDINAL_RE.exec(k) : null;
        return m ? Number(m[1]) : Infinity;
      };
      keys.sort((a, b) => (ord(a) - ord(b)) || (ord(a) === Infinity ? cmpNatural(a, b) : 0));
    } else if (g.kind === 'DaemonSet') {
      keys.sort(cmpNatural);
    } else {
      keys.sort((a, b) => byKey.get(a)![0].fromMs - byKey.get(b)![0].fromMs || cmpNatural(a, b));
    }
    for (const k of keys) {
      const instances = byKey.get(k)!;
      const rows = pack(instances);
      rows.forEach((row, r) => {
        let label: string;
        if (g.kind === 'DaemonSet') label = instances[0].pod.node ? `node ${instances[0].pod.node}` : `${instances[0].pod.name} (unscheduled)`;
        else label = instances.length > 1 ? `${k} ×${instances.length}` : k;
        if (r > 0) label += ` [${r + 1}]`;
        const names = [...new Set(row.map((p) => p.pod.name))];
        const title = g.kind === 'DaemonSet'
          ? `${label}: ${row.length} pod${row.length === 1 ? '' : 's'} (${names.join(', ')})`
          : `${k}: ${row.length} instance${row.length === 1 ? '' : 's'}`;
        lanes.push(podLane(label, title, row));
      });
    }
    if (g.kind === 'StatefulSet') {
      const recreated = pods.length - byKey.size;
      notes.push(`${byKey.size} pod name${byKey.size === 1 ? '' : 's'}, ${pods.length} instance${pods.length === 1 ? '' : 's'}${recreated > 0 ? ` (${recreated} recreated)` : ''}`);
    } else if (g.kind === 'DaemonSet') {
      notes.push(`${pods.length} pod${pods.length === 1 ? '' : 's'} on ${byKey.size} node${byKey.size === 1 ? '' : 's'}`);
    } else if (g.kind !== 'Job' || jobs.length === 0) {
      notes.push(`${pods.length} pod${pods.length === 1 ? '' : 's'}`);
    }
  }
  if (lanes.length > ctx.maxLanesPerGroup) {
    // Fold the tail into one lane so a huge owner stays readable; the page scrolls for the rest.
    const kept = lanes.slice(0, ctx.maxLanesPerGroup - 1);
    const rest = lanes.slice(ctx.maxLanesPerGroup - 1);
    const restPods = rest.flatMap((l) => l.pods);
    const restJobs = rest.flatMap((l) => l.jobs);
    const podCount = rest.reduce((n, l) => n + l.podCount, 0);
    const jobCount = rest.reduce((n, l) => n + l.jobCount, 0);
    const what = jobCount > 0 ? `${jobCount} more job${jobCount === 1 ? '' : 's'}` : `${podCount} more pod${podCount === 1 ? '' : 's'}`;
    kept.push({
      kind: 'more', label: `+${what}`, title: `${rest.length} lanes folded into one: ${what}`,
      pods: restPods, jobs: [], jobRows: jobCount > 0 ? [restJobs] : [],
      markers: rest.flatMap((l) => l.markers), podCount, jobCount,
    });
    notes.push(`showing ${kept.length - 1} of ${lanes.length} lanes`);
    return { lanes: kept, note: notes.join(' · ') };
  }
  return { lanes, note: notes.join(' · ') };
}

const MAX_JOB_ROWS = 4;

function aggregateJobsLane(label: string, jobs: readonly JobItem[], kind: LaneKind): Lane {
  let rows = pack(jobs);
  if (rows.length > MAX_JOB_ROWS) {
    rows = [...rows.slice(0, MAX_JOB_ROWS - 1), rows.slice(MAX_JOB_ROWS - 1).flat()];
  }
  const outcomes = (['Complete', 'Failed', 'Active', 'Deleted'] as const)
    .map((o) => [o, jobs.filter((j) => j.outcome === o).length] as const).filter(([, n]) => n > 0);
  return {
    kind, label,
    title: `${jobs.length} jobs (${outcomes.map(([o, n]) => `${n} ${o.toLowerCase()}`).join(', ')}); at most ${rows.length} at once shown as rows`,
    pods: [], jobs, jobRows: rows,
    markers: jobs.flatMap((j) => [...j.events, ...j.pods.flatMap((p) => p.events)].filter((e) => e.warning)),
    podCount: jobs.reduce((n, j) => n + j.pods.length, 0), jobCount: jobs.length,
  };
}
