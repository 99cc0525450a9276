/**
 * Building the timeline model: pod and Job items from the report, their owner groups, and the
 * events placed onto pods, Jobs, owners or the cluster row.
 *
 * @internal
 */
import { Context, zoneOf } from './context';
import { cmpStr, pushTo } from './helpers';
import { buildLanes } from './lanes';
import type { Ev, Group, JobItem, JobOutcome, Lane, PodItem, ReportJob } from './model';
import { podSegments, transitionSegments } from './segments';
import { eventText } from './text';

function jobOutcome(job: ReportJob): JobOutcome {
  if (job.condition === 'Complete') return 'Complete';
  if (job.condition === 'Failed') return 'Failed';
  return job.deleted ? 'Deleted' : 'Active';
}

function key3(kind: string, ns: string | null, name: string): string {
  return `${kind}\u0000${ns ?? ''}\u0000${name}`;
}

/** The groups of the timeline, in display order, each with its lanes. @internal */
export function buildGroups(ctx: Context): Group[] {
  const { report } = ctx;
  const clusterNamespaces = new Set<string>();

  // Pod instances by namespace/name, in creation order (the report lists them so).
  const podItems: PodItem[] = report.pods.map((pod, index) => {
    clusterNamespaces.add(pod.namespace);
    const transitions = ctx.options.podTransitions?.[index];
    return { pod, index, ...(transitions && transitions.length > 0 ? transitionSegments(ctx, pod, transitions) : podSegments(ctx, pod)), events: [] };
  });
  const podsByName = new Map<string, PodItem[]>();
  for (const p of podItems) pushTo(podsByName, `${p.pod.namespace}/${p.pod.name}`, p);

  // Jobs. The report's job entries carry no namespace: take it from the Job's pods or events.
  const jobNsHints = new Map<string, string>();
  for (const e of report.events) {
    if (e.object.kind === 'Job') jobNsHints.set(e.object.name, e.object.namespace);
    else if (e.related && e.related.kind === 'Job' && !jobNsHints.has(e.related.name)) jobNsHints.set(e.related.name, e.object.namespace);
  }
  for (const p of podItems) {
    if (p.pod.owner?.kind === 'Job' && !jobNsHints.has(p.pod.owner.name)) jobNsHints.set(p.pod.owner.name, p.pod.namespace);
  }
  const defaultNs = clusterNamespaces.size === 1 ? [...clusterNamespaces][0] : 'default';
  const jobItems: JobItem[] = report.jobs.map((job, index) => {
    const ns = (job as { namespace?: string }).namespace ?? jobNsHints.get(job.name) ?? defaultNs;
    const fromMs = ctx.clamp(ctx.rel(job.created) ?? 0);
    const end = ctx.rel(job.finished) ?? ctx.rel(job.deleted) ?? ctx.endMs;
    return { job, index, namespace: ns, fromMs, toMs: Math.max(fromMs, ctx.clamp(end)), outcome: jobOutcome(job), pods: [], events: [] };
  });
  const jobsByName = new Map<string, JobItem[]>();
  for (const j of jobItems) pushTo(jobsByName, `${j.namespace}/${j.job.name}`, j);

  /** The instance of `ns/name` alive at `atMs` (the latest created at or before it). */
  const instanceAt = <T extends { fromMs: number }>(list: readonly T[] | undefined, atMs: number): T | undefined => {
    if (!list || list.length === 0) return undefined;
    let found: T | undefined;
    for (const item of list) if (item.fromMs <= atMs) found = item;
    return found ?? list[0];
  };
  for (const p of podItems) {
    if (p.pod.owner?.kind !== 'Job') continue;
    const j = instanceAt(jobsByName.get(`${p.pod.namespace}/${p.pod.owner.name}`), p.fromMs);
    if (j) j.pods.push(p);
  }

  // Groups.
  const groups = new Map<string, Group & { podItems: PodItem[]; jobItems: JobItem[] }>();
  const groupFor = (kind: string, ns: string | null, name: string): Group & { podItems: PodItem[]; jobItems: JobItem[] } => {
    const k = key3(kind, ns, name);
    let g = groups.get(k);
    if (!g) {
      g = { kind, namespace: ns, name, firstMs: Infinity, headerEvents: [], note: '', lanes: [], podItems: [], jobItems: [] };
      groups.set(k, g);
    }
    return g;
  };
  const touch = (g: Group, ms: number): void => {
    (g as { firstMs: number }).firstMs = Math.min(g.firstMs, ms);
  };
  // Jobs without an owner get a group each, unless a namespace has more of them than
  // maxJobLanesPerCronJob: then they fold into one aggregated "Jobs" group, as a CronJob's would.
  const standalonePerNs = new Map<string, number>();
  for (const j of jobItems) if (!j.job.owner) standalonePerNs.set(j.namespace, (standalonePerNs.get(j.namespace) ?? 0) + 1);
  const ownGroupJobs = new Set<JobItem>();
  for (const j of jobItems) {
    let g: ReturnType<typeof groupFor>;
    if (j.job.owner) {
      g = groupFor(j.job.owner.kind, j.namespace, j.job.owner.name);
    } else if ((standalonePerNs.get(j.namespace) ?? 0) > ctx.maxJobLanes) {
      g = groupFor('Jobs', j.namespace, '');
    } else {
      g = groupFor('Job', j.namespace, j.job.name);
      ownGroupJobs.add(j);
    }
    g.jobItems.push(j);
    touch(g, j.fromMs);
  }
  for (const p of podItems) {
    const owner = p.pod.owner;
    let g: ReturnType<typeof groupFor>;
    if (!owner) {
      g = groupFor('Pod', p.pod.namespace, '');
    } else if (owner.kind === 'Job') {
      const j = instanceAt(jobsByName.get(`${p.pod.namespace}/${owner.name}`), p.fromMs);
      if (j) continue; // drawn with its Job
      g = groupFor('Job', p.pod.namespace, owner.name);
    } else {
      g = groupFor(owner.kind, p.pod.namespace, owner.name);
    }
    g.podItems.push(p);
    touch(g, p.fromMs);
  }

  // Events: onto the pod, the Job, the owner's header, or the cluster row.
  const cluster = { kind: 'Cluster', namespace: null, name: '', firstMs: -1, headerEvents: [] as Ev[], note: 'events of other objects', lanes: [] as Lane[], podItems: [], jobItems: [] };
  report.events.forEach((e, index) => {
    const atMs = ctx.rel(e.time) ?? 0;
    const ev: Ev = { index, atMs: ctx.clamp(atMs), warning: e.type === 'Warning', skip: SKIP_REASONS.has(e.reason), text: eventText(ctx, e) };
    const ns = e.object.namespace;
    if (e.related && e.related.kind === 'Pod' && e.object.kind !== 'Pod') {
      instanceAt(podsByName.get(`${ns}/${e.related.name}`), atMs)?.events.push(ev);
    }
    if (e.object.kind === 'Pod') {
      const p = instanceAt(podsByName.get(`${ns}/${e.object.name}`), atMs);
      if (p) {
        p.events.push(ev);
        return;
      }
    }
    if (e.object.kind === 'Job') {
      const j = instanceAt(jobsByName.get(`${ns}/${e.object.name}`), atMs);
      if (j && !ownGroupJobs.has(j)) {
        j.events.push(ev);
        return;
      }
    }
    const existing = groups.get(key3(e.object.kind, ns, e.object.name));
    if (existing) {
      existing.headerEvents.push(ev);
      return;
    }
    if (WORKLOAD_KINDS.has(e.object.kind)) {
      // A workload that never got pods or jobs (e.g. FailedCreate, InvalidSchedule) still gets a group.
      const g = groupFor(e.object.kind, ns, e.object.name);
      g.headerEvents.push(ev);
      touch(g, ev.atMs);
      return;
    }
    cluster.headerEvents.push(ev);
  });

  const ordered = [...groups.values()].sort((a, b) => a.firstMs - b.firstMs
    || cmpStr(a.kind, b.kind) || cmpStr(a.namespace ?? '', b.namespace ?? '') || cmpStr(a.name, b.name));
  const result: Group[] = [];
  if (cluster.headerEvents.length > 0) result.push(cluster);
  for (const g of ordered) {
    const tz = g.kind === 'CronJob' ? zoneOf(ctx, g.namespace, g.name) : undefined;
    const built = buildLanes(ctx, g, g.podItems, g.jobItems);
    result.push({ ...g, lanes: built.lanes, note: [built.note, tz ? `time zone ${tz}` : ''].filter((s) => s).join(' · ') });
  }
  return result;
}

const WORKLOAD_KINDS = new Set(['StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/**
 * Normal events that mean a scheduled run was not started: `JobAlreadyActive` (concurrencyPolicy
 * Forbid with a run still active) and `MissSchedule` (start window missed), both recorded by the
 * CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go).
 */
const SKIP_REASONS = new Set(['JobAlreadyActive', 'MissSchedule']);
