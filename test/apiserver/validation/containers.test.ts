import { check, job, messages, pod, Row } from './helpers';

const P = 'spec.containers[0]';
const port = (p: Record<string, unknown>) => pod({}, { ports: [p] });

// Ported from validation_test.go#TestValidatePorts (success and error cases).
describe('validation.go#validateContainerPorts', () => {
  test.each<Row>([
    ['name abc with hostPort', port({ name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' }), undefined],
    ['name easy', port({ name: 'easy', containerPort: 82, protocol: 'TCP' }), undefined],
    ['name as, UDP', port({ name: 'as', containerPort: 83, protocol: 'UDP' }), undefined],
    ['name do-re-me', port({ name: 'do-re-me', containerPort: 84, protocol: 'UDP' }), undefined],
    ['no name, protocol defaulted', port({ containerPort: 85 }), undefined],
    ['hostPort 0 is unset', port({ containerPort: 85, hostPort: 0 }), undefined],
    ['name > 15 characters', port({ name: 'a'.repeat(16), containerPort: 80 }), `${P}.ports[0].name`],
    ['name not a IANA svc name', port({ name: 'a.b.c', containerPort: 80 }), `${P}.ports[0].name`],
    ['name not a IANA svc name (a number)', port({ name: '80', containerPort: 80 }), `${P}.ports[0].name`],
    ['name with a double hyphen', port({ name: 'a--b', containerPort: 80 }), `${P}.ports[0].name`],
    ['name with a leading hyphen', port({ name: '-ab', containerPort: 80 }), `${P}.ports[0].name`],
    ['zero container port', port({ containerPort: 0 }), `${P}.ports[0].containerPort`],
    ['invalid container port', port({ containerPort: 65536 }), `${P}.ports[0].containerPort`],
    ['invalid host port', port({ containerPort: 80, hostPort: 65536 }), `${P}.ports[0].hostPort`],
    ['negative host port', port({ containerPort: 80, hostPort: -1 }), `${P}.ports[0].hostPort`],
    ['invalid protocol case', port({ containerPort: 80, protocol: 'tcp' }), `${P}.ports[0].protocol`],
    ['invalid protocol', port({ containerPort: 80, protocol: 'ICMP' }), `${P}.ports[0].protocol`],
    ['name not unique', pod({}, { ports: [{ name: 'abc', containerPort: 80 }, { name: 'abc', containerPort: 81 }] }), `${P}.ports[1].name`],
  ])('%s', (_what, m, path) => check(m, path));

  test('worded as the API server words it, then a hint', () => {
    const [msg] = messages(job({}, { ports: [{ name: 'http-metrics-port', containerPort: 9090 }] }));
    expect(msg).toMatch(/^spec\.template\.spec\.containers\[0\]\.ports\[0\]\.name: Invalid value: "http-metrics-port": must be no more than 15 characters; /);
  });

  test('host ports conflict across containers (validation.go#checkHostPortConflicts)', () => {
    const m = pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] }] });
    expect(messages(m)).toEqual([expect.stringMatching(/^spec\.containers\[1\]\.ports\[0\]\.hostPort: Duplicate value: "TCP\/\/8080"/)]);
  });
});

// Ported from validation_test.go#TestValidateContainers / TestValidateInitContainers.
describe('validation.go#validateContainers names', () => {
  const two = (a: string, b: string, init = false) => pod(init ? { initContainers: [{ name: b, image: 'x' }] } : { containers: [{ name: a, image: 'x' }, { name: b, image: 'x' }] }, { name: a });
  test.each<Row>([
    ['distinct names', two('abc', 'def'), undefined],
    ['init and app names distinct', two('abc', 'def', true), undefined],
    ['name > 63 characters', pod({}, { name: 'a'.repeat(64) }), `${P}.name`],
    ['name not a DNS label', pod({}, { name: 'a.b.c' }), `${P}.name`],
    ['upper case name', pod({}, { name: 'Web' }), `${P}.name`],
    ['name not unique', two('abc', 'abc'), 'spec.containers[1].name'],
    ['init container name clashes with an app container', two('abc', 'abc', true), 'spec.initContainers[0].name'],
  ])('%s', (_what, m, path) => check(m, path));

  test('Duplicate value wording', () => {
    expect(messages(two('abc', 'abc'))).toEqual([expect.stringMatching(/^spec\.containers\[1\]\.name: Duplicate value: "abc"; /)]);
  });
});

