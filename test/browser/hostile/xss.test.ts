/**
 * Issue 8, point 2, in the live elements: no markup injection, from any field of the document
 * or any attribute of any element. Every payload of test/hostile/xss-payloads.ts goes
 *
 * 1. into every text field and every URL field of one document (URL fields once as http
 *    addresses carrying the payload, so the links are really rendered, once as the whole
 *    value, which the validator must refuse or accept exactly as the element does), shown by
 *    every element; citation popovers are opened and timeline filters toggled on the way;
 * 2. into every attribute of every element, as custom-elements.json lists them (and
 *    `data-nw-for` / `data-nw-src` on a wrapper, where <nw-cite> looks for data);
 * 3. (the CSS ones) into every `--nw-*` token set on the element.
 *
 * Then: the page-level canary never ran and nothing requested a canary address, and no
 * shadow root or light DOM holds an injected element, an on* or style attribute, or a link
 * that is not http(s) or a #fragment (see `dangerousMarkup`); every fetch was http(s).
 * Each part prints how many (payload × field/attribute × element) combinations it tried.
 *
 * Thousands of elements render here, so: one payload's elements on the page at a time
 * (elements on a page talk to each other, and a crowded page spends its time on that), each
 * document shown once by every element class (nw-analysis composes four of them), and
 * waiting task by task rather than on 50 ms polls.
 */
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { validateAnalysis } from '../../../src/schema/validate.js';
import type { NwElement } from '../../../src/internal/nw-element.js';
import {
  CLEAN_DOCUMENT,
  CSS_PAYLOADS,
  TEXT_FIELDS,
  URL_FIELDS,
  XSS_PAYLOADS,
  dangerousMarkup,
  installCanary,
  payloadDocument,
  payloadNamed,
  readCanary,
  type UrlForm,
  type XssPayload,
} from '../../hostile/xss-payloads.js';
import { realFetch, replaceFetch } from '../helpers.js';

installCanary();

/** Payloads per test: small enough that one test stays well inside the runner's timeout. */
const CHUNK = 14;
const chunks: XssPayload[][] = [];
for (let i = 0; i < XSS_PAYLOADS.length; i += CHUNK) chunks.push(XSS_PAYLOADS.slice(i, i + CHUNK));
const range = (chunk: XssPayload[]) => `payloads ${chunk[0]!.n}–${chunk.at(-1)!.n}`;

interface ManifestElement {
  tagName?: string;
  attributes?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** Each element's attributes and tokens, as custom-elements.json documents them. */
async function manifest(): Promise<ManifestElement[]> {
  const json = (await (await realFetch('/custom-elements.json')).json()) as {
    modules: { declarations?: ManifestElement[] }[];
  };
  return json.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName?.startsWith('nw-'));
}

/** Every nw-* element under `root`, in light DOM and (nested) shadow roots. */
function widgetsDeep(root: Element | ShadowRoot): NwElement[] {
  const found: NwElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.localName.startsWith('nw-')) found.push(element as NwElement);
    if (element.shadowRoot) found.push(...widgetsDeep(element.shadowRoot));
  }
  return found;
}

/** Yields to the event loop once, without the 4 ms that nested `setTimeout`s are clamped to. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Waits until the element has left loading and finished updating. Checks after each task
 * rather than every 50 ms (`waitUntil`): thousands of elements settle here.
 */
async function settled(widget: NwElement): Promise<void> {
  for (let tasks = 0; !/^(ready|error)$/.test(widget.getAttribute('state') ?? ''); tasks++) {
    if (tasks > 5000) throw new Error(`<${widget.localName}> never settled`);
    await widget.updateComplete;
    await nextTask();
  }
  await widget.updateComplete;
}

/** Waits until every element, nested ones included, has settled and finished updating. */
async function allSettled(root: Element): Promise<void> {
  let seen = 0;
  // Nested elements appear when their parent renders: repeat until no new ones turn up.
  for (;;) {
    const widgets = widgetsDeep(root);
    await Promise.all(widgets.map(settled));
    if (widgets.length === seen) return;
    seen = widgets.length;
  }
}

