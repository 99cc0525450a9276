/**
 * Every vendored Kubernetes website example (test/fixtures/website/) loads at each supported minor
 * whose schema has all of its fields, and is rejected before that with the "added in" message.
 */
import * as path from 'path';
import { loadManifests } from '../../../lib/apiserver/load-manifests';
import { featureGatesFor } from '../../../lib/versions/feature-gates';
import { SUPPORTED_MINORS } from '../../../lib/versions/kubernetes-version';

const dir = path.join(__dirname, '..', '..', 'fixtures', 'website');

/** Fixture → the first supported minor whose schema has every field it uses (upstream: the KEP / release). */
const FIRST_MINOR: ReadonlyArray<readonly [string, number, string]> = [
  ['controllers--job.yaml', 27, ''],
  ['controllers--statefulset.yaml', 27, ''],
  ['controllers--daemonset.yaml', 27, ''],
  ['pods--init-containers.yaml', 27, ''],
  ['pods--probe--exec-liveness.yaml', 27, ''],
  ['pods--pod-with-scheduling-gates.yaml', 27, ''], // KEP-3521 schedulingGates, 1.26
  ['pods--resource--pod-resize.yaml', 27, ''], // KEP-1287 resizePolicy, 1.27
  ['controllers--job-backoff-limit-per-index-example.yaml', 28, 'added in 1.28'], // KEP-3850, 1.28
  ['application--job--job-sidecar.yaml', 28, 'added in 1.28'], // KEP-753 sidecar restartPolicy, 1.28
  ['controllers--job-success-policy.yaml', 30, 'added in 1.30'], // KEP-3998, 1.30
  ['pods--image-volumes.yaml', 31, 'added in 1.31'], // KEP-4639 image volumes, alpha 1.31
  ['pods--resource--pod-level-resources.yaml', 32, 'added in 1.32'], // KEP-2837 pod-level resources, alpha 1.32
];

describe.each(FIRST_MINOR)('%s', (file, first, hint) => {
  test.each(SUPPORTED_MINORS.filter((m) => m >= first).map((m) => [m]))('loads at 1.%i', (minor) => {
    const r = loadManifests(path.join(dir, file), { featureGates: featureGatesFor({ minor }) });
    expect(r.issues).toEqual([]);
    expect(r.objects.length).toBeGreaterThan(0);
  });
  const before = SUPPORTED_MINORS.filter((m) => m < first);
  if (before.length > 0) {
    test.each(before.map((m) => [m]))('fails at 1.%i, naming the version that added the field', (minor) => {
      const r = loadManifests(path.join(dir, file), { featureGates: featureGatesFor({ minor }) });
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) {
        expect(i.code).toBe('UNKNOWN_FIELD');
        expect(i.message).toContain(`field not declared in Kubernetes 1.${minor}'s schema; it was ${hint}`);
      }
    });
  }
});
