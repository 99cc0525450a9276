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
 *   service, persistentvolumeclaim, persistentvolume, poddisruptionbudget, namespace strategies);
 * - the fields of feature gates that are off are dropped on create (the same strategies'
 *   `dropDisabledFields`, drop-disabled-fields.ts), each reported so the user learns that the
 *   version ignores them.
 */
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../versions/feature-gates';
import { formatKubernetesVersion } from '../versions/kubernetes-version';
import { DroppedField, dropDisabledFields } from './drop-disabled-fields';
import { ManifestIssueCode } from './issues';
import type { Manifest } from './kinds';

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
 * `spec.podReplacementPolicy dropped: feature gate JobPodReplacementPolicy is off in Kubernetes 1.28`,
 * with the fix: the version that turns the gate on by default, or `--feature-gates`.
 *
 * @param d the dropped field
 * @param gates the run's gates (their version is named)
 */
export function droppedFieldMessage(d: DroppedField, gates: FeatureGates): string {
  return `${d.path} dropped: feature gate ${d.gate} is off in Kubernetes ${formatKubernetesVersion(gates.version)}, `
    + `so the API server clears the field on create; turn the gate on (--feature-gates ${d.gate}=true) or remove the field`;
}

/**
 * The object as registry PrepareForCreate leaves it: without `status` for kinds that have one,
 * and without the fields of feature gates that are off (`dropDisabledFields`).
 *
 * @param m the manifest (nulls dropped, defaulted: upstream defaults in the decoder, before the strategy)
 * @param gates the run's feature gates @default DEFAULT_FEATURE_GATES (1.27)
 * @param onDropped told {@link droppedFieldMessage} of each dropped field @default - not told
 */
export function prepareForCreate<T extends { kind: string }>(m: T, gates: FeatureGates = DEFAULT_FEATURE_GATES, onDropped?: (message: string) => void): T {
  let out = m;
  if (STATUS_RESET_ON_CREATE.has(m.kind) && 'status' in m) {
    const { status: _status, ...rest } = m as T & { status?: unknown };
    out = rest as unknown as T;
  }
  const { manifest, dropped } = dropDisabledFields(out as unknown as Manifest, gates);
  if (dropped.length === 0) return out;
  for (const d of dropped) onDropped?.(droppedFieldMessage(d, gates));
  return manifest as unknown as T;
}
