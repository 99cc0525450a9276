/**
 * Table-driven tests of one StatefulSet sync against call-recording fakes
 * (`stateful_set_control_test.go` style). Each case names the rule of
 * shared/reference/k8s-controller-semantics.md it pins.
 */
import { ApiError } from '../../../lib/apiserver/api-errors';
import type { Draft } from '../../../lib/simulator/cluster/factories';
import { PodPhase, SimPod } from '../../../lib/simulator/cluster/pod-object';
import { SimStatefulSet } from '../../../lib/simulator/cluster/workload-objects';
import { STATEFUL_SET_POD_EVENTS } from '../../../lib/simulator/controllers/control';
import { controllerRevisionName, templateHash } from '../../../lib/simulator/controllers/revision';
import { StatefulSetController } from '../../../lib/simulator/controllers/stateful-set-controller';
import { newPodDraft, REVISION_LABEL } from '../../../lib/simulator/controllers/stateful-set-utils';
import { Harness, harness, newPvc, newStatefulSet, podTemplate } from '../../helpers/builders';
import { apiError, fakeContext, FakeContext } from '../../helpers/fakes';
import { seconds } from '../../helpers/instants';

/** A pod's state in a case: `R` Running+Ready, `r` Running not Ready, `P` Pending, `F` Failed, `T` Running+Ready terminating. */
type PodCode = 'R' | 'r' | 'P' | 'F' | 'T';

interface Case {
  // set spec
  readonly replicas: number;
  readonly extra?: Record<string, unknown>;
  readonly name?: string;
  // environment: existing pods by ordinal; `old` = created from the previous template
  readonly pods?: Record<number, PodCode | `${PodCode}old`>;
  readonly readyForMs?: number;
  readonly templateChanged?: boolean;
  readonly claims?: Array<{ name: string; deleting?: boolean; podOwner?: string }>;
  readonly createError?: ApiError;
  // expectations
  readonly created?: string[];
  readonly deleted?: string[];
  readonly claimsCreated?: string[];
  readonly reasons: string[];
  readonly requeueAfterMs?: number;
  readonly throws?: RegExp;
  readonly waitingFor?: RegExp;
}

const claimTemplate = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];

function setup(c: Case): { h: Harness; f: FakeContext; set: SimStatefulSet; controller: StatefulSetController } {
  const h = harness();
  const name = c.name ?? 'web';
  const oldTemplate = podTemplate(name, { image: 'nginx:1.24' });
  const draft = newStatefulSet(name, c.replicas, { image: c.templateChanged ? 'nginx:1.25' : 'nginx:1.24', serviceName: 'nginx', extra: c.extra });
  const set = h.add(draft);
  const oldRevision = controllerRevisionName(name, templateHash(oldTemplate));
  const newRevision = controllerRevisionName(name, templateHash(set.spec.template));
  // status.currentRevision names the old template so the controller keeps it as the current revision.
  h.state.update(set, (s) => { s.status = { ...s.status, currentRevision: oldRevision, updateRevision: newRevision }; });
  const start = h.now;
  for (const [ord, code] of Object.entries(c.pods ?? {})) {
    const ordinal = Number(ord);
    const old = code.endsWith('old') || !c.templateChanged;
    const template = old ? oldTemplate : set.spec.template;
    const pod = h.add(newPodDraft(set, template, ordinal, old ? oldRevision : newRevision) as Draft<SimPod>);
    const state = code[0] as PodCode;
    const phase: PodPhase = state === 'P' ? 'Pending' : state === 'F' ? 'Failed' : 'Running';
    h.setPod(pod, { node: 'worker1', phase, ready: state === 'R' || state === 'T', readySinceMs: start, terminating: state === 'T' });
  }
  for (const cl of c.claims ?? []) {
    const pvc = h.add(newPvc(cl.name));
    if (cl.podOwner) h.state.update(pvc, (p) => { p.ownerReferences = [{ apiVersion: 'v1', kind: 'Pod', name: cl.podOwner!, uid: 'uid-gone' }]; });
    if (cl.deleting) h.state.requestDeletion(pvc);
  }
  h.setNow(start + (c.readyForMs ?? seconds(60)));
  const f = fakeContext(h, { podEvents: STATEFUL_SET_POD_EVENTS });
  if (c.createError) f.pods.createError = c.createError;
  const controller = new StatefulSetController(f.ctx);
  // The previous revision's template is known to the controller, as its ControllerRevision would be.
  (controller as unknown as { templates: Map<string, Map<string, unknown>> }).templates.set(set.uid, new Map([[oldRevision, oldTemplate]]));
  return { h, f, set, controller };
}

