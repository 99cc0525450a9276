/**
 * Rendering of a StatefulDatabase's Services: the headless Service that gives every pod a DNS
 * name (and is the StatefulSet's `serviceName`) and the ClusterIP client Service.
 *
 * @internal
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { CDK8S_ADDRESS_LABEL } from './defaults';

/** The headless Service (`clusterIP: None`) over the database's pods. @internal */
export function renderHeadlessService(scope: Construct, name: string, labels: { [key: string]: string }, ports: kplus.ServicePort[], selector: { [key: string]: string }): kplus.Service {
  const service = new kplus.Service(scope, 'HeadlessService', {
    metadata: { name, labels },
    clusterIP: 'None',
    ports,
  });
  for (const [k, v] of Object.entries(selector)) service.selectLabel(k, v);
  return service;
}

/** Makes the headless Service publish not-ready addresses and select only the selector labels. @internal */
export function patchHeadlessService(service: kplus.Service): void {
  // cdk8s-plus adds its construct-path label to the Service selector (`service.select(sts)`); the
  // pods keep that label, but the Services select exactly what the StatefulSet selects.
  ApiObject.of(service).addJsonPatch(
    JsonPatch.add('/spec/publishNotReadyAddresses', true),
    JsonPatch.remove(`/spec/selector/${escapePointer(CDK8S_ADDRESS_LABEL)}`),
  );
}

/** The ClusterIP client Service that balances over the ready pods. @internal */
export function renderClientService(scope: Construct, name: string, labels: { [key: string]: string }, ports: kplus.ServicePort[], selector: { [key: string]: string }): kplus.Service {
  const service = new kplus.Service(scope, 'Service', {
    metadata: { name, labels },
    type: kplus.ServiceType.CLUSTER_IP,
    ports,
  });
  for (const [k, v] of Object.entries(selector)) service.selectLabel(k, v);
  return service;
}

/** Escapes a JSON-pointer segment (RFC 6901). */
function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
