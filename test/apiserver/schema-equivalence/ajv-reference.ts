/**
 * The Ajv implementation lib/apiserver/schema.ts had before the generated field trees (commit
 * 6b83c20): kubernetes-models@4.3.1's JSON schemas made strict and compiled with Ajv. Kept only
 * as the reference that schema-equivalence.test.ts compares the 1.27 tree walk against.
 */
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { closestName } from '../../../lib/util/did-you-mean';
import { SchemaIssue, SchemaIssueCode } from '../../../lib/apiserver/schema';

interface SchemaModule {
  addSchema(): void;
}

const registered = new Map<string, unknown>();
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();

/**
 * Validates one Kubernetes object strictly against the 1.27 schema for its `apiVersion`/`kind`.
 *
 * @param obj a parsed manifest document
 * @returns every problem found; an empty list means the object is valid
 */
export function referenceValidateStrict(obj: unknown): SchemaIssue[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return [{ code: SchemaIssueCode.WRONG_TYPE, path: '', message: 'a manifest document must be a mapping (an object)' }];
  }
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    const missing = typeof apiVersion !== 'string' ? 'apiVersion' : 'kind';
    return [{ code: SchemaIssueCode.MISSING_FIELD, path: missing, message: `\`${missing}\` is required and must be a string` }];
  }
  const validate = validatorFor(apiVersion, kind);
  if (!validate) {
    return [{
      code: SchemaIssueCode.UNKNOWN_KIND,
      path: 'kind',
      message: `${apiVersion} ${kind} is not a kind the Kubernetes 1.27 API serves; check the apiVersion (e.g. CronJob is batch/v1, StatefulSet apps/v1)`,
    }];
  }
  if (validate(stripNulls(obj))) return [];
  return describeErrors(validate.errors ?? []);
}

/**
 * Whether Kubernetes 1.27 serves `kind` at `apiVersion`.
 *
 * @param apiVersion e.g. `apps/v1`
 * @param kind e.g. `StatefulSet`
 */

/**
 * `apps/v1` + `StatefulSet` → schema id `io.k8s.api.apps.v1.StatefulSet`, defined in the
 * kubernetes-models module `IoK8sApiAppsV1StatefulSet`.
 */
function schemaNames(apiVersion: string, kind: string): { id: string; module: string } {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['core', apiVersion];
  const groupPart = group.split('.')[0];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { id: `io.k8s.api.${groupPart}.${version}.${kind}`, module: `IoK8sApi${cap(groupPart)}${cap(version)}${kind}` };
}

/** kubernetes-models does not export `_schemas/`, so we load it by file path from its package root. */
function schemaDir(): string {
  return path.join(path.dirname(require.resolve('kubernetes-models')), '_schemas');
}

/**
 * kubernetes-models keeps the schemas of API versions that Kubernetes has since stopped serving.
 * These group/versions were removed in 1.16–1.27 (Kubernetes "Deprecated API Migration Guide"):
 * a 1.27 API server answers `no matches for kind` for them.
 */
const REMOVED_BY_1_27 = new Set([
  'extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2', // 1.16
  'admissionregistration.k8s.io/v1beta1', 'apiextensions.k8s.io/v1beta1', 'apiregistration.k8s.io/v1beta1',
  'authorization.k8s.io/v1beta1', 'certificates.k8s.io/v1beta1', 'coordination.k8s.io/v1beta1',
  'networking.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1beta1', 'scheduling.k8s.io/v1beta1', // 1.22
  'batch/v1beta1', 'discovery.k8s.io/v1beta1', 'events.k8s.io/v1beta1', 'autoscaling/v2beta1',
  'policy/v1beta1', 'node.k8s.io/v1beta1', // 1.25
  'flowcontrol.apiserver.k8s.io/v1beta1', 'autoscaling/v2beta2', // 1.26
  'storage.k8s.io/v1beta1', // 1.27
]);

function validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  if (validators.has(key)) return validators.get(key) ?? undefined;
  if (REMOVED_BY_1_27.has(apiVersion)) {
    validators.set(key, null);
    return undefined;
  }
  const names = schemaNames(apiVersion, kind);
  let mod: SchemaModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.join(schemaDir(), `${names.module}.js`)) as SchemaModule;
  } catch {
    validators.set(key, null);
    return undefined;
  }
  const instance = getAjv();
  captureRegistrations(() => mod.addSchema());
  for (const [id, schema] of registered) {
    if (!instance.getSchema(id)) instance.addSchema(makeStrict(schema) as object, id);
  }
  const validate = instance.getSchema(names.id);
  validators.set(key, validate ?? null);
  return validate;
}

