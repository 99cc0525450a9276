/**
 * What a user (kubectl) does to the cluster during a scenario: the step kinds of DESIGN.md. Each
 * method acts at the current simulated time; the scenario runner calls them from queue events at
 * USER priority, and tests may call them between `runUntil` calls. The controllers react to the
 * resulting store changes — steps that concern DaemonSets, Jobs or CronJobs only change the store.
 */
import { ApiError, notFound } from '../apiserver/api-errors';
import { ownerChain } from './cluster/behaviours';
import type { ClusterState } from './cluster/cluster-state';
import {
  defaultCronJobSpec, defaultDaemonSetSpec, defaultJobSpec, defaultServiceSpec, defaultStatefulSetSpec,
} from './cluster/defaults';
import { NodeInput, nodeDraft } from './cluster/factories';
import { faultInjectorOf, RequestFaultRule } from './cluster/fault-injection';
import type { Kubelet } from './cluster/kubelet';
import { globMatch } from '../apiserver/labels';
import { Taint, TaintEffect } from './cluster/api-shapes';
import { NodeConditionStatus, NodeConditionType, SimNode } from './cluster/core-objects';
import { CLUSTER_SCOPED_KINDS, SimKind } from './cluster/object-meta';
import { SimObject } from './cluster/objects';
import { SimPod } from './cluster/pod-object';
import { UNSCHEDULABLE_TAINT_KEY } from './cluster/taints';
import type { UpdateValidator } from '../apiserver/update-validation';
import { deepEqual } from '../util/deep-equal';

/** Which pods a pod step targets. A plain string is a name glob. */
export interface PodSelector {
  /** Name glob (`*`, `?`). @default - any name */
  readonly name?: string;
  /** `Kind/name` of an owner up the owner chain (`StatefulSet/web`, `CronJob/backup`). @default - any owner */
  readonly owner?: string;
  /** Node name. @default - any node */
  readonly node?: string;
  /** Namespace. @default - every namespace */
  readonly namespace?: string;
}

/** A workload kind that can be scaled, patched or have its image set. */
export type WorkloadKind = 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** The user's actions. */
export class UserActions {
  /**
   * @param state the store
   * @param kubelet the kubelet (pod-level actions)
   * @param pause pauses a controller by name for ms
   * @param validateUpdate API-server checks for updates (patch, scale, setImage)
   */
  public constructor(
    private readonly state: ClusterState,
    private readonly kubelet: Kubelet,
    private readonly pause: (name: string, forMs: number) => void,
    private readonly validateUpdate?: UpdateValidator,
  ) {}

  /** Live pods matching `selector`, in creation order. */
  public selectPods(selector: PodSelector | string): SimPod[] {
    const s: PodSelector = typeof selector === 'string' ? { name: selector } : selector;
    return this.state.list('Pod').filter((p) => (s.name === undefined || globMatch(s.name, p.name))
      && (s.namespace === undefined || p.namespace === s.namespace)
      && (s.node === undefined || p.nodeName === s.node)
      && (s.owner === undefined || ownerMatches(s.owner, p, this.state)));
  }

  /** Namespace and name of every live object of `kind` (for did-you-mean messages). */
  public names(kind: SimKind): Array<{ namespace: string; name: string }> {
    return this.state.list(kind).map((o) => ({ namespace: o.namespace, name: o.name }));
  }

  /** `kubectl scale`: sets `spec.replicas` of a StatefulSet. */
  public scale(kind: WorkloadKind, namespace: string, name: string, replicas: number): void {
    if (kind !== 'StatefulSet') throw new ApiError('NotFound', `the server could not find the requested resource: ${kind} has no scale subresource`);
    this.patch(kind, namespace, name, { spec: { replicas } });
  }

  /** `kubectl delete pod`: requests deletion of every matching live pod not already terminating; returns how many. */
  public deletePods(selector: PodSelector | string): number {
    const pods = this.selectPods(selector).filter((p) => p.deletionMs === null);
    for (const p of pods) this.state.requestDeletion(p);
    return pods.length;
  }

