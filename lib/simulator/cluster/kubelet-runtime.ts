/**
 * What the kubelet stand-in (kubelet.ts) remembers of each bound pod: its resolved behaviour,
 * container runs, crash-loop back-off steps, pending timers and scenario overrides, and the
 * string form of a resolved behaviour the steady-state fast-forward compares.
 */
import type { QueuedEvent } from '../engine/event-queue';
import type { ResolvedBehaviour } from './behaviours';

/** The kubelet's per-pod state. @internal */
export interface PodRuntime {
  readonly behaviour: ResolvedBehaviour;
  /** Container runs started so far (indexes exitCodes). */
  runs: number;
  /** Crash-loop back-off steps taken. */
  backoffSteps: number;
  /** When the back-off was last updated. */
  lastBackoffMs: number;
  /** The one pending lifecycle timer (start, ready, exit, restart or kill). */
  timer: QueuedEvent | undefined;
  /** A second timer for readiness, which runs alongside the exit timer. */
  readyTimer: QueuedEvent | undefined;
  /** setReady override: true forces Ready, false keeps it failing, null follows the profile. */
  readinessOverride: boolean | null;
  /** Whether a kill was scheduled for the pending deletion. */
  killing: boolean;
  /** The init container running (or backing off), or -1 when none is (not started, or all done). */
  initIndex: number;
  /** Whether a deletion waits for the pod's unreachable node (Ready Unknown) to come back. */
  frozen: boolean;
}

const BEHAVIOUR_KEYS = new WeakMap<ResolvedBehaviour, string>();

/** A resolved profile as a string (memoised: profiles are shared by every pod they match). @internal */
export function behaviourKey(b: ResolvedBehaviour): string {
  let k = BEHAVIOUR_KEYS.get(b);
  if (k === undefined) BEHAVIOUR_KEYS.set(b, (k = JSON.stringify(b)));
  return k;
}
