/**
 * The StatefulSet controller's per-set pod index — its informer cache, kept up to date from store
 * changes so that a sync answers "first missing ordinal", "first unhealthy pod", "highest pod not
 * at the update revision" and the status counters in O(log n) rather than by scanning every pod.
 * This keeps the cost of a run linear in the number of events (bench/statefulset-scale.bench.ts).
 *
 * Only pods whose name parses as `<set>-<ordinal>` are indexed (`isMemberOf`; an unparseable
 * ordinal is ignored, reference §1.1).
 */
import type { SimPod } from '../cluster/pod-object';
import type { SimStatefulSet } from '../cluster/workload-objects';
import { OrdinalSet } from './ordinal-set';
import { endOrdinal, isMemberOf, ordinalOf, podRevision, startOrdinal } from './stateful-set-utils';

interface Facts {
  readonly ordinal: number;
  readonly runningReady: boolean;
  readonly readySinceMs: number | null;
  readonly terminating: boolean;
  readonly failed: boolean;
  readonly pending: boolean;
  readonly revision: string;
}

/** A min-heap of [atMs, ordinal, readySinceMs] for pods waiting to become available. */
class AvailabilityHeap {
  private readonly a: Array<[number, number, number]> = [];
  public push(e: [number, number, number]): void {
    const a = this.a;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= e[0]) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = e;
  }
  public peek(): [number, number, number] | undefined {
    return this.a[0];
  }
  public pop(): void {
    const a = this.a;
    const last = a.pop()!;
    if (a.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && a[r][0] < a[l][0] ? r : l;
      if (a[c][0] >= last[0]) break;
      a[i] = a[c];
      i = c;
    }
    a[i] = last;
  }
  public clear(): void {
    this.a.length = 0;
  }
}

/** Live pods of one StatefulSet, indexed. */
export class StatefulSetPods {
  /** Live member pods by ordinal. */
  public readonly byOrdinal = new Map<number, SimPod>();
  /** Ordinals with a live pod. */
  public readonly present = new OrdinalSet();
  /** Ordinals whose pod is not healthy (`!isHealthy`: not Running+Ready, or terminating). */
  public readonly unhealthy = new OrdinalSet();
  /** Ordinals whose pod is Failed. */
  public readonly failed = new OrdinalSet();
  /** Ordinals whose pod is Pending. */
  public readonly pending = new OrdinalSet();
  /** Running+Ready pods not yet available (minReadySeconds not elapsed). */
  public readonly notAvailable = new OrdinalSet();
  /** Non-terminating pods whose revision is not the update revision. */
  public readonly notUpdated = new OrdinalSet();
  /** Pods whose claims' owner references may not match the retention policy yet. */
  public readonly needsClaimFix = new OrdinalSet();
  private readonly facts = new Map<SimPod, Facts>();
  private readonly available = new Set<number>();
  private readonly availability = new AvailabilityHeap();
  private readonly missing = new OrdinalSet();
  private readonly byRevision = new Map<string, number>();
  private ready = 0;
  private updateRevision = '';
  private minReadyMs = 0;
  private rangeStart = 0;
  private rangeEnd = -1;
  private policyKey = '';

  /** @param setName the StatefulSet's name (pods must be named `<setName>-<ordinal>`) */
  public constructor(public readonly setName: string) {}

  /** Running+Ready pods (terminating included): `status.readyReplicas`. */
  public get readyCount(): number {
    return this.ready;
  }

  /** Available pods: `status.availableReplicas` (call {@link refreshAvailability} first). */
  public get availableCount(): number {
    return this.available.size;
  }

  /** Live member pods: `status.replicas`. */
  public get createdCount(): number {
    return this.present.size;
  }

  /** Non-terminating pods at `revision`. */
  public revisionCount(revision: string): number {
    return this.byRevision.get(revision) ?? 0;
  }

  /** Whether the pod at `ordinal` is counted available. */
  public isAvailable(ordinal: number): boolean {
    return this.available.has(ordinal);
  }

  /** Records a live pod's current state (add or update). */
  public observe(pod: SimPod): void {
    if (pod.deletedMs !== null) {
      this.forget(pod);
      return;
    }
    if (!isMemberOf({ name: this.setName }, pod)) return;
    const ordinal = ordinalOf(pod.name);
    if (ordinal < 0) return;
    const f: Facts = {
      ordinal, runningReady: pod.phase === 'Running' && pod.ready, readySinceMs: pod.readySinceMs, terminating: pod.deletionMs !== null,
      failed: pod.phase === 'Failed', pending: pod.phase === 'Pending', revision: podRevision(pod),
    };
    const old = this.facts.get(pod);
    if (old && sameFacts(old, f)) return;
    if (old) this.remove(old);
    else this.needsClaimFix.add(ordinal);
    this.facts.set(pod, f);
    this.byOrdinal.set(ordinal, pod);
    this.add(f);
  }

