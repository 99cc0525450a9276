/**
 * Seed 000 §2.3: the `fluentd` DaemonSet in `kube-system` — one log collector per node, reading
 * `/var/log` (kept writable, as in the seed) and `/var/lib/docker/containers` (read-only), with
 * requests 100m / 100Mi and limits 200m / 200Mi. Also §6.2, the CKA exercise: a bare `fluentd`
 * DaemonSet in the default namespace.
 *
 * Differences from the seed's YAML, all from NodeAgent's defaults or its explicit host access:
 * - `runAsRoot: true`: `/var/log` is root-owned, so writing it needs UID 0. With the hostPaths
 *   the agent needs the `privileged` Pod Security level anyway (Baseline forbids every hostPath);
 *   kube-system is normally not enforced.
 * - The root filesystem is read-only, every capability is dropped, privilege escalation is off
 *   and seccomp is `RuntimeDefault`; `/fluentd/log`, where the image's default configuration
 *   writes, is an emptyDir.
 * - `nodeSelector: kubernetes.io/os: linux`, an explicit `RollingUpdate` with
 *   `maxUnavailable: 1` (the Kubernetes default), and a ServiceAccount `fluentd` without a
 *   mounted token (fluentd here does not call the API).
 * - The §6.2 agent gets NodeAgent's default resources (100m/100Mi requests, 200m/200Mi limits)
 *   and runs as UID 65534 (PSS `restricted`).
 */
import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { NodeAgent } from '../../lib';

/** Adds the `seed-000-fluentd` and `seed-000-fluentd-cka` charts. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-000-fluentd', { namespace: 'kube-system', disableResourceNameHashes: true });
  new NodeAgent(chart, 'fluentd', {
    name: 'fluentd',
    selectorLabels: { name: 'fluentd' },
    containers: [{
      name: 'fluentd',
      image: 'fluentd:latest',
      resources: {
        cpu: { request: Cpu.millis(100), limit: Cpu.millis(200) },
        memory: { request: Size.mebibytes(100), limit: Size.mebibytes(200) },
      },
    }],
    hostPaths: [
      { path: '/var/log', volumeName: 'varlog', writable: true },
      { path: '/var/lib/docker/containers', volumeName: 'varlibdockercontainers' },
    ],
    runAsRoot: true,
    scratchDirectories: ['/fluentd/log'],
  });

  const cka = new Chart(app, 'seed-000-fluentd-cka', { namespace: 'default', disableResourceNameHashes: true });
  new NodeAgent(cka, 'fluentd', {
    name: 'fluentd',
    selectorLabels: { name: 'fluentd' },
    containers: [{ name: 'fluentd', image: 'fluentd' }],
    scratchDirectories: ['/fluentd/log'],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