const cases: Record<string, Case> = {
  // §1.1 names, §1.2 "creates all PVCs first, then the pod", §1.3 at most one pod per sync (OrderedReady)
  'no pods, OrderedReady: claims then web-0 only': {
    replicas: 3, extra: { volumeClaimTemplates: claimTemplate },
    created: ['web-0'], claimsCreated: ['www-web-0'], reasons: ['SuccessfulCreate', 'SuccessfulCreate'],
  },
  // §1.3 web-(k+1) only after web-0..k are Running and Ready
  'web-0 Running not Ready: wait': { replicas: 3, pods: { 0: 'r' }, created: [], reasons: [], waitingFor: /web-0 to be Running and Ready/ },
  'web-0 Pending: wait': { replicas: 3, pods: { 0: 'P' }, created: [], reasons: [], waitingFor: /web-0 to be Running and Ready/ },
  'web-0 Ready: create web-1': { replicas: 3, pods: { 0: 'R' }, created: ['web-1'], reasons: ['SuccessfulCreate'] },
  // §1.3 Available = Ready for minReadySeconds; requeue after minReadySeconds (stateful_set.go#syncStatefulSet)
  'web-0 Ready 5 s, minReadySeconds 10: wait and requeue': {
    replicas: 2, extra: { minReadySeconds: 10 }, pods: { 0: 'R' }, readyForMs: seconds(5), created: [], reasons: [], requeueAfterMs: 10_000, waitingFor: /available/,
  },
  'web-0 Ready 10 s, minReadySeconds 10: create web-1': {
    replicas: 2, extra: { minReadySeconds: 10 }, pods: { 0: 'R' }, readyForMs: seconds(10), created: ['web-1'], reasons: ['SuccessfulCreate'], requeueAfterMs: 10_000,
  },
  // §1.3 Parallel: all missing pods in one sync
  'no pods, Parallel: all at once': {
    replicas: 3, extra: { podManagementPolicy: 'Parallel' }, created: ['web-0', 'web-1', 'web-2'], reasons: ['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate'],
  },
  'web-1 not Ready, Parallel: web-2 created anyway': {
    replicas: 3, extra: { podManagementPolicy: 'Parallel' }, pods: { 0: 'R', 1: 'r' }, created: ['web-2'], reasons: ['SuccessfulCreate'],
  },
  // §1.2 failed pod: RecreatingFailedPod, delete, same name again in the same sync
  'web-1 Failed: recreate it': {
    replicas: 3, pods: { 0: 'R', 1: 'F', 2: 'R' }, created: ['web-1'], deleted: ['web-1'],
    reasons: ['RecreatingFailedPod', 'SuccessfulDelete', 'SuccessfulCreate'],
  },
  // §1.1 ordinals.start
  'ordinals.start 5: web-5 first': { replicas: 2, extra: { ordinals: { start: 5 } }, created: ['web-5'], reasons: ['SuccessfulCreate'] },
  'ordinals.start 5: web-0 is condemned': { replicas: 1, extra: { ordinals: { start: 5 } }, pods: { 0: 'R', 5: 'R' }, deleted: ['web-0'], reasons: ['SuccessfulDelete'] },
  // §1.3 scale-down: highest first, one at a time, only when all replicas are healthy
  'scale 5 → 3, all healthy: delete web-4 only': { replicas: 3, pods: { 0: 'R', 1: 'R', 2: 'R', 3: 'R', 4: 'R' }, deleted: ['web-4'], reasons: ['SuccessfulDelete'] },
  'scale 5 → 3, web-4 terminating: wait for it': {
    replicas: 3, pods: { 0: 'R', 1: 'R', 2: 'R', 3: 'R', 4: 'T' }, deleted: [], reasons: [], waitingFor: /web-4 to terminate/,
  },
  'scale 5 → 3, web-1 not Ready: no deletion': { replicas: 3, pods: { 0: 'R', 1: 'r', 2: 'R', 3: 'R', 4: 'R' }, deleted: [], reasons: [] },
  'scale 5 → 3, web-4 unhealthy and first unhealthy: delete it': { replicas: 3, pods: { 0: 'R', 1: 'R', 2: 'R', 3: 'R', 4: 'r' }, deleted: ['web-4'], reasons: ['SuccessfulDelete'] },
  'scale 5 → 3, web-3 and web-4 unhealthy: web-4 waits for web-3': {
    replicas: 3, pods: { 0: 'R', 1: 'R', 2: 'R', 3: 'r', 4: 'r' }, deleted: [], reasons: [], waitingFor: /web-4 to be Running and Ready before scaling down/,
  },
  'scale 5 → 3, Parallel: both condemned at once, highest first': {
    replicas: 3, extra: { podManagementPolicy: 'Parallel' }, pods: { 0: 'R', 1: 'r', 2: 'R', 3: 'R', 4: 'R' }, deleted: ['web-4', 'web-3'], reasons: ['SuccessfulDelete', 'SuccessfulDelete'],
  },
  // §1.5 RollingUpdate: highest ordinal first, one per sync
  'template changed, all healthy: delete web-2': { replicas: 3, templateChanged: true, pods: { 0: 'Rold', 1: 'Rold', 2: 'Rold' }, deleted: ['web-2'], reasons: ['SuccessfulDelete'] },
  'template changed, web-2 updated and Ready: delete web-1': { replicas: 3, templateChanged: true, pods: { 0: 'Rold', 1: 'Rold', 2: 'R' }, deleted: ['web-1'], reasons: ['SuccessfulDelete'] },
  'template changed, web-2 updated not Ready: wait': { replicas: 3, templateChanged: true, pods: { 0: 'Rold', 1: 'Rold', 2: 'r' }, deleted: [], reasons: [], waitingFor: /web-2 to be Running and Ready/ },
  'missing web-2 below partition 3 is recreated at the current revision': {
    replicas: 3, templateChanged: true, extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } }, pods: { 0: 'Rold', 1: 'Rold' },
    created: ['web-2'], reasons: ['SuccessfulCreate'],
  },
  // §1.5 partition: ordinals below it are not updated (seed 000: partition 2 updates only mysql-2)
  'partition 2, web-2 updated: nothing more': {
    replicas: 3, templateChanged: true, extra: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, pods: { 0: 'Rold', 1: 'Rold', 2: 'R' }, deleted: [], reasons: [],
  },
  // §1.5 OnDelete: the controller never deletes for an update
  'OnDelete, template changed: no deletion': {
    replicas: 3, templateChanged: true, extra: { updateStrategy: { type: 'OnDelete' } }, pods: { 0: 'Rold', 1: 'Rold', 2: 'Rold' }, deleted: [], reasons: [],
  },
  // §1.10 failure events; the sync errors so the work queue retries with back-off
  'create rejected: FailedCreate and retry': {
    replicas: 1, createError: apiError('InternalError', 'etcdserver: request timed out'), created: [], reasons: ['FailedCreate'],
    throws: /etcdserver: request timed out/,
  },
  // §1.4 "A PVC that is itself being deleted makes creation fail with `pvc <name> is being deleted`"
  'claim being deleted: FailedCreate': {
    replicas: 1, extra: { volumeClaimTemplates: claimTemplate }, claims: [{ name: 'www-web-0', deleting: true }], created: [], reasons: ['FailedCreate'],
    throws: /pvc www-web-0 is being deleted/,
  },
  // §1.4 an existing claim is reused, not recreated
  'claim exists: reused': { replicas: 1, extra: { volumeClaimTemplates: claimTemplate }, claims: [{ name: 'www-web-0' }], created: ['web-0'], claimsCreated: [], reasons: ['SuccessfulCreate'] },
  // §1.2 PodClaimIsStale with whenScaled Delete: wait, no error
  'whenScaled Delete, stale claim of the previous web-0: wait': {
    replicas: 1, extra: { volumeClaimTemplates: claimTemplate, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } },
    claims: [{ name: 'www-web-0', podOwner: 'web-0' }], created: [], reasons: [], waitingFor: /stale claims/,
  },
  // §1.1 name limit: controller-revision-hash = <name>-<hash> > 63 characters
  'name of 55 characters: FailedCreate with the label error': {
    replicas: 1, name: 'a-statefulset-name-that-is-much-too-long-for-kubernetes', created: [], reasons: ['FailedCreate'],
    throws: /metadata\.labels: Invalid value: "a-statefulset-name-that-is-much-too-long-for-kubernetes-[4-9bcdf]{10}": must be no more than 63 characters/,
  },
};

