/**
 * The embed builder's code for a CMS: the link to a published embed page (oEmbed), a script
 * tag, an iframe, or static HTML serialized from the live preview (declarative shadow DOM with
 * its styles).
 */
import { EMBED_FONT, EMBED_PADDING_PX } from '../src/embed/embed-page.js';
import { escapeAttribute, guardedStyle } from '../src/internal/markup.js';
import type { StandaloneElement } from '../src/internal/standalone-elements.js';
import { jsonLdScript } from '../src/jsonld/analysis-jsonld.js';

/** What each element shows, for the editor choosing one (every element that stands alone). */
export const ELEMENTS: Record<StandaloneElement, string> = {
  'nw-analysis': 'The whole analysis: summary, stances, sections, timeline and sources',
  'nw-summary': 'The question, the summary, key points and unknowns',
  'nw-stance-card': 'One actor’s position',
  'nw-stances': 'Every actor’s position, side by side',
  'nw-source-list': 'The numbered sources',
  'nw-timeline': 'The dated statements, in order',
};
export type ElementName = StandaloneElement;
export type { Lang } from '../src/internal/script-snippet.js';
export type SnippetKind = 'link' | 'script' | 'iframe' | 'static';

export {
  CDN_FILE,
  cdnBase,
  withSlash,
  scriptUrl,
  cdnUrl,
  dataScriptId,
  libraryBase,
  cdnScriptTag,
  dataScriptTag,
  scriptSnippet,
  type SnippetChoice,
} from '../src/internal/script-snippet.js';
import {
  cdnBase,
  cdnScriptTag,
  dataScriptTag,
  elementAttributes,
  libraryBase,
  scriptSnippet,
  withSlash,
  type SnippetChoice,
} from '../src/internal/script-snippet.js';

/**
 * The iframe code: it needs the JSON address, because the iframe page loads the JSON by address.
 * The frame sits in a block (`div.nw-embed`): themes centre and size a block in their text
 * column, where an inline iframe sits at the column's left edge; no style attribute, which a
 * strict CSP (style-src without 'unsafe-inline') refuses. With `heights` (`measuredHeights`
 * of the preview) the frame starts at its content's height for its width.
 */
/** The widths the iframe's height is measured at: a phone's column, a desktop article's. */
export const FRAME_WIDTHS = [375, 640] as const;

/**
 * The embed page's height at each of `widths` (a frame that wide), as `data-nw-heights` writes
 * them ("375:730 640:410"): measured on the live preview by giving it the page's font and, in
 * turn, each width less the page's padding, and reading its box (layout is synchronous, so no
 * frame is painted in between).
 */
export function measuredHeights(element: HTMLElement, widths: readonly number[] = FRAME_WIDTHS): string {
  const { style } = element;
  const saved = { width: style.width, fontFamily: style.fontFamily, fontSize: style.fontSize };
  try {
    style.fontFamily = EMBED_FONT;
    style.fontSize = '16px';
    return widths
      .map((width) => {
        style.width = `${width - 2 * EMBED_PADDING_PX}px`;
        return `${width}:${Math.ceil(element.getBoundingClientRect().height + 2 * EMBED_PADDING_PX)}`;
      })
      .join(' ');
  } finally {
    Object.assign(style, saved);
  }
}

export function iframeSnippet(choice: SnippetChoice & { jsonUrl: string }, heights?: string): string {
  const base = withSlash(choice.base ?? choice.embedBase ?? cdnBase(choice.version));
  const query = new URLSearchParams({ src: choice.jsonUrl, element: choice.element });
  if (choice.element === 'nw-stance-card' && choice.actor) query.set('actor', choice.actor);
  query.set('lang', choice.lang);
  query.set('theme', choice.theme);
  const src = `${base}embed.html?${query}`;
  // The first measured height as the frame's own (pages without the resizer), and all of them
  // for the resizer, which runs right after the frame: it starts at its final height.
  const first = heights ? /^\d+:(\d+)/.exec(heights)?.[1] : undefined;
  const size = first ? ` height="${first}" data-nw-heights="${escapeAttribute(heights!)}"` : '';
  return [
    `<div class="nw-embed"><iframe src="${escapeAttribute(src)}" title="${escapeAttribute(choice.analysis.question)}" width="100%"${size} frameborder="0" loading="lazy"></iframe></div>`,
    `<script src="${escapeAttribute(`${base}embed/resizer.js`)}"></script>`,
  ].join('\n');
}

/**
 * The published page's name for an element (and actor), as `newsroom-widgets publish` writes
 * it: `stance-<actor>` for a stance card, `sources` for the source list, else the element's name.
 */
export function viewName(element: ElementName, actor: string | undefined): string {
  if (element === 'nw-stance-card') return `stance-${actor ?? ''}`;
  if (element === 'nw-source-list') return 'sources';
  return element.slice(3);
}

