/**
 * The Job controller (Kubernetes v1.27 `pkg/controller/job/job_controller.go`): watch → keys,
 * sync plumbing and writes. The decisions are in job-reconcile.ts, the helpers in job-utils.ts;
 * rules are cited from /work/shared/reference/k8s-controller-semantics.md §4.
 *
 * Informer handlers (`keysFor`): a Job added or changed syncs at once (`enqueueController(obj,
 * true)`); a pod event syncs its Job after `podUpdateBatchPeriod` = 1 s (JobReadyPods, §4.2). Pods
 * still holding the tracking finalizer whose Job is gone (or, when deleted, finished) are
 * orphans: their finalizer is removed (`syncOrphanPod`), so the store lets them go.
 *
 * Writes go through the PodControl (`Created pod: <name>`, `Deleted pod: <name>`), the status
 * through the StatusControl, other events through the recorder as the real controller words them.
 *
 * Cost: the real `getPodsForJob` lists every pod of the Job on every sync. A pod that reached a
 * terminal phase and lost its tracking finalizer has been counted and can never matter again
 * (every rule reads active pods, pods still holding the finalizer, or Pending/Running ones), so the
 * controller keeps, per Job, the set of pods that still can — bootstrapped from the store's owner
 * index on a Job's first sync, then kept current from the pod events `keysFor` sees. A Job with
 * 10,000 completions then costs per sync what its parallelism costs, not what its history does.
 */
import { ApiError } from '../../apiserver/api-errors';
import { sortSmall } from '../../util/small-sort';
import type { StoreChange } from '../cluster/store-types';
import { controllerOf } from '../cluster/object-meta';
import { SimPod } from '../cluster/pod-object';
import { SimJob } from '../cluster/workload-objects';
import type { Controller, ControllerContext, ControllerRegistration, DelayedKey, SteadyFamily, SyncResult } from './controller';
import { keyOf, ownerKeyOf, splitKeyOf } from './keys';
import { finishJobSync, JobSyncInput, JobSyncPlan, JobWriteOutcome, planJobSync } from './job-reconcile';
import { BackoffRecord, NO_BACKOFF } from './job-backoff';
import { isJobFinished } from './job-conditions';
import { JobFeatures, jobFeaturesFor, managedByExternalController } from './job-features';
import { adoptionKeys, claimPods, NO_KEYS } from './controller-ref-manager';
import { faultInjectorOf } from '../cluster/fault-injection';
import { JOB_TRACKING_FINALIZER, jobPodDraft, POD_UPDATE_BATCH_PERIOD_MS, podView, SLOW_START_INITIAL_BATCH_SIZE } from './job-utils';

/** The Job controller. See the file comment. */
export class JobController implements Controller {
  /** The `pauseController` name. */
  public readonly name = 'job';
  /** Keys are Jobs. */
  public readonly kind = 'Job' as const;
  /** `backoffRecordStore`: per Job key (§4.4). */
  private readonly backoff = new Map<string, BackoffRecord>();
  /** Pods with the tracking finalizer whose Job is gone or finished (`orphanQueue`), by Job key. */
  private readonly orphans = new Map<string, Set<SimPod>>();
  /** uids of deleted Jobs whose pods may still hold the finalizer (`deleteJob` handler), by key. */
  private readonly deletedJobs = new Map<string, string[]>();
  /** Per Job uid: its pods that are not yet terminal or still hold the tracking finalizer. */
  private readonly tracked = new Map<string, Set<SimPod>>();

  /** The version's switches (job-features.ts), from `ctx.gates`. */
  private readonly features: JobFeatures;
  /** The last pod-event key list `keysFor` returned, and its Job key. */
  private lastBatchKey: string | undefined;
  private lastBatchKeys: ReadonlyArray<DelayedKey> | undefined;

  /** @param ctx the controller context */
  public constructor(private readonly ctx: ControllerContext) {
    this.features = jobFeaturesFor(ctx.gates);
  }

  /** @inheritdoc */
  public keysFor(change: StoreChange): ReadonlyArray<string | DelayedKey> {
    const o = change.object;
    if (o.kind === 'Job') {
      const key = keyOf(o);
      if (change.type === 'Deleted') {
        const uids = this.deletedJobs.get(key) ?? [];
        uids.push(o.uid);
        this.deletedJobs.set(key, uids);
        this.tracked.delete(o.uid);
      }
      return [key];
    }
    if (o.kind !== 'Pod') return NO_KEYS;
    const adopters = adoptionKeys(this.ctx.cluster, change, 'Job'); // orphans: controller-ref-manager.ts
    const ref = controllerOf(o);
    if (!ref || ref.kind !== 'Job') return adopters;
    const set = this.tracked.get(ref.uid);
    if (set) {
      if (change.type !== 'Deleted' && stillMatters(o)) set.add(o);
      else set.delete(o);
    }
    const owner = this.ctx.cluster.byUid(ref.uid) as SimJob | undefined;
    // The live Job's own memoised key when it is the one named (the same string as ownerKeyOf's):
    // one key instance per Job for the work queue and splitKeyOf, none kept per pod.
    const key = owner !== undefined && owner.kind === 'Job' && owner.namespace === o.namespace && owner.name === ref.name ? keyOf(owner) : ownerKeyOf(o.namespace, ref);
    const hasFinalizer = change.type !== 'Deleted' && o.finalizers.includes(JOB_TRACKING_FINALIZER);
    const removed = change.type === 'Deleted' || o.deletionMs !== null;
    // addPod / updatePod / deletePod → resolveControllerRef; orphans go to the orphan queue at once.
    if (!owner || (removed && isJobFinished(owner))) {
      if (!hasFinalizer) return NO_KEYS;
      this.addOrphan(key, o);
      return [key];
    }
    // enqueueControllerPodUpdate: podUpdateBatchPeriod (§4.2). Consecutive pod events mostly
    // concern one Job: its (read-only) key list is reused.
    if (this.lastBatchKey !== key) {
      this.lastBatchKey = key;
      this.lastBatchKeys = Object.freeze([Object.freeze({ key, afterMs: POD_UPDATE_BATCH_PERIOD_MS })]);
    }
    return this.lastBatchKeys!;
  }

