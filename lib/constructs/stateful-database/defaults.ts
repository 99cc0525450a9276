/**
 * Defaults of a StatefulDatabase that are not single values in the constructor (the container
 * resources) and the fixed label names it relies on.
 *
 * @internal
 */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/** The database container's resources when `resources` is not set. @internal */
export const CONTAINER_DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(250) },
  memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
};

/** The label cdk8s-plus puts on every pod it templates, keyed by construct path. @internal */
export const CDK8S_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';
