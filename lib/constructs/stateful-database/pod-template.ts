/**
 * Rendering of a StatefulDatabase's pod template: the pod and container security contexts, the
 * container environment, the data volume (claim template, emptyDir or existing claim), the
 * scratch volumes' names and the topology spread constraints.
 *
 * @internal
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import { restrictedContainerSecurityContext } from '../_shared/security';
import { ENV_VAR_NAME_RULE, isEnvVarName, isQualifiedName } from '../_shared/validation';
import { DatabaseEngine, SecretKeyReference } from './database-engine';
import { DatabaseStorage, DatabaseStorageKind } from './database-storage';
import { TopologySpread, WhenUnsatisfiable } from './scheduling';
import { checkInt32 } from './validation';
import { ValidationError } from '../_shared/errors';

/** The pod security context: non-root as the engine's user, fsGroup, and a sysctl for low ports. @internal */
export function podSecurityContext(engine: DatabaseEngine): kplus.PodSecurityContextProps {
  // A non-root process cannot bind ports below 1024 (all capabilities are dropped). The
  // namespaced sysctl net.ipv4.ip_unprivileged_port_start is "safe" since Kubernetes 1.22
  // (pkg/kubelet/sysctl/safe_sysctls.go) and allowed by the Pod Security Standards, so lowering it
  // to the engine's port lets e.g. nginx listen on 80 without privileges.
  const sysctls = engine.port < 1024
    ? [{ name: 'net.ipv4.ip_unprivileged_port_start', value: String(engine.port) }]
    : undefined;
  return {
    ensureNonRoot: true,
    user: engine.user,
    group: engine.group,
    fsGroup: engine.fsGroup,
    // Only chown/chmod the volume when its root does not already match: a large data volume
    // would otherwise be walked on every pod start.
    fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
    sysctls,
  };
}

/** The restricted container security context, running as the engine's user and group. @internal */
export function containerSecurityContext(engine: DatabaseEngine): kplus.ContainerSecurityContextProps {
  return { ...restrictedContainerSecurityContext(), user: engine.user, group: engine.group };
}

/** The container environment: the engine's variables, the password from its Secret, then the checked user variables. @internal */
export function buildEnv(scope: Construct, engine: DatabaseEngine, passwordSecret: SecretKeyReference | undefined, userEnv: { [name: string]: kplus.EnvValue }): { [name: string]: kplus.EnvValue } {
  const env: { [name: string]: kplus.EnvValue } = {};
  for (const [k, v] of Object.entries(engine.env)) env[k] = kplus.EnvValue.fromValue(v);
  const passwordVars = new Set(engine.passwordEnvs);
  if (passwordSecret) {
    const secret = kplus.Secret.fromSecretName(scope, 'PasswordSecret', passwordSecret.name);
    for (const name of engine.passwordEnvs) {
      env[name] = kplus.EnvValue.fromSecretValue({ secret, key: passwordSecret.key });
    }
  }
  for (const [name, value] of Object.entries(userEnv)) {
    if (!isEnvVarName(name)) {
      throw new ValidationError(scope, `env.${name}`, ENV_VAR_NAME_RULE, name);
    }
    if (passwordVars.has(name)) {
      throw new ValidationError(scope, `env.${name}`, 'cannot be set directly; it carries the password', value.value !== undefined ? '<literal value>' : '<reference>',
        'use `passwordSecret` to reference an existing Secret');
    }
    if (value.value === undefined && value.valueFrom === undefined) {
      // cdk8s-plus renders such a variable as a bare name, i.e. an empty string.
      throw new ValidationError(scope, `env.${name}`, 'must have a value or a reference', undefined,
        'EnvValue.fromProcess() returns an empty value when the variable is not set; pass { required: true }');
    }
    env[name] = value;
  }
  return env;
}

