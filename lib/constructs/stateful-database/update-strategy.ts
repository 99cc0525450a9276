/**
 * How template changes reach a StatefulDatabase's pods: {@link DatabaseUpdateStrategy} (rolling
 * update with a partition, or on delete) and its options.
 */

/** The kinds of {@link DatabaseUpdateStrategy}. */
export enum DatabaseUpdateStrategyType {
  /** The controller replaces pods itself, highest ordinal first, one at a time. */
  ROLLING_UPDATE = 'RollingUpdate',
  /** Pods get the new template only when someone deletes them. */
  ON_DELETE = 'OnDelete',
}

/** Options for {@link DatabaseUpdateStrategy.rollingUpdate}. */
export interface DatabaseRollingUpdateOptions {
  /**
   * Only pods whose ordinal is at or above the partition are updated; the others keep (and are
   * recreated at) the previous revision. Use it for canaries: with 3 replicas, partition 2
   * updates only `<name>-2` (seed 000). A partition at or above `replicas` is legal and means
   * "update nothing yet": template changes are recorded but no pod is replaced.
   *
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
   * @default 0
   */
  readonly partition?: number;
}

/**
 * How template changes reach the pods (`spec.updateStrategy`).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export class DatabaseUpdateStrategy {
  /**
   * The controller deletes and recreates pods from the highest ordinal down, one at a time,
   * waiting for each updated pod to be Running and Ready before the next.
   *
   * @param options the partition
   */
  public static rollingUpdate(options: DatabaseRollingUpdateOptions = {}): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy(DatabaseUpdateStrategyType.ROLLING_UPDATE, options.partition ?? 0);
  }

  /** The controller never replaces pods for an update; delete a pod to update it. */
  public static onDelete(): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy(DatabaseUpdateStrategyType.ON_DELETE, undefined);
  }

  private constructor(
    /** RollingUpdate or OnDelete. */
    public readonly type: DatabaseUpdateStrategyType,
    /** The partition of a rolling update. */
    public readonly partition: number | undefined,
  ) {}
}
