/**
 * Inputs for the throughput equality tests: every manifest file under the test fixtures, every
 * example app synthesized (as `cdk8s synth` writes it, YAML documents joined by `---`), the bench
 * stream, and broken variants of all of them (mutated values serialized back to YAML, and
 * line-level text edits), so the fast decode is compared where it is taken and where it gives up.
 */
import { mutateDocs, NULL_LIST, rng, SlotMutation, VALUE_MUTATIONS } from '../../helpers/mutations';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { manifestStream } from '../../../bench/apiserver.bench';
import { exampleNames, loadExample } from '../../../examples/app';
import { buildApp, synth } from '../../helpers/synth';

/** One input text and a label naming where it came from. */
export interface CorpusText {
  /** File path, `example NAME/CHART`, `bench`, or the variant's origin and edit. */
  readonly label: string;
  /** The YAML (or JSON) text. */
  readonly text: string;
}

const root = path.join(__dirname, '..', '..', '..');

function manifestFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) manifestFiles(p, out);
    else if (/\.(ya?ml|json)$/.test(e.name) && p.split(path.sep).includes('fixtures')) out.push(p);
  }
  return out;
}

/** Every YAML/JSON file under a `fixtures` directory of test/. */
export function fixtureTexts(): CorpusText[] {
  return manifestFiles(path.join(root, 'test')).map((p) => ({ label: path.relative(root, p), text: fs.readFileSync(p, 'utf8') }));
}

/** Every chart of every example app, synthesized and written as one YAML stream. */
export function exampleTexts(): CorpusText[] {
  const dir = path.join(root, 'examples');
  return exampleNames(dir).flatMap((name) => buildApp((app) => loadExample(name, dir).build(app))
    .map((chart) => ({ label: `example ${name}/${chart.node.id}`, text: synth(chart).map((m) => YAML.stringify(m)).join('---\n') })));
}

/** The value mutations of test/apiserver/fuzz.test.ts, plus strings YAML 1.1 reads as other types and keys that need quoting. */
const MUTATIONS: readonly SlotMutation[] = [
  ...VALUE_MUTATIONS,
  (parent, key, random) => {
    (parent as Record<string | number, unknown>)[key] = ['yes', 'off', '0644', '1:30', '.inf', 'e5', '~', '2001-12-14', '0x1F', '1_000'][Math.floor(random() * 10)];
  },
  (parent, key) => { (parent as Record<string | number, unknown>)[key] = { 'a b': 'c: d', '#x': '[y]', "it's": '"q"' }; },
  NULL_LIST,
];

/** Characters that start or end YAML syntax, inserted by one of the text edits. */
const SYNTAX_CHARS = '{}[],:#&*!|>\'"%@`-? \t';

const TEXT_EDITS: Array<(lines: string[], random: () => number) => void> = [
  (l, r) => { l.splice(Math.floor(r() * l.length), 1); },
  (l, r) => { const i = Math.floor(r() * l.length); l.splice(i, 0, l[i]); },
  (l, r) => { const i = Math.floor(r() * l.length); l[i] = ` ${l[i]}`; },
  (l, r) => { const i = Math.floor(r() * l.length); l[i] = l[i].replace(/^ {2}/, ''); },
  (l, r) => { const i = Math.floor(r() * l.length); const c = l[i].length ? Math.floor(r() * l[i].length) : 0; l[i] = l[i].slice(0, c) + SYNTAX_CHARS[Math.floor(r() * SYNTAX_CHARS.length)] + l[i].slice(c); },
  (l, r) => { const i = Math.floor(r() * l.length); l[i] = l[i].replace(/: (.*)$/, ': "$1'); },
  (l, r) => { l.splice(Math.floor(r() * l.length), 0, ['---', '# comment', '...', '  # indented comment', '', '--- # x', '%YAML 1.1'][Math.floor(r() * 7)]); },
];

/** `count` broken variants of `texts`: mutated documents re-serialized, and line edits of the text. */
export function brokenTexts(texts: readonly CorpusText[], count: number, seed: number): CorpusText[] {
  const random = rng(seed);
  const parsed = texts.map((t) => ({ ...t, docs: YAML.parseAllDocuments(t.text).filter((d) => d.errors.length === 0).map((d) => d.toJS() as unknown).filter((d) => d !== null) }));
  const out: CorpusText[] = [];
  for (let i = 0; i < count; i++) {
    const source = parsed[i % parsed.length];
    if (i % 2 === 0 && source.docs.length > 0) {
      out.push({ label: `${source.label} (mutant ${i})`, text: mutateDocs(source.docs, random, MUTATIONS).map((d) => YAML.stringify(d)).join('---\n') });
    } else {
      const lines = source.text.split('\n');
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++) TEXT_EDITS[Math.floor(random() * TEXT_EDITS.length)](lines, random);
      out.push({ label: `${source.label} (text edit ${i})`, text: lines.join('\n') });
    }
  }
  return out;
}

/** The benchmark's stream of the six kinds. */
export function benchText(objects: number): CorpusText {
  return { label: `bench ${objects}`, text: manifestStream(objects) };
}
