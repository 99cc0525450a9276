/**
 * The fleet benchmark's input (fleet.bench.ts): a platform team's namespace for 30 simulated days.
 *
 * - 50 CronJobs: 20 every 5 minutes, 10 hourly, 9 daily at 02:30 in three time zones whose DST
 *   changes fall inside the month (New York 2024-03-10, Berlin 2024-03-31, Sydney 2024-04-07),
 *   5 on weekdays at 09:00, 3 Allow with runs longer than the interval (overlapping), 3 long
 *   Forbid ones (runs longer than two intervals, so ticks are skipped);
 * - 3 StatefulSets of 3 replicas behind headless Services;
 * - one DaemonSet on every node of a 100-node cluster, with node churn: every 6 hours one general
 *   node is removed and a new one added;
 * - CPU requests everywhere, and the CronJobs' pods pinned to a 4-node batch pool of 2 CPUs each,
 *   so at busy minutes they contend for capacity and wait Pending for a node.
 */
import { Schedule } from '../lib/schedule/schedule';

/** 2024-03-09T00:00:00Z: the month holds the New York, Berlin and Sydney DST changes. */
export const FLEET_START = '2024-03-09T00:00:00Z';
/** Simulated days: 30, or the BENCH_FLEET_DAYS environment variable (a shorter run for a quick look). */
export const FLEET_DAYS = Number(process.env.BENCH_FLEET_DAYS) || 30;

const BATCH_NODES = 4;
const GENERAL_NODES = 100 - BATCH_NODES;
const CHURN_EVERY_HOURS = 6;

interface FleetCronJob {
  readonly name: string;
  readonly schedule: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  /** How long each run's pod runs, seconds. */
  readonly runSeconds: number;
  /** The pod's CPU request. */
  readonly cpu: string;
}

/** The 50 CronJobs (see the file comment). */
export const FLEET_CRONJOBS: readonly FleetCronJob[] = [
  ...Array.from({ length: 20 }, (_, i): FleetCronJob => ({
    name: `sync-${i}`, schedule: `${i % 5}-59/5 * * * *`, concurrencyPolicy: 'Forbid', runSeconds: 30 + 10 * (i % 4), cpu: '250m',
  })),
  ...Array.from({ length: 10 }, (_, i): FleetCronJob => ({
    name: `hourly-${i}`, schedule: `${(i * 7) % 60} * * * *`, concurrencyPolicy: 'Forbid', runSeconds: 120 + 60 * (i % 3), cpu: '500m',
  })),
  ...['America/New_York', 'Europe/Berlin', 'Australia/Sydney'].flatMap((timeZone, z) => Array.from({ length: 3 }, (_, i): FleetCronJob => ({
    name: `daily-${z}-${i}`, schedule: `${30 + i} 2 * * *`, timeZone, concurrencyPolicy: 'Forbid', runSeconds: 600, cpu: '1',
  }))),
  ...Array.from({ length: 5 }, (_, i): FleetCronJob => ({
    name: `weekday-${i}`, schedule: `${i * 5} 9 * * 1-5`, concurrencyPolicy: 'Replace', runSeconds: 300, cpu: '500m',
  })),
  ...Array.from({ length: 3 }, (_, i): FleetCronJob => ({
    name: `overlap-${i}`, schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', runSeconds: 12 * 60 + 30 * i, cpu: '200m',
  })),
  ...Array.from({ length: 3 }, (_, i): FleetCronJob => ({
    name: `long-${i}`, schedule: '*/10 * * * *', concurrencyPolicy: 'Forbid', runSeconds: 25 * 60 + 60 * i, cpu: '500m',
  })),
];

const container = (name: string, image: string, cpu: string) => ({ name, image, resources: { requests: { cpu, memory: '64Mi' } } });

/** The manifests: CronJobs, StatefulSets with their Services, the DaemonSet. */
export function fleetManifests(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const c of FLEET_CRONJOBS) {
    out.push({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: c.name },
      spec: {
        schedule: c.schedule, ...(c.timeZone ? { timeZone: c.timeZone } : {}), concurrencyPolicy: c.concurrencyPolicy,
        successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: {
            backoffLimit: 2,
            template: { spec: { restartPolicy: 'Never', nodeSelector: { pool: 'batch' }, containers: [container('main', 'busybox:1.36', c.cpu)] } },
          },
        },
      },
    });
  }
  for (const name of ['postgres', 'redis', 'kafka']) {
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { clusterIP: 'None', selector: { app: name }, ports: [{ port: 80 }] } });
    out.push({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name },
      spec: {
        replicas: 3, serviceName: name, selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { nodeSelector: { pool: 'general' }, containers: [container(name, `${name}:1`, '1')] } },
      },
    });
  }
  out.push({
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'node-agent' },
    spec: {
      selector: { matchLabels: { app: 'node-agent' } },
      template: { metadata: { labels: { app: 'node-agent' } }, spec: { containers: [container('agent', 'agent:1', '100m')] } },
    },
  });
  return out;
}

const node = (name: string, pool: 'batch' | 'general') => ({ name, labels: { pool }, capacity: { cpu: pool === 'batch' ? '2' : '4', memory: '8Gi', pods: 110 } });

/** The scenario: 100 nodes, pod profiles per CronJob, node churn every 6 hours. */
export function fleetScenario(): Record<string, unknown> {
  const nodes = [
    ...Array.from({ length: BATCH_NODES }, (_, i) => node(`batch-${i}`, 'batch')),
    ...Array.from({ length: GENERAL_NODES }, (_, i) => node(`general-${i}`, 'general')),
  ];
  const steps: Array<Record<string, unknown>> = [];
  for (let k = 1; k * CHURN_EVERY_HOURS < FLEET_DAYS * 24; k++) {
    const at = `${k * CHURN_EVERY_HOURS}h`;
    // The oldest general node goes: the original ones first, then those added by earlier steps
    // (30 days make 119 changes, more than the 96 original nodes).
    const oldest = k <= GENERAL_NODES ? `general-${k - 1}` : `general-new-${k - GENERAL_NODES}`;
    steps.push({ at, removeNode: oldest });
    steps.push({ at, addNode: node(`general-new-${k}`, 'general') });
  }
  return {
    start: FLEET_START, until: `${FLEET_DAYS}d`, seed: 1, cluster: { nodes }, steps,
    pods: FLEET_CRONJOBS.map((c) => ({ match: { owner: `CronJob/${c.name}` }, runFor: `${c.runSeconds}s` })),
  };
}

/** Enumerates every CronJob's runs over the fleet's month with Schedule (the baseline); returns the count. */
export function enumerateFleetRuns(): number {
  const from = Date.parse(FLEET_START);
  const to = from + FLEET_DAYS * 86_400_000;
  let runs = 0;
  for (const c of FLEET_CRONJOBS) {
    const schedule = Schedule.parse(c.schedule, c.timeZone ? { timeZone: c.timeZone } : {});
    for (let t = schedule.nextAfterMs(from - 1); t !== undefined && t <= to; t = schedule.nextAfterMs(t)) runs++;
  }
  return runs;
}
