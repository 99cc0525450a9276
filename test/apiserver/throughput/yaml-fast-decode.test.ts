/**
 * The js-yaml fast decode (lib/apiserver/yaml-fast-decode.ts) must return exactly what the `yaml`
 * package's `parseAllDocuments(text, { version: '1.1', uniqueKeys: true })` + `toJS()` returns —
 * the decode kubectl's go-yaml v2 does (YAML 1.1 scalars) — or give up. Differential: every
 * expectation is the full parser's own output, over the fixtures, the examples, the bench stream
 * and broken variants of them, plus rows for each case the fast decode must give up on.
 */
import * as YAML from 'yaml';
import { decodeFast } from '../../../lib/apiserver/yaml-fast-decode';
import { benchText, brokenTexts, CorpusText, exampleTexts, fixtureTexts } from './corpus';

function fullDecode(text: string): { values: unknown[]; errors: number } {
  const docs = YAML.parseAllDocuments(text, { version: '1.1', prettyErrors: false, uniqueKeys: true }) as YAML.Document.Parsed[];
  return {
    errors: docs.reduce((n, d) => n + d.errors.length, 0),
    values: docs.filter((d) => d.errors.length === 0).map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown).filter((v) => v !== null && v !== undefined),
  };
}

/** Asserts the fast decode matches the full one (or gave up); returns whether it was taken. */
function agrees({ label, text }: CorpusText): boolean {
  const fast = decodeFast(text);
  if (fast === undefined) return false;
  const full = fullDecode(text);
  expect({ label, errors: full.errors }).toEqual({ label, errors: 0 });
  expect({ label, values: fast.filter((v) => v !== null && v !== undefined) }).toStrictEqual({ label, values: full.values });
  return true;
}

const clean = [...fixtureTexts(), ...exampleTexts()];

test('agrees with the full parser on every fixture and synthesized example, and reads most of them', () => {
  const taken = clean.filter(agrees).length;
  // Not vacuous: the plain manifests (cdk8s synth output, kubectl-style fixtures) take the fast path.
  expect(taken).toBeGreaterThanOrEqual(Math.ceil(clean.length / 2));
});

test('reads the whole bench stream (6 kinds, flow collections) the same as the full parser', () => {
  expect(agrees(benchText(120))).toBe(true);
});

test('agrees with the full parser on 1,500 broken variants (mutated values, line edits), or gives up', () => {
  const broken = brokenTexts(clean, 1500, 16);
  const taken = broken.filter(agrees).length;
  expect(taken).toBeGreaterThan(100);
  expect(taken).toBeLessThan(broken.length);
});

// YAML 1.1 scalars (yaml.org/type, as go-yaml v2 reads them) resolved by the `yaml` package's
// own tags, and each case the fast decode gives up on; every row is checked against the full
// parser, `fast` says whether the fast decode must be taken.
test.each([
  ['plain strings, numbers, a nested map and a compact sequence', 'a: b\nnum: 3\nm:\n  k: v\nl:\n- 1\n- x: y\n  z: w\n', true],
  ['YAML 1.1 booleans (yes/no/on/off/y) and null (~)', 'a: yes\nb: Off\nc: ~\nd: NO\ne: y\n', true],
  ['YAML 1.1 octal, hex, binary, underscores, sexagesimal, exponents, .inf', 'a: 0644\nb: 0x1F\nb2: 0b101\nc: 1_000\nd: 1:30\ne: 1e5\nf: .inf\ng: -.5\n', true],
  ['quoted look-alikes stay strings', 'a: "yes"\nb: \'0644\'\nc: "~"\n', true],
  ['a timestamp decodes to the same Date', 'a: 2001-12-14\n', true],
  ['a `:` inside a flow plain scalar is text (busybox:1.36)', 'c: [{ image: busybox:1.36, args: [-c, "x y"] }]\n', true],
  ['quoted scalars with escapes and doubled single quotes', 'a: "x\\ty\\u00e9"\nb: \'it\'\'s\'\n"c d": e\n', true],
  ['comments, blank lines, `---` separators and empty documents', '# Source: x\n---\na: b # c\n\n---\n---\n# only a comment\n---\nd: e#f\n', true],
  ['a block scalar', 'a: |\n  x\n  y\nb: >\n  z\n  w\n', true],
  ['an anchor and alias (the full parser bounds alias expansion)', 'a: &x 1\nb: *x\n', false],
  ['an anchor alone', 'a: &x 1\n', false],
  ['a merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n', false],
  ['an explicit core tag', 'a: !!str 1\n', false],
  ['a custom tag', 'a: !foo 1\n', false],
  ['a duplicate key (the full parser reports it)', 'a: 1\na: 2\n', false],
  ['a key YAML 1.1 reads as a boolean', 'on: 1\n', false],
  ['a key read as a number', '1: a\n', false],
  ['a null key', '~: a\n', false],
  ['an empty key', ': a\n', false],
  ['a flow sequence as key', '[a]: b\n', false],
  ['an explicit mapping key', '? {a: 1}\n: x\n', false],
  ['a string key equal to the form of a non-string scalar of the stream', '"true": 1\nb: yes\n', false],
  ['a nested mapping on one line (an error)', 'a: b: c\n', false],
  ['an indentation error', 'a:\n  b: 1\n c: 2\n', false],
  ['an unknown directive (a js-yaml warning)', '%FOO bar\n---\na: 1\n', false],
])('%s', (_name, text, fast) => {
  expect(agrees({ label: _name, text })).toBe(fast);
});
