/**
 * One Job controller sync against a store snapshot at a given Kubernetes version, for the
 * version tables of job-versions*.test.ts (job_controller_test.go `TestControllerSyncJob` style),
 * and the Job pods in a given state that job-controller.test.ts's table builds too.
 */
import type { Draft } from '../../../lib/simulator/cluster/factories';
import type { ContainerStatusLite, PodCondition, PodPhase, SimPod } from '../../../lib/simulator/cluster/pod-object';
import type { JobStatus, SimJob } from '../../../lib/simulator/cluster/workload-objects';
import { JobController } from '../../../lib/simulator/controllers/job-controller';
import {
  JOB_COMPLETION_INDEX_ANNOTATION, JOB_INDEX_FAILURE_COUNT_ANNOTATION, JOB_TRACKING_FINALIZER,
} from '../../../lib/simulator/controllers/job-utils';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import type { KubernetesVersion } from '../../../lib/versions/kubernetes-version';
import { Harness, harness, newJob, newPod } from '../../helpers/builders';
import { FakeContext, fakeContext } from '../../helpers/fakes';
import { seconds } from '../../helpers/instants';

/** A Job pod in a given state. */
export interface PodState {
  readonly phase: PodPhase;
  /** Ready (Running pods). @default false */
  readonly ready?: boolean;
  /** deletionTimestamp set. @default false */
  readonly terminating?: boolean;
  /** Still holds the tracking finalizer. @default true */
  readonly finalizer?: boolean;
  /** Container restarts. @default 0 */
  readonly restarts?: number;
  /** Completion index annotation. @default - none (NonIndexed) */
  readonly index?: number;
  /** `job-index-failure-count` annotation. @default - none */
  readonly failureCount?: number;
  /** Exit code of a terminated container. @default 0 / 1 */
  readonly exitCode?: number;
  /** When it finished, simulated ms. @default 10 s */
  readonly finishedMs?: number;
  /** Pod conditions. @default - none */
  readonly conditions?: PodCondition[];
  /** Created at, simulated ms. @default 0 */
  readonly createdMs?: number;
}

/** A sync to run. */
export interface SyncCase {
  /** The version (its default gates). */
  readonly version: KubernetesVersion;
  /** Gate overrides. @default - the version's defaults */
  readonly gates?: Record<string, boolean>;
  /** Raw Job spec fields. @default - none (completions = parallelism = 1) */
  readonly spec?: Record<string, unknown>;
  /** Status before the sync. @default - the empty status */
  readonly status?: Partial<JobStatus> & { failedIndexes?: string };
  /** Pods of the Job. @default - none */
  readonly pods?: readonly PodState[];
  /** Sync time. @default 20 s */
  readonly now?: number;
}

/** Adds a pod of `job` in state `s`. */
export function addPod(h: Harness, job: SimJob, i: number, s: PodState): SimPod {
  const draft = newPod(`backup-p${i}`, { owner: job, labels: job.spec.template.metadata?.labels });
  const annotations: Record<string, string> = {};
  if (s.index !== undefined) annotations[JOB_COMPLETION_INDEX_ANNOTATION] = String(s.index);
  if (s.failureCount !== undefined) annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = String(s.failureCount);
  const pod = h.add<Draft<SimPod>>({ ...draft, finalizers: s.finalizer === false ? [] : [JOB_TRACKING_FINALIZER], annotations });
  const terminal = s.phase === 'Succeeded' || s.phase === 'Failed';
  const finished = s.finishedMs ?? seconds(10);
  const cs: ContainerStatusLite = {
    name: 'app', image: 'nginx:1.25', ready: s.ready ?? false, restartCount: s.restarts ?? 0,
    state: terminal ? 'terminated' : s.phase === 'Running' ? 'running' : 'waiting', reason: null,
    exitCode: terminal ? (s.exitCode ?? (s.phase === 'Succeeded' ? 0 : 1)) : null, startedMs: 0, finishedMs: terminal ? finished : null,
  };
  h.state.update(pod, (p) => {
    p.phase = s.phase;
    p.nodeName = s.phase === 'Pending' ? null : 'worker1';
    p.ready = s.ready ?? false;
    p.readySinceMs = s.ready ? 0 : null;
    p.restarts = s.restarts ?? 0;
    p.containerStatuses = [cs];
    p.conditions = s.conditions ?? [];
    if (terminal) p.finishedMs = finished;
    if (s.terminating) p.deletionMs = 0;
    if (s.createdMs !== undefined) (p as { createdMs: number }).createdMs = s.createdMs;
  });
  return pod;
}

/** The outcome of one sync. */
export interface SyncRun {
  /** The harness (store and clock). */
  readonly h: Harness;
  /** The fake context (pod writes, status writes, events). */
  readonly f: FakeContext;
  /** The Job (its status after the sync). */
  readonly job: SimJob;
  /** The controller, for more syncs. */
  readonly ctl: JobController;
  /** The sync's requeue delay. @default - none */
  readonly requeueAfterMs?: number;
}

/** Runs one sync of Job `backup` in the state `c` describes, the controller seeing every store change. */
export function syncOnce(c: SyncCase): SyncRun {
  const h = harness();
  const job = h.add(newJob('backup', { restartPolicy: 'Never', extra: c.spec ?? {} }));
  if (c.status) h.state.update(job, (j) => { j.status = { ...j.status, ...c.status }; });
  (c.pods ?? []).forEach((s, i) => addPod(h, job, i, s));
  const f = fakeContext(h, { gates: featureGatesFor(c.version, c.gates ?? {}) });
  const ctl = new JobController(f.ctx);
  h.state.watch((change) => { ctl.keysFor(change); });
  h.setNow(c.now ?? seconds(20));
  const result = ctl.sync('default/backup', h.now);
  return { h, f, job, ctl, requeueAfterMs: result.requeueAfterMs };
}

/** `[type, reason]` of each condition, Suspended left out. */
export function conditionsOf(job: SimJob): Array<[string, string]> {
  return job.status.conditions.filter((c) => c.type !== 'Suspended').map((c) => [c.type, c.reason ?? '']);
}
