/**
 * Issue 8, point 7: nothing accumulates as elements come and go. For each of the seven
 * elements, 1,000 cycles of create → render (`src=` data from this test's server, `nw-ready`
 * awaited) → remove, in one page running the script-tag bundle. After each element's cycles
 * the JS heap (Chromium, after a forced GC) is back within HEAP_MARGIN of where it stood after
 * a warm-up, no DOM node is left, the listeners on window, document and the page's stage are
 * exactly those from before, and the server has no request left open.
 *
 * Data comes three ways: one shared URL (one request for all 7,000 cycles: the shared-fetch
 * cache), a fresh URL per cycle (`?n=i`: the cache must not keep every document it ever
 * loaded), and a URL that never answers, removed mid-fetch (every request aborted).
 * The heap figures are printed for CI logs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { launchChromium, openTab, requireBuilt, serve, TYPES, type StaticServer } from './static-server.js';

const CDN_MODULE = 'dist/cdn/newsroom-widgets.js';
const SAMPLE_JSON = readFileSync('data/mexico-us-deployment.json', 'utf8');
requireBuilt(CDN_MODULE);

const CYCLES = 1000;
/** Cycles before the baseline: Lit's template caches and the first fetch are not leaks. */
const WARM_UP = 20;
const FRESH_CYCLES = 300;
const ABORTED_FETCHES = 100;
/**
 * What 1,000 cycles may leave on the heap: 256 bytes a cycle. One element kept alive with its
 * shadow root and rendered content is several kilobytes, one cached document about 30 KB, so
 * anything retained per cycle shows; collector noise here is a few tens of kilobytes.
 */
const HEAP_MARGIN = 256 * 1024;

/** Each element as a page places it: with the attribute that selects what it shows. */
const ELEMENTS: Record<string, Record<string, string>> = {
  'nw-summary': {},
  'nw-stance-card': { actor: 'claudia-sheinbaum' },
  'nw-stances': {},
  'nw-source-list': {},
  'nw-cite': { source: '2' },
  'nw-timeline': {},
  'nw-analysis': {},
};

/**
 * Page-side: `runCycles(tag, count, src, fresh)` creates, renders and removes `count`
 * elements one after the other; `placePending`/`removePending` leave elements mid-fetch.
 */
