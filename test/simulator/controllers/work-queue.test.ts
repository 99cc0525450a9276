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

describe('two slots per key, as client-go keeps them (workqueue Type dirty set + delaying_queue waiting heap)', () => {
  test('an immediate add does not cancel a waiting requeue: both syncs run (delayingType.AddAfter, Type.Add)', () => {
    const { sim, toy } = setup();
    toy.requeueAfterMs = 5000;
    sim.apply([newStatefulSet('web', 1)]);
    sim.at(1000, 'touch', (a) => a.scale('StatefulSet', 'default', 'web', 2));
    sim.runUntil(seconds(10));
    expect(toy.syncs.map(([, t]) => t)).toEqual([0, 1000, 5000]);
  });

  test('a waiting entry keeps the earlier ready time when added again later (waitingForQueue insert)', () => {
    const { sim, toy } = setup();
    toy.requeueAfterMs = 3000;
    sim.apply([newStatefulSet('web', 1)]);
    sim.at(1000, 'touch', (a) => {
      toy.requeueAfterMs = 9000;
      a.scale('StatefulSet', 'default', 'web', 2);
    });
    sim.runUntil(seconds(20));
    // 0 → waits for 3000; the 1000 sync asks for 10000, but 3000 is earlier and is kept; the 3000 sync asks nothing.
    expect(toy.syncs.map(([, t]) => t)).toEqual([0, 1000, 3000]);
  });

  test('a failed sync\'s retry survives an immediate resync that fails too (the earlier waiting entry wins)', () => {
    const { sim, toy } = setup();
    toy.failTimes = 3;
    sim.apply([newStatefulSet('web', 1)]);
    sim.at(1, 'touch', (a) => a.scale('StatefulSet', 'default', 'web', 2));
    sim.runUntil(seconds(1));
    // 0 fails (retry at 5); 1 (the update) fails (10 ms asked, 5 kept); 5 fails (20 ms → 25); 25 succeeds.
    expect(toy.syncs.map(([, t]) => t)).toEqual([0, 1, 5, 25]);
  });

  test('a due waiting entry is absorbed by an add already queued for the same instant (Type.Add de-duplicates)', () => {
    const { sim, toy } = setup();
    toy.requeueAfterMs = 1000;
    sim.apply([newStatefulSet('web', 1)]);
    sim.at(1000, 'touch', (a) => a.scale('StatefulSet', 'default', 'web', 2));
    sim.runUntil(seconds(5));
    expect(toy.syncs.map(([, t]) => t)).toEqual([0, 1000]);
  });
});
