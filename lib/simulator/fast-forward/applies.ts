/**
 * When the steady-state fast-forward may run at all (fast-forward.ts): asked for (the history is
 * bounded by default), controllers that can describe their memory, and pod profiles that do not tell one period's pods
 * from the next's.
 */
import type { PodBehaviour } from '../cluster/behaviours';
import type { Controller } from '../controllers/controller';

/** The simulation options that decide whether the fast-forward applies. */
export interface FastForwardRequest {
  /** `SimulationOptions.fastForward`. */
  readonly fastForward?: boolean;
  /** `SimulationOptions.behaviours`. */
  readonly behaviours?: readonly PodBehaviour[];
}

/** Pod profile keys whose values name a Job or carry its uid: they could tell one period's pods from the next's. */
const TIME_VARIANT_LABELS = ['job-name', 'controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/controller-uid'];

/**
 * Whether the steady-state fast-forward may run: asked for, every controller
 * able to describe its memory, and no pod profile that picks pods by a name that changes from one
 * period to the next (a pod or Job name, a Job owner, a Job's generated labels).
 */
export function fastForwardApplies(options: FastForwardRequest, controllers: readonly Controller[]): boolean {
  // The history is always bounded (store-types.ts DEFAULT_KEEP_DELETED, trace.ts DEFAULT_MAX_EVENTS).
  if (options.fastForward === false) return false;
  if (!controllers.every((c) => c.steadyState !== undefined && c.fastForward !== undefined)) return false;
  return (options.behaviours ?? []).every((b) => b.match === undefined || (b.match.name === undefined && b.match.job === undefined
    && !(b.match.owner ?? '').startsWith('Job/') && !Object.keys(b.match.labels ?? {}).some((k) => TIME_VARIANT_LABELS.includes(k))));
}
