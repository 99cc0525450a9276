/**
 * A set of integers (pod ordinals) with O(log n) amortised min/max, used by the StatefulSet
 * controller's per-set index so a sync costs O(log n) instead of a scan of every pod: membership in
 * a Set plus two binary heaps with lazy deletion (an entry is dropped when it reaches the top and
 * is no longer a member). Heaps are compacted when stale entries pile up.
 */

class NumHeap {
  private readonly a: number[] = [];
  public constructor(private readonly less: (x: number, y: number) => boolean) {}
  public get size(): number {
    return this.a.length;
  }
  public push(v: number): void {
    const a = this.a;
    let i = a.length;
    a.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(v, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = v;
  }
  public peek(): number | undefined {
    return this.a[0];
  }
  public pop(): number | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && this.less(a[r], a[l]) ? r : l;
        if (!this.less(a[c], last)) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
  public clear(): void {
    this.a.length = 0;
  }
}

/** A set of ordinals with fast min and max. */
export class OrdinalSet {
  private readonly members = new Set<number>();
  private readonly minHeap = new NumHeap((x, y) => x < y);
  private readonly maxHeap = new NumHeap((x, y) => x > y);

  /** Number of members. */
  public get size(): number {
    return this.members.size;
  }

  /** Adds an ordinal. */
  public add(o: number): void {
    if (this.members.has(o)) return;
    this.members.add(o);
    this.minHeap.push(o);
    this.maxHeap.push(o);
    if (this.minHeap.size > 4 * this.members.size + 64) this.compact();
  }

  /** Removes an ordinal. */
  public delete(o: number): void {
    this.members.delete(o);
  }

  /** Whether `o` is a member. */
  public has(o: number): boolean {
    return this.members.has(o);
  }

  /** The smallest member. */
  public min(): number | undefined {
    for (let v = this.minHeap.peek(); v !== undefined; v = this.minHeap.peek()) {
      if (this.members.has(v)) return v;
      this.minHeap.pop();
    }
    return undefined;
  }

  /** The largest member. */
  public max(): number | undefined {
    for (let v = this.maxHeap.peek(); v !== undefined; v = this.maxHeap.peek()) {
      if (this.members.has(v)) return v;
      this.maxHeap.pop();
    }
    return undefined;
  }

  /** The smallest member ≥ `lo` (fast when the minimum already is; else a scan). */
  public minAtLeast(lo: number): number | undefined {
    const m = this.min();
    if (m === undefined || m >= lo) return m;
    let best: number | undefined;
    for (const v of this.members) if (v >= lo && (best === undefined || v < best)) best = v;
    return best;
  }

  /** The largest member ≤ `hi` (fast when the maximum already is; else a scan). */
  public maxAtMost(hi: number): number | undefined {
    const m = this.max();
    if (m === undefined || m <= hi) return m;
    let best: number | undefined;
    for (const v of this.members) if (v <= hi && (best === undefined || v > best)) best = v;
    return best;
  }

  /** Members in ascending order (O(n log n); for tests and rare paths). */
  public sorted(): number[] {
    return [...this.members].sort((a, b) => a - b);
  }

  /** Iterates members in insertion order. */
  public values(): IterableIterator<number> {
    return this.members.values();
  }

  private compact(): void {
    this.minHeap.clear();
    this.maxHeap.clear();
    for (const v of this.members) {
      this.minHeap.push(v);
      this.maxHeap.push(v);
    }
  }
}
