/**
 * Layout stability: how much an article moves while its widgets load, and how long the
 * longest task keeps the page from answering, on a phone and a desktop viewport, for each
 * variant of pages/article-page.ts. A fresh page (and browser context) per run; variants
 * take turns within each run.
 *
 * The analysis JSON is answered after a delay, as a CMS or API would: the widgets' loading
 * state is on screen for that long, which is exactly when a placeholder of the wrong height
 * would move the text. A run ends once the page has settled: its widgets are ready and
 * neither a layout shift nor a frame's height message has come for a second.
 *
 * CLS is computed as Chromium's Web Vitals do: shifts grouped into session windows (a gap
 * under 1 s, a window at most 5 s), the largest window's sum.
 */
import type { Browser, Page } from 'puppeteer-core';
import { DESKTOP, PHONE, withFreshPage, type Viewport } from './browser.js';
import { sameStatements, sampleAnalysis } from './data.js';
import { ARTICLE_DATA, ARTICLE_VARIANTS, articlePage, type ArticleVariant } from './pages/article-page.js';
import type { BenchServer } from './server.js';
import { summarize, type Summary } from './stats.js';

/** The sample analysis answers in 250 ms, the 100-statement timelines in 350 ms. */
const DATA_DELAY = { analysis: 250, timeline: 350 } as const;
/** Statements in the article's timeline (95 of them dated, shown by both libraries). */
const ARTICLE_TIMELINE_STATEMENTS = 100;
const QUIET_FOR = 1_000;
const SETTLE_TIMEOUT = 20_000;

/**
 * One layout shift: its score, when (ms from navigation), and each moved node with its top
 * before and after ("p y 691→0"; 0 when it moved out of the viewport).
 */
interface Shift {
  value: number;
  time: number;
  moved: string[];
}
interface Task {
  duration: number;
  time: number;
}

interface RunStability {
  cls: number;
  longestTask: number;
  /** the sum over long tasks of their time past 50 ms (Lighthouse's total blocking time, over the whole load) */
  blockingTime: number;
  /** ms from navigation: first contentful paint, elements registered (ours), widgets ready */
  times: { fcp?: number; defined?: number; ready: number };
  /** every shift, for a reader asking "why is CLS not 0": what moved, when, by how much */
  shifts: Shift[];
}

export interface StabilityRow {
  variant: ArticleVariant;
  description: string;
  viewport: Viewport;
  cls: Summary;
  longestTask: Summary;
  blockingTime: Summary;
  /** the first run's shifts and ready time, as an example */
  example: { times: RunStability['times']; shifts: Shift[] };
}

export interface LayoutStability {
  runs: number;
  delays: typeof DATA_DELAY;
  rows: StabilityRow[];
}

/** CLS: the largest sum of shifts within one session window (gaps under 1 s, at most 5 s long). */
export function cumulativeLayoutShift(shifts: Shift[]): number {
  let largest = 0;
  let sessionSum = 0;
  let sessionStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.time - b.time)) {
    if (shift.time - previous >= 1_000 || shift.time - sessionStart >= 5_000) {
      sessionSum = 0;
      sessionStart = shift.time;
    }
    sessionSum += shift.value;
    previous = shift.time;
    largest = Math.max(largest, sessionSum);
  }
  return largest;
}

function serveArticles(server: BenchServer): void {
  const analysis = sampleAnalysis();
  const timeline = sameStatements(ARTICLE_TIMELINE_STATEMENTS);
  server.route(ARTICLE_DATA.analysis, {
    type: 'application/json',
    body: JSON.stringify(analysis),
    delay: DATA_DELAY.analysis,
  });
  server.route(ARTICLE_DATA.timeline, {
    type: 'application/json',
    body: JSON.stringify(timeline.ours),
    delay: DATA_DELAY.timeline,
  });
  server.route(ARTICLE_DATA.timelinejs, {
    type: 'application/json',
    body: JSON.stringify(timeline.timelinejs),
    delay: DATA_DELAY.timeline,
  });
  // The iframe comes from another origin (localhost, not 127.0.0.1), so Chromium runs it in its
  // own process as on a real site: its work does not block the article's main thread.
  const widgetOrigin = server.origin.replace('127.0.0.1', 'localhost');
  for (const variant of Object.keys(ARTICLE_VARIANTS) as ArticleVariant[]) {
    server.route(`/article/${variant}.html`, {
      type: 'text/html; charset=utf-8',
      body: articlePage(variant, analysis, widgetOrigin),
    });
  }
}

