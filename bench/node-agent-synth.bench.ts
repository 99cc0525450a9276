/**
 * node-agent-synth-overhead: the cost of NodeAgent (validation, PSS assessment, defaults,
 * composition) over writing the same manifests by hand with cdk8s-plus-27 and JSON patches.
 *
 * A builds an App with 300 node-exporter-like NodeAgents (hostNetwork, hostPID, three read-only
 * hostPaths, a toleration, priority class, probes, downward-API env) and renders every object
 * (`toJson`); B builds the identical DaemonSets and ServiceAccounts directly with cdk8s-plus-27
 * in the same construct tree and renders them. The outputs are checked to be identical before
 * timing, so the ratio compares equal work.
 *
 * Target 1.25: NodeAgent runs some seventy construction-time checks, the Pod Security assessment
 * and a render of each probe that a hand-written chart skips; measured at 1.11–1.15 on a shared
 * 2-core machine, where repeated runs differ by about 0.1.
 */
import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { NodeAgent, NodeAgentEnv, NodeAgentPriorityClass, NodeAgentTolerations } from '../lib';
import { BenchResult, compareInterleaved, round } from './util';

const COUNT = 300;
const IMAGE = 'quay.io/prometheus/node-exporter:v1.8.2';
const ARGS = ['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root', '--web.listen-address=[$(HOST_IP)]:9100'];
const HOST_PATHS: Array<[string, string, string]> = [['/proc', '/host/proc', 'proc'], ['/sys', '/host/sys', 'sys'], ['/', '/host/root', 'root']];

function render(app: App): unknown[] {
  return app.charts.flatMap((c) => c.toJson());
}

function withConstructs(count: number): unknown[] {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'monitoring', disableResourceNameHashes: true });
  for (let i = 0; i < count; i++) {
    new NodeAgent(chart, `exporter-${i}`, {
      name: `exporter-${i}`,
      containers: [{
        image: IMAGE,
        args: ARGS,
        env: { HOST_IP: NodeAgentEnv.hostIp() },
        ports: [{ number: 9100, name: 'metrics' }],
        readiness: kplus.Probe.fromHttpGet('/', { port: 9100 }),
        liveness: kplus.Probe.fromHttpGet('/', { port: 9100 }),
      }],
      hostNetwork: true,
      hostPid: true,
      hostPaths: HOST_PATHS.map(([path, mountPath, volumeName]) => ({
        path, mountPath, volumeName, propagation: path === '/' ? kplus.MountPropagation.HOST_TO_CONTAINER : undefined,
      })),
      tolerations: NodeAgentTolerations.noSchedule(),
      priorityClass: NodeAgentPriorityClass.SYSTEM_NODE_CRITICAL,
    });
  }
  return render(app);
}

/** What a careful user would write without NodeAgent to get the same manifests. */
function handWritten(chart: Chart, name: string): void {
  const scope = new Construct(chart, name);
  const labels = { 'app.kubernetes.io/name': name };
  const sa = new kplus.ServiceAccount(scope, 'ServiceAccount', { metadata: { name }, automountToken: false });
  const ds = new kplus.DaemonSet(scope, 'Resource', {
    metadata: { name },
    select: false,
    podMetadata: {},
    minReadySeconds: 0,
    automountServiceAccountToken: false,
    hostNetwork: true,
    dns: { policy: kplus.DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET },
    securityContext: { ensureNonRoot: true, user: 65534, group: 65534 },
    serviceAccount: sa,
  });
  for (const [k, v] of Object.entries(labels)) ds.podMetadata.addLabel(k, v);
  ds.select(kplus.LabelSelector.of({ labels }));
  const container = ds.addContainer({
    name,
    image: IMAGE,
    args: ARGS,
    envVariables: { HOST_IP: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_IP) },
    ports: [{ number: 9100, name: 'metrics' }],
    resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(200) }, memory: { request: Size.mebibytes(100), limit: Size.mebibytes(200) } },
    readiness: kplus.Probe.fromHttpGet('/', { port: 9100 }),
    liveness: kplus.Probe.fromHttpGet('/', { port: 9100 }),
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    securityContext: {
      ensureNonRoot: true, privileged: false, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL' as kplus.Capability] },
    },
  });
  HOST_PATHS.forEach(([path, mountPath, volumeName], i) => {
    container.mount(mountPath, kplus.Volume.fromHostPath(scope, `HostPath${i}`, volumeName, { path }), {
      readOnly: true, propagation: path === '/' ? kplus.MountPropagation.HOST_TO_CONTAINER : undefined,
    });
  });
  ApiObject.of(ds).addJsonPatch(
    JsonPatch.add('/spec/updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: kplus.k8s.IntOrString.fromNumber(1) } }),
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/hostPid', true),
    JsonPatch.add('/spec/template/spec/priorityClassName', 'system-node-critical'),
    JsonPatch.add('/spec/template/spec/nodeSelector', { 'kubernetes.io/os': 'linux' }),
    JsonPatch.add('/spec/template/spec/tolerations', [{ operator: 'Exists', effect: 'NoSchedule' }]),
  );
}

function byHand(count: number): unknown[] {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'monitoring', disableResourceNameHashes: true });
  for (let i = 0; i < count; i++) handWritten(chart, `exporter-${i}`);
  return render(app);
}

/** Sorts manifests by kind and name: the two trees create the DaemonSet and ServiceAccount in different orders. */
function canonical(manifests: unknown[]): string {
  const key = (m: any): string => `${m.kind}/${m.metadata?.name}`;
  return JSON.stringify([...manifests].sort((x, y) => key(x).localeCompare(key(y))));
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const a = canonical(withConstructs(COUNT));
  const b = canonical(byHand(COUNT));
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(`node-agent-synth-overhead: hand-written manifests differ from NodeAgent's at character ${at}: ${a.slice(at - 80, at + 80)} vs ${b.slice(at - 80, at + 80)}`);
  }
  const result = await compareInterleaved(() => withConstructs(COUNT), () => byHand(COUNT));
  return [{
    name: 'node-agent-synth-overhead',
    ratio: round(result.ratio),
    target: 1.25,
    unit: 'x',
    detail: `${COUNT} node-exporter-like NodeAgents vs identical hand-written cdk8s-plus-27 + JSON patches, construct + toJson, median of ${result.ratios.length} interleaved runs (${round(result.medianMsA, 0)} ms vs ${round(result.medianMsB, 0)} ms)`,
  }];
}
