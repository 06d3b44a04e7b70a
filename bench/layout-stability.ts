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
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { FRAME_WIDTHS, iframeSnippet } from '../demo/builder-snippets.js';
import { dataScriptId, scriptSnippet } from '../src/internal/script-snippet.js';
import type { IndexView, OEmbedJson } from '../src/publish/site.js';
import { renderHtmlSync } from '../src/render/index.js';
import type { Analysis } from '../src/schema/analysis.js';
import { VERSION } from '../src/version.js';
import { DESKTOP, PHONE, withFreshPage, type Viewport } from './browser.js';
import { sameStatements, sampleAnalysis } from './data.js';
import { ARTICLE_ACTOR, ARTICLE_DATA, articlePage, TIMELINEJS_KIND, type ArticleKind } from './pages/article-page.js';
import type { BenchServer } from './server.js';
import { summarize, type Summary } from './stats.js';

/** Every JSON answers this late, as a slow CMS or API would (the issue's 800 ms). */
const DATA_DELAY = 800;
/** Phone rows run with the main thread slowed 4×, as Lighthouse's mobile run does. */
const PHONE_CPU_SLOWDOWN = 4;
const QUIET_FOR = 1_000;
const SETTLE_TIMEOUT = 30_000;
/** `newsroom-widgets publish` output for the bench, served under /site/ from the widget origin. */
export const SITE_DIR = 'bench/.build-bench/site';
/** WordPress's own embed host script (Debian's package), for the link embed as WordPress shows it. */
export const WP_EMBED_DIR = '/usr/share/wordpress/wp-includes/js';

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
  variant: string;
  description: string;
  viewport: Viewport;
  /** the CPU slowdown the row ran under (1: none) */
  cpuSlowdown: number;
  cls: Summary;
  longestTask: Summary;
  blockingTime: Summary;
  /** the first run's shifts and ready time, as an example */
  example: { times: RunStability['times']; shifts: Shift[] };
}

