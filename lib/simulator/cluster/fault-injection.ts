/**
 * Injected API errors (the scenario's `failRequests`): a controller's write through a Control
 * (controllers/control.ts) is rejected as a real API server rejects it — the ResourceQuota
 * admission plugin's `exceeded quota`, an RBAC denial, an etcd timeout, a conflict — so the
 * controller's `FailedCreate`/`FailedDelete` events and its retry back-off can be simulated.
 *
 * A {@link FaultInjector} belongs to one {@link ClusterState} ({@link faultInjectorOf}): the scenario
 * adds rules through `UserActions.failRequests`, the Controls ask {@link FaultInjector.check} before
 * each write. Only controller writes are affected; the user's own steps and the kubelet's status
 * writes are not.
 *
 * Message wording (`k8s.io/apimachinery/pkg/api/errors`):
 * - Forbidden (`NewForbidden`, via `admission.NewForbidden`): `pods "web-0" is forbidden: <message>`.
 *   The ResourceQuota plugin (`plugin/pkg/admission/resourcequota/controller.go#checkRequest`)
 *   words its message `exceeded quota: <quota>, requested: <r>, used: <u>, limited: <l>`. A create
 *   with `generateName` names the generated name: quota admission runs as validating admission,
 *   after the store generated it (`rest.AdmissionToValidateObjectFunc`: "in case the generated name
 *   is populated"), as real events read (`Error creating: pods "quota-rs-kxq2g" is forbidden: …`).
 * - InternalError (`NewInternalError`): `Internal error occurred: <message>`.
 * - Conflict (`NewConflict`): `Operation cannot be fulfilled on pods "web-0": <message>`.
 */
import { ApiError } from '../../apiserver/api-errors';
import { globMatch } from '../../apiserver/labels';
import { Rng } from '../engine/rng';
import { ownerChain } from './behaviours';
import type { ClusterReader } from './store-types';
import type { SimObjectBase } from './object-meta';
import type { SimObject } from './objects';

/** The API verbs a rule can fail. */
export type FaultVerb = 'create' | 'update' | 'delete';
/** The kinds the controllers write through Controls. */
export type FaultKind = 'Pod' | 'PersistentVolumeClaim' | 'Job';
/** The status reasons a rule can answer with. */
export type FaultReason = 'Forbidden' | 'InternalError' | 'Conflict';

/** Which verbs each kind's Control issues (ClusterPodControl, ClusterClaimControl, ClusterJobControl). */
export const FAULT_VERBS: Readonly<Record<FaultKind, readonly FaultVerb[]>> = {
  Pod: ['create', 'update', 'delete'],
  PersistentVolumeClaim: ['create', 'update', 'delete'],
  Job: ['create', 'delete'],
};

/** One `failRequests` rule. */
export interface RequestFaultRule {
  /** The verb failed. */
  readonly verb: FaultVerb;
  /** The kind of the object written. */
  readonly kind: FaultKind;
  /**
   * `Kind/name` (name may be a glob) of the object the controller acts for, or of one up its owner
   * chain (`CronJob/backup` matches the pods its Jobs create). For a write without an acting owner
   * (a claim's ownerReferences update or delete, the TTL controller deleting a Job), the written
   * object's owner chain is matched.
   *
   * @default - any owner
   */
  readonly owner?: string;
  /** Glob over the written object's name (for `generateName`, the generated name). @default - any name */
  readonly name?: string;
  /** Namespace of the written object. @default - any namespace */
  readonly namespace?: string;
  /** How many matching requests fail; `'always'` fails every one in the window. @default 1 */
  readonly times: number | 'always';
  /** The status reason. @default 'Forbidden' */
  readonly reason: FaultReason;
  /** The error text inside the API server's wording (see the file comment). @default - per reason, see {@link defaultFaultMessage} */
  readonly message?: string;
  /** Requests from this simulated ms on fail. */
  readonly fromMs: number;
  /** Requests from this simulated ms on no longer fail. @default - no end */
  readonly untilMs?: number;
}

/** A write a Control is about to make. */
export interface FaultRequest {
  /** The verb. */
  readonly verb: FaultVerb;
  /** The kind written. */
  readonly kind: FaultKind;
  /** Namespace of the object. */
  readonly namespace: string;
  /** The object's name; a create with `generateName` passes the prefix and `generated: true`. */
  readonly name: string;
  /** Whether `name` is a `generateName` prefix. @default false */
  readonly generated?: boolean;
  /** The object the controller acts for, when the Control knows it. */
  readonly owner: SimObjectBase | null;
  /** The object written, when it exists (update, delete): its owner chain is matched without `owner`. @default - none */
  readonly target?: SimObject;
  /** The writing controller's service account (`job-controller`), for RBAC wording. @default 'kube-controller-manager' */
  readonly controller?: string;
}

/** Plural resource names as API errors spell them (`NewForbidden(qualifiedResource, …)`). */
const RESOURCE: Readonly<Record<FaultKind, string>> = { Pod: 'pods', PersistentVolumeClaim: 'persistentvolumeclaims', Job: 'jobs.batch' };
/** The quota resource a create of one object uses (`count/<resource>` for objects without a core quota name). */
const QUOTA_RESOURCE: Readonly<Record<FaultKind, string>> = { Pod: 'pods', PersistentVolumeClaim: 'persistentvolumeclaims', Job: 'count/jobs.batch' };

/**
 * The message a rule without `message` answers with:
 * - Forbidden create: a ResourceQuota of 0 objects, `exceeded quota: scenario-quota, requested:
 *   pods=1, used: pods=0, limited: pods=0`;
 * - Forbidden update/delete: the RBAC authorizer's `User "system:serviceaccount:kube-system:<controller>"
 *   cannot delete resource "pods" in API group "" in the namespace "default"`;
 * - InternalError: `etcdserver: request timed out`;
 * - Conflict: `the object has been modified; please apply your changes to the latest version and try again`.
 */
