import { SimPod } from '../../lib/simulator/cluster/pod-object';
import { validateUpdate } from '../../lib/apiserver/update-validation';
import { Simulation } from '../../lib/simulator/simulation';
import { mergePatch } from '../../lib/simulator/user-actions';
import { newCronJob, newPod, newStatefulSet } from '../helpers/builders';
import { seconds } from '../helpers/instants';

test('JSON merge patch (RFC 7386): objects merge, null deletes, arrays replace', () => {
  expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({ a: { b: 1, d: 3 }, l: [3] });
});

test('patch re-applies defaults and bumps generation only when the spec changed', () => {
  const sim = new Simulation({ controllers: [] });
  const [set] = sim.apply([newStatefulSet('web', 1)]);
  sim.actions.patch('StatefulSet', 'default', 'web', { metadata: { labels: { team: 'a' } } });
  expect((set as { generation: number }).generation).toBe(1);
  sim.actions.patch('StatefulSet', 'default', 'web', { spec: { updateStrategy: { rollingUpdate: { partition: 2 } } } });
  expect(set).toMatchObject({ generation: 2, labels: { team: 'a' }, spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }, replicas: 1 } });
});

test('setImage changes the container of a StatefulSet or a CronJob job template', () => {
  const sim = new Simulation({ controllers: [], validateUpdate });
  const [set, cron] = sim.apply([newStatefulSet('web', 1), newCronJob('backup', '0 2 * * *')]);
  sim.actions.setImage('StatefulSet', 'default', 'web', 'app', 'nginx:1.26');
  sim.actions.setImage('CronJob', 'default', 'backup', 'app', 'busybox:2');
  expect((set as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec.template.spec.containers[0].image).toBe('nginx:1.26');
  expect(JSON.stringify(cron)).toContain('busybox:2');
  expect(() => sim.actions.setImage('StatefulSet', 'default', 'web', 'nope', 'x')).toThrow('has no container "nope" (containers: app)');
});

test('fails when an update breaks a 1.27 rule (validated like the API server)', () => {
  const sim = new Simulation({ controllers: [], validateUpdate });
  sim.apply([newStatefulSet('web', 1), newCronJob('backup', '0 2 * * *')]);
  expect(() => sim.actions.patch('CronJob', 'default', 'backup', { spec: { schedule: '61 * * * *' } })).toThrow(/spec\.schedule/);
  expect(() => sim.actions.scale('StatefulSet', 'default', 'web', -1)).toThrow(/must be greater than or equal to 0/);
  expect(() => sim.actions.patch('StatefulSet', 'default', 'web', { spec: { selector: { matchLabels: { app: 'x' } } } })).toThrow(/selector/);
});

test('pod selectors: name glob, owner up the chain, node', () => {
  const sim = new Simulation({ controllers: [] });
  const [set] = sim.apply([newStatefulSet('web', 1)]);
  sim.apply([newPod('web-0', { owner: set }), newPod('other')]);
  sim.runUntil(seconds(1));
  expect(sim.actions.selectPods({ owner: 'StatefulSet/web' }).map((p) => p.name)).toEqual(['web-0']);
  expect(sim.actions.selectPods('*').map((p) => p.name)).toEqual(['web-0', 'other']);
  expect(sim.actions.selectPods({ node: (sim.state.get('Pod', 'default', 'other') as SimPod).nodeName! }).map((p) => p.name)).toEqual(['other']);
});

test('cordon adds the unschedulable taint; untaint removes by key', () => {
  const sim = new Simulation({ controllers: [] });
  sim.actions.cordon('worker1');
  expect(sim.state.get('Node', '', 'worker1')).toMatchObject({ unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
  sim.actions.taint('worker1', 'k', 'v', 'NoExecute');
  sim.actions.untaint('worker1', 'k');
  sim.actions.uncordon('worker1');
  expect(sim.state.get('Node', '', 'worker1')).toMatchObject({ unschedulable: false, taints: [] });
});
