/**
 * Call-recording fakes of the Controls (kubernetes cronjob `injection.go` / statefulset `fakes.go`
 * style) for table-driven controller tests. Each fake performs the write on a test store (a
 * {@link Harness}) through the real cluster-backed Control — so the next sync sees it and the
 * same events are recorded — records the call, and can be told to fail: set `createError` (an
 * ApiError, or a function of the draft returning one or undefined) and the call records the Warning
 * event the real Control records, then throws, exactly like a rejected API write.
 *
 * ```ts
 * const h = harness();
 * const f = fakeContext(h, { podEvents: STATEFUL_SET_POD_EVENTS });
 * const c = new StatefulSetController(f.ctx);
 * const result = c.sync('default/web', h.now);
 * expect(f.pods.createdNames).toEqual(['web-0']);
 * expect(f.recorder.reasons()).toEqual(['SuccessfulCreate', 'SuccessfulCreate']);
 * expect(result.requeueAfterMs).toBeUndefined();
 * ```
 */
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../lib/versions/feature-gates';
import { ApiError } from '../../lib/apiserver/api-errors';
import type { Draft } from '../../lib/simulator/cluster/factories';
import type { SimPvc } from '../../lib/simulator/cluster/core-objects';
import type { OwnerReference, SimObjectBase } from '../../lib/simulator/cluster/object-meta';
import type { SimPod } from '../../lib/simulator/cluster/pod-object';
import type { SimJob } from '../../lib/simulator/cluster/workload-objects';
import {
  ClaimControl, ClusterClaimControl, ClusterJobControl, ClusterPodControl, ClusterStatusControl, CONTROLLER_POD_EVENTS,
  JobControl, PodControl, PodEventWording, SimWorkloadObject, StatusControl,
} from '../../lib/simulator/controllers/control';
import type { ControllerContext } from '../../lib/simulator/controllers/controller';
import type { EventRecorder } from '../../lib/simulator/engine/recorder';
import type { EventObjectRef, EventRelatedRef, EventType } from '../../lib/simulator/engine/trace';
import type { Harness } from './builders';

/** One recorded event. */
export interface RecordedEvent {
  /** Simulated ms. */
  readonly atMs: number;
  /** Involved object. */
  readonly object: EventObjectRef;
  /** Normal / Warning. */
  readonly type: EventType;
  /** Reason. */
  readonly reason: string;
  /** Message. */
  readonly message: string;
  /** Related object. */
  readonly related?: EventRelatedRef;
}

/** An {@link EventRecorder} that keeps events in memory. */
export class FakeRecorder implements EventRecorder {
  /** Events, in order. */
  public readonly events: RecordedEvent[] = [];

  /** @param now current simulated ms */
  public constructor(private readonly now: () => number = () => 0) {}

  /** @inheritdoc */
  public event(object: EventObjectRef, type: EventType, reason: string, message: string, related?: EventRelatedRef): void {
    this.events.push({ atMs: this.now(), object, type, reason, message, ...(related ? { related } : {}) });
  }

  /** Reasons in order. */
  public reasons(): string[] {
    return this.events.map((e) => e.reason);
  }

  /** Messages in order. */
  public messages(): string[] {
    return this.events.map((e) => e.message);
  }

  /** Forgets recorded events. */
  public clear(): void {
    this.events.length = 0;
  }
}

/** An injected failure: an error, or a function deciding per call. */
export type Injected<A> = ApiError | ((arg: A) => ApiError | undefined) | undefined;

function injected<A>(i: Injected<A>, arg: A): ApiError | undefined {
  return typeof i === 'function' ? i(arg) : i;
}

function ownerRef(o: SimObjectBase) {
  return { kind: o.kind, namespace: o.namespace, name: o.name };
}

