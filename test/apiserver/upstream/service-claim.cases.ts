/**
 * Cases ported from `pkg/apis/core/validation/validation_test.go` (release-1.27): TestValidateServiceCreate,
 * TestValidateServiceUpdate, TestValidatePersistentVolumeClaim, TestValidatePersistentVolumeClaimUpdate.
 * Services are created as the v1 API defaults them (SetDefaults_Service: type, sessionAffinity,
 * protocol, targetPort); node ports are checked against the default 30000-32767 range the
 * registry's allocator enforces on create.
 */
import { claim, Obj, service, UpstreamCase } from './harness';

const c = (upstream: string, manifest: Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, expect, ...(note ? { note } : {}) });
const u = (upstream: string, manifest: Obj, update: (o: Obj) => Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, update, expect, ...(note ? { note } : {}) });
const set = (o: Obj, f: (o: Obj) => void): Obj => { f(o); return o; };
const port = (over: Obj = {}) => ({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345, ...over });
const P0 = { name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 };

/** TestValidateServiceCreate. */
const SERVICE: UpstreamCase[] = [
  c('TestValidateServiceCreate/"valid"', service(), 'accept'),
  c('TestValidateServiceCreate/"valid: no selector"', service({ selector: undefined }), 'accept'),
  c('TestValidateServiceCreate/"valid: two ports"', service({ ports: [P0, port()] }), 'accept'),
  c('TestValidateServiceCreate/"valid: named targetPort"', service({ ports: [{ ...P0, targetPort: 'http' }] }), 'accept'),
  c('TestValidateServiceCreate/"valid: protocol UDP and SCTP"', service({ ports: [{ ...P0, protocol: 'UDP' }, port({ protocol: 'SCTP' })] }), 'accept'),
  c('TestValidateServiceCreate/"valid: same port, different protocols"', service({ ports: [{ ...P0, protocol: 'TCP' }, { ...P0, name: 'q', protocol: 'UDP' }] }), 'accept'),
  c('TestValidateServiceCreate/"valid type - nodeport"', service({ type: 'NodePort' }), 'accept'),
  c('TestValidateServiceCreate/"valid type - nodeport with a node port"', service({ type: 'NodePort', ports: [{ ...P0, nodePort: 30080 }] }), 'accept'),
  c('TestValidateServiceCreate/"valid type - loadbalancer"', service({ type: 'LoadBalancer' }), 'accept'),
  c('TestValidateServiceCreate/"valid type - cluster"', service({ type: 'ClusterIP' }), 'accept'),
  c('TestValidateServiceCreate/"valid type - headless"', service({ clusterIP: 'None' }), 'accept'),
  c('TestValidateServiceCreate/"valid headless service without ports"', service({ clusterIP: 'None', ports: [] }), 'accept'),
  c('TestValidateServiceCreate/"valid ExternalName"', service({ type: 'ExternalName', externalName: 'foo.bar.example.com', ports: [], selector: undefined }), 'accept'),
  c('TestValidateServiceCreate/"valid ExternalName (trailing dot)"', service({ type: 'ExternalName', externalName: 'foo.bar.example.com.', ports: [], selector: undefined }), 'accept'),
  c('TestValidateServiceCreate/"valid clusterIP"', service({ clusterIP: '10.1.2.3' }), 'accept'),
  c('TestValidateServiceCreate/"valid sessionAffinity ClientIP with timeout"', service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90 } } }), 'accept'),
  c('TestValidateServiceCreate/"valid appProtocol"', service({ ports: [{ ...P0, appProtocol: 'kubernetes.io/h2c' }] }), 'accept'),
  c('TestValidateServiceCreate/"valid externalTrafficPolicy Local on NodePort"', service({ type: 'NodePort', externalTrafficPolicy: 'Local' }), 'accept'),
  c('TestValidateServiceCreate/"missing namespace" (filled in)', service({}, { namespace: undefined }), 'accept', 'the request namespace is filled in'),
  c('TestValidateServiceCreate/"invalid namespace"', service({}, { namespace: '-123' }), 'metadata.namespace'),
  c('TestValidateServiceCreate/"missing name"', service({}, { name: '' }), 'metadata.name'),
  c('TestValidateServiceCreate/"invalid name"', service({}, { name: '-123' }), 'metadata.name'),
  c('TestValidateServiceCreate/"too long name"', service({}, { name: 'a'.repeat(64) }), 'metadata.name'),
  c('TestValidateServiceCreate/"invalid generateName"', { ...service(), metadata: { generateName: '-123', namespace: 'default' } }, 'metadata.generateName'),
  c('TestValidateServiceCreate/"invalid label"', service({}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.labels'),
  c('TestValidateServiceCreate/"invalid annotation"', service({}, { annotations: { 'NoSpecialCharsLike=Equals': 'bar' } }), 'metadata.annotations'),
  c('TestValidateServiceCreate/"nil selector" — valid', service({ selector: undefined }), 'accept'),
  c('TestValidateServiceCreate/"invalid selector"', service({ selector: { 'NoSpecialCharsLike=Equals': 'bar' } }), 'spec.selector'),
  c('TestValidateServiceCreate/"missing session affinity" (defaulted to None)', service({ sessionAffinity: undefined }), 'accept', 'v1 SetDefaults_Service defaults sessionAffinity to None'),
  c('TestValidateServiceCreate/"invalid session affinity"', service({ sessionAffinity: 'blah' }), 'spec.sessionAffinity'),
  c('TestValidateServiceCreate/"sessionAffinityConfig with sessionAffinity None"', service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90 } } }), 'accept', 'v1 SetDefaults_Service drops sessionAffinityConfig when sessionAffinity is None, so the internal-API error cannot occur through the v1 API'),
  c('TestValidateServiceCreate/"invalid ClientIP timeoutSeconds"', service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }), 'spec.sessionAffinityConfig.clientIP.timeoutSeconds'),
  c('TestValidateServiceCreate/"missing ports"', service({ ports: [] }), 'spec.ports'),
  c('TestValidateServiceCreate/"missing ports but headless" — valid', service({ ports: [], clusterIP: 'None' }), 'accept'),
  c('TestValidateServiceCreate/"empty port[0] name"', service({ ports: [{ ...P0, name: '' }, port()] }), 'spec.ports[0].name'),
  c('TestValidateServiceCreate/"empty port[1] name"', service({ ports: [P0, port({ name: '' })] }), 'spec.ports[1].name'),
  c('TestValidateServiceCreate/"empty multi-port port[0] name" — single port may be unnamed', service({ ports: [{ ...P0, name: '' }] }), 'accept'),
  c('TestValidateServiceCreate/"invalid port name"', service({ ports: [{ ...P0, name: 'INVALID' }] }), 'spec.ports[0].name'),
  c('TestValidateServiceCreate/"missing protocol" (defaulted to TCP)', service({ ports: [{ name: 'p', port: 8675 }] }), 'accept', 'v1 SetDefaults_Service defaults protocol and targetPort'),
  c('TestValidateServiceCreate/"invalid protocol"', service({ ports: [{ ...P0, protocol: 'INVALID' }] }), 'spec.ports[0].protocol'),
  c('TestValidateServiceCreate/"invalid cluster ip"', service({ clusterIP: 'invalid' }), 'spec.clusterIPs[0]'),
  c('TestValidateServiceCreate/"missing port"', service({ ports: [{ name: 'p', protocol: 'TCP', targetPort: 8675 }] }), 'spec.ports[0].port'),
  c('TestValidateServiceCreate/"invalid port"', service({ ports: [{ ...P0, port: 65536 }] }), 'spec.ports[0].port'),
  c('TestValidateServiceCreate/"invalid targetport int"', service({ ports: [{ ...P0, targetPort: 65536 }] }), 'spec.ports[0].targetPort'),
  c('TestValidateServiceCreate/"invalid targetport name"', service({ ports: [{ ...P0, targetPort: 'INVALID' }] }), 'spec.ports[0].targetPort'),
  c('TestValidateServiceCreate/"invalid port appProtocol"', service({ ports: [{ ...P0, appProtocol: 'invalid protocol!' }] }), 'spec.ports[0].appProtocol'),
  c('TestValidateServiceCreate/"dup port name"', service({ ports: [{ ...P0, name: 'p' }, port({ name: 'p' })] }), 'spec.ports[1].name'),
  c('TestValidateServiceCreate/"duplicate TCP port"', service({ ports: [{ ...P0, name: 'r', port: 1 }, { ...P0, name: 's', port: 1 }] }), 'spec.ports[1]'),
  c('TestValidateServiceCreate/"invalid load balancer protocol UDP 1" — valid in 1.27 (MixedProtocolLBService GA)', service({ type: 'LoadBalancer', ports: [{ ...P0, protocol: 'UDP' }, port({ protocol: 'TCP' })] }), 'accept'),
  c('TestValidateServiceCreate/"invalid type"', service({ type: 'Balanced' }), 'spec.type'),
  c('TestValidateServiceCreate/"invalid nodePort with clusterIP type"', service({ ports: [{ ...P0, nodePort: 30001 }] }), 'spec.ports[0].nodePort'),
  c('TestValidateServiceCreate/"dup nodePort"', service({ type: 'NodePort', ports: [{ ...P0, nodePort: 30001 }, port({ nodePort: 30001 })] }), 'spec.ports[1].nodePort'),
  c('TestValidateServiceCreate/"nodePort out of the service-node-port-range" (allocator)', service({ type: 'NodePort', ports: [{ ...P0, nodePort: 80 }] }), 'spec.ports[0].nodePort'),
  c('TestValidateServiceCreate/"invalid nodePort 65536"', service({ type: 'NodePort', ports: [{ ...P0, nodePort: 65536 }] }), 'spec.ports[0].nodePort'),
  c('TestValidateServiceCreate/"invalid headless NodePort"', service({ type: 'NodePort', clusterIP: 'None' }), 'spec.clusterIP'),
  c('TestValidateServiceCreate/"invalid headless LoadBalancer"', service({ type: 'LoadBalancer', clusterIP: 'None' }), 'spec.clusterIP'),
  c('TestValidateServiceCreate/"invalid ExternalName: missing externalName"', service({ type: 'ExternalName', ports: [], selector: undefined }), 'spec.externalName'),
  c('TestValidateServiceCreate/"invalid ExternalName: bad externalName"', service({ type: 'ExternalName', externalName: '-123.example.com', ports: [], selector: undefined }), 'spec.externalName'),
  c('TestValidateServiceCreate/"invalid ExternalName clusterIP (valid IP)"', service({ type: 'ExternalName', externalName: 'foo.bar.example.com', clusterIP: '1.2.3.4', ports: [] }), 'spec.clusterIPs'),
  c('TestValidateServiceCreate/"invalid externalTrafficPolicy on ClusterIP"', service({ externalTrafficPolicy: 'Local' }), 'spec.externalTrafficPolicy'),
  c('TestValidateServiceCreate/"invalid externalTrafficPolicy value"', service({ type: 'NodePort', externalTrafficPolicy: 'Whatever' }), 'spec.externalTrafficPolicy'),
  c('TestValidateServiceCreate/"invalid internalTrafficPolicy value"', service({ internalTrafficPolicy: 'Whatever' }), 'spec.internalTrafficPolicy'),
  c('TestValidateServiceCreate/"invalid loadBalancerSourceRanges on ClusterIP"', service({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), 'spec.loadBalancerSourceRanges'),
  c('TestValidateServiceCreate/"invalid externalIPs"', service({ externalIPs: ['myhost.mydomain'] }), 'spec.externalIPs[0]'),
  c('TestValidateServiceCreate/"invalid allocateLoadBalancerNodePorts on ClusterIP"', service({ allocateLoadBalancerNodePorts: true }), 'spec.allocateLoadBalancerNodePorts'),
  c('TestValidateServiceCreate/"invalid ipFamilyPolicy"', service({ ipFamilyPolicy: 'Whatever' }), 'spec.ipFamilyPolicy'),
];

