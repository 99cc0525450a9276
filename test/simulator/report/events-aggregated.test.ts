/**
 * `eventsAggregated` and the text report's aggregated view: the run's events after client-go's
 * event correlation (events_cache.go), as `kubectl get events` would list them.
 */
import { simulate } from '../../../lib/simulator';
import { renderText } from '../../../lib/simulator/report/text';

const CRASHING = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  replicas: 1
  serviceName: web
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
`;
const SCENARIO = 'until: 30m\npods:\n  - match: { owner: StatefulSet/web }\n    runFor: 5s\n    exitCode: 1\n';

function run() {
  return simulate(CRASHING, SCENARIO, { reportVersion: 2 });
}

test('a crash-looping container: the kubelet\'s repeated BackOff events become one Event with a count (eventObserve)', () => {
  const r = run();
  const backOffs = r.report.events.filter((e) => e.reason === 'BackOff');
  expect(backOffs.length).toBeGreaterThan(3);
  const agg = r.report.eventsAggregated!.filter((e) => e.reason === 'BackOff');
  expect(agg).toHaveLength(1);
  expect(agg[0]).toMatchObject({ count: backOffs.length, firstTimestamp: backOffs[0].time, lastTimestamp: backOffs[backOffs.length - 1].time, source: 'kubelet', type: 'Warning' });
  expect(agg[0].object).toEqual({ kind: 'Pod', namespace: 'default', name: 'web-0' });
  // counts include events the spam filter kept from being written (eventObserve runs first), never more than were recorded
  expect(r.report.eventsAggregated!.reduce((n, e) => n + e.count, 0)).toBeLessThanOrEqual(r.report.events.length);
  expect(Object.keys(agg[0])).toEqual(['count', 'firstTimestamp', 'lastTimestamp', 'message', 'reason', 'type', 'object', 'source']);
});

test('events stays one entry per recorded event (unchanged by the aggregation)', () => {
  const v1 = simulate(CRASHING, SCENARIO);
  expect(run().report.events).toEqual(v1.report.events);
});

test('the text report\'s aggregated view reads like kubectl get events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, oldest lastTimestamp first', () => {
  const r = run();
  const s = r.simulation;
  const text = renderText({
    cluster: s.state, events: s.trace.events, dns: s.dns, startEpochMs: r.scenario.startEpochMs, untilMs: r.scenario.untilMs, seed: r.scenario.seed, eventsView: 'aggregated',
  });
  const lines = text.split('\n');
  expect(lines[2]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
  expect(text).toMatch(/\n30m\s+Normal\s+SuccessfulCreate\s+statefulset\/web\s+create Pod web-0 in StatefulSet web successful\n/);
  expect(text).toMatch(/\n\S+\s+Warning\s+BackOff\s+pod\/web-0\s+Back-off restarting failed container/);
  expect(text).not.toMatch(/\n\+\d/); // no timeline TIME column
  // the default view is unchanged
  expect(r.toText()).toBe(simulate(CRASHING, SCENARIO).toText());
});
