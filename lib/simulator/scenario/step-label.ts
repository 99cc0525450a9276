/** Short human labels of scenario steps, e.g. `scale StatefulSet/web to 5`. */
import { formatDurationMs } from '../engine/duration';
import type { PodSelector } from '../user-actions';
import type { ScenarioAction } from './scenario';

function describeSelector(s: PodSelector): string {
  const parts = [s.name ? `pod ${s.namespace ? `${s.namespace}/` : ''}${s.name}` : 'pods', s.owner ? `of ${s.owner}` : '', s.node ? `on ${s.node}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** A short human description of a step, e.g. `scale StatefulSet/web to 5`. */
export function stepLabel(a: ScenarioAction): string {
  switch (a.type) {
    case 'scale': return `scale ${a.kind}/${a.name} to ${a.replicas}`;
    case 'deletePod': return `delete ${describeSelector(a.selector)}`;
    case 'setImage': return `set image ${a.kind}/${a.name} ${a.container}=${a.image}`;
    case 'addNode': return `add node ${a.node.name}`;
    case 'removeNode': return `remove node ${a.node}`;
    case 'cordon': return `cordon ${a.node}`;
    case 'uncordon': return `uncordon ${a.node}`;
    case 'taint': return `taint ${a.node} ${a.key}${a.value !== undefined ? `=${a.value}` : ''}:${a.effect}`;
    case 'untaint': return `untaint ${a.node} ${a.key}${a.effect ? `:${a.effect}` : ''}`;
    case 'failPod': return `fail ${describeSelector(a.selector)} (exit ${a.exitCode})`;
    case 'evictPod': return `evict ${describeSelector(a.selector)}`;
    case 'setReady': return `${a.ready ? 'make ready' : 'make unready'} ${describeSelector(a.selector)}`;
    case 'patch': return `patch ${a.kind}/${a.name} ${JSON.stringify(a.patch)}`;
    case 'pauseController': return `pause ${a.name} controller for ${formatDurationMs(a.forMs)}`;
    case 'delete': return `delete ${a.kind}/${a.name}`;
    case 'removeFinalizer': return `remove finalizer ${a.finalizer ?? '(all)'} from ${a.kind}/${a.name}`;
    case 'nodeCondition': return `node ${a.node} ${a.condition}=${a.status}`;
    case 'failRequests': {
      const r = a.rule;
      const what = [r.owner ? `by ${r.owner}` : '', r.name ? `named ${r.name}` : ''].filter(Boolean).join(' ');
      const times = r.times === 'always' ? 'every time' : r.times === 1 ? 'once' : `${r.times} times`;
      const until = r.untilMs !== undefined ? ` until ${formatDurationMs(r.untilMs)}` : '';
      return `fail ${r.verb} ${r.kind}${what ? ` ${what}` : ''} ${times}${until} (${r.reason})`;
    }
  }
}
