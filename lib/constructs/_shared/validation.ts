/**
 * Internal checks shared by every construct (StatefulDatabase, NodeAgent, BatchJob,
 * ScheduledJob), so that each applies a Kubernetes rule the same way and in the same words. Each
 * mirrors an API-server rule (or a cdk8s-plus-27 rendering limit); the source is cited next to it
 * (paths are inside kubernetes/kubernetes unless noted). The `is…` predicates return booleans and
 * come with the rule sentence (`…_RULE` / `…_SYNTAX`) the constructs throw; the `check…`,
 * `wholeSeconds` and unknown-prop helpers throw the `ValidationError` themselves.
 *
 * @internal
 */
import { Duration, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

/** The largest value of an int32 API field (replicas, UIDs, history limits, …). */
export const INT32_MAX = 2147483647;

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
/** The name part of a qualified name, and a label value: alphanumeric at both ends. */
const QUALIFIED_NAME_PART_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * `IsDNS1123Label`: lowercase alphanumerics and '-', alphanumeric at both ends, 1 to 63 characters
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go). Container, port-less
 * volume and StatefulSet names; also pod host names.
 */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL_RE.test(value);
}

/**
 * `IsDNS1123Subdomain`: dot-separated DNS-1123 labels, 1 to 253 characters in all (same file).
 * The rule for most object names (Secrets, claims, StorageClasses, DaemonSets, Jobs, CronJobs,
 * ServiceAccounts, ClusterRoles, PriorityClasses) and for label-key prefixes. Callers whose
 * object name ends up in a label value or a host name add their own, shorter bound (e.g. 63 for
 * a Job, 52 for a CronJob or StatefulSet), citing why.
 */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN_RE.test(value);
}

/**
 * `IsDNS1035Label`: like a DNS-1123 label but starting with a letter. Service names must be
 * DNS-1035 labels (pkg/apis/core/validation/validation.go `ValidateServiceName`).
 */
export function isDns1035Label(value: string): boolean {
  return value.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value);
}

/**
 * `IsQualifiedName`, the rule for label and annotation keys, taint/toleration and node-affinity
 * keys and pod condition types: an optional DNS-1123-subdomain prefix and '/', then a name of 1 to
 * 63 alphanumerics, '-', '_' and '.', alphanumeric at both ends (same file as `IsDNS1123Label`).
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  // A second '/' lands in the prefix, which is then no subdomain.
  if (prefix !== undefined && (prefix.length === 0 || !isDns1123Subdomain(prefix))) return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED_NAME_PART_RE.test(name);
}

/** `IsValidLabelValue`: empty, or at most 63 characters of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME_PART_RE.test(value));
}

/**
 * `IsValidPortName` (IANA_SVC_NAME): at most 15 lowercase alphanumerics and '-', at least one
 * letter, no leading, trailing or doubled '-'.
 */
export function isPortName(value: string): boolean {
  return value.length >= 1 && value.length <= 15 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && /[a-z]/.test(value);
}

/**
 * `IsEnvVarName` (same file as {@link isConfigKey}; `validateEnv` in
 * pkg/apis/core/validation/validation.go applies it to every `env[].name` in 1.27): letters,
 * digits, '-', '.' and '_', not starting with a digit, and not '.', '..' or a name starting with
 * '..' (`hasChDirPrefix`).
 */
export function isEnvVarName(value: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value) && !hasChDirPrefix(value);
}

/** The sentence every construct throws for a name {@link isEnvVarName} rejects. */
export const ENV_VAR_NAME_RULE = 'must be an environment variable name (letters, digits, "_", "-" and ".", not starting with a digit, and not ".", ".." or starting with "..")';

/**
 * `hasChDirPrefix` (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go): the name
 * is '.', '..' or starts with '..'. `IsConfigMapKey` and `IsEnvVarName` both reject such names
 * (a Secret or ConfigMap key becomes a file name in a volume).
 */
function hasChDirPrefix(value: string): boolean {
  return value === '.' || value.startsWith('..');
}