  /** Drops a pod that left the store. */
  public forget(pod: SimPod): void {
    const old = this.facts.get(pod);
    if (!old) return;
    this.facts.delete(pod);
    this.remove(old);
    if (this.byOrdinal.get(old.ordinal) === pod) this.byOrdinal.delete(old.ordinal);
    this.needsClaimFix.delete(old.ordinal);
    this.missing.add(old.ordinal);
  }

  /**
   * Applies the set's current spec: the ordinal range (new ordinals become missing candidates;
   * pods crossing the range boundary need their claims checked), the update revision, the
   * minReadySeconds and the claim retention policy. Each change costs O(pods) once.
   */
  public configure(set: SimStatefulSet, updateRevision: string): void {
    const start = startOrdinal(set);
    const end = endOrdinal(set);
    if (start !== this.rangeStart || end !== this.rangeEnd) {
      for (let o = start; o <= end; o++) {
        if (o >= this.rangeStart && o <= this.rangeEnd) continue;
        this.missing.add(o);
      }
      for (const o of this.present.values()) {
        const wasIn = o >= this.rangeStart && o <= this.rangeEnd;
        const isIn = o >= start && o <= end;
        if (wasIn !== isIn) this.needsClaimFix.add(o);
      }
      this.rangeStart = start;
      this.rangeEnd = end;
    }
    if (updateRevision !== this.updateRevision) {
      this.updateRevision = updateRevision;
      this.rebuild();
    }
    const minReadyMs = set.spec.minReadySeconds * 1000;
    if (minReadyMs !== this.minReadyMs) {
      this.minReadyMs = minReadyMs;
      this.rebuild();
    }
    const p = set.spec.persistentVolumeClaimRetentionPolicy;
    const policyKey = `${p.whenDeleted}/${p.whenScaled}/${set.uid}`;
    if (policyKey !== this.policyKey) {
      this.policyKey = policyKey;
      for (const o of this.present.values()) this.needsClaimFix.add(o);
    }
  }

  /** Counts pods whose Ready period reached minReadySeconds by `now` as available. */
  public refreshAvailability(now: number): void {
    for (let e = this.availability.peek(); e !== undefined && e[0] <= now; e = this.availability.peek()) {
      this.availability.pop();
      const [, ordinal, since] = e;
      const pod = this.byOrdinal.get(ordinal);
      const f = pod ? this.facts.get(pod) : undefined;
      if (f && f.runningReady && f.readySinceMs === since && this.notAvailable.has(ordinal)) {
        this.notAvailable.delete(ordinal);
        this.available.add(ordinal);
      }
    }
  }

  /** The smallest in-range ordinal without a live pod, or undefined. */
  public firstMissing(start: number, end: number): number | undefined {
    for (let o = this.missing.min(); o !== undefined; o = this.missing.min()) {
      if (this.present.has(o) || o < start || o > end) {
        this.missing.delete(o);
        continue;
      }
      return o;
    }
    return undefined;
  }

  /** In-range ordinals without a live pod, ascending (O(missing)). */
  public allMissing(start: number, end: number): number[] {
    const out: number[] = [];
    for (let o = start; o <= end; o++) if (!this.present.has(o)) out.push(o);
    return out;
  }

  private add(f: Facts): void {
    const o = f.ordinal;
    this.present.add(o);
    if (!f.runningReady || f.terminating) this.unhealthy.add(o);
    if (f.failed) this.failed.add(o);
    if (f.pending) this.pending.add(o);
    if (f.runningReady) {
      this.ready++;
      if (this.minReadyMs <= 0) {
        this.available.add(o);
      } else {
        this.notAvailable.add(o);
        if (f.readySinceMs !== null) this.availability.push([f.readySinceMs + this.minReadyMs, o, f.readySinceMs]);
      }
    }
    if (!f.terminating) {
      this.byRevision.set(f.revision, (this.byRevision.get(f.revision) ?? 0) + 1);
      if (f.revision !== this.updateRevision) this.notUpdated.add(o);
    }
  }

  private remove(f: Facts): void {
    const o = f.ordinal;
    this.present.delete(o);
    this.unhealthy.delete(o);
    this.failed.delete(o);
    this.pending.delete(o);
    this.notAvailable.delete(o);
    this.available.delete(o);
    this.notUpdated.delete(o);
    if (f.runningReady) this.ready--;
    if (!f.terminating) {
      const n = (this.byRevision.get(f.revision) ?? 0) - 1;
      if (n > 0) this.byRevision.set(f.revision, n);
      else this.byRevision.delete(f.revision);
    }
  }

  private rebuild(): void {
    const all = [...this.facts.values()];
    for (const f of all) this.remove(f);
    this.availability.clear();
    for (const f of all) this.add(f);
  }
}

function sameFacts(a: Facts, b: Facts): boolean {
  return a.ordinal === b.ordinal && a.runningReady === b.runningReady && a.readySinceMs === b.readySinceMs && a.terminating === b.terminating
    && a.failed === b.failed && a.pending === b.pending && a.revision === b.revision;
}
