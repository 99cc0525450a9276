/**
 * The upstream battery's harness: builders for the minimal valid objects the Kubernetes validation
 * tests start from (`pkg/apis/{core,apps,batch}/validation/validation_test.go` at release-1.27), and
 * the verdict of `validate()` (create) or `validateUpdate()` (update) on one case.
 */
import { validate } from '../../../lib/apiserver/validate';
import { validateUpdate } from '../../../lib/apiserver/update-validation';

/** A manifest or sub-object. */
export type Obj = Record<string, any>;

/** One ported case. */
export interface UpstreamCase {
  /** `<Go test>/<case name>` as upstream names it, e.g. `TestValidatePorts/"name > 15 characters"`. */
  readonly upstream: string;
  /** The object created (for an update case: created first, and admitted, before the update). */
  readonly manifest: Obj;
  /** For an update case: the change, applied to a copy of the stored (created, defaulted) object. */
  readonly update?: (stored: Obj) => Obj;
  /** `accept`, or the field path the server rejects (the first error upstream checks). */
  readonly expect: 'accept' | string;
  /** Why the case differs from the Go test (a field the v1 API defaults, a feature gate), if it does. */
  readonly note?: string;
}

/** What `validate()` / `validateUpdate()` answered for one case. */
export interface Verdict {
  /** Whether the object was admitted. */
  readonly accepted: boolean;
  /** Paths and messages of the errors (empty when accepted). */
  readonly errors: { readonly path: string; readonly message: string }[];
}

const clone = <T>(v: T): T => structuredClone(v);

/** Deep merge of plain objects: `over` wins; arrays and scalars replace; `undefined` deletes. */
export function merge(base: Obj, over: Obj): Obj {
  const out: Obj = clone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof out[k] === 'object' && out[k] !== null && !Array.isArray(out[k])) out[k] = merge(out[k], v);
    else out[k] = clone(v);
  }
  return out;
}

/** The container of upstream's valid pod specs: `{Name: "abc", Image: "image", ImagePullPolicy: "IfNotPresent"}`. */
export function container(over: Obj = {}): Obj {
  return merge({ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }, over);
}

/** A pod spec with one {@link container} (merged with `c`), `spec` on top. */
export function podSpec(spec: Obj = {}, c: Obj = {}): Obj {
  return merge({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [container(c)] }, spec);
}

/** `v1 Pod` named `123` in `ns` (upstream's `validPod`), with {@link podSpec}. */
export function pod(spec: Obj = {}, c: Obj = {}, metadata: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: merge({ name: 'abc', namespace: 'ns' }, metadata), spec: podSpec(spec, c) };
}

/** A pod template labelled `a: b` (upstream `validPodTemplate`). */
export function template(spec: Obj = {}, c: Obj = {}, metadata: Obj = {}): Obj {
  return { metadata: merge({ labels: { a: 'b' } }, metadata), spec: podSpec(spec, c) };
}

/** `apps/v1 StatefulSet` `abc` selecting `a: b` (upstream TestValidateStatefulSet's `validPodTemplate`). */
export function statefulSet(spec: Obj = {}, metadata: Obj = {}): Obj {
  const base = { selector: { matchLabels: { a: 'b' } }, template: template(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' }, serviceName: 'abc' };
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: merge({ name: 'abc', namespace: 'default' }, metadata), spec: merge(base, spec) };
}

/** `apps/v1 DaemonSet` `abc` selecting `a: b` (upstream TestValidateDaemonSet's `validPodTemplate`). */
export function daemonSet(spec: Obj = {}, metadata: Obj = {}): Obj {
  const base = { selector: { matchLabels: { a: 'b' } }, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } };
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: merge({ name: 'abc', namespace: 'default' }, metadata), spec: merge(base, spec) };
}

