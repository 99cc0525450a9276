/**
 * Seed 004: the `sample-ds` DaemonSet (`nginx:1.16`, container `nginx-container`, pods labelled
 * `app: sample-app`) with the `OnDelete` update strategy — a pod gets a new template only when
 * someone deletes it — and, in a second chart, the commented-out variant from the same manifest:
 * `RollingUpdate` with `maxUnavailable: 2`. Both charts describe the same object; apply one.
 *
 * Differences from the seed's YAML: nginx 1.16 starts as root, binds port 80, switches its
 * workers to the `nginx` user and writes `/var/cache/nginx` and `/var/run/nginx.pid`, so it gets
 * `runAsRoot: true`, the capabilities CHOWN, SETUID, SETGID and NET_BIND_SERVICE (every other
 * one stays dropped), and emptyDirs for those two directories under a read-only root
 * filesystem. That is PSS `baseline`. Plus NodeAgent's default resources, seccomp
 * `RuntimeDefault`, `nodeSelector: kubernetes.io/os: linux` and a ServiceAccount without a
 * mounted token.
 */
import { App, Chart } from 'cdk8s';
import { PercentOrAbsolute } from 'cdk8s-plus-27';
import { NodeAgent, NodeAgentCapability, NodeAgentProps, NodeAgentUpdateStrategy } from '../../lib';

/** Adds the `seed-004-sample-ds` (OnDelete) and `seed-004-sample-ds-rolling-update` charts. */
export function build(app: App): void {
  const sampleDs = (updateStrategy: NodeAgentUpdateStrategy): NodeAgentProps => ({
    name: 'sample-ds',
    selectorLabels: { app: 'sample-app' },
    containers: [{ name: 'nginx-container', image: 'nginx:1.16' }],
    runAsRoot: true,
    capabilities: [NodeAgentCapability.CHOWN, NodeAgentCapability.SETUID, NodeAgentCapability.SETGID, NodeAgentCapability.NET_BIND_SERVICE],
    scratchDirectories: ['/var/cache/nginx', '/var/run'],
    updateStrategy,
  });

  const onDelete = new Chart(app, 'seed-004-sample-ds', { namespace: 'default', disableResourceNameHashes: true });
  new NodeAgent(onDelete, 'sample-ds', sampleDs(NodeAgentUpdateStrategy.onDelete()));

  const rolling = new Chart(app, 'seed-004-sample-ds-rolling-update', { namespace: 'default', disableResourceNameHashes: true });
  new NodeAgent(rolling, 'sample-ds', sampleDs(NodeAgentUpdateStrategy.rollingUpdate({ maxUnavailable: PercentOrAbsolute.absolute(2) })));
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
