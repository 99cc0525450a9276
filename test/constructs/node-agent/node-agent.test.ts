import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  NodeAgent,
  NodeAgentCapability,
  NodeAgentEnv,
  NodeAgentPriorityClass,
  NodeAgentProps,
  NodeAgentTolerations,
  NodeAgentUpdateStrategy,
  NodeSelectorOperator,
  PodSecurityLevel,
  TolerationOperator,
  ValidationError,
} from '../../../lib';
import { Manifest, newChart, only, schemaIssues, synth } from '../../helpers/synth';

const IMAGE = 'registry.example.com/agent:1.2.3';

/** A chart in namespace `agents` holding one NodeAgent `agent` with `props` over a minimal container. */
function build(props: Partial<NodeAgentProps> = {}, namespace: string | null = 'agents'): { chart: Chart; agent: NodeAgent } {
  const chart = newChart(namespace ?? undefined);
  const agent = new NodeAgent(chart, 'agent', { containers: [{ image: IMAGE }], ...props });
  return { chart, agent };
}

function daemonSet(chart: Chart): Manifest {
  return only(synth(chart), 'DaemonSet');
}

function podSpec(chart: Chart): any {
  return daemonSet(chart).spec.template.spec;
}

function construct(props: Partial<NodeAgentProps>, namespace: string | null = 'agents'): () => NodeAgent {
  return () => build(props, namespace).agent;
}

test('ApiObject.of() on a NodeAgent reaches its DaemonSet', () => {
  const { agent } = build();
  const resource = ApiObject.of(agent);
  expect(resource.kind).toBe('DaemonSet');
  expect(resource.apiVersion).toBe('apps/v1');
  expect(agent.daemonSet.node.id).toBe('Resource');
  expect(agent.node.defaultChild).toBe(agent.daemonSet);
});

test('a JSON patch through the escape hatch reaches the manifest', () => {
  const { chart, agent } = build();
  // Patches go through cdk8s-plus-27's typed converters: use their property names (hostIpc, not hostIPC).
  ApiObject.of(agent).addJsonPatch(JsonPatch.add('/spec/template/spec/hostIpc', true));
  expect(podSpec(chart).hostIPC).toBe(true);
});

