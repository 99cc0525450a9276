/**
 * examples/gpu-driver: the `nvidia-driver` agent with `nodeSelector: role: gpu-node` and a
 * toleration for the GPU nodes' `nvidia.com/gpu:NoSchedule` taint. Construct → synth → simulate →
 * assert: only labelled nodes get a driver pod (reference §3.1); relabelling a CPU node into the
 * selector gives it one; a GPU node relabelled out of the selector loses its pod — daemon pods,
 * unlike ordinary pods, do not ignore label changes after scheduling; a new GPU node gets one.
 */
import { simulateExample } from '../../helpers/examples';

function run() {
  return simulateExample('gpu-driver');
}

const result = run();
const pods = result.podsOf('DaemonSet', 'nvidia-driver');

test('gpu-driver: driver pods only on role=gpu-node nodes, Ready 2 minutes after they start', () => {
  expect(pods.slice(0, 2).map((p) => [p.node, p.created, p.started, p.readyAt])).toEqual([
    ['gpu1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', '2024-01-01T00:02:01Z'],
    ['gpu2', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', '2024-01-01T00:02:01Z'],
  ]);
  expect(pods.filter((p) => p.node === 'cpu1')).toEqual([]);
  expect(new Set(pods.map((p) => p.image))).toEqual(new Set(['nvcr.io/nvidia/driver:550.90.07-ubuntu22.04']));
});

test('gpu-driver: relabelling adds and removes driver pods; a new GPU node gets one', () => {
  expect(pods.map((p) => [p.node, p.created, p.deleting])).toEqual([
    ['gpu1', '2024-01-01T00:00:00Z', '2024-01-01T00:10:00Z'],
    ['gpu2', '2024-01-01T00:00:00Z', null],
    ['cpu2', '2024-01-01T00:05:00Z', null],
    ['gpu3', '2024-01-01T00:12:00Z', null],
  ]);
  // The driver gets its 10 s to unload (the scenario's terminationGrace).
  expect(pods[0].deleted).toBe('2024-01-01T00:10:10Z');
  expect(result.events({ kind: 'DaemonSet', name: 'nvidia-driver' }).map((e) => `${e.time} ${e.reason} ${e.message}`)).toEqual([
    `2024-01-01T00:00:00Z SuccessfulCreate Created pod: ${pods[0].name}`,
    `2024-01-01T00:00:00Z SuccessfulCreate Created pod: ${pods[1].name}`,
    `2024-01-01T00:05:00Z SuccessfulCreate Created pod: ${pods[2].name}`,
    `2024-01-01T00:10:00Z SuccessfulDelete Deleted pod: ${pods[0].name}`,
    `2024-01-01T00:12:00Z SuccessfulCreate Created pod: ${pods[3].name}`,
  ]);
});

test('gpu-driver: the same seed gives the same report', () => {
  expect(run().toJson()).toBe(result.toJson());
});
