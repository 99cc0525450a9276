/**
 * The public option types of the job template shared by `BatchJob` and `ScheduledJob`: the
 * restart policy and completion mode enums, the container props and {@link JobTemplateOptions},
 * with the lists of their keys used to reject unknown props. "§4.x" points into
 * shared/reference/k8s-controller-semantics.md.
 */
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { PodFailurePolicyRule } from './pod-failure-policy-options';

/**
 * What the kubelet does when a Job's container exits. A Job accepts only these two values:
 * `Always` (also what an omitted `restartPolicy` defaults to) is rejected by the API server
 * (`spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`), so it
 * is not offered here.
 */
export enum JobRestartPolicy {
  /**
   * A failed container fails its pod; the Job controller creates a replacement pod (after a
   * 10 s, 20 s, 40 s … back-off capped at 6 min). Failed pods stay for inspection. Required by
   * `podFailurePolicy`. The Job fails on the (backoffLimit + 1)-th failed pod.
   */
  NEVER = 'Never',
  /**
   * The kubelet restarts a failed container in place, in the same pod. The Job fails once the
   * sum of container restarts reaches `backoffLimit` (note `>=`, §4.3).
   */
  ON_FAILURE = 'OnFailure',
}

/** How a Job with `completions` counts success. */
export enum CompletionMode {
  /** Any `completions` successful pods complete the Job; pods are interchangeable. */
  NON_INDEXED = 'NonIndexed',
  /**
   * Each pod gets a completion index 0 … completions-1 and the Job completes when every index
   * has one successful pod. The index reaches the pod as the environment variable
   * `JOB_COMPLETION_INDEX` (injected by the Job controller into every container and init
   * container) and as the annotation `batch.kubernetes.io/job-completion-index`. Kubernetes 1.27
   * pods carry the index only in that annotation; the pod *label* of the same name arrives in
   * 1.28, so do not select pods by index label on 1.27. Pods get the hostname `<job>-<index>`.
   */
  INDEXED = 'Indexed',
}

/** A key of a Secret in the Job's namespace, read into an environment variable. */
export interface SecretKeyRef {
  /** The Secret's name. */
  readonly secretName: string;
  /** The key within the Secret. */
  readonly key: string;
  /**
   * Start the container even when the Secret or key is missing (the variable is then unset).
   * @default false
   */
  readonly optional?: boolean;
}

/**
 * A container of a Job's pod: every cdk8s-plus-27 container prop, plus `secretEnv`.
 *
 * Probes are allowed on regular containers only. A TCP or HTTP probe must target a port the
 * container declares (`port`, `portNumber` or `ports`): cdk8s-plus-27 would otherwise probe port 80.
 *
 * Secure defaults are merged under your `securityContext`: non-root, no privilege escalation,
 * not privileged, read-only root filesystem, all capabilities dropped; a writable `/tmp`
 * emptyDir is mounted when the root filesystem is read-only and you did not mount `/tmp`.
 */
export interface JobContainerProps extends kplus.ContainerProps {
  /**
   * When the kubelet pulls the image. Written out because cdk8s-plus-27 alone would write
   * `Always` even for a pinned image.
   * @default - as Kubernetes defaults it: `Always` for an untagged or `:latest` image,
   * `IfNotPresent` for a tag or digest
   */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;

  /**
   * Environment variables read from Secret keys (`env[].valueFrom.secretKeyRef`), by variable
   * name. This is the way to pass credentials: a literal `envVariables` value under a
   * credential-like name (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `*_API_KEY`, …) is rejected.
   * @default - no variables from Secrets
   */
  readonly secretEnv?: { readonly [name: string]: SecretKeyRef };
}

