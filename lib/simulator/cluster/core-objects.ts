/**
 * Models of nodes, PersistentVolumeClaims, Services, and the objects carried without behaviour.
 */
import type { PersistentVolumeClaimSpec, ServiceSpec, Taint } from './api-shapes';
import type { CarriedKind, SimObjectBase } from './object-meta';

// ---------------------------------------------------------------------------------------------
// Nodes, claims, services
// ---------------------------------------------------------------------------------------------

/** Node capacity (allocatable). */
export interface NodeCapacity {
  /** CPU in millicores. */
  readonly cpuMilli: number;
  /** Memory in bytes. */
  readonly memoryBytes: number;
  /** Max pods. */
  readonly pods: number;
}

/** The node condition types a scenario can set (`nodeCondition`). */
export type NodeConditionType = 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable';

/** A node condition status. */
export type NodeConditionStatus = 'True' | 'False' | 'Unknown';

/** A node. */
export interface SimNode extends SimObjectBase {
  /** Always `Node`. */
  readonly kind: 'Node';
  /** Taints (cordon adds `node.kubernetes.io/unschedulable:NoSchedule`). */
  taints: Taint[];
  /** Allocatable resources. */
  capacity: NodeCapacity;
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  /** Position in node creation order, from 1: the pod CIDR is `10.244.<index>.0/24`. */
  readonly index: number;
  /**
   * `status.addresses` InternalIP, `192.168.0.10 + index` (network.ts `nodeInternalIP`: worker1 →
   * 192.168.0.11): the kubelet's host IP, and the IP of every hostNetwork pod on the node.
   */
  readonly internalIP: string;
  /**
   * Conditions the scenario set (`nodeCondition`), by type; a type not listed is as on a healthy
   * node (Ready True, the others False). @default - healthy
   */
  conditions?: Partial<Record<NodeConditionType, NodeConditionStatus>>;
}

/** A PersistentVolumeClaim. */
export interface SimPvc extends SimObjectBase {
  /** Always `PersistentVolumeClaim`. */
  readonly kind: 'PersistentVolumeClaim';
  /** The claim spec. */
  spec: PersistentVolumeClaimSpec;
  /** Claims are bound at once (no provisioner is modelled). */
  phase: 'Pending' | 'Bound' | 'Lost';
}

/** A Service. */
export interface SimService extends SimObjectBase {
  /** Always `Service`. */
  readonly kind: 'Service';
  /** The spec with `type` defaulted to ClusterIP. */
  spec: ServiceSpec;
  /** `None` for a headless Service, else the allocated virtual IP (10.96.0.0/12), or null for ExternalName. */
  readonly clusterIP: string | null;
}

/** An object of a kind carried without behaviour (Secret, ConfigMap, …). */
export interface SimCarriedObject extends SimObjectBase {
  /** The kind. */
  readonly kind: CarriedKind;
  /** The manifest as loaded. */
  readonly body: Record<string, unknown>;
}
