/**
 * A fast first decode of a manifest stream with `js-yaml`, for the common case of plain YAML.
 *
 * The full decode (lib/apiserver/decode.ts: the `yaml` package with YAML 1.1 scalars, as
 * kubectl's go-yaml v2 reads them, and source positions) is ~10 times slower on large streams.
 * This decode gives the same values or gives up (`undefined`), and the caller then runs the full
 * decode, which reports every problem. It gives up on everything whose value could differ:
 *
 * - any js-yaml error or warning (syntax errors, duplicate keys — sigs.k8s.io/yaml
 *   `UnmarshalStrict` rejects them —, unknown directives);
 * - anchors (and so aliases, which need one) and merge keys (`<<`): the full decode bounds alias
 *   expansion (go-yaml v2 "excessive aliasing") and merges as YAML 1.1 does;
 * - explicit tags (`!!str`, `!foo`): the schema below knows no tag by name, so js-yaml throws;
 * - keys that are not strings (`on:`, `1:`, `~:`, `[a]:`): the two libraries stringify them
 *   differently. A key's text is not visible after the decode, so a string key equal to the
 *   string form of any non-string scalar of the stream (`"true"` when a `yes` was read) gives up
 *   too; that only costs the fast path.
 *
 * Plain scalars are not resolved by js-yaml's own rules: every one goes through the `yaml`
 * package's own YAML 1.1 schema tags (`test` then `resolve`, first match wins, as its
 * `composeScalar` does), so `yes`, `0644`, `1:30`, `.inf` and timestamps decode exactly as in the
 * full decode.
 */
import * as jsyaml from 'js-yaml';
import * as YAML from 'yaml';

/** Thrown inside js-yaml callbacks to abandon the fast decode. */
class GiveUp extends Error {}

interface ScalarTag {
  readonly tag: string;
  readonly test: RegExp;
  readonly resolve: (source: string, onError: (message: string) => void, options: object) => unknown;
}

/**
 * The `yaml` package's YAML 1.1 tags that resolve a plain scalar by pattern (`default: true` and a
 * `test`), in schema order. `default: 'key'` tags (the merge key) are left out: `<<` keys give up.
 */
const SCALAR_TAGS: readonly ScalarTag[] = new YAML.Schema({ schema: 'yaml-1.1' }).tags
  .filter((t) => t.default === true && t.test instanceof RegExp && typeof t.resolve === 'function')
  .map((t) => t as unknown as ScalarTag);

/** Per-decode state the js-yaml callbacks share (decodes are synchronous, so one suffices). */
let nonStringForms = new Set<string>();
/** Mappings and sequences js-yaml built in this decode (values and keys alike). */
let collectionsBuilt = 0;

function giveUp(): never {
  throw new GiveUp();
}

/** {@link tagOf} of the plain scalars seen in this decode (keys and values repeat a lot). */
let tagMemo = new Map<string, ScalarTag | null>();

/** The plain scalar's tag, chosen as `yaml`'s `findScalarTagByTest` chooses it (no match: a string). */
function tagOf(source: string): ScalarTag | undefined {
  let tag = tagMemo.get(source);
  if (tag === undefined) {
    tag = SCALAR_TAGS.find((t) => t.test.test(source)) ?? null;
    tagMemo.set(source, tag);
  }
  return tag ?? undefined;
}

/** One implicit js-yaml type standing for every non-string YAML 1.1 scalar of the `yaml` package. */
const YAML11_SCALAR = new jsyaml.Type('tag:cdk8s-workloads,2026:yaml-1.1-scalar', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && tagOf(data) !== undefined,
  construct: (data: string) => {
    const resolved = tagOf(data)!.resolve(data, giveUp, {});
    // Some tags resolve to a Scalar node (the YAML 1.1 booleans keep their source form); the
    // full decode's toJS takes its value.
    const value = YAML.isScalar(resolved) ? resolved.value : resolved;
    // A key decoded to this value would be stringified by js-yaml (`String(value)`), where the
    // full decode stringifies it its own way: remember the form so such keys give up.
    nonStringForms.add(String(value));
    return value;
  },
});

/**
 * Only the one implicit type: no type is known by an explicit tag name, so any explicit tag
 * (`!!str`, `!!int`, `!custom`) makes js-yaml throw "unknown tag" and the decode give up.
 */
const SCHEMA = new jsyaml.Schema({ implicit: [YAML11_SCALAR], explicit: [] });

/**
 * Counts the mappings and sequences of `value` (the tree holds those decoded as values, not those
 * decoded as keys); -1 when it holds a key that may not have been a string in the text: the
 * string form of a non-string scalar decoded in the same stream, `null` (an empty key), or `<<`.
 */
function countCollections(value: unknown): number {
  if (typeof value !== 'object' || value === null || value instanceof Date) return 0;
  let n = 1;
  if (Array.isArray(value)) {
    for (const v of value) {
      const c = countCollections(v);
      if (c < 0) return -1;
      n += c;
    }
    return n;
  }
  for (const k in value) {
    if (nonStringForms.has(k) || k === 'null' || k === '<<') return -1;
    const c = countCollections((value as Record<string, unknown>)[k]);
    if (c < 0) return -1;
    n += c;
  }
  return n;
}

/** Listener on every js-yaml node: an anchor (the only way to an alias) gives up; collections are counted. */
function onNode(event: string, state: { anchor?: string | null; kind?: string | null }): void {
  if (event !== 'close') return;
  if (state.anchor !== null && state.anchor !== undefined) giveUp();
  if (state.kind === 'mapping' || state.kind === 'sequence') collectionsBuilt++;
}

/**
 * Whether the fast decode is used; tests switch it off to compare with the full decode alone.
 * Set `CDK8S_WORKLOADS_FULL_YAML_DECODE=1` in the environment to switch it off too.
 */
export const fastDecodeSwitch = {
  /**
   * @default true unless the environment sets CDK8S_WORKLOADS_FULL_YAML_DECODE=1
   */
  enabled: process.env.CDK8S_WORKLOADS_FULL_YAML_DECODE !== '1',
};

/**
 * Every document's value of the stream `text` (empty documents included, as `null` or
 * `undefined`), decoded as the full decode would decode it, or `undefined` when this decode cannot
 * promise that (see the module comment) or is switched off ({@link fastDecodeSwitch}).
 *
 * @param text YAML or JSON
 */
export function decodeFast(text: string): unknown[] | undefined {
  if (!fastDecodeSwitch.enabled) return undefined;
  nonStringForms = new Set<string>();
  collectionsBuilt = 0;
  try {
    const values = jsyaml.loadAll(text, undefined, { schema: SCHEMA, listener: onNode, onWarning: giveUp } as jsyaml.LoadOptions) as unknown[];
    // A collection js-yaml built but the tree does not hold was a key (`[a]: b`, `? {a: 1}`),
    // which js-yaml stringifies: give up.
    let held = 0;
    for (const v of values) {
      const c = countCollections(v);
      if (c < 0) return undefined;
      held += c;
    }
    return held === collectionsBuilt ? values : undefined;
  } catch {
    return undefined;
  } finally {
    nonStringForms = new Set<string>();
    tagMemo = new Map<string, ScalarTag | null>();
  }
}
