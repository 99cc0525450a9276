/**
 * The one place a `kubernetesVersion` / `featureGates` option pair becomes the run's
 * {@link FeatureGates}: `simulate()`, `validate()` and the loader all call it.
 */
import { FeatureGates, featureGatesFor } from './feature-gates';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion, parseKubernetesVersion } from './kubernetes-version';

/** The version options `simulate()`, `validate()` and `loadManifests()` take. */
export interface VersionOptions {
  /**
   * The Kubernetes version to admit and simulate as: `'1.36'`, `'1.35.4'` or a parsed version.
   * @default '1.27' (the constructs' API level)
   */
  readonly kubernetesVersion?: string | KubernetesVersion;
  /**
   * Feature-gate overrides, as `--feature-gates Name=true,...` sets them on the components.
   * @default - the version's defaults (lib/versions/feature-gates.ts)
   */
  readonly featureGates?: Readonly<Record<string, boolean>>;
}

/**
 * The gates of a run.
 *
 * @throws KubernetesVersionError for a malformed or unsupported version; RangeError for an unknown or locked gate
 */
export function resolveFeatureGates(options: VersionOptions = {}): FeatureGates {
  const v = options.kubernetesVersion;
  const version: KubernetesVersion = v === undefined ? DEFAULT_KUBERNETES_VERSION : typeof v === 'string' ? parseKubernetesVersion(v) : v;
  return featureGatesFor(version, options.featureGates ?? {});
}
