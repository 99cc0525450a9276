/**
 * The scenario file (DESIGN.md "Scenario file"): when the run starts and ends, the seed, the
 * cluster's nodes, how pods behave, and the timed user steps. `parseScenario` validates it exactly —
 * an unknown step or field is an error naming the step index and field with a did-you-mean — and
 * returns a typed {@link Scenario}; `applyStep` performs one step through {@link UserActions}.
 *
 * This file holds the types: the parsed {@link Scenario}, its steps and the step actions.
 * Parsing is in parse-scenario.ts (top level), parse-steps.ts and parse-nodes-and-pods.ts;
 * performing a step in apply-step.ts; errors in scenario-error.ts.
 */
import type { PodBehaviour } from '../cluster/behaviours';
import type { NodeConditionStatus, NodeConditionType } from '../cluster/core-objects';
import type { NodeInput } from '../cluster/factories';
import type { RequestFaultRule } from '../cluster/fault-injection';
import type { SimKind, TaintEffect } from '../cluster/objects';
import type { PodSelector, WorkloadKind } from '../user-actions';
import type { Expectation } from './expectations';

/** `scale`: set `spec.replicas` of a StatefulSet. */
export interface ScaleAction {
  /** Step kind. */
  readonly type: 'scale';
  /** The kind scaled (StatefulSet). */
  readonly kind: WorkloadKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** The new replica count. */
  readonly replicas: number;
}

/** `deletePod`: delete every matching live pod. */
export interface DeletePodAction {
  /** Step kind. */
  readonly type: 'deletePod';
  /** Which pods. */
  readonly selector: PodSelector;
}

/** `setImage`: change one container's image in a pod template. */
export interface SetImageAction {
  /** Step kind. */
  readonly type: 'setImage';
  /** StatefulSet, DaemonSet or CronJob. */
  readonly kind: WorkloadKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** Container name. */
  readonly container: string;
  /** New image. */
  readonly image: string;
}

/** `addNode`: add a node. */
export interface AddNodeAction {
  /** Step kind. */
  readonly type: 'addNode';
  /** The node, as `cluster.nodes` describes nodes. */
  readonly node: NodeInput;
}

/** `removeNode`, `cordon`, `uncordon`. */
export interface NodeAction {
  /** Step kind. */
  readonly type: 'removeNode' | 'cordon' | 'uncordon';
  /** Node name. */
  readonly node: string;
}

/** `taint`: add (or replace) a node taint. */
export interface TaintAction {
  /** Step kind. */
  readonly type: 'taint';
  /** Node name. */
  readonly node: string;
  /** Taint key. */
  readonly key: string;
  /** Taint value. @default - none */
  readonly value?: string;
  /** Effect. */
  readonly effect: TaintEffect;
}

/** `untaint`: remove taints by key (and effect). */
export interface UntaintAction {
  /** Step kind. */
  readonly type: 'untaint';
  /** Node name. */
  readonly node: string;
  /** Taint key. */
  readonly key: string;
  /** Effect. @default - every effect */
  readonly effect?: TaintEffect;
}

/** `failPod`: the containers of matching running pods exit with a code. */
export interface FailPodAction {
  /** Step kind. */
  readonly type: 'failPod';
  /** Which pods. */
  readonly selector: PodSelector;
  /** Exit code. @default 1 */
  readonly exitCode: number;
}

/** `evictPod`: matching pods end Failed with reason Evicted. */
export interface EvictPodAction {
  /** Step kind. */
  readonly type: 'evictPod';
  /** Which pods. */
  readonly selector: PodSelector;
}

/** `setReady`: readiness of matching pods starts or stops succeeding. */
export interface SetReadyAction {
  /** Step kind. */
  readonly type: 'setReady';
  /** Which pods. */
  readonly selector: PodSelector;
  /** Ready or not. */
  readonly ready: boolean;
}

