/**
 * Pod IP allocation: each node owns the /24 `10.244.<node index>.0/24` (kubeadm + flannel/calico
 * style pod CIDRs). Hosts .2–.254 are handed out round-robin from the last one allocated, like the
 * CNI host-local IPAM, so a recreated pod usually gets a new address. hostNetwork pods take no
 * address from here: they have their node's InternalIP ({@link nodeInternalIP}).
 */
import type { SimNode } from './core-objects';

/**
 * A node's InternalIP (`status.addresses`): the nodes sit on 192.168.0.0/16 and get
 * `192.168.0.10 + index` in creation order (index from 1: worker1 → 192.168.0.11, the 246th
 * node → 192.168.1.0), apart from the pod (10.244.0.0/16) and Service (10.96.0.0/12) ranges.
 * The kubelet reports it as the host IP and as every hostNetwork pod's IP.
 *
 * @param index the node's position in creation order (`SimNode.index`)
 */
export function nodeInternalIP(index: number): string {
  const n = 10 + index;
  return `192.168.${Math.floor(n / 256) % 256}.${n % 256}`;
}

interface NodeRange {
  readonly used: Set<number>;
  last: number;
}

/** The pod IP allocator. */
export class PodNetwork {
  private readonly ranges = new Map<string, NodeRange>();
  /** Allocated IP → its node and host number. */
  private readonly owner = new Map<string, { readonly node: string; readonly host: number }>();
  /** Allocations so far per node name. */
  private readonly allocations = new Map<string, number>();

  /** Allocates an IP on `node`; undefined when the node's /24 is exhausted. */
  public allocate(node: Pick<SimNode, 'name' | 'index'>): string | undefined {
    let r = this.ranges.get(node.name);
    if (!r) this.ranges.set(node.name, (r = { used: new Set(), last: 1 }));
    for (let i = 0; i < 253; i++) {
      const host = ((r.last - 2 + 1 + i) % 253) + 2;
      if (!r.used.has(host)) {
        r.used.add(host);
        r.last = host;
        this.allocations.set(node.name, (this.allocations.get(node.name) ?? 0) + 1);
        const ip = `10.244.${node.index}.${host}`;
        this.owner.set(ip, { node: node.name, host });
        return ip;
      }
    }
    return undefined;
  }

  /** Allocations made so far on each node that had any. */
  public allocationCounts(): ReadonlyMap<string, number> {
    return this.allocations;
  }

  /** IPs allocated and not yet released. */
  public get allocatedCount(): number {
    return this.owner.size;
  }

  /** Whether `ip` is allocated now. */
  public isAllocated(ip: string): boolean {
    return this.owner.has(ip);
  }

  /**
   * Moves the round-robin on `nodeName` on by `n` allocations, each released again before the next
   * one would come round to it — what `n` pods that start and stop in turn do to the node's range.
   * For the steady-state fast-forward (fast-forward.ts), which checks that this is what a period does.
   */
  public skipAllocations(nodeName: string, n: number): void {
    if (n === 0) return;
    const r = this.ranges.get(nodeName);
    if (!r) throw new Error(`no allocations on ${nodeName} to move on from`);
    // The free hosts in ascending order, and the position of the one `allocate` would take next.
    const free: number[] = [];
    let next = -1;
    for (let host = 2; host <= 254; host++) {
      if (r.used.has(host)) continue;
      if (next < 0 && host > r.last) next = free.length;
      free.push(host);
    }
    if (free.length === 0) throw new Error(`no free host on ${nodeName}`);
    r.last = free[(Math.max(next, 0) + n - 1) % free.length];
    this.allocations.set(nodeName, (this.allocations.get(nodeName) ?? 0) + n);
  }

  /** Returns an IP to its node's pool (no-op when unknown). */
  public release(ip: string | null): void {
    if (!ip) return;
    const o = this.owner.get(ip);
    if (o === undefined) return;
    this.owner.delete(ip);
    this.ranges.get(o.node)?.used.delete(o.host);
  }
}
