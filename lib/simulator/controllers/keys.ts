/**
 * Work-queue keys (`namespace/name`, see `objectKey`) that are the same string instance every time
 * for the same object. A key built anew on each store change is a fresh string that the work
 * queue's maps must flatten and hash again; the per-minute CronJob bench spent ~3% of its time
 * there. Objects' namespace and name never change, so the memo is safe.
 */
import { objectKey, OwnerReference, splitKey } from '../cluster/object-meta';

const KEYS = new WeakMap<object, string>();

/** `objectKey(obj)`, the same string for the same object. */
export function keyOf(obj: { readonly namespace: string; readonly name: string }): string {
  let key = KEYS.get(obj);
  if (key === undefined) {
    key = objectKey(obj);
    KEYS.set(obj, key);
  }
  return key;
}

const OWNER_KEYS = new WeakMap<OwnerReference, string>();

/** The key of the owner `ref` of an object in `namespace` (owners are in their dependents' namespace), memoised per reference. */
export function ownerKeyOf(namespace: string, ref: OwnerReference): string {
  let key = OWNER_KEYS.get(ref);
  if (key === undefined) {
    key = objectKey({ namespace, name: ref.name });
    OWNER_KEYS.set(ref, key);
  }
  return key;
}

const SPLIT = new Map<string, { readonly namespace: string; readonly name: string }>();
const SPLIT_SIZE = 10_000;

/**
 * `splitKey(key)`, memoised: a sync looks its object up by the key's namespace and name, and the
 * same strings (their hashes computed once) make the store's map lookups cheaper.
 */
export function splitKeyOf(key: string): { readonly namespace: string; readonly name: string } {
  let parts = SPLIT.get(key);
  if (parts === undefined) {
    if (SPLIT.size >= SPLIT_SIZE) SPLIT.clear();
    parts = splitKey(key);
    SPLIT.set(key, parts);
  }
  return parts;
}

/**
 * The empty key list `keysFor` handlers return for most changes: one frozen array instead of a
 * fresh `[]` per store change and controller (the simulation only iterates what they return).
 * @internal
 */
export const NO_KEYS: string[] = Object.freeze([]) as unknown as string[];
