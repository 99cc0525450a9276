/**
 * The pod model: phase, conditions, container statuses, timeline snapshots, and the pod helpers.
 */
import type { PodSpec } from './api-shapes';
import type { SimObjectBase } from './object-meta';

// ---------------------------------------------------------------------------------------------
// Pods
// ---------------------------------------------------------------------------------------------

/** Pod phases. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** A pod condition. */
export interface PodCondition {
  /** Condition type. */
  readonly type: 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready' | 'DisruptionTarget';
  /** `True` or `False`. */
  readonly status: 'True' | 'False';
  /** Machine-readable reason, e.g. `Unschedulable`. */
  readonly reason?: string;
  /** Human-readable message. */
  readonly message?: string;
  /** When the status last changed, simulated ms. */
  readonly lastTransitionMs: number;
}

/** A lite container status. */
export interface ContainerStatusLite {
  /** Container name. */
  readonly name: string;
  /** Image. */
  readonly image: string;
  /** Whether the container is ready. */
  ready: boolean;
  /** Restarts so far. */
  restartCount: number;
  /** Current state. */
  state: 'waiting' | 'running' | 'terminated';
  /** e.g. `ContainerCreating`, `CrashLoopBackOff`, `Completed`, `Error`. */
  reason: string | null;
  /** Exit code of the last termination, or null. */
  exitCode: number | null;
  /** Start of the current (or last) run, simulated ms. */
  startedMs: number | null;
  /** End of the last run, simulated ms. */
  finishedMs: number | null;
}

/**
 * One snapshot in a pod's {@link SimPod.timeline}, appended by the store whenever phase,
 * readiness, node, IP, restarts or deletion change. Enough to replay the pod (DNS at a past
 * instant, timeline pictures).
 */
export interface PodTransition {
  /** When, simulated ms. */
  readonly atMs: number;
  /** Phase from then on. */
  readonly phase: PodPhase;
  /** Ready from then on. */
  readonly ready: boolean;
  /** Node from then on. */
  readonly nodeName: string | null;
  /** IP from then on. */
  readonly ip: string | null;
  /** Restarts so far. */
  readonly restarts: number;
  /** Whether deletion had been requested. */
  readonly terminating: boolean;
}

/** A pod. */
export interface SimPod extends SimObjectBase {
  /** Always `Pod`. */
  readonly kind: 'Pod';
  /**
   * The PodSpec as created (the template after controller mutations: hostname, subdomain,
   * claim volumes, tolerations, affinity). `spec.nodeName` is not kept here; see {@link nodeName}.
   */
  spec: PodSpec;
  /** Bound node, or null while unscheduled. */
  nodeName: string | null;
  /** Phase. */
  phase: PodPhase;
  /** The Ready condition, as a boolean. */
  ready: boolean;
  /** Container restarts (sum over containers). */
  restarts: number;
  /** Pod IP once the sandbox runs, or null. */
  ip: string | null;
  /** status.reason, e.g. `Evicted`, or null. */
  reason: string | null;
  /** status.message, or null. */
  message: string | null;
  /** Conditions. */
  conditions: PodCondition[];
  /** Per-container status. */
  containerStatuses: ContainerStatusLite[];
  /** Init container statuses, set by the kubelet once the sandbox is up. @default - none */
  initContainerStatuses?: ContainerStatusLite[];
  /** Bound to a node, simulated ms. */
  scheduledMs: number | null;
  /** First container start (phase Running), simulated ms. */
  startedMs: number | null;
  /** First time Ready, simulated ms. */
  readyMs: number | null;
  /** Start of the current Ready period (for minReadySeconds availability), or null when not Ready. */
  readySinceMs: number | null;
  /** Container end when the pod finished (Succeeded/Failed) or was killed, simulated ms. */
  finishedMs: number | null;
  /** Grace period applied at deletion, ms, or null. */
  graceMs: number | null;
  /** State snapshots, oldest first; see {@link PodTransition}. */
  timeline: PodTransition[];
}

/** Whether the pod reached a terminal phase. */
export function isPodTerminal(pod: Pick<SimPod, 'phase'>): boolean {
  return pod.phase === 'Succeeded' || pod.phase === 'Failed';
}

/** The first container's image, or `''`. */
export function podImage(pod: Pick<SimPod, 'spec'>): string {
  return pod.spec.containers?.[0]?.image ?? '';
}