  /**
   * Steady-state fast-forward: back-off records, orphans and deleted Jobs' pods are not carried
   * over (a steady CronJob's finished Jobs have none); per family Job, how many of its pods still
   * matter.
   */
  public steadyState(family: SteadyFamily): string | undefined {
    if (this.backoff.size > 0 || this.orphans.size > 0 || this.deletedJobs.size > 0) return undefined;
    if (faultInjectorOf(this.ctx.cluster).live) return undefined; // failRequests rules still armed (fault-injection.ts)
    const out: string[] = [];
    for (const [uid, pods] of this.tracked) {
      const job = this.ctx.cluster.byUid(uid);
      if (!job) return undefined;
      if (family.has(job)) out.push(`${family.indexOf(job)}:${pods.size}`);
    }
    return out.sort().join(',');
  }

  /** @inheritdoc */
  public fastForward(): void {
    // Nothing timed: the tracked sets hold the pods themselves.
  }

  /** @inheritdoc */
  public sync(key: string, now: number): SyncResult {
    this.releaseOrphans(key);
    const { namespace, name } = splitKeyOf(key);
    const job = this.ctx.cluster.get('Job', namespace, name);
    // syncJob (KEP-4368, JobManagedBy): a Job another controller manages is skipped.
    if (job && managedByExternalController(job, this.features) !== null) return {};
    if (!job || isJobFinished(job)) {
      // syncJob: the backoff record is removed for finished and deleted Jobs.
      this.backoff.delete(key);
      return {};
    }
    // getPodsForJob: ClaimPods adding/removing the tracking finalizer (controller-ref-manager.ts).
    const claimed = claimPods(this.ctx, job, job.spec.selector, { finalizers: [JOB_TRACKING_FINALIZER] });
    for (const p of claimed.released) this.tracked.get(job.uid)?.delete(p);
    const pods = this.podsOf(job).map(podView);
    const input: JobSyncInput = { job, pods, now, backoff: this.backoff.get(key) ?? NO_BACKOFF, features: this.features };
    const plan = planJobSync(input);
    const { outcome, error } = this.write(job, plan);
    const result = finishJobSync(input, plan, outcome);

    const ref = { kind: 'Job', namespace: job.namespace, name: job.name };
    for (const e of result.eventsBeforeStatus) this.ctx.recorder.event(ref, e.type, e.reason, e.message);
    for (const p of result.removeFinalizers) this.ctx.pods.removeFinalizer(p.pod, JOB_TRACKING_FINALIZER);
    this.ctx.status.updateStatus(job, result.status);
    // flushUncountedAndRemoveFinalizers → updateBackoffRecord.
    this.backoff.set(key, plan.backoff);
    for (const e of result.eventsAfterStatus) this.ctx.recorder.event(ref, e.type, e.reason, e.message);
    // The status is written before manageJob's error is returned (rate-limited retry).
    if (error) throw error;
    return plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : {};
  }

  /** Performs the pod writes of a plan; a rejected write is counted and its first error returned. */
  private write(job: SimJob, plan: JobSyncPlan): { outcome: JobWriteOutcome; error: ApiError | undefined } {
    let error: ApiError | undefined;
    const fail = (e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
      error ??= e;
    };
    let deletedForFinish = 0;
    let removedByManage = 0;
    let notCreated = 0;
    // deletedReady (1.31, kubernetes#125546): ready pods among those a delete was sent for.
    let deletedReady = 0;
    if (plan.finishedCondition !== null) {
      // deleteActivePods (§4.3): the finalizers stay, so these pods are counted as failed.
      for (const p of plan.activePods) {
        try {
          this.ctx.pods.deletePod(job, p.pod);
          deletedForFinish++;
        } catch (e) {
          fail(e);
        }
        if (p.ready) deletedReady++;
      }
    } else {
      const m = plan.manage!;
      if (m.action === 'suspend' || m.action === 'delete') {
        // deleteJobPods: remove the tracking finalizer first, so the pod is not counted as failed.
        for (const p of m.podsToDelete) {
          try {
            if (p.hasFinalizer) this.ctx.pods.removeFinalizer(p.pod, JOB_TRACKING_FINALIZER);
          } catch (e) {
            fail(e);
            continue;
          }
          if (p.ready) deletedReady++;
          try {
            this.ctx.pods.deletePod(job, p.pod);
            removedByManage++;
          } catch (e) {
            fail(e);
          }
        }
      } else if (m.action === 'create') {
        notCreated = this.createPods(job, m.indexes, m.failureCounts, fail);
      }
    }
    return { outcome: { deletedForFinish, removedByManage, notCreated, deletedReady }, error };
  }

