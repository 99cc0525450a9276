/**
 * Kubernetes resource.Quantity parsing for the two resources the scheduler stand-in checks.
 * Suffixes as `k8s.io/apimachinery/pkg/api/resource/quantity.go`: binary `Ki Mi Gi Ti Pi Ei`,
 * decimal `n u m k M G T P E` and exponents `1e3`.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * The numeric value of a quantity in base units (`100m` → 0.1, `1Gi` → 1073741824), or undefined
 * when the text is not a quantity.
 *
 * @param q a quantity string or a plain number
 */
export function parseQuantity(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  const m = QUANTITY.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2]) return n * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** CPU quantity → millicores, rounded up as Kubernetes `MilliValue()` does (`0.1` → 100, `1` → 1000). */
export function cpuMilli(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Memory quantity → bytes, rounded up as `Value()` does (`200Mi` → 209715200). */
export function memoryBytes(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e3) / 1e3);
}
