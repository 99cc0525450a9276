/**
 * The API server's defaulting (`SetDefaults_*` of `pkg/apis/{core,apps,batch}/v1/defaults.go`,
 * run by the decoder before validation — "defaulting runs before validation") for the kinds the
 * simulator models and carries. Pure: the input is not changed; the result is a new object.
 */
import { defaultDaemonSet, defaultStatefulSet } from './apps';
import { defaultCronJob, defaultJob, generateJobSelector } from './batch';
import { defaultPersistentVolumeClaim, defaultSecret, defaultService } from './core';
import { defaultPod, Obj } from './pod';
import { DEFAULT_FEATURE_GATES, FeatureGates } from '../../versions/feature-gates';

export { generateJobSelector, JOB_LABELS } from './batch';
export { imageTag } from './pod';

/** Per kind; the gated rules read `gates` (only Job's do today). */
const DEFAULTERS: Readonly<Record<string, (o: Obj, gates: FeatureGates) => void>> = {
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  Pod: defaultPod,
  Service: defaultService,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  Secret: defaultSecret,
};

/**
 * `m` as the API server's decoder defaults it (no registry allocation: no uid, no Job selector;
 * see {@link withServerFields}). Defaulting twice gives the same object as once.
 *
 * @param m a decoded, schema-valid manifest
 * @param gates the run's feature gates (gated defaults: Job `podReplacementPolicy`) @default DEFAULT_FEATURE_GATES (1.27)
 */
export function defaultObject<T extends { kind: string }>(m: T, gates: FeatureGates = DEFAULT_FEATURE_GATES): T {
  const defaulter = DEFAULTERS[m.kind];
  if (!defaulter) return m;
  const copy = structuredClone(m) as unknown as Obj;
  defaulter(copy, gates);
  return copy as unknown as T;
}

/**
 * What the registry adds on create, after defaulting, with a uid the caller gives: `metadata.uid`
 * and, for a Job, the generated selector and labels ({@link generateJobSelector}). Pure.
 *
 * @param m a defaulted manifest
 * @param uid the uid to assign
 */
export function withServerFields<T extends { kind: string }>(m: T, uid: string): T {
  if (m.kind !== 'Job') return m;
  const copy = structuredClone(m) as unknown as Obj;
  copy.metadata = { ...(copy.metadata ?? {}), uid };
  generateJobSelector(copy, uid);
  return copy as unknown as T;
}
