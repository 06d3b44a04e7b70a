/**
 * The iframe embed (dist/embed.html, dist/embed/embed.js, dist/embed/resizer.js), the way a
 * newsroom uses it: a host page on one origin (127.0.0.1) frames the embed on another
 * (localhost), with our resizer, with pym.js, or with nothing (to read the AMP messages).
 * The embed page is served under a strict Content-Security-Policy (no inline anything).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

const SAMPLE = 'data/mexico-us-deployment.json';
/** A one-line analysis, shorter than its citation's popover. */
const SHORT = 'test/fixtures/embed/short.json';
const PYM = 'node_modules/pym.js/dist/pym.v1.min.js';
/** What issue 8 will ask of the embed page: nothing inline, nothing from elsewhere. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

for (const file of ['dist/embed.html', 'dist/embed/embed.js', 'dist/embed/resizer.js']) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

let server: Server;
let browser: Browser;
/** The host pages' origin and the embed's (another origin on the same server). */
let host: string;
let embed: string;
/** Every request, as `origin path?query`, for "nothing else was requested" checks. */
const requested: string[] = [];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

/** Host pages, built per test from the query: `frame` is the embed's query string. */
function hostPage(kind: string, query: URLSearchParams): string | undefined {
  const frameUrl = `${embed}/embed.html?${query.get('frame') ?? ''}`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host article</title>
<style>body { margin: 0; padding: 0 16px; font: 16px/1.5 Georgia, serif; } iframe { display: block; width: 100%; border: 0; } .spacer { height: 4000px; }</style>
</head><body><h1>A host article</h1><p>The newsroom's own text above the embed.</p>`;
  const tail = `<p>The newsroom's own text below the embed.</p></body></html>`;
  switch (kind) {
    case 'resizer': // our resizer, placed after the iframe as a CMS footer would
      return `${head}<iframe id="frame" src="${frameUrl}" title="Analysis"></iframe>${tail}
<script src="/embed/resizer.js"></script>`;
    case 'below': // the embed far below the fold, where browsers may pause a frame's rendering
      return `${head}<div class="spacer"></div><iframe id="frame" src="${frameUrl}" title="Analysis"></iframe>${tail}
<script src="/embed/resizer.js"></script>`;
    case 'late': // the resizer arrives after the frame has announced its height (async, a tag manager)
      return `${head}<iframe id="frame" src="${frameUrl}" title="Analysis"></iframe>${tail}
<script src="/late-resizer.js"></script>`;
    case 'plain': // no resizer: for reading the messages themselves; a sibling frame listens too
      return `${head}<iframe id="frame" src="${frameUrl}" title="Analysis"></iframe>
<iframe id="sibling" src="${embed}/sibling.html" title="Sibling"></iframe>${tail}`;
    case 'pym':
      return `${head}<div id="embed-container"></div>${tail}
<script src="/pym.v1.min.js"></script><script src="/start-pym.js?url=${encodeURIComponent(frameUrl)}"></script>`;
    case 'spoof': // one real embed, and one iframe whose src is the embed's origin but whose page is not
      return `${head}<iframe id="frame" src="${frameUrl}" title="Analysis"></iframe>
<iframe id="spoof" src="${embed}/redirect?to=${encodeURIComponent(`${host}/spoof.html`)}" title="Spoof"></iframe>${tail}
<script src="/embed/resizer.js"></script>`;
    default:
      return undefined;
  }
}

/** A page on the host's origin that claims sizes (it sits in an iframe whose src is elsewhere). */
const SPOOF_JS = `for (const height of [4321, 9999]) {
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  parent.postMessage('pymxPYMxspoofxPYMxheightxPYMx' + height, '*');
}
document.title = 'sent';`;

