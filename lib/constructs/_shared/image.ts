/**
 * Container image references: the check and the default pull policy every construct applies
 * (StatefulDatabase, NodeAgent, and BatchJob/ScheduledJob through the job template).
 *
 * @internal
 */
import * as kplus from 'cdk8s-plus-27';

/**
 * Whether `image` can be a container image reference: not empty and without white space (an image
 * reference has none, so a reference with white space can never be pulled).
 */
export function isImageReference(image: string): boolean {
  return image.length !== 0 && !/\s/.test(image);
}

/** How every construct words {@link isImageReference} in its `ValidationError`. */
export const IMAGE_REFERENCE_RULE = 'must be a non-empty image reference without whitespace';

/** The tag of an image reference, if it has one (`redis:7.2` → `7.2`; `host:5000/app` → none). */
export function imageTag(image: string): string | undefined {
  const noDigest = image.split('@')[0];
  const lastSegment = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon >= 0 ? lastSegment.slice(colon + 1) : undefined;
}

/**
 * Kubernetes' own default pull policy (`SetDefaults_Container` in pkg/apis/core/v1/defaults.go),
 * written out because cdk8s-plus-27 would otherwise write `Always`: `IfNotPresent` for a pinned
 * image (a tag other than `latest`, or a digest), `Always` for an untagged or `:latest` image.
 */
export function defaultPullPolicy(image: string): kplus.ImagePullPolicy {
  const tag = imageTag(image);
  return image.includes('@') || (tag !== undefined && tag !== 'latest') ? kplus.ImagePullPolicy.IF_NOT_PRESENT : kplus.ImagePullPolicy.ALWAYS;
}