describe('defaults', () => {
  const { chart, agent } = build();
  const manifests = synth(chart);
  const ds = only(manifests, 'DaemonSet');
  const spec = ds.spec.template.spec;
  const container = spec.containers[0];

  test('names everything after the construct path and selects on app.kubernetes.io/name', () => {
    expect(ds.metadata).toEqual({ name: 'test-agent', namespace: 'agents' });
    expect(agent.name).toBe('test-agent');
    expect(ds.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'test-agent' } });
    expect(ds.spec.template.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'test-agent' });
    expect(agent.selectorLabels).toEqual({ 'app.kubernetes.io/name': 'test-agent' });
    expect(container.name).toBe('test-agent');
  });

  test('rolls out with an explicit RollingUpdate of one node at a time', () => {
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(ds.spec.minReadySeconds).toBe(0);
    expect(ds.spec).not.toHaveProperty('revisionHistoryLimit');
  });

  test('runs only on Linux nodes, with no tolerations or affinity of its own', () => {
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(spec).not.toHaveProperty('tolerations');
    expect(spec).not.toHaveProperty('affinity');
    expect(spec).not.toHaveProperty('priorityClassName');
  });

  test('takes no host access', () => {
    expect(spec.hostNetwork).not.toBe(true);
    expect(spec).not.toHaveProperty('hostPID');
    expect(spec).not.toHaveProperty('volumes');
    expect(container).not.toHaveProperty('volumeMounts');
    expect(spec.dnsPolicy).toBe('ClusterFirst');
  });

  test('runs as nobody with the tightest securityContext', () => {
    expect(spec.securityContext).toEqual({
      fsGroupChangePolicy: 'Always',
      runAsNonRoot: true,
      runAsUser: 65534,
      runAsGroup: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    });
    expect(agent.podSecurityLevel).toBe(PodSecurityLevel.RESTRICTED);
    expect(agent.podSecurityReasons).toEqual([]);
    expect(agent.podSecurityLabels).toEqual({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    expect(agent.runsAsRoot).toBe(false);
  });

  test('creates a ServiceAccount without a mounted token and no RBAC', () => {
    expect(only(manifests, 'ServiceAccount')).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'test-agent', namespace: 'agents' },
      automountServiceAccountToken: false,
    });
    expect(spec.serviceAccountName).toBe('test-agent');
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(agent.clusterRole).toBeUndefined();
    expect(agent.clusterRoleBinding).toBeUndefined();
    expect(manifests.map((m) => m.kind).sort()).toEqual(['DaemonSet', 'ServiceAccount']);
  });

  test('requests small resources and pulls a pinned image only when absent', () => {
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m', memory: '200Mi' } });
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container).not.toHaveProperty('startupProbe');
  });

  test('passes the strict 1.27 schema check', () => {
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('matches the snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });
});

describe('identity and labels', () => {
  test('name, labels, selector labels, pod labels and annotations', () => {
    const { chart } = build({
      name: 'log-agent',
      labels: { team: 'platform' },
      selectorLabels: { app: 'log-agent' },
      podLabels: { tier: 'node' },
      podAnnotations: { 'prometheus.io/scrape': 'true' },
    });
    const manifests = synth(chart);
    const ds = only(manifests, 'DaemonSet');
    expect(ds.metadata).toEqual({ name: 'log-agent', namespace: 'agents', labels: { team: 'platform' } });
    expect(ds.spec.selector.matchLabels).toEqual({ app: 'log-agent' });
    expect(ds.spec.template.metadata.labels).toMatchObject({ app: 'log-agent', tier: 'node' });
    expect(ds.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(only(manifests, 'ServiceAccount').metadata).toEqual({ name: 'log-agent', namespace: 'agents', labels: { team: 'platform' } });
    expect(ds.spec.template.spec.containers[0].name).toBe('log-agent');
  });

  test('a pod label may repeat a selector label with the same value', () => {
    const { chart } = build({ selectorLabels: { app: 'a' }, podLabels: { app: 'a' } });
    expect(daemonSet(chart).spec.template.metadata.labels.app).toBe('a');
  });
});

describe('containers', () => {
  test('command, args, workingDir, env, envFrom, ports and probes', () => {
    const config = kplus.ConfigMap.fromConfigMapName(newChart(), 'cfg', 'agent-config');
    const { chart } = build({
      containers: [{
        image: IMAGE,
        command: ['/agent'],
        args: ['--verbose'],
        workingDir: '/work',
        env: { ...NodeAgentEnv.nodeIdentity(), POD_IP: NodeAgentEnv.podIp(), LEVEL: kplus.EnvValue.fromValue('info') },
        envFrom: [kplus.Env.fromConfigMap(config)],
        ports: [{ number: 8080, name: 'http' }, { number: 8125, protocol: kplus.Protocol.UDP }],
        readiness: kplus.Probe.fromHttpGet('/ready', { port: 8080 }),
        liveness: kplus.Probe.fromTcpSocket({ port: 8080 }),
        startup: kplus.Probe.fromCommand(['/agent', 'check']),
      }],
    });
    const c = podSpec(chart).containers[0];
    expect(c.command).toEqual(['/agent']);
    expect(c.args).toEqual(['--verbose']);
    expect(c.workingDir).toBe('/work');
    expect(c.env).toEqual([
      { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'LEVEL', value: 'info' },
    ]);
    expect(c.envFrom).toEqual([{ configMapRef: { name: 'agent-config' } }]);
    expect(c.ports).toEqual([{ containerPort: 8080, name: 'http' }, { containerPort: 8125, protocol: 'UDP' }]);
    expect(c.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 8080 } });
    expect(c.livenessProbe).toMatchObject({ tcpSocket: { port: 8080 } });
    expect(c.startupProbe).toMatchObject({ exec: { command: ['/agent', 'check'] } });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('resources as given, only limits, or none', () => {
    const limitsOnly = build({
      containers: [{ image: IMAGE, resources: { cpu: { limit: kplus.Cpu.millis(100) }, memory: { limit: Size.mebibytes(200) } } }],
    });
    expect(podSpec(limitsOnly.chart).containers[0].resources).toEqual({ limits: { cpu: '100m', memory: '200Mi' } });
    const none = build({ containers: [{ image: IMAGE, resources: {} }] });
    expect(podSpec(none.chart).containers[0]).not.toHaveProperty('resources');
    const storage = build({
      containers: [{ image: IMAGE, resources: { ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(2) }, memory: { limit: Size.gibibytes(1) } } }],
    });
    expect(podSpec(storage.chart).containers[0].resources).toEqual({
      requests: { 'ephemeral-storage': '1Gi' },
      limits: { 'ephemeral-storage': '2Gi', 'memory': '1024Mi' },
    });
  });

  test.each([
    ['busybox', 'Always'],
    ['fluentd:latest', 'Always'],
    ['localhost:5000/agent', 'Always'],
    ['localhost:5000/agent:1.0', 'IfNotPresent'],
    ['fluent/fluent-bit:3.0', 'IfNotPresent'],
    ['quay.io/x/y@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('image %s is pulled %s by default, as Kubernetes defaults it', (image, policy) => {
    const { chart } = build({ containers: [{ image }] });
    expect(podSpec(chart).containers[0].imagePullPolicy).toBe(policy);
  });

  test('an explicit imagePullPolicy wins', () => {
    const { chart } = build({ containers: [{ image: IMAGE, imagePullPolicy: kplus.ImagePullPolicy.ALWAYS }] });
    expect(podSpec(chart).containers[0].imagePullPolicy).toBe('Always');
  });

  test('several containers share the host mounts and the agent-wide securityContext', () => {
    const { chart } = build({
      containers: [{ image: IMAGE }, { name: 'sidecar', image: 'busybox:1.36' }],
      hostPaths: [{ path: '/var/log' }],
    });
    const containers = podSpec(chart).containers;
    expect(containers.map((c: any) => c.name)).toEqual(['test-agent', 'sidecar']);
    for (const c of containers) {
      expect(c.volumeMounts).toEqual([{ name: 'host-var-log', mountPath: '/var/log', readOnly: true }]);
      expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'] });
    }
    expect(podSpec(chart).volumes).toEqual([{ name: 'host-var-log', hostPath: { path: '/var/log', type: '' } }]);
  });
});

describe('service account and API access', () => {
  test('apiAccess creates a ClusterRole and binding and mounts the token', () => {
    const { chart, agent } = build({
      name: 'driver',
      labels: { team: 'gpu' },
      apiAccess: [
        { resources: ['nodes'], verbs: ['get', 'patch'] },
        { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create'] },
        { resources: ['configmaps'], resourceNames: ['driver-config'], verbs: ['get', 'watch'] },
        { nonResourceUrls: ['/metrics'], verbs: ['get'] },
      ],
    });
    const manifests = synth(chart);
    expect(only(manifests, 'ClusterRole')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'agents-driver', labels: { team: 'gpu' } },
      rules: [
        { apiGroups: [''], resources: ['nodes'], resourceNames: [], verbs: ['get', 'patch'] },
        { apiGroups: [''], resources: ['events'], resourceNames: [], verbs: ['create'] },
        { apiGroups: ['events.k8s.io'], resources: ['events'], resourceNames: [], verbs: ['create'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['driver-config'], verbs: ['get', 'watch'] },
        { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      ],
    });
    expect(only(manifests, 'ClusterRoleBinding')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'agents-driver', labels: { team: 'gpu' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'agents-driver' },
      subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 'driver', namespace: 'agents' }],
    });
    expect(only(manifests, 'ServiceAccount').automountServiceAccountToken).toBe(true);
    expect(only(manifests, 'DaemonSet').spec.template.spec.automountServiceAccountToken).toBe(true);
    expect(agent.clusterRole).toBeInstanceOf(kplus.ClusterRole);
    expect(agent.clusterRoleBinding).toBeInstanceOf(kplus.ClusterRoleBinding);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('a given ServiceAccount is used and bound, and none is created', () => {
    const chart = newChart('agents');
    const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'shared-agent', { namespaceName: 'agents' });
    const agent = new NodeAgent(chart, 'agent', {
      containers: [{ image: IMAGE }], serviceAccount: sa, apiAccess: [{ resources: ['pods'], verbs: ['list'] }],
    });
    const manifests = synth(chart);
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
    expect(only(manifests, 'DaemonSet').spec.template.spec.serviceAccountName).toBe('shared-agent');
    expect(only(manifests, 'ClusterRoleBinding').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'shared-agent', namespace: 'agents' }]);
    expect(agent.serviceAccount).toBe(sa);
    expect(agent.daemonSet.serviceAccount).toBe(sa);
  });

  test('the token can be mounted without apiAccess', () => {
    const { chart } = build({ automountServiceAccountToken: true });
    expect(podSpec(chart).automountServiceAccountToken).toBe(true);
    expect(only(synth(chart), 'ServiceAccount').automountServiceAccountToken).toBe(true);
  });
});

