/**
 * The kubelet stand-in: drives each bound pod through its life according to its behaviour profile
 * (behaviours.ts) — container start, readiness, exit, restarts with the crash-loop back-off,
 * terminal phases, graceful termination — and the scenario's pod actions (failPod, evictPod,
 * setReady). It reacts to store changes by scheduling queue events; it never polls.
 */
import { EventPriority, EventQueue } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import { PodBehaviour, ResolvedBehaviour, resolveBehaviour } from './behaviours';
import type { ClusterState, StoreChange } from './cluster-state';
import { ExitCodeLedger } from './kubelet-exit-codes';
import { backoffDelay, CRASH_BACKOFF, InitContainerRunner } from './kubelet-init-containers';
import { behaviourKey, PodRuntime } from './kubelet-runtime';
import { isRestartableInit, SidecarRunner } from './kubelet-sidecars';
import { crashed, ended, evicted, key, readiness, ref, sandboxIp, setConditions } from './kubelet-status';
import { completeWithSidecars, terminateContainers, TerminationHost, stoppedStatus } from './kubelet-termination';
import type { PodNetwork } from './network';
import { isPodTerminal, SimPod } from './objects';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../versions/feature-gates';

export { CRASH_BACKOFF } from './kubelet-init-containers';

/** The kubelet of every node. */
export class Kubelet {
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly waitingForIp = new Map<string, SimPod[]>();
  private readonly ledger = new ExitCodeLedger();
  private readonly init: InitContainerRunner;
  private readonly sidecars: SidecarRunner;
  private readonly terminationHost: TerminationHost;

  /**
   * @param state the store
   * @param queue the agenda
   * @param recorder event recorder (source `kubelet`)
   * @param network pod IP allocator
   * @param profiles the scenario's `pods:` behaviour profiles, first match wins
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly queue: EventQueue,
    private readonly recorder: EventRecorder,
    private readonly network: PodNetwork,
    private readonly profiles: readonly PodBehaviour[], public readonly gates: FeatureGates = DEFAULT_FEATURE_GATES,
  ) {
    this.sidecars = new SidecarRunner({ state, queue, recorder, ledger: this.ledger, profiles, readinessChanged: (pod) => this.readinessChanged(pod) });
    this.terminationHost = { state, queue, recorder, gates, sidecars: this.sidecars, stopped: (pod, code) => this.stopped(pod, code) };
    this.init = new InitContainerRunner({
      state, queue, recorder, ledger: this.ledger, backoff: CRASH_BACKOFF,
      mainStart: (pod) => this.startMain(pod),
      release: (pod) => {
        this.sidecars.halt(pod, state.nowMs());
        this.network.release(pod.ip);
      },
      isSidecar: (pod, i) => isRestartableInit(pod.spec.initContainers?.[i], gates),
      startSidecar: (pod, i, started) => this.sidecars.start(pod, i, started),
    });
    state.watch((c) => this.onChange(c));
  }

  /** The behaviour the kubelet applies to `pod` (resolved when the pod was bound). */
  public behaviourOf(pod: SimPod): ResolvedBehaviour | undefined {
    return this.runtimes.get(pod.uid)?.behaviour;
  }

  // ------------------------------------------------------------------------------------------
  // steady-state fast-forward (fast-forward.ts)
  // ------------------------------------------------------------------------------------------

  /** Whether no pod waits for a free IP (such a pod starts when another one stops). */
  public get quiet(): boolean {
    for (const waiting of this.waitingForIp.values()) if (waiting.length > 0) return false;
    return true;
  }

