/**
 * The script-tag builds in dist/cdn (made by `npm run build`), loaded the way a newsroom template
 * loads them: plain HTML pages in headless Chromium, one `<script src>` with its integrity
 * hash, and elements that get their analysis from `src=` and from `for=`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

const CDN_DIR = 'dist/cdn';
const MODULE = 'newsroom-widgets.js';
const CLASSIC = 'newsroom-widgets.classic.js';
const SAMPLE_PATH = 'data/mexico-us-deployment.json';
const SAMPLE_JSON = readFileSync(SAMPLE_PATH, 'utf8');
const SAMPLE = JSON.parse(SAMPLE_JSON) as { question: string };
const ELEMENTS = [
  'nw-summary',
  'nw-stance-card',
  'nw-timeline',
  'nw-stances',
  'nw-source-list',
  'nw-cite',
  'nw-analysis',
];
/** A well-formed sha384 hash of something else: the browser must refuse the file. */
const WRONG_HASH = `sha384-${createHash('sha384').update('not the build').digest('base64')}`;

if (!existsSync(join(CDN_DIR, MODULE)) || !existsSync(join(CDN_DIR, CLASSIC))) {
  throw new Error(`${CDN_DIR} is missing: run \`npm run build\` first`);
}
const INTEGRITY = JSON.parse(readFileSync(join(CDN_DIR, 'integrity.json'), 'utf8')) as Record<string, string>;

const moduleTag = (hash = INTEGRITY[MODULE]) =>
  `<script type="module" src="/cdn/${MODULE}" integrity="${hash}" crossorigin="anonymous"></script>`;
const classicTag = (hash = INTEGRITY[CLASSIC]) =>
  `<script src="/cdn/${CLASSIC}" integrity="${hash}" crossorigin="anonymous"></script>`;

/** `</script>` inside the JSON would end the script element early. */
const inlineJson = (json: string) => json.replace(/</g, '\\u003c');

