/**
 * The StatefulSet reconcile: a pure function of (set, indexed pods, claims, revisions, now) →
 * the ordered writes of one sync, the status to write and when to sync again. It follows
 * `pkg/controller/statefulset/stateful_set_control.go#updateStatefulSet` (Kubernetes 1.27/1.28;
 * reference §1.2–§1.8) pass by pass:
 *
 * 1. replicas = ordinals `[start, start + replicas)`; every other live pod is condemned;
 * 2. `processReplica` over the replicas — OrderedReady (monotonic) stops at the first replica that
 *    blocks, Parallel (burst) handles all of them in slow-start batches 1, 2, 4, … ≤ 500;
 * 3. claims of condemned pods get the retention policy's owner references (`fixPodClaim`);
 * 4. `processCondemned`, highest ordinal first;
 * 5. OnDelete stops here; RollingUpdate deletes the highest pod (down to the partition) that is not
 *    at the update revision, once every pod above it is updated and healthy.
 *
 * The pods come from a {@link StatefulSetPods} index, so each query is O(log n).
 */
import type { Draft } from '../cluster/factories';
import type { PodTemplateSpec } from '../cluster/api-shapes';
import type { SimPvc } from '../cluster/core-objects';
import type { OwnerReference } from '../cluster/object-meta';
import type { SimPod } from '../cluster/pod-object';
import type { SimStatefulSet, StatefulSetStatus } from '../cluster/workload-objects';
import type { StatefulSetPods } from './stateful-set-index';
import {
  claimDrafts, claimIsStale, claimName, desiredClaimOwners, endOrdinal, inOrdinalRange, newPodDraft, podName, sameOwners, startOrdinal,
} from './stateful-set-utils';
import { maxUnavailableUpdate, STATEFUL_SET_RULES_1_27, StatefulSetRules } from './stateful-set-versions';

/** `MaxBatchSize` of the slow-start batches in Parallel mode. */
export const MAX_BATCH_SIZE = 500;

/** The current and update revisions (`getStatefulSetRevisions`). */
export interface StatefulSetRevisions {
  /** Name `<set>-<hash>` of the revision pods below the partition keep. */
  readonly currentRevision: string;
  /** Its template. */
  readonly currentTemplate: PodTemplateSpec;
  /** Name of the revision of the set's current template. */
  readonly updateRevision: string;
  /** The set's current template. */
  readonly updateTemplate: PodTemplateSpec;
}

/** A claim owner-reference change. */
export interface ClaimOwnersChange {
  /** The claim. */
  readonly claim: SimPvc;
  /** Its new owner references. */
  readonly refs: OwnerReference[];
}

/** Fields every action has: which `processReplica`/`processCondemned` call it belongs to, and its slow-start batch. */
interface ActionBase {
  /** The unit of work (one replica or condemned pod); an error skips the rest of the unit. */
  readonly unit: number;
  /** Slow-start batch; an error stops the batches after this one. */
  readonly batch: number;
}

/** One write of a sync, in order. */
export type StatefulSetAction = ActionBase & (
| {
  /**
   * Warning RecreatingFailedPod, then delete the Failed pod (a new one is created next); `silent`
   * (1.30+, kubernetes#123809): no event, and the new pod waits for a later sync.
   */
  readonly type: 'recreateFailed'; readonly pod: SimPod; readonly silent?: boolean;
}
| {
  /**
   * `CreateStatefulPod`: create the missing claims, then the pod, then set the claims' retention
   * owner references. `blockedBy` is the error that prevents it (a claim being deleted).
   */
  readonly type: 'createPod'; readonly ordinal: number; readonly pod: Draft<SimPod>; readonly claims: Array<Draft<SimPvc>>; readonly blockedBy?: string;
}
| {
  /** `createMissingPersistentVolumeClaims` for a Pending pod. */
  readonly type: 'createMissingClaims'; readonly pod: SimPod; readonly claims: Array<Draft<SimPvc>>;
}
| {
  /** Owner references of the pod's claims per the retention policy; `updatePod` records the pod update event. */
  readonly type: 'fixClaims'; readonly pod: SimPod; readonly changes: ClaimOwnersChange[]; readonly updatePod: boolean;
}
| {
  /** Delete a pod: scale-down (condemned) or rolling update. */
  readonly type: 'deletePod'; readonly pod: SimPod; readonly reason: 'scale-down' | 'update';
}
);

/** What one sync should do. */
export interface StatefulSetPlan {
  /** Writes, in order. */
  readonly actions: StatefulSetAction[];
  /** The status to write (even when a write fails, as `performUpdate` does). */
  readonly status: StatefulSetStatus;
  /** Sync again after this many ms (minReadySeconds pending). */
  readonly requeueAfterMs?: number;
  /** Ordinals whose claims were checked against the retention policy (drop them from the index's to-do). */
  readonly claimsChecked: number[];
  /** Why the sync stopped early, for tests and debugging (e.g. `waiting for web-1 to be Running and Ready`). */
  readonly waitingFor?: string;
}

