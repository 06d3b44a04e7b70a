/**
 * Memory: the JS heap a page holds once a library has rendered the largest timeline, after a
 * forced garbage collection, minus the same page with the same data and no library. Only what
 * the library keeps alive is left: its code, its own copy or index of the data, its DOM
 * wrappers. DOM nodes are counted too (Chromium's `Nodes` metric), since a DOM that size
 * costs memory outside the JS heap as well.
 *
 * Taken on the first MEMORY_RUNS render-speed runs of the largest size (after their timing
 * is read, and for ours once every entry is in the DOM), so it costs no extra TimelineJS
 * render; the baseline page is loaded as many times. Three are plenty: the heap after a full
 * collection varies by well under 1% between runs, and each collection of TimelineJS's page
 * takes several seconds.
 */
import type { Browser, Page } from 'puppeteer-core';
import { pageResult, withFreshPage } from './browser.js';
import { blankPage, type Library } from './pages/render-page.js';
import { RENDER_VIEWPORT, type AfterRun } from './render-speed.js';
import type { BenchServer } from './server.js';
import { summarize, type Summary } from './stats.js';

export interface HeapUse {
  /** bytes of live JS heap after garbage collection */
  jsHeap: number;
  /** nodes alive in the page's renderer (elements, text and comment nodes, in shadow roots too) */
  nodes: number;
}

export interface MemoryUse {
  statements: number;
  baseline: { jsHeap: Summary; nodes: Summary };
  ours: { jsHeap: Summary; nodes: Summary; addedJsHeap: number };
  timelinejs: { jsHeap: Summary; nodes: Summary; addedJsHeap: number };
}

/**
 * Collects garbage, then reads the heap. One call is enough: DevTools' "collect garbage" runs
 * V8's collect-all-available-garbage, which repeats full collections until nothing more is
 * freed. It takes seconds on a page of a quarter of a million DOM nodes.
 */
export async function heapAfterGc(page: Page): Promise<HeapUse> {
  const devtools = await page.createCDPSession();
  await devtools.send('HeapProfiler.collectGarbage');
  const { usedSize } = await devtools.send('Runtime.getHeapUsage');
  await devtools.detach();
  const { Nodes } = await page.metrics();
  return { jsHeap: usedSize, nodes: Nodes ?? 0 };
}

const MEMORY_RUNS = 3;

/** Gathers heap readings from the render runs at `statements`, and measures the baseline beside them. */
export function memoryProbe(statements: number) {
  const samples: Record<Library, HeapUse[]> = { ours: [], timelinejs: [] };
  const baseline: HeapUse[] = [];

  const afterRun: AfterRun = async (page, library, size) => {
    if (size === statements && samples[library].length < MEMORY_RUNS) samples[library].push(await heapAfterGc(page));
  };

  async function measureBaseline(browser: Browser, server: BenchServer): Promise<void> {
    const path = `/render/blank-${statements}.html`;
    server.route(path, { type: 'text/html; charset=utf-8', body: blankPage(`/data/statements-${statements}.js`) });
    for (let run = 0; run < MEMORY_RUNS; run++) {
      baseline.push(
        await withFreshPage(browser, RENDER_VIEWPORT, async (page) => {
          const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
          if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
          await pageResult(page, 'RESULT', 60_000);
          return heapAfterGc(page);
        }),
      );
    }
  }

  function result(): MemoryUse {
    const both = (uses: HeapUse[]) => ({
      jsHeap: summarize(uses.map((use) => use.jsHeap)),
      nodes: summarize(uses.map((use) => use.nodes)),
    });
    const base = both(baseline);
    const added = (uses: HeapUse[]) => {
      const measured = both(uses);
      return { ...measured, addedJsHeap: measured.jsHeap.median - base.jsHeap.median };
    };
    return { statements, baseline: base, ours: added(samples.ours), timelinejs: added(samples.timelinejs) };
  }

  return { afterRun, measureBaseline, result };
}
