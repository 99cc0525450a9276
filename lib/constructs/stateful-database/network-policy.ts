/**
 * Rendering of a StatefulDatabase's NetworkPolicy: `allowFrom` may reach the database port, the
 * database's own pods every port.
 *
 * @internal
 */
import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DatabaseNetworkPolicyOptions } from './props';

/** The NetworkPolicy that restricts ingress to the database's pods (`members`). @internal */
export function renderNetworkPolicy(scope: Construct, name: string, labels: { [key: string]: string }, members: kplus.Pods, port: number, options: DatabaseNetworkPolicyOptions): kplus.NetworkPolicy {
  const networkPolicy = new kplus.NetworkPolicy(scope, 'NetworkPolicy', {
    metadata: { name, namespace: Chart.of(scope).namespace, labels },
    selector: members,
  });
  for (const peer of options.allowFrom) {
    networkPolicy.addIngressRule(peer, [kplus.NetworkPolicyPort.tcp(port)]);
  }
  // Members reach each other on every port (replication, cluster buses). A rule without
  // `ports` matches all ports; cdk8s-plus renders the missing list as `ports: []` (which
  // means the same), so the empty list is dropped for readability.
  networkPolicy.addIngressRule(members);
  ApiObject.of(networkPolicy).addJsonPatch(JsonPatch.remove(`/spec/ingress/${options.allowFrom.length}/ports`));
  return networkPolicy;
}
