/**
 * Static HTML from the built `newsroom-widgets render` command, in headless Chromium, the way
 * a reader gets it from a CMS page: first with JavaScript off (the content is there, laid
 * out), then with the script-tag build (dist/cdn) loading after the page has painted: the
 * elements become interactive, read their inline data without a request, and nothing moves.
 *
 * Run after `npm run build`. `RENDER_SCREENSHOTS=dir` also saves what JavaScript-off readers
 * see at 320 and 1000 px wide.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

const CLI = 'bin/newsroom-widgets.js';
const CDN = 'dist/cdn/newsroom-widgets.js';
const SAMPLE_PATH = 'data/mexico-us-deployment.json';
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as {
  question: string;
  summary: string;
  stances: { actor: string; headline: string }[];
  sources: { title: string }[];
};
if (!existsSync('dist/cli.js') || !existsSync(CDN)) throw new Error('dist is missing: run `npm run build` first');

const render = (...args: string[]) => execFileSync('node', [CLI, 'render', SAMPLE_PATH, ...args], { encoding: 'utf8' });

interface Case {
  name: string;
  element: string;
  args: string[];
  /** Text a reader must see inside the element (its shadow root) with JavaScript off. */
  shows: string[];
}

const CASES: Case[] = [
  {
    name: 'analysis',
    element: 'nw-analysis',
    args: [],
    shows: [SAMPLE.question, 'Contents', SAMPLE.stances[1]!.headline, 'Sources'],
  },
  {
    name: 'analysis-es',
    element: 'nw-analysis',
    args: ['--lang', 'es'],
    shows: [SAMPLE.question, 'Contenido', 'Fuentes', 'En contra'],
  },
  { name: 'summary', element: 'nw-summary', args: [], shows: [SAMPLE.question, 'Key points'] },
  {
    name: 'stance-card',
    element: 'nw-stance-card',
    args: ['--actor', 'claudia-sheinbaum'],
    shows: ['Claudia Sheinbaum', 'Opposes', SAMPLE.stances[1]!.headline],
  },
  {
    name: 'stance-card-es',
    element: 'nw-stance-card',
    args: ['--actor', 'claudia-sheinbaum', '--lang', 'es'],
    shows: ['En contra', 'Confianza', '8 de agosto de 2025'],
  },
  { name: 'stances', element: 'nw-stances', args: [], shows: SAMPLE.stances.map((stance) => stance.headline) },
  { name: 'source-list', element: 'nw-source-list', args: [], shows: ['Sources', SAMPLE.sources[0]!.title] },
  { name: 'timeline', element: 'nw-timeline', args: [], shows: ['8 statements', 'February 2025'] },
];

