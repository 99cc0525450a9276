/**
 * Cases ported from `pkg/apis/apps/validation/validation_test.go` (release-1.27): TestValidateStatefulSet,
 * TestValidateStatefulSetUpdate, TestValidateDaemonSet, TestValidateDaemonSetUpdate,
 * TestValidateRollingUpdateDaemonSet (maxUnavailable/maxSurge).
 */
import { daemonSet, Obj, statefulSet, template, UpstreamCase } from './harness';

const c = (upstream: string, manifest: Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, expect, ...(note ? { note } : {}) });
const u = (upstream: string, manifest: Obj, update: (o: Obj) => Obj, expect: string, note?: string): UpstreamCase => ({ upstream, manifest, update, expect, ...(note ? { note } : {}) });
const rolling = (ru: Obj) => daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } });
const set = (o: Obj, f: (o: Obj) => void): Obj => { f(o); return o; };

/** TestValidateStatefulSet. */
const STATEFUL_SET: UpstreamCase[] = [
  c('TestValidateStatefulSet/success: "alpha name"', statefulSet({}, { name: 'abc' }), 'accept'),
  c('TestValidateStatefulSet/success: "alphanumeric name"', statefulSet({}, { name: 'abc-123' }), 'accept'),
  c('TestValidateStatefulSet/success: "parallel pod management"', statefulSet({ podManagementPolicy: 'Parallel' }), 'accept'),
  c('TestValidateStatefulSet/success: "ordered ready pod management"', statefulSet({ podManagementPolicy: 'OrderedReady' }), 'accept'),
  c('TestValidateStatefulSet/success: "update strategy OnDelete"', statefulSet({ updateStrategy: { type: 'OnDelete' } }), 'accept'),
  c('TestValidateStatefulSet/success: "rolling update partition"', statefulSet({ replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), 'accept'),
  c('TestValidateStatefulSet/success: "PVC policy Retain/Delete"', statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }), 'accept'),
  c('TestValidateStatefulSet/success: "ordinals.start" (StatefulSetStartOrdinal, beta in 1.27)', statefulSet({ ordinals: { start: 2 } }), 'accept'),
  c('TestValidateStatefulSet/success: "no serviceName" (issue 16)', statefulSet({ serviceName: undefined }), 'accept'),
  c('TestValidateStatefulSet/success: volume claim templates mounted', statefulSet({ volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    template: template({}, { volumeMounts: [{ name: 'data', mountPath: '/data' }] }) }), 'accept'),
  c('TestValidateStatefulSet/"template without containers": accepted, 1.27 does not validate the pod spec (ValidatePodTemplateSpecForStatefulSet TODO)', statefulSet({ template: { metadata: { labels: { a: 'b' } }, spec: { containers: [] } } }), 'accept',
    'the pods the controller creates fail with FailedCreate (pod-create.ts); validate() warns'),
  c('TestValidateStatefulSet/"template container port name too long": accepted (pod spec not validated)', statefulSet({ template: template({}, { ports: [{ name: 'http-metrics-port', containerPort: 80 }] }) }), 'accept'),
  c('TestValidateStatefulSet/"zero-length name"', statefulSet({}, { name: '' }), 'metadata.name'),
  c('TestValidateStatefulSet/"name-too-long"', statefulSet({}, { name: 'a'.repeat(254) }), 'metadata.name'),
  c('TestValidateStatefulSet/"invalid name"', statefulSet({}, { name: 'Bad_Name' }), 'metadata.name'),
  c('TestValidateStatefulSet/"missing-namespace" (v1 fills the request namespace)', statefulSet({}, { namespace: undefined }), 'accept', 'the request namespace is filled in (validate() namespace option), so upstream\'s Required metadata.namespace cannot occur through kubectl'),
  c('TestValidateStatefulSet/"empty selector"', set(statefulSet(), (o) => { o.spec.selector = {}; }), 'spec.selector'),
  c('TestValidateStatefulSet/"selector_doesnt_match"', statefulSet({ selector: { matchLabels: { foo: 'bar' } } }), 'spec.template.metadata.labels'),
  c('TestValidateStatefulSet/"invalid manifest" (no selector)', set(statefulSet(), (o) => { delete o.spec.selector; }), 'spec.selector'),
  c('TestValidateStatefulSet/"negative_replicas"', statefulSet({ replicas: -1 }), 'spec.replicas'),
  c('TestValidateStatefulSet/"invalid_label"', statefulSet({}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.labels'),
  c('TestValidateStatefulSet/"invalid_label 2" (template)', statefulSet({ selector: { matchLabels: { a: 'b' } }, template: template({}, {}, { labels: { a: 'b', 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }) }), 'spec.template.labels'),
  c('TestValidateStatefulSet/"invalid_annotation"', statefulSet({}, { annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.annotations'),
  c('TestValidateStatefulSet/"invalid restart policy 1"', statefulSet({ template: template({ restartPolicy: 'OnFailure' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateStatefulSet/"invalid restart policy 2"', statefulSet({ template: template({ restartPolicy: 'Never' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateStatefulSet/"empty restart policy" (defaulted to Always)', statefulSet({ template: template({ restartPolicy: undefined }) }), 'accept', 'v1 SetDefaults_PodSpec defaults restartPolicy to Always'),
  c('TestValidateStatefulSet/"invalid update strategy"', statefulSet({ updateStrategy: { type: 'foo' } }), 'spec.updateStrategy'),
  c('TestValidateStatefulSet/"empty update strategy" (defaulted to RollingUpdate)', statefulSet({ updateStrategy: undefined }), 'accept', 'v1 SetDefaults_StatefulSet defaults updateStrategy'),
  c('TestValidateStatefulSet/"invalid rolling update"', statefulSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }), 'spec.updateStrategy.rollingUpdate'),
  c('TestValidateStatefulSet/"negative parition"', statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }), 'spec.updateStrategy.rollingUpdate.partition'),
  c('TestValidateStatefulSet/"empty pod management policy" (defaulted)', statefulSet({ podManagementPolicy: undefined }), 'accept', 'v1 SetDefaults_StatefulSet defaults podManagementPolicy to OrderedReady'),
  c('TestValidateStatefulSet/"invalid pod management policy"', statefulSet({ podManagementPolicy: 'foo' }), 'spec.podManagementPolicy'),
  c('TestValidateStatefulSet/"set active deadline seconds"', statefulSet({ template: template({ activeDeadlineSeconds: 10 }) }), 'spec.template.spec.activeDeadlineSeconds'),
  c('TestValidateStatefulSet/"empty PersistentVolumeClaimRetentionPolicy" values', statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Invalid' } }), 'spec.persistentVolumeClaimRetentionPolicy.whenScaled'),
  c('TestValidateStatefulSet/"invalid PersistentVolumeClaimRetentionPolicy whenDeleted"', statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Invalid' } }), 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted'),
  c('TestValidateStatefulSet/"invalid negative ordinals.start"', statefulSet({ ordinals: { start: -2 } }), 'spec.ordinals.start'),
  c('TestValidateStatefulSet/"negative minReadySeconds"', statefulSet({ minReadySeconds: -1 }), 'spec.minReadySeconds'),
  c('TestValidateStatefulSet/"invalid selector operator"', statefulSet({ selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'a', operator: 'Bogus', values: ['b'] }] } }), 'spec.selector.matchExpressions[0].operator'),
  c('TestValidateStatefulSet/"selector In without values"', statefulSet({ selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'a', operator: 'In' }] } }), 'spec.selector.matchExpressions[0].values'),
  c('TestValidateStatefulSet/"invalid revisionHistoryLimit"', statefulSet({ revisionHistoryLimit: -1 }), 'accept', 'ValidateStatefulSetSpec (1.27) has no revisionHistoryLimit check (DaemonSet and Deployment have one); the controller treats a negative limit as 0'),
];

