/**
 * The iframe embed page (`embed.html?src=…&element=…`): shows one element full-width and keeps
 * the host's frame as tall as its content (see `AutoHeight`), announcing the height to
 * `window.parent` only: in pym.js's format when pym.Parent made the frame (a `childId`
 * parameter), else in AMP's `embed-size` format, which `<amp-iframe resizable>` and our
 * resizer (`embed/resizer.js`) read. A pym width message or the resizer's height request
 * from the parent is answered with the height.
 *
 * No inline script or style: the page's few rules are a constructed stylesheet, so the page
 * works under a strict Content-Security-Policy.
 */
import { PALETTE } from '../internal/styles/base.styles.js';
import { AutoHeight } from './auto-height.js';
import { readEmbedParams } from './params.js';
import { ampSizeMessage, asksForHeight, pymHeightMessage } from './protocol.js';

/** The page behind a dark element: the elements' own dark text and surface colours. */
const DARK_PAGE = `color-scheme: dark; color: ${PALETTE.text[1]}; background: ${PALETTE.surface[1]};`;

const PAGE_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
:root[data-theme="dark"] { ${DARK_PAGE} }
@media (prefers-color-scheme: dark) {
  :root[data-theme="auto"] { ${DARK_PAGE} }
}
/* No margin, and a little room for focus rings and shadows at the frame's edges. */
body { margin: 0; padding: 0.25rem; display: flow-root; }
.embed-problem { margin: 0; padding: 0.75rem 1rem; border: 2px solid ${PALETTE.error[0]}; border-radius: 0.5rem; }
`;

/** Builds the page from its URL and starts talking to the host. Returns the height keeper, if framed. */
export function startEmbed(): AutoHeight | undefined {
  const spec = readEmbedParams(location.search);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PAGE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

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

  const parent = window.parent;
  if (parent === window) return undefined; // opened on its own, not in a frame: no one to tell
  const { childId } = spec;
  const heights = new AutoHeight((height) => {
    // Only ever to the parent; '*' because the embedding page may be on any site.
    parent.postMessage(childId ? pymHeightMessage(childId, height) : ampSizeMessage(height), '*');
  });
  addEventListener('message', (event) => {
    if (event.source === parent && asksForHeight(event.data, childId)) heights.request();
  });
  heights.start();
  return heights;
}
