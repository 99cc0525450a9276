import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { loadExample } from '../../examples/app';
import { simulate, ScenarioSource, SimulationResult } from '../../lib/simulator';
import type { ReportPod } from '../../lib/simulator';
import type { Manifest } from './synth';

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

/** The path of `examples/<name>/scenario.yaml`. */
export function exampleScenario(name: string): string {
  return path.join(EXAMPLES_DIR, name, 'scenario.yaml');
}

/**
 * Runs `examples/<name>/main.ts`'s `build` on a fresh test app and synthesizes its chart `chartId`
 * (an example whose only chart is named after it needs no `chartId`).
 */
export function synthExample(name: string, chartId: string = name): Manifest[] {
  const app = Testing.app();
  loadExample(name, EXAMPLES_DIR).build(app);
  return Testing.synth(app.node.findChild(chartId) as Chart) as Manifest[];
}

/**
 * Simulates chart `chartId` of example `name` (see {@link synthExample}) with `scenario`, by
 * default the example's own `scenario.yaml`.
 */
export function simulateExample(name: string, chartId: string = name, scenario: ScenarioSource = exampleScenario(name)): SimulationResult {
  return simulate(synthExample(name, chartId), scenario);
}

/** The most pods alive at once, each counted from its creation until it finished (every pod must have finished). */
export function maxConcurrent(pods: readonly ReportPod[]): number {
  const edges = pods.flatMap((p) => [[Date.parse(p.created), 1], [Date.parse(p.finished!), -1]] as Array<[number, number]>);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  return Math.max(...edges.map(([, d]) => (n += d)));
}
