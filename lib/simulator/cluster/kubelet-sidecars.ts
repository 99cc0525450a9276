/**
 * Sidecar containers in the kubelet stand-in (KEP-753, gate SidecarContainers: alpha 1.28, beta
 * and on 1.29, GA 1.33): an init container with `restartPolicy: Always` is *restartable*.
 *
 * Upstream rules ported (kubelet `pkg/kubelet/kuberuntime/kuberuntime_manager.go`
 * `computeInitContainerActions`, `pkg/kubelet/types` `IsRestartableInitContainer`):
 * - it starts in init order; the next init container (or the main containers) starts once it is
 *   *started* — at once after it runs, or, with a `startupProbe`, when the probe succeeds;
 * - it keeps running beside the main containers and is restarted whenever it exits, whatever the
 *   pod's restartPolicy, with the per-container crash-loop back-off;
 * - its readiness counts for the pod's Ready / ContainersReady (`status/generate.go`
 *   `GenerateContainersReadyCondition` includes restartable init containers);
 * - it never keeps a pod from completing: once the main containers have exited for good the
 *   sidecars are stopped (SIGTERM) and the pod's phase, from the main containers only
 *   (`kubelet_pods.go#getPhase` iterates `spec.Containers`), is reported when they are down
 *   (kubernetes#115331: no terminal phase while containers still run);
 * - on deletion, from 1.29 (kubernetes#120620, KEP-753 beta) the main containers are stopped
 *   first and the sidecars after them, one at a time in reverse order, within the one grace
 *   period; 1.28 stops everything together (and, on completion, all sidecars at once).
 *
 * A scenario profile's `containers.<sidecar name>` gives `runFor` (default `forever`),
 * `exitCode` (per run, last repeats) and `readyAfter` (default the profile's); with a
 * `startupProbe` in the spec, `readyAfter` is also when the startup probe succeeds.
 */
import type { Container } from './api-shapes';
import { EventPriority, EventQueue, QueuedEvent } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { FeatureGates } from '../../versions/feature-gates';
import { behaviourMatches, DEFAULT_BEHAVIOUR, PodBehaviour } from './behaviours';
import type { ClusterState } from './cluster-state';
import type { ExitCodeLedger } from './kubelet-exit-codes';
import { backoffDelay, CRASH_BACKOFF } from './kubelet-backoff';
import { key, ref, terminated } from './kubelet-status';
import type { SimPod } from './pod-object';

/** Whether init container `c` is a sidecar: SidecarContainers on and `restartPolicy: Always` (`IsRestartableInitContainer`). */
export function isRestartableInit(c: Container | undefined, gates: FeatureGates): boolean {
  return c !== undefined && gates.enabled('SidecarContainers') && (c as { restartPolicy?: string }).restartPolicy === 'Always';
}

/** A sidecar's resolved behaviour. */
export interface SidecarBehaviour {
  /** Start → exit, ms, or null for forever. */
  readonly runForMs: number | null;
  /** Exit code per run (last repeats). */
  readonly exitCodes: readonly number[];
  /** Start → Ready, ms, or null for never. */
  readonly readyAfterMs: number | null;
  /** The spec has a startupProbe: the sidecar counts as started at readyAfter, not at once. */
  readonly startupProbe: boolean;
}

/** The behaviour of init container `index` of `pod` as a sidecar, from the first matching profile. */
export function resolveSidecar(pod: SimPod, index: number, profiles: readonly PodBehaviour[], reader: Parameters<typeof behaviourMatches>[2]): SidecarBehaviour {
  const c = pod.spec.initContainers![index];
  const p = profiles.find((b) => behaviourMatches(b.match, pod, reader)) ?? {};
  const b = p.containers?.[c.name] ?? {};
  const run = b.runForMs ?? 'forever';
  const ready = b.readyAfterMs ?? p.readyAfterMs ?? DEFAULT_BEHAVIOUR.readyAfterMs;
  return {
    runForMs: run === 'forever' ? null : run,
    exitCodes: b.exitCodes && b.exitCodes.length > 0 ? b.exitCodes : [DEFAULT_BEHAVIOUR.exitCode],
    readyAfterMs: ready === 'never' ? null : ready,
    startupProbe: c.startupProbe !== undefined,
  };
}

/** One running sidecar. */
interface SidecarRun {
  readonly index: number;
  readonly name: string;
  readonly behaviour: SidecarBehaviour;
  timer: QueuedEvent | undefined;
  readyTimer: QueuedEvent | undefined;
  backoffSteps: number;
  lastBackoffMs: number;
  /** Started once (the init sequence moved on). */
  started: boolean;
  /** Being stopped: exits are no longer restarted. */
  stopping: boolean;
}