/** A container per payload, in the page together; `done()` removes them. */
function stage(payloads: readonly XssPayload[]): { boxes: Map<XssPayload, HTMLElement>; done(): void } {
  const root = document.createElement('div');
  const boxes = new Map(
    payloads.map((payload) => {
      const box = document.createElement('div');
      box.dataset.payload = payload.name;
      return [payload, box] as const;
    }),
  );
  root.append(...boxes.values());
  document.body.append(root);
  return { boxes, done: () => root.remove() };
}

/** What the page-level canary saw, each canary number named. */
function canaryFindings(): string[] {
  const { calls, loads } = readCanary();
  const name = (entry: string) => `${entry} (${payloadNamed(Number(/\d+/.exec(entry)?.[0]))})`;
  return [
    ...calls.map((call) => `the canary ran: ${name(call)}`),
    ...loads.map((load) => `a canary address was requested: ${name(load)}`),
  ];
}

/** Everything found in each payload's container, prefixed with the payload's name, and the canary's findings. */
function findings(boxes: Map<XssPayload, HTMLElement>): string[] {
  return [
    ...canaryFindings(),
    ...[...boxes].flatMap(([payload, box]) => dangerousMarkup(box).map((problem) => `${payload.name}: ${problem}`)),
  ];
}

/**
 * Activates the first citation marker of every element in `box`, nested ones too. Each
 * opens its element's popover, which closes the one before (popover="auto"); each popover
 * keeps the source it last showed, so all of them are checked at the end. Returns how many.
 */
async function openEveryPopover(box: Element): Promise<number> {
  const widgets = widgetsDeep(box).filter((widget) => widget.shadowRoot?.querySelector('button.cite[data-cite]'));
  for (const widget of widgets) widget.shadowRoot!.querySelector<HTMLElement>('button.cite[data-cite]')!.click();
  await Promise.all(widgets.map((widget) => widget.updateComplete));
  for (const widget of widgets) {
    expect(
      widget.shadowRoot!.querySelector('.popover .popover-title'),
      `<${widget.localName}>'s popover shows its source`,
    ).to.exist;
  }
  return widgets.length;
}

/** Unchecks and re-checks the first actor of every timeline filter in `box`, nested ones too. */
async function toggleEveryFilter(box: Element): Promise<number> {
  const filters = widgetsDeep(box)
    .filter((widget) => widget.localName === 'nw-timeline')
    .map(
      (timeline) =>
        [timeline, timeline.shadowRoot?.querySelector<HTMLInputElement>('[part=filter] input[type=checkbox]')] as const,
    )
    .filter(([, checkbox]) => checkbox);
  for (let i = 0; i < 2; i++) {
    for (const [, checkbox] of filters) checkbox!.click();
    await Promise.all(filters.map(([timeline]) => timeline.updateComplete));
  }
  return filters.length;
}

/** An element showing `doc`, with `attributes` set. */
function withDocument(tag: string, doc: unknown, attributes: Record<string, string> = {}): NwElement {
  const element = document.createElement(tag) as NwElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.analysis = doc;
  return element;
}

/**
 * Every element showing one document: <nw-analysis> composes <nw-summary>, <nw-stances>,
 * <nw-timeline> and <nw-source-list> (the same classes a page places alone, given the
 * same document), and the two it does not compose are placed beside it.
 */
const everyElement = (doc: unknown): NwElement[] => [
  withDocument('nw-analysis', doc),
  withDocument('nw-stance-card', doc, { actor: 'gov' }),
  withDocument('nw-cite', doc, { source: '1' }),
];

/** For a document the validator refuses, every element shows the same error: the ones that render URLs are enough. */
const errorElements = (doc: unknown): NwElement[] => [
  withDocument('nw-analysis', doc),
  withDocument('nw-source-list', doc),
  withDocument('nw-cite', doc, { source: '1' }),
];

const ELEMENTS_PER_DOCUMENT = 7;
const URL_FORMS: UrlForm[] = ['carried', 'whole'];

