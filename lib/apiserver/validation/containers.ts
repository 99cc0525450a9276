/** Containers: names, ports, env, probes, security context (`pkg/apis/core/validation/validation.go`, 1.27). */
import { initContainerMayHaveProbes, validateContainerRestartPolicy } from './sidecars';
import { dns1123LabelErrors } from '../names';
import { FieldErrors, IS_NEGATIVE, Obj, inclusiveRange, portNameErrors, portNumErrors, portNumOrName } from './field';
import { validateResources } from './resources';
import { validateEnv } from './env';
import { validateVolumeMounts } from './volumes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

// validation.go#validateContainerPorts
export function validatePorts(ports: Obj[] | undefined, path: string, errs: FieldErrors): void {
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const at = `${path}[${i}]`;
    const name: string = port.name ?? '';
    if (name.length > 0) {
      const msgs = portNameErrors(name);
      for (const m of msgs) errs.invalid(`${at}.name`, name, m, 'a port name is an IANA service name: at most 15 lower-case letters, digits and single hyphens, with at least one letter');
      if (msgs.length === 0 && names.has(name)) errs.duplicate(`${at}.name`, name, 'port names must be unique within a container');
      else if (msgs.length === 0) names.add(name);
    }
    if (!port.containerPort) {
      errs.required(`${at}.containerPort`, '', 'give the port the container listens on');
    } else {
      for (const m of portNumErrors(port.containerPort)) errs.invalid(`${at}.containerPort`, port.containerPort, m, 'use a port from 1 to 65535');
    }
    if (port.hostPort) {
      for (const m of portNumErrors(port.hostPort)) errs.invalid(`${at}.hostPort`, port.hostPort, m, 'use a port from 1 to 65535, or 0 (unset) for no host port');
    }
    const protocol = port.protocol ?? 'TCP'; // v1 defaults.go#SetDefaults_ContainerPort
    if (!PROTOCOLS.includes(protocol)) errs.notSupported(`${at}.protocol`, protocol, PROTOCOLS);
  });
}

// validation.go#checkHostPortConflicts (AccumulateUniqueHostPorts): protocol/hostIP/hostPort unique
export function checkHostPortConflicts(containers: Obj[], path: string, errs: FieldErrors): void {
  const seen = new Set<string>();
  containers.forEach((c, ci) => (c.ports ?? []).forEach((p: Obj, pi: number) => {
    if (!p.hostPort) return;
    const key = `${p.protocol ?? 'TCP'}/${p.hostIP ?? ''}/${p.hostPort}`;
    if (seen.has(key)) errs.duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key, 'two containers cannot bind the same host port');
    seen.add(key);
  }));
}

// validation.go#validateHandler (probe and lifecycle handlers): exactly one handler type
function validateHandler(handler: Obj, path: string, errs: FieldErrors, kinds: readonly string[]): void {
  let count = 0;
  for (const kind of kinds) {
    const h = handler[kind];
    if (h === undefined || h === null) continue;
    if (count > 0) {
      errs.forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type', 'keep only one of exec, httpGet, tcpSocket, grpc');
      continue;
    }
    count++;
    // validation.go#validateExecAction / validateHTTPGetAction / validateTCPSocketAction / validateGRPCAction
    if (kind === 'exec' && (h.command ?? []).length === 0) errs.required(`${path}.exec.command`, '', 'give the command to run');
    if (kind === 'httpGet' || kind === 'tcpSocket') portNumOrName(h.port, `${path}.${kind}.port`, errs);
    if (kind === 'httpGet' && h.scheme !== undefined && !['HTTP', 'HTTPS'].includes(h.scheme)) errs.notSupported(`${path}.httpGet.scheme`, h.scheme, ['HTTP', 'HTTPS']);
    if (kind === 'grpc') for (const m of portNumErrors(h.port)) errs.invalid(`${path}.grpc.port`, h.port, m, 'use a port from 1 to 65535');
  }
  if (count === 0) errs.required(path, 'must specify a handler type', `add one of ${kinds.join(', ')}`);
}

// validation.go#validateProbe (timeouts and thresholds of 0 are defaulted: v1 defaults.go#SetDefaults_Probe)
function validateProbe(probe: Obj | undefined, path: string, errs: FieldErrors): void {
  if (!probe) return;
  validateHandler(probe, path, errs, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (typeof probe[f] === 'number' && probe[f] < 0) errs.invalid(`${path}.${f}`, probe[f], IS_NEGATIVE, `set ${f} to a positive number (or leave it unset for the default)`);
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0) errs.invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0', 'give a positive grace period or remove it');
}

