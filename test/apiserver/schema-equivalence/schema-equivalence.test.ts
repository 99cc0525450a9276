/**
 * The generated 1.27 field tree gives exactly the messages the Ajv compile of
 * kubernetes-models@4.3.1 gave (ajv-reference.ts), on every manifest of examples/, the test
 * fixtures (the Kubernetes website examples among them) and seeded mutants of each: wrong types,
 * unknown fields, enum and format violations at random places.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { SchemaIssue, validateStrict } from '../../../lib/apiserver/schema';
import { referenceValidateStrict } from './ajv-reference';

const root = path.join(__dirname, '..', '..', '..');

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  }).sort();
}

/** Every object with a string apiVersion and kind, at any depth (scenarios embed manifests). */
function manifestsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => manifestsIn(v, out));
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.apiVersion === 'string' && typeof o.kind === 'string') out.push(o);
    else Object.values(o).forEach((v) => manifestsIn(v, out));
  }
  return out;
}

const files = [...yamlFiles(path.join(root, 'examples')), ...yamlFiles(path.join(root, 'test'))];
const manifests = files.flatMap((f) => {
  try {
    return YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).flatMap((d) => manifestsIn(d.toJS())).map((m) => ({ file: path.relative(root, f), m }));
  } catch {
    return [];
  }
});

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push({ parent: value, key: i }); slots(v, out); });
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) { out.push({ parent: value as Record<string, unknown>, key: k }); slots(v, out); }
  }
  return out;
}

const VALUES: unknown[] = ['x', '10 GiB', '-1', 3, 3.5, -1, 2 ** 40, true, null, [], [1], {}, { bogus: 1 }, 'Always', '2024-01-01T00:00:00Z', '100m'];

function mutant(m: Record<string, unknown>, random: () => number): Record<string, unknown> {
  const copy = structuredClone(m);
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const all = slots(copy).filter((s) => !(s.parent === copy && (s.key === 'apiVersion' || s.key === 'kind')));
    if (all.length === 0) break;
    const s = all[Math.floor(random() * all.length)];
    const value = structuredClone(VALUES[Math.floor(random() * VALUES.length)]);
    if (random() < 0.3 && !Array.isArray(s.parent)) (s.parent as Record<string, unknown>)[`${String(s.key)}X`] = value;
    else (s.parent as Record<string, unknown>)[s.key as string] = value;
  }
  return copy;
}

const ADDED = /: field not declared in Kubernetes 1\.\d+'s schema; it was (?:added in|removed after) .*$/;

/**
 * The tree's messages, and the reference's, without the one intended difference: a field another
 * minor has is named with its version instead of a did-you-mean guess.
 */
function comparable(mine: SchemaIssue[], reference: SchemaIssue[]): [SchemaIssue[], SchemaIssue[]] {
  const hinted = new Set(mine.filter((i) => ADDED.test(i.message)).map((i) => i.path));
  return [
    mine.map((i) => ({ ...i, message: i.message.replace(ADDED, '') })),
    reference.map((i) => (hinted.has(i.path) ? { ...i, message: i.message.replace(/; did you mean `[^`]*`\?$/, '') } : i)),
  ];
}

/** kubernetes-models@4.3.1 lacks PriorityClass.description (the tree has it from client-node 0.19.0). */
function withoutKnownDifference(m: Record<string, unknown>): boolean {
  return !(m.kind === 'PriorityClass' && 'description' in m);
}

test('the fixtures hold manifests of every kind the loader admits', () => {
  expect(files.length).toBeGreaterThan(40);
  const kinds = new Set(manifests.map(({ m }) => m.kind));
  for (const k of ['Pod', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'PersistentVolumeClaim', 'PersistentVolume', 'Secret']) expect(kinds).toContain(k);
});

test('every example and fixture manifest gets the same messages as the Ajv compile', () => {
  let compared = 0;
  for (const { file, m } of manifests.filter(({ m }) => withoutKnownDifference(m))) {
    const [mine, reference] = comparable(validateStrict(m), referenceValidateStrict(m));
    expect({ file, issues: mine }).toEqual({ file, issues: reference });
    compared++;
  }
  expect(compared).toBeGreaterThan(40);
});

test('seeded mutants of every manifest get the same messages as the Ajv compile', () => {
  const random = rng(1127);
  let failing = 0;
  for (const { file, m } of manifests) {
    for (let i = 0; i < 40; i++) {
      const x = mutant(m, random);
      if (!withoutKnownDifference(x)) continue;
      const [mine, reference] = comparable(validateStrict(x), referenceValidateStrict(x));
      if (reference.length > 0) failing++;
      expect({ file, i, issues: mine }).toEqual({ file, i, issues: reference });
    }
  }
  // The mutants do exercise the error paths.
  expect(failing).toBeGreaterThan(500);
});
