/**
 * The few DOM globals Lit's server render needs, in the worker that renders site.zip's pages
 * (builder-publish.worker.ts): Lit SSR's own shim classes, as Node gets them. Imported before
 * anything of Lit, so its element classes have an HTMLElement to extend and a registry to join.
 */
import {
  CSSStyleSheet,
  customElements,
  Document,
  document,
  Element,
  HTMLElement,
  ShadowRoot,
} from '@lit-labs/ssr-dom-shim';

const scope = globalThis as Record<string, unknown>;
// `window`: lit-html reads window.ShadyDOM; a worker has only `self`. CSSStyleSheet: Lit's css
// tag tests styles with instanceof, and ShadowRoot and Document with them; the elements' code
// tests nodes with instanceof ShadowRoot.
// nwServerRender: the elements render their data at once, as under Node (src/internal/is-server.ts).
scope.nwServerRender = true;
for (const [name, value] of Object.entries({
  HTMLElement,
  Element,
  customElements,
  document,
  CSSStyleSheet,
  ShadowRoot,
  Document,
  window: globalThis,
}))
  scope[name] ??= value;
