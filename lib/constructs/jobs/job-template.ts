/**
 * The job template shared by `BatchJob` (a Job) and `ScheduledJob` (a CronJob's `jobTemplate`):
 * `applyJobTemplate`, the one function that validates the options both constructs' props extend,
 * builds the cdk8s-plus-27 workload and patches in what cdk8s-plus-27 lacks. The option types are
 * in job-template-options.ts and pod-failure-policy-options.ts, the shared checks in
 * job-template-validation.ts, the pod failure policy in pod-failure-policy.ts.
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
  checkContainerProbes, checkContainerResources, CONFIG_KEY_SYNTAX, isConfigKey, isDns1123Label, isDns1123Subdomain, wholeSeconds,
} from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import { CompletionMode, CONTAINER_PROP_KEYS, JobContainerProps, JobRestartPolicy, JobTemplateOptions } from './job-template-options';
import { checkCount, checkEnvName, CREDENTIAL_NAME, rejectUnknownProps } from './job-template-validation';
import { renderPodFailurePolicy } from './pod-failure-policy';

/** Pod-level security defaults (PSS restricted needs runAsNonRoot; a UID makes it runnable for images whose USER is root). */
const DEFAULT_POD_SECURITY: kplus.PodSecurityContextProps = { user: 1000, group: 1000, fsGroup: 1000, ensureNonRoot: true };

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
