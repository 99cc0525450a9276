/**
 * The simulation's only source of randomness: a seeded mulberry32 generator. Never `Math.random`
 * (contrast kwok's global `math/rand`, STYLE.md §4), so the same seed gives the same run.
 */

/**
 * The alphabet of Kubernetes generated name suffixes: `k8s.io/apimachinery/pkg/util/rand`
 * `alphanums = "bcdfghjklmnpqrstvwxz2456789"` (no vowels, no 0/1/3 look-alikes), used by
 * `names.SimpleNameGenerator` for `generateName` (5 characters).
 */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A seeded pseudo-random generator. */
export class Rng {
  private state: number;
  private count = 0;

  /** @param seed any integer; the same seed yields the same sequence */
  public constructor(public readonly seed: number) {
    this.state = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  }

  /** A float in [0, 1). */
  public next(): number {
    // mulberry32 (public domain, Tommy Ettinger).
    this.count++;
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** How many numbers have been drawn so far. */
  public get draws(): number {
    return this.count;
  }

  /**
   * Moves on by `n` draws without computing them, in O(1): mulberry32's state only ever grows by
   * its constant, so `n` draws add `n` times it (mod 2^32). For the steady-state fast-forward.
   */
  public skip(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`skip needs a whole number of draws ≥ 0, got ${n}`);
    // n·c mod 2^32 depends only on n mod 2^32; Math.imul multiplies mod 2^32 exactly.
    this.state = (this.state + Math.imul(n % 4294967296, 0x6d2b79f5)) >>> 0;
    this.count += n;
  }

  /** A generator in the same state that draws the same numbers from here on, without moving this one. */
  public clone(): Rng {
    const copy = new Rng(this.seed);
    copy.state = this.state;
    copy.count = this.count;
    return copy;
  }

  /** An integer in [0, n). */
  public int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A 5-character `generateName` suffix, e.g. `x7k2p`, as Kubernetes generates them. */
  public nameSuffix(): string {
    let out = '';
    for (let i = 0; i < 5; i++) out += NAME_SUFFIX_ALPHABET[this.int(NAME_SUFFIX_ALPHABET.length)];
    return out;
  }
}
