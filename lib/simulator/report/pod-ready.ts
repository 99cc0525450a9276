/**
 * kubectl's READY column of a pod: ready containers over containers. From 1.28 kubectl's
 * `printPod` also counts restartable init containers (sidecars, KEP-753): each one adds to the
 * total and, when ready, to the ready count (pkg/printers/internalversion/printers.go printPod,
 * `isRestartableInitContainer`). Sidecars only exist at versions that have them, so counting them
 * whenever present matches the kubectl of that cluster.
 */
import type { SimPod } from '../cluster/objects';

/** `ready/total` as kubectl prints it. */
export function podReadyColumn(p: SimPod): string {
  let ready = p.containerStatuses.filter((c) => c.ready).length;
  let total = p.containerStatuses.length;
  const init = p.spec.initContainers ?? [];
  init.forEach((c, i) => {
    if ((c as { restartPolicy?: string }).restartPolicy !== 'Always') return;
    total++;
    if (p.initContainerStatuses?.[i]?.ready) ready++;
  });
  return `${ready}/${total}`;
}
