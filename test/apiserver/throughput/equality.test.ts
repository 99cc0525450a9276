/**
 * The fast decode must not change any output: `validate()` (and through it `loadManifests`) with
 * the js-yaml fast decode returns the same `valid`, objects, issues (codes, paths, lines, messages)
 * and notices as with the full decode alone (the decode before the fast path existed), over every
 * fixture, every synthesized example, the bench stream and broken variants of all of them.
 */
import { decodeFast, fastDecodeSwitch } from '../../../lib/apiserver/yaml-fast-decode';
import { validate, ValidateResult } from '../../../lib/apiserver/validate';
import { benchText, brokenTexts, CorpusText, exampleTexts, fixtureTexts } from './corpus';

/** validate() of `text` with the full decode only, as before the fast path. */
function validateFully(text: string): ValidateResult {
  fastDecodeSwitch.enabled = false;
  try {
    return validate(text);
  } finally {
    fastDecodeSwitch.enabled = true;
  }
}

/** Asserts both paths agree on `text`; returns whether the fast decode was taken, and the result. */
function compare({ label, text }: CorpusText): { taken: boolean; result: ValidateResult } {
  const taken = decodeFast(text) !== undefined;
  const before = validateFully(text);
  const after = validate(text);
  expect({ label, ...after }).toStrictEqual({ label, ...before });
  return { taken, result: after };
}

/** Asserts both paths agree on `text`; returns whether the fast decode was taken. */
const samePaths = (t: CorpusText): boolean => compare(t).taken;

const clean = [...fixtureTexts(), ...exampleTexts()];

test('validate() gives identical results on every fixture and synthesized example', () => {
  expect(clean.filter(samePaths).length).toBeGreaterThanOrEqual(Math.ceil(clean.length / 2));
});

test('validate() gives identical results on the bench stream', () => {
  expect(samePaths(benchText(120))).toBe(true);
});

test('validate() gives identical issues, lines and notices on 1,500 broken variants', () => {
  const broken = brokenTexts(clean, 1500, 1_600);
  // The issue count is the one of the fast path's result compare() has just checked (validate() is
  // deterministic: a second call on the same text returns the same result).
  const results = broken.map((t) => { const { taken, result } = compare(t); return { taken, issues: result.issues.length }; });
  // Not vacuous: many variants take the fast decode and still have issues whose lines come from
  // the lazy full parse; many others fall back.
  expect(results.filter((r) => r.taken && r.issues > 0).length).toBeGreaterThan(100);
  expect(results.filter((r) => !r.taken).length).toBeGreaterThan(100);
});

test('the switch really turns the fast decode off (the comparison is not of one path with itself)', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n';
  expect(decodeFast(text)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }]);
  fastDecodeSwitch.enabled = false;
  try {
    expect(decodeFast(text)).toBeUndefined();
  } finally {
    fastDecodeSwitch.enabled = true;
  }
});
