/** Pod volumes and container volume mounts (`pkg/apis/core/validation/validation.go`, Kubernetes 1.27). */
import { dns1123LabelErrors } from '../names';
import { FieldErrors, Obj } from './field';

/** VolumeSource members in validation.go#validateVolumeSource order. */
const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'quobyte', 'cinder', 'cephfs', 'downwardAPI', 'fc',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'configMap',
  'scaleIO', 'projected', 'csi', 'ephemeral', 'flexVolume',
];

/**
 * validation.go#ValidateVolumes: names are DNS-1123 labels and unique, at most one source each.
 * A volume with no source at all is defaulted to emptyDir (v1 defaults.go#SetDefaults_Volume), so
 * it is accepted. Returns the names of the valid volumes (what mounts may refer to).
 */
export function validateVolumes(volumes: Obj[] | undefined, path: string, errs: FieldErrors): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const at = `${path}[${i}]`;
    let bad = false;
    // validation.go#validateVolumeSource
    const sources = VOLUME_SOURCES.filter((s) => vol[s] !== undefined && vol[s] !== null);
    for (const extra of sources.slice(1)) {
      bad = true;
      errs.forbidden(`${at}.${extra}`, 'may not specify more than 1 volume type', `keep only ${sources[0]}, or split it into several volumes`);
    }
    const name: string = vol.name ?? '';
    if (name.length === 0) {
      bad = true;
      errs.required(`${at}.name`, '', 'name the volume');
    } else {
      for (const e of dns1123LabelErrors(name)) {
        bad = true;
        errs.invalid(`${at}.name`, name, e, 'use lower-case letters, digits and -');
      }
    }
    if (names.has(name)) {
      bad = true;
      errs.duplicate(`${at}.name`, name, 'volume names must be unique in a pod');
    }
    if (!bad) names.add(name);
  });
  return names;
}

// validation.go#validateLocalDescendingPath (+ validatePathNoBacksteps)
function localDescendingPath(target: string, path: string, errs: FieldErrors): void {
  if (target.startsWith('/')) errs.invalid(path, target, 'must be a relative path', 'drop the leading /');
  if (target.replace(/\\/g, '/').split('/').includes('..')) errs.invalid(path, target, "must not contain '..'", 'subPath must stay inside the volume');
}

/**
 * validation.go#ValidateVolumeMounts: each mount names a volume of the pod, mountPath is set and
 * unique in the container, subPath/subPathExpr are relative without `..`. Upstream reports subPath
 * errors at `<container>.volumeMounts.subPath` (no index, fldPath.Child("subPath")); so do we.
 */
export function validateVolumeMounts(mounts: Obj[] | undefined, volumes: ReadonlySet<string>, path: string, errs: FieldErrors): void {
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((mnt, i) => {
    const at = `${path}[${i}]`;
    const name: string = mnt.name ?? '';
    if (name.length === 0) errs.required(`${at}.name`, '', 'name one of spec.volumes');
    if (!volumes.has(name)) {
      errs.notFound(`${at}.name`, name, `add a volume named ${JSON.stringify(name)} to the pod's volumes (or a volumeClaimTemplate), or fix the name`);
    }
    const mountPath: string = mnt.mountPath ?? '';
    if (mountPath.length === 0) errs.required(`${at}.mountPath`, '', 'give the path to mount at');
    if (mountPoints.has(mountPath)) errs.invalid(`${at}.mountPath`, mountPath, 'must be unique', 'mount each path once per container');
    mountPoints.add(mountPath);
    if (mnt.subPath) localDescendingPath(mnt.subPath, `${path}.subPath`, errs);
    if (mnt.subPathExpr) {
      if (mnt.subPath) errs.invalid(`${at}.subPathExpr`, mnt.subPathExpr, 'subPathExpr and subPath are mutually exclusive', 'keep one of them');
      localDescendingPath(mnt.subPathExpr, `${path}.subPathExpr`, errs);
    }
  });
}
