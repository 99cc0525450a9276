/**
 * The registries' `dropDisabledFields`: on create (and on update when the old object did not use
 * the field), a field whose feature gate is off is cleared before validation, so the object is
 * stored as if the field had not been sent. The API server does not reject such a field; it
 * silently drops it (the schema of the version still declares it: alpha fields are in the
 * OpenAPI document of the release that added them).
 *
 * Ported rules, each `if !gate && !inUse(old) { field = nil }`:
 * - pkg/api/pod/util.go `dropDisabledFields` (every pod spec: Pod, and the templates through
 *   `DropDisabledTemplateFields`): `schedulingGates` (PodSchedulingReadiness, KEP-3521), init
 *   containers' `restartPolicy` (SidecarContainers, KEP-753; kept when an old init container has one);
 * - pkg/registry/batch/job/strategy.go `dropDisabledFields`: `podFailurePolicy`
 *   (JobPodFailurePolicy, KEP-3329), `backoffLimitPerIndex` and `maxFailedIndexes`
 *   (JobBackoffLimitPerIndex, KEP-3850), `podReplacementPolicy` (JobPodReplacementPolicy,
 *   KEP-3939), `managedBy` (JobManagedBy, KEP-4368), `successPolicy` (JobSuccessPolicy, KEP-3998);
 * - pkg/registry/apps/statefulset/strategy.go `dropStatefulSetDisabledFields`:
 *   `persistentVolumeClaimRetentionPolicy` (StatefulSetAutoDeletePVC, KEP-1847), `ordinals`
 *   (StatefulSetStartOrdinal, KEP-3335), `updateStrategy.rollingUpdate.maxUnavailable`
 *   (MaxUnavailableStatefulSet, KEP-961).
 * CronJob's strategy drops only its pod template's fields (`DropDisabledTemplateFields` on
 * `jobTemplate.spec.template`), DaemonSet's likewise on `template`.
 */
import type { FeatureGateName, FeatureGates } from '../versions/feature-gates';
import type { Manifest } from './kinds';

/** One field cleared by {@link dropDisabledFields}. */
export interface DroppedField {
  /** Dotted path, e.g. `spec.template.spec.initContainers[0].restartPolicy`. */
  readonly path: string;
  /** The gate that is off. */
  readonly gate: FeatureGateName;
}

/** The outcome of {@link dropDisabledFields}. */
export interface DropResult {
  /** A copy of the manifest without the dropped fields; the input itself when nothing is dropped (never changed). */
  readonly manifest: Manifest;
  /** What was dropped, in field order. */
  readonly dropped: readonly DroppedField[];
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function at(root: unknown, path: readonly string[]): Obj | undefined {
  let cur: unknown = root;
  for (const p of path) cur = obj(cur)?.[p];
  return obj(cur);
}

/**
 * Drops `field` of `holder` (at `path`) when `gate` is off and the old object did not set it; with
 * `apply` false it only records what it would drop.
 */
class Dropper {
  public readonly dropped: DroppedField[] = [];

  public constructor(private readonly gates: FeatureGates, private readonly apply: boolean) {}

  public field(holder: Obj | undefined, oldHolder: Obj | undefined, path: string, field: string, gate: FeatureGateName): void {
    if (!holder || holder[field] === undefined || this.gates.enabled(gate) || oldHolder?.[field] !== undefined) return;
    if (this.apply) delete holder[field];
    this.dropped.push({ path: path ? `${path}.${field}` : field, gate });
  }

  /** pkg/api/pod/util.go dropDisabledFields, for one pod spec. */
  public podSpec(spec: Obj | undefined, oldSpec: Obj | undefined, path: string): void {
    if (!spec) return;
    this.field(spec, oldSpec, path, 'schedulingGates', 'PodSchedulingReadiness');
    // restartableInitContainersInUse(oldPodSpec): any old init container with a restartPolicy keeps them all.
    const oldInUse = Array.isArray(oldSpec?.initContainers) && (oldSpec.initContainers as unknown[]).some((c) => obj(c)?.restartPolicy !== undefined);
    if (!this.gates.enabled('SidecarContainers') && !oldInUse && Array.isArray(spec.initContainers)) {
      spec.initContainers.forEach((c, i) => {
        const container = obj(c);
        if (container?.restartPolicy === undefined) return;
        if (this.apply) delete container.restartPolicy;
        this.dropped.push({ path: `${path}.initContainers[${i}].restartPolicy`, gate: 'SidecarContainers' });
      });
    }
  }

