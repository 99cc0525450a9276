/** Structural equality of manifest values, as the API server compares fields on update. */

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Structural equality of plain JSON-like values: arrays element by element (holes skipped, as
 * `every` skips them), objects by their own enumerable keys whose value is not `undefined`.
 *
 * Written as loops without intermediate arrays or closures: controllers compare every status they
 * compute with the stored one (control.ts `updateStatus`), several times per simulated event.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) {
      if (!(i in aa)) continue;
      if (!deepEqual(aa[i], bb[i])) return false;
    }
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // Own enumerable string keys (what Object.keys lists) whose value is defined, on both sides.
  let na = 0;
  for (const k in ra) {
    if (!hasOwn.call(ra, k)) continue;
    const v = ra[k];
    if (v === undefined) continue;
    na++;
    if (!deepEqual(v, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) {
    if (hasOwn.call(rb, k) && rb[k] !== undefined) nb++;
  }
  return na === nb;
}