/** What the sidecar runner needs from the kubelet. @internal */
export interface SidecarHost {
  readonly state: ClusterState;
  readonly queue: EventQueue;
  readonly recorder: EventRecorder;
  readonly ledger: ExitCodeLedger;
  readonly profiles: readonly PodBehaviour[];
  /** A sidecar's readiness changed: the pod's Ready may change. */
  readinessChanged(pod: SimPod): void;
}

/** Runs the sidecars of every pod. @internal */
export class SidecarRunner {
  private readonly runs = new Map<string, SidecarRun[]>();

  public constructor(private readonly host: SidecarHost) {}

  /** Whether `pod` has sidecars (running or not). */
  public has(pod: SimPod): boolean {
    return (this.runs.get(pod.uid)?.length ?? 0) > 0;
  }

  /** Whether `pod` has a sidecar that has not been stopped. */
  public hasRunning(pod: SimPod): boolean {
    return (this.runs.get(pod.uid) ?? []).some((r) => !r.stopping);
  }

  /** Every sidecar of `pod` is ready (true without sidecars). */
  public allReady(pod: SimPod): boolean {
    const runs = this.runs.get(pod.uid);
    if (!runs || runs.length === 0) return true;
    return runs.every((r) => pod.initContainerStatuses?.[r.index]?.ready === true);
  }

  /** Starts init container `index` as a sidecar; `started` is called once it counts as started. */
  public start(pod: SimPod, index: number, started: () => void): void {
    const b = resolveSidecar(pod, index, this.host.profiles, this.host.state);
    const run: SidecarRun = {
      index, name: pod.spec.initContainers![index].name, behaviour: b, timer: undefined, readyTimer: undefined,
      backoffSteps: 0, lastBackoffMs: 0, started: false, stopping: false,
    };
    const list = this.runs.get(pod.uid) ?? [];
    list.push(run);
    this.runs.set(pod.uid, list);
    this.runOnce(pod, run, started);
  }

