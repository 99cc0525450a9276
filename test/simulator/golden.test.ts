/**
 * Golden traces (kwok testdata style): each `golden/<case>.input.yaml` (manifests) +
 * `<case>.scenario.yaml` must produce exactly `<case>.trace.jsonl` (one event per line). A change in
 * behaviour shows up as a diff; regenerate deliberately with `UPDATE_GOLDEN=1 npx jest test/simulator/golden.test.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { simulate } from '../../lib/simulator';

const dir = path.join(__dirname, 'golden');
const cases = fs.readdirSync(dir).filter((f) => f.endsWith('.input.yaml')).map((f) => f.slice(0, -'.input.yaml'.length)).sort();

test('there are golden cases', () => {
  expect(cases).toEqual(expect.arrayContaining(['long-name', 'parallel-disruptions', 'retention-delete', 'seed-000-canary', 'seed-001-web', 'seed-004-scale']));
});

test.each(cases)('%s', (name) => {
  const result = simulate(path.join(dir, `${name}.input.yaml`), path.join(dir, `${name}.scenario.yaml`));
  const trace = result.simulation.trace.toJsonLines();
  const file = path.join(dir, `${name}.trace.jsonl`);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, trace);
  expect(trace).toBe(fs.readFileSync(file, 'utf8'));
});
