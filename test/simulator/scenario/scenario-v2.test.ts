/** Scenario language v2: the additions to DESIGN.md's scenario format (parsing and running). */
import { simulate } from '../../../lib/simulator';
import { parseScenario } from '../../../lib/simulator/scenario/parse-scenario';
import { ScenarioError } from '../../../lib/simulator/scenario/scenario-error';
import { scenarioErrorsOf } from '../../helpers/errors';

const errorsOf = scenarioErrorsOf;

describe('pod profiles: per-container behaviour', () => {
  test('reads `containers` per name (init and main containers)', () => {
    const s = parseScenario(`
pods:
  - match: { job: migrate }
    exitCode: [1, 0]
    containers:
      wait-for-db: { runFor: 20s, exitCode: [1, 1, 0] }
      app: { runFor: forever, readyAfter: never }
`);
    expect(s.pods[0]).toEqual({
      match: { job: 'migrate' }, exitCodes: [1, 0],
      containers: { 'wait-for-db': { runForMs: 20_000, exitCodes: [1, 1, 0] }, 'app': { runForMs: 'forever', readyAfterMs: 'never' } },
    });
  });

  test.each([
    ['a container profile is not a mapping', 'pods:\n  - containers: { app: 5s }', '`pods[0].containers.app`: must be a mapping'],
    ['a container profile has an unknown field', 'pods:\n  - containers: { app: { runfor: 5s } }', 'unknown field `runfor`; did you mean `runFor`?'],
    ['a container exit code is out of range', 'pods:\n  - containers: { app: { exitCode: [1, 256] } }', '`pods[0].containers.app.exitCode`: must be an exit code 0–255'],
    ['a container profile sets startAfter (a pod-level field)', 'pods:\n  - containers: { app: { startAfter: 1s } }', 'unknown field `startAfter`'],
  ])('fails when %s', (_what, text, message) => {
    expect(errorsOf(text).join('\n')).toContain(message);
  });
});

const job = (name: string, extra = '') => `
apiVersion: batch/v1
kind: Job
metadata: { name: ${name} }
spec:
  backoffLimit: 4${extra}
  template:
    spec:
      restartPolicy: Never
      initContainers: [{ name: wait-for-db, image: busybox }]
      containers: [{ name: app, image: my-app:1.2.3 }]
`;

test('seed 003 style: a Job whose wait-for-db init container takes 20 s, whose main container fails twice then succeeds', () => {
  const r = simulate(job('db-migration'), `
until: 10m
pods:
  - match: { job: db-migration }
    runFor: 5s
    exitCode: [1, 1, 0]
    containers: { wait-for-db: { runFor: 20s } }
`);
  expect(r.report.pods.map((p) => p.phase)).toEqual(['Failed', 'Failed', 'Succeeded']);
  // First pod: scheduled 0 s, sandbox 1 s, init 1–21 s, main 21–26 s.
  expect([r.report.pods[0].started, r.report.pods[0].finished]).toEqual(['2024-01-01T00:00:21.000Z', '2024-01-01T00:00:26.000Z'].map((t) => t.replace('.000Z', 'Z')));
  expect(r.report.jobs[0]).toMatchObject({ condition: 'Complete', succeeded: 1, failed: 2 });
});

const web = (namespace?: string) => `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web${namespace ? `, namespace: ${namespace}` : ''} }
spec:
  serviceName: web
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.25 }] }
`;

