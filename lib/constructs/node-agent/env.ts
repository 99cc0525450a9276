/** `NodeAgentEnv`: downward-API environment values (node name and IP, pod identity) for node agents. */
import * as kplus from 'cdk8s-plus-27';

/** Downward-API environment values for node agents. */
export class NodeAgentEnv {
  /** The name of the node the pod runs on (`spec.nodeName`). */
  public static nodeName(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME);
  }

  /** The primary IP of the node (`status.hostIP`). */
  public static hostIp(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_IP);
  }

  /** The pod's name (`metadata.name`). */
  public static podName(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME);
  }

  /** The pod's namespace (`metadata.namespace`). */
  public static podNamespace(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE);
  }

  /** The pod's IP (`status.podIP`); the node's IP with `hostNetwork`. */
  public static podIp(): kplus.EnvValue {
    return kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_IP);
  }

  /**
   * `NODE_NAME`, `HOST_IP`, `POD_NAME` and `POD_NAMESPACE`, to spread into `env`:
   * `env: { ...NodeAgentEnv.nodeIdentity(), LOG_LEVEL: EnvValue.fromValue('info') }`.
   */
  public static nodeIdentity(): { [name: string]: kplus.EnvValue } {
    return {
      NODE_NAME: NodeAgentEnv.nodeName(),
      HOST_IP: NodeAgentEnv.hostIp(),
      POD_NAME: NodeAgentEnv.podName(),
      POD_NAMESPACE: NodeAgentEnv.podNamespace(),
    };
  }

  private constructor() {}
}
