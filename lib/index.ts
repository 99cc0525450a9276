export { ValidationError } from './constructs/_shared/errors';
export { validateStrict, isKnownKind, SchemaIssueCode } from './apiserver/schema';
export type { SchemaIssue } from './apiserver/schema';
export { BatchJob } from './constructs/jobs/batch-job';
export type { BatchJobProps } from './constructs/jobs/batch-job';
export {
  JobRestartPolicy, CompletionMode, PodFailurePolicyAction, ExitCodeOperator, PodConditionStatus, PodConditionType,
} from './constructs/jobs/job-template';
export type {
  JobTemplateOptions, JobContainerProps, SecretKeyRef, PodFailurePolicyRule, PodFailurePolicyOnExitCodes,
  PodFailurePolicyOnPodCondition,
} from './constructs/jobs/job-template';
export {
  StatefulDatabase, DatabaseUpdateStrategy, DatabaseUpdateStrategyType, PodAntiAffinity, WhenUnsatisfiable,
} from './constructs/stateful-database/stateful-database';
export type {
  StatefulDatabaseProps, DatabaseRollingUpdateOptions, TopologySpread, DatabaseNetworkPolicyOptions, DatabaseInitContainer,
} from './constructs/stateful-database/stateful-database';
export { DatabaseEngine, DatabaseProbe, DatabaseProbeKind } from './constructs/stateful-database/database-engine';
export type { SecretKeyReference, ProbeTiming, TcpProbeOptions, HttpProbeOptions, CustomEngineOptions } from './constructs/stateful-database/database-engine';
export { DatabaseStorage, DatabaseStorageKind, ClaimRetention } from './constructs/stateful-database/database-storage';
export type {
  PersistentStorageOptions, EphemeralStorageOptions, ExistingClaimOptions, ClaimRetentionPolicy,
} from './constructs/stateful-database/database-storage';
export { Schedule, ScheduleError } from './schedule/schedule';
export type { ScheduleOptions, CronFields, ScheduledRun, NextOutcome, NextRun, NoNextRun } from './schedule/schedule';
export { ScheduledJob, ConcurrencyPolicy } from './constructs/jobs/scheduled-job';
export type { ScheduledJobProps } from './constructs/jobs/scheduled-job';
export { NodeAgent, NodeAgentEnv, NodeAgentPriorityClass } from './constructs/node-agent/node-agent';
export type { NodeAgentProps, NodeAgentContainer, NodeAgentHostPath, NodeAgentApiRule } from './constructs/node-agent/node-agent';
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
  PatchAction, PauseControllerAction, DeleteAction,
} from './simulator';
export { renderHtmlTimeline, timelineOptionsFor, cronJobTimeZones } from './simulator/report/html';
export type {
  HtmlTimelineOptions, TimelineStep, TimelineObjectRef, TimelinePodTransition, TimelineSimulationResult, TimelineScenario,
  TimelineSimulation, TimelinePodHistory,
} from './simulator/report/html';
export { validate } from './apiserver/validate';
export type { ValidateOptions, ValidateResult } from './apiserver/validate';
