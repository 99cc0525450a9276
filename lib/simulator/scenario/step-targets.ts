/**
 * Messages for a step whose target does not exist: a pod selector that matches no live pod, or a
 * named object missing from the namespace the step looked in — each with the namespace looked in
 * and a did-you-mean from the live objects (`kubectl` itself only says `not found`; a scenario
 * author needs the near miss).
 */
import { closestName } from '../../util/did-you-mean';
import type { SimKind } from '../cluster/object-meta';
import { CLUSTER_SCOPED_KINDS } from '../cluster/object-meta';
import type { PodSelector, UserActions } from '../user-actions';
import type { ScenarioAction } from './scenario';

const SHOWN = 5;

function list(names: readonly string[]): string {
  return names.length <= SHOWN ? names.join(', ') : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`;
}

/** `no pod matches … in namespace "x"` with the live pods and the closest name, owner or node. @internal */
export function noMatchMessage(actions: UserActions, s: PodSelector): string {
  const all = actions.names('Pod');
  const namespaces = [...new Set(all.map((p) => p.namespace))];
  const where = s.namespace !== undefined ? `in namespace "${s.namespace}"` : namespaces.length === 1 ? `in namespace "${namespaces[0]}"` : 'in any namespace';
  const crit = [s.name !== undefined ? `name "${s.name}"` : '', s.owner !== undefined ? `owner ${s.owner}` : '', s.node !== undefined ? `node ${s.node}` : ''].filter(Boolean).join(', ');
  const inNs = all.filter((p) => s.namespace === undefined || p.namespace === s.namespace).map((p) => p.name);
  let hint = '';
  const suggest = (what: string, value: string, known: readonly string[]) => {
    const c = hint === '' ? closestName(value, known) : undefined;
    if (c !== undefined && c !== value) hint = `; did you mean ${what} \`${c}\`?`;
  };
  if (s.name !== undefined) suggest('name', s.name, inNs);
  if (s.owner !== undefined) {
    const slash = s.owner.indexOf('/');
    const kind = s.owner.slice(0, slash);
    const name = s.owner.slice(slash + 1);
    const owners = ['StatefulSet', 'DaemonSet', 'Job', 'CronJob'].flatMap((k) => actions.names(k as SimKind)
      .filter((o) => s.namespace === undefined || o.namespace === s.namespace).map((o) => `${k}/${o.name}`));
    suggest('owner', `${kind}/${name}`, owners);
  }
  if (s.node !== undefined) suggest('node', s.node, actions.names('Node').map((n) => n.name));
  if (s.namespace !== undefined && inNs.length === 0 && namespaces.length > 0) {
    const c = closestName(s.namespace, namespaces);
    hint += `; namespace "${s.namespace}" has no pods${c ? `; did you mean namespace \`${c}\`?` : ` (pods are in ${list(namespaces)})`}`;
  }
  const live = inNs.length === 0 ? 'there are no live pods' : `live pods: ${list(inNs)}`;
  return `no live pod matches ${crit} ${where} (${live})${hint}`;
}

/** For a NotFound of a named object: the namespace looked in, and a near miss or the namespace it is in. @internal */
export function notFoundHint(actions: UserActions, a: ScenarioAction, fallback: string): string {
  if (!('kind' in a) || !('name' in a)) return '';
  const kind = a.kind as SimKind;
  const objects = actions.names(kind);
  if (CLUSTER_SCOPED_KINDS.has(kind)) {
    const c = closestName(a.name, objects.map((o) => o.name));
    return c ? `; did you mean \`${c}\`?` : '';
  }
  const ns = ('namespace' in a && a.namespace) || fallback;
  const elsewhere = objects.filter((o) => o.name === a.name && o.namespace !== ns).map((o) => o.namespace);
  if (elsewhere.length > 0) return ` in namespace "${ns}"; it exists in namespace ${elsewhere.map((n) => `"${n}"`).join(', ')}: add \`namespace: ${elsewhere[0]}\` to the step`;
  const c = closestName(a.name, objects.filter((o) => o.namespace === ns).map((o) => o.name));
  return ` in namespace "${ns}"${c ? `; did you mean \`${c}\`?` : objects.length === 0 ? ` (there is no ${kind})` : ''}`;
}
