/**
 * The API server's create-time validation of the fields simulated writers set, worded as
 * `k8s.io/apimachinery/pkg/util/validation` words it. The manifest loader validates user input
 * separately (and more thoroughly); this catches what controllers generate — most notably the
 * StatefulSet `controller-revision-hash` label longer than 63 characters (reference §1.1).
 */
import type { FieldError } from './api-errors';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `validation.IsValidLabelValue` messages. */
export function labelValueErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    out.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }
  return out;
}

/** `validation.IsQualifiedName` messages for a label key. */
export function labelKeyErrors(key: string): string[] {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const out: string[] = [];
  if (prefix !== undefined) {
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else out.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > 63) out.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    out.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }
  return out;
}

/** `validation.IsDNS1123Subdomain` messages (object names). */
export function dns1123SubdomainErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 253) out.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) {
    out.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
  return out;
}

/** `validation.IsDNS1123Label` messages (hostnames, subdomains, Service names). */
export function dns1123LabelErrors(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    out.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }
  return out;
}

/**
 * Errors for a label map at `path` (`metadata.labels`, `spec.template.labels`), as
 * `ValidateLabels` reports them: key errors against the key, value errors against the value.
 */
export function labelErrors(labels: Readonly<Record<string, string>>, path: string): FieldError[] {
  const out: FieldError[] = [];
  for (const k of Object.keys(labels)) {
    const v = labels[k];
    // Every pod and Job a controller creates is checked: valid input (the usual case) allocates nothing.
    if (!validLabelKey(k)) for (const d of labelKeyErrors(k)) out.push({ path, value: k, detail: d });
    if (v.length > 63 || !LABEL_VALUE.test(v)) for (const d of labelValueErrors(v)) out.push({ path, value: v, detail: d });
  }
  return out;
}

/** Whether `key` is a valid label key; memoised (controllers set the same few keys on every object). */
function validLabelKey(key: string): boolean {
  let ok = VALID_KEYS.get(key);
  if (ok === undefined) {
    ok = labelKeyErrors(key).length === 0;
    if (VALID_KEYS.size >= 1000) VALID_KEYS.clear();
    VALID_KEYS.set(key, ok);
  }
  return ok;
}

const VALID_KEYS = new Map<string, boolean>();

/** Errors for an object name (`metadata.name`, a DNS-1123 subdomain for every kind modelled). */
export function nameErrors(name: string): FieldError[] {
  if (name.length <= 253 && DNS1123_SUBDOMAIN.test(name)) return [];
  return dns1123SubdomainErrors(name).map((d) => ({ path: 'metadata.name', value: name, detail: d }));
}

/** Create-time errors of a pod: name, labels, `spec.hostname` and `spec.subdomain` (DNS labels). */
export function podErrors(pod: { readonly name: string; readonly labels: Readonly<Record<string, string>>; readonly spec: { hostname?: string; subdomain?: string } }): FieldError[] {
  const out = [...nameErrors(pod.name), ...labelErrors(pod.labels, 'metadata.labels')];
  if (pod.spec.hostname) out.push(...dns1123LabelErrors(pod.spec.hostname).map((d) => ({ path: 'spec.hostname', value: pod.spec.hostname!, detail: d })));
  if (pod.spec.subdomain) out.push(...dns1123LabelErrors(pod.spec.subdomain).map((d) => ({ path: 'spec.subdomain', value: pod.spec.subdomain!, detail: d })));
  return out;
}
