/**
 * Pod and pod template defaulting, ported from `pkg/apis/core/v1/defaults.go` of Kubernetes 1.27
 * (the `SetDefaults_*` functions the generated `zz_generated.defaults.go` calls for a Pod, a
 * PodTemplateSpec inside a workload, and every Container/Probe/Volume inside them), plus the
 * declarative `+default=` markers of `staging/src/k8s.io/api/core/v1/types.go` (ContainerPort
 * protocol). Functions work on a copy the caller owns (see index.ts `defaultObject`).
 */

/** A decoded object (JSON-like). */
export type Obj = Record<string, any>;

/**
 * `pkg/util/parsers/parsers.go#ParseImageName` returns the tag of a docker reference, "latest"
 * when the reference has neither tag nor digest (`if tag == "" && digest == "" { tag = "latest" }`).
 * The tag is the part after the last `:` that follows the last `/` (a `:` before it is a
 * registry port, as in `localhost:5000/app`); a digest (`@sha256:…`) has no tag.
 *
 * @param image the container image reference
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > lastSlash ? named.slice(colon + 1) : '';
  if (tag === '' && at < 0) return 'latest';
  return tag;
}

/**
 * `SetDefaults_Container` (also applied to init and ephemeral containers via
 * `SetDefaults_EphemeralContainer`): imagePullPolicy Always for the `latest` tag (or no tag),
 * IfNotPresent otherwise; terminationMessagePath `/dev/termination-log`
 * (`v1.TerminationMessagePathDefault`); terminationMessagePolicy File. Ports: protocol TCP
 * (`ContainerPort.Protocol` `+default="TCP"`). Probes: `SetDefaults_Probe`, `SetDefaults_HTTPGetAction`.
 * Env: `SetDefaults_ObjectFieldSelector` (fieldRef apiVersion v1).
 */
export function defaultContainer(c: Obj, hostNetwork: boolean): void {
  if (!c.imagePullPolicy && typeof c.image === 'string') c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const p of c.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    // 1.27 SetDefaults_PodSpec -> defaultHostNetworkPorts: "With host networking default all
    // container ports to host ports" (moved to SetDefaults_Pod in 1.28, kubernetes#117696).
    if (hostNetwork && !p.hostPort && typeof p.containerPort === 'number') p.hostPort = p.containerPort;
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (c[probe]) defaultProbe(c[probe]);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (handler?.httpGet) defaultHttpGet(handler.httpGet);
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion) e.valueFrom.fieldRef.apiVersion = 'v1';
}

/** `SetDefaults_Probe`: timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3. */
export function defaultProbe(p: Obj): void {
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet) defaultHttpGet(p.httpGet);
}

/** `SetDefaults_HTTPGetAction`: path `/`, scheme HTTP. */
function defaultHttpGet(h: Obj): void {
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

/** The volume source fields of `v1.VolumeSource` (one of them is set). */
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral',
];

/**
 * `SetDefaults_Volume`: a volume without a source is an emptyDir. `SetDefaults_SecretVolumeSource`,
 * `…ConfigMapVolumeSource`, `…DownwardAPIVolumeSource`, `…ProjectedVolumeSource`: defaultMode 0644
 * (420); `SetDefaults_HostPathVolumeSource`: type `""` (HostPathUnset);
 * `SetDefaults_ServiceAccountTokenProjection`: expirationSeconds 3600; ephemeral volume claim
 * templates: `SetDefaults_PersistentVolumeClaimSpec`.
 */
export function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined)) v.emptyDir = {};
  for (const s of ['secret', 'configMap', 'downwardAPI', 'projected']) if (v[s] && v[s].defaultMode === undefined) v[s].defaultMode = 420;
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  for (const source of v.projected?.sources ?? []) {
    if (source.serviceAccountToken && source.serviceAccountToken.expirationSeconds === undefined) source.serviceAccountToken.expirationSeconds = 3600;
    for (const item of source.downwardAPI?.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  for (const item of v.downwardAPI?.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  const claimSpec = v.ephemeral?.volumeClaimTemplate?.spec;
  if (claimSpec) defaultPersistentVolumeClaimSpec(claimSpec);
}

/** `SetDefaults_PersistentVolumeClaimSpec`: volumeMode Filesystem. */
export function defaultPersistentVolumeClaimSpec(spec: Obj): void {
  if (spec.volumeMode === undefined) spec.volumeMode = 'Filesystem';
}

/**
 * `SetDefaults_PodSpec` (pods and every pod template): dnsPolicy ClusterFirst, restartPolicy Always,
 * securityContext `{}`, terminationGracePeriodSeconds 30 (`v1.DefaultTerminationGracePeriodSeconds`),
 * schedulerName `default-scheduler`; then its containers and volumes.
 */
export function defaultPodSpec(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext === undefined) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c, false);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/** A pod template: only its spec is defaulted (`SetDefaults_PodSpec`, not `SetDefaults_Pod`). */
export function defaultPodTemplateSpec(template: Obj | undefined): void {
  if (template && typeof template === 'object') {
    if (template.spec === undefined) template.spec = {};
    defaultPodSpec(template.spec);
  }
}

/**
 * `SetDefaults_Pod` (a Pod only, not a template — "we only want this defaulting semantic to take
 * place on a v1.Pod and not a v1.PodTemplate"): every resource with a limit but no request gets the
 * limit as its request, for containers and init containers; enableServiceLinks true
 * (`v1.DefaultEnableServiceLinks`); then `SetDefaults_PodSpec`.
 */
export function defaultPod(pod: Obj): void {
  if (pod.spec === undefined) pod.spec = {};
  const spec = pod.spec;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = c.resources.requests ?? {};
    for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
    c.resources.requests = requests;
  }
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  defaultPodSpec(spec);
}