/** TestValidateServiceUpdate. */
const SERVICE_UPDATE: UpstreamCase[] = [
  u('TestValidateServiceUpdate/"no change"', service(), (o) => o, 'accept'),
  u('TestValidateServiceUpdate/"change name"… "change selector"', service(), (o) => set(o, (x) => { x.spec.selector = { app: 'other' }; }), 'accept'),
  u('TestValidateServiceUpdate/"add port"', service(), (o) => set(o, (x) => { x.spec.ports.push(port()); }), 'accept'),
  u('TestValidateServiceUpdate/"change cluster IP"', service({ clusterIP: '1.2.3.4' }), (o) => set(o, (x) => { x.spec.clusterIP = '8.6.7.5'; x.spec.clusterIPs = ['8.6.7.5']; }), 'spec.clusterIPs[0]'),
  u('TestValidateServiceUpdate/"remove cluster IP"', service({ clusterIP: '1.2.3.4' }), (o) => set(o, (x) => { x.spec.clusterIP = 'None'; x.spec.clusterIPs = ['None']; }), 'spec.clusterIPs[0]'),
  u('TestValidateServiceUpdate/"change type ClusterIP → NodePort"', service(), (o) => set(o, (x) => { x.spec.type = 'NodePort'; }), 'accept'),
  u('TestValidateServiceUpdate/"invalid port name added"', service(), (o) => set(o, (x) => { x.spec.ports.push(port({ name: 'INVALID' })); }), 'spec.ports[1].name'),
];

