/**
 * `npm run bench:cpu` (after `npm run build`): the render-speed page's time to first paint
 * (bench/pages/render-page.ts) as main-thread CPU time instead of wall time, ours beside
 * TimelineJS. On a machine shared with other work (this one: 2 cores, often a load average
 * above 10), wall times to first paint vary threefold from run to run and the ratio with
 * them; the CPU time the page's main thread spent between the clock's start (T0) and the
 * first paint with content barely moves. It is read from a Chromium trace: the thread time
 * (`tdur`) of every top-level task on the renderer's main thread between two marks the page
 * makes at T0 and at its paint result. Rasterising and compositing (other threads) are not
 * in it, for either library.
 *
 * Environment: RUNS (default 7), SIZES (default 1000,10000), TIMELINEJS_UP_TO (default 1000:
 * TimelineJS is measured at sizes up to it; at 10,000 a run takes a minute or more).
 */
import type { Page } from 'puppeteer-core';
import { launchChromium, pageResult, withFreshPage } from './browser.js';
import { sameStatements } from './data.js';
import { renderPage, type Library } from './pages/render-page.js';
import { RENDER_VIEWPORT } from './render-speed.js';
import { startServer, type BenchServer } from './server.js';
import { SNAPSHOT_DIR, snapshotBuild } from './snapshot.js';
import { summarize, type Summary } from './stats.js';

const TIMEOUT = 600_000;

/** The render page with a mark at T0 and one where it reports its first paint. */
function markedPage(library: Library, dataUrl: string): string {
  let page = renderPage(library, 'nw-timeline', dataUrl);
  for (const [at, mark] of [
    ['window.T0 = performance.now();', 'cpu-t0'],
    ['window.RESULT = { loaded', 'cpu-paint'],
  ] as const) {
    if (!page.includes(at)) throw new Error(`bench/pages/render-page.ts no longer has "${at}": update timeline-cpu.ts`);
    page = page.replace(at, `performance.mark('${mark}'); ${at}`);
  }
  return page;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Main-thread CPU milliseconds between the two marks, from the page's trace. */
async function cpuToPaint(page: Page, open: () => Promise<void>): Promise<number> {
  await page.tracing.start({
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'],
  });
  await open();
  const trace = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(trace!).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((event) => event.name === 'cpu-t0');
  const end = events.find((event) => event.name === 'cpu-paint');
  if (!start || !end) throw new Error('the trace has no marks from the page');
  let cpu = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || task.pid !== start.pid || task.tid !== start.tid) continue;
    if (!task.dur || task.tdur === undefined || task.ts + task.dur < start.ts || task.ts > end.ts) continue;
    // A task the marks cut counts for the share of it between them.
    const share = (Math.min(end.ts, task.ts + task.dur) - Math.max(start.ts, task.ts)) / task.dur;
    cpu += task.tdur * Math.max(0, Math.min(1, share));
  }
  return cpu / 1000;
}

function oneRun(server: BenchServer, library: Library, path: string): Promise<number> {
  return withFreshPage(browser, RENDER_VIEWPORT, (page) =>
    cpuToPaint(page, async () => {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
      if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
      const result = await pageResult<{ error?: string; entries: number }>(page, 'RESULT', TIMEOUT);
      if (result.error || !result.entries)
        throw new Error(`${library}: ${result.error ?? 'no entries at first paint'}`);
    }),
  );
}

const runs = Number(process.env.RUNS ?? 7);
const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const timelineJsUpTo = Number(process.env.TIMELINEJS_UP_TO ?? 1000);
const ms = (summary: Summary) =>
  `${Math.round(summary.median)} ms (${Math.round(summary.min)}–${Math.round(summary.max)})`;

snapshotBuild();
const server = await startServer({
  '/dist/': SNAPSHOT_DIR,
  '/timelinejs/': 'node_modules/@knight-lab/timelinejs/dist',
});
const browser = await launchChromium();
try {
  const rows: string[][] = [];
  for (const size of sizes) {
    const dataUrl = `/data/cpu-statements-${size}.js`;
    server.route(dataUrl, { type: 'text/javascript', body: `window.DATA = ${JSON.stringify(sameStatements(size))};` });
    const libraries: Library[] = size <= timelineJsUpTo ? ['ours', 'timelinejs'] : ['ours'];
    const times: Record<Library, number[]> = { ours: [], timelinejs: [] };
    for (const library of libraries) {
      server.route(`/cpu/${library}-${size}.html`, {
        type: 'text/html; charset=utf-8',
        body: markedPage(library, dataUrl),
      });
    }
    for (let run = 0; run < runs; run++) {
      for (const library of run % 2 ? libraries.toReversed() : libraries) {
        times[library].push(await oneRun(server, library, `/cpu/${library}-${size}.html`));
      }
      console.error(
        `bench: ${size} statements, run ${run + 1}/${runs}: ${libraries.map((l) => `${l} ${Math.round(times[l].at(-1)!)} ms`).join(', ')}`,
      );
    }
    const ours = summarize(times.ours);
    const theirs = times.timelinejs.length ? summarize(times.timelinejs) : undefined;
    const perRun = theirs ? times.timelinejs.map((time, i) => time / times.ours[i]!) : [];
    rows.push([
      size.toLocaleString('en-US'),
      ms(ours),
      theirs ? ms(theirs) : '–',
      theirs ? `${(theirs.median / ours.median).toFixed(1)}× (lowest run ${Math.min(...perRun).toFixed(1)}×)` : '–',
    ]);
  }
  const header = ['statements', '`<nw-timeline>`: main-thread CPU to first paint', 'TimelineJS', 'TimelineJS / ours'];
  console.log([header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
