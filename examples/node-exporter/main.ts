/**
 * A Prometheus node-exporter agent shaped like the prometheus-community `prometheus-node-exporter`
 * chart: host network and PID namespace (it reports the node's network and processes), the
 * node's `/proc`, `/sys` and `/` mounted read-only under `/host` (the root with `HostToContainer`
 * propagation, so later mounts are seen), listening on the node IP at port 9100, running as
 * `nobody` with every capability dropped, tolerating every `NoSchedule` taint, priority
 * `system-node-critical`, and rolled out one node at a time.
 *
 * The second chart, `node-exporter-namespace`, creates the `monitoring` namespace with the Pod
 * Security label the agent needs: `pod-security.kubernetes.io/enforce: privileged` (hostNetwork,
 * hostPID and the hostPaths are all beyond Baseline). It is a separate chart because a
 * Namespace is not namespaced.
 */
import { App, Chart } from 'cdk8s';
import { MountPropagation, Namespace, Probe } from 'cdk8s-plus-27';
import { NodeAgent, NodeAgentEnv, NodeAgentPriorityClass, NodeAgentTolerations } from '../../lib';

/** Adds the `node-exporter` and `node-exporter-namespace` charts. */
export function build(app: App): void {
  const chart = new Chart(app, 'node-exporter', { namespace: 'monitoring', disableResourceNameHashes: true });
  const agent = new NodeAgent(chart, 'node-exporter', {
    name: 'node-exporter',
    containers: [{
      name: 'node-exporter',
      image: 'quay.io/prometheus/node-exporter:v1.8.2',
      args: [
        '--path.procfs=/host/proc',
        '--path.sysfs=/host/sys',
        '--path.rootfs=/host/root',
        '--path.udev.data=/host/root/run/udev/data',
        '--web.listen-address=[$(HOST_IP)]:9100',
      ],
      env: { HOST_IP: NodeAgentEnv.hostIp() },
      ports: [{ number: 9100, name: 'metrics' }],
      readiness: Probe.fromHttpGet('/', { port: 9100 }),
      liveness: Probe.fromHttpGet('/', { port: 9100 }),
    }],
    hostNetwork: true,
    hostPid: true,
    hostPaths: [
      { path: '/proc', mountPath: '/host/proc', volumeName: 'proc' },
      { path: '/sys', mountPath: '/host/sys', volumeName: 'sys' },
      { path: '/', mountPath: '/host/root', volumeName: 'root', propagation: MountPropagation.HOST_TO_CONTAINER },
    ],
    tolerations: NodeAgentTolerations.noSchedule(),
    priorityClass: NodeAgentPriorityClass.SYSTEM_NODE_CRITICAL,
  });

  const namespaces = new Chart(app, 'node-exporter-namespace', { disableResourceNameHashes: true });
  new Namespace(namespaces, 'monitoring', { metadata: { name: 'monitoring', labels: agent.podSecurityLabels } });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