/** TestValidatePersistentVolumeClaim (ValidatePersistentVolumeClaimSpec). */
const CLAIM: UpstreamCase[] = [
  c('TestValidatePersistentVolumeClaim/"good-claim"', claim(), 'accept'),
  c('TestValidatePersistentVolumeClaim/"good-claim with selector and storageClassName"', claim({ selector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] }, storageClassName: 'fast' }), 'accept'),
  c('TestValidatePersistentVolumeClaim/"good-claim ReadWriteOncePod"', claim({ accessModes: ['ReadWriteOncePod'] }), 'accept'),
  c('TestValidatePersistentVolumeClaim/"valid-volume-mode Block"', claim({ volumeMode: 'Block' }), 'accept'),
  c('TestValidatePersistentVolumeClaim/"valid dataSource"', claim({ dataSource: { kind: 'PersistentVolumeClaim', name: 'src' } }), 'accept'),
  c('TestValidatePersistentVolumeClaim/"missing-namespace" (filled in)', claim({}, { namespace: undefined }), 'accept', 'the request namespace is filled in'),
  c('TestValidatePersistentVolumeClaim/"invalid-claim-zero-capacity"', claim({ resources: { requests: { storage: '0G' } } }), 'spec.resources[storage]'),
  c('TestValidatePersistentVolumeClaim/"invalid-label-selector"', claim({ selector: { matchExpressions: [{ key: 'key2', operator: 'InvalidOp', values: ['value1', 'value2'] }] } }), 'spec.selector.matchExpressions[0].operator'),
  c('TestValidatePersistentVolumeClaim/"invalid-accessmode"', claim({ accessModes: ['fakemode'] }), 'spec.accessModes'),
  c('TestValidatePersistentVolumeClaim/"missing-accessmodes"', claim({ accessModes: [] }), 'spec.accessModes'),
  c('TestValidatePersistentVolumeClaim/"missing-accessmodes (absent)"', set(claim(), (o) => { delete o.spec.accessModes; }), 'spec.accessModes'),
  c('TestValidatePersistentVolumeClaim/"no-resource-requests"', set(claim(), (o) => { o.spec.resources = { requests: {} }; }), 'spec.resources[storage]'),
  c('TestValidatePersistentVolumeClaim/"no-resources"', set(claim(), (o) => { delete o.spec.resources; }), 'spec.resources[storage]'),
  c('TestValidatePersistentVolumeClaim/"negative-storage-request"', claim({ resources: { requests: { storage: '-10G' } } }), 'spec.resources[storage]'),
  c('TestValidatePersistentVolumeClaim/"invalid-storage-class-name"', claim({ storageClassName: 'invalid-\\' }), 'spec.storageClassName'),
  c('TestValidatePersistentVolumeClaim/"invalid-volume-mode"', claim({ volumeMode: 'fakeVolumeMode' }), 'spec.volumeMode'),
  c('TestValidatePersistentVolumeClaim/"ReadWriteOncePod with other modes"', claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }), 'spec.accessModes'),
  c('TestValidatePersistentVolumeClaim/"invalid dataSource: missing name"', claim({ dataSource: { kind: 'PersistentVolumeClaim' } }), 'spec.dataSource.name'),
  c('TestValidatePersistentVolumeClaim/"invalid dataSource: missing kind"', claim({ dataSource: { name: 'src' } }), 'spec.dataSource.kind'),
  c('TestValidatePersistentVolumeClaim/"invalid name"', claim({}, { name: 'Bad_Name' }), 'metadata.name'),
];

