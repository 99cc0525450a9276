/**
 * Loads Kubernetes manifests for the simulator from YAML/JSON files, directories, YAML strings,
 * plain objects, or a cdk8s `Chart`/`App` rendered in-process — and validates them the way a 1.27
 * API server would before anything is simulated:
 *
 * 1. parse (multi-document YAML with source positions, YAML 1.1 scalars as kubectl's go-yaml reads
 *    them; JSON; `kind: List` is expanded);
 * 2. kind: simulated (StatefulSet, DaemonSet, Job, CronJob, Service, Pod) and carried kinds
 *    (Secret, ConfigMap, PersistentVolumeClaim, …) are validated; a simulated/carried kind under an
 *    apiVersion 1.27 does not serve is an error (e.g. `batch/v1beta1` CronJob); any other kind is
 *    ignored with a notice;
 * 3. the strict schema of the run's Kubernetes minor (lib/apiserver/schema.ts `validateStrict`): unknown fields with a
 *    did-you-mean hint (seed 004's `spec.templates`), wrong types (decode.ts, discovery.ts before it;
 *    prepare.ts, defaults/ and required.ts after it: status dropped, the SetDefaults_* defaulting,
 *    the Go validation's required fields);
 * 4. the API server's semantic rules (semantic.ts), e.g. Job restartPolicy, selector vs template
 *    labels, CronJob schedule and time zone via lib/schedule/schedule.ts `Schedule.parse`.
 *
 * Like yaml's `parseDocument` it never throws: it returns objects, coded issues (file, document,
 * field path, line, message with the fix) and notices. {@link loadManifestsOrThrow} throws one
 * aggregated {@link ManifestError}.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SchemaIssueCode, validateStrict } from './schema';
import { decodeDocuments } from './decode';
import { API_VERSION, resolveKind } from './discovery';
import { CARRIED_KINDS, CLUSTER_SCOPED_KINDS, Manifest, MODELLED_KINDS } from './kinds';
import { describeLocation, ManifestError, ManifestIssue, ManifestIssueCode, ManifestNotice } from './issues';
import { defaultObject } from './defaults';
import { dropNulls, NullIssue, prepareForCreate } from './prepare';
import { requiredIssues } from './required';
import { semanticIssues } from './validation';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../versions/feature-gates';

/** Something with a `toJson()` returning manifests: a cdk8s `Chart`. */
export interface ChartLike {
  /** The chart's manifests. */
  toJson(): unknown[];
  /** The construct node (for the chart id). */
  readonly node: ChartNode;
}

/** The part of a construct node the loader reads. */
export interface ChartNode {
  /** The chart's construct id, shown as `<chart ID>` in messages. */
  readonly id: string;
}

/** Something with `charts`: a cdk8s `App`. */
export interface AppLike {
  /** The app's charts. */
  readonly charts: readonly ChartLike[];
}

/**
 * What {@link loadManifests} accepts: a file or directory path, a YAML/JSON string, a manifest
 * object, a cdk8s Chart or App, or a list of these.
 */
export type ManifestSource = string | Readonly<Record<string, unknown>> | ChartLike | AppLike | readonly ManifestSource[];

/** Options of {@link loadManifests}. */
export interface LoadOptions {
  /** Namespace for namespaced objects without one (duplicate detection). @default default */
  readonly namespace?: string;
  /** Base directory for relative paths. @default - the process working directory */
  readonly cwd?: string;
  /**
   * The Kubernetes version's feature gates (`resolveFeatureGates`): which schema, fields and
   * rules admission applies.
   * @default DEFAULT_FEATURE_GATES (Kubernetes 1.27)
   */
  readonly featureGates?: FeatureGates;
}

/** One loaded object and where it came from. */
export interface LoadedManifest {
  /** The document. */
  readonly manifest: Manifest;
  /** File (as given), `<string>`, `<object>` or `<chart ID>`. */
  readonly file: string;
  /** 0-based document index. */
  readonly documentIndex: number;
}

/** What {@link loadManifestsOrThrow} returns. */
export interface LoadedManifests {
  /** Valid objects, in input order. */
  readonly objects: LoadedManifest[];
  /** Ignored kinds, kinds without behaviour, warnings. */
  readonly notices: ManifestNotice[];
}

