/**
 * Kubernetes versions the simulator and `validate` know: every minor from 1.27 (the constructs'
 * API level, cdk8s-plus-27) to 1.37, each with an API schema generated from npm packages
 * (lib/apiserver/schemas/ says which package each minor's schema comes from; 1.31, 1.35 and 1.37
 * are derived from @pulumi/kubernetes' additions, lib/apiserver/schema.ts).
 *
 * A version is a minor, optionally with a patch (`1.35.4`): feature-gate defaults change within
 * a minor where upstream backported a change (MaxUnavailableStatefulSet in 1.35.4, kubernetes#137409).
 */

/** A Kubernetes version: `1.<minor>` or `1.<minor>.<patch>`. */
export interface KubernetesVersion {
  /** The minor, e.g. 36 for 1.36. */
  readonly minor: number;
  /** The patch when given (`1.35.4` → 4). @default - the newest patch of the minor */
  readonly patch?: number;
}

/** The minors admission and the controllers model, oldest first. */
export const SUPPORTED_MINORS: readonly number[] = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37];

/** The default: 1.27, the level of the constructs' output (cdk8s-plus-27). */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = { minor: 27 };

/** A version string that is malformed or names a minor this package does not model. */
export class KubernetesVersionError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'KubernetesVersionError';
  }
}

/** `1.27, 1.28, …` for messages. */
export function supportedVersionsText(): string {
  return SUPPORTED_MINORS.map((m) => `1.${m}`).join(', ');
}

/**
 * Parses `1.36`, `v1.36`, `1.35.4` or `v1.35.4`.
 *
 * @throws KubernetesVersionError naming the supported minors when the text is malformed or the minor unsupported
 */
export function parseKubernetesVersion(text: string): KubernetesVersion {
  const m = /^v?1\.(\d{1,3})(?:\.(\d{1,4}))?$/.exec(String(text).trim());
  if (!m) {
    throw new KubernetesVersionError(`Kubernetes version ${JSON.stringify(text)} is not of the form 1.<minor> or 1.<minor>.<patch>; supported: ${supportedVersionsText()}`);
  }
  const minor = Number(m[1]);
  if (!SUPPORTED_MINORS.includes(minor)) {
    throw new KubernetesVersionError(`Kubernetes 1.${minor} is not supported; supported: ${supportedVersionsText()}`);
  }
  return m[2] === undefined ? { minor } : { minor, patch: Number(m[2]) };
}

/** `1.36` or `1.35.4`. */
export function formatKubernetesVersion(v: KubernetesVersion): string {
  return v.patch === undefined ? `1.${v.minor}` : `1.${v.minor}.${v.patch}`;
}

/** Whether `v` is at least 1.`minor`(.`patch`); a version without a patch counts as its newest patch. */
export function atLeast(v: KubernetesVersion, minor: number, patch = 0): boolean {
  if (v.minor !== minor) return v.minor > minor;
  return v.patch === undefined || v.patch >= patch;
}
