/**
 * Issue 8, point 2, in what the build ships for pages without our script or with it in a
 * frame: no markup injection from the static HTML render, its JSON-LD, or the iframe embed.
 * Every payload of test/hostile/xss-payloads.ts, in every text and URL field of a document
 * and in every option or query parameter, is loaded into headless Chromium pages that define
 * the canary (host page and every frame). Then:
 *
 * - static HTML (`renderHtml` from dist/render.js, every renderable element, with and without
 *   JSON-LD): with JavaScript on but no library, nothing runs and nothing injected is in the
 *   page (light DOM and declarative shadow roots); each data script and JSON-LD script parses
 *   back to exactly the validated document and `analysisJsonLd(doc)` (no early `</script>`),
 *   and every URL in the JSON-LD is http(s) or a #fragment; then the script-tag bundle
 *   upgrades the same page and the live elements are checked again;
 * - what the renderer must refuse is refused: a RenderError for an `actor` or `stance` not in
 *   the document and for the document with the payload as its URLs (when the validator
 *   refuses it), a TypeError for a `theme` or `element` that is not one and for a JSON-LD
 *   page URL that is not http(s) (renderHtml and jsonLdScript alike);
 * - the iframe embed (dist/embed.html, no CSP here so an injection would run): payload
 *   documents by `src=`, payloads in `element`, `src`, `actor`, `stance`, `heading-level`,
 *   `types`, `actors`, `order`, `lang`, `theme`, `childId`: every frame ends ready, in the
 *   element's error state or with the embed's problem sentence, with nothing injected, and
 *   the host page untouched.
 *
 * Nothing reaches the network: other hosts do not resolve, and any request for a canary
 * address (`/__nw_canary/…`) is recorded by the server. Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';
import {
  CLEAN_DOCUMENT,
  TEXT_FIELDS,
  URL_FIELDS,
  XSS_PAYLOADS,
  carryingUrl,
  dangerousMarkup,
  installCanary,
  payloadDocument,
  payloadNamed,
  readCanary,
  type CanaryRecord,
  type XssPayload,
} from '../hostile/xss-payloads.js';

for (const file of [
  'dist/render.js',
  'dist/index.js',
  'dist/schema.js',
  'dist/embed.html',
  'dist/embed/embed.js',
  'dist/cdn/newsroom-widgets.js',
]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

// What the package ships, typed by its sources (dist has no declarations beside these files).
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const { renderHtml, RenderError, RENDERABLE_ELEMENTS } = (await import(
  dist('render.js')
)) as typeof import('../../src/render/index.js');
const { analysisJsonLd, jsonLdScript } = (await import(dist('index.js'))) as typeof import('../../src/index.js');
const { validateAnalysis, isHttpUrl } = (await import(dist('schema.js'))) as typeof import('../../src/schema/index.js');

type Doc = ReturnType<typeof payloadDocument>;
type Analysis = import('../../src/schema/analysis.js').Analysis;

/** Payloads per page: one page load covers this many. */
const PER_PAGE = 12;
const batches: XssPayload[][] = [];
for (let i = 0; i < XSS_PAYLOADS.length; i += PER_PAGE) batches.push(XSS_PAYLOADS.slice(i, i + PER_PAGE));

/**
 * The canary, the markup check and `readCanary`, from their source text (puppeteer runs
 * functions that way too). tsx keeps function names with a `__name` helper: defined here.
 */
const HARNESS_JS = `var __name = (f) => f;
(${installCanary.toString()})();
window.__nwDangerousMarkup = ${dangerousMarkup.toString()};
window.__nwReadCanary = ${readCanary.toString()};`;

declare global {
  interface Window {
    __nwDangerousMarkup: typeof dangerousMarkup;
    __nwReadCanary: typeof readCanary;
  }
}

const harnessTag = '<script src="/harness.js"></script>';

/** The validated document as plain JSON data (zod's output objects have no prototype). */
const validated = (doc: unknown) => {
  const result = validateAnalysis(doc);
  if (!result.ok) throw new Error(`expected a valid document: ${result.error.message}`);
  return JSON.parse(JSON.stringify(result.analysis)) as Analysis;
};

