/**
 * Rendering of a StatefulDatabase's PodDisruptionBudget, which limits voluntary disruptions
 * (node drains) to `maxUnavailable` pods at a time.
 *
 * @internal
 */
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/** The PodDisruptionBudget over the database's pods. @internal */
export function renderPodDisruptionBudget(scope: Construct, name: string, labels: { [key: string]: string }, maxUnavailable: number, selector: { [key: string]: string }): kplus.k8s.KubePodDisruptionBudget {
  return new kplus.k8s.KubePodDisruptionBudget(scope, 'PodDisruptionBudget', {
    metadata: { name, labels },
    spec: {
      maxUnavailable: kplus.k8s.IntOrString.fromNumber(maxUnavailable),
      selector: { matchLabels: { ...selector } },
    },
  });
}
