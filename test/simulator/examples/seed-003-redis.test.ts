/**
 * examples/seed-003-redis: seed 003's `redis` StatefulSet in `production`, scaled 3 → 1 → 3.
 * Construct → synth → simulate → assert: ordered start and the per-pod DNS name
 * `redis-0.redis-headless.production.svc.cluster.local` (reference §1.3, §2); scale-down deletes
 * the highest ordinal first, one at a time (§1.3); with the default `whenScaled: Retain` the
 * claims of the removed pods stay (§1.6), and the pods that come back on scale-up reuse them
 * instead of getting new ones (§1.4 `createPersistentVolumeClaims` finds the existing claim).
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-003-redis');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'redis', 'production');
const controllerEvents = (from: string) => result.events({ kind: 'StatefulSet', name: 'redis', namespace: 'production' })
  .filter((e) => e.time >= from).map((e) => `${e.time} ${e.reason} ${e.message}`);

test('seed-003-redis: redis-0, -1, -2 in order; redis-0.redis-headless.production names redis-0', () => {
  expect(pods.slice(0, 3).map((p) => [p.namespace, p.name, p.image, p.created, p.readyAt])).toEqual([
    ['production', 'redis-0', 'redis:7.2', '2024-01-01T00:00:00Z', '2024-01-01T00:00:06Z'],
    ['production', 'redis-1', 'redis:7.2', '2024-01-01T00:00:06Z', '2024-01-01T00:00:12Z'],
    ['production', 'redis-2', 'redis:7.2', '2024-01-01T00:00:12Z', '2024-01-01T00:00:18Z'],
  ]);
  expect(result.lookup('redis-0.redis-headless.production.svc.cluster.local', '1m')).toEqual([pods[0].ip]);
  expect(result.lookup('redis-headless.production', '1m', 'default')).toEqual(pods.slice(0, 3).map((p) => p.ip).sort());
});

test('seed-003-redis: scale to 1 deletes redis-2 then redis-1, and keeps their claims', () => {
  expect(controllerEvents('2024-01-01T00:02:00Z').slice(0, 2)).toEqual([
    '2024-01-01T00:02:00Z SuccessfulDelete delete Pod redis-2 in StatefulSet redis successful',
    '2024-01-01T00:02:05Z SuccessfulDelete delete Pod redis-1 in StatefulSet redis successful', // once redis-2 is gone
  ]);
  // With only redis-0 left, its name and the Service name are all that resolve.
  expect(result.lookup('redis-headless.production', '3m', 'default')).toEqual([pods[0].ip]);
  expect(result.lookup('redis-1.redis-headless.production', '3m', 'default')).toEqual([]);
  const set = result.simulation.state.get('StatefulSet', 'production', 'redis')!;
  expect(set.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  expect(result.report.persistentVolumeClaims.map((c) => [c.name, c.status, c.created, c.deleted])).toEqual([
    ['data-redis-0', 'Bound', '2024-01-01T00:00:00Z', null],
    ['data-redis-1', 'Bound', '2024-01-01T00:00:06Z', null],
    ['data-redis-2', 'Bound', '2024-01-01T00:00:12Z', null],
  ]);
});

test('seed-003-redis: scaling back to 3 brings redis-1 and redis-2 back on their old claims', () => {
  // Pods only: the claims exist, so no `create Claim` event.
  expect(controllerEvents('2024-01-01T00:04:00Z')).toEqual([
    '2024-01-01T00:04:00Z SuccessfulCreate create Pod redis-1 in StatefulSet redis successful',
    '2024-01-01T00:04:06Z SuccessfulCreate create Pod redis-2 in StatefulSet redis successful',
  ]);
  const claims = result.simulation.state.history('PersistentVolumeClaim');
  expect(claims.map((c) => c.name)).toEqual(['data-redis-0', 'data-redis-1', 'data-redis-2']);
  for (const pod of result.simulation.state.history('Pod')) {
    expect((pod.spec.volumes ?? []).find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(`data-${pod.name}`);
  }
  expect(pods.filter((p) => p.deleted === null).map((p) => [p.name, p.readyAt])).toEqual([
    ['redis-0', '2024-01-01T00:00:06Z'],
    ['redis-1', '2024-01-01T00:04:06Z'],
    ['redis-2', '2024-01-01T00:04:12Z'],
  ]);
});

test('seed-003-redis: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
