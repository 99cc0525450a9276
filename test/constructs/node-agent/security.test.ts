import * as kplus from 'cdk8s-plus-27';
import { NodeAgent, NodeAgentCapability, NodeAgentProps, PodSecurityLevel } from '../../../lib';
import { assessPodSecurity, RequestedPrivileges } from '../../../lib/constructs/node-agent/security';
import { newChart, only, synth } from '../../helpers/synth';

const NONE: RequestedPrivileges = {
  hostPaths: [], hostNetwork: false, hostPid: false, privileged: false, capabilities: [], hostPorts: [], runAsRoot: false,
};

describe('assessPodSecurity', () => {
  test.each<[string, Partial<RequestedPrivileges>, PodSecurityLevel]>([
    ['nothing', {}, PodSecurityLevel.RESTRICTED],
    ['root', { runAsRoot: true }, PodSecurityLevel.BASELINE],
    ['root with NET_BIND_SERVICE', { runAsRoot: true, capabilities: ['NET_BIND_SERVICE'] }, PodSecurityLevel.BASELINE],
    ['NET_BIND_SERVICE alone', { capabilities: ['NET_BIND_SERVICE'] }, PodSecurityLevel.RESTRICTED],
    ['CHOWN (in the default set)', { capabilities: ['CHOWN'] }, PodSecurityLevel.BASELINE],
    ['every default capability', { capabilities: ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'] }, PodSecurityLevel.BASELINE],
    ['NET_RAW (not in the default set)', { capabilities: ['NET_RAW'] }, PodSecurityLevel.PRIVILEGED],
    ['NET_ADMIN', { capabilities: ['NET_ADMIN'] }, PodSecurityLevel.PRIVILEGED],
    ['a read-only hostPath', { hostPaths: ['/proc'] }, PodSecurityLevel.PRIVILEGED],
    ['hostNetwork', { hostNetwork: true }, PodSecurityLevel.PRIVILEGED],
    ['hostPID', { hostPid: true }, PodSecurityLevel.PRIVILEGED],
    ['privileged', { privileged: true }, PodSecurityLevel.PRIVILEGED],
    ['a hostPort', { hostPorts: [8125] }, PodSecurityLevel.PRIVILEGED],
    ['root and a hostPath', { runAsRoot: true, hostPaths: ['/var/log'] }, PodSecurityLevel.PRIVILEGED],
  ])('%s → %s', (_name, privileges, level) => {
    expect(assessPodSecurity({ ...NONE, ...privileges }).level).toBe(level);
  });

  test('gives one reason per privilege, most severe level only', () => {
    expect(assessPodSecurity({ ...NONE, runAsRoot: true, hostPaths: ['/var/log', '/var/lib/docker/containers'], hostNetwork: true }).reasons).toEqual([
      'hostPath volume /var/log: Baseline forbids every hostPath volume',
      'hostPath volume /var/lib/docker/containers: Baseline forbids every hostPath volume',
      'hostNetwork: Baseline forbids sharing the host network namespace',
    ]);
    expect(assessPodSecurity({ ...NONE, runAsRoot: true, capabilities: ['CHOWN'] }).reasons).toEqual([
      'runAsRoot: Restricted requires runAsNonRoot: true and a non-zero runAsUser',
      'capabilities CHOWN: Restricted allows adding only NET_BIND_SERVICE',
    ]);
    expect(assessPodSecurity(NONE).reasons).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-check: an independent reading of the synthesized pod spec against the Pod Security
// Standards controls (the PSA checks of 1.27, staging/src/k8s.io/pod-security-admission/policy).
// NodeAgent computes its level from the props; this computes it from the YAML.

const BASELINE_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

function baselineViolations(pod: any): string[] {
  const v: string[] = [];
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) v.push('host namespaces');
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    if (sc.privileged) v.push('privileged');
    for (const cap of sc.capabilities?.add ?? []) if (!BASELINE_CAPS.has(cap)) v.push(`capability ${cap}`);
    for (const p of c.ports ?? []) if (p.hostPort) v.push('hostPort');
    if (sc.seccompProfile?.type === 'Unconfined') v.push('seccomp');
  }
  for (const vol of pod.volumes ?? []) if (vol.hostPath) v.push('hostPath');
  if (pod.securityContext?.seccompProfile?.type === 'Unconfined') v.push('seccomp');
  return v;
}

function restrictedViolations(pod: any): string[] {
  const v = baselineViolations(pod);
  for (const vol of pod.volumes ?? []) {
    const type = Object.keys(vol).find((k) => k !== 'name')!;
    if (!RESTRICTED_VOLUMES.has(type)) v.push(`volume ${type}`);
  }
  const podSc = pod.securityContext ?? {};
  if (!['RuntimeDefault', 'Localhost'].includes(podSc.seccompProfile?.type)) v.push('seccomp not set');
  if (podSc.runAsUser === 0) v.push('runAsUser 0');
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) v.push('allowPrivilegeEscalation');
    const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (nonRoot !== true) v.push('runAsNonRoot');
    if (sc.runAsUser === 0) v.push('runAsUser 0');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) v.push('drop ALL');
    for (const cap of sc.capabilities?.add ?? []) if (cap !== 'NET_BIND_SERVICE') v.push(`capability ${cap}`);
  }
  return v;
}

function levelOfYaml(pod: any): PodSecurityLevel {
  if (restrictedViolations(pod).length === 0) return PodSecurityLevel.RESTRICTED;
  if (baselineViolations(pod).length === 0) return PodSecurityLevel.BASELINE;
  return PodSecurityLevel.PRIVILEGED;
}

const IMAGE = 'registry.example.com/agent:1.0';

describe('podSecurityLevel matches the level the synthesized pod spec meets', () => {
  test.each<[string, Partial<NodeAgentProps>, PodSecurityLevel]>([
    ['defaults', {}, PodSecurityLevel.RESTRICTED],
    ['a custom non-root UID and scratch directories', { runAsUser: 1000, scratchDirectories: ['/tmp'] }, PodSecurityLevel.RESTRICTED],
    ['a writable root filesystem', { readOnlyRootFilesystem: false }, PodSecurityLevel.RESTRICTED],
    ['runAsRoot', { runAsRoot: true }, PodSecurityLevel.BASELINE],
    ['runAsRoot with NET_BIND_SERVICE', { runAsRoot: true, capabilities: [NodeAgentCapability.NET_BIND_SERVICE] }, PodSecurityLevel.BASELINE],
    ['runAsRoot with nginx\'s capabilities', { runAsRoot: true, capabilities: [NodeAgentCapability.CHOWN, NodeAgentCapability.SETUID, NodeAgentCapability.SETGID, NodeAgentCapability.NET_BIND_SERVICE] }, PodSecurityLevel.BASELINE],
    ['runAsRoot with NET_ADMIN', { runAsRoot: true, capabilities: [NodeAgentCapability.NET_ADMIN] }, PodSecurityLevel.PRIVILEGED],
    ['runAsRoot with SYS_ADMIN', { runAsRoot: true, capabilities: [NodeAgentCapability.SYS_ADMIN] }, PodSecurityLevel.PRIVILEGED],
    ['a read-only hostPath', { hostPaths: [{ path: '/proc', mountPath: '/host/proc' }] }, PodSecurityLevel.PRIVILEGED],
    ['a writable hostPath as root (seed 000 fluentd)', { runAsRoot: true, hostPaths: [{ path: '/var/log', writable: true }] }, PodSecurityLevel.PRIVILEGED],
    ['hostNetwork', { hostNetwork: true }, PodSecurityLevel.PRIVILEGED],
    ['hostPid', { hostPid: true }, PodSecurityLevel.PRIVILEGED],
    ['privileged', { privileged: true }, PodSecurityLevel.PRIVILEGED],
    ['privileged as root', { privileged: true, runAsRoot: true }, PodSecurityLevel.PRIVILEGED],
    ['a hostPort', { containers: [{ image: IMAGE, ports: [{ number: 8125, hostPort: 8125 }] }] }, PodSecurityLevel.PRIVILEGED],
    ['node-exporter: hostNetwork, hostPid and read-only host mounts', {
      hostNetwork: true, hostPid: true,
      hostPaths: [{ path: '/proc', mountPath: '/host/proc' }, { path: '/sys', mountPath: '/host/sys' }, { path: '/', mountPath: '/host/root', propagation: kplus.MountPropagation.HOST_TO_CONTAINER }],
    }, PodSecurityLevel.PRIVILEGED],
  ])('%s → %s', (_name, props, level) => {
    const chart = newChart('agents');
    const agent = new NodeAgent(chart, 'agent', { containers: [{ image: IMAGE }], ...props });
    const pod = only(synth(chart), 'DaemonSet').spec.template.spec;
    expect(agent.podSecurityLevel).toBe(level);
    expect(levelOfYaml(pod)).toBe(level);
    expect(agent.podSecurityLabels).toEqual({ 'pod-security.kubernetes.io/enforce': level });
    expect(agent.podSecurityReasons.length === 0).toBe(level === PodSecurityLevel.RESTRICTED);
  });
});
