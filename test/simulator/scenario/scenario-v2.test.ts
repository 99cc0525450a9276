/** Scenario language v2: the additions to DESIGN.md's scenario format (parsing and running). */
import { simulate } from '../../../lib/simulator';
import { parseScenario } from '../../../lib/simulator/scenario/parse-scenario';
import { ScenarioError } from '../../../lib/simulator/scenario/scenario-error';

const errorsOf = (text: string): string[] => {
  try {
    parseScenario(text, 'sc.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => i.message);
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

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
