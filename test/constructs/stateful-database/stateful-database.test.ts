import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  ClaimRetention, DatabaseEngine, DatabaseProbe, DatabaseStorage, DatabaseUpdateStrategy, PodAntiAffinity,
  StatefulDatabase, StatefulDatabaseProps, WhenUnsatisfiable,
} from '../../../lib';
import { ValidationError } from '../../../lib/constructs/_shared/errors';
import { validationErrorOf } from '../../helpers/errors';
import { Manifest, newChart, only, schemaIssues, synth } from '../../helpers/synth';

const SECRET = { name: 'orders-db-credentials', key: 'password' };

/** A StatefulDatabase in a fresh chart and its manifests. */
function build(props: Partial<StatefulDatabaseProps> = {}, id = 'orders-db', namespace = 'shop') {
  const chart = newChart(namespace);
  const db = new StatefulDatabase(chart, id, { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, ...props });
  const manifests = synth(chart);
  return { chart, db, manifests, sts: only(manifests, 'StatefulSet') };
}

/** The ValidationError these props throw. */
function errorOf(props: Partial<StatefulDatabaseProps>, id = 'orders-db'): ValidationError {
  return validationErrorOf(() => new StatefulDatabase(newChart('shop'), id, { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, ...props } as StatefulDatabaseProps));
}

function podSpec(sts: Manifest) {
  return sts.spec.template.spec;
}

function mainContainer(sts: Manifest) {
  return podSpec(sts).containers[0];
}

test('ApiObject.of() on a StatefulDatabase returns the StatefulSet (its default child is the workload)', () => {
  const { chart, db } = build();
  const obj = ApiObject.of(db);
  expect(obj.kind).toBe('StatefulSet');
  expect(obj.name).toBe('orders-db');
  expect(db.node.defaultChild).toBe(db.statefulSet);
  expect(db.node.tryFindChild('Default')).toBeUndefined();

  // An escape-hatch patch lands in the synthesized StatefulSet.
  obj.addJsonPatch(JsonPatch.add('/spec/template/spec/priorityClassName', 'database-critical'));
  obj.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 5));
  const sts = only(synth(chart), 'StatefulSet');
  expect(sts.spec.template.spec.priorityClassName).toBe('database-critical');
  expect(sts.spec.revisionHistoryLimit).toBe(5);
});