  /** `kubectl set image`: sets one container's image in the pod template. */
  public setImage(kind: WorkloadKind, namespace: string, name: string, container: string, image: string): void {
    const obj = this.workload(kind, namespace, name);
    const template = kind === 'CronJob'
      ? (obj.spec as { jobTemplate: { spec?: { template?: { spec?: { containers?: Array<{ name: string }> } } } } }).jobTemplate.spec?.template
      : (obj.spec as { template?: { spec?: { containers?: Array<{ name: string }> } } }).template;
    const containers = template?.spec?.containers ?? [];
    const index = containers.findIndex((c) => c.name === container);
    if (index < 0) {
      throw new ApiError('Invalid', `${kind} ${namespace}/${name} has no container "${container}" (containers: ${containers.map((c) => c.name).join(', ')})`);
    }
    const patched = containers.map((c, i) => (i === index ? { ...c, image } : c));
    const patch = kind === 'CronJob'
      ? { spec: { jobTemplate: { spec: { template: { spec: { containers: patched } } } } } }
      : { spec: { template: { spec: { containers: patched } } } };
    this.patch(kind, namespace, name, patch);
  }

  /** Adds a node. */
  public addNode(input: NodeInput): SimNode {
    return this.state.create(nodeDraft(input, this.state.nowMs()));
  }

  /** Deletes a node; the pod GC removes its pods. */
  public removeNode(name: string): void {
    this.state.requestDeletion(this.node(name));
  }

