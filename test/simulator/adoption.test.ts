/**
 * Pre-existing pods and claims: adoption and release (lib/simulator/controllers/controller-ref-manager.ts,
 * a port of `pkg/controller/controller_ref_manager.go#ClaimPods`), per controller.
 */
import { simulate } from '../../lib/simulator';
import { faultInjectorOf } from '../../lib/simulator/cluster/fault-injection';
import type { SimulationResult } from '../../lib/simulator';

const web = (extra = '') => `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.25 }] }
  volumeClaimTemplates:
    - metadata: { name: www }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
${extra}`;
const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  updateStrategy: { type: OnDelete }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: busybox }] }
`;
const batch = `
apiVersion: batch/v1
kind: Job
metadata: { name: batch }
spec:
  manualSelector: true
  selector: { matchLabels: { app: batch } }
  completions: 2
  template:
    metadata: { labels: { app: batch } }
    spec:
      restartPolicy: Never
      containers: [{ name: app, image: busybox }]
`;
const pod = (name: string, labels: string, spec = '') => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: ${labels} }
spec: { containers: [{ name: a, image: busybox:old }]${spec} }
`;
const claim = (name: string) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

/** `<ms since start> <object> <reason> <message>` of the controllers' events (not the kubelet's or scheduler's). */
function controllerEvents(r: SimulationResult): string[] {
  const start = Date.parse(r.report.start);
  return r.report.events.filter((e) => e.object.kind !== 'Pod')
    .map((e) => `${Date.parse(e.time) - start} ${e.object.kind}/${e.object.name} ${e.reason} ${e.message}`);
}

/** Live pods as `name owner` (`-` for none). */
function owners(r: SimulationResult): string[] {
  return r.simulation.state.list('Pod').map((p) => `${p.name} ${p.ownerReferences.filter((o) => o.controller).map((o) => `${o.kind}/${o.name}`).join(',') || '-'}`);
}