/**
 * `IsConfigMapKey` (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go), also the
 * rule for Secret keys (`validateSecretKeySelector` in pkg/apis/core/validation/validation.go):
 * at most 253 (`DNS1123SubdomainMaxLength`) characters matching `[-._a-zA-Z0-9]+`, and not
 * '.', '..' or a key starting with '..' (`hasChDirPrefix`). Go's `len` counts bytes, which is
 * the character count here because the pattern admits ASCII only.
 */
export function isConfigKey(value: string): boolean {
  return value.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(value) && !hasChDirPrefix(value);
}

/** How every construct's messages spell out {@link isConfigKey}. */
export const CONFIG_KEY_SYNTAX = 'at most 253 letters, digits, "-", "_" and ".", and not ".", ".." or starting with ".."';

/** A TCP/UDP port number, 1–65535 (`IsValidPortNum`). */
export function isPortNumber(value: number): boolean {
  return isIntegerIn(value, 1, 65535);
}

/** Whether `value` is an integer in [min, max]. */
export function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * A Linux absolute path without `..` segments. The API server rejects `..` in hostPath paths
 * (`validatePathNoBacksteps` in pkg/apis/core/validation/validation.go); a relative path is
 * resolved against the kubelet's working directory, which is never what an agent means.
 */
export function isAbsolutePathWithoutBacksteps(path: string): boolean {
  return path.startsWith('/') && !path.split('/').includes('..') && !/[\0]/.test(path);
}

/**
 * The whole number of seconds in `value`, or `undefined` when it has a fractional second or is
 * no Duration (a JavaScript caller's number or string). The Kubernetes fields Durations feed
 * (`terminationGracePeriodSeconds`, `minReadySeconds`, `activeDeadlineSeconds`,
 * `tolerationSeconds`, probe `periodSeconds`, …) are integers. Read through
 * `toMilliseconds({ integral: false })`, which never throws: cdk8s's default conversions throw a
 * bare `Error` ("0.5 must be a whole number of millis.") for fractions, naming no prop.
 */
export function durationSeconds(value: Duration): number | undefined {
  if (typeof (value as Partial<Duration> | undefined)?.toMilliseconds !== 'function') return undefined;
  const seconds = value.toMilliseconds({ integral: false }) / 1000;
  return Number.isInteger(seconds) ? seconds : undefined;
}

/**
 * {@link durationSeconds} for a construct prop: the whole seconds, or a `ValidationError` on
 * `prop` worded the same for every construct ("must be a whole number of seconds", "must be at
 * least N seconds", "must be at most N seconds"). cdk8s Durations cannot be negative, so `min`
 * defaults to 0; `why` explains a larger `min` to the user.
 */
export function wholeSeconds(scope: IConstruct, prop: string, value: Duration, options: { readonly min?: number; readonly max?: number; readonly why?: string } = {}): number {
  const seconds = durationSeconds(value);
  if (seconds === undefined) {
    throw new ValidationError(scope, prop, 'must be a whole number of seconds', describeDuration(value),
      'Kubernetes stores this field as an integer number of seconds; pass e.g. Duration.seconds(30)');
  }
  const min = options.min ?? 0;
  if (seconds < min) {
    throw new ValidationError(scope, prop, `must be at least ${min} ${min === 1 ? 'second' : 'seconds'}`, `${seconds} seconds`, options.why);
  }
  if (options.max !== undefined && seconds > options.max) {
    throw new ValidationError(scope, prop, `must be at most ${options.max} seconds`, `${seconds} seconds`);
  }
  return seconds;
}

/** A Duration as a user wrote it ("1 second 500 millis"), or the raw value of a non-Duration. */
function describeDuration(value: unknown): unknown {
  try {
    return (value as Duration).toHumanString();
  } catch {
    return value;
  }
}

/** Multipliers of the binary and decimal SI suffixes of a resource.Quantity. */
const SUFFIXES: Record<string, number> = {
  'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
  'n': 1e-9, 'u': 1e-6, 'm': 1e-3, '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
};

/**
 * Parses a Kubernetes `resource.Quantity` string and returns its value in base units (bytes for
 * storage), or `undefined` when the API server would reject it.
 *
 * Grammar (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go):
 * `<signedNumber><suffix>` where the number is `<digits>`, `<digits>.<digits>`, `<digits>.` or
 * `.<digits>`; the suffix is a binary SI suffix (Ki … Ei), a decimal SI suffix (n, u, m, "", k,
 * M, G, T, P, E) or a decimal exponent (`e`/`E` followed by a signed integer). Suffixes are case
 * sensitive: `1gi`, `1GB` and `1 Gi` are rejected.
 */