before(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const path = url.pathname;
    requested.push(`${url.origin} ${path}${url.search}`);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    const hostKind = /^\/host\/(\w+)\.html$/.exec(path)?.[1];
    const page = hostKind && hostPage(hostKind, url.searchParams);
    if (page) return send(200, TYPES['.html']!, page);
    if (path === '/pym.v1.min.js') return send(200, TYPES['.js']!, readFileSync(PYM));
    if (path === '/start-pym.js') {
      return send(
        200,
        TYPES['.js']!,
        `window.parentPym = new pym.Parent('embed-container', ${JSON.stringify(url.searchParams.get('url'))});`,
      );
    }
    if (path === '/late-resizer.js') {
      return send(
        200,
        TYPES['.js']!,
        `addEventListener('load', () => setTimeout(() => {
        window.resizerAdded = true;
        document.body.append(Object.assign(document.createElement('script'), { src: '/embed/resizer.js' }));
      }, 1000));`,
      );
    }
    if (path === '/spoof.html')
      return send(200, TYPES['.html']!, '<!doctype html><title>spoof</title><script src="/spoof.js"></script>');
    if (path === '/spoof.js') return send(200, TYPES['.js']!, SPOOF_JS);
    if (path === '/sibling.html')
      return send(200, TYPES['.html']!, '<!doctype html><title>sibling</title><script src="/sibling.js"></script>');
    if (path === '/sibling.js') {
      return send(
        200,
        TYPES['.js']!,
        `window.heard = []; addEventListener('message', (event) => heard.push(event.data));`,
      );
    }
    if (path === '/redirect') return send(302, 'text/plain', '', { location: url.searchParams.get('to') ?? '/' });
    if (path === `/${SAMPLE}` || path === `/${SHORT}`) return send(200, TYPES['.json']!, readFileSync(path.slice(1)));
    // Everything else from dist/ (embed.html, embed/*.js), never outside it.
    const file = normalize(join('dist', path));
    if (file.startsWith('dist/') && existsSync(file) && TYPES[extname(file)]) {
      const csp: Record<string, string> = path === '/embed.html' ? { 'content-security-policy': STRICT_CSP } : {};
      return send(200, TYPES[extname(file)]!, readFileSync(file), csp);
    }
    send(404, 'text/plain', 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  host = `http://127.0.0.1:${port}`;
  embed = `http://localhost:${port}`;
  browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface Opened {
  tab: Page;
  frame: Frame;
  /** Uncaught errors and console errors, in the host and the frame (CSP violations show here). */
  problems: string[];
  /** Every message the host window received, in order, as JSON. */
  messages(): Promise<unknown[]>;
  close(): Promise<void>;
}

const WIDE = { width: 1000, height: 800 };
const NARROW = { width: 320, height: 640 };

async function open(kind: string, frameQuery: string, viewport = WIDE): Promise<Opened> {
  const tab = await browser.newPage();
  await tab.setViewport(viewport);
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  tab.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Recorded from the start, before the resizer or pym add their own listeners.
  await tab.evaluateOnNewDocument(() => {
    const w = window as unknown as { recorded: unknown[] };
    w.recorded = [];
    addEventListener('message', (event) => {
      if (event.source !== window) w.recorded.push(event.data);
    });
  });
  requested.length = 0;
  await tab.goto(`${host}/host/${kind}.html?frame=${encodeURIComponent(frameQuery)}`, { waitUntil: 'load' });
  const handle = await tab.waitForSelector('iframe');
  const frame = (await handle!.contentFrame())!;
  return {
    tab,
    frame,
    problems,
    messages: () => tab.evaluate(() => (window as unknown as { recorded: unknown[] }).recorded),
    close: () => tab.close(),
  };
}

/**
 * `frame.waitForFunction` builds its predicate with `new Function` inside the page, which the
 * embed's CSP forbids (no 'unsafe-eval'); evaluate() is not subject to it, so poll with that.
 */
async function until(
  frame: Frame,
  predicate: (arg: string | null) => boolean,
  arg: string | null,
  what: string,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await frame.evaluate(predicate, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The frame's own view: its viewport height (= the iframe's height) and its content's height. */
const heights = (frame: Frame) =>
  frame.evaluate(() => ({
    frame: innerHeight,
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
  }));

/** Waits until every element in the frame is ready (or in error) and the frame fits its content for 400 ms. */
async function settled(
  frame: Frame,
  { state = 'ready', fit = true } = {},
): Promise<{ frame: number; content: number }> {
  await until(
    frame,
    (expected) => {
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      const all: Element[] = [];
      const roots: (Document | ShadowRoot)[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName.startsWith('nw-')) all.push(element);
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      return (
        all.length > 0 &&
        all.every((element) => element.getAttribute('state') === expected || element.getAttribute('state') === 'ready')
      );
    },
    state,
    `every element ${state}`,
  );
  return fit ? fits(frame) : heights(frame);
}

/** Waits until the frame's height equals its content's and stays so for 400 ms. */
async function fits(frame: Frame): Promise<{ frame: number; content: number }> {
  const deadline = Date.now() + 10_000;
  let stableSince = 0;
  let last = { frame: 0, content: -1 };
  while (Date.now() < deadline) {
    const now = await heights(frame);
    if (now.frame === now.content && now.frame === last.frame) {
      if (Date.now() - stableSince >= 400) return now;
    } else stableSince = Date.now();
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the frame never fitted its content: last ${JSON.stringify(last)}`);
}

const iframeHeight = (tab: Page, selector = '#frame') =>
  tab.$eval(selector, (element) => Math.round(element.getBoundingClientRect().height));

const isAmp = (data: unknown): data is { sentinel: 'amp'; type: 'embed-size'; height: number } =>
  typeof data === 'object' && data !== null && (data as { sentinel?: unknown }).sentinel === 'amp';

const SAMPLE_SRC = `src=/${SAMPLE}`;

describe('the embed with the resizer (dist/embed/resizer.js)', () => {
  it('fits nw-analysis on load, grows on a narrow screen and shrinks back, with no errors under a strict CSP', async () => {
    const page = await open('resizer', SAMPLE_SRC);
    try {
      const wide = await settled(page.frame);
      assert.equal(await iframeHeight(page.tab), wide.content);
      const onLoad = (await page.messages()).filter(isAmp);
      console.log(
        `# resize messages while nw-analysis loads the sample at ${WIDE.width}px: ${onLoad.length} (${onLoad.map((m) => m.height).join(', ')})`,
      );

      await page.tab.setViewport(NARROW);
      const narrow = await fits(page.frame);
      assert.ok(narrow.content > wide.content * 1.5, `taller when narrow: ${narrow.content} vs ${wide.content}`);
      assert.equal(await iframeHeight(page.tab), narrow.content);

      await page.tab.setViewport(WIDE);
      const back = await fits(page.frame);
      assert.ok(Math.abs(back.content - wide.content) <= 2, `back to about ${wide.content}: ${back.content}`);
      assert.equal(await iframeHeight(page.tab), back.content);

      // Never the same height twice in a row.
      const sent = (await page.messages()).filter(isAmp).map((m) => m.height);
      assert.ok(
        sent.every((height, i) => i === 0 || height !== sent[i - 1]),
        `no repeats: ${sent.join(', ')}`,
      );
      assert.deepEqual(page.problems, []);
      const title = await page.frame.title();
      assert.equal(title, JSON.parse(readFileSync(SAMPLE, 'utf8')).question);
    } finally {
      await page.close();
    }
  });

  it('fits a frame far below the fold before the reader scrolls to it', async () => {
    const page = await open('below', `${SAMPLE_SRC}&element=nw-summary`);
    try {
      // An off-screen frame may not even learn its own new size (its innerHeight stays 150
      // until it is on screen): judge by the iframe element on the host page.
      const { content } = await settled(page.frame, { fit: false });
      await page.tab.waitForFunction(
        (height: number) => document.querySelector('#frame')?.getBoundingClientRect().height === height,
        { timeout: 5000 },
        content,
      );
      assert.equal(await page.tab.evaluate(() => scrollY), 0);
    } finally {
      await page.close();
    }
  });

  it('fits a frame that announced its height before the resizer script ran (it asks once)', async () => {
    const page = await open('late', `${SAMPLE_SRC}&element=nw-summary`);
    try {
      const { content } = await settled(page.frame, { fit: false });
      assert.equal(await iframeHeight(page.tab), 150, 'not resized yet');
      await page.tab.waitForFunction(() => (window as unknown as { resizerAdded?: boolean }).resizerAdded === true, {
        timeout: 5000,
      });
      const fitted = await fits(page.frame);
      assert.equal(fitted.content, content);
      assert.equal(await iframeHeight(page.tab), content);
      const sent = (await page.messages()).filter(isAmp).map((message) => message.height);
      assert.deepEqual(sent.slice(-2), [content, content], 'the same height again, on request');
    } finally {
      await page.close();
    }
  });

  it('counts the resize messages while nw-analysis loads the sample on a phone', async () => {
    const page = await open('resizer', SAMPLE_SRC, NARROW);
    try {
      const fitted = await settled(page.frame);
      const sent = (await page.messages()).filter(isAmp);
      console.log(
        `# resize messages while nw-analysis loads the sample at ${NARROW.width}px: ${sent.length} (${sent.map((m) => m.height).join(', ')})`,
      );
      assert.equal(sent.at(-1)!.height, fitted.content);
      assert.ok(sent.length <= 10, `a handful, not a stream: ${sent.length}`);
    } finally {
      await page.close();
    }
  });

  it('follows the timeline filter inside the frame', async () => {
    const page = await open('resizer', `${SAMPLE_SRC}&element=nw-timeline`);
    try {
      const all = await settled(page.frame);
      const boxes = await page.frame.$$('nw-timeline >>> input[type="checkbox"]');
      assert.ok(boxes.length > 2);
      for (const box of boxes.slice(1)) await box.click();
      const one = await fits(page.frame);
      assert.ok(one.content < all.content, `shrinks: ${one.content} < ${all.content}`);
      assert.equal(await iframeHeight(page.tab), one.content);
      for (const box of boxes.slice(1)) await box.click();
      const again = await fits(page.frame);
      assert.equal(again.content, all.content);
      assert.equal(await iframeHeight(page.tab), all.content);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });

  // A one-line summary is shorter than the popover of its [1]: the frame grows to show it whole
  // (anchored under the marker when wide; a sheet at the frame's bottom when narrow). A stance
  // card is taller than its popover, which fits (above its marker, or as a sheet): no change.
  const cases = [
    [WIDE, `src=/${SHORT}&element=nw-summary`, true],
    [NARROW, `src=/${SHORT}&element=nw-summary`, true],
    [WIDE, `${SAMPLE_SRC}&element=nw-stance-card&actor=international-legal-observers`, false],
    [NARROW, `${SAMPLE_SRC}&element=nw-stance-card&actor=international-legal-observers`, false],
  ] as const;
  for (const [viewport, query, grows] of cases) {
    const element = query.includes('stance-card') ? 'nw-stance-card' : 'nw-summary';
    it(`${grows ? 'grows to show' : 'keeps'} a citation popover whole${grows ? '' : ' without growing'} in ${element}, and fits again when it closes (${viewport.width}px)`, async () => {
      const page = await open('resizer', query, viewport);
      try {
        const closed = await settled(page.frame);
        const all = await page.frame.$$(`${element} >>> button.cite`);
        const markers = [];
        for (const marker of all) if (await marker.boundingBox()) markers.push(marker);
        // As Enter would (a pointer click at a wrapped marker's centre can miss it).
        await markers.at(-1)!.evaluate((marker) => (marker as HTMLElement).click());
        await until(
          page.frame,
          (tag) => !!document.querySelector(tag!)?.shadowRoot?.querySelector('.popover')?.matches(':popover-open'),
          element,
          'the popover',
        );
        await new Promise((resolve) => setTimeout(resolve, 400));
        const shown = await page.frame.$eval(`${element} >>> .popover`, (popover) => {
          const box = popover.getBoundingClientRect();
          return { top: Math.round(box.top), bottom: Math.round(box.bottom), height: Math.round(box.height) };
        });
        const whileOpen = await iframeHeight(page.tab);
        console.log(
          `# ${element} at ${viewport.width}px: ${closed.content}px, popover ${shown.height}px, frame while open ${whileOpen}px`,
        );
        assert.ok(
          shown.top >= 0 && shown.bottom <= whileOpen,
          `popover inside the frame: ${JSON.stringify(shown)} in ${whileOpen}`,
        );
        if (grows) assert.ok(whileOpen > closed.content, `grew: ${whileOpen} > ${closed.content}`);
        else assert.equal(whileOpen, closed.content);
        await page.frame.focus(element);
        await page.tab.keyboard.press('Escape');
        await until(
          page.frame,
          (tag) => !document.querySelector(tag!)?.shadowRoot?.querySelector('.popover')?.matches(':popover-open'),
          element,
          'the popover to close',
        );
        const reclosed = await fits(page.frame);
        assert.equal(reclosed.content, closed.content);
        assert.equal(await iframeHeight(page.tab), closed.content);
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('ignores sizes from an iframe whose page is not at the origin of its src, and from the host itself', async () => {
    const page = await open('spoof', SAMPLE_SRC);
    try {
      await settled(page.frame);
      const spoof = (await (await page.tab.$('#spoof'))!.contentFrame())!;
      await spoof.waitForFunction(() => document.title === 'sent', { timeout: 5000 });
      await page.tab.evaluate(() => postMessage({ sentinel: 'amp', type: 'embed-size', height: 7777 }, '*'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The spoof's messages reached the host, and changed nothing: 150px is an iframe's default height.
      assert.ok((await page.messages()).some((data) => isAmp(data) && data.height === 4321));
      assert.equal(await iframeHeight(page.tab, '#spoof'), 150);
      assert.equal(await iframeHeight(page.tab), (await heights(page.frame)).content);
    } finally {
      await page.close();
    }
  });
});

describe('the embed with pym.js (pym.Parent on the host)', () => {
  it('talks pym: the host sizes the frame on load, and again when its width changes', async () => {
    const page = await open('pym', SAMPLE_SRC);
    try {
      const wide = await settled(page.frame);
      const childId = new URL(page.frame.url()).searchParams.get('childId');
      assert.equal(childId, 'embed-container');
      const sent = await page.messages();
      assert.ok(
        sent.length > 0 &&
          sent.every((data) => typeof data === 'string' && data.startsWith('pymxPYMxembed-containerxPYMxheightxPYMx')),
        `only pym height messages: ${JSON.stringify(sent)}`,
      );
      assert.equal(sent.at(-1), `pymxPYMxembed-containerxPYMxheightxPYMx${wide.content}`);
      assert.equal(await iframeHeight(page.tab, 'iframe'), wide.content);

      await page.tab.setViewport(NARROW);
      const narrow = await fits(page.frame);
      assert.ok(narrow.content > wide.content);
      assert.equal(await iframeHeight(page.tab, 'iframe'), narrow.content);

      // pym's width message is answered with the height, even an unchanged one.
      const sentBefore = (await page.messages()).length;
      await page.tab.evaluate(() => (window as unknown as { parentPym: { sendWidth(): void } }).parentPym.sendWidth());
      await page.tab.waitForFunction(
        (count: number) => (window as unknown as { recorded: unknown[] }).recorded.length > count,
        { timeout: 3000 },
        sentBefore,
      );
      assert.equal((await page.messages()).at(-1), `pymxPYMxembed-containerxPYMxheightxPYMx${narrow.content}`);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });
});

describe('the embed page itself', () => {
  it('sends AMP embed-size messages to its parent only, one per height', async () => {
    const page = await open('plain', `${SAMPLE_SRC}&element=nw-summary&theme=dark&lang=es`);
    try {
      // No resizer here: the frame keeps its 150px; wait for the messages to stop.
      const { content } = await settled(page.frame, { fit: false });
      await page.tab.waitForFunction(
        (height: number) => {
          const recorded = (window as unknown as { recorded: { height?: number }[] }).recorded;
          return recorded.at(-1)?.height === height;
        },
        { timeout: 5000 },
        content,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = await page.messages();
      for (const data of sent) {
        assert.deepEqual(Object.keys(data as object).sort(), ['height', 'sentinel', 'type']);
        assert.ok(
          isAmp(data) && data.type === 'embed-size' && Number.isInteger(data.height) && data.height > 0,
          JSON.stringify(data),
        );
      }
      assert.deepEqual(sent.at(-1), { sentinel: 'amp', type: 'embed-size', height: content });
      const heightsSent = sent.map((data) => (data as { height: number }).height);
      assert.ok(
        heightsSent.every((height, i) => i === 0 || height !== heightsSent[i - 1]),
        `no repeats: ${heightsSent.join(', ')}`,
      );
      const heard = await (await (await page.tab.$('#sibling'))!.contentFrame())!.evaluate(
        () => (window as unknown as { heard: unknown[] }).heard,
      );
      assert.deepEqual(heard, [], 'a sibling frame hears nothing');
      const attributes = await page.frame.$eval('nw-summary', (element) => [
        element.getAttribute('theme'),
        element.getAttribute('lang'),
        document.documentElement.lang,
      ]);
      assert.deepEqual(attributes, ['dark', 'es', 'es']);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });

  for (const bad of ['javascript:alert(document.domain)', 'data:application/json,{}', 'ftp://example.org/a.json']) {
    it(`shows the element's error state for src=${bad.split(':')[0]}:…, and requests nothing`, async () => {
      const page = await open('resizer', `src=${encodeURIComponent(bad)}&element=nw-summary`);
      try {
        await settled(page.frame, { state: 'error' });
        const text = await page.frame.$eval('nw-summary', (element) => element.shadowRoot?.textContent ?? '');
        assert.match(text, /Only http\(s\) addresses can be loaded/);
        assert.equal(await iframeHeight(page.tab), (await heights(page.frame)).content);
        const fromEmbed = requested
          .filter((line) => line.startsWith(embed))
          .map((line) => line.split(' ')[1]!.split('?')[0]);
        assert.deepEqual([...new Set(fromEmbed)].sort(), ['/embed.html', '/embed/embed.js'].sort());
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('explains an unknown element, or a missing src, in the page instead of failing', async () => {
    for (const [query, expected] of [
      [`${SAMPLE_SRC}&element=script`, /cannot show "script": element must be one of nw-analysis, nw-summary/],
      ['element=nw-summary', /needs the address of an analysis/],
    ] as const) {
      const page = await open('resizer', query);
      try {
        await until(page.frame, () => document.querySelector('.embed-problem') !== null, null, 'the problem');
        assert.match(await page.frame.$eval('.embed-problem', (element) => element.textContent ?? ''), expected);
        const fitted = await fits(page.frame);
        assert.equal(await iframeHeight(page.tab), fitted.content);
        assert.equal(await page.frame.$('script[src*="data"], nw-summary, script:not([src])'), null);
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    }
  });
});
