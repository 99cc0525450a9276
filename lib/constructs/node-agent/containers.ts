/** The agent's containers: their checks (image, name, env, resources, ports) and rendering. */
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { defaultPullPolicy, IMAGE_REFERENCE_RULE, isImageReference } from '../_shared/image';
import { ALL_CAPABILITIES } from '../_shared/security';
import {
  checkContainerResources,
  ENV_VAR_NAME_RULE,
  isDns1123Label,
  isEnvVarName,
  isPortName,
  isPortNumber,
} from '../_shared/validation';
import { ValidationError } from '../_shared/errors';
import type { NodeAgentContainer } from './container-props';
import { DEFAULT_RESOURCES } from './defaults';
import { NodeAgentCapability } from './security';

/** The agent-wide security settings every container gets. @internal */
export interface SecurityIntent {
  readonly runAsRoot: boolean;
  readonly privileged: boolean;
  readonly capabilities: string[];
  readonly readOnlyRootFilesystem: boolean;
}

/** Checks a container and adds it to the DaemonSet with the agent-wide security settings. @internal */
export function addContainer(scope: IConstruct, daemonSet: kplus.DaemonSet, agentName: string, c: NodeAgentContainer, i: number, sec: SecurityIntent): kplus.Container {
  const prop = `containers[${i}]`;
  if (typeof c.image !== 'string' || !isImageReference(c.image)) {
    throw new ValidationError(scope, `${prop}.image`, IMAGE_REFERENCE_RULE, c.image);
  }
  const name = c.name ?? (i === 0 ? agentName : undefined);
  if (name === undefined) {
    throw new ValidationError(scope, `${prop}.name`, 'is required for every container but the first', undefined);
  }
  if (!isDns1123Label(name)) {
    throw new ValidationError(scope, `${prop}.name`, 'must be a DNS-1123 label (at most 63 lowercase alphanumerics and "-")',
      name, c.name === undefined ? 'the agent name is used by default; give the container a `name`' : undefined);
  }
  for (const key of Object.keys(c.env ?? {})) {
    if (!isEnvVarName(key)) {
      throw new ValidationError(scope, `${prop}.env.${key}`, ENV_VAR_NAME_RULE, key);
    }
  }
  const resources = c.resources ?? DEFAULT_RESOURCES;
  checkContainerResources(scope, `${prop}.resources`, resources);
  // Privileged mode and CAP_SYS_ADMIN cannot be combined with allowPrivilegeEscalation: false
  // (ValidateSecurityContext in pkg/apis/core/validation/validation.go).
  const mustEscalate = sec.privileged || sec.capabilities.includes(NodeAgentCapability.SYS_ADMIN);
  return daemonSet.addContainer({
    name,
    image: c.image,
    command: c.command,
    args: c.args,
    workingDir: c.workingDir,
    envVariables: c.env,
    envFrom: c.envFrom,
    ports: c.ports,
    resources,
    readiness: c.readiness,
    liveness: c.liveness,
    startup: c.startup,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
    securityContext: {
      ensureNonRoot: !sec.runAsRoot,
      privileged: sec.privileged,
      readOnlyRootFilesystem: sec.readOnlyRootFilesystem,
      allowPrivilegeEscalation: mustEscalate,
      // Kubernetes spelling without CAP_ (see NodeAgentCapability); the cdk8s-plus converter
      // passes these strings through unchanged.
      capabilities: sec.privileged ? undefined : {
        drop: [ALL_CAPABILITIES],
        add: sec.capabilities.length > 0 ? sec.capabilities.map((cap) => cap as string as kplus.Capability) : undefined,
      },
    },
  });
}

/** Checks a container's ports; collects host ports in `hostPorts` and node ports in `used`. @internal */
export function checkPorts(scope: IConstruct, c: NodeAgentContainer, i: number, hostNetwork: boolean, hostPorts: number[], used: Map<string, string>): void {
  const names = new Set<string>();
  const numbers = new Set<string>();
  (c.ports ?? []).forEach((p, j) => {
    const prop = `containers[${i}].ports[${j}]`;
    if (!isPortNumber(p.number)) {
      throw new ValidationError(scope, `${prop}.number`, 'must be an integer from 1 to 65535', p.number);
    }
    if (p.name !== undefined) {
      if (!isPortName(p.name)) {
        throw new ValidationError(scope, `${prop}.name`, 'must be an IANA service name: at most 15 lowercase alphanumerics and "-", with a letter', p.name);
      }
      if (names.has(p.name)) throw new ValidationError(scope, `${prop}.name`, 'must be unique within the container', p.name);
      names.add(p.name);
    }
    const protocol = p.protocol ?? kplus.Protocol.TCP;
    const numberKey = `${p.number}/${protocol}`;
    if (numbers.has(numberKey)) throw new ValidationError(scope, `${prop}.number`, 'must be unique per protocol within the container', numberKey);
    numbers.add(numberKey);
    if (p.hostPort !== undefined && p.hostPort !== 0) {
      if (!isPortNumber(p.hostPort)) {
        throw new ValidationError(scope, `${prop}.hostPort`, 'must be an integer from 1 to 65535', p.hostPort);
      }
      if (hostNetwork && p.hostPort !== p.number) {
        // validateHostNetwork in pkg/apis/core/validation/validation.go.
        throw new ValidationError(scope, `${prop}.hostPort`, 'must equal the port number with `hostNetwork`', p.hostPort, `leave it out or set it to ${p.number}`);
      }
      if (!hostNetwork) hostPorts.push(p.hostPort);
    }
    // With hostNetwork every declared port is a node port (its hostPort defaults to the port,
    // SetDefaults_Pod); two containers cannot hold the same one (AccumulateUniqueHostPorts).
    const hostKey = hostNetwork ? numberKey : p.hostPort ? `${p.hostPort}/${protocol}/${p.hostIp ?? ''}` : undefined;
    if (hostKey !== undefined) {
      const owner = used.get(hostKey);
      if (owner !== undefined && owner !== `containers[${i}]`) {
        throw new ValidationError(scope, `${prop}`, `must not use the node port of ${owner}`, hostKey);
      }
      used.set(hostKey, `containers[${i}]`);
    }
  });
}
