/**
 * Validation of the Job fields added after 1.27, ported from `pkg/apis/batch/validation/validation.go`
 * (`validateJobSpec`, `validatePodReplacementPolicy`, `validatePodFailurePolicyRule`,
 * `validateSuccessPolicy`, `validateIndexesFormat`, `ValidateJobSpecUpdate`; master after 1.33) and
 * apimachinery `IsDomainPrefixedPath`. Each rule only looks at a field that is present, so a
 * version whose schema lacks the field never reaches it: `backoffLimitPerIndex`,
 * `maxFailedIndexes`, the FailIndex action (KEP-3850, 1.28+), `podReplacementPolicy` (KEP-3939,
 * 1.28+), `successPolicy` (KEP-3998, 1.30+), `managedBy` (KEP-4368, 1.30+).
 */
import { dns1123SubdomainErrors } from '../names';
import { Add, FieldErrors, IS_NEGATIVE, Obj } from './field';

/** `maxParallelismForIndexedJob` and `maxFailedIndexesForIndexedJob`. */
const MAX_INDEXED = 100_000;
/** `completionsSoftLimit`. */
const COMPLETIONS_SOFT_LIMIT = 100_000;
/** `parallelismLimitForHighCompletions` and `maxFailedIndexesLimitForHighCompletions`. */
const HIGH_COMPLETIONS_LIMIT = 10_000;
/** `maxManagedByLength`. */
const MAX_MANAGED_BY_LENGTH = 63;
/** `maxJobSuccessPolicySucceededIndexesLimit`. */
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
/** `maxSuccessPolicyRule`. */
const MAX_SUCCESS_POLICY_RULES = 20;
/** apimachinery `httpPathFmt`. */
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * `validateIndexesFormat` / `parseIndexInterval`: `0-2,4` with indexes below `completions`, in
 * increasing order; returns the number of indexes, or the parse error.
 */
export function indexesFormatError(text: string, completions: number): { total: number; error?: string } {
  if (text.length === 0) return { total: 0 };
  let last: number | null = null;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return { total: 0, error: `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    const parse = (s: string) => (/^[+-]?\d+$/.test(s) ? Number(s) : null);
    const x = parse(limits[0]);
    if (x === null) return { total: 0, error: `cannot convert string to integer for index: ${JSON.stringify(limits[0])}` };
    if (x >= completions) return { total: 0, error: `too large index: ${JSON.stringify(limits[0])}` };
    let y = x;
    if (limits.length > 1) {
      const p = parse(limits[1]);
      if (p === null) return { total: 0, error: `cannot convert string to integer for index: ${JSON.stringify(limits[1])}` };
      if (p >= completions) return { total: 0, error: `too large index: ${JSON.stringify(limits[1])}` };
      if (x >= p) return { total: 0, error: `non-increasing order, previous: ${x}, current: ${p}` };
      y = p;
    }
    if (last !== null && last >= x) return { total: 0, error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += y - x + 1;
    last = y;
  }
  return { total };
}

/** apimachinery `IsDomainPrefixedPath` plus `maxManagedByLength` (`validateJobSpec`). */
function validateManagedBy(value: string, path: string, errs: FieldErrors): void {
  const hint = 'name the controller as a domain-prefixed path, such as kueue.x-k8s.io/multikueue (or kubernetes.io/job-controller for the built-in one)';
  if (value.length === 0) {
    errs.required(path, '', hint);
  } else {
    const slash = value.indexOf('/');
    const host = slash < 0 ? value : value.slice(0, slash);
    const rest = slash < 0 ? '' : value.slice(slash + 1);
    if (slash < 0 || host.length === 0 || rest.length === 0) {
      errs.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")', hint);
    } else {
      for (const e of dns1123SubdomainErrors(host)) errs.invalid(path, host, e, hint);
      if (!HTTP_PATH.test(rest)) errs.invalid(path, rest, `Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')`, hint);
    }
  }
  if (value.length > MAX_MANAGED_BY_LENGTH) {
    errs.add(errs.invalidCode, path, errs.hinted(`${path}: Too long: may not be more than ${MAX_MANAGED_BY_LENGTH} bytes`, 'shorten the controller name'));
  }
}