// Ported from validation_test.go#TestValidateEnv (1.27 IsEnvVarName).
describe('validation.go#ValidateEnv', () => {
  const env = (e: Record<string, unknown>) => pod({}, { env: [e] });
  const E = `${P}.env[0]`;
  test.each<Row>([
    ['abc', env({ name: 'abc', value: 'value' }), undefined],
    ['ABC', env({ name: 'ABC', value: 'value' }), undefined],
    ['AbC_123', env({ name: 'AbC_123', value: 'value' }), undefined],
    ['a-b-c', env({ name: 'a-b-c', value: 'value' }), undefined],
    ['a.b.c', env({ name: 'a.b.c', value: 'value' }), undefined],
    ['_abc', env({ name: '_abc', value: 'value' }), undefined],
    ['fieldRef', env({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }), undefined],
    ['secretKeyRef', env({ name: 'abc', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }), undefined],
    ['zero-length name', env({ name: '', value: 'v' }), `${E}.name`],
    ['starts with a digit (1ABC)', env({ name: '1ABC', value: 'v' }), `${E}.name`],
    ['illegal character', env({ name: 'a!b', value: 'v' }), `${E}.name`],
    ['dot only', env({ name: '.', value: 'v' }), `${E}.name`],
    ['double dots', env({ name: '..', value: 'v' }), `${E}.name`],
    ['leading double dots', env({ name: '..abc', value: 'v' }), `${E}.name`],
    ['value and valueFrom specified', env({ name: 'abc', value: 'foo', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }), `${E}.valueFrom`],
    ['valueFrom without a source', env({ name: 'abc', valueFrom: {} }), `${E}.valueFrom`],
    ['valueFrom with more than one source', env({ name: 'abc', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } }), `${E}.valueFrom`],
  ])('%s', (_what, m, path) => check(m, path));
});

// Ported from validation_test.go#TestValidateProbe and TestValidateContainers (probe cases).
describe('validation.go#validateProbe', () => {
  const exec = { exec: { command: ['true'] } };
  test.each<Row>([
    ['one handler', pod({}, { readinessProbe: { ...exec, periodSeconds: 5 } }), undefined],
    ['zero values are defaulted', pod({}, { livenessProbe: { ...exec, periodSeconds: 0, timeoutSeconds: 0, successThreshold: 0 } }), undefined],
    ['readiness successThreshold 3', pod({}, { readinessProbe: { ...exec, successThreshold: 3 } }), undefined],
    ['named httpGet port', pod({}, { livenessProbe: { httpGet: { port: 'http' } } }), undefined],
    ['no handler', pod({}, { readinessProbe: { periodSeconds: 5 } }), `${P}.readinessProbe`],
    ['two handlers', pod({}, { readinessProbe: { ...exec, tcpSocket: { port: 80 } } }), `${P}.readinessProbe.tcpSocket`],
    ['negative periodSeconds', pod({}, { readinessProbe: { ...exec, periodSeconds: -1 } }), `${P}.readinessProbe.periodSeconds`],
    ['negative failureThreshold', pod({}, { readinessProbe: { ...exec, failureThreshold: -1 } }), `${P}.readinessProbe.failureThreshold`],
    ['liveness successThreshold 2', pod({}, { livenessProbe: { ...exec, successThreshold: 2 } }), `${P}.livenessProbe.successThreshold`],
    ['startup successThreshold 2', pod({}, { startupProbe: { ...exec, successThreshold: 2 } }), `${P}.startupProbe.successThreshold`],
    ['invalid tcpSocket port', pod({}, { livenessProbe: { tcpSocket: { port: 0 } } }), `${P}.livenessProbe.tcpSocket.port`],
    ['probe on an init container', pod({ initContainers: [{ name: 'i', image: 'x', readinessProbe: exec }] }), 'spec.initContainers[0].readinessProbe'],
  ])('%s', (_what, m, path) => check(m, path));
});

// Ported from validation_test.go#TestValidatePodSecurityContext / TestValidateSecurityContext.
describe('security context IDs', () => {
  test.each<Row>([
    ['runAsUser 0', pod({ securityContext: { runAsUser: 0, fsGroup: 2000 } }), undefined],
    ['negative pod runAsUser', pod({ securityContext: { runAsUser: -1 } }), 'spec.securityContext.runAsUser'],
    ['negative pod runAsGroup', pod({ securityContext: { runAsGroup: -1 } }), 'spec.securityContext.runAsGroup'],
    ['negative fsGroup', pod({ securityContext: { fsGroup: -1 } }), 'spec.securityContext.fsGroup'],
    ['negative supplementalGroups', pod({ securityContext: { supplementalGroups: [-1] } }), 'spec.securityContext.supplementalGroups[0]'],
    ['negative container runAsUser', pod({}, { securityContext: { runAsUser: -1 } }), `${P}.securityContext.runAsUser`],
    ['privileged without privilege escalation', pod({}, { securityContext: { privileged: true, allowPrivilegeEscalation: false } }), `${P}.securityContext`],
  ])('%s', (_what, m, path) => check(m, path));
});
