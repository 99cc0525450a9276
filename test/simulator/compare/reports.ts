/**
 * Synthetic JSON reports (DESIGN.md "JSON output") for the diff tests: every record defaults to a
 * plausible value, and a test overrides only what it is about.
 */
import type { ReportClaim, ReportEvent, ReportJob, ReportPod, SimulationReport } from '../../../lib/simulator/report/json';

export const START = '2024-01-01T00:00:00Z';

/** `START` + `s` seconds, RFC 3339. */
export function at(s: number): string {
  return new Date(Date.parse(START) + s * 1000).toISOString().replace('.000Z', 'Z');
}

export function pod(name: string, over: Partial<ReportPod> = {}): ReportPod {
  return {
    name, namespace: 'default', node: 'worker1', ip: '10.244.1.2', image: 'nginx:1.25', phase: 'Running', ready: true, restarts: 0,
    owner: { kind: 'StatefulSet', name: 'web' }, created: at(0), started: at(1), readyAt: at(5), finished: null, deleting: null, deleted: null, ...over,
  };
}

export function job(name: string, over: Partial<ReportJob> = {}): ReportJob {
  return { name, owner: null, created: at(0), finished: at(12), condition: 'Complete', reason: null, succeeded: 1, failed: 0, deleted: null, ...over };
}

export function claim(name: string, over: Partial<ReportClaim> = {}): ReportClaim {
  return { name, status: 'Bound', created: at(0), deleted: null, ...over };
}

export function event(reason: string, object: ReportEvent['object'], over: Partial<ReportEvent> = {}): ReportEvent {
  return { time: at(0), type: 'Normal', object, reason, message: `${reason} ${object.name}`, ...over };
}

export const SS_WEB = { kind: 'StatefulSet', namespace: 'default', name: 'web' } as const;
export const JOB_PI = { kind: 'Job', namespace: 'default', name: 'pi' } as const;

export function report(over: Partial<SimulationReport> = {}): SimulationReport {
  return { start: START, end: at(600), seed: 1, events: [], pods: [], persistentVolumeClaims: [], jobs: [], dns: {}, ...over };
}
