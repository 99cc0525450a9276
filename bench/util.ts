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

/**
 * Runs a full garbage collection (V8's `gc`, exposed at load through `--expose-gc`); a no-op where
 * the flag cannot be set. Call it right before each timed run so one side's garbage stays out of
 * the other's time.
 */
export const collectGarbage: () => void = (() => {
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
  const runs = await interleaveRuns(async () => ({ ms: await timeMs(a) }), async () => ({ ms: await timeMs(b) }), repetitions);
  return { ratio: median(runs.ratios), ratios: runs.ratios, medianMsA: median(runs.a.map((r) => r.ms)), medianMsB: median(runs.b.map((r) => r.ms)) };
}

/** Optional steps around each repetition of {@link interleaveRuns}; they are not part of any run. */
export interface InterleaveHooks {
  /** Runs before each repetition's pair, e.g. to build fresh state that both runs then use. */
  readonly beforeEach?: (repetition: number) => unknown;
  /** Runs after each repetition's pair, e.g. a further measurement taken once per repetition. */
  readonly afterEach?: (repetition: number) => unknown;
}

/** The outcome of {@link interleaveRuns}. */
export interface InterleavedRuns<T> {
  /** What each run of A returned, in repetition order. */
  readonly a: T[];
  /** What each run of B returned, in repetition order. */
  readonly b: T[];
  /** `a[i].ms / b[i].ms` for every repetition `i`, in repetition order. */
  readonly ratios: number[];
}

/**
 * Runs `a` and `b` once each per repetition, interleaved: even repetitions (0, 2, …) run A first,
 * odd ones B first, so warm caches and pending garbage favour neither. Each run times itself and
 * returns its wall time as `ms` beside whatever else it measured (events, heap), so a run can leave
 * its own set-up and checks out of the time; {@link compareInterleaved} is this for plain timings.
 * Warm-up runs, if any, are the caller's, before this.
 *
 * @param a the run under test (e.g. the larger size)
 * @param b the baseline run
 * @param repetitions how many A/B pairs to run
 * @param hooks steps before and after each pair, outside both runs
 * @returns every run's result per side and the per-repetition ratios A/B
 */
export async function interleaveRuns<T extends { ms: number }>(
  a: () => T | Promise<T>, b: () => T | Promise<T>, repetitions: number, hooks: InterleaveHooks = {},
): Promise<InterleavedRuns<T>> {
  const runsA: T[] = [];
  const runsB: T[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    await hooks.beforeEach?.(i);
    let ra: T;
    let rb: T;
    if (i % 2 === 0) {
      ra = await a();
      rb = await b();
    } else {
      rb = await b();
      ra = await a();
    }
    runsA.push(ra);
    runsB.push(rb);
    ratios.push(ra.ms / rb.ms);
    await hooks.afterEach?.(i);
  }
  return { a: runsA, b: runsB, ratios };
}

/** Rounds a ratio for printing. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
