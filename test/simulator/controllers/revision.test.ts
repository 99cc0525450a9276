import { canonicalJson, controllerRevisionName, fnv32a, safeEncodeString, templateHash } from '../../../lib/simulator/controllers/revision';

test('FNV-32a matches the reference vectors', () => {
  expect(fnv32a('')).toBe(0x811c9dc5);
  expect(fnv32a('a')).toBe(0xe40c292c);
  expect(fnv32a('foobar')).toBe(0xbf9cf968);
});

test('SafeEncodeString maps digits into the Kubernetes alphabet as rand.SafeEncodeString does', () => {
  expect(safeEncodeString('0123456789')).toBe('456789bcdf');
});

test('template hashes: 10 characters, stable across key order, different for different templates', () => {
  const a = templateHash({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx:1.24' }] } });
  expect(a).toMatch(/^[4-9bcdf]{10}$/);
  expect(templateHash({ spec: { containers: [{ image: 'nginx:1.24', name: 'n' }] }, metadata: { labels: { app: 'web' } } })).toBe(a);
  expect(templateHash({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx:1.25' }] } })).not.toBe(a);
  expect(controllerRevisionName('web', a)).toBe(`web-${a}`);
  expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: null }] })).toBe('{"a":[1,{"c":null}],"b":1}');
});