describe('placement', () => {
  test('tolerations are written with exactly the fields given', () => {
    const { chart } = build({
      tolerations: [
        { key: 'node-role.kubernetes.io/master', effect: kplus.TaintEffect.NO_SCHEDULE },
        { key: 'dedicated', operator: TolerationOperator.EQUAL, value: 'agents', effect: kplus.TaintEffect.PREFER_NO_SCHEDULE },
        { key: 'node.kubernetes.io/unreachable', operator: TolerationOperator.EXISTS, effect: kplus.TaintEffect.NO_EXECUTE, evictAfter: Duration.minutes(5) },
        ...NodeAgentTolerations.noSchedule(),
      ],
    });
    expect(podSpec(chart).tolerations).toEqual([
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Equal', value: 'agents', effect: 'PreferNoSchedule' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('tolerations added later through daemonSet.scheduling are kept', () => {
    const { chart, agent } = build({ tolerations: NodeAgentTolerations.everything() });
    agent.daemonSet.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.exists('extra')));
    expect(podSpec(chart).tolerations).toEqual([{ operator: 'Exists' }, { key: 'extra', operator: 'Exists' }]);
  });

  test('nodeSelector adds to the Linux default, and linuxOnly: false drops it', () => {
    const gpu = build({ nodeSelector: { role: 'gpu-node' } });
    expect(podSpec(gpu.chart).nodeSelector).toEqual({ 'role': 'gpu-node', 'kubernetes.io/os': 'linux' });
    const anyOs = build({ linuxOnly: false });
    expect(podSpec(anyOs.chart)).not.toHaveProperty('nodeSelector');
    const windows = build({ linuxOnly: false, nodeSelector: { 'kubernetes.io/os': 'windows' } });
    expect(podSpec(windows.chart).nodeSelector).toEqual({ 'kubernetes.io/os': 'windows' });
  });

  test('expresses seed 000 §2.4: nodeSelector disktype ssd and required affinity node-type In [worker]', () => {
    const { chart } = build({
      nodeSelector: { disktype: 'ssd' },
      requiredNodeAffinity: [{ matchExpressions: [{ key: 'node-type', operator: NodeSelectorOperator.IN, values: ['worker'] }] }],
    });
    const spec = podSpec(chart);
    expect(spec.nodeSelector.disktype).toBe('ssd');
    expect(spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-type', operator: 'In', values: ['worker'] }] }],
        },
      },
    });
  });

  test('required terms are ORed, their requirements ANDed, and preferred terms carry weights', () => {
    const { chart } = build({
      requiredNodeAffinity: [
        { matchExpressions: [{ key: 'a', operator: NodeSelectorOperator.EXISTS }, { key: 'b', operator: NodeSelectorOperator.NOT_IN, values: ['x', 'y'] }] },
        { matchExpressions: [{ key: 'c', operator: NodeSelectorOperator.DOES_NOT_EXIST }] },
      ],
      preferredNodeAffinity: [
        { weight: 100, matchExpressions: [{ key: 'cores', operator: NodeSelectorOperator.GT, values: ['8'] }] },
        { weight: 1, matchExpressions: [{ key: 'age', operator: NodeSelectorOperator.LT, values: ['-1'] }] },
      ],
    });
    expect(podSpec(chart).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'NotIn', values: ['x', 'y'] }] },
            { matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, preference: { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] } },
          { weight: 1, preference: { matchExpressions: [{ key: 'age', operator: 'Lt', values: ['-1'] }] } },
        ],
      },
    });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('priority classes: the system-node-critical preset, cluster-critical and your own', () => {
    expect(podSpec(build({ priorityClass: NodeAgentPriorityClass.SYSTEM_NODE_CRITICAL }).chart).priorityClassName).toBe('system-node-critical');
    expect(podSpec(build({ priorityClass: NodeAgentPriorityClass.SYSTEM_CLUSTER_CRITICAL }).chart).priorityClassName).toBe('system-cluster-critical');
    expect(podSpec(build({ priorityClass: NodeAgentPriorityClass.of('agents-high') }).chart).priorityClassName).toBe('agents-high');
  });
});