  /** `kubectl cordon`: spec.unschedulable and the `node.kubernetes.io/unschedulable:NoSchedule` taint. */
  public cordon(name: string): void {
    const node = this.node(name);
    if (node.unschedulable) return;
    const now = this.state.nowMs();
    this.state.update(node, (n) => {
      n.unschedulable = true;
      if (!n.taints.some((t) => t.key === UNSCHEDULABLE_TAINT_KEY)) n.taints = [...n.taints, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', addedMs: now }];
    });
  }

  /** `kubectl uncordon`. */
  public uncordon(name: string): void {
    const node = this.node(name);
    if (!node.unschedulable) return;
    this.state.update(node, (n) => {
      n.unschedulable = false;
      n.taints = n.taints.filter((t) => t.key !== UNSCHEDULABLE_TAINT_KEY);
    });
  }

  /** `kubectl taint nodes <node> key=value:effect` (replaces a taint with the same key and effect). */
  public taint(nodeName: string, key: string, value: string | undefined, effect: TaintEffect): void {
    const node = this.node(nodeName);
    const taint: Taint = { key, ...(value !== undefined ? { value } : {}), effect, addedMs: this.state.nowMs() };
    this.state.update(node, (n) => {
      n.taints = [...n.taints.filter((t) => !(t.key === key && t.effect === effect)), taint];
    });
  }

  /** `kubectl taint nodes <node> key[:effect]-`: removes taints with the key (and effect, if given). */
  public untaint(nodeName: string, key: string, effect?: TaintEffect): void {
    const node = this.node(nodeName);
    const kept = node.taints.filter((t) => !(t.key === key && (effect === undefined || t.effect === effect)));
    if (kept.length === node.taints.length) return;
    this.state.update(node, (n) => {
      n.taints = kept;
    });
  }

  /**
   * A node condition changes (scenario `nodeCondition`) — what the kubelet reports (Ready False, a
   * pressure condition True), or what the node lifecycle controller concludes when heartbeats stop
   * (Ready Unknown). The node lifecycle controller reacts to it.
   */
  public nodeCondition(name: string, type: NodeConditionType, status: NodeConditionStatus): void {
    const node = this.node(name);
    const healthy = type === 'Ready' ? 'True' : 'False';
    if ((node.conditions?.[type] ?? healthy) === status) return;
    this.state.update(node, (n) => {
      const conditions = { ...(n.conditions ?? {}) };
      if (status === healthy) delete conditions[type];
      else conditions[type] = status;
      n.conditions = conditions;
    });
  }

  /** The containers of every matching running pod exit with `exitCode`; returns how many pods. */
  public failPods(selector: PodSelector | string, exitCode: number): number {
    const pods = this.selectPods(selector).filter((p) => p.phase === 'Running' && p.deletionMs === null);
    for (const p of pods) this.kubelet.failContainer(p, exitCode);
    return pods.length;
  }

  /** Evicts every matching pod (phase Failed, reason Evicted); returns how many. */
  public evictPods(selector: PodSelector | string): number {
    const pods = this.selectPods(selector).filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    for (const p of pods) this.kubelet.evict(p);
    return pods.length;
  }

  /** Readiness of every matching pod starts or stops succeeding; returns how many pods. */
  public setReady(selector: PodSelector | string, ready: boolean): number {
    const pods = this.selectPods(selector);
    for (const p of pods) this.kubelet.setReadiness(p, ready);
    return pods.length;
  }

  /**
   * `kubectl patch --type merge` (RFC 7386 JSON merge patch) on a workload, Service, Pod or Node. For
   * workloads the patch applies to `{metadata: {labels, annotations}, spec}`; the spec's defaults
   * are re-applied and `generation` is bumped when the spec changed. For a Node: `metadata.labels`,
   * `spec.unschedulable`, `spec.taints`. For a Service: `metadata.labels`, `spec`.
   */
  public patch(kind: SimKind, namespace: string, name: string, patch: Record<string, unknown>): void {
    const obj = this.object(kind, namespace, name);
    if (obj.kind === 'Node') {
      const before = { metadata: { labels: obj.labels }, spec: { unschedulable: obj.unschedulable, taints: obj.taints } };
      const after = mergePatch(before, patch) as { metadata?: { labels?: Record<string, string> }; spec?: { unschedulable?: boolean; taints?: Taint[] } };
      this.check(kind, name, before, after);
      const now = this.state.nowMs();
      this.state.update(obj, (n) => {
        n.labels = { ...(after.metadata?.labels ?? {}) };
        n.unschedulable = after.spec?.unschedulable ?? false;
        n.taints = (after.spec?.taints ?? []).map((t) => ({ ...t, addedMs: t.addedMs ?? now }));
      });
      return;
    }
    if (obj.kind === 'Service') {
      const before = { metadata: { labels: obj.labels, annotations: obj.annotations }, spec: obj.spec };
      const after = mergePatch(before, patch) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
      this.check(kind, name, before, after);
      this.state.update(obj, (s) => {
        s.labels = { ...(after.metadata?.labels ?? {}) };
        s.annotations = { ...(after.metadata?.annotations ?? {}) };
        s.spec = defaultServiceSpec(after.spec ?? {});
      });
      return;
    }
    if (obj.kind === 'Pod') {
      this.patchPod(obj, patch);
      return;
    }
    if (obj.kind !== 'StatefulSet' && obj.kind !== 'DaemonSet' && obj.kind !== 'Job' && obj.kind !== 'CronJob') {
      throw new ApiError('Invalid', `patching ${kind} is not simulated; patch a StatefulSet, DaemonSet, Job, CronJob, Service, Pod or Node`);
    }
    const before = { metadata: { labels: obj.labels, annotations: obj.annotations }, spec: obj.spec as unknown as Record<string, unknown> };
    const after = mergePatch(before, patch) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
    this.check(kind, name, before, after);
    const rawSpec = after.spec ?? {};
    const spec = obj.kind === 'StatefulSet' ? defaultStatefulSetSpec(rawSpec)
      : obj.kind === 'DaemonSet' ? defaultDaemonSetSpec(rawSpec)
        : obj.kind === 'Job' ? defaultJobSpec(rawSpec) : defaultCronJobSpec(rawSpec);
    const changed = !deepEqual(spec, obj.spec);
    this.state.update<SimObject>(obj, (o) => {
      const w = o as typeof obj;
      w.labels = { ...(after.metadata?.labels ?? {}) };
      w.annotations = { ...(after.metadata?.annotations ?? {}) };
      (w as { spec: unknown }).spec = spec;
      if (changed) w.generation += 1;
    });
  }

  /**
   * A Pod patch: `metadata.labels`, `metadata.annotations` and the spec fields ValidatePodUpdate
   * allows (checked by the update validator); of the spec only `schedulingGates` is simulated
   * (removing the last gate lets the scheduler take the pod), other allowed spec changes are refused.
   */
  private patchPod(pod: SimPod, patch: Record<string, unknown>): void {
    const before = { metadata: { labels: pod.labels, annotations: pod.annotations }, spec: pod.spec as unknown as Record<string, unknown> };
    const after = mergePatch(before, patch) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
    this.check('Pod', pod.name, before, after);
    const spec = { ...(after.spec ?? {}) } as unknown as SimPod['spec'];
    const { schedulingGates: _a, ...restAfter } = spec;
    const { schedulingGates: _b, ...restBefore } = pod.spec;
    if (!deepEqual(restAfter, restBefore)) {
      throw new ApiError('Invalid', `patching Pod ${pod.name}: only metadata.labels, metadata.annotations and spec.schedulingGates are simulated`);
    }
    this.state.update(pod, (p) => {
      p.labels = { ...(after.metadata?.labels ?? {}) };
      p.annotations = { ...(after.metadata?.annotations ?? {}) };
      p.spec = spec;
    });
  }

  /**
   * `kubectl patch <kind> <name> --type json -p '[{"op":"remove","path":"/metadata/finalizers/…"}]'`:
   * removes `finalizer` (or every finalizer) from the object — for a Pod, every live pod whose name
   * matches the glob; an object being deleted then leaves the store (if nothing else holds it).
   * Returns how many objects changed; throws when none carried it.
   */
  public removeFinalizers(kind: SimKind, namespace: string, name: string, finalizer?: string): number {
    const objects: SimObject[] = kind === 'Pod' ? this.selectPods({ name, namespace }) : [this.object(kind, namespace, name)];
    const holding = objects.filter((o) => (finalizer === undefined ? o.finalizers.length > 0 : o.finalizers.includes(finalizer)));
    if (holding.length === 0) {
      const has = [...new Set(objects.flatMap((o) => o.finalizers))];
      throw new ApiError('Invalid', objects.length === 0 ? notFound(kind, name).message
        : `${kind} ${namespace}/${name} has ${finalizer === undefined ? 'no finalizers' : `no finalizer "${finalizer}"`}${has.length ? ` (finalizers: ${has.join(', ')})` : ''}`);
    }
    for (const o of holding) for (const f of finalizer === undefined ? [...o.finalizers] : [finalizer]) this.state.removeFinalizer(o, f);
    return holding.length;
  }

  /** `kubectl delete <kind> <name>` (background propagation). */
  public delete(kind: SimKind, namespace: string, name: string): void {
    this.state.requestDeletion(this.object(kind, namespace, name));
  }

  /** Stops a controller (`statefulset`, `daemonset`, `job`, `cronjob`) for `forMs`. */
  public pauseController(name: string, forMs: number): void {
    this.pause(name, forMs);
  }

  /**
   * From now on, controller writes matching `rule` are rejected by the API server (the scenario's
   * `failRequests`, cluster/fault-injection.ts) — `rule.times` of them, or every one until
   * `rule.untilMs`.
   */
  public failRequests(rule: Omit<RequestFaultRule, 'fromMs'>): void {
    faultInjectorOf(this.state).add({ ...rule, fromMs: this.state.nowMs() });
  }

  private check(kind: SimKind, name: string, before: Record<string, unknown>, after: Record<string, unknown>): void {
    const errors = this.validateUpdate?.(kind, name, before, after) ?? [];
    if (errors.length > 0) throw new ApiError('Invalid', errors.join('; '));
  }

  private workload(kind: WorkloadKind, namespace: string, name: string) {
    const obj = this.state.get(kind, namespace, name);
    if (!obj) throw notFound(kind, name);
    return obj;
  }

  private object(kind: SimKind, namespace: string, name: string): SimObject {
    const obj = this.state.get(kind, CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace, name);
    if (!obj) throw notFound(kind, name);
    return obj;
  }

  private node(name: string): SimNode {
    const node = this.state.get('Node', '', name);
    if (!node) throw notFound('Node', name);
    return node;
  }
}

function ownerMatches(owner: string, pod: SimPod, state: ClusterState): boolean {
  const slash = owner.indexOf('/');
  const kind = owner.slice(0, slash);
  const name = owner.slice(slash + 1);
  return ownerChain(pod, state).some((r) => r.kind === kind && globMatch(name, r.name));
}

/** RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}
