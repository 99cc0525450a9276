/**
 * Seed 001 §3: the DaemonSet `test` — busybox kept alive with `tail -f /dev/null`, limited to
 * 100m CPU and 200Mi memory (no requests: Kubernetes sets them equal to the limits), tolerating
 * the master's `node-role.kubernetes.io/master:NoSchedule` taint so that the manager node gets a
 * pod too (the seed shows one pod on each of manager, worker1, worker2, worker3).
 *
 * The toleration is written exactly as in the seed (key and effect; the operator defaults to
 * `Equal` with an empty value, which matches the master taint). `NodeAgentTolerations.controlPlane()`
 * would add the current `node-role.kubernetes.io/control-plane` key as well.
 *
 * Differences from the seed's YAML, all NodeAgent defaults: the pod runs as UID 65534 with a
 * read-only root filesystem, every capability dropped, no privilege escalation and seccomp
 * `RuntimeDefault` (PSS `restricted`; `tail` needs nothing more); `nodeSelector:
 * kubernetes.io/os: linux`; an explicit `RollingUpdate` with `maxUnavailable: 1`; and a
 * ServiceAccount `test` without a mounted token.
 */
import { App, Chart, Size } from 'cdk8s';
import { Cpu, TaintEffect } from 'cdk8s-plus-27';
import { NodeAgent } from '../../lib';

/** Adds the `seed-001-test-ds` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-001-test-ds', { namespace: 'default', disableResourceNameHashes: true });
  new NodeAgent(chart, 'test', {
    name: 'test',
    selectorLabels: { name: 'test' },
    tolerations: [{ key: 'node-role.kubernetes.io/master', effect: TaintEffect.NO_SCHEDULE }],
    containers: [{
      name: 'test',
      image: 'busybox',
      args: ['tail', '-f', '/dev/null'],
      resources: { cpu: { limit: Cpu.millis(100) }, memory: { limit: Size.mebibytes(200) } },
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
