/** The agent's volumes: hostPath mounts and scratch (emptyDir) directories, with their checks. */
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { isAbsolutePathWithoutBacksteps, isDns1123Label } from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import type { NodeAgentHostPath } from './container-props';
import { HOST_PATH_KEYS } from './prop-keys';
import { rejectUnknownProps } from './validation';

const HOST_PATH_TYPES: string[] = Object.values(kplus.HostPathVolumeType);
const PROPAGATIONS: string[] = Object.values(kplus.MountPropagation);

/** A volume and where every container mounts it. @internal */
export interface Mount {
  readonly volume: kplus.Volume;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly propagation?: kplus.MountPropagation;
}

/** The hostPath volumes and their mounts, checked. @internal */
export function hostPathMounts(scope: Construct, hostPaths: NodeAgentHostPath[], privileged: boolean): Mount[] {
  const byPath = new Set<string>();
  const volumeNames = new Set<string>();
  const mountPaths = new Set<string>();
  return hostPaths.map((h, i) => {
    const prop = `hostPaths[${i}]`;
    rejectUnknownProps(scope, prop, h, HOST_PATH_KEYS);
    if (typeof h.path !== 'string' || !isAbsolutePathWithoutBacksteps(h.path)) {
      throw new ValidationError(scope, `${prop}.path`, 'must be an absolute path without ".." segments', h.path, 'e.g. "/var/log"');
    }
    if (byPath.has(h.path)) {
      throw new ValidationError(scope, `${prop}.path`, 'must not repeat another host path', h.path);
    }
    byPath.add(h.path);
    const mountPath = h.mountPath ?? h.path;
    checkMountPath(scope, `${prop}.mountPath`, mountPath, mountPaths);
    if (h.type !== undefined && !HOST_PATH_TYPES.includes(h.type)) {
      throw new ValidationError(scope, `${prop}.type`, `must be one of ${HOST_PATH_TYPES.map((t) => JSON.stringify(t)).join(', ')}`, h.type);
    }
    if (h.propagation !== undefined && !PROPAGATIONS.includes(h.propagation)) {
      throw new ValidationError(scope, `${prop}.propagation`, `must be one of ${PROPAGATIONS.join(', ')}`, h.propagation);
    }
    if (h.propagation === kplus.MountPropagation.BIDIRECTIONAL && !privileged) {
      // validateMountPropagation in pkg/apis/core/validation/validation.go.
      throw new ValidationError(scope, `${prop}.propagation`, 'Bidirectional is only allowed for privileged containers', h.propagation,
        'set `privileged: true`, or use MountPropagation.HOST_TO_CONTAINER');
    }
    const volumeName = h.volumeName ?? defaultVolumeName('host', h.path);
    checkVolumeName(scope, `${prop}.volumeName`, volumeName, volumeNames);
    return {
      volume: kplus.Volume.fromHostPath(scope, `HostPath${i}`, volumeName, { path: h.path, type: h.type }),
      mountPath,
      readOnly: !(h.writable ?? false),
      propagation: h.propagation,
    };
  });
}

/** The emptyDir volumes and mounts of `scratchDirectories`, checked against `existing`. @internal */
export function scratchMounts(scope: Construct, paths: string[], existing: Mount[]): Mount[] {
  const mountPaths = new Set(existing.map((m) => m.mountPath));
  const volumeNames = new Set(existing.map((m) => m.volume.name));
  return paths.map((path, i) => {
    const prop = `scratchDirectories[${i}]`;
    checkMountPath(scope, prop, path, mountPaths);
    const volumeName = defaultVolumeName('scratch', path);
    checkVolumeName(scope, prop, volumeName, volumeNames);
    return { volume: kplus.Volume.fromEmptyDir(scope, `Scratch${i}`, volumeName), mountPath: path, readOnly: false };
  });
}

function checkMountPath(scope: Construct, prop: string, mountPath: string, seen: Set<string>): void {
  if (typeof mountPath !== 'string' || !isAbsolutePathWithoutBacksteps(mountPath) || mountPath === '/') {
    throw new ValidationError(scope, prop, 'must be an absolute container path without ".." segments, other than "/"', mountPath,
      'e.g. "/host/root" for the node\'s root filesystem');
  }
  if (seen.has(mountPath)) {
    // The API server rejects two mounts at one path ("must be unique").
    throw new ValidationError(scope, prop, 'must not repeat another mount path', mountPath);
  }
  seen.add(mountPath);
}

function checkVolumeName(scope: Construct, prop: string, name: string, seen: Set<string>): void {
  if (!isDns1123Label(name)) {
    throw new ValidationError(scope, prop, 'must be a DNS-1123 label (at most 63 lowercase alphanumerics and "-")', name, 'give `volumeName`');
  }
  if (seen.has(name)) {
    throw new ValidationError(scope, prop, 'must not repeat another volume name', name, 'give `volumeName`');
  }
  seen.add(name);
}

/** `host-var-log` for `/var/log`, `host-root` for `/`. */
function defaultVolumeName(prefix: string, path: string): string {
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${slug === '' ? 'root' : slug}`.slice(0, 63).replace(/-+$/, '');
}
