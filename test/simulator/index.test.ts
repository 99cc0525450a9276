/**
 * End to end through `simulate()`: the behaviours the seeds show must be reproduced (issue 5
 * "Must reproduce"), from the seeds' own manifests.
 */
import * as path from 'path';
import { simulate, SimulationResult } from '../../lib/simulator';
import { ManifestError } from '../../lib/apiserver/issues';
import { ScenarioError } from '../../lib/simulator/scenario/scenario-error';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const ms = (r: SimulationResult, iso: string | null) => (iso === null ? null : Date.parse(iso) - r.scenario.startEpochMs);

describe('seed 001: web with 3 replicas behind the headless Service nginx', () => {
  const r = simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml'));
  const pods = r.podsOf('StatefulSet', 'web');

  test('web-0, web-1, web-2 are created in order, each after the previous is Ready (OrderedReady, reference §1.3)', () => {
    expect(pods.map((p) => p.name)).toEqual(['web-0', 'web-1', 'web-2']);
    for (let i = 1; i < pods.length; i++) expect(ms(r, pods[i].created)!).toBeGreaterThanOrEqual(ms(r, pods[i - 1].readyAt)!);
    expect(r.events({ reason: 'SuccessfulCreate', kind: 'StatefulSet' }).map((e) => e.message)).toEqual([
      'create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful', 'create Pod web-2 in StatefulSet web successful',
    ]);
  });

  test('no pod lands on the tainted control-plane node', () => {
    expect(pods.map((p) => p.node)).toEqual(['worker1', 'worker2', 'worker3']);
  });

  test('web-1.nginx resolves to web-1, nginx to all three (reference §2)', () => {
    const web1 = pods.find((p) => p.name === 'web-1')!;
    expect(r.lookup('web-1.nginx.default.svc.cluster.local')).toEqual([web1.ip]);
    expect(r.lookup('web-1.nginx')).toEqual([web1.ip]);
    expect(r.lookup('nginx')).toEqual(pods.map((p) => p.ip));
    expect(r.report.dns['nginx.default.svc.cluster.local']).toHaveLength(3);
  });

  test('before web-1 is Ready its name does not resolve', () => {
    const web1 = pods.find((p) => p.name === 'web-1')!;
    expect(r.lookup('web-1.nginx', ms(r, web1.readyAt)! - 1)).toEqual([]);
  });
});

describe('seed 004: sample-statefulset', () => {
  test('fails when the published manifest is loaded: `templates` is an unknown field', () => {
    expect(() => simulate(fixture('seed-004-sample-statefulset.yaml'))).toThrow(ManifestError);
    expect(() => simulate(fixture('seed-004-sample-statefulset.yaml'))).toThrow('unknown field `spec.templates`; did you mean `template`?');
  });

  const r = simulate(fixture('seed-004-corrected.yaml'), fixture('seed-004.scenario.yaml'));
  const verbs = r.events({ kind: 'StatefulSet' }).filter((e) => e.related?.kind === 'Pod').map((e) => `${e.reason === 'SuccessfulCreate' ? '+' : '-'}${e.related!.name}`);

  test('scale 3 → 5 creates -3 then -4; back to 3 deletes -4 then -3; to 0 deletes down to ordinal 0 last', () => {
    expect(verbs).toEqual([
      '+sample-statefulset-0', '+sample-statefulset-1', '+sample-statefulset-2',
      '+sample-statefulset-3', '+sample-statefulset-4',
      '-sample-statefulset-4', '-sample-statefulset-3',
      '-sample-statefulset-2', '-sample-statefulset-1', '-sample-statefulset-0',
    ]);
  });

  test('each scale-down deletion waits for the previous pod to be gone (reference §1.3)', () => {
    const deletions = r.report.pods.filter((p) => p.deleting !== null).sort((a, b) => ms(r, a.deleting)! - ms(r, b.deleting)!);
    for (let i = 1; i < deletions.length; i++) expect(ms(r, deletions[i].deleting)!).toBeGreaterThanOrEqual(ms(r, deletions[i - 1].deleted)!);
  });

  test('claims www-sample-statefulset-N are created before their pods and kept (Retain)', () => {
    expect(r.report.persistentVolumeClaims.map((c) => [c.name, c.deleted])).toEqual([0, 1, 2, 3, 4].map((i) => [`www-sample-statefulset-${i}`, null]));
    const claimEvents = r.events({ reason: 'SuccessfulCreate' }).filter((e) => e.related?.kind === 'PersistentVolumeClaim');
    expect(claimEvents[0].message).toBe('create Claim www-sample-statefulset-0 Pod sample-statefulset-0 in StatefulSet sample-statefulset success');
  });
});

