/**
 * A GPU driver agent on the nodes labelled `role: gpu-node` (seed 003 §4, "GPU 노드에만 배포 (GPU
 * 드라이버 데몬 등)": deploy only to GPU nodes, e.g. a GPU driver daemon), shaped like the NVIDIA
 * driver container: it loads kernel modules, so it is privileged, runs as root in the host PID
 * namespace, installs the driver into its own (writable) root filesystem and shares it with the
 * node through `/run/nvidia` with bidirectional mount propagation.
 *
 * - `nodeSelector: role: gpu-node` plus the default `kubernetes.io/os: linux`; it tolerates the
 *   `nvidia.com/gpu:NoSchedule` taint GPU nodes usually carry.
 * - `OnDelete`: replacing a driver under running GPU workloads breaks them, so a new version
 *   rolls out only as nodes are drained and their driver pod deleted.
 * - `apiAccess` to get and patch Node objects (to label its node once the driver is loaded), so a
 *   ClusterRole `platform-nvidia-driver` and its binding are created and the token is mounted.
 * - `system-node-critical`: scheduled before, and evicted after, ordinary pods.
 * - `podSecurityLevel` is `privileged`: label `platform` with
 *   `pod-security.kubernetes.io/enforce: privileged`, or run it in a namespace for node agents.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Cpu, HostPathVolumeType, MountPropagation, Probe, TaintEffect } from 'cdk8s-plus-27';
import {
  NodeAgent, NodeAgentEnv, NodeAgentPriorityClass, NodeAgentUpdateStrategy, TolerationOperator,
} from '../../lib';

/** Adds the `gpu-driver` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'gpu-driver', { namespace: 'platform', disableResourceNameHashes: true });
  new NodeAgent(chart, 'nvidia-driver', {
    name: 'nvidia-driver',
    nodeSelector: { role: 'gpu-node' },
    tolerations: [{ key: 'nvidia.com/gpu', operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE }],
    containers: [{
      name: 'nvidia-driver',
      image: 'nvcr.io/nvidia/driver:550.90.07-ubuntu22.04',
      args: ['init'],
      env: { NODE_NAME: NodeAgentEnv.nodeName() },
      resources: {
        cpu: { request: Cpu.millis(200) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(2) },
      },
      // Building and loading the modules takes minutes; the pod is ready once nvidia-smi answers.
      startup: Probe.fromCommand(['nvidia-smi'], { periodSeconds: Duration.seconds(10), failureThreshold: 120 }),
      readiness: Probe.fromCommand(['nvidia-smi'], { periodSeconds: Duration.seconds(30) }),
    }],
    hostPaths: [
      {
        path: '/run/nvidia', writable: true, type: HostPathVolumeType.DIRECTORY_OR_CREATE,
        propagation: MountPropagation.BIDIRECTIONAL, volumeName: 'run-nvidia',
      },
      { path: '/lib/modules', type: HostPathVolumeType.DIRECTORY, volumeName: 'lib-modules' },
    ],
    privileged: true,
    runAsRoot: true,
    hostPid: true,
    readOnlyRootFilesystem: false,
    apiAccess: [{ resources: ['nodes'], verbs: ['get', 'patch'] }],
    priorityClass: NodeAgentPriorityClass.SYSTEM_NODE_CRITICAL,
    updateStrategy: NodeAgentUpdateStrategy.onDelete(),
    terminationGracePeriod: Duration.minutes(5),
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
