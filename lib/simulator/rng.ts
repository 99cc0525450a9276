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

  /** @param seed any integer; the same seed yields the same sequence */
  public constructor(public readonly seed: number) {
    this.state = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  }

  /** A float in [0, 1). */
  public next(): number {
    // mulberry32 (public domain, Tommy Ettinger).
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
