import * as path from 'path';
import { parseScenario } from '../../../lib/simulator/scenario/parse-scenario';
import { scenarioErrorsOf } from '../../helpers/errors';

const errorsOf = scenarioErrorsOf;

test('parses every step kind of DESIGN.md', () => {
  const s = parseScenario(`
start: 2022-09-13T00:00:00Z
until: 30m
seed: 7
cluster:
  namespace: shop
  nodes:
    - name: manager
      labels: { node-role.kubernetes.io/control-plane: "" }
      taints: [{ key: node-role.kubernetes.io/master, effect: NoSchedule }]
      capacity: { cpu: "4", memory: 8Gi, pods: 110 }
    - { name: worker1 }
pods:
  - match: { job: backup }
    startAfter: 1s
    readyAfter: 5s
    runFor: 30s
    exitCode: [1, 1, 0]
    terminationGrace: 1s
  - { match: { owner: StatefulSet/web }, readyAfter: never }
steps:
  - { at: 2m, scale: { kind: StatefulSet, name: web, replicas: 5 } }
  - { at: 5m, deletePod: web-1 }
  - { at: 5m, deletePod: { name: "test-*", node: manager } }
  - { at: 6m, setImage: { kind: StatefulSet, name: mysql, container: mysql, image: "mysql:8.1" } }
  - { at: 7m, addNode: { name: worker4, labels: { disk: ssd } } }
  - { at: 8m, removeNode: worker2 }
  - { at: 9m, cordon: worker3 }
  - { at: 9m30s, uncordon: worker3 }
  - { at: 9m, taint: { node: worker3, key: maintenance, value: x, effect: NoExecute } }
  - { at: 9m45s, untaint: { node: worker3, key: maintenance } }
  - { at: 10m, failPod: { name: "backup-*", exitCode: 137 } }
  - { at: 10m, evictPod: web-2 }
  - { at: 10m, setReady: { name: web-0, ready: false } }
  - { at: 11m, patch: { kind: CronJob, name: daily-backup, patch: { spec: { suspend: true } } } }
  - { at: 11m, pauseController: { name: cronjob, for: 3h } }
  - { at: 12m, delete: { kind: StatefulSet, name: web } }
`);
  expect(s).toMatchObject({ startEpochMs: Date.parse('2022-09-13T00:00:00Z'), untilMs: 1_800_000, seed: 7, namespace: 'shop' });
  expect(s.nodes[0]).toEqual({
    name: 'manager', labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
    capacity: { cpu: '4', memory: '8Gi', pods: 110 },
  });
  expect(s.pods[0]).toEqual({ match: { job: 'backup' }, startAfterMs: 1000, readyAfterMs: 5000, runForMs: 30_000, exitCodes: [1, 1, 0], terminationGraceMs: 1000 });
  expect(s.pods[1]).toEqual({ match: { owner: 'StatefulSet/web' }, readyAfterMs: 'never' });
  expect(s.steps.map((x) => x.action.type)).toEqual([
    'scale', 'deletePod', 'deletePod', 'setImage', 'addNode', 'removeNode', 'cordon', 'uncordon', 'taint', 'untaint', 'failPod', 'evictPod',
    'setReady', 'patch', 'pauseController', 'delete',
  ]);
  expect(s.steps.map((x) => x.label)).toContain('scale StatefulSet/web to 5');
  expect(s.steps[14].action).toEqual({ type: 'pauseController', name: 'cronjob', forMs: 10_800_000 });
});

test('defaults: 2024-01-01, 30 minutes, seed 1, three workers, no steps', () => {
  expect(parseScenario({})).toEqual({
    startEpochMs: Date.parse('2024-01-01T00:00:00Z'), untilMs: 1_800_000, seed: 1, namespace: 'default',
    nodes: [{ name: 'worker1' }, { name: 'worker2' }, { name: 'worker3' }], pods: [], steps: [],
  });
});

test('reads a scenario file', () => {
  const s = parseScenario(path.join(__dirname, '..', 'fixtures', 'seed-004.scenario.yaml'));
  expect(s.steps.map((x) => x.atMs)).toEqual([120_000, 240_000, 360_000]);
});

test.each([
  ['an unknown step', 'steps:\n  - { at: 1m, scael: { kind: StatefulSet, name: web, replicas: 5 } }', 'sc.yaml line 2: `steps[0].scael`: unknown step `scael`; did you mean `scale`?'],
  ['an unknown field in a step', 'steps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replica: 5 } }', 'sc.yaml line 2: `steps[0].scale.replica`: unknown field `replica`; did you mean `replicas`?'],
  ['an unknown top-level field', 'unitl: 5m', 'sc.yaml line 1: `unitl`: unknown field `unitl`; did you mean `until`?'],
  ['a duration is malformed', 'until: 5 minutes', 'sc.yaml line 1: `until`: must be a positive duration'],
  ['a step is after until', 'until: 5m\nsteps:\n  - { at: 6m, cordon: worker1 }', '`steps[0].at`: is at 6m, after `until` (5m)'],
  ['a step has two actions', 'steps:\n  - { at: 1m, cordon: worker1, uncordon: worker1 }', 'has 2 actions (cordon, uncordon)'],
  ['a controller name is unknown', 'steps:\n  - { at: 1m, pauseController: { name: cronjobs, for: 1h } }', 'must be one of statefulset, daemonset, job, cronjob, got "cronjobs"; did you mean `cronjob`?'],
  ['scale targets a kind without replicas', 'steps:\n  - { at: 1m, scale: { kind: DaemonSet, name: x, replicas: 2 } }', 'must be one of StatefulSet'],
  ['an exit code is out of range', 'pods:\n  - { exitCode: 300 }', 'must be an exit code 0–255'],
  ['a taint effect is wrong', 'cluster:\n  nodes:\n    - { name: n, taints: [{ key: k, effect: NoScheduled }] }', 'did you mean `NoSchedule`?'],
])('fails when %s', (_what, text, message) => {
  expect(errorsOf(text).join('\n')).toContain(message);
});

test('fails on YAML syntax errors with the line', () => {
  expect(errorsOf('steps:\n  - { at: 1m\n')[0]).toMatch(/^sc\.yaml line \d+: YAML syntax error/);
});