describe('host access', () => {
  test('host paths are read-only unless writable, mounted where asked, with type and propagation', () => {
    const { chart, agent } = build({
      runAsRoot: true,
      hostPaths: [
        { path: '/var/log', writable: true },
        { path: '/var/lib/docker/containers', volumeName: 'containers' },
        { path: '/', mountPath: '/host/root', propagation: kplus.MountPropagation.HOST_TO_CONTAINER },
        { path: '/run/agent.sock', type: kplus.HostPathVolumeType.SOCKET },
      ],
    });
    const spec = podSpec(chart);
    expect(spec.volumes).toEqual([
      { name: 'host-var-log', hostPath: { path: '/var/log', type: '' } },
      { name: 'containers', hostPath: { path: '/var/lib/docker/containers', type: '' } },
      { name: 'host-root', hostPath: { path: '/', type: '' } },
      { name: 'host-run-agent-sock', hostPath: { path: '/run/agent.sock', type: 'Socket' } },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'host-var-log', mountPath: '/var/log', readOnly: false },
      { name: 'containers', mountPath: '/var/lib/docker/containers', readOnly: true },
      { name: 'host-root', mountPath: '/host/root', readOnly: true, mountPropagation: 'HostToContainer' },
      { name: 'host-run-agent-sock', mountPath: '/run/agent.sock', readOnly: true },
    ]);
    expect(agent.podSecurityLevel).toBe(PodSecurityLevel.PRIVILEGED);
  });

  test('a writable host path may run as a given non-root UID that owns it', () => {
    const { chart, agent } = build({ runAsUser: 10001, hostPaths: [{ path: '/var/lib/agent', writable: true }] });
    expect(podSpec(chart).securityContext).toMatchObject({ runAsUser: 10001, runAsNonRoot: true });
    expect(agent.podSecurityLevel).toBe(PodSecurityLevel.PRIVILEGED);
  });

  test('hostNetwork switches DNS to ClusterFirstWithHostNet, unless told otherwise', () => {
    expect(podSpec(build({ hostNetwork: true }).chart)).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
    expect(podSpec(build({ hostNetwork: true, dnsPolicy: kplus.DnsPolicy.DEFAULT }).chart).dnsPolicy).toBe('Default');
  });

  test('hostPid is written as hostPID', () => {
    expect(podSpec(build({ hostPid: true }).chart).hostPID).toBe(true);
  });

  test('privileged mode allows privilege escalation and drops no capabilities', () => {
    const { chart } = build({ privileged: true, runAsRoot: true });
    expect(podSpec(chart).containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: true,
      privileged: true,
      readOnlyRootFilesystem: true,
      runAsNonRoot: false,
    });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('capabilities are added after dropping ALL, in the Kubernetes spelling', () => {
    const { chart } = build({ runAsRoot: true, capabilities: [NodeAgentCapability.NET_ADMIN, NodeAgentCapability.NET_RAW] });
    expect(podSpec(chart).containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['NET_ADMIN', 'NET_RAW'] },
    });
  });

  test('SYS_ADMIN allows privilege escalation (the API server rejects it otherwise)', () => {
    const { chart } = build({ runAsRoot: true, capabilities: [NodeAgentCapability.SYS_ADMIN] });
    expect(podSpec(chart).containers[0].securityContext.allowPrivilegeEscalation).toBe(true);
  });

  test('runAsUser 0 is in range and accepted with runAsRoot (it is what runAsRoot writes)', () => {
    const { chart } = build({ runAsRoot: true, runAsUser: 0 });
    expect(podSpec(chart).securityContext).toMatchObject({ runAsNonRoot: false, runAsUser: 0 });
  });

  test('runAsRoot runs as UID 0 / GID 0 at both levels', () => {
    const { chart, agent } = build({ runAsRoot: true });
    const spec = podSpec(chart);
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: false, runAsUser: 0, runAsGroup: 0, seccompProfile: { type: 'RuntimeDefault' } });
    expect(spec.containers[0].securityContext.runAsNonRoot).toBe(false);
    expect(agent.runsAsRoot).toBe(true);
  });

  test('runAsUser, runAsGroup, a writable root filesystem and scratch directories', () => {
    const { chart, agent } = build({ runAsUser: 1000, runAsGroup: 3000, readOnlyRootFilesystem: false, scratchDirectories: ['/tmp', '/var/cache/agent'] });
    const spec = podSpec(chart);
    expect(spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true });
    expect(spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
    expect(spec.volumes).toEqual([{ name: 'scratch-tmp', emptyDir: {} }, { name: 'scratch-var-cache-agent', emptyDir: {} }]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'scratch-tmp', mountPath: '/tmp', readOnly: false },
      { name: 'scratch-var-cache-agent', mountPath: '/var/cache/agent', readOnly: false },
    ]);
    expect(agent.podSecurityLevel).toBe(PodSecurityLevel.RESTRICTED);
  });

  test('a hostPort is written as given', () => {
    const { chart, agent } = build({ containers: [{ image: IMAGE, ports: [{ number: 8125, hostPort: 8125, protocol: kplus.Protocol.UDP }] }] });
    expect(podSpec(chart).containers[0].ports).toEqual([{ containerPort: 8125, hostPort: 8125, protocol: 'UDP' }]);
    expect(agent.podSecurityLevel).toBe(PodSecurityLevel.PRIVILEGED);
  });
});

