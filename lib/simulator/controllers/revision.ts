/**
 * Revision names of pod templates, as `pkg/controller/history/controller_history.go` derives them:
 * `HashControllerRevision` is FNV-32a over the revision's data, rendered by
 * `rand.SafeEncodeString(strconv.FormatInt(int64(hash), 10))` (each decimal digit mapped into the
 * alphabet `bcdfghjklmnpqrstvwxz2456789`), and `ControllerRevisionName(prefix, hash)` is
 * `<prefix>-<hash>`.
 *
 * Two simplifications, both deterministic: the data hashed is the template as canonical JSON (keys
 * sorted), not the Go JSON bytes of the revision patch, so hashes differ from a real cluster's; and
 * the hash value is folded into [10^9, 2^32) so it always has 10 decimal digits — the case of
 * about 77 % of real hashes — which makes the StatefulSet name limit exact: a name longer than 52
 * characters always produces a `controller-revision-hash` label longer than 63 (reference §1.1).
 */
import { NAME_SUFFIX_ALPHABET } from '../engine/rng';

/** Canonical JSON: object keys sorted, undefined dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** FNV-32a of a UTF-8 string. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `rand.SafeEncodeString`: each character c becomes `alphanums[c % 27]`. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

const hashes = new WeakMap<object, string>();

/**
 * The 10-character revision hash of a pod template (e.g. `7b9d8c5f6d`). Memoised per template
 * object: specs are replaced, never edited in place, so an object's hash never changes.
 */
export function templateHash(template: unknown): string {
  const cached = typeof template === 'object' && template !== null ? hashes.get(template) : undefined;
  if (cached !== undefined) return cached;
  const h = fnv32a(canonicalJson(template));
  const folded = 1_000_000_000 + (h % (4_294_967_296 - 1_000_000_000));
  const hash = safeEncodeString(String(folded));
  if (typeof template === 'object' && template !== null) hashes.set(template, hash);
  return hash;
}

/** `ControllerRevisionName(prefix, hash)` = `<prefix>-<hash>`. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix}-${hash}`;
}
