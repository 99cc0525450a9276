/**
 * The job template shared by `BatchJob` (a Job) and `ScheduledJob` (a CronJob's `jobTemplate`):
 * the public option types both constructs' props extend, and `applyJobTemplate`, the one function
 * that validates those options, builds the cdk8s-plus-27 workload and patches in what
 * cdk8s-plus-27 lacks.
 *
 * Rules cited as "validation.go" are from kubernetes `pkg/apis/batch/validation/validation.go`
 * (`validateJobSpec`, `validatePodFailurePolicy*`, `ValidateJob`); "§4.x" points into
 * shared/reference/k8s-controller-semantics.md.
 */
import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { defaultPullPolicy, IMAGE_REFERENCE_RULE, isImageReference } from '../_shared/image';
import { ALL_CAPABILITIES, restrictedContainerSecurityContext, seccompRuntimeDefault } from '../_shared/security';
import {
  checkContainerProbes, checkContainerResources, CONFIG_KEY_SYNTAX, ENV_VAR_NAME_RULE, INT32_MAX, isConfigKey, isDns1123Label, isDns1123Subdomain, isEnvVarName, isQualifiedName, KnownProps, rejectUnknownProp,
  wholeSeconds,
} from '../_shared/validation';
import { ValidationError } from '../_shared/errors';

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

/** What a matching pod failure policy rule does with the failed pod. */
export enum PodFailurePolicyAction {
  /** Fail the whole Job at once (reason `PodFailurePolicy`) and delete its running pods. */
  FAIL_JOB = 'FailJob',
  /** Do not count the failure towards `backoffLimit`; a replacement pod is created. */
  IGNORE = 'Ignore',
  /** Count the failure towards `backoffLimit`, as for a pod no rule matches. */
  COUNT = 'Count',
}

/** How `onExitCodes.values` are matched. */
export enum ExitCodeOperator {
  /** The exit code is one of the values (which then must not include 0). */
  IN = 'In',
  /** The exit code is none of the values. */
  NOT_IN = 'NotIn',
}

/** The status a pod condition must have for an `onPodConditions` pattern to match. */
export enum PodConditionStatus {
  /** The condition holds. */
  TRUE = 'True',
  /** The condition does not hold. */
  FALSE = 'False',
  /** The condition's state is unknown. */
  UNKNOWN = 'Unknown',
}

/** A pod condition type that an `onPodConditions` pattern matches. */
export class PodConditionType {
  /**
   * Set when the pod was disrupted (preemption, eviction, node drain or taint eviction,
   * garbage collection); PodDisruptionConditions is beta and on in 1.27. Pairing it with
   * `Ignore` keeps node maintenance from consuming `backoffLimit`.
   */
  public static readonly DISRUPTION_TARGET = new PodConditionType('DisruptionTarget');

  /**
   * Any other condition type, e.g. one set by your own controller. It must be a Kubernetes
   * qualified name; that is checked when the Job is built.
   * @param name the condition type
   */
  public static of(name: string): PodConditionType {
    return new PodConditionType(name);
  }

  private constructor(
    /** The condition type as written in the manifest. */
    public readonly name: string,
  ) {}
}

/** Matches a failed pod by the exit code of its containers. */
export interface PodFailurePolicyOnExitCodes {
  /**
   * Only this container's exit code is checked. Must name a container or init container of the
   * template.
   * @default - every container is checked
   */
  readonly containerName?: string;
  /** How `values` are matched. */
  readonly operator: ExitCodeOperator;
  /**
   * 1 to 255 distinct exit codes between 0 and 255; they are written sorted, as the API server
   * requires. `0` is not allowed with `In`.
   */
  readonly values: number[];
}

/** Matches a failed pod by one of its conditions. */
export interface PodFailurePolicyOnPodCondition {
  /** The condition type, e.g. `PodConditionType.DISRUPTION_TARGET`. */
  readonly type: PodConditionType;
  /**
   * The status the condition must have.
   * @default PodConditionStatus.TRUE
   */
  readonly status?: PodConditionStatus;
}

/**
 * One rule of a Job's pod failure policy. Rules are checked in order and the first match wins.
 * Exactly one of `onExitCodes` and `onPodConditions` must be set.
 */
