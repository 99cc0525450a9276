/**
 * The upgrade preview: run the same manifests and scenario under two Kubernetes versions and
 * report what differs ({@link compareVersions}), and the pure diff of two JSON reports it is
 * built on ({@link diffReports}, {@link renderDiffText}).
 */
export { compareVersions, VersionComparison } from './compare-versions';
export type { CompareOptions, ComparisonJson } from './compare-versions';
export { diffReports, COMPARED_FIELDS } from './diff-reports';
export { renderDiffText } from './render-text';
export type { GateChange, DiffTextHeader } from './render-text';
export { generatedPrefix } from './identity';
export type {
  DifferenceSection, DifferenceChange, FieldValue, FieldChange, ReportRecord, ReportDifference, DifferenceCounts, DifferenceSummary, ReportDiff,
} from './types';
