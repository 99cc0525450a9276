#!/usr/bin/env node
/**
 * Regenerates lib/apiserver/schemas/v1-NN.ts: one compact strict field tree per supported
 * Kubernetes minor, for the kinds the simulator loads (lib/apiserver/kinds.ts) and every type they
 * reference. Every package comes from the npm registry (`npm pack`), nothing else is fetched.
 *
 * Sources (see SOURCES below):
 * - 1.27: the JSON schemas of `kubernetes-models@4.3.1` (generated from the 1.27 OpenAPI document),
 *   verbatim — the same schemas admission compiled with Ajv before the field tree existed.
 * - 1.28 and later: which fields each type has, and which types they reference, come from the
 *   model classes (`attributeTypeMap`) of the `@kubernetes/client-node` release generated from that
 *   minor's OpenAPI document (its README table / file headers: 0.20 = 1.28, 0.21 = 1.29,
 *   0.22 = 1.30, 1.1 = 1.32, 1.3 = 1.33, 1.4 = 1.34, 2.0 = 1.36). client-node does not keep enums nor
 *   quantities, so a field's leaf type (type, format, enum, Quantity, IntOrString, Time) comes from
 *   kubernetes-models: its 1.27 JSON schema when the field existed in 1.27, with the enum of the
 *   kubernetes-models release of the same or the next newer minor (4.5.1 = 1.33, 5.1.0 = 1.34,
 *   read from its .d.ts string-literal unions); a field added after 1.27 takes its leaf from those
 *   .d.ts, its number format from client-node.
 * - 1.31, 1.35, 1.37: no package ships exactly their API (client-node skips 1.31 and 1.35; 1.37
 *   has no client-node nor kubernetes-models release). They are derived (schema-derive.js,
 *   schema-derived-minors.js): the previous minor's tree + the fields the @pulumi/kubernetes
 *   release generated from the minor adds to the previous pulumi release, typed as in the next
 *   minor's tree (1.31 from 1.32, 1.35 from 1.36; 1.37 from pulumi's types), removals only where
 *   certain (pulumi lacks the field, or schema(N+1) and the exact cdk8s-plus-31 import lack it).
 *   The rule is checked on the real 1.32 and 1.36 (derived 1.31 + pulumi's 1.32 additions must have
 *   exactly client-node 1.32's fields; same for 1.36), and 1.31 on cdk8s-plus-31's field lists:
 *   the generator stops when a check fails.
 *
 * Usage: node scripts/generate-schemas.js [work-dir]   (default: a fresh directory under the OS temp dir)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { aliasOf, compact, makeStrict, readClientModels, readDts, readJsonSchemas, refsOf, setWorkDir } = require('./schema-sources');
const { writeDerived } = require('./schema-derived-minors');

/** minor → the client-node release generated from it (undefined: 1.27 comes from kubernetes-models). */
const SOURCES = {
  27: { models: 'kubernetes-models@4.3.1' },
  28: { client: '@kubernetes/client-node@0.20.0' },
  29: { client: '@kubernetes/client-node@0.21.0' },
  30: { client: '@kubernetes/client-node@0.22.3' },
  32: { client: '@kubernetes/client-node@1.1.2' },
  33: { client: '@kubernetes/client-node@1.3.0' },
  34: { client: '@kubernetes/client-node@1.4.0' },
  36: { client: '@kubernetes/client-node@2.0.2' },
};
/** The 1.27 client-node release, to cross-check kubernetes-models@4.3.1's field sets. */
const CHECK_27 = '@kubernetes/client-node@0.19.0';
/** kubernetes-models releases read for leaf types and enums, by the minor they are generated from. */
const MODEL_RELEASES = { 33: 'kubernetes-models@4.5.1', 34: 'kubernetes-models@5.1.0' };

