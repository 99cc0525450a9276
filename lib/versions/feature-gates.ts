/**
 * Feature-gate defaults per Kubernetes version, for the gates that change what admission or a
 * modelled controller does. Each gate's rows cite the KEP or PR that set the default.
 * Admission (schema, validation, defaulting, dropped disabled fields) and the controllers read
 * {@link FeatureGates}; nothing else decides per version.
 *
 * `--feature-gates Name=true,...` overrides defaults as the components' flag does; a locked
 * (GA) gate cannot be turned off, as in `k8s.io/component-base/featuregate`.
 */
import { DEFAULT_KUBERNETES_VERSION, formatKubernetesVersion, KubernetesVersion } from './kubernetes-version';

/** The gates this package models. */
export type FeatureGateName =
  | 'JobPodReplacementPolicy'
  | 'JobBackoffLimitPerIndex'
  | 'JobSuccessPolicy'
  | 'JobManagedBy'
  | 'JobPodFailurePolicy'
  | 'SidecarContainers'
  | 'PodIndexLabel'
  | 'CronJobsScheduledAnnotation'
  | 'StatefulSetAutoDeletePVC'
  | 'StatefulSetStartOrdinal'
  | 'PodSchedulingReadiness'
  | 'RelaxedEnvironmentVariableValidation'
  | 'MaxUnavailableStatefulSet';

/** One row of the table: from `since` (inclusive) the gate defaults to `enabled`. */
export interface FeatureGateStage {
  /** First version of this stage: `{ minor }` or `{ minor, patch }`. */
  readonly since: KubernetesVersion;
  /** Default value from `since`. */
  readonly enabled: boolean;
  /** alpha, beta, GA (locked on), deprecated. */
  readonly stage: 'alpha' | 'beta' | 'GA' | 'deprecated';
  /** The KEP or PR that set it. */
  readonly source: string;
}

/** The versioned spec list upstream: `pkg/features/kube_features.go` (`defaultVersionedKubernetesFeatureGates`). */
const KF = 'pkg/features/kube_features.go';

function row(minor: number, enabled: boolean, stage: FeatureGateStage['stage'], source: string, patch?: number): FeatureGateStage {
  return { since: patch === undefined ? { minor } : { minor, patch }, enabled, stage, source };
}

/**
 * The table, oldest stage first per gate. Versions before a gate's first row do not have the gate
 * (off, not settable). Each row is the `{Version, Default, PreRelease}` spec of
 * `pkg/features/kube_features.go` (release-1.33 and master) and the gate's KEP.
 *
 * Upstream deletes a GA gate some releases after it locks (e.g. JobPodFailurePolicy is gone from
 * release-1.33); the table keeps the locked GA row instead, so `Gate=true` is accepted where
 * upstream would answer "unrecognized feature gate".
 */