/**
 * Job template options shared by `BatchJob` and `ScheduledJob`: the pod and the Job spec.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export interface JobTemplateOptions {
  /** The containers of each pod; at least one. */
  readonly containers: JobContainerProps[];

  /**
   * Containers run to completion, in order, before `containers` start.
   * @default - no init containers
   */
  readonly initContainers?: JobContainerProps[];

  /**
   * What the kubelet does when a container exits. `Always` is not a choice: the API server
   * rejects it for Jobs.
   * @default JobRestartPolicy.NEVER - failed pods are replaced and kept for inspection, and
   * `podFailurePolicy` can be used
   */
  readonly restartPolicy?: JobRestartPolicy;

  /**
   * Retries before the Job is marked failed (`BackoffLimitExceeded`). With `NEVER` the Job fails
   * on the (backoffLimit + 1)-th failed pod; with `ON_FAILURE` once container restarts sum to
   * backoffLimit.
   * @default 6 - the Kubernetes default, written out
   */
  readonly backoffLimit?: number;

  /**
   * How long the Job may run (from its start, or from its last resume) before it is failed
   * with `DeadlineExceeded` and its pods are deleted. Whole seconds, at least 1 s.
   * @default - no deadline
   */
  readonly activeDeadline?: Duration;

  /**
   * Successful pods needed for the Job to complete (with `INDEXED`: one per index
   * 0 … completions-1). `0` completes the Job at once without pods.
   * @default - unset: 1 when `parallelism` is unset too; otherwise work-queue mode (the Job
   * completes once any pod succeeds and the rest have finished)
   */
  readonly completions?: number;

  /**
   * Pods running at the same time (never more than the completions still missing). `0` keeps the
   * Job from starting pods.
   * @default - 1
   */
  readonly parallelism?: number;

  /**
   * Whether pods get a completion index (`JOB_COMPLETION_INDEX`). `INDEXED` requires
   * `completions`.
   * @default CompletionMode.NON_INDEXED
   */
  readonly completionMode?: CompletionMode;

  /**
   * Rules, checked in order, that decide what a failed pod means: fail the Job at once, ignore
   * the failure, or count it. Requires `restartPolicy: NEVER`; at most 20 rules. With a policy,
   * only pods in phase Failed count as failures (a deleted running pod no longer does).
   * @default - every failed pod counts towards `backoffLimit`
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-failure-policy
   */
  readonly podFailurePolicy?: PodFailurePolicyRule[];

  /**
   * Extra pod volumes (volumes used in `volumeMounts` are added automatically).
   * @default - only the `/tmp` emptyDir added for read-only root filesystems
   */
  readonly volumes?: kplus.Volume[];

  /**
   * Pod security context. Merged over the defaults.
   * @default - `{ user: 1000, group: 1000, fsGroup: 1000, ensureNonRoot: true }`, plus
   * seccomp profile `RuntimeDefault` (always written)
   */
  readonly securityContext?: kplus.PodSecurityContextProps;

  /**
   * The service account the pods run as.
   * @default - the namespace's `default` service account
   */
  readonly serviceAccount?: kplus.IServiceAccount;

  /**
   * Mount the service account token into the pods. Enable only when the job talks to the
   * Kubernetes API.
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;

  /**
   * Time a pod gets between SIGTERM and SIGKILL when it is deleted (deadline, suspend, Replace).
   * Whole seconds.
   * @default Duration.seconds(30)
   */
  readonly terminationGracePeriod?: Duration;
}

/** Keys of {@link JobTemplateOptions}; a `Record` so the compiler keeps the list complete. @internal */
export const JOB_TEMPLATE_OPTION_KEYS: Record<keyof JobTemplateOptions, true> = {
  containers: true,
  initContainers: true,
  restartPolicy: true,
  backoffLimit: true,
  activeDeadline: true,
  completions: true,
  parallelism: true,
  completionMode: true,
  podFailurePolicy: true,
  volumes: true,
  securityContext: true,
  serviceAccount: true,
  automountServiceAccountToken: true,
  terminationGracePeriod: true,
};

/** Keys of {@link JobContainerProps}; a `Record` so the compiler keeps the list complete. @internal */
export const CONTAINER_PROP_KEYS: Record<keyof JobContainerProps, true> = {
  image: true,
  name: true,
  port: true,
  portNumber: true,
  ports: true,
  command: true,
  args: true,
  workingDir: true,
  envVariables: true,
  envFrom: true,
  volumeMounts: true,
  imagePullPolicy: true,
  readiness: true,
  liveness: true,
  startup: true,
  lifecycle: true,
  resources: true,
  securityContext: true,
  secretEnv: true,
};
