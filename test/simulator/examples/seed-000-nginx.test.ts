/**
 * examples/seed-000-nginx: seed 000's CKA practice 6.1 — the `nginx` StatefulSet behind the
 * headless Service `nginx-headless`. Construct → synth → simulate → assert: nginx-0, -1, -2 in
 * order (reference §1.3); `nslookup nginx-headless` = the three pod IPs and
 * `nginx-<n>.nginx-headless.default.svc.cluster.local` = pod n (§2); a pod whose readiness fails
 * stays in DNS because the Service publishes not-ready addresses (§2), and OrderedReady holds a
 * scale-up until it is Ready again (§1.3 "creation of higher pods stops until it recovers").
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-000-nginx');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'nginx');

test('seed-000-nginx: nginx-0, nginx-1, nginx-2 in order, each when the previous one is Ready', () => {
  expect(pods.slice(0, 3).map((p) => [p.name, p.image, p.node, p.created, p.readyAt])).toEqual([
    ['nginx-0', 'nginx', 'worker1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z'],
    ['nginx-1', 'nginx', 'worker2', '2024-01-01T00:00:05Z', '2024-01-01T00:00:10Z'],
    ['nginx-2', 'nginx', 'worker3', '2024-01-01T00:00:10Z', '2024-01-01T00:00:15Z'],
  ]);
});

test('seed-000-nginx: nslookup nginx-headless returns the three pod IPs', () => {
  const ips = pods.slice(0, 3).map((p) => p.ip!);
  expect(new Set(ips).size).toBe(3);
  expect(result.lookup('nginx-headless', '1m')).toEqual([...ips].sort());
  expect(result.lookup('nginx-headless.default.svc.cluster.local', '1m')).toEqual([...ips].sort());
  pods.slice(0, 3).forEach((p, i) => expect(result.lookup(`nginx-${i}.nginx-headless.default.svc.cluster.local`, '1m')).toEqual([p.ip]));
  // The ClusterIP Service `nginx` answers with its virtual IP, not the pods'.
  const vip = result.lookup('nginx', '1m');
  expect(vip).toHaveLength(1);
  expect(ips).not.toContain(vip[0]);
});

test('seed-000-nginx: a not-ready nginx-1 stays in DNS but holds the scale-up until it is Ready', () => {
  const ips = pods.slice(0, 3).map((p) => p.ip!).sort();
  expect(result.lookup('nginx-headless', '2m10s')).toEqual(ips);
  expect(result.lookup('nginx-1.nginx-headless', '2m10s')).toEqual([pods[1].ip]);
  expect(result.events({ kind: 'StatefulSet', name: 'nginx' }).map((e) => `${e.time} ${e.message}`).slice(3)).toEqual([
    '2024-01-01T00:03:00Z create Pod nginx-3 in StatefulSet nginx successful',
  ]);
  expect(pods.map((p) => p.name)).toEqual(['nginx-0', 'nginx-1', 'nginx-2', 'nginx-3']);
  expect(result.lookup('nginx-headless')).toEqual(pods.map((p) => p.ip!).sort());
});

test('seed-000-nginx: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
