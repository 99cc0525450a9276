/**
 * Sidecar admission rules (KEP-753; validation.go `validateInitContainerRestartPolicy`,
 * `validateContainers`, `validateInitContainers` as of 1.28), with the gate on and off.
 */
import { FieldErrors } from '../../../lib/apiserver/validation/field';
import {
  initContainerForbiddenDetail, initContainerMayHaveProbes, isRestartableInitContainer, validateContainerRestartPolicy,
} from '../../../lib/apiserver/validation/sidecars';

function errorsOf(c: Record<string, unknown>, kind: 'containers' | 'initContainers', on: boolean): string[] {
  const out: string[] = [];
  validateContainerRestartPolicy(c, kind, `spec.${kind}[0]`, on, new FieldErrors((_code, _path, message) => out.push(message), false));
  return out;
}

describe('restartPolicy on containers (validateInitContainerRestartPolicy / validateContainers)', () => {
  test.each([
    ['init container Always, gate on: a sidecar', { name: 's', restartPolicy: 'Always' }, 'initContainers', true, []],
    ['init container unset: an ordinary init container', { name: 's' }, 'initContainers', true, []],
    ['fails when an init container sets OnFailure', { name: 's', restartPolicy: 'OnFailure' }, 'initContainers', true,
      ['spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['fails when a regular container sets it', { name: 'app', restartPolicy: 'Always' }, 'containers', true,
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']],
    ['gate off: the field is dropped, nothing to validate', { name: 's', restartPolicy: 'OnFailure' }, 'initContainers', false, []],
  ] as const)('%s', (_, c, kind, on, expected) => {
    expect(errorsOf(c, kind, on)).toEqual(expected);
  });
});

describe('lifecycle and probes on init containers (validateInitContainers)', () => {
  test.each([
    ['restartable, gate on: allowed', { restartPolicy: 'Always' }, true, true],
    ['restartable, gate off: forbidden (not a sidecar)', { restartPolicy: 'Always' }, false, false],
    ['ordinary init container: forbidden', {}, true, false],
  ])('%s', (_, c, on, expected) => {
    expect([initContainerMayHaveProbes(c, on), isRestartableInitContainer(c, on)]).toEqual([expected, expected]);
  });

  test('the Forbidden detail names restartPolicy=Always once sidecars exist', () => {
    expect([initContainerForbiddenDetail(false), initContainerForbiddenDetail(true)]).toEqual([
      'may not be set for init containers', 'may not be set for init containers without restartPolicy=Always',
    ]);
  });
});
