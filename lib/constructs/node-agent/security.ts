/**
 * Pod Security Standards for node agents: which level a set of requested privileges needs.
 *
 * The rules are the Pod Security Admission checks of Kubernetes 1.27
 * (staging/src/k8s.io/pod-security-admission/policy/check_*.go in kubernetes/kubernetes), as the
 * Pod Security Standards page describes them
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/).
 */

/**
 * A Pod Security Standards level, spelled as the `pod-security.kubernetes.io/enforce` namespace
 * label value.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityLevel {
  /** Current pod hardening best practice: non-root, drop ALL, seccomp RuntimeDefault, no host access. */
  RESTRICTED = 'restricted',
  /** Prevents known privilege escalations: no host namespaces, hostPath, host ports, privileged mode or non-default capabilities. */
  BASELINE = 'baseline',
  /** Unrestricted: anything, including host access. */
  PRIVILEGED = 'privileged',
}

/** The namespace label key that makes Pod Security Admission enforce a level. */
export const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

/**
 * A Linux capability, spelled as Kubernetes spells it in `securityContext.capabilities`: without
 * the `CAP_` prefix. The container runtime adds the prefix itself (containerd's CRI plugin
 * prepends `CAP_`), so cdk8s-plus-27's `Capability` values such as `CAP_NET_ADMIN` would reach the
 * runtime as `CAP_CAP_NET_ADMIN`, and Pod Security Admission compares these exact strings.
 *
 * @see https://man7.org/linux/man-pages/man7/capabilities.7.html
 */
export enum NodeAgentCapability {
  /** Enable and disable kernel auditing. */
  AUDIT_CONTROL = 'AUDIT_CONTROL',
  /** Read the audit log via multicast netlink. */
  AUDIT_READ = 'AUDIT_READ',
  /** Write records to the kernel audit log (in the Baseline default set). */
  AUDIT_WRITE = 'AUDIT_WRITE',
  /** Block system suspend. */
  BLOCK_SUSPEND = 'BLOCK_SUSPEND',
  /** Load BPF programs and create maps. */
  BPF = 'BPF',
  /** Checkpoint and restore processes. */
  CHECKPOINT_RESTORE = 'CHECKPOINT_RESTORE',
  /** Change file owners (in the Baseline default set). */
  CHOWN = 'CHOWN',
  /** Bypass file read, write and execute permission checks (in the Baseline default set). */
  DAC_OVERRIDE = 'DAC_OVERRIDE',
  /** Bypass file read and directory search permission checks. */
  DAC_READ_SEARCH = 'DAC_READ_SEARCH',
  /** Bypass checks that need the file owner's UID (in the Baseline default set). */
  FOWNER = 'FOWNER',
  /** Keep set-user-ID bits when modifying files (in the Baseline default set). */
  FSETID = 'FSETID',
  /** Lock memory. */
  IPC_LOCK = 'IPC_LOCK',
  /** Bypass System V IPC permission checks. */
  IPC_OWNER = 'IPC_OWNER',
  /** Send signals to any process (in the Baseline default set). */
  KILL = 'KILL',
  /** Establish leases on files. */
  LEASE = 'LEASE',
  /** Set immutable and append-only file attributes. */
  LINUX_IMMUTABLE = 'LINUX_IMMUTABLE',
  /** Configure a Linux Security Module. */
  MAC_ADMIN = 'MAC_ADMIN',
  /** Override Mandatory Access Control. */
  MAC_OVERRIDE = 'MAC_OVERRIDE',
  /** Create special files (in the Baseline default set). */
  MKNOD = 'MKNOD',
  /** Network administration: interfaces, routes, firewall. */
  NET_ADMIN = 'NET_ADMIN',
  /** Bind ports below 1024 (in the Baseline default set; the only one Restricted allows). */
  NET_BIND_SERVICE = 'NET_BIND_SERVICE',
  /** Broadcast and listen to multicast. */
  NET_BROADCAST = 'NET_BROADCAST',
  /** Use raw and packet sockets. */
  NET_RAW = 'NET_RAW',
  /** Use perf_event_open and performance monitoring. */
  PERFMON = 'PERFMON',
  /** Change group IDs (in the Baseline default set). */
  SETGID = 'SETGID',
  /** Set file capabilities (in the Baseline default set). */
  SETFCAP = 'SETFCAP',
  /** Change process capabilities (in the Baseline default set). */
  SETPCAP = 'SETPCAP',
  /** Change user IDs (in the Baseline default set). */
  SETUID = 'SETUID',
  /** Broad system administration (mount, namespaces, …). */
  SYS_ADMIN = 'SYS_ADMIN',
  /** Reboot the node. */
  SYS_BOOT = 'SYS_BOOT',
  /** Use chroot (in the Baseline default set). */
  SYS_CHROOT = 'SYS_CHROOT',
  /** Load and unload kernel modules. */
  SYS_MODULE = 'SYS_MODULE',
  /** Raise process priority and set scheduling policies. */
  SYS_NICE = 'SYS_NICE',
  /** Use process accounting. */
  SYS_PACCT = 'SYS_PACCT',
  /** Trace processes and read their memory. */
  SYS_PTRACE = 'SYS_PTRACE',
  /** Raw I/O port and device access. */
  SYS_RAWIO = 'SYS_RAWIO',
  /** Override resource limits. */
  SYS_RESOURCE = 'SYS_RESOURCE',
  /** Set the system clock. */
  SYS_TIME = 'SYS_TIME',
  /** Configure tty devices. */
  SYS_TTY_CONFIG = 'SYS_TTY_CONFIG',
  /** Privileged syslog operations. */
  SYSLOG = 'SYSLOG',
  /** Trigger wake-ups from suspend. */
  WAKE_ALARM = 'WAKE_ALARM',
}