export interface LayoutStability {
  runs: number;
  delay: number;
  phoneCpuSlowdown: number;
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

/** Runs `newsroom-widgets publish` (the built CLI) for the sample, as a newsroom would, with `baseUrl`. */
export function publishSample(baseUrl: string): { index: IndexView[]; oembed: (view: string) => OEmbedJson } {
  rmSync(SITE_DIR, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['bin/newsroom-widgets.js', 'publish', 'data/mexico-us-deployment.json', '--out', SITE_DIR, '--base-url', baseUrl],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const folder = `${SITE_DIR}/${sampleAnalysis().id}`;
  const index = (JSON.parse(readFileSync(`${folder}/index.json`, 'utf8')) as { views: IndexView[] }).views;
  return { index, oembed: (view) => JSON.parse(readFileSync(`${folder}/${view}.oembed.json`, 'utf8')) as OEmbedJson };
}

/**
 * The oEmbed answer's html as WordPress puts it in a post (wp_filter_oembed_result in
 * wp-includes/embed.php, 6.1): attributes outside its list dropped (`loading`), a secret in
 * the frame's address, the frame hidden while the blockquote shows, both marked for wp-embed.js.
 */
function asWordPressShowsIt(html: string, secret: string): string {
  return (
    html
      .replace(' loading="lazy"', '')
      .replace(/ src="([^"]*)"/, ` src="$1#?secret=${secret}" data-secret="${secret}"`)
      .replace(
        /<blockquote class="wp-embedded-content"/,
        `<blockquote class="wp-embedded-content" data-secret="${secret}"`,
      )
      // Hidden only when there is a blockquote to show meanwhile.
      .replace(
        /^(<blockquote[^]*)<iframe class="wp-embedded-content"/,
        '$1<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" class="wp-embedded-content"',
      )
  );
}

/**
 * Every kind of code we hand out, for the stance card after the standfirst and the timeline
 * further down, made by our own tools as a newsroom gets it (the library's files from this
 * server's /dist/ instead of jsDelivr).
 */
/**
 * What the embed builder measures on its preview for the iframe code (`measuredHeights`): the
 * embed page's height at each of its widths, here by loading the page at those widths.
 */
async function frameHeights(browser: Browser, url: string): Promise<string> {
  const heights: string[] = [];
  for (const width of FRAME_WIDTHS) {
    heights.push(
      await withFreshPage(browser, { name: 'measure', width, height: 800 }, async (page) => {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(`document.querySelector('body > [state="ready"]')`, { timeout: SETTLE_TIMEOUT });
        const height = await page.evaluate(
          'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(Math.ceil(document.documentElement.getBoundingClientRect().height)))))',
        );
        return `${width}:${height as number}`;
      }),
    );
  }
  return heights.join(' ');
}

export async function snippetKinds(
  browser: Browser,
  server: BenchServer,
  widgetOrigin: string,
): Promise<Record<string, ArticleKind>> {
  const analysis = sampleAnalysis() as Analysis;
  const dist = `${server.origin}/dist/`;
  const local = (code: string) =>
    code.replaceAll(`https://cdn.jsdelivr.net/npm/newsroom-widgets@${VERSION}/dist/`, dist);
  const module = `<script type="module" src="/dist/cdn/newsroom-widgets.js"></script>`;
  const classic = `<script src="/dist/cdn/newsroom-widgets.classic.js"></script>`;
  const src = ARTICLE_DATA.analysis;
  const handWritten = [
    `<nw-stance-card src="${src}" actor="${ARTICLE_ACTOR}"></nw-stance-card>`,
    `<nw-timeline src="${src}"></nw-timeline>`,
  ];
  const { index, oembed } = publishSample(`${widgetOrigin}/site/`);
  const published = (view: string) => index.find((entry) => entry.view === view)!;
  const views = [published(`stance-${ARTICLE_ACTOR}`), published('timeline')] as const;
  const choice = (element: 'nw-stance-card' | 'nw-timeline') => ({
    analysis,
    element,
    actor: element === 'nw-stance-card' ? ARTICLE_ACTOR : undefined,
    lang: 'en' as const,
    theme: 'light' as const,
    version: VERSION,
    base: dist,
  });
  const both = (make: (element: 'nw-stance-card' | 'nw-timeline') => string): string[] => [
    make('nw-stance-card'),
    make('nw-timeline'),
  ];
  const kinds: Record<string, ArticleKind> = {
    'readme-module': {
      description: 'README, hand-written: module script, `<nw-stance-card src>` and `<nw-timeline src>`',
      head: module,
      slots: handWritten,
    },
    'readme-classic': {
      description: 'README, hand-written: the same with the classic script in `<head>`',
      head: classic,
      slots: handWritten,
    },
    'publish-module': {
      description: '`publish` index.json `snippet` (module script, `src=`), as written',
      slots: [local(views[0].snippet), local(views[1].snippet)],
    },
    'publish-classic': {
      description: 'the same snippet with the classic script, after the element, instead of the module',
      // After: defined before the parser has read the element's content, it would attach its
      // own shadow root before the prerendered one.
      slots: views.map(
        (view) =>
          `${local(view.snippet).replace(/<script type="module"[^>]*><\/script>\n/, '')}\n<script src="/dist/cdn/newsroom-widgets.classic.js"></script>`,
      ),
    },
    'builder-for': {
      description: 'embed builder, script tag with the analysis inline (`for=`), module script',
      // The builder serialises its live preview into the element; Node has no preview, so the
      // same element rendered by the static render stands in for it (same content, same boxes).
      slots: both((element) =>
        scriptSnippet({
          ...choice(element),
          prerendered: renderHtmlSync(analysis, {
            element,
            ...(element === 'nw-stance-card' ? { actor: ARTICLE_ACTOR } : {}),
            lang: 'en',
            theme: 'light',
            dataId: dataScriptId(analysis),
          }).replace(/^<script type="application\/json"[^]*?<\/script>\n/, ''),
        }),
      ),
    },
    'static-upgrade': {
      description: 'static HTML (`newsroom-widgets render`, declarative shadow DOM) + the module script upgrading it',
      slots: [
        renderHtmlSync(analysis, { element: 'nw-stance-card', actor: ARTICLE_ACTOR, dataId: 'card-data' }),
        renderHtmlSync(analysis, { element: 'nw-timeline', dataId: 'timeline-data' }),
      ],
      tail: module,
    },
  };
  const frame = (element: 'nw-stance-card' | 'nw-timeline', heights: string) =>
    iframeSnippet({ ...choice(element), base: `${widgetOrigin}/dist/`, jsonUrl: `${widgetOrigin}${src}` }, heights);
  const frameUrl = (element: 'nw-stance-card' | 'nw-timeline') =>
    /src="([^"]*)"/.exec(frame(element, ''))![1]!.replaceAll('&amp;', '&');
  kinds.iframe = {
    description:
      'embed builder, iframe (`embed.html?src=`, another origin) + `resizer.js`, with the heights it measured',
    slots: [
      frame('nw-stance-card', await frameHeights(browser, frameUrl('nw-stance-card'))),
      frame('nw-timeline', await frameHeights(browser, frameUrl('nw-timeline'))),
    ],
    frames: true,
  };
  if (existsSync(`${WP_EMBED_DIR}/wp-embed.min.js`)) {
    kinds['link-embed'] = {
      description: '`publish` link pasted in WordPress: its oEmbed answer as WordPress shows it, with `wp-embed.js`',
      slots: [
        asWordPressShowsIt(oembed(views[0].view).html, 'a1b2c3d4e5'),
        asWordPressShowsIt(oembed(views[1].view).html, 'f6g7h8i9j0'),
      ],
      tail: '<script src="/wp-includes/js/wp-embed.min.js"></script>',
      frames: true,
    };
    // Not what publish writes: the same answer without the blockquote, to show what it costs.
    // WordPress then shows the frame at once at the oEmbed height, and loads no wp-embed.js
    // (it does only for a blockquote), so the frame keeps that height (375 px's) at every width.
    const frameOnly = (html: string) => html.replace(/<blockquote[^]*?<\/blockquote>/, '');
    kinds['link-embed-frame-only'] = {
      description:
        'for comparison, not written: the same oEmbed answer without its blockquote (no `wp-embed.js`, no resizing)',
      slots: [
        asWordPressShowsIt(frameOnly(oembed(views[0].view).html), 'k1l2m3n4o5'),
        asWordPressShowsIt(frameOnly(oembed(views[1].view).html), 'p6q7r8s9t0'),
      ],
      frames: true,
    };
  }
  kinds['wordpress-plugin'] = {
    description:
      "WordPress plugin block (render.php's markup: classic script in `<head>`, the element by `src=` in its block wrapper)",
    head: classic,
    slots: [
      `<div class="wp-block-newsroom-widgets-widget newsroom-widgets"><nw-stance-card src="${src}" actor="${ARTICLE_ACTOR}"></nw-stance-card></div>`,
      `<div class="wp-block-newsroom-widgets-widget newsroom-widgets"><nw-timeline src="${src}"></nw-timeline></div>`,
    ],
  };
  kinds.timelinejs = TIMELINEJS_KIND;
  return kinds;
}

