/**
 * @internal
 * Go's `strconv.Atoi` and `strconv.Quote`, ported because their messages are part of robfig/cron's
 * parse errors (`failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax`).
 */

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * Go's `strconv.Atoi` on a 64-bit platform: an optional sign and decimal digits (no underscores),
 * within int64. Returns the number, or the `*NumError` text: `strconv.Atoi: parsing "L": invalid
 * syntax` / `... value out of range`.
 */
export function goAtoi(s: string): bigint | string {
  const syntax = `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
  const range = `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  const bytes = Buffer.from(s, 'utf8');
  let i = 0;
  let neg = false;
  if (bytes.length === 0) return syntax;
  if (bytes[0] === 0x2b || bytes[0] === 0x2d) {
    neg = bytes[0] === 0x2d;
    i = 1;
    if (bytes.length === 1) return syntax;
  }
  // ParseUint (base 10): a non-digit is a syntax error, unless the value already overflowed
  // uint64, which is reported first as a range error.
  let n = 0n;
  const max = (1n << 64n) - 1n;
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return syntax;
    n = n * 10n + BigInt(c - 0x30);
    if (n > max) return range;
  }
  const value = neg ? -n : n;
  if (value > INT64_MAX || value < INT64_MIN) return range;
  return value;
}

/** Go's `strconv.Quote` for the strings a cron field can hold. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\v': out += '\\v'; break;
      default:
        if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
        else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // a lone surrogate is not valid UTF-8
        else if (/\p{C}|\p{Z}/u.test(ch) && ch !== ' ') out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
        else out += ch;
    }
  }
  return `${out}"`;
}
