import { Duration } from 'cdk8s';
import { k8s, TaintEffect } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { isLabelValue, isQualifiedName, wholeSeconds } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { LABEL_VALUE_SYNTAX, QUALIFIED_NAME_SYNTAX, rejectUnknownProps } from './validation';

/**
 * How a toleration compares its `value` with a taint's value.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export enum TolerationOperator {
  /** The taint's key and value must equal the toleration's (the Kubernetes default). */
  EQUAL = 'Equal',
  /** Any value of the key matches; without a key, every taint matches. */
  EXISTS = 'Exists',
}

/**
 * One toleration of a node agent's pods, with the fields and spelling of a Kubernetes
 * `Toleration`. Only the fields you set are written to the manifest.
 *
 * Note that the DaemonSet controller already adds tolerations for the node-condition taints
 * (`node.kubernetes.io/not-ready` and `unreachable` for NoExecute; `disk-pressure`,
 * `memory-pressure`, `pid-pressure`, `unschedulable`, and with host networking
 * `network-unavailable`, for NoSchedule) to every daemon pod
 * (pkg/controller/daemon/util/daemonset_util.go `AddOrUpdateDaemonPodTolerations`); list only
 * the taints your cluster adds, such as the control-plane taint.
 */
export interface NodeAgentToleration {
  /**
   * The taint key to match.
   *
   * @default - every key; this requires `operator: TolerationOperator.EXISTS`
   */
  readonly key?: string;

  /**
   * How to compare values.
   *
   * @default - Kubernetes' default, `Equal` (left out of the manifest)
   */
  readonly operator?: TolerationOperator;

  /**
   * The taint value to match with `Equal`. Must be empty with `Exists`.
   *
   * @default - the empty value
   */
  readonly value?: string;

  /**
   * The taint effect to match.
   *
   * @default - every effect
   */
  readonly effect?: TaintEffect;

  /**
   * How long the pod stays bound to a node after a matching `NoExecute` taint appears
   * (Kubernetes `tolerationSeconds`); only valid with `effect: TaintEffect.NO_EXECUTE`, in whole
   * seconds.
   *
   * @default - the pod is never evicted for this taint
   */
  readonly evictAfter?: Duration;
}

const CONTROL_PLANE_KEY = 'node-role.kubernetes.io/control-plane';
const LEGACY_MASTER_KEY = 'node-role.kubernetes.io/master';

/**
 * Toleration presets for node agents. Each returns a fresh array, so they can be combined:
 * `tolerations: [...NodeAgentTolerations.controlPlane(), { key: 'dedicated', operator: TolerationOperator.EXISTS }]`.
 */
export class NodeAgentTolerations {
  /**
   * Runs the agent on control-plane nodes too: tolerates the `NoSchedule` taints
   * `node-role.kubernetes.io/control-plane` and the legacy `node-role.kubernetes.io/master`
   * (kubeadm before 1.24 taints with the legacy key; seed 001's cluster shows
   * `Taints: node-role.kubernetes.io/master:NoSchedule`), both with `operator: Exists`.
   */
  public static controlPlane(): NodeAgentToleration[] {
    return [
      { key: CONTROL_PLANE_KEY, operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE },
      { key: LEGACY_MASTER_KEY, operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE },
    ];
  }

  /**
   * Tolerates every taint with every effect (`operator: Exists` and no key), as CNI and
   * kube-proxy DaemonSets do. The pods then also stay on nodes tainted `NoExecute`, including
   * nodes being drained by a taint.
   */
  public static everything(): NodeAgentToleration[] {
    return [{ operator: TolerationOperator.EXISTS }];
  }

  /**
   * Tolerates every `NoSchedule` taint (`operator: Exists`, no key, effect `NoSchedule`), as the
   * prometheus node-exporter chart does: the agent lands on every node that does not evict it.
   */
  public static noSchedule(): NodeAgentToleration[] {
    return [{ operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE }];
  }

  private constructor() {}
}

const EFFECTS: string[] = Object.values(TaintEffect);
const OPERATORS: string[] = Object.values(TolerationOperator);

/**
 * Validates tolerations with the API server's rules (`ValidateTolerations` in
 * pkg/apis/core/validation/validation.go) and renders them as Kubernetes `Toleration`s that
 * carry only the fields given.
 *
 * @internal
 */
export function renderTolerations(scope: IConstruct, prop: string, tolerations: readonly NodeAgentToleration[]): k8s.Toleration[] {
  return tolerations.map((t, i) => renderToleration(scope, `${prop}[${i}]`, t));
}

const TOLERATION_KEYS: { readonly [K in keyof NodeAgentToleration]-?: true } = { key: true, operator: true, value: true, effect: true, evictAfter: true };

function renderToleration(scope: IConstruct, prop: string, t: NodeAgentToleration): k8s.Toleration {
  rejectUnknownProps(scope, prop, t, TOLERATION_KEYS);
  if (t.effect !== undefined && !EFFECTS.includes(t.effect)) {
    throw new ValidationError(scope, `${prop}.effect`, `must be one of ${EFFECTS.join(', ')}`, t.effect,
      'use TaintEffect.NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE (leave it out to match every effect)');
  }
  if (t.operator !== undefined && !OPERATORS.includes(t.operator)) {
    throw new ValidationError(scope, `${prop}.operator`, `must be one of ${OPERATORS.join(', ')}`, t.operator,
      'use TolerationOperator.EQUAL or TolerationOperator.EXISTS');
  }
  const key = t.key === '' ? undefined : t.key;
  const exists = t.operator === TolerationOperator.EXISTS;
  if (key !== undefined && !isQualifiedName(key)) {
    throw new ValidationError(scope, `${prop}.key`, `must be a valid label key (${QUALIFIED_NAME_SYNTAX})`, key);
  }
  if (key === undefined && !exists) {
    throw new ValidationError(scope, `${prop}.operator`, 'must be Exists when `key` is empty (a key-less toleration matches every taint)', t.operator,
      'set `operator: TolerationOperator.EXISTS`, or give the taint `key`');
  }
  if (exists && t.value !== undefined && t.value !== '') {
    throw new ValidationError(scope, `${prop}.value`, 'must be empty when `operator` is Exists', t.value,
      'drop the value to match any value of the key, or use `operator: TolerationOperator.EQUAL`');
  }
  if (!exists && t.value !== undefined && !isLabelValue(t.value)) {
    throw new ValidationError(scope, `${prop}.value`, `must be a valid label value (${LABEL_VALUE_SYNTAX})`, t.value);
  }
  let tolerationSeconds: number | undefined;
  if (t.evictAfter !== undefined) {
    if (t.effect !== TaintEffect.NO_EXECUTE) {
      throw new ValidationError(scope, `${prop}.evictAfter`, 'needs `effect: NoExecute` (tolerationSeconds only applies to taints that evict)', t.effect ?? 'no effect',
        'set `effect: TaintEffect.NO_EXECUTE`, or drop `evictAfter`');
    }
    tolerationSeconds = wholeSeconds(scope, `${prop}.evictAfter`, t.evictAfter);
  }
  return {
    key,
    operator: t.operator,
    value: t.value === '' ? undefined : t.value,
    effect: t.effect,
    tolerationSeconds,
  };
}
