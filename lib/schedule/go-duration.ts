/**
 * @internal
 * Go's `time.ParseDuration` (src/time/format.go, Go 1.19/1.20), ported on UTF-8 bytes so that its
 * error texts (`time: invalid duration "1d"`, `time: unknown unit "d" in duration "1d"`,
 * `time: missing unit in duration "90"`) come out as robfig/cron reports them for `@every`.
 * Durations are int64 nanoseconds, kept as bigint.
 */

const NS = 1n;
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NS],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);
const TWO_63 = 1n << 63n;

/** The result of {@link parseGoDuration}: nanoseconds, or Go's error text. */
export type GoDurationResult = { readonly ok: true; readonly ns: bigint } | { readonly ok: false; readonly error: string };

/** Go's `time.ParseDuration`. */
export function parseGoDuration(text: string): GoDurationResult {
  const bytes = Buffer.from(text, 'utf8');
  const invalid = (): GoDurationResult => ({ ok: false, error: `time: invalid duration ${goTimeQuote(bytes)}` });
  let i = 0;
  let total = 0n;
  let neg = false;
  if (bytes.length > 0 && (bytes[0] === 0x2d || bytes[0] === 0x2b)) {
    neg = bytes[0] === 0x2d;
    i = 1;
  }
  // Special case: if all that is left is "0", this is zero.
  if (bytes.length - i === 1 && bytes[i] === 0x30) return { ok: true, ns: 0n };
  if (i === bytes.length) return invalid();
  while (i < bytes.length) {
    // The next character must be [0-9.]
    if (!(bytes[i] === 0x2e || isDigit(bytes[i]))) return invalid();
    // Consume [0-9]* (leadingInt): overflow past 1<<63 is an error.
    const intStart = i;
    let v = 0n;
    for (; i < bytes.length && isDigit(bytes[i]); i++) {
      if (v > TWO_63 / 10n) return invalid();
      v = v * 10n + BigInt(bytes[i] - 0x30);
      if (v > TWO_63) return invalid();
    }
    const pre = i !== intStart;
    // Consume (\.[0-9]*)? (leadingFraction): stops accumulating precision on overflow.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (i < bytes.length && bytes[i] === 0x2e) {
      i++;
      const fracStart = i;
      let overflow = false;
      for (; i < bytes.length && isDigit(bytes[i]); i++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(bytes[i] - 0x30);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) return invalid(); // no digits (e.g. ".s" or "-.s")
    // Consume unit.
    const unitStart = i;
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 0x2e || isDigit(c)) break;
    }
    if (i === unitStart) return { ok: false, error: `time: missing unit in duration ${goTimeQuote(bytes)}` };
    const unitBytes = bytes.subarray(unitStart, i);
    const unit = UNITS.get(unitBytes.toString('utf8'));
    if (unit === undefined) {
      return { ok: false, error: `time: unknown unit ${goTimeQuote(unitBytes)} in duration ${goTimeQuote(bytes)}` };
    }
    if (v > TWO_63 / unit) return invalid(); // overflow
    v *= unit;
    if (f > 0n) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale)) — float64 arithmetic, truncated.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid();
    }
    total += v;
    if (total > TWO_63) return invalid();
  }
  if (neg) return { ok: true, ns: -total };
  if (total > TWO_63 - 1n) return invalid();
  return { ok: true, ns: total };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Go's `time.quote`: double quotes around the text, `"` and `\` escaped, and every byte of a
 * non-ASCII or control character written as `\xNN`.
 */
function goTimeQuote(bytes: Uint8Array): string {
  let out = '"';
  for (const c of bytes) {
    if (c >= 0x80 || c < 0x20) {
      out += `\\x${c.toString(16).padStart(2, '0')}`;
    } else {
      if (c === 0x22 || c === 0x5c) out += '\\';
      out += String.fromCharCode(c);
    }
  }
  return `${out}"`;
}

/** Formats nanoseconds as Go's `Duration.String()` does (`1h30m0s`, `1.5s`, `-1h0m0s`, `500ms`). */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    // Sub-second: the largest unit among ns, µs, ms, with a fraction.
    let unit: string;
    let div: bigint;
    if (u < 1_000n) {
      return `${neg ? '-' : ''}${u}ns`;
    } else if (u < 1_000_000n) {
      unit = '\u00b5s';
      div = 1_000n;
    } else {
      unit = 'ms';
      div = 1_000_000n;
    }
    out = `${fixed(u, div)}${unit}`;
  } else {
    const h = u / 3_600_000_000_000n;
    u -= h * 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u -= m * 60_000_000_000n;
    const s = fixed(u, 1_000_000_000n);
    out = h > 0n ? `${h}h${m}m${s}s` : m > 0n ? `${m}m${s}s` : `${s}s`;
  }
  return `${neg ? '-' : ''}${out}`;
}

/** `n / div` with the fraction's trailing zeros removed. */
function fixed(n: bigint, div: bigint): string {
  const whole = n / div;
  const frac = n % div;
  if (frac === 0n) return `${whole}`;
  const digits = div.toString().length - 1;
  return `${whole}.${frac.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}