/** The kinds the loader admits (lib/apiserver/discovery.ts API_VERSION) and their OpenAPI ids. */
const ROOTS = {
  'v1/Pod': 'io.k8s.api.core.v1.Pod', 'apps/v1/StatefulSet': 'io.k8s.api.apps.v1.StatefulSet',
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet', 'batch/v1/Job': 'io.k8s.api.batch.v1.Job',
  'batch/v1/CronJob': 'io.k8s.api.batch.v1.CronJob', 'v1/Service': 'io.k8s.api.core.v1.Service',
  'v1/PersistentVolumeClaim': 'io.k8s.api.core.v1.PersistentVolumeClaim', 'v1/Secret': 'io.k8s.api.core.v1.Secret',
  'v1/ConfigMap': 'io.k8s.api.core.v1.ConfigMap', 'v1/PersistentVolume': 'io.k8s.api.core.v1.PersistentVolume',
  'policy/v1/PodDisruptionBudget': 'io.k8s.api.policy.v1.PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'io.k8s.api.networking.v1.NetworkPolicy',
  'v1/ServiceAccount': 'io.k8s.api.core.v1.ServiceAccount', 'rbac.authorization.k8s.io/v1/Role': 'io.k8s.api.rbac.v1.Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'io.k8s.api.rbac.v1.ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'io.k8s.api.rbac.v1.RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'io.k8s.api.rbac.v1.ClusterRoleBinding',
  'v1/Namespace': 'io.k8s.api.core.v1.Namespace', 'scheduling.k8s.io/v1/PriorityClass': 'io.k8s.api.scheduling.v1.PriorityClass',
  'storage.k8s.io/v1/StorageClass': 'io.k8s.api.storage.v1.StorageClass',
};
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const SCALARS = new Set([QUANTITY, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

if (process.argv[2]) setWorkDir(process.argv[2]);
const outDir = path.join(__dirname, '..', 'lib', 'apiserver', 'schemas');

/** The closure of ROOTS in a JSON-schema release, compacted. */
function treeFromJsonSchemas(schemas) {
  const types = {};
  const queue = Object.values(ROOTS);
  while (queue.length) {
    const id = queue.shift();
    if (types[id]) continue;
    const s = schemas.get(id);
    if (!s) throw new Error(`no schema ${id}`);
    types[id] = compact(makeStrict(s));
    queue.push(...refsOf(types[id], []));
  }
  return types;
}

// ------------------------------------------------------------------------------------------------
// kubernetes-models .d.ts (4.5+, compiled validators): enums and leaf types per interface field
// ------------------------------------------------------------------------------------------------

/** A .d.ts field type → a compact leaf node, or undefined when it names a structural type. */
function leafFromTs(ts, format) {
  ts = ts.trim();
  const lit = ts.split(' | ');
  if (lit.every((x) => /^"[^"]*"$/.test(x))) return { t: 'string', e: lit.map((x) => JSON.parse(x)) };
  if (ts === 'string') return format && format !== '' ? { t: 'string', f: format } : { t: 'string' };
  if (ts === 'boolean') return { t: 'boolean' };
  if (ts === 'number') return numberNode(format);
  const arr = /^Array<(.*)>$/.exec(ts);
  if (arr) {
    const item = leafFromTs(arr[1]);
    return item && { t: 'array', i: item };
  }
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(ts);
  if (map) {
    const v = leafFromTs(map[1]);
    return v && { t: 'object', a: v };
  }
  for (const id of SCALARS) if (ts === aliasOf(id)) return { r: id };
  return undefined;
}

function numberNode(format) {
  if (format === 'int32' || format === 'int64') return { t: 'integer', f: format };
  if (format === 'double' || format === 'float') return { t: 'number', f: 'double' };
  return { t: 'integer', f: 'int32' };
}

// ------------------------------------------------------------------------------------------------
// @kubernetes/client-node model classes
// ------------------------------------------------------------------------------------------------

/** `V1beta1Foo`, `CoreV1EventSeries`, `RbacV1Subject` → `Foo`, `EventSeries`, `Subject`. */
const bareName = (cls) => cls.replace(/^(?:[A-Z][a-z]+)*?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');

/** Parses a client-node type string. */
function parseClientType(t) {
  const arr = /^Array<(.*)>$/.exec(t);
  if (arr) return { kind: 'array', of: parseClientType(arr[1]) };
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(t);
  if (map) return { kind: 'map', of: parseClientType(map[1]) };
  if (['string', 'number', 'boolean', 'Date', 'any', 'object', 'IntOrString'].includes(t)) return { kind: 'leaf', t };
  return { kind: 'class', name: t };
}

function clientLeaf(t, format) {
  if (t === 'string') return format === 'byte' ? { t: 'string', f: 'byte' } : { t: 'string' };
  if (t === 'Date') return { r: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time' };
  if (t === 'boolean') return { t: 'boolean' };
  if (t === 'number') return numberNode(format);
  if (t === 'IntOrString') return { r: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' };
  return {};
}

/** The ref inside a compact 1.27 node (direct, array items, map values). */
function innerRef(node) {
  return node?.r ?? node?.i?.r ?? node?.a?.r;
}

function treeFromClient(minor, classes, base, dtsReleases, formats) {
  const types = {};
  const idOfClass = new Map();
  let baseAliases;
  const queue = Object.entries(ROOTS).map(([key, id]) => {
    const kind = key.split('/').pop();
    const cls = [...classes.keys()].find((c) => c === `V1${kind}`);
    if (!cls) throw new Error(`1.${minor}: no class for ${key}`);
    return [cls, id];
  });
  while (queue.length) {
    const [cls, id] = queue.shift();
    if (types[id]) {
      const other = [...idOfClass].find(([, v]) => v === id)?.[0];
      if (other && other !== cls) throw new Error(`1.${minor}: ${cls} and ${other} both map to ${id}`);
      continue;
    }
    idOfClass.set(cls, id);
    const attrs = classes.get(cls);
    const baseNode = base[id];
    const props = {};
    for (const a of attrs) {
      const field = a.baseName;
      const parsed = parseClientType(a.type);
      const baseField = baseNode?.p?.[field];
      const ts = dtsReleases.map((d) => d.get(aliasOf(id))?.[field]).find((x) => x !== undefined);
      const inner = parsed.kind === 'class' ? parsed : parsed.of?.kind === 'class' ? parsed.of : parsed.of?.of?.kind === 'class' ? parsed.of.of : undefined;
      if (inner) {
        // The 1.27 field's type, when it is the same type (PVC spec.resources became VolumeResourceRequirements in 1.29).
        let childId = innerRef(baseField);
        if (childId && !childId.endsWith(`.${bareName(inner.name)}`)) childId = undefined;
        if (!childId && ts) {
          const alias = /I(IoK8s\w+)/.exec(ts)?.[0];
          childId = alias && knownIdOfAlias(alias);
          if (childId && !childId.endsWith(`.${bareName(inner.name)}`)) childId = undefined;
        }
        if (!childId) childId = idByName(bareName(inner.name), id);
        queue.push([inner.name, childId]);
        const ref = { r: childId };
        props[field] = parsed.kind === 'class' ? ref : parsed.kind === 'array' ? (parsed.of.kind === 'class' ? { t: 'array', i: ref } : { t: 'array', i: { t: 'array', i: ref } })
          : { t: 'object', a: parsed.of.kind === 'class' ? ref : { t: 'array', i: ref } };
        if (baseField?.n) props[field].n = 1;
        continue;
      }
      const format = a.format || formats.get(`${cls}.${field}`);
      let node;
      if (baseField) {
        node = { ...baseField };
        const tsLeaf = ts && leafFromTs(ts, format);
        if (node.e && tsLeaf && !tsLeaf.e && tsLeaf.t === 'string') delete node.e;
        else if (tsLeaf?.e && (node.t === 'string' || node.e)) node.e = tsLeaf.e;
      } else {
        node = (ts && leafFromTs(ts, format)) ?? leafOfClient(parsed, format);
        node.n = 1;
      }
      props[field] = node;
    }
    types[id] = { t: 'object', p: props, a: false };
    copyLeafRefs(types[id]);
  }
  return types;

  /** A type first seen after 1.27: the one known id with that name, else the parent's package. */
  function idByName(name, parentId) {
    const known = [...Object.keys(base), ...dtsReleases.flatMap((d) => [...d.keys()].map(knownIdOfAlias))].filter((k) => k && k.endsWith(`.${name}`));
    const unique = [...new Set(known)];
    if (unique.length === 1) return unique[0];
    const pkg = parentId.slice(0, parentId.lastIndexOf('.'));
    return unique.find((k) => k.startsWith(`${pkg}.`)) ?? `${pkg}.${name}`;
  }

  /** Types a copied 1.27 leaf refers to (Quantity, FieldsV1, …) come along. */
  function copyLeafRefs(node) {
    for (const r of refsOf(node, [])) {
      if (!types[r] && base[r] && !queue.some(([, q]) => q === r) && !idOfClassHas(r)) {
        types[r] = base[r];
        copyLeafRefs(base[r]);
      }
    }
  }

  function idOfClassHas(id) {
    return [...idOfClass.values()].includes(id);
  }

  function knownIdOfAlias(alias) {
    if (!baseAliases) baseAliases = new Map(Object.keys(base).map((k) => [aliasOf(k), k]));
    if (baseAliases.has(alias)) return baseAliases.get(alias);
    const m = /^IIoK8sApi([A-Z][a-z]+)(V\d+(?:[a-z]+\d+)?)(\w+)$/.exec(alias);
    return m ? `io.k8s.api.${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}` : undefined;
  }
}

function leafOfClient(parsed, format) {
  if (parsed.kind === 'leaf') return clientLeaf(parsed.t, format);
  if (parsed.kind === 'array') return { t: 'array', i: leafOfClient(parsed.of, '') };
  if (parsed.kind === 'map') return { t: 'object', a: leafOfClient(parsed.of, '') };
  return {};
}

/** `Class.field` → format, from every client-node release that records formats (1.x, 2.x). */
function collectFormats(clientSets) {
  const formats = new Map();
  for (const classes of clientSets) {
    for (const [cls, attrs] of classes) for (const a of attrs) if (a.format) formats.set(`${cls}.${a.baseName}`, a.format);
  }
  return formats;
}

// ------------------------------------------------------------------------------------------------

function write(minor, source, types) {
  const kinds = ROOTS;
  const data = JSON.stringify({ kinds, types });
  const file = path.join(outDir, `v1-${minor}.ts`);
  const text = `// Generated by scripts/generate-schemas.js from ${source}. Do not edit.\n`
    + `// The strict field tree of the Kubernetes 1.${minor} API for the kinds the loader admits (lib/apiserver/schema-tree.ts reads it).\n\n`
    + `/** @internal The package the tree was generated from. */\nexport const SOURCE = ${JSON.stringify(source)};\n\n`
    + `/** @internal The tree as JSON text: \`{ kinds, types }\` (parsed once, on first use). */\nexport const TREE = ${JSON.stringify(data)};\n`;
  fs.writeFileSync(file, text);
  console.log(`${path.relative(process.cwd(), file)}: ${Object.keys(types).length} types, ${data.length} bytes`);
}

function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const base = treeFromJsonSchemas(readJsonSchemas(SOURCES[27].models));
  const dts = Object.fromEntries(Object.entries(MODEL_RELEASES).map(([m, spec]) => [m, readDts(spec)]));
  const clients = Object.fromEntries(Object.entries(SOURCES).filter(([, s]) => s.client).map(([m, s]) => [m, readClientModels(s.client)]));
  const formats = collectFormats(Object.values(clients));
  // Cross-check the 1.27 field sets with the 1.27 client-node models (0.19.0, "release-1.27"):
  // kubernetes-models drops a property named `description` (PriorityClass.description), so a
  // field client-node has and kubernetes-models lacks is added from client-node.
  const check = treeFromClient(27, readClientModels(CHECK_27), base, [dts[33]], formats);
  for (const [id, t] of Object.entries(base)) {
    if (!t.p || !check[id]?.p) continue;
    const missing = Object.keys(check[id].p).filter((f) => !(f in t.p));
    const extra = Object.keys(t.p).filter((f) => !(f in check[id].p));
    if (extra.length) throw new Error(`1.27 ${id}: kubernetes-models has ${extra.join(', ')}, which ${CHECK_27} lacks`);
    for (const f of missing) {
      console.log(`1.27 ${id}.${f}: missing from ${SOURCES[27].models}, added from ${CHECK_27}`);
      t.p = Object.fromEntries(Object.entries({ ...t.p, [f]: check[id].p[f] }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }
  write(27, `${SOURCES[27].models} (+ PriorityClass.description from ${CHECK_27})`, base);
  const trees = { 27: base };
  for (const [m, classes] of Object.entries(clients)) {
    const minor = Number(m);
    // Enums from the kubernetes-models release of the same or the next newer minor, else the newest.
    const releases = Object.keys(dts).map(Number).sort((a, b) => a - b);
    const order = [...releases.filter((r) => r >= minor), ...releases.filter((r) => r < minor).reverse()];
    const source = `${SOURCES[m].client} (fields), kubernetes-models@4.3.1 and ${MODEL_RELEASES[order[0]]} (leaf types, enums)`;
    trees[minor] = treeFromClient(minor, classes, base, order.map((r) => dts[r]), formats);
    write(minor, source, trees[minor]);
  }
  writeDerived(trees, formats, { roots: Object.values(ROOTS), write, clientOf: (m) => SOURCES[m]?.client });
}

main();
