/**
 * examples/seed-004-sample-statefulset: seed 004's `sample-statefulset` (OnDelete, a `www` claim
 * per pod) scaled 3 → 5 → 3, its image changed, one pod deleted by hand, then scaled to 0.
 * Construct → synth → simulate → assert: scale-up creates the new ordinals in increasing order and
 * scale-down deletes them highest first, one at a time, each once the previous one is gone
 * (reference §1.3); claims stay (Retain, §1.6) and a returning ordinal reuses its claim (§1.4);
 * OnDelete changes no pod until one is deleted, which comes back with the new template (§1.4,
 * §1.5); ordinal 0 is created first and deleted last, as the blog says.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('seed-004-sample-statefulset');
}

const result = run();
const pods = result.podsOf('StatefulSet', 'sample-statefulset');
/** `time reason pod` of the controller's pod events in [from, to). */
function podEvents(from: string, to: string): string[] {
  return result.events({ kind: 'StatefulSet', name: 'sample-statefulset' })
    .filter((e) => e.time >= from && e.time < to && e.related?.kind === 'Pod')
    .map((e) => `${e.time} ${e.reason} ${e.related!.name}`);
}

test('seed-004-sample-statefulset: ordinal 0 first, then 1 and 2, each when the previous one is Ready', () => {
  expect(pods.slice(0, 3).map((p) => [p.name, p.created, p.readyAt, p.image])).toEqual([
    ['sample-statefulset-0', '2022-02-01T12:00:00Z', '2022-02-01T12:00:05Z', 'nginx:1.16'],
    ['sample-statefulset-1', '2022-02-01T12:00:05Z', '2022-02-01T12:00:10Z', 'nginx:1.16'],
    ['sample-statefulset-2', '2022-02-01T12:00:10Z', '2022-02-01T12:00:15Z', 'nginx:1.16'],
  ]);
});

test('seed-004-sample-statefulset: scale 3 → 5 creates -3 then -4; back to 3 deletes -4 then -3, one at a time', () => {
  expect(podEvents('2022-02-01T12:01:00Z', '2022-02-01T12:03:00Z')).toEqual([
    '2022-02-01T12:01:00Z SuccessfulCreate sample-statefulset-3',
    '2022-02-01T12:01:05Z SuccessfulCreate sample-statefulset-4', // when -3 is Ready
    '2022-02-01T12:02:00Z SuccessfulDelete sample-statefulset-4',
    '2022-02-01T12:02:10Z SuccessfulDelete sample-statefulset-3', // when -4 is gone (10 s grace)
  ]);
  const [three, four] = ['sample-statefulset-3', 'sample-statefulset-4'].map((n) => pods.find((p) => p.name === n)!);
  expect([three.deleting, three.deleted, four.deleting, four.deleted]).toEqual([
    '2022-02-01T12:02:10Z', '2022-02-01T12:02:20Z', '2022-02-01T12:02:00Z', '2022-02-01T12:02:10Z',
  ]);
});

test('seed-004-sample-statefulset: every claim is kept (Retain), and a recreated pod reuses its own', () => {
  expect(result.report.persistentVolumeClaims.map((c) => [c.name, c.created, c.deleted])).toEqual([
    ['www-sample-statefulset-0', '2022-02-01T12:00:00Z', null],
    ['www-sample-statefulset-1', '2022-02-01T12:00:05Z', null],
    ['www-sample-statefulset-2', '2022-02-01T12:00:10Z', null],
    ['www-sample-statefulset-3', '2022-02-01T12:01:00Z', null],
    ['www-sample-statefulset-4', '2022-02-01T12:01:05Z', null],
  ]);
  const set = result.simulation.state.get('StatefulSet', 'default', 'sample-statefulset')!;
  expect(set.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  for (const pod of result.simulation.state.history('Pod')) {
    expect((pod.spec.volumes ?? []).find((v) => v.name === 'www')?.persistentVolumeClaim?.claimName).toBe(`www-${pod.name}`);
  }
  expect(result.report.persistentVolumeClaims.every((c) => c.status === 'Bound')).toBe(true);
});

test('seed-004-sample-statefulset: OnDelete — setImage changes nothing until a pod is deleted, which returns with nginx:1.17', () => {
  // Nothing from the controller between the template change (3m) and the deletion (5m).
  expect(podEvents('2022-02-01T12:03:00Z', '2022-02-01T12:07:00Z')).toEqual([
    '2022-02-01T12:05:10Z SuccessfulCreate sample-statefulset-1',
  ]);
  const live = (at: string) => pods.filter((p) => p.created <= at && (p.deleted === null || p.deleted > at)).map((p) => `${p.name}=${p.image}`).sort();
  expect(live('2022-02-01T12:04:59Z')).toEqual(['sample-statefulset-0=nginx:1.16', 'sample-statefulset-1=nginx:1.16', 'sample-statefulset-2=nginx:1.16']);
  expect(live('2022-02-01T12:06:00Z')).toEqual(['sample-statefulset-0=nginx:1.16', 'sample-statefulset-1=nginx:1.17', 'sample-statefulset-2=nginx:1.16']);
  const status = result.simulation.state.get('StatefulSet', 'default', 'sample-statefulset')!.status;
  expect(status.currentRevision).not.toBe(status.updateRevision);
});

test('seed-004-sample-statefulset: scale to 0 deletes -2, -1, then -0 — ordinal 0 last', () => {
  expect(podEvents('2022-02-01T12:07:00Z', '2022-02-01T12:09:00Z')).toEqual([
    '2022-02-01T12:07:00Z SuccessfulDelete sample-statefulset-2',
    '2022-02-01T12:07:10Z SuccessfulDelete sample-statefulset-1',
    '2022-02-01T12:07:20Z SuccessfulDelete sample-statefulset-0',
  ]);
  expect(pods.filter((p) => p.deleted === null)).toEqual([]);
  expect(pods.find((p) => p.name === 'sample-statefulset-0')!.deleted).toBe('2022-02-01T12:07:30Z');
});

test('seed-004-sample-statefulset: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