describe('XSS: payloads in every text and URL field of the document', function () {
  this.timeout(60_000);
  let combinations = 0;
  let documents = 0;
  let popovers = 0;
  let filters = 0;
  let elapsed = 0;

  for (const chunk of chunks) {
    it(`${range(chunk)}: no script runs, nothing is injected, every link is http(s)`, async () => {
      const started = performance.now();
      // One payload at a time: elements on one page talk to each other (a source list
      // re-renders whenever any element is ready or a filter changes).
      for (const payload of chunk) {
        const { boxes, done } = stage([payload]);
        const box = boxes.get(payload)!;
        try {
          const shown: [UrlForm, boolean, NwElement[]][] = [];
          for (const form of URL_FORMS) {
            const doc = payloadDocument(payload, form);
            const valid = validateAnalysis(doc).ok;
            // The carried form is a valid document: the links are really rendered.
            if (form === 'carried') expect(valid, `${payload.name}: the carried document is valid`).to.equal(true);
            const elements = valid ? everyElement(doc) : errorElements(doc);
            box.append(...elements);
            shown.push([form, valid, elements]);
            documents++;
            combinations +=
              (TEXT_FIELDS.length + URL_FIELDS.length) * (valid ? ELEMENTS_PER_DOCUMENT : elements.length);
          }
          await allSettled(box);
          for (const [form, valid, elements] of shown) {
            // Each element (composed ones too) and the validator agree on the document.
            const widgets = elements.flatMap((element) => [element, ...widgetsDeep(element.shadowRoot!)]);
            const states = widgets.map((widget) => `${widget.localName}: ${widget.getAttribute('state')}`);
            expect(states, `${payload.name} (${form})`).to.deep.equal(
              widgets.map((widget) => `${widget.localName}: ${valid ? 'ready' : 'error'}`),
            );
            if (valid) expect(widgets.length, 'every element class shown').to.equal(ELEMENTS_PER_DOCUMENT);
          }
          popovers += await openEveryPopover(box);
          filters += await toggleEveryFilter(box);
          expect(findings(boxes)).to.deep.equal([]);
        } finally {
          done();
        }
      }
      elapsed += performance.now() - started;
    });
  }

  after(() =>
    console.log(
      `xss (document fields): ${XSS_PAYLOADS.length} payloads × (${TEXT_FIELDS.length} text + ${URL_FIELDS.length} URL fields) × ${URL_FORMS.length} URL forms × ${ELEMENTS_PER_DOCUMENT} elements (3 for documents the validator refuses) = ${combinations} combinations in ${documents} documents; ${popovers} popovers filled, ${filters} timeline filters toggled; ${Math.round(elapsed)} ms`,
    ),
  );
});

/** Attributes that choose the data or what is shown: each gets an element of its own, since it decides the outcome. */
const SELECTING = new Set(['src', 'for', 'actor', 'stance', 'source', 'data-nw-for', 'data-nw-src']);

/**
 * The elements that carry `payload` in every attribute of `tag`: one with all the attributes
 * that only change how it looks or what it filters (`theme`, `lang`, `heading-level`,
 * `types`, `actors`, `order`, `state`) at once, showing a clean document, and one per
 * selecting attribute, alone (`src`, `for`, `data-nw-*` bring their own data, or fail to).
 */
function attributeElements(tag: string, attributes: readonly string[], payload: string): HTMLElement[] {
  const fixed: Record<string, string> =
    tag === 'nw-stance-card' ? { actor: 'gov' } : tag === 'nw-cite' ? { source: '1' } : {};
  const styling = Object.fromEntries(attributes.filter((name) => !SELECTING.has(name)).map((name) => [name, payload]));
  const nodes: HTMLElement[] = [withDocument(tag, CLEAN_DOCUMENT, { ...fixed, ...styling })];
  for (const name of attributes.filter((attribute) => SELECTING.has(attribute))) {
    const bringsData = name === 'src' || name === 'for' || name.startsWith('data-nw-');
    const element = document.createElement(tag) as NwElement;
    if (!bringsData) element.analysis = CLEAN_DOCUMENT;
    for (const [fixedName, value] of Object.entries(fixed))
      if (fixedName !== name) element.setAttribute(fixedName, value);
    if (name.startsWith('data-nw-')) {
      const wrapper = document.createElement('p');
      wrapper.setAttribute(name, payload);
      wrapper.append(element);
      nodes.push(wrapper);
    } else {
      element.setAttribute(name, payload);
      nodes.push(element);
    }
  }
  return nodes;
}

