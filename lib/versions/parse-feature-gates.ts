/**
 * The `--feature-gates` flag text, `Name=true,Other=false`, as the components parse it
 * (`k8s.io/component-base/cli/flag` `MapStringBool.Set`): comma-separated `key=value` pairs,
 * each side trimmed, empty items skipped, the value a Go `strconv.ParseBool` boolean.
 * Whether a name is a known gate is decided later by `featureGatesFor`.
 */

/** A `--feature-gates` text that is not `Name=bool,...`. */
export class FeatureGatesSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'FeatureGatesSyntaxError';
  }
}

// strconv.ParseBool accepts exactly these spellings.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Parses `Name=true,Other=false` into overrides for `featureGatesFor`.
 *
 * @throws FeatureGatesSyntaxError naming the item for a pair without `=` or a value that is not a boolean
 */
export function parseFeatureGates(text: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const item of String(text).split(',')) {
    if (item.trim().length === 0) continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new FeatureGatesSyntaxError(`--feature-gates: malformed pair ${JSON.stringify(item.trim())}, expect Name=true or Name=false`);
    }
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (name.length === 0) throw new FeatureGatesSyntaxError(`--feature-gates: pair ${JSON.stringify(item.trim())} has no gate name, expect Name=true or Name=false`);
    if (TRUE.has(value)) out[name] = true;
    else if (FALSE.has(value)) out[name] = false;
    else throw new FeatureGatesSyntaxError(`--feature-gates: invalid value of ${name}: ${JSON.stringify(value)} is not a boolean; use true or false`);
  }
  return out;
}