export const FEATURE_GATES: Readonly<Record<FeatureGateName, readonly FeatureGateStage[]>> = {
  // KEP-3939 (kep.k8s.io/3939) spec.podReplacementPolicy, status.terminating.
  JobPodReplacementPolicy: [
    row(28, false, 'alpha', `KEP-3939 alpha (${KF} 1.28)`),
    row(29, true, 'beta', `KEP-3939 beta (${KF} 1.29)`),
    row(34, true, 'GA', `KEP-3939 GA (${KF} 1.34, LockToDefault)`),
  ],
  // KEP-3850 (kep.k8s.io/3850) spec.backoffLimitPerIndex, maxFailedIndexes, status.failedIndexes.
  JobBackoffLimitPerIndex: [
    row(28, false, 'alpha', `KEP-3850 alpha (${KF} 1.28)`),
    row(29, true, 'beta', `KEP-3850 beta (${KF} 1.29)`),
    row(33, true, 'GA', `KEP-3850 GA (${KF} 1.33, LockToDefault)`),
  ],
  // KEP-3998 (kep.k8s.io/3998) spec.successPolicy, the SuccessCriteriaMet condition.
  JobSuccessPolicy: [
    row(30, false, 'alpha', `KEP-3998 alpha (${KF} 1.30)`),
    row(31, true, 'beta', `KEP-3998 beta (${KF} 1.31)`),
    row(33, true, 'GA', `KEP-3998 GA (${KF} 1.33, LockToDefault)`),
  ],
  // KEP-4368 (kep.k8s.io/4368) spec.managedBy.
  JobManagedBy: [
    row(30, false, 'alpha', `KEP-4368 alpha (${KF} 1.30)`),
    row(32, true, 'beta', `KEP-4368 beta (${KF} 1.32)`),
    row(35, true, 'GA', `KEP-4368 GA (${KF} 1.35, LockToDefault)`),
  ],
  // KEP-3329 (kep.k8s.io/3329) spec.podFailurePolicy.
  JobPodFailurePolicy: [
    row(25, false, 'alpha', `KEP-3329 alpha (${KF} 1.25)`),
    row(26, true, 'beta', `KEP-3329 beta (${KF} 1.26)`),
    row(31, true, 'GA', `KEP-3329 GA (${KF} 1.31, LockToDefault)`),
  ],
  // KEP-753 (kep.k8s.io/753) restartable init containers.
  SidecarContainers: [
    row(28, false, 'alpha', `KEP-753 alpha (${KF} 1.28)`),
    row(29, true, 'beta', `KEP-753 beta (${KF} 1.29)`),
    row(33, true, 'GA', `KEP-753 GA (${KF} 1.33, LockToDefault)`),
  ],
  // KEP-4017 (kep.k8s.io/4017): the batch.kubernetes.io/job-completion-index / pod-index labels.
  PodIndexLabel: [
    row(28, true, 'beta', `KEP-4017 beta (${KF} 1.28)`),
    row(32, true, 'GA', `KEP-4017 GA (${KF} 1.32, LockToDefault)`),
  ],
  // KEP-4026 (kep.k8s.io/4026) batch.kubernetes.io/cronjob-scheduled-timestamp: kubernetes#118137 added it
  // (beta), kubernetes#128336 made it GA.
  CronJobsScheduledAnnotation: [
    row(28, true, 'beta', `kubernetes#118137 beta (${KF} 1.28)`),
    row(32, true, 'GA', `kubernetes#128336 GA (${KF} 1.32, LockToDefault)`),
  ],
  // KEP-1847 (kep.k8s.io/1847) persistentVolumeClaimRetentionPolicy.
  StatefulSetAutoDeletePVC: [
    row(23, false, 'alpha', `KEP-1847 alpha (${KF} 1.23)`),
    row(27, true, 'beta', `KEP-1847 beta (${KF} 1.27)`),
    row(32, true, 'GA', `KEP-1847 GA (${KF} 1.32, LockToDefault)`),
  ],
  // KEP-3335 (kep.k8s.io/3335) spec.ordinals.start.
  StatefulSetStartOrdinal: [
    row(26, false, 'alpha', `KEP-3335 alpha (${KF} 1.26)`),
    row(27, true, 'beta', `KEP-3335 beta (${KF} 1.27)`),
    row(31, true, 'GA', `KEP-3335 GA (${KF} 1.31, LockToDefault)`),
  ],
  // KEP-3521 (kep.k8s.io/3521) spec.schedulingGates.
  PodSchedulingReadiness: [
    row(26, false, 'alpha', `KEP-3521 alpha (${KF} 1.26)`),
    row(27, true, 'beta', `KEP-3521 beta (${KF} 1.27)`),
    row(30, true, 'GA', `KEP-3521 GA (${KF} 1.30, LockToDefault)`),
  ],
  // KEP-4369 (kep.k8s.io/4369) any printable ASCII but '=' in env var names.
  RelaxedEnvironmentVariableValidation: [
    row(30, false, 'alpha', `KEP-4369 alpha (${KF} 1.30)`),
    row(32, true, 'beta', `KEP-4369 beta (${KF} 1.32)`),
    row(34, true, 'GA', `KEP-4369 GA (${KF} 1.34, LockToDefault)`),
  ],
  // KEP-961 (kep.k8s.io/961) rollingUpdate.maxUnavailable. Beta on in 1.35.0, turned back off by
  // kubernetes#137409 (cherry-picked to 1.35.4 and in 1.36), on again in 1.37.
  MaxUnavailableStatefulSet: [
    row(24, false, 'alpha', `KEP-961 alpha (${KF} 1.24)`),
    row(35, true, 'beta', `KEP-961 beta, default on (${KF} 1.35)`),
    row(35, false, 'beta', 'kubernetes#137409: default off again (1.35.4 cherry-pick)', 4),
    row(37, true, 'beta', 'kubernetes#137409: KEP-961 beta default on again in 1.37'),
  ],
};

/** The resolved gates of one run. */
export interface FeatureGates {
  /** The version the defaults come from. */
  readonly version: KubernetesVersion;
  /** Whether `name` is on. */
  enabled(name: FeatureGateName): boolean;
  /** Every modelled gate and its value, for reports. */
  all(): Readonly<Record<FeatureGateName, boolean>>;
}

/** Whether a row starting at `since` applies to `version`. */
function rowApplies(since: KubernetesVersion, version: KubernetesVersion): boolean {
  if (since.minor !== version.minor) return since.minor < version.minor;
  // A row's `since` without a patch starts at .0; a version without a patch stands for its newest patch.
  return version.patch === undefined || (since.patch ?? 0) <= version.patch;
}

/** The stage of `name` at `version`, or undefined when the version does not have the gate. */
export function gateStageAt(name: FeatureGateName, version: KubernetesVersion): FeatureGateStage | undefined {
  let found: FeatureGateStage | undefined;
  for (const row of FEATURE_GATES[name]) {
    if (rowApplies(row.since, version)) found = row;
  }
  return found;
}

/**
 * The gates of `version`, with `overrides` applied.
 *
 * @throws RangeError when an override names an unknown gate, a gate the version does not have, or turns off a GA gate
 */
export function featureGatesFor(version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION, overrides: Readonly<Record<string, boolean>> = {}): FeatureGates {
  const values = {} as Record<FeatureGateName, boolean>;
  for (const name of Object.keys(FEATURE_GATES) as FeatureGateName[]) values[name] = gateStageAt(name, version)?.enabled ?? false;
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in FEATURE_GATES)) {
      throw new RangeError(`unknown feature gate ${JSON.stringify(name)}; known: ${Object.keys(FEATURE_GATES).join(', ')}`);
    }
    const stage = gateStageAt(name as FeatureGateName, version);
    if (!stage) throw new RangeError(`feature gate ${name} does not exist in Kubernetes ${formatKubernetesVersion(version)}`);
    if (stage.stage === 'GA' && !value) throw new RangeError(`feature gate ${name} is GA and locked to true in Kubernetes ${formatKubernetesVersion(version)}`);
    values[name as FeatureGateName] = value;
  }
  const frozen = Object.freeze({ ...values });
  return { version, enabled: (name) => frozen[name], all: () => frozen };
}

/** The 1.27 defaults, used where no version is given. */
export const DEFAULT_FEATURE_GATES: FeatureGates = featureGatesFor(DEFAULT_KUBERNETES_VERSION);