describe('seed 000: mysql with partition 2', () => {
  const r = simulate(fixture('seed-000-mysql.yaml'), fixture('seed-000.scenario.yaml'));
  const at = (minute: number) => r.report.pods.filter((p) => ms(r, p.created)! <= minute * 60_000 && (p.deleted === null || ms(r, p.deleted)! > minute * 60_000));

  test('a new image with partition 2 updates only mysql-2 (reference §1.5)', () => {
    expect(at(4.9).map((p) => `${p.name}=${p.image}`).sort()).toEqual(['mysql-0=mysql:8.0', 'mysql-1=mysql:8.0', 'mysql-2=mysql:8.1']);
  });

  test('partition 0 then rolls mysql-1 and mysql-0, highest first, each after the previous is Ready', () => {
    const deletes = r.events({ reason: 'SuccessfulDelete', kind: 'StatefulSet' });
    expect(deletes.map((e) => e.related?.name)).toEqual(['mysql-2', 'mysql-1', 'mysql-0']);
    const newMysql1 = r.report.pods.filter((p) => p.name === 'mysql-1').at(-1)!;
    expect(Date.parse(deletes[2].time)).toBeGreaterThanOrEqual(Date.parse(newMysql1.readyAt!));
    expect(at(10).map((p) => p.image)).toEqual(['mysql:8.1', 'mysql:8.1', 'mysql:8.1']);
  });

  test('recreated pods keep their claims', () => {
    expect(r.report.persistentVolumeClaims.map((c) => c.name)).toEqual(['data-mysql-0', 'data-mysql-1', 'data-mysql-2']);
  });
});

