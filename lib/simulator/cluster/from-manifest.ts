/**
 * Turns a Kubernetes manifest (a parsed YAML/JSON document, already validated by the manifest
 * loader) into a store {@link Draft}, applying the API server's defaults.
 */
import {
  carriedDraft, cronJobDraft, daemonSetDraft, Draft, jobDraft, podDraft, pvcDraft, serviceDraft, statefulSetDraft,
} from './factories';
import { CARRIED_KINDS, Manifest } from '../../apiserver/kinds';
import { CarriedKind, CLUSTER_SCOPED_KINDS, PodSpec, SimObject } from './objects';

export { CARRIED_KINDS, MODELLED_KINDS } from '../../apiserver/kinds';
export type { Manifest, ManifestMetadata } from '../../apiserver/kinds';

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
    // metadata.finalizers hold the object once deleted (a Pod: Terminating until a step removes them).
    ...(Array.isArray(md.finalizers) ? { finalizers: (md.finalizers as unknown[]).filter((f): f is string => typeof f === 'string') } : {}),
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