export interface PodFailurePolicyRule {
  /** What to do with a pod the rule matches. */
  readonly action: PodFailurePolicyAction;
  /**
   * Match on container exit codes.
   * @default - the rule matches on `onPodConditions`
   */
  readonly onExitCodes?: PodFailurePolicyOnExitCodes;
  /**
   * Match on pod conditions (1 to 20 patterns; any one matching is enough).
   * @default - the rule matches on `onExitCodes`
   */
  readonly onPodConditions?: PodFailurePolicyOnPodCondition[];
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

const CONTAINER_PROP_KEYS: Record<keyof JobContainerProps, true> = {
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

/**
 * Kubernetes or cdk8s-plus spellings that TypeScript users cannot pass but JavaScript users can,
 * and that cdk8s-plus-27 would silently drop; each maps to the fix. @internal
 */
export const MISSPELLED_PROPS: { readonly [key: string]: string } = {
  activeDeadlineSeconds: 'use `activeDeadline: Duration.seconds(n)`',
  ttlSecondsAfterFinished: 'use `ttlAfterFinished: Duration.seconds(n)` (BatchJob only)',
  startingDeadlineSeconds: 'use `startingDeadline: Duration.seconds(n)` (ScheduledJob only)',
  successfulJobsRetained: 'use `successfulJobsHistoryLimit`',
  failedJobsRetained: 'use `failedJobsHistoryLimit`',
  template: 'pod settings (`containers`, `restartPolicy`, …) are top-level props',
  jobTemplate: 'job template settings (`containers`, `backoffLimit`, …) are top-level props',
  spec: 'spec settings are top-level props',
  env: 'use `envVariables` (literal values) or `secretEnv` (Secret keys)',
  podFailurePolicyRules: 'use `podFailurePolicy: [rule, …]`',
};

/** Pod-level security defaults (PSS restricted needs runAsNonRoot; a UID makes it runnable for images whose USER is root). */
const DEFAULT_POD_SECURITY: kplus.PodSecurityContextProps = { user: 1000, group: 1000, fsGroup: 1000, ensureNonRoot: true };

// Variable names that hold credentials; a literal value there means a secret in the manifest.
const CREDENTIAL_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|SECRET_?KEY|ACCESS_?KEY|CREDENTIALS?)$/i;

/**
 * Rejects keys of `props` that no prop of the construct declares, so a JavaScript caller's
 * `activeDeadlineSeconds: 600` is an error instead of being dropped. @internal
 */
export function rejectUnknownProps(scope: Construct, props: object, known: KnownProps, path: string = ''): void {
  rejectUnknownProp(scope, path, props, known, MISSPELLED_PROPS, 'is not a prop of this construct and would be ignored');
}

/**
 * Validates the name (given or generated) of the Job or CronJob: a DNS-1123 subdomain, the API
 * server's object-name rule (`ValidateJob` / `ValidateCronJob` in validation.go), and at most
 * `maxLength` characters, the tighter bound the caller's controller needs; `why(length)` says
 * why. A generated name gets a hint to set `metadata.name` instead. @internal
 */
export function checkWorkloadName(scope: Construct, name: string, given: boolean, maxLength: number, why: (length: number) => string): void {
  const fix = given ? undefined : 'the name was generated from the construct path; set `metadata.name`';
  if (!isDns1123Subdomain(name)) {
    throw new ValidationError(scope, 'metadata.name', 'must be a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", starting and ending with a letter or digit)', name, fix);
  }
  if (name.length > maxLength) {
    throw new ValidationError(scope, 'metadata.name', `must be at most ${maxLength} characters`, name, fix ?? why(name.length));
  }
}

/** Validates a count-like int32 field (completions, backoffLimit, history limits, …). @internal */
export function checkCount(scope: Construct, prop: string, value: number | undefined, min: number = 0): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(scope, prop, 'must be a whole number', value);
  }
  if (value < min) {
    throw new ValidationError(scope, prop, `must be at least ${min}`, value, 'the API server rejects negative values');
  }
  if (value > INT32_MAX) {
    throw new ValidationError(scope, prop, `must be at most ${INT32_MAX} (an int32 field)`, value);
  }
}