describe('PVC retention (reference §1.6)', () => {
  const sts = (policy: string) => `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 3
  serviceName: db
  ${policy}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres:16 }] }
  volumeClaimTemplates:
  - metadata: { name: data }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;
  const scenario = 'until: 5m\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: db, replicas: 1 } }\n  - { at: 3m, delete: { kind: StatefulSet, name: db } }';

  test('Retain keeps every claim after scale-down and deletion', () => {
    const r = simulate(sts(''), scenario);
    expect(r.report.persistentVolumeClaims.map((c) => [c.name, c.deleted])).toEqual([['data-db-0', null], ['data-db-1', null], ['data-db-2', null]]);
  });

  test('whenScaled: Delete removes the claims of scaled-down pods after the pods are gone', () => {
    const r = simulate(sts('persistentVolumeClaimRetentionPolicy: { whenScaled: Delete }'), scenario);
    const claims = Object.fromEntries(r.report.persistentVolumeClaims.map((c) => [c.name, c.deleted]));
    const pod = (name: string) => r.report.pods.find((p) => p.name === name)!;
    expect(claims['data-db-0']).toBeNull();
    expect(ms(r, claims['data-db-2'])).toBe(ms(r, pod('db-2').deleted));
    expect(ms(r, claims['data-db-1'])).toBe(ms(r, pod('db-1').deleted));
  });

  test('whenDeleted: Delete removes every claim when the set is deleted, each once no pod mounts it', () => {
    const r = simulate(sts('persistentVolumeClaimRetentionPolicy: { whenDeleted: Delete }'), scenario);
    const claims = Object.fromEntries(r.report.persistentVolumeClaims.map((c) => [c.name, ms(r, c.deleted)]));
    const db0 = r.report.pods.find((p) => p.name === 'db-0')!;
    // Scaled down at 1m but kept (whenScaled Retain); the set's deletion at 3m takes them.
    expect(claims['data-db-1']).toBe(180_000);
    expect(claims['data-db-2']).toBe(180_000);
    // data-db-0 waits for db-0 to be gone (pvc-protection).
    expect(claims['data-db-0']).toBe(ms(r, db0.deleted));
    expect(ms(r, db0.deleted)).toBeGreaterThan(180_000);
  });
});

test('a StatefulSet name over 52 characters never gets pods: FailedCreate with the label error', () => {
  const name = 'a-statefulset-name-that-is-much-too-long-for-kubernetes'; // 55 characters
  const r = simulate(`
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${name} }
spec:
  replicas: 1
  serviceName: svc
  selector: { matchLabels: { app: x } }
  template:
    metadata: { labels: { app: x } }
    spec: { containers: [{ name: x, image: nginx }] }
`, 'until: 2m');
  expect(r.report.pods).toEqual([]);
  const failures = r.events({ reason: 'FailedCreate' });
  expect(failures.length).toBeGreaterThan(3);
  expect(failures[0].type).toBe('Warning');
  expect(failures[0].message).toMatch(new RegExp(`^create Pod ${name}-0 in StatefulSet ${name} failed error: Pod "${name}-0" is invalid: metadata\\.labels: Invalid value: "${name}-[4-9bcdf]{10}": must be no more than 63 characters$`));
  // Retries back off exponentially (client-go rate limiter), they do not spin.
  const gaps = failures.slice(1).map((e, i) => Date.parse(e.time) - Date.parse(failures[i].time));
  expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]);
});

test('determinism: same inputs and seed give byte-identical JSON', () => {
  const run = () => simulate(fixture('seed-000-mysql.yaml'), fixture('seed-000.scenario.yaml')).toJson();
  expect(run()).toBe(run());
});

test('fails when a step targets an object that does not exist', () => {
  expect(() => simulate(fixture('seed-001-web.yaml'), 'steps:\n  - { at: 1m, scale: { kind: StatefulSet, name: wbe, replicas: 2 } }', { scenarioFile: 'sc.yaml' }))
    .toThrow(new ScenarioError([{ path: 'steps[0]', message: 'sc.yaml: `steps[0]` (at 1m, scale StatefulSet/wbe to 2) failed: statefulsets.apps "wbe" not found in namespace "default"; did you mean `web`?' }]));
});

test('fails when a patch changes an immutable StatefulSet field', () => {
  expect(() => simulate(fixture('seed-001-web.yaml'), 'steps:\n  - { at: 1m, patch: { kind: StatefulSet, name: web, patch: { spec: { serviceName: other } } } }'))
    .toThrow(/updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden/);
});

describe('bounded history: keepDeleted and maxEvents', () => {
  const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: tick, image: "busybox:1.36" }]
`;
  const scenario = 'until: 30m\npods:\n  - match: { owner: CronJob/tick }\n    runFor: 5s\n';
  const full = simulate(cronJob, scenario);
  const bounded = simulate(cronJob, scenario, { history: 'summary', keepDeleted: 2, maxEvents: 40 });

  test('the report lists the live instances and the most recently deleted ones, in creation order', () => {
    const kept = (list: ReadonlyArray<{ name: string; deleted: string | null }>) => {
      const deleted = list.filter((x) => x.deleted !== null).sort((a, b) => a.deleted!.localeCompare(b.deleted!)).slice(-2);
      return list.filter((x) => x.deleted === null || deleted.includes(x));
    };
    expect(bounded.report.jobs).toEqual(kept(full.report.jobs));
    expect(bounded.report.pods).toEqual(kept(full.report.pods));
    expect(bounded.report.jobs.map((j) => j.deleted === null)).toEqual([false, false, true, true, true]);
  });

  test('events: the newest maxEvents; everything else in the report is unchanged', () => {
    expect(bounded.report.events).toEqual(full.report.events.slice(-40));
    const rest = (r: SimulationResult) => ({ ...r.report, events: [], pods: [], jobs: [], workloads: [], eventsAggregated: [] });
    expect(rest(bounded)).toEqual(rest(full));
  });

  test('report v2 under bounds: a kept workload\'s timeline is the newest part of the full one; aggregation sees only the kept events', () => {
    const byKey = new Map((full.report.workloads ?? []).map((w) => [`${w.kind}/${w.name}`, w]));
    expect((bounded.report.workloads ?? []).length).toBeGreaterThan(0);
    for (const w of bounded.report.workloads ?? []) {
      const whole = byKey.get(`${w.kind}/${w.name}`)!.timeline;
      expect(w.timeline).toEqual(whole.slice(whole.length - w.timeline.length));
    }
    const counted = (bounded.report.eventsAggregated ?? []).reduce((n, e) => n + e.count, 0);
    expect(counted).toBeLessThanOrEqual(40);
    expect(counted).toBeGreaterThan(0);
  });

  test('SimulationResult.dropped counts what the report leaves out; the text report says so', () => {
    expect(bounded.dropped).toEqual({
      events: full.report.events.length - 40,
      pods: full.report.pods.length - bounded.report.pods.length,
      jobs: full.report.jobs.length - bounded.report.jobs.length,
      persistentVolumeClaims: 0,
      otherObjects: 0,
    });
    expect(bounded.dropped.jobs).toBe(24);
    expect(bounded.toText().split('\n')[1]).toBe(`Not kept (history bounds: keepDeleted/maxEvents, by default the newest 1,000 events and 100 deleted objects per kind past 7 simulated days): the oldest ${bounded.dropped.events} events; 24 deleted pods, 24 deleted Jobs.`);
    expect(full.dropped).toEqual({ events: 0, pods: 0, jobs: 0, persistentVolumeClaims: 0, otherObjects: 0 });
    expect(full.toText().split('\n')[1]).toBe('');
  });

  test('fails when keepDeleted or maxEvents is not a whole number ≥ 0', () => {
    expect(() => simulate(cronJob, scenario, { keepDeleted: -1 })).toThrow('keepDeleted must be an integer ≥ 0, got -1');
    expect(() => simulate(cronJob, scenario, { maxEvents: 1.5 })).toThrow('maxEvents must be an integer ≥ 0, got 1.5');
  });
});