  /** One run of a sidecar: running now, ready and exit per its behaviour. */
  private runOnce(pod: SimPod, run: SidecarRun, started?: () => void): void {
    const { state, queue, recorder, ledger } = this.host;
    const now = state.nowMs();
    state.update(pod, (p) => {
      p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === run.index ? { ...cs, state: 'running', reason: null, ready: false, startedMs: now } : cs));
    });
    recorder.event(ref(pod), 'Normal', 'Started', `Started container ${run.name}`);
    const b = run.behaviour;
    const markStarted = () => {
      if (run.started) return;
      run.started = true;
      started?.();
    };
    if (b.readyAfterMs !== null) {
      run.readyTimer = queue.schedule(now + b.readyAfterMs, EventPriority.KUBELET, `kubelet sidecar ready ${key(pod)}`, () => {
        run.readyTimer = undefined;
        if (!this.live(pod, run)) return;
        state.update(pod, (p) => {
          p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === run.index ? { ...cs, ready: true } : cs));
        });
        markStarted();
        this.host.readinessChanged(pod);
      });
    }
    if (b.runForMs !== null) {
      const code = ledger.next(pod, run.name, b.exitCodes);
      run.timer = queue.schedule(now + b.runForMs, EventPriority.KUBELET, `kubelet sidecar exit ${key(pod)}`, () => {
        run.timer = undefined;
        this.exited(pod, run, code);
      });
    }
    // Without a startupProbe the container is started as soon as it runs.
    if (!b.startupProbe) markStarted();
  }

  /** A sidecar exited: restarted whatever the pod's restartPolicy, after the crash-loop back-off. */
  private exited(pod: SimPod, run: SidecarRun, code: number): void {
    if (!this.live(pod, run)) return;
    const { state, queue, recorder } = this.host;
    const now = state.nowMs();
    queue.cancel(run.readyTimer);
    run.readyTimer = undefined;
    if (now - run.lastBackoffMs > 2 * CRASH_BACKOFF.maxMs) run.backoffSteps = 0;
    const delay = backoffDelay(run.backoffSteps, CRASH_BACKOFF.initialMs, CRASH_BACKOFF.maxMs);
    run.backoffSteps++;
    run.lastBackoffMs = now;
    const reason = code === 0 ? 'Completed' : 'Error';
    state.update(pod, (p) => {
      p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j !== run.index ? cs
        : { ...terminated(cs, code, reason, now), state: delay > 0 ? 'waiting' : 'terminated', reason: delay > 0 ? 'CrashLoopBackOff' : reason }));
    });
    this.host.readinessChanged(pod);
    if (delay > 0) recorder.event(ref(pod), 'Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${pod.name}_${pod.namespace}(${pod.uid})`);
    run.timer = queue.schedule(now + delay, EventPriority.KUBELET, `kubelet sidecar restart ${key(pod)}`, () => {
      run.timer = undefined;
      if (!this.live(pod, run)) return;
      state.update(pod, (p) => {
        p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (j === run.index ? { ...cs, restartCount: cs.restartCount + 1 } : cs));
      });
      this.runOnce(pod, run);
    });
  }

  private live(pod: SimPod, run: SidecarRun): boolean {
    return pod.deletedMs === null && !run.stopping && pod.deletionMs === null;
  }

  /**
   * Stops the running sidecars (SIGTERM, `Killing`), then calls `done`. `ordered` (1.29+,
   * kubernetes#120620 `kuberuntime_termination_order.go`): one at a time, the last started
   * first, each after the previous is down; else (1.28) all at once. Each needs `stopAfterMs`; at
   * `graceMs` from now whatever still runs is killed (137).
   */
  public stop(pod: SimPod, stopAfterMs: number, graceMs: number, ordered: boolean, done: () => void): void {
    const runs = [...(this.runs.get(pod.uid) ?? [])].filter((r) => !r.stopping).reverse();
    for (const r of runs) this.cancelRun(r);
    const running = runs.filter((r) => pod.initContainerStatuses?.[r.index]?.state === 'running');
    const batches = ordered ? running.map((r) => [r]) : running.length > 0 ? [running] : [];
    this.stopBatch(pod, batches, 0, stopAfterMs, graceMs, done);
  }

  private stopBatch(pod: SimPod, batches: SidecarRun[][], i: number, stopAfterMs: number, graceLeftMs: number, done: () => void): void {
    const { state, queue, recorder } = this.host;
    if (i >= batches.length) return done();
    for (const r of batches[i]) recorder.event(ref(pod), 'Normal', 'Killing', `Stopping container ${r.name}`);
    const after = Math.max(0, Math.min(stopAfterMs, graceLeftMs));
    const killed = stopAfterMs > graceLeftMs;
    queue.schedule(state.nowMs() + after, EventPriority.KUBELET, `kubelet sidecar stopped ${key(pod)}`, () => {
      if (pod.deletedMs !== null) return;
      const now = state.nowMs();
      // Killed at the grace period: this one and every sidecar not yet stopped get SIGKILL.
      const down = new Set((killed ? batches.slice(i).flat() : batches[i]).map((r) => r.index));
      state.update(pod, (p) => {
        p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (down.has(j) && cs.state !== 'terminated' ? terminated(cs, killed ? 137 : 143, 'Error', now) : cs));
      });
      if (killed) return done();
      this.stopBatch(pod, batches, i + 1, stopAfterMs, graceLeftMs - after, done);
    });
  }

  /** Names of the sidecars still running (for Killing events stopping everything at once). */
  public runningNames(pod: SimPod): string[] {
    return (this.runs.get(pod.uid) ?? []).filter((r) => !r.stopping && pod.initContainerStatuses?.[r.index]?.state === 'running').map((r) => r.name);
  }

  /** Cancels every sidecar timer of `pod` and forgets it. */
  public forget(pod: SimPod): void {
    for (const r of this.runs.get(pod.uid) ?? []) {
      this.host.queue.cancel(r.timer);
      this.host.queue.cancel(r.readyTimer);
    }
    this.runs.delete(pod.uid);
  }

  /** Marks a sidecar run as stopping and cancels its exit and readiness timers. */
  private cancelRun(r: SidecarRun): void {
    r.stopping = true;
    this.host.queue.cancel(r.timer);
    this.host.queue.cancel(r.readyTimer);
    r.timer = undefined;
    r.readyTimer = undefined;
  }

  /**
   * Stops the sidecars of `pod` with the pod (no restarts, timers cancelled); with `terminate`
   * their running statuses end now, killed (137) — an evicted or failed pod.
   */
  public halt(pod: SimPod, now: number, terminate = true): void {
    const runs = this.runs.get(pod.uid);
    if (!runs) return;
    for (const r of runs) this.cancelRun(r);
    if (!terminate || pod.deletedMs !== null) return;
    const indexes = new Set(runs.map((r) => r.index));
    this.host.state.update(pod, (p) => {
      p.initContainerStatuses = (p.initContainerStatuses ?? []).map((cs, j) => (indexes.has(j) && cs.state === 'running' ? terminated(cs, 137, 'Error', now) : cs));
    });
  }

  /** What the runner remembers of `pod`, relative to `originMs`, for the fast-forward; `''` without sidecars. */
  public memoryOf(pod: SimPod, originMs: number): string {
    const runs = this.runs.get(pod.uid);
    if (!runs) return '';
    return runs.map((r) => `${r.index}:${r.started}:${r.stopping}:${r.backoffSteps}:${r.backoffSteps === 0 ? '' : r.lastBackoffMs - originMs}`
      + `:${r.timer === undefined}:${r.readyTimer === undefined}:${this.host.ledger.runs(pod, r.name, r.behaviour.exitCodes.length)}`).join(',');
  }

  /** Moves what the runner remembers of `pod` `deltaMs` later. */
  public shift(pod: SimPod, deltaMs: number): void {
    for (const r of this.runs.get(pod.uid) ?? []) r.lastBackoffMs += deltaMs;
  }
}
