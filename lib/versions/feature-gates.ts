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

/**
 * The table, oldest stage first per gate. Versions before a gate's first row do not have the gate
 * (off, not settable).
 */
export const FEATURE_GATES: Readonly<Record<FeatureGateName, readonly FeatureGateStage[]>> = {
  JobPodReplacementPolicy: [],
  JobBackoffLimitPerIndex: [],
  JobSuccessPolicy: [],
  JobManagedBy: [],
  JobPodFailurePolicy: [],
  SidecarContainers: [],
  PodIndexLabel: [],
  CronJobsScheduledAnnotation: [],
  StatefulSetAutoDeletePVC: [],
  StatefulSetStartOrdinal: [],
  PodSchedulingReadiness: [],
  RelaxedEnvironmentVariableValidation: [],
  MaxUnavailableStatefulSet: [],
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

function versionCmp(a: KubernetesVersion, b: KubernetesVersion): number {
  if (a.minor !== b.minor) return a.minor - b.minor;
  // A version without a patch stands for its newest patch.
  return (a.patch ?? Number.MAX_SAFE_INTEGER) - (b.patch ?? Number.MAX_SAFE_INTEGER);
}

/** The stage of `name` at `version`, or undefined when the version does not have the gate. */
export function gateStageAt(name: FeatureGateName, version: KubernetesVersion): FeatureGateStage | undefined {
  let found: FeatureGateStage | undefined;
  for (const row of FEATURE_GATES[name]) {
    if (versionCmp(row.since, version) <= 0) found = row;
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
