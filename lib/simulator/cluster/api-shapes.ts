/**
 * The Kubernetes 1.27 API shapes the object models reuse (kubernetes-models types under short
 * names), and node taints.
 */
import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IIoK8sApiCoreV1Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1NodeSelectorTerm } from 'kubernetes-models/v1/NodeSelectorTerm';
import type { IIoK8sApiCoreV1PersistentVolumeClaimSpec } from 'kubernetes-models/v1/PersistentVolumeClaimSpec';
import type { IIoK8sApiCoreV1PodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IIoK8sApiCoreV1PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IIoK8sApiCoreV1ServiceSpec } from 'kubernetes-models/v1/ServiceSpec';
import type { IIoK8sApiCoreV1Toleration } from 'kubernetes-models/v1/Toleration';

// ---------------------------------------------------------------------------------------------
// Kubernetes 1.27 API shapes we reuse (kubernetes-models 4.3.1 is generated from the 1.27 OpenAPI)
// ---------------------------------------------------------------------------------------------

/** core/v1 PodSpec (Kubernetes 1.27). */
export type PodSpec = IIoK8sApiCoreV1PodSpec;
/** core/v1 PodTemplateSpec (Kubernetes 1.27). */
export type PodTemplateSpec = IIoK8sApiCoreV1PodTemplateSpec;
/** core/v1 Container (Kubernetes 1.27). */
export type Container = IIoK8sApiCoreV1Container;
/** core/v1 Toleration (Kubernetes 1.27). */
export type Toleration = IIoK8sApiCoreV1Toleration;
/** core/v1 NodeSelectorTerm (Kubernetes 1.27). */
export type NodeSelectorTerm = IIoK8sApiCoreV1NodeSelectorTerm;
/** meta/v1 LabelSelector (matchLabels + matchExpressions). */
export type LabelSelector = IIoK8sApimachineryPkgApisMetaV1LabelSelector;
/** core/v1 PersistentVolumeClaimSpec (Kubernetes 1.27). */
export type PersistentVolumeClaimSpec = IIoK8sApiCoreV1PersistentVolumeClaimSpec;
/** core/v1 ServiceSpec (Kubernetes 1.27). */
export type ServiceSpec = IIoK8sApiCoreV1ServiceSpec;

/** Taint effects. */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A node taint. */
export interface Taint {
  /** Taint key. */
  readonly key: string;
  /** Taint value (may be empty). */
  readonly value?: string;
  /** Effect. */
  readonly effect: TaintEffect;
  /** When the taint was added, in simulated ms (for NoExecute `tolerationSeconds`). */
  readonly addedMs?: number;
}
