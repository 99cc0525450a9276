/** Performing one scenario step through {@link UserActions}. */
import { ApiError } from '../../apiserver/api-errors';
import type { Manifest } from '../../apiserver/kinds';
import { CLUSTER_SCOPED_KINDS } from '../cluster/object-meta';
import { formatDurationMs } from '../engine/duration';
import type { PodSelector, UserActions } from '../user-actions';
import type { ScenarioStep } from './scenario';
import { ScenarioError } from './scenario-error';
import { noMatchMessage, notFoundHint } from './step-targets';

/**
 * The namespace of steps that name none: the manifests' namespace when every namespaced manifest
 * is in the same one (a chart deployed to `databases` needs no `namespace:` on each step), else
 * the scenario's `cluster.namespace`.
 *
 * @param manifests the loaded manifests
 * @param fallback the scenario's namespace (also the namespace of manifests without one)
 */
export function stepNamespace(manifests: readonly Manifest[], fallback: string): string {
  const namespaces = new Set(manifests.filter((m) => !CLUSTER_SCOPED_KINDS.has(m.kind)).map((m) => m.metadata?.namespace ?? fallback));
  return namespaces.size === 1 ? [...namespaces][0] : fallback;
}

/**
 * Performs one step. A rejected step (object not found, invalid patch) throws a
 * {@link ScenarioError} naming the step; so does a pod step whose selector matches no live pod
 * (with the pods it could have meant).
 *
 * @param actions the simulation's user actions
 * @param step the step
 * @param namespace namespace for steps without one (see {@link stepNamespace})
 * @param file the scenario file name for messages
 */
export function applyStep(actions: UserActions, step: ScenarioStep, namespace: string, file = '<scenario>'): void {
  const a = step.action;
  const ns = (x: { namespace?: string }) => x.namespace ?? namespace;
  const pods = (s: PodSelector): PodSelector => {
    if (actions.selectPods(s).length === 0) throw new ApiError('NotFound', noMatchMessage(actions, s));
    return s;
  };
  try {
    switch (a.type) {
      case 'scale': actions.scale(a.kind, ns(a), a.name, a.replicas); break;
      case 'deletePod': actions.deletePods(pods(a.selector)); break;
      case 'setImage': actions.setImage(a.kind, ns(a), a.name, a.container, a.image); break;
      case 'addNode': actions.addNode(a.node); break;
      case 'removeNode': actions.removeNode(a.node); break;
      case 'cordon': actions.cordon(a.node); break;
      case 'uncordon': actions.uncordon(a.node); break;
      case 'taint': actions.taint(a.node, a.key, a.value, a.effect); break;
      case 'untaint': actions.untaint(a.node, a.key, a.effect); break;
      case 'failPod': actions.failPods(pods(a.selector), a.exitCode); break;
      case 'evictPod': actions.evictPods(pods(a.selector)); break;
      case 'setReady': actions.setReady(pods(a.selector), a.ready); break;
      case 'patch': actions.patch(a.kind, ns(a), a.name, a.patch); break;
      case 'pauseController': actions.pauseController(a.name, a.forMs); break;
      case 'delete': actions.delete(a.kind, ns(a), a.name); break;
      case 'removeFinalizer': actions.removeFinalizers(a.kind, ns(a), a.name, a.finalizer); break;
      case 'nodeCondition': actions.nodeCondition(a.node, a.condition, a.status); break;
      case 'failRequests': actions.failRequests({ ...a.rule, namespace: a.rule.namespace ?? namespace }); break;
    }
  } catch (e) {
    let reason = e instanceof ApiError ? e.message : e instanceof Error && e.name === 'SimulationError' ? e.message.replace(/ \(at \d+ ms.*\)$/, '') : undefined;
    if (reason === undefined) throw e;
    if (e instanceof ApiError && e.reason === 'NotFound') reason += notFoundHint(actions, a, namespace);
    const path = step.path ?? `steps[${step.index}]`;
    throw new ScenarioError([{ path, message: `${file}: \`${path}\` (at ${formatDurationMs(step.atMs)}, ${step.label}) failed: ${reason}` }]);
  }
}
