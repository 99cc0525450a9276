/**
 * Offline strict validation of Kubernetes objects, per Kubernetes minor, the way
 * `kubectl apply --validate=strict` checks them against the API server's OpenAPI document: every
 * object type that lists its fields rejects any other field; types, formats and enums come from
 * the schema.
 *
 * The schemas are generated field trees (lib/apiserver/schemas/, scripts/generate-schemas.js),
 * one per supported minor, for the kinds the loader admits; schema-tree.ts walks them with the
 * error semantics of the Ajv compile this replaced, so the 1.27 messages are unchanged:
 * - 1.27 from the JSON schemas of `kubernetes-models@4.3.1` (plus `PriorityClass.description`,
 *   which that release drops; `@kubernetes/client-node@0.19.0`, generated from 1.27, has it);
 * - 1.28–1.30, 1.32–1.34 and 1.36 from the model classes of the `@kubernetes/client-node` release
 *   generated from that minor, with kubernetes-models' leaf types and enums (the enum of the
 *   kubernetes-models release of the same or the next newer minor: 4.5.1 = 1.33, 5.1.0 = 1.34;
 *   for 1.36 the 1.34 enums, so a value added to an enum in 1.35 or 1.36 is rejected);
 * - 1.31, 1.35 and 1.37, which no npm package ships as such, derived (scripts/schema-derive.js):
 *   the previous minor's tree plus the fields that the `@pulumi/kubernetes` release generated
 *   from the minor (its Makefile `KUBE_VERSION`: 4.18.1 = 1.31, 4.29.0 = 1.35, 4.34.2 = 1.37) has
 *   and the release of the previous minor lacks — pulumi merges removed fields back in, but both
 *   releases carry the same ones, so the difference is only additions. A field is removed only
 *   where certain (pulumi lacks it; or 1.32 and `cdk8s-plus-31`'s 1.31 import both lack it:
 *   PodResourceClaim.source). Added fields are typed as in the next minor's tree (1.32, 1.36);
 *   1.37's own additions from pulumi's TypeScript types, which have no enums, formats or
 *   quantities (any string is accepted there, integers are int32). The same rule applied to 1.32
 *   and 1.36 reproduces client-node's field sets exactly (test/apiserver/versions/derivation.test.ts).
 *
 * A field that the minor's schema lacks but another supported minor has is reported with the
 * version that added (or removed) it, and the `--kubernetes-version` that accepts it.
 *
 * `required` lists are NOT enforced: the OpenAPI document marks fields required that the Go
 * validation does not (podFailurePolicy rules' `onPodConditions`, StatefulSet `serviceName`,
 * status fields); the loader checks what the server really requires in required.ts.
 *
 * This checks the shape of an object, not the API server's semantic validation (name formats,
 * cross-field rules); the constructs and the simulator's manifest loader check those themselves.
 */
import { closestName } from '../util/did-you-mean';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion } from '../versions/kubernetes-version';
import { resolveKind } from './discovery';
import { schemaTree, TreeError, walk } from './schema-tree';
import { fieldHistory } from './schema-history';

/** What kind of problem a {@link SchemaIssue} describes. */
export enum SchemaIssueCode {
  /** A field the minor's schema does not define. */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** A required field is absent. */
  MISSING_FIELD = 'MISSING_FIELD',
  /** A value of the wrong JSON type (string for integer, …). */
  WRONG_TYPE = 'WRONG_TYPE',
  /** A value outside an enum or a format (quantity, int32, …). */
  INVALID_VALUE = 'INVALID_VALUE',
  /** An apiVersion/kind pair that the Kubernetes version does not serve. */
  UNKNOWN_KIND = 'UNKNOWN_KIND',
}

/** One problem found by {@link validateStrict}. */
export interface SchemaIssue {
  /** The problem class. */
  readonly code: SchemaIssueCode;
  /** Dotted field path from the object root, e.g. `spec.template.spec.containers[0].image`. */
  readonly path: string;
  /** A sentence naming the rule and, where one exists, the fix. */
  readonly message: string;
}

/**
 * Validates one Kubernetes object strictly against the schema of `version` for its
 * `apiVersion`/`kind`. A built-in kind that the loader does not admit (Deployment, Ingress, …) has
 * no schema here and is not checked.
 *
 * @param obj a parsed manifest document
 * @param version the Kubernetes version whose schema applies @default 1.27
 * @returns every problem found; an empty list means the object is valid
 */