  /**
   * What the kubelet remembers of `pod`, times relative to `originMs`, as a string the
   * fast-forward compares between periods; `''` when it remembers nothing.
   */
  public memoryOf(pod: SimPod, originMs: number): string {
    const rt = this.runtimes.get(pod.uid);
    if (!rt) return '';
    // The back-off time only counts once there was a back-off (restart: steps reset after 2 × max).
    const lastBackoff = rt.backoffSteps === 0 ? '' : rt.lastBackoffMs - originMs;
    return `${behaviourKey(rt.behaviour)}|${rt.runs}|${rt.backoffSteps}|${lastBackoff}|${rt.timer === undefined}|${rt.readyTimer === undefined}`
      + `|${rt.readinessOverride}|${rt.killing}|${rt.initIndex}|${this.ledger.runs(pod, rt.behaviour.mainContainer, rt.behaviour.exitCodes.length)}`
      + this.sidecars.memoryOf(pod, originMs);
  }

  /** Moves what the kubelet remembers of `pod` `deltaMs` later. */
  public shift(pod: SimPod, deltaMs: number): void {
    const rt = this.runtimes.get(pod.uid);
    if (rt) rt.lastBackoffMs += deltaMs;
    this.sidecars.shift(pod, deltaMs);
  }

  // ------------------------------------------------------------------------------------------
  // scenario actions (called from queue events, never from a notification)
  // ------------------------------------------------------------------------------------------

  /**
   * The pod's containers exit with `exitCode` now (scenario `failPod`); the restart policy then
   * applies as for any exit. No effect unless the pod is Running and not terminating.
   */
  public failContainer(pod: SimPod, exitCode: number): void {
    if (pod.deletedMs !== null || pod.phase !== 'Running' || pod.deletionMs !== null) return;
    const rt = this.runtimes.get(pod.uid);
    if (!rt) return;
    if (pod.containerStatuses.every((c) => c.state !== 'running')) return;
    this.exit(pod, exitCode);
  }

  /**
   * The kubelet evicts the pod (scenario `evictPod`): containers are killed, phase Failed with
   * reason `Evicted` and a `DisruptionTarget` condition (PodDisruptionConditions, beta in 1.27). The
   * object stays until its controller deletes it.
   */
  public evict(pod: SimPod): void {
    if (pod.deletedMs !== null || isPodTerminal(pod)) return;
    const rt = this.runtimes.get(pod.uid);
    if (rt) this.cancelTimers(rt);
    const now = this.state.nowMs();
    this.network.release(pod.ip);
    this.sidecars.halt(pod, now);
    this.state.update(pod, (p) => evicted(p, now));
    this.recorder.event(ref(pod), 'Warning', 'Evicted', 'The pod was evicted by the scenario (evictPod).');
    this.state.tryFinalize(pod);
  }

  /**
   * Readiness starts (`ready: true`) or stops (`ready: false`) succeeding now (scenario
   * `setReady`). The override lasts across container restarts until changed again.
   */
  public setReadiness(pod: SimPod, ready: boolean): void {
    const rt = this.runtimes.get(pod.uid);
    if (!rt || pod.deletedMs !== null) return;
    rt.readinessOverride = ready;
    if (!ready) {
      this.queue.cancel(rt.readyTimer);
      rt.readyTimer = undefined;
      if (pod.ready) this.setReady(pod, false);
    } else if (!pod.ready && pod.phase === 'Running' && pod.deletionMs === null && pod.containerStatuses.some((c) => c.state === 'running')) {
      this.queue.cancel(rt.readyTimer);
      rt.readyTimer = undefined;
      this.setReady(pod, true);
    }
  }

  /**
   * The pod's node is Ready again (node lifecycle controller): the kubelet reports the pod's real
   * readiness (Ready again unless readiness fails or is still pending) and carries out a deletion
   * it could not see while the node was unreachable.
   */
  public nodeReady(pod: SimPod): void {
    const rt = this.runtimes.get(pod.uid);
    if (!rt || pod.deletedMs !== null) return;
    if (rt.frozen) return this.kill(pod, rt);
    const readyByProfile = rt.readinessOverride === true || (rt.readinessOverride === null && rt.behaviour.readyAfterMs !== null && rt.readyTimer === undefined);
    if (readyByProfile && !pod.ready && pod.phase === 'Running' && pod.deletionMs === null && pod.containerStatuses.some((c) => c.state === 'running')) this.setReady(pod, true);
  }

