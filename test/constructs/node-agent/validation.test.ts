import { unknownProp, validateLabels } from '../../../lib/constructs/node-agent/validation';
import { newChart } from '../../helpers/synth';

test('unknownProp names the key and a hint', () => {
  expect(unknownProp({ a: 1, hostPID: true }, { a: true })).toEqual({ key: 'hostPID', hint: 'use `hostPid`' });
  expect(unknownProp({ a: 1, zz: 2 }, { a: true })).toEqual({ key: 'zz', hint: 'the known props are `a`' });
  expect(unknownProp({ a: 1, zz: undefined }, { a: true })).toBeUndefined();
});

test('validateLabels pins the full NodeAgent wording of the label rules', () => {
  const scope = newChart();
  expect(() => validateLabels(scope, 'podLabels', { 'ok': 'x', 'a b': 'x' })).toThrow(
    'test: `podLabels` keys must be valid label keys (an optional DNS subdomain prefix and "/", then at most 63 alphanumerics, "-", "_" or "."), got "a b"');
  expect(() => validateLabels(scope, 'nodeSelector', { role: '-gpu' })).toThrow(
    'test: `nodeSelector.role` must be a valid label value (at most 63 alphanumerics, "-", "_" or "."), got "-gpu"');
  expect(() => validateLabels(scope, 'labels', { 'example.com/team': '', 'tier': 'node' })).not.toThrow();
});
