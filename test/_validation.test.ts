import {
  isConfigKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isEnvVarName, isLabelKey, isLabelValue, isPortName,
  parseQuantity, quantityHint,
} from '../lib/_validation';

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
  expect(isLabelKey('app.kubernetes.io/name')).toBe(true);
  expect(isLabelKey('/name')).toBe(false);
  expect(isLabelKey('Name_1.x')).toBe(true);
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