/** The link kind: the address of the view's embed page in the published folder (`BASE ID/<view>.html`). */
export function linkSnippet(choice: SnippetChoice & { siteBase: string }): string {
  const view = viewName(choice.element, choice.actor);
  return `${withSlash(choice.siteBase)}${encodeURIComponent(choice.analysis.id)}/${encodeURIComponent(view)}.html`;
}

/** Every shadow root inside `element`, its own first, then nested ones in tree order. */
export function shadowRootsIn(element: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Element) => {
    if (node.shadowRoot) {
      roots.push(node.shadowRoot);
      node.shadowRoot.querySelectorAll('*').forEach(visit);
    }
    // Light-DOM children (a slotted element with its own shadow root).
    for (const child of node.children) visit(child);
  };
  visit(element);
  return roots;
}

const TAGS = 'analysis|summary|stance-card|stances|source-list|timeline|cite';
/**
 * Elements inside a pre-rendered element are renamed `nw-static-*`: they are only HTML, so the
 * script must not upgrade them (they have no data of their own; the live element renders its
 * own). Their parents' style rules are widened to match both names.
 */
const STATIC_PREFIX = 'nw-static-';
const renameTags = (html: string): string =>
  html.replace(new RegExp(`<(/?)nw-(${TAGS})\\b`, 'g'), `<$1${STATIC_PREFIX}$2`);
const widenSelectors = (css: string): string =>
  css.replace(new RegExp(`(?<![-\\w])nw-(${TAGS})(?![-\\w])`, 'g'), `:is(nw-$1,${STATIC_PREFIX}$1)`);

function cssOf(root: ShadowRoot): string {
  const sheets = [...root.adoptedStyleSheets];
  return widenSelectors(sheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n'));
}

/**
 * The rendered element as HTML with declarative shadow roots (`<template shadowrootmode>`),
 * nested roots included, each with its styles: readable with no script at all.
 */
export function prerenderedHtml(element: HTMLElement): string {
  const roots = shadowRootsIn(element);
  const markers: Comment[] = [];
  const styles = roots.map(cssOf);
  roots.forEach((root, index) => {
    const start = document.createComment(`nw-static-start:${index}`);
    root.prepend(start);
    markers.push(start);
  });
  let inner: string;
  try {
    inner = element.getHTML({ shadowRoots: roots });
  } finally {
    // Synchronous: the live element never renders while the markers are in.
    markers.forEach((marker) => marker.remove());
  }
  return (
    renameTags(inner)
      .replace(/<!--nw-static-start:(\d+)-->/g, (_, index: string) =>
        // Adopted style sheets are not serialised: each root gets its styles as a <style>.
        guardedStyle(styles[Number(index)] ?? ''),
      )
      // Lit's part markers mean nothing outside this page.
      .replace(/<!--\?lit\$\d+\$-->|<!--\?-->|<!---->/g, '')
      // A nested element's state belongs to this page: in the copy, it starts unrendered.
      .replace(/(<nw-[a-z-]+\b[^>]*?) state="[a-z]+"/g, '$1')
  );
}

/**
 * The script-tag code with the element already rendered from the live preview (its declarative
 * shadow DOM, as the static HTML): it holds its final height before the script runs, so the
 * article below it never moves, with the module script or the classic one.
 */
export function previewScriptSnippet(choice: SnippetChoice, element: HTMLElement): string {
  const data = choice.jsonUrl ? 'src' : 'for';
  const prerendered = `<${choice.element}${elementAttributes(choice, data)}>${prerenderedHtml(element)}</${choice.element}>`;
  return scriptSnippet({ ...choice, prerendered });
}

export function staticSnippet(choice: SnippetChoice, element: HTMLElement, interactive: boolean): string {
  const lines: string[] = [];
  let data: 'for' | 'src' | 'none' = 'none';
  if (interactive) {
    lines.push(cdnScriptTag(choice.version, choice.integrity, libraryBase(choice)));
    if (choice.jsonUrl) data = 'src';
    else {
      data = 'for';
      lines.push(dataScriptTag(choice.analysis));
    }
  }
  // Without the script it is only HTML: a name the library never upgrades (a page that loads
  // newsroom-widgets for something else would otherwise turn it into an element with no data).
  const tag = interactive ? choice.element : `${STATIC_PREFIX}${choice.element.slice(3)}`;
  lines.push(`<${tag}${elementAttributes(choice, data)}>${prerenderedHtml(element)}</${tag}>`);
  if (choice.jsonLd) lines.push(jsonLdScript(choice.analysis));
  return lines.join('\n');
}

/** The SRI hash (`sha384-…`) of bytes, as browsers check it. */
export async function sriHash(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}