  /**
   * §4.2 slow start: batches of 1, 2, 4, … pods; every pod of a batch is attempted, and after a
   * batch with a failure the remaining pods are skipped until the next sync. Returns how many were
   * not created.
   */
  private createPods(job: SimJob, indexes: readonly number[], failureCounts: ReadonlyArray<readonly [number, number]> | undefined, fail: (e: unknown) => void): number {
    let notCreated = 0;
    let pos = 0;
    let remaining = indexes.length;
    for (let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE); remaining > 0; batch = Math.min(2 * batch, remaining)) {
      let failures = 0;
      for (let i = 0; i < batch; i++) {
        const at = pos++;
        try {
          this.ctx.pods.createPod(job, jobPodDraft(job, indexes[at], this.features, failureCounts?.[at]));
        } catch (e) {
          fail(e);
          failures++;
        }
      }
      notCreated += failures;
      const skipped = remaining - batch;
      if (failures > 0 && skipped > 0) return notCreated + skipped;
      remaining -= batch;
    }
    return notCreated;
  }

  /** The Job's pods that can still matter (see the file comment), in creation order. */
  private podsOf(job: SimJob): SimPod[] {
    let set = this.tracked.get(job.uid);
    if (!set) {
      set = new Set(this.ctx.cluster.podsOwnedBy(job.uid).filter((p) => controllerOf(p)?.uid === job.uid && stillMatters(p)));
      this.tracked.set(job.uid, set);
    }
    const out: SimPod[] = [];
    for (const p of set) {
      if (p.deletedMs !== null || !stillMatters(p)) set.delete(p);
      else out.push(p);
    }
    return sortSmall(out, byCreation);
  }

  private addOrphan(key: string, pod: SimPod): void {
    let s = this.orphans.get(key);
    if (!s) this.orphans.set(key, (s = new Set()));
    s.add(pod);
  }

  /** `syncOrphanPod`: removes the tracking finalizer from pods whose Job is gone or finished. */
  private releaseOrphans(key: string): void {
    if (!this.orphans.has(key) && !this.deletedJobs.has(key)) return;
    const candidates: SimPod[] = [...(this.orphans.get(key) ?? [])];
    this.orphans.delete(key);
    for (const uid of this.deletedJobs.get(key) ?? []) candidates.push(...this.ctx.cluster.podsOwnedBy(uid));
    this.deletedJobs.delete(key);
    for (const pod of candidates) {
      if (pod.deletedMs !== null || !pod.finalizers.includes(JOB_TRACKING_FINALIZER)) continue;
      const ref = controllerOf(pod);
      const owner = ref ? this.ctx.cluster.byUid(ref.uid) as SimJob | undefined : undefined;
      if (owner && owner.kind === 'Job' && !isJobFinished(owner)) continue;
      // syncOrphanPod (KEP-4368): the pods of a Job another controller manages are left alone.
      if (owner && owner.kind === 'Job' && managedByExternalController(owner as SimJob, this.features) !== null) continue;
      this.ctx.pods.removeFinalizer(pod, JOB_TRACKING_FINALIZER);
    }
  }
}

/** Creation order: createdMs, then uid. */
function byCreation(a: SimPod, b: SimPod): number {
  return a.createdMs - b.createdMs || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/** Whether a pod can still matter to its Job: not terminal, or still holding the tracking finalizer. */
function stillMatters(p: SimPod): boolean {
  return (p.phase !== 'Succeeded' && p.phase !== 'Failed') || p.finalizers.includes(JOB_TRACKING_FINALIZER);
}

/**
 * Registration: `job`, events from `job-controller`. Failed syncs retry with the queue's
 * ItemExponentialFailureRateLimiter: in 1.27 it is built from DefaultJobBackOff/MaxJobBackOff
 * (10 s · 2^n up to 360 s, the pod-failure back-off constants); from 1.28 the controller has
 * separate API back-off constants, DefaultJobApiBackOff = 1 s and MaxJobApiBackOff = 1 min
 * (job_controller.go var block, introduced with the pod-failure back-off cap of 10 min).
 */
export const jobControllerRegistration: ControllerRegistration = {
  name: 'job',
  component: 'job-controller',
  rateLimit: { baseMs: 10_000, maxMs: 360_000 },
  rateLimitFor: (gates) => (gates.version.minor >= 28 ? { baseMs: 1_000, maxMs: 60_000 } : { baseMs: 10_000, maxMs: 360_000 }),
  create: (ctx) => new JobController(ctx),
};

