import { StoreChange } from '../../../lib/simulator/cluster/store-types';
import { carriedDraft, Draft, nodeDraft } from '../../../lib/simulator/cluster/factories';
import { SimPvc } from '../../../lib/simulator/cluster/core-objects';
import { SimObject } from '../../../lib/simulator/cluster/objects';
import { SimPod } from '../../../lib/simulator/cluster/pod-object';
import { SimJob } from '../../../lib/simulator/cluster/workload-objects';
import {
  Harness, harness, newCronJob, newDaemonSet, newJob, newPod, newPvc, newService, newStatefulSet,
} from '../../helpers/builders';

test('create assigns uid, resourceVersion and time, notifies Added, and keeps history', () => {
  const h = harness();
  const changes: StoreChange[] = [];
  h.state.watch((c) => changes.push(c));
  h.setNow(42);
  const pod = h.add(newPod('a'));
  expect(pod).toMatchObject({ name: 'a', namespace: 'default', createdMs: 42, deletionMs: null, deletedMs: null, phase: 'Pending' });
  expect(pod.uid).toMatch(/^uid-\d{6}$/);
  expect(pod.spec.restartPolicy).toBe('Always');
  expect(changes.map((c) => c.type)).toEqual(['Added']);
  expect(h.state.get('Pod', 'default', 'a')).toBe(pod);
});

test('fails when the name is taken (AlreadyExists, as the API server words it)', () => {
  const h = harness();
  h.add(newPod('a'));
  expect(() => h.add(newPod('a'))).toThrow('pods "a" already exists');
});

test('fails when a label value is longer than 63 characters (Invalid)', () => {
  const h = harness();
  const long = 'x'.repeat(64);
  expect(() => h.add(newPod('a', { labels: { app: long } }))).toThrow(`Pod "a" is invalid: metadata.labels: Invalid value: "${long}": must be no more than 63 characters`);
});

test('generateName appends five characters of the Kubernetes alphabet', () => {
  const h = harness();
  const { name: _unused, ...draft } = newPod('x');
  const pod = h.state.create({ ...draft, generateName: 'fluentd-' });
  expect(_unused).toBe('x');
  expect(pod.name).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('update notifies Modified with the previous state and re-indexes', () => {
  const h = harness();
  const pod = h.add(newPod('a'));
  let old: SimPod | undefined;
  h.state.watch((c) => { if (c.type === 'Modified') old = c.old as SimPod; });
  h.state.update(pod, (p) => { p.nodeName = 'worker2'; });
  expect(old?.nodeName).toBeNull();
  expect(h.state.podsOnNode('worker2')).toEqual([pod]);
  expect(h.state.podsOnNode('worker1')).toEqual([]);
});

test('fails when a watcher writes inside a notification', () => {
  const h = harness();
  h.state.watch((c) => { if (c.type === 'Added' && c.object.kind === 'Pod') h.add(newPod('b')); });
  expect(() => h.add(newPod('a'))).toThrow(/watchers may only enqueue work/);
});

test('an unscheduled pod is removed at once on delete; a bound running pod waits for the kubelet', () => {
  const h = harness();
  const a = h.add(newPod('a'));
  h.state.requestDeletion(a);
  expect(a.deletedMs).toBe(0);
  expect(h.state.get('Pod', 'default', 'a')).toBeUndefined();
  const b = h.setPod(h.add(newPod('b')), { node: 'worker1', phase: 'Running' });
  h.state.requestDeletion(b);
  expect(b.deletionMs).toBe(0);
  expect(b.deletedMs).toBeNull();
  expect(h.state.history('Pod').map((p) => p.name)).toEqual(['a', 'b']);
});

test('finalizers hold a deleted object until removed', () => {
  const h = harness();
  const pvc = h.add(newPvc('data'));
  expect(pvc.finalizers).toEqual(['kubernetes.io/pvc-protection']);
  h.state.requestDeletion(pvc);
  expect(pvc.deletedMs).toBeNull();
  h.state.removeFinalizer(pvc as SimPvc, 'kubernetes.io/pvc-protection');
  expect(pvc.deletedMs).toBe(0);
});

test('a Job gets the generated selector and pod labels (1.27)', () => {
  const h = harness();
  const job = h.add(newJob('backup')) as SimJob;
  expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': job.uid } });
  expect(job.spec.template.metadata?.labels).toEqual({
    app: 'backup', 'batch.kubernetes.io/controller-uid': job.uid, 'batch.kubernetes.io/job-name': 'backup', 'controller-uid': job.uid, 'job-name': 'backup',
  });
  expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false });
});

test('fails when a Job name is longer than 63 characters (its job-name label)', () => {
  const h = harness();
  const name = 'j'.repeat(64);
  expect(() => h.add(newJob(name, { labels: { app: 'x' } }))).toThrow(`Job.batch "${name}" is invalid: [spec.template.labels: Invalid value: "${name}": must be no more than 63 characters, spec.template.labels: Invalid value: "${name}": must be no more than 63 characters]`);
});

