/**
 * The HTML timeline as a person sees it: each page is opened as a file in headless Chromium,
 * screenshotted, and checked to have rendered (not blank, the expected size, every lane laid out,
 * the phase colours painted), without console errors or any network request.
 * Screenshots land in build/browser/.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { HtmlTimelineOptions, renderHtmlTimeline } from '../../lib/simulator/report/html';
import type { SimulationReport } from '../../lib/simulator/report/json';
import { bigStatefulSet, cronJobRuns, min, mixedReport, statefulSetRollout } from '../helpers/timeline-reports';
import { RenderResult, SCREENSHOT_DIR, TimelineBrowser } from './chromium';
import { pixelStats } from './png';

/** Phase colours as the CSS sets them. */
const COLOURS = { pending: '#f2b134', running: '#8ec9ef', ready: '#2a9d6f', succeeded: '#34568b', failed: '#d62839' };
const LANE_H = 16;
const VIEWPORT = { width: 1600, height: 900 };

let browser: TimelineBrowser;
const measurements: Record<string, unknown>[] = [];

beforeAll(async () => {
  browser = await TimelineBrowser.start(VIEWPORT);
});

afterAll(async () => {
  await browser?.close();
  if (measurements.length > 0) {
    writeFileSync(join(SCREENSHOT_DIR, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
  }
});

/** The checks every rendered timeline must pass; returns the pixel statistics. */
function expectRendered(r: RenderResult, report: SimulationReport, lanes: number): ReturnType<typeof pixelStats> {
  expect(r.consoleErrors).toEqual([]);
  expect(r.otherRequests).toEqual([]);
  expect(r.dom.scripts).toBe(0);
  // Every lane is in the DOM, laid out inside the lanes picture, and accounts for every pod and job.
  expect(r.dom.lanes).toBe(lanes);
  expect(r.dom.pods).toBe(report.pods.length);
  expect(r.dom.jobs).toBe(report.jobs.length);
  expect(r.dom.emptyLanes).toBe(0);
  expect(r.dom.lanesOutsideSvg).toBe(0);
  expect(r.dom.svgBox.width).toBe(r.dom.svgWidthAttr);
  expect(r.dom.svgBox.height).toBeGreaterThanOrEqual(lanes * LANE_H);
  // The screenshot is the whole page at its laid-out size.
  expect(r.png.width).toBe(Math.max(VIEWPORT.width, r.dom.scrollWidth));
  expect(r.png.height).toBe(Math.max(VIEWPORT.height, r.dom.scrollHeight));
  expect(r.png.height).toBeGreaterThan(lanes * LANE_H);
  // The CSS applied: phase classes have their colours.
  expect(r.dom.phaseFills['ph-ready']).toBe('rgb(42, 157, 111)');
  expect(r.dom.phaseFills['ph-failed']).toBe('rgb(214, 40, 57)');
  expect(r.dom.phaseFills['ph-terminating']).toMatch(/^url\("?#hatch"?\)$|^rgb\(164, 169, 177\)$/);
  // Not blank: a real picture has contrast and many colours (text anti-aliasing, bars, markers).
  const stats = pixelStats(r.png, COLOURS);
  expect(stats.variance).toBeGreaterThan(200);
  expect(stats.distinctColours).toBeGreaterThan(50);
  return stats;
}

async function renderAndMeasure(name: string, report: SimulationReport, options: HtmlTimelineOptions = {}): Promise<{ html: string; r: RenderResult }> {
  const t0 = performance.now();
  const html = renderHtmlTimeline(report, options);
  const renderHtmlMs = performance.now() - t0;
  const r = await browser.render(html, name);
  measurements.push({
    name, pods: report.pods.length, jobs: report.jobs.length, events: report.events.length,
    htmlBytes: Buffer.byteLength(html), renderHtmlMs: Math.round(renderHtmlMs), chromiumMs: Math.round(r.renderMs),
    screenshot: `${r.png.width}x${r.png.height}`,
  });
  return { html, r };
}

test('a StatefulSet rolling update renders its three pod lanes with Ready bars and the step marker', async () => {
  const report = statefulSetRollout();
  const { r } = await renderAndMeasure('statefulset-rollout', report, { steps: [{ atMs: min(5), label: 'setImage StatefulSet/web nginx:1.26' }] });
  const stats = expectRendered(r, report, 3);
  expect(stats.counts.ready).toBeGreaterThan(3 * 500 * 8); // three long Ready bars, 10 px high
  expect(r.dom.podBars).toBe(5);
  expect(r.dom.summary).toContain('5 created, 2 deleted');
});

test('DaemonSet, Job and bare pods render with their warnings', async () => {
  const report = mixedReport();
  const { r } = await renderAndMeasure('mixed', report, { steps: [{ atMs: min(4), label: 'deletePod fluentd-k9z7q' }] });
  const stats = expectRendered(r, report, 6);
  expect(stats.counts.pending).toBeGreaterThan(500); // the unschedulable daemon pod
  expect(stats.counts.failed).toBeGreaterThan(10); // the failed Job attempt
  expect(stats.counts.succeeded).toBeGreaterThan(10);
  expect(r.dom.summary).toContain('FailedScheduling');
  // The pod named "<script>…" is text, not markup.
  expect(r.dom.scripts).toBe(0);
});

test('200 pods: one lane each, the page scrolls', async () => {
  const report = bigStatefulSet(200);
  const { html, r } = await renderAndMeasure('statefulset-200-pods', report);
  const stats = expectRendered(r, report, 200);
  expect(r.dom.podBars).toBe(200);
  expect(r.png.height).toBeGreaterThan(200 * LANE_H);
  expect(stats.counts.ready).toBeGreaterThan(200 * 100 * 8);
  expect(Buffer.byteLength(html)).toBeLessThan(400_000);
});

test('1,000 scheduled runs: one aggregated lane with a tick per Job, failures in red', async () => {
  const report = cronJobRuns(1000);
  const { html, r } = await renderAndMeasure('cronjob-1000-runs', report, { timeZones: { 'default/report': 'Asia/Seoul' } });
  const stats = expectRendered(r, report, 1);
  expect(r.dom.jobTicks).toBe(report.jobs.length);
  expect(stats.counts.succeeded).toBeGreaterThan(1000);
  expect(stats.counts.failed).toBeGreaterThan(100);
  expect(r.png.height).toBeLessThan(VIEWPORT.height + 1); // aggregated: fits on one screen
  expect(Buffer.byteLength(html)).toBeLessThan(1_500_000);
});

test('the checks catch a page that requests the network, logs an error or is blank', async () => {
  const r = await browser.render('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png" alt=""><script>console.error("boom")</script></body></html>', 'harness-negative');
  expect(r.otherRequests).toEqual(['http://192.0.2.1/x.png']);
  expect(r.consoleErrors).toContain('boom');
  expect(r.dom.scripts).toBe(1);
  expect(r.dom.lanes).toBe(0);
  expect(pixelStats(r.png).variance).toBeLessThan(200);
});
