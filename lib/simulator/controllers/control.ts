/**
 * Controls: the only way controllers write to the cluster (`StatefulPodControlInterface`,
 * `controller.PodControlInterface`, cronjob `injection.go` style). Each has a cluster-backed
 * implementation that performs the write and records the event the real control records, worded
 * exactly as Kubernetes words it; tests swap in call-recording fakes (test/helpers/fakes.ts).
 *
 * Error contract: a method that returns normally has written. A rejected write records the
 * Warning event, then throws the {@link ApiError}; let it propagate out of `sync` — the work queue
 * retries the key with the controller's rate limiter, as `processNextWorkItem` does with
 * `AddRateLimited`.
 *
 * Injected errors: before each write the cluster-backed Controls ask the store's
 * {@link FaultInjector} (the scenario's `failRequests`, cluster/fault-injection.ts); a matching
 * rule rejects the write exactly as the API server would, through the same event-and-throw path.
 */
import { deepEqual } from '../../util/deep-equal';
import { ApiError } from '../../apiserver/api-errors';
import type { ClusterState } from '../cluster/cluster-state';
import { FaultInjector, faultInjectorOf, FaultKind, FaultVerb } from '../cluster/fault-injection';
import type { Draft } from '../cluster/factories';
import { SimPvc } from '../cluster/core-objects';
import { newControllerRef, OwnerReference, SimObjectBase } from '../cluster/object-meta';
import { SimObject } from '../cluster/objects';
import { SimPod } from '../cluster/pod-object';
import { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from '../cluster/workload-objects';
import type { EventRecorder } from '../engine/recorder';

/** A workload whose status a controller owns. */
export type SimWorkloadObject = SimStatefulSet | SimDaemonSet | SimJob | SimCronJob;

// ---------------------------------------------------------------------------------------------
// Pods
// ---------------------------------------------------------------------------------------------

/** Creates, updates and deletes pods on behalf of an owner. */
export interface PodControl {
  /**
   * Creates a pod owned by `owner`. A controller ownerReference to `owner` is added when the draft
   * has none. Records Normal `SuccessfulCreate` (or Warning `FailedCreate` and throws).
   *
   * @returns the created pod (its name is final, also for `generateName` drafts)
   */
  createPod(owner: SimObjectBase, draft: Draft<SimPod>): SimPod;
  /** Requests deletion of `pod`. Records Normal `SuccessfulDelete` (or Warning `FailedDelete` and throws). */
  deletePod(owner: SimObjectBase, pod: SimPod): void;
  /** Updates a pod's metadata (labels, annotations, ownerReferences) through `mutate`. */
  updatePod(owner: SimObjectBase, pod: SimPod, mutate: (p: SimPod) => void): void;
  /**
   * Patches a pod's ownerReferences and finalizers (`PodControlInterface.PatchPod`, the adoption
   * and release patches of controller-ref-manager.ts): no event, a rejected patch throws.
   * Optional so that call-recording fakes need not implement it; without it the claim falls back
   * to {@link updatePod}.
   */
  patchPod?(owner: SimObjectBase, pod: SimPod, mutate: (p: SimPod) => void): void;
  /** Removes a finalizer from `pod` (e.g. the Job tracking finalizer); no event. */
  removeFinalizer(pod: SimPod, finalizer: string): void;
}

/** How pod events are worded. */
export interface PodEventWording {
  /** Success message of a create, update or delete. */
  success(verb: 'create' | 'update' | 'delete', owner: SimObjectBase, podName: string): string;
  /** Failure message of a create, update or delete. */
  failure(verb: 'create' | 'update' | 'delete', owner: SimObjectBase, podName: string, error: string): string;
}

/**
 * `pkg/controller/controller_utils.go` (`RealPodControl`, used by the DaemonSet, Job and
 * ReplicaSet controllers): `Created pod: <name>`, `Error creating: <err>`, `Deleted pod: <name>`,
 * `Error deleting: <err>`.
 */
export const CONTROLLER_POD_EVENTS: PodEventWording = {
  success: (verb, _owner, pod) => (verb === 'create' ? `Created pod: ${pod}` : verb === 'delete' ? `Deleted pod: ${pod}` : `Updated pod: ${pod}`),
  failure: (verb, _owner, _pod, err) => (verb === 'create' ? `Error creating: ${err}` : verb === 'delete' ? `Error deleting: ${err}` : `Error updating: ${err}`),
};

/**
 * `pkg/controller/statefulset/stateful_pod_control.go#recordPodEvent`:
 * `<verb> Pod <pod> in StatefulSet <set> successful` / `<verb> Pod <pod> in StatefulSet <set> failed error: <err>`.
 */
export const STATEFUL_SET_POD_EVENTS: PodEventWording = {
  success: (verb, owner, pod) => `${verb} Pod ${pod} in StatefulSet ${owner.name} successful`,
  failure: (verb, owner, pod, err) => `${verb} Pod ${pod} in StatefulSet ${owner.name} failed error: ${err}`,
};

const REASON = { create: 'Create', update: 'Update', delete: 'Delete' } as const;

/** The cluster-backed {@link PodControl}. */
export class ClusterPodControl implements PodControl {
  /**
   * @param state the store
   * @param recorder where events go (the controller's component)
   * @param wording how events are worded
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly recorder: EventRecorder,
    private readonly wording: PodEventWording,
    /** Injected API errors. @default - the store's ({@link faultInjectorOf}) */
    private readonly faults: FaultInjector = faultInjectorOf(state),
  ) {}

  /** @inheritdoc */
  public createPod(owner: SimObjectBase, draft: Draft<SimPod>): SimPod {
    const withRef = draft.ownerReferences.length > 0 ? draft : { ...draft, ownerReferences: [newControllerRef(owner)] };
    const name = draft.name ?? `${draft.generateName ?? ''}`;
    // No request to build while no failRequests rule is armed (`check` answers undefined then).
    const fault = () => (this.faults.empty ? undefined
      : this.faults.check({ verb: 'create', kind: 'Pod', namespace: draft.namespace, name, generated: draft.name === undefined, owner, controller: sourceOf(this.recorder) }));
    return this.write('create', owner, name, () => this.state.create(withRef), (p) => p.name, fault);
  }

  /** @inheritdoc */
  public deletePod(owner: SimObjectBase, pod: SimPod): void {
    this.write('delete', owner, pod.name, () => this.state.requestDeletion(pod), () => pod.name, () => checkFault(this.faults, 'delete', 'Pod', pod, owner, this.recorder));
  }

  /** @inheritdoc */
  public updatePod(owner: SimObjectBase, pod: SimPod, mutate: (p: SimPod) => void): void {
    this.write('update', owner, pod.name, () => this.state.update(pod, mutate), () => pod.name, () => checkFault(this.faults, 'update', 'Pod', pod, owner, this.recorder));
  }

  /** @inheritdoc */
  public patchPod(owner: SimObjectBase, pod: SimPod, mutate: (p: SimPod) => void): void {
    const injected = checkFault(this.faults, 'update', 'Pod', pod, owner, this.recorder);
    if (injected) throw injected;
    this.state.update(pod, mutate);
  }

  /** @inheritdoc */
  public removeFinalizer(pod: SimPod, finalizer: string): void {
    if (pod.deletedMs !== null) return;
    this.state.removeFinalizer(pod, finalizer);
  }

  private write<R>(verb: FaultVerb, owner: SimObjectBase, name: string, run: () => R, nameOf: (r: R) => string, fault: () => ApiError | undefined): R {
    let result: R;
    try {
      const injected = fault();
      if (injected) {
        // A rejected generateName create names the name the server generated (fault-injection.ts).
        if (verb === 'create') name = injectedName(injected, name);
        throw injected;
      }
      result = run();
    } catch (e) {
      if (e instanceof ApiError) {
        this.recorder.event(ref(owner), 'Warning', `Failed${REASON[verb]}`, this.wording.failure(verb, owner, name, e.message), { kind: 'Pod', name });
      }
      throw e;
    }
    const final = nameOf(result);
    this.recorder.event(ref(owner), 'Normal', `Successful${REASON[verb]}`, this.wording.success(verb, owner, final), { kind: 'Pod', name: final });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

/** Creates claims and maintains their owner references (StatefulSet volumeClaimTemplates). */
export interface ClaimControl {
  /**
   * Creates a claim for `podName` on behalf of `owner`. Records Normal `SuccessfulCreate`
   * `create Claim <claim> Pod <pod> in StatefulSet <set> success` (or Warning `FailedCreate`
   * `create Claim <claim> for Pod <pod> in StatefulSet <set> failed error: <err>` and throws) —
   * `stateful_pod_control.go#recordClaimEvent`.
   */
  createClaim(owner: SimObjectBase, draft: Draft<SimPvc>, podName: string): SimPvc;
  /** Replaces a claim's ownerReferences (PVC retention policy); no event, as the real update. */
  setOwnerReferences(claim: SimPvc, refs: OwnerReference[]): void;
  /** Requests deletion of a claim; no event. */
  deleteClaim(claim: SimPvc): void;
}

/** The cluster-backed {@link ClaimControl}. */
export class ClusterClaimControl implements ClaimControl {
  /**
   * @param state the store
   * @param recorder where events go
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly recorder: EventRecorder,
    /** Injected API errors. @default - the store's ({@link faultInjectorOf}) */
    private readonly faults: FaultInjector = faultInjectorOf(state),
  ) {}

  /** @inheritdoc */
  public createClaim(owner: SimObjectBase, draft: Draft<SimPvc>, podName: string): SimPvc {
    const name = draft.name ?? '';
    try {
      const injected = this.faults.check({ verb: 'create', kind: 'PersistentVolumeClaim', namespace: draft.namespace, name, owner, controller: sourceOf(this.recorder) });
      if (injected) throw injected;
      const pvc = this.state.create(draft);
      this.recorder.event(ref(owner), 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${podName} in ${owner.kind} ${owner.name} success`, { kind: 'PersistentVolumeClaim', name });
      return pvc;
    } catch (e) {
      if (e instanceof ApiError) {
        this.recorder.event(ref(owner), 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${podName} in ${owner.kind} ${owner.name} failed error: ${e.message}`, { kind: 'PersistentVolumeClaim', name });
      }
      throw e;
    }
  }

  /** @inheritdoc */
  public setOwnerReferences(claim: SimPvc, refs: OwnerReference[]): void {
    const injected = checkFault(this.faults, 'update', 'PersistentVolumeClaim', claim, null, this.recorder);
    if (injected) throw injected;
    this.state.update(claim, (c) => {
      c.ownerReferences = refs;
    });
  }

  /** @inheritdoc */
  public deleteClaim(claim: SimPvc): void {
    const injected = checkFault(this.faults, 'delete', 'PersistentVolumeClaim', claim, null, this.recorder);
    if (injected) throw injected;
    this.state.requestDeletion(claim);
  }
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

/** Creates and deletes Jobs on behalf of a CronJob. */
export interface JobControl {
  /**
   * Creates a Job owned by `owner` (a controller ownerReference is added when the draft has none).
   * Records Normal `SuccessfulCreate` `Created job <name>` (or Warning `FailedCreate`
   * `Error creating job: <err>` and throws) — `cronjob_controllerv2.go#syncCronJob`.
   */
  createJob(owner: SimObjectBase, draft: Draft<SimJob>): SimJob;
  /**
   * Deletes a Job with background propagation (its pods follow through the garbage collector).
   * Records Normal `SuccessfulDelete` `Deleted job <name>` (or Warning `FailedDelete`
   * `Deleted job: <err>` and throws) — `cronjob_controllerv2.go#deleteJob`. With `owner` null (a
   * controller deleting on its own behalf, as the TTL-after-finished controller does) no event is
   * recorded; errors still throw.
   */
  deleteJob(owner: SimObjectBase | null, job: SimJob): void;
}

/** The cluster-backed {@link JobControl}. */
export class ClusterJobControl implements JobControl {
  /**
   * @param state the store
   * @param recorder where events go
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly recorder: EventRecorder,
    /** Injected API errors. @default - the store's ({@link faultInjectorOf}) */
    private readonly faults: FaultInjector = faultInjectorOf(state),
  ) {}

  /** @inheritdoc */
  public createJob(owner: SimObjectBase, draft: Draft<SimJob>): SimJob {
    const withRef = draft.ownerReferences.length > 0 ? draft : { ...draft, ownerReferences: [newControllerRef(owner)] };
    try {
      const injected = this.faults.empty ? undefined : this.faults.check({
        verb: 'create', kind: 'Job', namespace: draft.namespace, name: draft.name ?? draft.generateName ?? '', generated: draft.name === undefined, owner, controller: sourceOf(this.recorder),
      });
      if (injected) throw injected;
      const job = this.state.create(withRef);
      this.recorder.event(ref(owner), 'Normal', 'SuccessfulCreate', `Created job ${job.name}`, { kind: 'Job', name: job.name });
      return job;
    } catch (e) {
      if (e instanceof ApiError) this.recorder.event(ref(owner), 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
      throw e;
    }
  }

  /** @inheritdoc */
  public deleteJob(owner: SimObjectBase | null, job: SimJob): void {
    try {
      const injected = checkFault(this.faults, 'delete', 'Job', job, owner, this.recorder);
      if (injected) throw injected;
      this.state.requestDeletion(job);
    } catch (e) {
      if (e instanceof ApiError && owner) this.recorder.event(ref(owner), 'Warning', 'FailedDelete', `Deleted job: ${e.message}`, { kind: 'Job', name: job.name });
      throw e;
    }
    if (owner) this.recorder.event(ref(owner), 'Normal', 'SuccessfulDelete', `Deleted job ${job.name}`, { kind: 'Job', name: job.name });
  }
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/** Writes the status of the controller's own objects (`UpdateStatus`). */
export interface StatusControl {
  /**
   * Replaces `obj.status` with `status` when they differ (deep comparison) and returns whether it
   * wrote. Skipping equal writes matters: the write notifies watchers, which enqueue the object
   * again, so a controller that always wrote would never go idle.
   */
  updateStatus<T extends SimWorkloadObject>(obj: T, status: T['status']): boolean;
}

/** The cluster-backed {@link StatusControl}. */
export class ClusterStatusControl implements StatusControl {
  /** @param state the store */
  public constructor(private readonly state: ClusterState) {}

  /** @inheritdoc */
  public updateStatus<T extends SimWorkloadObject>(obj: T, status: T['status']): boolean {
    if (obj.deletedMs !== null || deepEqual(obj.status, status)) return false;
    this.state.update<SimObject>(obj, (o) => {
      (o as T).status = status;
    });
    return true;
  }
}

/** The fault check of a write to an existing object. */
function checkFault(faults: FaultInjector, verb: FaultVerb, kind: FaultKind, target: SimObject, owner: SimObjectBase | null, recorder: EventRecorder): ApiError | undefined {
  if (faults.empty) return undefined;
  return faults.check({ verb, kind, namespace: target.namespace, name: target.name, owner, target, controller: sourceOf(recorder) });
}

/** The recording component (`job-controller`), which is also the controller's service account name. */
function sourceOf(recorder: EventRecorder): string | undefined {
  const source = (recorder as { readonly source?: unknown }).source;
  return typeof source === 'string' ? source : undefined;
}

/** The object name an injected error's message quotes (`pods "pi-x7k2p" is forbidden`), else `fallback`. */
function injectedName(e: ApiError, fallback: string): string {
  const m = /^[a-z.]+ "([^"]+)"/.exec(e.message);
  return m ? m[1] : fallback;
}

function ref(o: SimObjectBase) {
  return { kind: o.kind, namespace: o.namespace, name: o.name };
}