describe('StatefulSet (getPodsForStatefulSet: ClaimPods filtered by isMemberOf)', () => {
  test('adopts a matching orphan named like an ordinal, deletes an adopted one out of range, ignores a matching pod that is not a member', () => {
    const r = simulate(web() + pod('web-0', '{ app: web }') + pod('web-7', '{ app: web }') + pod('other', '{ app: web }'), 'until: 1m');
    expect(controllerEvents(r)).toEqual([
      // web-0 is adopted, so it is not created; it is Pending, so its missing claim is created (createMissingPersistentVolumeClaims).
      '0 StatefulSet/web SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      '5000 StatefulSet/web SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      '5000 StatefulSet/web SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      // web-7 is a member (getParentNameAndOrdinal) beyond replicas: condemned once the others are Ready.
      '10000 StatefulSet/web SuccessfulDelete delete Pod web-7 in StatefulSet web successful',
      // web-0 has no controller-revision-hash: not the update revision, so the rolling update replaces it.
      '11000 StatefulSet/web SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
      '12000 StatefulSet/web SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);
    expect(owners(r)).toEqual(['other -', 'web-1 StatefulSet/web', 'web-0 StatefulSet/web']);
  });

  test('uses a pre-existing claim named like its template claim instead of creating one', () => {
    const r = simulate(web() + claim('www-web-1'), 'until: 30s');
    expect(controllerEvents(r).filter((e) => e.includes('Claim'))).toEqual(['0 StatefulSet/web SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success']);
    expect(r.simulation.state.get('PersistentVolumeClaim', 'default', 'www-web-1')!.ownerReferences).toEqual([]);
  });

  // updateClaimOwnerRefs (StatefulSetAutoDeletePVC, beta and on in 1.27), for a claim of a pod in range.
  test.each([
    ['whenDeleted: Delete', '{ whenDeleted: Delete, whenScaled: Retain }', ['StatefulSet/web']],
    ['both Delete', '{ whenDeleted: Delete, whenScaled: Delete }', ['StatefulSet/web']],
    ['whenScaled: Delete only (the pod is not scaled down)', '{ whenDeleted: Retain, whenScaled: Delete }', []],
  ])('a pre-existing claim gets the owner references of the retention policy: %s', (_what, policy, expected) => {
    const r = simulate(web(`  persistentVolumeClaimRetentionPolicy: ${policy}\n`) + claim('www-web-1'), 'until: 30s');
    const set = r.simulation.state.get('StatefulSet', 'default', 'web')!;
    const refs = r.simulation.state.get('PersistentVolumeClaim', 'default', 'www-web-1')!.ownerReferences;
    expect(refs.map((o) => `${o.kind}/${o.name}`)).toEqual(expected);
    expect(refs.every((o) => o.uid === set.uid)).toBe(true);
  });

  test('releases a pod whose labels stop matching; its name is then taken (FailedCreate AlreadyExists, retried with back-off)', () => {
    const r = simulate(web(), 'until: 70s\nsteps:\n  - { at: 1m, patch: { kind: Pod, name: web-1, patch: { metadata: { labels: { app: debug } } } } }');
    expect(owners(r)).toEqual(['web-0 StatefulSet/web', 'web-1 -']);
    const failed = controllerEvents(r).filter((e) => e.includes('FailedCreate'));
    expect(failed[0]).toBe('60000 StatefulSet/web FailedCreate create Pod web-1 in StatefulSet web failed error: pods "web-1" already exists');
    // DefaultControllerRateLimiter: the first failure's retry waits 5 ms; the status write's immediate
    // resync (at 0) fails too and waits 10 ms, but the earlier waiting entry wins (client-go
    // delaying_queue.go keeps the earlier ready time), so the attempts run at 0, 5, 25, 65, 145 ms.
    expect(failed.map((e) => Number(e.split(' ')[0]) - 60000).slice(1, 6)).toEqual([0, 5, 25, 65, 145]);
  });
});

describe('DaemonSet (getDaemonPods: ClaimPods)', () => {
  test('adopts orphans on a node and keeps the first of podByCreationTimestampAndPhase (same time → by name), deleting the excess', () => {
    const r = simulate(agent + pod('old-b', '{ app: agent }', ', nodeName: worker2') + pod('old-a', '{ app: agent }', ', nodeName: worker2'), 'until: 1m');
    expect(controllerEvents(r)).toEqual([
      '0 DaemonSet/agent SuccessfulCreate Created pod: agent-hl4s4',
      '0 DaemonSet/agent SuccessfulCreate Created pod: agent-x5xnn',
      '0 DaemonSet/agent SuccessfulDelete Deleted pod: old-b',
    ]);
    expect(owners(r)).toEqual(['old-a DaemonSet/agent', 'agent-hl4s4 DaemonSet/agent', 'agent-x5xnn DaemonSet/agent']);
  });

  test('an orphan relabelled to match is adopted (updatePod: orphan whose labels changed → matching DaemonSets synced)', () => {
    const r = simulate(agent + pod('stray', '{ app: other }', ', nodeName: worker1'), 'until: 2m\nsteps:\n  - { at: 1m, patch: { kind: Pod, name: stray, patch: { metadata: { labels: { app: agent } } } } }');
    const stray = r.simulation.state.get('Pod', 'default', 'stray');
    // worker1 already had agent-hl4s4 (created at 0): both are adopted pods on one node; same time → by name, agent-hl4s4 is kept.
    expect(controllerEvents(r).slice(3)).toEqual(['60000 DaemonSet/agent SuccessfulDelete Deleted pod: stray']);
    expect(stray === undefined || stray.deletionMs !== null).toBe(true);
  });

  test('releases a pod whose labels stop matching and creates a replacement on its node', () => {
    const r = simulate(agent, 'until: 2m\nsteps:\n  - { at: 1m, patch: { kind: Pod, name: "agent-hl4s4", patch: { metadata: { labels: { app: debug } } } } }');
    expect(controllerEvents(r).slice(3)).toEqual(['60000 DaemonSet/agent SuccessfulCreate Created pod: agent-n9lnt']);
    expect(owners(r)).toContain('agent-hl4s4 -');
    expect(r.simulation.state.get('Pod', 'default', 'agent-n9lnt')!.nodeName).toBe(r.simulation.state.get('Pod', 'default', 'agent-hl4s4')!.nodeName);
  });
});

describe('Job (getPodsForJob: ClaimPods with the tracking finalizer)', () => {
  test('adopts a matching orphan with the tracking finalizer; it counts toward active, then succeeded', () => {
    const sc = 'pods:\n  - { match: { name: batch-old }, runFor: 5s }';
    const early = simulate(batch + pod('batch-old', '{ app: batch }', ', restartPolicy: Never'), `until: 3s\n${sc}`);
    const adopted = early.simulation.state.get('Pod', 'default', 'batch-old')!;
    expect([adopted.finalizers, adopted.ownerReferences.map((o) => `${o.kind}/${o.name}/${o.controller}/${o.blockOwnerDeletion}`)])
      .toEqual([['batch.kubernetes.io/job-tracking'], ['Job/batch/true/true']]);
    const r = simulate(batch + pod('batch-old', '{ app: batch }', ', restartPolicy: Never'), `until: 1m\n${sc}`);
    // parallelism 1: the adopted pod is the active one, so the Job creates its second pod only after it succeeded (6 s).
    expect(controllerEvents(r)).toEqual(['6000 Job/batch SuccessfulCreate Created pod: batch-hl4s4', '18000 Job/batch Completed Job completed']);
    expect(r.report.jobs[0]).toMatchObject({ condition: 'Complete', succeeded: 2, failed: 0 });
  });

  test('releases a pod whose labels stop matching (ownerReference and finalizer removed) and replaces it', () => {
    const r = simulate(batch, 'until: 8s\npods:\n  - { match: { job: batch }, runFor: 1h }\nsteps:\n  - { at: 5s, patch: { kind: Pod, name: "batch-hl4s4", patch: { metadata: { labels: { app: debug } } } } }');
    const released = r.simulation.state.get('Pod', 'default', 'batch-hl4s4')!;
    expect([released.ownerReferences, released.finalizers]).toEqual([[], []]);
    // The pod event reaches the Job after podUpdateBatchPeriod (1 s).
    expect(controllerEvents(r)).toEqual(['0 Job/batch SuccessfulCreate Created pod: batch-hl4s4', '6000 Job/batch SuccessfulCreate Created pod: batch-x5xnn']);
  });

  test('fails the sync when the adoption patch is rejected (getPodsForJob error: nothing created), and the retry adopts it', () => {
    const r = simulate(batch + pod('batch-old', '{ app: batch }', ', restartPolicy: Never'),
      'until: 30s\npods:\n  - { match: { name: batch-old }, runFor: 1h }\nfailRequests:\n  - { verb: update, kind: Pod, name: batch-old, reason: Conflict }');
    // No event for the patch (PatchPod); the failed sync returned before manageJob, so no pod was
    // created for the unclaimed orphan; the next sync adopts it and, with it active, creates none.
    expect(controllerEvents(r)).toEqual([]);
    expect(owners(r)).toEqual(['batch-old Job/batch']);
    expect(faultInjectorOf(r.simulation.state).failures()).toEqual([1]);
  });
});
