/** Container environment variables (`pkg/apis/core/validation/validation.go#ValidateEnv`, Kubernetes 1.27). */
import { dns1123SubdomainErrors, labelKeyErrors } from '../names';
import { FieldErrors, Obj } from './field';
import { parseQuantity } from './quantity';

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** validation.go#validEnvDownwardAPIFieldPathExpressions (1.27). */
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs'];
/** validation.go#validContainerResourceFieldPathExpressions. */
const RESOURCE_FIELDS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
/** validation.go#validContainerResourceDivisorForCPU / ForMemory / ForEphemeralStorage. */
const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** apimachinery validation.go#IsEnvVarName (1.27: `[-._a-zA-Z][-._a-zA-Z0-9]*`, plus hasChDirPrefix). */
export function envVarNameErrors(name: string): string[] {
  const out: string[] = [];
  if (!ENV_VAR_NAME.test(name)) {
    out.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }
  if (name === '.') out.push("must not be '.'");
  else if (name === '..') out.push("must not be '..'");
  else if (name.startsWith('..')) out.push("must not start with '..'");
  return out;
}

// validation.go#validateObjectFieldSelector + pod/util.go ConvertDownwardAPIFieldLabel (env: no subscripts but labels/annotations)
function objectFieldSelector(fs: Obj, path: string, errs: FieldErrors): void {
  const apiVersion: string = fs.apiVersion ?? 'v1'; // v1 defaults.go#SetDefaults_ObjectFieldSelector
  const fieldPath: string = fs.fieldPath ?? '';
  if (fieldPath.length === 0) {
    errs.required(`${path}.fieldPath`, '', 'give a pod field, e.g. metadata.name');
    return;
  }
  if (apiVersion !== 'v1') {
    errs.invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`, 'use apiVersion: v1');
    return;
  }
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath) ?? /^([^[]+)\[(.*)\]$/.exec(fieldPath);
  if (sub) {
    // fieldpath.SplitMaybeSubscriptedPath: only metadata.labels / metadata.annotations take a key
    if (sub[1] !== 'metadata.labels' && sub[1] !== 'metadata.annotations') {
      errs.invalid(`${path}.fieldPath`, fieldPath, 'error converting fieldPath: field label does not support subscript', 'only metadata.labels[\'<key>\'] and metadata.annotations[\'<key>\'] take a key');
      return;
    }
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    for (const e of labelKeyErrors(key)) errs.invalid(path, fieldPath, e, 'the key must be a valid label or annotation key');
    return;
  }
  if (!ENV_FIELD_PATHS.includes(fieldPath)) {
    errs.notSupported(`${path}.fieldPath`, fieldPath, [...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels'].sort());
  }
}

// validation.go#validateContainerResourceFieldSelector (env: containerName optional) + validateContainerResourceDivisor
function resourceFieldSelector(fs: Obj, path: string, errs: FieldErrors): void {
  const resource: string = fs.resource ?? '';
  if (resource.length === 0) {
    errs.required(`${path}.resource`, '', 'give a resource, e.g. limits.cpu');
    return;
  }
  if (!RESOURCE_FIELDS.includes(resource) && !/^(limits|requests)\.hugepages-/.test(resource)) {
    errs.notSupported(`${path}.resource`, resource, RESOURCE_FIELDS);
    return;
  }
  if (fs.divisor === undefined) return;
  const divisor = parseQuantity(fs.divisor);
  const allowed = resource.endsWith('.cpu') ? CPU_DIVISORS : BYTE_DIVISORS;
  const ok = divisor !== undefined && allowed.some((d) => { const q = parseQuantity(d); return q !== undefined && q.nanos === divisor.nanos; });
  if (!ok) {
    errs.invalid(`${path}.divisor`, String(fs.divisor), resource.endsWith('.cpu') ? 'only divisor\'s values 1m and 1 are supported with the cpu resource' : 'only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource', 'use a supported divisor');
  }
}

// validation.go#validateConfigMapKeySelector / validateSecretKeySelector: name a DNS subdomain, key a config map key
function keySelector(s: Obj, path: string, errs: FieldErrors): void {
  const name: string = s.name ?? '';
  for (const e of dns1123SubdomainErrors(name)) errs.invalid(`${path}.name`, name, e, 'name the ConfigMap or Secret');
  const key: string = s.key ?? '';
  if (key.length === 0) errs.required(`${path}.key`, '', 'name the key to read');
  else if (key.length > 253 || !CONFIG_MAP_KEY.test(key) || key === '.' || key === '..' || key.startsWith('..')) {
    errs.invalid(`${path}.key`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')", 'use letters, digits, -, _ and .');
  }
}

/** validation.go#ValidateEnv + validateEnvVarValueFrom. */
export function validateEnv(env: Obj[] | undefined, path: string, errs: FieldErrors): void {
  (env ?? []).forEach((ev, i) => {
    const at = `${path}[${i}]`;
    const name: string = ev.name ?? '';
    if (name.length === 0) errs.required(`${at}.name`, '', 'name the variable');
    for (const m of name.length > 0 ? envVarNameErrors(name) : []) errs.invalid(`${at}.name`, name, m, 'rename the variable (e.g. MY_VAR), it cannot start with a digit');
    if (ev.valueFrom === undefined || ev.valueFrom === null) return;
    const from: Obj = ev.valueFrom;
    const vf = `${at}.valueFrom`;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => from[s] !== undefined && from[s] !== null);
    if (from.fieldRef) objectFieldSelector(from.fieldRef, `${vf}.fieldRef`, errs);
    if (from.resourceFieldRef) resourceFieldSelector(from.resourceFieldRef, `${vf}.resourceFieldRef`, errs);
    if (from.configMapKeyRef) keySelector(from.configMapKeyRef, `${vf}.configMapKeyRef`, errs);
    if (from.secretKeyRef) keySelector(from.secretKeyRef, `${vf}.secretKeyRef`, errs);
    if (sources.length === 0) {
      errs.invalid(vf, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', 'give one source');
    } else if (ev.value) {
      errs.invalid(vf, '', 'may not be specified when `value` is not empty', 'remove either value or valueFrom');
    } else if (sources.length > 1) {
      errs.invalid(vf, '', 'may not have more than one field specified at a time', `keep one of ${sources.join(', ')}`);
    }
  });
}
