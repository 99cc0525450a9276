/**
 * The 1.27 API server admits a StatefulSet whose pod template breaks ValidatePodSpec
 * (`pkg/apis/apps/validation/validation.go#ValidatePodTemplateSpecForStatefulSet` leaves the
 * template validation as a TODO); the controller's pod creates then fail: Warning FailedCreate
 * `create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: …`
 * (`pkg/controller/statefulset/stateful_pod_control.go#recordPodEvent`), no pods, and retries with
 * the work queue's exponential back-off.
 */
import { validate } from '../../../lib/apiserver/validate';
import { podInvalidMessage, podSpecCreateErrors } from '../../../lib/apiserver/pod-create';
import { simulate } from '../../../lib/simulator';

const sts = (container: string, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - ${container}
${extra}`;

const BAD_PORT = '{name: app, image: "nginx:1.25", ports: [{name: http-metrics-port, containerPort: 8080}]}';

test.each<[string, string, string, string]>([
  ['a port name over 15 characters', BAD_PORT, '',
    'spec.containers[0].ports[0].name: Invalid value: "http-metrics-port": must be no more than 15 characters'],
  ['an env var name that is not a C identifier', '{name: app, image: "nginx:1.25", env: [{name: 1ABC, value: x}]}', '',
    'spec.containers[0].env[0].name: Invalid value: "1ABC"'],
  ['a mount of a volume that does not exist', '{name: app, image: "nginx:1.25", volumeMounts: [{name: data, mountPath: /data}]}', '',
    'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
])('%s: admitted with a warning, then FailedCreate with the server message and no pods', (_n, container, extra, error) => {
  const manifest = sts(container, extra);
  const v = validate(manifest);
  expect(v.valid).toBe(true);
  expect(v.notices.map((n) => n.message).join('\n')).toContain('the controller cannot create its pods (FailedCreate)');
  const r = simulate(manifest, 'until: 1m');
  expect(r.report.pods).toEqual([]);
  const failed = r.events({ reason: 'FailedCreate' });
  expect(failed.length).toBeGreaterThan(3);
  expect(failed[0].message.startsWith('create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: ')).toBe(true);
  expect(failed[0].message).toContain(error);
  // No hint of ours in the server's message.
  expect(failed[0].message).not.toContain(';');
  // The work queue's back-off: the gaps between retries grow.
  const times = failed.map((e) => Date.parse(e.time));
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[0]);
});

test('claims are created before the pod create fails (CreateStatefulPod creates the PVCs first)', () => {
  const manifest = sts(BAD_PORT, `  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
  const r = simulate(manifest, 'until: 10s');
  expect(r.report.pods).toEqual([]);
  expect(r.report.persistentVolumeClaims.map((c) => c.name)).toEqual(['www-web-0']);
});

test('a valid template is unaffected', () => {
  const r = simulate(sts('{name: app, image: "nginx:1.25"}'), 'until: 1m');
  expect(r.events({ reason: 'FailedCreate' })).toEqual([]);
  expect(r.report.pods.map((p) => p.name)).toEqual(['web-0', 'web-1']);
});

test('podInvalidMessage aggregates several errors as ErrorList.ToAggregate', () => {
  const errors = podSpecCreateErrors({ containers: [{ name: 'a', image: 'x', ports: [{ name: 'UPPER', containerPort: 70000 }] }] });
  expect(errors.length).toBeGreaterThan(1);
  expect(podInvalidMessage('web-0', errors)).toMatch(/^Pod "web-0" is invalid: \[spec\.containers\[0\]\.ports\[0\]/);
  expect(podInvalidMessage('web-0', errors.slice(0, 1))).not.toContain('[spec');
});
