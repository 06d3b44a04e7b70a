/**
 * Hostile host pages (issue 8, point 5), in real Chromium:
 *
 * - Page CSS written without us in mind (`*` rules with `!important` colours, `font-size: 0`,
 *   `line-height: 5`, `all: unset`, hidden buttons, junk `--nw-*` tokens): every element stays
 *   legible (text at least 12 px, 10 px for superscript `[n]` markers; line height sane;
 *   contrast at least 4.5:1, 3:1 for large text, against the background it is drawn on;
 *   nothing zero-sized) and its controls can still be hit and clicked.
 * - `Object.prototype` polluted before the library loads (every optional field name of the
 *   schema, the attribute names, `href`/`src`/`url` set to `javascript:` URLs), and documents
 *   with `__proto__` keys: the elements render exactly what a clean page renders, no
 *   `javascript:` link appears, and the library adds nothing to `Object.prototype`.
 * - Another library that defined some `nw-` tags first: its elements keep working, ours say
 *   so once in the console, and the rest of ours work.
 *
 * The CSS cases run on this page; the pollution and foreign-element cases each get a fresh
 * page (a same-origin iframe loading the library from src/), since neither a polluted
 * prototype nor a custom element definition can be undone.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../../src/define.js';
import type { Analysis } from '../../../src/schema/analysis.js';
import { contrastRatio, parseColour, over, type Rgba } from '../contrast.js';
import { jsonScript, page, requestCount, sample, textCentre, uid, untilOpen, untilState } from '../helpers.js';

// ---------------------------------------------------------------------------------------
// Reading what a reader sees, through shadow roots
// ---------------------------------------------------------------------------------------

/** The parent in the flattened tree: a slotted node's slot, a shadow root's host. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** Every node under `root`, entering shadow roots (ours compose one another). */
function* deepNodes(root: Node): Generator<Node> {
  for (const child of root.childNodes) {
    yield child;
    yield* deepNodes(child);
  }
  if (root instanceof Element && root.shadowRoot) yield* deepNodes(root.shadowRoot);
}

/** The element's ancestor at the top of its shadow root (where each element's own styles start). */
function topLevel(element: Element): Element {
  let node = element;
  while (node.parentElement) node = node.parentElement;
  return node;
}

/** Rendered for sighted readers: not display:none, hidden, transparent or visually hidden. */
function seen(element: Element): boolean {
  if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  for (let node: Element | null = element; node; node = flatParent(node))
    if (node.matches('.visually-hidden')) return false;
  return true;
}

/** The non-blank text nodes a sighted reader sees in `element`'s shadow root (and those it composes). */
function visibleTexts(element: Element): Text[] {
  return [...deepNodes(element.shadowRoot!)].filter(
    (node): node is Text =>
      node.nodeType === Node.TEXT_NODE &&
      (node as Text).data.trim() !== '' &&
      node.parentElement !== null &&
      seen(node.parentElement),
  );
}

/**
 * The controls a reader can operate in `element`'s shadow root (and those it composes): the
 * first of each kind (tag and class) in each shadow root, since each hit test scrolls the page.
 */
function controls(element: Element): HTMLElement[] {
  const kinds = new Map<string, HTMLElement>();
  for (const node of deepNodes(element.shadowRoot!)) {
    if (!(node instanceof HTMLElement) || !node.matches('button, a[href], input, summary') || !seen(node)) continue;
    const root = node.getRootNode() as ShadowRoot;
    const kind = `${root.host.localName} ${node.localName}.${node.className}`;
    if (!kinds.has(kind)) kinds.set(kind, node);
  }
  return [...kinds.values()];
}

/**
 * The opaque colour behind `element`: every background up the flat tree (ours inside our
 * shadow trees, the page's outside them) over white. Where we paint nothing (an `<nw-cite>`
 * marker in the article's paragraph) that is the page's own background, as a reader sees it:
 * the marker follows it (dark on a dark article) unless a theme was chosen.
 */