describe('XSS: payloads in every attribute of every element', function () {
  this.timeout(60_000);
  const attributes = new Map<string, string[]>();
  let pairs = 0;
  let combinations = 0;
  let elapsed = 0;
  const fetched: string[] = [];
  let restoreFetch: () => void = () => {};

  before(async () => {
    for (const element of await manifest())
      attributes.set(
        element.tagName!,
        (element.attributes ?? []).map((attribute) => attribute.name),
      );
    // Where <nw-cite> finds an article's data (README, Citations).
    attributes.get('nw-cite')!.push('data-nw-for', 'data-nw-src');
    pairs = [...attributes.values()].reduce((sum, names) => sum + names.length, 0);
    expect(pairs, '(element, attribute) pairs read from custom-elements.json').to.be.greaterThan(30);
    // Every request the elements make is recorded and answered 404 at once: payload
    // addresses must not reach the network, and a relative one resolves to this server.
    restoreFetch = replaceFetch(async (input) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return new Response('', { status: 404 });
    });
  });

  after(() => {
    restoreFetch();
    console.log(
      `xss (attributes): ${XSS_PAYLOADS.length} payloads × ${pairs} (element, attribute) pairs = ${combinations} combinations; ${fetched.length} requests (for src= and data-nw-src=); ${Math.round(elapsed)} ms`,
    );
  });

  for (const chunk of chunks) {
    it(`${range(chunk)}: no script runs, nothing is injected, only http(s) is fetched`, async () => {
      const started = performance.now();
      // One payload at a time, as for documents: a crowded page spends its time on cross-talk.
      for (const payload of chunk) {
        const { boxes, done } = stage([payload]);
        const box = boxes.get(payload)!;
        try {
          for (const [tag, names] of attributes) box.append(...attributeElements(tag, names, payload.text));
          combinations += pairs;
          await allSettled(box);
          const unsettled = widgetsDeep(box).filter(
            (element) => !/^(ready|error)$/.test(element.getAttribute('state') ?? ''),
          );
          expect(
            unsettled.map((element) => element.localName),
            payload.name,
          ).to.deep.equal([]);
          expect(findings(boxes)).to.deep.equal([]);
        } finally {
          done();
        }
      }
      const notHttp = fetched.filter((url) => !/^https?:$/.test(new URL(url).protocol));
      expect(notHttp, 'requests that are not http(s)').to.deep.equal([]);
      elapsed += performance.now() - started;
    });
  }
});

describe('XSS: CSS payloads in every --nw-* token', () => {
  it('no token value escapes its declaration: no canary request, no style attribute inside, every element ready', async () => {
    const tokens = [
      ...new Set((await manifest()).flatMap((element) => (element.cssProperties ?? []).map((token) => token.name))),
    ];
    expect(tokens.length, 'tokens read from custom-elements.json').to.be.greaterThan(10);
    const { boxes, done } = stage(CSS_PAYLOADS);
    try {
      const elements: NwElement[] = [];
      for (const [payload, box] of boxes) {
        for (const element of everyElement(CLEAN_DOCUMENT)) {
          // Set as a framework sets a token from data (`style={{ '--nw-…': value }}`): the
          // host's own style attribute is the page's, not the element's (data-xss-harness).
          element.setAttribute('data-xss-harness', '');
          for (const token of tokens) element.style.setProperty(token, payload.text);
          box.append(element);
          elements.push(element);
        }
      }
      await Promise.all([...boxes.values()].map(allSettled));
      expect(
        elements.filter((element) => element.getAttribute('state') !== 'ready').map((element) => element.localName),
      ).to.deep.equal([]);
      expect(findings(boxes)).to.deep.equal([]);
      console.log(
        `xss (tokens): ${CSS_PAYLOADS.length} CSS payloads × ${tokens.length} tokens × ${ELEMENTS_PER_DOCUMENT} elements = ${CSS_PAYLOADS.length * tokens.length * ELEMENTS_PER_DOCUMENT} combinations`,
      );
    } finally {
      done();
    }
  });
});
