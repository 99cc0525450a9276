/**
 * Kind resolution as kubectl does it against a 1.27 API server's discovery documents
 * (k8s.io/apimachinery/pkg/api/meta `DefaultRESTMapper.RESTMapping` → `NoKindMatchError`:
 * `no matches for kind "X" in version "g/v"`). Kind names are case-sensitive there: `apps/v1
 * Statefulset` is not served, whatever the OpenAPI schema file names say.
 */
import { closestName } from '../util/did-you-mean';

/**
 * The kinds each built-in group/version serves in Kubernetes 1.27 with default feature gates
 * (the `kubectl api-resources` of a 1.27 cluster; alpha versions are off by default).
 */
export const SERVED_KINDS: Readonly<Record<string, readonly string[]>> = {
  'v1': ['Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume',
    'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
  'policy/v1': ['PodDisruptionBudget'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'coordination.k8s.io/v1': ['Lease'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'events.k8s.io/v1': ['Event'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'flowcontrol.apiserver.k8s.io/v1beta2': ['FlowSchema', 'PriorityLevelConfiguration'],
  'flowcontrol.apiserver.k8s.io/v1beta3': ['FlowSchema', 'PriorityLevelConfiguration'],
  'authentication.k8s.io/v1': ['TokenRequest', 'TokenReview'],
  'authorization.k8s.io/v1': ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
};

/** Groups built into kube-apiserver (`''` is the core group); any other group is a CRD or an aggregated API. */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  ...Object.keys(SERVED_KINDS).map(groupOf),
  'extensions', 'resource.k8s.io', 'internal.apiserver.k8s.io', 'networking.k8s.io', 'storage.k8s.io',
]);

/** Where each kind the simulator models or carries lives in 1.27. */
export const API_VERSION: Readonly<Record<string, string>> = {
  StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1', Service: 'v1', Pod: 'v1',
  PersistentVolumeClaim: 'v1', Secret: 'v1', ConfigMap: 'v1', PersistentVolume: 'v1', ServiceAccount: 'v1', Namespace: 'v1',
  PodDisruptionBudget: 'policy/v1', NetworkPolicy: 'networking.k8s.io/v1', Role: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1', PriorityClass: 'scheduling.k8s.io/v1', StorageClass: 'storage.k8s.io/v1',
};

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** The outcome of {@link resolveKind}. */
export type KindResolution =
  /** Served by 1.27 (or a group the simulator does not know: a CRD, checked by nobody here). */
  | { readonly served: true; readonly builtIn: boolean }
  /** A built-in group/version that does not serve this kind: the API server's NoKindMatchError. */
  | { readonly served: false; readonly message: string; readonly field: 'kind' | 'apiVersion' };

/**
 * Resolves `apiVersion`/`kind` as discovery does.
 *
 * @param apiVersion e.g. `apps/v1`
 * @param kind e.g. `StatefulSet`
 */
export function resolveKind(apiVersion: string, kind: string): KindResolution {
  const served = SERVED_KINDS[apiVersion];
  if (served?.includes(kind)) return { served: true, builtIn: true };
  if (!BUILT_IN_GROUPS.has(groupOf(apiVersion)) && apiVersion.includes('/')) return { served: true, builtIn: false };
  // meta.NoKindMatchError.Error(): `no matches for kind %q in version %q`.
  let message = `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`;
  const guess = served ? closestName(kind, served) : undefined;
  const home = Object.entries(SERVED_KINDS).find(([, kinds]) => kinds.includes(kind))?.[0];
  const preferred = API_VERSION[kind] ?? home;
  if (guess && guess !== kind) message += `; did you mean ${guess}? (kinds are case-sensitive)`;
  else if (preferred) message += `; Kubernetes 1.27 serves ${kind} as apiVersion: ${preferred}`;
  else if (!served) message += `; Kubernetes 1.27 does not serve ${JSON.stringify(apiVersion)} (removed, or an alpha version that is off by default)`;
  return { served: false, message, field: guess && guess !== kind ? 'kind' : 'apiVersion' };
}
