/**
 * The checks of a StatefulDatabase's input beyond single props: its name, the engine, Service
 * names, int32 fields, the password Secret, the storage, the probes and the extra pod labels.
 * Each throws a {@link ValidationError} on the database construct. The Kubernetes syntax rules
 * themselves are shared with the other constructs in `_shared/validation.ts`.
 *
 * @internal
 */
import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import {
  checkProbePort, checkProbeTiming, CONFIG_KEY_SYNTAX, ENV_VAR_NAME_RULE, INT32_MAX, isConfigKey, isDns1035Label, isDns1123Label, isDns1123Subdomain, isEnvVarName, isIntegerIn, isLabelValue,
  isPortName, isPortNumber, isQualifiedName, parseQuantity, ProbeRole, quantityHint,
} from '../_shared/validation';
import { DatabaseEngine } from './database-engine';
import { DatabaseProbe, DatabaseProbeKind } from './database-probe';
import { ClaimRetention, DatabaseStorage, DatabaseStorageKind } from './database-storage';
import { CDK8S_ADDRESS_LABEL } from './defaults';
import { StatefulDatabaseProps } from './props';
import { ValidationError } from '../_shared/errors';

/** The default StatefulSet name: the construct id, lowercased, other characters replaced by '-'. @internal */
export function nameFromId(scope: IConstruct, id: string): string {
  const derived = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (!derived) {
    throw new ValidationError(scope, 'name', 'cannot be derived from the construct id', id, 'set `name` explicitly');
  }
  return derived;
}

/** Checks the StatefulSet name: a DNS-1123 label of at most 52 characters. @internal */
export function validateName(scope: IConstruct, name: string): void {
  if (!isDns1123Label(name)) {
    throw new ValidationError(scope, 'name', 'must be a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit)', name,
      'StatefulSet names become pod host names');
  }
  if (name.length > 52) {
    throw new ValidationError(scope, 'name', `must be at most 52 characters (it is ${name.length})`, name,
      'the controller labels each pod with controller-revision-hash=<name>-<hash of up to 10 characters> and a label value may have at most 63, so pods of a longer name fail to be created');
  }
}

/** Checks a Service name: a DNS-1035 label. @internal */
export function checkServiceName(scope: IConstruct, prop: string, value: string): void {
  if (!isDns1035Label(value)) {
    throw new ValidationError(scope, prop, 'must be a DNS-1035 label (lowercase letters, digits and \'-\', starting with a letter, at most 63 characters)', value);
  }
}

/** Checks an int32 field of at least `min`. @internal */
export function checkInt32(scope: IConstruct, prop: string, value: number, min: number, fix?: string): void {
  if (!isIntegerIn(value, min, INT32_MAX)) {
    throw new ValidationError(scope, prop, `must be an integer of at least ${min}`, value, fix);
  }
}

/** Checks the engine, which `DatabaseEngine.custom()` takes unchecked. @internal */
export function validateEngine(scope: IConstruct, engine: DatabaseEngine): void {
  if (!isDns1123Label(engine.name)) {
    throw new ValidationError(scope, 'engine.name', 'must be a DNS-1123 label (it is the container name)', engine.name);
  }
  if (!isPortNumber(engine.port)) {
    throw new ValidationError(scope, 'engine.port', 'must be an integer between 1 and 65535', engine.port);
  }
  if (!isPortName(engine.portName)) {
    throw new ValidationError(scope, 'engine.portName', 'must be an IANA service name (at most 15 lowercase letters, digits and single \'-\', with a letter)', engine.portName, 'e.g. "http" or "tcp"');
  }
  if (!engine.dataPath.startsWith('/')) {
    throw new ValidationError(scope, 'engine.dataPath', 'must be an absolute path', engine.dataPath);
  }
  if (!isIntegerIn(engine.user, 1, INT32_MAX)) {
    throw new ValidationError(scope, 'engine.user', 'must be a non-root UID (an integer of at least 1)', engine.user,
      'the pod runs with runAsNonRoot, so the kubelet refuses to start UID 0; use the UID the image\'s files belong to');
  }
  for (const [prop, value] of [['engine.group', engine.group], ['engine.fsGroup', engine.fsGroup]] as const) {
    if (!isIntegerIn(value, 0, INT32_MAX)) {
      throw new ValidationError(scope, prop, 'must be a GID (an integer of at least 0)', value);
    }
  }
  const seen = new Set<string>();
  for (const path of engine.writablePaths) {
    if (!path.startsWith('/') || path === '/') {
      throw new ValidationError(scope, 'engine.writablePaths', 'must hold absolute paths other than /', path);
    }
    if (path === engine.dataPath || seen.has(path)) {
      throw new ValidationError(scope, 'engine.writablePaths', 'must not repeat a path or the data path', path);
    }
    seen.add(path);
  }
  if (engine.passwordEnv !== undefined && !isEnvVarName(engine.passwordEnv)) {
    throw new ValidationError(scope, 'engine.passwordEnv', ENV_VAR_NAME_RULE, engine.passwordEnv);
  }
  if (engine.passwordRequired && engine.passwordEnv === undefined) {
    throw new ValidationError(scope, 'engine.passwordRequired', 'needs `passwordEnv`, the variable that receives the password', engine.passwordRequired);
  }
}

