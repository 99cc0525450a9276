/**
 * The minors no npm package ships exactly (1.31, 1.35, 1.37), derived from a neighbour's tree and
 * the field additions recorded by `@pulumi/kubernetes` (scripts/generate-schemas.js calls it).
 *
 * @pulumi/kubernetes regenerates its SDK from each Kubernetes minor's OpenAPI document (its
 * Makefile `KUBE_VERSION` at each release tag: 4.15.0 = v1.30.0, 4.18.1 = v1.31.0, 4.22.1 = v1.32.0,
 * 4.25.0 = v1.33.0, 4.29.0 = v1.35.3, 4.32.0 = v1.36.1; 4.34.x = v1.37, pulumi-kubernetes PR #4570
 * "Upgrade to Kubernetes v1.37", merged 2026-08-27, first released in 4.34.0 on 2026-09-01), but it
 * merges the schemas of removed fields back in (Service `ipFamily`, `topologyKeys`), so one release
 * is not the API of its minor. Between two releases, though, both keep the same removed fields, so
 * the fields one has and the older lacks are exactly the fields Kubernetes added in between:
 *
 *   added(N)  = fields of pulumi(N) that pulumi(M) lacks, M the newest pulumi minor before N
 *   schema(N) = schema(N−1) + added(N) − removed(N)
 *
 * - A field of schema(N−1) is removed at N only when that is certain: pulumi(N) lacks it (pulumi(N)
 *   is N's document plus merged-back fields, so it never lacks a field of N: PodSpec.workloadRef,
 *   alpha in 1.35 only, is gone from pulumi 1.36), or schema(N+1) lacks it and a package generated
 *   from exactly N lacks it too (`cdk8s-plus-31`'s `cdk8s import k8s@1.31`: PodResourceClaim.source,
 *   replaced in 1.31 by resourceClaimName/resourceClaimTemplateName, KEP-4381). A field that
 *   schema(N+1) lacks but pulumi(N) still has, with no exact package, may have gone at N or at N+1:
 *   it is kept at N (the derived minor accepts it) and logged. A field added at N is never removed at N.
 * - An added field's node (type, format, enum, nullable) is schema(N+1)'s node of the same field
 *   when schema(N+1) has it (generated from client-node + kubernetes-models like every other
 *   minor); else it is read from pulumi's TypeScript type (string / number / boolean / arrays,
 *   maps, `number | string` = IntOrString, references), with the field-format table of the
 *   client-node releases; pulumi has no enums and no formats, so such a field accepts any string
 *   and an integer is int32 unless a client-node release records int64.
 * - A field pulumi(N) adds that an older minor's tree had is not an addition: pulumi merged a
 *   removed field back (pulumi-kubernetes PR #4570 added 1.36's dropped PodSpec.workloadRef back
 *   into 4.34, the 1.37 release).
 * - A type first referenced at N takes exactly pulumi(N)'s fields (a new type has no removed
 *   fields to carry), with the same node rule.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { unpack } = require('./schema-sources');

/** `G.V.Name` (pulumi's namespaces) → `{ field → TypeScript type text }`, from `types/input.d.ts`. */
function readPulumiTypes(spec) {
  const text = fs.readFileSync(path.join(unpack(spec), 'types', 'input.d.ts'), 'utf8');
  const types = new Map();
  let group;
  let version;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m;
    if ((m = /^export declare namespace (\w+) \{/.exec(line))) group = m[1];
    else if ((m = /^ {4}namespace (\w+) \{/.exec(line))) version = m[1];
    else if ((m = /^ {8}interface (\w+) \{/.exec(line))) {
      const body = [];
      for (i++; i < lines.length && !/^ {8}\}/.test(lines[i]); i++) body.push(lines[i]);
      const src = body.join('\n').replace(/\s*\/\*\*[\s\S]*?\*\//g, '');
      const fields = {};
      for (const f of src.matchAll(/\n? {12}(\w+)\??: ([\s\S]*?);(?=\n {12}\w|\s*$)/g)) fields[f[1]] = f[2].replace(/\s+/g, ' ');
      types.set(`${group}.${version}.${m[1]}`, fields);
    }
  }
  if (types.size < 500) throw new Error(`${spec}: only ${types.size} interfaces`);
  return types;
}

/**
 * Type name → its JSON field names, from a `cdk8s-plus-NN` release's `lib/imports/k8s.js`
 * (`cdk8s import k8s@1.NN`: `toJson_PodSpec` lists every field of the minor's PodSpec by its JSON
 * name). Only v1 types keep their bare name there; the removal rule reads it for types it has.
 */
function readCdk8sFields(spec) {
  const text = fs.readFileSync(path.join(unpack(spec), 'lib', 'imports', 'k8s.js'), 'utf8');
  const fields = new Map();
  for (const m of text.matchAll(/\nfunction toJson_(\w+)\(obj\) \{[\s\S]*?const result = \{([\s\S]*?)\n {4}\};/g)) {
    fields.set(m[1], new Set([...m[2].matchAll(/\n {8}'([^']+)':/g)].map((f) => f[1])));
  }
  if (fields.size < 300) throw new Error(`${spec}: only ${fields.size} toJson functions`);
  return { spec, fields };
}

/** An OpenAPI id → pulumi's `G.V.Name`, or undefined for a scalar (Quantity, IntOrString, Time, …). */
function pulumiKey(id) {
  let m = /^io\.k8s\.api\.(\w+)\.(v\w+)\.(\w+)$/.exec(id);
  if (m) return `${m[1]}.${m[2]}.${m[3]}`;
  m = /^io\.k8s\.apimachinery\.pkg\.apis\.meta\.(v1)\.(\w+)$/.exec(id);
  return m && !['Time', 'MicroTime', 'FieldsV1'].includes(m[2]) ? `meta.${m[1]}.${m[2]}` : undefined;
}

/** pulumi's `G.V.Name` → the OpenAPI id. */
function idOfPulumiKey(key) {
  const [g, v, n] = key.split('.');
  return g === 'meta' ? `io.k8s.apimachinery.pkg.apis.meta.${v}.${n}` : `io.k8s.api.${g}.${v}.${n}`;
}

/** Strips `pulumi.Input<…>` and `| undefined`. */
function unwrap(ts) {
  ts = ts.trim();
  for (;;) {
    const m = /^pulumi\.Input<([\s\S]*)>$/.exec(ts);
    if (!m) break;
    ts = m[1].trim();
  }
  return ts.split(' | ').filter((x) => x !== 'undefined').join(' | ');
}

/**
 * A pulumi field type → a compact node; `refs` collects the ids of referenced object types.
 * `format` is client-node's recorded format of the field, if any.
 */
function nodeOfPulumi(ts, format, refs) {
  const t = unwrap(ts);
  const arr = /^([\s\S]*)\[\]$/.exec(t);
  if (arr) return { t: 'array', i: nodeOfPulumi(arr[1], undefined, refs) };
  const map = /^\{ ?\[key: string\]: ([\s\S]*?);? ?\}$/.exec(t);
  if (map) return { t: 'object', a: nodeOfPulumi(map[1], undefined, refs) };
  const ref = /^inputs\.(\w+\.\w+\.\w+)$/.exec(t);
  if (ref) {
    const id = idOfPulumiKey(ref[1]);
    refs.push(id);
    return { r: id };
  }
  if (t === 'number | string' || t === 'string | number') return { r: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' };
  if (t === 'string') return format === 'byte' ? { t: 'string', f: 'byte' } : { t: 'string' };
  if (t === 'boolean') return { t: 'boolean' };
  if (t === 'number') return format === 'int64' ? { t: 'integer', f: 'int64' } : format === 'double' ? { t: 'number', f: 'double' } : { t: 'integer', f: 'int32' };
  if (/^"[^"]*"$/.test(t)) return { t: 'string' };
  return {};
}

const clone = (x) => JSON.parse(JSON.stringify(x));

/**
 * schema(N) from schema(N−1) (`prev`), pulumi(M) and pulumi(N) (`pulPrev`, `pulCur`) and
 * schema(N+1) (`next`, optional), by the rule of the module comment.
 *
 * @param formats `Class.field` → format from the client-node releases (generate-schemas.js collectFormats)
 * @param log receives one line per kept-uncertain removal and per added field
 * @param oracle optional `{ spec, fields }` from {@link readCdk8sFields}: the exact field names of the minor
 * @param earlier `{ minor, types }` of the older minors: a field one of them had is not an addition
 * @returns the types of the derived tree
 */
function deriveTree(minor, prev, pulPrev, pulCur, next, formats, log, oracle, earlier = []) {
  const types = clone(prev);
  const pending = [];
  const formatOf = (id, field) => formats.get(`V1${id.split('.').pop()}.${field}`);
  const nodeFor = (id, field, ts) => {
    const nextNode = next?.[id]?.p?.[field];
    if (nextNode) {
      pending.push(...refsIn(nextNode));
      return clone(nextNode);
    }
    const refs = [];
    const node = nodeOfPulumi(ts, formatOf(id, field), refs);
    pending.push(...refs);
    // As generate-schemas.js marks a field client-node adds after 1.27: nullable unless it holds an object type.
    if (!refs.length) node.n = 1;
    return node;
  };
  for (const [id, node] of Object.entries(prev)) {
    const key = pulumiKey(id);
    if (!node.p || !key) continue;
    const cur = pulCur.get(key);
    const old = pulPrev.get(key);
    if (!cur) {
      // Kept while a field still refers to it (reachable() in generate-schemas.js drops it otherwise).
      log(`1.${minor} ${id}: not in pulumi 1.${minor}`);
      continue;
    }
    const props = { ...types[id].p };
    const addedHere = new Set();
    for (const [field, ts] of Object.entries(cur)) {
      if (props[field] || (old && field in old)) continue;
      const before = earlier.find((m) => m.types[id]?.p?.[field]);
      if (before) {
        log(`1.${minor} ${id}.${field}: not added (in 1.${before.minor}, removed since; pulumi merged it back)`);
        continue;
      }
      props[field] = nodeFor(id, field, ts);
      addedHere.add(field);
      log(`1.${minor} ${id}.${field}: added`);
    }
    for (const field of Object.keys(props)) {
      // A field added at N is in N, whatever N+1 did with it (PodSpec.workloadRef: alpha in 1.35 only).
      if (addedHere.has(field)) continue;
      if (!(field in cur)) {
        delete props[field];
        log(`1.${minor} ${id}.${field}: removed (absent from pulumi 1.${minor})`);
        continue;
      }
      if (!next?.[id]?.p || field in next[id].p) continue;
      const exact = oracle?.fields.get(id.split('.').pop());
      if (exact && !exact.has(field)) {
        delete props[field];
        log(`1.${minor} ${id}.${field}: removed (absent from 1.${minor + 1} and from ${oracle.spec})`);
      } else log(`1.${minor} ${id}.${field}: kept (absent from 1.${minor + 1}; removal at 1.${minor} uncertain)`);
    }
    types[id] = { ...types[id], p: ordered(props, next?.[id]?.p) };
  }
  // Types first referenced at N: pulumi(N)'s fields, nodes by the same rule.
  while (pending.length) {
    const id = pending.shift();
    if (types[id]) continue;
    const key = pulumiKey(id);
    const cur = key && pulCur.get(key);
    if (!cur) {
      if (!next?.[id]) throw new Error(`1.${minor}: no type ${id} in pulumi nor in 1.${minor + 1}`);
      types[id] = clone(next[id]);
      pending.push(...refsIn(types[id]));
      continue;
    }
    types[id] = { t: 'object', p: {}, a: false };
    const props = {};
    for (const [field, ts] of Object.entries(cur)) props[field] = nodeFor(id, field, ts);
    types[id].p = ordered(props, next?.[id]?.p);
    log(`1.${minor} ${id}: new type (${Object.keys(props).length} fields)`);
  }
  return types;
}

/** `props` in the field order of `model` (schema(N+1)), the others after it alphabetically. */
function ordered(props, model) {
  const order = Object.keys(model ?? {});
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

function refsIn(node, out = []) {
  if (!node || typeof node !== 'object') return out;
  if (node.r) out.push(node.r);
  (node.o ?? []).forEach((x) => refsIn(x, out));
  for (const k of ['i', 'a']) if (node[k]) refsIn(node[k], out);
  for (const v of Object.values(node.p ?? {})) refsIn(v, out);
  return out;
}

/**
 * How a derived tree differs from the real one of the same minor: fields only one has, and fields
 * both have with different nodes.
 */
function compareTrees(derived, real) {
  const missing = [];
  const extra = [];
  const changed = [];
  for (const id of new Set([...Object.keys(derived), ...Object.keys(real)])) {
    const d = derived[id]?.p ?? {};
    const r = real[id]?.p ?? {};
    for (const f of Object.keys(r)) if (!(f in d)) missing.push(`${id}.${f}`);
    for (const f of Object.keys(d)) if (!(f in r)) extra.push(`${id}.${f}`);
    for (const f of Object.keys(r)) if (f in d && JSON.stringify(d[f]) !== JSON.stringify(r[f])) changed.push(`${id}.${f}: ${JSON.stringify(d[f])} vs ${JSON.stringify(r[f])}`);
  }
  return { missing, extra, changed };
}

module.exports = { readPulumiTypes, readCdk8sFields, deriveTree, compareTrees, pulumiKey };
