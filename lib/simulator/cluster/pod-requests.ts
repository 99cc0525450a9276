/**
 * A pod's resource requests as the scheduler counts them (`pkg/scheduler/framework/types.go`
 * computePodResourceRequest: containers summed, init containers as the max), with the non-zero
 * scoring defaults of `pkg/scheduler/util/pod_resources.go`.
 */
import type { SimPod } from './pod-object';
import { cpuMilli, memoryBytes } from './quantity';

/** Non-zero defaults used for scoring (`pkg/scheduler/util/pod_resources.go`). */
export const DEFAULT_SCORING_REQUEST = { cpuMilli: 100, memoryBytes: 200 * 1024 * 1024 } as const;

/** A pod's resource requests (sum over containers; init containers take the max, as `computePodResourceRequest`). */
export interface PodRequests {
  /** Requested millicores. */
  readonly cpuMilli: number;
  /** Requested bytes. */
  readonly memoryBytes: number;
  /** With the scoring defaults for containers that request nothing. */
  readonly nonZeroCpuMilli: number;
  /** With the scoring defaults for containers that request nothing. */
  readonly nonZeroMemoryBytes: number;
}

/** The resource requests of a pod spec (requests were defaulted from limits at creation). */
export function podRequests(spec: SimPod['spec']): PodRequests {
  let cpu = 0; let mem = 0; let nzCpu = 0; let nzMem = 0;
  for (const c of spec.containers ?? []) {
    const r = (c.resources?.requests ?? {}) as Record<string, string | number>;
    const cc = cpuMilli(r.cpu);
    const mm = memoryBytes(r.memory);
    cpu += cc; mem += mm;
    nzCpu += r.cpu === undefined ? DEFAULT_SCORING_REQUEST.cpuMilli : cc;
    nzMem += r.memory === undefined ? DEFAULT_SCORING_REQUEST.memoryBytes : mm;
  }
  for (const c of spec.initContainers ?? []) {
    const r = (c.resources?.requests ?? {}) as Record<string, string | number>;
    cpu = Math.max(cpu, cpuMilli(r.cpu));
    mem = Math.max(mem, memoryBytes(r.memory));
  }
  return { cpuMilli: cpu, memoryBytes: mem, nonZeroCpuMilli: nzCpu, nonZeroMemoryBytes: nzMem };
}
