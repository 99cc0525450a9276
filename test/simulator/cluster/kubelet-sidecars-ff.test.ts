/**
 * Sidecars under the steady-state fast-forward: a CronJob every 5 minutes whose Job pods carry a
 * sidecar (SidecarContainers on, 1.29) gives the same trace fast-forwarded as replayed in full —
 * the sidecar runner's timers and back-off are part of what the kubelet remembers (memoryOf).
 * Bounded history (keepDeleted 3, maxEvents 100) so that the fast-forward applies.
 */
import { Simulation } from '../../../lib/simulator/simulation';
import { newCronJob, newNode } from '../../helpers/builders';
import { gatesWith } from '../../helpers/gates-with';
import { hours } from '../../helpers/instants';

function run(fastForward: boolean): string {
  const sim = new Simulation({
    nodes: [newNode('w1')], fastForward, keepDeleted: 3, maxEvents: 100, featureGates: gatesWith({ SidecarContainers: true }, { minor: 29 }),
    startEpochMs: Date.parse('2024-01-01T00:00:00Z'),
    behaviours: [{ match: { owner: 'CronJob/tick' }, runForMs: 20_000, containers: { proxy: { runForMs: 7000, exitCodes: [1], readyAfterMs: 2000 } } }],
  });
  sim.apply([newCronJob('tick', '*/5 * * * *', { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] } as never })]);
  sim.runUntil(hours(6));
  if (fastForward) expect(sim.fastForwarded!.periods).toBeGreaterThan(10);
  return JSON.stringify(sim.trace.filter({}).map((e) => [e.atMs, e.reason, e.object.name, e.message]));
}

test('fast-forwarded trace equals the full replay', () => {
  const full = run(false);
  expect(run(true)).toBe(full);
  // The sidecar really restarted (it exits after 7 s, the Job runs 20 s).
  expect(full).toContain('Back-off restarting failed container proxy');
});
