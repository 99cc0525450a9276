/**
 * Seed 003 §4: the `fluent-bit` DaemonSet in the `platform` namespace, deployed to control-plane
 * nodes too, reading `/var/log` (writable, as in the seed: fluent-bit keeps its tail database
 * there in typical configurations) and `/var/lib/docker/containers` (read-only).
 *
 * Differences from the seed's YAML:
 * - `NodeAgentTolerations.controlPlane()` tolerates the seed's
 *   `node-role.kubernetes.io/control-plane:NoSchedule` with `operator: Exists`, plus the legacy
 *   `node-role.kubernetes.io/master` key that kubeadm clusters before 1.24 use.
 * - `runAsRoot: true` (root-owned `/var/log`); the hostPaths make the agent `privileged`, so the
 *   `platform` namespace needs `pod-security.kubernetes.io/enforce: privileged` (or no enforce
 *   label) — otherwise Pod Security Admission rejects every pod the controller creates.
 * - NodeAgent's hardening (read-only root, drop ALL, no privilege escalation, seccomp
 *   `RuntimeDefault`), default resources (100m/100Mi requests, 200m/200Mi limits),
 *   `nodeSelector: kubernetes.io/os: linux`, an explicit `RollingUpdate` with `maxUnavailable: 1`,
 *   and a ServiceAccount `fluent-bit` without a mounted token.
 */
import { App, Chart } from 'cdk8s';
import { NodeAgent, NodeAgentTolerations } from '../../lib';

/** Adds the `seed-003-fluent-bit` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-003-fluent-bit', { namespace: 'platform', disableResourceNameHashes: true });
  new NodeAgent(chart, 'fluent-bit', {
    name: 'fluent-bit',
    selectorLabels: { app: 'fluent-bit' },
    tolerations: NodeAgentTolerations.controlPlane(),
    containers: [{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.0' }],
    hostPaths: [
      { path: '/var/log', volumeName: 'varlog', writable: true },
      { path: '/var/lib/docker/containers', volumeName: 'varlibdockercontainers' },
    ],
    runAsRoot: true,
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
