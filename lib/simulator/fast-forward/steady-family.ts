/**
 * The family the steady-state fast-forward (fast-forward.ts) moves through time: every CronJob,
 * the Jobs a CronJob controls, and the pods those Jobs control. A store watcher keeps it current
 * and counts writes to anything else — a period in which anything outside the family was written
 * is not steady.
 *
 * Also here: how one family object looks from a period boundary (its state with every time made
 * relative to the boundary and every name left out — names carry the schedule time and random
 * suffixes, which differ from period to period without changing what happens), and how an object
 * is moved `deltaMs` later.
 */
import type { ClusterState } from '../cluster/cluster-state';
import type { StoreChange } from '../cluster/store-types';
import { controllerOf, SimObjectBase } from '../cluster/object-meta';
import { SimObject } from '../cluster/objects';
import { SimPod } from '../cluster/pod-object';
import { SimCronJob, SimJob } from '../cluster/workload-objects';
import type { SteadyFamily } from '../controllers/controller';

/** Keeps the family current and counts writes outside it. */
export class FamilyTracker {
  /** uids of Jobs controlled by a CronJob that are live or still have live pods. */
  private readonly jobUids = new Set<string>();
  private outside = 0;
  private podsCreated = 0;

  /** @param state the store to watch */
  public constructor(private readonly state: ClusterState) {
    state.watch((c) => this.onChange(c));
  }

  /** Writes (create, update, delete) to objects outside the family so far. */
  public get writesOutside(): number {
    return this.outside;
  }

  /** Family pods created so far. */
  public get podsCreatedCount(): number {
    return this.podsCreated;
  }

  /** Whether `obj` belongs to the family. */
  public has(obj: SimObjectBase): boolean {
    if (obj.kind === 'CronJob') return true;
    if (obj.kind === 'Job') return controllerOf(obj as SimJob)?.kind === 'CronJob';
    if (obj.kind === 'Pod') {
      const ref = controllerOf(obj as SimPod);
      return ref !== undefined && ref.kind === 'Job' && this.jobUids.has(ref.uid);
    }
    return false;
  }

  /** The live family now, with positions (see {@link FamilyView}). */
  public view(): FamilyView {
    const jobs = this.state.list('Job').filter((j) => this.has(j));
    const pods: SimPod[] = [];
    for (const uid of this.jobUids) for (const p of this.state.podsOwnedBy(uid)) if (controllerOf(p)?.uid === uid) pods.push(p);
    // Creation order: uids are handed out in creation order (`uid-` and a counter padded to 6 digits, longer past a million).
    pods.sort((a, b) => a.uid.length - b.uid.length || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
    return new FamilyView(this, this.state.list('CronJob'), jobs, pods);
  }

  private onChange(c: StoreChange): void {
    const o = c.object;
    if (o.kind === 'Job') {
      if (controllerOf(o)?.kind !== 'CronJob') {
        this.outside++;
        return;
      }
      if (c.type === 'Added') {
        this.jobUids.add(o.uid);
      } else if (c.type === 'Deleted' && this.state.podsOwnedBy(o.uid).length === 0) this.jobUids.delete(o.uid);
      return;
    }
    if (o.kind === 'Pod') {
      const ref = controllerOf(o);
      if (ref === undefined || ref.kind !== 'Job' || !this.jobUids.has(ref.uid)) {
        this.outside++;
        return;
      }
      if (c.type === 'Added') this.podsCreated++;
      // The store has already taken a Deleted pod out of the owner index.
      else if (c.type === 'Deleted' && this.state.byUid(ref.uid) === undefined && this.state.podsOwnedBy(ref.uid).length === 0) this.jobUids.delete(ref.uid);
      return;
    }
    if (o.kind !== 'CronJob') this.outside++;
  }
}

/** The live family at one instant: CronJobs, their Jobs and those Jobs' pods, each in creation order. */
export class FamilyView implements SteadyFamily {
  private readonly position = new Map<string, number>();