  // ------------------------------------------------------------------------------------------
  // watch
  // ------------------------------------------------------------------------------------------

  private onChange(c: StoreChange): void {
    if (c.object.kind === 'Job' && c.type === 'Deleted') this.ledger.forgetJob(c.object.uid);
    if (c.object.kind !== 'Pod') return;
    const pod = c.object;
    if (c.type === 'Deleted') {
      const rt = this.runtimes.get(pod.uid);
      if (rt) this.cancelTimers(rt);
      this.sidecars.forget(pod);
      this.runtimes.delete(pod.uid);
      this.ledger.forgetPod(pod.uid);
      this.releaseIp(pod);
      return;
    }
    if (pod.nodeName === null) return;
    let rt = this.runtimes.get(pod.uid);
    if (!rt) {
      if (isPodTerminal(pod)) return;
      rt = {
        behaviour: resolveBehaviour(pod, this.profiles, this.state), runs: 0, backoffSteps: 0, lastBackoffMs: 0,
        timer: undefined, readyTimer: undefined, readinessOverride: null, killing: false, initIndex: -1, frozen: false,
      };
      this.runtimes.set(pod.uid, rt);
      if (pod.deletionMs === null) {
        const runtime = rt;
        runtime.timer = this.queue.schedule(c.atMs + rt.behaviour.startAfterMs, EventPriority.KUBELET, `kubelet start ${key(pod)}`, () => {
          runtime.timer = undefined;
          this.start(pod);
        });
      }
    }
    if (pod.deletionMs !== null && !rt.killing && pod.deletedMs === null) {
      rt.killing = true;
      const runtime = rt;
      this.queue.schedule(c.atMs, EventPriority.KUBELET, `kubelet kill ${key(pod)}`, () => this.kill(pod, runtime));
    }
  }

  // ------------------------------------------------------------------------------------------
  // lifecycle steps (queue events)
  // ------------------------------------------------------------------------------------------

  private start(pod: SimPod): void {
    if (pod.deletedMs !== null || pod.deletionMs !== null || isPodTerminal(pod)) return;
    const node = this.state.get('Node', '', pod.nodeName!);
    if (!node) return;
    const ip = sandboxIp(pod, node, this.network, this.recorder);
    if (ip === null) {
      const waiting = this.waitingForIp.get(node.name) ?? [];
      waiting.push(pod);
      this.waitingForIp.set(node.name, waiting);
      return;
    }
    const podIp = ip;
    const rt = this.runtimes.get(pod.uid)!;
    if (rt.behaviour.initContainers.length > 0) {
      this.state.update(pod, (p) => {
        p.ip = podIp;
      });
      this.init.begin(pod, rt);
      return;
    }
    this.startMain(pod, podIp);
  }

  /** The main containers start now (after the init containers, if any). */
  private startMain(pod: SimPod, podIp: string | null = pod.ip): void {
    const now = this.state.nowMs();
    this.state.update(pod, (p) => {
      p.phase = 'Running';
      p.ip = podIp;
      p.startedMs = p.startedMs ?? now;
      p.containerStatuses = p.containerStatuses.map((cs) => ({ ...cs, state: 'running', reason: null, startedMs: now }));
      p.conditions = setConditions(p.conditions, now, { Initialized: 'True', ContainersReady: 'False', Ready: 'False' });
    });
    for (const c of pod.spec.containers ?? []) this.recorder.event(ref(pod), 'Normal', 'Started', `Started container ${c.name}`);
    this.runContainer(pod);
  }

