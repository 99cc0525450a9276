/**
 * Label selectors and node selector terms, as `k8s.io/apimachinery/pkg/labels` and
 * `k8s.io/component-helpers/scheduling/corev1/nodeaffinity` evaluate them.
 */
import type { LabelSelector, NodeSelectorTerm, PodSpec } from '../simulator/cluster/api-shapes';
import type { SimNode } from '../simulator/cluster/core-objects';

/**
 * Whether `labels` match `selector`: every matchLabels pair and every matchExpression
 * (In, NotIn, Exists, DoesNotExist) must hold (ANDed). An empty selector `{}` matches everything;
 * a missing selector (undefined) matches nothing (`metav1.LabelSelectorAsSelector`: nil →
 * `labels.Nothing()`, empty → `labels.Everything()`).
 *
 * @param selector the selector
 * @param labels the object's labels
 */
export function matchesSelector(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Whether `labels` contain every pair of `subset` (a plain map selector, like Service `spec.selector`). */
export function matchesLabelMap(subset: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!subset) return false;
  for (const [k, v] of Object.entries(subset)) {
    if (labels[k] !== v) return false;
  }
  return true;
}

/**
 * Whether a node matches one node selector term: all matchExpressions (In, NotIn, Exists,
 * DoesNotExist, Gt, Lt over node labels) and all matchFields (only `metadata.name`, In/NotIn)
 * must hold. A term with neither matches nothing (`nodeaffinity.nodeSelectorTerm`: "an empty
 * term selects no objects").
 *
 * @param term the term
 * @param node the node
 */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, node: Pick<SimNode, 'name' | 'labels'>): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const e of exprs) {
    const has = Object.prototype.hasOwnProperty.call(node.labels, e.key);
    const value = node.labels[e.key];
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In': if (!has || !values.includes(value)) return false; break;
      case 'NotIn': if (has && values.includes(value)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      case 'Gt':
      case 'Lt': {
        if (!has || values.length !== 1) return false;
        const a = Number.parseInt(value, 10);
        const b = Number.parseInt(values[0], 10);
        if (Number.isNaN(a) || Number.isNaN(b)) return false;
        if (e.operator === 'Gt' ? !(a > b) : !(a < b)) return false;
        break;
      }
      default: return false;
    }
  }
  for (const f of fields) {
    if (f.key !== 'metadata.name') return false;
    const values = f.values ?? [];
    if (f.operator === 'In') {
      if (!values.includes(node.name)) return false;
    } else if (f.operator === 'NotIn') {
      if (values.includes(node.name)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The scheduler's required node affinity: `spec.nodeSelector` (every pair) AND, when present,
 * `requiredDuringSchedulingIgnoredDuringExecution` (terms ORed, expressions ANDed)
 * (`nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)`).
 *
 * @param spec the pod spec
 * @param node the node
 */
export function matchesRequiredNodeAffinity(spec: Pick<PodSpec, 'nodeSelector' | 'affinity'>, node: Pick<SimNode, 'name' | 'labels'>): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    if (node.labels[k] !== v) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    return (required.nodeSelectorTerms ?? []).some((t) => matchesNodeSelectorTerm(t, node));
  }
  return true;
}

/** Matches `text` against a glob with `*` (any run) and `?` (one character). */
export function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(text);
}
