/** The kubelet's crash-loop back-off, shared by main, init and sidecar containers (kubelet.ts). */

/**
 * Crash-loop back-off (`pkg/kubelet/kubelet.go`: `backOffPeriod = 10s`, `MaxContainerBackOff =
 * 300s`; `kuberuntime_manager.go#doBackOff` with `flowcontrol.Backoff`): the first restart after a
 * crash is immediate, then 10 s, 20 s, 40 s … capped at 300 s, measured from the container's finish.
 * The entry expires (back to the first step) when the container last failed more than
 * 2 × 300 s ago (`Backoff.hasExpired`).
 */
export const CRASH_BACKOFF = { initialMs: 10_000, maxMs: 300_000 } as const;

/** The crash-loop back-off delay of step `steps` (0 = restart at once). @internal */
export function backoffDelay(steps: number, initialMs: number, maxMs: number): number {
  return steps === 0 ? 0 : Math.min(initialMs * 2 ** (steps - 1), maxMs);
}
