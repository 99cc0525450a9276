/**
 * Source lines of YAML fields, for error messages that point at the line to fix.
 */
import * as YAML from 'yaml';

/** Splits `spec.containers[0].image` into `['spec', 'containers', 0, 'image']`. */
export function splitPath(dotted: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of dotted.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

/**
 * The 1-based line of the key (or sequence item) at `dotted` in `doc`; when it does not exist,
 * the line of its nearest existing ancestor.
 */
export function lineOf(doc: YAML.Document.Parsed, lc: YAML.LineCounter, dotted: string): number | undefined {
  const parts = splitPath(dotted);
  for (let n = parts.length; n >= 1; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(parts.slice(0, n - 1), true);
    const last = parts[n - 1];
    let range: number[] | undefined;
    if (YAML.isMap(parent)) {
      const pair = parent.items.find((p) => (YAML.isScalar(p.key) ? p.key.value : p.key) === last);
      range = (pair?.key as { range?: number[] } | undefined)?.range;
    } else if (YAML.isSeq(parent) && typeof last === 'number') {
      range = (parent.items[last] as { range?: number[] } | undefined)?.range;
    }
    if (range) return lc.linePos(range[0]).line;
  }
  const r = (doc.contents as { range?: number[] } | null)?.range;
  return r ? lc.linePos(r[0]).line : undefined;
}
