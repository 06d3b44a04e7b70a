/**
 * Links inside a sandboxed frame. WordPress frames every discovered embed with
 * `sandbox="allow-scripts"`: its origin is `null`, and with no `allow-popups` nor
 * `allow-top-navigation` a link cannot open a tab (`target="_blank"`, every source link) nor
 * the reader's window; the browser drops the click. Only in such a frame (origin `null`), a
 * click on an http(s) link that leaves the page is handled here instead:
 *
 * - on the embed's own host, with WordPress's secret: WordPress's link message, which
 *   wp-embed.js follows (it navigates the reader's window; it allows no other host); the
 *   address panel below if the page is still there 2 s later (no wp-embed.js on the host);
 * - elsewhere, in a frame without WordPress: a new tab if the sandbox allows popups;
 * - otherwise (a source on another site, under WordPress): a small panel near the link shows
 *   its address, selected, to copy. Opening the source inside the frame instead would replace
 *   the widget with a page that most news sites refuse to show in a frame (X-Frame-Options),
 *   with no way back; an address to copy never dead-ends.
 *
 * In-page links (`#section`) and links an element handles itself are left alone, and so is
 * every link in a frame that is not sandboxed (pym.js, AMP, a plain iframe): they work as usual.
 */
import { wordpressLinkMessage } from './protocol.js';

let panel: HTMLElement | undefined;

/** How long WordPress may take to start leaving for a link before the address shows instead. */
const LINK_PATIENCE_MS = 2000;

/** The panel's size, for keeping it inside a short frame. */
const PANEL_ROOM = 150;

function showAddress(href: string, near: Element): void {
  if (!panel) {
    panel = document.createElement('div');
    panel.className = 'embed-link';
    panel.popover = 'auto';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Link address');
    const text = document.createElement('p');
    text.textContent = 'This embed cannot open other sites. Copy the address to visit it:';
    const input = document.createElement('input');
    input.type = 'text';
    input.readOnly = true;
    input.setAttribute('aria-label', 'Address');
    input.addEventListener('focus', () => input.select());
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => panel?.hidePopover());
    panel.append(text, input, close);
    document.body.append(panel);
  }
  const input = panel.querySelector('input')!;
  input.value = href;
  const below = near.getBoundingClientRect().bottom + 4;
  panel.style.top = `${Math.max(0, Math.min(below, innerHeight - PANEL_ROOM))}px`;
  if (!panel.matches(':popover-open')) panel.showPopover();
  input.focus();
  input.select();
}

/** Whether this document runs in a sandbox without `allow-same-origin` (its origin is `null`). */
export const isOpaqueOrigin = (): boolean => self.origin === 'null';

/**
 * Handles link clicks as described above; `secret()` is WordPress's secret (undefined when the
 * host is not WordPress), `parent` the window to tell.
 */
export function keepLinksWorking(secret: () => string | undefined, parent: Window): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!anchor) return;
    let url: URL;
    try {
      url = new URL(anchor.href);
    } catch {
      return;
    }
    if (!/^https?:$/.test(url.protocol)) return;
    const here = new URL(location.href);
    if (url.hash && `${url.origin}${url.pathname}${url.search}` === `${here.origin}${here.pathname}${here.search}`)
      return; // a link within the page
    event.preventDefault();
    const key = secret();
    if (key && url.host === here.host) {
      parent.postMessage(wordpressLinkMessage(key, url.href), '*');
      // A host page without wp-embed.js (WordPress loads it only with the oEmbed's blockquote)
      // ignores the message: if this page is still here, the address after all.
      setTimeout(() => showAddress(url.href, anchor), LINK_PATIENCE_MS);
      return;
    }
    if (!key) {
      const opened = window.open(url.href, '_blank');
      if (opened) {
        try {
          opened.opener = null;
        } catch {
          // another origin already: nothing to cut
        }
        return;
      }
    }
    showAddress(url.href, anchor);
  });
}
