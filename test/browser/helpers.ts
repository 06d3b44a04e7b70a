/**
 * Shared helpers for the browser tests (web-test-runner + @open-wc/testing, real Chromium).
 * Everything here is about driving the elements the way a page would and reading what a
 * reader would see; nothing reaches into element internals.
 */
import { fixtureSync, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Analysis } from '../../src/schema/analysis.js';

export const SAMPLE_URL = '/data/mexico-us-deployment.json';
export const MINIMAL_URL = '/test/fixtures/valid/minimal.json';

/** The page's own fetch, kept before any test replaces `window.fetch` with a spy. */
export const realFetch: typeof fetch = window.fetch.bind(window);

const texts = new Map<string, Promise<string>>();
async function load(url: string): Promise<string> {
  let text = texts.get(url);
  if (!text) {
    text = realFetch(url).then((response) => response.text());
    texts.set(url, text);
  }
  return text;
}

/** A fresh, mutable copy of the sample analysis. */
export async function sample(): Promise<Analysis> {
  return JSON.parse(await load(SAMPLE_URL)) as Analysis;
}

/** A fresh copy of test/fixtures/valid/minimal.json (a different, smaller valid analysis). */
export async function minimal(): Promise<Analysis> {
  return JSON.parse(await load(MINIMAL_URL)) as Analysis;
}

/** A copy of the sample changed by `change`, e.g. with another question to tell it apart. */
export async function variant(change: (doc: Analysis) => void): Promise<Analysis> {
  const doc = await sample();
  change(doc);
  return doc;
}

/** The sample with a different question, so a test can tell which source an element used. */
export async function withQuestion(question: string): Promise<Analysis> {
  return variant((doc) => {
    doc.question = question;
  });
}

/** A `<script type="application/json">` holding `value` (serialised unless already text). */
export function jsonScript(value: unknown, id?: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  if (id) script.id = id;
  script.textContent = typeof value === 'string' ? value : JSON.stringify(value);
  return script;
}

/** A string no other test (or earlier run against the same server) uses. */
export function uid(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** How many times the test server served /test-api/analysis.json or /test-api/slow with this id. */
export async function requestCount(id: string): Promise<number> {
  return (await realFetch(`/test-api/count?id=${encodeURIComponent(id)}`)).json() as Promise<number>;
}

/** Waits until the element's reflected `state` attribute is `state`. */
export async function untilState(element: Element, state: 'loading' | 'ready' | 'error'): Promise<void> {
  await waitUntil(
    () => element.getAttribute('state') === state,
    `expected state="${state}", still "${element.getAttribute('state')}"`,
    { timeout: 5000 },
  );
}

/** Waits until the element has left loading (ready or error). */
export async function settled(element: Element): Promise<void> {
  await waitUntil(() => /^(ready|error)$/.test(element.getAttribute('state') ?? ''), 'element never settled', {
    timeout: 5000,
  });
}

export interface Recorder {
  events: CustomEvent[];
  of(type: string): CustomEvent[];
  stop(): void;
}

/** Records `nw-ready` and `nw-error` (or other types) reaching `target` until `stop()`. */
export function recordEvents(target: EventTarget = document, types = ['nw-ready', 'nw-error']): Recorder {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) target.addEventListener(type, listener);
  return {
    events,
    of: (type) => events.filter((event) => event.type === type),
    stop: () => types.forEach((type) => target.removeEventListener(type, listener)),
  };
}

/** Records every value the element's `state` attribute takes from now on. */
export function recordStates(element: Element): { states: string[]; stop(): void } {
  const states: string[] = [];
  const observer = new MutationObserver(() => states.push(element.getAttribute('state') ?? ''));
  observer.observe(element, { attributes: true, attributeFilter: ['state'] });
  return { states, stop: () => observer.disconnect() };
}

/**
 * Replaces `window.fetch` with `spy` (which may call `realFetch`) until the returned
 * function is called. Tests restore in `finally` so one failure does not leak into others.
 */
export function replaceFetch(spy: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>): () => void {
  const previous = window.fetch;
  window.fetch = spy as typeof fetch;
  return () => {
    window.fetch = previous;
  };
}

/** The element's shadow text with whitespace collapsed (includes visually hidden text). */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** One element in the shadow root, failing clearly when it is not there. */
export function part<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${element.localName}>'s shadow root`);
  return found;
}

/** Every element under `root`, through open shadow roots (each host's shadow root first). */
export function* deepElements(root: Node): Generator<Element> {
  const children = root instanceof Element && root.shadowRoot ? [root.shadowRoot, ...root.childNodes] : root.childNodes;
  for (const child of children) {
    if (child instanceof Element) yield child;
    yield* deepElements(child);
  }
}

/** What a sighted reader sees of a shadow-root element (rendered text only). */
export function visibleText(element: Element, selector: string): string {
  return part(element, selector).innerText.replace(/\s+/g, ' ').trim();
}

/**
 * What a screen reader says for a citation marker: its name ("Source 2", aria-label, in the
 * element's language), then its description (the source's title, in the analysis's, by
 * aria-describedby), as "Source 2: title"; a marker without a label gives its text.
 */
