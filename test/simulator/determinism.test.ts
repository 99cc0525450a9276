/**
 * Same inputs + seed ⇒ byte-identical JSON (DESIGN.md "Simulator — contracts"). Every source of
 * variation goes through the seeded generator: generated names here.
 */
import * as path from 'path';
import { simulate } from '../../lib/simulator';

const golden = (name: string) => path.join(__dirname, 'golden', name);
const generated = `
apiVersion: v1
kind: Pod
metadata: { generateName: probe- }
spec: { restartPolicy: Never, containers: [{ name: p, image: busybox }] }
---
apiVersion: v1
kind: Pod
metadata: { generateName: probe- }
spec: { restartPolicy: Never, containers: [{ name: p, image: busybox }] }
`;

test.each(['parallel-disruptions', 'retention-delete', 'seed-000-canary', 'seed-004-scale'])('%s twice gives identical JSON', (name) => {
  const run = () => simulate(golden(`${name}.input.yaml`), golden(`${name}.scenario.yaml`)).toJson();
  const first = run();
  expect(run()).toBe(first);
  expect(first.length).toBeGreaterThan(1000);
});

test('generated names follow the seed: same seed same names, another seed other names', () => {
  const names = (seed: number) => simulate(generated, `seed: ${seed}\nuntil: 1m`).report.pods.map((p) => p.name);
  expect(names(1)).toEqual(names(1));
  expect(names(1)).not.toEqual(names(2));
  expect(names(1).every((n) => /^probe-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toBe(true);
});

test('the text report is deterministic too', () => {
  const run = () => simulate(golden('seed-001-web.input.yaml'), golden('seed-001-web.scenario.yaml')).toText();
  expect(run()).toBe(run());
});
