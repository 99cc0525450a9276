/** Object metadata rules (`k8s.io/apimachinery/pkg/api/validation/objectmeta.go`, Kubernetes 1.27). */
import { dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from '../names';
import { FieldErrors, Obj } from './field';

/** objectmeta.go#TotalAnnotationSizeLimitB: 256 KiB for all keys and values together. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

/**
 * objectmeta.go#ValidateAnnotations: every key is a qualified name (checked lower-cased, as
 * upstream does: `IsQualifiedName(strings.ToLower(k))`), and keys plus values total at most 256 KiB.
 */
export function validateAnnotations(annotations: Obj | undefined, path: string, errs: FieldErrors): void {
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const e of labelKeyErrors(k.toLowerCase())) errs.invalid(path, k, e, 'an annotation key is a qualified name such as example.com/note');
    total += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.add(errs.invalidCode, path, errs.hinted(`${path}: Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`, 'move large data into a ConfigMap'));
  }
}

/** meta/v1/validation/validation.go#ValidateLabels: keys are qualified names, values label values. */
export function validateLabels(labels: Obj | undefined, path: string, errs: FieldErrors): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const e of labelKeyErrors(k)) errs.invalid(path, k, e, 'a label key is a qualified name such as app.kubernetes.io/name');
    for (const e of labelValueErrors(String(v))) errs.invalid(path, v, e, 'a label value is at most 63 characters of letters, digits, -, _ and .');
  }
}

/**
 * objectmeta.go#ValidateObjectMeta for `generateName` (validated as a name prefix: a trailing `-`
 * is allowed, `NameIsDNSSubdomain(name, prefix=true)` masks it), when no name is given.
 *
 * @param check the kind's name rule (DNS subdomain, or DNS-1035 label for a Service)
 */
export function validateGenerateName(md: Obj, check: (name: string) => string[], errs: FieldErrors): void {
  const prefix: unknown = md.generateName;
  if (typeof prefix !== 'string' || prefix.length === 0 || md.name) return;
  const masked = prefix.endsWith('-') ? `${prefix.slice(0, -1)}a` : prefix;
  for (const e of check(masked)) errs.invalid('metadata.generateName', prefix, e, 'use lower-case letters, digits and -');
}

/** `NameIsDNSSubdomain` (most kinds' names). */
export const subdomainName = (name: string): string[] => dns1123SubdomainErrors(name);
