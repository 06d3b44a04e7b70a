/**
 * Network faults (issue 8, point 4), as one table, each against a local test-server route
 * (test/server/routes.mjs, `/test-api/fault/KIND`): 404, 500, a response slower than the
 * fetch timeout, a body that stalls past it, truncated JSON (a short 200 and a connection cut
 * mid-body), a web page instead of JSON, redirects, a CORS failure, and an element removed
 * mid-fetch.
 *
 * Each row proves, in real Chromium: the faulty element ends in the right state with the
 * right `nw-error` code and tells editors why; the page (a paragraph of the article) and a
 * sibling element with good data are untouched; nothing is thrown or left unhandled; and,
 * once the fault clears (the routes fail only the first request for an id), "Try again"
 * really requests again and shows the analysis. Rows where retrying cannot help (the server
 * answered with a document, not a failure) check that no retry control is offered.
 *
 * Fetching basics (sharing, aborting, the retry control's wiring) are proved in
 * src/internal/nw-element.test.ts; this file is the issue's list of faults.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../../src/define.js';
// The public way to change the timeout: the package root's export (README "Where the data comes from").
import { setFetchTimeout } from '../../../src/index.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../../../src/internal/data/shared-fetch.js';
import type { Analysis } from '../../../src/schema/analysis.js';
import { en } from '../../../src/internal/i18n/en.js';
import { page, part, recordEvents, requestCount, sample, uid, untilState, visibleText } from '../helpers.js';

/** What these tests set instead, so that "too slow" takes a fraction of a second. */
const SHORT_TIMEOUT_MS = 300;

/** Text anywhere in the element, its shadow root and the shadow roots of what it composes. */
function deepText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) text += child.nodeType === Node.TEXT_NODE ? child.textContent : deepText(child);
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  return text.replace(/\s+/g, ' ');
}

/** Each standalone element, and a text it shows only when it renders the sample. */
const ELEMENTS: Record<string, { attrs?: Record<string, string>; shows(doc: Analysis): string }> = {
  'nw-summary': { shows: (doc) => doc.question },
  'nw-stance-card': {
    attrs: { actor: 'claudia-sheinbaum' },
    shows: (doc) => doc.stances.find((stance) => stance.actor === 'claudia-sheinbaum')!.headline,
  },
  'nw-stances': { shows: (doc) => doc.stances[0]!.headline },
  'nw-source-list': { shows: (doc) => doc.sources[0]!.title },
  'nw-timeline': { shows: (doc) => doc.actors.find((actor) => actor.id === doc.statements[0]!.actor)!.name },
  'nw-analysis': { shows: (doc) => doc.sections[0]!.title },
};
const TAGS = Object.keys(ELEMENTS);

/** This test server seen from another origin (the page is on `localhost`: 127.0.0.1 is not it). */
async function otherOrigin(): Promise<string> {
  const address = (await (await fetch('/test-api/server-address')).json()) as string;
  const host =
    address.includes(':') && !address.startsWith('::ffff:') ? `[${address}]` : address.replace('::ffff:', '');
  const origin = `${location.protocol}//${host}:${location.port}`;
  expect(origin, 'the other origin must differ from the page').not.to.equal(location.origin);
  return origin;
}

interface Fault {
  /** The faulty `src`, for a fresh request id. */
  src(id: string): string | Promise<string>;
  /** How the element ends. */
  ends: { state: 'error'; code: string; mentions: string } | { state: 'ready' };
  /** true: "Try again" recovers once the fault clears. A string: why retrying cannot help (no control shown). */
  retry: true | string;
  /** The page's fetch timeout while the row runs. */
  timeoutMs?: number;
}

const fault =
  (kind: string, query = '') =>
  (id: string) =>
    `/test-api/fault/${kind}?id=${id}${query}`;

