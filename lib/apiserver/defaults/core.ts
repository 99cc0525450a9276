/**
 * core/v1 defaulting of Services, PersistentVolumeClaims and Secrets, ported from
 * `pkg/apis/core/v1/defaults.go` of Kubernetes 1.27, plus the IP-family fields the Service
 * registry fills on create (`pkg/registry/core/service/storage/alloc.go#initIPFamilyFields`) for a
 * single-stack IPv4 cluster, the simulator's cluster.
 */
import { ensure } from './apps';
import { defaultPersistentVolumeClaimSpec, Obj } from './pod';

/**
 * `SetDefaults_Service`: sessionAffinity None (and no sessionAffinityConfig with None; ClientIP
 * gets timeoutSeconds 10800, `v1.DefaultClientIPServiceAffinitySeconds`); type ClusterIP; each
 * port's protocol TCP and an unset (0 or "") targetPort = port; externalTrafficPolicy Cluster for
 * NodePort/LoadBalancer (`service.ExternallyAccessible`, which also counts ClusterIP with
 * externalIPs); internalTrafficPolicy Cluster for ClusterIP/NodePort/LoadBalancer;
 * allocateLoadBalancerNodePorts true for LoadBalancer. Then {@link defaultServiceIPFamilies}.
 */
export function defaultService(obj: Obj): void {
  const spec = ensure(obj, 'spec');
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (externallyAccessible && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  defaultServiceIPFamilies(spec);
}

/**
 * What the Service REST create does before allocation, on a single-stack IPv4 cluster:
 * `normalizeClusterIPs` (storage.go: a given clusterIP becomes clusterIPs[0]) and
 * `initIPFamilyFields` (alloc.go): ExternalName is left alone; an unset ipFamilyPolicy is
 * RequireDualStack for a headless Service without selector, SingleStack otherwise; families are
 * inferred from given clusterIPs; a headless selectorless Service gets [IPv4] plus the other family
 * unless SingleStack ("the user is allowed to create headless services that has multi families");
 * any other Service gets the cluster's family, IPv4. Cluster IP allocation itself is not done here.
 */
export function defaultServiceIPFamilies(spec: Obj): void {
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && spec.clusterIPs === undefined) spec.clusterIPs = [spec.clusterIP];
  const headlessSelectorless = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  if (spec.ipFamilyPolicy === undefined) spec.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  const families: string[] = [...(spec.ipFamilies ?? [])];
  (spec.clusterIPs ?? []).some((ip: string, i: number) => {
    if (ip === 'None') return true;
    if (i >= families.length) families.push(ip.includes(':') ? 'IPv6' : 'IPv4');
    return false;
  });
  if (families.length === 0) families.push('IPv4');
  if (headlessSelectorless && families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  spec.ipFamilies = families;
}

/** `SetDefaults_PersistentVolumeClaimSpec`: volumeMode Filesystem. (The status phase Pending of `SetDefaults_PersistentVolumeClaim` is the controller's to show.) */
export function defaultPersistentVolumeClaim(obj: Obj): void {
  defaultPersistentVolumeClaimSpec(ensure(obj, 'spec'));
}

/** `SetDefaults_Secret`: type Opaque. */
export function defaultSecret(obj: Obj): void {
  if (!obj.type) obj.type = 'Opaque';
}
