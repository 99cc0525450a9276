import { ApiObject } from 'cdk8s';
import { ALL_CAPABILITIES, restrictedContainerSecurityContext, seccompRuntimeDefault } from '../../../lib/constructs/_shared/security';
import { newChart, only, synth } from '../../helpers/synth';

test('restrictedContainerSecurityContext is the restricted set, a fresh object on every call', () => {
  const a = restrictedContainerSecurityContext();
  expect(a).toEqual({
    ensureNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] },
  });
  expect(ALL_CAPABILITIES).toBe('ALL');
  const b = restrictedContainerSecurityContext();
  expect(b).not.toBe(a);
  expect(b.capabilities!.drop).not.toBe(a.capabilities!.drop);
});

test('seccompRuntimeDefault patches the pod spec at the given path', () => {
  const chart = newChart();
  const obj = new ApiObject(chart, 'cj', {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' },
    spec: { jobTemplate: { spec: { template: { spec: { securityContext: {} } } } } },
  });
  obj.addJsonPatch(seccompRuntimeDefault('/spec/jobTemplate/spec/template/spec'));
  expect(only(synth(chart), 'CronJob').spec.jobTemplate.spec.template.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
});