/** TestValidatePersistentVolumeClaimUpdate (only requests may change, and only grow). */
const CLAIM_UPDATE: UpstreamCase[] = [
  u('TestValidatePersistentVolumeClaimUpdate/"valid-expand-volume" (ExpandPersistentVolumes)', claim(), (o) => set(o, (x) => { x.spec.resources.requests.storage = '15G'; }), 'accept'),
  u('TestValidatePersistentVolumeClaimUpdate/"valid-update-labels"', claim(), (o) => set(o, (x) => { x.metadata.labels = { app: 'x' }; }), 'accept'),
  u('TestValidatePersistentVolumeClaimUpdate/"invalid-shrink-volume"', claim(), (o) => set(o, (x) => { x.spec.resources.requests.storage = '5G'; }), 'spec.resources.requests.storage'),
  u('TestValidatePersistentVolumeClaimUpdate/"invalid-update-change-access-modes"', claim(), (o) => set(o, (x) => { x.spec.accessModes = ['ReadWriteMany']; }), 'spec'),
  u('TestValidatePersistentVolumeClaimUpdate/"invalid-update-change-storage-class"', claim({ storageClassName: 'fast' }), (o) => set(o, (x) => { x.spec.storageClassName = 'slow'; }), 'spec'),
  u('TestValidatePersistentVolumeClaimUpdate/"invalid-update-volume-mode"', claim(), (o) => set(o, (x) => { x.spec.volumeMode = 'Block'; }), 'spec'),
];

/** Every Service and PersistentVolumeClaim case. */
export const SERVICE_CLAIM_CASES: readonly UpstreamCase[] = [...SERVICE, ...SERVICE_UPDATE, ...CLAIM, ...CLAIM_UPDATE];