/** Mounts the data volume as the container's first mount (claim template, emptyDir or existing claim) and returns it. @internal */
export function addStorage(scope: Construct, engine: DatabaseEngine, storage: DatabaseStorage, statefulSet: kplus.StatefulSet, container: kplus.Container, selector: { [key: string]: string }, quantity: string | undefined): kplus.Volume | undefined {
  const o = storage._options;
  const volumeName = storage.volumeName;
  switch (storage.kind) {
    case DatabaseStorageKind.PERSISTENT: {
      // The mount refers to the claim template by name; the StatefulSet controller adds the
      // per-pod volume (claimName <volumeName>-<name>-<ordinal>) when it creates each pod
      // (pkg/controller/statefulset/stateful_set_utils.go `updateStorage`). cdk8s-plus turns every
      // mount into a pod volume, so the placeholder volume is removed again below; it is always
      // volumes[0] because it is the first mount of the first container, and the `test` patch
      // makes synthesis fail loudly if that ever stops being true.
      const placeholder = kplus.Volume.fromEmptyDir(scope, 'DataVolume', volumeName);
      container.mount(engine.dataPath, placeholder);
      const sts = ApiObject.of(statefulSet);
      sts.addJsonPatch(
        JsonPatch.test('/spec/template/spec/volumes/0/name', volumeName),
        JsonPatch.remove('/spec/template/spec/volumes/0'),
        // The k8s converters read quantities from `.value`, so pass Quantity objects.
        JsonPatch.add('/spec/volumeClaimTemplates', [{
          metadata: { name: volumeName, labels: { ...selector } },
          spec: {
            accessModes: [...(o.accessModes ?? [])],
            storageClassName: o.storageClassName,
            resources: { requests: { storage: kplus.k8s.Quantity.fromString(quantity!) } },
          },
        }]),
        JsonPatch.add('/spec/persistentVolumeClaimRetentionPolicy', { whenDeleted: o.whenDeleted, whenScaled: o.whenScaled }),
      );
      return placeholder;
    }
    case DatabaseStorageKind.EPHEMERAL: {
      const volume = kplus.Volume.fromEmptyDir(scope, 'DataVolume', volumeName, { sizeLimit: o.sizeLimit, medium: o.medium });
      container.mount(engine.dataPath, volume);
      return volume;
    }
    case DatabaseStorageKind.EXISTING_CLAIM: {
      const claim = kplus.PersistentVolumeClaim.fromClaimName(scope, 'DataClaim', o.claimName!);
      const volume = kplus.Volume.fromPersistentVolumeClaim(scope, 'DataVolume', claim, { name: volumeName, readOnly: o.readOnly });
      container.mount(engine.dataPath, volume, { readOnly: o.readOnly });
      return volume;
    }
    case DatabaseStorageKind.NONE:
      return undefined;
  }
}

/** A volume name for a writable path that clashes with neither the data volume nor another mount. @internal */
export function scratchVolumeName(storage: DatabaseStorage, container: kplus.Container, path: string): string {
  const base = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || 'scratch';
  let name = base;
  for (let i = 2; name === storage.volumeName || container.mounts.some((m) => m.volume.name === name); i++) name = `${base}-${i}`;
  return name;
}

/** Checks the topology spreads and renders them as `topologySpreadConstraints` over the database's pods. @internal */
export function topologySpread(scope: IConstruct, selector: { [key: string]: string }, spreads: TopologySpread[]): object[] {
  return spreads.map((s, i) => {
    const maxSkew = s.maxSkew ?? 1;
    checkInt32(scope, `topologySpread[${i}].maxSkew`, maxSkew, 1);
    const when = s.whenUnsatisfiable ?? WhenUnsatisfiable.DO_NOT_SCHEDULE;
    if (!Object.values(WhenUnsatisfiable).includes(when)) {
      throw new ValidationError(scope, `topologySpread[${i}].whenUnsatisfiable`, 'must be "DoNotSchedule" or "ScheduleAnyway"', when);
    }
    if (!isQualifiedName(s.topology.key)) {
      throw new ValidationError(scope, `topologySpread[${i}].topology`, 'must be a node label key', s.topology.key);
    }
    return { maxSkew, topologyKey: s.topology.key, whenUnsatisfiable: when, labelSelector: { matchLabels: { ...selector } } };
  });
}
