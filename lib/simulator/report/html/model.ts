/**
 * The model the HTML timeline is drawn from: display phases and their classes, and the pod, Job,
 * lane and group items built from the report.
 *
 * @internal
 */
import type { SimulationReport } from '../json';

/** An event of the report. @internal */
export type ReportEvent = SimulationReport['events'][number];
/** A pod instance of the report. @internal */
export type ReportPod = SimulationReport['pods'][number];
/** A Job of the report. @internal */
export type ReportJob = SimulationReport['jobs'][number];

/** Display phases of a pod bar. `Running` means running but not Ready. @internal */
export type Phase = 'Pending' | 'Running' | 'Ready' | 'Succeeded' | 'Failed' | 'Terminating';

/** The display phases in legend order. @internal */
export const PHASES: readonly Phase[] = ['Pending', 'Running', 'Ready', 'Succeeded', 'Failed', 'Terminating'];
/** Legend and hover text of each display phase. @internal */
export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  Pending: 'Pending',
  Running: 'Running, not ready',
  Ready: 'Ready',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Terminating: 'Terminating',
};
/** CSS class of each display phase. @internal */
export const PHASE_CLASS: Readonly<Record<Phase, string>> = {
  Pending: 'ph-pending',
  Running: 'ph-running',
  Ready: 'ph-ready',
  Succeeded: 'ph-succeeded',
  Failed: 'ph-failed',
  Terminating: 'ph-terminating',
};

/** How a Job ended, or that it has not. @internal */
export type JobOutcome = 'Complete' | 'Failed' | 'Active' | 'Deleted';
/** CSS class of each Job outcome. @internal */
export const OUTCOME_CLASS: Readonly<Record<JobOutcome, string>> = {
  Complete: 'ph-succeeded',
  Failed: 'ph-failed',
  Active: 'ph-running',
  Deleted: 'ph-terminating',
};

/** An event placed on the timeline, with its hover text. @internal */
export interface Ev {
  readonly index: number;
  readonly atMs: number;
  readonly warning: boolean;
  /** A run the CronJob controller did not start (JobAlreadyActive, MissSchedule). */
  readonly skip: boolean;
  readonly text: string;
}

/** A stretch of a pod bar in one display phase. @internal */
export interface Segment {
  readonly phase: Phase;
  readonly fromMs: number;
  readonly toMs: number;
}

/** A pod instance with its bars and events. @internal */
export interface PodItem {
  readonly pod: ReportPod;
  readonly index: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** End of the part where the pod runs or waits; a finished pod's Succeeded/Failed tail may be drawn over. */
  readonly busyToMs: number;
  readonly segments: readonly Segment[];
  readonly events: Ev[];
}

/** A Job with its namespace, lifetime, outcome, pods and events. @internal */
export interface JobItem {
  readonly job: ReportJob;
  readonly index: number;
  readonly namespace: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly outcome: JobOutcome;
  readonly pods: PodItem[];
  readonly events: Ev[];
}

/** What a lane shows. @internal */
export type LaneKind = 'pod' | 'job' | 'cronjob-jobs' | 'jobs' | 'more';

/** One row of the timeline. @internal */
export interface Lane {
  readonly kind: LaneKind;
  readonly label: string;
  readonly title: string;
  /** Pod bars, one row. */
  readonly pods: readonly PodItem[];
  /** Job lifetime bars: the outline under a job lane, or the ticks of an aggregated lane. */
  readonly jobs: readonly JobItem[];
  /** Rows inside an aggregated lane (jobs packed so overlapping runs stack). */
  readonly jobRows: readonly (readonly JobItem[])[];
  readonly markers: readonly Ev[];
  readonly podCount: number;
  readonly jobCount: number;
}

/** The lanes of one owner (or the cluster row), under one header. @internal */
export interface Group {
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly firstMs: number;
  readonly headerEvents: Ev[];
  readonly note: string;
  readonly lanes: Lane[];
}
