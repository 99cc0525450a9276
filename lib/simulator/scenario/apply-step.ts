/** Performing one scenario step through {@link UserActions}. */
import { ApiError } from '../../apiserver/api-errors';
import { formatDurationMs } from '../engine/duration';
import type { UserActions } from '../user-actions';
import type { ScenarioStep } from './scenario';
import { ScenarioError } from './scenario-error';

/**
 * Performs one step. A rejected step (object not found, invalid patch) throws a
 * {@link ScenarioError} naming the step.
 *
 * @param actions the simulation's user actions
 * @param step the step
 * @param namespace namespace for steps without one
 * @param file the scenario file name for messages
 */
export function applyStep(actions: UserActions, step: ScenarioStep, namespace: string, file = '<scenario>'): void {
  const a = step.action;
  const ns = (x: { namespace?: string }) => x.namespace ?? namespace;
  try {
    switch (a.type) {
      case 'scale': actions.scale(a.kind, ns(a), a.name, a.replicas); break;
      case 'deletePod': actions.deletePods(a.selector); break;
      case 'setImage': actions.setImage(a.kind, ns(a), a.name, a.container, a.image); break;
      case 'addNode': actions.addNode(a.node); break;
      case 'removeNode': actions.removeNode(a.node); break;
      case 'cordon': actions.cordon(a.node); break;
      case 'uncordon': actions.uncordon(a.node); break;
      case 'taint': actions.taint(a.node, a.key, a.value, a.effect); break;
      case 'untaint': actions.untaint(a.node, a.key, a.effect); break;
      case 'failPod': actions.failPods(a.selector, a.exitCode); break;
      case 'evictPod': actions.evictPods(a.selector); break;
      case 'setReady': actions.setReady(a.selector, a.ready); break;
      case 'patch': actions.patch(a.kind, ns(a), a.name, a.patch); break;
      case 'pauseController': actions.pauseController(a.name, a.forMs); break;
      case 'delete': actions.delete(a.kind, ns(a), a.name); break;
    }
  } catch (e) {
    const reason = e instanceof ApiError ? e.message : e instanceof Error && e.name === 'SimulationError' ? e.message.replace(/ \(at \d+ ms.*\)$/, '') : undefined;
    if (reason === undefined) throw e;
    throw new ScenarioError([{ path: `steps[${step.index}]`, message: `${file}: \`steps[${step.index}]\` (at ${formatDurationMs(step.atMs)}, ${step.label}) failed: ${reason}` }]);
  }
}
