import { NodeAgent, NodeAgentProps, NodeSelectorOperator, NodeSelectorRequirement, ValidationError } from '../../../lib';
import { newChart } from '../../helpers/synth';

function attempt(props: Partial<NodeAgentProps>): () => NodeAgent {
  return () => new NodeAgent(newChart('agents'), 'agent', { containers: [{ image: 'busybox:1.36' }], ...props });
}

function required(...matchExpressions: NodeSelectorRequirement[]): Partial<NodeAgentProps> {
  return { requiredNodeAffinity: [{ matchExpressions }] };
}

const { IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT } = NodeSelectorOperator;

test.each<[string, Partial<NodeAgentProps>, RegExp]>([
  ['Gt has a non-integer value', required({ key: 'cores', operator: GT, values: ['8.5'] }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.values\[0\]` must be an integer when `operator` is Gt.*got "8\.5"/],
  ['Lt has a word', required({ key: 'cores', operator: LT, values: ['eight'] }), /must be an integer when `operator` is Lt/],
  ['Gt has more than one value', required({ key: 'cores', operator: GT, values: ['1', '2'] }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.values` must hold exactly one value when `operator` is Gt, got \["1","2"\]/],
  ['Lt has no value', required({ key: 'cores', operator: LT }), /must hold exactly one value when `operator` is Lt, got \[\]/],
  ['In has no values', required({ key: 'zone', operator: IN }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.values` must hold at least one value when `operator` is In, got \[\]/],
  ['NotIn has an empty list', required({ key: 'zone', operator: NOT_IN, values: [] }), /must hold at least one value when `operator` is NotIn/],
  ['In has a value that is not a label value', required({ key: 'zone', operator: IN, values: ['eu west'] }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.values\[0\]` must be a valid label value.*got "eu west"/],
  ['Exists has values', required({ key: 'gpu', operator: EXISTS, values: ['true'] }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.values` must be empty when `operator` is Exists, got \["true"\]/],
  ['DoesNotExist has values', required({ key: 'gpu', operator: DOES_NOT_EXIST, values: ['x'] }), /must be empty when `operator` is DoesNotExist/],
  ['the operator is not a NodeSelectorOperator', required({ key: 'gpu', operator: 'Equals' as NodeSelectorOperator, values: ['x'] }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.operator` must be one of In, NotIn, Exists, DoesNotExist, Gt, Lt, got "Equals"/],
  ['the key is not a label key', required({ key: 'a/b/c', operator: EXISTS }), /`requiredNodeAffinity\[0\]\.matchExpressions\[0\]\.key` must be a valid label key/],
  ['a required term is empty', { requiredNodeAffinity: [{ matchExpressions: [] }] }, /`requiredNodeAffinity\[0\]\.matchExpressions` must hold at least one requirement \(an empty term matches no node\), got \[\]/],
  ['a required term has no matchExpressions', { requiredNodeAffinity: [{} as any] }, /`requiredNodeAffinity\[0\]\.matchExpressions` must hold at least one requirement/],
  ['a preferred term is empty', { preferredNodeAffinity: [{ weight: 10, matchExpressions: [] }] }, /`preferredNodeAffinity\[0\]\.matchExpressions` must hold at least one requirement/],
  ['a preferred weight is 0', { preferredNodeAffinity: [{ weight: 0, matchExpressions: [{ key: 'a', operator: EXISTS }] }] }, /`preferredNodeAffinity\[0\]\.weight` must be an integer from 1 to 100, got 0/],
  ['a preferred weight is 101', { preferredNodeAffinity: [{ weight: 101, matchExpressions: [{ key: 'a', operator: EXISTS }] }] }, /`preferredNodeAffinity\[0\]\.weight` must be an integer from 1 to 100, got 101/],
  ['a preferred weight is fractional', { preferredNodeAffinity: [{ weight: 1.5, matchExpressions: [{ key: 'a', operator: EXISTS }] }] }, /weight` must be an integer from 1 to 100, got 1\.5/],
  ['a term says nodeSelectorTerms-style matchFields', { requiredNodeAffinity: [{ matchExpressions: [{ key: 'a', operator: EXISTS }], matchFields: [] } as any] }, /`requiredNodeAffinity\[0\]\.matchFields` is not a NodeAgent prop/],
  ['a required term carries a weight', { requiredNodeAffinity: [{ weight: 5, matchExpressions: [{ key: 'a', operator: EXISTS }] } as any] }, /`requiredNodeAffinity\[0\]\.weight` is not a NodeAgent prop/],
])('fails when %s', (_name, props, message) => {
  expect(attempt(props)).toThrow(ValidationError);
  expect(attempt(props)).toThrow(message);
});

test('fails naming the second term and requirement', () => {
  expect(attempt({
    requiredNodeAffinity: [
      { matchExpressions: [{ key: 'a', operator: EXISTS }] },
      { matchExpressions: [{ key: 'b', operator: EXISTS }, { key: 'c', operator: GT, values: ['x'] }] },
    ],
  })).toThrow(/`requiredNodeAffinity\[1\]\.matchExpressions\[1\]\.values\[0\]`/);
});

test('Gt and Lt accept negative integers', () => {
  expect(attempt(required({ key: 'a', operator: GT, values: ['-3'] }))).not.toThrow();
});