describe('defaults', () => {
  const { db, manifests, sts } = build();
  const pod = podSpec(sts);
  const container = mainContainer(sts);
  const selector = { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'orders-db' };

  test('creates a headless Service, the StatefulSet, a client Service and a PodDisruptionBudget, nothing else', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Service/orders-db-headless', 'StatefulSet/orders-db', 'Service/orders-db', 'PodDisruptionBudget/orders-db',
    ]);
    expect(manifests.every((m) => m.metadata.namespace === 'shop')).toBe(true);
  });

  test('the headless Service is the serviceName, has no cluster IP, publishes not-ready pods and selects exactly what the StatefulSet selects', () => {
    const headless = only(manifests, 'Service', 'orders-db-headless');
    expect(sts.spec.serviceName).toBe('orders-db-headless');
    expect(headless.spec.clusterIP).toBe('None');
    expect(headless.spec.type).toBe('ClusterIP');
    expect(headless.spec.publishNotReadyAddresses).toBe(true);
    expect(headless.spec.selector).toEqual(selector);
    expect(sts.spec.selector).toEqual({ matchLabels: selector });
    expect(headless.spec.ports).toEqual([{ name: 'postgres', port: 5432, targetPort: 5432 }]);
  });

  test('the client Service is a ClusterIP Service over ready pods only', () => {
    const client = only(manifests, 'Service', 'orders-db');
    expect(client.spec.type).toBe('ClusterIP');
    expect(client.spec.clusterIP).toBeUndefined();
    expect(client.spec.publishNotReadyAddresses).toBeUndefined();
    expect(client.spec.selector).toEqual(selector);
    expect(client.spec.ports).toEqual([{ name: 'postgres', port: 5432, targetPort: 5432 }]);
  });

  test('one replica, OrderedReady, RollingUpdate with partition 0, minReadySeconds 0, no ordinals field', () => {
    expect(sts.spec.replicas).toBe(1);
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady');
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(sts.spec.minReadySeconds).toBe(0);
    expect(sts.spec).not.toHaveProperty('ordinals');
  });

  test('a 10Gi ReadWriteOnce claim per pod from the default StorageClass, retained on delete and scale-down', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'data', labels: selector },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    }]);
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  });

  test('the claim is mounted at the engine data path and is not also a pod volume', () => {
    expect(container.volumeMounts[0]).toEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
    expect(pod.volumes.map((v: { name: string }) => v.name)).not.toContain('data');
  });

  test('the read-only root filesystem gets writable emptyDirs where the image writes', () => {
    expect(container.volumeMounts.slice(1)).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'var-run-postgresql', mountPath: '/var/run/postgresql' },
      { name: 'dev-shm', mountPath: '/dev/shm' },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'tmp', emptyDir: {} },
      { name: 'var-run-postgresql', emptyDir: {} },
      { name: 'dev-shm', emptyDir: { medium: 'Memory' } },
    ]);
  });

  test('pods run as the image\'s non-root user under the restricted Pod Security Standard', () => {
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch',
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,
      privileged: false, capabilities: { drop: ['ALL'] },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.enableServiceLinks).toBe(false);
    expect(pod.hostNetwork).toBe(false);
    expect(pod).not.toHaveProperty('sysctls');
  });

  test('the password comes from the Secret reference, never a literal', () => {
    expect(container.env).toEqual([
      { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
    ]);
    expect(db.passwordSecret).toEqual(SECRET);
  });

  test('pinned image, pulled only if not present, with one named port', () => {
    expect(container.name).toBe('postgres');
    expect(container.image).toBe('postgres:16.4');
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container.ports).toEqual([{ containerPort: 5432, name: 'postgres' }]);
  });

  test('readiness, liveness and startup probes are distinct and use pg_isready over TCP', () => {
    expect(container.readinessProbe.exec.command.join(' ')).toContain('pg_isready --host=127.0.0.1 --port=5432');
    expect(container.livenessProbe.exec.command.join(' ')).toContain('[ $? -le 1 ]');
    expect(container.readinessProbe.exec).not.toEqual(container.livenessProbe.exec);
    expect(container.readinessProbe).toMatchObject({ failureThreshold: 3, periodSeconds: 10, timeoutSeconds: 5 });
    expect(container.livenessProbe).toMatchObject({ failureThreshold: 6, periodSeconds: 10, timeoutSeconds: 5 });
    expect(container.startupProbe).toMatchObject({ failureThreshold: 30, periodSeconds: 10, exec: container.livenessProbe.exec });
  });

  test('requests CPU and memory, limits memory only', () => {
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1024Mi' } });
  });

  test('soft anti-affinity across nodes', () => {
    expect(pod.affinity).toEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100,
          podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: selector } },
        }],
      },
    });
    expect(pod).not.toHaveProperty('topologySpreadConstraints');
  });

  test('a PodDisruptionBudget allows one voluntary disruption at a time', () => {
    expect(only(manifests, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector } });
  });

  test('app.kubernetes.io labels on every object and on the pods', () => {
    const labels = {
      ...selector, 'app.kubernetes.io/component': 'database', 'app.kubernetes.io/version': '16.4',
      'app.kubernetes.io/managed-by': 'cdk8s-workloads',
    };
    for (const m of manifests) expect(m.metadata.labels).toEqual(labels);
    expect(sts.spec.template.metadata.labels).toMatchObject(labels);
  });

  test('typed outputs', () => {
    expect(db.name).toBe('orders-db');
    expect(db.namespace).toBe('shop');
    expect(db.headlessServiceName).toBe('orders-db-headless');
    expect(db.clientServiceName).toBe('orders-db');
    expect(db.clientHost).toBe('orders-db.shop.svc.cluster.local');
    expect(db.primaryHost).toBe('orders-db-0.orders-db-headless.shop.svc.cluster.local');
    expect(db.podHost(0)).toBe(db.primaryHost);
    expect(db.selectorLabels).toEqual(selector);
  });

  test('members expose the cdk8s-plus objects', () => {
    expect(db.statefulSet).toBeInstanceOf(kplus.StatefulSet);
    expect(db.headlessService).toBeInstanceOf(kplus.Service);
    expect(db.clientService).toBeInstanceOf(kplus.Service);
    expect(db.podDisruptionBudget?.kind).toBe('PodDisruptionBudget');
    expect(db.networkPolicy).toBeUndefined();
    expect(db.container.name).toBe('postgres');
  });

  test('passes the strict Kubernetes 1.27 schema check', () => {
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('matches the snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });
});

describe('seed DNS names', () => {
  test('seed 000: mysql-0.mysql-headless.default.svc.cluster.local', () => {
    const { db } = build({
      engine: DatabaseEngine.MYSQL, replicas: 3, headlessServiceName: 'mysql-headless', passwordSecret: { name: 'mysql-secret', key: 'password' },
    }, 'mysql', 'default');
    expect(db.podHost(0)).toBe('mysql-0.mysql-headless.default.svc.cluster.local');
    expect(db.podHost(2)).toBe('mysql-2.mysql-headless.default.svc.cluster.local');
  });

  test('seed 001: web-1.nginx.default.svc.cluster.local', () => {
    const { db } = build({
      engine: DatabaseEngine.custom({ name: 'nginx', image: 'nginx', port: 80, dataPath: '/usr/share/nginx/html', user: 101 }),
      passwordSecret: undefined, replicas: 3, headlessServiceName: 'nginx',
    }, 'web', 'default');
    expect(db.podHost(1)).toBe('web-1.nginx.default.svc.cluster.local');
  });

  test('seed 003: redis-0.redis-headless.production.svc.cluster.local', () => {
    const { db } = build({ engine: DatabaseEngine.REDIS, passwordSecret: undefined, replicas: 3, headlessServiceName: 'redis-headless' }, 'redis', 'production');
    expect(db.podHost(0)).toBe('redis-0.redis-headless.production.svc.cluster.local');
    expect(db.clientHost).toBe('redis.production.svc.cluster.local');
  });

  test('a chart without a namespace means the default namespace', () => {
    const db = new StatefulDatabase(newChart(), 'orders-db', { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET });
    expect(db.namespace).toBe('default');
    expect(db.primaryHost).toBe('orders-db-0.orders-db-headless.default.svc.cluster.local');
  });

  test('a custom cluster domain', () => {
    const { db } = build({ clusterDomain: 'corp.internal' });
    expect(db.primaryHost).toBe('orders-db-0.orders-db-headless.shop.svc.corp.internal');
    expect(db.clientHost).toBe('orders-db.shop.svc.corp.internal');
  });
});

describe('overrides', () => {
  test('name, image, replicas and Parallel pod management', () => {
    const { sts, db } = build({ name: 'orders', image: 'postgres:16.4-bookworm', replicas: 3, podManagementPolicy: kplus.PodManagementPolicy.PARALLEL });
    expect(sts.metadata.name).toBe('orders');
    expect(sts.spec.replicas).toBe(3);
    expect(sts.spec.podManagementPolicy).toBe('Parallel');
    expect(mainContainer(sts).image).toBe('postgres:16.4-bookworm');
    expect(sts.metadata.labels['app.kubernetes.io/version']).toBe('16.4-bookworm');
    expect(db.podHost(2)).toBe('orders-2.orders-headless.shop.svc.cluster.local');
  });

  test('the name is derived from the construct id', () => {
    const { db } = build({}, 'Orders_DB');
    expect(db.name).toBe('orders-db');
  });

  test('an untagged or :latest image is always pulled and gets no version label', () => {
    for (const image of ['nginx', 'nginx:latest', 'registry.local:5000/nginx']) {
      const { sts } = build({ image });
      expect(mainContainer(sts).imagePullPolicy).toBe('Always');
      expect(sts.metadata.labels).not.toHaveProperty('app.kubernetes.io/version');
    }
    const { sts } = build({ image: 'postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' });
    expect(mainContainer(sts).imagePullPolicy).toBe('IfNotPresent');
  });

  test('OnDelete update strategy', () => {
    const { sts, db } = build({ updateStrategy: DatabaseUpdateStrategy.onDelete() });
    expect(sts.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(db.updateStrategy.partition).toBeUndefined();
  });

  test('a rolling update with a partition (canary)', () => {
    const { sts } = build({ replicas: 3, updateStrategy: DatabaseUpdateStrategy.rollingUpdate({ partition: 2 }) });
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
  });

  test('a partition above replicas is legal and means no pod is updated', () => {
    const { sts, manifests } = build({ replicas: 3, updateStrategy: DatabaseUpdateStrategy.rollingUpdate({ partition: 5 }) });
    expect(sts.spec.updateStrategy.rollingUpdate.partition).toBe(5);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('minReady, ordinalsStart and termination grace period', () => {
    const { sts, db } = build({ minReady: Duration.minutes(1), ordinalsStart: 5, replicas: 2, terminationGracePeriod: Duration.seconds(120) });
    expect(sts.spec.minReadySeconds).toBe(60);
    expect(sts.spec.ordinals).toEqual({ start: 5 });
    expect(podSpec(sts).terminationGracePeriodSeconds).toBe(120);
    expect(db.primaryHost).toBe('orders-db-5.orders-db-headless.shop.svc.cluster.local');
    expect(db.podHost(6)).toBe('orders-db-6.orders-db-headless.shop.svc.cluster.local');
    expect(() => db.podHost(4)).toThrow(/`ordinal` must be an integer between 5 and 6, got 4/);
    expect(() => db.podHost(7)).toThrow(ValidationError);
  });

  test('an explicit ordinalsStart of 0 is written out', () => {
    expect(build({ ordinalsStart: 0 }).sts.spec.ordinals).toEqual({ start: 0 });
  });

  test('persistent storage with a class, access modes, a volume name and Delete retention', () => {
    const { sts } = build({
      storage: DatabaseStorage.persistent({
        size: Size.gibibytes(50), storageClassName: 'fast-ssd', volumeName: 'pgdata',
        accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD],
        retention: { whenDeleted: ClaimRetention.RETAIN, whenScaled: ClaimRetention.DELETE },
      }),
    });
    expect(sts.spec.volumeClaimTemplates[0].metadata.name).toBe('pgdata');
    expect(sts.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOncePod'], storageClassName: 'fast-ssd', resources: { requests: { storage: '50Gi' } },
    });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Delete' });
    expect(mainContainer(sts).volumeMounts[0]).toEqual({ name: 'pgdata', mountPath: '/var/lib/postgresql/data' });
  });

  test.each([
    ['Size.gibibytes(10)', '10Gi', Size.gibibytes(10)],
    ['Size.mebibytes(1536)', '1536Mi', Size.mebibytes(1536)],
    ['Size.gibibytes(1.5)', '1536Mi', Size.gibibytes(1.5)],
    ['Size.tebibytes(2)', '2Ti', Size.tebibytes(2)],
    ['Size.kibibytes(1)', '1Ki', Size.kibibytes(1)],
    ['"1G"', '1G', '1G'],
    ['"10Gi"', '10Gi', '10Gi'],
    ['"500M"', '500M', '500M'],
    ['"1.5Gi"', '1.5Gi', '1.5Gi'],
    ['"1e9"', '1e9', '1e9'],
  ])('storage size %s renders as %s', (_label, quantity, size) => {
    const { sts } = build({ storage: DatabaseStorage.persistent({ size }) });
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe(quantity);
  });

  test('an empty storageClassName (static volumes only) is kept', () => {
    const { sts } = build({ storage: DatabaseStorage.persistent({ size: '1Gi', storageClassName: '' }) });
    expect(sts.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('');
  });

  test('ephemeral storage is an emptyDir and has no claim templates or retention policy', () => {
    const { sts } = build({ storage: DatabaseStorage.ephemeral({ sizeLimit: Size.gibibytes(2), medium: kplus.EmptyDirMedium.MEMORY }) });
    expect(sts.spec).not.toHaveProperty('volumeClaimTemplates');
    expect(sts.spec).not.toHaveProperty('persistentVolumeClaimRetentionPolicy');
    expect(podSpec(sts).volumes[0]).toEqual({ name: 'data', emptyDir: { medium: 'Memory', sizeLimit: '2048Mi' } });
    expect(mainContainer(sts).volumeMounts[0]).toEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
  });

  test('an existing shared claim is mounted into every pod, optionally read-only', () => {
    const { sts } = build({ storage: DatabaseStorage.existingClaim('nfs-pvc', { volumeName: 'nfs-vol', readOnly: true }) });
    expect(sts.spec).not.toHaveProperty('volumeClaimTemplates');
    expect(podSpec(sts).volumes[0]).toEqual({ name: 'nfs-vol', persistentVolumeClaim: { claimName: 'nfs-pvc', readOnly: true } });
    expect(mainContainer(sts).volumeMounts[0]).toEqual({ name: 'nfs-vol', mountPath: '/var/lib/postgresql/data', readOnly: true });
  });

  test('no storage mounts nothing at the data path and keeps the scratch directories', () => {
    const { sts, manifests } = build({ storage: DatabaseStorage.none() });
    expect(sts.spec).not.toHaveProperty('volumeClaimTemplates');
    expect(sts.spec).not.toHaveProperty('persistentVolumeClaimRetentionPolicy');
    expect(mainContainer(sts).volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(['/tmp', '/var/run/postgresql', '/dev/shm']);
    expect(podSpec(sts).volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', 'var-run-postgresql', 'dev-shm']);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('headless and client Service names; no client Service', () => {
    const named = build({ headlessServiceName: 'pg', clientServiceName: 'pg-rw' });
    expect(named.manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name)).toEqual(['pg', 'pg-rw']);
    expect(named.db.clientHost).toBe('pg-rw.shop.svc.cluster.local');

    const none = build({ clientService: false });
    expect(none.manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name)).toEqual(['orders-db-headless']);
    expect(none.db.clientService).toBeUndefined();
    expect(none.db.clientServiceName).toBeUndefined();
    expect(() => none.db.clientHost).toThrow(/`clientHost` is only available with a client Service/);
  });

  test('when the headless Service takes the StatefulSet name, the client Service is <name>-client', () => {
    const { db, manifests } = build({ headlessServiceName: 'orders-db' });
    expect(db.clientServiceName).toBe('orders-db-client');
    expect(manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name)).toEqual(['orders-db', 'orders-db-client']);
  });

  test('args, command and env', () => {
    const config = kplus.Secret.fromSecretName(newChart(), 'x', 'pg-config');
    const { sts } = build({
      args: ['-c', 'max_connections=200'],
      command: ['docker-entrypoint.sh', 'postgres'],
      env: {
        POSTGRES_DB: kplus.EnvValue.fromValue('orders'),
        PGDATA: kplus.EnvValue.fromValue('/var/lib/postgresql/data/other'),
        API_TOKEN: kplus.EnvValue.fromSecretValue({ secret: config, key: 'token' }),
      },
    });
    const c = mainContainer(sts);
    expect(c.command).toEqual(['docker-entrypoint.sh', 'postgres']);
    expect(c.args).toEqual(['-c', 'max_connections=200']);
    expect(c.env).toEqual([
      { name: 'PGDATA', value: '/var/lib/postgresql/data/other' },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
      { name: 'POSTGRES_DB', value: 'orders' },
      { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'pg-config', key: 'token' } } },
    ]);
  });

  test('resources', () => {
    const { sts } = build({
      resources: {
        cpu: { request: kplus.Cpu.units(1), limit: kplus.Cpu.units(2) },
        memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) },
        ephemeralStorage: { request: Size.gibibytes(1) },
      },
    });
    expect(mainContainer(sts).resources).toEqual({
      requests: { 'cpu': '1', 'memory': '2048Mi', 'ephemeral-storage': '1Gi' },
      limits: { cpu: '2', memory: '2048Mi' },
    });
  });

  test('probe overrides keep their role defaults for unset timing', () => {
    const { sts } = build({
      readiness: DatabaseProbe.tcp({ period: Duration.seconds(5) }),
      liveness: DatabaseProbe.command(['true'], { failureThreshold: 10, timeout: Duration.seconds(2) }),
      startup: DatabaseProbe.tcp({ failureThreshold: 60, initialDelay: Duration.seconds(5) }),
    });
    const c = mainContainer(sts);
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 5432 }, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3, initialDelaySeconds: 0 });
    expect(c.livenessProbe).toEqual({ exec: { command: ['true'] }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 10, initialDelaySeconds: 0 });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 5432 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 60, initialDelaySeconds: 5 });
  });

  test('init containers run as the engine user with the restricted context, /tmp and optionally the data volume', () => {
    const { sts, db, chart } = build({
      initContainers: [{
        name: 'wait-for-primary', image: 'postgres:16.4',
        command: ['sh', '-c', 'until pg_isready -h "$PRIMARY" -p 5432; do sleep 2; done'],
      }],
    });
    const init = podSpec(sts).initContainers[0];
    expect(init).toMatchObject({
      name: 'wait-for-primary', image: 'postgres:16.4', imagePullPolicy: 'IfNotPresent',
      securityContext: { runAsNonRoot: true, runAsUser: 999, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1024Mi' } },
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    });

    db.addInitContainer({ name: 'restore', image: 'busybox:1.36', command: ['true'], mountData: true });
    const after = only(synth(chart), 'StatefulSet');
    expect(podSpec(after).initContainers[1].volumeMounts).toEqual([
      { name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'tmp', mountPath: '/tmp' },
    ]);
    // The claim template still provides the data volume: no pod volume named data.
    expect(podSpec(after).volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', 'var-run-postgresql', 'dev-shm']);
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test('pod labels are added to the pods but not to the selector', () => {
    const { sts, manifests } = build({ podLabels: { app: 'orders-db', tier: 'data' } });
    expect(sts.spec.template.metadata.labels).toMatchObject({ app: 'orders-db', tier: 'data' });
    expect(sts.spec.selector.matchLabels).not.toHaveProperty('app');
    expect(only(manifests, 'Service', 'orders-db').spec.selector).not.toHaveProperty('app');
  });

  test('hard anti-affinity requires different nodes; none removes it', () => {
    const hard = podSpec(build({ antiAffinity: PodAntiAffinity.HARD }).sts);
    expect(hard.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{
      topologyKey: 'kubernetes.io/hostname',
      labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'orders-db' } },
    }]);
    expect(hard.affinity.podAntiAffinity).not.toHaveProperty('preferredDuringSchedulingIgnoredDuringExecution');
    expect(podSpec(build({ antiAffinity: PodAntiAffinity.NONE }).sts)).not.toHaveProperty('affinity');
  });

  test('topology spread constraints over the database pods', () => {
    const { sts, manifests } = build({
      topologySpread: [
        { topology: kplus.Topology.ZONE },
        { topology: kplus.Topology.HOSTNAME, maxSkew: 2, whenUnsatisfiable: WhenUnsatisfiable.SCHEDULE_ANYWAY },
      ],
    });
    const selector = { matchLabels: { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'orders-db' } };
    expect(podSpec(sts).topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector },
      { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
    ]);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('PodDisruptionBudget: custom maxUnavailable or none', () => {
    expect(only(build({ maxUnavailable: 2, replicas: 5 }).manifests, 'PodDisruptionBudget').spec.maxUnavailable).toBe(2);
    const none = build({ podDisruptionBudget: false });
    expect(none.manifests.some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
    expect(none.db.podDisruptionBudget).toBeUndefined();
  });

  test('a NetworkPolicy admits only the selected clients on the port, and the members on every port', () => {
    const chart = newChart('shop');
    const api = kplus.Pods.select(chart, 'Api', { labels: { 'app.kubernetes.io/name': 'orders-api' } });
    const db = new StatefulDatabase(chart, 'orders-db', {
      engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, networkPolicy: { allowFrom: [api] },
    });
    const manifests = synth(chart);
    const policy = only(manifests, 'NetworkPolicy');
    const members = { matchLabels: { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'orders-db' } };
    expect(policy.metadata).toMatchObject({ name: 'orders-db', namespace: 'shop' });
    expect(policy.spec).toEqual({
      podSelector: members,
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders-api' } } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        { from: [{ podSelector: members }] },
      ],
    });
    expect(db.networkPolicy).toBeInstanceOf(kplus.NetworkPolicy);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('clients in another namespace are matched by namespace name', () => {
    const chart = newChart('shop');
    const deployment = new kplus.Deployment(chart, 'Api', {
      metadata: { namespace: 'frontend' }, containers: [{ image: 'api:1.0', portNumber: 8080 }],
    });
    new StatefulDatabase(chart, 'orders-db', { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, networkPolicy: { allowFrom: [deployment] } });
    const policy = only(synth(chart), 'NetworkPolicy', 'orders-db');
    expect(policy.spec.ingress[0].from[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'frontend' } });
  });

  test('customising through the exposed members', () => {
    const { chart, db } = build();
    db.statefulSet.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.is('disk', 'ssd')));
    const config = new kplus.ConfigMap(chart, 'Init', { data: { 'init.sql': 'CREATE TABLE t (id int);' } });
    db.container.mount('/docker-entrypoint-initdb.d', kplus.Volume.fromConfigMap(chart, 'InitVolume', config, { name: 'initdb' }), { readOnly: true });
    db.headlessService.metadata.addAnnotation('example.com/owner', 'team-data');
    const manifests = synth(chart);
    const sts = only(manifests, 'StatefulSet');
    expect(podSpec(sts).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions)
      .toEqual([{ key: 'disk', operator: 'In', values: ['ssd'] }]);
    expect(mainContainer(sts).volumeMounts.at(-1)).toEqual({ name: 'initdb', mountPath: '/docker-entrypoint-initdb.d', readOnly: true });
    expect(podSpec(sts).volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', 'var-run-postgresql', 'dev-shm', 'initdb']);
    expect(only(manifests, 'Service', 'orders-db-headless').metadata.annotations).toEqual({ 'example.com/owner': 'team-data' });
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('a kitchen-sink database passes the strict schema check and matches its snapshot', () => {
    const chart = newChart('shop');
    const api = kplus.Pods.select(chart, 'Api', { labels: { app: 'api' } });
    new StatefulDatabase(chart, 'cache', {
      engine: DatabaseEngine.REDIS,
      passwordSecret: { name: 'cache-auth', key: 'password' },
      replicas: 3,
      ordinalsStart: 1,
      podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
      updateStrategy: DatabaseUpdateStrategy.rollingUpdate({ partition: 1 }),
      minReady: Duration.seconds(10),
      storage: DatabaseStorage.persistent({ size: '2G', storageClassName: 'fast-ssd', retention: { whenDeleted: ClaimRetention.DELETE, whenScaled: ClaimRetention.DELETE } }),
      args: ['--appendonly', 'yes'],
      initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
      antiAffinity: PodAntiAffinity.HARD,
      topologySpread: [{ topology: kplus.Topology.ZONE, whenUnsatisfiable: WhenUnsatisfiable.SCHEDULE_ANYWAY }],
      networkPolicy: { allowFrom: [api] },
      podLabels: { app: 'cache' },
    });
    const manifests = synth(chart);
    expect(schemaIssues(manifests)).toEqual([]);
    expect(manifests).toMatchSnapshot();
  });
});

describe('engines', () => {
  test('Redis with a password: --requirepass from the Secret variable, REDISCLI_AUTH for the probes', () => {
    const { sts } = build({ engine: DatabaseEngine.REDIS, passwordSecret: { name: 'redis-auth', key: 'password' }, args: ['--appendonly', 'yes'] }, 'redis');
    const c = mainContainer(sts);
    expect(c.args).toEqual(['--requirepass', '$(REDIS_PASSWORD)', '--appendonly', 'yes']);
    expect(c.env).toEqual([
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'redis-auth', key: 'password' } } },
      { name: 'REDISCLI_AUTH', valueFrom: { secretKeyRef: { name: 'redis-auth', key: 'password' } } },
    ]);
  });

  test('Redis without a password has no password arguments or variables', () => {
    const { sts } = build({ engine: DatabaseEngine.REDIS, passwordSecret: undefined, args: ['--appendonly', 'yes'] }, 'redis');
    expect(mainContainer(sts).args).toEqual(['--appendonly', 'yes']);
    expect(mainContainer(sts)).not.toHaveProperty('env');
  });

  test('MongoDB: root user variable, Secret password, 10 second probe timeout', () => {
    const { sts, manifests } = build({ engine: DatabaseEngine.MONGODB, passwordSecret: { name: 'mongo', key: 'root-password' } }, 'mongo');
    const c = mainContainer(sts);
    expect(c.env).toEqual([
      { name: 'MONGO_INITDB_ROOT_USERNAME', value: 'root' },
      { name: 'MONGO_INITDB_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mongo', key: 'root-password' } } },
    ]);
    expect(c.readinessProbe.timeoutSeconds).toBe(10);
    expect(c.volumeMounts[0]).toEqual({ name: 'data', mountPath: '/data/db' });
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('MySQL keeps its data in a subdirectory of the volume', () => {
    const { sts } = build({ engine: DatabaseEngine.MYSQL }, 'mysql');
    expect(mainContainer(sts).args).toEqual(['--datadir=/var/lib/mysql/data']);
    expect(mainContainer(sts).volumeMounts[0]).toEqual({ name: 'data', mountPath: '/var/lib/mysql' });
  });

  test('a custom engine on a port below 1024 lowers ip_unprivileged_port_start instead of running as root', () => {
    const { sts, manifests } = build({
      engine: DatabaseEngine.custom({
        name: 'nginx', image: 'nginx:1.25', port: 80, portName: 'http', dataPath: '/usr/share/nginx/html', user: 101,
        writablePaths: ['/var/cache/nginx', '/var/run'],
      }),
      passwordSecret: undefined,
    }, 'web');
    const pod = podSpec(sts);
    expect(pod.securityContext.sysctls).toEqual([{ name: 'net.ipv4.ip_unprivileged_port_start', value: '80' }]);
    expect(pod.securityContext.runAsUser).toBe(101);
    expect(mainContainer(sts).readinessProbe).toEqual({ tcpSocket: { port: 80 }, failureThreshold: 3, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 5 });
    expect(mainContainer(sts).livenessProbe.failureThreshold).toBe(6);
    expect(mainContainer(sts).startupProbe.failureThreshold).toBe(30);
    expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(['var-cache-nginx', 'var-run']);
    expect(schemaIssues(manifests)).toEqual([]);
  });

  test('a custom engine with a password variable and HTTP probes', () => {
    const { sts } = build({
      engine: DatabaseEngine.custom({
        name: 'kv', image: 'example/kv:2.1', port: 8080, portName: 'http', dataPath: '/var/lib/kv', passwordEnv: 'KV_PASSWORD',
        readiness: DatabaseProbe.httpGet('/ready'), liveness: DatabaseProbe.httpGet('/live', { port: 8080, scheme: kplus.ConnectionScheme.HTTP }),
      }),
      passwordSecret: { name: 'kv', key: 'pw' },
    }, 'kv');
    const c = mainContainer(sts);
    expect(c.env).toEqual([{ name: 'KV_PASSWORD', valueFrom: { secretKeyRef: { name: 'kv', key: 'pw' } } }]);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 8080, scheme: 'HTTP' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/live', port: 8080, scheme: 'HTTP' });
    expect(c.startupProbe.httpGet).toEqual({ path: '/live', port: 8080, scheme: 'HTTP' });
    expect(podSpec(sts).securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
  });
});

