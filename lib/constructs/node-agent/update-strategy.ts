import { k8s, PercentOrAbsolute } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { ValidationError } from '../_shared/errors';
import { rejectUnknownProps } from './validation';

/** The kinds of `NodeAgentUpdateStrategy`, spelled as the DaemonSet `updateStrategy.type`. */
export enum NodeAgentUpdateStrategyType {
  /** The controller replaces pods itself, a limited number of nodes at a time. */
  ROLLING_UPDATE = 'RollingUpdate',
  /** Pods get the new template only when someone deletes them. */
  ON_DELETE = 'OnDelete',
}

/**
 * Options for `NodeAgentUpdateStrategy.rollingUpdate()`. Kubernetes lets exactly one of the two
 * be non-zero.
 */
export interface NodeAgentRollingUpdateOptions {
  /**
   * How many nodes may be without an available agent pod during the update: the controller
   * deletes an old pod first, then creates the new one. A percentage of the nodes that should
   * run the agent is rounded up.
   *
   * @default - 1 when `maxSurge` is zero or not set; 0 (written explicitly) when `maxSurge` is set
   */
  readonly maxUnavailable?: PercentOrAbsolute;

  /**
   * How many nodes may run an old and a new agent pod at once: the controller starts the new pod
   * first and deletes the old one when the new one is available. A percentage is rounded up.
   * Cannot be combined with host ports (the new pod could not bind the port while the old one
   * holds it).
   *
   * @default - 0, no surge
   */
  readonly maxSurge?: PercentOrAbsolute;
}

/**
 * How a node agent's pods are replaced when its pod template changes (the DaemonSet
 * `updateStrategy`).
 *
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export class NodeAgentUpdateStrategy {
  /**
   * Replace pods automatically, a limited number of nodes at a time (the Kubernetes default).
   * Give either `maxUnavailable` (delete first) or `maxSurge` (start the new pod first).
   */
  public static rollingUpdate(options: NodeAgentRollingUpdateOptions = {}): NodeAgentUpdateStrategy {
    return new NodeAgentUpdateStrategy(NodeAgentUpdateStrategyType.ROLLING_UPDATE, options);
  }

  /**
   * Replace a pod only when someone deletes it (seed 004's `sample-ds`): the controller never
   * deletes pods on its own for an update.
   */
  public static onDelete(): NodeAgentUpdateStrategy {
    return new NodeAgentUpdateStrategy(NodeAgentUpdateStrategyType.ON_DELETE, {});
  }

  /** RollingUpdate or OnDelete. */
  public readonly type: NodeAgentUpdateStrategyType;

  /** The rolling-update limits as given; empty for OnDelete. */
  public readonly rollingUpdateOptions: NodeAgentRollingUpdateOptions;

  private constructor(type: NodeAgentUpdateStrategyType, options: NodeAgentRollingUpdateOptions) {
    this.type = type;
    this.rollingUpdateOptions = options;
  }

  /** Whether this is a rolling update with a non-zero `maxSurge`. */
  public get surges(): boolean {
    const surge = this.rollingUpdateOptions.maxSurge;
    return this.type === NodeAgentUpdateStrategyType.ROLLING_UPDATE && surge !== undefined && !isZero(surge.value);
  }
}

/**
 * Validates a strategy with the API server's rules (`ValidateRollingUpdateDaemonSet` in
 * pkg/apis/apps/validation/validation.go) and renders the DaemonSet `updateStrategy`, in the
 * shape the cdk8s-plus-27 converters read (IntOrString objects, since the converter for
 * `rollingUpdate` keeps only `.value` and would drop a bare number).
 *
 * - each value is a non-negative integer or a percentage `<n>%` of at most 100%;
 * - exactly one of the two is non-zero ("may not be set when maxUnavailable is non-zero" /
 *   "cannot be 0 when maxSurge is 0");
 * - since `maxUnavailable` defaults to 1, a surge is written with an explicit `maxUnavailable: 0`.
 *
 * @internal
 */
export function renderUpdateStrategy(scope: IConstruct, prop: string, strategy: NodeAgentUpdateStrategy): k8s.DaemonSetUpdateStrategy {
  if (strategy.type === NodeAgentUpdateStrategyType.ON_DELETE) {
    return { type: NodeAgentUpdateStrategyType.ON_DELETE };
  }
  rejectUnknownProps(scope, prop, strategy.rollingUpdateOptions, { maxUnavailable: true, maxSurge: true });
  const { maxUnavailable, maxSurge } = strategy.rollingUpdateOptions;
  const unavailable = maxUnavailable === undefined ? undefined : checkIntOrPercent(scope, `${prop}.maxUnavailable`, maxUnavailable.value);
  const surge = maxSurge === undefined ? undefined : checkIntOrPercent(scope, `${prop}.maxSurge`, maxSurge.value);
  const hasSurge = surge !== undefined && !isZero(surge);
  const hasUnavailable = unavailable !== undefined && !isZero(unavailable);
  if (hasSurge && hasUnavailable) {
    throw new ValidationError(scope, `${prop}.maxSurge`, 'cannot be combined with a non-zero `maxUnavailable` (Kubernetes lets exactly one of them be non-zero)',
      `maxSurge ${surge}, maxUnavailable ${unavailable}`, 'give only maxSurge (start new pods first) or only maxUnavailable (delete old pods first)');
  }
  if (!hasSurge && unavailable !== undefined && isZero(unavailable)) {
    throw new ValidationError(scope, `${prop}.maxUnavailable`, 'cannot be 0 when `maxSurge` is 0 (the update could never replace a pod)',
      `maxUnavailable ${unavailable}, maxSurge ${surge ?? 0}`, 'set maxUnavailable to at least 1, or give a non-zero maxSurge');
  }
  const rollingUpdate: k8s.RollingUpdateDaemonSet = hasSurge
    ? { maxSurge: toIntOrString(surge!), maxUnavailable: k8s.IntOrString.fromNumber(0) }
    : { maxUnavailable: toIntOrString(unavailable ?? 1) };
  return { type: NodeAgentUpdateStrategyType.ROLLING_UPDATE, rollingUpdate };
}

/** A validated int-or-percent value: a non-negative integer, or `<n>%` with n ≤ 100. */
function checkIntOrPercent(scope: IConstruct, prop: string, value: unknown): number | string {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      throw new ValidationError(scope, prop, 'must be a non-negative whole number of nodes or a percentage', value);
    }
    return value;
  }
  if (typeof value === 'string') {
    const match = /^([0-9]+)%$/.exec(value);
    if (!match) {
      throw new ValidationError(scope, prop, 'must be a whole percentage such as "25%"', value, 'use PercentOrAbsolute.percent(<integer>)');
    }
    if (Number(match[1]) > 100) {
      throw new ValidationError(scope, prop, 'must not be more than 100%', value);
    }
    return value;
  }
  throw new ValidationError(scope, prop, 'must be PercentOrAbsolute.absolute(n) or PercentOrAbsolute.percent(p)', value);
}

function isZero(value: unknown): boolean {
  return typeof value === 'number' ? value === 0 : typeof value === 'string' && /^0+%$/.test(value);
}

function toIntOrString(value: number | string): k8s.IntOrString {
  return typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}
