/**
 * The `--feature-gates` flag text, `Name=true,Other=false`, as the components parse it
 * (`featureGate.Set` in k8s.io/component-base/featuregate/feature_gate.go): split on `,`, skip
 * zero-length parts, split each on the first `=`, trim both sides, `strconv.ParseBool` the value;
 * the last setting of a name wins. Whether a name is a known gate is decided later by
 * `featureGatesFor`, against the version.
 */

/** A `--feature-gates` text that is not `Name=bool,...`; the message names the part and the fix. */
export class FeatureGatesSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'FeatureGatesSyntaxError';
  }
}

/** `strconv.ParseBool` accepts exactly these spellings. */
const BOOL_VALUES: Readonly<Record<string, boolean>> = {
  1: true, t: true, T: true, TRUE: true, true: true, True: true,
  0: false, f: false, F: false, FALSE: false, false: false, False: false,
};

/**
 * Parses `Name=true,Other=false` into overrides for `featureGatesFor` / the `featureGates` option.
 *
 * @param text the flag value
 * @returns the overrides, one entry per name (the last setting wins)
 * @throws FeatureGatesSyntaxError for a blank part between commas, a part without `=`, a value that
 *   is not a boolean, or a part without a name
 */
export function parseFeatureGates(text: string): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  for (const part of String(text).split(',')) {
    // featureGate.Set skips only a zero-length part; a blank one fails there as "missing bool value for ".
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (eq < 0 && name === '') throw new FeatureGatesSyntaxError('a blank entry between commas; remove it');
    if (eq < 0) throw new FeatureGatesSyntaxError(`missing bool value for ${name}; write ${name}=true or ${name}=false`);
    const value = part.slice(eq + 1).trim();
    if (!Object.prototype.hasOwnProperty.call(BOOL_VALUES, value)) throw new FeatureGatesSyntaxError(`invalid value of ${name}=${value}; use true or false`);
    // Upstream passes "" on to SetFromMap ("unrecognized feature gate: "); saying what is missing is clearer.
    if (name === '') throw new FeatureGatesSyntaxError(`a gate name is missing before =${value}`);
    gates[name] = BOOL_VALUES[value];
  }
  return gates;
}
