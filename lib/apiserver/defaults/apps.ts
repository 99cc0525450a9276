/**
 * apps/v1 defaulting, ported from `pkg/apis/apps/v1/defaults.go` of Kubernetes 1.27 (feature
 * gates as 1.27 ships them: StatefulSetAutoDeletePVC beta and on; MaxUnavailableStatefulSet alpha
 * and off, so `rollingUpdate.maxUnavailable` is not defaulted).
 */
import { defaultPersistentVolumeClaimSpec, defaultPodTemplateSpec, Obj } from './pod';

/**
 * `SetDefaults_StatefulSet`: podManagementPolicy OrderedReady; an unset updateStrategy type becomes
 * RollingUpdate with an empty rollingUpdate, and a RollingUpdate strategy's rollingUpdate gets
 * partition 0 — only when rollingUpdate is present (`type: RollingUpdate` given without
 * rollingUpdate stays without it); persistentVolumeClaimRetentionPolicy Retain/Retain; replicas 1;
 * revisionHistoryLimit 10. The template (`SetDefaults_PodSpec`) and every volumeClaimTemplate
 * (`SetDefaults_PersistentVolumeClaimSpec`, `SetDefaults_PersistentVolumeClaim` status phase Pending)
 * are defaulted by the generated `SetObjectDefaults_StatefulSet`.
 */
export function defaultStatefulSet(obj: Obj): void {
  const spec = ensure(obj, 'spec');
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = ensure(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    if (strategy.rollingUpdate === undefined) strategy.rollingUpdate = {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate.partition === undefined) {
    strategy.rollingUpdate.partition = 0;
  }
  const retention = ensure(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (spec.replicas === undefined) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    defaultPersistentVolumeClaimSpec(ensure(claim, 'spec'));
    ensure(claim, 'status').phase ??= 'Pending';
  }
}

/**
 * `SetDefaults_DaemonSet`: updateStrategy RollingUpdate; a RollingUpdate strategy gets
 * maxUnavailable 1 and maxSurge 0 where unset; revisionHistoryLimit 10; the template's pod spec.
 */
export function defaultDaemonSet(obj: Obj): void {
  const spec = ensure(obj, 'spec');
  const strategy = ensure(spec, 'updateStrategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined) ru.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(spec.template);
}

/** `parent[key]`, created as `{}` when absent (Go's zero-value struct). */
export function ensure(parent: Obj, key: string): Obj {
  if (parent[key] === undefined || parent[key] === null) parent[key] = {};
  return parent[key];
}
