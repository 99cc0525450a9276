/**
 * The upgrade preview's example (README "Kubernetes versions"): an Indexed `BatchJob` of three
 * shards whose `podFailurePolicy` fails the Job when a container exits 42, with 30 s for a pod to
 * shut down. Its scenario makes shard 0 exit 42 after 5 s while shards 1 and 2 are still working.
 *
 * The constructs write the same 1.27 API fields for every cluster; what the cluster does with them
 * changes: on 1.27 the Job is `Failed` as soon as the FailJob rule matches, while its other pods
 * are still shutting down; from 1.31 the controller first adds `FailureTarget`, deletes the pods,
 * and sets `Failed` only once they are gone (kubernetes#125510, `delayTerminalCondition` with
 * JobPodReplacementPolicy or JobManagedBy on) — 30 s later, the pods' grace period.
 * `cdk8s-workloads simulate dist/upgrade-preview.k8s.yaml --scenario examples/upgrade-preview/scenario.yaml --compare 1.36`
 * shows that difference.
 */
import { App, Chart, Duration } from 'cdk8s';
import { BatchJob, CompletionMode, ExitCodeOperator, JobRestartPolicy, PodFailurePolicyAction } from '../../lib';

/** Adds the `upgrade-preview` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'upgrade-preview', { namespace: 'default', disableResourceNameHashes: true });
  new BatchJob(chart, 'shard', {
    metadata: { name: 'shard' },
    completionMode: CompletionMode.INDEXED,
    completions: 3,
    parallelism: 3,
    restartPolicy: JobRestartPolicy.NEVER,
    terminationGracePeriod: Duration.seconds(30),
    podFailurePolicy: [
      // Exit code 42 means "the input is bad": retrying cannot help, fail the whole Job.
      { action: PodFailurePolicyAction.FAIL_JOB, onExitCodes: { containerName: 'shard', operator: ExitCodeOperator.IN, values: [42] } },
    ],
    containers: [{
      name: 'shard',
      image: 'registry.example.com/shard-worker:2.1',
      command: ['/bin/sh', '-c', 'process-shard "$JOB_COMPLETION_INDEX"'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
