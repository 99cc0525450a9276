export { ValidationError } from './constructs/_shared/errors';
export { validateStrict, isKnownKind, SchemaIssueCode } from './apiserver/schema';
export type { SchemaIssue } from './apiserver/schema';
export { BatchJob } from './constructs/jobs/batch-job';
export type { BatchJobProps } from './constructs/jobs/batch-job';
export { JobRestartPolicy, CompletionMode } from './constructs/jobs/job-template-options';
export {
  PodFailurePolicyAction, ExitCodeOperator, PodConditionStatus, PodConditionType,
} from './constructs/jobs/pod-failure-policy-options';
export type { JobTemplateOptions, JobContainerProps, SecretKeyRef } from './constructs/jobs/job-template-options';
export type {
  PodFailurePolicyRule, PodFailurePolicyOnExitCodes, PodFailurePolicyOnPodCondition,
} from './constructs/jobs/pod-failure-policy-options';
export { StatefulDatabase } from './constructs/stateful-database/stateful-database';
export { DatabaseUpdateStrategy, DatabaseUpdateStrategyType } from './constructs/stateful-database/update-strategy';
export { PodAntiAffinity, WhenUnsatisfiable } from './constructs/stateful-database/scheduling';
export type { StatefulDatabaseProps, DatabaseNetworkPolicyOptions, DatabaseInitContainer } from './constructs/stateful-database/props';
export type { DatabaseRollingUpdateOptions } from './constructs/stateful-database/update-strategy';
export type { TopologySpread } from './constructs/stateful-database/scheduling';
export { DatabaseEngine } from './constructs/stateful-database/database-engine';
export { DatabaseProbe, DatabaseProbeKind } from './constructs/stateful-database/database-probe';
export type { SecretKeyReference } from './constructs/stateful-database/database-engine';
export type { ProbeTiming, TcpProbeOptions, HttpProbeOptions } from './constructs/stateful-database/database-probe';
export type { CustomEngineOptions } from './constructs/stateful-database/engine-options';
export { DatabaseStorage, DatabaseStorageKind, ClaimRetention } from './constructs/stateful-database/database-storage';
export type {
  PersistentStorageOptions, EphemeralStorageOptions, ExistingClaimOptions, ClaimRetentionPolicy,
} from './constructs/stateful-database/database-storage';
export { Schedule } from './schedule/schedule';
export { ScheduleError } from './schedule/schedule-error';
export type { ScheduleOptions, CronFields, ScheduledRun, NextOutcome, NextRun, NoNextRun } from './schedule/schedule-types';
export { ScheduledJob, ConcurrencyPolicy } from './constructs/jobs/scheduled-job';
export type { ScheduledJobProps } from './constructs/jobs/scheduled-job';
export { NodeAgent } from './constructs/node-agent/node-agent';
export { NodeAgentEnv } from './constructs/node-agent/env';
export { NodeAgentPriorityClass } from './constructs/node-agent/priority-class';
export type { NodeAgentProps, NodeAgentApiRule } from './constructs/node-agent/props';
export type { NodeAgentContainer, NodeAgentHostPath } from './constructs/node-agent/container-props';
export { NodeAgentTolerations, TolerationOperator } from './constructs/node-agent/tolerations';
export type { NodeAgentToleration } from './constructs/node-agent/tolerations';
export { NodeAgentUpdateStrategy, NodeAgentUpdateStrategyType } from './constructs/node-agent/update-strategy';
export type { NodeAgentRollingUpdateOptions } from './constructs/node-agent/update-strategy';
export { PodSecurityLevel, NodeAgentCapability, POD_SECURITY_ENFORCE_LABEL } from './constructs/node-agent/security';
export { NodeSelectorOperator } from './constructs/node-agent/placement';
export type { NodeSelectorRequirement, NodeSelectorTerm, PreferredNodeSelectorTerm } from './constructs/node-agent/placement';
export {
  simulate, SimulationResult, Simulation, parseScenario, ScenarioError, loadManifests, loadManifestsOrThrow, ManifestError, ManifestIssueCode,
} from './simulator';
export type {
  SimulateOptions, EventQuery, SimulationOptions, HistoryMode, DroppedRecords, SimulationReport, ReportEvent, ReportPod, ReportClaim, ReportJob, ReportObjectRef,
  ReportOwnerRef, Scenario, ScenarioStep, ScenarioAction, ScenarioSource, ScenarioIssue, ManifestSource, LoadResult, LoadedManifest,
  LoadedManifests, LoadOptions, ChartLike, ChartNode, AppLike, ManifestIssue, ManifestNotice, Manifest, ManifestMetadata, ScaleAction,
  DeletePodAction, SetImageAction, AddNodeAction, NodeAction, TaintAction, UntaintAction, FailPodAction, EvictPodAction, SetReadyAction,
  PatchAction, PauseControllerAction, DeleteAction, NodeConditionAction, RemoveFinalizerAction, FailRequestsAction, RequestFaultRule,
  FaultVerb, FaultKind, FaultReason,
} from './simulator';
export { compareVersions, VersionComparison, diffReports, renderDiffText, COMPARED_FIELDS } from './simulator/compare';
export type {
  CompareOptions, ComparisonJson, GateChange, DiffTextHeader, DifferenceSection, DifferenceChange, FieldValue, FieldChange, ReportRecord, ReportDifference,
  DifferenceCounts, DifferenceSummary, ReportDiff,
} from './simulator/compare';
export { renderHtmlTimeline, timelineOptionsFor, cronJobTimeZones } from './simulator/report/html';
export type {
  HtmlTimelineOptions, TimelineStep, TimelineObjectRef, TimelinePodTransition, TimelineSimulationResult, TimelineScenario,
  TimelineSimulation, TimelinePodHistory,
} from './simulator/report/html';
export { validate } from './apiserver/validate';
export type { ValidateOptions, ValidateResult } from './apiserver/validate';
export {
  expectSimulation, SimulationAssertions, ExpectationError, evaluateExpectation, evaluateScenarioExpectations, formatExpectationFailure,
} from './simulator/expect';
export type {
  NoWarningsOptions, PodsReadyOptions, JobConditionOptions, CronJobRunsOptions, EventOptions, RunsRange, ExpectationResult, SimulationOutcome, OutcomeScenario, OutcomeSimulation,
  ExpectationJson, Expectation, NoWarningsExpectation, PodsReadyExpectation, JobExpectation, CronJobExpectation, EventExpectation,
} from './simulator/expect';
export {
  SUPPORTED_MINORS, DEFAULT_KUBERNETES_VERSION, KubernetesVersionError, parseKubernetesVersion, formatKubernetesVersion, supportedVersionsText, atLeast,
} from './versions/kubernetes-version';
export type { KubernetesVersion } from './versions/kubernetes-version';
export { FEATURE_GATES, featureGatesFor, gateStageAt, DEFAULT_FEATURE_GATES } from './versions/feature-gates';
export type { FeatureGateName, FeatureGateStage, FeatureGates } from './versions/feature-gates';
export { resolveFeatureGates } from './versions/resolve';
export { parseFeatureGates, FeatureGatesSyntaxError } from './versions/parse-feature-gates';
export type { VersionOptions } from './versions/resolve';
export type { ReportWorkload, ReportWorkloadStatus, ReportClaimStatus, ReportNotice } from './simulator/report/workloads';
export type { ReportAggregatedEvent } from './simulator/report/events-aggregated';
export type { WorkloadKind } from './simulator/report/kubectl-columns';
export { humanDuration } from './simulator/report/human-duration';
export { EventCorrelator } from './simulator/report/event-correlator';
export type { CorrelatorInput, CorrelatedEvent, CorrelatorOptions } from './simulator/report/event-correlator';
