/**
 * Readers for scripts/generate-schemas.js: npm packages unpacked with `npm pack` (the npm registry
 * only), kubernetes-models' JSON schemas (4.x CJS) and .d.ts interfaces (4.5+), and
 * @kubernetes/client-node's model classes.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

let work;

/** The directory packages are unpacked into (set by {@link setWorkDir}, else a fresh temp dir). */
function workDir() {
  if (!work) work = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-schemas-'));
  return work;
}

/** Unpack into `dir` (reused across runs). */
function setWorkDir(dir) {
  work = dir;
}

/** `npm pack SPEC` into the work dir, unpacked; returns the package root. */
function unpack(spec) {
  const dest = path.join(workDir(), spec.replace(/[@/]/g, '_'));
  if (!fs.existsSync(path.join(dest, 'package'))) {
    fs.mkdirSync(dest, { recursive: true });
    const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dest], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(dest, file), '-C', dest]);
  }
  return path.join(dest, 'package');
}

function depSpec(root, name) {
  return `${name}@${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies[name]}`;
}

// ------------------------------------------------------------------------------------------------
// kubernetes-models 4.x CJS JSON schemas (`const schema = {...}; ... register("id", schema)`)
// ------------------------------------------------------------------------------------------------

function readJsonSchemas(modelsSpec) {
  const root = unpack(modelsSpec);
  const machinery = unpack(depSpec(root, '@kubernetes-models/apimachinery'));
  const schemas = new Map();
  for (const dir of [path.join(root, '_schemas'), path.join(machinery, '_schemas')]) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const body = /const schema = (\{[\s\S]*?\n\});\n/.exec(text);
      const id = /register\)\("([^"]+)", schema\)/.exec(text);
      if (body && id) schemas.set(id[1], JSON.parse(body[1]));
    }
  }
  if (schemas.size < 500) throw new Error(`${modelsSpec}: only ${schemas.size} schemas found`);
  return schemas;
}

/** The strict form, as lib/apiserver/schema.ts compiled it with Ajv (see its makeStrict). */
function makeStrict(s) {
  if (Array.isArray(s)) return s.map(makeStrict);
  if (typeof s !== 'object' || s === null) return s;
  if (Array.isArray(s.oneOf) && s.oneOf.length === 2) {
    const nonNull = s.oneOf.filter((b) => b.type !== 'null');
    if (nonNull.length === 1) {
      const rest = { ...s };
      delete rest.oneOf;
      return makeStrict({ ...rest, ...nonNull[0] });
    }
  }
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'required' && Array.isArray(v)) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, makeStrict(ps)])) : makeStrict(v);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

/** Ajv-schema → compact node: r ref, t type, n nullable, f format, e enum, p properties, a additionalProperties, i items, o oneOf. */
function compact(s) {
  const n = {};
  if (s.$ref) n.r = s.$ref.replace(/#$/, '');
  if (s.type) n.t = s.type;
  if (s.nullable === true) n.n = 1;
  if (s.format) n.f = s.format;
  if (s.enum) n.e = s.enum;
  if (s.oneOf) n.o = s.oneOf.map(compact);
  if (s.items) n.i = compact(s.items);
  if (s.properties) n.p = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, compact(v)]));
  if (s.additionalProperties !== undefined) n.a = s.additionalProperties === false ? false : s.additionalProperties === true ? {} : compact(s.additionalProperties);
  return n;
}

function refsOf(node, out) {
  if (!node || typeof node !== 'object') return out;
  if (node.r) out.push(node.r);
  for (const k of ['o']) (node[k] ?? []).forEach((x) => refsOf(x, out));
  for (const k of ['i', 'a']) if (node[k]) refsOf(node[k], out);
  for (const v of Object.values(node.p ?? {})) refsOf(v, out);
  return out;
}

const cap = (x) => x.charAt(0).toUpperCase() + x.slice(1);
const aliasOf = (id) => `I${id.split('.').map(cap).join('')}`;

/** id → { field → TypeScript type text } from a kubernetes-models release's .d.ts files. */
function readDts(modelsSpec) {
  const root = unpack(modelsSpec);
  const machinery = unpack(depSpec(root, '@kubernetes-models/apimachinery'));
  const byAlias = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== '_schemas' && e.name !== 'node_modules') walk(full);
      else if (e.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        const alias = /export type \{ (\w+) as (I\w+)/.exec(text);
        if (!alias) continue;
        const iface = new RegExp(`export interface ${alias[1]} \\{([\\s\\S]*?)\\n\\}`).exec(text);
        const fields = {};
        if (iface) {
          const body = iface[1].replace(/\s*\/\*\*[\s\S]*?\*\//g, '');
          for (const m of body.matchAll(/\n {4}"([^"]+)"\??: ([\s\S]*?);(?=\n {4}"|\n?$)/g)) fields[m[1]] = m[2].replace(/\s+/g, ' ');
        }
        byAlias.set(alias[2], fields);
      }
    }
  };
  walk(root);
  walk(machinery);
  return byAlias;
}

function readClientModels(spec) {
  const root = unpack(spec);
  const dir = ['dist/gen/models', 'dist/gen/model'].map((d) => path.join(root, d)).find((d) => fs.existsSync(d));
  const classes = new Map();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const m = /(\w+)\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(text);
    if (m) classes.set(m[1], JSON.parse(m[2]));
  }
  if (classes.size < 500) throw new Error(`${spec}: only ${classes.size} model classes`);
  return classes;
}

module.exports = { setWorkDir, unpack, readJsonSchemas, makeStrict, compact, refsOf, aliasOf, readDts, readClientModels };
