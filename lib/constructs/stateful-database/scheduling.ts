/**
 * Where a StatefulDatabase's pods may run: node anti-affinity ({@link PodAntiAffinity}) and
 * topology spread constraints ({@link TopologySpread}).
 */
import * as kplus from 'cdk8s-plus-27';

/** How pods of one database are kept apart across nodes. */
export enum PodAntiAffinity {
  /** Prefer different nodes (`preferredDuringScheduling…`, weight 100); co-locate when there is no choice. */
  SOFT = 'soft',
  /** Require different nodes (`requiredDuringScheduling…`): a pod stays Pending rather than share a node. */
  HARD = 'hard',
  /** No anti-affinity. */
  NONE = 'none',
}

/** What the scheduler does when a topology spread constraint cannot be met (`whenUnsatisfiable`). */
export enum WhenUnsatisfiable {
  /** Leave the pod Pending. */
  DO_NOT_SCHEDULE = 'DoNotSchedule',
  /** Schedule it anyway, preferring placements that reduce the skew. */
  SCHEDULE_ANYWAY = 'ScheduleAnyway',
}

/** One `topologySpreadConstraint` over the database's own pods. */
export interface TopologySpread {
  /** The node label that defines the domains, e.g. `Topology.ZONE`. */
  readonly topology: kplus.Topology;

  /**
   * The largest allowed difference in pod count between two domains.
   *
   * @default 1
   */
  readonly maxSkew?: number;

  /**
   * What to do when the constraint cannot be met.
   *
   * @default WhenUnsatisfiable.DO_NOT_SCHEDULE
   */
  readonly whenUnsatisfiable?: WhenUnsatisfiable;
}
