import { globMatch, matchesNodeSelectorTerm, matchesRequiredNodeAffinity, matchesSelector } from '../../lib/apiserver/labels';
import { firstUntoleratedTaint, toleratesTaint } from '../../lib/simulator/cluster/taints';

test.each([
  [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
  [{ matchLabels: { app: 'web' } }, { app: 'db' }, false],
  [{}, { anything: 'x' }, true],
  [undefined, { app: 'web' }, false],
  [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' }, true],
  [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, {}, true],
  [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {}, false],
  [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {}, true],
])('label selector %j on %j → %s', (selector, labels, expected) => {
  expect(matchesSelector(selector as never, labels)).toBe(expected);
});

test('node selector terms: Gt/Lt and matchFields metadata.name', () => {
  const node = { name: 'worker2', labels: { cores: '8', zone: 'a' } };
  expect(matchesNodeSelectorTerm({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }, node)).toBe(true);
  expect(matchesNodeSelectorTerm({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }, node)).toBe(false);
  expect(matchesNodeSelectorTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker2'] }] }, node)).toBe(true);
  expect(matchesNodeSelectorTerm({}, node)).toBe(false);
});

test('required affinity: nodeSelector AND terms ORed', () => {
  const node = { name: 'n', labels: { disk: 'ssd', zone: 'a' } };
  const terms = [{ matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['b'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['a'] }] }];
  expect(matchesRequiredNodeAffinity({ nodeSelector: { disk: 'ssd' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } }, node)).toBe(true);
  expect(matchesRequiredNodeAffinity({ nodeSelector: { disk: 'hdd' } }, node)).toBe(false);
});

test('tolerations: Exists with empty key tolerates all; Equal compares values; PreferNoSchedule never blocks', () => {
  expect(toleratesTaint({ operator: 'Exists' }, { key: 'k', effect: 'NoSchedule' })).toBe(true);
  expect(toleratesTaint({ key: 'k', value: 'v', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(true);
  expect(toleratesTaint({ key: 'k', value: 'w' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(false);
  expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, { key: 'k', effect: 'NoSchedule' })).toBe(false);
  expect(firstUntoleratedTaint([{ key: 'p', effect: 'PreferNoSchedule' }], [])).toBeUndefined();
});

test('globs', () => {
  expect(globMatch('backup-*', 'backup-27718752-x7k2p')).toBe(true);
  expect(globMatch('web-?', 'web-10')).toBe(false);
  expect(globMatch('a.b', 'axb')).toBe(false);
});
