/**
 * Turns a Kubernetes manifest (a parsed YAML/JSON document, already validated by the manifest
 * loader) into a store {@link Draft}, applying the API server's defaults.
 */
import {
  carriedDraft, cronJobDraft, daemonSetDraft, Draft, jobDraft, podDraft, pvcDraft, serviceDraft, statefulSetDraft,
} from './factories';
import { PodSpec } from './api-shapes';
import { CarriedKind, CLUSTER_SCOPED_KINDS } from './object-meta';
import { SimObject } from './objects';

/** The metadata fields the simulator reads (others are kept). */
export interface ManifestMetadata {
  /** metadata.name. */
  readonly name?: string;
  /** metadata.generateName. */
  readonly generateName?: string;
  /** metadata.namespace. */
  readonly namespace?: string;
  /** metadata.labels. */
  readonly labels?: Record<string, string>;
  /** metadata.annotations. */
  readonly annotations?: Record<string, string>;
  /** Any other metadata field. */
  readonly [k: string]: unknown;
}

/** A manifest document (loosely typed). */
export interface Manifest {
  /** e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** e.g. `StatefulSet`. */
  readonly kind: string;
  /** Metadata. */
  readonly metadata?: ManifestMetadata;
  /** Everything else (spec, data, …). */
  readonly [k: string]: unknown;
}

/** Kinds the store carries without behaviour. */
export const CARRIED_KINDS: ReadonlySet<string> = new Set<CarriedKind>([
  'Secret', 'ConfigMap', 'PersistentVolume', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'Namespace', 'PriorityClass', 'StorageClass',
]);

/** Kinds with simulated behaviour or a model. */
export const MODELLED_KINDS: ReadonlySet<string> = new Set(['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Pod', 'PersistentVolumeClaim']);

/**
 * The draft for `manifest`, or undefined for a kind the simulator does not store (Deployment,
 * Ingress, …; the loader reports those as notices).
 *
 * @param manifest the document
 * @param defaultNamespace namespace for namespaced objects without one
 */
export function draftFromManifest(manifest: Manifest, defaultNamespace = 'default'): Draft<SimObject> | undefined {
  const md = manifest.metadata ?? {};
  const namespace = CLUSTER_SCOPED_KINDS.has(manifest.kind) ? '' : (md.namespace ?? defaultNamespace);
  const meta = {
    namespace,
    ...(md.name !== undefined ? { name: md.name } : {}),
    ...(md.generateName !== undefined ? { generateName: md.generateName } : {}),
    labels: md.labels ?? {},
    annotations: md.annotations ?? {},
  };
  const spec = structuredClone((manifest.spec ?? {}) as Record<string, unknown>);
  switch (manifest.kind) {
    case 'StatefulSet': return statefulSetDraft({ ...meta, spec });
    case 'DaemonSet': return daemonSetDraft({ ...meta, spec });
    case 'Job': return jobDraft({ ...meta, spec });
    case 'CronJob': return cronJobDraft({ ...meta, spec });
    case 'Service': return serviceDraft({ ...meta, spec });
    case 'Pod': return podDraft({ ...meta, spec: spec as unknown as PodSpec });
    case 'PersistentVolumeClaim': return pvcDraft({ ...meta, spec });
    default:
      if (CARRIED_KINDS.has(manifest.kind)) {
        return carriedDraft(manifest.kind as CarriedKind, manifest.apiVersion, { ...meta, body: structuredClone(manifest as Record<string, unknown>) });
      }
      return undefined;
  }
}
