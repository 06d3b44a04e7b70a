/**
 * Issue 8, point 3: every element works on a page served with a strict Content-Security-Policy
 * (`default-src 'self'; script-src 'self'; style-src 'self'`: no inline script or style, no
 * eval), from the script-tag builds (module and classic) and from the npm build bundled as a
 * site would. Data by `src=` and by `for=`, a citation popover opened, the timeline filtered,
 * theme and language switched: zero `securitypolicyviolation` events, every element ready and
 * showing its content. Two control pages (an inline style attribute; a swallowed
 * `new Function`, which is how zod probes for eval) prove the listener sees violations.
 * zod/mini never probes: its object parser has no JIT (the full `zod` would, at schema
 * creation, unless `z.config({ jitless: true })` ran first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import {
  bundleNpmBuild,
  click,
  launchChromium,
  openCitePopover,
  openTab,
  requireBuilt,
  serve,
  settled,
  shadowCount,
  shadowText,
  STATES_JS,
  TYPES,
  until,
  type StaticServer,
} from './static-server.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const CDN_MODULE = 'dist/cdn/newsroom-widgets.js';
const CDN_CLASSIC = 'dist/cdn/newsroom-widgets.classic.js';
const SAMPLE_JSON = readFileSync('data/mexico-us-deployment.json', 'utf8');
const SAMPLE = JSON.parse(SAMPLE_JSON) as {
  question: string;
  stances: unknown[];
  actors: { id: string }[];
  statements: { actor: string }[];
  sources: { id: string; title: string }[];
};
requireBuilt(CDN_MODULE, CDN_CLASSIC);

/**
 * Runs first in <head>, before any of ours: records every violation, from the document and
 * from inside shadow roots (the event is composed, so it reaches window in the capture phase).
 */
const LISTENER_JS = `window.cspViolations = [];
addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + (event.sample ? ': ' + event.sample : ''));
}, true);`;

/** What zod's `allowsEval` probe does when it is not told to be jitless. */
const EVAL_PROBE_JS = "try { new Function(''); } catch {}";

const ELEMENTS_BODY = `<main>
<nw-analysis src="/data/sample.json"></nw-analysis>
<nw-summary for="doc"></nw-summary>
<nw-stance-card for="doc" actor="claudia-sheinbaum"></nw-stance-card>
<nw-stances src="/data/sample.json"></nw-stances>
<nw-timeline for="doc"></nw-timeline>
<nw-source-list src="/data/sample.json"></nw-source-list>
<p data-nw-for="doc">The newsroom's own text, citing <nw-cite source="2"></nw-cite>.</p>
</main>
<script type="application/json" id="doc">${SAMPLE_JSON.replace(/</g, '\\u003c')}</script>`;

const page = (scripts: string, body = ELEMENTS_BODY) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>strict CSP</title>
<script src="/csp-listener.js"></script>
${scripts}
</head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/cdn-module.html': page('<script type="module" src="/cdn/newsroom-widgets.js"></script>'),
  '/cdn-classic.html': page('<script src="/cdn/newsroom-widgets.classic.js"></script>'),
  '/npm.html': page('<script type="module" src="/app.js"></script>'),
  // Controls: what the listener must catch.
  '/control-inline-style.html': page(
    '<script type="module" src="/cdn/newsroom-widgets.js"></script>',
    `<p style="color: red">An inline style attribute.</p>${ELEMENTS_BODY}`,
  ),
  '/control-eval.html': page(
    '<script src="/eval-probe.js"></script><script type="module" src="/cdn/newsroom-widgets.js"></script>',
  ),
};

let server: StaticServer;
let browser: Browser;