/** `validateSuccessPolicy` / `validateSuccessPolicyRule` (an Indexed Job). */
function validateSuccessPolicy(spec: Obj, path: string, errs: FieldErrors): void {
  const rules: Obj[] = Array.isArray(spec.successPolicy?.rules) ? spec.successPolicy.rules : [];
  const rulesPath = `${path}.rules`;
  const completions: number = isInt(spec.completions) ? spec.completions : 0;
  if (rules.length === 0) errs.required(rulesPath, 'at least one rules must be specified when the successPolicy is specified', 'add a rule with succeededIndexes and/or succeededCount');
  if (rules.length > MAX_SUCCESS_POLICY_RULES) {
    errs.add(errs.invalidCode, rulesPath, errs.hinted(`${rulesPath}: Too many: ${rules.length}: must have at most ${MAX_SUCCESS_POLICY_RULES} items`, 'merge rules'));
  }
  rules.forEach((rule, i) => {
    const rp = `${rulesPath}[${i}]`;
    const hasIndexes = rule.succeededIndexes !== undefined && rule.succeededIndexes !== null;
    const hasCount = rule.succeededCount !== undefined && rule.succeededCount !== null;
    if (!hasIndexes && !hasCount) errs.required(rp, 'at least one of succeededCount or succeededIndexes must be specified', 'set succeededIndexes (such as "0-2") or succeededCount');
    let total = 0;
    if (hasIndexes) {
      const text = String(rule.succeededIndexes);
      const ip = `${rp}.succeededIndexes`;
      if (text.length > MAX_SUCCEEDED_INDEXES_LENGTH) {
        errs.add(errs.invalidCode, ip, errs.hinted(`${ip}: Too long: may not be more than ${MAX_SUCCEEDED_INDEXES_LENGTH} bytes`, 'use intervals such as 0-99'));
      }
      const r = indexesFormatError(text, completions);
      total = r.total;
      if (r.error) errs.invalid(ip, text, `error parsing succeededIndexes: ${r.error}`, `list indexes below completions (${completions}) in increasing order, such as 0-2,4`);
    }
    if (hasCount) {
      const cp = `${rp}.succeededCount`;
      const n = rule.succeededCount;
      if (n < 0) errs.invalid(cp, n, IS_NEGATIVE);
      if (n > completions) errs.invalid(cp, n, `must be less than or equal to ${completions} (the number of specified completions)`);
      if (hasIndexes && n > total) errs.invalid(cp, n, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`);
    }
  });
}

/**
 * The post-1.27 rules of `validateJobSpec` on a Job spec (or a CronJob's job template spec) at
 * `path`. Called from lib/apiserver/validation.ts `job()`.
 */
export function validateVersionedJobSpec(spec: Obj, path: string, add: Add): void {
  const errs = new FieldErrors(add);
  const indexed = spec.completionMode === 'Indexed';
  const has = (f: string) => spec[f] !== undefined && spec[f] !== null;
  if (has('backoffLimitPerIndex') && spec.backoffLimitPerIndex < 0) errs.invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, IS_NEGATIVE);
  if (has('maxFailedIndexes')) {
    if (spec.maxFailedIndexes < 0) errs.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, IS_NEGATIVE);
    if (!has('backoffLimitPerIndex')) errs.required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified', 'set backoffLimitPerIndex (failures allowed per index), or remove maxFailedIndexes');
  }
  if (has('managedBy')) validateManagedBy(String(spec.managedBy), `${path}.managedBy`, errs);
  if (indexed) {
    const completions = isInt(spec.completions) ? spec.completions : null;
    const mfi = has('maxFailedIndexes') ? spec.maxFailedIndexes : null;
    if (completions !== null && mfi !== null && mfi > completions) errs.invalid(`${path}.maxFailedIndexes`, mfi, 'must be less than or equal to completions');
    if (mfi !== null && mfi > MAX_INDEXED) errs.invalid(`${path}.maxFailedIndexes`, mfi, `must be less than or equal to ${MAX_INDEXED}`);
    if (completions !== null && completions > COMPLETIONS_SOFT_LIMIT && has('backoffLimitPerIndex')) {
      if (mfi === null) errs.required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`, 'set maxFailedIndexes');
      const tail = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      if (isInt(spec.parallelism) && spec.parallelism > HIGH_COMPLETIONS_LIMIT) errs.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${tail}`);
      if (mfi !== null && mfi > HIGH_COMPLETIONS_LIMIT) errs.invalid(`${path}.maxFailedIndexes`, mfi, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${tail}`);
    }
  } else {
    const hint = 'set completionMode: Indexed (and completions), or remove the field';
    if (has('backoffLimitPerIndex')) errs.invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode', hint);
    if (has('maxFailedIndexes')) errs.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'requires indexed completion mode', hint);
  }
  // validatePodFailurePolicyRule: FailIndex needs backoffLimitPerIndex.
  const rules: Obj[] = Array.isArray(spec.podFailurePolicy?.rules) ? spec.podFailurePolicy.rules : [];
  rules.forEach((rule, i) => {
    if (rule.action === 'FailIndex' && !has('backoffLimitPerIndex')) {
      errs.invalid(`${path}.podFailurePolicy.rules[${i}].action`, 'FailIndex', 'requires the backoffLimitPerIndex to be set', 'set backoffLimitPerIndex on an Indexed Job, or use FailJob');
    }
  });
  if (has('successPolicy')) {
    if (!indexed) errs.invalid(`${path}.successPolicy`, spec.successPolicy, 'requires indexed completion mode', 'set completionMode: Indexed (and completions), or remove successPolicy');
    else validateSuccessPolicy(spec, `${path}.successPolicy`, errs);
  }
  // validatePodReplacementPolicy
  if (has('podReplacementPolicy')) {
    const v = spec.podReplacementPolicy;
    if (has('podFailurePolicy')) {
      if (v !== 'Failed') errs.notSupported(`${path}.podReplacementPolicy`, v, ['Failed'], 'with a podFailurePolicy only Failed is allowed (pods are replaced once they failed)');
    } else if (v !== 'Failed' && v !== 'TerminatingOrFailed') {
      errs.notSupported(`${path}.podReplacementPolicy`, v, ['Failed', 'TerminatingOrFailed']);
    }
  }
}

/**
 * `ValidateJobSpecUpdate`: `backoffLimitPerIndex`, `managedBy` and `successPolicy` are immutable.
 * Returns `spec.<field>: Invalid value: <v>: field is immutable` messages (empty when allowed).
 */
export function versionedJobSpecUpdateErrors(oldSpec: Obj, newSpec: Obj): string[] {
  const out: string[] = [];
  for (const f of ['backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    if (JSON.stringify(oldSpec?.[f] ?? null) !== JSON.stringify(newSpec?.[f] ?? null)) {
      out.push(`spec.${f}: Invalid value: ${JSON.stringify(newSpec?.[f] ?? null)}: field is immutable`);
    }
  }
  return out;
}