/** Where the job template lives inside the workload's manifest, and how to build the workload. @internal */
export interface JobTemplateTarget<W extends kplus.Job | kplus.CronJob> {
  /** Creates the cdk8s-plus-27 workload (child id 'Resource') from the resolved pod and Job props. */
  readonly create: (props: kplus.JobProps) => W;
  /** JSON pointer of the JobSpec in the manifest: `/spec` (Job) or `/spec/jobTemplate/spec` (CronJob). */
  readonly jobSpecPath: string;
  /**
   * Validates the workload's name (given or generated) right after it is created; throws a
   * ValidationError on `metadata.name`.
   */
  readonly checkName: (name: string) => void;
  /**
   * The longest name a Job of this template can have, for the Indexed hostname check: the Job's
   * own name, or for a CronJob `<name>-<8 digits>` (minutes since the epoch).
   */
  readonly indexedJobName: (name: string) => string;
  /** Says in an error message which Job name `indexedJobName` returns. */
  readonly indexedJobNameDescription: string;
}

/** The resolved job template values. @internal */
export interface AppliedJobTemplate<W> {
  /** The cdk8s-plus-27 workload that was created. */
  readonly workload: W;
  /** Its L1 API object. */
  readonly apiObject: ApiObject;
  /** Resolved restart policy. */
  readonly restartPolicy: JobRestartPolicy;
  /** Resolved backoff limit. */
  readonly backoffLimit: number;
  /** Resolved completion mode. */
  readonly completionMode: CompletionMode;
}

/**
 * Validates `options`, creates the workload through `target.create`, and patches into the
 * JobSpec what cdk8s-plus-27 does not model: completions, parallelism, completionMode,
 * podFailurePolicy and the pod's seccomp profile. @internal
 */
