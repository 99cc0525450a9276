/**
 * Every scenario in the repository, run through the real CLI (`cdk8s-workloads simulate …
 * --format html --out …`) and opened in headless Chromium:
 * - `examples/<name>/scenario.yaml`: simulates each chart of that example on its own (an
 *   example's charts are alternatives, e.g. seed-004-sample-ds with OnDelete and with
 *   RollingUpdate, as the scenario files' own comments say: "simulate each with this scenario");
 * - `examples/<name>/<chart id>.scenario.yaml`: that chart, instead of scenario.yaml;
 * - the README pictures' scenarios listed in scripts/timelines/pictures.json (example + chart),
 *   which must also show what their picture is about.
 * The page must render every pod and Job of the run's JSON report in its lanes, without console
 * errors or network requests, and not be blank. Screenshots land in build/browser/examples/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { exampleNames, loadExample } from '../../examples/app';
import { main } from '../../lib/cli/cli';
import type { SimulationReport } from '../../lib/simulator/report/json';
import { SCREENSHOT_DIR, TimelineBrowser } from './chromium';
import { pixelStats } from './png';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');
const OUT = join(SCREENSHOT_DIR, 'examples');

interface PictureExpectation {
  readonly pods: readonly string[];
  readonly images: readonly string[];
  readonly reasons: readonly string[];
  readonly minJobs: number;
}

interface ScenarioCase {
  /** Test name and screenshot file name. */
  readonly id: string;
  readonly example: string;
  /** Chart id. */
  readonly chart: string;
  readonly scenario: string;
  readonly expect?: PictureExpectation;
}

/** The chart ids an example adds, in order. */
function chartsOf(example: string): string[] {
  const app = new App();
  loadExample(example, EXAMPLES).build(app);
  return app.node.children.filter((x) => x instanceof Chart).map((x) => x.node.id);
}

function discover(): ScenarioCase[] {
  const cases: ScenarioCase[] = [];
  for (const example of exampleNames(EXAMPLES)) {
    const files = readdirSync(join(EXAMPLES, example));
    const perChart = new Set(files.map((f) => /^(.+)\.scenario\.yaml$/.exec(f)?.[1]).filter((x): x is string => x !== undefined));
    for (const chart of perChart) cases.push({ id: chart, example, chart, scenario: join(EXAMPLES, example, `${chart}.scenario.yaml`) });
    if (files.includes('scenario.yaml')) {
      for (const chart of chartsOf(example)) {
        if (!perChart.has(chart)) cases.push({ id: chart, example, chart, scenario: join(EXAMPLES, example, 'scenario.yaml') });
      }
    }
  }
  const pictures = JSON.parse(readFileSync(join(ROOT, 'scripts/timelines/pictures.json'), 'utf8')) as { name: string; example: string; chart: string; scenario: string; expect: PictureExpectation }[];
  for (const p of pictures) cases.push({ id: `picture-${p.name}`, example: p.example, chart: p.chart, scenario: join(ROOT, p.scenario), expect: p.expect });
  return cases;
}

const CASES = discover();

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

/** Writes the case's chart as a YAML file into `dir`, as `npm run synth` writes dist/<chart>.k8s.yaml. */
function synthChart(c: ScenarioCase, dir: string): string {
  const app = new App({ outdir: dir });
  loadExample(c.example, EXAMPLES).build(app);
  const chart = app.node.children.find((x): x is Chart => x instanceof Chart && x.node.id === c.chart);
  if (!chart) throw new Error(`${c.id}: example ${c.example} has no chart ${c.chart}`);
  const file = join(dir, `${chart.node.id}.k8s.yaml`);
  writeFileSync(file, Yaml.stringify(...chart.toJson()));
  return file;
}

let browser: TimelineBrowser;
let work: string;

beforeAll(async () => {
  browser = await TimelineBrowser.start();
  work = mkdtempSync(join(tmpdir(), 'cdk8s-workloads-examples-'));
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the scenarios are found: every picture scenario and each chart of an example with a scenario', () => {
  expect(CASES.filter((c) => c.id.startsWith('picture-')).length).toBeGreaterThanOrEqual(2);
  for (const c of CASES) expect(existsSync(c.scenario)).toBe(true);
});

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  test('simulate --format html renders in Chromium with every pod and Job in its lanes', async () => {
    const dir = mkdtempSync(join(work, `${c.id}-`));
    const manifests = [synthChart(c, dir)];
    const scenario = relative(process.cwd(), c.scenario);

    const json = await cli(['simulate', ...manifests, '--scenario', scenario, '--format', 'json']);
    expect({ code: json.code, stderr: json.stderr.split('\n').filter((l) => !l.startsWith('notice: ')).join('\n') }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(json.stdout) as SimulationReport;

    const htmlFile = join(OUT, `${c.id}.html`);
    const html = await cli(['simulate', ...manifests, '--scenario', scenario, '--format', 'html', '--out', htmlFile]);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');

    const r = await browser.renderFile(htmlFile, join(OUT, `${c.id}.png`));
    expect(r.consoleErrors).toEqual([]);
    expect(r.otherRequests).toEqual([]);
    expect(r.dom.scripts).toBe(0);
    expect(r.dom.pods).toBe(report.pods.length);
    expect(r.dom.jobs).toBe(report.jobs.length);
    if (report.pods.length + report.jobs.length > 0) expect(r.dom.lanes).toBeGreaterThan(0);
    expect(r.dom.emptyLanes).toBe(0);
    expect(r.dom.lanesOutsideSvg).toBe(0);
    expect(r.png.height).toBe(Math.max(900, r.dom.scrollHeight));
    expect(pixelStats(r.png).variance).toBeGreaterThan(200);

    if (c.expect) {
      // A README picture must show what it is about.
      expect(report.jobs.length).toBeGreaterThanOrEqual(c.expect.minJobs);
      expect(report.pods.length).toBeGreaterThan(0);
      expect(report.pods.map((p) => p.name)).toEqual(expect.arrayContaining([...c.expect.pods]));
      expect([...new Set(report.pods.map((p) => p.image))]).toEqual(expect.arrayContaining([...c.expect.images]));
      expect([...new Set(report.events.map((e) => e.reason))]).toEqual(expect.arrayContaining([...c.expect.reasons]));
    }
  });
});
