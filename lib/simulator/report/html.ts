/**
 * A self-contained HTML timeline of a simulation: one lane per pod, grouped by owner, bars coloured
 * by phase, markers for scenario steps and Warning events, a time axis in the scenario clock (UTC)
 * and in each CronJob's time zone, a summary header and a legend.
 *
 * The page is inline SVG + CSS only: no script, no external resource, and a Content-Security-Policy
 * (`default-src 'none'`) that forbids the browser to fetch anything. Hover text comes from SVG
 * `<title>` elements. Output is a pure function of its inputs: the same report and options give the
 * same bytes (no clock, no locale-dependent sorting, fixed number formatting).
 */
// The implementation lives in ./html/; this entry keeps the import path (and build/lib/simulator/report/html.js).
export { renderHtmlTimeline } from './html/document';
export { cronJobTimeZones, timelineOptionsFor } from './html/options';
export type {
  HtmlTimelineOptions, TimelineObjectRef, TimelinePodHistory, TimelinePodTransition, TimelineScenario, TimelineSimulation,
  TimelineSimulationResult, TimelineStep,
} from './html/options';
export { formatDuration } from './html/text';
