/**
 * Props of a `NodeAgent`'s containers and host paths: `NodeAgentContainer` (one container of the
 * agent) and `NodeAgentHostPath` (a node directory or file mounted into every container).
 */
import * as kplus from 'cdk8s-plus-27';

/** A container of a node agent. Security settings are agent-wide (see `NodeAgentProps`). */
export interface NodeAgentContainer {
  /** The container image, e.g. `quay.io/prometheus/node-exporter:v1.8.2`. */
  readonly image: string;

  /**
   * The container name, a DNS-1123 label unique within the agent.
   *
   * @default - the agent's name for the first container; required for the others
   */
  readonly name?: string;

  /**
   * The entrypoint, replacing the image's ENTRYPOINT.
   *
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];

  /**
   * Arguments to the entrypoint, replacing the image's CMD.
   *
   * @default - the image's CMD
   */
  readonly args?: string[];

  /**
   * The working directory.
   *
   * @default - the image's WORKDIR
   */
  readonly workingDir?: string;

  /**
   * Environment variables. Use `NodeAgentEnv` for the node's name and IP and the pod's identity
   * (downward API), and `EnvValue.fromSecretValue()` for credentials, never literal secrets.
   *
   * @default - none
   */
  readonly env?: { [name: string]: kplus.EnvValue };

  /**
   * Whole ConfigMaps or Secrets exposed as environment variables.
   *
   * @default - none
   */
  readonly envFrom?: kplus.EnvFrom[];

  /**
   * The ports the container listens on. With `hostNetwork` these are ports of the node: a
   * `hostPort`, if given, must equal the port number. A `hostPort` without `hostNetwork` makes the
   * agent `privileged` under the Pod Security Standards.
   *
   * @default - none
   */
  readonly ports?: kplus.ContainerPort[];

  /**
   * CPU, memory and ephemeral-storage requests and limits. Pass `{}` for none (a BestEffort pod,
   * the first evicted under node pressure). Memory must be whole mebibytes and ephemeral storage
   * whole gibibytes (the units cdk8s-plus-27 writes).
   *
   * @default - requests cpu 100m / memory 100Mi, limits cpu 200m / memory 200Mi
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * The readiness probe. An HTTP or TCP probe must target a port listed in `ports` (cdk8s-plus
   * would otherwise probe port 80).
   *
   * @default - no readiness probe
   */
  readonly readiness?: kplus.Probe;

  /**
   * The liveness probe, with the same port rule as `readiness`.
   *
   * @default - no liveness probe
   */
  readonly liveness?: kplus.Probe;

  /**
   * The startup probe, with the same port rule as `readiness`.
   *
   * @default - no startup probe
   */
  readonly startup?: kplus.Probe;

  /**
   * When the kubelet pulls the image.
   *
   * @default - as Kubernetes defaults it: `Always` for an untagged or `:latest` image,
   * `IfNotPresent` otherwise
   */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;
}

/** A directory or file of the node mounted into every container of the agent. */
export interface NodeAgentHostPath {
  /** The absolute path on the node, e.g. `/var/log`. */
  readonly path: string;

  /**
   * Where the containers see it. Must not be `/`.
   *
   * @default - the same path as on the node
   */
  readonly mountPath?: string;

  /**
   * Mount it read-write. Writing into root-owned host directories such as `/var/log` also needs
   * `runAsRoot: true` (or a `runAsUser` that owns the directory).
   *
   * @default false
   */
  readonly writable?: boolean;

  /**
   * What must exist at the path before the pod starts.
   *
   * @default kplus.HostPathVolumeType.DEFAULT - no check
   */
  readonly type?: kplus.HostPathVolumeType;

  /**
   * Mount propagation. `BIDIRECTIONAL` needs `privileged: true`.
   *
   * @default - none (the container does not see mounts made later on the node)
   */
  readonly propagation?: kplus.MountPropagation;

  /**
   * The pod volume name, a DNS-1123 label.
   *
   * @default - `host-` and the path with '/' turned into '-', e.g. `host-var-log`; `host-root` for `/`
   */
  readonly volumeName?: string;
}
