import { PercentOrAbsolute } from 'cdk8s-plus-27';
import { NodeAgent, NodeAgentRollingUpdateOptions, NodeAgentUpdateStrategy, NodeAgentUpdateStrategyType, ValidationError } from '../../../lib';
import { newChart, only, synth } from '../../helpers/synth';

const { absolute, percent } = PercentOrAbsolute;

function rolling(options: NodeAgentRollingUpdateOptions): () => NodeAgent {
  return () => new NodeAgent(newChart('agents'), 'agent', {
    containers: [{ image: 'busybox:1.36' }],
    updateStrategy: NodeAgentUpdateStrategy.rollingUpdate(options),
  });
}

test('the strategy objects describe themselves', () => {
  expect(NodeAgentUpdateStrategy.onDelete().type).toBe(NodeAgentUpdateStrategyType.ON_DELETE);
  expect(NodeAgentUpdateStrategy.rollingUpdate().type).toBe(NodeAgentUpdateStrategyType.ROLLING_UPDATE);
  expect(NodeAgentUpdateStrategy.rollingUpdate({ maxSurge: absolute(1) }).surges).toBe(true);
  expect(NodeAgentUpdateStrategy.rollingUpdate({ maxSurge: percent(0) }).surges).toBe(false);
  expect(NodeAgentUpdateStrategy.rollingUpdate({ maxUnavailable: absolute(3) }).surges).toBe(false);
  expect(NodeAgentUpdateStrategy.onDelete().surges).toBe(false);
});

test('seed 004 sample-ds: OnDelete, and the RollingUpdate maxUnavailable 2 variant', () => {
  const chart = newChart();
  new NodeAgent(chart, 'on-delete', { name: 'sample-ds', containers: [{ image: 'nginx:1.16' }], updateStrategy: NodeAgentUpdateStrategy.onDelete() });
  expect(only(synth(chart), 'DaemonSet').spec.updateStrategy).toEqual({ type: 'OnDelete' });
  const variant = newChart();
  new NodeAgent(variant, 'rolling', { name: 'sample-ds', containers: [{ image: 'nginx:1.16' }], updateStrategy: NodeAgentUpdateStrategy.rollingUpdate({ maxUnavailable: absolute(2) }) });
  expect(only(synth(variant), 'DaemonSet').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } });
});

test.each<[string, NodeAgentRollingUpdateOptions, RegExp]>([
  ['maxSurge and maxUnavailable are both non-zero', { maxSurge: absolute(1), maxUnavailable: absolute(1) }, /`updateStrategy\.maxSurge` cannot be combined with a non-zero `maxUnavailable`.*got "maxSurge 1, maxUnavailable 1"; give only maxSurge/],
  ['maxSurge and maxUnavailable are both non-zero percentages', { maxSurge: percent(10), maxUnavailable: percent(20) }, /`updateStrategy\.maxSurge` cannot be combined with a non-zero `maxUnavailable`/],
  ['maxSurge and maxUnavailable are both zero', { maxSurge: absolute(0), maxUnavailable: absolute(0) }, /`updateStrategy\.maxUnavailable` cannot be 0 when `maxSurge` is 0.*got "maxUnavailable 0, maxSurge 0"/],
  ['maxUnavailable is 0% and maxSurge is unset', { maxUnavailable: percent(0) }, /`updateStrategy\.maxUnavailable` cannot be 0 when `maxSurge` is 0/],
  ['maxUnavailable is a percentage above 100%', { maxUnavailable: percent(150) }, /`updateStrategy\.maxUnavailable` must not be more than 100%, got "150%"/],
  ['maxSurge is a percentage above 100%', { maxSurge: percent(101) }, /`updateStrategy\.maxSurge` must not be more than 100%, got "101%"/],
  ['maxUnavailable is a fractional percentage', { maxUnavailable: percent(12.5) }, /`updateStrategy\.maxUnavailable` must be a whole percentage such as "25%", got "12\.5%"/],
  ['maxUnavailable is a fractional number', { maxUnavailable: absolute(1.5) }, /`updateStrategy\.maxUnavailable` must be a non-negative whole number of nodes or a percentage, got 1\.5/],
  ['maxSurge is negative', { maxSurge: absolute(-1) }, /`updateStrategy\.maxSurge` must be a non-negative whole number/],
  ['maxUnavailable is a bare number instead of PercentOrAbsolute', { maxUnavailable: 2 as unknown as PercentOrAbsolute }, /`updateStrategy\.maxUnavailable` must be PercentOrAbsolute\.absolute\(n\) or PercentOrAbsolute\.percent\(p\)/],
  ['the options carry an unknown key', { maxUnavailable: absolute(1), partition: 2 } as NodeAgentRollingUpdateOptions, /`updateStrategy\.partition` is not a NodeAgent prop/],
])('fails when %s', (_name, options, message) => {
  expect(rolling(options)).toThrow(ValidationError);
  expect(rolling(options)).toThrow(message);
});
