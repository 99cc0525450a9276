/**
 * The fleet benchmark's input (bench/fleet-scenario.ts) must stay a valid scenario for its whole
 * month: `npm run bench` replays all 30 days, and a step that names a node the cluster no longer
 * has fails the run at that step (the 97th churn once removed `general-0` a second time).
 */
import { FLEET_CRONJOBS, fleetManifests, fleetScenario } from '../../bench/fleet-scenario';
import { parseScenario } from '../../lib/simulator/scenario/parse-scenario';

describe('fleet benchmark scenario', () => {
  const scenario = fleetScenario() as { cluster: { nodes: Array<{ name: string }> }; steps: Array<Record<string, unknown>> };

  test('parses as a scenario', () => {
    expect(() => parseScenario(scenario as never)).not.toThrow();
  });

  test('every removeNode names a node present at that step, and every addNode a new name', () => {
    const nodes = new Set(scenario.cluster.nodes.map((n) => n.name));
    const churn = scenario.steps.filter((s) => 'removeNode' in s || 'addNode' in s);
    // 30 days of a change every 6 hours: more changes than the 96 original general nodes.
    expect(churn.filter((s) => 'removeNode' in s).length).toBeGreaterThan(96);
    for (const step of churn) {
      if ('removeNode' in step) {
        expect({ at: step.at, present: nodes.has(step.removeNode as string) }).toEqual({ at: step.at, present: true });
        nodes.delete(step.removeNode as string);
      } else {
        const name = (step.addNode as { name: string }).name;
        expect({ at: step.at, taken: nodes.has(name) }).toEqual({ at: step.at, taken: false });
        nodes.add(name);
      }
    }
    expect(nodes.size).toBe(100);
  });

  test('holds the 50 CronJobs, 3 StatefulSets with their Services and one DaemonSet', () => {
    const kinds = fleetManifests().map((m) => m.kind);
    expect(FLEET_CRONJOBS).toHaveLength(50);
    expect(kinds.filter((k) => k === 'CronJob')).toHaveLength(50);
    expect(kinds.filter((k) => k === 'StatefulSet')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'Service')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'DaemonSet')).toHaveLength(1);
  });
});
