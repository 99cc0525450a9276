/**
 * Seed 003 §5 "parallel Job — large data processing": `completions: 10`, `parallelism: 3`,
 * `backoffLimit: 5` — ten successful pods are needed, three run at a time, and the Job fails on
 * the sixth failed pod.
 *
 * The seed gives only these spec fields, without a name, namespace or pod. We name the Job
 * `parallel-job`, put it in the article's `production` namespace, and give it a placeholder
 * busybox worker; replace the container with your own. The pods of a NonIndexed Job (as in the
 * seed) are interchangeable; to have each pod work on its own chunk, set
 * `completionMode: CompletionMode.INDEXED` and read `JOB_COMPLETION_INDEX` (0–9) in the container.
 *
 * Other differences from the seed, from BatchJob's defaults: `restartPolicy: Never` (the seed
 * fragment has none, which Kubernetes would default to the rejected `Always`),
 * `ttlSecondsAfterFinished: 86400`, and the PSS-restricted pod security defaults.
 */
import { App, Chart } from 'cdk8s';
import { BatchJob } from '../../lib';

/** Adds the `seed-003-parallel-job` chart. */
export function build(app: App): void {
  const chart = new Chart(app, 'seed-003-parallel-job', { namespace: 'production', disableResourceNameHashes: true });
  new BatchJob(chart, 'parallel-job', {
    metadata: { name: 'parallel-job' },
    completions: 10, // ten work items must succeed
    parallelism: 3, // three pods at a time
    backoffLimit: 5,
    containers: [{
      name: 'worker',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'echo "processing one work item on $(hostname)"'],
    }],
  });
}

if (require.main === module) { const app = new App(); build(app); app.synth(); }
