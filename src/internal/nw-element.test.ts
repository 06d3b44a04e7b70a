/**
 * The base element (data sources, states, events, errors, fetch sharing, language),
 * exercised through <nw-summary> and, where a selection matters, <nw-stance-card>.
 * Real Chromium; the test server's /test-api routes count and delay requests.
 */
import { aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// Plain wrappers use fixtureSync: fixture() waits for an animation frame, which never comes
// while this page is not the browser's front tab (as when web-test-runner ran two pages at
// once; web-test-runner.config.mjs now runs one at a time, and this stays safe either way).
import '../components/summary/summary.js';
import '../components/stance-card/stance-card.js';
import '../components/stances/stances.js';
import { NwSummary } from '../components/summary/summary.js';
import type { Analysis } from '../schema/analysis.js';
import { setFetchTimeout } from './data/shared-fetch.js';
import { defineElement } from './define.js';
import { en } from './i18n/en.js';
import { es } from './i18n/es.js';
import {
  jsonScript,
  minimal,
  MINIMAL_URL,
  part,
  realFetch,
  recordEvents,
  recordStates,
  replaceFetch,
  requestCount,
  sample,
  SAMPLE_URL,
  shadowText,
  uid,
  untilState,
  variant,
  visibleText,
  withQuestion,
} from '../../test/browser/helpers.js';

const heading = (el: Element) => el.shadowRoot?.querySelector('h2')?.textContent?.trim();

/** A <nw-summary> not yet on the page, with the given light-DOM children. */
function summaryWith(...children: Node[]): NwSummary {
  const el = document.createElement('nw-summary');
  el.append(...children);
  return el;
}

/** Puts a detached element on the page (fixture cleans it up after the test). */
const mount = <T extends Element>(el: T) => fixture<T>(html`${el}`);

/** Scripts added to <body> by a test (for="id" targets), removed after it. */
const added: Element[] = [];
const addToBody = <T extends Element>(node: T) => (added.push(node), document.body.append(node), node);
afterEach(() => added.splice(0).forEach((node) => node.remove()));

describe('data sources', () => {
  it('renders the analysis property (an object)', async () => {
    const doc = await sample();
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${doc}></nw-summary>`);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });

  it('renders the analysis property given as JSON text', async () => {
    const doc = await sample();
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${JSON.stringify(doc)}></nw-summary>`);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });

  it('renders a <script type="application/json"> child', async () => {
    const doc = await sample();
    const el = await mount(summaryWith(jsonScript(doc)));
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });

  it('renders for="id" pointing at a script elsewhere in the page', async () => {
    const doc = await sample();
    const id = uid('doc');
    addToBody(jsonScript(doc, id));
    const el = await fixture<NwSummary>(html`<nw-summary for=${id}></nw-summary>`);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });

  it('renders src="URL"', async () => {
    const doc = await sample();
    const el = await fixture<NwSummary>(html`<nw-summary src=${SAMPLE_URL}></nw-summary>`);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });
});

describe('precedence (first present wins)', () => {
  it('the property beats a child script, which shows again when the property goes', async () => {
    const el = summaryWith(jsonScript(await withQuestion('From the child?')));
    el.analysis = await withQuestion('From the property?');
    await mount(el);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal('From the property?');

    el.analysis = undefined;
    await waitUntil(() => heading(el) === 'From the child?', 'child script not shown after the property was cleared');
  });

  it('a child script beats for="id"', async () => {
    const id = uid('doc');
    addToBody(jsonScript(await withQuestion('From for?'), id));
    const el = summaryWith(jsonScript(await withQuestion('From the child?')));
    el.setAttribute('for', id);
    await mount(el);
    await untilState(el, 'ready');
    expect(heading(el)).to.equal('From the child?');
  });

  it('for="id" beats src, which is then not even requested', async () => {
    const id = uid('doc');
    const srcId = uid('unused');
    addToBody(jsonScript(await withQuestion('From for?'), id));
    const el = await fixture<NwSummary>(
      html`<nw-summary for=${id} src=${`/test-api/analysis.json?id=${srcId}`}></nw-summary>`,
    );
    await untilState(el, 'ready');
    expect(heading(el)).to.equal('From for?');
    expect(await requestCount(srcId)).to.equal(0);
  });
});