export function defaultFaultMessage(rule: Pick<RequestFaultRule, 'verb' | 'kind' | 'reason'>, req: Pick<FaultRequest, 'namespace' | 'controller'>): string {
  switch (rule.reason) {
    case 'InternalError': return 'etcdserver: request timed out';
    case 'Conflict': return 'the object has been modified; please apply your changes to the latest version and try again';
    case 'Forbidden': {
      if (rule.verb === 'create') {
        const r = QUOTA_RESOURCE[rule.kind];
        return `exceeded quota: scenario-quota, requested: ${r}=1, used: ${r}=0, limited: ${r}=0`;
      }
      const [resource, group] = rule.kind === 'Job' ? ['jobs', 'batch'] : [RESOURCE[rule.kind], ''];
      const user = req.controller ? `system:serviceaccount:kube-system:${req.controller}` : 'system:kube-controller-manager';
      return `User "${user}" cannot ${rule.verb} resource "${resource}" in API group "${group}" in the namespace "${req.namespace}"`;
    }
  }
}

/** The {@link ApiError} a rule answers `req` (on an object named `name`) with, worded as the API server words it. */
export function faultError(rule: Pick<RequestFaultRule, 'verb' | 'kind' | 'reason' | 'message'>, req: Pick<FaultRequest, 'namespace' | 'controller'>, name: string): ApiError {
  const message = rule.message ?? defaultFaultMessage(rule, req);
  const resource = RESOURCE[rule.kind];
  switch (rule.reason) {
    case 'Forbidden': return new ApiError('Forbidden', name ? `${resource} "${name}" is forbidden: ${message}` : `${resource} is forbidden: ${message}`);
    case 'InternalError': return new ApiError('InternalError', `Internal error occurred: ${message}`);
    case 'Conflict': return new ApiError('Conflict', `Operation cannot be fulfilled on ${resource} "${name}": ${message}`);
  }
}

interface ActiveRule {
  readonly rule: RequestFaultRule;
  failed: number;
}

/** The failRequests rules of one cluster, and how many requests each has failed. */
export class FaultInjector {
  private readonly rules: ActiveRule[] = [];
  /** Generated names of rejected creates: a generator of its own, so failures do not shift the names the simulation generates. */
  private readonly names = new Rng(0x6661756c);

  /** @param reader the store (time, owner chains) */
  public constructor(private readonly reader: Pick<ClusterReader, 'nowMs' | 'byUid'>) {}

  /** Whether any rule was added (the Controls skip the check otherwise). */
  public get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Adds a rule; rules are tried in the order added, the first that matches fails the request. */
  public add(rule: RequestFaultRule): void {
    this.rules.push({ rule, failed: 0 });
  }

  /**
   * Whether a rule can still fail a request from now on (not used up, window not over). The
   * steady-state fast-forward must not skip periods then: a rule can tell one period from the next.
   */
  public get live(): boolean {
    const now = this.reader.nowMs();
    return this.rules.some((r) => (r.rule.times === 'always' || r.failed < r.rule.times) && (r.rule.untilMs === undefined || now < r.rule.untilMs));
  }

  /** How many requests each rule has failed so far, in the order added. */
  public failures(): number[] {
    return this.rules.map((r) => r.failed);
  }

  /**
   * The error `req` fails with, counting it against the first matching rule, or undefined when
   * it goes through.
   */
  public check(req: FaultRequest): ApiError | undefined {
    if (this.rules.length === 0) return undefined;
    const now = this.reader.nowMs();
    let name: string | undefined = req.generated ? undefined : req.name;
    for (const r of this.rules) {
      const rule = r.rule;
      if (rule.verb !== req.verb || rule.kind !== req.kind) continue;
      if (now < rule.fromMs || (rule.untilMs !== undefined && now >= rule.untilMs)) continue;
      if (rule.times !== 'always' && r.failed >= rule.times) continue;
      if (rule.namespace !== undefined && rule.namespace !== req.namespace) continue;
      if (rule.owner !== undefined && !this.ownerMatches(rule.owner, req)) continue;
      name ??= this.generate(req.name);
      if (rule.name !== undefined && !globMatch(rule.name, name)) continue;
      r.failed++;
      return faultError(rule, req, name);
    }
    return undefined;
  }

  private ownerMatches(owner: string, req: FaultRequest): boolean {
    const slash = owner.indexOf('/');
    const kind = owner.slice(0, slash);
    const name = owner.slice(slash + 1);
    const chain = req.owner
      ? [{ kind: req.owner.kind, name: req.owner.name }, ...ownerChain(req.owner as SimObject, this.reader)]
      : req.target ? ownerChain(req.target, this.reader) : [];
    return chain.some((r) => r.kind === kind && globMatch(name, r.name));
  }

  /** `names.SimpleNameGenerator`: the prefix (cut to 58) plus 5 characters of the name alphabet. */
  private generate(prefix: string): string {
    return prefix.slice(0, 58) + this.names.nameSuffix();
  }
}

const INJECTORS = new WeakMap<object, FaultInjector>();

/**
 * The fault injector of a cluster store (created on first use): the one place the scenario's
 * `failRequests` rules and the Controls meet, without threading it through every constructor.
 */
export function faultInjectorOf(state: Pick<ClusterReader, 'nowMs' | 'byUid'>): FaultInjector {
  let f = INJECTORS.get(state);
  if (!f) INJECTORS.set(state, (f = new FaultInjector(state)));
  return f;
}
