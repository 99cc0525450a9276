import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  checkContainerProbes, checkProbePort, durationSeconds, isAbsolutePathWithoutBacksteps, isConfigKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isEnvVarName, isIntegerIn,
  isLabelValue, isPortName, isQualifiedName, parseQuantity, quantityHint, rejectUnknownProp, wholeSeconds,
} from '../../../lib/constructs/_shared/validation';
import { newChart } from '../../helpers/synth';

test.each([
  ['10Gi', 10 * 2 ** 30], ['1G', 1e9], ['500M', 5e8], ['1.5Gi', 1.5 * 2 ** 30], ['100m', 0.1], ['1e3', 1000], ['2E-1', 0.2],
  ['.5', 0.5], ['5.', 5], ['+1Ki', 1024], ['-1', -1], ['0', 0], ['1Ei', 2 ** 60], ['7k', 7000], ['3u', 3e-6],
])('parseQuantity(%s) = %d', (text, value) => {
  expect(parseQuantity(text)).toBeCloseTo(value, 12);
});

test.each(['10GB', '10gi', '10 Gi', 'Gi', '', '1.2.3', '1Ki2', 'ten', '1K', '1iB', '--1', '1e'])('parseQuantity rejects %j', (text) => {
  expect(parseQuantity(text)).toBeUndefined();
});

test('quantityHint suggests the case-sensitive spelling', () => {
  expect(quantityHint('10GB')).toContain('"10G"');
  expect(quantityHint('10gi')).toContain('"10Gi"');
  expect(quantityHint('10 Gi')).toContain('"10Gi"');
  expect(quantityHint('lots')).toContain('cdk8s Size');
});

test('name and key rules', () => {
  expect(isDns1123Label('mysql-0')).toBe(true);
  expect(isDns1123Label('a'.repeat(64))).toBe(false);
  expect(isDns1123Label('My')).toBe(false);
  expect(isDns1123Subdomain('fast.ssd-1')).toBe(true);
  expect(isDns1123Subdomain('a..b')).toBe(false);
  expect(isDns1035Label('9lives')).toBe(false);
  expect(isDns1035Label('lives9')).toBe(true);
  expect(isQualifiedName('app.kubernetes.io/name')).toBe(true);
  expect(isQualifiedName('/name')).toBe(false);
  expect(isQualifiedName('Name_1.x')).toBe(true);
  expect(isLabelValue('')).toBe(true);
  expect(isLabelValue('8.0.39')).toBe(true);
  expect(isLabelValue('-x')).toBe(false);
  expect(isPortName('http')).toBe(true);
  expect(isPortName('1234')).toBe(false);
  expect(isPortName('a--b')).toBe(false);
  expect(isPortName('a'.repeat(16))).toBe(false);
  expect(isEnvVarName('MY_VAR.1')).toBe(true);
  expect(isEnvVarName('1VAR')).toBe(false);
  expect(isConfigKey('password')).toBe(true);
  expect(isConfigKey('..')).toBe(false);
  expect(isConfigKey('a/b')).toBe(false);
});

