/**
 * examples/seed-000-mysql: seed 000's `mysql` StatefulSet, image changed to mysql:8.1 at 3m and
 * mysql-0 deleted by hand at 5m. The example holds two charts for the same StatefulSet; each is
 * simulated with the scenario. Construct → synth → simulate → assert:
 * - RollingUpdate, partition 0 (reference §1.5): mysql-2, mysql-1, mysql-0 are replaced highest
 *   ordinal first, one at a time, each when the pod above it is updated, Running and Ready;
 * - partition 2: only mysql-2 is replaced; a pod below the partition that is deleted comes back at
 *   the old revision (§1.4 "ordinals < start + partition get the current revision");
 * - both: the claims data-mysql-<n> are created once and kept by every replacement (§1.4, §1.6),
 *   and mysql-<n>.mysql-headless.default.svc.cluster.local follows each new pod (§2).
 */
import { SimulationResult } from '../../../lib/simulator';
import { simulateExample } from '../../helpers/examples';

function run(chartId: string): SimulationResult {
  return simulateExample('seed-000-mysql', chartId);
}

/** `time reason message` of the StatefulSet's events after the initial rollout. */
function updateEvents(r: SimulationResult): string[] {
  return r.events({ kind: 'StatefulSet', name: 'mysql' }).filter((e) => e.time >= '2022-09-13T00:03:00Z').map((e) => `${e.time} ${e.reason} ${e.message}`);
}

/** Live pods at the end as `name=image`. */
function imagesAtEnd(r: SimulationResult): string[] {
  return r.podsOf('StatefulSet', 'mysql').filter((p) => p.deleted === null).map((p) => `${p.name}=${p.image}`);
}

/** Shared by both charts: the initial OrderedReady rollout, the claims and the DNS names. */
function expectClaimsAndDns(r: SimulationResult): void {
  const pods = r.podsOf('StatefulSet', 'mysql');
  expect(pods.slice(0, 3).map((p) => [p.name, p.created, p.readyAt, p.image])).toEqual([
    ['mysql-0', '2022-09-13T00:00:00Z', '2022-09-13T00:00:23Z', 'mysql:8.0'],
    ['mysql-1', '2022-09-13T00:00:23Z', '2022-09-13T00:00:46Z', 'mysql:8.0'],
    ['mysql-2', '2022-09-13T00:00:46Z', '2022-09-13T00:01:09Z', 'mysql:8.0'],
  ]);
  // One claim per ordinal, created with its first pod, never deleted nor created again.
  expect(r.report.persistentVolumeClaims.map((c) => [c.name, c.status, c.created, c.deleted])).toEqual([
    ['data-mysql-0', 'Bound', '2022-09-13T00:00:00Z', null],
    ['data-mysql-1', 'Bound', '2022-09-13T00:00:23Z', null],
    ['data-mysql-2', 'Bound', '2022-09-13T00:00:46Z', null],
  ]);
  expect(r.events({ reason: 'SuccessfulCreate' }).filter((e) => e.message.startsWith('create Claim')).map((e) => e.message)).toEqual([
    'create Claim data-mysql-0 Pod mysql-0 in StatefulSet mysql success',
    'create Claim data-mysql-1 Pod mysql-1 in StatefulSet mysql success',
    'create Claim data-mysql-2 Pod mysql-2 in StatefulSet mysql success',
  ]);
  // Every instance of mysql-<n>, the replacements too, mounts data-mysql-<n>.
  for (const pod of r.simulation.state.history('Pod')) {
    const data = (pod.spec.volumes ?? []).find((v) => v.name === 'data');
    expect(data?.persistentVolumeClaim?.claimName).toBe(`data-${pod.name}`);
  }
  // DNS at the end names the live pods.
  const live = pods.filter((p) => p.deleted === null);
  expect(live.map((p) => p.name).sort()).toEqual(['mysql-0', 'mysql-1', 'mysql-2']);
  for (const p of live) expect(r.lookup(`${p.name}.mysql-headless.default.svc.cluster.local`)).toEqual([p.ip]);
  expect(r.lookup('mysql-headless')).toEqual(live.map((p) => p.ip!).sort());
}

