import { formatInstant, SimulatedClock } from '../../../lib/simulator/engine/clock';
import { formatDurationMs, parseDurationMs } from '../../../lib/simulator/engine/duration';
import { SimulationError } from '../../../lib/simulator/engine/errors';
import { EventPriority, EventQueue } from '../../../lib/simulator/engine/event-queue';
import { NAME_SUFFIX_ALPHABET, Rng } from '../../../lib/simulator/engine/rng';
import { Trace } from '../../../lib/simulator/engine/trace';

describe('SimulatedClock', () => {
  test('moves forward and maps to wall time', () => {
    const c = new SimulatedClock(Date.parse('2022-09-13T00:00:00Z'));
    c.advanceTo(1500);
    expect(c.nowMs()).toBe(1500);
    expect(formatInstant(c.epochMs())).toBe('2022-09-13T00:00:01.500Z');
    expect(formatInstant(c.epochMs(60_000))).toBe('2022-09-13T00:01:00Z');
  });

  test('fails when asked to go backwards', () => {
    const c = new SimulatedClock(0);
    c.advanceTo(10);
    expect(() => c.advanceTo(9)).toThrow(SimulationError);
    expect(() => c.advanceTo(9)).toThrow(/cannot go back from 10 ms to 9 ms/);
  });
});

describe('EventQueue', () => {
  test('orders by time, then priority, then insertion', () => {
    const q = new EventQueue();
    const ran: string[] = [];
    q.schedule(10, EventPriority.CONTROLLER, 'c10', () => ran.push('c10'));
    q.schedule(5, EventPriority.CONTROLLER, 'c5', () => ran.push('c5'));
    q.schedule(10, EventPriority.USER, 'u10', () => ran.push('u10'));
    q.schedule(10, EventPriority.CONTROLLER, 'c10b', () => ran.push('c10b'));
    q.schedule(10, EventPriority.KUBELET, 'k10', () => ran.push('k10'));
    for (let e = q.pop(); e; e = q.pop()) e.run();
    expect(ran).toEqual(['c5', 'u10', 'k10', 'c10', 'c10b']);
  });

  test('skips cancelled events and counts only live ones', () => {
    const q = new EventQueue();
    const a = q.schedule(1, 0, 'a', () => undefined);
    q.schedule(2, 0, 'b', () => undefined);
    q.cancel(a);
    q.cancel(a);
    expect(q.size).toBe(1);
    expect(q.peek()?.label).toBe('b');
    expect(q.pop()?.label).toBe('b');
    expect(q.pop()).toBeUndefined();
    expect(q.size).toBe(0);
  });

  test('stays ordered under many random inserts', () => {
    const q = new EventQueue();
    const rng = new Rng(7);
    for (let i = 0; i < 2000; i++) q.schedule(rng.int(100), rng.int(5), `e${i}`, () => undefined);
    let prev = { atMs: -1, priority: -1, seq: -1 };
    for (let e = q.pop(); e; e = q.pop()) {
      const ok = e.atMs > prev.atMs || (e.atMs === prev.atMs && (e.priority > prev.priority || (e.priority === prev.priority && e.seq > prev.seq)));
      expect(ok).toBe(true);
      prev = e;
    }
  });
});

describe('Rng', () => {
  test('same seed, same sequence; different seed, different sequence', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('name suffixes use the Kubernetes generateName alphabet', () => {
    const r = new Rng(1);
    for (let i = 0; i < 50; i++) expect(r.nameSuffix()).toMatch(new RegExp(`^[${NAME_SUFFIX_ALPHABET}]{5}$`));
  });
});

describe('durations', () => {
  test.each([
    ['30m', 1_800_000], ['1h30m', 5_400_000], ['500ms', 500], ['2d', 172_800_000], ['1s500ms', 1500], ['0', 0], ['10s', 10_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  test.each(['', 'm', '10', '1.5h', '10 s', '3w', '-1s'])('fails when the text is %p', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });

  test('formats the shortest way', () => {
    expect(formatDurationMs(5_400_000)).toBe('1h30m');
    expect(formatDurationMs(1500)).toBe('1s500ms');
    expect(formatDurationMs(0)).toBe('0s');
  });
});

describe('Trace', () => {
  test('records at the current time, in order, and filters', () => {
    let now = 0;
    const t = new Trace(() => now);
    t.record({ type: 'Normal', object: { kind: 'StatefulSet', namespace: 'default', name: 'web' }, reason: 'SuccessfulCreate', message: 'm1', source: 's' });
    now = 5;
    t.record({ type: 'Warning', object: { kind: 'Pod', namespace: 'default', name: 'web-0' }, reason: 'BackOff', message: 'm2', source: 'kubelet' });
    expect(t.events.map((e) => [e.atMs, e.seq])).toEqual([[0, 0], [5, 1]]);
    expect(t.filter({ kind: 'Pod' }).map((e) => e.reason)).toEqual(['BackOff']);
    expect(t.toJsonLines().split('\n')).toHaveLength(3);
  });

  const event = (i: number) => ({ type: 'Normal' as const, object: { kind: 'Pod', namespace: 'default', name: `p${i}` }, reason: 'Started', message: `m${i}`, source: 'kubelet' });

  test('maxEvents keeps the newest events and counts the rest; listeners see every event', () => {
    const t = new Trace(() => 0, 2);
    const heard: number[] = [];
    t.onRecord((e) => heard.push(e.seq));
    for (let i = 0; i < 5; i++) t.record(event(i));
    expect(t.events.map((e) => [e.seq, e.message])).toEqual([[3, 'm3'], [4, 'm4']]);
    expect([t.dropped, t.recordedCount]).toEqual([3, 5]);
    expect(heard).toEqual([0, 1, 2, 3, 4]);
    expect(t.toJsonLines().trim().split('\n').map((l) => JSON.parse(l).message)).toEqual(['m3', 'm4']);
  });

  test('maxEvents over many events: the kept window stays the newest ones (compaction in batches)', () => {
    const t = new Trace(() => 0, 10);
    for (let i = 0; i < 5000; i++) {
      t.record(event(i));
      if (i === 2500) expect(t.events.map((e) => e.seq)).toEqual([2491, 2492, 2493, 2494, 2495, 2496, 2497, 2498, 2499, 2500]);
    }
    expect(t.events.map((e) => e.seq)).toEqual([4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999]);
    expect(t.dropped).toBe(4990);
    expect(t.filter({ name: 'p4999' })).toHaveLength(1);
  });

  test('maxEvents 0 keeps none; without it every event is kept', () => {
    const none = new Trace(() => 0, 0);
    const all = new Trace(() => 0);
    for (let i = 0; i < 3; i++) {
      none.record(event(i));
      all.record(event(i));
    }
    expect([none.events.length, none.dropped]).toEqual([0, 3]);
    expect([all.events.length, all.dropped]).toEqual([3, 0]);
  });

  test('fails when maxEvents is negative', () => {
    expect(() => new Trace(() => 0, -1)).toThrow('maxEvents must be a number ≥ 0, got -1');
  });
});