describe('switching data re-renders', () => {
  it('a new analysis object', async () => {
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${await sample()}></nw-summary>`);
    await untilState(el, 'ready');
    el.analysis = await withQuestion('A new question?');
    await waitUntil(() => heading(el) === 'A new question?', 'new analysis not shown');
  });

  it('a new src', async () => {
    const other = await minimal();
    const el = await fixture<NwSummary>(html`<nw-summary src=${SAMPLE_URL}></nw-summary>`);
    await untilState(el, 'ready');
    expect(heading(el)).not.to.equal(other.question); // the two documents are distinguishable
    el.src = MINIMAL_URL;
    await waitUntil(() => heading(el) === other.question, 'new src not shown');
  });

  it("a change to the child script's text", async () => {
    const script = jsonScript(await sample());
    const el = await mount(summaryWith(script));
    await untilState(el, 'ready');
    script.textContent = JSON.stringify(await withQuestion('Edited in the CMS?'));
    await waitUntil(() => heading(el) === 'Edited in the CMS?', 'edited child script not shown');
  });

  it('a child script added later', async () => {
    const el = await fixture<NwSummary>(html`<nw-summary></nw-summary>`);
    await aTimeout(20);
    expect(el.getAttribute('state')).to.equal('loading'); // nothing to show yet
    const doc = await sample();
    el.append(jsonScript(doc));
    await untilState(el, 'ready');
    expect(heading(el)).to.equal(doc.question);
  });
});

describe('states', () => {
  it('loading → ready, with a placeholder that reserves height', async () => {
    // The server holds the response 400 ms, so the element is certainly still loading here.
    const el = await fixture<NwSummary>(
      html`<nw-summary src=${`/test-api/slow?ms=400&id=${uid('slow')}`}></nw-summary>`,
    );
    const states = recordStates(el);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.offsetHeight).to.be.greaterThan(100);
    await untilState(el, 'ready');
    states.stop();
    expect(states.states).to.deep.equal(['ready']);
  });

  it('loading → error', async () => {
    const el = await fixture<NwSummary>(html`<nw-summary src="/test-api/status/404"></nw-summary>`);
    const states = recordStates(el);
    await untilState(el, 'error');
    states.stop();
    expect(states.states).to.deep.equal(['error']);
  });

  it('moving a ready element does not show the loading state or announce again', async () => {
    const wrapper = fixtureSync(html`<div><p>Before</p><nw-summary src=${SAMPLE_URL}></nw-summary></div>`);
    const el = wrapper.querySelector('nw-summary')!;
    await untilState(el, 'ready');
    const states = recordStates(el);
    const events = recordEvents(el);
    el.remove();
    wrapper.prepend(el);
    await aTimeout(100);
    states.stop();
    events.stop();
    expect(states.states).to.deep.equal([]);
    expect(events.events).to.have.length(0);
  });
});

describe('every error code is reachable and shown', () => {
  interface Case {
    code: string;
    /** Issue paths the editor must see (derived from how `make` broke the document). */
    paths: string[];
    /** Text the editor details must contain (besides the paths). */
    mentions?: string;
    make(): Promise<Element>;
  }
  const withDoc = async (change: (doc: Analysis) => void) => summaryWith(jsonScript(await variant(change)));
  const cases: Record<string, Case> = {
    'json: a child script with broken JSON': {
      code: 'json',
      paths: [],
      make: async () => summaryWith(jsonScript('{"schemaVersion": 1, "id": ')),
    },
    'json: src answering with an HTML page': {
      code: 'json',
      paths: [],
      mentions: 'returned a web page, not JSON',
      make: async () =>
        Object.assign(document.createElement('nw-summary'), {
          src: `/test-api/text?body=${encodeURIComponent('<!doctype html><title>Not found</title>')}`,
        }),
    },
    'schema: a required field missing': {
      code: 'schema',
      paths: ['question'],
      make: () => withDoc((doc) => delete (doc as Partial<Analysis>).question),
    },
    'reference: a [n] with no source': {
      code: 'reference',
      paths: ['summary'],
      mentions: '[99]',
      make: () => withDoc((doc) => void (doc.summary += ' [99]')),
    },
    'unsupported-version: schemaVersion 2': {
      code: 'unsupported-version',
      paths: ['schemaVersion'],
      make: () => withDoc((doc) => void ((doc as { schemaVersion: number }).schemaVersion = 2)),
    },
    'not-found: for="missing-id"': {
      code: 'not-found',
      paths: [],
      mentions: 'missing-id',
      make: async () => Object.assign(document.createElement('nw-summary'), { for: 'missing-id' }),
    },
    'not-found: a stance card for an actor the analysis does not have': {
      code: 'not-found',
      paths: [],
      mentions: 'nobody-at-all',
      make: async () => {
        const card = document.createElement('nw-stance-card');
        card.setAttribute('actor', 'nobody-at-all');
        card.append(jsonScript(await sample()));
        return card;
      },
    },
    'fetch: src answering 404': {
      code: 'fetch',
      paths: [],
      mentions: '404',
      make: async () => Object.assign(document.createElement('nw-summary'), { src: '/test-api/status/404' }),
    },
  };

  for (const [name, { code, paths, mentions, make }] of Object.entries(cases)) {
    it(name, async () => {
      const events = recordEvents();
      const el = await mount(await make());
      await untilState(el, 'error');
      events.stop();

      expect(events.events.map((event) => event.type)).to.deep.equal(['nw-error']);
      const { detail } = events.events[0]!;
      expect(detail.code).to.equal(code);
      expect((detail.issues ?? []).map((issue: { path: string }) => issue.path)).to.deep.equal(paths);

      // Readers see one plain sentence; editors find the message, the code and each path.
      expect(visibleText(el, '[part=error] > p')).to.equal(en.errorForReaders);
      const details = part(el, 'details[part=error-details]').textContent!;
      expect(details).to.include(detail.message).and.to.include(`[${code}]`);
      for (const path of paths) expect(details).to.include(path);
      if (mentions) expect(details).to.include(mentions);
    });
  }

  it('fetch: src="javascript:…" is refused without any request', async () => {
    const requested: string[] = [];
    const restore = replaceFetch((input, init) => (requested.push(String(input)), realFetch(input, init)));
    try {
      const events = recordEvents();
      const el = await fixture<NwSummary>(html`<nw-summary src="javascript:alert(1)"></nw-summary>`);
      await untilState(el, 'error');
      events.stop();
      expect(events.events[0]?.detail.code).to.equal('fetch');
      expect(part(el, 'details').textContent).to.include('javascript:alert(1)');
      expect(requested).to.deep.equal([]);
      // Retrying a refused address could never succeed: no "Try again" to click in vain.
      expect(el.shadowRoot!.querySelector('.error button'), 'no retry control').to.equal(null);
    } finally {
      restore();
    }
  });
});

describe('events', () => {
  it('nw-ready fires once, bubbles, is composed and carries the analysis', async () => {
    const doc = await sample();
    const events = recordEvents();
    // Inside another shadow root: only a composed event reaches the document.
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    const el = document.createElement('nw-summary');
    el.analysis = doc;
    host.attachShadow({ mode: 'open' }).append(el);
    await untilState(el, 'ready');
    // Re-renders that are not a new outcome must not announce again.
    el.setAttribute('theme', 'dark');
    el.lang = 'es';
    await aTimeout(150);
    events.stop();

    expect(events.events).to.have.length(1);
    const [event] = events.events;
    expect(event!.type).to.equal('nw-ready');
    expect(event!.bubbles).to.equal(true);
    expect(event!.composed).to.equal(true);
    expect(event!.detail.analysis).to.deep.equal(doc);
  });

  it('nw-error fires once, bubbles, is composed and carries { code, message, issues }', async () => {
    const events = recordEvents();
    const el = await mount(summaryWith(jsonScript(await variant((doc) => void (doc.summary += ' [99]')))));
    await untilState(el, 'error');
    await aTimeout(150);
    events.stop();

    expect(events.events).to.have.length(1);
    const [event] = events.events;
    expect(event!.type).to.equal('nw-error');
    expect(event!.bubbles).to.equal(true);
    expect(event!.composed).to.equal(true);
    expect(Object.keys(event!.detail).sort()).to.deep.equal(['code', 'issues', 'message']);
    expect(event!.detail.issues[0]).to.include({ path: 'summary' });
  });

  it('whenReady runs once per nw-ready, after the page has heard it', async () => {
    const order: string[] = [];
    class WatchingSummary extends NwSummary {
      protected override whenReady() {
        order.push('whenReady');
      }
    }
    customElements.define('nw-watching-summary', WatchingSummary);
    const listener = () => order.push('page');
    document.addEventListener('nw-ready', listener);
    try {
      const el = await fixture(html`<nw-watching-summary .analysis=${await sample()}></nw-watching-summary>`);
      await untilState(el, 'ready');
      el.setAttribute('theme', 'dark'); // a re-render, not a new outcome
      await aTimeout(50);
    } finally {
      document.removeEventListener('nw-ready', listener);
    }
    expect(order).to.deep.equal(['page', 'whenReady']);
  });

  it('a new outcome announces again: ready → error → ready', async () => {
    const doc = await sample();
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${doc}></nw-summary>`);
    await untilState(el, 'ready');
    const events = recordEvents(el);
    el.analysis = '{ not json';
    await untilState(el, 'error');
    el.analysis = doc;
    await untilState(el, 'ready');
    await aTimeout(50);
    events.stop();
    expect(events.events.map((event) => event.type)).to.deep.equal(['nw-error', 'nw-ready']);
  });

  it('back to loading and then the same analysis again announces nw-ready again', async () => {
    // A page hiding its spinner on nw-ready must hear about the second time too.
    const doc = await sample();
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${doc}></nw-summary>`);
    await untilState(el, 'ready');
    const events = recordEvents(el);
    el.analysis = null;
    await untilState(el, 'loading');
    el.analysis = doc;
    await untilState(el, 'ready');
    await aTimeout(50);
    events.stop();
    expect(events.events.map((event) => event.type)).to.deep.equal(['nw-ready']);
  });
});

describe('fetching', () => {
  it('"Try again" after a failed fetch really fetches again and renders', async () => {
    const url = `/test-api/analysis.json?id=${uid('retry')}`;
    let calls = 0;
    const restore = replaceFetch((input, init) => {
      if (String(input).includes(url) && ++calls === 1) return Promise.resolve(new Response('', { status: 500 }));
      return realFetch(input, init);
    });
    try {
      const el = await fixture<NwSummary>(html`<nw-summary src=${url}></nw-summary>`);
      await untilState(el, 'error');
      const button = part<HTMLButtonElement>(el, '[part=error] button');
      expect(button.textContent!.trim()).to.equal(en.retry);
      button.click();
      await untilState(el, 'ready');
      expect(calls).to.equal(2);
    } finally {
      restore();
    }
  });

  /** A fetch stand-in: the first request for `url` fails with 500, later ones wait for `release()`. */
  function failThenHold(url: string) {
    let calls = 0;
    let release: (ok: boolean) => void = () => {};
    const held = new Promise<boolean>((resolve) => (release = resolve));
    const restore = replaceFetch(async (input, init) => {
      if (!String(input).includes(url)) return realFetch(input, init);
      if (++calls === 1) return new Response('', { status: 500 });
      return (await held) ? realFetch(input, init) : new Response('', { status: 503 });
    });
    return { restore, release: (ok: boolean) => release(ok), calls: () => calls };
  }
  const deepActive = () => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };

  for (const outcome of ['loads', 'fails again'] as const) {
    it(`"Try again" keeps focus in the element and says how it went: ${outcome}`, async () => {
      const url = `/test-api/analysis.json?id=${uid('retry-focus')}`;
      const fetches = failThenHold(url);
      try {
        const el = await fixture<NwSummary>(html`<nw-summary src=${url}></nw-summary>`);
        await untilState(el, 'error');
        const status = part(el, '[part=retry-status]');
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.textContent).to.equal('');
        const button = part<HTMLButtonElement>(el, '[part=retry]');
        button.focus();
        await sendKeys({ press: 'Enter' });
        // Busy: the same button, still focused, says so; the status says it politely.
        await waitUntil(() => button.textContent!.trim() === en.retrying, 'the button never said it was trying');
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(deepActive()).to.equal(button);
        expect(status.textContent).to.equal(en.retrying);
        // A second press while busy starts nothing more.
        await sendKeys({ press: 'Enter' });
        fetches.release(outcome === 'loads');
        if (outcome === 'loads') {
          await untilState(el, 'ready');
          await waitUntil(() => status.textContent === en.retryDone, 'success was not said');
          const active = deepActive();
          expect(active && el.shadowRoot!.contains(active), 'focus stayed in the element').to.equal(true);
        } else {
          await waitUntil(() => status.textContent === en.retryFailed, 'the failure was not said');
          expect(el.getAttribute('state')).to.equal('error');
          const again = part<HTMLButtonElement>(el, '[part=retry]');
          expect(again).to.equal(button);
          expect(deepActive()).to.equal(button);
          expect(button.getAttribute('aria-disabled')).to.equal('false');
          expect(button.textContent!.trim()).to.equal(en.retry);
        }
        expect(fetches.calls()).to.equal(2);
      } finally {
        fetches.restore();
      }
    });
  }

  it('"Try again" on one element retries every element that failed at that address, with one request', async () => {
    const url = `/test-api/analysis.json?id=${uid('retry-all')}`;
    const fetches = failThenHold(url);
    try {
      const wrapper = fixtureSync(html`<div>
        ${[1, 2, 3, 4, 5].map(() => html`<nw-summary src=${url}></nw-summary>`)}
        <nw-summary src=${`/test-api/status/500?id=${uid('other')}`}></nw-summary>
      </div>`);
      const all = [...wrapper.querySelectorAll('nw-summary')];
      const [first, ...rest] = all.slice(0, 5);
      await Promise.all(all.slice(0, 5).map((el) => untilState(el, 'error')));
      part<HTMLButtonElement>(first!, '[part=retry]').click();
      fetches.release(true);
      await Promise.all(all.slice(0, 5).map((el) => untilState(el, 'ready')));
      expect(fetches.calls()).to.equal(2);
      // Only the element whose button was pressed speaks.
      expect(part(first!, '[part=retry-status]').textContent).to.equal(en.retryDone);
      for (const el of rest) expect(part(el, '[part=retry-status]').textContent).to.equal('');
    } finally {
      fetches.restore();
    }
  });

  it('a request slower than the fetch timeout is a fetch error', async () => {
    setFetchTimeout(100);
    try {
      const el = await fixture<NwSummary>(
        html`<nw-summary src=${`/test-api/slow?ms=1000&id=${uid('timeout')}`}></nw-summary>`,
      );
      const error = await oneEvent(el, 'nw-error');
      expect(error.detail.code).to.equal('fetch');
      expect(el.getAttribute('state')).to.equal('error');
    } finally {
      setFetchTimeout(15_000);
    }
  });

  it('three elements with one src make one request; re-adding one makes none', async () => {
    const id = uid('shared');
    const url = `/test-api/analysis.json?id=${id}`;
    const wrapper = fixtureSync(html`<div>
      <nw-summary src=${url}></nw-summary>
      <nw-stance-card actor="claudia-sheinbaum" src=${url}></nw-stance-card>
      <nw-stances src=${url}></nw-stances>
    </div>`);
    const elements = [...wrapper.children];
    await Promise.all(elements.map((el) => untilState(el, 'ready')));
    expect(await requestCount(id)).to.equal(1);

    const card = elements[1]!;
    card.remove();
    await aTimeout(20); // a later task: really gone, not moved
    wrapper.append(card);
    await untilState(card, 'ready');
    expect(await requestCount(id)).to.equal(1);
  });

  it('aborts the request when the only element using it leaves the page', async () => {
    const url = `/test-api/slow?ms=3000&id=${uid('abort')}`;
    let signal: AbortSignal | undefined;
    const restore = replaceFetch((input, init) => {
      if (String(input).includes(url)) signal = init?.signal ?? undefined;
      return realFetch(input, init);
    });
    try {
      const el = await fixture<NwSummary>(html`<nw-summary src=${url}></nw-summary>`);
      await waitUntil(() => signal, 'the element never fetched');
      expect(signal!.aborted).to.equal(false);
      el.remove();
      await aTimeout(50);
      expect(signal!.aborted).to.equal(true);
    } finally {
      restore();
    }
  });

  it('an element removed mid-fetch announces nothing, and loads again when it comes back', async () => {
    const url = `/test-api/slow?ms=300&id=${uid('return')}`;
    const signals: AbortSignal[] = [];
    const restore = replaceFetch((input, init) => {
      if (String(input).includes(url)) signals.push(init!.signal!);
      return realFetch(input, init);
    });
    try {
      const el = await fixture<NwSummary>(html`<nw-summary src=${url}></nw-summary>`);
      const parent = el.parentElement!;
      const events = recordEvents(el);
      el.remove();
      await aTimeout(50); // the request is aborted by now (previous test)
      parent.append(el);
      await untilState(el, 'ready');
      events.stop();
      expect(events.events.map((event) => event.type)).to.deep.equal(['nw-ready']);
      // The aborted request, then a new one. (Counted here, not on the server: an aborted
      // request may never reach it.)
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true, false]);
    } finally {
      restore();
    }
  });

  it('moving an element (remove + append in one task) keeps its request', async () => {
    const id = uid('move');
    const url = `/test-api/slow?ms=300&id=${id}`;
    let signal: AbortSignal | undefined;
    const restore = replaceFetch((input, init) => {
      if (String(input).includes(url)) signal = init?.signal ?? undefined;
      return realFetch(input, init);
    });
    try {
      const wrapper = fixtureSync(html`<div><p>Before</p><nw-summary src=${url}></nw-summary></div>`);
      const el = wrapper.querySelector('nw-summary')!;
      await waitUntil(() => signal, 'the element never fetched');
      el.remove();
      wrapper.prepend(el);
      await aTimeout(50);
      expect(signal!.aborted).to.equal(false);
      await untilState(el, 'ready');
      expect(await requestCount(id)).to.equal(1);
    } finally {
      restore();
    }
  });
});

describe('never throws out of its lifecycle', () => {
  const nested = (depth: number) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };
  const cyclic: Record<string, unknown> = { schemaVersion: 1 };
  cyclic.self = cyclic;
  cyclic.sections = [cyclic];
  const values: Record<string, () => Promise<unknown>> = {
    null: async () => null,
    '42': async () => 42,
    'a function': async () => () => 1,
    'a deeply nested object': async () => nested(100_000),
    'the sample with a deeply nested question': async () => ({ ...(await sample()), question: nested(100_000) }),
    'deeply nested JSON text': async () => '['.repeat(100_000) + ']'.repeat(100_000),
    'a cyclic object': async () => cyclic,
    'text that is not JSON': async () => 'Mexico and the US <b>',
  };

  for (const [name, make] of Object.entries(values)) {
    it(`analysis = ${name}`, async () => {
      const problems: unknown[] = [];
      const record = (event: ErrorEvent | PromiseRejectionEvent) =>
        problems.push('error' in event ? event.error : event.reason);
      window.addEventListener('error', record);
      window.addEventListener('unhandledrejection', record);
      try {
        const el = await fixture<NwSummary>(html`<nw-summary></nw-summary>`);
        el.analysis = await make();
        await el.updateComplete;
        await aTimeout(20);
        expect(['loading', 'error']).to.include(el.getAttribute('state'));
      } finally {
        window.removeEventListener('error', record);
        window.removeEventListener('unhandledrejection', record);
      }
      expect(problems).to.deep.equal([]);
    });
  }
});

describe('a bug while rendering', () => {
  /** A summary whose rendering throws for one question (as a bug of ours would). */
  class FragileSummary extends NwSummary {
    protected override renderAnalysis(analysis: Analysis) {
      if (analysis.question === 'crash') throw new Error('boom');
      return super.renderAnalysis(analysis);
    }
  }
  customElements.define('nw-fragile-summary', FragileSummary);

  /** A summary whose rendering throws in Spanish only. */
  class LanguageFragileSummary extends NwSummary {
    protected override renderAnalysis(analysis: Analysis) {
      if (this.messages.sources === es.sources) throw new Error('no Spanish');
      return super.renderAnalysis(analysis);
    }
  }
  customElements.define('nw-language-fragile-summary', LanguageFragileSummary);

  it('shows the error box, says error in `state` and in nw-error, and recovers with the next analysis', async () => {
    const events = recordEvents();
    const el = await fixture<FragileSummary>(html`<nw-fragile-summary></nw-fragile-summary>`);
    el.analysis = await withQuestion('crash');
    await untilState(el, 'error');
    expect(part(el, 'details[part=error-details]').textContent).to.include('boom').and.to.include('[render]');
    expect(el.currentAnalysis).to.equal(undefined);

    el.analysis = await withQuestion('fine');
    await untilState(el, 'ready');
    events.stop();
    expect(heading(el)).to.equal('fine');
    // `render`, not `schema`: the document is valid, so the validator has nothing to tell the editor.
    expect(events.events.map((event) => `${event.type} ${event.detail.code ?? ''}`.trim())).to.deep.equal([
      'nw-error render',
      'nw-ready',
    ]);
  });

  it('tells readers the widget failed, not the analysis', async () => {
    const el = await fixture<FragileSummary>(html`<nw-fragile-summary></nw-fragile-summary>`);
    el.analysis = await withQuestion('crash');
    await untilState(el, 'error');
    expect(visibleText(el, '[part=error] > p')).to.equal(en.widgetError);
    el.setAttribute('lang', 'es');
    await waitUntil(() => visibleText(el, '[part=error] > p') === es.widgetError, 'no Spanish sentence');
  });

  it('renders again after a crash: what threw in one language may not in another', async () => {
    const el = await fixture<LanguageFragileSummary>(
      html`<nw-language-fragile-summary lang="es" .analysis=${await sample()}></nw-language-fragile-summary>`,
    );
    await untilState(el, 'error');
    const events = recordEvents(el);
    el.setAttribute('lang', 'en');
    await untilState(el, 'ready');
    await aTimeout(50);
    events.stop();
    expect(events.events.map((event) => event.type)).to.deep.equal(['nw-ready']);
  });
});

describe('registration', () => {
  /** console.warn calls during `run`. */
  async function warningsDuring(run: () => Promise<void>): Promise<unknown[][]> {
    const calls: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void calls.push(args);
    try {
      await run();
    } finally {
      console.warn = original;
    }
    return calls;
  }

  it('a second copy of the library (separate module instances) does not throw, says so once, and the first wins', async () => {
    // Importing summary.js?copy=2 alone re-runs the registration module but its relative
    // imports are the same modules, so its class is ours. A real second bundle has its own
    // class and its own define module: load both as new instances and register as it would.
    // (Literal specifiers, so the dev server maps them to the .ts sources.)
    const warnings = await warningsDuring(async () => {
      const { NwSummary: Copy } = (await import(
        '../components/summary/summary.component.js?copy=2' as string
      )) as typeof import('../components/summary/summary.component.js');
      const copy = (await import('./define.js?copy=2' as string)) as typeof import('./define.js');
      expect(Copy).not.to.equal(NwSummary);
      expect(copy.defineElement).not.to.equal(defineElement);
      copy.defineElement('nw-summary', Copy);
      copy.defineElement('nw-summary', Copy); // a second element of the same copy: still one line
    });
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.include('<nw-summary>').and.to.include('loaded twice');
    expect(customElements.get('nw-summary')).to.equal(NwSummary);
  });

  it('evaluating the registration module again neither throws nor warns', async () => {
    const warnings = await warningsDuring(
      async () => void (await import('../components/summary/summary.js?copy=3' as string)),
    );
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('nw-summary')).to.equal(NwSummary);
  });
});

describe('language', () => {
  const spanish = ['Puntos clave', 'Lo que aún se desconoce'];
  const english = [en.keyPoints, en.unknowns];

  it('English by default', async () => {
    const el = await fixture<NwSummary>(html`<nw-summary .analysis=${await sample()}></nw-summary>`);
    await untilState(el, 'ready');
    for (const label of english) expect(shadowText(el)).to.include(label);
  });

  it('lang="es" on the element', async () => {
    const el = await fixture<NwSummary>(html`<nw-summary lang="es" .analysis=${await sample()}></nw-summary>`);
    await untilState(el, 'ready');
    for (const label of spanish) expect(shadowText(el)).to.include(label);
    for (const label of english) expect(shadowText(el)).not.to.include(label);
  });

  it('lang="es" on an ancestor', async () => {
    const wrapper = fixtureSync(
      html`<section lang="es"><div><nw-summary .analysis=${await sample()}></nw-summary></div></section>`,
    );
    const el = wrapper.querySelector('nw-summary')!;
    await untilState(el, 'ready');
    for (const label of spanish) expect(shadowText(el)).to.include(label);
  });

  it("the analysis's language when no lang is set anywhere", async () => {
    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.removeAttribute('lang');
    try {
      const doc = await variant((d) => void (d.language = 'es'));
      const el = await fixture<NwSummary>(html`<nw-summary .analysis=${doc}></nw-summary>`);
      await untilState(el, 'ready');
      for (const label of spanish) expect(shadowText(el)).to.include(label);
    } finally {
      if (pageLang !== null) root.setAttribute('lang', pageLang);
    }
  });

  it('a CMS-style lang="es_MX" still means Spanish, and dates still format', async () => {
    const doc = await sample();
    const wrapper = fixtureSync(html`<div lang="es_MX">
      <nw-summary .analysis=${doc}></nw-summary>
      <nw-stance-card actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
    </div>`);
    const [summary, card] = [...wrapper.children];
    await untilState(summary!, 'ready');
    await untilState(card!, 'ready');
    for (const label of spanish) expect(shadowText(summary!)).to.include(label);
    expect(part(card!, 'time').textContent).to.equal('8 de agosto de 2025');
  });

  it('a malformed lang that Intl rejects does not break date formatting', async () => {
    // Intl.DateTimeFormat('es-') throws a RangeError; the card must still render.
    const card = await fixture(
      html`<nw-stance-card lang="es-" actor="claudia-sheinbaum" .analysis=${await sample()}></nw-stance-card>`,
    );
    await untilState(card, 'ready');
    expect(part(card, 'time').textContent).to.equal('8 de agosto de 2025');
  });

  describe('dates', () => {
    /** The text of the quote's date in a stance card for `actor`, in `lang`. */
    async function quoteDate(doc: Analysis, actor: string, lang: string): Promise<{ text: string; datetime: string }> {
      const card = await fixture(html`<nw-stance-card lang=${lang} actor=${actor} .analysis=${doc}></nw-stance-card>`);
      await untilState(card, 'ready');
      const time = part(card, '[part=quote] time');
      return { text: time.textContent!, datetime: time.getAttribute('datetime')! };
    }

    it('a full date, in English and Spanish', async () => {
      const doc = await sample();
      const stance = doc.stances.find((s) => s.actor === 'claudia-sheinbaum')!;
      expect(stance.quote?.date).to.equal('2025-08-08'); // the input the expectations below describe
      expect(await quoteDate(doc, 'claudia-sheinbaum', 'en')).to.deep.equal({
        text: 'August 8, 2025',
        datetime: '2025-08-08',
      });
      expect((await quoteDate(doc, 'claudia-sheinbaum', 'es')).text).to.equal('8 de agosto de 2025');
    });

    it('a partial date says only the month', async () => {
      const doc = await variant(
        (d) => void (d.stances.find((s) => s.actor === 'claudia-sheinbaum')!.quote!.date = '2025-04'),
      );
      expect(await quoteDate(doc, 'claudia-sheinbaum', 'en')).to.deep.equal({
        text: 'April 2025',
        datetime: '2025-04',
      });
      expect((await quoteDate(doc, 'claudia-sheinbaum', 'es')).text).to.equal('abril de 2025');
    });
  });
});
