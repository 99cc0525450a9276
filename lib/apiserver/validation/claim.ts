/**
 * PersistentVolumeClaims (`pkg/apis/core/validation/validation.go#ValidatePersistentVolumeClaimSpec`
 * and `ValidatePersistentVolumeClaimUpdate`, Kubernetes 1.27).
 */
import { deepEqual } from '../../util/deep-equal';
import { dns1123SubdomainErrors } from '../names';
import { FieldErrors, IS_NEGATIVE, Obj } from './field';
import { compareQuantities, parseQuantity, quantityString } from './quantity';
import { validateLabelSelector } from './selector';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** validation.go#validateDataSource: name and kind required; the core group only for claims. */
function dataSource(ds: Obj | undefined, path: string, errs: FieldErrors): void {
  if (!ds) return;
  if (!ds.name) errs.required(`${path}.name`, '', 'name the source object');
  if (!ds.kind) errs.required(`${path}.kind`, '', 'give the source kind, e.g. PersistentVolumeClaim or VolumeSnapshot');
  const group: string = ds.apiGroup ?? '';
  if (ds.kind && group === '' && ds.kind !== 'PersistentVolumeClaim') {
    errs.invalid(`${path}.kind`, ds.kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup", 'set apiGroup, e.g. snapshot.storage.k8s.io');
  }
}

/**
 * validation.go#ValidatePersistentVolumeClaimSpec: at least one supported access mode (and
 * ReadWriteOncePod alone), a positive `storage` request, a valid selector, class name, volume mode
 * and data source.
 *
 * @param spec the claim spec (v1-defaulted)
 * @param path `spec`, or `spec.volumeClaimTemplates[i].spec`
 */
export function validateClaimSpec(spec: Obj, path: string, errs: FieldErrors): void {
  const modes: string[] = spec.accessModes ?? [];
  if (modes.length === 0) errs.required(`${path}.accessModes`, 'at least 1 access mode is required', 'add accessModes: [ReadWriteOnce]');
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.notSupported(`${path}.accessModes`, m, ACCESS_MODES);
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.forbidden(`${path}.accessModes`, 'may not use ReadWriteOncePod with other access modes', 'use ReadWriteOncePod alone');
  validateLabelSelector(spec.selector, `${path}.selector`, errs);
  const storagePath = `${path}.resources[storage]`;
  const raw = spec.resources?.requests?.storage;
  if (raw === undefined) errs.required(storagePath, '', 'request storage, e.g. resources: {requests: {storage: 1Gi}}');
  else {
    const q = parseQuantity(raw);
    if (q && q.nanos < 0n) errs.invalid(storagePath, quantityString(q), IS_NEGATIVE, 'request a positive size');
    else if (q && q.nanos === 0n) errs.invalid(storagePath, quantityString(q), 'must be greater than zero', 'request a positive size');
  }
  const cls = spec.storageClassName;
  if (typeof cls === 'string' && cls.length > 0) for (const e of dns1123SubdomainErrors(cls)) errs.invalid(`${path}.storageClassName`, cls, e, 'name a StorageClass');
  if (spec.volumeMode !== undefined && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.notSupported(`${path}.volumeMode`, spec.volumeMode, ['Block', 'Filesystem']);
  dataSource(spec.dataSource, `${path}.dataSource`, errs);
  dataSource(spec.dataSourceRef, `${path}.dataSourceRef`, errs);
}

/**
 * validation.go#ValidatePersistentVolumeClaimUpdate (claims the simulator binds at once, so as
 * for a bound claim): the spec is immutable but for `resources.requests`, and storage may only grow.
 */
export function validateClaimUpdate(before: Obj, after: Obj, errs: FieldErrors): void {
  const strip = (s: Obj) => ({ ...s, resources: { ...(s.resources ?? {}), requests: { ...(s.resources?.requests ?? {}), storage: undefined } } });
  if (!deepEqual(strip(before), strip(after))) {
    errs.forbidden('spec', 'spec is immutable after creation except resources.requests for bound claims', 'delete and recreate the claim to change it');
  }
  const oldSize = parseQuantity(before.resources?.requests?.storage ?? 0);
  const newSize = parseQuantity(after.resources?.requests?.storage ?? 0);
  if (oldSize && newSize && compareQuantities(newSize, oldSize) < 0) {
    errs.forbidden('spec.resources.requests.storage', 'field can not be less than previous value', 'a claim can only grow');
  }
}