/** TestValidateStatefulSetUpdate. */
const STATEFUL_SET_UPDATE: UpstreamCase[] = [
  u('TestValidateStatefulSetUpdate/success: "update replica count"', statefulSet(), (o) => set(o, (x) => { x.spec.replicas = 3; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update containers image"', statefulSet(), (o) => set(o, (x) => { x.spec.template.spec.containers[0].image = 'image:v2'; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update updateStrategy"', statefulSet(), (o) => set(o, (x) => { x.spec.updateStrategy = { type: 'OnDelete' }; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update min ready seconds"', statefulSet(), (o) => set(o, (x) => { x.spec.minReadySeconds = 10; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update existing instance with now-invalid name"', statefulSet(), (o) => set(o, (x) => { x.spec.template.metadata.annotations = { note: 'x' }; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update PVC retention policy"', statefulSet(), (o) => set(o, (x) => { x.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Delete' }; }), 'accept'),
  u('TestValidateStatefulSetUpdate/success: "update ordinals"', statefulSet(), (o) => set(o, (x) => { x.spec.ordinals = { start: 3 }; }), 'accept'),
  u('TestValidateStatefulSetUpdate/"update selector"', statefulSet(), (o) => set(o, (x) => { x.spec.selector = { matchLabels: { a: 'b', c: 'd' } }; x.spec.template.metadata.labels.c = 'd'; }), 'spec'),
  u('TestValidateStatefulSetUpdate/"updates to a field other than spec.Replicas" (podManagementPolicy)', statefulSet(), (o) => set(o, (x) => { x.spec.podManagementPolicy = 'Parallel'; }), 'spec'),
  u('TestValidateStatefulSetUpdate/"update serviceName"', statefulSet(), (o) => set(o, (x) => { x.spec.serviceName = 'other'; }), 'spec'),
  u('TestValidateStatefulSetUpdate/"update volumeClaimTemplates"', statefulSet(), (o) => set(o, (x) => { x.spec.volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]; }), 'spec'),
  u('TestValidateStatefulSetUpdate/"negative replicas"', statefulSet(), (o) => set(o, (x) => { x.spec.replicas = -1; }), 'spec.replicas'),
  u('TestValidateStatefulSetUpdate/"invalid restartPolicy in template"', statefulSet(), (o) => set(o, (x) => { x.spec.template.spec.restartPolicy = 'Never'; }), 'spec.template.spec.restartPolicy'),
  u('TestValidateStatefulSetUpdate/"invalid label"', statefulSet(), (o) => set(o, (x) => { x.metadata.labels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }; }), 'metadata.labels'),
];

