import { harness, newStatefulSet } from '../../helpers/builders';
import {
  claimName, desiredClaimOwners, isRunningAndAvailable, newPodDraft, ordinalOf, parentNameOf, podName,
} from '../../../lib/simulator/controllers/stateful-set-utils';

test('names and ordinals (getPodName, getPersistentVolumeClaimName, getParentNameAndOrdinal)', () => {
  expect(podName('web', 0)).toBe('web-0');
  expect(claimName('www', 'web', 3)).toBe('www-web-3');
  expect(ordinalOf('web-12')).toBe(12);
  expect(ordinalOf('my-web-0')).toBe(0);
  expect(parentNameOf('my-web-0')).toBe('my-web');
  expect(ordinalOf('web')).toBe(-1);
  expect(ordinalOf('web-x')).toBe(-1);
});

test('available means Ready for at least minReadySeconds', () => {
  const pod = { phase: 'Running' as const, ready: true, readySinceMs: 1000 };
  expect(isRunningAndAvailable(pod, 0, 1000)).toBe(true);
  expect(isRunningAndAvailable(pod, 5, 5999)).toBe(false);
  expect(isRunningAndAvailable(pod, 5, 6000)).toBe(true);
  expect(isRunningAndAvailable({ ...pod, ready: false }, 0, 9999)).toBe(false);
});

test('a new pod replaces a template volume with the claim of the same name (updateStorage)', () => {
  const h = harness();
  const set = h.add(newStatefulSet('web', 2, {
    spec: { volumes: [{ name: 'www', emptyDir: {} }, { name: 'cache', emptyDir: {} }] },
    extra: { volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: {} }] },
  }));
  const pod = newPodDraft(set, set.spec.template, 1, 'web-abc');
  expect(pod.spec.volumes).toEqual([{ name: 'cache', emptyDir: {} }, { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }]);
  expect(pod.spec.hostname).toBe('web-1');
});

test.each([
  ['Retain', 'Retain', 1, []],
  ['Delete', 'Retain', 1, ['StatefulSet/web']],
  ['Retain', 'Delete', 1, []],
  ['Retain', 'Delete', 3, ['Pod/web-3']],
  ['Delete', 'Delete', 1, ['StatefulSet/web']],
  ['Delete', 'Delete', 3, ['Pod/web-3']],
  ['Delete', 'Retain', 3, ['StatefulSet/web']],
])('whenDeleted %s, whenScaled %s, ordinal %d of 2 replicas → owners %j (updateClaimOwnerRefForSetAndPod)', (whenDeleted, whenScaled, ordinal, owners) => {
  const h = harness();
  const set = h.add(newStatefulSet('web', 2, { extra: { persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } } }));
  const refs = desiredClaimOwners(set, { name: `web-${ordinal}`, uid: 'pod-uid' }, { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'keep', uid: 'k' }] });
  expect(refs.slice(1).map((r) => `${r.kind}/${r.name}`)).toEqual(owners);
  expect(refs[0].name).toBe('keep');
});
