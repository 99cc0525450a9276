import { Duration } from 'cdk8s';
import {
  isAbsolutePathWithoutBacksteps, isDns1123Label, isDns1123Subdomain, isEnvVarName, isIntegerIn, isLabelValue, isPortName,
  isQualifiedName, unknownProp, wholeSeconds,
} from '../lib/node-agent-validation';

test.each<[string, (v: string) => boolean, string[], string[]]>([
  ['isDns1123Label', isDns1123Label, ['a', 'fluent-bit', '0abc', 'a'.repeat(63)], ['', 'A', '-a', 'a-', 'a.b', 'a'.repeat(64)]],
  ['isDns1123Subdomain', isDns1123Subdomain, ['fluentd', 'a.b-c.d', 'a'.repeat(253)], ['', 'Fluentd', 'a..b', '.a', 'a_b', 'a'.repeat(254)]],
  ['isQualifiedName', isQualifiedName, ['app', 'kubernetes.io/os', 'node-role.kubernetes.io/control-plane', 'A_b.C'], ['', '/a', 'a/', 'a/b/c', 'bad key', 'Example.com/a', `${'a'.repeat(64)}`]],
  ['isLabelValue', isLabelValue, ['', 'linux', 'gpu-node', 'v1.2_3'], ['a b', '-a', 'a/b', 'a'.repeat(64)]],
  ['isPortName', isPortName, ['metrics', 'http-2', 'a1'], ['', '123', 'a--b', '-a', 'UPPER', 'a-very-long-port-name']],
  ['isEnvVarName', isEnvVarName, ['NODE_NAME', 'a.b', '-x', '_'], ['', '1X', 'A B', 'A=B']],
  ['isAbsolutePathWithoutBacksteps', isAbsolutePathWithoutBacksteps, ['/', '/var/log', '/a..b'], ['', 'var/log', '/var/../etc', '/..']],
])('%s accepts and rejects', (_name, check, good, bad) => {
  for (const v of good) expect([v, check(v)]).toEqual([v, true]);
  for (const v of bad) expect([v, check(v)]).toEqual([v, false]);
});

test('isIntegerIn', () => {
  expect(isIntegerIn(1, 1, 100)).toBe(true);
  expect(isIntegerIn(100, 1, 100)).toBe(true);
  expect(isIntegerIn(0, 1, 100)).toBe(false);
  expect(isIntegerIn(1.5, 1, 100)).toBe(false);
  expect(isIntegerIn(NaN, 1, 100)).toBe(false);
});

test('wholeSeconds', () => {
  expect(wholeSeconds(Duration.minutes(2))).toBe(120);
  expect(wholeSeconds(Duration.seconds(0))).toBe(0);
  expect(wholeSeconds(Duration.millis(1500))).toBeUndefined();
  expect(wholeSeconds(Duration.millis(0.5))).toBeUndefined();
});

test('unknownProp names the key and a hint', () => {
  expect(unknownProp({ a: 1, hostPID: true }, { a: true })).toEqual({ key: 'hostPID', hint: 'use `hostPid`' });
  expect(unknownProp({ a: 1, zz: 2 }, { a: true })).toEqual({ key: 'zz', hint: 'the known props are `a`' });
  expect(unknownProp({ a: 1, zz: undefined }, { a: true })).toBeUndefined();
});