test('workload defaults are applied as the API server does', () => {
  const h = harness();
  const set = h.add(newStatefulSet('web', 3));
  expect(set.spec).toMatchObject({
    replicas: 3, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    revisionHistoryLimit: 10, minReadySeconds: 0, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    ordinals: { start: 0 },
  });
  expect(set.generation).toBe(1);
});

test('dependents and claim users are indexed', () => {
  const h = harness();
  const set = h.add(newStatefulSet('web', 1));
  const pod = h.add(newPod('web-0', { owner: set, spec: { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] } }));
  expect(h.state.podsOwnedBy(set.uid)).toEqual([pod]);
  expect(h.state.podsUsingClaim('default', 'www-web-0')).toEqual([pod]);
});

test('create keeps every field of every kind of draft, in the draft\'s order, then the store\'s fields', () => {
  // materialize.ts builds one literal per kind; this pins that no draft field is lost on the way.
  const h = harness();
  const drafts: Array<Draft<SimObject>> = [
    newPod('p', { labels: { app: 'x' } }), newJob('j'), newCronJob('c', '* * * * *'), newStatefulSet('s', 1), newDaemonSet('d'),
    newService('svc', { app: 'x' }), newPvc('claim'), nodeDraft({ name: 'worker9', labels: { disk: 'ssd' } }),
    carriedDraft('ConfigMap', 'v1', { namespace: 'default', name: 'cm', body: { data: { a: '1' } } }),
  ];
  const admitted = new Set(['spec', 'labels', 'conditions', 'nodeName', 'scheduledMs', 'finalizers']);
  for (const draft of drafts) {
    const stored = h.add(draft) as unknown as Record<string, unknown>;
    const draftKeys = Object.keys(draft);
    const storeKeys = ['uid', 'resourceVersion', 'createdMs', 'deletionMs', 'deletedMs'];
    const extra = draft.kind === 'Pod' ? ['timeline'] : draft.kind === 'Node' ? ['index', 'internalIP'] : draft.kind === 'Service' ? ['clusterIP'] : [];
    expect(Object.keys(stored)).toEqual([...draftKeys, ...storeKeys, ...extra]);
    for (const k of draftKeys) {
      // Admission rewrites a pod's spec (defaults), a Job's spec and labels (generated selector), a claim's finalizers.
      if (!admitted.has(k)) expect(stored[k]).toBe((draft as unknown as Record<string, unknown>)[k]);
    }
  }
});

test('create leaves generateName out of the stored object', () => {
  const h = harness();
  const { name: _name, ...draft } = newPod('x');
  const pod = h.state.create({ ...draft, generateName: 'web-' });
  expect(Object.keys(pod)).not.toContain('generateName');
  expect(Object.keys(pod).slice(0, 4)).toEqual(['kind', 'apiVersion', 'namespace', 'name']);
});

describe('keepDeleted: the store keeps only the most recently deleted instances of each kind', () => {
  function churn(keepDeleted: number, pods: number) {
    const h = new Harness(undefined, undefined, { keepDeleted });
    const live = h.add(newPod('live'));
    for (let i = 0; i < pods; i++) {
      h.setNow(i);
      h.state.requestDeletion(h.add(newPod(`p${i}`)));
    }
    return { h, live };
  }

  test('live objects and the newest deleted ones stay, in creation order; the rest is counted', () => {
    const { h, live } = churn(3, 10);
    expect(h.state.history('Pod').map((p) => p.name)).toEqual(['live', 'p7', 'p8', 'p9']);
    expect(h.state.history('Pod')[0]).toBe(live);
    expect(h.state.droppedCount('Pod')).toBe(7);
    expect(h.state.droppedCounts()).toEqual({ Pod: 7 });
    expect(h.state.droppedCount('Job')).toBe(0);
  });

  test('bounded over a long run (dropped instances are let go in batches, not kept until the end)', () => {
    const { h } = churn(5, 5000);
    const internal = h.state as unknown as { instances: { instances: Map<string, unknown[]> } };
    expect(internal.instances.instances.get('Pod')!.length).toBeLessThan(2 * 1024 + 10);
    expect(h.state.history('Pod').map((p) => p.name)).toEqual(['live', 'p4995', 'p4996', 'p4997', 'p4998', 'p4999']);
    expect(h.state.droppedCount('Pod')).toBe(4995);
  });

  test('keepDeleted 0 keeps only live objects', () => {
    const { h } = churn(0, 3);
    expect(h.state.history('Pod').map((p) => p.name)).toEqual(['live']);
    expect(h.state.droppedCount('Pod')).toBe(3);
  });
});