test.each(Object.entries(cases))('%s', (_name, c) => {
  const { h, f, set, controller } = setup(c);
  let result: { requeueAfterMs?: number } | undefined;
  let error: unknown;
  try {
    result = controller.sync('default/' + set.name, h.now);
  } catch (e) {
    error = e;
  }
  if (c.throws) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(c.throws);
  } else {
    expect(error).toBeUndefined();
  }
  expect(f.pods.createdNames).toEqual(c.created ?? []);
  expect(f.pods.deletes).toEqual(c.deleted ?? []);
  if (c.claimsCreated) expect(f.claims.createdNames).toEqual(c.claimsCreated);
  expect(f.recorder.reasons()).toEqual(c.reasons);
  if (!c.throws) expect(result?.requeueAfterMs).toBe(c.requeueAfterMs);
  if (c.waitingFor) expect(controller.lastPlan.get('default/' + set.name)?.waitingFor).toMatch(c.waitingFor);
});

test('event messages are worded as stateful_pod_control.go#recordPodEvent / recordClaimEvent', () => {
  const { h, f, set, controller } = setup(cases['no pods, OrderedReady: claims then web-0 only']);
  controller.sync('default/web', h.now);
  expect(f.recorder.messages()).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
  const pod = h.state.get('Pod', 'default', 'web-0')!;
  expect(pod.labels).toEqual({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', [REVISION_LABEL]: controllerRevisionName('web', templateHash(set.spec.template)) });
  expect(pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx', volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] });
  expect(pod.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.uid, controller: true, blockOwnerDeletion: true }]);
  expect(h.state.get('PersistentVolumeClaim', 'default', 'www-web-0')!.labels).toEqual({ app: 'web' });
});

test('RecreatingFailedPod message', () => {
  const { h, f, controller } = setup(cases['web-1 Failed: recreate it']);
  controller.sync('default/web', h.now);
  expect(f.recorder.events[0]).toMatchObject({ type: 'Warning', message: 'StatefulSet default/web is recreating failed Pod web-1' });
  expect(f.recorder.messages()[1]).toBe('delete Pod web-1 in StatefulSet web successful');
});

test('status counts replicas, ready, available, current and updated (computeReplicaStatus, §1.8)', () => {
  const { h, f, set, controller } = setup({ replicas: 3, templateChanged: true, pods: { 0: 'Rold', 1: 'rold', 2: 'R' }, reasons: [] });
  controller.sync('default/web', h.now);
  expect(f.status.writes.at(-1)!.status).toEqual({
    observedGeneration: 1, replicas: 3, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 1,
    currentRevision: set.status.currentRevision, updateRevision: controllerRevisionName('web', templateHash(set.spec.template)), collisionCount: 0,
  });
});

test('a finished rolling update makes the update revision current (completeRollingUpdate)', () => {
  const { h, set, controller } = setup({ replicas: 2, templateChanged: true, pods: { 0: 'R', 1: 'R' }, reasons: [] });
  controller.sync('default/web', h.now);
  expect(set.status.currentRevision).toBe(set.status.updateRevision);
  expect(set.status.currentReplicas).toBe(2);
});

test('whenScaled Delete: the condemned pod\'s claim is owned by the pod before it is deleted (§1.6)', () => {
  const { h, f, set, controller } = setup({
    replicas: 1, extra: { volumeClaimTemplates: claimTemplate, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Delete' } },
    pods: { 0: 'R', 1: 'R' }, claims: [{ name: 'www-web-0' }, { name: 'www-web-1' }], reasons: [],
  });
  controller.sync('default/web', h.now);
  const web1 = h.state.history('Pod').find((p) => p.name === 'web-1')!;
  expect(f.claims.ownerUpdates.map((u) => [u.claim, u.refs.map((r) => `${r.kind}/${r.name}`)])).toEqual([
    ['www-web-0', ['StatefulSet/web']], ['www-web-1', ['Pod/web-1']],
  ]);
  expect(h.state.get('PersistentVolumeClaim', 'default', 'www-web-1')!.ownerReferences[0].uid).toBe(web1.uid);
  expect(f.pods.deletes).toEqual(['web-1']);
  expect(f.recorder.reasons()).toEqual(['SuccessfulUpdate', 'SuccessfulDelete']);
  expect(set.spec.persistentVolumeClaimRetentionPolicy.whenScaled).toBe('Delete');
});

test('Parallel creation stops after the slow-start batch that failed (slowStartBatch)', () => {
  const { h, f, controller } = setup({ replicas: 7, extra: { podManagementPolicy: 'Parallel' }, reasons: [] });
  // batches: {web-0}, {web-1, web-2}, {web-3..web-6}; web-1 fails → web-2 still tried, web-3.. not.
  f.pods.createError = (d) => (d.name === 'web-1' ? apiError('InternalError', 'boom') : undefined);
  expect(() => controller.sync('default/web', h.now)).toThrow('boom');
  expect(f.pods.createdNames).toEqual(['web-0', 'web-2']);
  expect(f.recorder.reasons()).toEqual(['SuccessfulCreate', 'FailedCreate', 'SuccessfulCreate']);
});

test('keysFor maps the set and its pods to the set key, ignores others', () => {
  const { h, set, controller } = setup({ replicas: 1, pods: { 0: 'R' }, reasons: [] });
  const pod = h.state.get('Pod', 'default', 'web-0')!;
  expect(controller.keysFor({ type: 'Modified', object: set, atMs: 0 })).toEqual(['default/web']);
  expect(controller.keysFor({ type: 'Modified', object: pod, atMs: 0 })).toEqual(['default/web']);
  const stray = h.add({ ...newPodDraft(set, set.spec.template, 9, 'x'), ownerReferences: [] } as Draft<SimPod>);
  // adoption (controller-ref-manager.ts): addPod syncs the sets whose selector matches an orphan.
  expect(controller.keysFor({ type: 'Added', object: stray, atMs: 0 })).toEqual(['default/web']);
  const other = h.add({ ...newPodDraft(set, set.spec.template, 8, 'x'), labels: { app: 'other' }, ownerReferences: [] } as Draft<SimPod>);
  expect(controller.keysFor({ type: 'Added', object: other, atMs: 0 })).toEqual([]);
});
