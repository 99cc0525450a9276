/**
 * The derived minors of scripts/generate-schemas.js (1.31, 1.35, 1.37: see schema-derive.js for the
 * rule), their checks, and the fixture test/apiserver/versions/derivation.test.ts reads.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { refsOf } = require('./schema-sources');
const { compareTrees, deriveTree, pulumiKey, readCdk8sFields, readPulumiTypes } = require('./schema-derive');

/** minor → the @pulumi/kubernetes release generated from it (Makefile KUBE_VERSION at the tag; see schema-derive.js). */
const PULUMI = {
  30: '@pulumi/kubernetes@4.15.0', 31: '@pulumi/kubernetes@4.18.1', 32: '@pulumi/kubernetes@4.22.1', 33: '@pulumi/kubernetes@4.25.0',
  35: '@pulumi/kubernetes@4.29.0', 36: '@pulumi/kubernetes@4.32.0', 37: '@pulumi/kubernetes@4.34.2',
};
/** Minors derived from the previous supported minor + pulumi's additions (schema-derive.js), and the minor they take nodes from. */
const DERIVED = { 31: { from: 30, next: 32, exact: 'cdk8s-plus-31@2.6.43' }, 35: { from: 34, next: 36 }, 37: { from: 36 } };
/** Real minors the derivation is cross-checked on: derived(N−1) + added(N) must equal the generated N. */
const DERIVE_CHECKS = { 32: 31, 36: 35 };

/**
 * 1.31, 1.35, 1.37 by schema-derive.js, after checking the rule on 1.32 and 1.36: derived(N−1) +
 * added(N), typed from pulumi alone, must have exactly the generated N's fields. Writes the
 * additions per minor for test/apiserver/versions/derivation.test.ts.
 */
function writeDerived(trees, formats, { roots, write, clientOf }) {
  const pulumi = Object.fromEntries(Object.entries(PULUMI).map(([m, spec]) => [m, readPulumiTypes(spec)]));
  const pulumiBefore = (n) => pulumi[Math.max(...Object.keys(pulumi).map(Number).filter((m) => m < n))];
  const quiet = () => {};
  const exacts = {};
  for (const [m, d] of Object.entries(DERIVED)) {
    const minor = Number(m);
    const exact = d.exact && readCdk8sFields(d.exact);
    trees[minor] = reachable(roots, deriveTree(minor, trees[d.from], pulumiBefore(minor), pulumi[minor], d.next && trees[d.next], formats, (l) => console.log(l), exact, olderThan(trees, d.from)));
    if (exact) {
      checkExact(minor, trees[minor], exact);
      exacts[minor] = exact;
    }
    const src = `${clientOf(d.from) ?? `the 1.${d.from} tree`} (1.${d.from} fields) + the fields ${PULUMI[minor]} adds to ${PULUMI[Object.keys(PULUMI).map(Number).filter((x) => x < minor).pop()]}`
      + (d.next ? `, typed as in the 1.${d.next} tree` : ', typed from pulumi');
    write(minor, src, trees[minor]);
  }
  for (const [n, from] of Object.entries(DERIVE_CHECKS)) {
    const check = reachable(roots, deriveTree(Number(n), trees[from], pulumiBefore(Number(n)), pulumi[n], undefined, formats, quiet, undefined, olderThan(trees, from)));
    const diff = compareTrees(check, trees[n]);
    console.log(`cross-check 1.${n}: derived(1.${from}) + added(1.${n}) vs ${clientOf(n)}: ${diff.missing.length} missing, ${diff.extra.length} extra, ${diff.changed.length} typed differently`);
    for (const x of [...diff.missing.map((f) => `missing ${f}`), ...diff.extra.map((f) => `extra ${f}`), ...diff.changed]) console.log(`  ${x}`);
    if (diff.missing.length || diff.extra.length) throw new Error(`cross-check 1.${n} failed: the derivation rule does not reproduce 1.${n}'s fields`);
  }
  const changes = {};
  const minors = Object.keys(trees).map(Number).sort((x, y) => x - y);
  for (const n of [...Object.keys(DERIVED), ...Object.keys(DERIVE_CHECKS)].map(Number).sort((x, y) => x - y)) {
    const i = minors.indexOf(n);
    changes[n] = fieldChanges(trees, minors[i - 1], n, minors[i + 1], pulumiBefore(n), pulumi[n], exacts[n]);
  }
  const file = path.join(__dirname, '..', 'test', 'apiserver', 'versions', 'fixtures', 'pulumi-changes.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ generatedBy: 'scripts/generate-schemas.js', pulumi: PULUMI, exact: DERIVED[31].exact, changes }, null, 1)}\n`);
}

/** `{ minor, types }` of the trees older than `minor`. */
function olderThan(trees, minor) {
  return Object.keys(trees).map(Number).filter((m) => m < minor).map((m) => ({ minor: m, types: trees[m] }));
}

/** The types the kinds reach (a removed field's type, PodResourceClaim.source's ClaimSource at 1.31, goes). */
function reachable(roots, types) {
  const out = {};
  const queue = [...roots];
  while (queue.length) {
    const id = queue.shift();
    if (out[id] || !types[id]) continue;
    out[id] = types[id];
    queue.push(...refsOf(types[id], []));
  }
  return out;
}

/** Every v1 type `exact` (a cdk8s-plus import of the minor) names must have its fields in the derived tree. */
function checkExact(minor, tree, exact) {
  const diffs = [];
  let compared = 0;
  for (const [id, node] of Object.entries(tree)) {
    const fields = /\.v1\.\w+$/.test(id) && node.p && exact.fields.get(id.split('.').pop());
    if (!fields) continue;
    compared++;
    for (const f of fields) if (!(f in node.p)) diffs.push(`${id}.${f}: in ${exact.spec}, not derived`);
    for (const f of Object.keys(node.p)) if (!fields.has(f) && !['apiVersion', 'kind', 'status'].includes(f)) diffs.push(`${id}.${f}: derived, not in ${exact.spec}`);
  }
  console.log(`check 1.${minor} vs ${exact.spec}: ${compared} types compared, ${diffs.length} fields differ`);
  for (const d of diffs) console.log(`  ${d}`);
}


/**
 * For the types both the `prev` and `n` trees have: `added`, the fields pulumi(n) has and
 * pulumi(M) lacks that no older tree had; `removed`, the fields of `prev` that pulumi(n) lacks, or
 * that the `next` tree and the exact package of `n` both lack. Read from the packages only, so the
 * test can check the committed trees against the rule.
 */
function fieldChanges(trees, prev, n, next, before, cur, exact) {
  const added = [];
  const removed = [];
  for (const id of Object.keys(trees[n]).sort()) {
    const key = pulumiKey(id);
    const fields = key && cur.get(key);
    if (!fields || !trees[prev][id]?.p) continue;
    for (const f of Object.keys(fields).sort()) {
      if (before.get(key) && f in before.get(key)) continue;
      if (Object.keys(trees).some((m) => Number(m) < n && trees[m][id]?.p?.[f])) continue;
      added.push(`${id}.${f}`);
    }
    const exactFields = exact?.fields.get(id.split('.').pop());
    for (const f of Object.keys(trees[prev][id].p).sort()) {
      const goneNext = trees[next]?.[id]?.p && !(f in trees[next][id].p);
      if (!(f in fields) || (exactFields && !exactFields.has(f) && goneNext)) removed.push(`${id}.${f}`);
    }
  }
  return { prev, added, removed };
}

module.exports = { writeDerived };
