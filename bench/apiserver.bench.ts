/**
 * apiserver-validate-throughput: `validate()` (decode, kind resolution, strict 1.27 schema,
 * defaulting, the ported Go validation, duplicates) on one YAML stream of 400 objects — StatefulSets,
 * DaemonSets, Jobs, CronJobs, Services and Pods in equal parts — against a plain
 * `YAML.parseAllDocuments` + `toJS` of the same text (the `yaml` package): what admission costs
 * over only reading the manifests. The detail line gives objects/s admitted. Informational: the
 * target is the ratio we expect to stay under, not an assertion.
 */
import * as YAML from 'yaml';
import { validate } from '../lib/apiserver/validate';
import { BenchResult, compareInterleaved, round } from './util';

const OBJECTS = 400;

function manifest(i: number): string {
  const name = `app-${i}`;
  const container = `      containers:
      - name: main
        image: nginx:1.25
        ports: [{ name: http, containerPort: 8080 }]
        env: [{ name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }]
        resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 500m, memory: 128Mi } }
        readinessProbe: { httpGet: { path: /healthz, port: http } }`;
  switch (i % 6) {
    case 0: return `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${name}, labels: { app: ${name} } }
spec:
  serviceName: ${name}
  replicas: 3
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${container}
`;
    case 1: return `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      tolerations: [{ operator: Exists }]
${container}
`;
    case 2: return `apiVersion: batch/v1
kind: Job
metadata: { name: ${name} }
spec:
  completions: 5
  parallelism: 2
  podFailurePolicy: { rules: [{ action: FailJob, onExitCodes: { operator: In, values: [42] } }] }
  template:
    spec:
      restartPolicy: Never
${container}
`;
    case 3: return `apiVersion: batch/v1
kind: CronJob
metadata: { name: ${name} }
spec:
  schedule: "*/15 * * * *"
  timeZone: Europe/Berlin
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: main, image: busybox:1.36, command: [sh, -c, date] }]
`;
    case 4: return `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }
  ports: [{ name: http, port: 80, targetPort: http }, { name: metrics, port: 9090 }]
`;
    default: return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, annotations: { example.com/owner: team-a } }
spec:
${container.replace(/^ {4}/gm, '')}
`;
  }
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const text = Array.from({ length: OBJECTS }, (_, i) => manifest(i)).join('---\n');
  const probe = validate(text);
  if (!probe.valid || probe.objects.length !== OBJECTS) {
    throw new Error(`apiserver-validate-throughput: the stream must be admitted whole, got ${probe.objects.length}/${OBJECTS} objects and ${probe.issues.map((i) => i.message).join('; ')}`);
  }
  let sink = 0;
  const cmp = await compareInterleaved(
    () => { sink += validate(text).objects.length; },
    () => { sink += YAML.parseAllDocuments(text).map((d) => d.toJS()).length; },
    { repetitions: 5 },
  );
  if (sink === 0) throw new Error('unreachable: keeps the runs from being optimised away');
  const perSecond = Math.round(OBJECTS / (cmp.medianMsA / 1000));
  return [{
    name: 'apiserver-validate-throughput',
    ratio: round(cmp.ratio),
    target: 10,
    unit: 'x',
    detail: `validate() of ${OBJECTS} objects (6 kinds) ${round(cmp.medianMsA, 1)} ms = ${perSecond.toLocaleString('en-US')} objects/s vs YAML.parseAllDocuments+toJS of the same text ${round(cmp.medianMsB, 1)} ms`,
  }];
}