const FAULTS: Record<string, Fault> = {
  '404 Not Found': { src: fault('404'), ends: { state: 'error', code: 'fetch', mentions: 'HTTP 404' }, retry: true },
  '500 Internal Server Error': {
    src: fault('500'),
    ends: { state: 'error', code: 'fetch', mentions: 'HTTP 500' },
    retry: true,
  },
  'no response within the fetch timeout': {
    src: fault('slow', '&ms=1500'),
    timeoutMs: SHORT_TIMEOUT_MS,
    ends: { state: 'error', code: 'fetch', mentions: `took longer than ${SHORT_TIMEOUT_MS / 1000} s` },
    retry: true,
  },
  'headers in time, then a body that stalls past the fetch timeout': {
    src: fault('stall', '&ms=1500'),
    timeoutMs: SHORT_TIMEOUT_MS,
    ends: { state: 'error', code: 'fetch', mentions: `took longer than ${SHORT_TIMEOUT_MS / 1000} s` },
    retry: true,
  },
  'truncated JSON: the connection drops mid-body': {
    src: fault('cut'),
    ends: { state: 'error', code: 'fetch', mentions: 'cut off' },
    retry: true,
  },
  'truncated JSON: a complete 200 response with half a document': {
    src: fault('truncated'),
    ends: { state: 'error', code: 'json', mentions: 'JSON' },
    retry: 'the server answered, with a broken document: asking again gets the same file until an editor fixes it',
  },
  'a web page (200, text/html) instead of JSON': {
    src: fault('html'),
    ends: { state: 'error', code: 'json', mentions: 'returned a web page, not JSON' },
    retry: 'the address answers with a page (a login wall, a wrong path): the address needs fixing, not a retry',
  },
  'a same-origin redirect to the JSON': {
    src: (id) => `/test-api/redirect?to=${encodeURIComponent(`/test-api/analysis.json?id=${id}`)}`,
    ends: { state: 'ready' },
    retry: 'nothing failed',
  },
  'a redirect to an address that does not exist': {
    src: fault('redirect-missing'),
    ends: { state: 'error', code: 'fetch', mentions: 'HTTP 404' },
    retry: true,
  },
  'another origin without Access-Control-Allow-Origin (CORS)': {
    src: async (id) => `${await otherOrigin()}/test-api/fault/cors?id=${id}`,
    ends: { state: 'error', code: 'fetch', mentions: 'does not allow this page to read it' },
    retry: true,
  },
};

interface Announcement {
  type: string;
  detail: { code?: string; message?: string };
}

/**
 * `nw-ready` / `nw-error` fired by `element` itself (not by elements it composes, whose
 * events also cross its shadow root), until `stop()`. The origin is read while the event is
 * dispatched: afterwards `composedPath()` is empty.
 */
function recordOwnEvents(element: Element): { events: Announcement[]; stop(): void } {
  const events: Announcement[] = [];
  const record = (event: Event) => {
    if (event.composedPath()[0] === element) events.push({ type: event.type, detail: (event as CustomEvent).detail });
  };
  const types = ['nw-ready', 'nw-error'];
  types.forEach((type) => element.addEventListener(type, record));
  return { events, stop: () => types.forEach((type) => element.removeEventListener(type, record)) };
}

/** Uncaught errors and unhandled rejections on the page until `stop()`. */
function recordProblems(): { problems: unknown[]; stop(): void } {
  const problems: unknown[] = [];
  const record = (event: ErrorEvent | PromiseRejectionEvent) =>
    problems.push('reason' in event ? event.reason : (event.error ?? event.message));
  window.addEventListener('error', record);
  window.addEventListener('unhandledrejection', record);
  return {
    problems,
    stop: () => {
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
    },
  };
}

/** A piece of article: a paragraph and a sibling element on good data, already rendered. */
async function article() {
  const root = page(html`<div>
    <p class="article-text">The host article's own paragraph.</p>
    <nw-summary class="sibling" src=${`/test-api/analysis.json?id=${uid('sibling')}`}></nw-summary>
  </div>`);
  const sibling = root.querySelector('nw-summary.sibling')!;
  await untilState(sibling, 'ready');
  return { root, paragraph: root.querySelector('p')!, sibling };
}

/** The element under test, added to the article after it rendered. */
function addElement(root: Element, tag: string, src: string): Element {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(ELEMENTS[tag]!.attrs ?? {})) element.setAttribute(name, value);
  element.setAttribute('src', src);
  root.append(element);
  return element;
}

/** What the rest of the page looks like: compared before and after the fault. */
const snapshot = (paragraph: Element, sibling: Element) => ({
  paragraph: paragraph.outerHTML,
  siblingState: sibling.getAttribute('state'),
  siblingContent: sibling.shadowRoot!.innerHTML,
});

