import * as path from 'path';
import { exampleNames, loadExample } from '../examples/app';
import { buildApp, schemaIssues, synth } from './helpers/synth';

const examplesDir = path.join(__dirname, '..', 'examples');
const names = exampleNames(examplesDir);

// cdk8s appends `-c` and 8 hex digits to generated names; the examples keep the seeds' exact names.
const HASHED_NAME = /-c[0-9a-f]{8}$/;

describe.each(names)('example %s', (name) => {
  const charts = buildApp((app) => loadExample(name, examplesDir).build(app));

  test.each(charts.map((c) => [c.node.id, c] as const))('chart %s passes the strict Kubernetes 1.27 schema check', (_id, chart) => {
    expect(schemaIssues(synth(chart))).toEqual([]);
  });

  test.each(charts.map((c) => [c.node.id, c] as const))('chart %s keeps exact resource names', (_id, chart) => {
    const hashed = synth(chart).map((m) => m.metadata.name).filter((n) => HASHED_NAME.test(n));
    expect(hashed).toEqual([]);
  });

  test.each(charts.map((c) => [c.node.id, c] as const))('chart %s matches its snapshot', (_id, chart) => {
    expect(synth(chart)).toMatchSnapshot();
  });
});

test('there is at least one example', () => {
  expect(names.length).toBeGreaterThan(0);
});
