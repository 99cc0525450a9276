/**
 * The HTML page's workloads tables (report v2): one table per kind with the last kubectl columns
 * and a folded timeline; a v1 report's page is unchanged (no section, same bytes).
 */
import * as path from 'path';
import { simulate } from '../../../lib/simulator';
import { renderHtmlTimeline, timelineOptionsFor } from '../../../lib/simulator/report/html';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);
const SCENARIO = 'until: 3m\nsteps:\n  - { at: 1m, scale: { kind: StatefulSet, name: web, replicas: 1 } }';

test('a v2 report gets a StatefulSets table: last READY 1/1, its change time, and the 7 changes under <details>', () => {
  const r = simulate(fixture('seed-001-web.yaml'), SCENARIO, { reportVersion: 2 });
  const html = renderHtmlTimeline(r.report, timelineOptionsFor(r));
  const section = /<section class="workloads"[\s\S]*?<\/section>/.exec(html)![0];
  expect(section).toContain('<caption>StatefulSets (1)</caption>');
  expect(section).toContain('<thead><tr><th>NAME</th><th>READY</th><th>AGE</th><th>LAST CHANGE</th><th>DELETED</th><th>TIMELINE</th></tr></thead>');
  expect(section).toMatch(/<tr data-kind="StatefulSet" data-name="web"><td>web<\/td><td>1\/1<\/td><td>61s<\/td><td>\+1m1s<\/td><td><\/td>/);
  expect(section).toContain('<summary>7 changes</summary>');
  expect([...section.matchAll(/<tr><td>\+/g)]).toHaveLength(7);
  expect(section).not.toContain('DaemonSets');
  // the section's styles travel with it; the page's CSP allows inline styles and nothing else
  expect(section).toMatch(/<style>[^<]*table\.wl/);
});

test('a v1 report (reportVersion: 1) renders no workloads section and the same page as v2 without it', () => {
  const v1 = simulate(fixture('seed-001-web.yaml'), SCENARIO, { reportVersion: 1 });
  const html = renderHtmlTimeline(v1.report, timelineOptionsFor(v1));
  expect(html).not.toContain('class="workloads"');
  const v2 = simulate(fixture('seed-001-web.yaml'), SCENARIO, { reportVersion: 2 });
  const stripped = renderHtmlTimeline(v2.report, timelineOptionsFor(v2)).replace(/\n<section class="workloads"[\s\S]*?<\/section>/, '');
  expect(stripped).toBe(html);
});

test('names are escaped in the table', () => {
  const r = simulate(fixture('seed-001-web.yaml'), SCENARIO, { reportVersion: 2 });
  const report = { ...r.report, workloads: [{ ...r.report.workloads![0], name: '<b>x</b>' }] };
  const html = renderHtmlTimeline(report);
  expect(html).toContain('<td>&lt;b&gt;x&lt;/b&gt;</td>');
  expect(html).not.toContain('<b>x</b>');
});
