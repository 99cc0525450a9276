/**
 * The port of client-go's EventCorrelator (tools/record/events_cache.go). The first table replays
 * events_cache_test.go `TestEventCorrelator` (its IntervalClock ticks on every clock read — three
 * per event there, the test's own, the aggregator's and the rate limiter's — so its "5 s" is a
 * 15 s gap per event here and its "1 s" a 3 s one); the rest pin the spam filter's token bucket.
 */
import { CorrelatedEvent, CorrelatorInput, EventCorrelator } from '../../../lib/simulator/report/event-correlator';

const pod = (over: Partial<CorrelatorInput> = {}): CorrelatorInput => ({
  atMs: 0, source: 'kubelet', host: 'node1', kind: 'Pod', namespace: 'my-ns', name: 'my-pod', uid: 'u1', type: 'Normal', reason: 'first', message: 'i am first', ...over,
});

/** Plays `previous` then `next`, `gapMs` apart; returns what `next` became. */
function play(previous: CorrelatorInput[], next: CorrelatorInput, gapMs: number): CorrelatedEvent | undefined {
  const c = new EventCorrelator();
  let t = 0;
  for (const e of previous) c.correlate({ ...e, atMs: (t += gapMs) });
  return c.correlate({ ...next, atMs: (t += gapMs) });
}

const repeat = (n: number, e: CorrelatorInput) => Array.from({ length: n }, () => e);
const similar = (n: number, e: CorrelatorInput) => Array.from({ length: n }, (_, i) => ({ ...e, message: `${e.message}${i}` }));
const unique = (n: number) => Array.from({ length: n }, (_, i) => pod({ reason: `reason-${i}`, message: `message-${i}`, name: `pod-${i}`, namespace: `ns-${i}`, uid: `u-${i}` }));
const duplicate = pod({ reason: 'duplicate', message: 'me again' });
const sim = pod({ reason: 'similar', message: 'similar message' });
const COMBINED = '(combined from similar events): similar message';

// events_cache_test.go TestEventCorrelator
test.each<[string, CorrelatorInput[], CorrelatorInput, number, { count: number; message: string } | 'skip']>([
  ['create-a-single-event', [], pod(), 15_000, { count: 1, message: 'i am first' }],
  ['the-same-event-should-just-count', repeat(1, duplicate), duplicate, 15_000, { count: 2, message: 'me again' }],
  ['the-same-event-should-just-count-even-if-more-than-aggregate', repeat(10, duplicate), duplicate, 90_000, { count: 11, message: 'me again' }],
  ['the-same-event-is-spam-if-happens-too-frequently', repeat(26, duplicate), duplicate, 3_000, 'skip'],
  ['create-many-unique-events', unique(30), pod({ reason: 'unique', message: 'snowflake' }), 15_000, { count: 1, message: 'snowflake' }],
  ['similar-events-should-aggregate-event', similar(9, sim), sim, 15_000, { count: 1, message: COMBINED }],
  ['similar-events-many-times-should-count-the-aggregate', similar(10, sim), sim, 15_000, { count: 2, message: COMBINED }],
  ['similar-events-whose-interval-is-greater-than-aggregate-interval-do-not-aggregate', similar(9, sim), sim, 601_000, { count: 1, message: 'similar message' }],
])('TestEventCorrelator %s', (_, previous, next, gapMs, want) => {
  const got = play(previous, next, gapMs);
  if (want === 'skip') expect(got).toBeUndefined();
  else expect(got).toMatchObject(want);
});

test('an aggregate keeps its first timestamp and name while its count grows (eventObserve)', () => {
  const c = new EventCorrelator();
  const out = similar(12, sim).map((e, i) => c.correlate({ ...e, atMs: i * 1000 })!);
  expect(out.slice(0, 9).map((e) => e.count)).toEqual(new Array(9).fill(1));
  expect(out.slice(9).map((e) => [e.count, e.firstMs, e.lastMs, e.message.startsWith('(combined from similar events): ')])).toEqual([
    [1, 9000, 9000, true], [2, 9000, 10_000, true], [3, 9000, 11_000, true],
  ]);
  expect(new Set(out.slice(9).map((e) => e.name)).size).toBe(1);
});

test('an exact repeat keeps firstTimestamp and the Event name; lastTimestamp moves (eventObserve)', () => {
  const c = new EventCorrelator();
  const a = c.correlate(pod({ atMs: 1000 }))!;
  const b = c.correlate(pod({ atMs: 5000 }))!;
  expect([b.name, b.count, b.firstMs, b.lastMs]).toEqual([a.name, 2, 1000, 5000]);
});

test('spam filter: 25 events per source+object at once, then one per 300 s (defaultSpamBurst, defaultSpamQPS)', () => {
  const c = new EventCorrelator();
  const burst = Array.from({ length: 26 }, (_, i) => c.correlate(pod({ reason: `r${i}`, message: `m${i}` })));
  expect(burst.filter((e) => e !== undefined)).toHaveLength(25);
  expect(burst[25]).toBeUndefined();
  expect(c.correlate(pod({ atMs: 299_000, reason: 'x' }))).toBeUndefined(); // 0.997 of a token
  expect(c.correlate(pod({ atMs: 300_000, reason: 'y' }))).toBeDefined(); // float32(1/300) × 300 s ≥ 1
  expect(c.correlate(pod({ atMs: 300_001, reason: 'z' }))).toBeUndefined();
  // another object from the same source has its own bucket
  expect(c.correlate(pod({ atMs: 300_001, name: 'other', uid: 'u2' }))).toBeDefined();
});

test('a filtered event was still counted: the next written one jumps (eventObserve runs before the filter)', () => {
  const c = new EventCorrelator({ burst: 1 });
  expect(c.correlate(pod({ atMs: 0 }))!.count).toBe(1);
  expect(c.correlate(pod({ atMs: 1000 }))).toBeUndefined();
  expect(c.correlate(pod({ atMs: 301_000 }))!.count).toBe(3);
});

test('the same name but another uid (a pod recreated under its name) is another object', () => {
  const c = new EventCorrelator();
  c.correlate(pod());
  expect(c.correlate(pod({ atMs: 1000, uid: 'u9' }))!.count).toBe(1);
});