/** Recording {@link PodControl}. */
export class FakePodControl implements PodControl {
  /** Pods created (the stored objects). */
  public readonly creates: SimPod[] = [];
  /** Names of pods deleted. */
  public readonly deletes: string[] = [];
  /** Names of pods updated. */
  public readonly updates: string[] = [];
  /** Finalizers removed. */
  public readonly finalizersRemoved: Array<{ pod: string; finalizer: string }> = [];
  /** Make creates fail. */
  public createError: Injected<Draft<SimPod>>;
  /** Make deletes fail. */
  public deleteError: Injected<SimPod>;
  private readonly real: ClusterPodControl;

  /**
   * @param h the test store
   * @param recorder where events go
   * @param wording event wording
   */
  public constructor(h: Harness, private readonly recorder: EventRecorder, private readonly wording: PodEventWording = CONTROLLER_POD_EVENTS) {
    this.real = new ClusterPodControl(h.state, recorder, wording);
  }

  /** Names of created pods, in order. */
  public get createdNames(): string[] {
    return this.creates.map((p) => p.name);
  }

  /** @inheritdoc */
  public createPod(owner: SimObjectBase, draft: Draft<SimPod>): SimPod {
    const err = injected(this.createError, draft);
    if (err) {
      const name = draft.name ?? draft.generateName ?? '';
      this.recorder.event(ownerRef(owner), 'Warning', 'FailedCreate', this.wording.failure('create', owner, name, err.message), { kind: 'Pod', name });
      throw err;
    }
    const pod = this.real.createPod(owner, draft);
    this.creates.push(pod);
    return pod;
  }

  /** @inheritdoc */
  public deletePod(owner: SimObjectBase, pod: SimPod): void {
    const err = injected(this.deleteError, pod);
    if (err) {
      this.recorder.event(ownerRef(owner), 'Warning', 'FailedDelete', this.wording.failure('delete', owner, pod.name, err.message), { kind: 'Pod', name: pod.name });
      throw err;
    }
    this.real.deletePod(owner, pod);
    this.deletes.push(pod.name);
  }

  /** @inheritdoc */
  public updatePod(owner: SimObjectBase, pod: SimPod, mutate: (p: SimPod) => void): void {
    this.real.updatePod(owner, pod, mutate);
    this.updates.push(pod.name);
  }

  /** @inheritdoc */
  public removeFinalizer(pod: SimPod, finalizer: string): void {
    this.real.removeFinalizer(pod, finalizer);
    this.finalizersRemoved.push({ pod: pod.name, finalizer });
  }
}

/** Recording {@link ClaimControl}. */
export class FakeClaimControl implements ClaimControl {
  /** Claims created. */
  public readonly creates: SimPvc[] = [];
  /** Owner reference changes: claim name → new refs. */
  public readonly ownerUpdates: Array<{ claim: string; refs: OwnerReference[] }> = [];
  /** Claims deleted. */
  public readonly deletes: string[] = [];
  /** Make creates fail. */
  public createError: Injected<Draft<SimPvc>>;
  private readonly real: ClusterClaimControl;

  /**
   * @param h the test store
   * @param recorder where events go
   */
  public constructor(h: Harness, private readonly recorder: EventRecorder) {
    this.real = new ClusterClaimControl(h.state, recorder);
  }

  /** Names of created claims, in order. */
  public get createdNames(): string[] {
    return this.creates.map((c) => c.name);
  }