/** A plain article page around a snippet; `script` adds the CDN build at the end of the body. */
const page = (snippet: string, { script = false, lang = 'en' } = {}) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>static render</title><link rel="icon" href="data:,">
<style>body { font: 17px/1.5 Georgia, serif; margin: 0 auto; padding: 16px; max-width: 60rem; }</style>
</head><body>
<h1>A newsroom article</h1>
<p id="before">The paragraph before the embed.</p>
${snippet}
<p id="after">The paragraph after the embed.</p>
${script ? '<script type="module" src="/cdn/newsroom-widgets.js"></script>' : ''}
</body></html>`;

const PAGES = new Map<string, string>();
const requested: string[] = [];
let server: Server;
let browser: Browser;
let origin: string;

before(async () => {
  for (const c of CASES) {
    const snippet = render('--element', c.element, ...c.args);
    PAGES.set(`/${c.name}.html`, page(snippet, { lang: c.args.includes('es') ? 'es' : 'en' }));
    PAGES.set(`/${c.name}-with-script.html`, page(snippet, { script: true }));
  }
  PAGES.set(
    '/src.html',
    page(render('--element', 'nw-stance-card', '--actor', 'claudia-sheinbaum', '--src', '/data/sample.json')),
  );
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const send = (status: number, type: string, body: string | Buffer) =>
      response.writeHead(status, { 'content-type': type }).end(body);
    if (PAGES.has(path)) send(200, 'text/html; charset=utf-8', PAGES.get(path)!);
    else if (path === '/cdn/newsroom-widgets.js') send(200, 'text/javascript', readFileSync(CDN));
    // The data is slow: served content must stay on screen while it loads.
    else if (path === '/data/sample.json')
      setTimeout(() => send(200, 'application/json', readFileSync(SAMPLE_PATH)), 400);
    else send(404, 'text/plain', 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function open(path: string, { javascript = true, width = 1000 } = {}) {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 900 });
  await tab.setJavaScriptEnabled(javascript);
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  requested.length = 0;
  await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { tab, errors };
}

/**
 * What the element shows: the text of its shadow root and of the shadow roots inside it
 * (composed elements), its size, and its first line of text's height. No named functions
 * inside page code: tsx would wrap them in a helper the page does not have.
 */
const shown = (tab: Page, tag: string) =>
  tab.$eval(tag, (element) => {
    const texts: string[] = [];
    const stack: Element[] = [element];
    while (stack.length) {
      const root = stack.pop()!.shadowRoot;
      if (!root) continue;
      texts.push(root.textContent ?? '');
      stack.push(...root.querySelectorAll('*'));
    }
    const box = element.getBoundingClientRect();
    const firstText = element.shadowRoot?.querySelector('h2, p, li');
    return {
      text: texts.join('\n').replace(/\s+/g, ' '),
      height: box.height,
      state: element.getAttribute('state'),
      firstTextHeight: firstText?.getBoundingClientRect().height ?? 0,
    };
  });

type Box = { x: number; y: number; width: number; height: number };
/** Boxes of the element, the paragraph after it, and the first heading and paragraph inside it. */
const boxes = (tab: Page, tag: string) =>
  tab.evaluate((selector: string) => {
    const element = document.querySelector(selector)!;
    const root = element.shadowRoot;
    const nodes = {
      element,
      after: document.getElementById('after'),
      heading: root?.querySelector('h2, [role="heading"], .heading'),
      text: root?.querySelector('p'),
    };
    return Object.fromEntries(
      Object.entries(nodes).map(([key, node]) => {
        if (!node) return [key, null];
        const { x, y, width, height } = node.getBoundingClientRect();
        return [key, { x, y, width, height }];
      }),
    );
  }, tag) as Promise<Record<string, Box | null>>;

const maxShift = (a: Record<string, Box | null>, b: Record<string, Box | null>) =>
  Math.max(
    ...Object.keys(a).flatMap((key) => {
      const [p, q] = [a[key], b[key]];
      if (!p || !q) return [p === q ? 0 : Infinity];
      return [Math.abs(p.x - q.x), Math.abs(p.y - q.y), Math.abs(p.width - q.width), Math.abs(p.height - q.height)];
    }),
  );

/** Cumulative layout shift so far, from the buffered layout-shift entries. */
const cls = (tab: Page) =>
  tab.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );

const waitReady = (tab: Page, tag: string) =>
  tab.waitForFunction(
    (selector: string) => document.querySelector(selector)?.getAttribute('state') === 'ready',
    { timeout: 10_000, polling: 20 },
    tag,
  );

/** Loads the CDN build into a page that painted its static content, as a slow script would. */
const loadScript = (tab: Page) =>
  tab.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/cdn/newsroom-widgets.js';
    document.body.append(script);
  });

export const results: Record<string, unknown>[] = [];

describe('static render with JavaScript off', () => {
  for (const c of CASES) {
    it(`${c.name}: <${c.element}> shows its content, laid out`, async () => {
      const { tab } = await open(`/${c.name}.html`, { javascript: false });
      try {
        const view = await shown(tab, c.element);
        for (const text of c.shows) assert.ok(view.text.includes(text), `shows "${text}"`);
        assert.ok(view.height > 100, `height ${view.height}`);
        assert.ok(view.firstTextHeight > 0);
        assert.equal(view.state, null, 'no script ran: no state attribute');
        if (process.env.RENDER_SCREENSHOTS && (c.name === 'analysis' || c.name === 'stance-card')) {
          for (const width of [320, 1000]) {
            await tab.setViewport({ width, height: 900 });
            await tab.screenshot({
              path: join(process.env.RENDER_SCREENSHOTS, `static-${c.name}-${width}.png`) as `${string}.png`,
              fullPage: c.name !== 'analysis',
            });
          }
        }
      } finally {
        await tab.close();
      }
    });
  }

  it('escapes hostile text: no markup from the analysis reaches the page', async () => {
    const hostile = '<img src=x onerror="document.title=1"><b id="injected">bold</b>';
    const doc = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));
    doc.question = hostile;
    doc.summary = `${hostile} [1]`;
    const file = join(mkdtempSync(join(tmpdir(), 'nw-render-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(doc));
    const snippet = execFileSync('node', [CLI, 'render', file, '--element', 'nw-summary'], { encoding: 'utf8' });
    PAGES.set('/hostile.html', page(snippet, { script: true }));
    const { tab, errors } = await open('/hostile.html');
    try {
      await waitReady(tab, 'nw-summary');
      const result = await tab.$eval('nw-summary', (element) => ({
        injected: element.shadowRoot!.querySelectorAll('img, b, #injected').length,
        question: element.shadowRoot!.querySelector('h2')!.textContent,
        title: document.title,
      }));
      assert.deepEqual(result, { injected: 0, question: hostile, title: 'static render' });
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });
});

describe('static render, then the script loads', () => {
  for (const c of CASES) {
    it(`${c.name}: upgrades in place, without a request for data and without moving`, async () => {
      const { tab, errors } = await open(`/${c.name}.html`);
      try {
        // JavaScript on, the script not loaded yet: what readers see while it downloads.
        const beforeBoxes = await boxes(tab, c.element);
        await loadScript(tab);
        await waitReady(tab, c.element);
        await new Promise((resolve) => setTimeout(resolve, 150));
        const afterBoxes = await boxes(tab, c.element);
        const score = await cls(tab);
        if (c.element === 'nw-analysis') {
          // Known: its source list's back-links are plain text on the server (they do nothing
          // without JavaScript) and buttons once upgraded, which wrap differently: the end of
          // the element grows a little. Everything above it stays put.
          const growth = afterBoxes.element!.height - beforeBoxes.element!.height;
          const top = maxShift(
            { heading: beforeBoxes.heading!, text: beforeBoxes.text! },
            { heading: afterBoxes.heading!, text: afterBoxes.text! },
          );
          results.push({ case: c.name, cls: score, maxBoxShiftPx: top, elementHeightChangePx: growth });
          assert.equal(beforeBoxes.element!.y, afterBoxes.element!.y);
          assert.ok(top <= 0.5, `content moved by ${top}px`);
          assert.ok(Math.abs(growth) < 100, `height changed by ${growth}px`);
        } else {
          const shift = maxShift(beforeBoxes, afterBoxes);
          results.push({ case: c.name, cls: score, maxBoxShiftPx: shift });
          assert.ok(
            shift <= 0.5,
            `boxes moved by ${shift}px: ${JSON.stringify({ before: beforeBoxes, after: afterBoxes })}`,
          );
        }
        assert.ok(score < 0.001, `CLS ${score}`);
        assert.deepEqual(errors, []);
        // Only the script: the element read the inline data.
        assert.deepEqual(
          requested.filter((path) => path !== `/${c.name}.html`),
          ['/cdn/newsroom-widgets.js'],
        );
        // The server's nodes are gone: the content is there once, rendered by the element.
        const count = await tab.$eval(c.element, (element) => element.shadowRoot!.querySelectorAll('style').length);
        assert.equal(count, 0, 'no server <style> left (the element uses adopted style sheets)');
      } finally {
        await tab.close();
      }
    });
  }

  it('stance card: a citation opens its popover once upgraded', async () => {
    const { tab } = await open('/stance-card-with-script.html');
    try {
      await waitReady(tab, 'nw-stance-card');
      await tab.$eval('nw-stance-card', (element) =>
        element.shadowRoot!.querySelector<HTMLElement>('button.cite')!.click(),
      );
      await tab.waitForFunction(
        () => document.querySelector('nw-stance-card')!.shadowRoot!.querySelector('.popover')!.matches(':popover-open'),
        { timeout: 5000 },
      );
      const title = await tab.$eval(
        'nw-stance-card',
        (element) => element.shadowRoot!.querySelector('.popover-title')?.textContent,
      );
      assert.equal(title, SAMPLE.sources[1]!.title);
      assert.ok((await cls(tab)) < 0.001);
    } finally {
      await tab.close();
    }
  });

  it('analysis with the script in the page: CLS 0, and the composed elements are ready', async () => {
    const { tab, errors } = await open('/analysis-with-script.html');
    try {
      await waitReady(tab, 'nw-analysis');
      const states = await tab.$eval('nw-analysis', (element) =>
        [...element.shadowRoot!.querySelectorAll('nw-summary, nw-stances, nw-timeline, nw-source-list')].map(
          (e) => `${e.localName}: ${e.getAttribute('state')}`,
        ),
      );
      assert.deepEqual(states, [
        'nw-summary: ready',
        'nw-stances: ready',
        'nw-timeline: ready',
        'nw-source-list: ready',
      ]);
      const score = await cls(tab);
      results.push({ case: 'analysis, script in page', cls: score });
      assert.ok(score < 0.001, `CLS ${score}`);
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });

  it('with --src: the served content stays while the data loads, then is replaced without moving', async () => {
    const { tab, errors } = await open('/src.html');
    try {
      const beforeBoxes = await boxes(tab, 'nw-stance-card');
      await loadScript(tab);
      // The data takes 400 ms: meanwhile the element is loading but still shows its content.
      await tab.waitForFunction(() => document.querySelector('nw-stance-card')?.getAttribute('state') === 'loading', {
        timeout: 5000,
        polling: 10,
      });
      const whileLoading = await shown(tab, 'nw-stance-card');
      assert.ok(whileLoading.text.includes('Claudia Sheinbaum'), 'content shown while loading');
      await waitReady(tab, 'nw-stance-card');
      const shift = maxShift(beforeBoxes, await boxes(tab, 'nw-stance-card'));
      const score = await cls(tab);
      results.push({ case: 'stance card with --src (slow data)', cls: score, maxBoxShiftPx: shift });
      assert.ok(shift <= 0.5, `moved ${shift}px`);
      assert.ok(score < 0.001, `CLS ${score}`);
      assert.ok(requested.includes('/data/sample.json'));
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });

  after(() => console.log(`layout after upgrade:\n${results.map((r) => `  ${JSON.stringify(r)}`).join('\n')}`));
});
