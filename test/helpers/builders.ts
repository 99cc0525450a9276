/**
 * Builders for simulator tests (kubernetes `pkg/controller/statefulset/fakes.go`
 * `newStatefulSet(replicas)` style): drafts of workloads, pods, nodes and services with fixed,
 * readable names, plus a small store harness with a settable clock.
 *
 * ```ts
 * const h = harness();                                   // store + clock, no controllers
 * const set = h.add(newStatefulSet('web', 3));           // StatefulSet draft → stored object
 * const pod = h.add(newPod('web-0', { owner: set, labels: { app: 'web' } }));
 * h.setPod(pod, { phase: 'Running', ready: true, node: 'worker1' });
 * h.setNow(seconds(30));
 * ```
 */
import { ClusterState } from '../../lib/simulator/cluster/cluster-state';
import { ClusterStateOptions } from '../../lib/simulator/cluster/store-types';
import {
  cronJobDraft, daemonSetDraft, Draft, jobDraft, NodeInput, nodeDraft, podDraft, pvcDraft, serviceDraft, statefulSetDraft,
} from '../../lib/simulator/cluster/factories';
import { Container, PodSpec, PodTemplateSpec, Toleration } from '../../lib/simulator/cluster/api-shapes';
import { SimPvc, SimService } from '../../lib/simulator/cluster/core-objects';
import { newControllerRef, SimObjectBase } from '../../lib/simulator/cluster/object-meta';
import { ObjectOfKind, SimObject } from '../../lib/simulator/cluster/objects';
import { PodPhase, SimPod } from '../../lib/simulator/cluster/pod-object';
import { SimCronJob, SimDaemonSet, SimJob, SimStatefulSet } from '../../lib/simulator/cluster/workload-objects';
import { Rng } from '../../lib/simulator/engine/rng';

/** Options for a pod template. */
export interface TemplateOptions {
  /** Template labels. @default { app: <name> } */
  readonly labels?: Record<string, string>;
  /** First container's image. @default nginx:1.25 */
  readonly image?: string;
  /** Containers (overrides `image`). */
  readonly containers?: Container[];
  /** restartPolicy. @default - unset (Always at pod creation) */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** Tolerations. */
  readonly tolerations?: Toleration[];
  /** nodeSelector. */
  readonly nodeSelector?: Record<string, string>;
  /** Extra pod spec fields. */
  readonly spec?: Partial<PodSpec>;
}

/** A pod template `{ metadata: { labels }, spec: { containers: [{ name: 'app', image }] } }`. */
export function podTemplate(name: string, o: TemplateOptions = {}): PodTemplateSpec {
  return {
    metadata: { labels: o.labels ?? { app: name } },
    spec: {
      containers: o.containers ?? [{ name: 'app', image: o.image ?? 'nginx:1.25' }],
      ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.spec ?? {}),
    },
  };
}

/** StatefulSet options (raw spec fields, defaults applied as the API server would). */
export interface StatefulSetOptions extends TemplateOptions {
  /** Namespace. @default default */
  readonly namespace?: string;
  /** spec.serviceName. @default <name> */
  readonly serviceName?: string;
  /** Extra spec fields (podManagementPolicy, updateStrategy, volumeClaimTemplates, …). */
  readonly extra?: Record<string, unknown>;
}

/** A StatefulSet draft selecting `app: <name>`. */
export function newStatefulSet(name: string, replicas: number, o: StatefulSetOptions = {}): Draft<SimStatefulSet> {
  const template = podTemplate(name, o);
  return statefulSetDraft({
    namespace: o.namespace ?? 'default', name,
    spec: { replicas, serviceName: o.serviceName ?? name, selector: { matchLabels: template.metadata!.labels }, template, ...(o.extra ?? {}) },
  });
}

/** A DaemonSet draft selecting `app: <name>`. */
export function newDaemonSet(name: string, o: StatefulSetOptions = {}): Draft<SimDaemonSet> {
  const template = podTemplate(name, o);
  return daemonSetDraft({ namespace: o.namespace ?? 'default', name, spec: { selector: { matchLabels: template.metadata!.labels }, template, ...(o.extra ?? {}) } });
}

/** A Job draft (restartPolicy Never unless given). */
export function newJob(name: string, o: StatefulSetOptions = {}): Draft<SimJob> {
  const template = podTemplate(name, { restartPolicy: 'Never', ...o });
  return jobDraft({ namespace: o.namespace ?? 'default', name, spec: { template, ...(o.extra ?? {}) } });
}

/** A CronJob draft (job template restartPolicy Never unless given). */
export function newCronJob(name: string, schedule: string, o: StatefulSetOptions = {}): Draft<SimCronJob> {
  const template = podTemplate(name, { restartPolicy: 'Never', ...o });
  return cronJobDraft({ namespace: o.namespace ?? 'default', name, spec: { schedule, jobTemplate: { spec: { template } }, ...(o.extra ?? {}) } });
}

