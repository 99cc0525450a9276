/**
 * `failRequests`: injected API errors (lib/simulator/cluster/fault-injection.ts) — parsing, the API
 * server's wording, and each controller's FailedCreate events and retry back-off.
 */
import { simulate } from '../../../lib/simulator';
import { FaultInjector, faultError, faultInjectorOf } from '../../../lib/simulator/cluster/fault-injection';
import { parseScenario } from '../../../lib/simulator/scenario/parse-scenario';
import { scenarioErrorsOf } from '../../helpers/errors';

const job = `
apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  completions: 2
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: app, image: busybox }]
`;
const web = (claims = false) => `
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
${claims ? `  volumeClaimTemplates:
    - metadata: { name: www }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
` : ''}`;
const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: busybox }] }
`;
const nightly = `
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: app, image: busybox }]
`;
const QUOTA = 'exceeded quota: compute, requested: pods=1, used: pods=4, limited: pods=4';

/** `<ms since start> <reason> <message>` of the create/delete events. */
function writes(manifests: string, scenario: string, kubernetesVersion?: string): string[] {
  const r = simulate(manifests, scenario, kubernetesVersion ? { kubernetesVersion } : {});
  const start = Date.parse(r.report.start);
  return r.report.events.filter((e) => /^(Successful|Failed)(Create|Delete)$/.test(e.reason))
    .map((e) => `${Date.parse(e.time) - start} ${e.reason} ${e.message}`);
}

describe('parsing', () => {
  test('a step rule starts at the step; a top-level rule at its `at` (default 0); they run before same-time steps', () => {
    const s = parseScenario(`
failRequests:
  - { verb: create, kind: Pod, owner: Job/pi, times: 3, message: "${QUOTA}" }
  - { verb: delete, kind: PersistentVolumeClaim, at: 2m, until: 5m }
steps:
  - { at: 1m, failRequests: { verb: create, kind: Job, owner: CronJob/nightly, reason: InternalError, name: "nightly-*" } }