/** What {@link loadManifests} returns. */
export interface LoadResult {
  /** Valid objects of simulated and carried kinds, in input order. */
  readonly objects: LoadedManifest[];
  /** Problems; non-empty means the input must be fixed. */
  readonly issues: ManifestIssue[];
  /** Ignored kinds, kinds without behaviour, warnings. */
  readonly notices: ManifestNotice[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

interface RawDoc {
  readonly value: unknown;
  readonly file: string;
  readonly documentIndex: number;
  /** Maps a dotted path to a 1-based line. */
  readonly lineOf?: (dotted: string) => number | undefined;
  /** Path prefix inside the document (`items[2]` for List items). */
  readonly prefix?: string;
  /**
   * Decoded from text by the fast decode: plain objects, arrays and scalars, no shared subtree
   * (YAML aliases go through the full decode), nothing else holding them, so admission may keep
   * them instead of copying. Objects passed in (and charts) are always copied.
   * @default false
   */
  readonly decoded?: boolean;
}

/**
 * Loads and validates manifests. Never throws.
 *
 * @param source paths, YAML/JSON strings, objects, a Chart or App, or a list of them
 * @param options see {@link LoadOptions}
 */
export function loadManifests(source: ManifestSource, options: LoadOptions = {}): LoadResult {
  const issues: ManifestIssue[] = [];
  const notices: ManifestNotice[] = [];
  const docs: RawDoc[] = [];
  collect(source, options, docs, issues);
  const objects: LoadedManifest[] = [];
  const seen = new Map<string, RawDoc>();
  for (const doc of docs) {
    for (const item of expandList(doc)) {
      const loaded = validateDoc(item, issues, notices, options.featureGates ?? DEFAULT_FEATURE_GATES);
      if (!loaded) continue;
      const m = loaded.manifest;
      const ns = CLUSTER_SCOPED_KINDS.has(m.kind) ? '' : (m.metadata?.namespace ?? options.namespace ?? 'default');
      if (m.metadata?.name) {
        const key = `${m.kind}/${ns}/${m.metadata.name}`;
        const first = seen.get(key);
        if (first !== undefined) {
          issues.push(issue(item, ManifestIssueCode.DUPLICATE_OBJECT, 'metadata.name', m,
            `${m.kind} ${ns ? `${ns}/` : ''}${m.metadata.name} is defined twice (first in ${describeLocation(first.file, first.documentIndex)}); each object must be defined once`));
          continue;
        }
        seen.set(key, item);
      }
      objects.push(loaded);
    }
  }
  return { objects, issues, notices };
}

/**
 * Like {@link loadManifests}, but throws a {@link ManifestError} listing every issue.
 *
 * @returns the objects and the notices
 */
export function loadManifestsOrThrow(source: ManifestSource, options: LoadOptions = {}): LoadedManifests {
  const r = loadManifests(source, options);
  if (r.issues.length > 0) throw new ManifestError(r.issues);
  return { objects: r.objects, notices: r.notices };
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

function isChart(x: unknown): x is ChartLike {
  return typeof x === 'object' && x !== null && typeof (x as ChartLike).toJson === 'function' && typeof (x as ChartLike).node === 'object';
}

function isApp(x: unknown): x is AppLike {
  return typeof x === 'object' && x !== null && Array.isArray((x as AppLike).charts) && !('apiVersion' in x);
}

function collect(source: ManifestSource, options: LoadOptions, docs: RawDoc[], issues: ManifestIssue[]): void {
  if (Array.isArray(source)) {
    for (const s of source) collect(s, options, docs, issues);
    return;
  }
  if (typeof source === 'string') {
    collectString(source, options, docs, issues);
    return;
  }
  if (isApp(source)) {
    for (const chart of source.charts) collect(chart, options, docs, issues);
    return;
  }
  if (isChart(source)) {
    const file = `<chart ${source.node.id}>`;
    let manifests: unknown[];
    try {
      manifests = source.toJson();
    } catch (e) {
      issues.push({ code: ManifestIssueCode.UNREADABLE, file, documentIndex: 0, path: '', message: `${file}: cannot render the chart: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    manifests.forEach((value, i) => docs.push({ value, file, documentIndex: i }));
    return;
  }
  const objectDocs = docs.filter((d) => d.file === '<object>').length;
  docs.push({ value: source, file: '<object>', documentIndex: objectDocs });
}

function collectString(s: string, options: LoadOptions, docs: RawDoc[], issues: ManifestIssue[]): void {
  // Multi-line text is a manifest: no path resolution of (possibly megabytes of) YAML.
  if (s.includes('\n')) {
    parseText(s, '<string>', docs, issues);
    return;
  }
  const looksLikePath = MANIFEST_EXTENSIONS.has(path.extname(s).toLowerCase()) || s.includes(path.sep) || s.includes('/') || !s.includes(':');
  const full = path.resolve(options.cwd ?? process.cwd(), s);
  if (fs.existsSync(full)) {
    readPath(s, full, docs, issues);
    return;
  }
  if (looksLikePath) {
    issues.push({ code: ManifestIssueCode.FILE_NOT_FOUND, file: s, documentIndex: 0, path: '', message: `${s}: no such file or directory; pass a manifest file (.yaml, .yml, .json) or a directory of them` });
    return;
  }
  parseText(s, '<string>', docs, issues);
}

function readPath(shown: string, full: string, docs: RawDoc[], issues: ManifestIssue[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch (e) {
    issues.push({ code: ManifestIssueCode.UNREADABLE, file: shown, documentIndex: 0, path: '', message: `${shown}: cannot read: ${(e as Error).message}` });
    return;
  }
  if (stat.isDirectory()) {
    const entries = fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let found = 0;
    for (const e of entries) {
      if (e.isDirectory() || MANIFEST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
        found++;
        readPath(path.join(shown, e.name), path.join(full, e.name), docs, issues);
      }
    }
    if (found === 0) {
      issues.push({ code: ManifestIssueCode.FILE_NOT_FOUND, file: shown, documentIndex: 0, path: '', message: `${shown}: the directory holds no .yaml, .yml or .json file` });
    }
    return;
  }
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (e) {
    issues.push({ code: ManifestIssueCode.UNREADABLE, file: shown, documentIndex: 0, path: '', message: `${shown}: cannot read: ${(e as Error).message}` });
    return;
  }
  parseText(text, shown, docs, issues);
}

function parseText(text: string, file: string, docs: RawDoc[], issues: ManifestIssue[]): void {
  for (const d of decodeDocuments(text, file, issues)) docs.push({ value: d.value, documentIndex: d.documentIndex, lineOf: d.lineOf, file, decoded: d.unshared === true });
}

function expandList(doc: RawDoc): RawDoc[] {
  const v = doc.value as { kind?: unknown; items?: unknown } | null;
  if (v && typeof v === 'object' && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) {
    return v.items.map((item, i) => ({ ...doc, value: item, prefix: `${doc.prefix ? `${doc.prefix}.` : ''}items[${i}]` }));
  }
  return [doc];
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function issue(doc: RawDoc, code: ManifestIssueCode, fieldPath: string, m: Partial<Manifest> | undefined, text: string): ManifestIssue {
  const full = doc.prefix ? (fieldPath ? `${doc.prefix}.${fieldPath}` : doc.prefix) : fieldPath;
  const line = doc.lineOf?.(full);
  const obj = m ? { kind: m.kind, namespace: m.metadata?.namespace, name: m.metadata?.name } : undefined;
  return {
    code, file: doc.file, documentIndex: doc.documentIndex, path: full, ...(line !== undefined ? { line } : {}),
    message: `${describeLocation(doc.file, doc.documentIndex, obj, line)}: ${text}`,
  };
}

const SCHEMA_CODE: Record<SchemaIssueCode, ManifestIssueCode> = {
  [SchemaIssueCode.UNKNOWN_FIELD]: ManifestIssueCode.UNKNOWN_FIELD,
  [SchemaIssueCode.MISSING_FIELD]: ManifestIssueCode.MISSING_FIELD,
  [SchemaIssueCode.WRONG_TYPE]: ManifestIssueCode.WRONG_TYPE,
  [SchemaIssueCode.INVALID_VALUE]: ManifestIssueCode.INVALID_VALUE,
  [SchemaIssueCode.UNKNOWN_KIND]: ManifestIssueCode.UNKNOWN_KIND,
};

function validateDoc(doc: RawDoc, issues: ManifestIssue[], notices: ManifestNotice[], gates: FeatureGates, version = gates.version): LoadedManifest | undefined {
  const v = doc.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    // k8s.io/apimachinery/pkg/runtime/serializer/json#Serializer.Decode needs a JSON object.
    const got = Array.isArray(v) ? 'a list' : `the ${typeof v} ${JSON.stringify(v)}`;
    issues.push(issue(doc, ManifestIssueCode.NOT_AN_OBJECT, '', undefined,
      `a manifest must be a mapping with apiVersion, kind and metadata, got ${got}; check the indentation (a document that is a list needs \`kind: List\` and \`items:\`)`));
    return undefined;
  }
  const raw = v as Manifest;
  if (typeof raw.apiVersion !== 'string' || typeof raw.kind !== 'string' || raw.apiVersion === '' || raw.kind === '') {
    const missing = typeof raw.apiVersion !== 'string' || raw.apiVersion === '' ? 'apiVersion' : 'kind';
    issues.push(issue(doc, ManifestIssueCode.MISSING_FIELD, missing, undefined, `missing required field \`${missing}\` (a string such as ${missing === 'kind' ? 'StatefulSet' : 'apps/v1'})`));
    return undefined;
  }
  const meta = typeof raw.metadata === 'object' && raw.metadata !== null ? raw.metadata : undefined;
  const named = { kind: raw.kind, metadata: meta && { name: typeof meta.name === 'string' ? meta.name : undefined, namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined } };
  const where = () => describeLocation(doc.file, doc.documentIndex, { kind: raw.kind, ...named.metadata });
  const resolved = resolveKind(raw.apiVersion, raw.kind, version);
  if (!resolved.served) {
    issues.push(issue(doc, ManifestIssueCode.UNKNOWN_KIND, resolved.field, named as Partial<Manifest>, resolved.message));
    return undefined;
  }
  const handled = MODELLED_KINDS.has(raw.kind) || CARRIED_KINDS.has(raw.kind);
  if (!handled) {
    notices.push({
      code: 'IGNORED_KIND', file: doc.file, documentIndex: doc.documentIndex,
      message: `${where()}: ignored: ${raw.apiVersion} ${raw.kind} is not simulated (simulated: StatefulSet, DaemonSet, Job, CronJob, Service, Pod)`,
    });
    return undefined;
  }
  if (API_VERSION[raw.kind] !== raw.apiVersion) {
    issues.push(issue(doc, ManifestIssueCode.UNKNOWN_KIND, 'apiVersion', named as Partial<Manifest>,
      `${raw.apiVersion} ${raw.kind} is not served by Kubernetes 1.${version.minor}; use apiVersion: ${API_VERSION[raw.kind]}`));
    return undefined;
  }
  // Strict decoding first (unknown fields, types, enums, also inside `status`), then the registry's
  // PrepareForCreate (status dropped), then validation: required fields, then the semantic rules.
  const schema = validateStrict(raw, version);
  if (schema.length > 0) {
    for (const s of schema) {
      const fix = s.code === SchemaIssueCode.UNKNOWN_FIELD && !/did you mean|--kubernetes-version/.test(s.message) ? '; remove it, or check its spelling and indentation'
        : s.code === SchemaIssueCode.WRONG_TYPE ? '; give a value of that type (quote numbers meant as strings, unquote numbers meant as numbers)' : '';
      issues.push(issue(doc, SCHEMA_CODE[s.code], s.path, named as Partial<Manifest>, `${s.message}${fix}`));
    }
    return undefined;
  }
  const nulls: NullIssue[] = [];
  // The decoder defaults (defaults/: SetDefaults_*) before the registry's PrepareForCreate and
  // validation, as kube-apiserver does; the simulator gets the defaulted object.
  const m = prepareForCreate(defaultObject((doc.decoded && !needsNullDrop(raw) ? raw : dropNulls(raw, nulls)) as Manifest, gates), gates, (message) => notices.push({ code: 'DROPPED_FIELD', file: doc.file, documentIndex: doc.documentIndex, message: `${where()}: ${message}` }));
  const required = requiredIssues(m);
  for (const s of [...nulls, ...required]) issues.push(issue(doc, s.code, s.path, m, s.message));
  if (nulls.length > 0 || required.length > 0) return undefined;
  const semantic = semanticIssues(m);
  for (const s of semantic.issues) issues.push(issue(doc, s.code, s.path, m, s.message));
  for (const w of semantic.warnings) notices.push({ code: 'WARNING', file: doc.file, documentIndex: doc.documentIndex, message: `${where()}: warning: ${w}` });
  if (semantic.issues.length > 0) return undefined;
  if (CARRIED_KINDS.has(m.kind)) {
    notices.push({ code: 'NO_BEHAVIOUR', file: doc.file, documentIndex: doc.documentIndex, message: `${where()}: kept without simulated behaviour` });
  }
  return { manifest: m, file: doc.file, documentIndex: doc.documentIndex };
}

/**
 * Whether {@link dropNulls} would change `value`: a null or undefined anywhere (dropped or
 * reported), or an object that is not a plain object or array (a YAML timestamp decodes to a
 * `Date`, which dropNulls turns into `{}`), or an own `__proto__` key (which its copy would
 * assign as the prototype). A fresh decode it would not change needs no copy.
 */
function needsNullDrop(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(needsNullDrop);
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, '__proto__')) return true;
  for (const v of Object.values(value)) if (needsNullDrop(v)) return true;
  return false;
}
