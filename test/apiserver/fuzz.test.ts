/**
 * Fuzz-style robustness: random mutations of the simulator fixtures must give field-path errors,
 * never an internal crash, and mutants that load must simulate without one.
 */
import { rng, slots } from '../helpers/mutations';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ManifestError } from '../../lib/apiserver/issues';
import { loadManifests } from '../../lib/apiserver/load-manifests';
import { simulate } from '../../lib/simulator';
import { ScenarioError } from '../../lib/simulator/scenario/scenario-error';

const fixtures = path.join(__dirname, '..', 'simulator', 'fixtures');
const sources = fs.readdirSync(fixtures).filter((f) => f.endsWith('.yaml') && !f.includes('scenario')).sort()
  .map((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(fixtures, f), 'utf8')).map((d) => d.toJS()).filter((d) => d !== null));

function mutate(docs: unknown[], random: () => number): unknown[] {
  const copy = structuredClone(docs);
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    // Mutate inside documents (a top-level string would be read as a file path).
    const all = copy.flatMap((d) => slots(d));
    if (all.length === 0) break;
    const { parent, key } = all[Math.floor(random() * all.length)];
    const p = parent as Record<string | number, unknown>;
    switch (Math.floor(random() * 6)) {
      case 0: p[key] = null; break;
      case 1: p[key] = Math.floor(random() * 100) - 10; break;
      case 2: p[key] = 'x'; break;
      case 3: if (Array.isArray(parent)) parent.splice(key as number, 1); else delete p[key]; break;
      case 4: if (!Array.isArray(parent)) { p[`${key}x`] = p[key]; delete p[key]; } break;
      default: p[key] = [null]; break;
    }
  }
  return copy;
}

const CRASH = /Cannot read propert|undefined is not|is not a function|is not iterable|Maximum call stack/;
const mutants: unknown[][] = [];
const random = rng(27);
for (let i = 0; i < 1500; i++) mutants.push(mutate(sources[i % sources.length], random));

test('accepts no internal crash: loadManifests never throws, and every issue names a field path', () => {
  for (const docs of mutants) {
    const r = loadManifests(docs as Array<Record<string, unknown>>);
    for (const issue of r.issues) {
      expect(issue.message).not.toMatch(CRASH);
      expect(issue.message).toMatch(/ document \d+/);
      if (issue.code !== 'NOT_AN_OBJECT') expect({ path: issue.path, message: issue.message }).toEqual({ path: expect.stringMatching(/^[A-Za-z]/), message: expect.any(String) });
    }
  }
});

test('accepts no internal crash in simulate() on mutants that load (only ManifestError/ScenarioError)', () => {
  let simulated = 0;
  for (const docs of mutants) {
    if (loadManifests(docs as Array<Record<string, unknown>>).issues.length > 0 || simulated >= 150) continue;
    simulated++;
    try {
      simulate(docs as Array<Record<string, unknown>>, { until: '2m' });
    } catch (e) {
      if (!(e instanceof ManifestError) && !(e instanceof ScenarioError)) throw new Error(`simulate threw on ${JSON.stringify(docs)}: ${(e as Error).stack}`);
    }
  }
  if (process.env.FUZZ_DEBUG) console.log(`simulated ${simulated}`);
  expect(simulated).toBeGreaterThan(10);
}, 120_000);

const web = (patch: (s: any) => void) => {
  const docs = structuredClone(sources.find((ds) => (ds as any[]).some((d) => d?.kind === 'StatefulSet' && d.metadata?.name === 'web'))) as any[];
  patch(docs.find((d) => d.kind === 'StatefulSet'));
  return docs;
};

test.each([
  ['a null label value', web((s) => { s.metadata.labels = { app: null }; }), 'metadata.labels.app', /Invalid value: null/],
  ['a null container', web((s) => { s.spec.template.spec.containers = [null]; }), 'spec.template.spec.containers[0]', /must be object, got null/],
  ['a number where a string belongs', web((s) => { s.spec.template.spec.containers[0].image = 5; }), 'spec.template.spec.containers[0].image', /must be string/],
])('fails with a field-path error, not a crash, on %s', (_what, docs, fieldPath, message) => {
  const r = loadManifests(docs);
  expect(r.issues.find((i) => i.path === fieldPath)?.message).toMatch(message);
});

// apps validation.go#ValidatePodTemplateSpecForStatefulSet (1.27) does not validate the pod spec:
// the object is admitted with a warning, and the controller's pod creates fail (pod-create.ts).
test('accepts a StatefulSet template without spec, with a FailedCreate warning, not a crash', () => {
  const r = loadManifests(web((s) => { delete s.spec.template.spec; }));
  expect(r.issues).toEqual([]);
  expect(r.notices.map((n) => n.message).join('\n')).toMatch(/cannot create its pods \(FailedCreate\): spec\.template\.spec\.containers: Required value/);
});