/** Inputs of {@link reconcileStatefulSet}. */
export interface StatefulSetSnapshot {
  /** The set (spec defaulted). */
  readonly set: SimStatefulSet;
  /** Its live pods, indexed (configured for this set and refreshed to `now`). */
  readonly pods: StatefulSetPods;
  /** Live claims in the set's namespace by name. */
  readonly claim: (name: string) => SimPvc | undefined;
  /** Revisions. */
  readonly revisions: StatefulSetRevisions;
  /** Simulated ms (availability is already refreshed to it in `pods`). */
  readonly now: number;
  /** The version's rules (stateful-set-versions.ts). @default STATEFUL_SET_RULES_1_27 */
  readonly rules?: StatefulSetRules;
}

/** The slow-start batch of the `index`-th call (`slowStartBatch(1, n, fn)`: sizes 1, 2, 4, … capped at 500). */
export function slowStartBatchOf(index: number): number {
  let batch = 0;
  let first = 0;
  let size = 1;
  while (index >= first + size) {
    first += size;
    size = Math.min(size * 2, MAX_BATCH_SIZE);
    batch++;
  }
  return batch;
}

/** Plans one sync. Pure: reads the snapshot only. */
export function reconcileStatefulSet(s: StatefulSetSnapshot): StatefulSetPlan {
  const { set, pods, revisions } = s;
  const rules = s.rules ?? STATEFUL_SET_RULES_1_27;
  const start = startOrdinal(set);
  const end = endOrdinal(set);
  const monotonic = set.spec.podManagementPolicy !== 'Parallel'; // !allowsBurst(set)
  const actions: StatefulSetAction[] = [];
  const claimsChecked: number[] = [];
  let unit = 0;
  const status = computeStatus(set, pods, revisions);
  const finish = (waitingFor?: string, extra: Partial<StatefulSetStatus> = {}): StatefulSetPlan => {
    const st = completeRollingUpdate(set, { ...status, ...extra });
    const requeue = set.spec.minReadySeconds > 0 && st.availableReplicas !== set.spec.replicas ? set.spec.minReadySeconds * 1000 : undefined;
    return { actions, status: st, claimsChecked, ...(requeue !== undefined ? { requeueAfterMs: requeue } : {}), ...(waitingFor ? { waitingFor } : {}) };
  };

  // newVersionedStatefulSetPod: RollingUpdate pods below start + partition are created at the
  // current revision (old template), all others at the update revision (reference §1.4).
  const planned = (ordinal: number): { pod: Draft<SimPod>; revision: string } => {
    const partition = set.spec.updateStrategy.type === 'RollingUpdate' ? (set.spec.updateStrategy.rollingUpdate?.partition ?? 0) : -Infinity;
    const atCurrent = set.spec.updateStrategy.type === 'RollingUpdate' && ordinal < start + partition;
    const revision = atCurrent ? revisions.currentRevision : revisions.updateRevision;
    return { pod: newPodDraft(set, atCurrent ? revisions.currentTemplate : revisions.updateTemplate, ordinal, revision, rules.podIndexLabel), revision };
  };

  /**
   * `processReplica` for a replica that is missing (or was just recreated): the stale-claim wait
   * (whenScaled Delete), then `CreateStatefulPod` — claims first, then the pod. Returns false when
   * it must wait.
   */
  const createReplica = (ordinal: number, u: number, batch: number): boolean => {
    const name = podName(set.name, ordinal);
    const drafts = claimDrafts(set, ordinal);
    // StatefulSetAutoDeletePVC off: no retention policy handling at all (the gate guards it upstream).
    if (rules.autoDeletePvc && set.spec.persistentVolumeClaimRetentionPolicy.whenScaled === 'Delete') {
      // PodClaimIsStale: a claim still owned by the previous pod of this name is about to be garbage collected.
      if (drafts.some((d) => { const c = s.claim(d.name!); return c !== undefined && claimIsStale(c, name); })) return false;
    }
    const missing = drafts.filter((d) => s.claim(d.name!) === undefined);
    const deleting = drafts.map((d) => s.claim(d.name!)).filter((c): c is SimPvc => c !== undefined && c.deletionMs !== null);
    actions.push({
      type: 'createPod', unit: u, batch, ordinal, pod: planned(ordinal).pod, claims: missing,
      ...(deleting.length > 0 ? { blockedBy: deleting.map((c) => `pvc ${c.name} is being deleted`).join(', ') } : {}),
    });
    return true;
  };

  const missingClaims = (pod: SimPod, ordinal: number): Array<Draft<SimPvc>> => claimDrafts(set, ordinal).filter((d) => s.claim(d.name!) === undefined && pod.name === podName(set.name, ordinal));

  /** Claim owner changes for the pod at `ordinal` (retention policy). */
  const claimChanges = (pod: SimPod, ordinal: number): ClaimOwnersChange[] => {
    const out: ClaimOwnersChange[] = [];
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const claim = s.claim(claimName(t.metadata?.name ?? '', set.name, ordinal));
      if (!claim) continue;
      const refs = desiredClaimOwners(set, pod, claim);
      if (!sameOwners(claim.ownerReferences, refs)) out.push({ claim, refs });
    }
    return out;
  };

  const fixClaims = (ordinal: number, updatePod: boolean, u: number, batch: number): void => {
    const pod = pods.byOrdinal.get(ordinal);
    claimsChecked.push(ordinal);
    if (!pod || !rules.autoDeletePvc) return;
    const changes = claimChanges(pod, ordinal);
    if (changes.length > 0) actions.push({ type: 'fixClaims', unit: u, batch, pod, changes, updatePod });
  };

  // ------------------------------------------------------------------------------------------
  // processReplica over [start, end]
  // ------------------------------------------------------------------------------------------
  if (monotonic) {
    // The first replica that blocks: missing, or not healthy (Failed, terminating, not Running and
    // Ready), or not yet available (minReadySeconds).
    const candidates = [
      pods.firstMissing(start, end),
      pods.unhealthy.minAtLeast(start),
      pods.notAvailable.minAtLeast(start),
    ].filter((o): o is number => o !== undefined && o <= end);
    const blocking = candidates.length > 0 ? Math.min(...candidates) : undefined;
    // Replicas before the blocking one pass through processReplica's last step: their claims are
    // brought in line with the retention policy (ClaimsMatchRetentionPolicy → UpdateStatefulPod).
    const fixes = [...pods.needsClaimFix.values()].filter((o) => inOrdinalRange(set, o) && (blocking === undefined || o < blocking)).sort((a, b) => a - b);
    for (const o of fixes) fixClaims(o, true, unit++, 0);
    if (blocking !== undefined) {
      const u = unit++;
      const pod = pods.byOrdinal.get(blocking);
      const name = podName(set.name, blocking);
      if (pod && pod.phase === 'Failed') {
        if (rules.recreateNextSync) {
          // kubernetes#123809 (1.30): "New pod should be generated on the next sync after the
          // current pod is removed from etcd" — no RecreatingFailedPod event.
          actions.push({ type: 'recreateFailed', unit: u, batch: 0, pod, silent: true });
          return finish(`${name} to be removed before it is recreated`);
        }
        actions.push({ type: 'recreateFailed', unit: u, batch: 0, pod });
        return finish(createReplica(blocking, u, 0) ? undefined : `stale claims of ${name} to be deleted`);
      }
      if (!pod) {
        return finish(createReplica(blocking, u, 0) ? undefined : `stale claims of ${name} to be deleted`);
      }
      if (pod.phase === 'Pending') {
        const claims = missingClaims(pod, blocking);
        if (claims.length > 0) actions.push({ type: 'createMissingClaims', unit: u, batch: 0, pod, claims });
      }
      if (pod.deletionMs !== null) return finish(`${name} to terminate`);
      if (!(pod.phase === 'Running' && pod.ready)) return finish(`${name} to be Running and Ready`);
      return finish(`${name} to be available (minReadySeconds ${set.spec.minReadySeconds})`);
    }
  } else {
    // Burst: every replica in slow-start batches by its index in [start, end].
    const work = new Map<number, 'failed' | 'missing' | 'pending' | 'fix'>();
    for (const o of pods.failed.values()) if (inOrdinalRange(set, o)) work.set(o, 'failed');
    for (const o of pods.allMissing(start, end)) work.set(o, 'missing');
    for (const o of pods.pending.values()) if (inOrdinalRange(set, o) && !work.has(o)) work.set(o, 'pending');
    for (const o of pods.needsClaimFix.values()) if (inOrdinalRange(set, o) && !work.has(o)) work.set(o, 'fix');
    for (const o of [...work.keys()].sort((a, b) => a - b)) {
      const u = unit++;
      const batch = slowStartBatchOf(o - start);
      const what = work.get(o)!;
      const pod = pods.byOrdinal.get(o);
      if (what === 'failed' && pod) {
        actions.push({ type: 'recreateFailed', unit: u, batch, pod, ...(rules.recreateNextSync ? { silent: true } : {}) });
        if (!rules.recreateNextSync) createReplica(o, u, batch);
      } else if (what === 'missing') {
        createReplica(o, u, batch);
      } else if (what === 'pending' && pod) {
        const claims = missingClaims(pod, o);
        if (claims.length > 0) actions.push({ type: 'createMissingClaims', unit: u, batch, pod, claims });
        fixClaims(o, true, u, batch);
      } else {
        fixClaims(o, true, u, batch);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // condemned pods: claims first (fixPodClaim), then processCondemned, highest ordinal first
  // ------------------------------------------------------------------------------------------
  for (const o of [...pods.needsClaimFix.values()].filter((x) => !inOrdinalRange(set, x)).sort((a, b) => b - a)) fixClaims(o, false, unit++, 0);
  if (monotonic) {
    const above = pods.present.max();
    const highest = above !== undefined && above > end ? above : pods.present.maxAtMost(start - 1);
    if (highest !== undefined) {
      const pod = pods.byOrdinal.get(highest)!;
      // firstUnhealthyPod: every replica is healthy here (else the replica pass returned), so it
      // is the lowest-ordinal unhealthy condemned pod.
      const belowStart = pods.unhealthy.min();
      const firstUnhealthy = belowStart !== undefined && belowStart < start ? belowStart : pods.unhealthy.minAtLeast(end + 1);
      if (pod.deletionMs !== null) return finish(`${pod.name} to terminate before scaling down further`);
      if (!(pod.phase === 'Running' && pod.ready) && highest !== firstUnhealthy) return finish(`${pod.name} to be Running and Ready before scaling down`);
      if (!pods.isAvailable(highest) && highest !== firstUnhealthy) return finish(`${pod.name} to be available before scaling down`);
      actions.push({ type: 'deletePod', unit: unit++, batch: 0, pod, reason: 'scale-down' });
      return finish();
    }
  } else {
    const condemned = [...pods.present.values()].filter((o) => !inOrdinalRange(set, o)).sort((a, b) => b - a);
    condemned.forEach((o, i) => {
      const pod = pods.byOrdinal.get(o)!;
      if (pod.deletionMs === null) actions.push({ type: 'deletePod', unit: unit++, batch: 1000 + slowStartBatchOf(i), pod, reason: 'scale-down' });
    });
  }

  if (set.spec.updateStrategy.type === 'OnDelete') return finish();

  // ------------------------------------------------------------------------------------------
  // RollingUpdate: from the highest index down to the partition, one pod at a time
  // ------------------------------------------------------------------------------------------
  const lo = start + (set.spec.updateStrategy.rollingUpdate?.partition ?? 0);
  const plannedNow = actions.filter((a): a is Extract<StatefulSetAction, { type: 'createPod' }> => a.type === 'createPod').map((a) => a.ordinal);
  if (rules.maxUnavailable) {
    // MaxUnavailableStatefulSet (KEP-961): updateStatefulSetAfterInvariantEstablished.
    const update = maxUnavailableUpdate(set, pods, start, end, new Set(plannedNow), rules);
    for (const pod of update.deletes) actions.push({ type: 'deletePod', unit: unit++, batch: 2000, pod, reason: 'update' });
    return finish(update.waitingFor, update.deletes.length > 0 ? { currentReplicas: status.currentReplicas - update.deletes.length } : {});
  }
  const notUpdated = pods.notUpdated.maxAtMost(end);
  const unhealthy = pods.unhealthy.maxAtMost(end);
  const waiting = [unhealthy, ...plannedNow].filter((o): o is number => o !== undefined && o >= lo);
  const waitTop = waiting.length > 0 ? Math.max(...waiting) : undefined;
  if (notUpdated !== undefined && notUpdated >= lo && (waitTop === undefined || notUpdated >= waitTop)) {
    const pod = pods.byOrdinal.get(notUpdated)!;
    actions.push({ type: 'deletePod', unit: unit++, batch: 2000, pod, reason: 'update' });
    return finish(undefined, { currentReplicas: status.currentReplicas - 1 });
  }
  if (waitTop !== undefined) return finish(`${podName(set.name, waitTop)} to be updated and healthy`);
  return finish();
}

/** `updateStatus` / `computeReplicaStatus` from the index (before this sync's writes). */
function computeStatus(set: SimStatefulSet, pods: StatefulSetPods, r: StatefulSetRevisions): StatefulSetStatus {
  return {
    observedGeneration: set.generation,
    replicas: pods.createdCount,
    readyReplicas: pods.readyCount,
    availableReplicas: pods.availableCount,
    currentReplicas: pods.revisionCount(r.currentRevision),
    updatedReplicas: pods.revisionCount(r.updateRevision),
    currentRevision: r.currentRevision,
    updateRevision: r.updateRevision,
    collisionCount: 0,
  };
}

/**
 * `completeRollingUpdate`: with RollingUpdate, once every pod is updated and ready, the update
 * revision becomes the current one (reference §1.5 "Completion").
 */
function completeRollingUpdate(set: SimStatefulSet, status: StatefulSetStatus): StatefulSetStatus {
  if (set.spec.updateStrategy.type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
  }
  return status;
}