/** Checks `passwordSecret` against what the engine needs. @internal */
export function validatePassword(scope: IConstruct, engine: DatabaseEngine, name: string, props: StatefulDatabaseProps): void {
  const secret = props.passwordSecret;
  if (secret === undefined) {
    if (engine.passwordRequired) {
      throw new ValidationError(scope, 'passwordSecret', `is required by the ${engine.name} engine`, undefined,
        `reference an existing Secret, e.g. { name: '${name}-credentials', key: 'password' }; the image refuses to initialise without ${engine.passwordEnv}`);
    }
    return;
  }
  if (engine.passwordEnv === undefined) {
    throw new ValidationError(scope, 'passwordSecret', `cannot be used with the ${engine.name} engine, which takes no password`, secret,
      'set `passwordEnv` in DatabaseEngine.custom()');
  }
  if (!isDns1123Subdomain(secret.name)) {
    throw new ValidationError(scope, 'passwordSecret.name', 'must be a Secret name (a DNS-1123 subdomain)', secret.name);
  }
  if (!isConfigKey(secret.key)) {
    throw new ValidationError(scope, 'passwordSecret.key', `must be a Secret key (${CONFIG_KEY_SYNTAX})`, secret.key);
  }
}

/** Validates the storage and returns the rendered size quantity of persistent storage. @internal */
export function validateStorage(scope: IConstruct, storage: DatabaseStorage): string | undefined {
  const o = storage._options;
  if (storage.kind !== DatabaseStorageKind.NONE && !isDns1123Label(storage.volumeName)) {
    throw new ValidationError(scope, 'storage.volumeName', 'must be a DNS-1123 label', storage.volumeName);
  }
  switch (storage.kind) {
    case DatabaseStorageKind.PERSISTENT: {
      const quantity = storageQuantity(scope, o.size!);
      if (o.storageClassName !== undefined && o.storageClassName !== '' && !isDns1123Subdomain(o.storageClassName)) {
        throw new ValidationError(scope, 'storage.storageClassName', 'must be a StorageClass name (a DNS-1123 subdomain), or "" for no class', o.storageClassName);
      }
      const modes = o.accessModes ?? [];
      const allowed = Object.values(kplus.PersistentVolumeAccessMode) as string[];
      if (modes.length === 0) {
        throw new ValidationError(scope, 'storage.accessModes', 'must not be empty', modes, 'use [PersistentVolumeAccessMode.READ_WRITE_ONCE]');
      }
      for (const mode of modes) {
        if (!allowed.includes(mode)) {
          throw new ValidationError(scope, 'storage.accessModes', `must hold only ${allowed.join(', ')}`, mode);
        }
      }
      if (modes.includes(kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD) && modes.length > 1) {
        throw new ValidationError(scope, 'storage.accessModes', 'cannot combine ReadWriteOncePod with other modes (the API server rejects it)', modes);
      }
      for (const [prop, value] of [['whenDeleted', o.whenDeleted], ['whenScaled', o.whenScaled]] as const) {
        if (!Object.values(ClaimRetention).includes(value as ClaimRetention)) {
          throw new ValidationError(scope, `storage.retention.${prop}`, 'must be "Retain" or "Delete"', value, 'use ClaimRetention.RETAIN or ClaimRetention.DELETE');
        }
      }
      return quantity;
    }
    case DatabaseStorageKind.EPHEMERAL:
      if (o.sizeLimit !== undefined) wholeUnits(scope, 'storage.sizeLimit', o.sizeLimit, 'MiB');
      return undefined;
    case DatabaseStorageKind.EXISTING_CLAIM:
      if (!isDns1123Subdomain(o.claimName ?? '')) {
        throw new ValidationError(scope, 'storage.claimName', 'must be a PersistentVolumeClaim name (a DNS-1123 subdomain)', o.claimName);
      }
      return undefined;
    case DatabaseStorageKind.NONE:
      return undefined;
  }
}