describe('seed-000-mysql (RollingUpdate, partition 0)', () => {
  const r = run('seed-000-mysql');
  const pods = r.podsOf('StatefulSet', 'mysql');

  test('mysql-2, mysql-1, mysql-0 are replaced in that order, each after the previous one is Ready', () => {
    expect(updateEvents(r)).toEqual([
      '2022-09-13T00:03:00Z SuccessfulDelete delete Pod mysql-2 in StatefulSet mysql successful',
      '2022-09-13T00:03:10Z SuccessfulCreate create Pod mysql-2 in StatefulSet mysql successful',
      '2022-09-13T00:03:33Z SuccessfulDelete delete Pod mysql-1 in StatefulSet mysql successful',
      '2022-09-13T00:03:43Z SuccessfulCreate create Pod mysql-1 in StatefulSet mysql successful',
      '2022-09-13T00:04:06Z SuccessfulDelete delete Pod mysql-0 in StatefulSet mysql successful',
      '2022-09-13T00:04:16Z SuccessfulCreate create Pod mysql-0 in StatefulSet mysql successful',
      // mysql-0 deleted by hand at 5m (no controller event) is recreated, at the update revision.
      '2022-09-13T00:05:10Z SuccessfulCreate create Pod mysql-0 in StatefulSet mysql successful',
    ]);
    // Each deletion waits for the replacement above it to be Ready: deleted(n-1) = readyAt(new n).
    const replaced = pods.slice(3, 6);
    expect(replaced.map((p) => [p.name, p.image, p.created, p.readyAt])).toEqual([
      ['mysql-2', 'mysql:8.1', '2022-09-13T00:03:10Z', '2022-09-13T00:03:33Z'],
      ['mysql-1', 'mysql:8.1', '2022-09-13T00:03:43Z', '2022-09-13T00:04:06Z'],
      ['mysql-0', 'mysql:8.1', '2022-09-13T00:04:16Z', '2022-09-13T00:04:39Z'],
    ]);
    // The old pods got their 10 s to shut down; the new one is created when the old one is gone.
    expect(pods.slice(0, 3).map((p) => [p.name, p.deleting, p.deleted])).toEqual([
      ['mysql-0', '2022-09-13T00:04:06Z', '2022-09-13T00:04:16Z'],
      ['mysql-1', '2022-09-13T00:03:33Z', '2022-09-13T00:03:43Z'],
      ['mysql-2', '2022-09-13T00:03:00Z', '2022-09-13T00:03:10Z'],
    ]);
    expect(imagesAtEnd(r)).toEqual(['mysql-2=mysql:8.1', 'mysql-1=mysql:8.1', 'mysql-0=mysql:8.1']);
    const status = r.simulation.state.get('StatefulSet', 'default', 'mysql')!.status;
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3 });
    expect(status.currentRevision).toBe(status.updateRevision);
  });

  test('claims data-mysql-0..2 are kept and DNS follows the new pods', () => {
    expectClaimsAndDns(r);
  });

  test('the same seed gives the same report', () => {
    expect(run('seed-000-mysql').toJson()).toBe(r.toJson());
  });
});

describe('seed-000-mysql-canary (partition 2)', () => {
  const r = run('seed-000-mysql-canary');
  const pods = r.podsOf('StatefulSet', 'mysql');

  test('only mysql-2 is replaced; mysql-0, deleted by hand, comes back with the old image', () => {
    expect(updateEvents(r)).toEqual([
      '2022-09-13T00:03:00Z SuccessfulDelete delete Pod mysql-2 in StatefulSet mysql successful',
      '2022-09-13T00:03:10Z SuccessfulCreate create Pod mysql-2 in StatefulSet mysql successful',
      '2022-09-13T00:05:10Z SuccessfulCreate create Pod mysql-0 in StatefulSet mysql successful',
    ]);
    expect(pods.slice(3).map((p) => [p.name, p.image, p.created, p.readyAt])).toEqual([
      ['mysql-2', 'mysql:8.1', '2022-09-13T00:03:10Z', '2022-09-13T00:03:33Z'],
      ['mysql-0', 'mysql:8.0', '2022-09-13T00:05:10Z', '2022-09-13T00:05:33Z'],
    ]);
    // mysql-1 was never touched: the pod created at 23 s still runs.
    expect(pods.filter((p) => p.name === 'mysql-1').map((p) => [p.created, p.deleting])).toEqual([['2022-09-13T00:00:23Z', null]]);
    expect(imagesAtEnd(r)).toEqual(['mysql-1=mysql:8.0', 'mysql-2=mysql:8.1', 'mysql-0=mysql:8.0']);
    const status = r.simulation.state.get('StatefulSet', 'default', 'mysql')!.status;
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 1, currentReplicas: 2 });
    expect(status.currentRevision).not.toBe(status.updateRevision);
  });

  test('claims data-mysql-0..2 are kept and DNS follows the new pods', () => {
    expectClaimsAndDns(r);
  });

  test('the same seed gives the same report', () => {
    expect(run('seed-000-mysql-canary').toJson()).toBe(r.toJson());
  });
});
