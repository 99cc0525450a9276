/**
 * What the API server does to a pod spec at creation: the defaults (`SetDefaults_PodSpec`,
 * defaults.ts), then the mutating admission plugins that change a pod's spec in a 1.27 cluster's
 * default plugin set — here DefaultTolerationSeconds (taints.ts).
 */
import type { PodSpec } from './api-shapes';
import { defaultPodSpec } from './defaults';
import { withDefaultTolerationSeconds } from './taints';

/**
 * The spec of a pod being created, as stored. @internal
 *
 * Memoised per input spec: admission reads nothing but the spec, and specs are replaced, never
 * edited (ClusterState.update), so the pods a controller creates from one template (a Job's pods,
 * every Job of a CronJob) share one admitted spec instead of a copy each, which a long run keeps.
 */
export function admitPodSpec(spec: PodSpec): PodSpec {
  let admitted = ADMITTED_SPECS.get(spec);
  if (admitted === undefined) ADMITTED_SPECS.set(spec, (admitted = withDefaultTolerationSeconds(defaultPodSpec(spec))));
  return admitted;
}

const ADMITTED_SPECS = new WeakMap<PodSpec, PodSpec>();
