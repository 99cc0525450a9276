/**
 * The node subsets the scheduler tries a pod against before the full list (scheduler.ts `cycle`):
 * the nodes a pod's required node affinity names, and the nodes its nodeSelector selects. No node
 * outside such a subset can pass NodeAffinity, so trying the subset first binds the same node.
 */
import { matchesRequiredNodeAffinity } from '../../apiserver/labels';
import type { ClusterState } from './cluster-state';
import { SimNode } from './core-objects';
import { SimPod } from './pod-object';

/**
 * The nodes named by the pod's required node affinity, as `nodeaffinity.PreFilter` computes them:
 * per term the intersection of its `matchFields metadata.name In` values, the union over terms; a
 * term without such a requirement means every node (undefined). Existing nodes only, in creation order.
 */
export function pinnedNodes(pod: SimPod, state: ClusterState): SimNode[] | undefined {
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    let term: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      term = term ? new Set([...term].filter((v) => values.has(v))) : values;
    }
    if (!term) return undefined;
    for (const n of term) names.add(n);
  }
  const nodes: SimNode[] = [];
  for (const n of names) {
    const node = state.get('Node', '', n);
    if (node) nodes.push(node);
  }
  return nodes.sort((a, b) => a.index - b.index);
}

/**
 * The nodes whose labels pass a nodeSelector, by the selector's `key NUL value NUL …`, in node
 * order, kept per node generation (every Node change starts a new one).
 */
export class SelectedNodes {
  private readonly byKey = new Map<string, { generation: number; nodes: SimNode[] }>();
  private generationNow = 0;

  /** The current node generation. */
  public get generation(): number {
    return this.generationNow;
  }

  /** A Node was added, changed or removed: every kept subset is stale. */
  public nodesChanged(): void {
    this.generationNow++;
    this.byKey.clear();
  }

  /**
   * The nodes of `all` (the node list as of node generation `generation`) passing the pod's
   * nodeSelector, in their order; undefined when it has none or they all pass.
   */
  public of(pod: SimPod, all: readonly SimNode[], generation: number): SimNode[] | undefined {
    const nodeSelector = pod.spec.nodeSelector;
    if (!nodeSelector) return undefined;
    let key = '';
    for (const k of Object.keys(nodeSelector)) key += `${k}\u0000${nodeSelector[k]}\u0000`;
    if (key === '') return undefined;
    const cached = this.byKey.get(key);
    let nodes: SimNode[];
    if (cached !== undefined && cached.generation === generation) nodes = cached.nodes;
    else {
      nodes = all.filter((n) => matchesRequiredNodeAffinity({ nodeSelector }, n));
      // a list from before a Node change in this cycle is not kept
      if (generation === this.generationNow) this.byKey.set(key, { generation, nodes });
    }
    return nodes.length < all.length ? nodes : undefined;
  }
}