test.each<[string, (v: string) => boolean, string[], string[]]>([
  ['isDns1123Label', isDns1123Label, ['a', 'fluent-bit', '0abc', 'a'.repeat(63)], ['', 'A', '-a', 'a-', 'a.b', 'a'.repeat(64)]],
  ['isDns1123Subdomain', isDns1123Subdomain, ['fluentd', 'a.b-c.d', 'a'.repeat(253)], ['', 'Fluentd', 'a..b', '.a', 'a_b', 'a'.repeat(254)]],
  ['isQualifiedName', isQualifiedName, ['app', 'kubernetes.io/os', 'node-role.kubernetes.io/control-plane', 'A_b.C'], ['', '/a', 'a/', 'a/b/c', 'bad key', 'Example.com/a', `${'a'.repeat(64)}`]],
  ['isLabelValue', isLabelValue, ['', 'linux', 'gpu-node', 'v1.2_3'], ['a b', '-a', 'a/b', 'a'.repeat(64)]],
  ['isPortName', isPortName, ['metrics', 'http-2', 'a1'], ['', '123', 'a--b', '-a', 'UPPER', 'a-very-long-port-name']],
  ['isEnvVarName', isEnvVarName, ['NODE_NAME', 'a.b', '-x', '_', '.a', 'a..b', 'a..'], ['', '1X', 'A B', 'A=B', '.', '..', '..a']],
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

test('isConfigKey is IsConfigMapKey: [-._a-zA-Z0-9]+, at most 253 characters, not ".", ".." or starting with ".."', () => {
  for (const key of ['password', 'tls.crt', '.dockerconfigjson', '.a', 'a..b', 'a..', '-', '_', 'KEY_NAME', 'a'.repeat(253)]) {
    expect([key, isConfigKey(key)]).toEqual([key, true]);
  }
});

test('isConfigKey fails when a key is ".", "..", starts with "..", is empty, too long or has other characters', () => {
  for (const key of ['.', '..', '...', '..a', '..data', '', 'a'.repeat(254), 'a/b', 'a b', 'a:b', 'ä']) {
    expect([key, isConfigKey(key)]).toEqual([key, false]);
  }
});

test('durationSeconds: whole seconds, or undefined for fractions, sub-millisecond values and non-Durations', () => {
  expect(durationSeconds(Duration.minutes(2))).toBe(120);
  expect(durationSeconds(Duration.seconds(0))).toBe(0);
  expect(durationSeconds(Duration.millis(3000))).toBe(3);
  expect(durationSeconds(Duration.millis(1500))).toBeUndefined();
  expect(durationSeconds(Duration.millis(0.5))).toBeUndefined();
  expect(durationSeconds(30 as unknown as Duration)).toBeUndefined();
  expect(durationSeconds(undefined as unknown as Duration)).toBeUndefined();
});

test('wholeSeconds fails when a Duration is fractional, sub-millisecond, below min or above max, in one wording', () => {
  const scope = newChart();
  const fix = 'Kubernetes stores this field as an integer number of seconds; pass e.g. Duration.seconds(30)';
  expect(wholeSeconds(scope, 'grace', Duration.minutes(1))).toBe(60);
  expect(() => wholeSeconds(scope, 'grace', Duration.millis(1500))).toThrow(`test: \`grace\` must be a whole number of seconds, got "1 second 500 millis"; ${fix}`);
  expect(() => wholeSeconds(scope, 'grace', Duration.millis(0.5))).toThrow(`test: \`grace\` must be a whole number of seconds, got "0.5 millis"; ${fix}`);
  expect(() => wholeSeconds(scope, 'deadline', Duration.seconds(0), { min: 1, why: 'because' })).toThrow('test: `deadline` must be at least 1 second, got "0 seconds"; because');
  expect(() => wholeSeconds(scope, 'deadline', Duration.seconds(5), { min: 10 })).toThrow('test: `deadline` must be at least 10 seconds, got "5 seconds"');
  expect(() => wholeSeconds(scope, 'ttl', Duration.seconds(11), { max: 10 })).toThrow('test: `ttl` must be at most 10 seconds, got "11 seconds"');
});

test('checkProbePort names the exposed ports, or says there are none', () => {
  const scope = newChart();
  expect(() => checkProbePort(scope, 'p.port', 5432, [5432], 'fix')).not.toThrow();
  expect(() => checkProbePort(scope, 'p.port', 5433, [5432, 8008], 'fix')).toThrow('test: `p.port` must be a port the container exposes (5432, 8008), got 5433; fix');
  expect(() => checkProbePort(scope, 'p.port', 80, [], 'fix')).toThrow('test: `p.port` must be a port the container exposes (it exposes none), got 80; fix');
  expect(() => checkProbePort(scope, 'p.port', 'http', [80], 'fix')).toThrow('got "http"');
});

test('checkContainerProbes fails with the prop when cdk8s-plus-27 cannot render a probe', () => {
  const scope = newChart();
  const container = new kplus.Container({ image: 'agent:1', portNumber: 9100 });
  const broken = { _toKube: () => { throw new Error('boom'); } } as unknown as kplus.Probe;
  expect(() => checkContainerProbes(scope, 'containers[0]', container, { startup: broken }))
    .toThrow('test: `containers[0].startup` cannot be rendered by cdk8s-plus-27 (boom), got "startup"');
  expect(() => checkContainerProbes(scope, 'containers[0]', container, { readiness: kplus.Probe.fromHttpGet('/metrics') })).not.toThrow();
});

test('rejectUnknownProp names the first unknown prop with its path, the caller\'s rule and a hint', () => {
  const scope = newChart();
  const hints = { hostPID: 'use `hostPid`' };
  expect(() => rejectUnknownProp(scope, 'containers[0].', { a: 1, hostPID: true }, { a: true }, hints, 'is not known'))
    .toThrow('test: `containers[0].hostPID` is not known, got true; use `hostPid`');
  expect(() => rejectUnknownProp(scope, '', { a: 1, zz: 2, yy: 3 }, { a: true, b: true }, hints, 'is not known'))
    .toThrow('test: `zz` is not known, got 2; the known props are `a`, `b`');
  expect(() => rejectUnknownProp(scope, '', { a: 1, zz: undefined }, { a: true }, hints, 'is not known')).not.toThrow();
});
