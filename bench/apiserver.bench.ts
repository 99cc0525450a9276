/**
 * apiserver-validate-throughput: `validate()` (decode, kind resolution, strict 1.27 schema,
 * defaulting, the ported Go validation, duplicates) on one YAML stream of 400 objects — StatefulSets,
 * DaemonSets, Jobs, CronJobs, Services and Pods in equal parts — against a plain
 * `YAML.parseAllDocuments` + `toJS` of the same text (the `yaml` package): what admission costs
 * over only reading the manifests. The detail line gives objects/s admitted. Informational: the
 * target is the ratio we expect to stay under, not an assertion.
 *
 * apiserver-objects-per-second: `validate()` of one large stream (5,000 objects, the same six
 * kinds) against issue 16's target of 10,000 objects/s: the ratio is the time per object over the
 * target's 0.1 ms (`10000 / objects per second`), so at or below 1 meets it. Absolute rates on a
 * shared machine are noise; the detail also gives the CPU-time rate and the rate of a plain
 * `YAML.parseAllDocuments` + `toJS` of the same text, measured in the same process.
 */
import * as YAML from 'yaml';
import { validate } from '../lib/apiserver/validate';
import { BenchResult, collectGarbage, compareInterleaved, median, round } from './util';

const OBJECTS = 400;

/** The large stream of apiserver-objects-per-second. */
const LARGE_OBJECTS = 5000;

/** Issue 16's throughput target. */
const TARGET_PER_SECOND = 10_000;

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

/**
 * A YAML stream of `objects` manifests, the six kinds in turn, each valid and uniquely named.
 *
 * @param objects how many documents
 */
export function manifestStream(objects: number): string {
  return Array.from({ length: objects }, (_, i) => manifest(i)).join('---\n');
}

/** Benchmarks for `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const text = manifestStream(OBJECTS);
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
  return [throughput(cmp), await objectsPerSecond()];
}

function throughput(cmp: { ratio: number; medianMsA: number; medianMsB: number }): BenchResult {
  const perSecond = Math.round(OBJECTS / (cmp.medianMsA / 1000));
  return {
    name: 'apiserver-validate-throughput',
    ratio: round(cmp.ratio),
    target: 10,
    unit: 'x',
    detail: `validate() of ${OBJECTS} objects (6 kinds) ${round(cmp.medianMsA, 1)} ms = ${perSecond.toLocaleString('en-US')} objects/s vs YAML.parseAllDocuments+toJS of the same text ${round(cmp.medianMsB, 1)} ms`,
  };
}

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

function timed(fn: () => number, expected: number): Timing {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const count = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  if (count !== expected) throw new Error(`apiserver-objects-per-second: expected ${expected} objects, got ${count}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** validate() of {@link LARGE_OBJECTS} objects, against {@link TARGET_PER_SECOND}. */
async function objectsPerSecond(): Promise<BenchResult> {
  const text = manifestStream(LARGE_OBJECTS);
  const repetitions = Number(process.env.BENCH_REPETITIONS) || 3;
  validate(manifestStream(OBJECTS));
  const runs: Timing[] = [];
  const parses: Timing[] = [];
  for (let i = 0; i < repetitions; i++) {
    const admit = () => timed(() => validate(text).objects.length, LARGE_OBJECTS);
    const parse = () => timed(() => YAML.parseAllDocuments(text).map((d) => d.toJS()).length, LARGE_OBJECTS);
    if (i % 2 === 0) {
      runs.push(admit());
      parses.push(parse());
    } else {
      parses.push(parse());
      runs.push(admit());
    }
  }
  const rate = (ms: number) => Math.round(LARGE_OBJECTS / (ms / 1000));
  const wall = rate(median(runs.map((r) => r.ms)));
  const cpu = rate(median(runs.map((r) => r.cpuMs)));
  const yaml = rate(median(parses.map((r) => r.ms)));
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    name: 'apiserver-objects-per-second',
    ratio: round(TARGET_PER_SECOND / wall),
    target: 1,
    unit: 'x',
    detail: `validate() of ${fmt(LARGE_OBJECTS)} objects (6 kinds) in one stream: ${fmt(wall)} objects/s wall (${fmt(cpu)}/s CPU time), `
      + `target ${fmt(TARGET_PER_SECOND)}/s (ratio = target / measured); YAML.parseAllDocuments+toJS of the same text: ${fmt(yaml)} objects/s`,
  };
}
