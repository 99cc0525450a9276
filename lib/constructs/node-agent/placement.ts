import { NodeLabelQuery } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { isIntegerIn, isLabelValue, isQualifiedName } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { LABEL_VALUE_SYNTAX, QUALIFIED_NAME_SYNTAX, rejectUnknownProps } from './validation';

/**
 * How a node-affinity requirement compares a node label with its `values`, with the Kubernetes
 * spelling.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export enum NodeSelectorOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label is missing or its value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The node has the label, with any value; takes no `values`. */
  EXISTS = 'Exists',
  /** The node does not have the label; takes no `values`. */
  DOES_NOT_EXIST = 'DoesNotExist',
  /** The label's value, read as an integer, is greater than the single integer in `values`. */
  GT = 'Gt',
  /** The label's value, read as an integer, is less than the single integer in `values`. */
  LT = 'Lt',
}

/** One requirement on a node label (a Kubernetes `NodeSelectorRequirement`). */
export interface NodeSelectorRequirement {
  /** The node label key, e.g. `node-type`. */
  readonly key: string;

  /** How to compare the label with `values`. */
  readonly operator: NodeSelectorOperator;

  /**
   * The values to compare with: at least one for `In`/`NotIn`, exactly one integer for
   * `Gt`/`Lt`, none for `Exists`/`DoesNotExist`.
   *
   * @default - no values
   */
  readonly values?: string[];
}

/**
 * A node selector term: a node matches when it meets every requirement (they are ANDed). Terms
 * in a list are ORed.
 */
export interface NodeSelectorTerm {
  /** The requirements, ANDed; at least one (an empty term matches no node). */
  readonly matchExpressions: NodeSelectorRequirement[];
}

/**
 * A preferred node selector term: the scheduler adds `weight` to the score of every node that
 * matches it. For a DaemonSet this only matters when a node is eligible through several
 * scheduling paths; which nodes get a pod is decided by `nodeSelector` and required affinity.
 */
export interface PreferredNodeSelectorTerm extends NodeSelectorTerm {
  /** The weight, an integer from 1 to 100. */
  readonly weight: number;
}

const OPERATORS: string[] = Object.values(NodeSelectorOperator);
const TERM_KEYS: { readonly [K in keyof NodeSelectorTerm]-?: true } = { matchExpressions: true };
const PREFERRED_TERM_KEYS: { readonly [K in keyof PreferredNodeSelectorTerm]-?: true } = { matchExpressions: true, weight: true };
const REQUIREMENT_KEYS: { readonly [K in keyof NodeSelectorRequirement]-?: true } = { key: true, operator: true, values: true };
const INTEGER = /^-?[0-9]+$/;

/**
 * Validates one node selector term and turns it into cdk8s-plus `NodeLabelQuery`s (which render
 * exactly the Kubernetes requirement: key, operator, values). The rules are the API server's
 * (`ValidateNodeSelectorRequirement` in pkg/apis/core/validation/validation.go) plus what breaks
 * at scheduling time although accepted: a non-integer `Gt`/`Lt` value fails to parse
 * (`NodeSelectorRequirementsAsSelector` in pkg/apis/core/v1/helper/helpers.go), and a term
 * without requirements matches no node.
 *
 * @internal
 */
export function nodeLabelQueries(scope: IConstruct, prop: string, term: NodeSelectorTerm): NodeLabelQuery[] {
  rejectUnknownProps(scope, prop, term, TERM_KEYS);
  return requirements(scope, prop, term);
}

/**
 * Validates a preferred term's weight (1–100, `ValidatePreferredSchedulingTerms`) and its
 * requirements.
 *
 * @internal
 */
export function preferredNodeLabelQueries(scope: IConstruct, prop: string, term: PreferredNodeSelectorTerm): NodeLabelQuery[] {
  rejectUnknownProps(scope, prop, term, PREFERRED_TERM_KEYS);
  if (!isIntegerIn(term.weight, 1, 100)) {
    throw new ValidationError(scope, `${prop}.weight`, 'must be an integer from 1 to 100', term.weight);
  }
  return requirements(scope, prop, term);
}

function requirements(scope: IConstruct, prop: string, term: NodeSelectorTerm): NodeLabelQuery[] {
  const expressions = term.matchExpressions ?? [];
  if (expressions.length === 0) {
    throw new ValidationError(scope, `${prop}.matchExpressions`, 'must hold at least one requirement (an empty term matches no node)', term.matchExpressions ?? [],
      'add a requirement, or leave the term out');
  }
  return expressions.map((r, i) => nodeLabelQuery(scope, `${prop}.matchExpressions[${i}]`, r));
}

function nodeLabelQuery(scope: IConstruct, prop: string, r: NodeSelectorRequirement): NodeLabelQuery {
  rejectUnknownProps(scope, prop, r, REQUIREMENT_KEYS);
  if (!OPERATORS.includes(r.operator)) {
    throw new ValidationError(scope, `${prop}.operator`, `must be one of ${OPERATORS.join(', ')}`, r.operator, 'use a NodeSelectorOperator');
  }
  if (typeof r.key !== 'string' || !isQualifiedName(r.key)) {
    throw new ValidationError(scope, `${prop}.key`, `must be a valid label key (${QUALIFIED_NAME_SYNTAX})`, r.key);
  }
  const values = r.values ?? [];
  switch (r.operator) {
    case NodeSelectorOperator.IN:
    case NodeSelectorOperator.NOT_IN:
      if (values.length === 0) {
        throw new ValidationError(scope, `${prop}.values`, `must hold at least one value when \`operator\` is ${r.operator}`, r.values ?? [],
          'list the label values, or use NodeSelectorOperator.EXISTS / DOES_NOT_EXIST');
      }
      values.forEach((v, j) => {
        if (!isLabelValue(v)) {
          throw new ValidationError(scope, `${prop}.values[${j}]`, `must be a valid label value (${LABEL_VALUE_SYNTAX}), or it can never equal a node label`, v);
        }
      });
      return r.operator === NodeSelectorOperator.IN ? NodeLabelQuery.in(r.key, [...values]) : NodeLabelQuery.notIn(r.key, [...values]);
    case NodeSelectorOperator.EXISTS:
    case NodeSelectorOperator.DOES_NOT_EXIST:
      if (values.length > 0) {
        throw new ValidationError(scope, `${prop}.values`, `must be empty when \`operator\` is ${r.operator}`, values,
          'drop the values, or use NodeSelectorOperator.IN to match specific values');
      }
      return r.operator === NodeSelectorOperator.EXISTS ? NodeLabelQuery.exists(r.key) : NodeLabelQuery.doesNotExist(r.key);
    default: {
      // Gt / Lt
      if (values.length !== 1) {
        throw new ValidationError(scope, `${prop}.values`, `must hold exactly one value when \`operator\` is ${r.operator}`, values,
          'give a single integer, e.g. values: ["3"]');
      }
      if (!INTEGER.test(values[0])) {
        throw new ValidationError(scope, `${prop}.values[0]`, `must be an integer when \`operator\` is ${r.operator} (the scheduler parses it and the node label as int64)`, values[0]);
      }
      return r.operator === NodeSelectorOperator.GT ? NodeLabelQuery.gt(r.key, [...values]) : NodeLabelQuery.lt(r.key, [...values]);
    }
  }
}
