/**
 * The derived minors (1.31, 1.35, 1.37: scripts/schema-derive.js) against the rule they come from,
 * and the rule against the two real minors that follow a derived one (1.32 and 1.36, generated from
 * @kubernetes/client-node 1.1.2 and 2.0.2): for every type both minors have,
 *
 *   fields(N) = fields(N−1) − removed(N) + added(N)
 *
 * with added(N) = the fields @pulumi/kubernetes' release of N has and its release of the previous
 * minor lacks (and no older tree had), removed(N) = the fields of N−1 that pulumi(N) lacks (or,
 * for 1.31, that 1.32 and cdk8s-plus-31's 1.31 import both lack). The fixture
 * (fixtures/pulumi-changes.json) is what scripts/generate-schemas.js read from those packages;
 * the trees are the committed lib/apiserver/schemas/v1-NN.ts.
 */
import { schemaTree, SchemaTree } from '../../../lib/apiserver/schema-tree';
import fixture from './fixtures/pulumi-changes.json';

interface Change {
  readonly prev: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const changes = fixture.changes as Readonly<Record<string, Change>>;

/** The fields of `cur` the rule does not explain, and the ones it predicts that `cur` lacks. */
function unexplained(prev: SchemaTree, cur: SchemaTree, change: Change): string[] {
  const out: string[] = [];
  const split = (x: string) => [x.slice(0, x.lastIndexOf('.')), x.slice(x.lastIndexOf('.') + 1)] as const;
  for (const [id, node] of Object.entries(cur.types)) {
    const before = prev.types[id]?.p;
    if (!node.p || !before) continue;
    const expected = new Set(Object.keys(before));
    for (const [t, f] of change.removed.map(split)) if (t === id) expected.delete(f);
    for (const [t, f] of change.added.map(split)) if (t === id) expected.add(f);
    const actual = new Set(Object.keys(node.p));
    for (const f of actual) if (!expected.has(f)) out.push(`${id}.${f}: in 1.N, not predicted`);
    for (const f of expected) if (!actual.has(f)) out.push(`${id}.${f}: predicted, not in 1.N`);
  }
  return out.sort();
}

test.each([
  // [minor, what the tree is, what the row proves]
  [32, 'real (client-node 1.1.2)', 'the rule reproduces a real minor from the derived 1.31'],
  [36, 'real (client-node 2.0.2)', 'the rule reproduces a real minor from the derived 1.35 (PodSpec.workloadRef removed)'],
  [31, 'derived', 'the committed 1.31 is 1.30 + pulumi 4.18.1 − PodResourceClaim.source'],
  [35, 'derived', 'the committed 1.35 is 1.34 + pulumi 4.29.0'],
  [37, 'derived', 'the committed 1.37 is 1.36 + pulumi 4.34.2'],
] as const)('1.%i (%s): %s', (minor, _kind, _proves) => {
  const change = changes[minor];
  expect(change).toBeDefined();
  expect(unexplained(schemaTree(change.prev), schemaTree(minor), change)).toEqual([]);
});

test('the derived minors add what their pulumi release adds (a non-empty change each)', () => {
  expect(changes[31].added).toEqual(expect.arrayContaining(['io.k8s.api.core.v1.Volume.image', 'io.k8s.api.core.v1.PodResourceClaim.resourceClaimName']));
  expect(changes[31].removed).toEqual(['io.k8s.api.core.v1.PodResourceClaim.source']);
  expect(changes[35].added).toEqual(expect.arrayContaining(['io.k8s.api.core.v1.PodSpec.workloadRef']));
  expect(changes[36].removed).toEqual(['io.k8s.api.core.v1.PodSpec.workloadRef']);
  // pulumi 4.34 merged 1.35's workloadRef back in (pulumi-kubernetes#4570): not a 1.37 addition.
  expect(changes[37].added).not.toContain('io.k8s.api.core.v1.PodSpec.workloadRef');
  expect(changes[37].added).toEqual(expect.arrayContaining(['io.k8s.api.core.v1.PodSpec.evictionResponders']));
});

test('fails when a tree has a field the rule does not predict, or lacks one it does', () => {
  const real = schemaTree(32);
  const spec = real.types['io.k8s.api.core.v1.PodSpec'];
  const { resources: _dropped, ...rest } = spec.p ?? {};
  const without: SchemaTree = { ...real, types: { ...real.types, 'io.k8s.api.core.v1.PodSpec': { ...spec, p: rest } } };
  expect(unexplained(schemaTree(31), without, changes[32])).toEqual(['io.k8s.api.core.v1.PodSpec.resources: predicted, not in 1.N']);
  const extra: SchemaTree = { ...real, types: { ...real.types, 'io.k8s.api.core.v1.PodSpec': { ...spec, p: { ...spec.p, bogus: { t: 'string' } } } } };
  expect(unexplained(schemaTree(31), extra, changes[32])).toEqual(['io.k8s.api.core.v1.PodSpec.bogus: in 1.N, not predicted']);
});
