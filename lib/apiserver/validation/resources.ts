/** Container resource requirements (`pkg/apis/core/validation/validation.go`, Kubernetes 1.27). */
import { labelKeyErrors } from '../names';
import { FieldErrors, IS_NEGATIVE, Obj } from './field';
import { compareQuantities, isInteger, parseQuantity, quantityString } from './quantity';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** helper.IsNativeResource: no domain, or a `kubernetes.io/` domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsOvercommitAllowed: native and not huge pages. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

// validation.go#validateContainerResourceName
function resourceName(name: string, path: string, errs: FieldErrors): void {
  for (const e of labelKeyErrors(name)) errs.invalid(path, name, e);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.invalid(path, name, 'must be a standard resource for containers', 'use cpu, memory, ephemeral-storage, hugepages-<size> or a domain-qualified extended resource');
    }
  } else if (!isNative(name) && name.includes('requests.')) {
    errs.invalid(path, name, "must not contain 'requests.'");
  }
}

// validation.go#ValidateResourceQuantityValue
function quantityValue(name: string, raw: unknown, path: string, errs: FieldErrors): void {
  const q = parseQuantity(raw as string | number);
  if (!q) return;
  if (q.nanos < 0n) errs.invalid(path, quantityString(q), IS_NEGATIVE, 'resources cannot be negative');
  if (!isNative(name) && !isInteger(q)) errs.invalid(path, quantityString(q), 'must be an integer', 'extended resources are counted in whole units');
}

/**
 * validation.go#ValidateResourceRequirements: names and values of limits and requests; every
 * request at most its limit; non-overcommitable resources (extended, huge pages) with request = limit.
 */
export function validateResources(resources: Obj | undefined, path: string, errs: FieldErrors): void {
  if (!resources) return;
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits: Obj = resources.limits ?? {};
  const requests: Obj = resources.requests ?? {};
  for (const [name, q] of Object.entries(limits)) {
    resourceName(name, `${limPath}[${name}]`, errs);
    quantityValue(name, q, `${limPath}[${name}]`, errs);
  }
  // validation.go#ValidateResourceRequirements: "HugePages require cpu or memory"
  const names = [...Object.keys(limits), ...Object.keys(requests)];
  if (names.some(isHugePages) && !names.some((n) => n === 'cpu' || n === 'memory')) {
    errs.forbidden(path, 'HugePages require cpu or memory', 'also request cpu or memory');
  }
  for (const [name, raw] of Object.entries(requests)) {
    resourceName(name, `${reqPath}[${name}]`, errs);
    quantityValue(name, raw, `${reqPath}[${name}]`, errs);
    const request = parseQuantity(raw as string | number);
    if (!request) continue;
    if (name in limits) {
      const limit = parseQuantity(limits[name] as string | number);
      if (!limit) continue;
      const cmp = compareQuantities(request, limit);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.invalid(reqPath, quantityString(request), `must be equal to ${name} limit of ${quantityString(limit)}`,
          `${name} cannot be overcommitted: set the request equal to the limit`);
      } else if (cmp > 0) {
        errs.invalid(reqPath, quantityString(request), `must be less than or equal to ${name} limit of ${quantityString(limit)}`,
          `lower requests.${name} or raise limits.${name}`);
      }
    } else if (!overcommitAllowed(name)) {
      errs.required(limPath, 'Limit must be set for non overcommitable resources', `add limits.${name} equal to the request`);
    }
  }
}