  /**
   * @param tracker the family's tracker
   * @param cronJobs live CronJobs
   * @param jobs live Jobs a CronJob controls
   * @param pods live pods those Jobs control
   */
  public constructor(
    private readonly tracker: FamilyTracker,
    public readonly cronJobs: readonly SimCronJob[],
    public readonly jobs: readonly SimJob[],
    public readonly pods: readonly SimPod[],
  ) {
    for (const list of [cronJobs, jobs, pods]) list.forEach((o, i) => this.position.set(o.uid, i));
  }

  /** Every live family object. */
  public get all(): SimObject[] {
    return [...this.cronJobs, ...this.jobs, ...this.pods];
  }

  /** @inheritdoc */
  public has(obj: SimObjectBase): boolean {
    return this.tracker.has(obj);
  }

  /** @inheritdoc */
  public indexOf(obj: SimObjectBase): number {
    return this.indexOfUid(obj.uid);
  }

  /** The position of the live family object with this uid, or -1. */
  public indexOfUid(uid: string): number {
    return this.position.get(uid) ?? -1;
  }
}

/** `atMs` relative to `originMs`; `n` for null. */
function rel(atMs: number | null | undefined, originMs: number): string {
  return atMs === null || atMs === undefined ? 'n' : String(atMs - originMs);
}

/** The CronJob as seen from the boundary at `originMs` (names of its active Jobs as family positions). */
export function cronJobState(cj: SimCronJob, family: FamilyView, originMs: number): string {
  const st = cj.status;
  const active = st.active.map((r) => {
    const i = family.indexOfUid(r.uid);
    return i >= 0 ? String(i) : 'gone';
  });
  // Before the first run the creation time is what the controller counts from (§5.3).
  const created = st.lastScheduleTime === null ? rel(cj.createdMs, originMs) : '';
  return `cj|${cj.namespace}/${cj.name}|${cj.generation}|${specKey(cj.spec)}|${active.join(',')}|${rel(st.lastScheduleTime, originMs)}`
    + `|${rel(st.lastSuccessfulTime, originMs)}|${created}|${rel(cj.deletionMs, originMs)}|${cj.finalizers.join(',')}`;
}

/** A family Job as seen from the boundary at `originMs`. */
export function jobState(job: SimJob, family: FamilyView, originMs: number): string {
  const cronJobIndex = family.indexOfUid(controllerOf(job)!.uid);
  const st = job.status;
  const conditions = st.conditions.map((c) => `${c.type}:${c.status}:${c.reason ?? ''}:${c.message ?? ''}:${rel(c.lastTransitionTime, originMs)}:${rel(c.lastProbeTime, originMs)}`);
  const uncounted = st.uncountedTerminatedPods;
  return `job|${cronJobIndex}|${job.generation}|${jobSpecKey(job)}|${rel(job.createdMs, originMs)}|${rel(job.deletionMs, originMs)}|${job.finalizers.join(',')}`
    + `|${rel(st.startTime, originMs)}|${rel(st.completionTime, originMs)}|${st.active}|${st.ready}|${st.succeeded}|${st.failed}`
    + `|${conditions.join(';')}|${st.completedIndexes ?? ''}|${uncounted ? `${uncounted.succeeded.length}/${uncounted.failed.length}` : ''}`;
}

/** A family pod as seen from the boundary at `originMs` (its IP only as held or not: see network.ts). */
export function podState(pod: SimPod, family: FamilyView, originMs: number): string {
  const jobIndex = family.indexOfUid(controllerOf(pod)!.uid);
  const conditions = pod.conditions.map((c) => `${c.type}:${c.status}:${c.reason ?? ''}:${c.message ?? ''}:${rel(c.lastTransitionMs, originMs)}`);
  const containers = pod.containerStatuses.map((c) => `${c.name}:${c.image}:${c.ready}:${c.restartCount}:${c.state}:${c.reason ?? ''}:${c.exitCode ?? ''}`
    + `:${rel(c.startedMs, originMs)}:${rel(c.finishedMs, originMs)}`);
  const timeline = pod.timeline.map((t) => `${rel(t.atMs, originMs)}:${t.phase}:${t.ready}:${t.nodeName ?? ''}:${t.ip === null ? 0 : 1}:${t.restarts}:${t.terminating}`);
  return `pod|${jobIndex}|${specKey(pod.spec)}|${pod.phase}|${pod.nodeName ?? ''}|${pod.ready}|${pod.restarts}|${pod.ip === null ? 0 : 1}|${pod.reason ?? ''}`
    + `|${pod.message ?? ''}|${rel(pod.createdMs, originMs)}|${rel(pod.deletionMs, originMs)}|${pod.graceMs ?? ''}|${pod.finalizers.join(',')}`
    + `|${rel(pod.scheduledMs, originMs)}|${rel(pod.startedMs, originMs)}|${rel(pod.readyMs, originMs)}|${rel(pod.readySinceMs, originMs)}`
    + `|${rel(pod.finishedMs, originMs)}|${conditions.join(';')}|${containers.join(';')}|${timeline.join(';')}`;
}

const SPEC_KEYS = new WeakMap<object, string>();

/** A spec as a string, memoised per spec object (writers replace specs rather than edit them). */
function specKey(spec: object): string {
  let k = SPEC_KEYS.get(spec);
  if (k === undefined) SPEC_KEYS.set(spec, (k = JSON.stringify(spec)));
  return k;
}

/** A Job's spec without the selector and template labels its admission generated from its uid and name. */
function jobSpecKey(job: SimJob): string {
  let k = SPEC_KEYS.get(job.spec);
  if (k === undefined) {
    const { selector: _selector, template, ...rest } = job.spec;
    const { labels: _labels, ...metadata } = template.metadata ?? {};
    k = JSON.stringify({ ...rest, manualSelector: job.spec.manualSelector, template: { ...template, metadata } });
    SPEC_KEYS.set(job.spec, k);
  }
  return k;
}

/**
 * Moves a live family object `deltaMs` later and its resourceVersion `rvDelta` on — where the
 * object that stands in its place after the skipped periods would be. A CronJob keeps its creation
 * time (it is the same CronJob); its status moves.
 */
export function shiftObject(obj: SimObject, deltaMs: number, rvDelta: number): void {
  const add = (t: number | null): number | null => (t === null ? null : t + deltaMs);
  obj.resourceVersion += rvDelta;
  if (obj.kind === 'CronJob') {
    obj.status = { ...obj.status, lastScheduleTime: add(obj.status.lastScheduleTime), lastSuccessfulTime: add(obj.status.lastSuccessfulTime) };
    obj.deletionMs = add(obj.deletionMs);
    return;
  }
  (obj as { createdMs: number }).createdMs += deltaMs;
  obj.deletionMs = add(obj.deletionMs);
  if (obj.kind === 'Job') {
    const st = obj.status;
    obj.status = {
      ...st,
      startTime: add(st.startTime),
      completionTime: add(st.completionTime),
      conditions: st.conditions.map((c) => ({
        ...c, lastTransitionTime: c.lastTransitionTime + deltaMs, ...(c.lastProbeTime !== undefined ? { lastProbeTime: c.lastProbeTime + deltaMs } : {}),
      })),
    };
    return;
  }
  if (obj.kind === 'Pod') {
    obj.scheduledMs = add(obj.scheduledMs);
    obj.startedMs = add(obj.startedMs);
    obj.readyMs = add(obj.readyMs);
    obj.readySinceMs = add(obj.readySinceMs);
    obj.finishedMs = add(obj.finishedMs);
    obj.conditions = obj.conditions.map((c) => ({ ...c, lastTransitionMs: c.lastTransitionMs + deltaMs }));
    obj.containerStatuses = obj.containerStatuses.map((c) => ({ ...c, startedMs: add(c.startedMs), finishedMs: add(c.finishedMs) }));
    obj.timeline = obj.timeline.map((t) => ({ ...t, atMs: t.atMs + deltaMs }));
    return;
  }
  throw new Error(`${obj.kind} ${obj.name} is not part of a CronJob family`);
}