export function parseQuantity(value: string): number | undefined {
  const m = /^([+-]?)(\d+\.?\d*|\.\d+)(?:([KMGTPE]i|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(value);
  if (!m) return undefined;
  const [, sign, digits, suffix, exponent] = m;
  const magnitude = Number(digits) * (exponent !== undefined ? 10 ** Number(exponent) : SUFFIXES[suffix ?? '']);
  return sign === '-' ? -magnitude : magnitude;
}

/** A hint for the common ways a quantity is misspelled (`10GB`, `10gi`, `10 Gi`). */
export function quantityHint(value: string): string {
  const trimmed = value.replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)([a-zA-Z]+)$/.exec(trimmed);
  if (m) {
    const [, n, unit] = m;
    const binary: Record<string, string> = { ki: 'Ki', kib: 'Ki', mi: 'Mi', mib: 'Mi', gi: 'Gi', gib: 'Gi', ti: 'Ti', tib: 'Ti', pi: 'Pi', pib: 'Pi' };
    const decimal: Record<string, string> = { kb: 'k', mb: 'M', gb: 'G', tb: 'T', pb: 'P', g: 'G', t: 'T', p: 'P' };
    const lower = unit.toLowerCase();
    if (binary[lower]) return `write "${n}${binary[lower]}" (binary, 2^30 for Gi) or "${n}${lower.startsWith('k') ? 'k' : lower[0].toUpperCase()}" (decimal, 10^9 for G); suffixes are case sensitive`;
    if (decimal[lower]) return `write "${n}${decimal[lower]}" (decimal) or "${n}${decimal[lower] === 'k' ? 'Ki' : `${decimal[lower]}i`}" (binary); suffixes are case sensitive and take no "B"`;
  }
  return 'use a Kubernetes quantity such as "10Gi" (binary) or "1G" (decimal), or pass a cdk8s Size';
}

/**
 * The resource checks every construct applies to a container's cdk8s-plus-27 `resources`, each
 * throwing a `ValidationError` on the offending field (`<prop>.cpu.request`, …):
 *
 * - CPU request and limit must be non-negative quantities (the API server rejects negative ones,
 *   `ValidateResourceQuantityValue` in pkg/apis/core/validation/validation.go);
 * - memory must be whole MiB and ephemeral storage whole GiB: cdk8s-plus-27 writes these fields
 *   in those units (`Size.toMebibytes()` / `toGibibytes()`) and throws a bare error at synthesis
 *   for anything else;
 * - a request must not exceed its limit (`ValidateResourceRequirements`, same file: "must be less
 *   than or equal to <resource> limit"). A limit alone is fine: the API server defaults the
 *   request to it.
 */
export function checkContainerResources(scope: IConstruct, prop: string, resources: kplus.ContainerResources): void {
  const cpu = (which: 'request' | 'limit'): number | undefined => {
    const amount = resources.cpu?.[which]?.amount;
    if (amount === undefined) return undefined;
    const value = typeof amount === 'string' ? parseQuantity(amount) : undefined;
    if (value === undefined || value < 0) {
      throw new ValidationError(scope, `${prop}.cpu.${which}`, 'must be a non-negative CPU quantity', amount, 'use Cpu.millis(250) or Cpu.units(1)');
    }
    return value;
  };
  const size = (kind: 'memory' | 'ephemeralStorage', which: 'request' | 'limit'): number | undefined => {
    const value = resources[kind]?.[which];
    if (value === undefined) return undefined;
    const rounding = { rounding: SizeRoundingBehavior.NONE };
    const units = kind === 'memory' ? value.toMebibytes(rounding) : value.toGibibytes(rounding);
    if (!Number.isInteger(units)) {
      const unit = kind === 'memory' ? 'Mi' : 'Gi';
      throw new ValidationError(scope, `${prop}.${kind}.${which}`, `must be a whole number of ${unit}B`, value.asString(),
        `cdk8s-plus-27 writes this field in ${unit} and cannot express fractions`);
    }
    return value.toKibibytes(rounding);
  };
  const pairs: Array<[string, number | undefined, number | undefined, string | undefined, string | undefined]> = [
    ['cpu', cpu('request'), cpu('limit'), resources.cpu?.request?.amount, resources.cpu?.limit?.amount],
    ['memory', size('memory', 'request'), size('memory', 'limit'), resources.memory?.request?.asString(), resources.memory?.limit?.asString()],
    ['ephemeralStorage', size('ephemeralStorage', 'request'), size('ephemeralStorage', 'limit'),
      resources.ephemeralStorage?.request?.asString(), resources.ephemeralStorage?.limit?.asString()],
  ];
  for (const [kind, request, limit, requestText, limitText] of pairs) {
    if (request !== undefined && limit !== undefined && request > limit) {
      throw new ValidationError(scope, `${prop}.${kind}.request`, `must be less than or equal to the ${kind} limit`, requestText,
        `the limit is ${limitText}; the API server rejects a request above its limit`);
    }
  }
}

/** Which check a probe serves; liveness and startup probes must have `successThreshold` 1. */
export type ProbeRole = 'readiness' | 'liveness' | 'startup';

/** A probe's timing, whatever the construct calls the fields. */
export interface ProbeTimingSettings {
  /** Delay before the first probe. */
  readonly initialDelay?: Duration;
  /** Time between probes. */
  readonly period?: Duration;
  /** Time one probe may take. */
  readonly timeout?: Duration;
  /** Consecutive failures that count as failure. */
  readonly failureThreshold?: number;
  /** Consecutive successes that count as success. */
  readonly successThreshold?: number;
}

/**
 * The probe timing checks every construct applies, on `<prop>.<field>` where `fields` names the
 * Duration fields as the caller's API spells them. `validateProbe` in
 * pkg/apis/core/validation/validation.go rejects negative values and a `successThreshold` other
 * than 1 for liveness and startup probes; `SetDefaults_Probe` (pkg/apis/core/v1/defaults.go)
 * silently replaces a period, timeout or failure threshold of 0 with its default (10 s, 1 s, 3),
 * so those must be at least 1 here. Durations must be whole seconds (see {@link wholeSeconds}).
 */
export function checkProbeTiming(
  scope: IConstruct, prop: string, timing: ProbeTimingSettings, role: ProbeRole,
  fields: { readonly initialDelay: string; readonly period: string; readonly timeout: string } = { initialDelay: 'initialDelay', period: 'period', timeout: 'timeout' },
): void {
  const zeroIsDefault = 'the API server would silently replace 0 with its default';
  if (timing.initialDelay !== undefined) wholeSeconds(scope, `${prop}.${fields.initialDelay}`, timing.initialDelay);
  if (timing.period !== undefined) wholeSeconds(scope, `${prop}.${fields.period}`, timing.period, { min: 1, why: zeroIsDefault });
  if (timing.timeout !== undefined) wholeSeconds(scope, `${prop}.${fields.timeout}`, timing.timeout, { min: 1, why: zeroIsDefault });
  if (timing.failureThreshold !== undefined && !isIntegerIn(timing.failureThreshold, 1, INT32_MAX)) {
    throw new ValidationError(scope, `${prop}.failureThreshold`, 'must be an integer of at least 1', timing.failureThreshold, 'the API server turns 0 into 3 silently');
  }
  if (timing.successThreshold !== undefined) {
    if (!isIntegerIn(timing.successThreshold, 1, INT32_MAX)) {
      throw new ValidationError(scope, `${prop}.successThreshold`, 'must be an integer of at least 1', timing.successThreshold);
    }
    if (role !== 'readiness' && timing.successThreshold !== 1) {
      throw new ValidationError(scope, `${prop}.successThreshold`, 'must be 1 for liveness and startup probes (the API server rejects other values)', timing.successThreshold);
    }
  }
}

/**
 * Throws on `prop` (a probe's `port`) when a TCP or HTTP probe targets a port the container does
 * not expose: such a probe fails forever, so the pod never becomes ready, or (liveness) the
 * container is restarted in a loop. `fix` says how to fix it in the caller's API.
 */
export function checkProbePort(scope: IConstruct, prop: string, port: number | string, exposed: readonly number[], fix: string): void {
  if (typeof port === 'number' && exposed.includes(port)) return;
  throw new ValidationError(scope, prop, `must be a port the container exposes (${exposed.length > 0 ? exposed.join(', ') : 'it exposes none'})`, port, fix);
}

/**
 * The probe checks for a cdk8s-plus-27 container (NodeAgent, the job template): the timing rules
 * of {@link checkProbeTiming} on `<prop>.<role>.initialDelaySeconds` etc., then the port rule of
 * {@link checkProbePort} on the rendered probe (cdk8s-plus-27 probes the container's first port,
 * or port 80, when the probe names none). Rendering errors cdk8s-plus-27 would raise at synthesis
 * are raised here, with the prop.
 */
export function checkContainerProbes(
  scope: IConstruct, prop: string, container: kplus.Container,
  probes: { readonly readiness?: kplus.Probe; readonly liveness?: kplus.Probe; readonly startup?: kplus.Probe },
): void {
  const exposed = container.ports.map((p) => p.number);
  for (const role of ['readiness', 'liveness', 'startup'] as const) {
    const probe = probes[role];
    if (probe === undefined) continue;
    // cdk8s-plus-27 keeps the options in a private field; read them when present to check the
    // timing in the same words as StatefulDatabase's probes. Rendering below still catches the rest.
    const options = (probe as unknown as { readonly probeOptions?: kplus.ProbeOptions }).probeOptions;
    if (options !== undefined) {
      checkProbeTiming(scope, `${prop}.${role}`, {
        initialDelay: options.initialDelaySeconds, period: options.periodSeconds, timeout: options.timeoutSeconds,
        failureThreshold: options.failureThreshold, successThreshold: options.successThreshold,
      }, role, { initialDelay: 'initialDelaySeconds', period: 'periodSeconds', timeout: 'timeoutSeconds' });
    }
    let rendered: kplus.k8s.Probe;
    try {
      rendered = probe._toKube(container);
    } catch (e) {
      throw new ValidationError(scope, `${prop}.${role}`, `cannot be rendered by cdk8s-plus-27 (${(e as Error).message})`, role);
    }
    const port = rendered.httpGet?.port.value ?? rendered.tcpSocket?.port.value;
    if (port !== undefined) {
      checkProbePort(scope, `${prop}.${role}.port`, port, exposed,
        'pass `port` to the Probe (cdk8s-plus-27 probes the first declared port, or 80, when none is given) or declare the port in `ports`');
    }
  }
}

/** The props a construct declares, as a key set (a `Record` over `keyof Props` keeps it complete). */
export type KnownProps = { readonly [key: string]: true };

/**
 * The first key of `obj` (with a defined value) that is not in `known`, and a hint for it:
 * `hints[key]` for a spelling users bring from Kubernetes YAML or cdk8s-plus, else the list of
 * known props. A prop a construct does not declare would otherwise be ignored without a word
 * (JavaScript callers, or object literals spread from elsewhere, get no compiler check).
 */
export function findUnknownProp(obj: object, known: KnownProps, hints: { readonly [key: string]: string }): { key: string; hint: string } | undefined {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined || known[key]) continue;
    return { key, hint: hints[key] ?? `the known props are ${Object.keys(known).map((k) => `\`${k}\``).join(', ')}` };
  }
  return undefined;
}

/**
 * Throws a `ValidationError` on `<pathPrefix><key>` with `rule` for the first unknown prop of `obj`
 * (see {@link findUnknownProp}). `pathPrefix` is '' for top-level props, else ends in '.'.
 */
export function rejectUnknownProp(
  scope: IConstruct, pathPrefix: string, obj: object, known: KnownProps, hints: { readonly [key: string]: string }, rule: string,
): void {
  const unknown = findUnknownProp(obj, known, hints);
  if (unknown) {
    throw new ValidationError(scope, `${pathPrefix}${unknown.key}`, rule, (obj as { [key: string]: unknown })[unknown.key], unknown.hint);
  }
}