/** The pod template of upstream's batch tests (`getValidPodTemplateSpecForGenerated`): restartPolicy OnFailure, no labels (the server generates them). */
export function jobTemplate(spec: Obj = {}, c: Obj = {}, metadata: Obj = {}): Obj {
  return { metadata, spec: podSpec(merge({ restartPolicy: 'OnFailure' }, spec), c) };
}

/** `batch/v1 Job` `myjob` with a generated selector. */
export function job(spec: Obj = {}, metadata: Obj = {}): Obj {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: merge({ name: 'myjob', namespace: 'default' }, metadata), spec: merge({ template: jobTemplate() }, spec) };
}

/** `batch/v1 CronJob` `mycronjob` running every minute. */
export function cronJob(spec: Obj = {}, metadata: Obj = {}): Obj {
  const base = { schedule: '* * * * ?', concurrencyPolicy: 'Allow', jobTemplate: { spec: { template: jobTemplate() } } };
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: merge({ name: 'mycronjob', namespace: 'default' }, metadata), spec: merge(base, spec) };
}

/** `v1 Service` `abc`, ClusterIP, one TCP port 8675 (upstream `makeValidService`). */
export function service(spec: Obj = {}, metadata: Obj = {}): Obj {
  const base = { selector: { key: 'val' }, sessionAffinity: 'None', type: 'ClusterIP', ports: [{ name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 }] };
  return { apiVersion: 'v1', kind: 'Service', metadata: merge({ name: 'valid', namespace: 'default' }, metadata), spec: merge(base, spec) };
}

/** `v1 PersistentVolumeClaim` `foo`: ReadWriteOnce, 10G (upstream `testVolumeClaim` + `validClaimSpec`). */
export function claim(spec: Obj = {}, metadata: Obj = {}): Obj {
  const base = { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], resources: { requests: { storage: '10G' } } };
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: merge({ name: 'foo', namespace: 'ns' }, metadata), spec: merge(base, spec) };
}

/** Runs `validate()` on a manifest. */
export function create(manifest: Obj): Verdict & { readonly admitted?: Obj } {
  const r = validate(clone(manifest) as never);
  return { accepted: r.valid, errors: r.issues.map((i) => ({ path: i.path, message: i.message })), admitted: r.objects[0] as Obj | undefined };
}

/**
 * Runs an update: `before` is created through `validate()` (it must be admitted), `change` makes
 * the new object from a copy of the stored one, and `validateUpdate()` checks it against the stored one.
 */
export function update(before: Obj, change: (stored: Obj) => Obj): Verdict {
  const created = create(before);
  if (!created.accepted || !created.admitted) throw new Error(`the object before the update was rejected: ${created.errors.map((e) => e.message).join('; ')}`);
  const stored = created.admitted;
  const next = change(clone(stored));
  const messages = validateUpdate(stored.kind, stored.metadata.name, stored, next);
  return { accepted: messages.length === 0, errors: messages.map((m) => ({ path: m.replace(/^[^:]*? is invalid: /, '').split(':')[0], message: m })) };
}

/** The verdict of a case. */
export function run(c: UpstreamCase): Verdict {
  return c.update !== undefined ? update(c.manifest, c.update) : create(c.manifest);
}

/**
 * Whether a verdict agrees with the case: accepted when `accept` is expected, else rejected with an
 * error at the expected path (its `path`, or named in the message as `<path>:` or `` `<path>` ``;
 * a template's `metadata.` segment is optional, as upstream's ObjectMeta paths omit it).
 */
export function agrees(c: UpstreamCase, v: Verdict): boolean {
  if (c.expect === 'accept') return v.accepted;
  if (v.accepted) return false;
  const want = [c.expect, c.expect.replace(/template\.(labels|annotations)/, 'template.metadata.$1')];
  return v.errors.some((e) => want.some((w) => e.path === w || e.message.includes(`${w}:`) || e.message.includes(`\`${w}\``) || e.path.startsWith(`${w}[`) || e.path.startsWith(`${w}.`)));
}
