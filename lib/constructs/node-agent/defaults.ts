/** What a `NodeAgent` uses when a prop is left out: the UID/GID, container resources and labels. */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/**
 * The default UID/GID of a node agent: `nobody`/`nogroup`, as the node-exporter chart uses.
 *
 * @internal
 */
export const NOBODY = 65534;
/** The resources of a container without `resources`. @internal */
export const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(200) },
  memory: { request: Size.mebibytes(100), limit: Size.mebibytes(200) },
};
/** The node label `linuxOnly` selects on. @internal */
export const LINUX_LABEL = 'kubernetes.io/os';
/** The default selector label key, set to the agent's name. @internal */
export const NAME_LABEL = 'app.kubernetes.io/name';
