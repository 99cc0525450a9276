/**
 * Exact `resource.Quantity` parsing, comparison and canonical printing
 * (`k8s.io/apimachinery/pkg/api/resource/quantity.go`), for request/limit checks. The simulator has
 * its own float parser; the apiserver layer must not import the simulator, and needs exact values.
 */

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 10n ** 9n;

/** A parsed quantity: its value in nano-units (rounded up, as ParseQuantity does) and its format. */
export interface Quantity {
  /** value × 10^9, rounded towards +∞. */
  readonly nanos: bigint;
  /** The format String() prints in: from the suffix. */
  readonly format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

/** quantity.go#ParseQuantity; undefined when `text` is not a quantity. */
export function parseQuantity(text: string | number): Quantity | undefined {
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = QUANTITY.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, frac = '', exp, suffix = ''] = m;
  let num = BigInt(`${whole}${frac}` || '0');
  let den = 10n ** BigInt(frac.length);
  let e10 = 0;
  let format: Quantity['format'] = 'DecimalSI';
  if (exp !== undefined) {
    e10 = Number(exp);
    format = 'DecimalExponent';
  } else if (suffix in BINARY) {
    num *= 2n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else {
    e10 = DECIMAL[suffix];
  }
  if (e10 >= 0) num *= 10n ** BigInt(e10);
  else den *= 10n ** BigInt(-e10);
  num *= NANO;
  let nanos = num / den;
  if (sign === '-') nanos = -nanos; // truncation towards 0 of a negative value = rounding up
  else if (num % den !== 0n) nanos += 1n;
  return { nanos, format };
}

/** quantity.go#Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** quantity.go#String (CanonicalizeBytes): `0.5` → `500m`, `2000` → `2k`, `1024Mi` → `1Gi`. */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    let v = abs / NANO;
    let k = 0;
    while (v % 1024n === 0n && k < BINARY_SUFFIX.length - 1) {
      v /= 1024n;
      k++;
    }
    return `${sign}${v}${BINARY_SUFFIX[k]}`;
  }
  let mantissa = abs;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const r = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(r);
  exponent -= r;
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
  const suffix = DECIMAL_SUFFIX[exponent];
  return suffix !== undefined ? `${sign}${mantissa}${suffix}` : `${sign}${mantissa}e${exponent}`;
}

/** Whether the quantity is a whole number (`MilliValue() % 1000 == 0`). */
export function isInteger(q: Quantity): boolean {
  return q.nanos % NANO === 0n;
}