/** Every URL-like value in a JSON-LD tree (`url`, `@id`, `mainEntityOfPage`, `sameAs`). */
function jsonLdUrls(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => jsonLdUrls(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['url', '@id', 'mainEntityOfPage', 'sameAs'].includes(key) && typeof value === 'string') found.push(value);
      else jsonLdUrls(value, found);
    }
  }
  return found;
}

const safeUrl = (value: string) =>
  value.startsWith('#') || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol));

// ---------------------------------------------------------------------------------------------
// Static HTML pages: what each batch renders, and what the page must parse back to.
// ---------------------------------------------------------------------------------------------

interface RenderedPart {
  payload: XssPayload;
  /** How it was rendered, for messages. */
  what: string;
  html: string;
  /** The element's state once the script-tag build has upgraded it. */
  upgraded: 'ready' | 'error';
}

interface RenderPage {
  html: string;
  parts: RenderedPart[];
  /** What each `application/json` data script must parse to, in page order. */
  data: unknown[];
  /** What each JSON-LD script must parse to, in page order. */
  jsonLd: unknown[];
}

const renderCounts = { renders: 0, combinations: 0, refused: 0, jsonLd: 0 };

/**
 * What must be refused, and how: a RenderError (the document, or a selection it does not
 * have) or a TypeError (an option that is not one of the allowed values, a page URL for the
 * JSON-LD that is not an http(s) address).
 */
async function refused(payload: XssPayload, doc: Doc, analysis: Analysis): Promise<void> {
  const p = payload.text;
  const whole = payloadDocument(payload, 'whole');
  const cases: [string, () => Promise<unknown>, new (...args: never[]) => Error][] = [
    ['actor', () => renderHtml(doc, { element: 'nw-stance-card', actor: p }), RenderError],
    ['stance', () => renderHtml(doc, { element: 'nw-stance-card', stance: p }), RenderError],
    ['theme', () => renderHtml(doc, { element: 'nw-summary', theme: p as 'light' }), TypeError],
    ['element', () => renderHtml(doc, { element: p as 'nw-summary' }), TypeError],
  ];
  // The document with the payload as its URLs: refused exactly when the validator refuses it.
  if (!validateAnalysis(whole).ok)
    cases.push(['URL fields', () => renderHtml(whole, { element: 'nw-source-list' }), RenderError]);
  if (!isHttpUrl(p)) {
    cases.push(
      ['JSON-LD page URL (render)', () => renderHtml(doc, { element: 'nw-summary', jsonLd: { url: p } }), TypeError],
      ['JSON-LD page URL (jsonLdScript)', async () => jsonLdScript(analysis, { url: p }), TypeError],
    );
  }
  for (const [option, render, kind] of cases) {
    await assert.rejects(render, kind, `${payload.name} as ${option}`);
    renderCounts.refused++;
  }
}