/** Pod options. */
export interface PodOptions extends TemplateOptions {
  /** Namespace. @default default */
  readonly namespace?: string;
  /** Controller owner (adds a controller ownerReference). */
  readonly owner?: SimObjectBase;
}

/** A pod draft. */
export function newPod(name: string, o: PodOptions = {}): Draft<SimPod> {
  const t = podTemplate(name, o);
  return podDraft({
    namespace: o.namespace ?? 'default', name, labels: t.metadata!.labels, spec: t.spec!,
    ownerReferences: o.owner ? [newControllerRef(o.owner)] : [],
  });
}

/** A node input (`cluster.nodes` entry). */
export function newNode(name: string, o: Omit<NodeInput, 'name'> = {}): NodeInput {
  return { name, ...o };
}

/** A Service draft; `headless` sets clusterIP None. */
export function newService(name: string, selector: Record<string, string>, o: { namespace?: string; headless?: boolean; publishNotReadyAddresses?: boolean } = {}): Draft<SimService> {
  return serviceDraft({
    namespace: o.namespace ?? 'default', name,
    spec: { selector, ports: [{ port: 80 }], ...(o.headless ? { clusterIP: 'None' } : {}), ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}) },
  });
}

/** A claim draft. */
export function newPvc(name: string, o: { namespace?: string; labels?: Record<string, string> } = {}): Draft<SimPvc> {
  return pvcDraft({ namespace: o.namespace ?? 'default', name, labels: o.labels, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
}

/** The state a test wants a pod in. */
export interface PodState {
  /** Phase. */
  readonly phase?: PodPhase;
  /** Ready (sets readyMs/readySinceMs to now when true, unless given). */
  readonly ready?: boolean;
  /** Start of the current Ready period. */
  readonly readySinceMs?: number | null;
  /** Node. */
  readonly node?: string;
  /** IP. */
  readonly ip?: string;
  /** Mark deletion requested (terminating) at now. */
  readonly terminating?: boolean;
  /** Labels (replaces). */
  readonly labels?: Record<string, string>;
}

/** A store with a settable clock, for reconcile tests without a full Simulation. */
export class Harness {
  /** Current simulated ms. */
  public now = 0;
  /** The store. */
  public readonly state: ClusterState;
  /** A seeded rng. */
  public readonly rng = new Rng(1);

  /**
   * @param nodes nodes to create at t=0
   * @param startEpochMs wall-clock instant of simulated time 0 (for `ctx.clock.epochMs`)
   * @param store history options of the store (`history`, `keepDeleted`)
   */
  public constructor(
    nodes: readonly NodeInput[] = [newNode('worker1'), newNode('worker2'), newNode('worker3')],
    public readonly startEpochMs = Date.UTC(2024, 0, 1),
    store: Pick<ClusterStateOptions, 'history' | 'keepDeleted'> = {},
  ) {
    this.state = new ClusterState({ now: () => this.now, nameSuffix: () => this.rng.nameSuffix(), ...store });
    for (const n of nodes) this.state.create(nodeDraft(n));
  }

  /** Sets the clock (forward or backward: tests only). */
  public setNow(ms: number): void {
    this.now = ms;
  }

  /** Stores a draft and returns the object. */
  public add<D extends Draft<SimObject>>(draft: D): ObjectOfKind<D['kind']> {
    return this.state.create(draft);
  }

  /** Puts a pod into the given state (bypassing the kubelet). */
  public setPod(pod: SimPod, s: PodState): SimPod {
    this.state.update(pod, (p) => {
      if (s.node !== undefined) {
        p.nodeName = s.node;
        p.scheduledMs = p.scheduledMs ?? this.now;
      }
      if (s.phase !== undefined) {
        p.phase = s.phase;
        if (s.phase === 'Running') p.startedMs = p.startedMs ?? this.now;
      }
      if (s.ip !== undefined) p.ip = s.ip;
      if (s.ready !== undefined) {
        p.ready = s.ready;
        p.readySinceMs = s.ready ? (s.readySinceMs ?? this.now) : null;
        if (s.ready && p.readyMs === null) p.readyMs = p.readySinceMs;
      }
      if (s.labels !== undefined) p.labels = { ...s.labels };
      if (s.terminating) {
        p.deletionMs = this.now;
        p.graceMs = null;
      }
    });
    return pod;
  }
}

/** A new {@link Harness}. */
export function harness(nodes?: readonly NodeInput[], startEpochMs?: number): Harness {
  return new Harness(nodes, startEpochMs);
}
