/**
 * What the store's create does to an object before it is stored (cluster-state.ts `create`): the
 * admission the API server applies on create — the pod spec's defaults and checks, a Job's
 * generated selector and labels, the pvc-protection finalizer, a Service's cluster IP, a Node's
 * ordinal and internal IP — and the name and label checks per kind.
 */
import { FieldError, invalid } from '../../apiserver/api-errors';
import { labelErrors, nameErrors, podErrors } from '../../apiserver/names';
import { SimService } from './core-objects';
import { nodeInternalIP } from './network';
import { SimObject } from './objects';
import { admitPodSpec } from './pod-admission';
import { SimJob } from './workload-objects';

/** What admission numbers in creation order; the store owns the counters. */
export interface AdmissionOrdinals {
  /** The next Node's ordinal (1, 2, …). */
  nextNode(): number;
  /** The next Service cluster IP's ordinal (0, 1, …). */
  nextServiceIp(): number;
}

/**
 * Admits `obj` in place at simulated ms `now`.
 *
 * @throws SimulationError (INVALID) naming every field admission rejects
 */
export function admit(obj: SimObject, now: number, ordinals: AdmissionOrdinals): void {
  const errors: FieldError[] = [];
  switch (obj.kind) {
    case 'Pod': {
      obj.spec = admitPodSpec(obj.spec);
      errors.push(...podErrors(obj));
      if (obj.spec.nodeName) {
        // A pod created with spec.nodeName is bound by its author; the scheduler skips it.
        obj.nodeName = obj.spec.nodeName;
        obj.scheduledMs = now;
        obj.conditions = [{ type: 'PodScheduled', status: 'True', lastTransitionMs: now }];
      }
      break;
    }
    case 'Job':
      admitJob(obj, errors);
      break;
    case 'PersistentVolumeClaim':
      // The StorageObjectInUseProtection admission plugin adds the pvc-protection finalizer.
      if (!obj.finalizers.includes('kubernetes.io/pvc-protection')) obj.finalizers = [...obj.finalizers, 'kubernetes.io/pvc-protection'];
      errors.push(...nameErrors(obj.name), ...labelErrors(obj.labels, 'metadata.labels'));
      break;
    case 'Service':
      (obj as { clusterIP: string | null }).clusterIP = serviceIp(obj, ordinals);
      errors.push(...labelErrors(obj.labels, 'metadata.labels'));
      break;
    case 'Node':
      (obj as { index: number }).index = ordinals.nextNode();
      (obj as { internalIP: string }).internalIP = nodeInternalIP(obj.index);
      break;
    default:
      errors.push(...nameErrors(obj.name), ...labelErrors(obj.labels, 'metadata.labels'));
  }
  if (errors.length > 0) throw invalid(obj.kind, obj.name, errors);
}

/**
 * The Job's generated selector and pod labels (`pkg/registry/batch/job/strategy.go#generateSelector`):
 * unless `manualSelector`, the template gets `controller-uid` and `job-name` (legacy) plus
 * `batch.kubernetes.io/controller-uid` and `batch.kubernetes.io/job-name` (added in 1.27), and the
 * selector matches the uid. A Job without labels takes the template's (`SetDefaults_Job`).
 */
function admitJob(job: SimJob, errors: FieldError[]): void {
  errors.push(...nameErrors(job.name), ...labelErrors(job.labels, 'metadata.labels'));
  let generatedLabels: Record<string, string> | undefined;
  if (!job.spec.manualSelector) {
    const generated = {
      'batch.kubernetes.io/controller-uid': job.uid, 'batch.kubernetes.io/job-name': job.name,
      'controller-uid': job.uid, 'job-name': job.name,
    };
    const template = job.spec.template ?? {};
    // Object.assign is `{ ...a, ...b }` without V8's slow path for a spread followed by new keys
    // (materialize.ts); a Job is admitted on every CronJob run.
    const labels: Record<string, string> = Object.assign({}, template.metadata?.labels ?? {}, generated);
    errors.push(...labelErrors(labels, 'spec.template.labels'));
    job.spec = Object.assign({}, job.spec, {
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': job.uid } },
      template: Object.assign({}, template, { metadata: Object.assign({}, template.metadata ?? {}, { labels }) }),
    });
    generatedLabels = labels;
  }
  // The template labels admission just built are the Job's own map, so the Job shares it rather
  // than keeping a copy (writers replace labels, never edit them: see ClusterState.update).
  if (Object.keys(job.labels).length === 0) job.labels = generatedLabels ?? { ...(job.spec.template.metadata?.labels ?? {}) };
}

/**
 * `None` stays None (headless); an explicit IP is kept; ExternalName gets none; otherwise the next
 * address from 10.96.0.0/12 in creation order, starting at 10.96.0.11 (10.96.0.1 is the
 * `kubernetes` Service and 10.96.0.10 kube-dns in a kubeadm cluster). A real API server picks
 * randomly; sequential keeps runs reproducible.
 */
function serviceIp(svc: SimService, ordinals: AdmissionOrdinals): string | null {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return null;
  if (spec.clusterIP) return spec.clusterIP;
  const n = 11 + ordinals.nextServiceIp();
  return `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}
