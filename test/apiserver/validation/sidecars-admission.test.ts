/**
 * Sidecar containers through admission (validate() at a version with the field): the rules of
 * lib/apiserver/validation/sidecars.ts, ported from validation.go validateInitContainers /
 * validateContainers (1.28+), as wired into validateContainerList.
 */
import { validate } from '../../../lib/apiserver/validate';

function job(init: Record<string, unknown>, main: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'myjob' },
    spec: { template: { spec: {
      restartPolicy: 'Never',
      initContainers: [{ name: 'logshipper', image: 'alpine:latest', ...init }],
      containers: [{ name: 'main', image: 'alpine:latest', ...main }],
    } } },
  };
}

const messages = (r: ReturnType<typeof validate>) => r.issues.map((i) => `${i.path}: ${i.message}`);

test('a sidecar (restartPolicy: Always) with a readiness probe is admitted at 1.29 (the website job-sidecar example shape)', () => {
  const r = validate(job({ restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] } } }), { kubernetesVersion: '1.29' });
  expect(messages(r)).toEqual([]);
});

test('fails when an init container sets a restartPolicy other than Always (Unsupported value)', () => {
  const r = validate(job({ restartPolicy: 'OnFailure' }), { kubernetesVersion: '1.29' });
  expect(messages(r).join('\n')).toMatch(/spec\.template\.spec\.initContainers\[0\]\.restartPolicy.*"Always"/);
});

test('fails when a regular container sets restartPolicy (Forbidden: may not be set for non-init containers)', () => {
  const r = validate(job({}, { restartPolicy: 'Always' }), { kubernetesVersion: '1.29' });
  expect(messages(r).join('\n')).toMatch(/spec\.template\.spec\.containers\[0\]\.restartPolicy.*may not be set for non-init containers/);
});

test('fails when an ordinary init container has a probe, at 1.29 as at 1.27', () => {
  for (const v of ['1.27', '1.29']) {
    const r = validate(job({ readinessProbe: { exec: { command: ['true'] } } }), { kubernetesVersion: v });
    expect(messages(r).join('\n')).toMatch(/initContainers\[0\]\.readinessProbe.*may not be set for init containers/);
  }
});

test('fails at 1.27 with the version that added the field', () => {
  const r = validate(job({ restartPolicy: 'Always' }), { kubernetesVersion: '1.27' });
  expect(messages(r).join('\n')).toMatch(/initContainers\[0\]\.restartPolicy.*added in 1\.28/);
});
