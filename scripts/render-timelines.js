#!/usr/bin/env node
// @ts-check
/**
 * Renders the README's timeline pictures: simulates an example chart with a scenario from
 * scripts/timelines/, renders the HTML timeline, and screenshots it in headless Chromium into
 * docs/images/<name>.png.
 *
 *   npm run build && node scripts/render-timelines.js [name…]
 *
 * Needs Debian's Chromium at /usr/bin/chromium (scripts/ensure-chromium.sh). A picture whose
 * simulation shows nothing to draw (e.g. a controller not registered yet) is reported and its PNG
 * left as it was; the exit code is then 1.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');
const OUT_DIR = path.join(ROOT, 'docs', 'images');
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-quic', '--disable-component-update', '--disable-sync'];

/**
 * @typedef {{ name: string, example: string, chart: string, scenario: string, title: string,
 *   expect: { pods: string[], images: string[], reasons: string[], minJobs: number } }} Picture
 */

/** The pictures: which example chart, which scenario, and what the run must show (also checked by test/browser). */
/** @type {Picture[]} */
const PICTURES = JSON.parse(fs.readFileSync(path.join(__dirname, 'timelines', 'pictures.json'), 'utf8'));

/**
 * What is missing from a run for its picture to show what it should, or undefined.
 * @param {Picture} pic
 * @param {any} r the report
 */
function missing(pic, r) {
  const names = new Set(r.pods.map((/** @type {any} */ p) => p.name));
  const images = new Set(r.pods.map((/** @type {any} */ p) => p.image));
  const reasons = new Set(r.events.map((/** @type {any} */ e) => e.reason));
  const out = [];
  if (r.pods.length === 0) out.push('no pods (is the workload controller registered?)');
  if (r.jobs.length < pic.expect.minJobs) out.push(`${r.jobs.length} Jobs, expected at least ${pic.expect.minJobs} (are the CronJob and Job controllers registered?)`);
  /** @param {string} what @param {string[]} want @param {Set<string>} have */
  const lack = (what, want, have) => { const m = want.filter((x) => !have.has(x)); if (m.length) out.push(`no ${what} ${m.join(', ')}`); };
  lack('pod', pic.expect.pods, names);
  lack('image', pic.expect.images, images);
  lack('event', pic.expect.reasons, reasons);
  return out.length > 0 ? out.join('; ') : undefined;
}

/** @param {string} p */
function requireBuilt(p) {
  const file = path.join(BUILD, p);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  return require(file);
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !PICTURES.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown picture ${unknown.join(', ')}; known: ${PICTURES.map((p) => p.name).join(', ')}`);
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run scripts/ensure-chromium.sh`);
  const { App, Chart } = require('cdk8s');
  const { chromium } = require('playwright-core');
  const { simulate } = requireBuilt('lib/simulator/index.js');
  const { renderHtmlTimeline, timelineOptionsFor } = requireBuilt('lib/simulator/report/html.js');
  const { exampleNames, loadExample } = requireBuilt('examples/app.js');

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-workloads-render-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1240, height: 400 }, deviceScaleFactor: 1, offline: true,
  });
  const problems = [];
  try {
    for (const pic of PICTURES.filter((p) => only.length === 0 || only.includes(p.name))) {
      if (!exampleNames(path.join(BUILD, 'examples')).includes(pic.example)) {
        problems.push(`${pic.name}: example ${pic.example} does not exist`);
        continue;
      }
      const app = new App();
      loadExample(pic.example, path.join(BUILD, 'examples')).build(app);
      const chart = app.node.children.find((c) => c instanceof Chart && c.node.id === pic.chart);
      if (!chart) {
        problems.push(`${pic.name}: example ${pic.example} has no chart ${pic.chart}`);
        continue;
      }
      const scenarioFile = path.join(ROOT, pic.scenario);
      const result = simulate(chart, scenarioFile, { scenarioFile: pic.scenario });
      const problem = missing(pic, result.report);
      if (problem) {
        problems.push(`${pic.name}: ${problem}`);
        continue;
      }
      const html = renderHtmlTimeline(result.report, { ...timelineOptionsFor(result), title: pic.title, plotWidth: 1000 });
      const htmlFile = path.join(profile, `${pic.name}.html`);
      fs.writeFileSync(htmlFile, html);
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      const png = path.join(OUT_DIR, `${pic.name}.png`);
      await page.screenshot({ path: png, fullPage: true });
      await page.close();
      if (errors.length > 0) problems.push(`${pic.name}: console errors: ${errors.join('; ')}`);
      process.stdout.write(`${path.relative(ROOT, png)}: ${result.report.pods.length} pods, ${result.report.jobs.length} jobs, ${result.report.events.length} events, html ${html.length} bytes\n`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const p of problems) process.stderr.write(`render-timelines: ${p}\n`);
  return problems.length === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`render-timelines: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
