/**
 * dropDisabledFields (pkg/api/pod/util.go, pkg/registry/batch/job/strategy.go,
 * pkg/registry/apps/statefulset/strategy.go): a field of a gate that is off is dropped on create,
 * kept when the gate is on, and kept on update when the old object already used it.
 */
import { dropDisabledFields } from '../../../lib/apiserver/drop-disabled-fields';
import type { Manifest } from '../../../lib/apiserver/kinds';
import type { FeatureGateName, FeatureGates } from '../../../lib/versions/feature-gates';

/** Explicit gates: only `on` are enabled (the version's table is not consulted). */
function gates(...on: FeatureGateName[]): FeatureGates {
  return { version: { minor: 36 }, enabled: (name) => on.includes(name), all: () => ({}) as never };
}

const podSpec = () => ({ restartPolicy: 'Never', containers: [{ name: 'a', image: 'x' }] });
const job = (spec: Record<string, unknown>, pod: Record<string, unknown> = podSpec()): Manifest =>
  ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: pod }, ...spec } });
const sts = (spec: Record<string, unknown>): Manifest =>
  ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { serviceName: 's', template: { spec: podSpec() }, ...spec } });
const pod = (spec: Record<string, unknown>): Manifest => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { ...podSpec(), ...spec } });
const sidecar = { initContainers: [{ name: 'side', image: 'x', restartPolicy: 'Always' }, { name: 'init', image: 'x' }] };

/** [gate, manifest, dropped path, upstream function]. */
const ROWS: ReadonlyArray<readonly [FeatureGateName, Manifest, string, string]> = [
  ['JobPodReplacementPolicy', job({ podReplacementPolicy: 'Failed' }), 'spec.podReplacementPolicy', 'job strategy dropDisabledFields'],
  ['JobBackoffLimitPerIndex', job({ backoffLimitPerIndex: 1 }), 'spec.backoffLimitPerIndex', 'job strategy dropDisabledFields'],
  ['JobBackoffLimitPerIndex', job({ maxFailedIndexes: 1 }), 'spec.maxFailedIndexes', 'job strategy dropDisabledFields'],
  ['JobSuccessPolicy', job({ successPolicy: { rules: [{ succeededCount: 1 }] } }), 'spec.successPolicy', 'job strategy dropDisabledFields'],
  ['JobManagedBy', job({ managedBy: 'example.com/x' }), 'spec.managedBy', 'job strategy dropDisabledFields'],
  ['JobPodFailurePolicy', job({ podFailurePolicy: { rules: [] } }), 'spec.podFailurePolicy', 'job strategy dropDisabledFields'],
  ['SidecarContainers', pod(sidecar), 'spec.initContainers[0].restartPolicy', 'pod util dropDisabledFields'],
  ['SidecarContainers', job({}, { ...podSpec(), ...sidecar }), 'spec.template.spec.initContainers[0].restartPolicy', 'pod DropDisabledTemplateFields'],
  ['PodSchedulingReadiness', pod({ schedulingGates: [{ name: 'a/b' }] }), 'spec.schedulingGates', 'pod util dropDisabledFields'],
  ['StatefulSetAutoDeletePVC', sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } }), 'spec.persistentVolumeClaimRetentionPolicy', 'dropStatefulSetDisabledFields'],
  ['StatefulSetStartOrdinal', sts({ ordinals: { start: 1 } }), 'spec.ordinals', 'dropStatefulSetDisabledFields'],
  ['MaxUnavailableStatefulSet', sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } }), 'spec.updateStrategy.rollingUpdate.maxUnavailable', 'dropStatefulSetDisabledFields'],
];

function get(m: unknown, dotted: string): unknown {
  return dotted.replace(/\[(\d+)\]/g, '.$1').split('.').reduce<unknown>((cur, k) => (cur as Record<string, unknown> | undefined)?.[k], m);
}

describe.each(ROWS)('%s: %s', (gate, manifest, field, _upstream) => {
  test('drops the field on create when the gate is off', () => {
    const r = dropDisabledFields(manifest, gates());
    expect(r.dropped).toEqual([{ path: field, gate }]);
    expect(get(r.manifest, field)).toBeUndefined();
    expect(get(manifest, field)).toBeDefined(); // the input is not changed
  });

  test('keeps the field when the gate is on', () => {
    const r = dropDisabledFields(manifest, gates(gate));
    expect(r.dropped).toEqual([]);
    expect(r.manifest).toBe(manifest); // nothing to drop: the input itself, not copied
  });

  test('keeps the field on update when the old object used it (…InUse(old))', () => {
    expect(dropDisabledFields(manifest, gates(), manifest).dropped).toEqual([]);
  });
});

test('drops only the disabled gate\'s fields and leaves other kinds alone', () => {
  const r = dropDisabledFields(job({ podReplacementPolicy: 'Failed', managedBy: 'x/y' }), gates('JobManagedBy'));
  expect(r.dropped.map((d) => d.path)).toEqual(['spec.podReplacementPolicy']);
  expect((r.manifest.spec as Record<string, unknown>).managedBy).toBe('x/y');
  const cm: Manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
  expect(dropDisabledFields(cm, gates())).toEqual({ manifest: cm, dropped: [] });
});

test('drops the pod template fields of a CronJob and a DaemonSet', () => {
  const cron: Manifest = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { ...podSpec(), schedulingGates: [{ name: 'a/b' }] } } } } } };
  expect(dropDisabledFields(cron, gates()).dropped).toEqual([{ path: 'spec.jobTemplate.spec.template.spec.schedulingGates', gate: 'PodSchedulingReadiness' }]);
  const ds: Manifest = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: { spec: { ...podSpec(), ...sidecar } } } };
  expect(dropDisabledFields(ds, gates()).dropped).toEqual([{ path: 'spec.template.spec.initContainers[0].restartPolicy', gate: 'SidecarContainers' }]);
});