describe('validation', () => {
  test('errors name the construct path, the prop, the value and the fix', () => {
    const e = errorOf({ name: 'Orders_DB' });
    expect(e.message).toBe('test/orders-db: `name` must be a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit), got "Orders_DB"; StatefulSet names become pod host names');
    expect(e.prop).toBe('name');
    expect(e.constructPath).toBe('test/orders-db');
  });

  test('fails when the name is not a DNS-1123 label', () => {
    for (const name of ['Orders', 'orders_db', '-orders', 'orders-', 'orders.db', '']) {
      expect(errorOf({ name }).prop).toBe('name');
    }
  });

  test('fails when the name is longer than 52 characters (the controller-revision-hash label would exceed 63)', () => {
    expect(() => build({ name: 'a'.repeat(52) })).not.toThrow();
    const e = errorOf({ name: 'a'.repeat(53) });
    expect(e.message).toMatch(/`name` must be at most 52 characters \(it is 53\)/);
    expect(e.message).toMatch(/controller-revision-hash=<name>-<hash of up to 10 characters>/);
  });

  test('fails when no name can be derived from the construct id', () => {
    expect(errorOf({}, '___').message).toMatch(/`name` cannot be derived from the construct id, got "___"; set `name` explicitly/);
  });

  test('fails when a Service name is not a DNS-1035 label', () => {
    expect(errorOf({ headlessServiceName: '1db' }).prop).toBe('headlessServiceName');
    expect(errorOf({ clientServiceName: 'Orders' }).prop).toBe('clientServiceName');
    expect(errorOf({ name: '9db' }).prop).toBe('headlessServiceName');
  });

  test('fails when the client Service would have the headless Service\'s name', () => {
    expect(errorOf({ headlessServiceName: 'pg', clientServiceName: 'pg' }).message).toMatch(/`clientServiceName` must differ from `headlessServiceName`/);
  });

  test('fails when clientServiceName is combined with clientService: false', () => {
    expect(errorOf({ clientService: false, clientServiceName: 'x' }).message).toMatch(/cannot be combined with `clientService: false`/);
  });

  test('fails when replicas is negative or not an integer', () => {
    expect(errorOf({ replicas: -1 }).message).toMatch(/`replicas` must be an integer of at least 0, got -1/);
    expect(errorOf({ replicas: 1.5 }).prop).toBe('replicas');
  });

  test('fails when the partition is negative', () => {
    expect(errorOf({ updateStrategy: DatabaseUpdateStrategy.rollingUpdate({ partition: -1 }) }).prop).toBe('updateStrategy.partition');
  });

  test('fails when ordinalsStart is negative', () => {
    expect(errorOf({ ordinalsStart: -1 }).prop).toBe('ordinalsStart');
  });

  test('fails when minReady or terminationGracePeriod is not whole seconds', () => {
    expect(errorOf({ minReady: Duration.millis(1500) }).message).toMatch(/`minReady` must be a whole number of seconds, got "1 second 500 millis"/);
    expect(errorOf({ terminationGracePeriod: Duration.millis(500) }).prop).toBe('terminationGracePeriod');
  });

  test('fails when a duration is below a millisecond, with a ValidationError naming the prop (cdk8s alone throws "0.5 must be a whole number of millis.")', () => {
    expect(() => Duration.millis(0.5).toMilliseconds()).toThrow('0.5 must be a whole number of millis.');
    expect(errorOf({ minReady: Duration.millis(0.5) }).message)
      .toBe('test/orders-db: `minReady` must be a whole number of seconds, got "0.5 millis"; Kubernetes stores this field as an integer number of seconds; pass e.g. Duration.seconds(30)');
    expect(errorOf({ terminationGracePeriod: Duration.millis(0.5) }).prop).toBe('terminationGracePeriod');
    expect(errorOf({ readiness: DatabaseProbe.tcp({ period: Duration.millis(0.5) }) }).prop).toBe('readiness.period');
    expect(errorOf({ liveness: DatabaseProbe.tcp({ initialDelay: Duration.millis(0.5) }) }).prop).toBe('liveness.initialDelay');
    expect(errorOf({ startup: DatabaseProbe.tcp({ timeout: Duration.millis(0.5) }) }).prop).toBe('startup.timeout');
  });

  test('fails when a probe period or timeout is 0 s (the API server would silently use its default)', () => {
    expect(errorOf({ readiness: DatabaseProbe.tcp({ period: Duration.seconds(0) }) }).message)
      .toMatch(/`readiness.period` must be at least 1 second, got "0 seconds"; the API server would silently replace 0 with its default/);
    expect(errorOf({ liveness: DatabaseProbe.tcp({ timeout: Duration.seconds(0) }) }).prop).toBe('liveness.timeout');
  });

  test('fails when the storage size is not a valid quantity', () => {
    const e = errorOf({ storage: DatabaseStorage.persistent({ size: '10GB' }) });
    expect(e.message).toMatch(/`storage.size` must be a Kubernetes quantity, got "10GB"; write "10G" \(decimal\) or "10Gi" \(binary\)/);
    for (const size of ['10 Gi', '10gi', 'ten', '', 'Gi', '1.2.3Gi']) {
      expect(errorOf({ storage: DatabaseStorage.persistent({ size }) }).prop).toBe('storage.size');
    }
  });

  test('fails when the storage size is zero or negative', () => {
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '0' }) }).message).toMatch(/must be at least one byte/);
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '-1Gi' }) }).prop).toBe('storage.size');
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: Size.kibibytes(0) }) }).prop).toBe('storage.size');
  });

  test('fails when a retention value is not Retain or Delete', () => {
    const e = errorOf({ storage: DatabaseStorage.persistent({ size: '1Gi', retention: { whenScaled: 'delete' as ClaimRetention } }) });
    expect(e.message).toMatch(/`storage.retention.whenScaled` must be "Retain" or "Delete", got "delete"/);
  });

  test('fails when access modes are empty, unknown, or combine ReadWriteOncePod', () => {
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '1Gi', accessModes: [] }) }).prop).toBe('storage.accessModes');
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '1Gi', accessModes: ['RWO' as kplus.PersistentVolumeAccessMode] }) }).prop).toBe('storage.accessModes');
    expect(errorOf({
      storage: DatabaseStorage.persistent({
        size: '1Gi', accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD, kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      }),
    }).message).toMatch(/cannot combine ReadWriteOncePod/);
  });

  test('fails when the StorageClass, claim or volume name is invalid', () => {
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '1Gi', storageClassName: 'Fast SSD' }) }).prop).toBe('storage.storageClassName');
    expect(errorOf({ storage: DatabaseStorage.existingClaim('NFS_PVC') }).prop).toBe('storage.claimName');
    expect(errorOf({ storage: DatabaseStorage.persistent({ size: '1Gi', volumeName: 'Data' }) }).prop).toBe('storage.volumeName');
  });

  test('fails when an emptyDir size limit is not whole MiB (cdk8s-plus would fail at synthesis)', () => {
    expect(errorOf({ storage: DatabaseStorage.ephemeral({ sizeLimit: Size.kibibytes(1536) }) }).message).toMatch(/`storage.sizeLimit` must be a whole number of MiB, got "1536Ki"/);
  });

  test('fails when an engine that needs a password has no passwordSecret', () => {
    const e = errorOf({ passwordSecret: undefined });
    expect(e.message).toMatch(/`passwordSecret` is required by the postgres engine, got nothing; reference an existing Secret/);
    expect(errorOf({ engine: DatabaseEngine.MYSQL, passwordSecret: undefined }).prop).toBe('passwordSecret');
    expect(errorOf({ engine: DatabaseEngine.MONGODB, passwordSecret: undefined }).prop).toBe('passwordSecret');
  });

  test('fails when passwordSecret is given to an engine without a password variable', () => {
    const engine = DatabaseEngine.custom({ name: 'app', image: 'app:1', port: 8080, dataPath: '/data' });
    expect(errorOf({ engine }).message).toMatch(/cannot be used with the app engine, which takes no password/);
  });

  test('fails when the Secret name or key is invalid', () => {
    expect(errorOf({ passwordSecret: { name: 'My Secret', key: 'password' } }).prop).toBe('passwordSecret.name');
    expect(errorOf({ passwordSecret: { name: 'db', key: 'pass word' } }).prop).toBe('passwordSecret.key');
  });

  test('fails when the Secret key is ".", ".." or starts with ".." (IsConfigMapKey)', () => {
    for (const key of ['.', '..', '..data']) {
      expect(errorOf({ passwordSecret: { name: 'db', key } }).message)
        .toBe(`test/orders-db: \`passwordSecret.key\` must be a Secret key (at most 253 letters, digits, "-", "_" and ".", and not ".", ".." or starting with ".."), got ${JSON.stringify(key)}`);
    }
    expect(() => build({ passwordSecret: { name: 'db', key: '.password' } })).not.toThrow();
  });

  test('fails when env sets a password variable, literal or not', () => {
    const e = errorOf({ env: { POSTGRES_PASSWORD: kplus.EnvValue.fromValue('hunter2') } });
    expect(e.message).toBe('test/orders-db: `env.POSTGRES_PASSWORD` cannot be set directly; it carries the password, got "<literal value>"; use `passwordSecret` to reference an existing Secret');
    expect(e.message).not.toContain('hunter2');
    expect(errorOf({ engine: DatabaseEngine.REDIS, passwordSecret: undefined, env: { REDISCLI_AUTH: kplus.EnvValue.fromValue('x') } }).prop).toBe('env.REDISCLI_AUTH');
  });

  test('fails when an env name is invalid', () => {
    expect(errorOf({ env: { '1BAD': kplus.EnvValue.fromValue('x') } }).prop).toBe('env.1BAD');
  });

  test('fails when an env name is ".", ".." or starts with ".." (IsEnvVarName), in the words every construct uses', () => {
    for (const name of ['.', '..', '..X']) {
      expect(errorOf({ env: { [name]: kplus.EnvValue.fromValue('x') } }).message)
        .toBe(`test/orders-db: \`env.${name}\` must be an environment variable name (letters, digits, "_", "-" and ".", not starting with a digit, and not ".", ".." or starting with ".."), got ${JSON.stringify(name)}`);
    }
    expect(() => build({ env: { '.X': kplus.EnvValue.fromValue('x'), 'a-b.c': kplus.EnvValue.fromValue('y') } })).not.toThrow();
  });

  test('fails when a custom engine\'s passwordEnv is not an environment variable name', () => {
    const engine = DatabaseEngine.custom({ name: 'kv', image: 'kv:1', port: 9000, dataPath: '/data', passwordEnv: '..PW' });
    expect(errorOf({ engine }).message).toBe('test/orders-db: `engine.passwordEnv` must be an environment variable name (letters, digits, "_", "-" and ".", not starting with a digit, and not ".", ".." or starting with ".."), got "..PW"');
  });

  test('fails when an env value is empty (cdk8s-plus would render a bare name)', () => {
    delete process.env.CDK8S_WORKLOADS_UNSET_FOR_TEST;
    const e = errorOf({ env: { FEATURE: kplus.EnvValue.fromProcess('CDK8S_WORKLOADS_UNSET_FOR_TEST') } });
    expect(e.message).toMatch(/`env.FEATURE` must have a value or a reference, got nothing/);
  });

  test('fails when a probe targets a port the container does not expose', () => {
    const e = errorOf({ readiness: DatabaseProbe.tcp({ port: 5433 }) });
    expect(e.message).toMatch(/`readiness.port` must be a port the container exposes \(5432\), got 5433/);
    const engine = DatabaseEngine.custom({ name: 'web', image: 'nginx:1.25', port: 8080, dataPath: '/data', liveness: DatabaseProbe.httpGet('/', { port: 80 }) });
    expect(errorOf({ engine, passwordSecret: undefined }).prop).toBe('engine.liveness.port');
  });

  test('fails when a probe port is not exposed, in the words NodeAgent and the job template use', () => {
    expect(errorOf({ liveness: DatabaseProbe.httpGet('/health', { port: 8008 }) }).message).toBe(
      'test/orders-db: `liveness.port` must be a port the container exposes (5432), got 8008; leave `port` unset to probe the engine port; the database container exposes only that port');
  });

  test('fails when a probe threshold is one the API server rejects or silently replaces', () => {
    expect(errorOf({ liveness: DatabaseProbe.tcp({ successThreshold: 2 }) }).message)
      .toMatch(/`liveness.successThreshold` must be 1 for liveness and startup probes \(the API server rejects other values\), got 2/);
    expect(errorOf({ startup: DatabaseProbe.tcp({ successThreshold: 3 }) }).prop).toBe('startup.successThreshold');
    expect(errorOf({ readiness: DatabaseProbe.tcp({ failureThreshold: 0 }) }).message)
      .toMatch(/`readiness.failureThreshold` must be an integer of at least 1, got 0; the API server turns 0 into 3 silently/);
    expect(() => build({ readiness: DatabaseProbe.tcp({ successThreshold: 2 }) })).not.toThrow();
  });

  test('fails when probe timing is out of range', () => {
    expect(errorOf({ liveness: DatabaseProbe.tcp({ successThreshold: 2 }) }).message).toMatch(/`liveness.successThreshold` must be 1 for liveness and startup probes/);
    expect(errorOf({ readiness: DatabaseProbe.tcp({ failureThreshold: 0 }) }).message).toMatch(/the API server turns 0 into 3 silently/);
    expect(errorOf({ readiness: DatabaseProbe.tcp({ period: Duration.millis(500) }) }).prop).toBe('readiness.period');
    expect(errorOf({ startup: DatabaseProbe.tcp({ timeout: Duration.seconds(0) }) }).prop).toBe('startup.timeout');
    expect(errorOf({ readiness: DatabaseProbe.command([]) }).prop).toBe('readiness');
    expect(() => build({ readiness: DatabaseProbe.tcp({ successThreshold: 2 }) })).not.toThrow();
  });

  test('fails when resources cannot be rendered or contradict each other', () => {
    expect(errorOf({ resources: { memory: { request: Size.kibibytes(1536) } } }).message).toMatch(/`resources.memory.request` must be a whole number of MiB/);
    expect(errorOf({ resources: { ephemeralStorage: { limit: Size.mebibytes(500) } } }).prop).toBe('resources.ephemeralStorage.limit');
    expect(errorOf({ resources: { cpu: { request: kplus.Cpu.units(2), limit: kplus.Cpu.millis(500) } } }).message)
      .toBe('test/orders-db: `resources.cpu.request` must be less than or equal to the cpu limit, got "2"; the limit is 500m; the API server rejects a request above its limit');
    expect(errorOf({ resources: { memory: { request: Size.gibibytes(2), limit: Size.gibibytes(1) } } }).prop).toBe('resources.memory.request');
    expect(errorOf({ resources: { cpu: { request: kplus.Cpu.units(-1) } } }).prop).toBe('resources.cpu.request');
  });

  test('fails when an init container\'s request is above its limit, like the database container\'s', () => {
    const e = errorOf({ initContainers: [{ name: 'wait', image: 'busybox:1.36', resources: { memory: { request: Size.mebibytes(256), limit: Size.mebibytes(128) } } }] });
    expect(e.message).toMatch(/`initContainers.wait.resources.memory.request` must be less than or equal to the memory limit, got "256Mi"; the limit is 128Mi/);
  });

  test('fails when a custom engine runs as root or is malformed', () => {
    const base = { name: 'app', image: 'app:1', port: 8080, dataPath: '/data' };
    const err = (o: object) => errorOf({ engine: DatabaseEngine.custom({ ...base, ...o }), passwordSecret: undefined });
    expect(err({ user: 0 }).message).toMatch(/`engine.user` must be a non-root UID/);
    expect(err({ name: 'My App' }).prop).toBe('engine.name');
    expect(err({ port: 70000 }).prop).toBe('engine.port');
    expect(err({ portName: 'this-name-is-too-long' }).prop).toBe('engine.portName');
    expect(err({ dataPath: 'data' }).prop).toBe('engine.dataPath');
    expect(err({ writablePaths: ['/tmp', '/tmp'] }).prop).toBe('engine.writablePaths');
    expect(err({ writablePaths: ['/data'] }).prop).toBe('engine.writablePaths');
    expect(err({ group: -1 }).prop).toBe('engine.group');
    expect(err({ passwordEnv: '1PW' }).prop).toBe('engine.passwordEnv');
    expect(err({ passwordRequired: true }).prop).toBe('engine.passwordRequired');
  });

  test('fails when pod labels are invalid or would change the selector', () => {
    expect(errorOf({ podLabels: { 'app.kubernetes.io/instance': 'other' } }).message).toMatch(/cannot change a selector label/);
    expect(errorOf({ podLabels: { 'bad key!': 'x' } }).prop).toBe('podLabels.bad key!');
    expect(errorOf({ podLabels: { app: 'a'.repeat(64) } }).prop).toBe('podLabels.app');
    expect(errorOf({ podLabels: { 'cdk8s.io/metadata.addr': 'x' } }).prop).toBe('podLabels.cdk8s.io/metadata.addr');
  });

  test('fails when maxUnavailable is negative or combined with podDisruptionBudget: false', () => {
    expect(errorOf({ maxUnavailable: -1 }).prop).toBe('maxUnavailable');
    expect(errorOf({ podDisruptionBudget: false, maxUnavailable: 1 }).message).toMatch(/cannot be combined with `podDisruptionBudget: false`/);
  });

  test('fails when a topology spread constraint is invalid', () => {
    expect(errorOf({ topologySpread: [{ topology: kplus.Topology.ZONE, maxSkew: 0 }] }).prop).toBe('topologySpread[0].maxSkew');
    expect(errorOf({ topologySpread: [{ topology: kplus.Topology.ZONE, whenUnsatisfiable: 'Never' as WhenUnsatisfiable }] }).prop).toBe('topologySpread[0].whenUnsatisfiable');
  });

  test('fails when an anti-affinity or pod management value is unknown', () => {
    expect(errorOf({ antiAffinity: 'always' as PodAntiAffinity }).prop).toBe('antiAffinity');
    expect(errorOf({ podManagementPolicy: 'Ordered' as kplus.PodManagementPolicy }).prop).toBe('podManagementPolicy');
  });

  test('fails when an init container name is taken or invalid', () => {
    expect(errorOf({ initContainers: [{ name: 'postgres', image: 'busybox:1.36' }] }).prop).toBe('initContainers.name');
    expect(errorOf({ initContainers: [{ name: 'a', image: 'x:1' }, { name: 'a', image: 'x:1' }] }).prop).toBe('initContainers.name');
    expect(errorOf({ initContainers: [{ name: 'Wait', image: 'x:1' }] }).prop).toBe('initContainers.name');
  });

  test('fails when an init container takes probes, runs as root or mounts data that does not exist', () => {
    const probe = kplus.Probe.fromCommand(['true']);
    expect(errorOf({ initContainers: [{ name: 'wait', image: 'x:1', readiness: probe }] }).prop).toBe('initContainers.wait.readiness');
    expect(errorOf({ initContainers: [{ name: 'wait', image: 'x:1', securityContext: { user: 0 } }] }).prop).toBe('initContainers.wait.securityContext.user');
    expect(errorOf({ storage: DatabaseStorage.none(), initContainers: [{ name: 'restore', image: 'x:1', mountData: true }] }).message)
      .toMatch(/`initContainers.restore.mountData` needs a data volume, but `storage` is DatabaseStorage.none\(\)/);
  });

  test('fails when an init container image has white space, in the words of every construct', () => {
    expect(errorOf({ initContainers: [{ name: 'wait', image: 'busybox 1.36' }] }).message)
      .toBe('test/orders-db: `initContainers.wait.image` must be a non-empty image reference without whitespace, got "busybox 1.36"; e.g. "busybox:1.36"');
    expect(errorOf({ initContainers: [{ name: 'wait', image: '' }] }).prop).toBe('initContainers.wait.image');
  });

  test('an init container keeps an explicit imagePullPolicy and gets the Kubernetes default otherwise', () => {
    const { sts } = build({
      initContainers: [
        { name: 'pinned', image: 'busybox:1.36', imagePullPolicy: kplus.ImagePullPolicy.ALWAYS },
        { name: 'latest', image: 'busybox:latest', imagePullPolicy: undefined },
      ],
    });
    expect(podSpec(sts).initContainers.map((c: { imagePullPolicy: string }) => c.imagePullPolicy)).toEqual(['Always', 'Always']);
    const pinned = build({ initContainers: [{ name: 'pinned', image: 'busybox:1.36', imagePullPolicy: undefined }] }).sts;
    expect(podSpec(pinned).initContainers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  test('fails when the image, command or cluster domain is malformed', () => {
    expect(errorOf({ image: 'postgres 16' }).prop).toBe('image');
    expect(errorOf({ image: '' }).prop).toBe('image');
    expect(errorOf({ command: [] }).prop).toBe('command');
    expect(errorOf({ clusterDomain: 'Cluster_Local' }).prop).toBe('clusterDomain');
  });

  test('fails when podHost is asked for a pod that does not exist', () => {
    const { db } = build({ replicas: 3 });
    expect(() => db.podHost(3)).toThrow(/`ordinal` must be an integer between 0 and 2, got 3/);
    expect(() => db.podHost(-1)).toThrow(ValidationError);
    expect(() => db.podHost(1.5)).toThrow(ValidationError);
    const empty = build({ replicas: 0 }).db;
    expect(() => empty.podHost(0)).toThrow(/cannot name a pod of a StatefulSet with 0 replicas/);
    expect(empty.primaryHost).toBe('orders-db-0.orders-db-headless.shop.svc.cluster.local');
  });
});

test('fails when a prop is unknown, naming the prop to use (replica, storageSize)', () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ replica: 3 }, /`replica` is not a StatefulDatabase prop and would be ignored, got 3; use `replicas`/],
    [{ storageSize: '100Gi' }, /`storageSize` is not a StatefulDatabase prop and would be ignored, got "100Gi"; use `storage: DatabaseStorage.persistent/],
    [{ replicaz: 3 }, /`replicaz` is not a StatefulDatabase prop and would be ignored, got 3; the known props are `engine`, `name`/],
  ];
  for (const [extra, message] of cases) {
    const chart = newChart();
    expect(() => new StatefulDatabase(chart, 'db', { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, ...extra } as any)).toThrow(message);
  }
});

test('accepts props explicitly set to undefined', () => {
  expect(() => new StatefulDatabase(newChart(), 'db', { engine: DatabaseEngine.POSTGRES, passwordSecret: SECRET, replicas: undefined })).not.toThrow();
});
