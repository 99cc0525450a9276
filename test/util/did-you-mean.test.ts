import { closestName, didYouMean } from '../../lib/util/did-you-mean';

test('suggests the closest known name within two edits', () => {
  expect(closestName('templates', ['template', 'selector', 'serviceName'])).toBe('template');
  expect(closestName('replcias', ['replicas', 'selector'])).toBe('replicas');
  expect(closestName('deletPod', ['deletePod', 'scale'])).toBe('deletePod');
});

test('a prefix counts as one edit, case is ignored for distance', () => {
  expect(closestName('volumeClaim', ['volumeClaimTemplates', 'volumes'])).toBe('volumeClaimTemplates');
  expect(closestName('ServiceName', ['serviceName'])).toBe('serviceName');
});

test('suggests nothing when no name is close', () => {
  expect(closestName('frobnicate', ['template', 'selector'])).toBeUndefined();
  expect(didYouMean('frobnicate', ['template'])).toBe('');
  expect(didYouMean('templat', ['template'])).toBe('; did you mean `template`?');
});