before(async () => {
  const app = await bundleNpmBuild();
  server = await serve((url) => {
    const path = url.pathname;
    const html = PAGES[path];
    if (html) return { type: TYPES.html, body: html, headers: { 'content-security-policy': STRICT_CSP } };
    if (path === '/csp-listener.js') return { type: TYPES.js, body: LISTENER_JS };
    if (path === '/eval-probe.js') return { type: TYPES.js, body: EVAL_PROBE_JS };
    if (path === '/app.js') return { type: TYPES.js, body: app };
    if (path === '/cdn/newsroom-widgets.js') return { type: TYPES.js, body: readFileSync(CDN_MODULE) };
    if (path === '/cdn/newsroom-widgets.classic.js') return { type: TYPES.js, body: readFileSync(CDN_CLASSIC) };
    if (path === '/data/sample.json') return { type: TYPES.json, body: SAMPLE_JSON };
    // The browser asks on its own; a data: icon in the page would itself break img-src 'self'.
    if (path === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
    return undefined;
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Violations seen so far, after letting queued violation events fire (they are dispatched in a task). */
const violations = (tab: Page) =>
  tab.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(window.cspViolations), 50)))',
  ) as Promise<string[]>;

async function open(path: string) {
  const opened = await openTab(browser, `${server.origin}${path}`);
  await settled(opened.tab, 8);
  return opened;
}

/** Every element ready and showing what it should, from `src=` and `for=` alike. */
async function assertContent(tab: Page): Promise<void> {
  const states = (await tab.evaluate(STATES_JS)) as string[];
  assert.deepEqual(
    states.filter((entry) => !entry.endsWith(': ready')),
    [],
    'every element, nested ones too, is ready',
  );
  assert.ok(states.length >= 8, `all seven elements and the ones nw-analysis composes: ${states.join(', ')}`);
  assert.equal(await shadowText(tab, 'nw-summary', 'h2'), SAMPLE.question);
  assert.match((await shadowText(tab, 'nw-stance-card', '.actor-name')) ?? '', /Sheinbaum/);
  assert.equal(await shadowCount(tab, 'nw-stances', 'li[data-stance]'), SAMPLE.stances.length);
  assert.equal(await shadowCount(tab, 'nw-timeline', 'li.entry'), SAMPLE.statements.length);
  assert.equal(await shadowCount(tab, 'nw-source-list', 'li[data-source]'), SAMPLE.sources.length);
  assert.equal(await shadowText(tab, 'nw-cite', 'button.cite'), '[2]');
  assert.ok((await shadowCount(tab, 'nw-analysis', 'section.section')) > 0, 'nw-analysis shows its sections');
}

/** Opens a popover, filters the timeline, switches theme and language: the parts that render later. */
async function interact(tab: Page): Promise<void> {
  await openCitePopover(tab);
  assert.equal(
    await shadowText(tab, 'nw-cite', '.popover-title'),
    SAMPLE.sources.find((source) => source.id === '2')!.title,
  );

  // The filter lists the actors who speak, in the document's actor order.
  const firstActor = SAMPLE.actors.find((actor) =>
    SAMPLE.statements.some((statement) => statement.actor === actor.id),
  )!.id;
  const remaining = SAMPLE.statements.filter((statement) => statement.actor !== firstActor).length;
  await click(tab, 'nw-timeline', '.filter input[type=checkbox]');
  await until(
    tab,
    `document.querySelector('nw-timeline').shadowRoot.querySelectorAll('li.entry').length === ${remaining}`,
    'the filtered timeline',
  );
  assert.ok(
    !((await tab.$eval('nw-timeline', (element) => element.getAttribute('actors'))) ?? '').includes(firstActor),
  );

  const colourBefore = await tab.$eval(
    'nw-summary',
    (element) => getComputedStyle(element.shadowRoot!.querySelector('h2')!).color,
  );
  await tab.$$eval(
    'nw-summary, nw-stance-card, nw-stances, nw-timeline, nw-source-list, nw-analysis, nw-cite',
    (elements) => elements.forEach((element) => element.setAttribute('theme', 'dark')),
  );
  await until(
    tab,
    `getComputedStyle(document.querySelector('nw-summary').shadowRoot.querySelector('h2')).color !== ${JSON.stringify(colourBefore)}`,
    'the dark theme',
  );

  await tab.$$eval('nw-source-list, nw-timeline', (elements) =>
    elements.forEach((element) => element.setAttribute('lang', 'es')),
  );
  await until(
    tab,
    `document.querySelector('nw-source-list').shadowRoot.querySelector('.heading')?.textContent.trim() === 'Fuentes'`,
    'Spanish',
  );
}

for (const [build, path] of [
  ['script-tag module build', '/cdn-module.html'],
  ['script-tag classic build', '/cdn-classic.html'],
  ['npm build, bundled', '/npm.html'],
] as const) {
  describe(`the ${build} under ${STRICT_CSP}`, () => {
    it('renders every element and reacts to readers with zero CSP violations', async () => {
      const { tab, problems } = await open(path);
      try {
        await assertContent(tab);
        assert.deepEqual(await violations(tab), [], 'none while loading and rendering');
        await interact(tab);
        assert.deepEqual(await violations(tab), [], 'none after the popover, the filter, the theme and the language');
        assert.deepEqual(problems, []);
      } finally {
        await tab.close();
      }
    });
  });
}

describe('the violation listener (controls)', () => {
  it('sees an inline style attribute', async () => {
    const { tab } = await open('/control-inline-style.html');
    try {
      const seen = await violations(tab);
      assert.equal(seen.length, 1, seen.join('\n'));
      assert.match(seen[0]!, /^style-src-attr blocked inline/);
    } finally {
      await tab.close();
    }
  });

  it("sees a `new Function` even when the error is caught, as zod's eval probe would be", async () => {
    const { tab } = await open('/control-eval.html');
    try {
      const seen = await violations(tab);
      assert.equal(seen.length, 1, seen.join('\n'));
      assert.match(seen[0]!, /^script-src blocked eval/);
    } finally {
      await tab.close();
    }
  });
});