export function citationName(marker: Element): string {
  const name = (marker.getAttribute('aria-label') ?? marker.textContent ?? '').replace(/\s+/g, ' ').trim();
  const describedBy = marker.getAttribute('aria-describedby');
  const description = describedBy
    ? (marker.getRootNode() as ShadowRoot).getElementById(describedBy)?.textContent
    : undefined;
  return description ? `${name}: ${description.replace(/\s+/g, ' ').trim()}` : name;
}

/** An element's text without its citation markers (and their hidden labels). */
export function prose(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.cite').forEach((cite) => cite.remove());
  // A removed marker leaves the space that preceded it ("contested [1]." → "contested .").
  return copy
    .textContent!.replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}

/** Text with its `[n]` markers removed, for comparing with rendered prose. */
export function withoutMarkers(text: string): string {
  return text
    .replace(/\s*\[\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ids cited as `[n]` in a text, in order of appearance. */
export function markers(text: string): string[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((match) => match[1]!);
}

// ---------------------------------------------------------------------------------------
// Pages with several elements, citations and their popovers (issue 4).
// ---------------------------------------------------------------------------------------

/**
 * Renders a page fragment (plain HTML around any number of elements) and returns its root.
 * `fixture()` waits for an animation frame when the root is not a Lit element, and a page
 * that is not the browser's front tab (web-test-runner runs two at once) never gets one,
 * so this renders synchronously; wait for the elements with `allSettled`.
 */
export function page<T extends Element = HTMLElement>(template: TemplateResult): T {
  return fixtureSync<T>(template);
}

/** Every nw-* element under `root` (light DOM), including `root` itself. */
export function widgetsIn(root: Element): Element[] {
  return [root, ...root.querySelectorAll('*')].filter((node) => node.localName.startsWith('nw-'));
}

/** Waits until every nw-* element under `root` has left loading. */
export async function allSettled(root: Element): Promise<void> {
  await Promise.all(widgetsIn(root).map(settled));
}

/** The sample with a URL, publisher, partial date and type on every source, so a popover has it all. */
export function described(): Promise<Analysis> {
  const dates = ['2025', '2025-04', '2025-04-08'];
  return variant((doc) =>
    doc.sources.forEach((source, i) => {
      source.url = `https://example.org/source/${source.id}`;
      source.publisher ??= `Publisher ${source.id}`;
      source.date = dates[i % dates.length]!;
      source.type ??= 'government';
    }),
  );
}

/** The citation markers (`[n]` buttons) an element renders, optionally only those for source `id`. */
export function citeButtons(element: Element, id?: string): HTMLButtonElement[] {
  const selector = id === undefined ? 'button.cite[data-cite]' : `button.cite[data-cite="${CSS.escape(id)}"]`;
  return [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>(selector) ?? [])];
}

/** The first marker for source `id` in the element, failing clearly when there is none. */
export function citeButton(element: Element, id?: string): HTMLButtonElement {
  const found = citeButtons(element, id)[0];
  if (!found) throw new Error(`no citation marker${id ? ` for source ${id}` : ''} in <${element.localName}>`);
  return found;
}

/** The element's source popover. */
export function popoverOf(element: Element): HTMLElement {
  return part(element, '[popover]');
}

export const isOpen = (element: Element): boolean => popoverOf(element).matches(':popover-open');

export async function untilOpen(element: Element, message = 'popover never opened'): Promise<void> {
  await waitUntil(() => isOpen(element), message, { timeout: 5000 });
}

export async function untilClosed(element: Element, message = 'popover never closed'): Promise<void> {
  await waitUntil(() => !isOpen(element), message, { timeout: 5000 });
}

/** Dispatches a pointer event as a mouse, a finger or a pen would produce it. */
export function pointer(target: Element, type: string, pointerType: 'mouse' | 'touch' | 'pen' = 'mouse'): void {
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerType, isPrimary: true }),
  );
}

/** A tap as a touch screen produces it: pointer events with pointerType "touch", then the click. */
export function tap(target: HTMLElement): void {
  for (const type of ['pointerover', 'pointerenter', 'pointerdown', 'pointerup']) pointer(target, type, 'touch');
  target.click();
  for (const type of ['pointerout', 'pointerleave']) pointer(target, type, 'touch');
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Moves focus back to <body>, as when a reader has not focused anything yet. */
export function blurAll(): void {
  (document.activeElement as HTMLElement | null)?.blur?.();
}

/** Where the centre of an element's text is, in viewport pixels (markers have a zero-height box). */
export function textCentre(element: Element): [number, number] {
  const range = document.createRange();
  range.selectNodeContents(element);
  const rect = range.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** Text with whitespace collapsed. */
export const squash = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/**
 * A short description of a node for assertions ("button.cite[data-cite=3] in <nw-summary>"):
 * comparing descriptions gives a readable failure, where comparing elements makes the
 * reporter serialise whole DOM trees (enough to crash the page with a shadow-root cycle).
 */
export function named(node: Node | null | undefined): string {
  if (!node) return String(node);
  if (node === document.body) return 'body';
  if (!(node instanceof Element)) return node.nodeName;
  const classes = [...node.classList].map((name) => `.${name}`).join('');
  const data = [...node.attributes]
    .filter((a) => a.name.startsWith('data-') && a.name !== 'data-flash')
    .map((a) => `[${a.name}=${a.value}]`)
    .join('');
  const root = node.getRootNode();
  const where = root instanceof ShadowRoot ? ` in <${root.host.localName}>` : '';
  return `${node.localName}${classes}${data}${where}`;
}
