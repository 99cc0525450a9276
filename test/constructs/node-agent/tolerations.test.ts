import { Duration } from 'cdk8s';
import { TaintEffect } from 'cdk8s-plus-27';
import { NodeAgent, NodeAgentToleration, NodeAgentTolerations, TolerationOperator, ValidationError } from '../../../lib';
import { newChart, only, schemaIssues, synth } from '../../helpers/synth';

function tolerationsOf(tolerations: NodeAgentToleration[]): unknown[] {
  const chart = newChart('agents');
  new NodeAgent(chart, 'agent', { containers: [{ image: 'busybox:1.36' }], tolerations });
  const manifests = synth(chart);
  expect(schemaIssues(manifests)).toEqual([]);
  return only(manifests, 'DaemonSet').spec.template.spec.tolerations;
}

function attempt(tolerations: NodeAgentToleration[]): () => NodeAgent {
  return () => new NodeAgent(newChart('agents'), 'agent', { containers: [{ image: 'busybox:1.36' }], tolerations });
}

describe('presets', () => {
  test('controlPlane() is seed 000 §2.5: both control-plane keys, Exists, NoSchedule', () => {
    expect(tolerationsOf(NodeAgentTolerations.controlPlane())).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  test('everything() tolerates every taint: Exists without key or effect', () => {
    expect(tolerationsOf(NodeAgentTolerations.everything())).toEqual([{ operator: 'Exists' }]);
  });

  test('noSchedule() tolerates every NoSchedule taint', () => {
    expect(tolerationsOf(NodeAgentTolerations.noSchedule())).toEqual([{ operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('presets return fresh arrays that combine', () => {
    const a = NodeAgentTolerations.controlPlane();
    a.pop();
    expect(NodeAgentTolerations.controlPlane()).toHaveLength(2);
    expect(tolerationsOf([...NodeAgentTolerations.controlPlane(), { key: 'dedicated', operator: TolerationOperator.EXISTS }])).toHaveLength(3);
  });
});

describe('rendering', () => {
  test('the seed 001 form (key and effect) stays exactly that', () => {
    expect(tolerationsOf([{ key: 'node-role.kubernetes.io/master', effect: TaintEffect.NO_SCHEDULE }]))
      .toEqual([{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }]);
  });

  test('evictAfter becomes tolerationSeconds', () => {
    expect(tolerationsOf([{ key: 'node.kubernetes.io/not-ready', operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_EXECUTE, evictAfter: Duration.seconds(30) }]))
      .toEqual([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }]);
  });

  test('a key-less Exists may carry NoExecute and evictAfter', () => {
    expect(tolerationsOf([{ operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_EXECUTE, evictAfter: Duration.minutes(1) }]))
      .toEqual([{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]);
  });

  test('Equal with a value, and an empty key or value treated as none', () => {
    expect(tolerationsOf([
      { key: 'dedicated', operator: TolerationOperator.EQUAL, value: 'logging' },
      { key: '', operator: TolerationOperator.EXISTS, value: '' },
    ])).toEqual([
      { key: 'dedicated', operator: 'Equal', value: 'logging' },
      { operator: 'Exists' },
    ]);
  });
});

test.each<[string, NodeAgentToleration, RegExp]>([
  ['operator Exists has a value', { key: 'dedicated', operator: TolerationOperator.EXISTS, value: 'x' }, /`tolerations\[0\]\.value` must be empty when `operator` is Exists, got "x"; drop the value/],
  ['the effect is not in the enum', { key: 'k', effect: 'NoSchedul' as TaintEffect }, /`tolerations\[0\]\.effect` must be one of NoSchedule, PreferNoSchedule, NoExecute, got "NoSchedul"/],
  ['the operator is not in the enum', { key: 'k', operator: 'In' as TolerationOperator }, /`tolerations\[0\]\.operator` must be one of Equal, Exists, got "In"/],
  ['evictAfter (tolerationSeconds) comes without NoExecute', { key: 'k', operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE, evictAfter: Duration.seconds(60) }, /`tolerations\[0\]\.evictAfter` needs `effect: NoExecute`.*got "NoSchedule"; set `effect: TaintEffect.NO_EXECUTE`/],
  ['evictAfter comes without any effect', { key: 'k', operator: TolerationOperator.EXISTS, evictAfter: Duration.seconds(60) }, /`tolerations\[0\]\.evictAfter` needs `effect: NoExecute`.*got "no effect"/],
  ['evictAfter has fractional seconds', { key: 'k', effect: TaintEffect.NO_EXECUTE, evictAfter: Duration.millis(2500) }, /`tolerations\[0\]\.evictAfter` must be a whole number of seconds, got "2 seconds 500 millis"/],
  ['there is no key and the operator is Equal', { operator: TolerationOperator.EQUAL, effect: TaintEffect.NO_SCHEDULE }, /`tolerations\[0\]\.operator` must be Exists when `key` is empty.*got "Equal"/],
  ['there is no key and no operator', { effect: TaintEffect.NO_SCHEDULE }, /`tolerations\[0\]\.operator` must be Exists when `key` is empty.*got nothing/],
  ['the key is not a label key', { key: 'bad key', operator: TolerationOperator.EXISTS }, /`tolerations\[0\]\.key` must be a valid label key/],
  ['the value is not a label value', { key: 'k', value: 'has space' }, /`tolerations\[0\]\.value` must be a valid label value/],
  ['a Kubernetes field name is used (tolerationSeconds)', { key: 'k', effect: TaintEffect.NO_EXECUTE, tolerationSeconds: 30 } as NodeAgentToleration, /`tolerations\[0\]\.tolerationSeconds` is not a NodeAgent prop.*use `evictAfter` \(a Duration\)/],
])('fails when %s', (_name, toleration, message) => {
  expect(attempt([toleration])).toThrow(ValidationError);
  expect(attempt([toleration])).toThrow(message);
});

test('fails when a later toleration is wrong, naming its index', () => {
  expect(attempt([...NodeAgentTolerations.controlPlane(), { key: 'k', operator: TolerationOperator.EXISTS, value: 'v' }])).toThrow(/`tolerations\[2\]\.value`/);
});
