/**
 * The InterPodAffinity filter of kube-scheduler 1.27: required pod affinity and anti-affinity
 * (`requiredDuringSchedulingIgnoredDuringExecution`), as
 * `pkg/scheduler/framework/plugins/interpodaffinity/filtering.go` (PreFilter + Filter) and
 * `pkg/scheduler/framework/types.go` (`newAffinityTerm`, `getNamespacesFromPodAffinityTerm`,
 * `AffinityTerm.Matches`) evaluate them:
 *
 * - A term matches a pod when the pod's namespace is in the term's `namespaces` (the term owner's
 *   own namespace when both `namespaces` and `namespaceSelector` are unset) or the labels of the
 *   pod's namespace match `namespaceSelector` (`{}` = every namespace, unset = none), AND the
 *   pod's labels match `labelSelector` (unset = no pod: `metav1.LabelSelectorAsSelector(nil)` is
 *   `labels.Nothing()`). A namespace's labels are those of its Namespace object plus
 *   `kubernetes.io/metadata.name: <name>`, which the API server sets on every namespace.
 * - Counts are per topology pair (topologyKey, the node's value for it) over the pods the
 *   scheduler counts on nodes (bound, not terminal, not yet deleted — the scheduler's pod informer
 *   ignores Succeeded/Failed pods).
 * - Filter, in this order, the first failing check decides:
 *   1. `satisfyPodAffinity`: the node must have every affinity term's topologyKey and a pod
 *      matching ALL the pod's affinity terms in each of those pairs — unless no pod matches them
 *      anywhere and the incoming pod matches its own terms (the first pod of a self-affine group)
 *      → "node(s) didn't match pod affinity rules" (UnschedulableAndUnresolvable);
 *   2. `satisfyPodAntiAffinity`: no pod matching one of the pod's anti-affinity terms in the
 *      node's pair for that term's topologyKey → "node(s) didn't match pod anti-affinity rules";
 *   3. `satisfyExistingPodsAntiAffinity`: no existing pod whose required anti-affinity term
 *      matches the incoming pod in a pair the node has (the symmetric rule)
 *      → "node(s) didn't satisfy existing pods anti-affinity rules".
 * - PreFilter returns Skip (nothing to check) when the pod has no required terms and no existing
 *   pod's anti-affinity term matches it.
 *
 * Cost: nothing is indexed until a pod with required terms is scheduled or bound. The real
 * PreFilter scans every pod of every node per scheduling attempt; here each distinct selector of
 * a pod being scheduled gets a tracker (matching pods counted per node) that is kept in step as
 * pods are bound and leave, and existing pods' anti-affinity terms are grouped by identical term
 * with per-node counts, so an attempt costs O(trackers + groups + nodes holding matches).
 *
 * Preferred (`preferredDuringSchedulingIgnoredDuringExecution`) terms only score in the real
 * scheduler; they are not scored here.
 */
import type { IIoK8sApiCoreV1PodAffinityTerm } from 'kubernetes-models/v1/PodAffinityTerm';
import type { ClusterState } from './cluster-state';
import { matchesSelector } from '../../apiserver/labels';
import type { LabelSelector } from './api-shapes';
import type { SimNode } from './core-objects';
import type { SimPod } from './pod-object';

/** `ErrReasonAffinityRulesNotMatch` (filtering.go). */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** `ErrReasonAntiAffinityRulesNotMatch` (filtering.go). */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
/** `ErrReasonExistingAntiAffinityRulesNotMatch` (filtering.go). */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** The label the API server puts on every namespace (`v1.LabelMetadataName`). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** core/v1 PodAffinityTerm (Kubernetes 1.27). */
export type PodAffinityTerm = IIoK8sApiCoreV1PodAffinityTerm;

