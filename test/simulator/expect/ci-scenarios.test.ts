/**
 * examples/ci/scenarios/<example>.yaml: the CI gates the workflow in examples/ci runs against
 * dist/<example>.k8s.yaml. Each must have an `expect:` block, and every check must pass against
 * the example's chart.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectSimulation } from '../../../lib';
import { parseScenario, simulate } from '../../../lib/simulator';
import { synthExample } from '../../helpers/examples';

const DIR = path.join(__dirname, '..', '..', '..', 'examples', 'ci', 'scenarios');
const names = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();

test('there are CI scenarios, each for an existing example chart', () => {
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const n of names) expect(fs.existsSync(path.join(__dirname, '..', '..', '..', 'examples', n, 'main.ts'))).toBe(true);
});

test.each(names)('%s: every expect: check passes on the example chart', (name) => {
  const file = path.join(DIR, `${name}.yaml`);
  expect(parseScenario(file).expect?.length).toBeGreaterThan(0);
  expectSimulation(simulate(synthExample(name), file)).toMeetScenarioExpectations();
});

test('fails when a gate is off by one (the gates are not vacuous)', () => {
  const text = fs.readFileSync(path.join(DIR, 'seed-003-daily-report.yaml'), 'utf8').replace('runs: 5,', 'runs: 4,');
  expect(() => expectSimulation(simulate(synthExample('seed-003-daily-report'), text)).toMeetScenarioExpectations())
    .toThrow(/✗ expect\[0\]\.cronJob: CronJob daily-report: 5 runs \(expected exactly 4\)/);
});
