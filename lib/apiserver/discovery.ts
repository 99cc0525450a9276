/**
 * Kind resolution as kubectl does it against an API server's discovery documents, per Kubernetes
 * minor
 * (k8s.io/apimachinery/pkg/api/meta `DefaultRESTMapper.RESTMapping` → `NoKindMatchError`:
 * `no matches for kind "X" in version "g/v"`). Kind names are case-sensitive there: `apps/v1
 * Statefulset` is not served, whatever the OpenAPI schema file names say.
 */
import { closestName } from '../util/did-you-mean';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion } from '../versions/kubernetes-version';

/**
 * The kinds each built-in group/version serves in Kubernetes 1.27 with default feature gates;
 * {@link servedKinds} applies the later changes
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

/** A group/version's kinds that start or stop being served (default feature gates) from a minor on. */
interface ServedChange {
  /** The first minor with the change. */
  readonly minor: number;
  /** The group/version. */
  readonly groupVersion: string;
  /** Kinds served from `minor` on. */
  readonly add?: readonly string[];
  /** Kinds no longer served from `minor` on (every kind when the group/version was removed). */
  readonly remove?: readonly string[];
}

const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];

/**
 * What changed in the served built-in kinds after 1.27, from the Kubernetes "Deprecated API
 * Migration Guide" (removals) and the release notes of the GA graduations (beta and alpha versions
 * are off by default and are not listed).
 */
const SERVED_CHANGES: readonly ServedChange[] = [
  // KEP-1040 API Priority and Fairness GA in 1.29 (flowcontrol v1); v1beta2 removed in 1.29.
  { minor: 29, groupVersion: 'flowcontrol.apiserver.k8s.io/v1', add: FLOW_CONTROL },
  { minor: 29, groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', remove: FLOW_CONTROL },
  // KEP-3488 ValidatingAdmissionPolicy GA in 1.30.
  { minor: 30, groupVersion: 'admissionregistration.k8s.io/v1', add: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'] },
  // Deprecated API Migration Guide: flowcontrol.apiserver.k8s.io/v1beta3 removed in 1.32.
  { minor: 32, groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', remove: FLOW_CONTROL },
  // KEP-1880 multiple Service CIDRs GA in 1.33.
  { minor: 33, groupVersion: 'networking.k8s.io/v1', add: ['IPAddress', 'ServiceCIDR'] },
  // KEP-4381 DRA structured parameters GA in 1.34 (resource.k8s.io/v1); KEP-3751 VolumeAttributesClass GA in 1.34.
  { minor: 34, groupVersion: 'resource.k8s.io/v1', add: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'] },
  { minor: 34, groupVersion: 'storage.k8s.io/v1', add: ['VolumeAttributesClass'] },
  // 1.35 adds no GA kind and removes none (the stable kinds of @pulumi/kubernetes 4.29.0, generated
  // from 1.35.3, are those of 4.25.0, 1.33.0, plus the 1.34 ones above).
  // KEP-3962 MutatingAdmissionPolicy GA in 1.36 (admissionregistration v1 in @pulumi/kubernetes 4.32.0, 1.36.1).
  { minor: 36, groupVersion: 'admissionregistration.k8s.io/v1', add: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'] },
  // GA in 1.37 (new stable kinds of @pulumi/kubernetes 4.34.2, generated from 1.37, over 4.32.0):
  // KEP-3257 ClusterTrustBundle and KEP-4317 PodCertificateRequest (certificates v1), KEP-5055
  // DeviceTaintRule (resource v1), KEP-4192 StorageVersionMigration (storagemigration v1).
  { minor: 37, groupVersion: 'certificates.k8s.io/v1', add: ['ClusterTrustBundle', 'PodCertificateRequest'] },
  { minor: 37, groupVersion: 'resource.k8s.io/v1', add: ['DeviceTaintRule'] },
  { minor: 37, groupVersion: 'storagemigration.k8s.io/v1', add: ['StorageVersionMigration'] },
];

const servedByMinor = new Map<number, Readonly<Record<string, readonly string[]>>>();

/**
 * The kinds each built-in group/version serves in Kubernetes 1.`minor` with default feature gates.
 *
 * @param minor e.g. 36
 */
export function servedKinds(minor: number): Readonly<Record<string, readonly string[]>> {
  let served = servedByMinor.get(minor);
  if (served) return served;
  const out: Record<string, string[]> = Object.fromEntries(Object.entries(SERVED_KINDS).map(([gv, kinds]) => [gv, [...kinds]]));
  for (const c of SERVED_CHANGES) {
    if (c.minor > minor) continue;
    const kinds = (out[c.groupVersion] ?? []).filter((k) => !(c.remove ?? []).includes(k));
    kinds.push(...(c.add ?? []).filter((k) => !kinds.includes(k)));
    if (kinds.length > 0) out[c.groupVersion] = kinds.sort();
    else delete out[c.groupVersion];
  }
  served = out;
  servedByMinor.set(minor, served);
  return served;
}

/** Groups built into kube-apiserver (`''` is the core group); any other group is a CRD or an aggregated API. */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  ...Object.keys(SERVED_KINDS).map(groupOf), ...SERVED_CHANGES.map((c) => groupOf(c.groupVersion)),
  'extensions', 'resource.k8s.io', 'internal.apiserver.k8s.io', 'networking.k8s.io', 'storage.k8s.io',
]);

/** Where each kind the simulator models or carries lives (the same in every supported minor). */
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
  /** Served by the version (or a group the simulator does not know: a CRD, checked by nobody here). */
  | { readonly served: true; readonly builtIn: boolean }
  /** A built-in group/version that does not serve this kind: the API server's NoKindMatchError. */
  | { readonly served: false; readonly message: string; readonly field: 'kind' | 'apiVersion' };

/**
 * Resolves `apiVersion`/`kind` as discovery does.
 *
 * @param apiVersion e.g. `apps/v1`
 * @param kind e.g. `StatefulSet`
 * @param version the Kubernetes version whose discovery applies @default 1.27
 */
export function resolveKind(apiVersion: string, kind: string, version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION): KindResolution {
  const byGv = servedKinds(version.minor);
  const served = byGv[apiVersion];
  if (served?.includes(kind)) return { served: true, builtIn: true };
  if (!BUILT_IN_GROUPS.has(groupOf(apiVersion)) && apiVersion.includes('/')) return { served: true, builtIn: false };
  // meta.NoKindMatchError.Error(): `no matches for kind %q in version %q`.
  let message = `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`;
  const guess = served ? closestName(kind, served) : undefined;
  const home = Object.entries(byGv).find(([, kinds]) => kinds.includes(kind))?.[0];
  const preferred = API_VERSION[kind] ?? home;
  if (guess && guess !== kind) message += `; did you mean ${guess}? (kinds are case-sensitive)`;
  else if (preferred) message += `; Kubernetes 1.${version.minor} serves ${kind} as apiVersion: ${preferred}`;
  else if (!served) message += `; Kubernetes 1.${version.minor} does not serve ${JSON.stringify(apiVersion)} (removed, or an alpha version that is off by default)`;
  return { served: false, message, field: guess && guess !== kind ? 'kind' : 'apiVersion' };
}
