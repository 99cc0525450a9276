/**
 * Cases ported from `pkg/apis/core/validation/validation_test.go` (release-1.27): pod specs,
 * containers, ports, env, volumes and mounts, resources, affinity, tolerations, pod metadata.
 * Each row names the upstream test and case; the object is upstream's, written as v1 YAML would be.
 */
import { container, Obj, pod, UpstreamCase } from './harness';

const c = (upstream: string, manifest: Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, expect, ...(note ? { note } : {}) });
/** A pod whose only container has `ports`. */
const ports = (p: Obj[]) => pod({}, { ports: p });
/** A pod whose only container has `env`. */
const env = (e: Obj[]) => pod({}, { env: e });
/** A pod with volumes `abc`, `123`, `abc-123` and the container's `volumeMounts`. */
const mounts = (m: Obj[]) => pod({ volumes: [{ name: 'abc', emptyDir: {} }, { name: '123', emptyDir: {} }, { name: 'abc-123', emptyDir: {} }] }, { volumeMounts: m });
/** A pod whose only container has `resources`. */
const resources = (r: Obj) => pod({}, { resources: r });
const fieldRef = (fieldPath: string, apiVersion = 'v1') => [{ name: 'abc', valueFrom: { fieldRef: { apiVersion, fieldPath } } }];
const resourceRef = (resource: string, divisor?: string) => [{ name: 'abc', valueFrom: { resourceFieldRef: { containerName: 'abc', resource, ...(divisor ? { divisor } : {}) } } }];
const nodeAffinity = (required: Obj) => pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } } });
const term = (expr: Obj) => ({ nodeSelectorTerms: [{ matchExpressions: [expr] }] });
const podAffinity = (kind: 'podAffinity' | 'podAntiAffinity', body: Obj) => pod({ affinity: { [kind]: body } });
const affinityTerm = (over: Obj = {}) => ({ labelSelector: { matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }] }, topologyKey: 'zone', namespaces: ['ns'], ...over });
const CPU_MEM = { cpu: '10', memory: '10G' };

