/**
 * Feature gates for version tests that do not depend on lib/versions/feature-gates.ts's table:
 * every modelled gate off except those named, at the given version.
 *
 * ```ts
 * const gates = gatesWith({ SidecarContainers: true }, { minor: 29 });
 * ```
 */
import { FEATURE_GATES, FeatureGateName, FeatureGates } from '../../lib/versions/feature-gates';
import type { KubernetesVersion } from '../../lib/versions/kubernetes-version';

/**
 * A {@link FeatureGates} with exactly `on` enabled, at `version`.
 *
 * @param on the gates to turn on @default {} (all off)
 * @param version the version @default 1.27
 */
export function gatesWith(on: Partial<Record<FeatureGateName, boolean>> = {}, version: KubernetesVersion = { minor: 27 }): FeatureGates {
  const values = {} as Record<FeatureGateName, boolean>;
  for (const name of Object.keys(FEATURE_GATES) as FeatureGateName[]) values[name] = on[name] ?? false;
  const frozen = Object.freeze(values);
  return { version, enabled: (name) => frozen[name], all: () => frozen };
}
