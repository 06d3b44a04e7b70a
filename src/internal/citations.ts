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

export function citation(id: string, analysis: Analysis, t: Messages, block?: Set<string>): TemplateResult {
  const source = indexOf(analysis).sources.get(id);
  if (!source) return html`[${id}]`;
  const repeat = block?.has(id) ?? false;
  block?.add(id);
  // A button, not a link: it opens the source's popover (see citation-popover.ts), which
  // holds the link out. The accessible name carries the title, not just the number.
  return html`<button type="button" class="cite" part="citation" data-cite=${id} aria-expanded="false"
    aria-haspopup="dialog" aria-label=${`${t.source} ${id}${t.colon} ${source.title}`} tabindex=${repeat ? '-1' : nothing}>[${id}]</button>`;
}

/** Text with its markers rendered as citations; the text is a block of its own unless `block` says otherwise. */
export function citedText(text: string, analysis: Analysis, t: Messages, block = new Set<string>()): unknown[] {
  return splitCitations(text).map((part) => ('text' in part ? part.text : citation(part.cite, analysis, t, block)));
}

/** A "Sources: [1] [4]" line for a list of source ids; nothing when the list is empty. */
export function sourceLine(ids: readonly string[], analysis: Analysis, t: Messages, block = new Set<string>()) {
  if (ids.length === 0) return nothing;
  return html`<p class="source-line" part="sources"><span class="source-line-label">${t.sources}${t.colon}</span>
    ${ids.map((id) => html`${citation(id, analysis, t, block)} `)}</p>`;
}
