/**
 * apps validation.go#ValidatePodTemplateSpecForStatefulSet (1.27) does not validate the pod spec:
 * a StatefulSet whose template has no containers (or a missing image) is admitted with a warning,
 * and each pod create the controller makes fails with the server's ValidatePodSpec message
 * (`spec.containers: Required value`), recorded as Warning FailedCreate; no pod runs.
 */
import { validate } from '../../lib/apiserver/validate';
import { podSpecCreateErrors } from '../../lib/apiserver/pod-create';
import { simulate } from '../../lib/simulator';

const sts = (podSpec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: ${podSpec}
`;

test.each([
  ['no containers', '{containers: []}', 'spec.containers: Required value'],
  ['a container without image', '{containers: [{name: app}]}', 'spec.containers[0].image: Required value'],
])('accepts a StatefulSet template with %s, warning that its pod creates fail', (_what, podSpec, error) => {
  const v = validate(sts(podSpec));
  expect(v.issues).toEqual([]);
  expect(v.notices.map((n) => n.message).join('\n')).toContain('the controller cannot create its pods (FailedCreate)');
  const r = simulate(sts(podSpec), { until: '10s' });
  const failed = r.events({ reason: 'FailedCreate' });
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0].message).toContain(error);
});

test('fails a pod create without containers (validateContainers: Required)', () => {
  expect(podSpecCreateErrors({ containers: [] })).toContain('spec.containers: Required value');
  expect(podSpecCreateErrors({ containers: [{ name: 'a', image: 'nginx' }] })).toEqual([]);
});

test('fails a DaemonSet template without containers at create (its template is validated)', () => {
  const ds = sts('{containers: []}').replace('kind: StatefulSet', 'kind: DaemonSet').replace('  replicas: 1\n', '');
  expect(validate(ds).issues.map((i) => i.path)).toContain('spec.template.spec.containers');
});
