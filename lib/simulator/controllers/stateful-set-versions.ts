/**
 * What the StatefulSet controller does differently between Kubernetes 1.27 and 1.36, derived from
 * the run's {@link FeatureGates}, and the `maxUnavailable` rolling update
 * (`stateful_set_control.go#updateStatefulSetAfterInvariantEstablished`) the
 * MaxUnavailableStatefulSet gate switches on. The 1.27 defaults keep every earlier behaviour.
 */
import { FeatureGateName, FeatureGates, gateStageAt } from '../../versions/feature-gates';
import type { SimPod } from '../cluster/pod-object';
import type { SimStatefulSet } from '../cluster/workload-objects';
import { scaledValue } from './daemon-set-utils';
import type { StatefulSetPods } from './stateful-set-index';

/** The version-dependent rules of `pkg/controller/statefulset`. */
export interface StatefulSetRules {
  /**
   * MaxUnavailableStatefulSet (KEP-961; alpha and off 1.24–1.34, beta and on in 1.35, off again
   * from 1.35.4 by kubernetes#137904): the rolling update deletes up to `maxUnavailable` old pods.
   */
  readonly maxUnavailable: boolean;
  /**
   * Under maxUnavailable a pod counts as unavailable until it has been Ready for minReadySeconds
   * (`isUnavailable`, the KEP-961 beta fix of kubernetes#112307, 1.35); before, `!isHealthy`.
   */
  readonly maxUnavailableHonorsMinReady: boolean;
  /** PodIndexLabel (KEP-4017, kubernetes#119232; beta and on in 1.28, GA 1.32): `apps.kubernetes.io/pod-index` on created pods. */
  readonly podIndexLabel: boolean;
  /**
   * StatefulSetStartOrdinal (KEP-3335; beta and on in 1.27, GA 1.31): `spec.ordinals.start` is
   * read; off → `getStartOrdinal` is 0.
   */
  readonly startOrdinal: boolean;
  /**
   * A Failed replica is deleted without the `RecreatingFailedPod` event and recreated on a later
   * sync, once it is gone (kubernetes#123809, 1.30: "do not try to recreate pod until the old pod
   * has been removed from etcd"); before, deleted and recreated in the same sync.
   */
  readonly recreateNextSync: boolean;
  /**
   * StatefulSetAutoDeletePVC (KEP-1847; beta and on in 1.27, GA 1.32): claims get owner references
   * per `persistentVolumeClaimRetentionPolicy` and stale claims are waited for; off → neither.
   */
  readonly autoDeletePvc: boolean;
}

/** 1.27 with its default gates. */
export const STATEFUL_SET_RULES_1_27: StatefulSetRules = {
  maxUnavailable: false, maxUnavailableHonorsMinReady: false, podIndexLabel: false, startOrdinal: true, recreateNextSync: false, autoDeletePvc: true,
};

/**
 * A gate that was already on in 1.27: on unless the gate table has a row for the version and the
 * run turned it off — a version without a row either predates the table or is past the gate's
 * removal (the feature unconditional).
 */
function onUnlessDisabled(gates: FeatureGates, name: FeatureGateName): boolean {
  return gateStageAt(name, gates.version) === undefined || gates.enabled(name);
}

/** The rules of a run. */
export function statefulSetRules(gates: FeatureGates): StatefulSetRules {
  return {
    maxUnavailable: gates.enabled('MaxUnavailableStatefulSet'),
    maxUnavailableHonorsMinReady: gates.version.minor >= 35,
    podIndexLabel: gates.enabled('PodIndexLabel'),
    startOrdinal: onUnlessDisabled(gates, 'StatefulSetStartOrdinal'),
    recreateNextSync: gates.version.minor >= 30,
    autoDeletePvc: onUnlessDisabled(gates, 'StatefulSetAutoDeletePVC'),
  };
}

/**
 * The set as the controller reads it: with StatefulSetStartOrdinal off `getStartOrdinal` returns 0
 * whatever `spec.ordinals` says. Otherwise the set itself.
 */
export function effectiveSet(set: SimStatefulSet, rules: StatefulSetRules): SimStatefulSet {
  if (rules.startOrdinal || set.spec.ordinals.start === 0) return set;
  return { ...set, spec: { ...set.spec, ordinals: { ...set.spec.ordinals, start: 0 } } };
}

/**
 * `getStatefulSetMaxUnavailable`: `rollingUpdate.maxUnavailable` (default 1) scaled against
 * `replicas` rounding down, at least 1. Undefined when it does not parse (the sync fails).
 */
export function statefulSetMaxUnavailable(set: SimStatefulSet): number | undefined {
  const v = set.spec.updateStrategy.rollingUpdate?.maxUnavailable ?? 1;
  const n = scaledValue(v, set.spec.replicas, false);
  return n === undefined ? undefined : Math.max(1, n);
}

/** The result of {@link maxUnavailableUpdate}. */
export interface MaxUnavailableUpdate {
  /** Old pods to delete, highest ordinal first. */
  readonly deletes: SimPod[];
  /** Why nothing more is deleted. */
  readonly waitingFor?: string;
}

/**
 * `updateStatefulSetAfterInvariantEstablished` (1.24+, MaxUnavailableStatefulSet): count the
 * replicas in `[start, end]` that are unavailable — not healthy (1.27: `!isHealthy`; 1.35:
 * `isUnavailable`, not available for minReadySeconds or terminating), including replicas created
 * or recreated in this sync; at or above `maxUnavailable` → nothing. Else delete up to
 * `maxUnavailable − unavailable` pods not at the update revision and not terminating, from the
 * highest ordinal down to `start + partition`.
 *
 * @param createdNow ordinals whose pod this sync creates (Pending, so unavailable)
 */
export function maxUnavailableUpdate(
  set: SimStatefulSet, pods: StatefulSetPods, start: number, end: number, createdNow: ReadonlySet<number>, rules: StatefulSetRules,
): MaxUnavailableUpdate {
  const maxUnavailable = statefulSetMaxUnavailable(set) ?? 1;
  const unavailable = new Set<number>(createdNow);
  for (const o of pods.unhealthy.values()) if (o >= start && o <= end) unavailable.add(o);
  for (const o of pods.allMissing(start, end)) unavailable.add(o);
  if (rules.maxUnavailableHonorsMinReady) for (const o of pods.notAvailable.values()) if (o >= start && o <= end) unavailable.add(o);
  if (unavailable.size >= maxUnavailable) {
    return { deletes: [], waitingFor: `${unavailable.size} unavailable pods (maxUnavailable ${maxUnavailable})` };
  }
  const lo = start + (set.spec.updateStrategy.rollingUpdate?.partition ?? 0);
  const deletes: SimPod[] = [];
  let o = pods.notUpdated.maxAtMost(end);
  while (o !== undefined && o >= lo && deletes.length < maxUnavailable - unavailable.size) {
    if (!createdNow.has(o)) deletes.push(pods.byOrdinal.get(o)!);
    o = o > lo ? pods.notUpdated.maxAtMost(o - 1) : undefined;
  }
  return { deletes };
}