`);
    expect(s.steps.map((st) => [st.atMs, st.path, st.action])).toEqual([
      [0, 'failRequests[0]', { type: 'failRequests', rule: { verb: 'create', kind: 'Pod', owner: 'Job/pi', times: 3, reason: 'Forbidden', message: QUOTA } }],
      [120_000, 'failRequests[1]', { type: 'failRequests', rule: { verb: 'delete', kind: 'PersistentVolumeClaim', times: 'always', reason: 'Forbidden', untilMs: 300_000 } }],
      [60_000, undefined, { type: 'failRequests', rule: { verb: 'create', kind: 'Job', owner: 'CronJob/nightly', name: 'nightly-*', times: 1, reason: 'InternalError' } }],
    ]);
    expect(s.steps[0].label).toBe('fail create Pod by Job/pi 3 times (Forbidden)');
    expect(s.steps[1].label).toBe('fail delete PersistentVolumeClaim every time until 5m (Forbidden)');
  });

  test.each([
    ['a field is misspelt', 'failRequests:\n  - { verb: create, kind: Pod, time: 3 }', '`failRequests[0].time`: unknown field `time`; did you mean `times`?'],
    ['the verb is misspelt', 'failRequests:\n  - { verb: crate, kind: Pod }', '`failRequests[0].verb`: must be one of create, update, delete, got "crate"; did you mean `create`?'],
    ['the kind is not written by a controller', 'failRequests:\n  - { verb: create, kind: Service }', '`failRequests[0].kind`: must be one of Pod, PersistentVolumeClaim, Job, got "Service"'],
    ['the verb is never used on the kind', 'failRequests:\n  - { verb: update, kind: Job }', '`failRequests[0].verb`: the controllers never update a Job (verbs for Job: create, delete)'],
    ['the owner is not Kind/name', 'failRequests:\n  - { verb: create, kind: Pod, owner: pi }', '`failRequests[0].owner`: must be "Kind/name"'],
    ['times is 0', 'failRequests:\n  - { verb: create, kind: Pod, times: 0 }', '`failRequests[0].times`: must be an integer ≥ 1 or "always", got 0'],
    ['until is not after at', 'failRequests:\n  - { verb: create, kind: Pod, at: 5m, until: 2m }', '`failRequests[0].until`: is at 2m, not after the rule starts (5m)'],
    ['until is not a time', 'failRequests:\n  - { verb: create, kind: Pod, until: soon }', '`failRequests[0].until`: must be a duration from start'],
    ['the reason is not modelled', 'failRequests:\n  - { verb: create, kind: Pod, reason: Forbiden }', 'must be one of Forbidden, InternalError, Conflict, got "Forbiden"; did you mean `Forbidden`?'],
    ['a top-level rule starts after until', 'until: 10m\nfailRequests:\n  - { verb: create, kind: Pod, at: 1h }', '`failRequests[0].at`: is at 1h, after the scenario\'s `until` (10m)'],
    ['a step rule sets its own at', 'steps:\n  - { at: 1m, failRequests: { verb: create, kind: Pod, at: 2m } }', '`steps[0].failRequests.at`: unknown field `at`'],
    ['the step is misspelt', 'steps:\n  - { at: 1m, failRequest: { verb: create, kind: Pod } }', 'unknown step `failRequest`; did you mean `failRequests`?'],
    ['failRequests is not a list', 'failRequests: { verb: create, kind: Pod }', '`failRequests`: must be a list'],
  ])('fails when %s', (_what, text, message) => {
    expect(scenarioErrorsOf(text).join('\n')).toContain(message);
  });
});

describe('the API server\'s wording', () => {
  const ns = { namespace: 'default', controller: 'job-controller' };
  test.each([
    // apierrors.NewForbidden via admission.NewForbidden; the quota plugin's checkRequest words the cause.
    ['Forbidden create (quota)', { verb: 'create', kind: 'Pod', reason: 'Forbidden', message: QUOTA }, 'pi-x7k2p', `pods "pi-x7k2p" is forbidden: ${QUOTA}`],
    ['Forbidden create, default message (a quota of 0)', { verb: 'create', kind: 'Job', reason: 'Forbidden' }, 'nightly-1',
      'jobs.batch "nightly-1" is forbidden: exceeded quota: scenario-quota, requested: count/jobs.batch=1, used: count/jobs.batch=0, limited: count/jobs.batch=0'],
    // The RBAC authorizer's reason, for the controller's service account (--use-service-account-credentials).
    ['Forbidden delete, default message (RBAC)', { verb: 'delete', kind: 'Pod', reason: 'Forbidden' }, 'pi-1',
      'pods "pi-1" is forbidden: User "system:serviceaccount:kube-system:job-controller" cannot delete resource "pods" in API group "" in the namespace "default"'],
    ['Forbidden delete of a Job (RBAC, group batch)', { verb: 'delete', kind: 'Job', reason: 'Forbidden' }, 'j',
      'jobs.batch "j" is forbidden: User "system:serviceaccount:kube-system:job-controller" cannot delete resource "jobs" in API group "batch" in the namespace "default"'],
    // apierrors.NewInternalError.
    ['InternalError', { verb: 'create', kind: 'PersistentVolumeClaim', reason: 'InternalError' }, 'www-web-0', 'Internal error occurred: etcdserver: request timed out'],
    // apierrors.NewConflict.
    ['Conflict', { verb: 'update', kind: 'Pod', reason: 'Conflict' }, 'web-0',
      'Operation cannot be fulfilled on pods "web-0": the object has been modified; please apply your changes to the latest version and try again'],
  ] as const)('%s', (_what, rule, name, message) => {
    const e = faultError(rule, ns, name);
    expect([e.reason, e.message]).toEqual([rule.reason, message]);
  });
});

describe('each controller records FailedCreate and retries with its queue\'s rate limiter (times: 3 → three failures, then success)', () => {
  // Times are ms since start. A failed sync is retried after the registration's rate limiter
  // (client-go ItemExponentialFailureRateLimiter: base · 2^(failures − 1)). Where the failed sync also
  // wrote the object's status (Job startTime, StatefulSet/DaemonSet status), that write re-enqueues
  // the key at once (the update handlers), so the second attempt follows the first at the same instant.
  // That second failure asks for a longer delay, but the delaying queue keeps the first failure's
  // earlier waiting entry (client-go delaying_queue.go: an entry already waiting keeps the earlier
  // ready time), so the third attempt comes base · 1 after the start and the next base · 4 after that.
  test.each([
    ['Job (RealPodControl `Error creating: <err>`; job queue 10 s · 2^n, max 360 s; slow start stops after a failed batch)',
      job, 'Pod', 'Job/pi', [
        '0 FailedCreate Error creating: pods "pi-bdshs" is forbidden: QUOTA',
        '0 FailedCreate Error creating: pods "pi-sw9pc" is forbidden: QUOTA',
        '10000 FailedCreate Error creating: pods "pi-4n6ph" is forbidden: QUOTA',
        '50000 SuccessfulCreate Created pod: pi-hl4s4',
        '50000 SuccessfulCreate Created pod: pi-x5xnn',
      ]],
    ['StatefulSet (recordPodEvent `create Pod web-0 in StatefulSet web failed error: <err>`; DefaultControllerRateLimiter 5 ms · 2^n)',
      web(), 'Pod', 'StatefulSet/web', [
        '0 FailedCreate create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: QUOTA',
        '0 FailedCreate create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: QUOTA',
        '5 FailedCreate create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: QUOTA',
        '25 SuccessfulCreate create Pod web-0 in StatefulSet web successful',
        '5025 SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      ]],
    ['DaemonSet (RealPodControl; syncNodes slow start stops after a failed batch; DefaultControllerRateLimiter)',
      agent, 'Pod', 'DaemonSet/agent', [
        '0 FailedCreate Error creating: pods "agent-bdshs" is forbidden: QUOTA',
        '0 FailedCreate Error creating: pods "agent-sw9pc" is forbidden: QUOTA',
        '5 FailedCreate Error creating: pods "agent-4n6ph" is forbidden: QUOTA',
        '25 SuccessfulCreate Created pod: agent-hl4s4',
        '25 SuccessfulCreate Created pod: agent-x5xnn',
        '25 SuccessfulCreate Created pod: agent-vtskc',
      ]],
    ['CronJob (syncCronJob `Error creating job: <err>`, no status write, so 5, 10, 20 ms after the 5m tick + 100 ms)',
      nightly, 'Job', 'CronJob/nightly', [
        '300100 FailedCreate Error creating job: jobs.batch "nightly-28401125" is forbidden: QUOTA',
        '300105 FailedCreate Error creating job: jobs.batch "nightly-28401125" is forbidden: QUOTA',
        '300115 FailedCreate Error creating job: jobs.batch "nightly-28401125" is forbidden: QUOTA',
        '300135 SuccessfulCreate Created job nightly-28401125',
        '300135 SuccessfulCreate Created pod: nightly-28401125-hl4s4',
      ]],
  ])('%s', (_what, manifests, kind, owner, expected) => {
    const got = writes(manifests, `until: 6m\nfailRequests:\n  - { verb: create, kind: ${kind}, owner: "${owner}", times: 3, message: "${QUOTA}" }`);
    expect(got.slice(0, expected.length)).toEqual(expected.map((l) => l.replace('QUOTA', QUOTA)));
  });

  test('Job from 1.28: the queue retries API errors after DefaultJobApiBackOff 1 s · 2^n (up to MaxJobApiBackOff 1 min), not 10 s', () => {
    const rule = `until: 2m\nfailRequests:\n  - { verb: create, kind: Pod, owner: "Job/pi", times: 3, message: "${QUOTA}" }`;
    const times = (v?: string) => writes(job, rule, v).map((l) => Number(l.split(' ')[0]));
    expect(times('1.27').slice(0, 4)).toEqual([0, 0, 10_000, 50_000]);
    expect(times('1.28').slice(0, 4)).toEqual([0, 0, 1_000, 5_000]);
  });
});

describe('other verbs and kinds', () => {
  test('StatefulSet: a rejected claim fails the pod create too (createPersistentVolumeClaims → recordClaimEvent, then recordPodEvent)', () => {
    const got = writes(web(true), 'until: 1m\nfailRequests:\n  - { verb: create, kind: PersistentVolumeClaim, name: www-web-1 }');
    const err = 'persistentvolumeclaims "www-web-1" is forbidden: exceeded quota: scenario-quota, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=0, limited: persistentvolumeclaims=0';
    expect(got.slice(2)).toEqual([
      `5000 FailedCreate create Claim www-web-1 for Pod web-1 in StatefulSet web failed error: ${err}`,
      `5000 FailedCreate create Pod web-1 in StatefulSet web failed error: failed to create PVC www-web-1: ${err}`,
      // times: 1; the status write of the failed sync re-enqueues the set at once, and that sync succeeds.
      '5000 SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      '5000 SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
  });

  test('StatefulSet scale-down: a rejected delete is a FailedDelete, retried (recordPodEvent "delete")', () => {
    const got = writes(web(), 'until: 2m\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 1 } }\n  - { at: 1m, failRequests: { verb: delete, kind: Pod, owner: StatefulSet/web, times: 2 } }');
    expect(got.slice(2)).toEqual([
      '60000 FailedDelete delete Pod web-1 in StatefulSet web failed error: pods "web-1" is forbidden: User "system:serviceaccount:kube-system:statefulset-controller" cannot delete resource "pods" in API group "" in the namespace "default"',
      '60000 FailedDelete delete Pod web-1 in StatefulSet web failed error: pods "web-1" is forbidden: User "system:serviceaccount:kube-system:statefulset-controller" cannot delete resource "pods" in API group "" in the namespace "default"',
      // Two failures (the second from the status write's immediate resync): the first one's 5 ms retry wins.
      '60005 SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  test('owner matches up the owner chain: CronJob/nightly fails its Jobs\' pod creates, only inside [at, until)', () => {
    const got = writes(nightly, 'until: 11m\nfailRequests:\n  - { verb: create, kind: Pod, owner: CronJob/nightly, reason: InternalError, at: 4m, until: 5m1s }');
    expect(got).toEqual([
      '300100 SuccessfulCreate Created job nightly-28401125',
      '300100 FailedCreate Error creating: Internal error occurred: etcdserver: request timed out',
      '300100 FailedCreate Error creating: Internal error occurred: etcdserver: request timed out',
      // Window over: the first failure's retry, 10 s later, succeeds; the 10m Job is not affected.
      '310100 SuccessfulCreate Created pod: nightly-28401125-hl4s4',
      '600100 SuccessfulCreate Created job nightly-28401130',
      '600100 SuccessfulCreate Created pod: nightly-28401130-x5xnn',
    ]);
  });

  test('a rule without a namespace acts in the steps\' namespace (the manifests\' one); another namespace does not match', () => {
    const shop = job.replace('metadata: { name: pi }', 'metadata: { name: pi, namespace: shop }');
    const rule = (ns: string) => `until: 1m\nfailRequests:\n  - { verb: create, kind: Pod, owner: Job/pi${ns} }`;
    expect(writes(shop, rule('')).filter((w) => w.includes('FailedCreate'))).toHaveLength(1);
    expect(writes(shop, rule(', namespace: default')).filter((w) => w.includes('FailedCreate'))).toHaveLength(0);
  });

  test('a rule that matches nothing leaves the run byte-identical (rejected names come from a generator of their own)', () => {
    const plain = JSON.stringify(simulate(job, 'until: 3m').report);
    const other = JSON.stringify(simulate(job, 'until: 3m\nfailRequests:\n  - { verb: create, kind: Pod, owner: Job/other, times: always }').report);
    expect(other).toBe(plain);
  });

  test('the injector counts per rule, tries rules in order and honours name globs and the window', () => {
    let now = 0;
    const f = new FaultInjector({ nowMs: () => now, byUid: () => undefined });
    f.add({ verb: 'create', kind: 'Pod', name: 'web-1', times: 2, reason: 'Forbidden', fromMs: 0 });
    f.add({ verb: 'create', kind: 'Pod', times: 'always', reason: 'Conflict', fromMs: 10, untilMs: 20 });
    const req = (name: string) => f.check({ verb: 'create', kind: 'Pod', namespace: 'default', name, owner: null })?.reason;
    expect([req('web-0'), req('web-1'), req('web-1'), req('web-1')]).toEqual([undefined, 'Forbidden', 'Forbidden', undefined]);
    now = 15;
    expect([req('web-0'), req('web-1')]).toEqual(['Conflict', 'Conflict']);
    now = 20;
    expect(req('web-0')).toBeUndefined();
    expect(f.failures()).toEqual([2, 2]);
  });
});

describe('the steady-state fast-forward', () => {
  const options = { keepDeleted: 10, maxEvents: 200 };
  // 2024-01-01T12:00Z is minute 28401840 since the epoch: the Job of the 12:00 tick, inside what a
  // fast-forward of the day would skip (its events are later dropped by maxEvents; the counts stay).
  const scenario = 'until: 1d\nfailRequests:\n  - { verb: create, kind: Job, owner: CronJob/nightly, name: nightly-28401840, reason: InternalError }';

  test('does not skip periods while a rule is armed: the run equals a full replay (fails when a skip jumps over the rule)', () => {
    const fast = simulate(nightly, scenario, options);
    const full = simulate(nightly, scenario, { ...options, fastForward: false });
    expect(faultInjectorOf(fast.simulation.state).failures()).toEqual([1]);
    expect([JSON.stringify(fast.report), fast.dropped]).toEqual([JSON.stringify(full.report), full.dropped]);
  });

  test('skips once the rules are used up, with the same outcome as a full replay', () => {
    const early = scenario.replace('nightly-28401840', 'nightly-28401130'); // the 00:10 tick
    const r = simulate(nightly, early, options);
    expect(r.simulation.fastForwarded?.periods).toBeGreaterThan(0);
    const full = simulate(nightly, early, { ...options, fastForward: false });
    expect([JSON.stringify(r.report), r.dropped]).toEqual([JSON.stringify(full.report), full.dropped]);
  });
});
