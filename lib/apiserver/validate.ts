/**
 * `validate()`: an offline `kubectl apply --dry-run=server` against a Kubernetes 1.27 API server.
 * It runs exactly the admission the simulator's loader runs ({@link loadManifests}: parse, kind and
 * apiVersion, the strict 1.27 schema, the API server's semantic rules, duplicates) and returns the
 * admitted objects, as the API server would echo them back, with every issue and notice.
 */
import { createHash } from 'crypto';
import { withServerFields } from './defaults';
import { CLUSTER_SCOPED_KINDS, Manifest } from './kinds';
import { ManifestIssue, ManifestNotice } from './issues';
import { loadManifests, ManifestSource } from './load-manifests';
import { resolveFeatureGates, VersionOptions } from '../versions/resolve';

/** Options of {@link validate}. */
export interface ValidateOptions extends VersionOptions {
  /**
   * Namespace of namespaced objects without `metadata.namespace` (as `kubectl apply -n`): it is
   * filled into the admitted objects and used to detect duplicates.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * Base directory for relative file and directory paths.
   * @default - the process working directory
   */
  readonly cwd?: string;
}

/** What {@link validate} returns. */
export interface ValidateResult {
  /** True when nothing was rejected (`issues` is empty). */
  readonly valid: boolean;
  /**
   * The admitted objects (simulated and carried kinds), in input order, as the API server returns
   * them from a dry-run create: defaulted (`SetDefaults_*` of `pkg/apis/{core,apps,batch}/v1`),
   * the namespace filled in for namespaced kinds, and a Job's generated selector and labels with
   * its `metadata.uid` (a name-derived UUID, stable across runs, where the server draws a random one).
   */
  readonly objects: Manifest[];
  /** Every rejected document's problems, each naming file, document, field path, reason and fix. */
  readonly issues: ManifestIssue[];
  /** Ignored kinds, kinds kept without simulated behaviour, and warnings of accepted objects. */
  readonly notices: ManifestNotice[];
}

/**
 * Validates manifests as `kubectl apply --dry-run=server` against a 1.27 API server would, offline.
 * Never throws.
 *
 * @param source paths (files or directories), YAML/JSON strings, manifest objects, a cdk8s Chart
 * or App, or a list of these — what {@link loadManifests} accepts
 * @param options see {@link ValidateOptions}
 * @returns whether everything is valid, the admitted objects, the issues and the notices
 */
export function validate(source: ManifestSource, options: ValidateOptions = {}): ValidateResult {
  const namespace = options.namespace ?? 'default';
  const loaded = loadManifests(source, { namespace, featureGates: resolveFeatureGates(options), ...(options.cwd !== undefined ? { cwd: options.cwd } : {}) });
  const objects = loaded.objects.map((o) => {
    const m = withNamespace(o.manifest, namespace);
    return withServerFields(m, stableUid(m));
  });
  return { valid: loaded.issues.length === 0, objects, issues: loaded.issues, notices: loaded.notices };
}

/**
 * `kind.group/name` as kubectl prints it: `statefulset.apps/web`, `job.batch/pi`, `service/nginx`.
 *
 * @param manifest an object with apiVersion, kind and metadata.name (or generateName)
 */
export function resourceName(manifest: Manifest): string {
  const slash = manifest.apiVersion.indexOf('/');
  const group = slash >= 0 ? manifest.apiVersion.slice(0, slash) : '';
  const name = manifest.metadata?.name ?? `${manifest.metadata?.generateName ?? ''}<generated>`;
  return `${manifest.kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}

/** The API server fills in the request namespace for namespaced kinds; the input is not changed. */
function withNamespace(m: Manifest, namespace: string): Manifest {
  if (CLUSTER_SCOPED_KINDS.has(m.kind) || m.metadata?.namespace !== undefined) return m;
  const { apiVersion, kind, metadata, ...rest } = m;
  return { apiVersion, kind, metadata: { ...metadata, namespace }, ...rest };
}

/**
 * A UUID (RFC 4122 layout, version 5 bits) derived from kind, namespace and name: the API server
 * assigns a random one (`uuid.NewUUID` in `FillObjectMetaSystemFields`); a stable one keeps
 * `validate -o yaml` output reproducible.
 */
function stableUid(m: Manifest): string {
  const h = createHash('sha1').update(`${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? m.metadata?.generateName ?? ''}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
