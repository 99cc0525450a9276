/**
 * synth-overhead: the cost of StatefulDatabase (validation, defaults, composition) over writing
 * the same manifests by hand with cdk8s-plus-27 and JSON patches.
 *
 * A builds an App with 500 PostgreSQL StatefulDatabases and renders every object (`toJson`);
 * B builds the identical objects directly with cdk8s-plus-27 (+ the same JSON patches) in the
 * same construct tree and renders them. Before timing, the two outputs are checked to be
 * identical, so the ratio compares equal work. YAML serialisation and file writing, the same for
 * both, are left out so that they do not dilute the ratio.
 */
import { ApiObject, App, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DatabaseEngine, StatefulDatabase } from '../lib';
import { BenchResult, compareInterleaved, round } from './util';

const COUNT = 500;
const SECRET = { name: 'db-credentials', key: 'password' };

function render(app: App): unknown[] {
  return app.charts.flatMap((c) => c.toJson());
}

function withConstructs(count: number): unknown[] {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'bench', disableResourceNameHashes: true });
  for (let i = 0; i < count; i++) {
    new StatefulDatabase(chart, `db-${i}`, { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET });
  }
  return render(app);
}

/** What a careful user would write without StatefulDatabase to get the same manifests. */
function handWritten(chart: Chart, name: string): void {
  const scope = new Construct(chart, name);
  const engine = DatabaseEngine.POSTGRES;
  const selector = { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': name };
  const labels = {
    ...selector, 'app.kubernetes.io/component': 'database', 'app.kubernetes.io/version': '16.4', 'app.kubernetes.io/managed-by': 'cdk8s-workloads',
  };
  const ports = [{ port: 5432, targetPort: 5432, name: 'postgres' }];

  const headless = new kplus.Service(scope, 'HeadlessService', { metadata: { name: `${name}-headless`, labels }, clusterIP: 'None', ports });
  for (const [k, v] of Object.entries(selector)) headless.selectLabel(k, v);
  const sts = new kplus.StatefulSet(scope, 'Resource', {
    metadata: { name, labels },
    podMetadata: { labels },
    select: false,
    service: headless,
    replicas: 1,
    podManagementPolicy: kplus.PodManagementPolicy.ORDERED_READY,
    strategy: kplus.StatefulSetUpdateStrategy.rollingUpdate({ partition: 0 }),
    minReady: Duration.seconds(0),
    terminationGracePeriod: Duration.seconds(30),
    securityContext: { ensureNonRoot: true, user: 999, group: 999, fsGroup: 999, fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH },
    automountServiceAccountToken: false,
  });
  sts.select(kplus.LabelSelector.of({ labels: selector }));
  ApiObject.of(headless).addJsonPatch(
    JsonPatch.add('/spec/publishNotReadyAddresses', true),
    JsonPatch.remove('/spec/selector/cdk8s.io~1metadata.addr'),
  );

  const secret = kplus.Secret.fromSecretName(scope, 'PasswordSecret', SECRET.name);
  const probe = (cmd: string[], failureThreshold: number) => kplus.Probe.fromCommand(cmd, {
    initialDelaySeconds: Duration.seconds(0), periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5), failureThreshold,
  });
  const security = {
    ensureNonRoot: true, user: 999, group: 999, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false,
    capabilities: { drop: ['ALL' as kplus.Capability] },
  };
  const container = sts.addContainer({
    name: 'postgres',
    image: 'postgres:16.4',
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    ports: [{ number: 5432, name: 'postgres' }],
    envVariables: {
      PGDATA: kplus.EnvValue.fromValue('/var/lib/postgresql/data/pgdata'),
      POSTGRES_PASSWORD: kplus.EnvValue.fromSecretValue({ secret, key: SECRET.key }),
    },
    readiness: probe(engine.readiness.command!, 3),
    liveness: probe(engine.liveness.command!, 6),
    startup: probe(engine.liveness.command!, 30),
    resources: { cpu: { request: kplus.Cpu.millis(250) }, memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) } },
    securityContext: security,
  });
  container.mount('/var/lib/postgresql/data', kplus.Volume.fromEmptyDir(scope, 'DataVolume', 'data'));
  container.mount('/tmp', kplus.Volume.fromEmptyDir(scope, 'Scratch0', 'tmp'));
  container.mount('/var/run/postgresql', kplus.Volume.fromEmptyDir(scope, 'Scratch1', 'var-run-postgresql'));
  container.mount('/dev/shm', kplus.Volume.fromEmptyDir(scope, 'Scratch2', 'dev-shm', { medium: kplus.EmptyDirMedium.MEMORY }));

  ApiObject.of(sts).addJsonPatch(
    JsonPatch.test('/spec/template/spec/volumes/0/name', 'data'),
    JsonPatch.remove('/spec/template/spec/volumes/0'),
    JsonPatch.add('/spec/volumeClaimTemplates', [{
      metadata: { name: 'data', labels: selector },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: kplus.k8s.Quantity.fromString('10Gi') } } },
    }]),
    JsonPatch.add('/spec/persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' }),
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/enableServiceLinks', false),
  );
  sts.scheduling.separate(kplus.Pods.select(scope, 'Members', { labels: selector }), { topology: kplus.Topology.HOSTNAME, weight: 100 });

  const client = new kplus.Service(scope, 'Service', { metadata: { name, labels }, type: kplus.ServiceType.CLUSTER_IP, ports });
  for (const [k, v] of Object.entries(selector)) client.selectLabel(k, v);
  new kplus.k8s.KubePodDisruptionBudget(scope, 'PodDisruptionBudget', {
    metadata: { name, labels },
    spec: { maxUnavailable: kplus.k8s.IntOrString.fromNumber(1), selector: { matchLabels: selector } },
  });
}

function byHand(count: number): unknown[] {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'bench', disableResourceNameHashes: true });
  for (let i = 0; i < count; i++) handWritten(chart, `db-${i}`);
  return render(app);
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  // Equal work: the hand-written manifests must be exactly the construct's.
  const a = JSON.stringify(withConstructs(COUNT));
  const b = JSON.stringify(byHand(COUNT));
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(`synth-overhead: hand-written manifests differ from StatefulDatabase's at character ${at}: ${a.slice(at - 80, at + 80)} vs ${b.slice(at - 80, at + 80)}`);
  }
  const result = await compareInterleaved(() => withConstructs(COUNT), () => byHand(COUNT));
  return [{
    name: 'synth-overhead',
    ratio: round(result.ratio),
    target: 1.15,
    unit: 'x',
    detail: `${COUNT} StatefulDatabase vs identical hand-written cdk8s-plus-27 + JSON patches, construct + toJson, median of ${result.ratios.length} interleaved runs (${round(result.medianMsA, 0)} ms vs ${round(result.medianMsB, 0)} ms)`,
  }];
}
