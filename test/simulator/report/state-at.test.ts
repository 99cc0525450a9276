/**
 * renderStateAt in process: printPod's RESTARTS `n (age ago)` for a container restarted in place,
 * and `-A` with a NAMESPACE column when the objects span namespaces.
 */
import { simulate } from '../../../lib/simulator';
import { renderStateAt, podRestarts } from '../../../lib/simulator/report/state-at';

const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: flaky, namespace: batch }
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{ name: w, image: busybox }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: agent }] }
`;

test('a container restarted in place: RESTARTS "1 (4s ago)" since its last run ended; -A and NAMESPACE across namespaces', () => {
  // first run 1 s → 11 s exits 1; restarted at once (OnFailure); at 15 s the second run is going
  const r = simulate(JOB, 'until: 15s\npods:\n  - match: { job: flaky }\n    runFor: 10s\n    exitCode: [1, 0]\n');
  const s = r.simulation;
  const pod = s.state.list('Pod', 'batch')[0];
  expect(pod.restarts).toBe(1);
  expect(podRestarts(pod, 15_000)).toBe('1 (4s ago)');
  const text = renderStateAt({ cluster: s.state, events: s.trace.events, startEpochMs: r.scenario.startEpochMs, atMs: 15_000, namespace: 'default', seed: 1 });
  expect(text).toContain('$ kubectl get pods -o wide -A\nNAMESPACE   NAME');
  expect(text).toMatch(/\nbatch\s+flaky-\w{5}\s+\S+\s+\S+\s+1 \(4s ago\)/);
  expect(text).toMatch(/\$ kubectl get daemonsets -A\nNAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\ndefault\s+agent\s+3\s+3\s+3\s+3\s+3\s+<none>\s+15s\n/);
  expect(text).toContain('$ kubectl get cronjobs -A\nNo resources found\n');
});

test('printPod RESTARTS without a last termination is the bare count', () => {
  const r = simulate(JOB, 'until: 30s\npods:\n  - match: { job: flaky }\n    runFor: 10s\n    exitCode: [0]\n');
  expect(podRestarts(r.simulation.state.list('Pod', 'batch')[0], 30_000)).toBe('0');
});