  /** A container run begins now: schedule readiness and exit per the profile. */
  private runContainer(pod: SimPod): void {
    const rt = this.runtimes.get(pod.uid)!;
    const now = this.state.nowMs();
    rt.runs++;
    const b = rt.behaviour;
    if (rt.readinessOverride === true) {
      this.setReady(pod, true);
    } else if (rt.readinessOverride === null && b.readyAfterMs !== null) {
      rt.readyTimer = this.queue.schedule(now + b.readyAfterMs, EventPriority.KUBELET, `kubelet ready ${key(pod)}`, () => {
        rt.readyTimer = undefined;
        if (pod.deletedMs === null && pod.deletionMs === null && pod.phase === 'Running') this.setReady(pod, true);
      });
    }
    if (b.runForMs !== null) {
      const code = this.ledger.next(pod, b.mainContainer, b.exitCodes);
      rt.timer = this.queue.schedule(now + b.runForMs, EventPriority.KUBELET, `kubelet exit ${key(pod)}`, () => {
        rt.timer = undefined;
        this.exit(pod, code);
      });
    }
  }

  private setReady(pod: SimPod, ready: boolean): void {
    // A node that is not Ready: the node lifecycle controller marked its pods unready (MarkPodsNotReady).
    if (ready && this.nodeStatus(pod) !== 'True') return;
    const now = this.state.nowMs();
    // Sidecars' readiness counts for the pod's (GenerateContainersReadyCondition, KEP-753).
    const podReady = ready && this.sidecars.allReady(pod);
    this.state.update(pod, (p) => readiness(p, ready, podReady, now));
  }

  /** A sidecar's readiness changed: the pod is Ready when its main containers and every sidecar are. */
  private readinessChanged(pod: SimPod): void {
    if (pod.deletedMs !== null || pod.phase !== 'Running') return;
    const mainReady = pod.containerStatuses.length > 0 && pod.containerStatuses.every((c) => c.ready && c.state === 'running');
    const want = mainReady && pod.deletionMs === null && this.sidecars.allReady(pod) && this.nodeStatus(pod) === 'True';
    if (want !== pod.ready) this.state.update(pod, (p) => readiness(p, mainReady, want, this.state.nowMs()));
  }

  /**
   * The containers exit with `code`. restartPolicy Always, or OnFailure with a non-zero code →
   * restart in place after the crash-loop back-off; otherwise the pod ends Succeeded (code 0) or
   * Failed (`pkg/kubelet/kubelet_pods.go#getPhase`).
   */
  private exit(pod: SimPod, code: number): void {
    if (pod.deletedMs !== null || pod.deletionMs !== null || pod.phase !== 'Running') return;
    const rt = this.runtimes.get(pod.uid)!;
    this.cancelTimers(rt);
    const now = this.state.nowMs();
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    const reason = code === 0 ? 'Completed' : 'Error';
    // KEP-753: with sidecars running, they are stopped first (kubelet-termination.ts).
    if (!restart && this.sidecars.hasRunning(pod)) return completeWithSidecars(this.terminationHost, pod, rt, code, () => this.end(pod, code));
    if (!restart) return this.end(pod, code);
    if (now - rt.lastBackoffMs > 2 * CRASH_BACKOFF.maxMs) rt.backoffSteps = 0;
    const delay = backoffDelay(rt.backoffSteps, CRASH_BACKOFF.initialMs, CRASH_BACKOFF.maxMs);
    rt.backoffSteps++;
    rt.lastBackoffMs = now;
    this.state.update(pod, (p) => crashed(p, code, reason, delay, now));
    if (delay > 0) {
      const c = pod.spec.containers?.[0]?.name ?? '';
      this.recorder.event(ref(pod), 'Warning', 'BackOff', `Back-off restarting failed container ${c} in pod ${pod.name}_${pod.namespace}(${pod.uid})`);
    }
    rt.timer = this.queue.schedule(now + delay, EventPriority.KUBELET, `kubelet restart ${key(pod)}`, () => {
      rt.timer = undefined;
      this.restart(pod);
    });
  }