function effectiveBackground(element: Element, known = new Map<Element, Rgba>()): Rgba {
  let background = known.get(element); // thousands of texts share a few dozen ancestors
  if (!background) {
    const parent = flatParent(element);
    const below = parent ? effectiveBackground(parent, known) : ([255, 255, 255, 1] as Rgba);
    background = over(parseColour(getComputedStyle(element).backgroundColor), below);
    known.set(element, background);
  }
  return background;
}

// ---------------------------------------------------------------------------------------
// Hostile CSS
// ---------------------------------------------------------------------------------------

const HOSTILE_CSS: Record<string, string> = {
  'forced red on black, font-size 0 and line-height 5 on every element (!important)': `
    * { color: red !important; background: black !important; font-size: 0 !important; line-height: 5 !important; }`,
  'body { font-size: 0 } (an inline-block grid trick)': `
    body { font-size: 0; } p { font-size: 16px; }`,
  'all: unset on every element (!important)': `
    * { all: unset !important; }`,
  'inherited text styles on <body>': `
    body { color: #fff; background: #111; font: italic 900 9px/5 serif; letter-spacing: 0.5em;
      text-transform: uppercase; -webkit-text-fill-color: yellow; text-shadow: 0 0 6px red; white-space: pre; }`,
  'inherited text styles forced on every element (!important)': `
    * { color: #fff !important; background: #111 !important; font: italic 900 9px/5 serif !important;
      -webkit-text-fill-color: yellow !important; letter-spacing: -1em !important;
      text-transform: uppercase !important; white-space: pre !important; }
    * { text-indent: -9999px !important; }
    /* Not on the article's paragraphs: that would hide the page's own text, markers and all. */
    p { text-indent: 0 !important; }`,
  'buttons and inputs hidden, [hidden] shown, content-box sizing': `
    button, input, summary, details { display: none !important; }
    [hidden] { display: block !important; }
    *, *::before, *::after { box-sizing: content-box !important; }`,
  'junk values for every --nw-* token': `
    :root { --nw-color-text: 12px; --nw-color-muted: url(x); --nw-color-surface: banana; --nw-color-surface-alt: 0;
      --nw-color-border: none; --nw-color-accent: 1; --nw-color-error: ; --nw-font-size: red; --nw-font: 0;
      --nw-space: -3; --nw-radius: url(x); --nw-placeholder-height: -10px; --nw-stances-min-column: banana;
      --nw-color-supports: 5; --nw-color-opposes: x; --nw-color-mixed: 0px; --nw-color-neutral: {}; --nw-color-unclear: "";
    }`,
};

/**
 * Smallest sizes a reader should get, in px. The base text is the page's size, never below
 * 14 px (README); secondary labels and `[n]` markers are 0.75–0.875em of it by design,
 * so 10.5 px at that floor. A hostile page must push neither lower.
 */
const MIN_BASE_PX = 14;
const MIN_TEXT_PX = 10;

/** Everything wrong with how `element` reads: one line per problem, empty when legible. */
function legibilityProblems(element: Element): string[] {
  const problems: string[] = [];
  const backgrounds = new Map<Element, Rgba>();
  // An inline element (<nw-cite>) takes its line from the page's paragraph: its text is measured below.
  const box = element.getBoundingClientRect();
  const inline = getComputedStyle(element).display === 'inline';
  if (!inline && (box.width < 1 || box.height < 1))
    problems.push(`<${element.localName}> is ${box.width}×${box.height}`);
  for (const text of visibleTexts(element)) {
    const parent = text.parentElement!;
    const style = getComputedStyle(parent);
    const where = `<${element.localName}> "${text.data.trim().slice(0, 30)}"`;
    const size = parseFloat(style.fontSize);
    const base = parseFloat(getComputedStyle(topLevel(parent)).fontSize);
    const marker = parent.closest('.cite, .cite-error') !== null;
    if (size < MIN_TEXT_PX) problems.push(`${where}: font-size ${size}px`);
    if (base < MIN_BASE_PX && !marker) problems.push(`${where}: base font-size ${base}px`);
    if (!marker && style.lineHeight !== 'normal' && parseFloat(style.lineHeight) > 2 * size) {
      problems.push(`${where}: line-height ${style.lineHeight} for ${size}px text`);
    }
    const range = document.createRange();
    range.selectNodeContents(text);
    const rect = range.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) problems.push(`${where}: drawn ${rect.width}×${rect.height}`);
    const background = effectiveBackground(parent, backgrounds);
    // What is painted is the fill colour (it defaults to `color`).
    const ink = parseColour(style.webkitTextFillColor || style.color);
    const ratio = contrastRatio(ink, background);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push(
        `${where}: contrast ${ratio.toFixed(2)} (${style.webkitTextFillColor || style.color} on rgb(${background.slice(0, 3).join(' ')}))`,
      );
    }
  }
  return problems;
}

