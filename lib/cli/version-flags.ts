/**
 * `--kubernetes-version <1.N|1.N.P>` and `--feature-gates Name=true,Other=false` of `simulate` and
 * `validate`: the flag text becomes the {@link VersionOptions} that `simulate()` / `validate()` take,
 * checked up front so a bad value is a usage error (exit 2) before anything is loaded.
 */
import { resolveFeatureGates, VersionOptions } from '../versions/resolve';
import { FeatureGates } from '../versions/feature-gates';
import { KubernetesVersionError } from '../versions/kubernetes-version';
import { FeatureGatesSyntaxError, parseFeatureGates } from '../versions/parse-feature-gates';
import { CliError } from './io';

/** The two flags as commander hands them over. */
export interface VersionFlags {
  /** `--kubernetes-version`, as typed. @default - 1.27 */
  readonly kubernetesVersion?: string;
  /** `--feature-gates`, as typed. @default - the version's defaults */
  readonly featureGates?: string;
}

/**
 * The {@link VersionOptions} of the flags, resolved once so every mistake is reported as bad usage:
 * a malformed or unsupported version names the supported minors; gate text that is not
 * `Name=bool,...` gives {@link parseFeatureGates}' message; an unknown gate, a gate the version does
 * not have, or a GA gate turned off gives the gate table's message.
 *
 * @param flags the flag values
 * @param names the flags' names in messages (`--compare` uses its own pair)
 * @returns the options for `simulate()` / `validate()` and the resolved gates
 * @throws CliError (exit 2) naming the flag and the fix
 */
export function versionOptionsFromFlags(
  flags: VersionFlags,
  names: { readonly version: string; readonly gates: string } = { version: '--kubernetes-version', gates: '--feature-gates' },
): { readonly options: VersionOptions; readonly gates: FeatureGates } {
  let featureGates: Record<string, boolean> | undefined;
  try {
    featureGates = flags.featureGates === undefined ? undefined : parseFeatureGates(flags.featureGates);
  } catch (e) {
    if (e instanceof FeatureGatesSyntaxError) throw new CliError(`${names.gates} ${flags.featureGates}: ${e.message}`, 2);
    throw e;
  }
  const options: VersionOptions = {
    ...(flags.kubernetesVersion !== undefined ? { kubernetesVersion: flags.kubernetesVersion } : {}),
    ...(featureGates !== undefined ? { featureGates } : {}),
  };
  try {
    return { options, gates: resolveFeatureGates(options) };
  } catch (e) {
    if (e instanceof KubernetesVersionError) throw new CliError(`${names.version} ${flags.kubernetesVersion}: ${e.message}`, 2);
    if (e instanceof RangeError) throw new CliError(`${names.gates} ${flags.featureGates}: ${e.message}`, 2);
    throw e;
  }
}
