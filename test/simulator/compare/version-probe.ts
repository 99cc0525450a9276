/**
 * A test-only controller that behaves differently per Kubernetes version, standing in for the
 * per-version controllers until they land: on the first sync of each Job it records a Normal
 * `VersionProbe` event naming the version its context's gates come from, and from 1.36 on also a
 * Warning `OnlyFrom136`. It proves that each run of a comparison gets its own version and that
 * the difference reaches the diff.
 */
import type { StoreChange } from '../../../lib/simulator/cluster/store-types';
import type { Controller, ControllerContext, ControllerRegistration, SyncResult } from '../../../lib/simulator/controllers/controller';
import { CONTROLLERS } from '../../../lib/simulator/controllers';
import { keyOf, splitKeyOf } from '../../../lib/simulator/controllers/keys';
import { atLeast, formatKubernetesVersion } from '../../../lib/versions/kubernetes-version';

class VersionProbe implements Controller {
  public readonly name = 'version-probe';
  public readonly kind = 'Job' as const;
  private readonly seen = new Set<string>();

  public constructor(private readonly ctx: ControllerContext) {}

  public keysFor(change: StoreChange): string[] {
    return change.object.kind === 'Job' && change.type === 'Added' ? [keyOf(change.object)] : [];
  }

  public sync(key: string): SyncResult {
    const { namespace, name } = splitKeyOf(key);
    if (this.seen.has(key) || !this.ctx.cluster.get('Job', namespace, name)) return {};
    this.seen.add(key);
    const ref = { kind: 'Job', namespace, name };
    this.ctx.recorder.event(ref, 'Normal', 'VersionProbe', `gates of Kubernetes ${formatKubernetesVersion(this.ctx.gates.version)}`);
    if (atLeast(this.ctx.gates.version, 36)) this.ctx.recorder.event(ref, 'Warning', 'OnlyFrom136', 'recorded from 1.36 on');
    return {};
  }
}

/** The registered controllers plus the probe. */
export const WITH_VERSION_PROBE: readonly ControllerRegistration[] = [
  ...CONTROLLERS,
  { name: 'version-probe', component: 'version-probe', create: (ctx) => new VersionProbe(ctx) },
];
