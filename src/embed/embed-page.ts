/**
 * The iframe embed page: shows one element full-width and keeps the host's frame as tall as its
 * content (see `AutoHeight`), announcing the height to `window.parent` only.
 *
 * - `embed.html?src=…&element=…` builds the element from its URL (see params.ts); a page that
 *   already holds an element and has no `src=` (publish's pages: the static render with its
 *   analysis inline) keeps it and lets it upgrade in place.
 * - The format: WordPress's when the URL has its `#?secret=…` (height messages on load, on
 *   `nw-ready`, on every change, on WordPress's `ready` and on a few timers, since a frame that
 *   WordPress keeps hidden until the first message may get no resize observations); else
 *   pym.js's when pym.Parent made the frame (a `childId` parameter); else AMP's `embed-size`,
 *   which `<amp-iframe resizable>` and our resizer (`embed/resizer.js`) read. A pym width
 *   message or the resizer's height request from the parent is answered with the height.
 * - In a sandboxed frame (origin `null`, as WordPress makes it) links are kept working: see links.ts.
 *
 * No inline script or style: the page's few rules are a constructed stylesheet, so the page
 * works under a strict Content-Security-Policy.
 */
import { PALETTE } from '../internal/styles/base.styles.js';
import { STANDALONE_ELEMENTS } from '../internal/standalone-elements.js';
import { AutoHeight } from './auto-height.js';
import { isOpaqueOrigin, keepLinksWorking } from './links.js';
import { readChildId, readEmbedParams } from './params.js';
import {
  ampSizeMessage,
  asksForHeight,
  isWordPressReady,
  pymHeightMessage,
  wordpressHeightMessage,
  wordpressSecret,
} from './protocol.js';

/** The page behind a dark element: the elements' own dark text and surface colours. */
const DARK_PAGE = `color-scheme: dark; color: ${PALETTE.text[1]}; background: ${PALETTE.surface[1]};`;

/**
 * The page's font and the room around its element (each side, in px): what the embed builder
 * gives its preview when it measures the frame's height (demo/builder-snippets.ts).
 */
export const EMBED_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const EMBED_PADDING_PX = 4;

const PAGE_CSS = `
:root { color-scheme: light; font-family: ${EMBED_FONT}; line-height: 1.5; }
/* A popover may be taller than the frame: the frame grows to show it whole (auto-height), so
   the elements do not cap it to the frame's height and scroll it inside. */
:root { --_popover-max-block-size: none; }
:root[data-theme="dark"] { ${DARK_PAGE} }
@media (prefers-color-scheme: dark) {
  :root[data-theme="auto"] { ${DARK_PAGE} }
}
/* No margin, and a little room for focus rings and shadows at the frame's edges. */
body { margin: 0; padding: ${EMBED_PADDING_PX}px; display: flow-root; }
.embed-problem { margin: 0; padding: 0.75rem 1rem; border: 2px solid ${PALETTE.error[0]}; border-radius: 0.5rem; }
.embed-link { position: fixed; inset: auto 0.5rem auto 0.5rem; margin: 0; padding: 0.5rem 0.75rem; box-sizing: border-box;
  color: ${PALETTE.text[0]}; background: ${PALETTE.surface[0]}; border: 1px solid currentColor; border-radius: 0.5rem; }
.embed-link p { margin: 0 0 0.25rem; }
.embed-link input { box-sizing: border-box; width: 100%; margin: 0 0 0.5rem; font: inherit; }
`;

/** A WordPress frame is hidden (and may be throttled) until it speaks: say the height again at these times (ms). */
const WORDPRESS_REPEATS = [250, 1000, 2500, 5000, 10_000];

/** The element a served page already holds (the first standalone one in its body), if any. */
const servedElement = (): HTMLElement | null =>
  document.body.querySelector<HTMLElement>(Object.keys(STANDALONE_ELEMENTS).join(','));

/**
 * Builds the page from its URL, or keeps the element it holds, and starts talking to the host.
 * Returns the height keeper, if framed (undefined until the document is parsed, when the
 * script runs before that).
 */
export function startEmbed(): AutoHeight | undefined {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => startEmbed(), { once: true });
    return undefined;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PAGE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const served = new URLSearchParams(location.search).has('src') ? null : servedElement();
  const childId = served ? readChildId(location.search) : buildFromUrl();

  const parent = window.parent;
  if (parent === window) return undefined; // opened on its own, not in a frame: no one to tell
  // WordPress adds its secret to the frame URL, possibly after the page started (a hash change).
  let secret = wordpressSecret(location.hash);
  const heights = new AutoHeight((height) => {
    // Only ever to the parent; '*' because the embedding page may be on any site.
    if (secret) parent.postMessage(wordpressHeightMessage(secret, height), '*');
    else parent.postMessage(childId ? pymHeightMessage(childId, height) : ampSizeMessage(height), '*');
  });
  // WordPress gets the height again and again (it may have missed it, or applied a stale one).
  const repeat = () => {
    if (secret) heights.request();
  };
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    if (asksForHeight(event.data, childId) || isWordPressReady(event.data, secret)) heights.request();
  });
  addEventListener('hashchange', () => {
    const now = wordpressSecret(location.hash);
    if (now && now !== secret) {
      secret = now;
      repeat();
    }
  });
  addEventListener('load', repeat);
  document.addEventListener('nw-ready', repeat);
  for (const ms of WORDPRESS_REPEATS) setTimeout(repeat, ms);
  if (isOpaqueOrigin()) keepLinksWorking(() => secret, parent);
  heights.start();
  repeat();
  return heights;
}

/** `embed.html?src=…`: puts the element (or the problem) in the body. Returns pym's childId. */
function buildFromUrl(): string | undefined {
  const spec = readEmbedParams(location.search);
  const root = document.documentElement;
  let content: HTMLElement;
  if (spec.ok) {
    content = document.createElement(spec.element);
    for (const [name, value] of spec.attributes) content.setAttribute(name, value);
    if (spec.lang) content.lang = root.lang = spec.lang;
    if (spec.theme) content.setAttribute('theme', (root.dataset.theme = spec.theme));
    content.addEventListener('nw-ready', (event) => {
      if (event.target !== content) return; // composed elements inside announce too
      const { analysis } = event.detail;
      document.title = analysis.question;
      if (!spec.lang) root.lang = analysis.language;
    });
  } else {
    content = document.createElement('p');
    content.className = 'embed-problem';
    content.setAttribute('role', 'alert');
    content.textContent = spec.message;
  }
  document.body.replaceChildren(content);
  return spec.childId;
}