// validation.go#ValidateSecurityContext (container) / IsValidUserID / IsValidGroupID
export function validateIds(sc: Obj | undefined, path: string, errs: FieldErrors, fields: readonly string[]): void {
  if (!sc) return;
  for (const f of fields) {
    const v = sc[f];
    if (typeof v === 'number' && (v < 0 || v > 2147483647)) errs.invalid(`${path}.${f}`, v, inclusiveRange(0, 2147483647), 'user and group IDs are 0 or more');
  }
  (fields.includes('fsGroup') ? sc.supplementalGroups ?? [] : []).forEach((g: number, i: number) => {
    if (g < 0 || g > 2147483647) errs.invalid(`${path}.supplementalGroups[${i}]`, g, inclusiveRange(0, 2147483647), 'group IDs are 0 or more');
  });
  if (!fields.includes('fsGroup') && sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    errs.invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true', 'a privileged container always allows privilege escalation');
  }
}

/** Which list a container is in. */
export type ContainerKind = 'containers' | 'initContainers';

/**
 * validation.go#validateContainers / validateInitContainers (+ validateContainerCommon): names are
 * DNS-1123 labels unique across containers and initContainers; ports, env, mounts, resources,
 * probes (init containers may not have probes or lifecycle), security context.
 */
export function validateContainerList(containers: Obj[], kind: ContainerKind, path: string, taken: Set<string>, volumes: ReadonlySet<string>, errs: FieldErrors): void {
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    const name: string = c.name ?? '';
    if (name.length === 0) errs.required(`${at}.name`, '', 'name the container');
    for (const e of name.length > 0 ? dns1123LabelErrors(name) : []) errs.invalid(`${at}.name`, name, e, 'use lower-case letters, digits and -');
    if (taken.has(name)) errs.duplicate(`${at}.name`, name, 'container names must be unique across containers and initContainers');
    else if (name.length > 0) taken.add(name);
    validatePorts(c.ports, `${at}.ports`, errs);
    validateEnv(c.env, `${at}.env`, errs);
    validateVolumeMounts(c.volumeMounts, volumes, `${at}.volumeMounts`, errs);
    validateResources(c.resources, `${at}.resources`, errs);
    validateIds(c.securityContext, `${at}.securityContext`, errs, ['runAsUser', 'runAsGroup']);
    // A container's restartPolicy reaches validation only where the version has the field and the
    // SidecarContainers gate is on (the schema and dropDisabledFields remove it otherwise), so its
    // presence means sidecars are enabled (sidecars.ts, validation.go validateInitContainers).
    validateContainerRestartPolicy(c, kind, at, true, errs);
    const sidecar = kind === 'initContainers' && initContainerMayHaveProbes(c, true);
    if (c.lifecycle) {
      if (kind === 'initContainers' && !sidecar) errs.forbidden(`${at}.lifecycle`, 'may not be set for init containers', 'remove it');
      else for (const h of ['postStart', 'preStop']) if (c.lifecycle[h]) validateHandler(c.lifecycle[h], `${at}.lifecycle.${h}`, errs, ['exec', 'httpGet', 'tcpSocket']);
    }
    for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (!c[p]) continue;
      if (kind === 'initContainers' && !sidecar) {
        errs.forbidden(`${at}.${p}`, 'may not be set for init containers', 'remove it: init containers run to completion');
        continue;
      }
      validateProbe(c[p], `${at}.${p}`, errs);
      // validation.go#validateReadinessProbe: "must not be set for readinessProbes"
      if (p === 'readinessProbe' && c[p].terminationGracePeriodSeconds !== undefined) {
        errs.invalid(`${at}.${p}.terminationGracePeriodSeconds`, c[p].terminationGracePeriodSeconds, 'must not be set for readinessProbes', 'remove it: a failing readiness probe does not kill the container');
      }
      const success = c[p].successThreshold ?? 0;
      if (p !== 'readinessProbe' && success !== 0 && success !== 1) {
        errs.invalid(`${at}.${p}.successThreshold`, success, 'must be 1', `${p} successThreshold must be 1 (or unset)`);
      }
    }
  });
  checkHostPortConflicts(containers, path, errs);
}

/**
 * validation.go#validateHostNetwork: under hostNetwork every hostPort equals its containerPort
 * (an unset hostPort is defaulted to it, v1 defaults.go#SetDefaults_PodSpec).
 */
export function validateHostNetwork(containers: Obj[], path: string, errs: FieldErrors): void {
  containers.forEach((c, ci) => ((c.ports ?? []) as Obj[]).forEach((p, pi) => {
    if (p.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
      errs.invalid(`${path}[${ci}].ports[${pi}].hostPort`, p.hostPort, '`hostPort` must match `containerPort` when `hostNetwork` is true', 'remove hostPort or make it equal to containerPort');
    }
  }));
}