/**
 * kubernetes-models' schema modules register themselves through `register` from
 * `@kubernetes-models/validate`, which they read at call time. We swap it for a collector while
 * they run, so we get the raw schemas to compile with our own strict settings.
 */
function captureRegistrations(run: () => void): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validateModule = require('@kubernetes-models/validate') as { register: (id: string, schema: unknown) => void };
  const original = validateModule.register;
  validateModule.register = (id: string, schema: unknown) => {
    if (!registered.has(id)) registered.set(id, schema);
  };
  try {
    run();
  } finally {
    validateModule.register = original;
  }
}

function getAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const int = (min: number, max: number) => ({ type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  ajv.addFormat('int32', int(-2147483648, 2147483647));
  ajv.addFormat('int64', int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);
  // resource.Quantity: <signed number><suffix>, suffix binary SI, decimal SI or exponent.
  ajv.addFormat('quantity', /^[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)(?:[KMGTPE]i|[mkMGTPE]|[eE][+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+))?$/);
  return ajv;
}

/**
 * Returns a copy of `schema` in which:
 * - every object schema with `properties` and no `additionalProperties` rejects other fields;
 * - `required` is dropped (the server's strict decoding, sigs.k8s.io/json `UnmarshalStrict` with field validation
 *   Strict, reports unknown and duplicate fields only; required-ness is the Go
 *   validation's, see required.ts);
 * - `oneOf: [X, {type: null}]` becomes `X` (we strip nulls from the input first), so a failure
 *   reports X's own errors instead of "must match exactly one schema".
 */
function makeStrict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(makeStrict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.oneOf) && s.oneOf.length === 2) {
    const nonNull = (s.oneOf as Array<Record<string, unknown>>).filter((b) => b.type !== 'null');
    if (nonNull.length === 1) {
      const rest = { ...s };
      delete rest.oneOf;
      return makeStrict({ ...rest, ...nonNull[0] });
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    // OpenAPI `required` is not what the API server enforces (see the file comment): drop it.
    if (k === 'required' && Array.isArray(v)) continue;
    // `properties` maps field names to schemas: recurse into the values only.
    out[k] = k === 'properties'
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([p, ps]) => [p, makeStrict(ps)]))
      : makeStrict(v);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[k] = stripNulls(v);
  }
  return out;
}

function toDottedPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

function join(parent: string, field: string): string {
  return parent ? `${parent}.${field}` : field;
}

function describeErrors(errors: ErrorObject[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  // Paths whose oneOf failed (IntOrString, Quantity): report one message there, not each branch.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    const at = toDottedPath(e.instancePath);
    let issue: SchemaIssue | undefined;
    if (e.keyword === 'additionalProperties') {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      const guess = closestName(field, known);
      issue = {
        code: SchemaIssueCode.UNKNOWN_FIELD,
        path: join(at, field),
        message: `unknown field \`${join(at, field)}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
      };
    } else if (e.keyword === 'required') {
      const field = (e.params as { missingProperty: string }).missingProperty;
      issue = { code: SchemaIssueCode.MISSING_FIELD, path: join(at, field), message: `missing required field \`${join(at, field)}\`` };
    } else if (oneOfPaths.has(e.instancePath)) {
      if (e.keyword !== 'oneOf') continue;
      const branches = ((e.schema ?? []) as Array<{ type?: string; format?: string }>).map((b) => b.format ?? b.type).join(' or ');
      issue = { code: SchemaIssueCode.WRONG_TYPE, path: at, message: `\`${at}\` must be ${branches}, got ${JSON.stringify(e.data)}` };
    } else if (e.keyword === 'type') {
      issue = { code: SchemaIssueCode.WRONG_TYPE, path: at, message: `\`${at}\` must be ${(e.params as { type: string }).type}, got ${JSON.stringify(e.data)}` };
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      issue = { code: SchemaIssueCode.INVALID_VALUE, path: at, message: `\`${at}\` must be one of ${allowed}, got ${JSON.stringify(e.data)}` };
    } else {
      issue = { code: SchemaIssueCode.INVALID_VALUE, path: at, message: `\`${at}\` ${e.message ?? 'is invalid'}, got ${JSON.stringify(e.data)}` };
    }
    const key = `${issue.code} ${issue.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
