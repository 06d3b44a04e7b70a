/**
 * `npm run bench:dom` (after `npm run build`): how many DOM nodes a timeline costs, ours
 * beside TimelineJS on the same statements (bench/data.ts: the dated ones of
 * `generatedAnalysis(n)`), on the render-speed page (bench/pages/render-page.ts).
 *
 * Counted as the memory table counts them (bench/memory.ts): Chromium's `Nodes` metric after
 * a forced garbage collection, once every entry is in the DOM. That is every node alive in
 * the page's renderer: elements, text and comment nodes, in shadow roots too, and the page
 * itself (the same page with no library, also printed, holds a few dozen). For ours it also
 * walks the element's shadow root, the figure the browser test gates
 * (src/components/timeline/timeline-dom.test.ts). Both are deterministic: one run per case.
 *
 * Environment: SIZES, statement counts before dropping the undated ones (default 1000,10000).
 */
import { pageResult, withFreshPage, launchChromium } from './browser.js';
import { heapAfterGc } from './memory.js';
import { sameStatements } from './data.js';
import { blankPage, renderPage, type Library } from './pages/render-page.js';
import { RENDER_VIEWPORT } from './render-speed.js';
import { startServer, type BenchServer } from './server.js';
import { SNAPSHOT_DIR, snapshotBuild } from './snapshot.js';
import type { Browser } from 'puppeteer-core';

export interface DomCount {
  statements: number;
  /** entries shown: the dated statements */
  dated: number;
  /** the page with the data and no library */
  blank: number;
  ours: { page: number; shadowRoot: number };
  timelinejs: { page: number };
}

/** Nodes under `root`, shadow roots included, as a DOM-size audit walks them (run in the page). */
const SHADOW_COUNT = `(() => {
  const count = (root) => {
    let nodes = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes++;
      if (node.shadowRoot) nodes += count(node.shadowRoot);
    }
    return nodes;
  };
  return count(document.querySelector('nw-timeline').shadowRoot);
})()`;

const TIMEOUT = 600_000;

async function pageNodes(
  browser: Browser,
  server: BenchServer,
  path: string,
  body: string,
  ours: boolean,
): Promise<{ page: number; shadowRoot: number }> {
  server.route(path, { type: 'text/html; charset=utf-8', body });
  return withFreshPage(browser, RENDER_VIEWPORT, async (page) => {
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
    if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
    const result = await pageResult<{ error?: string }>(page, 'RESULT', TIMEOUT);
    if (result.error) throw new Error(`${path}: ${result.error}`);
    if (ours) await pageResult(page, 'ALL_IN_DOM', TIMEOUT);
    const shadowRoot = ours ? ((await page.evaluate(SHADOW_COUNT)) as number) : 0;
    return { page: (await heapAfterGc(page)).nodes, shadowRoot };
  });
}

export async function countTimelineNodes(
  browser: Browser,
  server: BenchServer,
  sizes: number[],
  log: (line: string) => void,
): Promise<DomCount[]> {
  const counts: DomCount[] = [];
  for (const statements of sizes) {
    const data = sameStatements(statements);
    const dataUrl = `/data/dom-statements-${statements}.js`;
    server.route(dataUrl, { type: 'text/javascript', body: `window.DATA = ${JSON.stringify(data)};` });
    const page = (library: Library) => renderPage(library, 'nw-timeline', dataUrl);
    const blank = await pageNodes(browser, server, `/dom/blank-${statements}.html`, blankPage(dataUrl), false);
    const ours = await pageNodes(browser, server, `/dom/ours-${statements}.html`, page('ours'), true);
    const timelinejs = await pageNodes(
      browser,
      server,
      `/dom/timelinejs-${statements}.html`,
      page('timelinejs'),
      false,
    );
    counts.push({
      statements,
      dated: data.ours.statements.length,
      blank: blank.page,
      ours,
      timelinejs: { page: timelinejs.page },
    });
    log(`dom: ${statements} statements: ours ${ours.page}, TimelineJS ${timelinejs.page} nodes`);
  }
  return counts;
}

const count = (value: number) => value.toLocaleString('en-US');
const each = (nodes: number, entries: number) => (nodes / entries).toFixed(1);

export function domTable(counts: DomCount[]): string {
  const rows = counts.map(({ statements, dated, blank, ours, timelinejs }) => [
    `${count(statements)} (${count(dated)} dated)`,
    `${count(ours.page)} (${each(ours.page - blank, dated)} an entry)`,
    `${count(ours.shadowRoot)} (${each(ours.shadowRoot, dated)} an entry)`,
    `${count(timelinejs.page)} (${each(timelinejs.page - blank, dated)} an entry)`,
    count(blank),
  ]);
  const header = [
    'statements',
    '`<nw-timeline>`: page nodes',
    '`<nw-timeline>`: its shadow root',
    'TimelineJS: page nodes',
    'page without a library',
  ];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error('SIZES must be whole numbers of at least 1');
  snapshotBuild();
  const started = Date.now();
  const log = (line: string) => console.error(`bench ${Math.round((Date.now() - started) / 1000)} s: ${line}`);
  const server = await startServer({
    '/dist/': SNAPSHOT_DIR,
    '/timelinejs/': 'node_modules/@knight-lab/timelinejs/dist',
  });
  const browser = await launchChromium();
  try {
    console.log(domTable(await countTimelineNodes(browser, server, sizes, log)));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((cause) => {
  console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 1;
});
