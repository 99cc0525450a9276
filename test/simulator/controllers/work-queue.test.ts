import { StoreChange } from '../../../lib/simulator/cluster/store-types';
import { ApiError } from '../../../lib/apiserver/api-errors';
import { objectKey } from '../../../lib/simulator/cluster/object-meta';
import { Controller, ControllerRegistration } from '../../../lib/simulator/controllers/controller';
import { Simulation } from '../../../lib/simulator/simulation';
import { newStatefulSet } from '../../helpers/builders';
import { seconds } from '../../helpers/instants';

/** A toy controller recording when it syncs; it can fail or ask for a requeue. */
class Recorder implements Controller {
  public readonly name = 'toy';
  public readonly kind = 'StatefulSet' as const;
  public readonly syncs: Array<[string, number]> = [];
  public failTimes = 0;
  public requeueAfterMs: number | undefined;
  public keysFor(c: StoreChange): string[] {
    return c.object.kind === 'StatefulSet' && c.type !== 'Deleted' ? [objectKey(c.object)] : [];
  }
  public sync(key: string, now: number) {
    this.syncs.push([key, now]);
    if (this.failTimes > 0) {
      this.failTimes--;
      throw new ApiError('InternalError', 'boom');
    }
    const r = this.requeueAfterMs;
    this.requeueAfterMs = undefined;
    return { requeueAfterMs: r };
  }
}

function setup() {
  const toy = new Recorder();
  const reg: ControllerRegistration = { name: 'toy', component: 'toy-controller', create: () => toy };
  const sim = new Simulation({ controllers: [reg] });
  return { sim, toy };
}

test('de-duplicates keys and honours requeueAfterMs', () => {
  const { sim, toy } = setup();
  toy.requeueAfterMs = 5000;
  sim.apply([newStatefulSet('web', 1)]);
  sim.runUntil(seconds(10));
  expect(toy.syncs).toEqual([['default/web', 0], ['default/web', 5000]]);
});

test('retries a failed sync with the rate limiter (5 ms doubling)', () => {
  const { sim, toy } = setup();
  toy.failTimes = 3;
  sim.apply([newStatefulSet('web', 1)]);
  sim.runUntil(seconds(1));
  expect(toy.syncs.map(([, t]) => t)).toEqual([0, 5, 15, 35]);
});

test('a paused controller holds its keys and resyncs everything when the pause ends', () => {
  const { sim, toy } = setup();
  sim.pauseController('toy', seconds(60));
  sim.apply([newStatefulSet('web', 1), newStatefulSet('db', 1)]);
  sim.runUntil(seconds(59));
  expect(toy.syncs).toEqual([]);
  sim.runUntil(seconds(61));
  expect(toy.syncs).toEqual([['default/web', seconds(60)], ['default/db', seconds(60)]]);
});