/**
 * Where a control can be clicked: its box, or for an inline marker drawn with
 * `line-height: 0` (a zero-height box by design) the box of its visible text.
 */
function hitArea(control: HTMLElement): DOMRect {
  // A link wrapped over two lines has a bounding box whose centre may fall between them.
  const box = control.getClientRects()[0] ?? control.getBoundingClientRect();
  if (box.height >= 1) return box;
  const text = [...deepNodes(control)].find(
    (node): node is Text => node.nodeType === Node.TEXT_NODE && seen(node.parentElement!),
  );
  if (!text) return box;
  const range = document.createRange();
  range.selectNodeContents(text);
  return range.getClientRects()[0] ?? range.getBoundingClientRect();
}

/** Controls that cannot be seen or hit where they are drawn. */
function controlProblems(element: Element): string[] {
  const problems: string[] = [];
  for (const control of controls(element)) {
    control.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = hitArea(control);
    const name = `<${element.localName}> ${control.localName} "${(control.textContent ?? '').trim().slice(0, 20)}"`;
    if (rect.width < 1 || rect.height < 1) {
      problems.push(`${name} is ${rect.width}×${rect.height}`);
      continue;
    }
    const [x, y] = [rect.x + rect.width / 2, rect.y + rect.height / 2];
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    // A label around a checkbox takes its clicks too.
    const hits = (node: Element | null) => {
      for (let n = node; n; n = flatParent(n))
        if (n === control || (n.localName === 'label' && n.contains(control))) return true;
      return false;
    };
    if (!hits(hit))
      problems.push(`${name}: a click at its centre lands on ${hit ? `${hit.localName}.${hit.className}` : 'nothing'}`);
  }
  return problems;
}

