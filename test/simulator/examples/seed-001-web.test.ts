/**
 * examples/seed-001-web: seed 001 §1's `web` StatefulSet behind the headless Service `nginx`, all
 * pods sharing the claim `nfs-pvc`. Construct → synth → simulate → assert: OrderedReady creates
 * web-0, web-1, web-2 one at a time, each when the previous one is Ready (reference §1.3);
 * `web-1.nginx.default.svc.cluster.local` is web-1's IP and `nginx.default.svc.cluster.local` every
 * pod's (§2); every pod mounts nfs-pvc and the controller creates no claim; web-1 deleted by hand
 * comes back under the same name with a new IP, and its DNS name follows (§1.4, §2).
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-001-web');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'web');

test('seed-001-web: web-0, web-1, web-2 are created in order, each when the previous one is Ready', () => {
  // 13 s apart, as the blog's `kubectl get pod` shows (web-0 40s, web-1 27s old).
  expect(pods.slice(0, 3).map((p) => [p.name, p.node, p.created, p.started, p.readyAt])).toEqual([
    ['web-0', 'worker1', '2022-09-14T03:00:00Z', '2022-09-14T03:00:03Z', '2022-09-14T03:00:13Z'],
    ['web-1', 'worker2', '2022-09-14T03:00:13Z', '2022-09-14T03:00:16Z', '2022-09-14T03:00:26Z'],
    ['web-2', 'worker3', '2022-09-14T03:00:26Z', '2022-09-14T03:00:29Z', '2022-09-14T03:00:39Z'],
  ]);
  expect(result.events({ kind: 'StatefulSet', name: 'web' }).slice(0, 3).map((e) => `${e.time} ${e.reason} ${e.message}`)).toEqual([
    '2022-09-14T03:00:00Z SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    '2022-09-14T03:00:13Z SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    '2022-09-14T03:00:26Z SuccessfulCreate create Pod web-2 in StatefulSet web successful',
  ]);
  expect(new Set(pods.map((p) => p.image))).toEqual(new Set(['nginx']));
});

test('seed-001-web: web-1.nginx resolves to web-1, nginx to all three pods', () => {
  const [web0, web1, web2] = pods;
  expect(result.lookup('web-1.nginx.default.svc.cluster.local', '1m')).toEqual([web1.ip]);
  expect(result.lookup('web-1.nginx', '1m')).toEqual([web1.ip]); // `nslookup web-1.nginx` from default
  expect(result.lookup('nginx.default.svc.cluster.local', '1m')).toEqual([web0.ip, web1.ip, web2.ip].sort());
  expect(new Set([web0.ip, web1.ip, web2.ip]).size).toBe(3);
  // Before web-1 exists, only web-0 is behind the headless name.
  expect(result.lookup('nginx', '10s')).toEqual([web0.ip]);
  expect(result.lookup('web-1.nginx', '10s')).toEqual([]);
});

test('seed-001-web: every pod mounts the shared claim nfs-pvc; the controller creates no claim', () => {
  const instances = result.simulation.state.history('Pod');
  expect(instances).toHaveLength(4); // web-0, web-1, web-2, and web-1 again
  for (const pod of instances) {
    const claims = (pod.spec.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => [v.name, v.persistentVolumeClaim!.claimName]);
    expect(claims).toEqual([['nfs-vol', 'nfs-pvc']]);
  }
  expect(result.report.persistentVolumeClaims.map((c) => [c.name, c.status, c.created, c.deleted])).toEqual([
    ['nfs-pvc', 'Bound', '2022-09-14T03:00:00Z', null],
  ]);
  expect(result.events({ reason: 'SuccessfulCreate' }).filter((e) => e.message.includes('Claim'))).toEqual([]);
});

test('seed-001-web: web-1 deleted by hand comes back as web-1 with a new IP, and DNS follows', () => {
  const [old, replacement] = pods.filter((p) => p.name === 'web-1');
  expect(old).toMatchObject({ deleting: '2022-09-14T03:02:00Z', deleted: '2022-09-14T03:02:01Z' });
  expect(replacement).toMatchObject({
    name: 'web-1', node: 'worker2', created: '2022-09-14T03:02:01Z', started: '2022-09-14T03:02:04Z',
    readyAt: '2022-09-14T03:02:14Z', deleting: null, phase: 'Running',
  });
  expect(replacement.ip).not.toBe(old.ip);
  expect(pods).toHaveLength(4);
  // A user's deletion is no controller event; the controller only creates the new web-1.
  expect(result.events({ kind: 'StatefulSet', name: 'web' }).slice(3).map((e) => `${e.time} ${e.reason} ${e.message}`)).toEqual([
    '2022-09-14T03:02:01Z SuccessfulCreate create Pod web-1 in StatefulSet web successful',
  ]);
  // Terminating, then not yet started: web-1.nginx has no address; from its start on, the new one
  // (the headless Service publishes not-ready addresses, so it need not wait for Ready).
  expect(result.lookup('web-1.nginx', '2m')).toEqual([]);
  expect(result.lookup('web-1.nginx', '2m2s')).toEqual([]);
  expect(result.lookup('web-1.nginx', '2m4s')).toEqual([replacement.ip]);
  expect(result.lookup('web-1.nginx')).toEqual([replacement.ip]);
  expect(result.lookup('nginx')).toEqual([pods[0].ip, replacement.ip, pods[2].ip].sort());
  expect(result.report.dns['web-1.nginx.default.svc.cluster.local']).toEqual([replacement.ip]);
});

test('seed-001-web: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
