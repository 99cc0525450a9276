/**
 * Which exit code a container run takes from its profile's list (`exitCode: [1, 1, 0]`).
 *
 * A list is consumed one code per container run and its last code repeats. What counts as "the
 * same container" decides where the count continues:
 * - a pod owned by a Job: the Job's pods are retries of one piece of work — the Job controller
 *   replaces a failed pod with a new one (`pkg/controller/job/job_controller.go` `manageJob`,
 *   restartPolicy Never) and, for an Indexed Job, with a new pod for the same completion index
 *   (`pkg/controller/job/indexed_job_utils.go` `firstPendingIndexes` / the
 *   `batch.kubernetes.io/job-completion-index` annotation). So the count is kept per Job (and per
 *   index), across the replacement pods: `[1, 1, 0]` with restartPolicy Never fails twice, then
 *   succeeds;
 * - any other pod: per pod, i.e. across the kubelet's in-place restarts of that pod's container
 *   (restartCount), as a recreated StatefulSet pod runs a fresh process.
 */
import { controllerOf } from './object-meta';
import type { SimPod } from './pod-object';

/** The annotation that carries an Indexed Job pod's completion index (batch/v1, 1.27). */
const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

/** Counts container runs per Job (and index) and per pod, and picks each run's exit code. @internal */
export class ExitCodeLedger {
  /** Job uid → `<index>/<container>` → runs started. */
  private readonly byJob = new Map<string, Map<string, number>>();
  /** Pod uid → container → runs started. */
  private readonly byPod = new Map<string, Map<string, number>>();

  /** The exit code of the run of `container` that starts now, from `codes` (last repeats); counts the run. */
  public next(pod: SimPod, container: string, codes: readonly number[]): number {
    const [table, k] = this.slot(pod, container);
    const run = table.get(k) ?? 0;
    table.set(k, run + 1);
    return codes[Math.min(run, codes.length - 1)];
  }

  /** Runs counted for `container` of `pod` so far (where its list stands), capped at `cap`. */
  public runs(pod: SimPod, container: string, cap: number): number {
    const [table, k] = this.slot(pod, container);
    return Math.min(table.get(k) ?? 0, cap);
  }

  /** Forgets a deleted pod's per-pod counts. */
  public forgetPod(uid: string): void {
    this.byPod.delete(uid);
  }

  /** Forgets a deleted Job's counts. */
  public forgetJob(uid: string): void {
    this.byJob.delete(uid);
  }

  private slot(pod: SimPod, container: string): [Map<string, number>, string] {
    const owner = controllerOf(pod);
    if (owner?.kind === 'Job') {
      let t = this.byJob.get(owner.uid);
      if (!t) this.byJob.set(owner.uid, (t = new Map()));
      return [t, `${pod.annotations[COMPLETION_INDEX_ANNOTATION] ?? ''}/${container}`];
    }
    let t = this.byPod.get(pod.uid);
    if (!t) this.byPod.set(pod.uid, (t = new Map()));
    return [t, container];
  }
}