/** Renders a storage size as a quantity string, exactly as the user meant it. */
function storageQuantity(scope: IConstruct, size: Size | string): string {
  if (typeof size === 'string') {
    const bytes = parseQuantity(size);
    if (bytes === undefined) {
      throw new ValidationError(scope, 'storage.size', 'must be a Kubernetes quantity', size, quantityHint(size));
    }
    if (!(bytes >= 1)) {
      throw new ValidationError(scope, 'storage.size', 'must be at least one byte', size, 'the API server rejects a claim that requests no storage');
    }
    return size;
  }
  // A Size is binary: render it in the largest binary unit that keeps it whole.
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  const bytes = kib * 1024;
  if (!Number.isInteger(bytes) || bytes < 1) {
    throw new ValidationError(scope, 'storage.size', 'must be a whole, positive number of bytes', size.asString());
  }
  return binaryQuantity(bytes);
}

function wholeUnits(scope: IConstruct, prop: string, size: Size, unit: 'MiB' | 'GiB'): void {
  const value = unit === 'MiB' ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(value)) {
    throw new ValidationError(scope, prop, `must be a whole number of ${unit}`, size.asString(), `cdk8s-plus-27 renders this field in ${unit === 'MiB' ? 'Mi' : 'Gi'} and cannot express fractions`);
  }
}

/** Checks a probe: a command probe has a command, a port probe targets the engine port, and the timing. @internal */
export function validateProbe(scope: IConstruct, engine: DatabaseEngine, prop: string, probe: DatabaseProbe, role: ProbeRole): void {
  if (probe.kind === DatabaseProbeKind.COMMAND && (probe.command ?? []).length === 0) {
    throw new ValidationError(scope, prop, 'must have a command', probe.command);
  }
  if (probe.kind !== DatabaseProbeKind.COMMAND) {
    checkProbePort(scope, `${prop}.port`, probe.port ?? engine.port, [engine.port],
      'leave `port` unset to probe the engine port; the database container exposes only that port');
  }
  checkProbeTiming(scope, prop, probe.timing, role);
}

/** Checks the extra pod labels: valid, not changing a selector label, not the cdk8s-plus label. @internal */
export function validatePodLabels(scope: IConstruct, selector: { [key: string]: string }, extra: { [key: string]: string }): { [key: string]: string } {
  for (const [key, value] of Object.entries(extra)) {
    if (!isQualifiedName(key)) throw new ValidationError(scope, `podLabels.${key}`, 'must be a valid label key', key);
    if (!isLabelValue(value)) throw new ValidationError(scope, `podLabels.${key}`, 'must be a valid label value (at most 63 alphanumerics, \'-\', \'_\', \'.\')', value);
    if (key in selector && selector[key] !== value) {
      throw new ValidationError(scope, `podLabels.${key}`, 'cannot change a selector label', value, `the StatefulSet selects ${key}=${selector[key]}`);
    }
    if (key === CDK8S_ADDRESS_LABEL) throw new ValidationError(scope, `podLabels.${key}`, 'is reserved by cdk8s-plus', value);
  }
  return extra;
}

/** Bytes as a binary quantity in the largest unit that keeps the number whole. */
function binaryQuantity(bytes: number): string {
  for (const [unit, factor] of [['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}
