/**
 * Cluster DNS as CoreDNS serves it from Services and their endpoints (reference §2):
 *
 * - a **headless** Service (`clusterIP: None`) with a selector: `<svc>.<ns>.svc.cluster.local`
 *   answers the IPs of its endpoints; each endpoint pod with a `hostname` and `subdomain == <svc>`
 *   also gets `<hostname>.<svc>.<ns>.svc.cluster.local` (`ShouldSetHostname`);
 * - endpoints are the selected pods in the Service's namespace that have an IP, are not
 *   terminating and not Succeeded/Failed (`ShouldPodBeInEndpoints`), and are Ready — or any such
 *   pod when the Service sets `publishNotReadyAddresses`;
 * - a ClusterIP Service answers its one virtual IP;
 * - ExternalName and selector-less Services have no A records here (no Endpoints objects are
 *   modelled).
 *
 * A hostNetwork pod's address is its node's InternalIP (kubelet.ts), so its records point at the
 * node, and hostNetwork endpoints on one node give one address.
 *
 * Answers are computed from each pod's recorded timeline, so any past instant can be queried.
 * Addresses are sorted numerically (a real resolver returns them in varying order).
 */
import type { ClusterReader } from './store-types';
import { matchesLabelMap } from '../../apiserver/labels';
import type { SimService } from './core-objects';
import type { PodTransition, SimPod } from './pod-object';

/** The cluster domain. */
export const CLUSTER_DOMAIN = 'cluster.local';

/** DNS answers (name → sorted IPv4 addresses). */
export type DnsRecords = Record<string, string[]>;

/** The cluster's DNS. */
export class ClusterDns {
  /** @param reader the store */
  public constructor(private readonly reader: Pick<ClusterReader, 'history' | 'nowMs'>) {}

  /**
   * Every A record at `atMs` (default: now), names sorted.
   *
   * @param atMs simulated ms
   */
  public records(atMs: number = this.reader.nowMs()): DnsRecords {
    const out: DnsRecords = {};
    const pods = this.reader.history('Pod');
    const byNamespace = new Map<string, SimPod[]>();
    for (const p of pods) {
      if (p.createdMs > atMs || (p.deletedMs !== null && p.deletedMs <= atMs)) continue;
      let list = byNamespace.get(p.namespace);
      if (!list) byNamespace.set(p.namespace, (list = []));
      list.push(p);
    }
    for (const svc of this.reader.history('Service')) {
      if (svc.createdMs > atMs || (svc.deletedMs !== null && svc.deletedMs <= atMs)) continue;
      const fqdn = `${svc.name}.${svc.namespace}.svc.${CLUSTER_DOMAIN}`;
      if (svc.clusterIP === null) continue;
      if (svc.clusterIP !== 'None') {
        out[fqdn] = [svc.clusterIP];
        continue;
      }
      if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) continue;
      const ips: string[] = [];
      for (const pod of byNamespace.get(svc.namespace) ?? []) {
        const ip = endpointIp(svc, pod, atMs);
        if (ip === undefined) continue;
        ips.push(ip);
        if (pod.spec.hostname && pod.spec.subdomain === svc.name) {
          const name = `${pod.spec.hostname}.${fqdn}`;
          out[name] = sortIps([...(out[name] ?? []), ip]);
        }
      }
      if (ips.length > 0) out[fqdn] = sortIps(ips);
    }
    return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  }

  /**
   * Resolves `name` at `atMs` (default: now) as a pod in `namespace` would: a fully qualified name
   * (optionally with the trailing dot) as is, else through the search path
   * `<ns>.svc.cluster.local`, `svc.cluster.local`, `cluster.local` — so `web-1.nginx` works from
   * namespace `default`. Returns the sorted addresses; an empty list is NXDOMAIN.
   *
   * @param name the DNS name
   * @param atMs simulated ms
   * @param namespace the namespace of the asking pod
   */
  public lookup(name: string, atMs: number = this.reader.nowMs(), namespace = 'default'): string[] {
    const records = this.records(atMs);
    const n = name.endsWith('.') ? name.slice(0, -1) : name;
    const candidates = n.endsWith(`.${CLUSTER_DOMAIN}`) ? [n]
      : [`${n}.${namespace}.svc.${CLUSTER_DOMAIN}`, `${n}.svc.${CLUSTER_DOMAIN}`, `${n}.${CLUSTER_DOMAIN}`, n];
    for (const c of candidates) {
      if (records[c]) return records[c];
    }
    return [];
  }
}

/** The pod's state at `atMs` from its timeline. */
export function podStateAt(pod: Pick<SimPod, 'timeline'>, atMs: number): PodTransition | undefined {
  const t = pod.timeline;
  let lo = 0;
  let hi = t.length - 1;
  let found: PodTransition | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid].atMs <= atMs) {
      found = t[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function endpointIp(svc: SimService, pod: SimPod, atMs: number): string | undefined {
  if (!matchesLabelMap(svc.spec.selector, pod.labels)) return undefined;
  const s = podStateAt(pod, atMs);
  if (!s || s.ip === null || s.terminating || s.phase === 'Succeeded' || s.phase === 'Failed') return undefined;
  if (!s.ready && !svc.spec.publishNotReadyAddresses) return undefined;
  return s.ip;
}

function sortIps(ips: string[]): string[] {
  const num = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  return [...new Set(ips)].sort((a, b) => num(a) - num(b));
}
