/**
 * Services (`pkg/apis/core/validation/validation.go#ValidateService` / `ValidateServiceUpdate`,
 * Kubernetes 1.27), on the object as v1 defaulting leaves it (SetDefaults_Service), plus the node
 * port range the registry's allocator enforces on create (`--service-node-port-range` default).
 */
import { isIP } from 'net';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors } from '../names';
import { FieldErrors, Obj, portNumErrors, portNumOrName } from './field';
import { validateLabels } from './metadata';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const NODE_PORT_RANGE = { first: 30000, last: 32767 };

const headless = (spec: Obj) => spec.clusterIP === 'None';

// validation.go#validateServicePort
function servicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string, errs: FieldErrors): void {
  const name: string = sp.name ?? '';
  if (requireName && name.length === 0) errs.required(`${path}.name`, '', 'name each port when a Service has more than one');
  else if (name.length > 0) {
    for (const e of dns1123LabelErrors(name)) errs.invalid(`${path}.name`, name, e, 'a Service port name is a DNS label (lower-case)');
    if (names.has(name)) errs.duplicate(`${path}.name`, name, 'port names must be unique in a Service');
    else names.add(name);
  }
  if (sp.port !== undefined) for (const e of portNumErrors(sp.port)) errs.invalid(`${path}.port`, sp.port, e, 'use a port from 1 to 65535');
  const protocol: string = sp.protocol ?? 'TCP';
  if (!PROTOCOLS.includes(protocol)) errs.notSupported(`${path}.protocol`, protocol, PROTOCOLS);
  portNumOrName(sp.targetPort ?? sp.port, `${path}.targetPort`, errs);
  if (typeof sp.appProtocol === 'string') for (const e of labelKeyErrors(sp.appProtocol)) errs.invalid(`${path}.appProtocol`, sp.appProtocol, e, 'an appProtocol is a qualified name such as kubernetes.io/h2c');
}