  /** The pod ends now: Succeeded on `code` 0, else Failed (`pkg/kubelet/kubelet_pods.go#getPhase`). */
  private end(pod: SimPod, code: number): void {
    if (pod.deletedMs !== null) return;
    this.network.release(pod.ip);
    const now = this.state.nowMs();
    this.state.update(pod, (p) => ended(p, code, now));
    this.state.tryFinalize(pod);
  }

  private restart(pod: SimPod): void {
    if (pod.deletedMs !== null || pod.deletionMs !== null || pod.phase !== 'Running') return;
    const now = this.state.nowMs();
    this.state.update(pod, (p) => {
      p.restarts += 1;
      p.containerStatuses = p.containerStatuses.map((cs) => ({ ...cs, state: 'running', reason: null, restartCount: cs.restartCount + 1, startedMs: now }));
    });
    for (const c of pod.spec.containers ?? []) this.recorder.event(ref(pod), 'Normal', 'Started', `Started container ${c.name}`);
    this.runContainer(pod);
  }

  /**
   * Deletion was requested: readiness drops at once; a pod whose containers never started stops at
   * once; otherwise the containers get SIGTERM (`Killing`) and stop after the profile's `stopAfter`,
   * or are killed at the grace period (gracePeriodMs) if that comes first. The stopped pod ends Failed
   * (or keeps Succeeded/Failed) and leaves the store unless a finalizer holds it.
   */
  private kill(pod: SimPod, rt: PodRuntime): void {
    if (pod.deletedMs !== null) return;
    rt.frozen = false;
    if (this.nodeStatus(pod) === 'Unknown') {
      // The kubelet of an unreachable node never sees the deletion: the pod stays Terminating
      // until the node is back (or is deleted: pod GC force-deletes the pod).
      rt.frozen = true;
      return;
    }
    this.cancelTimers(rt);
    const waiting = pod.nodeName ? this.waitingForIp.get(pod.nodeName) : undefined;
    if (waiting) this.waitingForIp.set(pod.nodeName!, waiting.filter((p) => p !== pod));
    if (isPodTerminal(pod)) {
      this.state.tryFinalize(pod);
      return;
    }
    const running = pod.phase === 'Running' || rt.initIndex >= 0;
    if (pod.ready) this.setReady(pod, false);
    if (!running) {
      this.stopped(pod);
      return;
    }
    terminateContainers(this.terminationHost, pod, rt);
  }

  private stopped(pod: SimPod, code = 143): void {
    if (pod.deletedMs !== null) return;
    const now = this.state.nowMs();
    this.releaseIp(pod);
    this.sidecars.halt(pod, now, false);
    if (!isPodTerminal(pod)) this.state.update(pod, (p) => stoppedStatus(p, code, now));
    this.state.tryFinalize(pod);
  }

  private releaseIp(pod: SimPod): void {
    // A hostNetwork pod's IP is its node's, not one of the pod network's: nothing is freed.
    if (pod.ip === null || pod.spec.hostNetwork === true) return;
    this.network.release(pod.ip);
    const node = pod.nodeName;
    const waiting = node ? this.waitingForIp.get(node) : undefined;
    if (node && waiting && waiting.length > 0) {
      const next = waiting.shift()!;
      this.queue.schedule(this.state.nowMs(), EventPriority.KUBELET, `kubelet start ${key(next)}`, () => this.start(next));
    }
  }

  private nodeStatus(pod: SimPod): string {
    return (pod.nodeName !== null ? this.state.get('Node', '', pod.nodeName)?.conditions?.Ready : undefined) ?? 'True';
  }

  private cancelTimers(rt: PodRuntime): void {
    this.queue.cancel(rt.timer);
    this.queue.cancel(rt.readyTimer);
    rt.timer = undefined;
    rt.readyTimer = undefined;
  }
}
