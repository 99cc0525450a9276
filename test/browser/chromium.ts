/**
 * Renders HTML files in Debian's Chromium (/usr/bin/chromium, installed by
 * scripts/ensure-chromium.sh) through playwright-core, headless, with a fresh profile, and reports
 * what a person would see: the screenshot, console errors, network requests and DOM facts.
 *
 * playwright-core never downloads a browser; it drives the system one through `executablePath`.
 * It adds `--headless` itself (headless: true) and `--user-data-dir` for the persistent context,
 * which is how a fresh `--user-data-dir` is given. The other flags keep Chromium off the network:
 * without them it tries to reach Google's hosts at start, which this machine's closed network
 * refuses (see /work/.library/env/machines/node.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { BrowserContext, chromium } from 'playwright-core';
import { decodePng, DecodedPng } from './png';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags besides --headless and --user-data-dir, which playwright-core adds. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots and rendered files of the browser tests (build/ is not committed). */
export const SCREENSHOT_DIR = resolve(__dirname, '../../build/browser');

/** What the DOM says about a rendered timeline. */
export interface TimelineDom {
  /** `g.lane` elements in the lanes SVG. */
  readonly lanes: number;
  /** Sum of the lanes' data-pods. */
  readonly pods: number;
  /** Sum of the lanes' data-jobs. */
  readonly jobs: number;
  /** Lanes with an empty bounding box (should be 0). */
  readonly emptyLanes: number;
  /** Lanes laid out outside the lanes SVG (should be 0). */
  readonly lanesOutsideSvg: number;
  /** Drawn pod bars and job ticks. */
  readonly podBars: number;
  readonly jobTicks: number;
  /** `<title>` hover texts. */
  readonly titles: number;
  /** `<script>` elements (should be 0). */
  readonly scripts: number;
  /** Document size in CSS px. */
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  /** Lanes SVG: its width attribute and its laid-out size. */
  readonly svgWidthAttr: number;
  readonly svgBox: { readonly width: number; readonly height: number };
  /** Computed fill of each phase class (checks the CSS applied). */
  readonly phaseFills: Readonly<Record<string, string>>;
  /** The summary header's text. */
  readonly summary: string;
}

/** The outcome of opening one HTML file. */
export interface RenderResult {
  readonly file: string;
  readonly screenshotFile: string;
  readonly png: DecodedPng;
  readonly consoleErrors: readonly string[];
  /** Every request the page made other than loading its own file. */
  readonly otherRequests: readonly string[];
  readonly dom: TimelineDom;
  /** From navigation start to the full-page screenshot taken, ms. */
  readonly renderMs: number;
}

/**
 * Runs in the page and returns a TimelineDom. A string, so the test code needs no DOM typings
 * (the project compiles against Node's types only).
 */
const DOM_PROBE = `(() => {
  const svg = document.querySelector('svg.lanes-svg');
  const lanes = Array.from(document.querySelectorAll('svg.lanes-svg g.lane'));
  const svgRect = svg ? svg.getBoundingClientRect() : null;
  let emptyLanes = 0;
  let outside = 0;
  for (const l of lanes) {
    const r = l.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) emptyLanes++;
    if (svgRect && (r.top < svgRect.top - 0.5 || r.bottom > svgRect.bottom + 0.5 || r.left < svgRect.left - 0.5 || r.right > svgRect.right + 0.5)) outside++;
  }
  const phaseFills = {};
  for (const cls of ['ph-pending', 'ph-running', 'ph-ready', 'ph-succeeded', 'ph-failed', 'ph-terminating']) {
    const el = document.querySelector('svg.lanes-svg rect.' + cls) || document.querySelector('.legend rect.' + cls);
    phaseFills[cls] = el ? getComputedStyle(el).fill : '';
  }
  const sum = (attr) => lanes.reduce((n, l) => n + Number(l.getAttribute(attr)), 0);
  const summary = document.querySelector('header.summary');
  return {
    lanes: lanes.length,
    pods: sum('data-pods'),
    jobs: sum('data-jobs'),
    emptyLanes,
    lanesOutsideSvg: outside,
    podBars: document.querySelectorAll('svg.lanes-svg g.pod').length,
    jobTicks: document.querySelectorAll('svg.lanes-svg g.job').length,
    titles: document.querySelectorAll('title').length,
    scripts: document.scripts.length,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    svgWidthAttr: svg ? svg.width.baseVal.value : 0,
    svgBox: { width: svgRect ? svgRect.width : 0, height: svgRect ? svgRect.height : 0 },
    phaseFills,
    summary: summary ? summary.innerText : '',
  };
})()`;

/** One headless Chromium with a fresh profile, for several pages. */
export class TimelineBrowser {
  /** Launches Chromium; fails with a pointer to the install script when it is missing. */
  public static async start(viewport = { width: 1600, height: 900 }): Promise<TimelineBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'cdk8s-workloads-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_FLAGS],
        viewport,
        deviceScaleFactor: 1,
        offline: true,
      });
      return new TimelineBrowser(context, profile);
    } catch (err) {
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`cannot start ${CHROMIUM_PATH} (run scripts/ensure-chromium.sh): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private constructor(private readonly context: BrowserContext, private readonly profile: string) {}

  /** Writes `html` to SCREENSHOT_DIR/<name>.html, opens it as a file, screenshots the full page. */
  public async render(html: string, name: string): Promise<RenderResult> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.html`);
    writeFileSync(file, html);
    return this.renderFile(file, join(SCREENSHOT_DIR, `${name}.png`));
  }

  /** Opens an HTML file and screenshots the full page into `screenshotFile`. */
  public async renderFile(file: string, screenshotFile: string): Promise<RenderResult> {
    const page = await this.context.newPage();
    const url = pathToFileURL(file).href;
    const consoleErrors: string[] = [];
    const otherRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) otherRequests.push(r.url());
    });
    try {
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'load' });
      const shot = await page.screenshot({ fullPage: true, type: 'png', path: screenshotFile });
      const renderMs = performance.now() - t0;
      const dom = await page.evaluate(DOM_PROBE) as TimelineDom;
      return { file, screenshotFile, png: decodePng(shot), consoleErrors, otherRequests, dom, renderMs };
    } finally {
      await page.close();
    }
  }

  /** Closes Chromium and deletes the profile. */
  public async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      rmSync(this.profile, { recursive: true, force: true });
    }
  }
}