/** A plain page: scripts in <head>, then elements reading `src=` and `for=` data. */
const page = (head: string, body = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsroom-widgets script-tag build</title>
<link rel="icon" href="data:,">
${head}
</head><body>
<nw-summary src="/data/mexico-us-deployment.json"></nw-summary>
<nw-stance-card for="doc" actor="claudia-sheinbaum"></nw-stance-card>
<nw-timeline src="/data/mexico-us-deployment.json"></nw-timeline>
<script type="application/json" id="doc">${inlineJson(SAMPLE_JSON)}</script>
${body}
</body></html>`;

const LANGUAGE_ELEMENTS = `<nw-summary lang="sw" src="/data/mexico-us-deployment.json"></nw-summary>
<nw-stance-card lang="fr" for="doc" actor="claudia-sheinbaum"></nw-stance-card>
<nw-stance-card lang="ar" for="doc" actor="claudia-sheinbaum"></nw-stance-card>
<script type="application/json" id="doc">${inlineJson(SAMPLE_JSON)}</script>`;

const PAGES: Record<string, string> = {
  '/module.html': page('', moduleTag()),
  '/classic.html': page(classicTag()),
  '/module-wrong-integrity.html': page('', moduleTag(WRONG_HASH)),
  '/classic-wrong-integrity.html': page(classicTag(WRONG_HASH)),
  '/both.html': page(classicTag(), moduleTag()),
  // A page that allows 0.2 s per fetch, set through each build's export, and a slow document.
  '/classic-timeout.html': `<!doctype html><title>timeout</title>${classicTag()}
<script>NewsroomWidgets.setFetchTimeout(200);</script><nw-summary src="/slow.json"></nw-summary>`,
  // The module build loaded by the import itself: set before the elements' first fetch.
  '/module-timeout.html': `<!doctype html><title>timeout</title>
<script type="module">import { setFetchTimeout } from '/cdn/${MODULE}'; setFetchTimeout(200);</script>
<nw-summary src="/slow.json"></nw-summary>`,
  // Languages from the script-tag global: a new one, a house word over a file's, and Arabic.
  '/classic-locales.html': `<!doctype html><title>languages</title>${classicTag()}
<script>NewsroomWidgets.registerLocale('sw', { keyPoints: 'Mambo muhimu' });
NewsroomWidgets.registerLocale('fr', { sources: 'Références' });</script>
${LANGUAGE_ELEMENTS}`,
  '/module-locales.html': `<!doctype html><title>languages</title>
<script type="module">import { registerLocale } from '/cdn/${MODULE}';
registerLocale('sw', { keyPoints: 'Mambo muhimu' }); registerLocale('fr', { sources: 'Références' });</script>
${LANGUAGE_ELEMENTS}`,
  // The bundle served where its locale files are missing.
  '/no-locales.html': `<!doctype html><title>no locale files</title>
<script src="/bare/${CLASSIC}"></script>
<nw-summary lang="de" src="/data/mexico-us-deployment.json"></nw-summary>`,
};
/** How long /slow.json takes: far past the pages' 0.2 s, far below the default 15 s. */
const SLOW_MS = 3000;

let server: Server;
let browser: Browser;
let origin: string;
const requested: string[] = [];

before(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requested.push(path);
    let body: string | Buffer | undefined;
    let type = 'text/plain';
    if (PAGES[path]) [body, type] = [PAGES[path], 'text/html; charset=utf-8'];
    else if (path === `/cdn/${MODULE}` || path === `/cdn/${CLASSIC}` || /^\/cdn\/locales\/[a-z]+\.js$/.test(path)) {
      [body, type] = [readFileSync(join(CDN_DIR, path.slice('/cdn/'.length))), 'text/javascript; charset=utf-8'];
    } else if (path === `/bare/${CLASSIC}`) {
      [body, type] = [readFileSync(join(CDN_DIR, CLASSIC)), 'text/javascript; charset=utf-8'];
    } else if (path === '/data/mexico-us-deployment.json') [body, type] = [SAMPLE_JSON, 'application/json'];
    else if (path === '/slow.json') {
      setTimeout(
        () =>
          response.headersSent ||
          response.destroyed ||
          response.writeHead(200, { 'content-type': 'application/json' }).end(SAMPLE_JSON),
        SLOW_MS,
      ).unref();
      return;
    }
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': type }).end(body ?? 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** Opens a page and records what it reports: uncaught errors and console messages by type. */
async function open(path: string) {
  const tab = await browser.newPage();
  const pageErrors: string[] = [];
  const consoleMessages: { type: string; text: string }[] = [];
  tab.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  tab.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
  requested.length = 0;
  await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
  const messages = (type: string) =>
    consoleMessages.filter((message) => message.type === type).map((message) => message.text);
  return { tab, pageErrors, messages };
}

/** Waits until no element on the page is loading any more, then returns each one's state. */
async function settledStates(tab: Awaited<ReturnType<typeof open>>['tab']) {
  const tags = 'nw-summary, nw-stance-card, nw-timeline';
  await tab.waitForFunction(
    (selector: string) =>
      [...document.querySelectorAll(selector)].every((element) => {
        const state = element.getAttribute('state');
        return state !== null && state !== 'loading';
      }),
    { timeout: 10_000, polling: 50 },
    tags,
  );
  return tab.$$eval(tags, (elements) =>
    elements.map((element) => `${element.localName}: ${element.getAttribute('state')}`),
  );
}

for (const [build, path, file] of [
  ['module', '/module.html', MODULE],
  ['classic', '/classic.html', CLASSIC],
] as const) {
  describe(`the ${build} build (${CDN_DIR}/${file})`, () => {
    it('is one file whose integrity.json hash is the sha384 of its bytes', () => {
      const bytes = readFileSync(join(CDN_DIR, file));
      assert.equal(INTEGRITY[file], `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      if (build === 'module')
        assert.doesNotMatch(bytes.toString('utf8'), /(^|[;}])\s*import\s*[{*"'\w]/m, 'no static imports left');
    });

    it(`renders src= and for= data on a plain page: every element ready, no errors`, async () => {
      const { tab, pageErrors, messages } = await open(path);
      try {
        assert.deepEqual(await settledStates(tab), [
          'nw-summary: ready',
          'nw-stance-card: ready',
          'nw-timeline: ready',
        ]);
        const question = await tab.$eval('nw-summary', (element) =>
          element.shadowRoot?.querySelector('h2')?.textContent?.trim(),
        );
        assert.equal(question, SAMPLE.question);
        const actor = await tab.$eval('nw-stance-card', (element) => element.shadowRoot?.textContent ?? '');
        assert.match(actor, /Sheinbaum/);
        const defined = await tab.evaluate(
          (tags: string[]) => tags.filter((tag) => !customElements.get(tag)),
          ELEMENTS,
        );
        assert.deepEqual(defined, [], 'every element is registered');
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(messages('error'), []);
        assert.deepEqual(messages('warn'), []);
        // Self-contained: the page, the build and the data, and nothing else.
        assert.deepEqual(
          [...new Set(requested)].sort(),
          [path, `/cdn/${file}`, '/data/mexico-us-deployment.json'].sort(),
        );
      } finally {
        await tab.close();
      }
    });

    it('is refused by the browser when the integrity hash does not match: no element defined', async () => {
      const { tab, pageErrors } = await open(path.replace('.html', '-wrong-integrity.html'));
      try {
        // The script was requested; the browser blocks it after reading it.
        assert.ok(requested.includes(`/cdn/${file}`));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const defined = await tab.evaluate((tags: string[]) => tags.filter((tag) => customElements.get(tag)), ELEMENTS);
        assert.deepEqual(defined, []);
        assert.equal(await tab.$eval('nw-summary', (element) => element.shadowRoot), null);
        assert.deepEqual(pageErrors, []);
      } finally {
        await tab.close();
      }
    });
  });
}

