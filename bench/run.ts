/**
 * `npm run bench` (after `npm run build`): newsroom-widgets beside TimelineJS and pym.js, in
 * one run on one machine. Measures size, render speed, layout stability and memory, prints
 * one markdown table per measure (ready for the README) and writes them all as JSON to
 * bench/results/bench-<date>.json.
 *
 * Environment:
 * - RUNS: runs per render case, at least 7 (default 7). TimelineJS at 10,000 statements
 *   takes about half a minute a run, and dominates the time the whole bench takes.
 * - LAYOUT_RUNS: runs per article and viewport (default 3: an article's CLS is the same from
 *   run to run; its longest task varies, and 3 keeps this part near a minute).
 * - SIZES: statement counts for the timelines (default 100,1000,10000); memory is measured at
 *   the largest.
 * - LIGHTHOUSE_RUNS: Lighthouse runs per page (default 3; its scores move a point or two
 *   from run to run).
 * - ONLY: a comma-separated subset of size,render,layout,lighthouse (memory comes with render), for
 *   working on one part; the table and JSON then hold only those.
 * Quick look while developing: `RUNS=3 LAYOUT_RUNS=2 SIZES=100,1000 tsx bench/run.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeMachine, launchChromium } from './browser.js';
import { measureLighthouse } from './lighthouse.js';
import { measureLayoutStability, SITE_DIR, WP_EMBED_DIR } from './layout-stability.js';
import { memoryProbe } from './memory.js';
import { measureRenderSpeed } from './render-speed.js';
import { markdownReport, type BenchResults } from './report.js';
import { startServer } from './server.js';
import { measureSizes } from './sizes.js';
import { SNAPSHOT_DIR, snapshotBuild } from './snapshot.js';

const SECTIONS = ['size', 'render', 'layout', 'lighthouse'] as const;
type Section = (typeof SECTIONS)[number];

const MIN_RUNS = 7;

function settings() {
  const runs = Number(process.env.RUNS ?? MIN_RUNS);
  const layoutRuns = Number(process.env.LAYOUT_RUNS ?? 3);
  const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  const sizes = (process.env.SIZES ?? '100,1000,10000').split(',').map(Number);
  const only = process.env.ONLY?.split(',') as Section[] | undefined;
  for (const [name, value] of [
    ['RUNS', runs],
    ['LAYOUT_RUNS', layoutRuns],
    ['LIGHTHOUSE_RUNS', lighthouseRuns],
    ...sizes.map((size) => ['SIZES', size] as const),
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be whole numbers of at least 1`);
  }
  const unknown = only?.filter((section) => !SECTIONS.includes(section));
  if (unknown?.length) throw new Error(`ONLY takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
  return {
    runs,
    layoutRuns,
    lighthouseRuns,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    sections: only ?? [...SECTIONS],
  };
}

/** Runs the chosen measures and returns everything measured (also printed and written). */
export async function runBench(sections: readonly Section[] = settings().sections): Promise<BenchResults> {
  const { runs, layoutRuns, lighthouseRuns, sizes } = settings();
  snapshotBuild();
  const started = Date.now();
  const log = (line: string) => console.error(`bench ${Math.round((Date.now() - started) / 1000)} s: ${line}`);
  if (runs < MIN_RUNS)
    log(`RUNS=${runs} is under the ${MIN_RUNS} the published table needs: fine for a quick look, not for the README`);

  const server = await startServer({
    '/dist/': SNAPSHOT_DIR,
    '/timelinejs/': 'node_modules/@knight-lab/timelinejs/dist',
    '/site/': SITE_DIR,
    '/wp-includes/js/': WP_EMBED_DIR,
  });
  const browser = await launchChromium();
  const results: BenchResults = { date: new Date().toISOString(), machine: await describeMachine(browser), seconds: 0 };
  try {
    if (sections.includes('size')) results.sizes = await measureSizes(log);
    if (sections.includes('render')) {
      const largest = sizes.at(-1)!;
      const memory = memoryProbe(largest);
      results.render = await measureRenderSpeed(browser, server, { runs, sizes, afterRun: memory.afterRun, log });
      await memory.measureBaseline(browser, server);
      results.memory = memory.result();
      log(`memory: ${largest} statements`);
    }
    if (sections.includes('layout'))
      results.layout = await measureLayoutStability(browser, server, { runs: layoutRuns, log });
  } finally {
    await browser.close();
    await server.close();
  }
  // Its own browser (chrome-launcher's) and its own server (compressed, as in production).
  if (sections.includes('lighthouse')) results.lighthouse = await measureLighthouse({ runs: lighthouseRuns, log });
  results.seconds = Math.round((Date.now() - started) / 1000);

  console.log(markdownReport(results));
  mkdirSync('bench/results', { recursive: true });
  // A partial run (ONLY=…) gets its own file rather than replacing the day's full one.
  const partial = SECTIONS.every((section) => sections.includes(section)) ? '' : `-${sections.join('-')}`;
  const file = `bench/results/bench-${results.date.slice(0, 10)}${partial}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${results.seconds} s; written to ${file}`);
  return results;
}

// Run when executed (`tsx bench/run.ts`), not when imported (bench/timeline-render.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runBench().catch((cause) => {
    console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = 1;
  });
}
