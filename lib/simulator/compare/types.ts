/**
 * The shapes of a report diff: what {@link diffReports} returns and what `simulate --compare
 * --format json` prints under `differences` and `summary`.
 */
import type { ReportClaim, ReportEvent, ReportJob, ReportObjectRef, ReportPod } from '../report/json';

/** Which list of the JSON report a difference is in. */
export type DifferenceSection = 'job' | 'pod' | 'claim' | 'event';

/**
 * `added`: only in the `to` run; `removed`: only in the `from` run; `changed`: in both, with
 * different {@link ReportDifference.fields}.
 */
export type DifferenceChange = 'added' | 'removed' | 'changed';

/** A scalar field of a report record, as the JSON report holds it. */
export type FieldValue = string | number | boolean | null;

/** One field that differs between the two runs' records. */
export interface FieldChange {
  /** The JSON report's field name (`finished`, `condition`, `time`, `message`, …). */
  readonly field: string;
  /** Its value in the `from` run. */
  readonly from: FieldValue;
  /** Its value in the `to` run. */
  readonly to: FieldValue;
}

/** A record of the JSON report. */
export type ReportRecord = ReportPod | ReportJob | ReportClaim | ReportEvent;

/**
 * One record that exists in only one run, or in both with different fields.
 *
 * Records are matched by identity, then the instances of one identity (both lists are in creation
 * / recording order) are aligned as a sequence diff: equal instances match first, the ones between
 * them pair in order (changed), the surplus is added or removed.
 *
 * - pod: namespace + name; a name the API server generated (`<job>-x7k2p`, `<job>-<index>-x7k2p`,
 *   `<daemonset>-x7k2p`) is matched as `<prefix>*` among that owner's pods, so a different random
 *   suffix is not a difference;
 * - job: name (CronJob Jobs are named after their scheduled time, so they match across runs);
 * - claim: name;
 * - event: type, reason, object and related object (generated pod names as for pods).
 */
export interface ReportDifference {
  /** Which list. */
  readonly section: DifferenceSection;
  /** Added, removed or changed. */
  readonly change: DifferenceChange;
  /**
   * The workload the record belongs to, for grouping: a pod's or Job's top controller (a CronJob
   * for its Jobs and their pods), a claim's StatefulSet, an event's object's workload; the object
   * itself when it has no controller.
   */
  readonly workload: ReportObjectRef;
  /** What the record is: `Pod web-0`, `Pod pi-*`, `Job pi`, `PersistentVolumeClaim www-web-0`, `Event Warning BackoffLimitExceeded Job/pi`, `Event Normal SuccessfulCreate Job/pi (Pod pi-*#1)`. */
  readonly subject: string;
  /**
   * Which instance of the subject, from 1 (a StatefulSet pod recreated under its name is instance
   * 2): its place in the `to` run, or in the `from` run when `removed`.
   */
  readonly instance: number;
  /** The fields that differ (`changed` only; empty for added and removed). Times are RFC 3339 UTC. */
  readonly fields: readonly FieldChange[];
  /** The record in the `from` run, or null when `added`. */
  readonly from: ReportRecord | null;
  /** The record in the `to` run, or null when `removed`. */
  readonly to: ReportRecord | null;
}

/** How many records of one list were added, removed and changed. */
export interface DifferenceCounts {
  /** Only in the `to` run. */
  readonly added: number;
  /** Only in the `from` run. */
  readonly removed: number;
  /** In both, different. */
  readonly changed: number;
}

/** The counts per list. */
export interface DifferenceSummary {
  /** Events. */
  readonly events: DifferenceCounts;
  /** Pod instances. */
  readonly pods: DifferenceCounts;
  /** Job instances. */
  readonly jobs: DifferenceCounts;
  /** Claim instances. */
  readonly persistentVolumeClaims: DifferenceCounts;
}

/** What {@link diffReports} returns. */
export interface ReportDiff {
  /** True when {@link differences} is empty. */
  readonly identical: boolean;
  /** Counts per list. */
  readonly summary: DifferenceSummary;
  /**
   * Every difference, grouped by workload (ordered by namespace, kind, name), then by section
   * (job, pod, claim, event), then by the record's earliest time in either run, subject and
   * instance — the same order whichever run is `from`.
   */
  readonly differences: readonly ReportDifference[];
}
