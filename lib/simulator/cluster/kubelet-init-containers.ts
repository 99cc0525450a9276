/**
 * Init containers in the kubelet stand-in (kubelet.ts): after the sandbox has its IP, each init
 * container runs to completion, one at a time in spec order, before any main container starts.
 *
 * Upstream rules (kubelet 1.27):
 * - `pkg/kubelet/kuberuntime/kuberuntime_manager.go` `computePodActions` → `findNextInitContainerToRun`
 *   (kuberuntime_container.go): the next init container starts only once the previous one exited
 *   0; main containers start only when the last init container has succeeded;
 * - an init container that failed: with restartPolicy Never the pod is killed and fails
 *   (`if pod.Spec.RestartPolicy == v1.RestartPolicyNever { changes.KillPod = true }`); otherwise it
 *   is restarted with the crash-loop back-off (`doBackOff`, per container), `kubectl get` showing
 *   `Init:CrashLoopBackOff`. A restartPolicy Always pod restarts a failed init container too, but
 *   never one that exited 0;
 * - phase: `pkg/kubelet/kubelet_pods.go` `getPhase`: Pending while initializing; Failed when an
 *   init container failed and restartPolicy is Never; condition Initialized False until the last
 *   init container succeeded (`pkg/kubelet/status/generate.go` `GeneratePodInitializedCondition`).
 *
 * With SidecarContainers on, an init container with `restartPolicy: Always` is a sidecar
 * (kubelet-sidecars.ts): the sequence moves on once it is started, and it keeps running.
 */
import { EventPriority, EventQueue } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { ClusterState } from './cluster-state';
import { backoffDelay } from './kubelet-backoff';
import type { ExitCodeLedger } from './kubelet-exit-codes';
import type { PodRuntime } from './kubelet-runtime';
import { key, ref, setConditions, terminated } from './kubelet-status';
import type { SimPod } from './pod-object';

export { backoffDelay, CRASH_BACKOFF } from './kubelet-backoff';

/** What the init-container runner needs from the kubelet. @internal */
export interface InitHost {
  readonly state: ClusterState;
  readonly queue: EventQueue;
  readonly recorder: EventRecorder;
  readonly ledger: ExitCodeLedger;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  /** Every init container succeeded: start the main containers. */
  mainStart(pod: SimPod): void;
  /** Frees the pod's IP. */
  release(pod: SimPod): void;
  /** Whether init container `index` of `pod` is a sidecar (SidecarContainers and `restartPolicy: Always`). */
  isSidecar(pod: SimPod, index: number): boolean;
  /** Starts init container `index` as a sidecar; `started` once it counts as started. */
  startSidecar(pod: SimPod, index: number, started: () => void): void;
}

/** Runs the init containers of one pod at a time (queue events). @internal */
export class InitContainerRunner {
  public constructor(private readonly host: InitHost) {}

  /** The pod's sandbox is up: mark its init containers waiting and run the first. */
  public begin(pod: SimPod, rt: PodRuntime): void {
    const { state } = this.host;
    const now = state.nowMs();
    state.update(pod, (p) => {
      p.initContainerStatuses = (p.spec.initContainers ?? []).map((c) => ({
        name: c.name, image: c.image ?? '', ready: false, restartCount: 0, state: 'waiting', reason: 'PodInitializing', exitCode: null, startedMs: null, finishedMs: null,
      }));
      p.conditions = setConditions(p.conditions, now, { Initialized: 'False', ContainersReady: 'False', Ready: 'False' });
    });
    rt.initIndex = 0;
    this.run(pod, rt);
  }

  /** Starts init container `rt.initIndex` now. */
  private run(pod: SimPod, rt: PodRuntime): void {
    const { state, queue, recorder, ledger } = this.host;
    const i = rt.initIndex;
    if (this.host.isSidecar(pod, i)) {
      this.host.startSidecar(pod, i, () => {
        if (pod.deletedMs === null && pod.deletionMs === null && rt.initIndex === i) this.advance(pod, rt);
      });
      return;
    }
    const b = rt.behaviour.initContainers[i];
    const now = state.nowMs();
    state.update(pod, (p) => {
      p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === i ? { ...cs, state: 'running', reason: null, startedMs: now } : cs));
    });
    recorder.event(ref(pod), 'Normal', 'Started', `Started container ${b.name}`);
    if (b.runForMs === null) return;
    const code = ledger.next(pod, b.name, b.exitCodes);
    rt.timer = queue.schedule(now + b.runForMs, EventPriority.KUBELET, `kubelet init exit ${key(pod)}`, () => {
      rt.timer = undefined;
      this.exited(pod, rt, code);
    });
  }

  /** Init container `rt.initIndex` is done (or started, for a sidecar): the next one, or the main containers. */
  private advance(pod: SimPod, rt: PodRuntime): void {
    rt.initIndex++;
    if (rt.initIndex < rt.behaviour.initContainers.length) this.run(pod, rt);
    else {
      rt.initIndex = -1;
      this.host.mainStart(pod);
    }
  }

  private exited(pod: SimPod, rt: PodRuntime, code: number): void {
    if (pod.deletedMs !== null || pod.deletionMs !== null) return;
    const { state, queue, recorder, backoff } = this.host;
    const i = rt.initIndex;
    const name = rt.behaviour.initContainers[i].name;
    const now = state.nowMs();
    if (code === 0) {
      state.update(pod, (p) => {
        p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === i ? terminated(cs, 0, 'Completed', now) : cs));
      });
      // The back-off is keyed per container (kuberuntime_manager.go `doBackOff`, `getStableKey(pod, container)`).
      rt.backoffSteps = 0;
      rt.lastBackoffMs = 0;
      this.advance(pod, rt);
      return;
    }
    if ((pod.spec.restartPolicy ?? 'Always') === 'Never') {
      // The pod is killed and ends Failed (computePodActions `KillPod`; getPhase).
      this.host.release(pod);
      state.update(pod, (p) => {
        p.phase = 'Failed';
        p.finishedMs = now;
        p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === i ? terminated(cs, code, 'Error', now) : cs));
      });
      rt.initIndex = -1;
      state.tryFinalize(pod);
      return;
    }
    if (now - rt.lastBackoffMs > 2 * backoff.maxMs) rt.backoffSteps = 0;
    const delay = backoffDelay(rt.backoffSteps, backoff.initialMs, backoff.maxMs);
    rt.backoffSteps++;
    rt.lastBackoffMs = now;
    state.update(pod, (p) => {
      p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j !== i ? cs
        : { ...terminated(cs, code, 'Error', now), state: delay > 0 ? 'waiting' : 'terminated', reason: delay > 0 ? 'CrashLoopBackOff' : 'Error' }));
    });
    if (delay > 0) recorder.event(ref(pod), 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${pod.name}_${pod.namespace}(${pod.uid})`);
    rt.timer = queue.schedule(now + delay, EventPriority.KUBELET, `kubelet init restart ${key(pod)}`, () => {
      rt.timer = undefined;
      if (pod.deletedMs !== null || pod.deletionMs !== null) return;
      state.update(pod, (p) => {
        p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === i ? { ...cs, restartCount: cs.restartCount + 1 } : cs));
      });
      this.run(pod, rt);
    });
  }
}