describe('the fetch timeout, set on a script-tag page', () => {
  for (const [build, path] of [
    ['classic: NewsroomWidgets.setFetchTimeout', '/classic-timeout.html'],
    ['module: its setFetchTimeout export', '/module-timeout.html'],
  ] as const) {
    it(`${build} applies to the page's elements`, async () => {
      const { tab, pageErrors } = await open(path);
      try {
        await tab.waitForFunction(() => document.querySelector('nw-summary')?.getAttribute('state') === 'error', {
          timeout: SLOW_MS - 500,
          polling: 50,
        });
        const details = await tab.$eval(
          'nw-summary',
          (element) => element.shadowRoot?.querySelector('details')?.textContent ?? '',
        );
        assert.match(details, /took longer than 0\.2 s/);
        assert.deepEqual(pageErrors, []);
      } finally {
        await tab.close();
      }
    });
  }
});

describe('both builds on one page', () => {
  it('does not throw, says once that the library is loaded twice, and the elements still render', async () => {
    const { tab, pageErrors, messages } = await open('/both.html');
    try {
      assert.ok(requested.includes(`/cdn/${CLASSIC}`) && requested.includes(`/cdn/${MODULE}`));
      // The module script runs after parsing; wait for it before judging the console.
      await tab.waitForFunction(() => document.readyState === 'complete');
      assert.deepEqual(await settledStates(tab), ['nw-summary: ready', 'nw-stance-card: ready', 'nw-timeline: ready']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(messages('error'), []);
      assert.equal(messages('warn').length, 1, `one warning, got: ${JSON.stringify(messages('warn'))}`);
      assert.match(messages('warn')[0]!, /loaded twice/);
    } finally {
      await tab.close();
    }
  });
});

describe('languages on a script-tag page', () => {
  /** The visible words the test reads from each element. */
  const words = (tab: Awaited<ReturnType<typeof open>>['tab']) =>
    tab.$$eval('nw-summary, nw-stance-card', (elements) =>
      // No named functions in here: the test runner's transform would name them with a helper
      // the page does not have.
      elements.map((element) => ({
        dir: element.getAttribute('dir'),
        ...Object.fromEntries(
          [
            ['heading', '[part=key-points] h3'],
            ['unknowns', '[part=unknowns] h3'],
            ['sources', '.source-line-label'],
            ['confidence', '.confidence-label'],
          ].map(([key, selector]) => [
            key,
            element.shadowRoot?.querySelector(selector!)?.textContent?.replace(/\s+/g, ' ').trim(),
          ]),
        ),
      })),
    );

  for (const [build, path] of [
    ['classic: NewsroomWidgets.registerLocale', '/classic-locales.html'],
    ['module: its registerLocale export', '/module-locales.html'],
  ] as const) {
    it(`${build}: a new language, a house word over a built-in one, Arabic right to left; only the files spoken load`, async () => {
      const { tab, pageErrors, messages } = await open(path);
      try {
        await tab.waitForFunction(
          () =>
            [...document.querySelectorAll('nw-summary, nw-stance-card')].every(
              (el) => el.getAttribute('state') === 'ready',
            ),
          { timeout: 10_000, polling: 50 },
        );
        const [swahili, french, arabic] = await words(tab);
        assert.equal(swahili!.heading, 'Mambo muhimu');
        assert.equal(swahili!.unknowns, 'What is still unknown'); // not registered: English, never blank
        assert.equal(french!.sources, 'Références :'); // French colon: the file's narrow space (squashed to a space here)
        assert.equal(french!.confidence, 'Confiance :'); // the rest from fr.js
        assert.deepEqual([arabic!.dir, arabic!.sources], ['rtl', 'المصادر:']);
        const files = requested.filter((file) => file.includes('/locales/')).toSorted();
        assert.deepEqual(files, ['/cdn/locales/ar.js', '/cdn/locales/fr.js']);
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(messages('warn'), []);
      } finally {
        await tab.close();
      }
    });
  }

  it('a missing locale file: the element shows English, and says so in one console line', async () => {
    const { tab, pageErrors, messages } = await open('/no-locales.html');
    try {
      await tab.waitForFunction(() => document.querySelector('nw-summary')?.getAttribute('state') === 'ready', {
        timeout: 10_000,
        polling: 50,
      });
      const [german] = await words(tab);
      assert.equal(german!.heading, 'Key points');
      assert.deepEqual(pageErrors, []);
      const warnings = messages('warn');
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /newsroom-widgets: no "de" messages .*showing English/);
    } finally {
      await tab.close();
    }
  });
});