/** A processed `PodAffinityTerm` (`framework.AffinityTerm`). */
export interface AffinityTerm {
  /** Namespaces named by the term (the owner's namespace when neither list nor selector is set). */
  readonly namespaces: ReadonlySet<string>;
  /** `namespaceSelector`; undefined selects no namespace, `{}` every one. */
  readonly namespaceSelector: LabelSelector | undefined;
  /** `labelSelector`; undefined selects no pod. */
  readonly selector: LabelSelector | undefined;
  /** The node label whose value defines the topology domain. */
  readonly topologyKey: string;
}

/** The pod's required affinity terms (processed). */
export function requiredAffinityTerms(pod: Pick<SimPod, 'namespace' | 'spec'>): AffinityTerm[] {
  return processTerms(pod, pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
}

/** The pod's required anti-affinity terms (processed). */
export function requiredAntiAffinityTerms(pod: Pick<SimPod, 'namespace' | 'spec'>): AffinityTerm[] {
  return processTerms(pod, pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
}

function processTerms(pod: Pick<SimPod, 'namespace'>, terms: readonly PodAffinityTerm[] | undefined): AffinityTerm[] {
  if (!terms || terms.length === 0) return [];
  return terms.map((t) => ({
    // getNamespacesFromPodAffinityTerm: the pod's own namespace only when both are unset.
    namespaces: new Set((t.namespaces ?? []).length === 0 && t.namespaceSelector == null ? [pod.namespace] : t.namespaces ?? []),
    namespaceSelector: t.namespaceSelector ?? undefined,
    selector: t.labelSelector ?? undefined,
    topologyKey: t.topologyKey,
  }));
}

/** `AffinityTerm.Matches`: namespace (listed, or its labels selected) and then the pod's labels. */
export function termMatches(term: AffinityTerm, namespace: string, labels: Readonly<Record<string, string>>,
  namespaceLabels: (ns: string) => Readonly<Record<string, string>>): boolean {
  if (!term.namespaces.has(namespace) && !matchesSelector(term.namespaceSelector, namespaceLabels(namespace))) return false;
  return matchesSelector(term.selector, labels);
}

/** What PreFilter computed for one pod; pass it to {@link InterPodAffinity.filter} for each node. */
export interface InterPodAffinityState {
  /** The incoming pod's required affinity terms. */
  readonly affinityTerms: readonly AffinityTerm[];
  /** The incoming pod's required anti-affinity terms. */
  readonly antiAffinityTerms: readonly AffinityTerm[];
  /** Topology pairs (key → values) holding a pod that matches all affinity terms (`affinityCounts`). */
  readonly affinityPairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Topology pairs holding a pod that matches an anti-affinity term of that key (`antiAffinityCounts`). */
  readonly antiAffinityPairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Topology pairs holding an existing pod whose anti-affinity term matches the pod (`existingAntiAffinityCounts`). */
  readonly existingAntiAffinityPairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether the incoming pod matches all its own affinity terms. */
  readonly matchesOwnAffinity: boolean;
}

/** Pods (matching all of `terms`) counted per node. */
interface Tracker {
  readonly terms: readonly AffinityTerm[];
  readonly perNode: Map<string, number>;
}

/** One distinct required anti-affinity term of existing pods, with how many pods carry it per node. */
interface ExistingTermGroup {
  readonly term: AffinityTerm;
  readonly perNode: Map<string, number>;
  total: number;
}

/** The index behind the filter; the scheduler tells it which pods count on which node. */
export class InterPodAffinity {
  private readonly trackers = new Map<string, Tracker>();
  private readonly existing = new Map<string, ExistingTermGroup>();
  private readonly nsLabels = (ns: string) => this.namespaceLabels(ns);

  /**
   * @param state the store (nodes and namespaces are read from it)
   * @param forEachCounted visits every pod the scheduler currently counts, with its node
   */
  public constructor(private readonly state: ClusterState,
    private readonly forEachCounted: (visit: (pod: SimPod, node: string, labels: Readonly<Record<string, string>>) => void) => void) {}

  /** A pod starts counting on `node` (`labels` = the labels it is counted with). */
  public added(pod: SimPod, node: string, labels: Readonly<Record<string, string>>): void {
    this.count(pod, node, labels, 1);
  }

  /** A pod stops counting on `node` (`labels` = the labels it was counted with). */
  public removed(pod: SimPod, node: string, labels: Readonly<Record<string, string>>): void {
    this.count(pod, node, labels, -1);
  }

  /** A counted pod's labels changed (only selectors of incoming pods look at them). */
  public relabeled(pod: SimPod, node: string, oldLabels: Readonly<Record<string, string>>, newLabels: Readonly<Record<string, string>>): void {
    for (const t of this.trackers.values()) {
      const was = this.trackerMatches(t, pod.namespace, oldLabels);
      const is = this.trackerMatches(t, pod.namespace, newLabels);
      if (was !== is) bump(t.perNode, node, is ? 1 : -1);
    }
  }

  /** A Namespace object changed: namespace selectors may now select differently. */
  public namespacesChanged(): void {
    this.trackers.clear();
  }

  /** Whether any of `terms` matches `pod` (the queue's `getUnschedulablePodsWithMatchingAffinityTerm`). */
  public anyTermMatches(terms: readonly AffinityTerm[], pod: SimPod): boolean {
    return terms.some((t) => termMatches(t, pod.namespace, pod.labels, this.nsLabels));
  }

  /** PreFilter: undefined means Skip (the pod has no required terms and no existing anti-affinity applies). */
  public preFilter(pod: SimPod): InterPodAffinityState | undefined {
    const podAffinity = pod.spec.affinity;
    const hasOwnTerms = (podAffinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0
      || (podAffinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
    if (!hasOwnTerms && this.existing.size === 0) return undefined;

    const nodes = new Map<string, SimNode | undefined>();
    const nodeNamed = (name: string) => {
      if (!nodes.has(name)) nodes.set(name, this.state.get('Node', '', name));
      return nodes.get(name);
    };
    const addPairs = (into: Map<string, Set<string>>, perNode: ReadonlyMap<string, number>, topologyKey: string) => {
      for (const [name, n] of perNode) {
        const value = n > 0 ? labelValue(nodeNamed(name)?.labels, topologyKey) : undefined;
        if (value === undefined) continue;
        let values = into.get(topologyKey);
        if (!values) into.set(topologyKey, (values = new Set()));
        values.add(value);
      }
    };

    // getExistingAntiAffinityCounts: existing pods' anti-affinity terms matching the incoming pod,
    // with the incoming pod's namespace labels.
    const existingAntiAffinityPairs = new Map<string, Set<string>>();
    for (const g of this.existing.values()) {
      if (termMatches(g.term, pod.namespace, pod.labels, this.nsLabels)) addPairs(existingAntiAffinityPairs, g.perNode, g.term.topologyKey);
    }
    const affinityTerms = requiredAffinityTerms(pod);
    const antiAffinityTerms = requiredAntiAffinityTerms(pod);
    if (existingAntiAffinityPairs.size === 0 && affinityTerms.length === 0 && antiAffinityTerms.length === 0) return undefined;

    // getIncomingAffinityAntiAffinityCounts: pods matching ALL affinity terms count once per term's
    // topology key; pods matching an anti-affinity term count for that term's key.
    const affinityPairs = new Map<string, Set<string>>();
    if (affinityTerms.length > 0) {
      const tracker = this.tracker(affinityTerms);
      for (const t of affinityTerms) addPairs(affinityPairs, tracker.perNode, t.topologyKey);
    }
    const antiAffinityPairs = new Map<string, Set<string>>();
    for (const t of antiAffinityTerms) addPairs(antiAffinityPairs, this.tracker([t]).perNode, t.topologyKey);

    return {
      affinityTerms,
      antiAffinityTerms,
      affinityPairs,
      antiAffinityPairs,
      existingAntiAffinityPairs,
      matchesOwnAffinity: affinityTerms.length > 0 && affinityTerms.every((t) => termMatches(t, pod.namespace, pod.labels, this.nsLabels)),
    };
  }

  /** Filter: the reason `node` is rejected, or undefined when it passes. */
  public filter(s: InterPodAffinityState, node: Pick<SimNode, 'labels'>): string | undefined {
    // satisfyPodAffinity
    let podsExist = true;
    for (const t of s.affinityTerms) {
      const value = labelValue(node.labels, t.topologyKey);
      if (value === undefined) return ERR_REASON_AFFINITY_RULES_NOT_MATCH; // all topology labels must exist on the node
      if (!s.affinityPairs.get(t.topologyKey)?.has(value)) podsExist = false;
    }
    // The first pod of a series with affinity to itself: allowed when no pod matches anywhere.
    if (!podsExist && !(s.affinityPairs.size === 0 && s.matchesOwnAffinity)) return ERR_REASON_AFFINITY_RULES_NOT_MATCH;
    // satisfyPodAntiAffinity
    for (const t of s.antiAffinityTerms) {
      const value = labelValue(node.labels, t.topologyKey);
      if (value !== undefined && s.antiAffinityPairs.get(t.topologyKey)?.has(value)) return ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH;
    }
    // satisfyExistingPodsAntiAffinity: any of the node's label pairs holding a matching term.
    for (const [key, values] of s.existingAntiAffinityPairs) {
      const value = labelValue(node.labels, key);
      if (value !== undefined && values.has(value)) return ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH;
    }
    return undefined;
  }

  /** A namespace's labels: its Namespace object's, plus `kubernetes.io/metadata.name`. */
  public namespaceLabels(ns: string): Readonly<Record<string, string>> {
    const obj = this.state.get('Namespace', '', ns);
    return { ...obj?.labels, [NAMESPACE_NAME_LABEL]: ns };
  }

  // ------------------------------------------------------------------------------------------

  private count(pod: SimPod, node: string, labels: Readonly<Record<string, string>>, delta: 1 | -1): void {
    for (const t of this.trackers.values()) {
      if (this.trackerMatches(t, pod.namespace, labels)) bump(t.perNode, node, delta);
    }
    const anti = pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!anti || anti.length === 0) return;
    for (const term of requiredAntiAffinityTerms(pod)) {
      const key = signature([term], true);
      let g = this.existing.get(key);
      if (!g) {
        if (delta < 0) continue;
        this.existing.set(key, (g = { term, perNode: new Map(), total: 0 }));
      }
      bump(g.perNode, node, delta);
      g.total += delta;
      if (g.total <= 0) this.existing.delete(key);
    }
  }

  private trackerMatches(t: Tracker, namespace: string, labels: Readonly<Record<string, string>>): boolean {
    return t.terms.every((term) => termMatches(term, namespace, labels, this.nsLabels));
  }

  /** The tracker of pods matching all of `terms` (topology keys aside), built on first use. */
  private tracker(terms: readonly AffinityTerm[]): Tracker {
    const key = signature(terms, false);
    let t = this.trackers.get(key);
    if (!t) {
      const tracker: Tracker = { terms, perNode: new Map() };
      this.forEachCounted((pod, node, labels) => {
        if (this.trackerMatches(tracker, pod.namespace, labels)) bump(tracker.perNode, node, 1);
      });
      this.trackers.set(key, (t = tracker));
    }
    return t;
  }
}

function signature(terms: readonly AffinityTerm[], withTopology: boolean): string {
  return JSON.stringify(terms.map((t) => [
    [...t.namespaces].sort(), t.namespaceSelector ?? null, t.selector ?? null, withTopology ? t.topologyKey : null,
  ]));
}

function bump(perNode: Map<string, number>, node: string, delta: number): void {
  const n = (perNode.get(node) ?? 0) + delta;
  if (n === 0) perNode.delete(node);
  else perNode.set(node, n);
}

function labelValue(labels: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}
