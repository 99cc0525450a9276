/**
 * Drafts: the fields a writer supplies to `ClusterState.create`. The store fills uid, name (from
 * `generateName`), resourceVersion and timestamps, then runs admission (admission.ts).
 */
import {
  defaultCronJobSpec, defaultDaemonSetSpec, defaultJobSpec, defaultServiceSpec, defaultStatefulSetSpec,
  emptyCronJobStatus, emptyDaemonSetStatus, emptyJobStatus, emptyStatefulSetStatus,
} from './defaults';
import type { PersistentVolumeClaimSpec, PodSpec, ServiceSpec, TaintEffect } from './api-shapes';
import type { SimCarriedObject, SimNode, SimPvc, SimService } from './core-objects';
import type { CarriedKind, OwnerReference } from './object-meta';
import type { SimObject } from './objects';
import type { SimPod } from './pod-object';
import type { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from './workload-objects';
import { cpuMilli, memoryBytes } from './quantity';

/** Fields the store assigns. */
export type SystemField = 'uid' | 'name' | 'resourceVersion' | 'createdMs' | 'deletionMs' | 'deletedMs' | 'index' | 'internalIP' | 'clusterIP' | 'timeline';

/** What a writer passes to `ClusterState.create` for object type `T`: either `name` or `generateName`. */
export type Draft<T extends SimObject> = T extends SimObject
  ? Omit<T, SystemField> & { readonly name?: string; readonly generateName?: string }
  : never;

/** Metadata a draft may carry. */
export interface DraftMeta {
  /** Namespace (`''` for cluster-scoped). */
  readonly namespace: string;
  /** Fixed name; or give `generateName`. */
  readonly name?: string;
  /** Prefix for a generated name (`<prefix><5 random chars>`). */
  readonly generateName?: string;
  /** Labels. @default - none */
  readonly labels?: Record<string, string>;
  /** Annotations. @default - none */
  readonly annotations?: Record<string, string>;
  /** Owner references. @default - none */
  readonly ownerReferences?: OwnerReference[];
  /** Finalizers. @default - none */
  readonly finalizers?: string[];
}

function meta(m: DraftMeta) {
  const copied = {
    labels: { ...(m.labels ?? {}) },
    annotations: { ...(m.annotations ?? {}) },
    ownerReferences: [...(m.ownerReferences ?? [])],
    finalizers: [...(m.finalizers ?? [])],
  };
  // One literal per case instead of conditional spreads (a controller builds a draft per pod/Job).
  if (m.name !== undefined) {
    return m.generateName !== undefined
      ? { namespace: m.namespace, name: m.name, generateName: m.generateName, ...copied }
      : { namespace: m.namespace, name: m.name, ...copied };
  }
  return m.generateName !== undefined ? { namespace: m.namespace, generateName: m.generateName, ...copied } : { namespace: m.namespace, ...copied };
}

/** A new, unscheduled pod (phase Pending) with `spec`. */
export function podDraft(m: DraftMeta & { readonly spec: PodSpec }): Draft<SimPod> {
  return podDraftWith(meta(m), m.spec);
}

/**
 * @internal
 * {@link podDraft} taking `m`'s labels, annotations, owner references and finalizers as they are
 * (the caller built them for this pod, or shares maps that writers replace rather than edit, as the
 * store requires) instead of copying each of them again.
 */
export function ownedPodDraft(m: DraftMeta & { readonly spec: PodSpec }): Draft<SimPod> {
  const owned = {
    labels: m.labels ?? {}, annotations: m.annotations ?? {}, ownerReferences: m.ownerReferences ?? [], finalizers: m.finalizers ?? [],
  };
  const named = m.name !== undefined
    ? (m.generateName !== undefined
      ? { namespace: m.namespace, name: m.name, generateName: m.generateName, ...owned }
      : { namespace: m.namespace, name: m.name, ...owned })
    : m.generateName !== undefined ? { namespace: m.namespace, generateName: m.generateName, ...owned } : { namespace: m.namespace, ...owned };
  return podDraftWith(named, m.spec);
}

function podDraftWith(metadata: ReturnType<typeof meta>, spec: PodSpec): Draft<SimPod> {
  return {
    kind: 'Pod', apiVersion: 'v1', ...metadata,
    spec,
    nodeName: null, phase: 'Pending', ready: false, restarts: 0, ip: null, reason: null, message: null,
    conditions: [],
    containerStatuses: (spec.containers ?? []).map((c) => ({
      name: c.name, image: c.image ?? '', ready: false, restartCount: 0, state: 'waiting' as const, reason: 'ContainerCreating',
      exitCode: null, startedMs: null, finishedMs: null,
    })),
    scheduledMs: null, startedMs: null, readyMs: null, readySinceMs: null, finishedMs: null, graceMs: null,
  };
}

/** A claim (bound at once: no provisioner is modelled). */
export function pvcDraft(m: DraftMeta & { readonly spec: PersistentVolumeClaimSpec }): Draft<SimPvc> {
  return { kind: 'PersistentVolumeClaim', apiVersion: 'v1', ...meta(m), spec: m.spec, phase: 'Bound' };
}

/** A Service; `type` defaults to ClusterIP, the cluster IP is allocated by the store. */
export function serviceDraft(m: DraftMeta & { readonly spec: ServiceSpec }): Draft<SimService> {
  return { kind: 'Service', apiVersion: 'v1', ...meta(m), spec: defaultServiceSpec(m.spec as ServiceSpec & Record<string, unknown>) };
}

/** A StatefulSet with the API server's defaults applied to `spec`. */
export function statefulSetDraft(m: DraftMeta & { readonly spec: Record<string, unknown> }): Draft<SimStatefulSet> {
  return { kind: 'StatefulSet', apiVersion: 'apps/v1', ...meta(m), generation: 1, spec: defaultStatefulSetSpec(m.spec), status: emptyStatefulSetStatus() };
}

/** A DaemonSet with the API server's defaults applied to `spec`. */
export function daemonSetDraft(m: DraftMeta & { readonly spec: Record<string, unknown> }): Draft<SimDaemonSet> {
  return { kind: 'DaemonSet', apiVersion: 'apps/v1', ...meta(m), generation: 1, spec: defaultDaemonSetSpec(m.spec), status: emptyDaemonSetStatus() };
}

/** A Job with the API server's defaults applied to `spec` (the selector is generated at creation). */
export function jobDraft(m: DraftMeta & { readonly spec: Record<string, unknown> }): Draft<SimJob> {
  return { kind: 'Job', apiVersion: 'batch/v1', ...meta(m), generation: 1, spec: defaultJobSpec(m.spec), status: emptyJobStatus() };
}

/** A CronJob with the API server's defaults applied to `spec`. */
export function cronJobDraft(m: DraftMeta & { readonly spec: Record<string, unknown> }): Draft<SimCronJob> {
  return { kind: 'CronJob', apiVersion: 'batch/v1', ...meta(m), generation: 1, spec: defaultCronJobSpec(m.spec), status: emptyCronJobStatus() };
}

/** An object carried without behaviour. */
export function carriedDraft(kind: CarriedKind, apiVersion: string, m: DraftMeta & { readonly body: Record<string, unknown> }): Draft<SimCarriedObject> {
  return { kind, apiVersion, ...meta(m), body: m.body };
}

/** A node as the scenario's `cluster.nodes` (and the `addNode` step) describe it. */
export interface NodeInput {
  /** Node name. */
  readonly name: string;
  /** Extra labels. The standard `kubernetes.io/hostname`, `kubernetes.io/os: linux` and `kubernetes.io/arch: amd64` are always set. @default - none */
  readonly labels?: Record<string, string>;
  /** Taints. @default - none */
  readonly taints?: ReadonlyArray<{ readonly key: string; readonly value?: string; readonly effect: TaintEffect }>;
  /** Allocatable resources. @default - cpu 4, memory 16Gi, pods 110 */
  readonly capacity?: { readonly cpu?: string | number; readonly memory?: string | number; readonly pods?: number };
  /** Cordoned from the start. @default false */
  readonly unschedulable?: boolean;
}

/** Default allocatable resources of a node: 4 CPUs, 16Gi, 110 pods (the kubelet's default `maxPods`). */
export const DEFAULT_NODE_CAPACITY = { cpu: '4', memory: '16Gi', pods: 110 } as const;

/** A node draft from a {@link NodeInput}. */
export function nodeDraft(input: NodeInput, atMs = 0): Draft<SimNode> {
  const cap = input.capacity ?? {};
  const unschedulable = input.unschedulable ?? false;
  const taints = (input.taints ?? []).map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect, addedMs: atMs }));
  if (unschedulable && !taints.some((t) => t.key === 'node.kubernetes.io/unschedulable')) {
    taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', addedMs: atMs });
  }
  return {
    kind: 'Node', apiVersion: 'v1', namespace: '', name: input.name,
    labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': input.name, 'kubernetes.io/os': 'linux', ...(input.labels ?? {}) },
    annotations: {}, ownerReferences: [], finalizers: [],
    taints,
    capacity: {
      cpuMilli: cpuMilli(cap.cpu ?? DEFAULT_NODE_CAPACITY.cpu),
      memoryBytes: memoryBytes(cap.memory ?? DEFAULT_NODE_CAPACITY.memory),
      pods: cap.pods ?? DEFAULT_NODE_CAPACITY.pods,
    },
    unschedulable,
  };
}
