/**
 * Stopping a running pod's containers in the kubelet stand-in (kubelet.ts), on deletion and, for a
 * pod with sidecars, when its main containers are done.
 *
 * - deletion (`pkg/kubelet/kuberuntime/kuberuntime_container.go#killContainersWithSyncResult`):
 *   the running containers get SIGTERM (`Killing`) and stop after the profile's `stopAfter`, or are
 *   killed (137) at the grace period; from 1.29 sidecars wait for the main containers and then stop
 *   one at a time in reverse order (kubernetes#120620, `kuberuntime_termination_order.go`), in 1.28
 *   they stop with the rest;
 * - completion with sidecars (KEP-753): the main containers have exited for good, so the sidecars
 *   are stopped, and the pod's phase is written once they are down (kubernetes#115331).
 */
import { EventPriority, EventQueue } from '../engine/event-queue';
import type { EventRecorder } from '../engine/recorder';
import type { FeatureGates } from '../../versions/feature-gates';
import type { ClusterState } from './cluster-state';
import type { PodRuntime } from './kubelet-runtime';
import type { SidecarRunner } from './kubelet-sidecars';
import { gracePeriodMs, key, readiness, ref, terminated } from './kubelet-status';
import type { SimPod } from './pod-object';

/** What termination needs from the kubelet. @internal */
export interface TerminationHost {
  readonly state: ClusterState;
  readonly queue: EventQueue;
  readonly recorder: EventRecorder;
  readonly gates: FeatureGates;
  readonly sidecars: SidecarRunner;
  /** Everything is down: the pod ends (Failed unless already terminal) with `code` for what still ran. */
  stopped(pod: SimPod, code: number): void;
}

/** Sidecars stop after the main containers, one by one (1.29+, kubernetes#120620). */
function orderedTermination(h: TerminationHost): boolean {
  return h.gates.version.minor >= 29;
}

/** SIGTERM to the running containers of `pod` (being deleted), then `stopped` when they are down or killed. @internal */
export function terminateContainers(h: TerminationHost, pod: SimPod, rt: PodRuntime): void {
  const ordered = orderedTermination(h) && pod.phase === 'Running' && h.sidecars.hasRunning(pod);
  let stopping: ReadonlyArray<{ readonly name: string }> = rt.initIndex >= 0 ? [rt.behaviour.initContainers[rt.initIndex]] : pod.spec.containers ?? [];
  // With sidecars the main containers may have exited already (the pod completing): no SIGTERM for them.
  if (rt.initIndex < 0 && h.sidecars.has(pod)) stopping = stopping.filter((c) => pod.containerStatuses.find((cs) => cs.name === c.name)?.state !== 'terminated');
  // A sidecar still starting (startupProbe) is both the current init container and a running sidecar.
  const names = [...new Set([...stopping.map((c) => c.name), ...(ordered ? [] : h.sidecars.runningNames(pod))])];
  for (const n of names) h.recorder.event(ref(pod), 'Normal', 'Killing', `Stopping container ${n}`);
  if (!ordered) h.sidecars.halt(pod, h.state.nowMs(), false);
  const [grace, stop] = [gracePeriodMs(pod), rt.behaviour.terminationGraceMs]; // killed (SIGKILL, 137) at the grace period
  rt.timer = h.queue.schedule(h.state.nowMs() + Math.min(stop, grace), EventPriority.KUBELET, `kubelet stopped ${key(pod)}`, () => {
    rt.timer = undefined;
    if (!ordered || stop >= grace) return h.stopped(pod, stop > grace ? 137 : 143);
    const now = h.state.nowMs();
    h.state.update(pod, (p) => {
      p.containerStatuses = p.containerStatuses.map((cs) => (cs.state === 'running' ? terminated(cs, 143, 'Error', now) : cs));
    });
    h.sidecars.stop(pod, stop, grace - stop, true, () => h.stopped(pod, 143));
  });
}

/**
 * The main containers exited with `code` for good while sidecars run: they are marked terminated,
 * the pod is no longer ready, the sidecars are stopped, then `end` writes the phase. @internal
 */
export function completeWithSidecars(h: TerminationHost, pod: SimPod, rt: PodRuntime, code: number, end: () => void): void {
  const now = h.state.nowMs();
  h.state.update(pod, (p) => {
    readiness(p, false, false, now);
    p.containerStatuses = p.containerStatuses.map((cs) => terminated(cs, code, code === 0 ? 'Completed' : 'Error', now));
  });
  h.sidecars.stop(pod, rt.behaviour.terminationGraceMs, gracePeriodMs(pod), orderedTermination(h), end);
}

/** Mutates `p` as stopped now after a deletion: Failed, what still ran terminated with `code`. @internal */
export function stoppedStatus(p: SimPod, code: number, now: number): void {
  const started = p.phase === 'Running';
  p.phase = 'Failed';
  p.ready = false;
  p.readySinceMs = null;
  if (started) p.finishedMs = now;
  p.containerStatuses = p.containerStatuses.map((cs) => (cs.state === 'running' ? terminated(cs, code, 'Error', now) : cs));
  if (p.initContainerStatuses) p.initContainerStatuses = p.initContainerStatuses.map((cs) => (cs.state === 'running' ? terminated(cs, code, 'Error', now) : cs));
}
