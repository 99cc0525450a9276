/**
 * The public types of a Job's pod failure policy: the rule, its exit-code and pod-condition
 * matchers, and their enums.
 */

/** What a matching pod failure policy rule does with the failed pod. */
export enum PodFailurePolicyAction {
  /** Fail the whole Job at once (reason `PodFailurePolicy`) and delete its running pods. */
  FAIL_JOB = 'FailJob',
  /** Do not count the failure towards `backoffLimit`; a replacement pod is created. */
  IGNORE = 'Ignore',
  /** Count the failure towards `backoffLimit`, as for a pod no rule matches. */
  COUNT = 'Count',
}

/** How `onExitCodes.values` are matched. */
export enum ExitCodeOperator {
  /** The exit code is one of the values (which then must not include 0). */
  IN = 'In',
  /** The exit code is none of the values. */
  NOT_IN = 'NotIn',
}

/** The status a pod condition must have for an `onPodConditions` pattern to match. */
export enum PodConditionStatus {
  /** The condition holds. */
  TRUE = 'True',
  /** The condition does not hold. */
  FALSE = 'False',
  /** The condition's state is unknown. */
  UNKNOWN = 'Unknown',
}

/** A pod condition type that an `onPodConditions` pattern matches. */
export class PodConditionType {
  /**
   * Set when the pod was disrupted (preemption, eviction, node drain or taint eviction,
   * garbage collection); PodDisruptionConditions is beta and on in 1.27. Pairing it with
   * `Ignore` keeps node maintenance from consuming `backoffLimit`.
   */
  public static readonly DISRUPTION_TARGET = new PodConditionType('DisruptionTarget');

  /**
   * Any other condition type, e.g. one set by your own controller. It must be a Kubernetes
   * qualified name; that is checked when the Job is built.
   * @param name the condition type
   */
  public static of(name: string): PodConditionType {
    return new PodConditionType(name);
  }

  private constructor(
    /** The condition type as written in the manifest. */
    public readonly name: string,
  ) {}
}

/** Matches a failed pod by the exit code of its containers. */
export interface PodFailurePolicyOnExitCodes {
  /**
   * Only this container's exit code is checked. Must name a container or init container of the
   * template.
   * @default - every container is checked
   */
  readonly containerName?: string;
  /** How `values` are matched. */
  readonly operator: ExitCodeOperator;
  /**
   * 1 to 255 distinct exit codes between 0 and 255; they are written sorted, as the API server
   * requires. `0` is not allowed with `In`.
   */
  readonly values: number[];
}

/** Matches a failed pod by one of its conditions. */
export interface PodFailurePolicyOnPodCondition {
  /** The condition type, e.g. `PodConditionType.DISRUPTION_TARGET`. */
  readonly type: PodConditionType;
  /**
   * The status the condition must have.
   * @default PodConditionStatus.TRUE
   */
  readonly status?: PodConditionStatus;
}

/**
 * One rule of a Job's pod failure policy. Rules are checked in order and the first match wins.
 * Exactly one of `onExitCodes` and `onPodConditions` must be set.
 */
export interface PodFailurePolicyRule {
  /** What to do with a pod the rule matches. */
  readonly action: PodFailurePolicyAction;
  /**
   * Match on container exit codes.
   * @default - the rule matches on `onPodConditions`
   */
  readonly onExitCodes?: PodFailurePolicyOnExitCodes;
  /**
   * Match on pod conditions (1 to 20 patterns; any one matching is enough).
   * @default - the rule matches on `onExitCodes`
   */
  readonly onPodConditions?: PodFailurePolicyOnPodCondition[];
}