/** One batch's page: every renderable element per payload, with the payload in every option too. */
async function renderPage(batch: XssPayload[]): Promise<RenderPage> {
  const parts: RenderedPart[] = [];
  const data: unknown[] = [];
  const jsonLd: unknown[] = [];
  for (const payload of batch) {
    const p = payload.text;
    const doc = payloadDocument(payload, 'carried');
    const analysis = validated(doc);
    await refused(payload, doc, analysis);
    for (const element of RENDERABLE_ELEMENTS) {
      const options = { element, ...(element === 'nw-stance-card' ? { actor: 'gov' } : {}) };
      // JSON-LD once per document, with the page's URL carrying the payload.
      const jsonLdOptions = element === 'nw-analysis' ? { url: carryingUrl(p) } : undefined;
      const html = await renderHtml(doc, { ...options, ...(jsonLdOptions ? { jsonLd: jsonLdOptions } : {}) });
      parts.push({ payload, what: `<${element}>`, html, upgraded: 'ready' });
      data.push(analysis);
      if (jsonLdOptions) jsonLd.push(analysisJsonLd(analysis, jsonLdOptions));
      renderCounts.combinations += TEXT_FIELDS.length + URL_FIELDS.length;
    }
    // The payload as every option that ends up in the markup: lang and the data script's id
    // (so also `for`), with JSON-LD (the payload as its page URL when that is an http one);
    // then `src`, on a clean document.
    const pageUrl = isHttpUrl(p) ? { url: p } : {};
    const inOptions = await renderHtml(doc, {
      element: 'nw-stance-card',
      actor: 'gov',
      lang: p,
      dataId: p,
      jsonLd: pageUrl,
    });
    parts.push({ payload, what: '<nw-stance-card> with lang, dataId and JSON-LD', html: inOptions, upgraded: 'ready' });
    data.push(analysis);
    jsonLd.push(analysisJsonLd(analysis, pageUrl));
    const withSrc = await renderHtml(CLEAN_DOCUMENT, { element: 'nw-summary', src: p, lang: p });
    // The payload as an address: refused (not http) or requested from this server (404).
    parts.push({ payload, what: '<nw-summary> with src and lang', html: withSrc, upgraded: 'error' });
    // jsonLdScript alone, as a page puts it in its <head>.
    parts.push({ payload, what: 'jsonLdScript', html: jsonLdScript(analysis), upgraded: 'ready' });
    jsonLd.push(analysisJsonLd(analysis));
    renderCounts.combinations += 4 + (isHttpUrl(p) ? 1 : 0);
    renderCounts.renders += RENDERABLE_ELEMENTS.length + 2;
    renderCounts.jsonLd += 3;
  }
  const sections = parts.map((part, i) => `<section data-part="${i}">\n${part.html}</section>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static render</title>
<link rel="icon" href="data:,">${harnessTag}</head><body><main>
${sections}
</main></body></html>`;
  return { html, parts, data, jsonLd };
}

// ---------------------------------------------------------------------------------------------
// The iframe embed: the frames of each batch, all in one host page.
// ---------------------------------------------------------------------------------------------

interface EmbedFrame {
  /** The payloads the frame carries, for messages. */
  payloads: string;
  /** The query, for messages and for the frame's address. */
  query: URLSearchParams;
  /** What the frame must end as: the element's state, or the embed's problem sentence. */
  expected: 'ready' | 'error' | 'problem';
}

const embedCounts = { frames: 0, combinations: 0 };

/** Elements a frame of `element=nw-analysis` shows: itself and the four it composes. */
const ANALYSIS_SHOWS = 5;

/**
 * The frames for one batch of payloads. A frame costs a page with the whole embed bundle,
 * so: one frame per payload for its document (`src=`, shown by nw-analysis and everything it
 * composes, the payload also in `lang`, `theme` and `childId`), and one frame per element
 * for the element's own parameters, each holding the batch's payloads one after another
 * (every payload is in the value, as written; escaping does not depend on what is around it).
 */
function embedFrames(batch: XssPayload[]): EmbedFrame[] {
  const all = batch.map((payload) => payload.text).join('');
  const names = `${batch[0]!.name}…${batch.at(-1)!.name}`;
  const frame = (payloads: string, expected: EmbedFrame['expected'], params: Record<string, string>): EmbedFrame => ({
    payloads,
    expected,
    query: new URLSearchParams(params),
  });
  const frames = batch.map((payload) =>
    frame(payload.name, 'ready', {
      src: `/doc/${payload.n}-carried.json`,
      element: 'nw-analysis',
      lang: payload.text,
      theme: payload.text,
      childId: payload.text,
    }),
  );
  const own = [
    frame(names, 'error', {
      src: `/doc/${batch[0]!.n}-carried.json`,
      element: 'nw-stance-card',
      actor: all,
      stance: all,
      'heading-level': all,
    }),
    frame(names, 'ready', {
      src: '/doc/clean.json',
      element: 'nw-stance-card',
      actor: 'gov',
      'heading-level': all,
      lang: all,
      theme: all,
      childId: all,
    }),
    frame(names, 'ready', { src: '/doc/clean.json', element: 'nw-source-list', types: all, 'heading-level': all }),
    frame(names, 'ready', { src: '/doc/clean.json', element: 'nw-timeline', actors: all, order: all }),
    frame(names, 'error', { src: all, element: 'nw-summary' }),
    frame(names, 'problem', { src: all, element: all }),
  ];
  embedCounts.frames += frames.length + own.length;
  // Each payload × (its document's fields × the elements showing them, and the 3 parameters
  // beside it), and × each parameter of the elements' own frames.
  const parameters = own.reduce((sum, f) => sum + [...f.query.values()].filter((value) => value === all).length, 0);
  embedCounts.combinations +=
    batch.length * ((TEXT_FIELDS.length + URL_FIELDS.length) * ANALYSIS_SHOWS + 3 + parameters);
  return [...frames, ...own];
}

const embedBatches = batches.map(embedFrames);

function embedHostPage(frames: EmbedFrame[]): string {
  const iframes = frames
    .map(
      (f, i) => `<iframe id="f${i}" src="/embed.html?${f.query}" title="frame ${i}" width="600" height="300"></iframe>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed host</title>
<link rel="icon" href="data:,">${harnessTag}</head><body><main>
${iframes}
</main></body></html>`;
}

/** dist/embed.html with the canary first in its head (and no CSP: an injection here would run). */
const EMBED_HTML = readFileSync('dist/embed.html', 'utf8').replace('<head>', `<head>\n${harnessTag}`);

// ---------------------------------------------------------------------------------------------
// Server and browser.
// ---------------------------------------------------------------------------------------------

let server: Server;
let browser: Browser;
let origin: string;
/** Each static-render test's page, by number, rendered by the test itself. */
const renderPages = new Map<string, RenderPage>();
/** Requests for canary addresses: each means a payload made something load. */
const canaryRequests: string[] = [];

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json' };

before(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const send = (status: number, type: string, body: string | Buffer) =>
      response.writeHead(status, { 'content-type': type, 'cache-control': 'max-age=600' }).end(body);
    if (path.startsWith('/__nw_canary/')) {
      canaryRequests.push(`${path} (${payloadNamed(Number(path.split('/').pop()))})`);
      return send(404, 'text/plain', '');
    }
    if (path === '/harness.js') return send(200, TYPES.js, HARNESS_JS);
    if (path === '/cdn/newsroom-widgets.js') return send(200, TYPES.js, readFileSync('dist/cdn/newsroom-widgets.js'));
    if (path === '/embed.html') return send(200, TYPES.html, EMBED_HTML);
    if (path === '/embed/embed.js') return send(200, TYPES.js, readFileSync('dist/embed/embed.js'));
    if (path === '/doc/clean.json') return send(200, TYPES.json, JSON.stringify(CLEAN_DOCUMENT));
    const doc = /^\/doc\/(\d+)-carried\.json$/.exec(path);
    const payload = doc && XSS_PAYLOADS[Number(doc[1]) - 1];
    if (payload) return send(200, TYPES.json, JSON.stringify(payloadDocument(payload, 'carried')));
    const render = /^\/render\/(\d+)\.html$/.exec(path);
    if (render && renderPages.has(render[1]!)) return send(200, TYPES.html, renderPages.get(render[1]!)!.html);
    const host = /^\/embed-host\/(\d+)\.html$/.exec(path);
    if (host && embedBatches[Number(host[1])])
      return send(200, TYPES.html, embedHostPage(embedBatches[Number(host[1])]!));
    send(404, 'text/plain', 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // No other host resolves: a payload address (https://…@example.org) fails at once, offline.
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  console.log(
    `xss (static HTML): ${XSS_PAYLOADS.length} payloads; ${renderCounts.renders} renders, ${renderCounts.combinations} (payload × field/option × element) combinations, ${renderCounts.jsonLd} JSON-LD scripts parsed back, ${renderCounts.refused} refusals checked`,
  );
  console.log(
    `xss (iframe embed): ${embedCounts.frames} frames, ${embedCounts.combinations} (payload × field/parameter × element) combinations`,
  );
});

/** A page with uncaught errors recorded (a payload that ran without finding the canary would throw). */
async function open(path: string): Promise<{ tab: Page; errors: string[] }> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  tab.on('dialog', (dialog) => {
    errors.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { tab, errors };
}

/** The canary's record in one frame, as lines naming each payload. */
function canaryLines(record: CanaryRecord, where: string): string[] {
  const name = (entry: string) => `${entry} (${payloadNamed(Number(/\d+/.exec(entry)?.[0]))})`;
  return [
    ...record.calls.map((call) => `${where}: the canary ran: ${name(call)}`),
    ...record.loads.map((load) => `${where}: loaded ${name(load)}`),
  ];
}

/** Every nw-* element in the page, nested ones included, has left loading (and there is one). */
const allSettled = () => {
  const walk = (root: Document | ShadowRoot): Element[] =>
    [...root.querySelectorAll('*')].flatMap((element) => [
      ...(element.localName.startsWith('nw-') ? [element] : []),
      ...(element.shadowRoot ? walk(element.shadowRoot) : []),
    ]);
  const widgets = walk(document);
  return widgets.length > 0 && widgets.every((element) => /^(ready|error)$/.test(element.getAttribute('state') ?? ''));
};

// Two pages at a time: while one waits for the browser, the other renders (2 cores).
describe('XSS: static HTML and JSON-LD (dist/render.js, jsonLdScript)', { concurrency: 2 }, () => {
  batches.forEach((batch, index) => {
    it(`payloads ${batch[0]!.n}–${batch.at(-1)!.n}: nothing runs before or after the script-tag build upgrades it`, async () => {
      const key = String(index);
      const page = await renderPage(batch);
      renderPages.set(key, page);
      const { tab, errors } = await open(`/render/${key}.html`);
      try {
        // With JavaScript on and no library: only what the HTML itself would do.
        const unscripted = await tab.evaluate(() => {
          const main = document.querySelector('main')!;
          const scripts = [...main.querySelectorAll('script')];
          return {
            canary: window.__nwReadCanary(),
            problems: [...main.children].flatMap((section) =>
              window.__nwDangerousMarkup(section).map((problem) => `${section.getAttribute('data-part')}: ${problem}`),
            ),
            data: scripts
              .filter((script) => script.type === 'application/json')
              .map((script) => script.textContent ?? ''),
            jsonLd: scripts
              .filter((script) => script.type === 'application/ld+json')
              .map((script) => script.textContent ?? ''),
            sections: main.children.length,
          };
        });
        const label = (problem: string) => {
          const part = page.parts[Number(problem.split(':')[0])];
          return part ? `${part.payload.name} ${part.what}: ${problem}` : problem;
        };
        assert.deepEqual([...canaryLines(unscripted.canary, 'page'), ...unscripted.problems.map(label), ...errors], []);
        assert.equal(unscripted.sections, page.parts.length, 'every part is its own section: nothing closed one early');
        // Each script's text is exactly the JSON that went in, inside its guarding comment: no
        // text closed the script or the comment early.
        assert.deepEqual(
          unscripted.data.map((text) => JSON.parse(/^<!--([^]*)-->$/.exec(text)![1]!) as unknown),
          page.data,
        );
        const jsonLd = unscripted.jsonLd.map((text) => JSON.parse(text) as unknown);
        assert.deepEqual(jsonLd, page.jsonLd);
        const unsafe = jsonLd.flatMap((tree) => jsonLdUrls(tree)).filter((url) => !safeUrl(url));
        assert.deepEqual(unsafe, [], 'JSON-LD URLs that are not http(s) or a #fragment');

        // The script-tag build upgrades every element in place.
        await tab.addScriptTag({ url: '/cdn/newsroom-widgets.js', type: 'module' });
        await tab.waitForFunction(allSettled, { timeout: 20_000, polling: 50 });
        const upgraded = await tab.evaluate(() => {
          const main = document.querySelector('main')!;
          return {
            canary: window.__nwReadCanary(),
            problems: [...main.children].flatMap((section) =>
              window.__nwDangerousMarkup(section).map((problem) => `${section.getAttribute('data-part')}: ${problem}`),
            ),
            states: [...main.children].map(
              (section) => section.querySelector(':scope > [state]')?.getAttribute('state') ?? 'ready',
            ),
          };
        });
        assert.deepEqual([...canaryLines(upgraded.canary, 'page'), ...upgraded.problems.map(label), ...errors], []);
        assert.deepEqual(
          upgraded.states,
          page.parts.map((part) => part.upgraded),
        );
        assert.deepEqual(canaryRequests, []);
      } finally {
        await tab.close();
      }
    });
  });
});

/** Every frame of the host page has its outcome: the problem sentence, or every element settled. */
const framesSettled = () =>
  [...document.querySelectorAll('iframe')].every((iframe) => {
    const body = iframe.contentDocument?.body;
    const content = body?.firstElementChild;
    if (!content) return false;
    if (content.classList.contains('embed-problem')) return true;
    const walk = (root: Element | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((element) => [
        ...(element.localName.startsWith('nw-') ? [element] : []),
        ...(element.shadowRoot ? walk(element.shadowRoot) : []),
      ]);
    return walk(body).every((element) => /^(ready|error)$/.test(element.getAttribute('state') ?? ''));
  });

/**
 * What each frame shows and what the canary saw in it, read from the host (same origin) in
 * one call; each frame's own harness does the checking (its own constructors, its own record).
 */
const inspectFrames = () =>
  [...document.querySelectorAll('iframe')].map((iframe) => {
    const frame = iframe.contentWindow!;
    const body = iframe.contentDocument!.body;
    const content = body.firstElementChild;
    return {
      canary: frame.__nwReadCanary(),
      problems: [...body.children].flatMap((child) => frame.__nwDangerousMarkup(child)),
      outcome: content?.classList.contains('embed-problem') ? 'problem' : (content?.getAttribute('state') ?? 'none'),
      // Ours: the harness and embed.js. Anything more was injected.
      scripts: iframe.contentDocument!.scripts.length,
      bodyChildren: body.children.length,
    };
  });

describe('XSS: the iframe embed (dist/embed.html)', { concurrency: 2 }, () => {
  embedBatches.forEach((frames, index) => {
    it(`payloads ${batches[index]![0]!.n}–${batches[index]!.at(-1)!.n}: ${frames.length} frames, nothing runs in them or in the host`, async () => {
      const { tab, errors } = await open(`/embed-host/${index}.html`);
      try {
        await tab.waitForFunction(framesSettled, { timeout: 60_000, polling: 100 });
        const seen = await tab.evaluate(inspectFrames);
        const found: string[] = [];
        for (const [i, frame] of frames.entries()) {
          const where = `${frame.payloads} frame ${i} (embed.html?${frame.query})`;
          const { canary, problems, outcome, scripts, bodyChildren } = seen[i]!;
          found.push(...canaryLines(canary, where), ...problems.map((problem) => `${where}: ${problem}`));
          if (scripts !== 2 || bodyChildren !== 1)
            found.push(`${where}: ${scripts} scripts, ${bodyChildren} elements in <body>`);
          if (outcome !== frame.expected) found.push(`${where}: ended ${outcome}, expected ${frame.expected}`);
        }
        const host = await tab.evaluate(() => ({
          canary: window.__nwReadCanary(),
          frames: document.querySelectorAll('iframe').length,
        }));
        found.push(...canaryLines(host.canary, 'host'));
        assert.deepEqual([...found, ...errors], []);
        assert.equal(host.frames, frames.length);
        assert.deepEqual(canaryRequests, []);
      } finally {
        await tab.close();
      }
    });
  });
});
