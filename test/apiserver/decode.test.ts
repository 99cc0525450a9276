import { ManifestIssueCode } from '../../lib/apiserver/issues';
import { loadManifests } from '../../lib/apiserver/load-manifests';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

test('accepts helm template output: comment-only documents, empty documents and a trailing --- are skipped silently', () => {
  const text = `---\n# Source: chart/templates/x.yaml\n---\n${cm('a')}---\n---\n# Source: chart/templates/y.yaml\n${cm('b')}---\n`;
  const r = loadManifests(text);
  expect(r.issues).toEqual([]);
  expect(r.objects.map((o) => o.manifest.metadata?.name)).toEqual(['a', 'b']);
  expect(r.notices.map((n) => n.code)).toEqual(['NO_BEHAVIOUR', 'NO_BEHAVIOUR']);
});

test('accepts JSON documents', () => {
  expect(loadManifests('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}}\n').issues).toEqual([]);
});

test('fails when a mapping key is duplicated, naming the key and the line', () => {
  const r = loadManifests(`${cm('a')}data:\n  x: "1"\n  x: "2"\n`);
  expect(r.objects).toEqual([]);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.SYNTAX, line: 7 }]);
  expect(r.issues[0].message).toMatch(/key "x" already set in map \(line 7\)/);
});

test('fails when a document is a billion-laughs alias bomb, quickly and clearly', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const started = Date.now();
  const r = loadManifests(`${lines.join('\n')}\n`);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.SYNTAX }]);
  expect(r.issues[0].message).toMatch(/excessive aliasing/);
});

test.each([
  ['a scalar', 'just a string\n', /got the string "just a string"/],
  ['a list', '- apiVersion: v1\n  kind: ConfigMap\n', /got a list/],
])('fails when a document is %s, with a clear error', (_what, text, message) => {
  const r = loadManifests(text);
  expect(r.issues).toMatchObject([{ code: ManifestIssueCode.NOT_AN_OBJECT }]);
  expect(r.issues[0].message).toMatch(message);
});