describe('a hostile page stylesheet', () => {
  let stylesheet: HTMLStyleElement | undefined;
  afterEach(async () => {
    stylesheet?.remove();
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  for (const [name, css] of Object.entries(HOSTILE_CSS)) {
    it(`${name}: every element stays legible and clickable`, async () => {
      const doc = await sample();
      const docId = uid('doc');
      const failId = uid('fail');
      stylesheet = Object.assign(document.createElement('style'), { textContent: css });
      document.head.append(stylesheet);
      const root = page(html`<div>
        <p data-nw-for=${docId}>The article's own paragraph cites a source <nw-cite source="1"></nw-cite>.</p>
        <nw-summary for=${docId}></nw-summary>
        <nw-stance-card for=${docId} actor="claudia-sheinbaum"></nw-stance-card>
        <nw-stances for=${docId}></nw-stances>
        <nw-source-list for=${docId}></nw-source-list>
        <nw-timeline for=${docId}></nw-timeline>
        <nw-analysis for=${docId}></nw-analysis>
        <nw-summary class="failing" src=${`/test-api/fault/500?id=${failId}&times=99`}></nw-summary>
      </div>`);
      root.prepend(jsonScript(doc, docId));
      const elements = [...root.querySelectorAll('*')].filter((node) => node.localName.startsWith('nw-'));
      const failing = root.querySelector('nw-summary.failing')!;
      await Promise.all(elements.map((el) => untilState(el, el === failing ? 'error' : 'ready')));

      const problems = elements.flatMap((el) => [...legibilityProblems(el), ...controlProblems(el)]);

      // A citation's popover (it covers part of the page, so after the controls are hit-tested).
      const summary = root.querySelector('nw-summary')!;
      const marker = summary.shadowRoot!.querySelector<HTMLElement>('button.cite')!;
      marker.scrollIntoView({ block: 'center' });
      await sendMouse({ type: 'click', position: textCentre(marker) });
      await untilOpen(summary);
      problems.push(...legibilityProblems(summary));
      expect(problems).to.deep.equal([]);

      // "Try again" is not only there: a real click on it asks the server again.
      const retry = failing.shadowRoot!.querySelector<HTMLElement>('[part=error] button')!;
      retry.scrollIntoView({ block: 'center' });
      const before = await requestCount(failId);
      await sendMouse({ type: 'click', position: textCentre(retry) });
      await waitUntil(async () => (await requestCount(failId)) > before, 'clicking "Try again" requested nothing');
    });
  }
});

// ---------------------------------------------------------------------------------------
// Fresh pages: a polluted Object.prototype, another library's nw- elements
// ---------------------------------------------------------------------------------------

/** What a fresh page reports back: uncaught errors, console warnings, `alert()` calls. */
interface FreshWindow extends Window {
  /** That page's own Object (its prototype is not ours). */
  Object: ObjectConstructor;
  problems: string[];
  warnings: string[];
  alerts: unknown[];
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/**
 * A same-origin page of its own (own globals, own custom element registry) with `head`
 * run before the library (src/define.ts, every element) loads, and `body` as its content.
 */
async function freshPage(head: string, body: string): Promise<{ win: FreshWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.width = '800';
  frame.height = '600';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>
      window.problems = [];
      addEventListener('error', (event) => problems.push(String(event.message)));
      addEventListener('unhandledrejection', (event) => problems.push(String(event.reason)));
      window.warnings = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => { warnings.push(args.map(String).join(' ')); warn(...args); };
      window.alerts = [];
      window.alert = (value) => alerts.push(value);
    </script>
    ${head}
    <script type="module" src="/src/define.ts"></script>
  </head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frames.push(frame);
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as FreshWindow, doc: frame.contentDocument! };
}

/** Our elements in a fresh page, once every one has settled. */
async function settledElements(doc: Document, tags: string[]): Promise<Element[]> {
  const elements = [...doc.querySelectorAll(tags.join(','))];
  await waitUntil(
    () => elements.every((el) => /^(ready|error)$/.test(el.getAttribute('state') ?? '')),
    'elements never settled',
    { timeout: 8000 },
  );
  return elements;
}

/** An element's rendering, through the shadow roots it composes, without Lit's markers. */
function deepMarkup(element: Element): string {
  const copy = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent!;
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return '';
    const inner =
      [...node.childNodes].map(copy).join('') +
      (node instanceof Element && node.shadowRoot ? `#shadow(${copy(node.shadowRoot)})` : '');
    if (node instanceof ShadowRoot) return inner;
    const attributes = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
    return `<${node.localName}${attributes}>${inner}</${node.localName}>`;
  };
  return copy(element).replace(/\s+/g, ' ');
}

/** Every link target in an element's rendering, through the shadow roots it composes. */
const hrefs = (element: Element): string[] =>
  [element, ...deepNodes(element)]
    .filter((node): node is Element => node instanceof Element && node.hasAttribute('href'))
    .map((node) => node.getAttribute('href')!);

/** The sample with every optional field left out, so that a polluted prototype could fill them in. */
async function bare(): Promise<Analysis> {
  const doc = await sample();
  const drop = (object: object, ...keys: string[]) =>
    keys.forEach((key) => delete (object as Record<string, unknown>)[key]);
  drop(doc, 'keyPoints', 'unknowns', 'publisher', 'published', 'updated', 'language');
  doc.actors.forEach((actor) => drop(actor, 'country', 'description'));
  doc.stances.forEach((stance) => drop(stance, 'quote', 'confidence'));
  doc.statements.forEach((statement) => drop(statement, 'date', 'quote', 'kind'));
  doc.sources.forEach((source) => drop(source, 'publisher', 'url', 'date', 'type'));
  return doc;
}

const JS_URL = 'javascript:alert(1)';

/**
 * A page's pollution, as a prototype-pollution bug elsewhere on it would leave it: every
 * optional field of the schema, the attribute names, and the usual gadgets, all enumerable.
 */
const POLLUTION: Record<string, unknown> = {
  url: JS_URL,
  href: JS_URL,
  src: JS_URL,
  source: '1',
  for: 'polluted',
  lang: 'es',
  theme: 'dark',
  actor: 'mexican-public',
  stance: 'polluted',
  actors: 'polluted',
  order: 'desc',
  types: 'legal',
  analysis: '{}',
  headingLevel: 2,
  'heading-level': '2',
  language: 'es',
  keyPoints: ['POLLUTED key point'],
  unknowns: ['POLLUTED unknown'],
  publisher: { name: 'POLLUTED publisher', url: JS_URL },
  published: '1999',
  updated: '1999',
  country: 'POLLUTED',
  description: 'POLLUTED description',
  quote: { text: 'POLLUTED quote', speaker: 'POLLUTED', date: '1999' },
  confidence: 'high',
  date: '1999',
  kind: 'action',
  type: 'legal',
  speaker: 'POLLUTED',
  title: 'POLLUTED',
  name: 'POLLUTED',
  id: 'polluted',
  sources: ['1'],
  paragraphs: ['POLLUTED'],
  innerHTML: '<img src=x onerror=alert(1)>',
};
const pollute = `<script>
  const values = ${JSON.stringify(POLLUTION)};
  for (const [name, value] of Object.entries(values)) Object.prototype[name] = value;
  window.prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
</script>`;

/** JSON text with `__proto__` keys where a careless copy would turn them into prototypes. */
function withProtoKeys(doc: Analysis): string {
  const gadget = `"__proto__": { "url": "${JS_URL}", "keyPoints": ["POLLUTED key point"], "polluted": true }`;
  return JSON.stringify(doc)
    .replace(/^\{/, `{${gadget},`)
    .replace('"sources":[{', `"sources":[{${gadget},`)
    .replace('"actors":[{', `"actors":[{${gadget},`);
}

const TAGS = ['nw-summary', 'nw-stance-card', 'nw-stances', 'nw-source-list', 'nw-timeline', 'nw-analysis', 'nw-cite'];

/** One of each element fed from the page's `<script id=ID>`, and a cited paragraph. */
const everyElement = (id: string) => `
  <p data-nw-for="${id}">Article text <nw-cite source="1"></nw-cite>.</p>
  <nw-summary for="${id}"></nw-summary>
  <nw-stance-card for="${id}" actor="claudia-sheinbaum"></nw-stance-card>
  <nw-stances for="${id}"></nw-stances>
  <nw-source-list for="${id}"></nw-source-list>
  <nw-timeline for="${id}"></nw-timeline>
  <nw-analysis for="${id}"></nw-analysis>`;

/** JSON in a script element, safe to paste into HTML. */
const jsonTag = (id: string, json: string) =>
  `<script type="application/json" id="${id}">${json.replace(/</g, '\\u003c')}</script>`;

describe('a page that polluted Object.prototype before the library loaded', () => {
  it('renders every element exactly as a clean page does, with no javascript: link, and adds nothing to Object.prototype', async () => {
    const body = [
      jsonTag('full', JSON.stringify(await sample())),
      `<div class="full">${everyElement('full')}</div>`,
      jsonTag('bare', JSON.stringify(await bare())),
      `<div class="bare">${everyElement('bare')}</div>`,
      // Fetched too: the request's options are an object literal a polluted prototype reaches.
      `<div class="fetched"><nw-summary src="/test/fixtures/valid/minimal.json"></nw-summary></div>`,
    ].join('\n');
    const clean = await freshPage('', body);
    const polluted = await freshPage(pollute, body);
    const cleanElements = await settledElements(clean.doc, TAGS);
    const pollutedElements = await settledElements(polluted.doc, TAGS);

    expect(pollutedElements.map((el) => el.getAttribute('state'))).to.deep.equal(cleanElements.map(() => 'ready'));
    pollutedElements.forEach((el, i) => {
      const name = `<${el.localName}> in .${el.parentElement!.className}`;
      expect(deepMarkup(el), name).to.equal(deepMarkup(cleanElements[i]!));
      expect(
        hrefs(el).filter((href) => !/^(https?:|#)/.test(href)),
        `${name}: links`,
      ).to.deep.equal([]);
    });
    const win = polluted.win as FreshWindow & { prototypeBefore: string };
    expect(Object.getOwnPropertyNames(win.Object.prototype).sort().join(), 'Object.prototype').to.equal(
      win.prototypeBefore,
    );
    for (const [name, value] of Object.entries(POLLUTION)) {
      // As JSON: the values belong to the other page's realm, which chai's deep equality tells apart.
      expect(
        JSON.stringify((win.Object.prototype as Record<string, unknown>)[name]),
        `Object.prototype.${name}`,
      ).to.equal(JSON.stringify(value));
    }
    expect(win.problems, 'uncaught errors').to.deep.equal([]);
    expect(win.alerts, 'alert() calls').to.deep.equal([]);
  });

  it('a document with "__proto__" keys is refused for its unknown field, and changes no prototype', async () => {
    const text = withProtoKeys(await sample());
    const { win, doc } = await freshPage('', `${jsonTag('doc', text)}${everyElement('doc')}`);
    const elements = await settledElements(doc, TAGS);
    for (const el of elements) expect(el.getAttribute('state'), `<${el.localName}>`).to.equal('error');
    expect(doc.querySelector('nw-summary')!.shadowRoot!.textContent).to.include('__proto__');
    expect('polluted' in win.Object.prototype, 'Object.prototype polluted').to.equal(false);
    expect(
      elements.flatMap(hrefs).filter((href) => href.startsWith('javascript:')),
      'javascript: links',
    ).to.deep.equal([]);
    expect(win.problems, 'uncaught errors').to.deep.equal([]);
  });
});

describe('another library that defined nw- elements first', () => {
  /** Another library's elements, with behaviour of their own to keep: a counter button. */
  const otherLibrary = `<script>
    class OtherWidget extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const button = document.createElement('button');
        button.textContent = 'Other library: 0';
        let clicks = 0;
        button.addEventListener('click', () => (button.textContent = 'Other library: ' + ++clicks));
        this.attachShadow({ mode: 'open' }).append(button);
      }
    }
    customElements.define('nw-timeline', class extends OtherWidget {});
    customElements.define('nw-cite', class extends OtherWidget {});
    window.otherClasses = [customElements.get('nw-timeline'), customElements.get('nw-cite')];
  </script>`;

  it('its elements keep working, ours say so once and the rest of ours work', async () => {
    const doc = await sample();
    const { win, doc: hostDoc } = await freshPage(
      otherLibrary,
      `${jsonTag('doc', JSON.stringify(doc))}
      <p>Their citation: <nw-cite class="theirs" source="1"></nw-cite></p>
      <nw-timeline class="theirs"></nw-timeline>
      <nw-summary for="doc"></nw-summary>
      <nw-stance-card for="doc" actor="claudia-sheinbaum"></nw-stance-card>
      <nw-stances for="doc"></nw-stances>
      <nw-source-list for="doc"></nw-source-list>
      <nw-analysis for="doc"></nw-analysis>`,
    );
    const ours = await settledElements(hostDoc, [
      'nw-summary',
      'nw-stance-card',
      'nw-stances',
      'nw-source-list',
      'nw-analysis',
    ]);
    const other = win as FreshWindow & { otherClasses: CustomElementConstructor[] };

    expect(win.problems, 'uncaught errors').to.deep.equal([]);
    // Theirs: still their classes, still doing what they do.
    expect([win.customElements.get('nw-timeline'), win.customElements.get('nw-cite')]).to.deep.equal(
      other.otherClasses,
    );
    for (const theirs of hostDoc.querySelectorAll('.theirs')) {
      const button = theirs.shadowRoot!.querySelector('button')!;
      button.click();
      expect(button.textContent, `their <${theirs.localName}>`).to.equal('Other library: 1');
    }
    // Ours: one warning for the page, naming a taken tag, and every other element ready.
    const warnings = win.warnings.filter((text) => text.includes('newsroom-widgets'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/<nw-(timeline|cite)> is already defined by another script/);
    for (const el of ours) expect(el.getAttribute('state'), `<${el.localName}>`).to.equal('ready');
    expect(ours[0]!.shadowRoot!.textContent).to.include(doc.question);
  });
});