  /** @inheritdoc */
  public createClaim(owner: SimObjectBase, draft: Draft<SimPvc>, podName: string): SimPvc {
    const err = injected(this.createError, draft);
    if (err) {
      const name = draft.name ?? '';
      this.recorder.event(ownerRef(owner), 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${podName} in ${owner.kind} ${owner.name} failed error: ${err.message}`, { kind: 'PersistentVolumeClaim', name });
      throw err;
    }
    const pvc = this.real.createClaim(owner, draft, podName);
    this.creates.push(pvc);
    return pvc;
  }

  /** @inheritdoc */
  public setOwnerReferences(claim: SimPvc, refs: OwnerReference[]): void {
    this.real.setOwnerReferences(claim, refs);
    this.ownerUpdates.push({ claim: claim.name, refs });
  }

  /** @inheritdoc */
  public deleteClaim(claim: SimPvc): void {
    this.real.deleteClaim(claim);
    this.deletes.push(claim.name);
  }
}

/** Recording {@link JobControl}. */
export class FakeJobControl implements JobControl {
  /** Jobs created. */
  public readonly creates: SimJob[] = [];
  /** Names of Jobs deleted. */
  public readonly deletes: string[] = [];
  /** Make creates fail. */
  public createError: Injected<Draft<SimJob>>;
  /** Make deletes fail. */
  public deleteError: Injected<SimJob>;
  private readonly real: ClusterJobControl;

  /**
   * @param h the test store
   * @param recorder where events go
   */
  public constructor(h: Harness, private readonly recorder: EventRecorder) {
    this.real = new ClusterJobControl(h.state, recorder);
  }

  /** Names of created Jobs, in order. */
  public get createdNames(): string[] {
    return this.creates.map((j) => j.name);
  }

  /** @inheritdoc */
  public createJob(owner: SimObjectBase, draft: Draft<SimJob>): SimJob {
    const err = injected(this.createError, draft);
    if (err) {
      this.recorder.event(ownerRef(owner), 'Warning', 'FailedCreate', `Error creating job: ${err.message}`);
      throw err;
    }
    const job = this.real.createJob(owner, draft);
    this.creates.push(job);
    return job;
  }

  /** @inheritdoc */
  public deleteJob(owner: SimObjectBase | null, job: SimJob): void {
    const err = injected(this.deleteError, job);
    if (err) {
      if (owner) this.recorder.event(ownerRef(owner), 'Warning', 'FailedDelete', `Deleted job: ${err.message}`, { kind: 'Job', name: job.name });
      throw err;
    }
    this.real.deleteJob(owner, job);
    this.deletes.push(job.name);
  }
}

/** Recording {@link StatusControl}. */
export class FakeStatusControl implements StatusControl {
  /** Every status written (only real changes), in order. */
  public readonly writes: Array<{ kind: string; name: string; status: unknown }> = [];
  private readonly real: ClusterStatusControl;

  /** @param h the test store */
  public constructor(h: Harness) {
    this.real = new ClusterStatusControl(h.state);
  }

  /** @inheritdoc */
  public updateStatus<T extends SimWorkloadObject>(obj: T, status: T['status']): boolean {
    const wrote = this.real.updateStatus(obj, status);
    if (wrote) this.writes.push({ kind: obj.kind, name: obj.name, status: structuredClone(status) });
    return wrote;
  }
}

/** A controller context of fakes over a test store, and the fakes for assertions. */
export interface FakeContext {
  /** Pass to the controller's constructor. */
  readonly ctx: ControllerContext;
  /** Pod writes. */
  readonly pods: FakePodControl;
  /** Claim writes. */
  readonly claims: FakeClaimControl;
  /** Job writes. */
  readonly jobs: FakeJobControl;
  /** Status writes. */
  readonly status: FakeStatusControl;
  /** Every event (Controls' and the controller's own). */
  readonly recorder: FakeRecorder;
}

/** Builds a {@link FakeContext} over harness `h`; `podEvents` picks the pod event wording, `gates` the version's feature gates (default 1.27). */
export function fakeContext(h: Harness, o: { podEvents?: PodEventWording; gates?: FeatureGates } = {}): FakeContext {
  const recorder = new FakeRecorder(() => h.now);
  const pods = new FakePodControl(h, recorder, o.podEvents);
  const claims = new FakeClaimControl(h, recorder);
  const jobs = new FakeJobControl(h, recorder);
  const status = new FakeStatusControl(h);
  const clock = { nowMs: () => h.now, epochMs: (ms: number = h.now) => h.startEpochMs + ms };
  return { ctx: { cluster: h.state, pods, claims, jobs, status, recorder, rng: h.rng, clock, gates: o.gates ?? DEFAULT_FEATURE_GATES }, pods, claims, jobs, status, recorder };
}

/** An ApiError to inject, e.g. `apiError('InternalError', 'etcdserver: request timed out')`. */
export function apiError(reason: ApiError['reason'], message: string): ApiError {
  return new ApiError(reason, message);
}