describe('network faults: each ends in the right state, alone, and recovers where it can', () => {
  afterEach(() => setFetchTimeout(DEFAULT_FETCH_TIMEOUT_MS));

  Object.entries(FAULTS).forEach(([name, { src, ends, retry, timeoutMs }], index) => {
    const tag = TAGS[index % TAGS.length]!;
    it(`${name} (<${tag}>)`, async () => {
      const doc = await sample();
      const id = uid('fault');
      const problems = recordProblems();
      const { root, paragraph, sibling } = await article();
      // Only the faulty request gets the short limit: set after the sibling has loaded.
      if (timeoutMs) setFetchTimeout(timeoutMs);
      const before = snapshot(paragraph, sibling);
      const element = addElement(root, tag, await src(id));
      const events = recordOwnEvents(element);
      try {
        await untilState(element, ends.state);
        await aTimeout(50); // any stray second announcement would arrive by now

        // Exactly one outcome announced.
        const own = events.events;
        if (ends.state === 'ready') {
          expect(own.map((event) => event.type)).to.deep.equal(['nw-ready']);
          expect(deepText(element)).to.include(ELEMENTS[tag]!.shows(doc));
        } else {
          expect(own.map((event) => event.type)).to.deep.equal(['nw-error']);
          expect(own[0]!.detail.code).to.equal(ends.code);
          expect(own[0]!.detail.message).to.include(ends.mentions);
          // Readers get the plain sentence; editors the reason and the code.
          expect(visibleText(element, '[part=error] > p')).to.equal(en.errorForReaders);
          expect(part(element, '[part=error-details]').textContent)
            .to.include(ends.mentions)
            .and.include(`[${ends.code}]`);
        }
        expect(snapshot(paragraph, sibling), 'the page and the sibling element').to.deep.equal(before);

        const retryButton = element.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button');
        if (retry === true) {
          expect(retryButton, 'a "Try again" control').to.exist;
          expect(retryButton!.textContent!.trim()).to.equal(en.retry);
          const requestsBefore = await requestCount(id);
          expect(requestsBefore, 'the faulty route was reached').to.be.at.least(1);
          setFetchTimeout(DEFAULT_FETCH_TIMEOUT_MS); // the cleared fault answers at once, but not on a busy machine's clock
          retryButton!.click();
          await untilState(element, 'ready');
          expect(await requestCount(id), 'retrying requests again').to.equal(requestsBefore + 1);
          expect(deepText(element)).to.include(ELEMENTS[tag]!.shows(doc));
          expect(events.events.map((event) => event.type)).to.deep.equal([
            ends.state === 'error' ? 'nw-error' : 'nw-ready',
            'nw-ready',
          ]);
          expect(snapshot(paragraph, sibling), 'the page and the sibling after the retry').to.deep.equal(before);
        } else {
          expect(retryButton, `no retry control: ${retry}`).to.equal(null);
        }
      } finally {
        events.stop();
        problems.stop();
      }
      expect(problems.problems, 'uncaught errors or unhandled rejections').to.deep.equal([]);
    });
  });

  it('an element removed mid-fetch: it stays quiet, the element sharing its request still loads, and back on the page it needs no retry', async () => {
    const doc = await sample();
    const id = uid('removed');
    const url = `/test-api/slow?ms=1500&id=${id}`;
    const problems = recordProblems();
    const root = page(html`<div>
      <p>The host article's own paragraph.</p>
      <nw-stances src=${url}></nw-stances>
      <nw-summary src=${url}></nw-summary>
    </div>`);
    const [paragraph, removed, sharer] = [...root.children] as [HTMLElement, HTMLElement, HTMLElement];
    const paragraphBefore = paragraph.outerHTML;
    const events = recordOwnEvents(removed);
    try {
      await waitUntil(() => removed.getAttribute('state') === 'loading', 'never started loading');
      // Removed once the request is under way on the server (it answers 1.5 s later).
      await waitUntil(async () => (await requestCount(id)) === 1, 'the request never reached the server');
      removed.remove();
      await untilState(sharer, 'ready');
      expect(deepText(sharer)).to.include(doc.question);
      await aTimeout(50);
      // Detached, it announced nothing (no one on the page could hear it) and is in no error:
      // leaving is not a failure. (It may hold the shared result already.)
      expect(events.events).to.deep.equal([]);
      expect(removed.getAttribute('state')).not.to.equal('error');
      expect(paragraph.outerHTML).to.equal(paragraphBefore);

      // Back on the page it shows the finished shared request (no retry, no new request),
      // and announces it where the page listens: a page hiding its spinner on nw-ready hears it.
      const heard = recordEvents(document);
      root.append(removed);
      await untilState(removed, 'ready');
      await aTimeout(50);
      heard.stop();
      expect(deepText(removed)).to.include(doc.stances[0]!.headline);
      expect(await requestCount(id)).to.equal(1);
      expect(heard.events.map((event) => event.type)).to.deep.equal(['nw-ready']);
    } finally {
      events.stop();
      problems.stop();
    }
    expect(problems.problems, 'uncaught errors or unhandled rejections').to.deep.equal([]);
  });
});

describe("the fetch timeout is the page's to choose", () => {
  afterEach(() => setFetchTimeout(DEFAULT_FETCH_TIMEOUT_MS));

  it('it applies to the requests started after it is set, both ways', async () => {
    const slow = () => `/test-api/slow?ms=${SHORT_TIMEOUT_MS * 2}&id=${uid('patient')}`;
    setFetchTimeout(SHORT_TIMEOUT_MS);
    const hurried = page(html`<div><nw-summary src=${slow()}></nw-summary></div>`).firstElementChild!;
    await untilState(hurried, 'error');
    setFetchTimeout(5_000);
    const patient = page(html`<div><nw-summary src=${slow()}></nw-summary></div>`).firstElementChild!;
    await untilState(patient, 'ready');
  });

  it('a value that is not a duration is refused when set, not turned into failing fetches later', () => {
    for (const value of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(() => setFetchTimeout(value), String(value)).to.throw(RangeError);
    }
  });
});
