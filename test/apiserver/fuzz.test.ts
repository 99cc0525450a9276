/**
 * Fuzz-style robustness: random mutations of the simulator fixtures must give field-path errors,
 * never an internal crash, and mutants that load must simulate without one.
 */
import { mutateDocs, NULL_LIST, rng, VALUE_MUTATIONS } from '../helpers/mutations';
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

/** The value mutations of this fuzzer. */
const MUTATIONS = [...VALUE_MUTATIONS, NULL_LIST];

const CRASH = /Cannot read propert|undefined is not|is not a function|is not iterable|Maximum call stack/;
const mutants: unknown[][] = [];
const random = rng(27);
for (let i = 0; i < 1500; i++) mutants.push(mutateDocs(sources[i % sources.length], random, MUTATIONS));

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
