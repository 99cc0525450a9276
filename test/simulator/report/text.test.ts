import * as path from 'path';
import { simulate } from '../../../lib/simulator';
import { humanDuration } from '../../../lib/simulator/report/text';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

test('prints a kubectl-like timeline, then pods, claims and DNS at the end', () => {
  const text = simulate(fixture('seed-001-web.yaml'), fixture('seed-001.scenario.yaml')).toText();
  expect(text).toMatchSnapshot();
  expect(text.split('\n')[2]).toMatch(/^TIME\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
  expect(text).toContain('+0s    Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful');
  expect(text).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\nweb-0\s+1\/1\s+Running\s+0\s+2m\s+10\.244\.2\.2\s+worker1/);
});

test.each([[0, '0s'], [45_000, '45s'], [119_000, '119s'], [150_000, '2m30s'], [900_000, '15m'], [12_000_000, '3h20m'], [40 * 3_600_000, '40h'], [52 * 3_600_000, '2d4h']])(
  'kubectl ages: %d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  },
);