export function validateStrict(obj: unknown, version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION): SchemaIssue[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return [{ code: SchemaIssueCode.WRONG_TYPE, path: '', message: 'a manifest document must be a mapping (an object)' }];
  }
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    const missing = typeof apiVersion !== 'string' ? 'apiVersion' : 'kind';
    return [{ code: SchemaIssueCode.MISSING_FIELD, path: missing, message: `\`${missing}\` is required and must be a string` }];
  }
  const tree = schemaTree(version.minor);
  const root = tree.kinds[`${apiVersion}/${kind}`];
  if (root === undefined) {
    if (isKnownKind(apiVersion, kind, version)) return [];
    return [{
      code: SchemaIssueCode.UNKNOWN_KIND,
      path: 'kind',
      message: `${apiVersion} ${kind} is not a kind the Kubernetes 1.${version.minor} API serves; check the apiVersion (e.g. CronJob is batch/v1, StatefulSet apps/v1)`,
    }];
  }
  const errors: TreeError[] = [];
  walk(tree, { r: root }, stripNulls(obj), '', errors);
  return describeErrors(errors, version.minor);
}

/**
 * Whether the Kubernetes version serves `kind` at `apiVersion` (a built-in kind; CRDs are not known).
 *
 * @param apiVersion e.g. `apps/v1`
 * @param kind e.g. `StatefulSet`
 * @param version @default 1.27
 */
export function isKnownKind(apiVersion: string, kind: string, version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION): boolean {
  const r = resolveKind(apiVersion, kind, version);
  return r.served && r.builtIn;
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

/** Converts a JSON pointer (`/spec/template/spec/containers/0`) to `spec.template.spec.containers[0]`. */
export function toDottedPath(pointer: string): string {
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

function unknownFieldMessage(e: TreeError, at: string, field: string, minor: number): string {
  const full = join(at, field);
  const history = e.typeId !== undefined ? fieldHistory(e.typeId, field, minor) : undefined;
  if (history?.addedIn !== undefined) {
    const when = history.addedAfter === history.addedIn - 1 ? `${history.addedIn}` : `${history.addedAfter + 1}–1.${history.addedIn}`;
    return `unknown field \`${full}\`: field not declared in Kubernetes 1.${minor}'s schema; it was added in 1.${when} — use --kubernetes-version 1.${history.addedIn} or later`;
  }
  if (history?.lastIn !== undefined) {
    return `unknown field \`${full}\`: field not declared in Kubernetes 1.${minor}'s schema; it was removed after 1.${history.lastIn} — use --kubernetes-version 1.${history.lastIn} or earlier`;
  }
  const guess = closestName(field, e.known ?? []);
  return `unknown field \`${full}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
}

function describeErrors(errors: TreeError[], minor: number): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  // Paths whose oneOf failed (IntOrString, Quantity): report one message there, not each branch.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    const at = toDottedPath(e.instancePath);
    let issue: SchemaIssue;
    if (e.keyword === 'additionalProperties') {
      const field = e.params.additionalProperty as string;
      issue = { code: SchemaIssueCode.UNKNOWN_FIELD, path: join(at, field), message: unknownFieldMessage(e, at, field, minor) };
    } else if (oneOfPaths.has(e.instancePath)) {
      if (e.keyword !== 'oneOf') continue;
      issue = { code: SchemaIssueCode.WRONG_TYPE, path: at, message: `\`${at}\` must be ${(e.branches ?? []).join(' or ')}, got ${JSON.stringify(e.data)}` };
    } else if (e.keyword === 'type') {
      issue = { code: SchemaIssueCode.WRONG_TYPE, path: at, message: `\`${at}\` must be ${e.params.type}, got ${JSON.stringify(e.data)}` };
    } else if (e.keyword === 'enum') {
      const allowed = (e.params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ');
      issue = { code: SchemaIssueCode.INVALID_VALUE, path: at, message: `\`${at}\` must be one of ${allowed}, got ${JSON.stringify(e.data)}` };
    } else {
      issue = { code: SchemaIssueCode.INVALID_VALUE, path: at, message: `\`${at}\` must match format "${e.params.format}", got ${JSON.stringify(e.data)}` };
    }
    const key = `${issue.code} ${issue.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