/** TestValidateDaemonSet and TestValidateRollingUpdateDaemonSet. */
const DAEMON_SET: UpstreamCase[] = [
  c('TestValidateDaemonSet/success: "abc"', daemonSet(), 'accept'),
  c('TestValidateDaemonSet/success: "abc-123"', daemonSet({}, { name: 'abc-123' }), 'accept'),
  c('TestValidateDaemonSet/success: "OnDelete"', daemonSet({ updateStrategy: { type: 'OnDelete' } }), 'accept'),
  c('TestValidateDaemonSet/"zero-length ID"', daemonSet({}, { name: '' }), 'metadata.name'),
  c('TestValidateDaemonSet/"nil selector"', set(daemonSet(), (o) => { delete o.spec.selector; }), 'spec.selector'),
  c('TestValidateDaemonSet/"empty selector"', set(daemonSet(), (o) => { o.spec.selector = {}; }), 'spec.selector'),
  c('TestValidateDaemonSet/"selector_doesnt_match"', daemonSet({ selector: { matchLabels: { foo: 'bar' } } }), 'spec.template.metadata.labels'),
  c('TestValidateDaemonSet/"invalid template"', set(daemonSet(), (o) => { o.spec.template.spec.containers = []; }), 'spec.template.spec.containers'),
  c('TestValidateDaemonSet/"invalid_label"', daemonSet({}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.labels'),
  c('TestValidateDaemonSet/"invalid_label 2" (template)', daemonSet({ template: template({}, {}, { labels: { a: 'b', 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }) }), 'spec.template.labels'),
  c('TestValidateDaemonSet/"invalid_annotation"', daemonSet({}, { annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }), 'metadata.annotations'),
  c('TestValidateDaemonSet/"invalid restart policy 1"', daemonSet({ template: template({ restartPolicy: 'OnFailure' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateDaemonSet/"invalid restart policy 2"', daemonSet({ template: template({ restartPolicy: 'Never' }) }), 'spec.template.spec.restartPolicy'),
  c('TestValidateDaemonSet/"template may not contain ephemeral containers"', daemonSet({ template: template({ ephemeralContainers: [{ name: 'debug', image: 'image', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }] }) }), 'spec.template.spec.ephemeralContainers'),
  c('TestValidateDaemonSet/"activeDeadlineSeconds in DaemonSet"', daemonSet({ template: template({ activeDeadlineSeconds: 10 }) }), 'spec.template.spec.activeDeadlineSeconds'),
  c('TestValidateDaemonSet/"invalid update strategy type"', daemonSet({ updateStrategy: { type: 'Invalid' } }), 'spec.updateStrategy.type'),
  c('TestValidateDaemonSet/"negative revisionHistoryLimit"', daemonSet({ revisionHistoryLimit: -1 }), 'spec.revisionHistoryLimit'),
  c('TestValidateDaemonSet/"negative minReadySeconds"', daemonSet({ minReadySeconds: -1 }), 'spec.minReadySeconds'),
  c('TestValidateDaemonSet/"template container port name too long" (pod spec validated)', daemonSet({ template: template({}, { ports: [{ name: 'http-metrics-port', containerPort: 80 }] }) }), 'spec.template.spec.containers[0].ports[0].name'),
  c('TestValidateRollingUpdateDaemonSet/success: maxUnavailable 1', rolling({ maxUnavailable: 1 }), 'accept'),
  c('TestValidateRollingUpdateDaemonSet/success: maxUnavailable 25%', rolling({ maxUnavailable: '25%' }), 'accept'),
  c('TestValidateRollingUpdateDaemonSet/success: maxSurge 1, maxUnavailable 0', rolling({ maxUnavailable: 0, maxSurge: 1 }), 'accept'),
  c('TestValidateRollingUpdateDaemonSet/success: maxSurge 100%, maxUnavailable 0%', rolling({ maxUnavailable: '0%', maxSurge: '100%' }), 'accept'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: both zero"', rolling({ maxUnavailable: 0, maxSurge: 0 }), 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: both non-zero"', rolling({ maxUnavailable: 1, maxSurge: 1 }), 'spec.updateStrategy.rollingUpdate.maxSurge'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: maxUnavailable > 100%"', rolling({ maxUnavailable: '101%' }), 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: negative maxUnavailable"', rolling({ maxUnavailable: -1 }), 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: negative maxSurge"', rolling({ maxUnavailable: 0, maxSurge: -1 }), 'spec.updateStrategy.rollingUpdate.maxSurge'),
  c('TestValidateRollingUpdateDaemonSet/"invalid: percentage without number"', rolling({ maxUnavailable: 'abc%' }), 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
];

/** TestValidateDaemonSetUpdate. */
const DAEMON_SET_UPDATE: UpstreamCase[] = [
  u('TestValidateDaemonSetUpdate/success: "pod template changes"', daemonSet(), (o) => set(o, (x) => { x.spec.template.spec.containers[0].image = 'image:v2'; }), 'accept'),
  u('TestValidateDaemonSetUpdate/success: "update strategy changes"', daemonSet(), (o) => set(o, (x) => { x.spec.updateStrategy = { type: 'OnDelete' }; }), 'accept'),
  u('TestValidateDaemonSetUpdate/success: "labels changes"', daemonSet(), (o) => set(o, (x) => { x.metadata.labels = { app: 'x' }; }), 'accept'),
  u('TestValidateDaemonSetUpdate/"change daemon name" → selector change', daemonSet(), (o) => set(o, (x) => { x.spec.selector = { matchLabels: { a: 'b', c: 'd' } }; x.spec.template.metadata.labels.c = 'd'; }), 'spec.selector'),
  u('TestValidateDaemonSetUpdate/"invalid selector" (template no longer matches)', daemonSet(), (o) => set(o, (x) => { x.spec.template.metadata.labels = { foo: 'bar' }; }), 'spec.template.metadata.labels'),
  u('TestValidateDaemonSetUpdate/"invalid pod" (no containers)', daemonSet(), (o) => set(o, (x) => { x.spec.template.spec.containers = []; }), 'spec.template.spec.containers'),
  u('TestValidateDaemonSetUpdate/"invalid update strategy"', daemonSet(), (o) => set(o, (x) => { x.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }; }), 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
  u('TestValidateDaemonSetUpdate/"negative minReadySeconds"', daemonSet(), (o) => set(o, (x) => { x.spec.minReadySeconds = -1; }), 'spec.minReadySeconds'),
];

/** Every apps case. */
export const APPS_CASES: readonly UpstreamCase[] = [...STATEFUL_SET, ...STATEFUL_SET_UPDATE, ...DAEMON_SET, ...DAEMON_SET_UPDATE];