/** Waits until the widgets are ready and nothing has moved or asked to resize for QUIET_FOR. */
async function settle(page: Page, variant: ArticleVariant): Promise<void> {
  await page
    .waitForFunction(
      (quiet: number) => {
        const { READY, SHIFTS, LAST_MESSAGE, ERROR } = window as unknown as {
          READY?: number;
          SHIFTS: Shift[];
          LAST_MESSAGE: number;
          ERROR?: string;
        };
        if (ERROR) return true;
        if (READY === undefined) return false;
        const lastEvent = Math.max(READY, LAST_MESSAGE, SHIFTS.at(-1)?.time ?? 0);
        return performance.now() - lastEvent >= quiet;
      },
      { timeout: SETTLE_TIMEOUT, polling: 100 },
      QUIET_FOR,
    )
    .catch(async () => {
      const state = await page.evaluate(`JSON.stringify({
      ready: window.READY, waitingFor: window.WAITING_FOR, shifts: SHIFTS.length, lastShift: SHIFTS.at(-1)?.time,
      lastMessage: LAST_MESSAGE, now: performance.now() })`);
      throw new Error(`layout: the ${variant} article did not settle within ${SETTLE_TIMEOUT / 1000} s: ${state}`);
    });
}

async function oneRun(
  browser: Browser,
  server: BenchServer,
  variant: ArticleVariant,
  viewport: Viewport,
): Promise<RunStability> {
  return withFreshPage(browser, viewport, async (page) => {
    const response = await page.goto(`${server.origin}/article/${variant}.html`, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`layout: ${variant}: HTTP ${response?.status()}`);
    await settle(page, variant);
    const { shifts, tasks, times, error } = (await page.evaluate(
      '({ shifts: SHIFTS, tasks: TASKS, times: { fcp: window.FCP, defined: window.DEFINED, ready: READY }, error: window.ERROR })',
    )) as { shifts: Shift[]; tasks: Task[]; times: RunStability['times']; error?: string };
    if (error) throw new Error(`layout: ${variant}: ${error}`);
    return {
      cls: cumulativeLayoutShift(shifts),
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      blockingTime: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      times,
      shifts,
    };
  });
}

export async function measureLayoutStability(
  browser: Browser,
  server: BenchServer,
  options: { runs: number; log: (line: string) => void },
): Promise<LayoutStability> {
  serveArticles(server);
  const variants = Object.keys(ARTICLE_VARIANTS) as ArticleVariant[];
  const rows: StabilityRow[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const runs = new Map<ArticleVariant, RunStability[]>(variants.map((variant) => [variant, []]));
    for (let run = 0; run < options.runs; run++) {
      // Rotate which variant goes first, as the render runs alternate libraries.
      const order = variants.map((_, i) => variants[(i + run) % variants.length]!);
      for (const variant of order) runs.get(variant)!.push(await oneRun(browser, server, variant, viewport));
    }
    for (const variant of variants) {
      const measured = runs.get(variant)!;
      rows.push({
        variant,
        description: ARTICLE_VARIANTS[variant],
        viewport,
        cls: summarize(measured.map((run) => run.cls)),
        longestTask: summarize(measured.map((run) => run.longestTask)),
        blockingTime: summarize(measured.map((run) => run.blockingTime)),
        example: { times: measured[0]!.times, shifts: measured[0]!.shifts },
      });
    }
    options.log(`layout: ${viewport.name}, ${variants.length} articles × ${options.runs} runs`);
  }
  return { runs: options.runs, delays: DATA_DELAY, rows };
}
