import * as path from 'path';
import { simulate } from '../../../lib/simulator';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

test('the report has exactly the DESIGN.md shape (reportVersion: 1), and v2 (the default) only appends', () => {
  const r = simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml'), { reportVersion: 1 });
  const json = JSON.parse(r.toJson());
  expect(Object.keys(json)).toEqual(['start', 'end', 'seed', 'events', 'pods', 'persistentVolumeClaims', 'jobs', 'dns']);
  const v2 = JSON.parse(simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml')).toJson());
  expect(Object.keys(v2)).toEqual(['start', 'end', 'seed', 'events', 'pods', 'persistentVolumeClaims', 'jobs', 'dns', 'workloads', 'notices', 'eventsAggregated']);
  expect(json).toMatchObject({ start: '2022-09-14T03:00:00Z', end: '2022-09-14T03:02:00Z', seed: 1, jobs: [] });
  expect(json.events[0]).toEqual({
    time: '2022-09-14T03:00:00Z', type: 'Normal', object: { kind: 'StatefulSet', namespace: 'default', name: 'web' },
    reason: 'SuccessfulCreate', message: 'create Pod web-0 in StatefulSet web successful', related: { kind: 'Pod', name: 'web-0' },
  });
  expect(json.pods[0]).toEqual({
    name: 'web-0', namespace: 'default', node: 'worker1', ip: '10.244.2.2', image: 'nginx', phase: 'Running', ready: true, restarts: 0,
    owner: { kind: 'StatefulSet', name: 'web' }, created: '2022-09-14T03:00:00Z', started: '2022-09-14T03:00:01Z', readyAt: '2022-09-14T03:00:05Z',
    finished: null, deleting: null, deleted: null,
  });
  expect(json.persistentVolumeClaims).toEqual([{ name: 'nfs-pvc', status: 'Bound', created: '2022-09-14T03:00:00Z', deleted: null }]);
  expect(json.dns['nginx.default.svc.cluster.local']).toEqual(['10.244.2.2', '10.244.3.2', '10.244.4.2']);
  expect(r.toJson().endsWith('}\n')).toBe(true);
});

test('a pod recreated under the same name appears once per instance, in creation order', () => {
  const r = simulate(fixture('seed-001-web.yaml'), 'until: 2m\nsteps:\n  - { at: 1m, deletePod: web-1 }');
  expect(r.report.pods.map((p) => [p.name, p.deleting !== null])).toEqual([['web-0', false], ['web-1', true], ['web-2', false], ['web-1', false]]);
  const old = r.report.pods[1];
  expect([old.deleting, old.deleted, old.finished]).toEqual(['2024-01-01T00:01:00Z', '2024-01-01T00:01:01Z', '2024-01-01T00:01:01Z']);
});
