/**
 * How simulated containers behave, as declarative profiles (kwok "Stages" style, STYLE.md §4):
 * the scenario's `pods:` list. The first profile whose `match` holds for a pod applies; fields it
 * leaves out take the defaults.
 */
import type { ClusterReader } from './store-types';
import { globMatch, matchesLabelMap } from '../../apiserver/labels';
import { controllerOf } from './object-meta';
import { SimObject } from './objects';
import { SimPod } from './pod-object';

/** Which pods a profile applies to; every given key must hold (ANDed). */
export interface PodBehaviourMatch {
  /** Pod name glob (`*`, `?`). */
  readonly name?: string;
  /**
   * `Kind/name` of an owner anywhere up the owner chain: `StatefulSet/web`, or `CronJob/backup`
   * (which owns its Jobs, which own the pods). Name may be a glob.
   */
  readonly owner?: string;
  /** Name (or glob) of the Job owning the pod (directly). */
  readonly job?: string;
  /** Labels the pod must carry. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * How one named container of a pod behaves: an init container, or the main container the
 * pod's run follows (see {@link PodBehaviour.containers}).
 */
export interface ContainerBehaviour {
  /** Container start → exit; `forever` = runs until deleted. @default - the profile's runFor for a main container; 0 (exits at once) for an init container */
  readonly runForMs?: number | 'forever';
  /** Exit code of each run, consumed one per run (see {@link PodBehaviour.exitCodes}). @default - the profile's exitCodes for a main container; [0] for an init container */
  readonly exitCodes?: readonly number[];
  /** Container start → Ready (main containers only). @default - the profile's readyAfter */
  readonly readyAfterMs?: number | 'never';
}

/** A behaviour profile; durations in ms. */
export interface PodBehaviour {
  /** Which pods. @default - every pod */
  readonly match?: PodBehaviourMatch;
  /** Scheduled → container started (pod Running). @default 1000 */
  readonly startAfterMs?: number;
  /** Container start → Ready; `never` = readiness keeps failing. @default 4000 */
  readonly readyAfterMs?: number | 'never';
  /** Container start → container exit; `forever` = runs until deleted. @default - forever; 10000 for pods owned by a Job */
  readonly runForMs?: number | 'forever';
  /**
   * Exit code of each container run, consumed one per run; the last repeats. For a pod owned by a
   * Job the list continues across the Job's replacement pods (per completion index for an Indexed
   * Job), so `[1, 1, 0]` with `restartPolicy: Never` fails twice, then succeeds; for other pods it
   * counts the restarts of one pod. @default [0]
   */
  readonly exitCodes?: readonly number[];
  /**
   * How long the process needs to exit after SIGTERM (`stopAfter`; `terminationGrace` is the older
   * name). The pod is gone after this or, when the pod's grace period
   * (`terminationGracePeriodSeconds`, default 30 s) is shorter, killed at the grace period.
   * @default 1000
   */
  readonly terminationGraceMs?: number;
  /**
   * Per container name: init containers (run in order before the main containers; default: exit 0
   * at once) and main containers. Main containers run in lockstep: the pod's run follows the first
   * main container named here, else the profile's own fields. @default - none
   */
  readonly containers?: Readonly<Record<string, ContainerBehaviour>>;
}

/** A resolved per-container behaviour. */
export interface ResolvedContainerBehaviour {
  /** Started → exit, ms, or null for forever. */
  readonly runForMs: number | null;
  /** Exit codes per run (last repeats). */
  readonly exitCodes: readonly number[];
}

/** A profile with every field resolved for one pod. */
export interface ResolvedBehaviour {
  /** Scheduled → started, ms. */
  readonly startAfterMs: number;
  /** Started → Ready, ms, or null for never. */
  readonly readyAfterMs: number | null;
  /** Started → exit, ms, or null for forever. */
  readonly runForMs: number | null;
  /** Exit codes per run (last repeats). */
  readonly exitCodes: readonly number[];
  /** Time the process needs to exit after SIGTERM (`stopAfter`), ms. */
  readonly terminationGraceMs: number;
  /** Name of the main container whose exit codes the pod's run consumes (the lockstep run). */
  readonly mainContainer: string;
  /** Init containers in order, with their behaviour. */
  readonly initContainers: ReadonlyArray<{ readonly name: string } & ResolvedContainerBehaviour>;
}

/** The defaults of DESIGN.md's scenario format. */
export const DEFAULT_BEHAVIOUR = {
  startAfterMs: 1000,
  readyAfterMs: 4000,
  jobRunForMs: 10_000,
  exitCode: 0,
  terminationGraceMs: 1000,
} as const;

/** Whether `pod` satisfies `match`. */
export function behaviourMatches(match: PodBehaviourMatch | undefined, pod: SimPod, reader: Pick<ClusterReader, 'byUid'>): boolean {
  if (!match) return true;
  if (match.name !== undefined && !globMatch(match.name, pod.name)) return false;
  if (match.labels !== undefined && !matchesLabelMap(match.labels, pod.labels)) return false;
  if (match.job !== undefined) {
    const owner = controllerOf(pod);
    if (!owner || owner.kind !== 'Job' || !globMatch(match.job, owner.name)) return false;
  }
  if (match.owner !== undefined) {
    const slash = match.owner.indexOf('/');
    const kind = match.owner.slice(0, slash);
    const name = match.owner.slice(slash + 1);
    if (!ownerChain(pod, reader).some((r) => r.kind === kind && globMatch(name, r.name))) return false;
  }
  return true;
}

/** Kind/name of every owner up the chain (owner references, then their owners'), nearest first. */
export function ownerChain(obj: SimObject, reader: Pick<ClusterReader, 'byUid'>): Array<{ kind: string; name: string }> {
  const out: Array<{ kind: string; name: string }> = [];
  const seen = new Set<string>();
  let frontier: SimObject[] = [obj];
  while (frontier.length > 0) {
    const next: SimObject[] = [];
    for (const o of frontier) {
      for (const ref of o.ownerReferences) {
        if (seen.has(ref.uid)) continue;
        seen.add(ref.uid);
        out.push({ kind: ref.kind, name: ref.name });
        const owner = reader.byUid(ref.uid);
        if (owner) next.push(owner);
      }
    }
    frontier = next;
  }
  return out;
}

/** Resolves the profile for `pod`: the first matching profile, defaults for what it leaves out. */
export function resolveBehaviour(pod: SimPod, profiles: readonly PodBehaviour[], reader: Pick<ClusterReader, 'byUid'>): ResolvedBehaviour {
  const p: PodBehaviour = profiles.find((b) => behaviourMatches(b.match, pod, reader)) ?? {};
  const jobOwned = controllerOf(pod)?.kind === 'Job';
  const mains = (pod.spec.containers ?? []).map((c) => c.name);
  const mainContainer = mains.find((n) => p.containers?.[n] !== undefined) ?? mains[0] ?? '';
  const c = p.containers?.[mainContainer] ?? {};
  const ready = c.readyAfterMs ?? p.readyAfterMs ?? DEFAULT_BEHAVIOUR.readyAfterMs;
  const run = c.runForMs ?? p.runForMs ?? (jobOwned ? DEFAULT_BEHAVIOUR.jobRunForMs : 'forever');
  const codes = c.exitCodes ?? p.exitCodes;
  return {
    startAfterMs: p.startAfterMs ?? DEFAULT_BEHAVIOUR.startAfterMs,
    readyAfterMs: ready === 'never' ? null : ready,
    runForMs: run === 'forever' ? null : run,
    exitCodes: codes && codes.length > 0 ? codes : [DEFAULT_BEHAVIOUR.exitCode],
    terminationGraceMs: p.terminationGraceMs ?? DEFAULT_BEHAVIOUR.terminationGraceMs,
    mainContainer,
    initContainers: (pod.spec.initContainers ?? []).map((ic) => {
      const b = p.containers?.[ic.name] ?? {};
      const r = b.runForMs ?? 0;
      return { name: ic.name, runForMs: r === 'forever' ? null : r, exitCodes: b.exitCodes && b.exitCodes.length > 0 ? b.exitCodes : [DEFAULT_BEHAVIOUR.exitCode] };
    }),
  };
}
