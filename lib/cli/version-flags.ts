/**
 * `--kubernetes-version <1.N|1.N.P>` and `--feature-gates Name=true,Other=false` of `simulate` and
 * `validate`: the flag text becomes the {@link VersionOptions} that `simulate()` / `validate()` take,
 * checked up front so a bad value is a usage error (exit 2) before anything is loaded.
 */
import { resolveFeatureGates, VersionOptions } from '../versions/resolve';
import { FeatureGates } from '../versions/feature-gates';
import { KubernetesVersionError } from '../versions/kubernetes-version';
import { CliError } from './io';

/** The two flags as commander hands them over. */
export interface VersionFlags {
  /** `--kubernetes-version`, as typed. @default - 1.27 */
  readonly kubernetesVersion?: string;
  /** `--feature-gates`, as typed. @default - the version's defaults */
  readonly featureGates?: string;
}

/**
 * `strconv.ParseBool`, which `--feature-gates` values go through upstream: 1, t, T, TRUE, true,
 * True, 0, f, F, FALSE, false, False.
 */
const BOOL_VALUES: Readonly<Record<string, boolean>> = {
  1: true, t: true, T: true, TRUE: true, true: true, True: true,
  0: false, f: false, F: false, FALSE: false, false: false, False: false,
};

/**
 * Parses `Name=true,Other=false` as the components' `--feature-gates` flag does
 * (`featureGate.Set` in k8s.io/component-base/featuregate/feature_gate.go: split on `,`, skip empty
 * parts, split each on the first `=`, trim both sides, `strconv.ParseBool` the value). Whether the
 * names exist is checked later, against the version ({@link versionOptionsFromFlags}).
 *
 * @param text the flag value
 * @param flag the flag's name, for messages
 * @throws CliError (exit 2) for a part without `=` or a value that is not a boolean
 */
export function parseFeatureGatesFlag(text: string, flag = '--feature-gates'): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  for (const part of text.split(',')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    // Only a zero-length part is skipped upstream; a blank one fails there as "missing bool value for ".
    if (eq < 0 && name === '') throw new CliError(`${flag} ${text}: a blank entry between commas; remove it`, 2);
    if (eq < 0) throw new CliError(`${flag} ${text}: missing bool value for ${name}; write ${name}=true or ${name}=false`, 2);
    const value = part.slice(eq + 1).trim();
    if (!(value in BOOL_VALUES)) throw new CliError(`${flag} ${text}: invalid value of ${name}=${value}; use true or false`, 2);
    if (name === '') throw new CliError(`${flag} ${text}: a gate name is missing before =${value}`, 2);
    gates[name] = BOOL_VALUES[value];
  }
  return gates;
}

/**
 * The {@link VersionOptions} of the flags, resolved once so every mistake is reported as bad usage:
 * a malformed or unsupported version names the supported minors; an unknown gate, a gate the
 * version does not have, or a GA gate turned off gives the gate table's message.
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
  const featureGates = flags.featureGates === undefined ? undefined : parseFeatureGatesFlag(flags.featureGates, names.gates);
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