export function serveArticles(server: BenchServer, kinds: Record<string, ArticleKind>): void {
  const analysis = sampleAnalysis();
  const timeline = sameStatements(100);
  const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body), delay: DATA_DELAY });
  server.route(ARTICLE_DATA.analysis, json(analysis));
  server.route(ARTICLE_DATA.timelinejs, json(timeline.timelinejs));
  // publish's analysis.json, answered as late as the others.
  server.route(`/site/${analysis.id}/analysis.json`, json(analysis));
  for (const [name, kind] of Object.entries(kinds)) {
    server.route(`/article/${name}.html`, { type: 'text/html; charset=utf-8', body: articlePage(kind, analysis) });
  }
}

/** Waits until the widgets are ready and nothing has moved or asked to resize for QUIET_FOR. */
async function settle(page: Page, variant: string): Promise<void> {
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
      lastMessage: LAST_MESSAGE, now: performance.now(),
      frames: [...document.querySelectorAll('iframe')].map((frame) => frame.loading + ' ' + frame.height + ' ' + frame.getBoundingClientRect().top) })`);
      throw new Error(`layout: the ${variant} article did not settle within ${SETTLE_TIMEOUT / 1000} s: ${state}`);
    });
}

async function oneRun(
  browser: Browser,
  server: BenchServer,
  variant: string,
  viewport: Viewport,
  cpuSlowdown: number,
): Promise<RunStability> {
  return withFreshPage(browser, viewport, async (page) => {
    if (cpuSlowdown > 1) await page.emulateCPUThrottling(cpuSlowdown);
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
  // The iframes come from another origin (localhost, not 127.0.0.1), so Chromium runs them in
  // their own process as on a real site: their work does not block the article's main thread.
  const widgetOrigin = server.origin.replace('127.0.0.1', 'localhost');
  // The data routes first: the iframe kind measures its frames' heights on them.
  serveArticles(server, {});
  const kinds = await snippetKinds(browser, server, widgetOrigin);
  serveArticles(server, kinds);
  // KINDS=iframe,link-embed: only those rows, for working on one kind.
  const only = process.env.KINDS?.split(',');
  const variants = Object.keys(kinds).filter((name) => !only || only.includes(name));
  const rows: StabilityRow[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const cpuSlowdown = viewport === PHONE ? PHONE_CPU_SLOWDOWN : 1;
    const runs = new Map<string, RunStability[]>(variants.map((variant) => [variant, []]));
    for (let run = 0; run < options.runs; run++) {
      // Rotate which variant goes first, as the render runs alternate libraries.
      const order = variants.map((_, i) => variants[(i + run) % variants.length]!);
      for (const variant of order)
        runs.get(variant)!.push(await oneRun(browser, server, variant, viewport, cpuSlowdown));
    }
    for (const variant of variants) {
      const measured = runs.get(variant)!;
      rows.push({
        variant,
        description: kinds[variant]!.description,
        viewport,
        cpuSlowdown,
        cls: summarize(measured.map((run) => run.cls)),
        longestTask: summarize(measured.map((run) => run.longestTask)),
        blockingTime: summarize(measured.map((run) => run.blockingTime)),
        example: { times: measured[0]!.times, shifts: measured[0]!.shifts },
      });
    }
    options.log(`layout: ${viewport.name}, ${variants.length} articles × ${options.runs} runs`);
  }
  return { runs: options.runs, delay: DATA_DELAY, phoneCpuSlowdown: PHONE_CPU_SLOWDOWN, rows };
}
