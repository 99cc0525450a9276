/**
 * What the API server does to a decoded object between decoding and validation, ported so that
 * validation.ts and the simulator only see well-typed input:
 *
 * - JSON `null` decodes to the Go zero value (encoding/json `Unmarshal`: "null unmarshals into an
 *   interface, map, pointer, or slice by setting that Go value to nil"): a null field is absent.
 *   A null item of a list, or a null value in a string map (labels, annotations, matchLabels,
 *   nodeSelector, data), would become a zero item or an empty string silently; we reject those
 *   with the field path instead, since no one writes them on purpose;
 * - `status` is dropped on create (pkg/registry/apps/statefulset/strategy.go#PrepareForCreate
 *   `statefulSet.Status = apps.StatefulSetStatus{}`; likewise daemonset, job, cronjob, pod,
 *   service, persistentvolumeclaim, persistentvolume, poddisruptionbudget, namespace strategies).
 */
import { ManifestIssueCode } from './issues';

/** A null the API server would not take. */
export interface NullIssue {
  /** The class. */
  readonly code: ManifestIssueCode;
  /** Dotted path. */
  readonly path: string;
  /** Message. */
  readonly message: string;
}

/** Kinds whose registry strategy resets `status` in PrepareForCreate. */
const STATUS_RESET_ON_CREATE: ReadonlySet<string> = new Set([
  'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'PersistentVolumeClaim', 'PersistentVolume', 'PodDisruptionBudget', 'Namespace',
]);

/** Map fields whose values are strings (`map[string]string` in the Go types). */
const STRING_MAPS: ReadonlySet<string> = new Set(['labels', 'annotations', 'matchLabels', 'nodeSelector', 'data', 'stringData', 'binaryData']);

/**
 * Returns a copy of `value` without null fields; reports nulls in lists and string maps.
 *
 * @param value a decoded document
 * @param issues where problems go
 */
export function dropNulls(value: unknown, issues: NullIssue[], at = '', parentKey = ''): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const p = `${at}[${i}]`;
      if (item === null || item === undefined) {
        issues.push({ code: ManifestIssueCode.WRONG_TYPE, path: p, message: `${p}: Invalid value: null: a list item cannot be null; remove the empty \`-\` item or give it a value` });
        return [];
      }
      return [dropNulls(item, issues, p)];
    });
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const stringMap = STRING_MAPS.has(parentKey) || at === 'spec.selector';
  for (const [k, v] of Object.entries(value)) {
    const p = at ? `${at}.${k}` : k;
    if (v === null || v === undefined) {
      if (stringMap) issues.push({ code: ManifestIssueCode.WRONG_TYPE, path: p, message: `${p}: Invalid value: null: must be a string; quote the value, or write "" for an empty one` });
      continue;
    }
    out[k] = dropNulls(v, issues, p, k);
  }
  return out;
}

/**
 * The object as registry PrepareForCreate leaves it: without `status` for kinds that have one.
 *
 * @param m the manifest (nulls dropped)
 */
export function prepareForCreate<T extends { kind: string }>(m: T): T {
  if (!STATUS_RESET_ON_CREATE.has(m.kind) || !('status' in m)) return m;
  const { status: _status, ...rest } = m as T & { status?: unknown };
  return rest as unknown as T;
}