export function applyJobTemplate<W extends kplus.Job | kplus.CronJob>(
  scope: Construct,
  options: JobTemplateOptions,
  target: JobTemplateTarget<W>,
): AppliedJobTemplate<W> {
  // --- Job spec fields (validation.go validateJobSpec: all of them must be >= 0) ---
  const restartPolicy = options.restartPolicy ?? JobRestartPolicy.NEVER;
  if ((restartPolicy as string) === 'Always') {
    throw new ValidationError(scope, 'restartPolicy', 'must be "Never" or "OnFailure" for a Job', restartPolicy,
      'the API server rejects "Always" (also the pod default when restartPolicy is omitted): a Job\'s pods must be able to finish');
  }
  if (!Object.values(JobRestartPolicy).includes(restartPolicy)) {
    throw new ValidationError(scope, 'restartPolicy', 'must be JobRestartPolicy.NEVER or JobRestartPolicy.ON_FAILURE', restartPolicy);
  }
  const backoffLimit = options.backoffLimit ?? 6;
  checkCount(scope, 'backoffLimit', backoffLimit);
  checkCount(scope, 'completions', options.completions);
  checkCount(scope, 'parallelism', options.parallelism);
  const completionMode = options.completionMode ?? CompletionMode.NON_INDEXED;
  if (!Object.values(CompletionMode).includes(completionMode)) {
    throw new ValidationError(scope, 'completionMode', 'must be CompletionMode.NON_INDEXED or CompletionMode.INDEXED', completionMode);
  }
  if (completionMode === CompletionMode.INDEXED && options.completions === undefined) {
    throw new ValidationError(scope, 'completions', 'is required when `completionMode` is Indexed', options.completions,
      'set `completions` to the number of indexes (the API server rejects an Indexed Job without it)');
  }
  const activeDeadlineSeconds = options.activeDeadline === undefined ? undefined
    : wholeSeconds(scope, 'activeDeadline', options.activeDeadline, { min: 1, why: 'a 0 s deadline fails the Job as soon as it starts' });
  const terminationGracePeriodSeconds = options.terminationGracePeriod === undefined ? undefined
    : wholeSeconds(scope, 'terminationGracePeriod', options.terminationGracePeriod);

  // --- Containers ---
  if (!Array.isArray(options.containers) || options.containers.length === 0) {
    throw new ValidationError(scope, 'containers', 'must list at least one container', options.containers);
  }
  const initContainers = options.initContainers ?? [];
  const containerNames = new Set<string>();
  const podSecurity: kplus.PodSecurityContextProps = { ...DEFAULT_POD_SECURITY, ...options.securityContext };
  const secrets = new Map<string, kplus.ISecret>();
  let tmpVolume: kplus.Volume | undefined;
  const userVolumes = [...(options.volumes ?? []), ...[...options.containers, ...initContainers].flatMap((c) => (c.volumeMounts ?? []).map((m) => m.volume))];

  const prepare = (c: JobContainerProps, prop: string, defaultName: string): kplus.ContainerProps => {
    rejectUnknownProps(scope, c, CONTAINER_PROP_KEYS, `${prop}.`);
    const name = c.name ?? defaultName;
    if (!isDns1123Label(name)) {
      throw new ValidationError(scope, `${prop}.name`, 'must be a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters)', name);
    }
    if (containerNames.has(name)) {
      throw new ValidationError(scope, `${prop}.name`, 'must be unique among the pod\'s containers and init containers', name);
    }
    containerNames.add(name);
    if (typeof c.image !== 'string' || !isImageReference(c.image)) {
      throw new ValidationError(scope, `${prop}.image`, IMAGE_REFERENCE_RULE, c.image);
    }

    if (prop.startsWith('init')) {
      for (const probe of ['readiness', 'liveness', 'startup'] as const) {
        if (c[probe] !== undefined) {
          throw new ValidationError(scope, `${prop}.${probe}`, 'must not be set on an init container', probe, 'init containers run to completion; probes apply to regular containers');
        }
      }
    }

    const { secretEnv, ...kplusProps } = c;
    const envVariables: { [name: string]: kplus.EnvValue } = { ...c.envVariables };
    for (const [envName, value] of Object.entries(envVariables)) {
      checkEnvName(scope, `${prop}.envVariables.${envName}`, envName);
      if (value.value !== undefined && CREDENTIAL_NAME.test(envName)) {
        throw new ValidationError(scope, `${prop}.envVariables.${envName}`, 'must not hold a literal credential', '(literal value hidden)',
          `read it from a Secret instead: \`secretEnv: { ${envName}: { secretName: '…', key: '…' } }\``);
      }
    }
    for (const [envName, ref] of Object.entries(secretEnv ?? {})) {
      checkEnvName(scope, `${prop}.secretEnv.${envName}`, envName);
      if (envName in envVariables) {
        throw new ValidationError(scope, `${prop}.secretEnv.${envName}`, 'must not also be set in `envVariables`', envName);
      }
      if (!ref || typeof ref.secretName !== 'string' || !isDns1123Subdomain(ref.secretName)) {
        throw new ValidationError(scope, `${prop}.secretEnv.${envName}.secretName`, 'must be a Secret name (a DNS-1123 subdomain)', ref?.secretName);
      }
      if (typeof ref.key !== 'string' || !isConfigKey(ref.key)) {
        throw new ValidationError(scope, `${prop}.secretEnv.${envName}.key`, `must be a Secret key (${CONFIG_KEY_SYNTAX})`, ref.key);
      }
      let secret = secrets.get(ref.secretName);
      if (!secret) {
        secret = kplus.Secret.fromSecretName(scope, `SecretRef-${ref.secretName}`, ref.secretName);
        secrets.set(ref.secretName, secret);
      }
      envVariables[envName] = kplus.EnvValue.fromSecretValue({ secret, key: ref.key }, { optional: ref.optional ?? false });
    }

    if (c.resources !== undefined) checkContainerResources(scope, `${prop}.resources`, c.resources);

    const userContext = c.securityContext ?? {};
    if (userContext.user === 0 && (userContext.ensureNonRoot ?? true)) {
      throw new ValidationError(scope, `${prop}.securityContext.user`, 'must not be 0 while `ensureNonRoot` is true', 0,
        'the kubelet refuses to start a container whose runAsUser breaks runAsNonRoot');
    }
    const securityContext: kplus.ContainerSecurityContextProps = {
      ...restrictedContainerSecurityContext(),
      ...userContext,
      // The user's `add` and `drop` replace ours field by field: drop ALL stays unless they set `drop`.
      capabilities: { drop: [ALL_CAPABILITIES], ...userContext.capabilities },
    };

    const mounts = [...(c.volumeMounts ?? [])];
    const mountsTmp = mounts.some((m) => m.path.replace(/\/+$/, '') === '/tmp');
    if (securityContext.readOnlyRootFilesystem && !mountsTmp) {
      if (!tmpVolume) {
        const clash = userVolumes.find((v) => v.name === 'tmp');
        if (clash) {
          throw new ValidationError(scope, 'volumes', 'must not contain another volume named "tmp"', 'tmp',
            'the name is used for the writable /tmp emptyDir; rename your volume or mount it at /tmp in every container');
        }
        tmpVolume = kplus.Volume.fromEmptyDir(scope, 'TmpVolume', 'tmp');
      }
      mounts.push({ path: '/tmp', volume: tmpVolume });
    }

    return {
      ...kplusProps, name, envVariables, securityContext, volumeMounts: mounts,
      imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
    };
  };

  if (podSecurity.user === 0 && (podSecurity.ensureNonRoot ?? true)) {
    throw new ValidationError(scope, 'securityContext.user', 'must not be 0 while `ensureNonRoot` is true', 0,
      'the kubelet refuses to start containers whose runAsUser breaks runAsNonRoot');
  }
  // Unnamed containers: 'main' (the cdk8s-plus default) for the first, 'main-<i>' after it.
  const containers = options.containers.map((c, i) => prepare(c, `containers[${i}]`, i === 0 ? 'main' : `main-${i}`));
  const inits = initContainers.map((c, i) => prepare(c, `initContainers[${i}]`, `init-${i}`));

  // --- Pod failure policy (validation.go validatePodFailurePolicy*) ---
  const podFailurePolicy = options.podFailurePolicy === undefined ? undefined
    : renderPodFailurePolicy(scope, options.podFailurePolicy, restartPolicy, containerNames);

  // --- The workload ---
  const workload = target.create({
    containers,
    initContainers: inits.length > 0 ? inits : undefined,
    volumes: options.volumes,
    restartPolicy: restartPolicy === JobRestartPolicy.NEVER ? kplus.RestartPolicy.NEVER : kplus.RestartPolicy.ON_FAILURE,
    securityContext: podSecurity,
    serviceAccount: options.serviceAccount,
    automountServiceAccountToken: options.automountServiceAccountToken ?? false,
    terminationGracePeriod: terminationGracePeriodSeconds === undefined ? undefined : Duration.seconds(terminationGracePeriodSeconds),
    backoffLimit,
    activeDeadline: activeDeadlineSeconds === undefined ? undefined : Duration.seconds(activeDeadlineSeconds),
  });
  const apiObject = ApiObject.of(workload);
  target.checkName(apiObject.name);

  // Probes are part of our container props, and legal on a Job's regular containers (a liveness
  // probe restarts or fails a hung worker; readiness feeds the Job's `status.ready`), so they get
  // NodeAgent's checks: whole-second timings and a TCP/HTTP port the container declares.
  workload.containers.forEach((container, i) => checkContainerProbes(scope, `containers[${i}]`, container, options.containers[i]));

  // Indexed pods get hostname `<job>-<index>`, which must be a DNS-1123 label; a longer or dotted
  // Job name is accepted but its pods can never be created (ValidateJob in newer versions checks
  // it at create time; not confirmed for 1.27, so we check it here).
  if (completionMode === CompletionMode.INDEXED && options.completions !== undefined && options.completions > 0) {
    const hostname = `${target.indexedJobName(apiObject.name)}-${options.completions - 1}`;
    if (!isDns1123Label(hostname)) {
      throw new ValidationError(scope, 'metadata.name', `must leave room for the Indexed pod hostname "<${target.indexedJobNameDescription}>-<index>" (a DNS-1123 label of at most 63 characters)`,
        hostname, 'shorten the name, drop dots from it, or lower `completions`');
    }
  }

  // cdk8s-plus-27's Job/CronJob do not model these JobSpec fields: patch them in (the typed L1
  // converter keeps them because they exist in the 1.27 JobSpec; the tests assert the YAML).
  const spec = target.jobSpecPath;
  const patches: JsonPatch[] = [
    seccompRuntimeDefault(`${spec}/template/spec`),
  ];
  if (options.completions !== undefined) patches.push(JsonPatch.add(`${spec}/completions`, options.completions));
  if (options.parallelism !== undefined) patches.push(JsonPatch.add(`${spec}/parallelism`, options.parallelism));
  if (options.completionMode !== undefined) patches.push(JsonPatch.add(`${spec}/completionMode`, completionMode));
  if (podFailurePolicy !== undefined) patches.push(JsonPatch.add(`${spec}/podFailurePolicy`, podFailurePolicy));
  apiObject.addJsonPatch(...patches);

  return { workload, apiObject, restartPolicy, backoffLimit, completionMode };
}

