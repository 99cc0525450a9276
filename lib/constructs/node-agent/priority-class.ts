/** `NodeAgentPriorityClass`: the enum-like class naming the PriorityClass of a node agent's pods. */

/**
 * The PriorityClass of the agent's pods. Node agents usually need to be scheduled before, and
 * evicted after, ordinary workloads.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
export class NodeAgentPriorityClass {
  /**
   * `system-node-critical` (priority 2000001000), the class of per-node components such as
   * kube-proxy and CNI agents. Some providers only admit it in `kube-system` through a
   * ResourceQuota.
   */
  public static readonly SYSTEM_NODE_CRITICAL = new NodeAgentPriorityClass('system-node-critical');

  /** `system-cluster-critical` (priority 2000000000). */
  public static readonly SYSTEM_CLUSTER_CRITICAL = new NodeAgentPriorityClass('system-cluster-critical');

  /** A PriorityClass of your own, by name. */
  public static of(name: string): NodeAgentPriorityClass {
    return new NodeAgentPriorityClass(name);
  }

  /** The `priorityClassName`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }
}