/** TestValidatePorts. */
const PORTS: UpstreamCase[] = [
  c('TestValidatePorts/success: named ports with every protocol', ports([
    { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' }, { name: 'easy', containerPort: 82, protocol: 'TCP' },
    { name: 'as', containerPort: 83, protocol: 'UDP' }, { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' }, { containerPort: 85, protocol: 'TCP' }]), 'accept'),
  c('TestValidatePorts/success: unnamed port', ports([{ containerPort: 80, protocol: 'TCP' }]), 'accept'),
  c('TestValidatePorts/success: port 6443', ports([{ protocol: 'TCP', containerPort: 6443 }]), 'accept'),
  c('TestValidatePorts/"name > 15 characters"', ports([{ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }]), 'spec.containers[0].ports[0].name'),
  c('TestValidatePorts/"name contains invalid characters"', ports([{ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }]), 'spec.containers[0].ports[0].name'),
  c('TestValidatePorts/"name is a number"', ports([{ name: '80', containerPort: 80, protocol: 'TCP' }]), 'spec.containers[0].ports[0].name'),
  c('TestValidatePorts/"name not unique"', ports([{ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }]), 'spec.containers[0].ports[1].name'),
  c('TestValidatePorts/"zero container port"', ports([{ containerPort: 0, protocol: 'TCP' }]), 'spec.containers[0].ports[0].containerPort'),
  c('TestValidatePorts/"invalid container port"', ports([{ containerPort: 65536, protocol: 'TCP' }]), 'spec.containers[0].ports[0].containerPort'),
  c('TestValidatePorts/"invalid host port"', ports([{ containerPort: 80, hostPort: 65536, protocol: 'TCP' }]), 'spec.containers[0].ports[0].hostPort'),
  c('TestValidatePorts/"invalid protocol case"', ports([{ containerPort: 80, protocol: 'tcp' }]), 'spec.containers[0].ports[0].protocol'),
  c('TestValidatePorts/"invalid protocol"', ports([{ containerPort: 80, protocol: 'asdf' }]), 'spec.containers[0].ports[0].protocol'),
  c('TestValidatePorts/"protocol required"', ports([{ name: 'abc', containerPort: 80 }]), 'accept', 'v1 SetDefaults_ContainerPort defaults an empty protocol to TCP before validation, so the internal-API Required error cannot occur through the v1 API'),
  c('TestValidatePorts/upper-case name (issue 16)', ports([{ name: 'HTTP', containerPort: 80 }]), 'spec.containers[0].ports[0].name'),
  c('TestValidatePorts/name with consecutive hyphens', ports([{ name: 'a--b', containerPort: 80 }]), 'spec.containers[0].ports[0].name'),
  c('TestValidatePorts/hostPort 99999 (issue 16)', ports([{ containerPort: 80, hostPort: 99999 }]), 'spec.containers[0].ports[0].hostPort'),
];

/** TestValidateEnv and TestValidateEnvFrom (validateEnvVarValueFrom, validateObjectFieldSelector, validateContainerResourceFieldSelector). */
const ENV: UpstreamCase[] = [
  c('TestValidateEnv/success: plain names and values', env([{ name: 'abc', value: 'value' }, { name: 'ABC', value: 'value' }, { name: 'AbC_123', value: 'value' }, { name: 'abc', value: '' }, { name: 'a.b.c', value: 'value' }, { name: 'a-b-c', value: 'value' }]), 'accept'),
  c('TestValidateEnv/success: fieldRef metadata.annotations[\'key\']', env(fieldRef("metadata.annotations['key']")), 'accept'),
  c('TestValidateEnv/success: fieldRef metadata.labels[\'key\']', env(fieldRef("metadata.labels['key']")), 'accept'),
  c('TestValidateEnv/success: fieldRef metadata.name', env(fieldRef('metadata.name')), 'accept'),
  c('TestValidateEnv/success: fieldRef metadata.namespace', env(fieldRef('metadata.namespace')), 'accept'),
  c('TestValidateEnv/success: fieldRef metadata.uid', env(fieldRef('metadata.uid')), 'accept'),
  c('TestValidateEnv/success: fieldRef spec.nodeName', env(fieldRef('spec.nodeName')), 'accept'),
  c('TestValidateEnv/success: fieldRef spec.serviceAccountName', env(fieldRef('spec.serviceAccountName')), 'accept'),
  c('TestValidateEnv/success: fieldRef status.hostIP', env(fieldRef('status.hostIP')), 'accept'),
  c('TestValidateEnv/success: fieldRef status.podIP', env(fieldRef('status.podIP')), 'accept'),
  c('TestValidateEnv/success: fieldRef status.podIPs', env(fieldRef('status.podIPs')), 'accept'),
  c('TestValidateEnv/success: resourceFieldRef limits.cpu', env(resourceRef('limits.cpu')), 'accept'),
  c('TestValidateEnv/success: resourceFieldRef requests.memory divisor 1Mi', env(resourceRef('requests.memory', '1Mi')), 'accept'),
  c('TestValidateEnv/success: configMapKeyRef', env([{ name: 'abc', valueFrom: { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } }]), 'accept'),
  c('TestValidateEnv/success: secretKeyRef', env([{ name: 'abc', valueFrom: { secretKeyRef: { name: 'some-secret', key: 'secret-key' } } }]), 'accept'),
  c('TestValidateEnv/"zero-length name"', env([{ name: '' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/"illegal character"', env([{ name: 'a!b' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/"dot only"', env([{ name: '.' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/"double dots only"', env([{ name: '..' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/"leading double dots"', env([{ name: '..abc' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/name starting with a digit (issue 16: 1ABC)', env([{ name: '1ABC', value: 'x' }]), 'spec.containers[0].env[0].name'),
  c('TestValidateEnv/"value and valueFrom specified"', env([{ name: 'abc', value: 'foo', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }]), 'spec.containers[0].env[0].valueFrom'),
  c('TestValidateEnv/"valueFrom without a source"', env([{ name: 'abc', valueFrom: {} }]), 'spec.containers[0].env[0].valueFrom'),
  c('TestValidateEnv/"valueFrom.fieldRef and valueFrom.secretKeyRef specified"', env([{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, secretKeyRef: { name: 'a-secret', key: 'a-key' } } }]), 'spec.containers[0].env[0].valueFrom'),
  c('TestValidateEnv/"missing FieldPath on ObjectFieldSelector"', env([{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }]), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"missing APIVersion on ObjectFieldSelector"', env([{ name: 'abc', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]), 'accept', 'v1 SetDefaults_ObjectFieldSelector defaults apiVersion to v1, so the internal-API Required error cannot occur through the v1 API'),
  c('TestValidateEnv/"invalid fieldPath"', env(fieldRef('metadata.whoops')), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"metadata.name with subscript"', env(fieldRef("metadata.name['key']")), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"metadata.labels without subscript"', env(fieldRef('metadata.labels')), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"metadata.annotations without subscript"', env(fieldRef('metadata.annotations')), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"metadata.annotations with invalid key"', env(fieldRef("metadata.annotations['invalid~key']")), 'spec.containers[0].env[0].valueFrom.fieldRef'),
  c('TestValidateEnv/"metadata.labels with invalid key"', env(fieldRef("metadata.labels['Www.k8s.io/test']")), 'spec.containers[0].env[0].valueFrom.fieldRef'),
  c('TestValidateEnv/"unsupported fieldPath"', env(fieldRef('status.phase')), 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'),
  c('TestValidateEnv/"invalid apiVersion"', env(fieldRef('metadata.name', 'v1beta1')), 'spec.containers[0].env[0].valueFrom.fieldRef'),
  c('TestValidateEnv/"unsupported resourceFieldRef resource"', env(resourceRef('limits.foo')), 'spec.containers[0].env[0].valueFrom.resourceFieldRef.resource'),
  c('TestValidateEnv/"invalid cpu divisor"', env(resourceRef('limits.cpu', '2')), 'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor'),
  c('TestValidateEnv/"configMapKeyRef without key"', env([{ name: 'abc', valueFrom: { configMapKeyRef: { name: 'some-config-map' } } }]), 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key'),
  c('TestValidateEnv/"configMapKeyRef with an invalid key"', env([{ name: 'abc', valueFrom: { configMapKeyRef: { name: 'some-config-map', key: 'a!b' } } }]), 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key'),
  c('TestValidateEnv/"secretKeyRef without a name"', env([{ name: 'abc', valueFrom: { secretKeyRef: { key: 'secret-key' } } }]), 'spec.containers[0].env[0].valueFrom.secretKeyRef.name'),
];

/** TestValidateVolumeMounts. */
const MOUNTS: UpstreamCase[] = [
  c('TestValidateVolumeMounts/success', mounts([{ name: 'abc', mountPath: '/foo' }, { name: '123', mountPath: '/bar' }, { name: 'abc-123', mountPath: '/baz' }, { name: 'abc-123', mountPath: '/baa', subPath: 'baz' }, { name: 'abc-123', mountPath: '/bab', subPath: 'baz/a' }, { name: 'abc-123', mountPath: '/bac', subPath: '.baz' }, { name: 'abc-123', mountPath: '/bad', subPath: '..baz' }]), 'accept'),
  c('TestValidateVolumeMounts/"empty name"', mounts([{ name: '', mountPath: '/foo' }]), 'spec.containers[0].volumeMounts[0].name'),
  c('TestValidateVolumeMounts/"name not found"', mounts([{ name: '', mountPath: '/foo' }, { name: 'bad', mountPath: '/bar' }]), 'spec.containers[0].volumeMounts[1].name'),
  c('TestValidateVolumeMounts/"empty mountpath"', mounts([{ name: 'abc', mountPath: '' }]), 'spec.containers[0].volumeMounts[0].mountPath'),
  c('TestValidateVolumeMounts/"mountpath collision"', mounts([{ name: 'abc', mountPath: '/path/a' }, { name: '123', mountPath: '/path/a' }]), 'spec.containers[0].volumeMounts[1].mountPath'),
  c('TestValidateVolumeMounts/"absolute subpath"', mounts([{ name: 'abc', mountPath: '/bar', subPath: '/baz' }]), 'spec.containers[0].volumeMounts.subPath'),
  c('TestValidateVolumeMounts/"subpath in .."', mounts([{ name: 'abc', mountPath: '/bar', subPath: '../baz' }]), 'spec.containers[0].volumeMounts.subPath'),
  c('TestValidateVolumeMounts/"subpath contains .."', mounts([{ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }]), 'spec.containers[0].volumeMounts.subPath'),
  c('TestValidateVolumeMounts/"subpath ends in .."', mounts([{ name: 'abc', mountPath: '/bar', subPath: './..' }]), 'spec.containers[0].volumeMounts.subPath'),
  c('TestValidateVolumeMounts/"subPath and subPathExpr"', mounts([{ name: 'abc', mountPath: '/bar', subPath: 'a', subPathExpr: '$(POD_NAME)' }]), 'spec.containers[0].volumeMounts[0].subPathExpr'),
];

/** TestValidateResourceRequirements (+ the pod-level hugepages rule of validateResourceRequirements). */
const RESOURCES: UpstreamCase[] = [
  c('TestValidateResourceRequirements/"limits and requests of hugepage resource are equal"', resources({ limits: { ...CPU_MEM, 'hugepages-2Mi': '2Mi' }, requests: { ...CPU_MEM, 'hugepages-2Mi': '2Mi' } }), 'accept'),
  c('TestValidateResourceRequirements/"limits and requests of memory resource are equal"', resources({ limits: { memory: '2Mi' }, requests: { memory: '2Mi' } }), 'accept'),
  c('TestValidateResourceRequirements/"limits and requests of cpu resource are equal"', resources({ limits: { cpu: '10' }, requests: { cpu: '10' } }), 'accept'),
  c('TestValidateResourceRequirements/"limits set, requests not" (requests default to limits)', resources({ limits: { cpu: '10', memory: '1Gi' } }), 'accept'),
  c('TestValidateResourceRequirements/"request below limit"', resources({ limits: { cpu: '10' }, requests: { cpu: '9' } }), 'accept'),
  c('TestValidateResourceRequirements/"hugepage resource without cpu or memory"', resources({ limits: { 'hugepages-2Mi': '2Mi' }, requests: { 'hugepages-2Mi': '2Mi' } }), 'spec.containers[0].resources'),
  c('TestValidateResourceRequirements/"request above limit" (issue 16: cpu request above limit)', resources({ limits: { cpu: '1' }, requests: { cpu: '2' } }), 'spec.containers[0].resources.requests'),
  c('TestValidateResourceRequirements/"hugepages request not equal to limit"', resources({ limits: { ...CPU_MEM, 'hugepages-2Mi': '2Mi' }, requests: { ...CPU_MEM, 'hugepages-2Mi': '1Mi' } }), 'spec.containers[0].resources.requests'),
  c('TestValidateResourceRequirements/"negative request"', resources({ requests: { memory: '-1' } }), 'spec.containers[0].resources.requests[memory]'),
  c('TestValidateResourceRequirements/"non-standard resource name"', resources({ requests: { disk: '10G' } }), 'spec.containers[0].resources.requests[disk]'),
  c('TestValidateResourceRequirements/"extended resource, not integer"', resources({ limits: { 'example.com/a': '1.5' }, requests: { 'example.com/a': '1.5' } }), 'spec.containers[0].resources.limits[example.com/a]'),
  c('TestValidateResourceRequirements/"extended resource request without limit"', resources({ requests: { 'example.com/a': '1' } }), 'spec.containers[0].resources.limits'),
];

/** TestValidateContainers. */
const CONTAINERS: UpstreamCase[] = [
  c('TestValidateContainers/success: several containers with probes and lifecycle', pod({ containers: [
    container({ name: 'abc' }), container({ name: '123' }), container({ name: 'abc-123' }),
    container({ name: 'life-123', lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }),
    container({ name: 'live-123', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 1 } }),
    container({ name: 'ready-123', readinessProbe: { httpGet: { path: '/', port: 8080 }, successThreshold: 3 } }),
  ] }), 'accept'),
  c('TestValidateContainers/"zero-length name"', pod({}, { name: '' }), 'spec.containers[0].name'),
  c('TestValidateContainers/"name > 63 characters"', pod({}, { name: 'a'.repeat(64) }), 'spec.containers[0].name'),
  c('TestValidateContainers/"name not a DNS label"', pod({}, { name: 'a.b.c' }), 'spec.containers[0].name'),
  c('TestValidateContainers/"name not unique"', pod({ containers: [container({ name: 'abc' }), container({ name: 'abc' })] }), 'spec.containers[1].name'),
  c('TestValidateContainers/"zero-length image"', pod({}, { image: '' }), 'spec.containers[0].image'),
  c('TestValidateContainers/"host port not unique"', pod({ containers: [container({ name: 'abc', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }), container({ name: 'def', ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] })] }), 'spec.containers[1].ports[0].hostPort'),
  c('TestValidateContainers/"invalid env var name"', pod({}, { env: [{ name: 'ev!1' }] }), 'spec.containers[0].env[0].name'),
  c('TestValidateContainers/"unknown volume name"', pod({}, { volumeMounts: [{ name: 'anything', mountPath: '/foo' }] }), 'spec.containers[0].volumeMounts[0].name'),
  c('TestValidateContainers/"invalid lifecycle, no exec command."', pod({}, { lifecycle: { preStop: { exec: {} } } }), 'spec.containers[0].lifecycle.preStop.exec.command'),
  c('TestValidateContainers/"invalid lifecycle, no http path."', pod({}, { lifecycle: { preStop: { httpGet: { port: 80 } } } }), 'accept', 'v1 SetDefaults_HTTPGetAction defaults an empty path to "/", so the internal-API Required error cannot occur through the v1 API'),
  c('TestValidateContainers/"invalid lifecycle, no http port."', pod({}, { lifecycle: { preStop: { httpGet: { path: '/', port: 0 } } } }), 'spec.containers[0].lifecycle.preStop.httpGet.port'),
  c('TestValidateContainers/"invalid lifecycle, no tcp socket port."', pod({}, { lifecycle: { preStop: { tcpSocket: { port: 0 } } } }), 'spec.containers[0].lifecycle.preStop.tcpSocket.port'),
  c('TestValidateContainers/"invalid lifecycle, zero tcp socket port."', pod({}, { lifecycle: { preStop: { tcpSocket: { port: 0 } } } }), 'spec.containers[0].lifecycle.preStop.tcpSocket.port'),
  c('TestValidateContainers/"invalid lifecycle, no action."', pod({}, { lifecycle: { preStop: {} } }), 'spec.containers[0].lifecycle.preStop'),
  c('TestValidateContainers/"invalid readiness probe, terminationGracePeriodSeconds set."', pod({}, { readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 } }), 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds'),
  c('TestValidateContainers/"invalid liveness probe, no tcp socket port."', pod({}, { livenessProbe: { tcpSocket: { port: 0 } } }), 'spec.containers[0].livenessProbe.tcpSocket.port'),
  c('TestValidateContainers/"invalid liveness probe, no action."', pod({}, { livenessProbe: { successThreshold: 1 } }), 'spec.containers[0].livenessProbe'),
  c('TestValidateContainers/"invalid liveness probe, successThreshold != 1"', pod({}, { livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }), 'spec.containers[0].livenessProbe.successThreshold'),
  c('TestValidateContainers/"invalid startup probe, successThreshold != 1"', pod({}, { startupProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }), 'spec.containers[0].startupProbe.successThreshold'),
  c('TestValidateContainers/"invalid liveness probe, negative numbers"', pod({}, { livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1 } }), 'spec.containers[0].livenessProbe.initialDelaySeconds'),
  c('TestValidateContainers/"invalid message termination policy"', pod({}, { terminationMessagePolicy: 'Unknown' }), 'spec.containers[0].terminationMessagePolicy'),
  c('TestValidateContainers/"Invalid container port name in probe"', pod({}, { livenessProbe: { httpGet: { path: '/', port: 'HTTP' } } }), 'spec.containers[0].livenessProbe.httpGet.port'),
  c('TestValidateContainers/"invalid imagePullPolicy"', pod({}, { imagePullPolicy: 'Sometimes' }), 'spec.containers[0].imagePullPolicy'),
  c('TestValidateContainers/"privilege disabled"', pod({}, { securityContext: { privileged: true, allowPrivilegeEscalation: false } }), 'spec.containers[0].securityContext'),
  c('TestValidateContainers/"invalid runAsUser"', pod({}, { securityContext: { runAsUser: -1 } }), 'spec.containers[0].securityContext.runAsUser'),
  c('TestValidateInitContainers/"init container with a readiness probe"', pod({ initContainers: [container({ name: 'init', readinessProbe: { tcpSocket: { port: 80 } } })] }), 'spec.initContainers[0].readinessProbe'),
  c('TestValidateInitContainers/"init container name duplicates a container"', pod({ initContainers: [container({ name: 'abc' })] }), 'spec.initContainers[0].name'),
  c('TestValidateInitContainers/success', pod({ initContainers: [container({ name: 'init' })] }), 'accept'),
];

/** TestValidatePodSpec. */
const POD_SPEC: UpstreamCase[] = [
  c('TestValidatePodSpec/success: populate basic fields', pod({ nodeSelector: { key: 'value' }, nodeName: 'foobar', serviceAccountName: 'acct', activeDeadlineSeconds: 30, priorityClassName: 'valid-name' }), 'accept'),
  c('TestValidatePodSpec/success: populate HostNetwork', pod({ hostNetwork: true }, { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] }), 'accept'),
  c('TestValidatePodSpec/success: HostNetwork with hostPort defaulted', pod({ hostNetwork: true }, { ports: [{ containerPort: 8080, protocol: 'TCP' }] }), 'accept', 'v1 SetDefaults_PodSpec sets hostPort = containerPort under hostNetwork'),
  c('TestValidatePodSpec/success: populate RestartPolicy OnFailure', pod({ restartPolicy: 'OnFailure' }), 'accept'),
  c('TestValidatePodSpec/success: populate ShareProcessNamespace', pod({ shareProcessNamespace: true }), 'accept'),
  c('TestValidatePodSpec/success: populate DNSPolicy None with dnsConfig', pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'] } }), 'accept'),
  c('TestValidatePodSpec/"bad volume"', pod({ volumes: [{ emptyDir: {} }] }), 'spec.volumes[0].name'),
  c('TestValidatePodSpec/"no containers"', pod({ containers: [] }), 'spec.containers'),
  c('TestValidatePodSpec/"bad container"', pod({}, { name: '' }), 'spec.containers[0].name'),
  c('TestValidatePodSpec/"bad init container"', pod({ initContainers: [{ name: '', image: 'image' }] }), 'spec.initContainers[0].name'),
  c('TestValidatePodSpec/"bad DNS policy"', pod({ dnsPolicy: 'invalid' }), 'spec.dnsPolicy'),
  c('TestValidatePodSpec/"bad service account name"', pod({ serviceAccountName: 'invalidName' }), 'spec.serviceAccountName'),
  c('TestValidatePodSpec/"bad restart policy"', pod({ restartPolicy: 'UnknowPolicy' }), 'spec.restartPolicy'),
  c('TestValidatePodSpec/"with hostNetwork hostPort unspecified" → mismatched', pod({ hostNetwork: true }, { ports: [{ containerPort: 8080, hostPort: 8081, protocol: 'TCP' }] }), 'spec.containers[0].ports[0].hostPort'),
  c('TestValidatePodSpec/"bad supplementalGroups large than math.MaxInt32"', pod({ securityContext: { supplementalGroups: [2147483648] } }), 'spec.securityContext.supplementalGroups[0]'),
  c('TestValidatePodSpec/"bad supplementalGroups less than 0"', pod({ securityContext: { supplementalGroups: [-1] } }), 'spec.securityContext.supplementalGroups[0]'),
  c('TestValidatePodSpec/"bad runAsUser large than math.MaxInt32"', pod({ securityContext: { runAsUser: 2147483648 } }), 'spec.securityContext.runAsUser'),
  c('TestValidatePodSpec/"bad runAsUser less than 0"', pod({ securityContext: { runAsUser: -1 } }), 'spec.securityContext.runAsUser'),
  c('TestValidatePodSpec/"bad fsGroup large than math.MaxInt32"', pod({ securityContext: { fsGroup: 2147483648 } }), 'spec.securityContext.fsGroup'),
  c('TestValidatePodSpec/"bad-active-deadline-seconds"', pod({ activeDeadlineSeconds: 0 }), 'spec.activeDeadlineSeconds'),
  c('TestValidatePodSpec/"active-deadline-seconds-too-large"', pod({ activeDeadlineSeconds: 2147483648 }), 'spec.activeDeadlineSeconds'),
  c('TestValidatePodSpec/"bad nodeName"', pod({ nodeName: 'node name' }), 'spec.nodeName'),
  c('TestValidatePodSpec/"bad PriorityClassName"', pod({ priorityClassName: 'InvalidName' }), 'spec.priorityClassName'),
  c('TestValidatePodSpec/"ShareProcessNamespace and HostPID both set"', pod({ shareProcessNamespace: true, hostPID: true }), 'spec.securityContext.shareProcessNamespace', 'the internal API holds hostPID and shareProcessNamespace in the pod security context, so the server names that path'),
  c('TestValidatePodSpec/"bad hostname"', pod({ hostname: 'Bad_Host' }), 'spec.hostname'),
  c('TestValidatePodSpec/"bad subdomain"', pod({ subdomain: 'a.b' }), 'spec.subdomain'),
  c('TestValidatePodDNSConfig/"dnsPolicy None without dnsConfig"', pod({ dnsPolicy: 'None' }), 'spec.dnsConfig'),
  c('TestValidatePodSpec/"bad nodeSelector key"', pod({ nodeSelector: { 'a b': 'c' } }), 'spec.nodeSelector'),
  c('TestValidatePodSpec/"duplicate volume names"', pod({ volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }), 'spec.volumes[1].name'),
  c('TestValidateVolumes/"multiple volume types"', pod({ volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }] }), 'spec.volumes[0].hostPath'),
  c('TestValidatePodCreate/"ephemeral containers on create" (issue 16)', pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }] }), 'spec.ephemeralContainers'),
];

/** TestValidatePod (metadata, affinity, tolerations). */
const POD: UpstreamCase[] = [
  c('TestValidatePod/success: basic', pod(), 'accept'),
  c('TestValidatePod/success: labels and annotations', pod({}, {}, { labels: { 'example.com/app': 'web' }, annotations: { 'example.com/note': 'any text: at all' } }), 'accept'),
  c('TestValidatePod/"bad name"', pod({}, {}, { name: 'Bad_Name' }), 'metadata.name'),
  c('TestValidatePod/"bad namespace"', pod({}, {}, { namespace: 'Bad_NS' }), 'metadata.namespace'),
  c('TestValidatePod/"bad label"', pod({}, {}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.labels'),
  c('TestValidatePod/"bad annotation key"', pod({}, {}, { annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.annotations'),
  c('TestValidateObjectMetaAnnotations/"annotation key prefix not a subdomain"', pod({}, {}, { annotations: { 'Example_Com/key': 'x' } }), 'metadata.annotations'),
  c('TestValidateObjectMetaAnnotations/"total annotation size over 256 KiB"', pod({}, {}, { annotations: { a: 'x'.repeat(150 * 1024), b: 'y'.repeat(120 * 1024) } }), 'metadata.annotations'),
  c('TestValidateObjectMetaAnnotations/"total annotation size just under 256 KiB"', pod({}, {}, { annotations: { a: 'x'.repeat(200 * 1024) } }), 'accept'),
  c('TestValidatePod/success: node affinity In and Exists', nodeAffinity({ nodeSelectorTerms: [{ matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }, { key: 'key3', operator: 'Exists' }] }] }), 'accept'),
  c('TestValidatePod/success: node affinity matchFields metadata.name', nodeAffinity({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1'] }] }] }), 'accept'),
  c('TestValidatePod/"invalid node selector requirement in node affinity, operator can\'t be null"', nodeAffinity(term({ key: 'key1' })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator'),
  c('TestValidatePod/"invalid node selector requirement, unsupported operator"', nodeAffinity(term({ key: 'key1', operator: 'Contains', values: ['a'] })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator'),
  c('TestValidatePod/"invalid requiredDuringSchedulingIgnoredDuringExecution node selector, key is not a label key"', nodeAffinity(term({ key: 'invalid key ___@#', operator: 'Exists' })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key'),
  c('TestValidatePod/"In operator without values"', nodeAffinity(term({ key: 'key1', operator: 'In' })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values'),
  c('TestValidatePod/"Exists operator with values"', nodeAffinity(term({ key: 'key1', operator: 'Exists', values: ['a'] })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values'),
  c('TestValidatePod/"Gt operator with two values"', nodeAffinity(term({ key: 'key1', operator: 'Gt', values: ['1', '2'] })), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values'),
  c('TestValidatePod/"invalid matchFields key"', nodeAffinity({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.namespace', operator: 'In', values: ['ns1'] }] }] }), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key'),
  c('TestValidatePod/"invalid requiredDuringSchedulingIgnoredDuringExecution node selector, nodeSelectorTerms must have at least one term"', nodeAffinity({ nodeSelectorTerms: [] }), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms'),
  c('TestValidatePod/"invalid preferredSchedulingTerm in node affinity, weight should be in range 1-100"', pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 199, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }] } } }), 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight'),
  c('TestValidatePod/success: pod affinity and anti-affinity', pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [affinityTerm()] }, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: affinityTerm({ topologyKey: 'region' }) }] } } }), 'accept'),
  c('TestValidatePod/"invalid labelSelector in requiredDuringSchedulingIgnoredDuringExecution in PodAffinity, values should be empty if the operator is Exists"', podAffinity('podAffinity', { requiredDuringSchedulingIgnoredDuringExecution: [affinityTerm({ labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1'] }] } })] }), 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values'),
  c('TestValidatePod/"invalid name space in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, namespace should be valid"', podAffinity('podAffinity', { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: affinityTerm({ namespaces: ['INVALID_NAMESPACE'] }) }] }), 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespaces[0]'),
  c('TestValidatePod/"invalid hard pod affinity, empty topologyKey is not allowed for hard pod affinity"', podAffinity('podAffinity', { requiredDuringSchedulingIgnoredDuringExecution: [affinityTerm({ topologyKey: '' })] }), 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'),
  c('TestValidatePod/"invalid hard pod anti-affinity, empty topologyKey is not allowed for hard pod anti-affinity"', podAffinity('podAntiAffinity', { requiredDuringSchedulingIgnoredDuringExecution: [affinityTerm({ topologyKey: '' })] }), 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'),
  c('TestValidatePod/"invalid soft pod affinity, empty topologyKey is not allowed for soft pod affinity"', podAffinity('podAffinity', { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: affinityTerm({ topologyKey: '' }) }] }), 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey'),
  c('TestValidatePod/"invalid weight in preferredDuringSchedulingIgnoredDuringExecution in pod anti-affinity, weight should be in range 1-100"', podAffinity('podAntiAffinity', { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: affinityTerm() }] }), 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight'),
  c('TestValidatePod/"invalid toleration key"', pod({ tolerations: [{ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }), 'spec.tolerations[0].key'),
  c('TestValidatePod/"operator must be \'Exists\' when `key` is empty"', pod({ tolerations: [{ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }), 'spec.tolerations[0].operator'),
  c('TestValidatePod/"effect must be \'NoExecute\' when `TolerationSeconds` is set"', pod({ tolerations: [{ key: 'pod.alpha.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 }] }), 'spec.tolerations[0].effect'),
  c('TestValidatePod/"value must be empty when `operator` is \'Exists\'"', pod({ tolerations: [{ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }] }), 'spec.tolerations[0].operator'),
  c('TestValidatePod/success: tolerations', pod({ tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, { operator: 'Exists' }] }), 'accept'),
  c('TestValidatePod/"invalid scheduling gate name"', pod({ schedulingGates: [{ name: 'invalid name!' }] }), 'spec.schedulingGates[0]'),
  c('TestValidatePod/success: scheduling gates', pod({ schedulingGates: [{ name: 'example.com/gate' }] }), 'accept'),
];

/** Every core pod case. */
export const POD_CASES: readonly UpstreamCase[] = [...PORTS, ...ENV, ...MOUNTS, ...RESOURCES, ...CONTAINERS, ...POD_SPEC, ...POD];