describe('rollout', () => {
  test('minReady, revisionHistoryLimit and terminationGracePeriod', () => {
    const { chart } = build({ minReady: Duration.seconds(10), revisionHistoryLimit: 3, terminationGracePeriod: Duration.minutes(2) });
    const ds = daemonSet(chart);
    expect(ds.spec.minReadySeconds).toBe(10);
    expect(ds.spec.revisionHistoryLimit).toBe(3);
    expect(ds.spec.template.spec.terminationGracePeriodSeconds).toBe(120);
  });

  test('OnDelete', () => {
    const { chart, agent } = build({ updateStrategy: NodeAgentUpdateStrategy.onDelete() });
    expect(daemonSet(chart).spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(agent.updateStrategy.type).toBe('OnDelete');
  });

  test.each([
    ['maxUnavailable 2', { maxUnavailable: kplus.PercentOrAbsolute.absolute(2) }, { maxUnavailable: 2 }],
    ['maxUnavailable 25%', { maxUnavailable: kplus.PercentOrAbsolute.percent(25) }, { maxUnavailable: '25%' }],
    ['maxSurge 1, with maxUnavailable 0 written out', { maxSurge: kplus.PercentOrAbsolute.absolute(1) }, { maxSurge: 1, maxUnavailable: 0 }],
    ['maxSurge 10% and an explicit maxUnavailable 0', { maxSurge: kplus.PercentOrAbsolute.percent(10), maxUnavailable: kplus.PercentOrAbsolute.absolute(0) }, { maxSurge: '10%', maxUnavailable: 0 }],
    ['maxUnavailable 100% with maxSurge 0%', { maxUnavailable: kplus.PercentOrAbsolute.percent(100), maxSurge: kplus.PercentOrAbsolute.percent(0) }, { maxUnavailable: '100%' }],
  ])('RollingUpdate %s', (_name, options, rollingUpdate) => {
    const { chart } = build({ updateStrategy: NodeAgentUpdateStrategy.rollingUpdate(options) });
    expect(daemonSet(chart).spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate });
    expect(schemaIssues(synth(chart))).toEqual([]);
  });
});

test('a node-exporter-like agent synthesizes strictly valid YAML', () => {
  const { chart, agent } = build({
    name: 'node-exporter',
    containers: [{
      image: 'quay.io/prometheus/node-exporter:v1.8.2',
      args: ['--path.procfs=/host/proc', '--web.listen-address=[$(HOST_IP)]:9100'],
      env: { HOST_IP: NodeAgentEnv.hostIp() },
      ports: [{ number: 9100, name: 'metrics' }],
      readiness: kplus.Probe.fromHttpGet('/', { port: 9100 }),
    }],
    hostNetwork: true,
    hostPid: true,
    hostPaths: [{ path: '/proc', mountPath: '/host/proc' }, { path: '/', mountPath: '/host/root', propagation: kplus.MountPropagation.HOST_TO_CONTAINER }],
    tolerations: NodeAgentTolerations.noSchedule(),
    priorityClass: NodeAgentPriorityClass.SYSTEM_NODE_CRITICAL,
    revisionHistoryLimit: 5,
    minReady: Duration.seconds(5),
  }, 'monitoring');
  const manifests = synth(chart);
  expect(schemaIssues(manifests)).toEqual([]);
  expect(agent.podSecurityLevel).toBe(PodSecurityLevel.PRIVILEGED);
  expect(manifests).toMatchSnapshot();
});

// ---------------------------------------------------------------------------------------------
// Failures. Each names the prop, echoes the value and says how to fix it.

