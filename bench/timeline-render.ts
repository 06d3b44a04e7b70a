/**
 * `npm run bench:timeline`: time to first render of <nw-timeline> and of TimelineJS on the
 * same generated events, in headless Chromium (Debian's), on this machine.
 *
 * Each run is a fresh page; libraries alternate; each size runs RUNS times. Both scripts
 * and the data are loaded before the clock starts, so what is timed is the library turning
 * data into a timeline: from the constructor (ours: setting `analysis` and appending the
 * element) to its ready event (`nw-ready`; TimelineJS's `loaded`), and to the next painted
 * frame after it. TimelineJS needs a date on every event, so both get only the dated
 * statements (95% of the generated ones).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { generatedAnalysis } from '../demo/generate.js';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../scripts/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const OUT = 'bench/.build';

async function bundleOurs(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: OUT, emptyOutDir: true, minify: true, target: 'es2022',
      lib: { entry: 'src/components/timeline/timeline.ts', formats: ['es'], fileName: () => 'nw-timeline.js' },
    },
  });
}

function timelineJsData(count: number) {
  const analysis = generatedAnalysis(count);
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  const dated = analysis.statements.filter((statement) => statement.date);
  const ours = { ...analysis, statements: dated };
  const events = dated.map((statement) => {
    const [year, month, day] = statement.date!.split('-');
    return {
      start_date: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) },
      text: { headline: names.get(statement.actor), text: statement.text },
      group: names.get(statement.actor),
    };
  });
  return { ours, theirs: { events } };
}

const page = (lib: 'ours' | 'timelinejs', count: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
${lib === 'timelinejs' ? '<link rel="stylesheet" href="/tl/timeline.css">' : ''}
<style>body{margin:0;font:16px/1.5 system-ui}#tl{width:1000px;height:650px}</style></head><body>
<div id="tl"></div>
<script src="/data-${count}.js"></script>
${lib === 'timelinejs' ? '<script src="/tl/timeline.js"></script>' : '<script type="module" src="/ours.js"></script>'}
<script type="module">
  ${lib === 'ours' ? "await customElements.whenDefined('nw-timeline');" : ''}
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const t0 = performance.now();
  const ready = await new Promise((resolve) => {
    ${lib === 'ours'
      ? `const el = document.createElement('nw-timeline');
         el.addEventListener('nw-ready', () => resolve(performance.now()), { once: true });
         el.analysis = window.DATA.ours; document.getElementById('tl').replaceWith(el);`
      : `const timeline = new TL.Timeline('tl', window.DATA.theirs);
         timeline.on('loaded', () => resolve(performance.now()));`}
  });
  await painted();
  window.RESULT = { ready: ready - t0, paint: performance.now() - t0 };
</script></body></html>`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  mkdirSync(OUT, { recursive: true });
  await bundleOurs();
  const files = new Map<string, [string, string]>([
    ['/ours.js', ['text/javascript', readFileSync(`${OUT}/nw-timeline.js`, 'utf8')]],
    ['/tl/timeline.js', ['text/javascript', readFileSync('node_modules/@knight-lab/timelinejs/dist/js/timeline.js', 'utf8')]],
    ['/tl/timeline.css', ['text/css', readFileSync('node_modules/@knight-lab/timelinejs/dist/css/timeline.css', 'utf8')]],
  ]);
  for (const count of SIZES) {
    files.set(`/data-${count}.js`, ['text/javascript', `window.DATA = ${JSON.stringify(timelineJsData(count))};`]);
    for (const lib of ['ours', 'timelinejs'] as const) files.set(`/${lib}-${count}.html`, ['text/html', page(lib, count)]);
  }
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? '');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

  const results: Record<string, { ready: number[]; paint: number[] }> = {};
  try {
    for (const count of SIZES) {
      for (let run = 0; run < RUNS; run++) {
        // Alternate which library goes first, so neither always gets the warmer machine.
        const order = run % 2 === 0 ? (['ours', 'timelinejs'] as const) : (['timelinejs', 'ours'] as const);
        for (const lib of order) {
          const tab = await browser.newPage();
          await tab.setViewport({ width: 1100, height: 800 });
          // TimelineJS builds synchronously before the load event: let navigation wait that long.
          await tab.goto(`${origin}/${lib}-${count}.html`, { timeout: 300_000 });
          const result = (await tab.waitForFunction('window.RESULT', { timeout: 300_000 }).then((handle) => handle.jsonValue())) as
            { ready: number; paint: number };
          await tab.close();
          const key = `${lib} ${count}`;
          results[key] ??= { ready: [], paint: [] };
          results[key].ready.push(result.ready);
          results[key].paint.push(result.paint);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const ms = (value: number) => `${Math.round(value)} ms`;
  const rows = Object.entries(results).map(([key, { ready, paint }]) => ({
    key, ready: median(ready), paint: median(paint), spread: `${ms(Math.min(...paint))}–${ms(Math.max(...paint))}`,
  }));
  console.log(`| run (${RUNS} each, median) | to ready event | to first paint | paint spread |\n| --- | --- | --- | --- |`);
  for (const row of rows) console.log(`| ${row.key} | ${ms(row.ready)} | ${ms(row.paint)} | ${row.spread} |`);
  for (const count of SIZES) {
    const ours = rows.find((row) => row.key === `ours ${count}`)!;
    const theirs = rows.find((row) => row.key === `timelinejs ${count}`)!;
    console.log(`TimelineJS / ours to first paint at ${count}: ${(theirs.paint / ours.paint).toFixed(1)}×`);
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/timeline-render.json', `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)}\n`);
}

main().catch((cause) => {
  console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 1;
});
