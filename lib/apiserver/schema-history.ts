/**
 * When a field entered or left the API, from the generated per-minor trees: the basis of the
 * "it was added in 1.28 — use --kubernetes-version 1.28 or later" hint for a field the chosen
 * minor's schema lacks. Only read when such a field is found (it loads every minor's tree).
 */
import { SUPPORTED_MINORS } from '../versions/kubernetes-version';
import { schemaTree } from './schema-tree';

/** Where a field is, relative to a minor that lacks it. */
export interface FieldHistory {
  /** The first supported minor after the given one whose schema has the field. */
  readonly addedIn?: number;
  /** With {@link addedIn}: the newest supported minor before it that lacks the field (the given minor or later). */
  readonly addedAfter: number;
  /** The newest supported minor before the given one whose schema has the field (removed since). */
  readonly lastIn?: number;
}

/**
 * Where `field` of type `typeId` is in the other supported minors, or undefined when no supported
 * minor's schema has it (a typo, or a field of an unsupported minor).
 *
 * @param typeId e.g. `io.k8s.api.batch.v1.JobSpec`
 * @param field e.g. `podReplacementPolicy`
 * @param minor the minor whose schema lacks it
 */
export function fieldHistory(typeId: string, field: string, minor: number): FieldHistory | undefined {
  const has = (m: number) => Object.prototype.hasOwnProperty.call(schemaTree(m).types[typeId]?.p ?? {}, field);
  let addedAfter = minor;
  for (const m of SUPPORTED_MINORS.filter((x) => x > minor)) {
    if (has(m)) return { addedIn: m, addedAfter };
    addedAfter = m;
  }
  const older = SUPPORTED_MINORS.filter((x) => x < minor).reverse().find(has);
  return older !== undefined ? { lastIn: older, addedAfter: minor } : undefined;
}