// validation.go#ValidateService: ports (unique names, unique port/protocol pairs), node ports
function ports(spec: Obj, type: string, errs: FieldErrors): void {
  const list: Obj[] = spec.ports ?? [];
  if (list.length === 0 && !headless(spec) && type !== 'ExternalName') {
    errs.required('spec.ports', '', 'give at least one port (or set clusterIP: None for a headless Service)');
  }
  const names = new Set<string>();
  const pairs = new Set<string>();
  const nodePorts = new Set<string>();
  list.forEach((sp, i) => {
    const at = `spec.ports[${i}]`;
    servicePort(sp, list.length > 1, names, at, errs);
    const pair = `${sp.port}/${sp.protocol ?? 'TCP'}`;
    if (pairs.has(pair)) errs.duplicate(at, pair, 'each port/protocol pair may appear once');
    pairs.add(pair);
    const nodePort = sp.nodePort;
    if (nodePort === undefined || nodePort === 0) return;
    if (type === 'ClusterIP' || type === 'ExternalName') {
      errs.forbidden(`${at}.nodePort`, `may not be used when \`type\` is '${type}'`, 'remove nodePort, or use type NodePort or LoadBalancer');
      return;
    }
    const key = `${nodePort}/${sp.protocol ?? 'TCP'}`;
    if (nodePorts.has(key)) errs.duplicate(`${at}.nodePort`, nodePort, 'each node port may be used once');
    nodePorts.add(key);
    // pkg/registry/core/service/portallocator: Allocate → ErrNotInRange
    if (nodePort < NODE_PORT_RANGE.first || nodePort > NODE_PORT_RANGE.last) {
      errs.invalid(`${at}.nodePort`, nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.first}-${NODE_PORT_RANGE.last}`, 'pick a node port in 30000-32767 or leave it unset to get one');
    }
  });
}

/** validation.go#ValidateService (create) for a defaulted Service spec. */
export function validateService(spec: Obj, errs: FieldErrors): void {
  const type: string = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) errs.notSupported('spec.type', type, TYPES);
  if (headless(spec) && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.invalid('spec.clusterIP', 'None', `may not be set to 'None' for ${type} services`, 'a headless Service must be type ClusterIP');
  }
  const clusterIPs: string[] = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  if (type === 'ExternalName') {
    if (clusterIPs.length > 0) errs.forbidden('spec.clusterIPs', 'may not be set for ExternalName services', 'remove clusterIP');
    const ext: string = spec.externalName ?? '';
    if (ext.length === 0) errs.required('spec.externalName', '', 'give the DNS name the Service aliases');
    else for (const e of dns1123SubdomainErrors(ext.replace(/\.$/, ''))) errs.invalid('spec.externalName', ext, e, 'give a DNS name such as db.example.com');
  } else {
    // validation.go#validateServiceClusterIPs
    clusterIPs.forEach((ip, i) => {
      if (ip !== 'None' && isIP(ip) === 0) errs.invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'give an IP, None, or leave it unset to get one');
    });
  }
  ports(spec, type, errs);
  validateLabels(spec.selector, 'spec.selector', errs);
  // validation.go#ValidateService: sessionAffinity (+ validateClientIPAffinityConfig)
  const affinity: string = spec.sessionAffinity ?? 'None';
  if (affinity !== 'None' && affinity !== 'ClientIP') errs.notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']);
  if (affinity === 'None' && spec.sessionAffinityConfig) errs.invalid('spec.sessionAffinityConfig', spec.sessionAffinityConfig, 'must not be set when session affinity is None', 'remove it');
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'ClientIP' && typeof timeout === 'number' && (timeout <= 0 || timeout > 86400)) {
    errs.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400', 'give 1 to 86400 seconds');
  }
  ((spec.externalIPs ?? []) as string[]).forEach((ip, i) => {
    if (isIP(ip) === 0) errs.invalid(`spec.externalIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'give an IP address');
  });
  if (type !== 'LoadBalancer') {
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) errs.forbidden('spec.loadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'", 'remove it');
    if (spec.allocateLoadBalancerNodePorts !== undefined) errs.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'", 'remove it');
  }
  // validation.go#validateServiceExternalTrafficPolicy / validateServiceInternalTrafficPolicy
  const external = spec.externalTrafficPolicy;
  if (external !== undefined) {
    if (type !== 'NodePort' && type !== 'LoadBalancer') errs.invalid('spec.externalTrafficPolicy', external, 'may only be set for externally-accessible services', 'remove it, or use type NodePort or LoadBalancer');
    else if (external !== 'Cluster' && external !== 'Local') errs.notSupported('spec.externalTrafficPolicy', external, ['Cluster', 'Local']);
  }
  const internal = spec.internalTrafficPolicy;
  if (internal !== undefined && internal !== 'Cluster' && internal !== 'Local') errs.notSupported('spec.internalTrafficPolicy', internal, ['Cluster', 'Local']);
  // validation.go#validateIPFamilyPolicy? (ValidateService → validateServiceIPFamily)
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !['SingleStack', 'PreferDualStack', 'RequireDualStack'].includes(policy)) {
    errs.notSupported('spec.ipFamilyPolicy', policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']);
  }
}

/** validation.go#ValidateServiceUpdate: a set cluster IP may not change (ExternalName conversions aside). */
export function validateServiceUpdate(before: Obj, after: Obj, errs: FieldErrors): void {
  if ((before.type ?? 'ClusterIP') === 'ExternalName' || (after.type ?? 'ClusterIP') === 'ExternalName') return;
  const old: string[] = before.clusterIPs ?? (before.clusterIP ? [before.clusterIP] : []);
  const next: string[] = after.clusterIPs ?? (after.clusterIP ? [after.clusterIP] : []);
  old.forEach((ip, i) => {
    if (ip && next[i] !== undefined && next[i] !== ip) errs.invalid(`spec.clusterIPs[${i}]`, next[i], 'may not change once set', 'delete and recreate the Service to change its cluster IP');
  });
  if (before.clusterIP && after.clusterIP !== undefined && after.clusterIP !== before.clusterIP && old.length === 0) {
    errs.invalid('spec.clusterIPs[0]', after.clusterIP, 'may not change once set', 'delete and recreate the Service to change its cluster IP');
  }
}