const DRIVER_JS = `const ATTRIBUTES = ${JSON.stringify(ELEMENTS)};
let freshCount = 0;
const stage = () => document.getElementById('stage');
const create = (tag, src) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(ATTRIBUTES[tag])) element.setAttribute(name, value);
  element.setAttribute('src', src);
  return element;
};
window.runCycles = async (tag, count, src, fresh) => {
  for (let i = 0; i < count; i++) {
    const element = create(tag, fresh ? src + '?n=' + freshCount++ : src);
    const outcome = new Promise((resolve) => {
      element.addEventListener('nw-ready', () => resolve('ready'), { once: true });
      element.addEventListener('nw-error', (event) => resolve('error ' + event.detail.code + ': ' + event.detail.message), { once: true });
    });
    stage().append(element);
    const result = await outcome;
    if (result !== 'ready') throw new Error(tag + ', cycle ' + i + ': ' + result);
    if (!element.shadowRoot || element.shadowRoot.childElementCount === 0) throw new Error(tag + ', cycle ' + i + ': ready but empty');
    element.remove();
  }
  return stage().childElementCount;
};
window.placePending = (tag, srcs) => srcs.forEach((src) => stage().append(create(tag, src)));
window.removePending = () => stage().replaceChildren();`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>leaks</title><link rel="icon" href="data:,">
<script src="/driver.js"></script>
<script type="module" src="/cdn/newsroom-widgets.js"></script>
</head><body><main id="stage"></main></body></html>`;

let server: StaticServer;
let browser: Browser;
let tab: Page;
let cdp: CDPSession;
let problems: string[];

before(async () => {
  server = await serve((url) => {
    switch (url.pathname) {
      case '/leaks.html':
        return { type: TYPES.html, body: PAGE };
      case '/driver.js':
        return { type: TYPES.js, body: DRIVER_JS };
      case '/cdn/newsroom-widgets.js':
        return { type: TYPES.js, body: readFileSync(CDN_MODULE) };
      case '/data/shared.json':
      case '/data/fresh.json':
        return { type: TYPES.json, body: SAMPLE_JSON };
      case '/data/never.json':
        return new Promise<undefined>(() => {}); // the browser hangs up first
      default:
        return undefined;
    }
  });
  browser = await launchChromium();
  ({ tab, problems } = await openTab(browser, `${server.origin}/leaks.html`));
  await tab.evaluate(`customElements.whenDefined('nw-analysis')`);
  cdp = await tab.createCDPSession();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Bytes of JS heap in use after two full collections (which collect unreachable DOM nodes too). */
async function heapUsed(): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** DOM nodes alive in the page (counted after heapUsed's collections, so detached ones that could go are gone). */
async function domNodes(): Promise<number> {
  const { Nodes } = await tab.metrics();
  if (Nodes === undefined) throw new Error('Chromium reported no DOM node count');
  return Nodes;
}

/** The event listeners on window, document and the stage, as sorted `target type` lines. */
async function listeners(): Promise<string[]> {
  const found: string[] = [];
  for (const target of ['window', 'document', "document.getElementById('stage')"]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    found.push(...list.map((listener) => `${target} ${listener.type}`));
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  return found.sort();
}

/** Runs cycles in the page and reports what they left behind. */
async function measure(tag: string, src: string, fresh: boolean, count: number) {
  await tab.evaluate(`runCycles(${JSON.stringify(tag)}, ${WARM_UP}, ${JSON.stringify(src)}, ${fresh})`);
  const listenersBefore = await listeners();
  const heapBefore = await heapUsed();
  const nodesBefore = await domNodes();
  const started = Date.now();
  const left = await tab.evaluate(`runCycles(${JSON.stringify(tag)}, ${count}, ${JSON.stringify(src)}, ${fresh})`);
  const ms = Date.now() - started;
  const heapAfter = await heapUsed();
  const nodesAfter = await domNodes();
  const delta = heapAfter - heapBefore;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `heap ${tag} (${fresh ? 'fresh URL per cycle' : 'shared URL'}): ${count} cycles in ${ms} ms, ` +
      `${kb(heapBefore)} -> ${kb(heapAfter)} (${delta >= 0 ? '+' : ''}${kb(delta)}); DOM nodes ${nodesBefore} -> ${nodesAfter}`,
  );
  return { left, delta, nodesBefore, nodesAfter, listenersBefore, listenersAfter: await listeners() };
}

describe(`${CYCLES} create → render → remove cycles per element (script-tag bundle)`, () => {
  for (const tag of Object.keys(ELEMENTS)) {
    it(`<${tag}> with a shared src: heap back within ${HEAP_MARGIN / 1024} KB, no DOM node or listener left`, async () => {
      const { left, delta, nodesBefore, nodesAfter, listenersBefore, listenersAfter } = await measure(
        tag,
        '/data/shared.json',
        false,
        CYCLES,
      );
      assert.equal(left, 0, 'every element removed');
      assert.ok(delta < HEAP_MARGIN, `${tag}: ${delta} bytes more on the heap after ${CYCLES} cycles`);
      assert.ok(nodesAfter <= nodesBefore, `${tag}: ${nodesAfter - nodesBefore} DOM nodes left behind`);
      assert.deepEqual(listenersAfter, listenersBefore);
    });
  }

  it('fetched the shared URL once for all of them, and left no request open', () => {
    assert.equal(server.requested.filter((path) => path.startsWith('/data/shared.json')).length, 1);
    assert.equal(server.open(), 0);
  });

  // Before the shared-fetch cache was bounded, each document stayed on the heap for the
  // page's life: +15.5 MB after 500 of them.
  it(`a fresh URL per cycle (${FRESH_CYCLES} documents): the fetch cache does not keep them all`, async () => {
    const { left, delta, nodesBefore, nodesAfter, listenersBefore, listenersAfter } = await measure(
      'nw-summary',
      '/data/fresh.json',
      true,
      FRESH_CYCLES,
    );
    assert.equal(left, 0);
    assert.ok(delta < HEAP_MARGIN, `${delta} bytes more on the heap after ${FRESH_CYCLES} documents`);
    assert.ok(nodesAfter <= nodesBefore, `${nodesAfter - nodesBefore} DOM nodes left behind`);
    assert.deepEqual(listenersAfter, listenersBefore);
    assert.equal(
      server.requested.filter((path) => path.startsWith('/data/fresh.json?n=')).length,
      WARM_UP + FRESH_CYCLES,
    );
    assert.equal(server.open(), 0);
  });

  it(`elements removed mid-fetch (${ABORTED_FETCHES}): every request aborted`, async () => {
    const listenersBefore = await listeners();
    // In fives: Chromium opens at most six connections to one host, and each of these stays open.
    for (let batch = 0; batch < ABORTED_FETCHES / 5; batch++) {
      const srcs = Array.from({ length: 5 }, (_, i) => `/data/never.json?n=${batch * 5 + i}`);
      await tab.evaluate(`placePending('nw-timeline', ${JSON.stringify(srcs)})`);
      // Removed only once the server holds every one of them: mid-fetch for sure.
      await waitFor(() => srcs.every((src) => server.requested.includes(src)), `${srcs.join(', ')} requested`);
      await tab.evaluate('removePending()');
      await waitFor(() => server.open() === 0, 'the browser to abort them');
    }
    assert.equal(server.requested.filter((path) => path.startsWith('/data/never.json')).length, ABORTED_FETCHES);
    assert.deepEqual(await listeners(), listenersBefore);
  });

  it('raised no error in the page', () => {
    assert.deepEqual(problems, []);
  });
});

/** Polls a condition on this side (the server's records) until it holds. */
async function waitFor(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
