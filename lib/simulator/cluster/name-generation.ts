/**
 * `generateName`: a prefix cut to fit plus a random suffix, retried while the name is taken.
 */
import { ApiError } from '../../apiserver/api-errors';

/** The label `generateName` prefixes are cut to: 63 − 5 random characters (`names.SimpleNameGenerator`). */
const MAX_GENERATED_PREFIX = 58;

/**
 * The first `prefix` (cut to {@link MAX_GENERATED_PREFIX}) + `nameSuffix()` that is not `taken`.
 * @internal
 */
export function generateName(prefix: string, nameSuffix: () => string, taken: (name: string) => boolean): string {
  const base = prefix.slice(0, MAX_GENERATED_PREFIX);
  // names.SimpleNameGenerator + the registry's retry on AlreadyExists.
  for (let i = 0; i < 100; i++) {
    const name = base + nameSuffix();
    if (!taken(name)) return name;
  }
  throw new ApiError('AlreadyExists', `could not generate a unique name for prefix "${prefix}"`);
}
