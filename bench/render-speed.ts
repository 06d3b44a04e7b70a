/**
 * Render speed: the sample analysis in <nw-analysis>, then <nw-timeline> and TimelineJS on the
 * same generated statements at each size, `runs` times each, a fresh page (and browser
 * context) per run. Per size, the two libraries alternate which goes first, so neither
 * always gets the machine warmer or cooler. What is timed is described in pages/render-page.ts.
 */
import type { Browser, Page } from 'puppeteer-core';
import { pageResult, withFreshPage, type Viewport } from './browser.js';
import { sameStatements, sampleAnalysis } from './data.js';
import { renderPage, type Library, type OurElement, type RenderResult } from './pages/render-page.js';
import type { BenchServer } from './server.js';
import { summarize, type Summary } from './stats.js';

/** Wide enough for <nw-timeline>'s lanes (52rem) and TimelineJS's desktop layout. */
export const RENDER_VIEWPORT: Viewport = { name: 'desktop 1100×800', width: 1100, height: 800 };
/** TimelineJS at 10,000 events takes tens of seconds; leave room for a loaded machine. */
const RUN_TIMEOUT = 600_000;

export interface CaseTimes {
  /** the library's script parsed and run */
  loaded: Summary;
  ready: Summary;
  paint: Summary;
  /** the browser's first-contentful-paint, where it reported one (a cross-check of `paint`) */
  fcp?: Summary;
  /** ours only: every entry in the DOM (progressive rendering finished) */
  allInDom?: Summary;
}

export interface RenderSpeed {
  runs: number;
  viewport: Viewport;
  sample: CaseTimes;
  timelines: { statements: number; dated: number; ours: CaseTimes; timelinejs: CaseTimes }[];
}

/** Called on the page after a timed run, before it closes (the memory probe uses it). */
export type AfterRun = (page: Page, library: Library, statements: number) => Promise<void>;

interface RunTimes extends RenderResult {
  fcp?: number;
  allInDom?: number;
}

/** Serves the data for each case as a script (`window.DATA = …`), parsed before the clock starts. */
function serveData(server: BenchServer, sizes: number[]): Map<number, number> {
  server.route('/data/sample.js', {
    type: 'text/javascript',
    body: `window.DATA = ${JSON.stringify({ ours: sampleAnalysis() })};`,
  });
  const dated = new Map<number, number>();
  for (const size of sizes) {
    const data = sameStatements(size);
    dated.set(size, data.ours.statements.length);
    server.route(`/data/statements-${size}.js`, {
      type: 'text/javascript',
      body: `window.DATA = ${JSON.stringify(data)};`,
    });
  }
  return dated;
}

async function timeOneRun(
  browser: Browser,
  server: BenchServer,
  library: Library,
  element: OurElement,
  dataUrl: string,
  afterRun?: (page: Page) => Promise<void>,
): Promise<RunTimes> {
  const path = `/render/${library}-${element}-${dataUrl.replace(/\W+/g, '-')}.html`;
  server.route(path, { type: 'text/html; charset=utf-8', body: renderPage(library, element, dataUrl) });
  return withFreshPage(browser, RENDER_VIEWPORT, async (page) => {
    // TimelineJS builds inside an inline script, before DOMContentLoaded: wait for the page's
    // own result, not for navigation events.
    const response = await page.goto(`${server.origin}${path}`, {
      waitUntil: 'domcontentloaded',
      timeout: RUN_TIMEOUT,
    });
    if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
    const result = await pageResult<RenderResult>(page, 'RESULT', RUN_TIMEOUT);
    if (result.error) throw new Error(`${library} ${dataUrl}: ${result.error}`);
    if (result.entries === 0)
      throw new Error(`${library} ${dataUrl}: no entries in the DOM at the first paint after its ready event`);
    const fcp = await page.waitForFunction('window.FCP !== undefined', { timeout: 2_000 }).then(
      () => page.evaluate('window.FCP - window.T0') as Promise<number>,
      () => undefined,
    );
    let allInDom: number | undefined;
    if (library === 'ours' && element === 'nw-timeline')
      allInDom = await pageResult<number>(page, 'ALL_IN_DOM', RUN_TIMEOUT);
    await afterRun?.(page);
    return { ...result, fcp, allInDom };
  });
}

function summarizeCase(runs: RunTimes[]): CaseTimes {
  const optional = (values: (number | undefined)[]) =>
    values.every((value) => value !== undefined) ? summarize(values as number[]) : undefined;
  return {
    loaded: summarize(runs.map((run) => run.loaded)),
    ready: summarize(runs.map((run) => run.ready)),
    paint: summarize(runs.map((run) => run.paint)),
    fcp: optional(runs.map((run) => run.fcp)),
    allInDom: optional(runs.map((run) => run.allInDom)),
  };
}

export async function measureRenderSpeed(
  browser: Browser,
  server: BenchServer,
  options: { runs: number; sizes: number[]; afterRun?: AfterRun; log: (line: string) => void },
): Promise<RenderSpeed> {
  const { runs, sizes, afterRun, log } = options;
  const dated = serveData(server, sizes);

  const sampleRuns: RunTimes[] = [];
  for (let run = 0; run < runs; run++)
    sampleRuns.push(await timeOneRun(browser, server, 'ours', 'nw-analysis', '/data/sample.js'));
  log(`render: sample analysis in <nw-analysis>, ${runs} runs`);

  const timelines: RenderSpeed['timelines'] = [];
  for (const size of sizes) {
    const times: Record<Library, RunTimes[]> = { ours: [], timelinejs: [] };
    for (let run = 0; run < runs; run++) {
      const order: Library[] = run % 2 === 0 ? ['ours', 'timelinejs'] : ['timelinejs', 'ours'];
      for (const library of order) {
        const after = afterRun && ((page: Page) => afterRun(page, library, size));
        times[library].push(
          await timeOneRun(browser, server, library, 'nw-timeline', `/data/statements-${size}.js`, after),
        );
      }
      log(
        `render: ${size} statements, run ${run + 1}/${runs}: ours ${Math.round(times.ours.at(-1)!.paint)} ms, TimelineJS ${Math.round(times.timelinejs.at(-1)!.paint)} ms to first paint`,
      );
    }
    timelines.push({
      statements: size,
      dated: dated.get(size)!,
      ours: summarizeCase(times.ours),
      timelinejs: summarizeCase(times.timelinejs),
    });
  }
  return { runs, viewport: RENDER_VIEWPORT, sample: summarizeCase(sampleRuns), timelines };
}