/** `patch`: a JSON merge patch on a workload, Service or Node. */
export interface PatchAction {
  /** Step kind. */
  readonly type: 'patch';
  /** Kind. */
  readonly kind: SimKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
  /** The merge patch. */
  readonly patch: Record<string, unknown>;
}

/** `pauseController`: a controller is down for a while. */
export interface PauseControllerAction {
  /** Step kind. */
  readonly type: 'pauseController';
  /** `statefulset`, `daemonset`, `job` or `cronjob`. */
  readonly name: string;
  /** How long, ms. */
  readonly forMs: number;
}

/** `delete`: delete an object (background propagation). */
export interface DeleteAction {
  /** Step kind. */
  readonly type: 'delete';
  /** Kind. */
  readonly kind: SimKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name. */
  readonly name: string;
}

/** `nodeCondition`: a node condition changes (the node lifecycle controller reacts). */
export interface NodeConditionAction {
  /** Step kind. */
  readonly type: 'nodeCondition';
  /** Node name. */
  readonly node: string;
  /** Condition type: Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable. */
  readonly condition: NodeConditionType;
  /** The new status. */
  readonly status: NodeConditionStatus;
}

/** `removeFinalizer`: a finalizer (or every finalizer) leaves an object, e.g. the pod a finalizer held Terminating. */
export interface RemoveFinalizerAction {
  /** Step kind. */
  readonly type: 'removeFinalizer';
  /** Kind. */
  readonly kind: SimKind;
  /** Namespace. @default - the scenario's namespace */
  readonly namespace?: string;
  /** Name (for a Pod, a glob over the live pods). */
  readonly name: string;
  /** The finalizer. @default - every finalizer */
  readonly finalizer?: string;
}

/**
 * `failRequests`: from the step's time on, controller writes matching the rule are rejected by
 * the API server (cluster/fault-injection.ts): `times` of them, or every one until `until`.
 */
export interface FailRequestsAction {
  /** Step kind. */
  readonly type: 'failRequests';
  /** The rule; `fromMs` is the step's time, `namespace` unset means the steps' namespace. */
  readonly rule: Omit<RequestFaultRule, 'fromMs'>;
}

/** What to do in a step. */
export type ScenarioAction = ScaleAction | DeletePodAction | SetImageAction | AddNodeAction | NodeAction | TaintAction | UntaintAction
| FailPodAction | EvictPodAction | SetReadyAction | PatchAction | PauseControllerAction | DeleteAction | NodeConditionAction | RemoveFinalizerAction
| FailRequestsAction;

/** One timed step. */
export interface ScenarioStep {
  /** Position in `steps` (0-based). */
  readonly index: number;
  /** When, simulated ms since start. */
  readonly atMs: number;
  /** What. */
  readonly action: ScenarioAction;
  /** A short human label, e.g. `scale StatefulSet/web to 5`. */
  readonly label: string;
  /** Where the step is written, for messages (`failRequests[0]` for a top-level entry). @default - `steps[<index>]` */
  readonly path?: string;
}

/** A parsed scenario. */
export interface Scenario {
  /** Wall-clock instant of t=0, epoch ms. */
  readonly startEpochMs: number;
  /** End of the run, simulated ms. */
  readonly untilMs: number;
  /** PRNG seed. */
  readonly seed: number;
  /** Namespace for manifests and steps without one. */
  readonly namespace: string;
  /** Nodes at t=0. */
  readonly nodes: NodeInput[];
  /** Pod behaviour profiles, first match wins. */
  readonly pods: PodBehaviour[];
  /**
   * Steps in file order (run in time order; same-time steps in file order). The top-level
   * `failRequests` entries come first, as `failRequests` steps at their `at` (default 0).
   */
  readonly steps: ScenarioStep[];
  /** The `expect:` checks, evaluated after the run (lib/simulator/expect/). @default - none */
  readonly expect?: readonly Expectation[];
}

/** A scenario as YAML/JSON text, a file path, or an already-parsed object. */
export type ScenarioSource = string | Readonly<Record<string, unknown>>;
