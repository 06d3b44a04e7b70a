/**
 * Lighthouse (12.8, its default mobile run: a phone's screen, simulated slow 4G and a 4× slower
 * CPU) on the article page, served as a production server serves it (brotli or gzip, the
 * library's versioned files cacheable), with our widgets as `publish` hands them out, as a
 * README reader writes them by hand, and the same article with TimelineJS. Scores for
 * performance, accessibility and best practices; CLS, total blocking time and DOM size.
 *
 * Debian's Chromium through chrome-launcher's `chromePath`: no browser is downloaded.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../scripts/browser.mjs';
import { ARTICLE_DATA, articlePage, TIMELINEJS_KIND, type ArticleKind } from './pages/article-page.js';
import { publishSample, SITE_DIR } from './layout-stability.js';
import { sameStatements, sampleAnalysis } from './data.js';
import { startServer } from './server.js';
import { summarize, type Summary } from './stats.js';
import { SNAPSHOT_DIR } from './snapshot.js';
import { VERSION } from '../src/version.js';

/** The JSON answers as late as in the layout table. */
const DATA_DELAY = 800;
const VIEWS = ['summary', 'stance-claudia-sheinbaum', 'timeline', 'sources'] as const;

export interface LighthouseRow {
  page: string;
  description: string;
  performance: Summary;
  accessibility: Summary;
  bestPractices: Summary;
  cls: Summary;
  tbt: Summary;
  domSize: Summary;
  /**
   * Lighthouse's CPU benchmark during the runs (higher is faster; about 1,000–2,000 on a
   * desktop): its simulated 4× slowdown multiplies what it observed, so a busy machine (a low
   * index) inflates total blocking time and lowers the performance score.
   */
  benchmarkIndex: Summary;
  /** the first run's failing audits in the three categories (id: title), to say what to fix */
  failing: string[];
}

export interface LighthouseResults {
  version: string;
  runs: number;
  delay: number;
  rows: LighthouseRow[];
}

function pages(origin: string): Record<string, ArticleKind> {
  const { index } = publishSample(`${origin}/site/`);
  const local = (code: string) =>
    code.replaceAll(`https://cdn.jsdelivr.net/npm/newsroom-widgets@${VERSION}/dist/`, `${origin}/dist/`);
  const src = ARTICLE_DATA.analysis;
  return {
    publish: {
      description: 'summary, stance card, timeline and sources, each as its `publish` index.json `snippet`',
      slots: VIEWS.map((view) => local(index.find((entry) => entry.view === view)!.snippet)),
    },
    'readme-module': {
      description: 'the same four by hand, README style: module script, `src=`',
      head: '<script type="module" src="/dist/cdn/newsroom-widgets.js"></script>',
      slots: [
        `<nw-summary src="${src}"></nw-summary>`,
        `<nw-stance-card src="${src}" actor="claudia-sheinbaum"></nw-stance-card>`,
        `<nw-timeline src="${src}"></nw-timeline>`,
        `<nw-source-list src="${src}"></nw-source-list>`,
      ],
    },
    timelinejs: { ...TIMELINEJS_KIND, description: 'the article with TimelineJS instead (its usual 650 px box)' },
  };
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

export async function measureLighthouse(options: {
  runs: number;
  log: (line: string) => void;
}): Promise<LighthouseResults> {
  const chromePath = findBrowser();
  if (!chromePath) throw new Error(HOW_TO_INSTALL);
  const server = await startServer(
    { '/dist/': SNAPSHOT_DIR, '/timelinejs/': 'node_modules/@knight-lab/timelinejs/dist', '/site/': SITE_DIR },
    { production: true },
  );
  const analysis = sampleAnalysis();
  const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body), delay: DATA_DELAY });
  server.route(ARTICLE_DATA.analysis, json(analysis));
  server.route(ARTICLE_DATA.timelinejs, json(sameStatements(100).timelinejs));
  server.route(`/site/${analysis.id}/analysis.json`, json(analysis));
  const kinds = pages(server.origin);
  for (const [name, kind] of Object.entries(kinds))
    server.route(`/lighthouse/${name}.html`, { type: 'text/html; charset=utf-8', body: articlePage(kind, analysis) });

  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS], logLevel: 'silent' });
  const rows: LighthouseRow[] = [];
  try {
    const measured = new Map<string, { lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'] }[]>();
    for (let run = 0; run < options.runs; run++) {
      for (const name of Object.keys(kinds)) {
        const result = await lighthouse(`${server.origin}/lighthouse/${name}.html`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        if (!result) throw new Error(`lighthouse: no result for ${name}`);
        if (result.lhr.runtimeError) throw new Error(`lighthouse: ${name}: ${result.lhr.runtimeError.message}`);
        measured.set(name, [...(measured.get(name) ?? []), { lhr: result.lhr }]);
        // The first run's whole report, for a reader asking what a score is made of.
        if (run === 0) {
          mkdirSync('bench/results', { recursive: true });
          writeFileSync(`bench/results/lighthouse-${name}.json`, `${JSON.stringify(result.lhr)}\n`);
        }
      }
      options.log(`lighthouse: run ${run + 1} of ${options.runs}, ${Object.keys(kinds).length} pages`);
    }
    for (const [name, results] of measured) {
      const of = (pick: (lhr: (typeof results)[number]['lhr']) => number) =>
        summarize(results.map(({ lhr }) => pick(lhr)));
      const first = results[0]!.lhr;
      const failing = Object.values(first.categories)
        .flatMap((category) => category.auditRefs)
        .filter((ref) => ref.weight > 0)
        .map((ref) => first.audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 0.9)
        .map((audit) => `${audit.id}: ${audit.displayValue ? `${audit.displayValue}; ` : ''}${audit.title}`);
      rows.push({
        page: name,
        description: kinds[name]!.description,
        performance: of((lhr) => score(lhr.categories.performance?.score)),
        accessibility: of((lhr) => score(lhr.categories.accessibility?.score)),
        bestPractices: of((lhr) => score(lhr.categories['best-practices']?.score)),
        cls: of((lhr) => lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN),
        tbt: of((lhr) => lhr.audits['total-blocking-time']?.numericValue ?? NaN),
        domSize: of((lhr) => lhr.audits['dom-size']?.numericValue ?? NaN),
        benchmarkIndex: of((lhr) => lhr.environment.benchmarkIndex),
        failing: [...new Set(failing)],
      });
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  const { version } = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string };
  return { version, runs: options.runs, delay: DATA_DELAY, rows };
}