const failures: Array<[string, Partial<NodeAgentProps>, RegExp, string?]> = [
  // name
  ['the name is not a DNS-1123 subdomain', { name: 'Fluentd' }, /`name` must be a DNS-1123 subdomain.*got "Fluentd"/],
  ['the name has an underscore', { name: 'log_agent' }, /`name` must be a DNS-1123 subdomain/],
  ['the name is longer than 253 characters', { name: 'a'.repeat(254) }, /`name` must be a DNS-1123 subdomain/],
  ['the name is longer than 63 characters and is the selector label value', { name: 'a'.repeat(64) }, /`name` must be at most 63 characters when it is also the selector label value/],
  // containers
  ['there is no container', { containers: [] }, /`containers` must hold at least one container, got \[\]/],
  ['a second container has no name', { containers: [{ image: IMAGE }, { image: IMAGE }] }, /`containers\[1\]\.name` is required for every container but the first/],
  ['two containers share a name', { containers: [{ image: IMAGE, name: 'a' }, { image: IMAGE, name: 'a' }] }, /`containers\[1\]\.name` must be unique/],
  ['a container name is not a DNS-1123 label', { containers: [{ image: IMAGE, name: 'Agent' }] }, /`containers\[0\]\.name` must be a DNS-1123 label/],
  ['the image is empty', { containers: [{ image: ' ' }] }, /`containers\[0\]\.image` must be a non-empty image reference/],
  ['the image has whitespace', { containers: [{ image: 'fluentd latest' }] }, /`containers\[0\]\.image`/],
  ['an env var name starts with a digit', { containers: [{ image: IMAGE, env: { '1X': kplus.EnvValue.fromValue('a') } }] }, /`containers\[0\]\.env\.1X` must be an environment variable name \(letters, digits, "_", "-" and "\.", not starting with a digit, and not "\.", "\.\." or starting with "\.\."\), got "1X"/],
  ['an env var name starts with ".."', { containers: [{ image: IMAGE, env: { '..X': kplus.EnvValue.fromValue('a') } }] }, /`containers\[0\]\.env\.\.\.X` must be an environment variable name/],
  ['a port is out of range', { containers: [{ image: IMAGE, ports: [{ number: 70000 }] }] }, /`containers\[0\]\.ports\[0\]\.number` must be an integer from 1 to 65535, got 70000/],
  ['a port name is too long', { containers: [{ image: IMAGE, ports: [{ number: 80, name: 'a-very-long-port-name' }] }] }, /`containers\[0\]\.ports\[0\]\.name` must be an IANA service name/],
  ['two ports repeat a number and protocol', { containers: [{ image: IMAGE, ports: [{ number: 80 }, { number: 80 }] }] }, /`containers\[0\]\.ports\[1\]\.number` must be unique per protocol.*got "80\/TCP"/],
  ['two ports repeat a name', { containers: [{ image: IMAGE, ports: [{ number: 80, name: 'http' }, { number: 81, name: 'http' }] }] }, /`containers\[0\]\.ports\[1\]\.name` must be unique/],
  ['a hostPort differs from the port with hostNetwork', { hostNetwork: true, containers: [{ image: IMAGE, ports: [{ number: 9100, hostPort: 9101 }] }] }, /`containers\[0\]\.ports\[0\]\.hostPort` must equal the port number with `hostNetwork`, got 9101; leave it out or set it to 9100/],
  ['two containers use the same node port with hostNetwork', { hostNetwork: true, containers: [{ image: IMAGE, ports: [{ number: 9100 }] }, { name: 'b', image: IMAGE, ports: [{ number: 9100 }] }] }, /`containers\[1\]\.ports\[0\]` must not use the node port of containers\[0\]/],
  ['a probe targets no declared port (cdk8s-plus would probe port 80)', { containers: [{ image: IMAGE, readiness: kplus.Probe.fromHttpGet('/healthz') }] }, /`containers\[0\]\.readiness\.port` must be a port the container exposes \(it exposes none\), got 80; pass `port` to the Probe/],
  ['a liveness probe targets an undeclared port', { containers: [{ image: IMAGE, ports: [{ number: 8080 }], liveness: kplus.Probe.fromTcpSocket({ port: 9090 }) }] }, /`containers\[0\]\.liveness\.port` must be a port the container exposes \(8080\), got 9090/],
  ['a probe period has fractional seconds', { containers: [{ image: IMAGE, startup: kplus.Probe.fromCommand(['true'], { periodSeconds: Duration.millis(1500) }) }] }, /`containers\[0\]\.startup\.periodSeconds` must be a whole number of seconds, got "1 second 500 millis"/],
  ['a probe timeout is 0 s', { containers: [{ image: IMAGE, readiness: kplus.Probe.fromCommand(['true'], { timeoutSeconds: Duration.seconds(0) }) }] }, /`containers\[0\]\.readiness\.timeoutSeconds` must be at least 1 second, got "0 seconds"; the API server would silently replace 0 with its default/],
  ['a liveness probe has successThreshold 2', { containers: [{ image: IMAGE, liveness: kplus.Probe.fromCommand(['true'], { successThreshold: 2 }) }] }, /`containers\[0\]\.liveness\.successThreshold` must be 1 for liveness and startup probes/],
  ['memory is not whole mebibytes', { containers: [{ image: IMAGE, resources: { memory: { request: Size.kibibytes(1536) } } }] }, /`containers\[0\]\.resources\.memory\.request` must be a whole number of MiB, got "1536Ki"; cdk8s-plus-27 writes this field in Mi/],
  ['ephemeral storage is not whole gibibytes', { containers: [{ image: IMAGE, resources: { ephemeralStorage: { limit: Size.mebibytes(500) } } }] }, /`containers\[0\]\.resources\.ephemeralStorage\.limit` must be a whole number of GiB/],
  ['a cpu request exceeds its limit', { containers: [{ image: IMAGE, resources: { cpu: { request: kplus.Cpu.units(1), limit: kplus.Cpu.millis(500) } } }] }, /`containers\[0\]\.resources\.cpu\.request` must be less than or equal to the cpu limit, got "1"; the limit is 500m; the API server rejects a request above its limit/],
  ['a memory request exceeds its limit', { containers: [{ image: IMAGE, resources: { memory: { request: Size.gibibytes(1), limit: Size.mebibytes(512) } } }] }, /`containers\[0\]\.resources\.memory\.request` must be less than or equal to the memory limit, got "1Gi"; the limit is 512Mi/],
  ['a cpu request is negative', { containers: [{ image: IMAGE, resources: { cpu: { request: kplus.Cpu.millis(-100) } } }] }, /`containers\[0\]\.resources\.cpu\.request` must be a non-negative CPU quantity, got "-100m"/],
  // security
  ['runAsUser is 0 without runAsRoot', { runAsUser: 0 }, /`runAsUser` must not be 0 while `runAsNonRoot` is true.*set `runAsRoot: true`/],
  ['runAsRoot is combined with another UID', { runAsRoot: true, runAsUser: 1000 }, /`runAsUser` cannot be combined with `runAsRoot: true`, got 1000/],
  ['runAsUser is negative', { runAsUser: -1 }, /`runAsUser` must be an integer from 0 to 2147483647, got -1; use a non-root UID such as 65534, or `runAsRoot: true` for UID 0/],
  ['runAsUser is above int32', { runAsUser: 2147483648 }, /`runAsUser` must be an integer from 0 to 2147483647, got 2147483648/],
  ['runAsUser is fractional', { runAsUser: 1000.5 }, /`runAsUser` must be an integer from 0 to 2147483647, got 1000\.5/],
  ['runAsGroup is fractional', { runAsGroup: 1.5 }, /`runAsGroup` must be an integer/],
  ['capabilities are added for a non-root process', { capabilities: [NodeAgentCapability.NET_BIND_SERVICE] }, /`capabilities` take effect only for a process running as root, got \["NET_BIND_SERVICE"\]; set `runAsRoot: true`/],
  ['a capability carries the CAP_ prefix', { runAsRoot: true, capabilities: ['CAP_NET_ADMIN' as NodeAgentCapability] }, /`capabilities\[0\]` must be a Linux capability in the Kubernetes spelling.*got "CAP_NET_ADMIN"; use "NET_ADMIN"/],
  ['a capability is unknown', { runAsRoot: true, capabilities: ['ALL' as NodeAgentCapability] }, /`capabilities\[0\]` must be a Linux capability/],
  ['a host path is writable without a user that can write it', { hostPaths: [{ path: '/var/log', writable: true }] }, /`hostPaths` writable host paths need a user that can write them, got \["\/var\/log"\]; set `runAsRoot: true`/],
  // host paths
  ['a host path is not absolute', { hostPaths: [{ path: 'var/log' }] }, /`hostPaths\[0\]\.path` must be an absolute path without "\.\." segments, got "var\/log"/],
  ['a host path climbs with ..', { hostPaths: [{ path: '/var/log/../../etc' }] }, /`hostPaths\[0\]\.path` must be an absolute path/],
  ['a host path repeats', { hostPaths: [{ path: '/var/log' }, { path: '/var/log', mountPath: '/logs' }] }, /`hostPaths\[1\]\.path` must not repeat another host path/],
  ['a host path is mounted over the container root', { hostPaths: [{ path: '/' }] }, /`hostPaths\[0\]\.mountPath` must be an absolute container path.*other than "\/", got "\/"/],
  ['two mounts share a mount path', { hostPaths: [{ path: '/a', mountPath: '/data' }, { path: '/b', mountPath: '/data' }] }, /`hostPaths\[1\]\.mountPath` must not repeat another mount path/],
  ['a scratch directory shadows a host mount', { hostPaths: [{ path: '/tmp' }], scratchDirectories: ['/tmp'] }, /`scratchDirectories\[0\]` must not repeat another mount path/],
  ['a scratch directory is relative', { scratchDirectories: ['tmp'] }, /`scratchDirectories\[0\]` must be an absolute container path/],
  ['two host paths derive the same volume name', { hostPaths: [{ path: '/var/log' }, { path: '/var-log' }] }, /`hostPaths\[1\]\.volumeName` must not repeat another volume name, got "host-var-log"; give `volumeName`/],
  ['a volume name is not a DNS-1123 label', { hostPaths: [{ path: '/var/log', volumeName: 'Var_Log' }] }, /`hostPaths\[0\]\.volumeName` must be a DNS-1123 label/],
  ['a host path type is unknown', { hostPaths: [{ path: '/dev/sda', type: 'Disk' as kplus.HostPathVolumeType }] }, /`hostPaths\[0\]\.type` must be one of/],
  ['Bidirectional propagation is asked for without privileged', { hostPaths: [{ path: '/run/agent', propagation: kplus.MountPropagation.BIDIRECTIONAL }] }, /`hostPaths\[0\]\.propagation` Bidirectional is only allowed for privileged containers/],
  // DNS
  ['dnsPolicy is ClusterFirst with hostNetwork', { hostNetwork: true, dnsPolicy: kplus.DnsPolicy.CLUSTER_FIRST }, /`dnsPolicy` must not be ClusterFirst with `hostNetwork`.*use DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET/],
  ['dnsPolicy is not a policy', { dnsPolicy: 'Cluster' as kplus.DnsPolicy }, /`dnsPolicy` must be one of/],
  // labels and placement
  ['selectorLabels is empty', { selectorLabels: {} }, /`selectorLabels` must hold at least one label, got \{\}/],
  ['a selector label key is invalid', { selectorLabels: { 'bad key': 'x' } }, /`selectorLabels` keys must be valid label keys.*, got "bad key"/],
  ['a selector label value is invalid', { selectorLabels: { app: 'a/b' } }, /`selectorLabels\.app` must be a valid label value.*, got "a\/b"/],
  ['a pod label changes a selector label', { selectorLabels: { app: 'a' }, podLabels: { app: 'b' } }, /`podLabels\.app` must not change a selector label/],
  ['a pod annotation key is invalid', { podAnnotations: { 'a b': 'x' } }, /`podAnnotations` keys must be valid annotation keys/],
  ['a nodeSelector value is invalid', { nodeSelector: { role: 'gpu node' } }, /`nodeSelector\.role` must be a valid label value.*, got "gpu node"/],
  ['a nodeSelector key is invalid', { nodeSelector: { '/role': 'gpu' } }, /`nodeSelector` keys must be valid label keys/],
  ['nodeSelector asks for Windows while linuxOnly', { nodeSelector: { 'kubernetes.io/os': 'windows' } }, /`nodeSelector\.kubernetes\.io\/os` conflicts with `linuxOnly`.*set `linuxOnly: false`/],
  ['a priority class name is invalid', { priorityClass: NodeAgentPriorityClass.of('High_Priority') }, /`priorityClass` must name a PriorityClass with a DNS-1123 subdomain/],
  // rollout
  ['minReady has fractional seconds', { minReady: Duration.millis(1500) }, /`minReady` must be a whole number of seconds, got "1 second 500 millis"; Kubernetes stores this field as an integer number of seconds/],
  ['minReady is below a millisecond', { minReady: Duration.millis(0.5) }, /`minReady` must be a whole number of seconds, got "0\.5 millis"/],
  ['terminationGracePeriod has fractional seconds', { terminationGracePeriod: Duration.millis(500) }, /`terminationGracePeriod` must be a whole number of seconds, got "500 millis"/],
  ['revisionHistoryLimit is negative', { revisionHistoryLimit: -1 }, /`revisionHistoryLimit` must be a non-negative integer, got -1/],
  ['maxSurge is combined with host ports', { updateStrategy: NodeAgentUpdateStrategy.rollingUpdate({ maxSurge: kplus.PercentOrAbsolute.absolute(1) }), containers: [{ image: IMAGE, ports: [{ number: 8125, hostPort: 8125 }] }] }, /`updateStrategy\.maxSurge` cannot be combined with host ports.*got "hostPort 8125"; use maxUnavailable instead/],
  ['maxSurge is combined with hostNetwork ports', { hostNetwork: true, updateStrategy: NodeAgentUpdateStrategy.rollingUpdate({ maxSurge: kplus.PercentOrAbsolute.percent(10) }), containers: [{ image: IMAGE, ports: [{ number: 9100 }] }] }, /`updateStrategy\.maxSurge` cannot be combined with host ports/],
  // API access
  ['apiAccess has no namespace for the binding subject', {}, /`apiAccess` needs the namespace of the ServiceAccount/, 'no-namespace'],
  ['apiAccess uses a wildcard verb', { apiAccess: [{ resources: ['pods'], verbs: ['*'] }] }, /`apiAccess\[0\]` must not use wildcards.*got "\*"/],
  ['apiAccess uses a wildcard resource', { apiAccess: [{ resources: ['*'], verbs: ['get'] }] }, /`apiAccess\[0\]` must not use wildcards/],
  ['apiAccess has no verbs', { apiAccess: [{ resources: ['pods'], verbs: [] }] }, /`apiAccess\[0\]\.verbs` must hold at least one verb/],
  ['apiAccess gives both resources and URLs', { apiAccess: [{ resources: ['pods'], nonResourceUrls: ['/metrics'], verbs: ['get'] }] }, /`apiAccess\[0\]` must give either `resources` or `nonResourceUrls`/],
  ['apiAccess gives neither resources nor URLs', { apiAccess: [{ verbs: ['get'] }] }, /`apiAccess\[0\]` must give either `resources` or `nonResourceUrls`/],
  ['apiAccess restricts create by resource name', { apiAccess: [{ resources: ['configmaps'], resourceNames: ['x'], verbs: ['get', 'create'] }] }, /`apiAccess\[0\]\.resourceNames` cannot restrict `create` or `deletecollection`.*, got \["create"\]/],
  ['a non-resource URL is relative', { apiAccess: [{ nonResourceUrls: ['metrics'], verbs: ['get'] }] }, /`apiAccess\[0\]\.nonResourceUrls\[0\]` must start with "\/"/],
  ['a non-resource rule names API groups', { apiAccess: [{ apiGroups: [''], nonResourceUrls: ['/metrics'], verbs: ['get'] }] }, /`apiAccess\[0\]` `apiGroups` and `resourceNames` do not apply to `nonResourceUrls`/],
  ['the token is turned off while apiAccess needs it', { apiAccess: [{ resources: ['pods'], verbs: ['get'] }], automountServiceAccountToken: false }, /`automountServiceAccountToken` cannot be false when `apiAccess` is given/],
  // props NodeAgent does not know
  ['a prop is spelled as in Kubernetes YAML (hostPID)', { hostPID: true } as Partial<NodeAgentProps>, /`hostPID` is not a NodeAgent prop and would be ignored, got true; use `hostPid`/],
  ['a container carries its own securityContext', { containers: [{ image: IMAGE, securityContext: { privileged: true } } as any] }, /`containers\[0\]\.securityContext` is not a NodeAgent prop.*security settings are agent-wide/],
  ['a host path says readOnly', { hostPaths: [{ path: '/var/log', readOnly: false } as any] }, /`hostPaths\[0\]\.readOnly` is not a NodeAgent prop.*read-only unless `writable: true`/],
  ['an API rule says nonResourceURLs', { apiAccess: [{ nonResourceURLs: ['/metrics'], verbs: ['get'] } as any] }, /`apiAccess\[0\]\.nonResourceURLs` is not a NodeAgent prop.*use `nonResourceUrls`/],
];

// Rows become objects: a 4-parameter callback on 3-element rows would be treated as `done`-style.
test.each(failures.map(([name, props, message, variant]) => ({ name, props, message, variant })))('fails when $name', ({ props, message, variant }) => {
  const attempt = variant === 'no-namespace'
    ? construct({ apiAccess: [{ resources: ['pods'], verbs: ['get'] }] }, null)
    : construct(props);
  expect(attempt).toThrow(ValidationError);
  expect(attempt).toThrow(message);
});

test('fails with the construct path in the message', () => {
  expect(construct({ name: 'Bad' })).toThrow(/^test\/agent: `name`/);
});
