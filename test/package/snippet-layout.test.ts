/**
 * The script-tag code `newsroom-widgets publish` hands out (index.json's `snippet`) in an
 * article, as a reader's browser loads it: the element arrives prerendered and keeps its box
 * while the script loads, while its stylesheet is late and while its JSON is later still, and
 * its own render replaces the served one without moving the text around it. No timing in the
 * assertions: the JSON is answered only once the test has measured the served element.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { renderHtmlSync, staticStylesheet } from '../../src/render/index.js';
import { snippetRenderOptions, viewSnippet } from '../../src/publish/snippet.js';
import { publishViews } from '../../src/publish/views.js';
import { parseAnalysis } from '../../src/schema/validate.js';
import type { Analysis } from '../../src/schema/analysis.js';
import { VERSION } from '../../src/version.js';
import { launchChromium, requireBuilt, serve, type StaticServer, TYPES } from './static-server.js';

requireBuilt('dist/cdn/newsroom-widgets.js', 'dist/cdn/newsroom-widgets.classic.js');

const parsed = parseAnalysis(readFileSync('data/mexico-us-deployment.json', 'utf8'));
if (!parsed.ok) throw new Error('the sample analysis is invalid');
const analysis: Analysis = parsed.analysis;
const VIEWS = ['stance-claudia-sheinbaum', 'summary', 'timeline'];
const WIDTHS = [390, 1280];

/** Paragraphs around the code, as an article has them: what would move. */
const page = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Article</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } article { max-width: 42rem; margin: 0 auto; padding: 1rem; }</style>
</head><body><article>
<h1>Headline</h1>
<p id="before">${'A paragraph before the widget. '.repeat(6)}</p>
${snippet}
<p id="after">${'A paragraph after the widget. '.repeat(6)}</p>
</article></body></html>`;

describe('publish’s script-tag snippet in an article', () => {
  let browser: Browser;
  let server: StaticServer;
  let releaseJson: () => void = () => {};
  let jsonAnswered = new Promise<void>((resolve) => (releaseJson = resolve));
  const pages = new Map<string, string>();

  before(async () => {
    const stylesheet = staticStylesheet();
    server = await serve(async (url) => {
      if (pages.has(url.pathname)) return { type: TYPES.html, body: pages.get(url.pathname)! };
      if (url.pathname === '/site/newsroom-widgets.css') {
        // Late: the served element must not paint unstyled meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 400));
        return { type: 'text/css', body: stylesheet };
      }
      if (url.pathname === `/site/${analysis.id}/analysis.json`) {
        await jsonAnswered;
        return { type: TYPES.json, body: JSON.stringify(analysis) };
      }
      if (url.pathname.startsWith('/dist/cdn/'))
        return { type: TYPES.js, body: readFileSync(`dist/cdn/${url.pathname.slice('/dist/cdn/'.length)}`) };
      return undefined;
    });
    const base = `${server.origin}/site/`;
    const jsonUrl = `${base}${analysis.id}/analysis.json`;
    for (const view of publishViews(analysis).filter((entry) => VIEWS.includes(entry.view))) {
      const css = `${base}newsroom-widgets.css`;
      const snippet = viewSnippet(
        analysis,
        view,
        jsonUrl,
        { version: VERSION },
        {
          html: renderHtmlSync(analysis, snippetRenderOptions(analysis, view, jsonUrl, css)),
          stylesheet: css,
        },
      ).replace(`https://cdn.jsdelivr.net/npm/newsroom-widgets@${VERSION}/dist/`, `${server.origin}/dist/`);
      pages.set(`/${view.view}-module.html`, page(snippet));
      // The classic script goes after the element: defined before the parser has read the
      // element's content, it would attach its own shadow root before the prerendered one.
      const classic = `${snippet.replace(/<script type="module"[^>]*><\/script>\n/, '')}\n<script src="${server.origin}/dist/cdn/newsroom-widgets.classic.js"></script>`;
      assert.notEqual(classic, `${snippet}\n`);
      pages.set(`/${view.view}-classic.html`, page(classic));
    }
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const view of VIEWS) {
    for (const script of ['module', 'classic']) {
      for (const width of WIDTHS) {
        it(`${view}, ${script} script, ${width} px: the served element has its final box, and nothing shifts`, async () => {
          jsonAnswered = new Promise<void>((resolve) => (releaseJson = resolve));
          const context = await browser.createBrowserContext();
          try {
            const tabPage = await context.newPage();
            await tabPage.setViewport({ width, height: 900 });
            await tabPage.evaluateOnNewDocument(`
              window.SHIFT = 0;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) SHIFT += entry.value;
              }).observe({ type: 'layout-shift', buffered: true });`);
            await tabPage.goto(`${server.origin}/${view}-${script}.html`, { waitUntil: 'load' });
            const box = `(() => { const el = document.querySelector('article > [state], article > nw-summary, article > nw-stance-card, article > nw-timeline');
              return { height: el.getBoundingClientRect().height, after: document.getElementById('after').getBoundingClientRect().top, state: el.getAttribute('state') }; })()`;
            // Defined, still waiting for its JSON: the served render is what shows.
            await tabPage.waitForFunction(
              `customElements.get('nw-summary') && document.querySelector('article > [state]')?.getAttribute('state') === 'loading'`,
            );
            const served = (await tabPage.evaluate(box)) as { height: number; after: number };
            assert.ok(served.height > 100, `served element ${served.height} px tall`);
            releaseJson();
            await tabPage.waitForFunction(
              `document.querySelector('article > [state]')?.getAttribute('state') === 'ready'`,
            );
            await tabPage.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
            const ready = (await tabPage.evaluate(box)) as { height: number; after: number };
            assert.ok(
              Math.abs(ready.height - served.height) <= 1,
              `served ${served.height} px, rendered ${ready.height} px`,
            );
            assert.ok(Math.abs(ready.after - served.after) <= 1, `text after moved ${served.after} → ${ready.after}`);
            const shift = (await tabPage.evaluate('SHIFT')) as number;
            assert.ok(shift < 0.001, `layout shift ${shift}`);
          } finally {
            releaseJson();
            await context.close();
          }
        });
      }
    }
  }
});
