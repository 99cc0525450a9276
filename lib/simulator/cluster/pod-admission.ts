/**
 * What the API server does to a pod spec at creation: the defaults (`SetDefaults_PodSpec`,
 * defaults.ts), then the mutating admission plugins that change a pod's spec in a 1.27 cluster's
 * default plugin set — here DefaultTolerationSeconds (taints.ts).
 */
import type { PodSpec } from './api-shapes';
import { defaultPodSpec } from './defaults';
import { withDefaultTolerationSeconds } from './taints';

/** The spec of a pod being created, as stored. @internal */
export function admitPodSpec(spec: PodSpec): PodSpec {
  return withDefaultTolerationSeconds(defaultPodSpec(spec));
}
