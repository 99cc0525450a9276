/**
 * The TTL-after-finished controller (reference §4.7): deletes a finished Job at
 * finishTime + ttlSecondsAfterFinished, requeues until then, ignores unfinished Jobs and Jobs
 * without the field.
 */
import type { JobCondition, SimJob } from '../../../lib/simulator/cluster/workload-objects';
import {
  TtlAfterFinishedController, ttlAfterFinishedControllerRegistration, ttlTimeLeftMs,
} from '../../../lib/simulator/controllers/ttl-after-finished-controller';
import { harness, Harness, newJob } from '../../helpers/builders';
import { fakeContext } from '../../helpers/fakes';
import { seconds } from '../../helpers/instants';

interface Case {
  readonly ttl?: number;
  readonly condition?: JobCondition;
  readonly now: number;
  // expectations
  readonly deleted: boolean;
  readonly requeue?: number;
}

const complete = (at: number): JobCondition => ({ type: 'Complete', status: 'True', lastTransitionTime: at });
const failed = (at: number): JobCondition => ({ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', lastTransitionTime: at });

const cases: Record<string, Case> = {
  'complete at 36 s, ttl 100 s, now 40 s → requeue after 96 s (§4.7)': { ttl: 100, condition: complete(seconds(36)), now: seconds(40), deleted: false, requeue: seconds(96) },
  'complete at 36 s, ttl 100 s, now 136 s → deleted (§4.7 now >= finishTime + ttl)': { ttl: 100, condition: complete(seconds(36)), now: seconds(136), deleted: true },
  'failed at 10 s, ttl 0 → deleted right away (§4.7)': { ttl: 0, condition: failed(seconds(10)), now: seconds(10), deleted: true },
  'not finished → nothing (§4.7)': { ttl: 0, now: seconds(10), deleted: false },
  'Suspended condition only → nothing': { ttl: 0, condition: { type: 'Suspended', status: 'True', lastTransitionTime: 0 }, now: seconds(10), deleted: false },
  'no ttlSecondsAfterFinished → kept forever (§4.7)': { condition: complete(0), now: seconds(1_000_000), deleted: false },
};

function setup(c: Case): { h: Harness; job: SimJob } {
  const h = harness();
  const job = h.add(newJob('backup', { restartPolicy: 'Never', extra: c.ttl === undefined ? {} : { ttlSecondsAfterFinished: c.ttl } }));
  if (c.condition) h.state.update(job, (j) => { j.status = { ...j.status, conditions: [c.condition!] }; });
  return { h, job };
}

describe('TtlAfterFinishedController.sync', () => {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    const { h, job } = setup(c);
    const f = fakeContext(h);
    const ctl = new TtlAfterFinishedController(f.ctx);
    h.setNow(c.now);
    const result = ctl.sync('default/backup', h.now);
    expect(f.jobs.deletes).toEqual(c.deleted ? ['backup'] : []);
    expect(job.deletedMs).toBe(c.deleted ? c.now : null);
    expect(result.requeueAfterMs).toBe(c.requeue);
    expect(f.recorder.events).toEqual([]); // the real controller records no event
  });
});

describe('TtlAfterFinishedController.keysFor', () => {
  test('only finished Jobs with a TTL are enqueued', () => {
    const fin = setup({ ttl: 5, condition: complete(0), now: 0, deleted: false });
    const ctl = new TtlAfterFinishedController(fakeContext(fin.h).ctx);
    expect(ctl.keysFor({ type: 'Modified', object: fin.job, old: fin.job, atMs: 0 })).toEqual(['default/backup']);
    const running = setup({ ttl: 5, now: 0, deleted: false });
    expect(ctl.keysFor({ type: 'Added', object: running.job, atMs: 0 })).toEqual([]);
    expect(ctl.keysFor({ type: 'Deleted', object: fin.job, atMs: 0 })).toEqual([]);
  });

  test('ttlTimeLeftMs is null without a TTL or a finish', () => {
    expect(ttlTimeLeftMs(setup({ now: 0, deleted: false, condition: complete(0) }).job, 0)).toBeNull();
    expect(ttlTimeLeftMs(setup({ ttl: 1, now: 0, deleted: false }).job, 0)).toBeNull();
    expect(ttlTimeLeftMs(setup({ ttl: 1, now: 0, deleted: false, condition: failed(seconds(2)) }).job, seconds(2))).toBe(seconds(1));
  });

  test('registration: ttl-after-finished', () => {
    expect(ttlAfterFinishedControllerRegistration).toMatchObject({ name: 'ttl-after-finished', component: 'ttl-after-finished-controller' });
  });
});
