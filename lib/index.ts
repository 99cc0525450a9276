export { ValidationError } from './errors';
export { validateStrict, isKnownKind, SchemaIssueCode } from './k8s-schema';
export type { SchemaIssue } from './k8s-schema';
export { BatchJob } from './batch-job';
export type { BatchJobProps } from './batch-job';
export {
  JobRestartPolicy, CompletionMode, PodFailurePolicyAction, ExitCodeOperator, PodConditionStatus, PodConditionType,
} from './_job-template';
export type {
  JobTemplateOptions, JobContainerProps, SecretKeyRef, PodFailurePolicyRule, PodFailurePolicyOnExitCodes,
  PodFailurePolicyOnPodCondition,
} from './_job-template';
export {
  StatefulDatabase, DatabaseUpdateStrategy, DatabaseUpdateStrategyType, PodAntiAffinity, WhenUnsatisfiable,
} from './stateful-database';
export type {
  StatefulDatabaseProps, DatabaseRollingUpdateOptions, TopologySpread, DatabaseNetworkPolicyOptions, DatabaseInitContainer,
} from './stateful-database';
export { DatabaseEngine, DatabaseProbe, DatabaseProbeKind } from './database-engine';
export type { SecretKeyReference, ProbeTiming, TcpProbeOptions, HttpProbeOptions, CustomEngineOptions } from './database-engine';
export { DatabaseStorage, DatabaseStorageKind, ClaimRetention } from './database-storage';
export type {
  PersistentStorageOptions, EphemeralStorageOptions, ExistingClaimOptions, ClaimRetentionPolicy,
} from './database-storage';
export { Schedule, ScheduleError } from './schedule';
export type { ScheduleOptions, CronFields, ScheduledRun, NextOutcome, NextRun, NoNextRun } from './schedule';
export { ScheduledJob, ConcurrencyPolicy } from './scheduled-job';
export type { ScheduledJobProps } from './scheduled-job';
export { NodeAgent, NodeAgentEnv, NodeAgentPriorityClass } from './node-agent';
export type { NodeAgentProps, NodeAgentContainer, NodeAgentHostPath, NodeAgentApiRule } from './node-agent';
export { NodeAgentTolerations, TolerationOperator } from './node-agent-tolerations';
export type { NodeAgentToleration } from './node-agent-tolerations';
export { NodeAgentUpdateStrategy, NodeAgentUpdateStrategyType } from './node-agent-update-strategy';
export type { NodeAgentRollingUpdateOptions } from './node-agent-update-strategy';
export { PodSecurityLevel, NodeAgentCapability, POD_SECURITY_ENFORCE_LABEL } from './node-agent-security';
export { NodeSelectorOperator } from './node-placement';
export type { NodeSelectorRequirement, NodeSelectorTerm, PreferredNodeSelectorTerm } from './node-placement';
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
