/**
 * examples/seed-004-sample-statefulset-headless: seed 004's `sample-statefulset-headless` governed
 * by the headless Service `sample-headless`. Construct → synth → simulate → assert: a per-pod DNS
 * name exists exactly when the pod's subdomain (the StatefulSet's serviceName) names a headless
 * Service in its namespace (reference §2, `ShouldSetHostname`), so
 * `sample-statefulset-headless-0.sample-headless.default.svc.cluster.local` resolves and the same
 * name under the ClusterIP Service does not; the headless name returns every pod IP; a deleted pod's
 * name has no address while it terminates (§2: terminating pods leave Endpoints) and then follows
 * the recreated pod (§1.4).
 */
import { simulateExample } from '../../helpers/examples';

const POD0 = 'sample-statefulset-headless-0.sample-headless.default.svc.cluster.local';

function run() {
  return simulateExample('seed-004-sample-statefulset-headless');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'sample-statefulset-headless');

test('seed-004-sample-statefulset-headless: pods -0, -1, -2 in order', () => {
  expect(pods.slice(0, 3).map((p) => [p.name, p.image, p.created, p.readyAt])).toEqual([
    ['sample-statefulset-headless-0', 'amsy810/echo-nginx:v2.0', '2022-02-01T12:00:00Z', '2022-02-01T12:00:05Z'],
    ['sample-statefulset-headless-1', 'amsy810/echo-nginx:v2.0', '2022-02-01T12:00:05Z', '2022-02-01T12:00:10Z'],
    ['sample-statefulset-headless-2', 'amsy810/echo-nginx:v2.0', '2022-02-01T12:00:10Z', '2022-02-01T12:00:15Z'],
  ]);
});

test('seed-004-sample-statefulset-headless: pods are discoverable by name through sample-headless only', () => {
  const ips = pods.slice(0, 3).map((p) => p.ip!);
  pods.slice(0, 3).forEach((p, i) => expect(result.lookup(`sample-statefulset-headless-${i}.sample-headless.default.svc.cluster.local`, '30s')).toEqual([p.ip]));
  expect(result.lookup('sample-headless', '30s')).toEqual([...ips].sort());
  // The ClusterIP Service named like the StatefulSet: one virtual IP, no per-pod names.
  const vip = result.lookup('sample-statefulset-headless', '30s');
  expect(vip).toHaveLength(1);
  expect(ips).not.toContain(vip[0]);
  expect(result.lookup('sample-statefulset-headless-0.sample-statefulset-headless', '30s')).toEqual([]);
  expect(Object.keys(result.report.dns).sort()).toEqual([
    'sample-headless.default.svc.cluster.local',
    'sample-statefulset-headless-0.sample-headless.default.svc.cluster.local',
    'sample-statefulset-headless-1.sample-headless.default.svc.cluster.local',
    'sample-statefulset-headless-2.sample-headless.default.svc.cluster.local',
    'sample-statefulset-headless.default.svc.cluster.local',
  ]);
});

test('seed-004-sample-statefulset-headless: a deleted pod drops out of DNS, then its name follows the new pod', () => {
  const [old, replacement] = pods.filter((p) => p.name === 'sample-statefulset-headless-0');
  expect(old).toMatchObject({ deleting: '2022-02-01T12:01:00Z', deleted: '2022-02-01T12:01:05Z' });
  expect(replacement).toMatchObject({ created: '2022-02-01T12:01:05Z', started: '2022-02-01T12:01:06Z', deleting: null });
  expect(replacement.ip).not.toBe(old.ip);
  expect(result.lookup(POD0, '59s')).toEqual([old.ip]);
  expect(result.lookup(POD0, '1m')).toEqual([]);
  expect(result.lookup(POD0, '1m5s')).toEqual([]); // created, no IP before its sandbox/container starts
  expect(result.lookup(POD0, '1m6s')).toEqual([replacement.ip]);
  expect(result.lookup('sample-headless', '1m2s')).toEqual([pods[1].ip, pods[2].ip].sort());
  expect(result.lookup('sample-headless')).toEqual([replacement.ip, pods[1].ip, pods[2].ip].sort());
});

test('seed-004-sample-statefulset-headless: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
