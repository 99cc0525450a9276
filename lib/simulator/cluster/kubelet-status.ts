/**
 * The pod status the kubelet stand-in (kubelet.ts) writes — terminated container statuses and
 * pod conditions — and how it names a pod in queue labels and events.
 */
import type { EventRecorder } from '../engine/recorder';
import type { SimNode } from './core-objects';
import type { PodNetwork } from './network';
import type { ContainerStatusLite, PodCondition, SimPod } from './objects';

/** `<namespace>/<name>`, for queue event labels. @internal */
export function key(pod: SimPod): string {
  return `${pod.namespace}/${pod.name}`;
}

/** The object reference of `pod` for recorded events. @internal */
export function ref(pod: SimPod) {
  return { kind: 'Pod', namespace: pod.namespace, name: pod.name };
}

/** `cs` terminated now with `exitCode` and `reason`, no longer ready. @internal */
export function terminated(cs: ContainerStatusLite, exitCode: number, reason: string, now: number): ContainerStatusLite {
  return { ...cs, ready: false, state: 'terminated', reason, exitCode, finishedMs: now };
}

/** Sets the status of the named conditions (keeping lastTransitionMs when unchanged) and adds `extra`. @internal */
export function setConditions(
  conditions: readonly PodCondition[], now: number, statuses: Partial<Record<PodCondition['type'], 'True' | 'False'>>, extra?: PodCondition,
): PodCondition[] {
  const out = conditions.map((c) => {
    const s = statuses[c.type];
    if (s === undefined || s === c.status) return c;
    return { type: c.type, status: s, lastTransitionMs: now };
  });
  // Object.entries' pairs, in its order (own enumerable keys), without building them: the kubelet
  // sets conditions on most pod writes.
  for (const k in statuses) {
    if (!Object.prototype.hasOwnProperty.call(statuses, k)) continue;
    const type = k as PodCondition['type'];
    const status = statuses[type] as 'True' | 'False';
    let present = false;
    for (let i = 0; i < out.length; i++) {
      if (out[i].type === type) {
        present = true;
        break;
      }
    }
    if (!present) out.push({ type, status, lastTransitionMs: now });
  }
  if (extra) return [...out.filter((c) => c.type !== extra.type), extra];
  return out;
}

/** Mutates `p` as evicted now (scenario `evictPod`): Failed, reason Evicted, containers killed, a DisruptionTarget condition. @internal */
export function evicted(p: SimPod, now: number): void {
  p.phase = 'Failed';
  p.ready = false;
  p.readySinceMs = null;
  p.reason = 'Evicted';
  p.message = 'The pod was evicted by the scenario (evictPod).';
  p.finishedMs = now;
  p.containerStatuses = p.containerStatuses.map((c) => terminated(c, 137, 'Error', now));
  p.conditions = setConditions(p.conditions, now, { Ready: 'False', ContainersReady: 'False' }, {
    type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: 'The pod was evicted by the scenario (evictPod).', lastTransitionMs: now,
  });
}

/**
 * The pod's IP once its sandbox is created on `node`, or null when the node's range is exhausted
 * (a Warning `FailedCreatePodSandBox` is recorded; the pod waits for a free address). @internal
 */
export function sandboxIp(pod: SimPod, node: SimNode, network: PodNetwork, recorder: EventRecorder): string | null {
  if (pod.ip !== null) return pod.ip;
  if (pod.spec.hostNetwork === true) {
    // A hostNetwork pod gets no sandbox IP: the kubelet reports its node's IP (InternalIP) as the
    // pod IP (`pkg/kubelet/kubelet_pods.go` generateAPIPodStatus: `if
    // kubecontainer.IsHostNetworkPod(pod) && s.PodIP == "" { s.PodIP = hostIPs[0].String() }`),
    // so every hostNetwork pod on a node shares that address.
    return node.internalIP;
  }
  const ip = network.allocate(node) ?? null;
  if (ip === null) {
    // CNI host-local IPAM: "failed to allocate for range 0: no IP addresses available in range set".
    recorder.event(ref(pod), 'Warning', 'FailedCreatePodSandBox',
      `Failed to create pod sandbox: failed to allocate for range 0: no IP addresses available in range set: 10.244.${node.index}.1-10.244.${node.index}.254`);
  }
  return ip;
}

/** `v1.DefaultTerminationGracePeriodSeconds` (SetDefaults_PodSpec): 30 s. @internal */
export const DEFAULT_TERMINATION_GRACE_MS = 30_000;

/**
 * The grace period of a pod's deletion, ms: the delete call's (`pod.graceMs`, e.g. 0 when force-
 * deleted), else the spec's `terminationGracePeriodSeconds` (a negative value is treated as 1, as
 * the API server warns), else 30 s (`pkg/registry/core/pod/strategy.go` CheckGracefulDelete). @internal
 */
export function gracePeriodMs(pod: SimPod): number {
  if (pod.graceMs !== null) return pod.graceMs;
  const s = pod.spec.terminationGracePeriodSeconds;
  if (typeof s !== 'number') return DEFAULT_TERMINATION_GRACE_MS;
  return (s < 0 ? 1 : s) * 1000;
}

/** Mutates `p` as ended now: phase from the main containers' `code` (Succeeded on 0, else Failed), every main container terminated. @internal */
export function ended(p: SimPod, code: number, now: number): void {
  p.phase = code === 0 ? 'Succeeded' : 'Failed';
  p.ready = false;
  p.readySinceMs = null;
  p.finishedMs = now;
  p.containerStatuses = p.containerStatuses.map((cs) => (cs.state === 'terminated' ? cs : terminated(cs, code, code === 0 ? 'Completed' : 'Error', now)));
  p.conditions = setConditions(p.conditions, now, { ContainersReady: 'False', Ready: 'False' });
}

/**
 * Mutates `p`'s readiness: the main containers' `ready`, and the pod's Ready / ContainersReady
 * `podReady` (which also needs every sidecar ready). @internal
 */
export function readiness(p: SimPod, ready: boolean, podReady: boolean, now: number): void {
  p.ready = podReady;
  p.readySinceMs = podReady ? now : null;
  if (podReady && p.readyMs === null) p.readyMs = now;
  p.containerStatuses = p.containerStatuses.map((cs) => ({ ...cs, ready }));
  const s = podReady ? 'True' : 'False';
  p.conditions = setConditions(p.conditions, now, { ContainersReady: s, Ready: s });
}

/** Mutates `p` as its main containers exited with `code` and restart after `delay` ms (CrashLoopBackOff while waiting). @internal */
export function crashed(p: SimPod, code: number, reason: string, delay: number, now: number): void {
  p.ready = false;
  p.readySinceMs = null;
  p.containerStatuses = p.containerStatuses.map((cs) => ({ ...terminated(cs, code, reason, now), state: delay > 0 ? 'waiting' : 'terminated', reason: delay > 0 ? 'CrashLoopBackOff' : reason }));
  p.conditions = setConditions(p.conditions, now, { ContainersReady: 'False', Ready: 'False' });
}
