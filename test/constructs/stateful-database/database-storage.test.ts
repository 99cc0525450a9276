import { Size } from 'cdk8s';
import { EmptyDirMedium, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { ClaimRetention, DatabaseStorage, DatabaseStorageKind } from '../../../lib';

test('persistent storage defaults: volume "data", ReadWriteOnce, Retain on delete and scale-down', () => {
  const storage = DatabaseStorage.persistent({ size: Size.gibibytes(10) });
  expect(storage.kind).toBe(DatabaseStorageKind.PERSISTENT);
  expect(storage.volumeName).toBe('data');
  expect(storage._options).toMatchObject({
    accessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE], whenDeleted: ClaimRetention.RETAIN, whenScaled: ClaimRetention.RETAIN,
  });
  expect(storage._options.storageClassName).toBeUndefined();
});

test('persistent storage keeps its options and copies the access modes', () => {
  const modes = [PersistentVolumeAccessMode.READ_WRITE_MANY];
  const storage = DatabaseStorage.persistent({
    size: '1G', storageClassName: 'fast-ssd', accessModes: modes, volumeName: 'www', retention: { whenScaled: ClaimRetention.DELETE },
  });
  modes.push(PersistentVolumeAccessMode.READ_ONLY_MANY);
  expect(storage.volumeName).toBe('www');
  expect(storage._options).toMatchObject({
    size: '1G', storageClassName: 'fast-ssd', accessModes: ['ReadWriteMany'], whenDeleted: 'Retain', whenScaled: 'Delete',
  });
});

test('ephemeral storage', () => {
  expect(DatabaseStorage.ephemeral()).toMatchObject({ kind: DatabaseStorageKind.EPHEMERAL, volumeName: 'data' });
  const memory = DatabaseStorage.ephemeral({ medium: EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(256), volumeName: 'cache' });
  expect(memory.volumeName).toBe('cache');
  expect(memory._options.medium).toBe('Memory');
});

test('an existing claim is read-write unless asked otherwise', () => {
  expect(DatabaseStorage.existingClaim('nfs-pvc')._options).toMatchObject({ claimName: 'nfs-pvc', readOnly: false });
  const ro = DatabaseStorage.existingClaim('nfs-pvc', { readOnly: true, volumeName: 'nfs-vol' });
  expect(ro.kind).toBe(DatabaseStorageKind.EXISTING_CLAIM);
  expect(ro.volumeName).toBe('nfs-vol');
  expect(ro._options.readOnly).toBe(true);
});

test('no storage', () => {
  expect(DatabaseStorage.none()).toMatchObject({ kind: DatabaseStorageKind.NONE, volumeName: '' });
});