const failure = (manifests: string, scenario: string): string => {
  try {
    simulate(manifests, scenario);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

describe('pod selectors that match nothing are errors; steps default to the manifests\' one namespace', () => {
  test.each([
    ['a misspelt pod name', web(), 'deletePod: web-O',
      '`steps[0]` (at 1m, delete pod web-O) failed: no live pod matches name "web-O" in namespace "default" (live pods: web-0, web-1); did you mean name `web-0`?'],
    ['a pod that does not exist (yet)', web(), 'failPod: web-5', 'no live pod matches name "web-5" in namespace "default" (live pods: web-0, web-1); did you mean name `web-0`?'],
    ['a misspelt owner', web(), 'evictPod: { owner: StatefulSet/wbe }', 'no live pod matches owner StatefulSet/wbe in namespace "default" (live pods: web-0, web-1); did you mean owner `StatefulSet/web`?'],
    ['a misspelt node', web(), 'setReady: { node: worker9, ready: false }', 'no live pod matches node worker9 in namespace "default"'],
    ['a wrong namespace', web('shop'), 'deletePod: { name: web-0, namespace: shp }', 'namespace "shp" has no pods; did you mean namespace `shop`?'],
  ])('fails when a pod step names %s', (_what, manifests, step, message) => {
    expect(failure(manifests, `steps:\n  - { at: 1m, ${step} }`)).toContain(message);
  });

  test.each([
    ['a misspelt StatefulSet', 'scale: { kind: StatefulSet, name: wbe, replicas: 3 }', 'statefulsets.apps "wbe" not found in namespace "shop"; did you mean `web`?'],
    ['an object in another namespace', 'patch: { kind: StatefulSet, name: web, namespace: default, patch: { spec: { replicas: 1 } } }',
      'not found in namespace "default"; it exists in namespace "shop": add `namespace: shop` to the step'],
  ])('a not-found names the namespace it looked in: %s', (_what, step, message) => {
    expect(failure(web('shop'), `steps:\n  - { at: 1m, ${step} }`)).toContain(message);
  });

  test('steps without a namespace act in the manifests\' namespace when there is only one (fails when they looked in "default")', () => {
    const r = simulate(web('shop'), 'until: 3m\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 3 } }\n  - { at: 2m, deletePod: web-0 }');
    expect(r.report.pods.filter((p) => p.name === 'web-0')).toHaveLength(2);
    expect(r.report.pods.map((p) => p.name)).toContain('web-2');
  });

  test('with manifests in two namespaces, steps use cluster.namespace', () => {
    const two = `${web('a')}---${web('b')}`;
    expect(failure(two, 'steps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 3 } }')).toContain('not found in namespace "default"; it exists in namespace "a", "b"');
    const r = simulate(two, 'until: 2m\ncluster: { namespace: b }\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 3 } }');
    expect(r.report.pods.filter((p) => p.namespace === 'b')).toHaveLength(3);
  });
});

describe('nodeCondition steps', () => {
  test('reads node, type and status (an unquoted YAML True/False is the status)', () => {
    const s = parseScenario('steps:\n  - { at: 1m, nodeCondition: { node: worker1, type: Ready, status: "Unknown" } }\n  - { at: 2m, nodeCondition: { node: worker1, type: Ready, status: True } }');
    expect(s.steps.map((x) => [x.action, x.label])).toEqual([
      [{ type: 'nodeCondition', node: 'worker1', condition: 'Ready', status: 'Unknown' }, 'node worker1 Ready=Unknown'],
      [{ type: 'nodeCondition', node: 'worker1', condition: 'Ready', status: 'True' }, 'node worker1 Ready=True'],
    ]);
  });

  test.each([
    ['the status is misspelt', 'nodeCondition: { node: w, type: Ready, status: Unknwn }', 'must be "True", "False" or "Unknown", got "Unknwn"; did you mean `Unknown`?'],
    ['the type is unknown', 'nodeCondition: { node: w, type: Readdy, status: "False" }', 'did you mean `Ready`?'],
    ['the step is misspelt', 'nodeCondtion: { node: w, type: Ready, status: "False" }', 'unknown step `nodeCondtion`; did you mean `nodeCondition`?'],
  ])('fails when %s', (_what, step, message) => {
    expect(errorsOf(`steps:\n  - { at: 1m, ${step} }`).join('\n')).toContain(message);
  });

  test('a node that is NotReady for 6 minutes loses its StatefulSet pod to taint eviction 300 s after the taint', () => {
    const r = simulate(web(), `
until: 10m
cluster: { nodes: [{ name: w1 }] }
steps:
  - { at: 1m, nodeCondition: { node: w1, type: Ready, status: "False" } }
  - { at: 7m, nodeCondition: { node: w1, type: Ready, status: "True" } }
`);
    expect(r.events({ reason: 'TaintManagerEviction' }).map((e) => [e.time, e.object.name])).toEqual([['2024-01-01T00:06:00Z', 'web-0'], ['2024-01-01T00:06:00Z', 'web-1']]);
    expect(r.events({ kind: 'Node' }).map((e) => `${e.time} ${e.reason}`)).toEqual(['2024-01-01T00:01:00Z NodeNotReady', '2024-01-01T00:07:00Z NodeReady']);
  });
});

describe('termination: stopAfter, terminationGracePeriodSeconds, removeFinalizer', () => {
  test('stopAfter is read as the profile\'s stop time; terminationGrace is its older name; both is an error', () => {
    expect(parseScenario('pods:\n  - { stopAfter: 20s }').pods[0]).toEqual({ terminationGraceMs: 20_000 });
    expect(parseScenario('pods:\n  - { terminationGrace: 5s }').pods[0]).toEqual({ terminationGraceMs: 5000 });
    expect(errorsOf('pods:\n  - { stopAfter: 20s, terminationGrace: 5s }').join('\n')).toContain('`pods[0].terminationGrace`: is the older name of `stopAfter`; give only one of them');
  });

  const held = `
apiVersion: v1
kind: Pod
metadata: { name: legacy, finalizers: [example.com/backup] }
spec:
  terminationGracePeriodSeconds: 10
  containers: [{ name: app, image: nginx:1.25 }]
`;

  test('a pod that needs 60 s is killed at its 10 s grace period, then held by its finalizer until the step removes it', () => {
    const r = simulate(held, `
until: 5m
pods: [{ stopAfter: 60s }]
steps:
  - { at: 1m, deletePod: legacy }
  - { at: 3m, removeFinalizer: { kind: Pod, name: legacy, finalizer: example.com/backup } }
`);
    expect(r.report.pods[0]).toMatchObject({ phase: 'Failed', deleting: '2024-01-01T00:01:00Z', finished: '2024-01-01T00:01:10Z', deleted: '2024-01-01T00:03:00Z' });
  });

  test.each([
    ['the finalizer is not on the pod', 'removeFinalizer: { kind: Pod, name: legacy, finalizer: example.com/other }', 'has no finalizer "example.com/other" (finalizers: example.com/backup)'],
    ['removeFinalizer has an unknown field', 'removeFinalizer: { kind: Pod, name: legacy, finaliser: x }', 'unknown field `finaliser`; did you mean `finalizer`?'],
  ])('fails when %s', (_what, step, message) => {
    expect(failure(held, `steps:\n  - { at: 1m, ${step} }`)).toContain(message);
  });
});
