/**
 * examples/seed-002-test-app: seed 002's `test-app` StatefulSet in namespace `test` behind the
 * headless Service `test-app-svc`. Construct → synth → simulate → assert: pods are created in order
 * (reference §1.3) and named `<set>-<ordinal>` (§1.1); each has the DNS name
 * `<pod>.test-app-svc.test.svc.cluster.local`, also as the seed's short `<pod>.test-app-svc.test`
 * from another namespace (§2); a pod deleted by hand or evicted comes back under the same name
 * (§1.4, and §1.2's `RecreatingFailedPod` for the failed one) and its DNS name follows.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-002-test-app');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'test-app', 'test');

test('seed-002-test-app: test-app-0 then test-app-1, in namespace test', () => {
  expect(pods.slice(0, 2).map((p) => [p.namespace, p.name, p.image, p.created, p.readyAt])).toEqual([
    ['test', 'test-app-0', 'docker.io/test:1234', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z'],
    ['test', 'test-app-1', 'docker.io/test:1234', '2024-01-01T00:00:05Z', '2024-01-01T00:00:10Z'],
  ]);
  // No storage in the seed's StatefulSet: no claims.
  expect(result.report.persistentVolumeClaims).toEqual([]);
});

test('seed-002-test-app: <pod>.test-app-svc.test resolves to the pod', () => {
  const [p0, p1] = pods;
  expect(result.lookup('test-app-0.test-app-svc.test.svc.cluster.local', '30s')).toEqual([p0.ip]);
  expect(result.lookup('test-app-1.test-app-svc.test.svc.cluster.local', '30s')).toEqual([p1.ip]);
  // The seed's short form, from a client in another namespace, and the bare form from inside `test`.
  expect(result.lookup('test-app-0.test-app-svc.test', '30s', 'default')).toEqual([p0.ip]);
  expect(result.lookup('test-app-0.test-app-svc', '30s', 'test')).toEqual([p0.ip]);
  // Without the namespace, from `default`, the name does not exist.
  expect(result.lookup('test-app-0.test-app-svc', '30s', 'default')).toEqual([]);
  expect(result.lookup('test-app-svc.test', '30s', 'default')).toEqual([p0.ip, p1.ip].sort());
});

test('seed-002-test-app: a deleted pod and an evicted pod come back under the same name, DNS follows', () => {
  expect(pods.map((p) => [p.name, p.phase, p.created, p.deleting, p.deleted])).toEqual([
    ['test-app-0', 'Failed', '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z', '2024-01-01T00:01:01Z'],
    ['test-app-1', 'Failed', '2024-01-01T00:00:05Z', '2024-01-01T00:02:00Z', '2024-01-01T00:02:00Z'],
    ['test-app-0', 'Running', '2024-01-01T00:01:01Z', null, null],
    ['test-app-1', 'Running', '2024-01-01T00:02:00Z', null, null],
  ]);
  // The evicted pod is the controller's to replace: it records the reason, deletes it and creates
  // it again in the same sync; the deleted-by-hand pod is only created again.
  expect(result.events({ kind: 'StatefulSet', name: 'test-app' }).slice(2).map((e) => `${e.time} ${e.type} ${e.reason} ${e.message}`)).toEqual([
    '2024-01-01T00:01:01Z Normal SuccessfulCreate create Pod test-app-0 in StatefulSet test-app successful',
    '2024-01-01T00:02:00Z Warning RecreatingFailedPod StatefulSet test/test-app is recreating failed Pod test-app-1',
    '2024-01-01T00:02:00Z Normal SuccessfulDelete delete Pod test-app-1 in StatefulSet test-app successful',
    '2024-01-01T00:02:00Z Normal SuccessfulCreate create Pod test-app-1 in StatefulSet test-app successful',
  ]);
  const [old0, old1, new0, new1] = pods;
  expect(new0.ip).not.toBe(old0.ip);
  expect(new1.ip).not.toBe(old1.ip);
  expect(result.report.dns).toMatchObject({
    'test-app-0.test-app-svc.test.svc.cluster.local': [new0.ip],
    'test-app-1.test-app-svc.test.svc.cluster.local': [new1.ip],
  });
});

test('seed-002-test-app: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