  /** pkg/registry/batch/job/strategy.go dropDisabledFields, for one Job spec. */
  public jobSpec(spec: Obj | undefined, oldSpec: Obj | undefined, path: string): void {
    this.field(spec, oldSpec, path, 'podFailurePolicy', 'JobPodFailurePolicy');
    this.field(spec, oldSpec, path, 'backoffLimitPerIndex', 'JobBackoffLimitPerIndex');
    this.field(spec, oldSpec, path, 'maxFailedIndexes', 'JobBackoffLimitPerIndex');
    this.field(spec, oldSpec, path, 'podReplacementPolicy', 'JobPodReplacementPolicy');
    this.field(spec, oldSpec, path, 'managedBy', 'JobManagedBy');
    this.field(spec, oldSpec, path, 'successPolicy', 'JobSuccessPolicy');
  }

  /** pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields. */
  public statefulSetSpec(spec: Obj | undefined, oldSpec: Obj | undefined, path: string): void {
    this.field(spec, oldSpec, path, 'persistentVolumeClaimRetentionPolicy', 'StatefulSetAutoDeletePVC');
    this.field(spec, oldSpec, path, 'ordinals', 'StatefulSetStartOrdinal');
    this.field(at(spec, ['updateStrategy', 'rollingUpdate']), at(oldSpec, ['updateStrategy', 'rollingUpdate']),
      `${path}.updateStrategy.rollingUpdate`, 'maxUnavailable', 'MaxUnavailableStatefulSet');
  }
}

/**
 * Clears the fields of disabled feature gates from a Pod, Job, CronJob, StatefulSet or DaemonSet,
 * as its registry strategy's PrepareForCreate (no `old`) or PrepareForUpdate does. Other kinds are
 * returned unchanged.
 *
 * @param manifest the decoded object
 * @param gates the run's feature gates
 * @param old the stored object on update; a field it sets is kept @default - none (create)
 */
export function dropDisabledFields(manifest: Manifest, gates: FeatureGates, old?: Manifest): DropResult {
  // A dry pass first: most objects use no disabled field and come back as they are, uncopied.
  if (dropFields(manifest as Obj, manifest.kind, gates, old, false).length === 0) return { manifest, dropped: [] };
  const m = structuredClone(manifest) as Obj;
  return { manifest: m as Manifest, dropped: dropFields(m, manifest.kind, gates, old, true) };
}

function dropFields(m: Obj, kind: string, gates: FeatureGates, old: Manifest | undefined, apply: boolean): readonly DroppedField[] {
  const d = new Dropper(gates, apply);
  const spec = obj(m.spec);
  const oldSpec = obj(old?.spec);
  switch (kind) {
    case 'Pod':
      d.podSpec(spec, oldSpec, 'spec');
      break;
    case 'Job':
      d.jobSpec(spec, oldSpec, 'spec');
      d.podSpec(at(spec, ['template', 'spec']), at(oldSpec, ['template', 'spec']), 'spec.template.spec');
      break;
    case 'CronJob':
      d.podSpec(at(spec, ['jobTemplate', 'spec', 'template', 'spec']), at(oldSpec, ['jobTemplate', 'spec', 'template', 'spec']), 'spec.jobTemplate.spec.template.spec');
      break;
    case 'StatefulSet':
      d.statefulSetSpec(spec, oldSpec, 'spec');
      d.podSpec(at(spec, ['template', 'spec']), at(oldSpec, ['template', 'spec']), 'spec.template.spec');
      break;
    case 'DaemonSet':
      d.podSpec(at(spec, ['template', 'spec']), at(oldSpec, ['template', 'spec']), 'spec.template.spec');
      break;
    default:
      break;
  }
  return d.dropped;
}
