/**
 * The upstream battery: every case ported from the Kubernetes 1.27 validation tests
 * (`pkg/apis/{core,apps,batch}/validation/validation_test.go`) run through `validate()` (create) or
 * `validateUpdate()` (update); each must agree with the upstream verdict (accepted, or rejected at
 * the upstream field path). The agreement count is printed at the end (README.md records it).
 */
import { APPS_CASES } from './apps.cases';
import { BATCH_CASES } from './batch.cases';
import { agrees, run, UpstreamCase } from './harness';
import { POD_CASES } from './pod.cases';
import { SERVICE_CLAIM_CASES } from './service-claim.cases';

const GROUPS: Record<string, readonly UpstreamCase[]> = { core: [...POD_CASES, ...SERVICE_CLAIM_CASES], apps: APPS_CASES, batch: BATCH_CASES };
const ALL = Object.values(GROUPS).flat();
const results = new Map<UpstreamCase, boolean>();

describe.each(Object.entries(GROUPS))('%s', (_group, cases) => {
  test.each(cases.map((c) => [`${c.update ? 'update' : 'create'} ${c.upstream} → ${c.expect}`, c] as const))('%s', (_name, c) => {
    const verdict = run(c);
    const ok = agrees(c, verdict);
    results.set(c, ok);
    if (!ok) {
      const got = verdict.accepted ? 'accepted' : `rejected: ${verdict.errors.map((e) => `${e.path} (${e.message})`).join(' | ')}`;
      throw new Error(`upstream says ${c.expect === 'accept' ? 'accept' : `reject at ${c.expect}`}, got ${got}`);
    }
  });
});

test('the battery has at least 200 cases, create and update, and every case agrees', () => {
  const updates = ALL.filter((c) => c.update).length;
  const agreeing = [...results.values()].filter(Boolean).length;
  process.stderr.write(`upstream battery: ${agreeing}/${ALL.length} agree (${ALL.length - updates} create, ${updates} update)\n`);
  expect(ALL.length).toBeGreaterThanOrEqual(200);
  expect(updates).toBeGreaterThanOrEqual(40);
  expect(agreeing).toBe(ALL.length);
});
