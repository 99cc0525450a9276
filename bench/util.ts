/**
 * Helpers for `bench/*.bench.ts` modules. Absolute times on shared machines are noise, so every
 * benchmark compares two implementations A and B measured in the same process, interleaved, over
 * several repetitions, and reports the median of the per-repetition ratios A/B.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

/** One line of `npm run bench` output. */
export interface BenchResult {
  /** A stable name, e.g. `synth-overhead`. */
  readonly name: string;
  /** The median ratio A/B (time of the thing measured over its baseline). */
  readonly ratio: number;
  /** The ratio the benchmark should stay at or below. */
  readonly target: number;
  /** Always `x` (a ratio). */
  readonly unit: 'x';
  /** What A and B are, and the raw medians. */
  readonly detail: string;
}

/** Options for {@link compareInterleaved}. */
export interface CompareOptions {
  /**
   * Measured repetitions; each runs A once and B once.
   *
   * @default 5, or the BENCH_REPETITIONS environment variable
   */
  readonly repetitions?: number;

  /**
   * Unmeasured runs of each before measuring (JIT warm-up).
   *
   * @default 1
   */
  readonly warmup?: number;
}

/** The outcome of {@link compareInterleaved}. */
export interface Comparison {
  /** Median of the per-repetition ratios A/B. */
  readonly ratio: number;
  /** Every per-repetition ratio, in run order. */
  readonly ratios: number[];
  /** Median time of A in milliseconds. */
  readonly medianMsA: number;
  /** Median time of B in milliseconds. */
  readonly medianMsB: number;
}

/** A garbage collection before each timed run keeps one side's garbage out of the other's time. */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

async function timeMs(fn: () => unknown): Promise<number> {
  collectGarbage();
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures `a` and `b` interleaved in this process and returns the median ratio A/B. Even
 * repetitions run A first, odd ones B first, so warm caches and pending garbage favour neither.
 *
 * @param a the implementation under test
 * @param b the baseline
 * @param options repetitions and warm-up runs
 */
export async function compareInterleaved(a: () => unknown, b: () => unknown, options: CompareOptions = {}): Promise<Comparison> {
  const repetitions = options.repetitions ?? (Number(process.env.BENCH_REPETITIONS) || 5);
  const warmup = options.warmup ?? 1;
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new Error(`repetitions must be a positive integer, got ${repetitions}`);
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await timeMs(a);
      tb = await timeMs(b);
    } else {
      tb = await timeMs(b);
      ta = await timeMs(a);
    }
    timesA.push(ta);
    timesB.push(tb);
    ratios.push(ta / tb);
  }
  return { ratio: median(ratios), ratios, medianMsA: median(timesA), medianMsB: median(timesB) };
}

/** Rounds a ratio for printing. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