function checkEnvName(scope: Construct, prop: string, name: string): void {
  if (!isEnvVarName(name)) {
    throw new ValidationError(scope, prop, ENV_VAR_NAME_RULE, name);
  }
}

function renderPodFailurePolicy(
  scope: Construct,
  rules: PodFailurePolicyRule[],
  restartPolicy: JobRestartPolicy,
  containerNames: Set<string>,
): { rules: unknown[] } {
  if (restartPolicy !== JobRestartPolicy.NEVER) {
    throw new ValidationError(scope, 'podFailurePolicy', 'requires `restartPolicy: JobRestartPolicy.NEVER`', `restartPolicy ${restartPolicy}`,
      'the API server accepts only "Never" with a pod failure policy; with OnFailure the container restarts in place and the pod never fails');
  }
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new ValidationError(scope, 'podFailurePolicy', 'must list at least one rule', rules, 'omit `podFailurePolicy` to count every failure');
  }
  if (rules.length > 20) {
    throw new ValidationError(scope, 'podFailurePolicy', 'must have at most 20 rules', `${rules.length} rules`);
  }
  return {
    rules: rules.map((rule, i) => {
      const prop = `podFailurePolicy[${i}]`;
      if (!Object.values(PodFailurePolicyAction).includes(rule.action)) {
        throw new ValidationError(scope, `${prop}.action`, 'must be FailJob, Ignore or Count (FailIndex arrives in 1.28)', rule.action);
      }
      const hasExitCodes = rule.onExitCodes !== undefined;
      const hasConditions = rule.onPodConditions !== undefined;
      if (hasExitCodes === hasConditions) {
        throw new ValidationError(scope, prop, 'must set exactly one of `onExitCodes` and `onPodConditions`',
          hasExitCodes ? 'both' : 'neither', 'split a rule that needs both into two rules');
      }
      if (rule.onExitCodes) {
        const req = rule.onExitCodes;
        if (!Object.values(ExitCodeOperator).includes(req.operator)) {
          throw new ValidationError(scope, `${prop}.onExitCodes.operator`, 'must be In or NotIn', req.operator);
        }
        if (req.containerName !== undefined && !containerNames.has(req.containerName)) {
          throw new ValidationError(scope, `${prop}.onExitCodes.containerName`, 'must be one of the container or init container names of the template',
            req.containerName, `the names are ${[...containerNames].map((n) => `"${n}"`).join(', ')}`);
        }
        if (!Array.isArray(req.values) || req.values.length === 0 || req.values.length > 255) {
          throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must list 1 to 255 exit codes', req.values);
        }
        const seen = new Set<number>();
        for (const code of req.values) {
          if (!Number.isInteger(code) || code < 0 || code > 255) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must contain exit codes between 0 and 255', code,
              'a Linux process exits with 0–255 (128+N after signal N); other values never match');
          }
          if (code === 0 && req.operator === ExitCodeOperator.IN) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must not contain 0 with the In operator', code,
              'the API server rejects it: exit code 0 is success, never a failure');
          }
          if (seen.has(code)) {
            throw new ValidationError(scope, `${prop}.onExitCodes.values`, 'must not repeat an exit code', code);
          }
          seen.add(code);
        }
        return {
          action: rule.action,
          // The 1.27 OpenAPI schema (kubernetes-models 4.3.1) lists onPodConditions as required in
          // every rule, so strict clients reject a rule without it; validatePodFailurePolicyRule
          // only requires it to be empty next to onExitCodes.
          onPodConditions: [],
          onExitCodes: {
            ...(req.containerName !== undefined ? { containerName: req.containerName } : {}),
            operator: req.operator,
            // The API server requires ascending order; order carries no meaning, so sort for the user.
            values: [...req.values].sort((a, b) => a - b),
          },
        };
      }
      const patterns = rule.onPodConditions!;
      if (!Array.isArray(patterns) || patterns.length === 0 || patterns.length > 20) {
        throw new ValidationError(scope, `${prop}.onPodConditions`, 'must list 1 to 20 condition patterns', patterns);
      }
      return {
        action: rule.action,
        onPodConditions: patterns.map((p, j) => {
          const typeName = p.type instanceof PodConditionType ? p.type.name : (p.type as unknown);
          if (typeof typeName !== 'string' || !isQualifiedName(typeName)) {
            throw new ValidationError(scope, `${prop}.onPodConditions[${j}].type`, 'must be a qualified name such as "DisruptionTarget"', typeName);
          }
          const status = p.status ?? PodConditionStatus.TRUE;
          if (!Object.values(PodConditionStatus).includes(status)) {
            throw new ValidationError(scope, `${prop}.onPodConditions[${j}].status`, 'must be True, False or Unknown', status);
          }
          return { type: typeName, status };
        }),
      };
    }),
  };
}
