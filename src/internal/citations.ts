/**
 * The one renderer for `[n]` markers in any element's text. Text is always rendered as
 * text (Lit escapes it); markers become buttons that open the source's popover, named by
 * the source's title, not just a number.
 *
 * One tab stop per source per block (a paragraph, a list item, a stance card, a timeline
 * entry): a later marker of a source already cited in the same block, such as the
 * "Sources: [2] [3]" line under a card whose text cites [2] and [3], opens the very popover
 * the earlier one opens, one Tab press back. It stays a button, clickable and tappable, and
 * screen readers still meet it in the text; it is just not a Tab stop of its own
 * (`tabindex="-1"`). Pass the block's `Set` to every call for that block.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Analysis } from '../schema/analysis.js';
import { splitCitations } from '../schema/citations.js';
import { indexOf } from './analysis-index.js';
import type { CoreMessages as Messages } from './i18n/en.js';

/** The id of a source's title among `sourceTitles`, for a marker's aria-describedby. */
export const sourceTitleId = (id: string): string => `nw-source-title-${id}`;

/**
 * Every source's title, hidden, in the analysis's language: what markers are described by.
 * Rendered once per shadow root that has markers (with the popover).
 */
export const sourceTitles = (analysis: Analysis): TemplateResult =>
  html`<div hidden lang=${analysis.language}>${analysis.sources.map((source) => html`<span id=${sourceTitleId(source.id)}>${source.title}</span>`)}</div>`;

/**
 * A `[n]` marker. `lang` is the element's own language (its words name the marker, inside text
 * in the analysis's language: WCAG 3.1.2); `block` collects the sources a block cited already.
 */
export function citation(
  id: string,
  analysis: Analysis,
  t: Messages,
  block?: Set<string>,
  lang?: string,
): TemplateResult {
  const source = indexOf(analysis).sources.get(id);
  if (!source) return html`[${id}]`;
  const repeat = block?.has(id) ?? false;
  block?.add(id);
  // A button, not a link: it opens the source's popover (see citation-popover.ts), which
  // holds the link out. Its name is short and in the element's language ("Fuente 2"); the
  // title, in the analysis's language, is its description (sourceTitles, WCAG 3.1.2).
  return html`<button type="button" class="cite" part="citation" data-cite=${id} aria-expanded="false"
    aria-haspopup="dialog" aria-label=${`${t.source} ${id}`} aria-describedby=${sourceTitleId(id)} lang=${lang ?? nothing} tabindex=${repeat ? '-1' : nothing}>[${id}]</button>`;
}

/** Text with its markers rendered as citations; the text is a block of its own unless `block` says otherwise. */
export function citedText(
  text: string,
  analysis: Analysis,
  t: Messages,
  block = new Set<string>(),
  lang?: string,
): unknown[] {
  return splitCitations(text).map((part) =>
    'text' in part ? part.text : citation(part.cite, analysis, t, block, lang),
  );
}

/** A "Sources: [1] [4]" line for a list of source ids; nothing when the list is empty. */
export function sourceLine(
  ids: readonly string[],
  analysis: Analysis,
  t: Messages,
  block = new Set<string>(),
  lang?: string,
) {
  if (ids.length === 0) return nothing;
  return html`<p class="source-line" part="sources"><span class="source-line-label">${t.sources}${t.colon}</span>
    ${ids.map((id) => html`${citation(id, analysis, t, block, lang)} `)}</p>`;
}