/**
 * The capabilities Baseline lets a container add (the container runtime's default set minus
 * NET_RAW): `capabilities_allowed_1_0` in policy/check_capabilities_baseline.go.
 */
const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The one capability Restricted lets a container add (policy/check_capabilities_restricted.go). */
const RESTRICTED_CAPABILITY = 'NET_BIND_SERVICE';

/**
 * The privileges a node agent's pod requests, as far as Pod Security Admission looks at them.
 *
 * @internal
 */
export interface RequestedPrivileges {
  /** Host paths mounted as hostPath volumes. */
  readonly hostPaths: readonly string[];
  /** `spec.hostNetwork`. */
  readonly hostNetwork: boolean;
  /** `spec.hostPID`. */
  readonly hostPid: boolean;
  /** `securityContext.privileged` on the containers. */
  readonly privileged: boolean;
  /** Capabilities added to the containers. */
  readonly capabilities: readonly string[];
  /** Non-zero `hostPort`s declared on container ports. */
  readonly hostPorts: readonly number[];
  /** The pod runs as UID 0 (`runAsNonRoot: false`, `runAsUser: 0`). */
  readonly runAsRoot: boolean;
}

/**
 * The Pod Security Standards level a pod needs, and why.
 *
 * @internal
 */
export interface PodSecurityAssessment {
  /** The most restrictive level the pod satisfies. */
  readonly level: PodSecurityLevel;
  /** One sentence per privilege that rules out a stricter level; empty for `restricted`. */
  readonly reasons: string[];
}

/**
 * The most restrictive Pod Security Standards level that admits a pod with these privileges,
 * given that every other field is as tight as NodeAgent writes it (seccomp RuntimeDefault,
 * drop ALL, no privilege escalation unless privileged mode or SYS_ADMIN needs it, no custom
 * SELinux/AppArmor/sysctls, only emptyDir and hostPath volumes).
 *
 * - Privileged is needed by any Baseline violation: host namespaces (check_hostNamespaces.go),
 *   privileged containers (check_privileged.go), capabilities outside the default set
 *   (check_capabilities_baseline.go), any hostPath volume (check_hostPathVolumes.go), any non-zero
 *   host port (check_hostPorts.go).
 * - Baseline is needed by a Restricted violation: running as root (check_runAsNonRoot.go,
 *   check_runAsUser.go) or adding a capability other than NET_BIND_SERVICE
 *   (check_capabilities_restricted.go).
 *
 * @internal
 */
export function assessPodSecurity(p: RequestedPrivileges): PodSecurityAssessment {
  const privileged: string[] = [];
  for (const path of p.hostPaths) {
    privileged.push(`hostPath volume ${path}: Baseline forbids every hostPath volume`);
  }
  if (p.hostNetwork) privileged.push('hostNetwork: Baseline forbids sharing the host network namespace');
  if (p.hostPid) privileged.push('hostPID: Baseline forbids sharing the host PID namespace');
  if (p.privileged) privileged.push('privileged containers: Baseline forbids privileged mode');
  const beyondBaseline = p.capabilities.filter((c) => !BASELINE_CAPABILITIES.has(c));
  if (beyondBaseline.length > 0) {
    privileged.push(`capabilities ${beyondBaseline.join(', ')}: Baseline allows adding only the default set (${[...BASELINE_CAPABILITIES].join(', ')})`);
  }
  for (const port of p.hostPorts) {
    privileged.push(`hostPort ${port}: Baseline forbids host ports`);
  }
  if (privileged.length > 0) {
    return { level: PodSecurityLevel.PRIVILEGED, reasons: privileged };
  }

  const baseline: string[] = [];
  if (p.runAsRoot) baseline.push('runAsRoot: Restricted requires runAsNonRoot: true and a non-zero runAsUser');
  const beyondRestricted = p.capabilities.filter((c) => c !== RESTRICTED_CAPABILITY);
  if (beyondRestricted.length > 0) {
    baseline.push(`capabilities ${beyondRestricted.join(', ')}: Restricted allows adding only NET_BIND_SERVICE`);
  }
  if (baseline.length > 0) {
    return { level: PodSecurityLevel.BASELINE, reasons: baseline };
  }
  return { level: PodSecurityLevel.RESTRICTED, reasons: [] };
}
